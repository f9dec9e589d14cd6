"""Events whose actor or recipient is given by a pronoun, a description or a group phrase (issue 11):
how many comity codes on the real-news dev set with the entity model and without it, and how many of
them the hand-coded gold has (same type, actor and recipient codes in the same article).

    python benchmarks/entity_sides.py [DEV_DIR]

Without the model the coder runs as before the model existed (``pipeline.build_model`` gives an empty
model), as in ``benchmarks/entities.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import comity.pipeline as pipeline
from comity.entities.model import EntityModel

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "news" / "dev"
REFERRING = {"pronoun", "coref", "description", "group"}


def gold_tuples(gold: dict) -> set[tuple]:
    def codes(value) -> tuple:
        items = value if isinstance(value, list) else [value] if value else []
        return tuple(sorted({i.get("code") if isinstance(i, dict) else i for i in items} - {None}))

    return {(e["event"], codes(e.get("actor")), codes(e.get("recipient"))) for e in gold["events"]}


def count(coder: pipeline.Coder, dev: Path) -> tuple[int, int, int, int]:
    """(events, events with a referring side, of those in the gold, all events in the gold)."""
    events = referring = right = matched = 0
    for gold_path in sorted(dev.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text())
        text = (dev / gold["text_file"]).read_text(encoding="utf-8")
        coded = coder.code(text, published=gold["published"])
        wanted = gold_tuples(gold)
        for e in coded.events:
            key = (e.event, tuple(sorted({m.entity.code for m in e.actor if m.entity.code})),
                   tuple(sorted({m.entity.code for m in e.recipient if m.entity.code})))
            events += 1
            matched += key in wanted
            if any(m.how in REFERRING for m in (*e.actor, *e.recipient)):
                referring += 1
                right += key in wanted
    return events, referring, right, matched


def main() -> None:
    dev = Path(sys.argv[1]) if len(sys.argv) > 1 else DEV
    coder = pipeline.Coder()
    real = pipeline.build_model
    for label, model in (("with the entity model", real), ("without it", lambda *_a, **_k: EntityModel())):
        pipeline.build_model = model
        events, referring, right, matched = count(coder, dev)
        print(f"{label}: {events} events, {matched} of them in the gold (type and both sides); "
              f"{referring} with a side given by a pronoun, description or group phrase, {right} of "
              f"those in the gold")
    pipeline.build_model = real


if __name__ == "__main__":
    main()
