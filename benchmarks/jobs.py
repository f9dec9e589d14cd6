"""Worker processes: ``comity code`` and ``comity ingest`` with ``--jobs 1`` and ``--jobs N`` on the same
real articles, in one run, as a user runs them (the ``comity`` command in a child process).

The articles are the first ``--articles`` of ../shared/data/news/corpus.jsonl.gz (after ``--skip``),
written as one JSON Lines file. ``code`` writes JSON Lines to a file, ``ingest`` a fresh store. Each
command's wall time includes loading the model (a couple of seconds): use a few hundred articles or
more. Checked as well: ``code`` gives the same lines with any ``--jobs``, ``ingest`` the same rows.

    python benchmarks/jobs.py [--articles 2000] [--jobs 2] [--skip 0]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CORPUS, write_corpus

COMITY = Path(sys.executable).with_name("comity")


def timed(args: list[str], stdout: Path | None = None) -> float:
    start = time.perf_counter()
    with (stdout.open("w") if stdout else open("/dev/null", "w")) as sink:
        subprocess.run(args, stdout=sink, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def rows(db: Path) -> dict[str, int]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in sorted(tables)
                if t not in ("migrations", "settings")}
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--skip", type=int, default=0)
    args = parser.parse_args()
    if not CORPUS.is_file():
        sys.exit(f"{CORPUS} is not there (the corpus lives in ../shared)")
    work = Path(tempfile.mkdtemp(prefix="comity-jobs-"))
    try:
        source = work / "articles.jsonl"
        count = write_corpus(source, args.articles, args.skip)
        seconds, outputs, stores = {}, {}, {}
        for jobs in (1, args.jobs):
            out = work / f"code-{jobs}.jsonl"
            seconds[("code", jobs)] = timed([str(COMITY), "code", str(source), "--format", "json",
                                             "--jobs", str(jobs)], out)
            outputs[jobs] = out.read_text(encoding="utf-8").splitlines()
        for jobs in (1, args.jobs):
            db = work / f"store-{jobs}.duckdb"
            seconds[("ingest", jobs)] = timed([str(COMITY), "ingest", str(source), "--db", str(db),
                                               "--jobs", str(jobs)])
            stores[jobs] = rows(db)
        print(f"{count} articles of {CORPUS.name} (from article {args.skip}), {args.jobs} jobs against 1:")
        for command in ("code", "ingest"):
            one, many = seconds[(command, 1)], seconds[(command, args.jobs)]
            print(f"comity {command:6}  --jobs 1: {count / one:6.2f} articles/s   --jobs {args.jobs}: "
                  f"{count / many:6.2f} articles/s   ratio {one / many:.2f}")
        same_code = [json.loads(x) for x in outputs[1]] == [json.loads(x) for x in outputs[args.jobs]]
        print(f"code: the same {len(outputs[1])} JSON lines with --jobs 1 and {args.jobs}: {same_code}")
        print(f"ingest: the same row counts with --jobs 1 and {args.jobs}: {stores[1] == stores[args.jobs]} "
              f"({stores[1]})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
