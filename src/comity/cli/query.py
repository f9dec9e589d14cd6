"""Reading the corpus: ``comity events``, ``quotes``, ``ties``, ``network`` and ``export``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from comity.cli._common import (
    FormatOpt,
    HypoOpt,
    NegatedOpt,
    ReadDbOpt,
    RecordsOpt,
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
from comity.cli.checks import at_least_zero, chart_path
from comity.cli.plot import plot_ties
from comity.cli.tables import Column, cell, csv_text, json_lines, print_table
from comity.corpus.store import DEFAULT_DB
from comity.errors import UsageError

ParquetOpt = Annotated[Path | None, typer.Option(
    "--parquet", help="Read the Parquet output of 'comity spark' in this folder (in place) instead of --db.")]


def _reader(db: Path, parquet: Path | None):
    """The corpus to read: the Parquet output of ``comity spark`` when given, else the store."""
    if parquet is None:
        return open_corpus(db, read_only=True)
    from comity.corpus.corpus import Corpus

    return guarded(lambda: Corpus.over_parquet(parquet))


def show_frame(frame, columns: list[Column], fmt: str, title: str | None = None,
               caption: str | None = None) -> None:
    """Print a DataFrame as a table fitted to the terminal (``columns``), CSV or JSON Lines (every
    column of the frame)."""
    if fmt == "csv":
        print(csv_text(frame), end="")
        return
    if fmt == "json":
        print(json_lines(frame), end="")
        return
    names = [c.name for c in columns]
    rows = [[cell(v) for v in row] for row in frame[names].itertuples(index=False)]
    print_table(table_console(), columns, rows, title=title, caption=caption)


def _check_format(fmt: str) -> None:
    if fmt not in ("table", "csv", "json"):
        raise fail(ValueError(f"--format must be table, csv or json, not '{fmt}'"))


def _limit(limit: int | None, fmt: str) -> int | None:
    """The rows to show: ``--limit`` as given (0: all); by default 50 in a table, all in CSV and JSON."""
    at_least_zero(limit, "--limit")
    if limit is None:
        return TABLE_LIMIT if fmt == "table" else None
    return limit or None


def _say_shown(shown: int, limit: int | None, count, what: str) -> None:
    """When a limit cut the rows: "showing N of M …" on standard error."""
    if limit is not None and shown >= limit:
        total = count()
        if total > shown:
            err.print(f"showing {shown:,} of {total:,} {what} (--limit N for more, --limit 0 for all)",
                      highlight=False)


EVENT_TABLE = [Column("date"), Column("actor_code", "actor"), Column("shown_event", "event"),
               Column("recipient_code", "recipient"), Column("aux"), Column("mode", wide=True),
               Column("event_scale", "scale", right=True),
               Column("n_reports", "reports", right=True, wide=True), Column("sentence", text=True),
               Column("url", wide=True)]
EVENT_COLUMNS = ["event_id", "article_id", "date", "date_precision", "date_start", "date_end", "actor_code",
                 "actor_sector", "actor_name", "event", "negated", "aux", "mode", "context", "quad_code",
                 "event_scale", "recipient_code", "recipient_sector", "recipient_name", "sentence",
                 "event_text", "url", "title", "published", "coder_version", "occasion_id", "n_reports",
                 "n_articles", "n_sources"]
QUOTE_TABLE = [Column("published", "date"), Column("speaker"), Column("title", text=True),
               Column("country"), Column("kind"), Column("content", text=True), Column("url", wide=True)]
LimitOpt = Annotated[int | None, typer.Option(
    "--limit", help="At most this many rows; 0: all. Default: 50 in a table, all with --format csv or json.",
    show_default=False)]
TABLE_LIMIT = 50


@app.command("events")
def events_command(
    db: ReadDbOpt = Path(DEFAULT_DB),
    actor: Annotated[str | None, typer.Option("--actor", help="Actor code or name (CHN, NATO).")] = None,
    recipient: Annotated[str | None, typer.Option("--recipient", help="Recipient code or name.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER event type (SANCTION …).")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Words the sentence contains.")] = None,
    since: SinceOpt = None, until: UntilOpt = None, limit: LimitOpt = None,
    records: RecordsOpt = False,
    reports: Annotated[bool, typer.Option("--reports", help="Under each occasion, list its other reports "
                                          "(date, article, sentence).")] = False,
    fmt: FormatOpt = "table", parquet: ParquetOpt = None,
) -> None:
    """List stored events, one row per occasion and actor-recipient pair, filtered.

    An occasion is one event reported in one or more articles; its row is its best-dated report's, and
    "reports" says how many records report it (--reports lists them; --records lists every record).
    A negated event shows as "not TYPE"; aux says when it is future, hypothetical or historical.
    """
    _check_format(fmt)
    rows = _limit(limit, fmt)
    filters = {"actor": actor, "recipient": recipient, "type": type, "since": since, "until": until,
               "text": text, "records": records}
    what = "event records" if records else "occasions"
    with _reader(db, parquet) as corpus:
        frame = guarded(lambda: corpus.events(**filters, limit=rows))
        _say_shown(len(frame), rows, lambda: corpus.count("events", **filters), what)
        folded = corpus.occasion_reports(frame["occasion_id"]) if reports and not frame.empty else None
    if fmt == "table":
        frame = frame.assign(shown_event=[f"not {e}" if n else e for e, n in
                                          zip(frame["event"], frame["negated"].fillna(False), strict=True)])
        shown = frame["event_id" if records else "occasion_id"].nunique()
        show_frame(frame, EVENT_TABLE, fmt, title=f"{shown} {what}")
        if folded is not None:
            _print_reports(frame, folded)
    else:
        show_frame(frame[EVENT_COLUMNS], [], fmt)


def _others(folded, row):
    """The reports of ``row``'s occasion other than the one ``row`` shows."""
    return folded[(folded["occasion_id"] == row.occasion_id) & (folded["event_id"] != row.event_id)]


