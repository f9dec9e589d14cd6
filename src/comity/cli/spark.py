"""``comity spark``: code a news archive with Apache Spark into Parquet tables (docs/spark.md)."""

from __future__ import annotations

import logging
from typing import Annotated

import typer
from rich.markup import escape

from comity.cli._common import (
    ActorsOpt,
    BatchOpt,
    CuesOpt,
    EventsOpt,
    FiguresOpt,
    ModelOpt,
    RolesOpt,
    TimesOpt,
    app,
    err,
    fail,
    make_config,
    parse_published,
)
from comity.config import DEFAULT_MODEL
from comity.errors import ComityError


class _ToConsole(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        err.print(f"[dim]spark:[/dim] {escape(record.getMessage())}", highlight=False)


def _conf(pairs: list[str] | None) -> dict[str, str]:
    conf = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise fail(ValueError(f"--conf wants KEY=VALUE, not '{pair}'"))
        conf[key.strip()] = value.strip()
    return conf


@app.command("spark")
def spark_command(
    inputs: Annotated[list[str], typer.Argument(
        help="JSONL (.jsonl, .jsonl.gz), WARC (.warc.gz) or Parquet files, folders or globs.")],
    out: Annotated[str, typer.Option("--out", help="The output folder of Parquet tables.")],
    master: Annotated[str, typer.Option("--master", help="Spark master URL: local[*], local[2], "
                                        "spark://host:7077, yarn …")] = "local[*]",
    partitions: Annotated[int | None, typer.Option(
        "--partitions", min=1, help="Coding partitions per wave (default: four per core).")] = None,
    wave_size: Annotated[int, typer.Option(
        "--wave-size", min=1, help="Articles per wave: each wave is published when coded.")] = 100_000,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Code only the articles whose ids are not yet in --out, and add them.")] = False,
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date for articles that carry none (YYYY-MM-DD).")] = None,
    conf: Annotated[list[str] | None, typer.Option(
        "--conf", help="A Spark setting KEY=VALUE (spark.driver.memory=4g); repeatable.")] = None,
    model: ModelOpt = DEFAULT_MODEL, actors: ActorsOpt = None, events: EventsOpt = None,
    cues: CuesOpt = None, roles: RolesOpt = None, times: TimesOpt = None, figures: FiguresOpt = None,
    batch_size: BatchOpt = 16,
) -> None:
    """Code articles with Apache Spark into Parquet tables partitioned by publication month."""
    try:
        from comity.spark.job import Options, local_session, run
    except ImportError as error:  # pragma: no cover - the extra is not installed
        raise fail(ValueError(f"pyspark is not installed: pip install 'comity[spark]' ({error})")) from error
    when = parse_published(published)
    config = make_config(model, batch_size, actors=actors, events=events, cues=cues, roles=roles,
                         times=times, figures=figures)
    options = Options(config=config, published=when, partitions=partitions, wave_size=wave_size,
                      resume=resume)
    settings = _conf(conf)
    handler = _ToConsole()
    logger = logging.getLogger("comity.spark")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        from pyspark.sql import SparkSession

        ours = SparkSession.getActiveSession() is None  # a session already running is left running
        spark = local_session(master, settings)
        try:
            report = run(spark, inputs, out, options)
        finally:
            if ours:
                spark.stop()
    except ComityError as error:
        raise fail(error) from error
    finally:
        logger.removeHandler(handler)
    err.print(str(report), highlight=False)
    if report.errors:
        err.print(f"{report.errors} input(s) could not be read or coded: their reasons are in "
                  f"{escape(report.out)}/errors", highlight=False)
        raise typer.Exit(1)
