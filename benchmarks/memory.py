"""Memory over a long run: ``comity code`` (or ``ingest``) over N real articles, the resident memory of
the command's process and of each worker sampled every few seconds.

The articles are those of ../shared/data/news/corpus.jsonl.gz, taken again from the start when N is
larger than the corpus (each copy given its own id; for ``ingest``, its own last line, so that the
store does not skip it as a copy). The JSON Lines output goes to /dev/null; the command's progress
lines (every 10 s) say how far it is. Reported: the memory of the command's process and the largest
worker at each tenth of the run, and the growth from the first tenth to the last (Linux only:
read from /proc).

    python benchmarks/memory.py [--articles 10000] [--jobs 2] [--command code|ingest] [--every 5]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "news" / "corpus.jsonl.gz"
COMITY = Path(sys.executable).with_name("comity")


def write_articles(target: Path, count: int, distinct: bool) -> None:
    """``count`` articles of the corpus, taken again from the start as often as needed."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as source:
        lines = [json.loads(line) for line in source if line.strip()]
    with target.open("w", encoding="utf-8") as sink:
        for n in range(count):
            record = dict(lines[n % len(lines)])
            record["id"] = f"a{n:06d}"
            if distinct and n >= len(lines):
                record["text"] += f"\n\n(Copy {n // len(lines)}.)"
            sink.write(json.dumps(record) + "\n")


def rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    found = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(found.group(1)) / 1024 if found else 0.0


def children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            out += [int(p) for p in task.read_text().split()]
    return out


def run(count: int, jobs: int, command: str, every: float) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="comity-memory-"))
    try:
        source = folder / "articles.jsonl"
        write_articles(source, count, distinct=command == "ingest")
        log = folder / "progress.log"
        args = [str(COMITY), command, str(source), "--jobs", str(jobs)]
        args += ["--format", "json"] if command == "code" else ["--db", str(folder / "store.duckdb")]
        samples: list[dict] = []
        start = time.perf_counter()
        with log.open("w") as sink:
            child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=sink)
            while child.poll() is None:
                time.sleep(every)
                done = re.findall(r"(?:coding|ingest): (\d+)/", log.read_text())
                workers = [round(rss_mb(p)) for p in children(child.pid)]
                main_mb = round(rss_mb(child.pid))
                if main_mb:
                    samples.append({"seconds": round(time.perf_counter() - start), "main_mb": main_mb,
                                    "done": int(done[-1]) if done else 0, "workers_mb": workers})
        seconds = time.perf_counter() - start
        return {"articles": count, "jobs": jobs, "command": command, "exit_code": child.returncode,
                "seconds": round(seconds), "articles_per_second": round(count / seconds, 2),
                "samples": samples, "tail": log.read_text().splitlines()[-3:]}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def summary(result: dict) -> list[str]:
    samples = [s for s in result["samples"] if s["done"]]
    if not samples:
        return ["no progress line seen"]
    lines = [f"{result['command']} of {result['articles']:,} articles, --jobs {result['jobs']}: "
             f"{result['seconds']} s ({result['articles_per_second']} articles/s), "
             f"exit {result['exit_code']}",
             "articles done   main MB   largest worker MB"]
    step = max(1, len(samples) // 10)
    for s in samples[::step] + samples[-1:]:
        lines.append(f"{s['done']:>13,} {s['main_mb']:>9} {max(s['workers_mb'] or [0]):>19}")
    tenth = max(1, len(samples) // 10)
    first, last = samples[:tenth], samples[-tenth:]
    for key, name in (("main_mb", "main process"), ("workers", "largest worker")):
        def peak(group, key=key):
            return max((s[key] if key == "main_mb" else max(s["workers_mb"] or [0])) for s in group)
        lines.append(f"{name}: first tenth at most {peak(first)} MB, last tenth at most {peak(last)} MB")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--command", choices=("code", "ingest"), default="code")
    parser.add_argument("--every", type=float, default=5.0, help="seconds between two samples")
    parser.add_argument("--json", type=Path, default=None, help="also write every sample here")
    args = parser.parse_args()
    if not CORPUS.is_file():
        sys.exit(f"{CORPUS} is not there (the corpus lives in ../shared)")
    result = run(args.articles, args.jobs, args.command, args.every)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    print("\n".join(summary(result)))


if __name__ == "__main__":
    main()
