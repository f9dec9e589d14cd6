"""The store's occasions kept true to its event records (:mod:`comity.corpus.occasions` says what one is).

Two tables hold them: ``occasions`` (one row per occasion: its block, best-dated report, counts of
reports, articles and sources, first and last report, and its date) and ``occasion_reports`` (each
event record's occasion). Occasions never cross a block (family and parties), so keeping them true
after a change means grouping again every block the change touched, from all of that block's
records. Writing an article only *marks* what it touched (:func:`mark`, :func:`forget_articles`:
its records stand as occasions of their own, their blocks are listed in ``occasion_pending``), in
the same transaction; :func:`group_pending` groups the listed blocks again, all at once — the store
calls it at the end of a write, every minute or so of a long ingest, and when it is opened after a
run that was killed — so a busy block is grouped once a minute, not once per commit.
:func:`rebuild` groups the whole store and gives the same tables.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import duckdb

from comity.corpus.occasions import (
    Occasion,
    Report,
    act_of,
    anchored,
    block_of,
    content_words,
    group,
    modality_of,
    name_words,
    people_of,
    source_of,
)

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
    """CREATE TABLE IF NOT EXISTS occasion_pending (
        key VARCHAR PRIMARY KEY          -- a block to group again, or '#' and an unblocked record's id
    )""",
)

_REPORT_COLUMNS = """e.id, e.article_id, e.event, e.actor_codes, e.recipient_codes, e.date_start, e.date_end,
    e.date_precision, e.date_source, a.published, e.negated, e.aux, e.mode, e.sentence, a.url, a.source,
    e.date, e.trigger, e.event_text, e.actor_json"""
_REPORT_FROM = "events e JOIN articles a ON a.id = e.article_id"


def _day(value):
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def _report(row: tuple) -> tuple[Report, str | None]:
    (eid, aid, event, actors, recipients, start, end, precision, source, published, negated, aux, mode,
     sentence, url, where, value, trigger, event_text, actor_json) = row
    report = Report(
        event_id=eid, article_id=aid, event=event,
        actors=tuple(sorted({c for c in actors or () if c})),
        recipients=tuple(sorted({c for c in recipients or () if c})),
        start=_day(start), end=_day(end), precision=precision, from_text=source == "text",
        published=_day(published), modality=modality_of(negated, aux, mode), sentence=sentence or "",
        source=source_of(url, where, aid), words=content_words(sentence or ""),
        names=name_words(sentence or ""), act=act_of(trigger),
        anchor=anchored(sentence or "", event_text, trigger),
        people=people_of(_name(side) for side in json.loads(actor_json or "[]")))
    return report, value


def _name(side: object) -> str:
    """An actor's name as the actor dictionary gives it ("Xi Jinping" for "Xi"), else its words."""
    if not isinstance(side, dict):
        return ""
    return side.get("identifier_text") or side.get("entity_text") or ""


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


def mark(con: duckdb.DuckDBPyConnection, events: list[tuple]) -> None:
    """New event records (rows of the ``events`` table): each its own occasion until grouped, its block
    (or, when it has none, itself) listed as pending. Runs in the writer's transaction."""
    if not events:
        return
    members, keys = [], set()
    for row in events:
        eid, event, actors, recipients = row[0], row[3], row[19], row[20]
        block = block_of(event, actors, recipients) or ""
        members.append((eid, "o" + eid, block))
        keys.add(block or "#" + eid)
    _insert(con, "occasion_reports", members)
    _pend(con, keys)


def mark_articles(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> None:
    """:func:`mark` the stored events of these articles (a load that wrote rows by SQL)."""
    for chunk in _chunks(sorted(set(article_ids))):
        mark(con, con.execute(f"SELECT * FROM events WHERE article_id IN ({', '.join('?' * len(chunk))})",
                              chunk).fetchall())


def _pend(con: duckdb.DuckDBPyConnection, keys: Iterable[str]) -> None:
    rows = [[k] for k in sorted(set(keys))]
    if rows:
        con.executemany("INSERT INTO occasion_pending VALUES (?) ON CONFLICT DO NOTHING", rows)


def forget_articles(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> None:
    """Take these articles' stored events out of their occasions (before a recode removes them) and
    list their blocks as pending, to be grouped again once the new records are in."""
    for chunk in _chunks(sorted(set(article_ids))):
        marks = ", ".join("?" * len(chunk))
        events = f"SELECT id FROM events WHERE article_id IN ({marks})"
        rows = con.execute(f"SELECT DISTINCT block FROM occasion_reports WHERE event_id IN ({events})",
                           chunk).fetchall()
        _pend(con, [r[0] for r in rows if r[0]])
        con.execute(f"DELETE FROM occasions WHERE block = '' AND event_id IN ({events})", chunk)
        con.execute(f"DELETE FROM occasion_reports WHERE event_id IN ({events})", chunk)


def pending(con: duckdb.DuckDBPyConnection) -> int:
    return int(con.execute("SELECT count(*) FROM occasion_pending").fetchone()[0])


_PENDING = "SELECT key FROM occasion_pending"


def group_pending(con: duckdb.DuckDBPyConnection) -> int:
    """Group again every pending block, with all its records, and write the pending unblocked records'
    occasions; returns the occasions written. Runs in the caller's transaction."""
    if not pending(con):
        return 0
    listed = f"(r.block IN ({_PENDING}) OR '#' || r.event_id IN ({_PENDING}))"
    reports, values = _load(con, f"e.id IN (SELECT r.event_id FROM occasion_reports r WHERE {listed})", [])
    con.execute(f"DELETE FROM occasions WHERE block IN ({_PENDING}) "
                f"OR (block = '' AND '#' || event_id IN ({_PENDING}))")
    con.execute(f"DELETE FROM occasion_reports WHERE block IN ({_PENDING}) "
                f"OR '#' || event_id IN ({_PENDING})")
    occasions = group(reports)  # the records a recode removed are gone from events, so from reports
    _write(con, occasions, values)
    con.execute("DELETE FROM occasion_pending")
    return len(occasions)


def rebuild(con: duckdb.DuckDBPyConnection) -> int:
    """Group every stored record from scratch; returns the number of occasions."""
    for table in ("occasions", "occasion_reports", "occasion_pending"):
        con.execute(f"DELETE FROM {table}")
    reports, values = _load(con, "true", [])
    occasions = group(reports)
    _write(con, occasions, values)
    return len(occasions)


def _write(con: duckdb.DuckDBPyConnection, occasions: list[Occasion], values: dict[str, str]) -> None:
    heads, members = [], []
    for occasion in occasions:
        best = occasion.best
        heads.append((occasion.id, occasion.block, best.event_id, best.event, len(occasion.reports),
                      occasion.n_articles, occasion.n_sources, occasion.first_report, occasion.last_report,
                      values.get(best.event_id), best.precision, best.start, best.end))
        members += [(r.event_id, occasion.id, occasion.block) for r in occasion.reports]
    _insert(con, "occasions", heads)
    _insert(con, "occasion_reports", members)


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    """Insert rows as one Arrow table (far faster than binding values one by one)."""
    import pyarrow as pa

    if not rows:
        return
    batch = pa.table({f"c{i}": list(column) for i, column in enumerate(zip(*rows, strict=True))})
    con.register("_occasion_rows", batch)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM _occasion_rows")
    finally:
        con.unregister("_occasion_rows")
