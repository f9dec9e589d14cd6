"""Robustness on real news: ``comity ingest`` over every article of ../shared/data/news/corpus.jsonl.gz.

The corpus is decompressed to a temporary JSONL file and ingested into a fresh
store by the ``comity`` command, in a child process, exactly as a user runs it.
Reported: articles read, stored, failed (each failure line is printed), the
tracebacks on standard error (there must be none), the wall time and the
child's peak memory (max RSS).

    python benchmarks/corpus.py [--limit N] [--skip N] [--keep-log FILE]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "news" / "corpus.jsonl.gz"
COMITY = Path(sys.executable).with_name("comity")


def write_corpus(target: Path, limit: int | None, skip: int = 0) -> int:
    """The corpus (after its first ``skip`` articles) as plain JSONL in ``target``; returns the number
    of articles written."""
    count = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as source, target.open("w", encoding="utf-8") as sink:
        lines = (line for line in source if line.strip())
        for number, line in enumerate(lines):
            if limit is not None and count >= limit:
                break
            if number >= skip:
                sink.write(line)
                count += 1
    return count


def stored_articles(db: Path) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return int(con.execute("SELECT count(*) FROM articles").fetchall()[0][0])
    finally:
        con.close()


def run(limit: int | None, keep_log: Path | None, skip: int = 0) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="comity-corpus-"))
    try:
        jsonl, db = folder / "corpus.jsonl", folder / "store.duckdb"
        articles = write_corpus(jsonl, limit, skip)
        log = keep_log or folder / "ingest.log"
        start = time.perf_counter()
        with log.open("w", encoding="utf-8") as sink:  # one line per article as it goes (--log)
            done = subprocess.run([str(COMITY), "ingest", str(jsonl), "--db", str(db), "--log"],
                                  stdout=subprocess.DEVNULL, stderr=sink, text=True)
        seconds = time.perf_counter() - start
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        stderr = log.read_text(encoding="utf-8")
        failures = [line for line in stderr.splitlines() if line.startswith("failed:")]  # the final report
        return {
            "articles": articles,
            "stored": stored_articles(db) if db.exists() else 0,
            "failures": len(failures),
            "failure_lines": failures[:50],
            "tracebacks": stderr.count("Traceback (most recent call last)"),
            "exit_code": done.returncode,
            "seconds": round(seconds, 1),
            "articles_per_second": round(articles / seconds, 2) if seconds else None,
            "peak_memory_mb": round(peak_kb / 1024),
            "summary_line": next((line for line in reversed(stderr.splitlines())
                                  if re.search(r"\bcoded\b", line)), ""),
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N articles")
    parser.add_argument("--keep-log", type=Path, default=None, help="write the run's standard error here")
    args = parser.parse_args()
    if not CORPUS.is_file():
        sys.exit(f"{CORPUS} is not there (the corpus lives in ../shared)")
    print(json.dumps(run(args.limit, args.keep_log, args.skip), indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
