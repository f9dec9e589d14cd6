"""``comity eval --plv``: event types measured on PLV's news sentences (Hu et al., ACL 2024).

Each PLV row is one news sentence with its two actors as written (``source``, ``target``, marked in
``marked_sentence`` as ``<s>…</s>`` and ``<t>…</t>``) and its PLOVER type (``gold_root``; CONCEDE and
RETREAT are merged there as YIELD). Comity codes the sentence as it is, finding the actors itself; the
row's prediction is comity's event in the sentence whose actor text overlaps the source and whose
recipient text overlaps the target, else whose actor overlaps the source, else whose recipient overlaps
the target (the earliest such event, a non-negated one first). No such event is a miss.

Measures, over the rows:
- type accuracy: the picked event's type is the gold one (a miss counts as wrong);
- coverage: the share of rows with a picked event, and the accuracy over those rows;
- per-type precision (over the rows whose picked event has the type) and recall (over the gold rows of
  the type), and their macro F1 (the mean F1 over the types with gold rows).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from comity.errors import EvalError
from comity.evaluation import scoring
from comity.pipeline import Coder
from comity.records import Article, Coded, Event, Span

AS_YIELD = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
MARK = re.compile(r"</?[st]>")


@dataclass(frozen=True)
class PlvRow:
    """One PLV row: the sentence, the spans of its source and target in it, and the gold type."""

    id: str
    sentence: str
    source: Span | None
    target: Span | None
    event: str
    modality: str = ""


@dataclass
class PlvScore:
    rows: int = 0
    matched: int = 0
    right: int = 0
    gold_by_type: Counter = field(default_factory=Counter)
    pred_by_type: Counter = field(default_factory=Counter)
    right_by_type: Counter = field(default_factory=Counter)


def plover_type(kind: str) -> str:
    """A comity type as PLV names it."""
    return AS_YIELD.get(kind, kind)


def _marked_spans(marked: str) -> tuple[str, dict[str, Span]]:
    """The sentence without its marks, and the spans of what ``<s>`` and ``<t>`` enclosed."""
    text, spans, opened, pos = [], {}, {}, 0
    for match in MARK.finditer(marked):
        text.append(marked[pos:match.start()])
        here = sum(len(t) for t in text)
        tag = match.group()
        if tag.startswith("</"):
            spans[tag[2]] = (opened.pop(tag[2], here), here)
        else:
            opened[tag[1]] = here
        pos = match.end()
    text.append(marked[pos:])
    return "".join(text), spans


def _find(sentence: str, phrase: str) -> Span | None:
    start = sentence.find(phrase) if phrase else -1
    return (start, start + len(phrase)) if start >= 0 else None


def _row(record: dict[str, str], number: int) -> PlvRow | None:
    sentence, event = (record.get("sentence") or "").strip(), (record.get("gold_root") or "").strip().upper()
    if not sentence or not event:
        return None
    marked, spans = _marked_spans(record.get("marked_sentence") or "")
    if marked.strip() == sentence and "s" in spans:  # the marks give exact places
        offset = marked.find(sentence)
        source = (spans["s"][0] - offset, spans["s"][1] - offset)
        target = (spans["t"][0] - offset, spans["t"][1] - offset) if "t" in spans else None
    else:
        source = _find(sentence, (record.get("source") or "").strip())
        target = _find(sentence, (record.get("target") or "").strip())
    ident = (record.get("sentence_id") or "").strip() or str(number)
    return PlvRow(ident, sentence, source, target, AS_YIELD.get(event, event),
                  (record.get("modality_L2") or "").strip())


def load_plv(path: Path) -> list[PlvRow]:
    """The rows of a PLV TSV file that carry a sentence and a type."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            records = list(csv.DictReader(handle, delimiter="\t"))
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise EvalError("E052", f"{path}: not a readable PLV file ({err})") from err
    rows = [row for n, record in enumerate(records, 1) if (row := _row(record, n)) is not None]
    if not rows:
        raise EvalError("E052", f"{path}: no rows with a sentence and a gold_root type")
    return rows


def _overlaps(event_side: Iterable, span: Span | None) -> bool:
    return span is not None and any(m.span[0] < span[1] and span[0] < m.span[1] for m in event_side)


def pick_event(events: Iterable[Event], row: PlvRow) -> Event | None:
    """The event the row is scored on: both sides overlap, else the actor, else the recipient."""
    ordered = sorted(events, key=lambda e: (e.negated, e.spans[0] if e.spans else (0, 0)))
    tests = (
        lambda e: _overlaps(e.actor, row.source) and _overlaps(e.recipient, row.target),
        lambda e: _overlaps(e.actor, row.source),
        lambda e: _overlaps(e.recipient, row.target),
    )
    for test in tests:
        found = next((e for e in ordered if test(e)), None)
        if found is not None:
            return found
    return None


def score_row(score: PlvScore, row: PlvRow, predicted: str | None) -> None:
    """Count one row whose picked event has type ``predicted`` (None: a miss)."""
    score.rows += 1
    score.gold_by_type[row.event] += 1
    if predicted is None:
        return
    kind = plover_type(predicted)
    score.matched += 1
    score.pred_by_type[kind] += 1
    if kind == row.event:
        score.right += 1
        score.right_by_type[kind] += 1


def evaluate_plv(coder: Coder, path: Path, tick=None) -> PlvScore:
    """Code every distinct sentence of the file once and score its rows."""
    rows = load_plv(path)
    sentences = list(dict.fromkeys(r.sentence for r in rows))
    articles = (Article(id=f"plv-{i}", text=s) for i, s in enumerate(sentences))
    events: dict[str, tuple[Event, ...]] = {}
    for article, coded in coder.code_many(articles):
        events[article.text] = coded.events if isinstance(coded, Coded) else ()
        if tick is not None:
            tick()
    score = PlvScore()
    for row in rows:
        picked = pick_event(events.get(row.sentence, ()), row)
        score_row(score, row, picked.event if picked else None)
    return score


def _ratio(a: int, b: int) -> float:
    return round(scoring.ratio(a, b), scoring.SUMMARY_DIGITS)


def f1(precision: float, recall: float) -> float:
    return round(scoring.f1(precision, recall), scoring.SUMMARY_DIGITS)


def per_type(score: PlvScore) -> Iterator[tuple[str, int, float, float]]:
    """(type, gold rows, precision, recall) for every type seen in gold or prediction."""
    for kind in sorted(set(score.gold_by_type) | set(score.pred_by_type)):
        yield (kind, score.gold_by_type[kind], _ratio(score.right_by_type[kind], score.pred_by_type[kind]),
               _ratio(score.right_by_type[kind], score.gold_by_type[kind]))


def macro_f1(score: PlvScore) -> float:
    scores = [f1(p, r) for _, gold, p, r in per_type(score) if gold]
    return round(sum(scores) / len(scores), scoring.SUMMARY_DIGITS) if scores else 0.0


def summary(score: PlvScore) -> dict[str, float | int]:
    return {"rows": score.rows, "type_accuracy": _ratio(score.right, score.rows),
            "type_macro_f1": macro_f1(score), "coverage": _ratio(score.matched, score.rows),
            "matched_accuracy": _ratio(score.right, score.matched)}
