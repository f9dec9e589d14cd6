"""``comity ingest`` and ``comity recode``: read, code and store articles in the corpus."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

from comity.cli._common import (
    ActorsOpt,
    BatchOpt,
    CuesOpt,
    DbOpt,
    EventsOpt,
    FiguresOpt,
    ModelOpt,
    RolesOpt,
    TimesOpt,
    app,
    coder_from,
    err,
    fail,
    open_corpus,
)
from comity.config import DEFAULT_MODEL
from comity.corpus.store import DEFAULT_DB
from comity.errors import ComityError


class RateColumn(ProgressColumn):
    """Articles per second since the start."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:6.1f} articles/s", style="progress.data.speed")


def _counting(bar: Progress, task, counts: dict[str, int], log: bool = False):
    def notify(kind: str, what: str) -> None:
        if log:
            err.print(f"{kind} {what}", highlight=False, markup=False)
        counts[kind] = counts.get(kind, 0) + 1
        text = " · ".join(f"{k} {counts.get(k, 0)}" for k in ("coded", "skipped", "failed"))
        bar.update(task, advance=1, description=text)
    return notify


def _progress() -> Progress:
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), RateColumn(), TimeElapsedColumn(),
                    console=err, transient=True)


def _report(summary, seconds: float) -> None:
    for message in summary.failed:
        err.print(f"[red]failed:[/red] {escape(message)}", highlight=False)
    done = summary.coded + summary.skipped + len(summary.failed)
    rate = summary.coded / seconds if seconds > 0 else 0.0
    err.print(f"{summary} in {seconds:.1f} s ({rate:.1f} articles/s coded; {done} inputs)")
    if summary.failed:
        raise typer.Exit(1)


@app.command("ingest")
def ingest_command(
    sources: Annotated[list[str] | None, typer.Argument(
        help="Files (txt, html, json, jsonl, WARC, RSS/Atom), folders, URLs of pages or feeds; '-' is stdin.")
    ] = None,
    db: DbOpt = Path(DEFAULT_DB),
    feed: Annotated[list[str] | None, typer.Option("--feed", help="A feed URL or file, read as a feed "
                                                   "(each item's page fetched); repeatable.")] = None,
    from_list: Annotated[Path | None, typer.Option("--from", help="A file listing sources, one a line.")
                         ] = None,
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date for articles that carry none (YYYY-MM-DD).")] = None,
    log: Annotated[bool, typer.Option("--log", help="Print one line per article as it is stored, "
                                      "skipped or failed.")] = False,
    model: ModelOpt = DEFAULT_MODEL, actors: ActorsOpt = None, events: EventsOpt = None,
    cues: CuesOpt = None, roles: RolesOpt = None, times: TimesOpt = None, figures: FiguresOpt = None,
    batch_size: BatchOpt = 16,
    parquet: Annotated[Path | None, typer.Option(
        "--parquet", help="Load the Parquet output of 'comity spark' in this folder (no coding).")] = None,
) -> None:
    """Read, code and store articles; those already stored are skipped (their URLs recorded)."""
    from comity.io.fetch import read_list
    from comity.text.normalize import as_date

    if parquet is not None:
        if sources or feed or from_list:
            raise fail(ValueError("--parquet loads coded output: give no sources, --feed or --from with it"))
        _load_parquet(db, parquet)
        return

    try:
        when = as_date(published)
        names = [*(sources or []), *(read_list(from_list) if from_list else [])]
    except ComityError as error:
        raise fail(error) from error
    if not names and not feed:
        raise fail(ValueError("give at least one source (a file, folder or URL), --feed or --from"))
    with open_corpus(db) as corpus:  # first: a bad or busy store fails before the model loads
        coder = coder_from(model, batch_size, actors=actors, events=events, cues=cues, roles=roles,
                           times=times, figures=figures)
        start = time.perf_counter()
        with _progress() as bar:
            task = bar.add_task("starting", total=None)
            summary = corpus.ingest(names, coder=coder, published=when, feeds=feed or (),
                                    progress=_counting(bar, task, {}, log))
    _report(summary, time.perf_counter() - start)


def _load_parquet(db: Path, parquet: Path) -> None:
    """``comity ingest --parquet DIR``: copy the coded articles the store lacks, without coding."""
    from comity.corpus.parquet import error_count

    start = time.perf_counter()
    with open_corpus(db) as corpus:
        try:
            summary = corpus.ingest_parquet(parquet)
        except ComityError as error:
            raise fail(error) from error
    err.print(f"{summary.coded} loaded, {summary.skipped} skipped as already stored ({summary.urls_added} "
              f"new URLs recorded) from {escape(str(parquet))} in {time.perf_counter() - start:.1f} s")
    if errors := error_count(parquet):
        err.print(f"{errors} input(s) the Spark run could not code are listed in "
                  f"{escape(str(parquet))}/errors")


@app.command("recode")
def recode_command(
    db: DbOpt = Path(DEFAULT_DB),
    force: Annotated[bool, typer.Option("--force", help="Re-code every article, not only stale ones.")
                     ] = False,
    model: ModelOpt = DEFAULT_MODEL, actors: ActorsOpt = None, events: EventsOpt = None,
    cues: CuesOpt = None, roles: RolesOpt = None, times: TimesOpt = None, figures: FiguresOpt = None,
    batch_size: BatchOpt = 16,
) -> None:
    """Re-code stored articles coded by another coder version (after a dictionary or coder change)."""
    with open_corpus(db) as corpus:
        coder = coder_from(model, batch_size, actors=actors, events=events, cues=cues, roles=roles,
                           times=times, figures=figures)
        start = time.perf_counter()
        with _progress() as bar:
            task = bar.add_task("re-coding", total=corpus.stale_count(str(coder.version), force))
            summary = corpus.recode(coder=coder, force=force, progress=_counting(bar, task, {}))
    err.print(f"coder: {coder.version}")
    _report(summary, time.perf_counter() - start)
