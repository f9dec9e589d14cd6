"""The store's occasions kept true to its event records (:mod:`comity.corpus.occasions` says what one is).

Two tables hold them: ``occasions`` (one row per occasion: its block, best-dated report, counts of
reports, articles and sources, first and last report, and its date) and ``occasion_reports`` (each
event record's occasion). Occasions never cross a block (family and parties), so keeping them true
after a change means grouping again every block the change touched, from all of that block's
records: :func:`refresh` does it for the records an ingest adds and the blocks a recode empties, in
the writer's transaction; :func:`rebuild` groups the whole store, and gives the same tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import duckdb

from comity.corpus.occasions import (
    Occasion,
    Report,
    content_words,
    group,
    modality_of,
    name_words,
    source_of,
)

OCCASION_TABLES = ("occasions", "occasion_reports")

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS occasions (
        id VARCHAR PRIMARY KEY,          -- 'o' and the id of its first report (by id)
        block VARCHAR,                   -- quad family and parties, e.g. '1:CHN+RUS' ('' when never grouped)
        event_id VARCHAR NOT NULL,       -- its best-dated report
        event VARCHAR, n_reports INTEGER, n_articles INTEGER, n_sources INTEGER,
        first_report DATE, last_report DATE,
        date VARCHAR, date_precision VARCHAR, date_start DATE, date_end DATE
    )""",
    """CREATE TABLE IF NOT EXISTS occasion_reports (
        event_id VARCHAR PRIMARY KEY, occasion_id VARCHAR NOT NULL, block VARCHAR
    )""",
    "CREATE INDEX IF NOT EXISTS occasion_reports_block ON occasion_reports (block)",
)

_REPORT_COLUMNS = """e.id, e.article_id, e.event, e.actor_codes, e.recipient_codes, e.date_start, e.date_end,
    e.date_precision, e.date_source, a.published, e.negated, e.aux, e.mode, e.sentence, a.url, a.source,
    e.date"""
_REPORT_FROM = "events e JOIN articles a ON a.id = e.article_id"


def _day(value):
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def _report(row: tuple) -> tuple[Report, str | None]:
    (eid, aid, event, actors, recipients, start, end, precision, source, published, negated, aux, mode,
     sentence, url, where, value) = row
    report = Report(
        event_id=eid, article_id=aid, event=event,
        actors=tuple(sorted({c for c in actors or () if c})),
        recipients=tuple(sorted({c for c in recipients or () if c})),
        start=_day(start), end=_day(end), precision=precision, from_text=source == "text",
        published=_day(published), modality=modality_of(negated, aux, mode), sentence=sentence or "",
        source=source_of(url, where, aid), words=content_words(sentence or ""),
        names=name_words(sentence or ""))
    return report, value


def _load(con: duckdb.DuckDBPyConnection, where: str, params: list) -> tuple[list[Report], dict[str, str]]:
    """The reports the query selects, and each one's date as written (for the occasion's date)."""
    rows = con.execute(f"SELECT {_REPORT_COLUMNS} FROM {_REPORT_FROM} WHERE {where}", params).fetchall()
    reports, values = [], {}
    for row in rows:
        report, value = _report(row)
        reports.append(report)
        values[report.event_id] = value
    return reports, values


def _chunks(items: list, size: int = 2000) -> Iterator[list]:
    for first in range(0, len(items), size):
        yield items[first:first + size]


def _reports_of(con: duckdb.DuckDBPyConnection, event_ids: Iterable[str]) -> tuple[list[Report], dict]:
    reports, values = [], {}
    for chunk in _chunks(sorted(set(event_ids))):
        more, dates = _load(con, f"e.id IN ({', '.join('?' * len(chunk))})", chunk)
        reports += more
        values.update(dates)
    return reports, values


def forget_articles(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> set[str]:
    """Take these articles' stored events out of their occasions (before a recode removes them);
    returns the blocks they were in, to be grouped again once the new records are in."""
    ids = sorted(set(article_ids))
    found: set[str] = set()
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        events = f"SELECT id FROM events WHERE article_id IN ({marks})"
        rows = con.execute(f"SELECT DISTINCT block FROM occasion_reports WHERE event_id IN ({events})",
                           chunk).fetchall()
        found |= {r[0] for r in rows if r[0]}
        con.execute(f"DELETE FROM occasions WHERE block = '' AND event_id IN ({events})", chunk)
        con.execute(f"DELETE FROM occasion_reports WHERE event_id IN ({events})", chunk)
    return found


def refresh(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str], emptied: Iterable[str] = ()) -> int:
    """Group again the blocks of these articles' events and the ``emptied`` blocks (those a recode
    took records from), with every record of those blocks; returns the occasions written. Runs in
    the caller's transaction."""
    ids = sorted(set(article_ids))
    new: list[Report] = []
    values: dict[str, str] = {}
    for chunk in _chunks(ids):
        more, dates = _load(con, f"e.article_id IN ({', '.join('?' * len(chunk))})", chunk)
        new += more
        values.update(dates)
    blocks = sorted({r.block for r in new if r.block} | set(emptied))
    old_ids: list[str] = []
    for chunk in _chunks(blocks):
        marks = ", ".join("?" * len(chunk))
        old_ids += [r[0] for r in con.execute(
            f"SELECT r.event_id FROM occasion_reports r JOIN events e ON e.id = r.event_id "
            f"WHERE r.block IN ({marks})", chunk).fetchall()]
        con.execute(f"DELETE FROM occasions WHERE block IN ({marks})", chunk)
        con.execute(f"DELETE FROM occasion_reports WHERE block IN ({marks})", chunk)
    known = {r.event_id for r in new}
    old, old_values = _reports_of(con, [i for i in old_ids if i not in known])
    values.update(old_values)
    occasions = group([*old, *new])
    _write(con, occasions, values)
    return len(occasions)


def rebuild(con: duckdb.DuckDBPyConnection) -> int:
    """Group every stored record from scratch; returns the number of occasions."""
    con.execute("DELETE FROM occasions")
    con.execute("DELETE FROM occasion_reports")
    reports, values = _load(con, "true", [])
    occasions = group(reports)
    _write(con, occasions, values)
    return len(occasions)


def _write(con: duckdb.DuckDBPyConnection, occasions: list[Occasion], values: dict[str, str]) -> None:
    import pyarrow as pa

    if not occasions:
        return
    heads, members = [], []
    for occasion in occasions:
        best = occasion.best
        heads.append((occasion.id, occasion.block, best.event_id, best.event, len(occasion.reports),
                      occasion.n_articles, occasion.n_sources, occasion.first_report, occasion.last_report,
                      values.get(best.event_id), best.precision, best.start, best.end))
        members += [(r.event_id, occasion.id, occasion.block) for r in occasion.reports]
    for table, rows in (("occasions", heads), ("occasion_reports", members)):
        batch = pa.table({f"c{i}": list(column) for i, column in enumerate(zip(*rows, strict=True))})
        con.register("_occasion_rows", batch)
        try:
            con.execute(f"INSERT INTO {table} SELECT * FROM _occasion_rows")
        finally:
            con.unregister("_occasion_rows")
