"""The sentence-level event detector: PLOVER type and modality proposed for one running-text sentence.

Independent of the trigger lexicon: a linear model over the sentence's word n-grams (names and numbers
replaced by their kind) and cheap cues of its parse (:mod:`comity.events.detector_features`), fitted by
:mod:`comity.events.detector_train` and shipped as ``data/detector.json`` with its provenance (what it
was trained on, counts, date, version). ``comity train-detector`` rebuilds it.

``propose(sentence)`` gives ``(type, modality, probability)`` for each PLOVER type the model finds at
least ``floor`` likely, most likely first; ``none`` (no event) is never proposed. CONCEDE and RETREAT
are one class, YIELD, in the model (the sources disagree on the line between them); the rules keep the
distinction. Modality is one of ``past`` (a reported act), ``future``, ``hypothetical``, ``negated``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
from spacy.tokens import Span

from comity.datafiles import bundled
from comity.events.detector_features import features
from comity.events.detector_train import Linear

NONE = "none"
MODALITIES = ("past", "future", "hypothetical", "negated")
Proposal = tuple[str, str, float]  # (PLOVER type or YIELD, modality, probability)


@dataclass
class Detector:
    """The fitted type and modality models, the confidence threshold and the model's provenance."""

    types: Linear
    modality: Linear
    threshold: float
    about: dict

    def __post_init__(self) -> None:
        """One weight matrix for both models (type columns, then modality columns): one gather a sentence."""
        names = list(dict.fromkeys(self.types.features + self.modality.features))
        self._index = {f: i for i, f in enumerate(names)}
        self._split = len(self.types.classes)
        both = np.zeros((len(names), self._split + len(self.modality.classes)), dtype=np.float32)
        both[[self._index[f] for f in self.types.features], : self._split] = self.types.weights
        both[[self._index[f] for f in self.modality.features], self._split :] = self.modality.weights
        self._weights = both

    @classmethod
    def from_json(cls, data: dict) -> Detector:
        return cls(Linear.from_json(data["types"]), Linear.from_json(data["modality"]),
                   float(data.get("threshold", 0.5)), dict(data.get("provenance", {})))

    @property
    def version(self) -> str:
        return str(self.about.get("version", "?"))

    def _sums(self, feats: list[str]) -> np.ndarray:
        """The summed weights of the sentence's known features, scaled as in training."""
        index = self._index
        rows = [index[f] for f in feats if f in index]
        if not rows:
            return np.zeros(self._weights.shape[1], dtype=np.float64)
        return self._weights[rows].sum(axis=0, dtype=np.float64) / np.sqrt(len(feats))

    def scores(self, feats: list[str]) -> np.ndarray:
        """Type probabilities for one sentence's features, in ``types.classes`` order."""
        return _softmax(self._sums(feats)[: self._split])

    def mode_of(self, feats: list[str]) -> str:
        return self._mode(self._sums(feats))

    def _mode(self, sums: np.ndarray) -> str:
        return self.modality.classes[int(np.argmax(sums[self._split :]))]

    def propose_features(self, feats: list[str], floor: float = 0.0) -> list[Proposal]:
        sums = self._sums(feats)
        probs = _softmax(sums[: self._split])
        order = np.argsort(-probs, kind="stable")
        found = [(self.types.classes[i], float(probs[i])) for i in order if probs[i] >= floor]
        found = [(kind, p) for kind, p in found if kind != NONE]
        if not found:
            return []
        mode = self._mode(sums)
        return [(kind, mode, round(p, 4)) for kind, p in found]

    def propose(self, sentence: Span, floor: float = 0.0) -> list[Proposal]:
        """(type, modality, probability) for every event type at least ``floor`` likely, best first."""
        return self.propose_features(features(sentence), floor)

    def confident(self, sentence: Span, threshold: float | None = None) -> Proposal | None:
        """The best proposal when it clears the threshold (the model's by default) and beats 'none'."""
        return self.confident_features(features(sentence), threshold)

    def confident_features(self, feats: list[str], threshold: float | None = None) -> Proposal | None:
        sums = self._sums(feats)
        probs = _softmax(sums[: self._split])
        best = int(np.argmax(probs))
        kind = self.types.classes[best]
        if kind == NONE or probs[best] < (self.threshold if threshold is None else threshold):
            return None
        return kind, self._mode(sums), round(float(probs[best]), 4)


def _softmax(scores: np.ndarray) -> np.ndarray:
    exp = np.exp(scores - scores.max())
    return exp / exp.sum()


@cache
def load_detector() -> Detector:
    """The bundled detector (``data/detector.json``), loaded once per process."""
    return Detector.from_json(bundled("detector.json"))
