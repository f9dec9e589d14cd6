"""Spark against in-process coding: the same articles, the same run, the same machine.

Codes the first ``--articles`` articles of ``../shared/data/news/corpus.jsonl.gz`` three ways and
prints articles per second, the ratios and the projected hours per million articles per core:

1. ``comity spark`` (the job, ``--master local[2]``): session start, reading, coding, writing the
   Parquet tables, all in the time;
2. in process, 2 processes: a pool of two processes, one coder each, each article coded and turned
   into its rows (nothing written);
3. in process, 1 process: ``Corpus.ingest_items`` into a DuckDB store, as ``comity ingest`` does
   (the store writes are in the time; they are a small part of it).

Then the checks: ``comity ties CHN RUS --parquet OUT`` prints what ``comity ties CHN RUS --db STORE``
prints, and every table of the Parquet output holds the store's rows.

    python benchmarks/spark.py [--articles 2000] [--master local[2]] [--json results.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "news" / "corpus.jsonl.gz"
COMITY = [sys.executable, "-m", "comity"]

_CODER = None


def _start_worker() -> None:
    global _CODER
    from comity.pipeline import Coder

    _CODER = Coder()


def _code_chunk(articles: list) -> int:
    """Code a chunk in a pool worker and build its rows (as the store and the Spark job do)."""
    from comity.corpus.rows import rows_of

    rows = 0
    for _, result in _CODER.code_many(articles):
        if not isinstance(result, Exception):
            rows += len(rows_of(result, str(result.version)).events)
    return rows


def read_articles(path: Path, limit: int) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return [line.rstrip("\n") for line, _ in zip(stream, range(limit), strict=False)]


def articles_of(lines: list[str], source: str) -> list:
    from dataclasses import replace

    from comity.io.read import from_jsonl
    from comity.records import Article
    from comity.text.normalize import content_id

    items = from_jsonl(lines, source, None)
    return [replace(a, id=content_id(a.text)) for a in items if isinstance(a, Article)]


def run_spark(source: Path, out: Path, master: str) -> tuple[float, str]:
    """The job as a user runs it: ``comity spark`` in its own process (JVM start included)."""
    start = time.perf_counter()
    done = subprocess.run([*COMITY, "spark", str(source), "--out", str(out), "--master", master,
                           "--conf", "spark.sql.shuffle.partitions=8"], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    summary = [line for line in done.stderr.splitlines() if "articles coded" in line]
    if done.returncode not in (0, 1) or not summary:
        raise SystemExit(f"comity spark failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return seconds, summary[-1]


def run_pool(articles: list, processes: int) -> float:
    chunks = [articles[i::processes * 8] for i in range(processes * 8)]
    start = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(processes, initializer=_start_worker) as pool:
        pool.map(_code_chunk, chunks, chunksize=1)
    return time.perf_counter() - start


def run_ingest(lines: list[str], source: str, db: Path) -> tuple[float, str]:
    from comity.corpus.corpus import Corpus
    from comity.io.read import from_jsonl
    from comity.pipeline import Coder

    start = time.perf_counter()
    coder = Coder()
    with Corpus(db) as corpus:
        summary = corpus.ingest_items(from_jsonl(lines, source, None), coder=coder)
    return time.perf_counter() - start, str(summary)


def same_ties(out: Path, db: Path, a: str = "CHN", b: str = "RUS") -> tuple[bool, str]:
    ours = subprocess.run([*COMITY, "ties", a, b, "--parquet", str(out), "--format", "csv"],
                          capture_output=True, text=True, check=True).stdout
    theirs = subprocess.run([*COMITY, "ties", a, b, "--db", str(db), "--format", "csv"],
                            capture_output=True, text=True, check=True).stdout
    return ours == theirs, theirs


def same_tables(out: Path, db: Path) -> dict[str, bool]:
    import duckdb

    from comity.corpus.parquet import STORE_TABLES, ParquetStore

    store = duckdb.connect(str(db), read_only=True)
    with ParquetStore(out) as parquet:
        return {t: parquet.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                == store.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in STORE_TABLES}


def hours_per_million_per_core(rate: float, cores: int) -> float:
    return 1e6 / (rate / cores) / 3600


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args()
    if not args.corpus.is_file():
        raise SystemExit(f"{args.corpus}: no corpus (../shared is absent)")
    cores = int(args.master[len("local["):-1]) if args.master.startswith("local[") else os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="comity-spark-bench-"))
    lines = read_articles(args.corpus, args.articles)
    source = work / "articles.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as stream:
        stream.write("\n".join(lines) + "\n")
    articles = articles_of(lines, str(source))
    n = len(articles)
    print(f"{n} articles from {args.corpus}; load average {os.getloadavg()[0]:.1f}", flush=True)

    spark_s, spark_summary = run_spark(source, work / "out", args.master)
    print(f"spark {args.master}: {spark_s:.1f} s — {spark_summary}", flush=True)
    pool_s = run_pool(articles, 2)
    print(f"in process, 2 processes: {pool_s:.1f} s", flush=True)
    one_s, ingest_summary = run_ingest(lines, str(source), work / "store.duckdb")
    print(f"in process, 1 process (ingest): {one_s:.1f} s — {ingest_summary}", flush=True)

    rates = {f"spark {args.master}": (n / spark_s, cores), "in process, 2 processes": (n / pool_s, 2),
             "in process, 1 process": (n / one_s, 1)}
    print("\n| run | cores | seconds | articles/s | vs 1 process | hours per million articles per core |")
    print("| --- | --- | --- | --- | --- | --- |")
    base = rates["in process, 1 process"][0]
    for (name, (rate, used)), seconds in zip(rates.items(), (spark_s, pool_s, one_s), strict=True):
        print(f"| {name} | {used} | {seconds:.0f} | {rate:.2f} | {rate / base:.2f} "
              f"| {hours_per_million_per_core(rate, used):.0f} |")
    ratio = rates[f"spark {args.master}"][0] / rates["in process, 2 processes"][0]
    print(f"\nspark {args.master} / in process with 2 processes: {ratio:.2f}")
    ties_equal, ties = same_ties(work / "out", work / "store.duckdb")
    tables = same_tables(work / "out", work / "store.duckdb")
    print(f"comity ties CHN RUS --parquet OUT == --db STORE: {ties_equal}")
    print(ties)
    print(f"every table the same rows: {all(tables.values())} {tables}")
    print(f"load average {os.getloadavg()[0]:.1f}; output kept in {work}")
    if args.json:
        args.json.write_text(json.dumps({
            "articles": n, "load_average_end": os.getloadavg()[0],
            "seconds": {"spark": spark_s, "pool2": pool_s, "ingest1": one_s},
            "rates": {k: v[0] for k, v in rates.items()}, "ties_equal": ties_equal, "tables": tables,
            "spark_summary": spark_summary}, indent=2))


if __name__ == "__main__":
    main()
