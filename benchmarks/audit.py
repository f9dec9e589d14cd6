"""The events audit of issue 12: code corpus articles, draw events at random, judge them by hand.

    python benchmarks/audit.py code  OUT.jsonl [--articles 500] [--seed 12]
    python benchmarks/audit.py draw  OUT.jsonl AUDIT.md [--events 100] [--seed 12]
    python benchmarks/audit.py count AUDIT.md

``code`` picks ``--articles`` articles of ``../shared/data/news/corpus.jsonl.gz``
at random (fixed seed), never one of the hand-coded dev set
(``../shared/data/news/dev``) nor of the blind sets (``benchmarks/blind*``), codes
them with comity as installed and writes one JSON line per article (id, url,
published, the events as comity's JSON output gives them). ``draw`` picks
``--events`` events at random among those that ties and counts use (not
hypothetical) and writes the audit file: for each, the article's id and date,
the record (type, mode, aux, negated, actor, recipient, date and where it came
from) and its evidence, with verdict lines to fill in by hand:
``type``, ``actor``, ``recipient``, ``modality`` (each ``ok`` or ``wrong``),
``date`` (``ok``/``wrong``) and a note. ``count`` reads a judged file and prints
the share of events fully right (type, actor, recipient and modality all
``ok``), of dates right, and the longest evidence in sentences.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "news"
CORPUS = SHARED / "corpus.jsonl.gz"
FIELDS = ("type", "actor", "recipient", "modality", "date")


def _excluded() -> set[str]:
    dev = {p.name.split(".")[0] for p in (SHARED / "dev").glob("*.gold.json")}
    blind = {p.name.split(".")[0] for p in (ROOT / "benchmarks").glob("blind*/*.gold.json")}  # both sets
    return dev | blind


def code(out: Path, articles: int, seed: int) -> None:
    import comity
    from comity.records import Article
    from comity.text.normalize import as_date

    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    skip = _excluded()
    rows = [r for r in rows if r["id"] not in skip]
    picked = random.Random(seed).sample(rows, articles)
    coder = comity.Coder()
    batch = [Article(id=r["id"], text=f"{r.get('title') or ''}\n\n{r['text']}", url=r.get("url"),
                     published=as_date(r.get("published"))) for r in picked]
    with out.open("w", encoding="utf-8") as sink:
        for n, (article, coded) in enumerate(coder.code_many(batch), 1):
            events = comity.to_json(coded)["events"] if not isinstance(coded, Exception) else []
            sink.write(json.dumps({"id": article.id, "url": article.url, "published": str(article.published),
                                   "events": events}, ensure_ascii=False) + "\n")
            if n % 50 == 0:
                print(f"{n}/{len(batch)} articles coded", file=sys.stderr)


def _sides(side: list[dict]) -> str:
    return ", ".join(f"{m.get('code')} ({m.get('entity_text')})" for m in side) or "-"


def _evidence(event: dict) -> list[str]:
    items = event.get("evidence") or [{"text": event.get("event_text", "")}]
    return [item["text"] for item in items]


def draw(coded: Path, audit: Path, events: int, seed: int) -> None:
    pool = []
    for line in coded.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        for event in row["events"]:
            if "hypothetical" not in (event.get("aux") or []):
                pool.append((row, event))
    picked = random.Random(seed).sample(pool, min(events, len(pool)))
    out = [f"# Events audit: {len(picked)} of {len(pool)} events drawn from {coded.name}\n",
           "Fill each verdict with ok or wrong (modality: aux, negation and future/past right).\n"]
    for n, (row, event) in enumerate(picked, 1):
        out += [f"## {n}. {row['id']} (published {row['published']}) {row.get('url') or ''}",
                f"- record: {'not ' if event.get('negated') else ''}{event['event']} "
                f"mode={event.get('mode')} "
                f"aux={event.get('aux')} date={event.get('date')} ({event.get('date_source')})",
                f"- actor: {_sides(event['actor'])}", f"- recipient: {_sides(event['recipient'])}",
                f"- trigger: {event.get('trigger')!r}"]
        out += [f"- evidence: {text}" for text in _evidence(event)]
        out += [f"- verdict {field}: " for field in FIELDS] + ["- note: ", ""]
    audit.write_text("\n".join(out), encoding="utf-8")


_SENTENCE = re.compile(r"[.!?][\"'”’]?\s+(?=[\"“‘A-Z])")


def count(audit: Path) -> None:
    blocks = audit.read_text(encoding="utf-8").split("\n## ")[1:]
    right = dated = judged = 0
    longest = 0
    for block in blocks:
        verdicts = dict(re.findall(r"- verdict (\w+): *(\w*)", block))
        if not all(verdicts.get(f) for f in FIELDS):
            continue
        judged += 1
        right += all(verdicts[f] == "ok" for f in FIELDS[:4])
        dated += verdicts["date"] == "ok"
        for text in re.findall(r"- evidence: (.*)", block):
            longest = max(longest, len(_SENTENCE.split(text.strip())))
    print(f"judged {judged}: fully right {right} ({right / max(judged, 1):.0%}), dates right {dated} "
          f"({dated / max(judged, 1):.0%}), longest evidence item {longest} sentence(s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=("code", "draw", "count"))
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--events", type=int, default=100)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    if args.step == "code":
        code(args.paths[0], args.articles, args.seed)
    elif args.step == "draw":
        draw(args.paths[0], args.paths[1], args.events, args.seed)
    else:
        count(args.paths[0])


if __name__ == "__main__":
    main()
