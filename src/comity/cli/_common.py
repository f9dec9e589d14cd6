"""What every command of the ``comity`` CLI shares: the Typer app, the consoles, option types,
building the coder, progress bars and one-line errors.

Command modules (:mod:`comity.cli.code`, :mod:`comity.cli.evaluate`,
:mod:`comity.cli.ingest`, :mod:`comity.cli.query`) decorate :data:`app`;
:mod:`comity.cli` imports them all. Errors are printed as one line naming the
input; the exit code is 1 when some input failed (the rest was done), 2 on bad
usage or a store that cannot be opened.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from typer.core import TyperGroup

from comity._version import __version__
from comity.config import Config
from comity.errors import ComityError
from comity.text.normalize import as_date


class _Guarded(TyperGroup):
    """Runs a command so that no mistake ends in a traceback: a comity error that a command left
    unhandled is printed as one line (exit 2); a reader that stops reading (``| head``) ends the
    run quietly (exit 0)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ComityError as error:
            if isinstance(error.__cause__, BrokenPipeError):
                raise _closed_pipe() from error
            raise fail(error) from error
        except BrokenPipeError as error:
            raise _closed_pipe() from error


def _closed_pipe() -> typer.Exit:
    """Standard output was closed by its reader: point it at /dev/null so the final flush is silent."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return typer.Exit(0)


app = typer.Typer(cls=_Guarded, add_completion=False, no_args_is_help=True, rich_markup_mode="rich",
                  help="Code news about international affairs: PLOVER events, quotes, dates, figures.")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

ModelOpt = Annotated[str, typer.Option("--model", help="Installed spaCy pipeline to parse with.")]
ActorsOpt = Annotated[list[Path] | None, typer.Option(
    "--actors", help="Extra actor dictionary (JSON, same shape as data/actors.json); repeatable.")]
EventsOpt = Annotated[list[Path] | None, typer.Option(
    "--events", help="Extra event lexicon (JSON, same shape as data/events.json); repeatable.")]
CuesOpt = Annotated[list[Path] | None, typer.Option(
    "--cues", help="Extra cue-verb list (JSON, same shape as data/cues.json); repeatable.")]
RolesOpt = Annotated[list[Path] | None, typer.Option(
    "--roles", help="Extra speaker-profile words and organisations (JSON, same shape as data/roles.json); "
    "repeatable.")]
TimesOpt = Annotated[list[Path] | None, typer.Option(
    "--times", help="Extra time words (JSON, same shape as data/times.json); repeatable.")]
FiguresOpt = Annotated[list[Path] | None, typer.Option(
    "--figures", help="Extra figure words (JSON, same shape as data/figures.json); repeatable.")]
BatchOpt = Annotated[int, typer.Option("--batch-size", min=1, help="Articles per spaCy batch.")]
JobsOpt = Annotated[int | None, typer.Option(
    "--jobs", min=1, help="Worker processes that parse and code the articles (default: one per core; "
    "1: in this process).", show_default=False)]
DbOpt = Annotated[Path, typer.Option("--db", help="The DuckDB store (created if absent).")]
ReadDbOpt = Annotated[Path, typer.Option("--db", help="The DuckDB store to read.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="First day (YYYY-MM-DD) of the events' dates.")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Last day (YYYY-MM-DD) of the events' dates.")]
FormatOpt = Annotated[str, typer.Option("--format", help="table, csv or json.")]
NegatedOpt = Annotated[bool, typer.Option("--include-negated", help="Count negated events too.")]
HypoOpt = Annotated[bool, typer.Option("--include-hypothetical", help="Count hypothetical events too.")]
RecordsOpt = Annotated[bool, typer.Option(
    "--records", help="Count every event record, not occasions (the reports of one event in several "
    "articles are one occasion by default).")]


def _version(value: bool) -> None:
    if value:
        out.print(f"comity {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Print the version and exit.")] = False) -> None:
    """comity: who did what to whom, who said what, when, and the figures cited."""


def fail(error: Exception, code: int = 2) -> typer.Exit:
    """Print ``error`` as one line and give the Exit to raise."""
    err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
    return typer.Exit(code)


def make_config(model: str, batch_size: int, **files: list[Path] | None) -> Config:
    """The configuration the common options give: ``files`` are the user knowledge files by kind
    (actors, events, cues, roles, times, figures)."""
    try:
        return Config(model=model, batch_size=batch_size,
                      **{f"{kind.rstrip('s')}_files": tuple(paths or ()) for kind, paths in files.items()})
    except ComityError as error:
        raise fail(error) from error


def make_coder(config: Config):
    from comity.pipeline import Coder

    try:
        coder = Coder(config)
    except ComityError as error:
        raise fail(error) from error
    coder.notify = lambda line: err.print(escape(line), highlight=False)  # a long article's parts
    return coder


def coder_from(model: str, batch_size: int, **files: list[Path] | None):
    """The coder the common options describe (exit 2 with one line when they are wrong)."""
    return make_coder(make_config(model, batch_size, **files))


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def workers_for(coder, jobs: int | None):
    """A context that gives what codes the articles: the coder itself with one job, else its
    :class:`~comity.pipeline.Workers` (``jobs`` None: one per core), closed at the end."""
    from comity.pipeline import Workers

    jobs = cores() if jobs is None else jobs
    return contextlib.nullcontext(coder) if jobs <= 1 else Workers(coder, jobs)


def progress_bar(total: int | None) -> Progress:
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True,
                    disable=total is not None and total < 2)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so no half-written file is ever left."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def parse_published(value: str | None) -> date | None:
    try:
        return as_date(value)
    except ComityError as error:
        err.print(f"[red]error:[/red] --published: {error}")
        raise typer.Exit(2) from error


def finish(failures: list[str], coded: int) -> None:
    """Report the failed inputs, one line each; exit 1 when there were any."""
    for message in failures:
        err.print(f"[red]error:[/red] {escape(message)}", highlight=False)
    if failures:
        err.print(f"{len(failures)} input(s) failed; {coded} coded.")
        raise typer.Exit(1)


def table_console() -> Console:
    """The output console for tables: as wide as ``COLUMNS`` says when set, else the terminal; when not
    a terminal (a pipe, a file), wide enough not to fold tables."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return Console(soft_wrap=True, width=int(columns))
    return out if out.is_terminal else Console(soft_wrap=True, width=220)


def open_corpus(db: Path, read_only: bool = False, must_exist: bool = False):
    """The store at ``db``; a reader waits a few seconds for an ingest to finish writing a group."""
    from comity.corpus.corpus import Corpus
    from comity.corpus.store import READ_WAIT

    try:
        return Corpus(db, read_only=read_only, wait=READ_WAIT if read_only else 0.0, must_exist=must_exist)
    except ComityError as error:
        raise fail(error) from error


def guarded(run):
    """``run()``, with a comity error turned into one line and exit 2."""
    try:
        return run()
    except ComityError as error:
        if isinstance(error.__cause__, BrokenPipeError):
            raise _closed_pipe() from error
        raise fail(error) from error
