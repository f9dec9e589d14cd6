"""The corpus commands of the ``comity`` CLI: ingest, recode, events, quotes, ties, network, export.

Each command is a thin layer over :class:`comity.corpus.Corpus`; ``register(app)``
adds them to the main Typer app. Exit codes: 1 when some input failed (the rest
was stored), 2 on bad usage or a store that cannot be opened.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from comity.config import DEFAULT_MODEL
from comity.errors import ComityError
from comity.store import DEFAULT_DB

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DbOpt = Annotated[Path, typer.Option("--db", help="The DuckDB store (created if absent).")]
ReadDbOpt = Annotated[Path, typer.Option("--db", help="The DuckDB store to read.")]
ModelOpt = Annotated[str, typer.Option("--model", help="Installed spaCy pipeline to parse with.")]
ActorsOpt = Annotated[list[Path] | None, typer.Option("--actors", help="Extra actor dictionary; repeatable.")]
EventsOpt = Annotated[list[Path] | None, typer.Option("--events", help="Extra event lexicon; repeatable.")]
CuesOpt = Annotated[list[Path] | None, typer.Option("--cues", help="Extra cue-verb list; repeatable.")]
BatchOpt = Annotated[int, typer.Option("--batch-size", min=1, help="Articles per spaCy batch.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="First day (YYYY-MM-DD) of the events' dates.")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Last day (YYYY-MM-DD) of the events' dates.")]
FormatOpt = Annotated[str, typer.Option("--format", help="table, csv or json.")]
NegatedOpt = Annotated[bool, typer.Option("--include-negated", help="Count negated events too.")]
HypoOpt = Annotated[bool, typer.Option("--include-hypothetical", help="Count hypothetical events too.")]


def _console() -> Console:
    """The output console; when not a terminal (a pipe, a file), wide enough not to fold tables."""
    return out if out.is_terminal else Console(soft_wrap=True, width=220)


class RateColumn(ProgressColumn):
    """Articles per second since the start."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:6.1f} articles/s", style="progress.data.speed")


def _fail(error: Exception, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
    return typer.Exit(code)


def open_corpus(db: Path, read_only: bool = False):
    from comity.corpus import Corpus

    try:
        return Corpus(db, read_only=read_only)
    except ComityError as error:
        raise _fail(error) from error


def _coder(model: str, actors, events, cues, batch_size: int):
    from comity.cli import make_coder, make_config

    return make_coder(make_config(model, actors, events, cues, batch_size))


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
    cues: CuesOpt = None, batch_size: BatchOpt = 16,
) -> None:
    """Read, code and store articles; those already stored are skipped (their URLs recorded)."""
    from comity.fetch import read_list
    from comity.normalize import as_date

    try:
        when = as_date(published)
        names = [*(sources or []), *(read_list(from_list) if from_list else [])]
    except ComityError as error:
        raise _fail(error) from error
    if not names and not feed:
        raise _fail(ValueError("give at least one source (a file, folder or URL), --feed or --from"))
    with open_corpus(db) as corpus:  # first: a bad or busy store fails before the model loads
        coder = _coder(model, actors, events, cues, batch_size)
        start = time.perf_counter()
        with _progress() as bar:
            task = bar.add_task("starting", total=None)
            summary = corpus.ingest(names, coder=coder, published=when, feeds=feed or (),
                                    progress=_counting(bar, task, {}, log))
    _report(summary, time.perf_counter() - start)


def recode_command(
    db: DbOpt = Path(DEFAULT_DB),
    force: Annotated[bool, typer.Option("--force", help="Re-code every article, not only stale ones.")
                     ] = False,
    model: ModelOpt = DEFAULT_MODEL, actors: ActorsOpt = None, events: EventsOpt = None,
    cues: CuesOpt = None, batch_size: BatchOpt = 16,
) -> None:
    """Re-code stored articles coded by another coder version (after a dictionary or coder change)."""
    with open_corpus(db) as corpus:
        coder = _coder(model, actors, events, cues, batch_size)
        start = time.perf_counter()
        with _progress() as bar:
            task = bar.add_task("re-coding", total=corpus.stale_count(str(coder.version), force))
            summary = corpus.recode(coder=coder, force=force, progress=_counting(bar, task, {}))
    err.print(f"coder: {coder.version}")
    _report(summary, time.perf_counter() - start)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return "" if value != value else f"{value:.2f}"
    if hasattr(value, "strftime"):  # dates come back from DuckDB as midnight timestamps
        return value.strftime("%Y-%m-%d") if not getattr(value, "hour", 0) else value.isoformat()
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def show_frame(frame, columns: list[str], fmt: str, title: str | None = None) -> None:
    """Print a DataFrame as a Rich table, CSV or JSON Lines."""
    if fmt == "csv":
        print(frame[columns].to_csv(index=False), end="")
        return
    if fmt == "json":
        for record in json.loads(frame.to_json(orient="records", date_format="iso")):
            print(json.dumps(record, ensure_ascii=False))
        return
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in frame[columns].itertuples(index=False):
        table.add_row(*(_cell(v) for v in row))
    _console().print(table)


