"""Event dates against hand-coded gold (issue 12, point 5): how often a found event carries the right date.

    python benchmarks/event_dates.py PRED_DIR [GOLD_DIR]   # GOLD_DIR: ../shared/data/news/dev

Reads predictions written by ``comity eval GOLD_DIR --out-dir PRED_DIR``. For
every predicted event whose scored tuple (type, actor, recipient, negation)
matches a gold record that has ``dates``, the date is right when its span of
days overlaps one of the dates of a gold record with that tuple; ``historical``
is right when the predicted event has it exactly when that gold record has it.
Prints the counts and lists the wrong dates.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from comity.evaluation.score_events import event_tuples
from comity.evaluation.score_values import day_span


def _aux(record: dict) -> set[str]:
    value = record.get("aux") or []
    return {value} if isinstance(value, str) else set(value)


def main(pred_dir: Path, gold_dir: Path) -> None:
    judged = right = hist_right = undated = 0
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        pred_path = pred_dir / (gold_path.name[: -len(".gold.json")] + ".json")
        if not pred_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        by_tuple: dict = {}
        for record in gold.get("events", []):
            if record.get("dates"):
                for tup in event_tuples(record):
                    by_tuple.setdefault(tup, []).append(record)
        for event in json.loads(pred_path.read_text(encoding="utf-8"))["events"]:
            golds = [g for tup in event_tuples(event) for g in by_tuple.get(tup, [])]
            if not golds:
                continue
            mine = day_span(event.get("date"))
            told = f"{gold_path.name[:11]} {event['event']} {event.get('date')} ({event.get('date_source')})"
            wanted = f"gold {[d for g in golds for d in g['dates']]}: {event['event_text'][:90]}"
            if mine is None:
                undated += 1
                print(told, wanted)
                continue
            judged += 1
            spans = [(g, day_span(d)) for g in golds for d in g["dates"]]
            hits = [g for g, s in spans if mine and s and mine[0] <= s[1] and s[0] <= mine[1]]
            right += bool(hits)
            hist_right += ("historical" in _aux(event)) == ("historical" in _aux((hits or golds)[0]))
            if not hits:
                print(told, wanted)
    print(f"events matched to dated gold: {judged + undated}; left undated {undated}; of the dated, "
          f"{judged}: date right {right} ({right / max(judged, 1):.3f}); "
          f"historical right {hist_right} ({hist_right / max(judged, 1):.3f})")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2
         else Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "dev")