def _print_reports(frame, folded) -> None:
    """Each occasion shown with more than one report, and its other reports beneath it."""
    shown = frame.drop_duplicates(subset=["occasion_id"])
    for row in shown[shown["n_reports"] > 1].itertuples(index=False):
        out.print(f"\n[bold]{row.date} {row.actor_code}→{row.recipient_code} {row.event}[/bold] "
                  f"({row.n_reports} reports in {row.n_articles} articles, {row.n_sources} sources)",
                  highlight=False)
        for report in _others(folded, row).itertuples(index=False):
            out.print(f"  {cell(report.published)} {report.event} [{report.date}] {report.sentence}",
                      highlight=False, markup=False)
            if report.url:
                out.print(f"      {report.url}", style="dim", highlight=False, markup=False)


@app.command("quotes")
def quotes_command(
    db: ReadDbOpt = Path(DEFAULT_DB),
    speaker: Annotated[str | None, typer.Option("--speaker", help="Part of the speaker's name.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Country code the quote names or the "
                                              "speaker belongs to.")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Words the quote contains.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="First publication day.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last publication day.")] = None,
    limit: LimitOpt = None, fmt: FormatOpt = "table", parquet: ParquetOpt = None,
) -> None:
    """List stored quotes with their speakers, filtered."""
    _check_format(fmt)
    rows = _limit(limit, fmt)
    filters = {"speaker": speaker, "actor": actor, "text": text, "since": since, "until": until}
    with _reader(db, parquet) as corpus:
        frame = guarded(lambda: corpus.quotes(**filters, limit=rows))
        _say_shown(len(frame), rows, lambda: corpus.count("quotes", **filters), "quotes")
    show_frame(frame, QUOTE_TABLE, fmt, title=f"{len(frame)} quotes")


QUAD_MARKS = {"verbal_cooperation": "V+", "material_cooperation": "M+", "verbal_conflict": "V−",
              "material_conflict": "M−"}
QUAD_LEGEND = "V+ verbal cooperation, M+ material cooperation, V− verbal conflict, M− material conflict"


def _ties_table(frame, a: str, b: str) -> tuple[list[Column], list[list[str]], str]:
    """The ties table's columns, rows and legend: A→B and B→A counts per quad class, narrow headers."""
    from comity.corpus.ties import QUADS

    columns = [Column("period")]
    for direction, label in (("ab", "A→B"), ("ba", "B→A")):
        columns += [Column(f"{direction}_{n}", f"{label}\n{QUAD_MARKS[n]}", right=True)
                    for n in QUADS.values()]
    columns += [Column("events", "all", right=True), Column("mean_scale", "mean\nscale", right=True)]
    rows = [[cell(v) for v in row] for row in frame[[c.name for c in columns]].itertuples(index=False)]
    legend = f"A = {a}, B = {b}. {QUAD_LEGEND}; all: events either way (each once)."
    return columns, rows, legend


def _sparklines(console, frame) -> None:
    """The events and mean-scale sparklines, one character per period, wrapped to the console."""
    from comity.corpus.ties import sparkline

    room = max(console.width - 12, 12)
    for label, values in (("events", frame["events"]), ("mean scale", frame["mean_scale"])):
        line = sparkline(values)
        for start in range(0, max(len(line), 1), room):
            console.print(f"{label if start == 0 else '':<12}{line[start:start + room]}", highlight=False,
                          markup=False, soft_wrap=True)


