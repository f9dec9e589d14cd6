"""``comity eval``: code gold articles and score them, or score event types on PLOVER's gold sentences
or on PLV's news sentences."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
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
    coder_from,
    err,
    finish,
    out,
    progress_bar,
)
from comity.config import DEFAULT_MODEL
from comity.errors import ComityError


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
    plv: Annotated[Path | None, typer.Option(
        "--plv", help="Score event types on PLV's news sentences (PLV_train.tsv) instead: type accuracy, "
        "macro F1, coverage (rows with an event for their actors), per-type precision/recall.")] = None,
    coref: Annotated[Path | None, typer.Option(
        "--coref", help="Score the entity model on a GUM folder (conllu/ and conll/) instead: MUC, B³, "
        "CEAF-e, CoNLL F1 and pronoun accuracy for people, organisations and places.")] = None,
    model: ModelOpt = DEFAULT_MODEL, actors: ActorsOpt = None, events: EventsOpt = None,
    cues: CuesOpt = None, roles: RolesOpt = None, times: TimesOpt = None, figures: FiguresOpt = None,
    batch_size: BatchOpt = 16,
) -> None:
    """Code every gold file's article and print the scorer's figures (GOLD-FORMAT.md)."""
    target = plover_gsr or plv or coref or gold
    if target is None:
        err.print("[red]error:[/red] name a GOLD file or folder, --plover-gsr FILE, --plv FILE "
                  "or --coref DIR")
        raise typer.Exit(2)
    if not target.exists():
        err.print(f"[red]error:[/red] {target}: no such file or folder")
        raise typer.Exit(2)
    coder = coder_from(model, batch_size, actors=actors, events=events, cues=cues, roles=roles,
                       times=times, figures=figures)
    try:
        if plover_gsr:
            _eval_gsr(coder, plover_gsr, as_json)
            return
        if plv:
            _eval_plv(coder, plv, as_json)
            return
        if coref:
            _eval_coref(coder, coref, as_json)
            return
        _eval_gold(coder, target, out_dir, per_article, as_json)
    except ComityError as error:
        err.print(f"[red]error:[/red] {escape(str(error))}")
        raise typer.Exit(2) from error


def _eval_coref(coder, folder: Path, as_json: bool) -> None:
    from comity.evaluation.coref import evaluate_coref

    total = len(list((folder / "conllu").glob("*.conllu"))) if (folder / "conllu").is_dir() else None
    with progress_bar(total) as bar:
        task = bar.add_task("coding", total=total)
        figures = evaluate_coref(coder, folder, lambda: bar.advance(task)).summary()
    if as_json:
        print(json.dumps(figures))
        return
    print("  ".join(f"{k}={v}" for k, v in figures.items()))


def _eval_gold(coder, gold: Path, out_dir: Path | None, per_article: bool, as_json: bool) -> None:
    from comity.evaluation.evaluate import evaluate, gold_files
    from comity.evaluation.scoring import format_summary

    total = len(gold_files(gold))
    with progress_bar(total) as bar:
        task = bar.add_task("coding", total=total)
        summary, per, errors = evaluate(coder, gold, out_dir, lambda: bar.advance(task))
    if per_article:
        for name, score in per.items():
            data = dataclasses.asdict(score) if dataclasses.is_dataclass(score) else score
            print(name, json.dumps(data, ensure_ascii=False))
    print(json.dumps(summary) if as_json else format_summary(summary))
    finish(errors, total - len(errors))


def _print_per_type(title: str, figures: dict, rows: list, f1, as_json: bool) -> None:
    """The figures and the (type, gold, precision, recall) rows: as JSON, or as a table and a line."""
    from rich.table import Table

    if as_json:
        print(json.dumps(figures | {"per_type": {k: {"gold": g, "precision": p, "recall": r, "f1": f1(p, r)}
                                                 for k, g, p, r in rows}}))
        return
    table = Table(title=f"{title}: per type", title_justify="left")
    for name in ("type", "gold", "precision", "recall", "F1"):
        table.add_column(name, justify="left" if name == "type" else "right")
    for kind, gold, precision, recall in rows:
        table.add_row(kind, str(gold), f"{precision:.2f}", f"{recall:.2f}", f"{f1(precision, recall):.2f}")
    out.print(table)
    print("  ".join(f"{k}={v}" for k, v in figures.items()))


def _eval_gsr(coder, path: Path, as_json: bool) -> None:
    from comity.evaluation.gsr import evaluate_gsr, f1, per_type, summary

    score = evaluate_gsr(coder, path)
    _print_per_type("PLOVER GSR", summary(score), per_type(score), f1, as_json)


def _eval_plv(coder, path: Path, as_json: bool) -> None:
    from comity.evaluation.plv import evaluate_plv, f1, load_plv, per_type, summary

    total = len({row.sentence for row in load_plv(path)})
    with progress_bar(total) as bar:
        task = bar.add_task("coding", total=total)
        score = evaluate_plv(coder, path, lambda: bar.advance(task))
    _print_per_type("PLV", summary(score), per_type(score), f1, as_json)
