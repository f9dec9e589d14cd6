"""Precision of the context-recipient rule alone (issue 12, point 2), on gold folders.

    python benchmarks/context_rule.py ../shared/data/news/dev [more gold folders]

Codes every gold article twice, with and without ``comity.events.context``'s rule
(an event with one acting side and no recipient takes the partner that side
deals with in nearby events), and counts the event dyads (type, actor,
recipient, negation, as the shared scorer reads them) that only the rule
produces: how many the gold accepts (right), how many it does not (wrong), and
how many accepted recipient-less dyads the rule replaced. The rule pays where
right > wrong + replaced-and-accepted.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import comity
import comity.events.extract as extract
from comity.evaluation.evaluate import gold_article
from comity.evaluation.score_events import accepted_tuples, event_tuples


def _dyads(coded: comity.records.Coded) -> dict:
    """Each scored tuple with the trigger and sentence of the first event that gives it."""
    out: dict = {}
    for event in comity.to_json(coded)["events"]:
        for tup in event_tuples(event):
            out.setdefault(tup, f"{event['trigger']!r}: {event['event_text'][:120]}")
    return out


def main(folders: list[str]) -> None:
    files = [f for folder in folders for f in sorted(Path(folder).rglob("*.gold.json"))]
    articles = [gold_article(f) for f in files]
    coder = comity.Coder()
    with_rule = [_dyads(c) for _, c in coder.code_many(articles)]
    kept = extract.context_recipients
    extract.context_recipients = lambda events, *_: events
    try:
        without = [_dyads(c) for _, c in coder.code_many(articles)]
    finally:
        extract.context_recipients = kept
    right = wrong = lost = 0
    for path, on, off in zip(files, with_rule, without, strict=True):
        accepted = accepted_tuples(json.loads(path.read_text(encoding="utf-8")))
        added, removed = on.keys() - off.keys(), off.keys() - on.keys()
        right += len(added & accepted)
        wrong += len(added - accepted)
        lost += len(removed & accepted)
        for tup in sorted(added, key=str):
            print(f"{path.name[:-10]}  {'right' if tup in accepted else 'WRONG'}  {tup.label()}  {on[tup]}")
    total = right + wrong
    print(f"context rule: {total} dyads added, {right} right, {wrong} wrong "
          f"(precision {right / total if total else 0:.3f}); accepted dyads it replaced: {lost}")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "dev")])
