"""Fitting the detector: a multinomial logistic regression over sparse binary features (numpy, scipy).

Each example is a list of feature names and a label; the features seen in at least ``min_count`` examples
form the vocabulary; an example's vector is its known features, each ``1/sqrt(n)`` (n: all its features,
known or not, so that dropping a feature of small weight from the model leaves every other one as it was).
The weights minimise the weighted log loss plus ``l2/2 |W|²`` by L-BFGS from zero: the same data in the
same order give the same weights on every run.
"""

from __future__ import annotations

import base64
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import optimize, sparse


@dataclass
class Linear:
    """A fitted linear model: feature names, class names and the weight matrix (features × classes)."""

    features: list[str]
    classes: list[str]
    weights: np.ndarray

    def to_json(self) -> dict:
        """The model as JSON values: the weights as base64 of little-endian float16, row-major."""
        raw = self.weights.astype("<f2").tobytes()
        return {"features": self.features, "classes": self.classes,
                "weights": base64.b64encode(raw).decode("ascii")}

    @classmethod
    def from_json(cls, data: dict) -> Linear:
        raw = base64.b64decode(data["weights"])
        weights = np.frombuffer(raw, dtype="<f2").astype(np.float32)
        return cls(list(data["features"]), list(data["classes"]),
                   weights.reshape(len(data["features"]), len(data["classes"])))


def _matrix(rows: Sequence[Sequence[str]], index: dict[str, int]) -> sparse.csr_matrix:
    indptr, cols, vals = [0], [], []
    for feats in rows:
        known = sorted({index[f] for f in feats if f in index})
        scale = 1.0 / np.sqrt(len(set(feats))) if known else 0.0
        cols += known
        vals += [scale] * len(known)
        indptr.append(len(cols))
    return sparse.csr_matrix((np.array(vals, dtype=np.float64), np.array(cols, dtype=np.int64),
                              np.array(indptr, dtype=np.int64)), shape=(len(rows), len(index)))


def _softmax(scores: np.ndarray) -> np.ndarray:
    scores = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(scores)
    return exp / exp.sum(axis=1, keepdims=True)


def fit(rows: Sequence[Sequence[str]], labels: Sequence[str], sample_weight: Sequence[float] | None = None,
        l2: float = 1.0, min_count: int = 2, max_iter: int = 300) -> Linear:
    """A logistic regression over the examples (feature lists with their labels)."""
    counts = Counter(f for feats in rows for f in set(feats))
    names = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(names)}
    classes = sorted(set(labels))
    x = _matrix(rows, index)
    y = np.zeros((len(rows), len(classes)))
    y[np.arange(len(rows)), [classes.index(label) for label in labels]] = 1.0
    w = np.asarray(sample_weight if sample_weight is not None else np.ones(len(rows)), dtype=np.float64)
    shape = (len(names), len(classes))

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        weights = flat.reshape(shape)
        probs = _softmax(np.asarray(x @ weights))
        value = -float(np.sum(w * np.log(np.maximum((probs * y).sum(axis=1), 1e-12))))
        value += 0.5 * l2 * float(np.sum(weights * weights))
        grad = np.asarray(x.T @ ((probs - y) * w[:, None])) + l2 * weights
        return value, grad.ravel()

    found = optimize.minimize(loss, np.zeros(shape[0] * shape[1]), jac=True, method="L-BFGS-B",
                              options={"maxiter": max_iter})
    return Linear(names, classes, found.x.reshape(shape).astype(np.float32))


def pruned(model: Linear, count: int) -> Linear:
    """The model with only its ``count`` features of the largest weights (ties kept in feature order)."""
    largest = np.abs(model.weights).max(axis=1)
    keep = np.sort(np.argsort(-largest, kind="stable")[:count])
    return Linear([model.features[i] for i in keep], model.classes, model.weights[keep])


def predict(model: Linear, rows: Sequence[Sequence[str]]) -> np.ndarray:
    """Class probabilities, one row per example."""
    index = {f: i for i, f in enumerate(model.features)}
    return _softmax(np.asarray(_matrix(rows, index) @ model.weights, dtype=np.float64))
