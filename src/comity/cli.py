"""The ``comity`` command line: a thin layer over the library (Typer + Rich).

Every command calls library functions; errors are printed as one line naming
the input, and the exit code is 1 when any input failed, 2 on bad usage.
"""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from comity import __version__
from comity.config import DEFAULT_MODEL, Config
from comity.errors import ComityError
from comity.normalize import as_date

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="rich",
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
BatchOpt = Annotated[int, typer.Option("--batch-size", min=1, help="Articles per spaCy batch.")]


def _version(value: bool) -> None:
    if value:
        out.print(f"comity {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Print the version and exit.")] = False) -> None:
    """comity: who did what to whom, who said what, when, and the figures cited."""


def make_config(model: str, actors: list[Path] | None, events: list[Path] | None,
                cues: list[Path] | None, batch_size: int) -> Config:
    try:
        return Config(model=model, batch_size=batch_size, actor_files=tuple(actors or ()),
                      event_files=tuple(events or ()), cue_files=tuple(cues or ()))
    except ComityError as error:
        err.print(f"[red]error:[/red] {escape(str(error))}")
        raise typer.Exit(2) from error


def make_coder(config: Config):
    from comity.pipeline import Coder

    try:
        return Coder(config)
    except ComityError as error:
        err.print(f"[red]error:[/red] {escape(str(error))}")
        raise typer.Exit(2) from error


def progress_bar(total: int | None) -> Progress:
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True,
                    disable=total is not None and total < 2)


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


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
    cues: CuesOpt = None, batch_size: BatchOpt = 16,
) -> None:
    """Code articles: events, quotes, speakers, times and figures.

    With several articles and --format json, prints one JSON object per line (JSON Lines).
    """
    from comity.ingest import read_inputs
    from comity.output import to_json
    from comity.render import show_coded

    if fmt not in ("table", "json"):
        err.print(f"[red]error:[/red] --format must be 'table' or 'json', not '{fmt}'")
        raise typer.Exit(2)
    when = _published(published)
    coder = make_coder(make_config(model, actors, events, cues, batch_size))
    failures: list[str] = []
    results: list = []
    taken: set[str] = set()
    coded = 0
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
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
                _write_atomic(out_dir / f"{name}.json",
                              json.dumps(to_json(result), ensure_ascii=False, indent=1))
            else:
                results.append(result)
    _print_results(results, fmt, show_coded)
    _finish(failures, coded)


def _published(value: str | None) -> date | None:
    try:
        return as_date(value)
    except ComityError as error:
        err.print(f"[red]error:[/red] --published: {error}")
        raise typer.Exit(2) from error


def _collect(items, failures: list[str]) -> list:
    articles = []
    for item in items:
        if isinstance(item, ComityError):
            failures.append(str(item))
        else:
            articles.append(item)
    return articles


def _print_results(results: list, fmt: str, show) -> None:
    from comity.output import to_json

    if fmt == "json":
        if len(results) == 1:
            out.print_json(json.dumps(to_json(results[0]), ensure_ascii=False))
        else:
            for result in results:
                print(json.dumps(to_json(result), ensure_ascii=False))
    else:
        for result in results:
            show(out, result)


def _finish(failures: list[str], coded: int) -> None:
    for message in failures:
        err.print(f"[red]error:[/red] {escape(message)}", highlight=False)
    if failures:
        err.print(f"{len(failures)} input(s) failed; {coded} coded.")
        raise typer.Exit(1)


@app.command("eval")
def eval_command(
    gold: Annotated[Path | None, typer.Argument(
        help="A *.gold.json file or a folder holding them.")] = None,
    out_dir: Annotated[Path | None, typer.Option(
        "--out-dir", help="Keep the predictions here (default: a temporary folder, removed).")] = None,
    per_article: Annotated[bool, typer.Option(
        "--per-article", help="Also print each article's counts and event misses.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    plover_gsr: Annotated[Path | None, typer.Option(
        "--plover-gsr", help="Score events on PLOVER's gold-standard sentences (PLOVER_GSR_CAMEO.txt) "
        "instead: type accuracy, per-type precision/recall, actor and recipient accuracy.")] = None,
    model: ModelOpt = DEFAULT_MODEL, actors: ActorsOpt = None, events: EventsOpt = None,
    cues: CuesOpt = None, batch_size: BatchOpt = 16,
) -> None:
    """Code every gold file's article and print the scorer's figures (GOLD-FORMAT.md)."""
    target = plover_gsr or gold
    if target is None:
        err.print("[red]error:[/red] name a GOLD file or folder, or --plover-gsr FILE")
        raise typer.Exit(2)
    if not target.exists():
        err.print(f"[red]error:[/red] {target}: no such file or folder")
        raise typer.Exit(2)
    coder = make_coder(make_config(model, actors, events, cues, batch_size))
    try:
        if plover_gsr:
            _eval_gsr(coder, plover_gsr, as_json)
            return
        _eval_gold(coder, target, out_dir, per_article, as_json)
    except ComityError as error:
        err.print(f"[red]error:[/red] {escape(str(error))}")
        raise typer.Exit(2) from error


def _eval_gold(coder, gold: Path, out_dir: Path | None, per_article: bool, as_json: bool) -> None:
    from comity.evaluate import evaluate, gold_files
    from comity.scoring import format_summary

    total = len(gold_files(gold))
    with progress_bar(total) as bar:
        task = bar.add_task("coding", total=total)
        summary, per, errors = evaluate(coder, gold, out_dir, lambda: bar.advance(task))
    if per_article:
        for name, score in per.items():
            data = dataclasses.asdict(score) if dataclasses.is_dataclass(score) else score
            print(name, json.dumps(data, ensure_ascii=False))
    print(json.dumps(summary) if as_json else format_summary(summary))
    _finish(errors, total - len(errors))


def _eval_gsr(coder, path: Path, as_json: bool) -> None:
    from rich.table import Table

    from comity.gsr import evaluate_gsr, f1, per_type, summary

    score = evaluate_gsr(coder, path)
    figures = summary(score)
    if as_json:
        print(json.dumps(figures | {"per_type": {k: {"gold": g, "precision": p, "recall": r, "f1": f1(p, r)}
                                                 for k, g, p, r in per_type(score)}}))
        return
    table = Table(title="PLOVER GSR: per type", title_justify="left")
    for name in ("type", "gold", "precision", "recall", "F1"):
        table.add_column(name, justify="left" if name == "type" else "right")
    for kind, gold, precision, recall in per_type(score):
        table.add_row(kind, str(gold), f"{precision:.2f}", f"{recall:.2f}", f"{f1(precision, recall):.2f}")
    out.print(table)
    print("  ".join(f"{k}={v}" for k, v in figures.items()))


def _register_corpus_commands() -> None:
    from comity.cli_corpus import register

    register(app)


_register_corpus_commands()
