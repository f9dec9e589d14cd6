"""Ingest throughput: ``comity ingest`` (read, code, store in DuckDB) against ``comity code``
(read, code, write one JSON file per article) on the same files, same coder, same run.

Corpus: PolNeAR's texts from ../shared where present, else articles generated
deterministically from the bundled demo article's paragraphs; written as text
files to a temporary folder. Each side runs ``--repeat`` times, alternating,
into a fresh store / output folder, and the best time of each is kept. The
store overhead is ingest's extra time over code's, as a share of code's.

    python benchmarks/ingest.py [--articles 100] [--repeat 2]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import corpus


def code_run(coder, folder: Path, out: Path, published: date) -> int:
    """What ``comity code FOLDER/* --out-dir OUT --format json`` does."""
    from comity.ingest import read_inputs
    from comity.output import to_json
    from comity.records import Article

    out.mkdir(parents=True, exist_ok=True)
    names = [str(p) for p in sorted(folder.glob("*.txt"))]
    articles = [a for a in read_inputs(names, published) if isinstance(a, Article)]
    done = 0
    for article, result in coder.code_many(articles):
        if not isinstance(result, Exception):
            (out / f"{article.id}.json").write_text(json.dumps(to_json(result), ensure_ascii=False, indent=1))
            done += 1
    return done


def ingest_run(coder, folder: Path, db: Path, published: date) -> int:
    """What ``comity ingest FOLDER --db DB`` does."""
    from comity.corpus import Corpus

    with Corpus(db) as store:
        return store.ingest([str(folder)], coder=coder, published=published).coded


GROUP = 16  # Corpus.commit_every's default


def store_only(coder, folder: Path, db: Path, published: date) -> float:
    """Seconds spent writing already coded articles to a fresh store (content ids, rows, commits)."""
    from dataclasses import replace

    from comity.ingest import read_inputs
    from comity.records import Article
    from comity.store import Store
    from comity.store_rows import content_id

    names = [str(p) for p in sorted(folder.glob("*.txt"))]
    articles = [replace(a, id=content_id(a.text)) for a in read_inputs(names, published)
                if isinstance(a, Article)]
    results = [r for _, r in coder.code_many(articles) if not isinstance(r, Exception)]
    start = time.perf_counter()
    with Store(db) as store:
        for first in range(0, len(results), GROUP):
            with store.group():  # as an ingest commits: whole articles, a few per transaction
                for result in results[first:first + GROUP]:
                    if not store.has(result.article.id):
                        store.write(result, [result.article.source])
    return time.perf_counter() - start


def timed(run) -> tuple[float, int]:
    start = time.perf_counter()
    done = run()
    return time.perf_counter() - start, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    from comity.pipeline import Coder

    name, texts = corpus(max(args.articles, 50))
    published = date(2016, 10, 1)
    coder = Coder()
    work = Path(tempfile.mkdtemp(prefix="comity-bench-"))
    try:
        folder = work / "texts"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        code_run(coder, folder, work / "warm", published)  # warm up: lazy loads, caches
        coded, stored = [], []
        for round_ in range(args.repeat):
            coded.append(timed(lambda r=round_: code_run(coder, folder, work / f"json{r}", published)))
            stored.append(timed(lambda r=round_: ingest_run(coder, folder, work / f"s{r}.duckdb", published)))
        writes = min(store_only(coder, folder, work / f"w{r}.duckdb", published) for r in range(args.repeat))
        report(name, len(texts), min(coded), min(stored), writes, work / "s0.duckdb")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(name: str, n: int, coded: tuple[float, int], stored: tuple[float, int], writes: float,
           db: Path) -> None:
    from comity.corpus import Corpus

    with Corpus(db, read_only=True) as store:
        counts = store.counts()
    c, s = coded[0], stored[0]
    print(f"corpus: {n} articles ({name}); coded {coded[1]}, stored {stored[1]}")
    print(f"comity code   (JSON files): {n / c:8.1f} articles/s")
    print(f"comity ingest (DuckDB):     {n / s:8.1f} articles/s")
    print(f"end to end, ingest over code: {(s - c) / c:+.1%} (includes timing noise)")
    print(f"store writes alone: {1000 * writes / n:.1f} ms per article = {writes / c:.1%} of coding time "
          "(the store overhead)")
    print("rows stored: " + ", ".join(f"{t} {k}" for t, k in counts.items()))


if __name__ == "__main__":
    main()
