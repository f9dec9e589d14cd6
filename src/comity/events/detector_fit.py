"""Fitting the whole detector: the regularisation and the confidence threshold chosen on held-out
examples, then the type and modality models fitted on every example.

``rows`` are (example, features) pairs (:class:`comity.events.detector_data.Example`); ``held`` says which
are held out. Figures on the held-out examples: type accuracy, macro F1 over the types with held-out
examples ('none' included), and the precision and recall of the confident proposals at the threshold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from comity.events.detector_train import Linear, fit, predict, pruned

L2_GRID = (0.005, 0.02, 0.1)
# the shipped model keeps the features of the largest weights: 12,000 of about 40,000 type features cost
# 0.003 of PLV type accuracy and cut the file from 3.2 MB to under 1 MB
TYPE_FEATURES, MODALITY_FEATURES = 12_000, 4_000
THRESHOLDS = tuple(round(0.30 + 0.05 * i, 2) for i in range(14))
NONE = "none"
ABOUT = ("The sentence-level event detector (comity.events.detector): a multinomial logistic regression over "
         "word n-grams and parse cues. 'types' and 'modality' hold feature names, class names and the weight "
         "matrix (features x classes) as base64 of little-endian float16, row-major; 'threshold' is the "
         "probability a proposal needs to count as confident; 'provenance' says what it was trained on. "
         "Rebuilt by 'comity train-detector'.")


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    """The mean F1 over the types that have gold examples."""
    scores = []
    for kind in sorted(set(gold)):
        right = sum(g == p == kind for g, p in zip(gold, pred, strict=True))
        guessed, wanted = sum(p == kind for p in pred), sum(g == kind for g in gold)
        precision, recall = right / guessed if guessed else 0.0, right / wanted
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def _confident(model: Linear, probs: np.ndarray, gold: Sequence[str], threshold: float
               ) -> tuple[float, float]:
    """Precision and recall of the confident proposals (best class not 'none', at least ``threshold``)."""
    best = probs.argmax(axis=1)
    proposed = right = 0
    for i, k in enumerate(best):
        kind = model.classes[k]
        if kind != NONE and probs[i, k] >= threshold:
            proposed += 1
            right += kind == gold[i]
    events = sum(g != NONE for g in gold)
    return (right / proposed if proposed else 0.0), (right / events if events else 0.0)


def _choose(rows: list, held: Sequence[bool], target: float) -> tuple[float, float, dict]:
    train = [(f, ex.type, ex.weight) for (ex, f), h in zip(rows, held, strict=True) if not h]
    test = [(f, ex.type) for (ex, f), h in zip(rows, held, strict=True) if h]
    gold = [t for _, t in test]
    best: tuple = (-1.0, L2_GRID[0], None, None)
    for l2 in L2_GRID:
        model = fit([f for f, _, _ in train], [t for _, t, _ in train], [w for _, _, w in train], l2=l2)
        probs = predict(model, [f for f, _ in test])
        pred = [model.classes[k] for k in probs.argmax(axis=1)]
        score = macro_f1(gold, pred)
        if score > best[0]:
            best = (score, l2, model, probs)
    score, l2, model, probs = best
    pred = [model.classes[k] for k in probs.argmax(axis=1)]
    reached = (t for t in THRESHOLDS if _confident(model, probs, gold, t)[0] >= target)
    threshold = next(reached, THRESHOLDS[-1])
    p, r = _confident(model, probs, gold, threshold)
    figures = {"examples": len(test), "l2": l2, "type_accuracy": round(sum(
        g == q for g, q in zip(gold, pred, strict=True)) / max(len(gold), 1), 3),
        "type_macro_f1": round(score, 3), "threshold": threshold,
        "confident_precision": round(p, 3), "confident_recall": round(r, 3)}
    return l2, threshold, figures


def fit_detector(rows: list, held: Sequence[bool], target: float) -> tuple[dict, dict]:
    """The model file's content and the held-out figures."""
    l2, threshold, figures = _choose(rows, held, target)
    types = fit([f for _, f in rows], [ex.type for ex, _ in rows], [ex.weight for ex, _ in rows], l2=l2)
    moded = [(f, ex.modality) for ex, f in rows if ex.modality]
    modality = (fit([f for f, _ in moded], [m for _, m in moded], l2=l2) if len({m for _, m in moded}) > 1
                else Linear(["bias"], ["past"], np.zeros((1, 1), dtype=np.float32)))
    counts = Counter(ex.type for ex, _ in rows)
    fitted = len(types.features)
    types, modality = pruned(types, TYPE_FEATURES), pruned(modality, MODALITY_FEATURES)
    data = {"about": ABOUT, "types": types.to_json(), "modality": modality.to_json(), "threshold": threshold,
            "provenance": {"examples": len(rows), "held_out": figures, "features": len(types.features),
                           "features_fitted": fitted, "smallest_type": min(counts.values())}}
    return data, figures
