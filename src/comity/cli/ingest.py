"""``comity ingest`` and ``comity recode``: read, code and store articles in the corpus."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from comity.cli._common import (
    ActorsOpt,
    BatchOpt,
    CuesOpt,
    DbOpt,
    EventsOpt,
    FiguresOpt,
    JobsOpt,
    ModelOpt,
    RolesOpt,
    TimesOpt,
    app,
    coder_from,
    err,
    fail,
    open_corpus,
    workers_for,
)
from comity.cli.progress import Ticker, count_inputs, rate_text
from comity.config import DEFAULT_MODEL
from comity.corpus.store import DEFAULT_DB
from comity.errors import ComityError


def _counting(ticker: Ticker, counts: dict[str, int], log: bool = False,
              kinds: tuple[str, ...] = ("coded", "skipped", "failed")):
    def notify(kind: str, what: str) -> None:
        if log:
            err.print(f"{kind} {what}", highlight=False, markup=False)
        counts[kind] = counts.get(kind, 0) + 1
        ticker.advance(" · ".join(f"{k} {counts.get(k, 0)}" for k in kinds))
    return notify


def _report(summary, seconds: float) -> None:
    for message in summary.failed:
        err.print(f"[red]failed:[/red] {escape(message)}", highlight=False)
    err.print(f"{summary} in {seconds:.1f} s ({rate_text(summary.coded, seconds)} coded)", highlight=False)
    if summary.failed:
        raise typer.Exit(1)


KINDS = ("actors", "events", "cues", "roles", "times", "figures")


def _options(model: str, files: dict[str, list[Path] | None]) -> dict:
    """The coding options as the store keeps them: the model and each knowledge file's full path."""
    return {"model": model, **{k: [str(Path(f).resolve()) for f in files.get(k) or ()] for k in KINDS}}


def _flags(options: dict) -> str:
    return " ".join(f"--{k} {f}" for k in KINDS for f in options.get(k, [])) or "the bundled files only"


def _remember(corpus, options: dict) -> None:
    """Keep the options in the store; warn when they differ from those it was coded with before."""
    before = corpus.store.setting("coding")
    if before and json.loads(before) != options:
        err.print(f"[yellow]warning:[/yellow] this store was coded with {_flags(json.loads(before))} and "
                  f"model {json.loads(before).get('model')}; these articles are coded with {_flags(options)} "
                  f"and model {options['model']} (run 'comity recode' to code them all alike)",
                  highlight=False)
    corpus.store.set_setting("coding", json.dumps(options))


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
    batch_size: BatchOpt = 16, jobs: JobsOpt = None,
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
    files = {"actors": actors, "events": events, "cues": cues, "roles": roles, "times": times,
             "figures": figures}
    with open_corpus(db) as corpus:  # first: a bad or busy store fails before the model loads
        coder = coder_from(model, batch_size, **files)
        start = time.perf_counter()
        with workers_for(coder, jobs) as runner, \
                Ticker(err, count_inputs(names, feed or ()), "ingest") as ticker:
            summary = corpus.ingest(names, coder=runner, published=when, feeds=feed or (),
                                    progress=_counting(ticker, {}, log))
        _remember(corpus, _options(model, files))
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
    db: Annotated[Path, typer.Option("--db", help="The DuckDB store to re-code (it must exist).")
                  ] = Path(DEFAULT_DB),
    force: Annotated[bool, typer.Option("--force", help="Re-code every article, not only stale ones.")
                     ] = False,
    bundled_only: Annotated[bool, typer.Option(
        "--bundled-only", help="Code with the bundled knowledge files only, not those the store was "
        "coded with.")] = False,
    model: Annotated[str | None, typer.Option(
        "--model", help="Installed spaCy pipeline to parse with; default: the one the store was coded "
        "with.", show_default=False)] = None,
    actors: ActorsOpt = None, events: EventsOpt = None, cues: CuesOpt = None, roles: RolesOpt = None,
    times: TimesOpt = None, figures: FiguresOpt = None, batch_size: BatchOpt = 16, jobs: JobsOpt = None,
) -> None:
    """Re-code stored articles coded by another coder version (after a dictionary or coder change).

    With no knowledge-file options, the files the store was coded with are used again.
    """
    given = {"actors": actors, "events": events, "cues": cues, "roles": roles, "times": times,
             "figures": figures}
    with open_corpus(db, must_exist=True) as corpus:
        files, model = _recalled(corpus, given, model, bundled_only)
        coder = coder_from(model, batch_size, **files)
        start = time.perf_counter()
        with workers_for(coder, jobs) as runner, \
                Ticker(err, corpus.stale_count(str(coder.version), force), "re-coding") as ticker:
            summary = corpus.recode(coder=runner, force=force,
                                    progress=_counting(ticker, {}, kinds=("coded", "failed")))
        corpus.store.set_setting("coding", json.dumps(_options(model, files)))
    err.print(f"coder: {coder.version}", highlight=False)
    _report(summary, time.perf_counter() - start)


def _recalled(corpus, given: dict, model: str | None, bundled_only: bool) -> tuple[dict, str]:
    """The knowledge files and model to re-code with: those given, else those the store was coded
    with (said on standard error), else the bundled ones and the default model."""
    stored = json.loads(corpus.store.setting("coding") or "{}")
    if any(given.values()) or bundled_only or not stored:
        return given, model or stored.get("model") or DEFAULT_MODEL
    files = {k: [Path(f) for f in stored.get(k, [])] or None for k in KINDS}
    if any(files.values()):
        err.print(f"re-coding with the knowledge files this store was coded with: {_flags(stored)} "
                  "(--bundled-only to drop them)", highlight=False)
    return files, model or stored.get("model") or DEFAULT_MODEL


@app.command("occasions")
def occasions_command(
    db: Annotated[Path, typer.Option("--db", help="The DuckDB store (it must exist).")] = Path(DEFAULT_DB),
) -> None:
    """Group the stored event records into occasions again, from scratch, and say what was found.

    Ingest and recode keep the occasions up to date as they write, and this gives the same result;
    use it to check that, or after changing a store by other means. An occasion is one event reported
    in one or more articles: same type family and parties, meeting dates, same modality, similar
    evidence (docs/corpus.md, "Occasions").
    """
    start = time.perf_counter()
    with open_corpus(db, must_exist=True) as corpus:
        occasions = corpus.group_occasions()
        records, several, articles = corpus.con.execute(
            "SELECT (SELECT count(*) FROM events), count(*) FILTER (WHERE n_reports > 1), "
            "coalesce(max(n_articles), 0) FROM occasions").fetchone()
    seconds = time.perf_counter() - start
    err.print(f"{records:,} event records grouped into {occasions:,} occasions ({several:,} reported more "
              f"than once; the most reported in {articles:,} articles) in {seconds:.1f} s", highlight=False)