def _check_format(fmt: str) -> None:
    if fmt not in ("table", "csv", "json"):
        raise _fail(ValueError(f"--format must be table, csv or json, not '{fmt}'"))


def _query(run):
    try:
        return run()
    except ComityError as error:
        raise _fail(error) from error


def events_command(
    db: ReadDbOpt = Path(DEFAULT_DB),
    actor: Annotated[str | None, typer.Option("--actor", help="Actor code or name (CHN, NATO).")] = None,
    recipient: Annotated[str | None, typer.Option("--recipient", help="Recipient code or name.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER event type (SANCTION …).")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Words the sentence contains.")] = None,
    since: SinceOpt = None, until: UntilOpt = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows (0: all).")] = 50,
    fmt: FormatOpt = "table",
) -> None:
    """List stored events, one row per actor-recipient pair, filtered."""
    _check_format(fmt)
    with open_corpus(db, read_only=True) as corpus:
        frame = _query(lambda: corpus.events(actor=actor, recipient=recipient, type=type, since=since,
                                             until=until, text=text, limit=limit or None))
    show_frame(frame, ["date", "actor_code", "event", "recipient_code", "mode", "negated", "event_scale",
                       "sentence", "url"], fmt, title=f"{len(frame)} events")


def quotes_command(
    db: ReadDbOpt = Path(DEFAULT_DB),
    speaker: Annotated[str | None, typer.Option("--speaker", help="Part of the speaker's name.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Country code the quote names or the "
                                              "speaker belongs to.")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Words the quote contains.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="First publication day.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last publication day.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows (0: all).")] = 50,
    fmt: FormatOpt = "table",
) -> None:
    """List stored quotes with their speakers, filtered."""
    _check_format(fmt)
    with open_corpus(db, read_only=True) as corpus:
        frame = _query(lambda: corpus.quotes(speaker=speaker, actor=actor, text=text, since=since,
                                             until=until, limit=limit or None))
    show_frame(frame, ["published", "speaker", "title", "country", "kind", "content", "url"], fmt,
               title=f"{len(frame)} quotes")


def _ties_table(frame, a: str, b: str) -> Table:
    from comity.ties import QUADS

    short = {"verbal_cooperation": "V-coop", "material_cooperation": "M-coop",
             "verbal_conflict": "V-conf", "material_conflict": "M-conf"}
    table = Table(title=f"Ties {a} ↔ {b} (by the events' own dates)")
    table.add_column("period")
    for _direction, label in (("ab", f"{a}→{b}"), ("ba", f"{b}→{a}")):
        for name in QUADS.values():
            table.add_column(f"{label}\n{short[name]}", justify="right")
    table.add_column("events", justify="right")
    table.add_column("mean\nscale", justify="right")
    columns = [f"{d}_{n}" for d in ("ab", "ba") for n in QUADS.values()]
    for row in frame.itertuples(index=False):
        values = [str(getattr(row, c)) for c in columns]
        table.add_row(row.period, *values, str(row.events), _cell(row.mean_scale))
    return table


def _print_evidence(frame) -> None:
    current = None
    for row in frame.itertuples(index=False):
        if row.period != current:
            current = row.period
            out.print(f"\n[bold]{current}[/bold]")
        flag = " (negated)" if row.negated else ""
        out.print(f"  {row.actor_code}→{row.recipient_code} {row.event}{flag} [{row.date}] {row.sentence}",
                  highlight=False, markup=False)
        if row.url:
            out.print(f"      {row.url}", style="dim", highlight=False, markup=False)


QUAD_COLOURS = {"verbal_cooperation": "#7fbf7b", "material_cooperation": "#1b7837",
                "verbal_conflict": "#f4a582", "material_conflict": "#b2182b"}


