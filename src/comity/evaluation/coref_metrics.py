"""The standard coreference measures: MUC, B³ and CEAF-e, and their mean (the CoNLL F1).

A clustering is a list of sets of mention keys (any hashable: here the gold
mention a predicted mention was matched to, or the predicted mention itself
when it matched none). Definitions as in the CoNLL-2011/2012 shared tasks:

- MUC (Vilain et al. 1995): links. Recall counts, for each gold entity, its
  size less the number of predicted parts it is split into.
- B³ (Bagga and Baldwin 1998): per mention, the overlap of its gold and its
  predicted entity.
- CEAF-e (Luo 2005): the best one-to-one alignment of gold and predicted
  entities under φ4 (2|K∩R| / (|K|+|R|)).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Cluster = frozenset[Hashable]


@dataclass(frozen=True)
class Prf:
    """Recall and precision as numerator/denominator pairs, so documents can be summed."""

    recall_num: float = 0.0
    recall_den: float = 0.0
    precision_num: float = 0.0
    precision_den: float = 0.0

    def __add__(self, other: Prf) -> Prf:
        return Prf(self.recall_num + other.recall_num, self.recall_den + other.recall_den,
                   self.precision_num + other.precision_num, self.precision_den + other.precision_den)

    @property
    def recall(self) -> float:
        return self.recall_num / self.recall_den if self.recall_den else 0.0

    @property
    def precision(self) -> float:
        return self.precision_num / self.precision_den if self.precision_den else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _muc_side(keys: Sequence[Cluster], responses: Sequence[Cluster]) -> tuple[float, float]:
    where = {m: i for i, c in enumerate(responses) for m in c}
    num = den = 0.0
    for cluster in keys:
        parts = {where.get(m, ("alone", m)) for m in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num, den


def muc(gold: Sequence[Cluster], predicted: Sequence[Cluster]) -> Prf:
    r_num, r_den = _muc_side(gold, predicted)
    p_num, p_den = _muc_side(predicted, gold)
    return Prf(r_num, r_den, p_num, p_den)


def _b3_side(keys: Sequence[Cluster], responses: Sequence[Cluster]) -> tuple[float, float]:
    where = {m: c for c in responses for m in c}
    num = sum(len(c & where.get(m, frozenset())) / len(c) for c in keys for m in c)
    return num, float(sum(len(c) for c in keys))


def b_cubed(gold: Sequence[Cluster], predicted: Sequence[Cluster]) -> Prf:
    r_num, r_den = _b3_side(gold, predicted)
    p_num, p_den = _b3_side(predicted, gold)
    return Prf(r_num, r_den, p_num, p_den)


def ceaf_e(gold: Sequence[Cluster], predicted: Sequence[Cluster]) -> Prf:
    if not gold or not predicted:
        return Prf(0.0, float(len(gold)), 0.0, float(len(predicted)))
    phi = np.array([[2 * len(k & r) / (len(k) + len(r)) for r in predicted] for k in gold])
    rows, cols = linear_sum_assignment(phi, maximize=True)
    best = float(phi[rows, cols].sum())
    return Prf(best, float(len(gold)), best, float(len(predicted)))


def scores(gold: Sequence[Cluster], predicted: Sequence[Cluster]) -> dict[str, Prf]:
    """MUC, B³ and CEAF-e of one document."""
    return {"muc": muc(gold, predicted), "b3": b_cubed(gold, predicted), "ceafe": ceaf_e(gold, predicted)}


def conll_f1(totals: dict[str, Prf]) -> float:
    """The mean of the three F1 scores."""
    return sum(totals[k].f1 for k in ("muc", "b3", "ceafe")) / 3
