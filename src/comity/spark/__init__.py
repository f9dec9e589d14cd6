"""Coding a news archive with Apache Spark: the job behind ``comity spark`` (and ``spark-submit``).

It reads JSONL, WARC and Parquet inputs, codes them on the executors with one coder per Python
worker, and writes Parquet tables partitioned by publication month (docs/spark.md). pyspark is the
optional extra ``comity[spark]``; nothing here imports it before a job runs.

Public names are imported on first use (see :mod:`comity._lazy`).
"""

from __future__ import annotations

from comity._lazy import exports

_TABLE = {
    "Options": "job",
    "Report": "job",
    "local_session": "job",
    "run": "job",
}

__all__ = sorted(_TABLE)
__getattr__, __dir__ = exports(__name__, _TABLE)