def plot_ties(frame, path: Path, a: str, b: str) -> None:
    """A chart: events per quad class both ways (bars) and the mean event scale (line)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    from comity.ties import QUADS

    fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(10, 6))
    x = list(range(len(frame)))
    for direction, sign in (("ab", 1), ("ba", -1)):
        base = [0] * len(frame)
        for name in QUADS.values():
            values = [sign * v for v in frame[f"{direction}_{name}"]]
            top.bar(x, values, bottom=base, color=QUAD_COLOURS[name],
                    label=name.replace("_", " ") if sign > 0 else None)
            base = [p + v for p, v in zip(base, values, strict=True)]
    top.yaxis.set_major_locator(MaxNLocator(integer=True))
    top.yaxis.set_major_formatter(lambda value, _: f"{abs(value):g}")
    top.axhline(0, color="black", linewidth=0.5)
    top.set_ylabel(f"events ({a}→{b} up, {b}→{a} down)")
    top.legend(fontsize="small")
    bottom.plot(x, frame["mean_scale"], marker="o")
    bottom.axhline(0, color="grey", linewidth=0.5)
    bottom.set_ylabel("mean event scale")
    bottom.set_xticks(x, list(frame["period"]), rotation=45, ha="right")
    fig.suptitle(f"{a} and {b}")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def ties_command(
    a: Annotated[str, typer.Argument(help="An actor: country code (CHN) or organisation name (NATO).")],
    b: Annotated[str, typer.Argument(help="The other actor.")],
    db: ReadDbOpt = Path(DEFAULT_DB),
    by: Annotated[str, typer.Option("--by", help="day, week or month.")] = "month",
    include_negated: NegatedOpt = False, include_hypothetical: HypoOpt = False,
    plot: Annotated[Path | None, typer.Option("--plot", help="Also draw a chart to this PNG file.")] = None,
    show_evidence: Annotated[bool, typer.Option("--evidence", help="List the sentences behind each period.")
                             ] = False,
    period: Annotated[str | None, typer.Option("--period", help="With --evidence: only this period "
                                               "(as printed, e.g. 2025-05).")] = None,
    fmt: FormatOpt = "table",
) -> None:
    """Events between A and B per period, by quad class both ways, with the mean event scale."""
    _check_format(fmt)
    if by not in ("day", "week", "month"):
        raise _fail(ValueError(f"--by must be day, week or month, not '{by}'"))
    with open_corpus(db, read_only=True) as corpus:
        frame = corpus.ties(a, b, by=by, include_negated=include_negated,
                            include_hypothetical=include_hypothetical)
        proof = corpus.evidence(a, b, by=by, period=period, include_negated=include_negated,
                                include_hypothetical=include_hypothetical) if show_evidence else None
    if fmt != "table":
        show_frame(frame, list(frame.columns), fmt)
    elif frame.empty:
        err.print(f"no dated events between {a} and {b} in {db}")
    else:
        _console().print(_ties_table(frame, a, b))
        from comity.ties import sparkline

        out.print(f"events      {sparkline(frame['events'])}", highlight=False)
        out.print(f"mean scale  {sparkline(frame['mean_scale'])}", highlight=False)
    if frame.attrs.get("undated"):
        err.print(f"{frame.attrs['undated']} event(s) without a date are not in the series")
    if proof is not None:
        _print_evidence(proof)
    if plot is not None:
        plot_ties(frame, plot, a, b)
        err.print(f"chart written to {plot}")


def network_command(
    db: ReadDbOpt = Path(DEFAULT_DB), since: SinceOpt = None, until: UntilOpt = None,
    limit: Annotated[int, typer.Option("--limit", help="How many dyads.")] = 20,
    include_negated: NegatedOpt = False, include_hypothetical: HypoOpt = False, fmt: FormatOpt = "table",
) -> None:
    """The actor-recipient pairs with most events, with their mean event scale."""
    _check_format(fmt)
    with open_corpus(db, read_only=True) as corpus:
        frame = _query(lambda: corpus.network(since=since, until=until, limit=limit,
                                              include_negated=include_negated,
                                              include_hypothetical=include_hypothetical))
    show_frame(frame, list(frame.columns), fmt, title="Dyads with most events")


def export_command(
    db: ReadDbOpt = Path(DEFAULT_DB),
    fmt: Annotated[str, typer.Option("--format", help="plover (JSONL), csv or parquet.")] = "plover",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: stdout; "
                                                "required for parquet).")] = None,
) -> None:
    """Export the stored events: PLOVER JSONL, a flat CSV (one row per dyad event) or Parquet."""
    with open_corpus(db, read_only=True) as corpus:
        count = _query(lambda: corpus.export(fmt, output))
    err.print(f"{count} records exported" + (f" to {output}" if output else ""))


def register(app: typer.Typer) -> None:
    """Add the corpus commands to ``app`` (once)."""
    if getattr(app, "_comity_corpus", False):
        return
    app.command("ingest")(ingest_command)
    app.command("recode")(recode_command)
    app.command("events")(events_command)
    app.command("quotes")(quotes_command)
    app.command("ties")(ties_command)
    app.command("network")(network_command)
    app.command("export")(export_command)
    app._comity_corpus = True  # type: ignore[attr-defined]
