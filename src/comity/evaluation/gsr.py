"""``comity eval --plover-gsr``: event coding measured on PLOVER's gold-standard sentences.

The PLOVER gold standard records (GSR) are single sentences hand-coded with
the CAMEO-era category names. Their old names map to PLOVER 2.0 as the manual
says: DEMAND is a REQUEST ("all requests, demands, and orders"), DISAPPROVE and
INVESTIGATE are ACCUSE with modes ``disapprove`` and ``investigate``, FIGHT is
ASSAULT; the other names are unchanged. A few old actor codes name ISO states
under other letters (JAP → JPN, VTN → VNM, ITL → ITA). CAMEO codes every
international body ``IGO``; the gold format the project codes to splits the UN's
bodies (``UNO``) and the EU (``EUR``) out of it, so a coded UNO or EUR meets a
gold IGO.

Measures, over records that have a gold event and a sentence:
- type accuracy: the gold type is among the types coded from the sentence;
- per-type precision and recall over (sentence, type) pairs, and their macro
  F1 (the mean over the types with gold sentences of each type's F1);
- actor and recipient accuracy: where the type was found, the gold codes are
  among that event's actor (recipient) codes.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from comity.errors import EvalError
from comity.evaluation import scoring
from comity.evaluation.score_events import SYMMETRIC_TYPES
from comity.pipeline import Coder
from comity.records import Article, Coded, Event

OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
OLD_CODES = {"JAP": "JPN", "VTN": "VNM", "ITL": "ITA"}
AS_IGO = {"UNO": "IGO", "EUR": "IGO"}  # CAMEO had one code for all international bodies
SKIP = {"DOCUMENT"}


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    published: date | None
    event: str
    actors: frozenset[str]
    recipients: frozenset[str]


@dataclass
class GsrScore:
    sentences: int = 0
    type_found: int = 0
    actor_scored: int = 0
    actor_ok: int = 0
    recipient_scored: int = 0
    recipient_ok: int = 0
    gold_by_type: Counter = field(default_factory=Counter)
    found_by_type: Counter = field(default_factory=Counter)
    pred_by_type: Counter = field(default_factory=Counter)
    right_by_type: Counter = field(default_factory=Counter)


def _codes(value: object) -> frozenset[str]:
    if not isinstance(value, list):
        return frozenset()
    found = (str(v.get("code") or "").upper() for v in value if isinstance(v, dict))
    return frozenset(OLD_CODES.get(c, c) for c in found if c)


def load_gsr(path: Path) -> list[GoldSentence]:
    """The records of a GSR file that carry a sentence and an event."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise EvalError("E052", f"{path}: not a readable PLOVER GSR file ({err})") from err
    out = []
    for record in records if isinstance(records, list) else []:
        event = str(record.get("event") or "").upper()
        if not record.get("text") or not event or event in SKIP:
            continue
        try:
            published = date.fromisoformat(record.get("date") or "")
        except ValueError:
            published = None
        out.append(GoldSentence(record.get("id", ""), record["text"], published, OLD_TYPES.get(event, event),
                                _codes(record.get("source")), _codes(record.get("target"))))
    if not out:
        raise EvalError("E052", f"{path}: no gold records with a sentence and an event")
    return out


def _event_codes(event: Event) -> tuple[set[str], set[str]]:
    def codes(side: tuple) -> set[str]:
        return {AS_IGO.get(m.entity.code, m.entity.code) for m in side if m.entity.code}

    return codes(event.actor), codes(event.recipient)


def score_sentence(score: GsrScore, gold: GoldSentence, coded: Coded) -> None:
    types = {e.event for e in coded.events if not e.negated}
    score.sentences += 1
    score.gold_by_type[gold.event] += 1
    for kind in types:
        score.pred_by_type[kind] += 1
        score.right_by_type[kind] += kind == gold.event
    if gold.event not in types:
        return
    score.type_found += 1
    score.found_by_type[gold.event] += 1
    sides = [_event_codes(e) for e in coded.events if e.event == gold.event]
    if gold.event in SYMMETRIC_TYPES:  # either side of a meeting or an agreement may be named first
        sides = [(a | r, a | r) for a, r in sides]
    if gold.actors:
        score.actor_scored += 1
        score.actor_ok += any(gold.actors <= a for a, _ in sides)
    if gold.recipients:
        score.recipient_scored += 1
        score.recipient_ok += any(gold.recipients <= r for _, r in sides)


def evaluate_gsr(coder: Coder, path: Path) -> GsrScore:
    golds = load_gsr(path)
    articles = (Article(id=g.id, text=g.text, published=g.published) for g in golds)
    score = GsrScore()
    for gold, (_, coded) in zip(golds, coder.code_many(articles), strict=True):
        if isinstance(coded, Coded):
            score_sentence(score, gold, coded)
        else:
            score.sentences += 1
            score.gold_by_type[gold.event] += 1
    return score


def _ratio(a: int, b: int) -> float:
    return round(scoring.ratio(a, b), scoring.SUMMARY_DIGITS)


def f1(precision: float, recall: float) -> float:
    """F1 rounded as the figures are."""
    return round(scoring.f1(precision, recall), scoring.SUMMARY_DIGITS)


def _macro_f1(score: GsrScore) -> float:
    """The mean of the per-type F1 over the types that have gold sentences (the measure NGEC reports)."""
    scores = [f1(p, r) for kind, gold, p, r in per_type(score) if gold]
    return round(sum(scores) / len(scores), scoring.SUMMARY_DIGITS) if scores else 0.0


def summary(score: GsrScore) -> dict[str, float | int]:
    return {"sentences": score.sentences, "type_accuracy": _ratio(score.type_found, score.sentences),
            "type_macro_f1": _macro_f1(score),
            "actor_accuracy": _ratio(score.actor_ok, score.actor_scored),
            "recipient_accuracy": _ratio(score.recipient_ok, score.recipient_scored)}


def per_type(score: GsrScore) -> Iterator[tuple[str, int, float, float]]:
    """(type, gold sentences, precision, recall) for every type seen in gold or prediction."""
    for kind in sorted(set(score.gold_by_type) | set(score.pred_by_type)):
        yield (kind, score.gold_by_type[kind], _ratio(score.right_by_type[kind], score.pred_by_type[kind]),
               _ratio(score.found_by_type[kind], score.gold_by_type[kind]))