def _print_evidence(frame, folded) -> None:
    """Each period's occasions (or records), and under an occasion of several reports its other ones."""
    current = None
    for row in frame.itertuples(index=False):
        if row.period != current:
            current = row.period
            out.print(f"\n[bold]{current}[/bold]")
        flag = " (negated)" if row.negated else ""
        more = f" ({row.n_reports} reports, {row.n_sources} sources)" if folded is not None and \
            row.n_reports > 1 else ""
        out.print(f"  {row.actor_code}→{row.recipient_code} {row.event}{flag}{more} [{row.date}] "
                  f"{row.sentence}", highlight=False, markup=False)
        if row.url:
            out.print(f"      {row.url}", style="dim", highlight=False, markup=False)
        if folded is not None and row.n_reports > 1:
            for report in _others(folded, row).itertuples(index=False):
                out.print(f"      also {cell(report.published)}: {report.sentence}", style="dim",
                          highlight=False, markup=False)


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
    records: RecordsOpt = False, fmt: FormatOpt = "table", parquet: ParquetOpt = None,
) -> None:
    """Events between A and B per period, by quad class both ways, with the mean event scale.

    Counts occasions (one event reported in several articles counts once, in the period of its
    best-dated report); --records counts every event record. --evidence lists each period's occasions
    with their other reports folded beneath."""
    _check_format(fmt)
    if by not in ("day", "week", "month"):
        raise fail(ValueError(f"--by must be day, week or month, not '{by}'"))
    if plot is not None:
        chart_path(plot)
    with _reader(db, parquet) as corpus:
        frame = corpus.ties(a, b, by=by, include_negated=include_negated,
                            include_hypothetical=include_hypothetical, records=records)
        proof = corpus.evidence(a, b, by=by, period=period, include_negated=include_negated,
                                include_hypothetical=include_hypothetical,
                                records=records) if show_evidence else None
        folded = corpus.occasion_reports(proof.loc[proof["n_reports"] > 1, "occasion_id"]) \
            if proof is not None and not records else None
    if fmt != "table":
        show_frame(frame, [], fmt)
    elif frame.empty:
        err.print(f"no dated events between {a} and {b} in {parquet or db}")
    else:
        columns, rows, legend = _ties_table(frame, a, b)
        console = table_console()
        unit = "event records" if records else "occasions"
        print_table(console, columns, rows, caption=legend,
                    title=f"Ties {a} ↔ {b} by {by}: {unit} (by the events' own dates)")
        _sparklines(console, frame)
    if frame.attrs.get("undated"):
        err.print(f"{frame.attrs['undated']} event(s) without a date are not in the series")
    if proof is not None:
        _print_evidence(proof, folded)
    if plot is not None:
        try:
            plot_ties(frame, plot, a, b)
        except (OSError, ValueError) as error:
            raise UsageError("E083", f"{plot}: cannot write the chart ({error})") from error
        err.print(f"chart written to {plot}")


@app.command("network")
def network_command(
    db: ReadDbOpt = Path(DEFAULT_DB), since: SinceOpt = None, until: UntilOpt = None,
    limit: Annotated[int, typer.Option("--limit", help="How many dyads.")] = 20,
    include_negated: NegatedOpt = False, include_hypothetical: HypoOpt = False, records: RecordsOpt = False,
    fmt: FormatOpt = "table", parquet: ParquetOpt = None,
) -> None:
    """The actor-recipient pairs with most events (occasions; --records: event records), with their mean
    event scale."""
    _check_format(fmt)
    at_least_zero(limit, "--limit")
    with _reader(db, parquet) as corpus:
        frame = guarded(lambda: corpus.network(since=since, until=until, limit=limit,
                                              include_negated=include_negated,
                                              include_hypothetical=include_hypothetical, records=records))
    headers = {**QUAD_MARKS, "mean_scale": "mean\nscale"}
    columns = [Column(c, headers.get(c, c), right=c not in ("actor", "recipient")) for c in frame.columns]
    show_frame(frame, columns, fmt, title="Dyads with most events",
               caption=QUAD_LEGEND)


@app.command("export")
def export_command(
    db: ReadDbOpt = Path(DEFAULT_DB),
    fmt: Annotated[str, typer.Option("--format", help="plover (JSONL), csv or parquet.")] = "plover",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: stdout; "
                                                "required for parquet).")] = None,
    records: RecordsOpt = False, parquet: ParquetOpt = None,
) -> None:
    """Export the stored events: PLOVER JSONL, a flat CSV (one row per dyad event) or Parquet.

    One record per occasion (its best-dated report, with how many reports, articles and sources it
    has); --records exports every event record, each with its occasion."""
    with _reader(db, parquet) as corpus:
        count = guarded(lambda: corpus.export(fmt, output, records))
    what = "event records" if records else "occasions"
    err.print(f"{count} {what} exported" + (f" to {output}" if output else ""))
