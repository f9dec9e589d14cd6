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
    from comity.io.output import to_json
    from comity.io.read import read_inputs
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
    from comity.corpus.corpus import Corpus

    with Corpus(db) as store:
        return store.ingest([str(folder)], coder=coder, published=published).coded


GROUP = 16  # Corpus.commit_every's default


def coded_once(coder, folder: Path, published: date) -> list:
    """Every article of ``folder`` coded (with its store id), to time the writes alone."""
    from dataclasses import replace

    from comity.io.read import read_inputs
    from comity.records import Article
    from comity.text.normalize import content_id

    names = [str(p) for p in sorted(folder.glob("*.txt"))]
    articles = [replace(a, id=content_id(a.text)) for a in read_inputs(names, published)
                if isinstance(a, Article)]
    return [r for _, r in coder.code_many(articles) if not isinstance(r, Exception)]


def store_only(results: list, db: Path) -> float:
    """Seconds spent writing already coded articles to a fresh store (rows, URLs, commits)."""
    from comity.corpus.store import Store

    start = time.process_time()
    with Store(db) as store:
        for first in range(0, len(results), GROUP):
            with store.group():  # as an ingest commits: whole articles, a few per transaction
                for result in results[first:first + GROUP]:
                    if not store.has(result.article.id):
                        store.write(result, [result.article.source])
    return time.process_time() - start


def timed(run) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of this process and its threads, result)."""
    start, cpu = time.perf_counter(), time.process_time()
    done = run()
    return time.perf_counter() - start, time.process_time() - cpu, done


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
        coded: list[tuple[float, float, int]] = []
        stored: list[tuple[float, float, int]] = []
        for round_ in range(args.repeat):
            coded.append(timed(lambda r=round_: code_run(coder, folder, work / f"json{r}", published)))
            stored.append(timed(lambda r=round_: ingest_run(coder, folder, work / f"s{r}.duckdb", published)))
        results = coded_once(coder, folder, published)
        writes = min(store_only(results, work / f"w{r}.duckdb") for r in range(args.repeat))
        report(name, len(texts), min(coded), min(stored), writes, work / "s0.duckdb")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(name: str, n: int, coded: tuple[float, float, int], stored: tuple[float, float, int],
           writes: float, db: Path) -> None:
    from comity.corpus.corpus import Corpus

    with Corpus(db, read_only=True) as store:
        counts = store.counts()
    (c, c_cpu, done), (s, s_cpu, stored_n) = coded, stored
    print(f"corpus: {n} articles ({name}); coded {done}, stored {stored_n}")
    print(f"comity code   (JSON files): {n / c:8.1f} articles/s  (CPU {c_cpu:.1f} s)")
    print(f"comity ingest (DuckDB):     {n / s:8.1f} articles/s  (CPU {s_cpu:.1f} s)")
    print(f"ingest over code, end to end: {(s - c) / c:+.1%} wall clock, {(s_cpu - c_cpu) / c_cpu:+.1%} CPU")
    print(f"store writes alone: {1000 * writes / n:.1f} ms CPU per article = {writes / c_cpu:.1%} of "
          "coding CPU time (the store overhead)")
    print("rows stored: " + ", ".join(f"{t} {k}" for t, k in counts.items()))


if __name__ == "__main__":
    main()
