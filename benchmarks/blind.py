"""The blind set: real corpus articles coded by hand before the coder ran on them (benchmarks/blind/).

    python benchmarks/blind.py [OUT_DIR] [--set blind2]

The gold files live in the repository; the article texts do not (they are
CNN and USA Today text). This script rebuilds each ``ID.txt`` from
``../shared/data/news/corpus.jsonl.gz`` as "title, blank line, text" (the
layout of the real-news dev set), copies the gold files beside them into
OUT_DIR (default: a temporary folder) and prints ``comity eval`` of that folder.

``--set blind2`` uses the second blind set (``benchmarks/blind2/``, coded on
2026-12-08) instead of the first (``benchmarks/blind/``). Measure a set once
before a quality change and once at the end, without studying its misses in
between; report both figures.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "benchmarks" / "blind"
CORPUS = ROOT.parent / "shared" / "data" / "news" / "corpus.jsonl.gz"


def rebuild(out: Path, folder: Path = BLIND) -> int:
    """Write every gold file of ``folder`` and its article text into ``out``; the number of articles."""
    golds = {p.name[: -len(".gold.json")]: p for p in sorted(folder.glob("*.gold.json"))}
    if not golds:
        sys.exit(f"no gold files in {folder}")
    if not CORPUS.is_file():
        sys.exit(f"the corpus is not at {CORPUS}")
    out.mkdir(parents=True, exist_ok=True)
    found = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in golds:
                text = f"{record['title']}\n\n{record['text']}"
                (out / f"{record['id']}.txt").write_text(text, encoding="utf-8")
                shutil.copy(golds[record["id"]], out / golds[record["id"]].name)
                found += 1
    missing = len(golds) - found
    if missing:
        sys.exit(f"{missing} blind article(s) not found in the corpus")
    return found


def main() -> None:
    args = sys.argv[1:]
    folder = BLIND
    if "--set" in args:
        at = args.index("--set")
        if at + 1 >= len(args):
            sys.exit("--set needs a name: blind or blind2")
        folder = ROOT / "benchmarks" / args[at + 1]
        del args[at : at + 2]
    if args:
        out = Path(args[0])
        print(f"{rebuild(out, folder)} articles in {out}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "comity", "eval", str(out)], check=False)
        return
    with tempfile.TemporaryDirectory(prefix="comity-blind-") as tmp:
        print(f"{rebuild(Path(tmp), folder)} articles", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "comity", "eval", tmp], check=False)


if __name__ == "__main__":
    main()
