"""The Spark job: read the inputs, code them on the executors, write the Parquet tables.

    from comity.spark.job import Options, local_session, run
    spark = local_session("local[2]")
    report = run(spark, ["news/*.jsonl.gz"], "out/", Options())

Steps:

1. **Read** every input into one DataFrame (:mod:`comity.spark.readers`), each article once by its
   content id; with ``resume``, drop the articles whose ids the output already holds (in
   ``articles``, or in ``errors`` as coded and failed).
2. **Stage** them as Parquet under ``OUT/_staging/RUN/inputs``, split into waves of about
   ``wave_size`` articles (by a hash of the id).
3. For each wave: **code** it, ``partitions`` partitions at a time, each with the worker process's
   one coder (:mod:`comity.spark.worker`); write every table under the staging folder, partitioned
   by publication month; **publish** the wave into ``OUT`` (:mod:`comity.spark.publish`). A run
   killed mid-way keeps every wave published before; ``resume`` codes the rest.
"""

from __future__ import annotations

import logging
import math
import os
import sys
import time
import uuid
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from comity.config import Config
from comity.corpus.parquet import UNDATED
from comity.errors import ConfigError, ModelError
from comity.spark.publish import HadoopFiles, publish
from comity.spark.readers import expand, once_each, read_inputs
from comity.spark.schema import MONTH, coded_schema, output_columns
from comity.spark.worker import Settings, code_partition

STAGING = "_staging"
WRITERS = 4  # tables written at once
log = logging.getLogger("comity.spark")
SESSION_DEFAULTS = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.driver.memory": "2g",
    "spark.python.worker.reuse": "true",
}
RUNTIME_CONF = {  # set on any session the job runs in
    "spark.sql.sources.partitionColumnTypeInference.enabled": "false",
    "spark.sql.session.timeZone": "UTC",
}


@dataclass(frozen=True)
class Options:
    """How to code: the coder's configuration, the publication date of articles that carry none,
    coding partitions per wave (None: four per core), articles per wave, and resuming."""

    config: Config = field(default_factory=Config)
    published: date | None = None
    partitions: int | None = None
    wave_size: int = 100_000
    resume: bool = False


