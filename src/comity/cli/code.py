"""``comity code``: code articles and print or write the records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from comity.cli._common import (
    ActorsOpt,
    BatchOpt,
    CuesOpt,
    EventsOpt,
    FiguresOpt,
    JobsOpt,
    ModelOpt,
    RolesOpt,
    TimesOpt,
    app,
    coder_from,
    err,
    finish,
    parse_published,
    table_console,
    workers_for,
    write_atomic,
)
from comity.cli.checks import output_folder
from comity.cli.progress import Ticker, count_inputs
from comity.config import DEFAULT_MODEL
from comity.errors import ComityError
from comity.io.output import to_json


def _unique(name: str, taken: set[str]) -> str:
    stem, n = name, 2
    while name in taken:
        name, n = f"{stem}-{n}", n + 1
    taken.add(name)
    return name


@app.command("code")
def code_command(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT", help="Text, HTML, JSON or JSONL files, folders, or URLs of pages; '-' reads "
        "the text of one article from stdin.")],
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date (YYYY-MM-DD) for relative dates; default: the HTML "
        "metadata or a JSONL line's 'published'.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table (Rich tables) or json (JSON Lines: one "
                                     "article a line).")] = "table",
    out_dir: Annotated[Path | None, typer.Option(
        "--out-dir", help="Write one ID.json per article here instead of printing.")] = None,
    model: ModelOpt = DEFAULT_MODEL, actors: ActorsOpt = None, events: EventsOpt = None,
    cues: CuesOpt = None, roles: RolesOpt = None, times: TimesOpt = None, figures: FiguresOpt = None,
    batch_size: BatchOpt = 16, jobs: JobsOpt = None,
    include_hypothetical: Annotated[bool, typer.Option(
        "--include-hypothetical", help="Also output the events coded hypothetical (scenarios, conditions, "
        "possibilities), which are left out by default as in ties and network.")] = False,
    include_lone: Annotated[bool, typer.Option(
        "--include-lone", help="Also output the threats, assaults and accusations by one side whose target "
        "neither the sentence nor the article names, which are left out by default (they name no dyad, "
        "so ties and network never count them).")] = False,
) -> None:
    """Code articles: events, quotes, speakers, times and figures.

    With --format json, prints JSON Lines: one JSON object per article, one a line, however many.
    Each article is printed (or written) as soon as it is coded, in the order of the inputs.
    """
    from comity.cli.render import show_coded
    from comity.io.fetch import Sources

    if fmt not in ("table", "json"):
        err.print(f"[red]error:[/red] --format must be 'table' or 'json', not '{fmt}'")
        raise typer.Exit(2)
    when = parse_published(published)
    if out_dir:
        output_folder(out_dir)  # before the model loads: a wrong folder fails at once
    coder = coder_from(model, batch_size, actors=actors, events=events, cues=cues, roles=roles,
                       times=times, figures=figures)
    failures: list[str] = []
    taken: set[str] = set()
    coded = 0
    total = count_inputs(inputs)
    with Sources() as sources, workers_for(coder, jobs) as runner, \
            Ticker(err, total, "coding", quiet_below=2 if not err.is_terminal else 1) as ticker:
        unread: list[tuple[int, str]] = []  # (articles read before it, why an input failed)
        articles = _articles(sources.read(inputs, when), unread)
        for number, (article, result) in enumerate(runner.code_many(articles)):
            _said(unread, failures, number)  # an input that failed, in its place among the articles
            ticker.advance()
            if isinstance(result, ComityError):
                failures.append(str(result))
                continue
            coded += 1
            result = coder.reported(result, include_hypothetical, include_lone)
            for warning in result.warnings:
                err.print(f"[yellow]warning:[/yellow] {article.source or article.id}: {warning}")
            if out_dir:
                name = _unique(article.id, taken)
                shown = to_json(result, hypothetical=True, lone=True)  # already chosen by reported()
                write_atomic(out_dir / f"{name}.json", json.dumps(shown, ensure_ascii=False, indent=1))
            else:
                _print_result(result, fmt, show_coded)
        _said(unread, failures)
    finish(failures, coded)


def _articles(items, unread: list[tuple[int, str]]):
    """The articles of the inputs as they are read; an input that cannot be read is noted with the
    number of articles read before it."""
    count = 0
    for item in items:
        if isinstance(item, ComityError):
            unread.append((count, str(item)))
        else:
            count += 1
            yield item


def _said(unread: list[tuple[int, str]], failures: list[str], upto: int | None = None) -> None:
    """Move the failures read before article number ``upto`` (all when None) to ``failures``."""
    while unread and (upto is None or unread[0][0] <= upto):
        failures.append(unread.pop(0)[1])


def _print_result(result, fmt: str, show) -> None:
    if fmt == "json":  # JSON Lines always: a line reader gets one article a line, one article or many
        # the result is already the reported one (code_command): to_json must not filter it again
        print(json.dumps(to_json(result, hypothetical=True, lone=True), ensure_ascii=False), flush=True)
    else:
        show(table_console(), result)
