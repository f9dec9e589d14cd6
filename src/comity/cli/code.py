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
    ModelOpt,
    RolesOpt,
    TimesOpt,
    app,
    coder_from,
    err,
    finish,
    out,
    parse_published,
    progress_bar,
    write_atomic,
)
from comity.cli.checks import output_folder
from comity.config import DEFAULT_MODEL
from comity.errors import ComityError


def _unique(name: str, taken: set[str]) -> str:
    stem, n = name, 2
    while name in taken:
        name, n = f"{stem}-{n}", n + 1
    taken.add(name)
    return name


@app.command("code")
def code_command(
    inputs: Annotated[list[str], typer.Argument(
        help="Text, HTML or JSONL files; '-' reads the text of one article from stdin.")],
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date (YYYY-MM-DD) for relative dates; default: the HTML "
        "metadata or a JSONL line's 'published'.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table (Rich tables) or json.")] = "table",
    out_dir: Annotated[Path | None, typer.Option(
        "--out-dir", help="Write one ID.json per article here instead of printing.")] = None,
    model: ModelOpt = DEFAULT_MODEL, actors: ActorsOpt = None, events: EventsOpt = None,
    cues: CuesOpt = None, roles: RolesOpt = None, times: TimesOpt = None, figures: FiguresOpt = None,
    batch_size: BatchOpt = 16,
) -> None:
    """Code articles: events, quotes, speakers, times and figures.

    With several articles and --format json, prints one JSON object per line (JSON Lines).
    """
    from comity.cli.render import show_coded
    from comity.io.output import to_json
    from comity.io.read import read_inputs

    if fmt not in ("table", "json"):
        err.print(f"[red]error:[/red] --format must be 'table' or 'json', not '{fmt}'")
        raise typer.Exit(2)
    when = parse_published(published)
    if out_dir:
        output_folder(out_dir)  # before the model loads: a wrong folder fails at once
    coder = coder_from(model, batch_size, actors=actors, events=events, cues=cues, roles=roles,
                       times=times, figures=figures)
    failures: list[str] = []
    results: list = []
    taken: set[str] = set()
    coded = 0
    articles = _collect(read_inputs(inputs, when), failures)
    with progress_bar(len(articles)) as bar:
        task = bar.add_task("coding", total=len(articles))
        for article, result in coder.code_many(articles):
            bar.advance(task)
            if isinstance(result, ComityError):
                failures.append(str(result))
                continue
            coded += 1
            for warning in result.warnings:
                err.print(f"[yellow]warning:[/yellow] {article.source or article.id}: {warning}")
            if out_dir:
                name = _unique(article.id, taken)
                write_atomic(out_dir / f"{name}.json",
                              json.dumps(to_json(result), ensure_ascii=False, indent=1))
            else:
                results.append(result)
    _print_results(results, fmt, show_coded)
    finish(failures, coded)


def _collect(items, failures: list[str]) -> list:
    articles = []
    for item in items:
        if isinstance(item, ComityError):
            failures.append(str(item))
        else:
            articles.append(item)
    return articles


def _print_results(results: list, fmt: str, show) -> None:
    from comity.io.output import to_json

    if fmt == "json":
        if len(results) == 1:
            out.print_json(json.dumps(to_json(results[0]), ensure_ascii=False))
        else:
            for result in results:
                print(json.dumps(to_json(result), ensure_ascii=False))
    else:
        for result in results:
            show(out, result)