@dataclass
class Report:
    """What a run did."""

    out: str
    files: int = 0
    articles: int = 0
    errors: int = 0
    copies: int = 0  # inputs coded once as a copy of another input's text
    skipped: int = 0  # already in the output (resume)
    waves: int = 0
    partitions: int = 0
    model_loads: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def __str__(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (f"{self.articles} articles coded, {self.errors} errors, {self.copies} copies merged, "
                f"{self.skipped} already in the output; {self.waves} wave(s) of {self.partitions} "
                f"partitions, {self.model_loads} model load(s) in {self.seconds:.1f} s "
                f"({rate:.2f} articles/s)")


def local_session(master: str = "local[*]", conf: dict[str, str] | None = None):
    """A SparkSession for ``master``, with modest defaults (2 GB driver, no UI); executors run this
    Python unless PYSPARK_PYTHON says otherwise."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.master(master).appName("comity")
    for key, value in {**SESSION_DEFAULTS, **(conf or {})}.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def check_model(name: str) -> None:
    """Fail before any work when the spaCy pipeline is not installed here (E010)."""
    import importlib.util

    if importlib.util.find_spec(name) is None and not Path(name).is_dir():
        raise ModelError("E010", f"spaCy pipeline '{name}' is not installed on the driver "
                         "(pip install it, or name another)")


def ship(spark, config: Config) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Send the user knowledge files to the executors; their names by ``Config`` field."""
    fields = ("actor_files", "event_files", "cue_files", "role_files", "time_files", "figure_files")
    names = [p.name for f in fields for p in getattr(config, f)]
    if len(set(names)) != len(names):
        raise ConfigError("E004", "user knowledge files must have distinct names to be sent to executors")
    shipped = []
    for name in fields:
        paths = getattr(config, name)
        for path in paths:
            spark.sparkContext.addFile(str(path.resolve()))
        if paths:
            shipped.append((name, tuple(p.name for p in paths)))
    return tuple(shipped)


def _done(spark, files: HadoopFiles, out: str):
    """Ids the output holds (articles, and articles that failed coding), and its read errors."""
    from pyspark.sql import functions as F

    ids = []
    if files.files_under(f"{out}/articles"):
        ids.append(spark.read.parquet(f"{out}/articles").select("id"))
    read_errors = None
    if files.files_under(f"{out}/errors"):
        errors = spark.read.parquet(f"{out}/errors")
        ids.append(errors.where(F.col("id").isNotNull()).select("id"))
        read_errors = errors.where(F.col("id").isNull()).select(
            "source", F.col("reason").alias("error_reason"))
    done = None
    for frame in ids:
        done = frame if done is None else done.unionByName(frame)
    return done, read_errors


def _counted(frame):
    """``frame`` cached, and (rows, articles, places where its articles were found)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    frame = frame.persist(StorageLevel.MEMORY_AND_DISK)
    stats = frame.agg(F.count(F.lit(1)).alias("rows"), F.count("id").alias("articles"),
                      F.sum(F.when(F.col("id").isNotNull(), F.size("copies"))).alias("places")).first()
    return frame, int(stats["rows"]), int(stats["articles"]), int(stats["places"] or 0)


def _stage(spark, files: HadoopFiles, names: Iterable[str], out: str, folder: str, options: Options,
           report: Report) -> int:
    """Read, de-duplicate and stage the inputs in waves; returns the number of waves."""
    from pyspark.sql import functions as F

    found = expand(files, names)
    report.files = sum(len(v) for v in found.files.values())
    unique = once_each(read_inputs(spark, found, options.published)).withColumn(
        MONTH, F.coalesce(F.date_format("published", "yyyy-MM"), F.lit(UNDATED)))
    unique, rows, articles, places = _counted(unique)
    report.copies = places - articles
    if options.resume:
        done, read_errors = _done(spark, files, out)
        remaining = unique
        if done is not None:
            remaining = remaining.join(done.distinct(), "id", "left_anti")
        if read_errors is not None:
            seen = read_errors.distinct().toDF("seen_source", "seen_reason")
            same = (remaining["source"].eqNullSafe(seen["seen_source"])
                    & remaining["error_reason"].eqNullSafe(seen["seen_reason"]))
            remaining = remaining.join(seen, same, "left_anti")
        remaining, rows, left, _ = _counted(remaining)
        unique.unpersist()
        unique, report.skipped = remaining, articles - left
    waves = max(1, math.ceil(rows / max(1, options.wave_size)))
    key = F.coalesce("id", "source", "error_reason", F.lit(""))
    unique.withColumn("wave", F.pmod(F.xxhash64(key), F.lit(waves))).write.mode("overwrite") \
        .partitionBy("wave").parquet(f"{folder}/inputs")
    unique.unpersist()
    return waves


def _code_wave(spark, wave, settings: Settings, partitions: int, loads):
    """The coded DataFrame of one wave (cached: each table is written from it)."""
    from pyspark import StorageLevel

    rdd = wave.repartition(partitions).rdd.mapPartitions(
        lambda rows: code_partition(rows, settings, loads))
    return spark.createDataFrame(rdd, coded_schema(settings.columns)).persist(StorageLevel.MEMORY_AND_DISK)


def _write_wave(coded, tables: Iterable[str], folder: str, report: Report) -> None:
    from pyspark.sql import functions as F

    began = time.perf_counter()
    counts = coded.select(*(F.sum(F.size(t)).alias(t) for t in tables)).first()
    log.info("coded %d articles in %.1f s", counts["articles"] or 0, time.perf_counter() - began)
    def write(table: str) -> None:
        rows = coded.select(MONTH, F.explode(table).alias("r")).select("r.*", MONTH)
        rows.repartition(MONTH).write.mode("overwrite").partitionBy(MONTH).parquet(f"{folder}/{table}")

    for table in tables:
        report.rows[table] = report.rows.get(table, 0) + int(counts[table] or 0)
    with ThreadPoolExecutor(max_workers=WRITERS) as pool:  # jobs side by side: small tables wait less
        list(pool.map(write, tables))
    log.info("wrote the tables in %.1f s", time.perf_counter() - began)


def run(spark, inputs: Iterable[str], out: str, options: Options | None = None) -> Report:
    """Code ``inputs`` into Parquet tables under ``out`` (see the module's docstring)."""
    options = options or Options()
    start = time.perf_counter()
    check_model(options.config.model)
    for key, value in RUNTIME_CONF.items():
        spark.conf.set(key, value)
    files = HadoopFiles(spark)
    out = files.qualify(str(out)).rstrip("/")
    report = Report(out=out)
    files.delete(f"{out}/{STAGING}")  # what a killed run left
    folder = f"{out}/{STAGING}/{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    columns = output_columns()
    settings = Settings(model=options.config.model, batch_size=options.config.batch_size,
                        files=ship(spark, options.config), columns=columns)
    loads = spark.sparkContext.accumulator(0)
    waves = _stage(spark, files, list(inputs), out, folder, options, report)
    log.info("staged %d file(s) in %d wave(s) after %.1f s", report.files, waves, time.perf_counter() - start)
    report.partitions = options.partitions or max(1, spark.sparkContext.defaultParallelism * 4)
    cleared: set[str] = set()
    for number in range(waves):
        report.waves += 1
        staged = f"{folder}/inputs/wave={number}"
        if not files.exists(staged):
            continue
        coded = _code_wave(spark, spark.read.parquet(staged), settings, report.partitions, loads)
        _write_wave(coded, columns, f"{folder}/wave={number}", report)
        coded.unpersist()
        months = publish(files, f"{folder}/wave={number}", out, replace=not options.resume, cleared=cleared)
        log.info("wave %d of %d published (%d month(s), %d articles so far) after %.1f s", number + 1, waves,
                 len(months), report.rows.get("articles", 0), time.perf_counter() - start)
    files.delete(folder)
    report.articles, report.errors = report.rows.get("articles", 0), report.rows.get("errors", 0)
    report.model_loads = int(loads.value)
    report.seconds = time.perf_counter() - start
    return report
