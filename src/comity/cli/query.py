"""Reading the corpus: ``comity events``, ``quotes``, ``ties``, ``network`` and ``export``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from comity.cli._common import (
    FormatOpt,
    HypoOpt,
    NegatedOpt,
    ReadDbOpt,
    SinceOpt,
    UntilOpt,
    app,
    err,
    fail,
    guarded,
    open_corpus,
    out,
    table_console,
)
from comity.cli.plot import plot_ties
from comity.corpus.store import DEFAULT_DB

ParquetOpt = Annotated[Path | None, typer.Option(
    "--parquet", help="Read the Parquet output of 'comity spark' in this folder (in place) instead of --db.")]


def _reader(db: Path, parquet: Path | None):
    """The corpus to read: the Parquet output of ``comity spark`` when given, else the store."""
    if parquet is None:
        return open_corpus(db, read_only=True)
    from comity.corpus.corpus import Corpus

    return guarded(lambda: Corpus.over_parquet(parquet))


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
    table_console().print(table)


def _check_format(fmt: str) -> None:
    if fmt not in ("table", "csv", "json"):
        raise fail(ValueError(f"--format must be table, csv or json, not '{fmt}'"))


@app.command("events")
def events_command(
    db: ReadDbOpt = Path(DEFAULT_DB),
    actor: Annotated[str | None, typer.Option("--actor", help="Actor code or name (CHN, NATO).")] = None,
    recipient: Annotated[str | None, typer.Option("--recipient", help="Recipient code or name.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER event type (SANCTION …).")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Words the sentence contains.")] = None,
    since: SinceOpt = None, until: UntilOpt = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows (0: all).")] = 50,
    fmt: FormatOpt = "table", parquet: ParquetOpt = None,
) -> None:
    """List stored events, one row per actor-recipient pair, filtered."""
    _check_format(fmt)
    with _reader(db, parquet) as corpus:
        frame = guarded(lambda: corpus.events(actor=actor, recipient=recipient, type=type, since=since,
                                             until=until, text=text, limit=limit or None))
    show_frame(frame, ["date", "actor_code", "event", "recipient_code", "mode", "negated", "event_scale",
                       "sentence", "url"], fmt, title=f"{len(frame)} events")


@app.command("quotes")
def quotes_command(
    db: ReadDbOpt = Path(DEFAULT_DB),
    speaker: Annotated[str | None, typer.Option("--speaker", help="Part of the speaker's name.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Country code the quote names or the "
                                              "speaker belongs to.")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Words the quote contains.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="First publication day.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last publication day.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows (0: all).")] = 50,
    fmt: FormatOpt = "table", parquet: ParquetOpt = None,
) -> None:
    """List stored quotes with their speakers, filtered."""
    _check_format(fmt)
    with _reader(db, parquet) as corpus:
        frame = guarded(lambda: corpus.quotes(speaker=speaker, actor=actor, text=text, since=since,
                                             until=until, limit=limit or None))
    show_frame(frame, ["published", "speaker", "title", "country", "kind", "content", "url"], fmt,
               title=f"{len(frame)} quotes")


def _ties_table(frame, a: str, b: str) -> Table:
    from comity.corpus.ties import QUADS

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


@app.command("ties")
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
    fmt: FormatOpt = "table", parquet: ParquetOpt = None,
) -> None:
    """Events between A and B per period, by quad class both ways, with the mean event scale."""
    _check_format(fmt)
    if by not in ("day", "week", "month"):
        raise fail(ValueError(f"--by must be day, week or month, not '{by}'"))
    with _reader(db, parquet) as corpus:
        frame = corpus.ties(a, b, by=by, include_negated=include_negated,
                            include_hypothetical=include_hypothetical)
        proof = corpus.evidence(a, b, by=by, period=period, include_negated=include_negated,
                                include_hypothetical=include_hypothetical) if show_evidence else None
    if fmt != "table":
        show_frame(frame, list(frame.columns), fmt)
    elif frame.empty:
        err.print(f"no dated events between {a} and {b} in {parquet or db}")
    else:
        table_console().print(_ties_table(frame, a, b))
        from comity.corpus.ties import sparkline

        out.print(f"events      {sparkline(frame['events'])}", highlight=False)
        out.print(f"mean scale  {sparkline(frame['mean_scale'])}", highlight=False)
    if frame.attrs.get("undated"):
        err.print(f"{frame.attrs['undated']} event(s) without a date are not in the series")
    if proof is not None:
        _print_evidence(proof)
    if plot is not None:
        plot_ties(frame, plot, a, b)
        err.print(f"chart written to {plot}")


@app.command("network")
def network_command(
    db: ReadDbOpt = Path(DEFAULT_DB), since: SinceOpt = None, until: UntilOpt = None,
    limit: Annotated[int, typer.Option("--limit", help="How many dyads.")] = 20,
    include_negated: NegatedOpt = False, include_hypothetical: HypoOpt = False, fmt: FormatOpt = "table",
    parquet: ParquetOpt = None,
) -> None:
    """The actor-recipient pairs with most events, with their mean event scale."""
    _check_format(fmt)
    with _reader(db, parquet) as corpus:
        frame = guarded(lambda: corpus.network(since=since, until=until, limit=limit,
                                              include_negated=include_negated,
                                              include_hypothetical=include_hypothetical))
    show_frame(frame, list(frame.columns), fmt, title="Dyads with most events")


@app.command("export")
def export_command(
    db: ReadDbOpt = Path(DEFAULT_DB),
    fmt: Annotated[str, typer.Option("--format", help="plover (JSONL), csv or parquet.")] = "plover",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: stdout; "
                                                "required for parquet).")] = None,
    parquet: ParquetOpt = None,
) -> None:
    """Export the stored events: PLOVER JSONL, a flat CSV (one row per dyad event) or Parquet."""
    with _reader(db, parquet) as corpus:
        count = guarded(lambda: corpus.export(fmt, output))
    err.print(f"{count} records exported" + (f" to {output}" if output else ""))
