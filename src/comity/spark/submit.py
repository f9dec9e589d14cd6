"""The job as a ``spark-submit`` application: the same job as ``comity spark``, in the session that
spark-submit makes (its ``--master``, ``--conf``, ``--archives`` …).

    spark-submit --master yarn --archives comity-env.tar.gz#env \\
        --conf spark.pyspark.python=./env/bin/python \\
        "$(python -c 'import comity.spark.submit as s; print(s.__file__)')" \\
        s3a://bucket/cc-news/2024/*.warc.gz --out s3a://bucket/coded/

Options are those of ``comity spark`` less ``--master`` and ``--conf`` (docs/spark.md).
Exit status: 0 when every input was coded, 1 when some went to the errors table, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from comity.config import DEFAULT_MODEL, Config
from comity.errors import ComityError
from comity.text.normalize import as_date

KNOWLEDGE = (("--actors", "actor_files"), ("--events", "event_files"), ("--cues", "cue_files"),
             ("--roles", "role_files"), ("--times", "time_files"), ("--figures", "figure_files"))


def parser() -> argparse.ArgumentParser:
    parse = argparse.ArgumentParser(prog="comity-spark-submit", description="Code news with Apache Spark "
                                    "into Parquet tables (the job behind 'comity spark').")
    parse.add_argument("inputs", nargs="+", help="JSONL (.jsonl, .jsonl.gz), WARC or Parquet files, "
                       "folders or globs, on any file system Spark reads")
    parse.add_argument("--out", required=True, help="the output folder (Parquet tables)")
    parse.add_argument("--partitions", type=int, default=None, help="coding partitions per wave "
                       "(default: four per core)")
    parse.add_argument("--wave-size", type=int, default=100_000, help="articles per wave (default 100000)")
    parse.add_argument("--resume", action="store_true", help="code only the articles not yet in --out")
    parse.add_argument("--published", default=None, help="publication date of articles that carry none")
    parse.add_argument("--model", default=DEFAULT_MODEL, help="the installed spaCy pipeline")
    parse.add_argument("--batch-size", type=int, default=16, help="articles per spaCy batch")
    for option, _ in KNOWLEDGE:
        parse.add_argument(option, action="append", type=Path, default=[], help="extra knowledge file")
    return parse


def options_from(args: argparse.Namespace):
    from comity.spark.job import Options

    files = {name: tuple(getattr(args, option[2:])) for option, name in KNOWLEDGE}
    config = Config(model=args.model, batch_size=args.batch_size, **files)
    return Options(config=config, published=as_date(args.published), partitions=args.partitions,
                   wave_size=args.wave_size, resume=args.resume)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="comity: %(message)s", stream=sys.stderr)
    logging.getLogger("py4j").setLevel(logging.WARNING)
    try:
        options = options_from(args)
    except ComityError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    from pyspark.sql import SparkSession

    from comity.spark.job import run

    spark = SparkSession.builder.appName("comity").getOrCreate()
    try:
        report = run(spark, args.inputs, args.out, options)
    except ComityError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        spark.stop()
    print(report, file=sys.stderr)
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
