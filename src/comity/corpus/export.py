"""Export the stored events: PLOVER JSONL (one record per event, the manual's fields), a flat CSV
with one row per dyad event, or Parquet (the same flat table, typed).

PLOVER records follow the manual's JSON table: ``id``, ``date`` and ``enddate``
(the first and last day the event's own date denotes; ``date_precision`` says
how precise it is), ``actor`` and ``recipient`` (lists of entity objects),
``event``, ``mode`` and ``context`` (lists), ``event_text``, ``quad_code``,
``event_scale``, ``coder``, and ``cite_info`` (the article's URL, title and
publication date). ``text_info`` carries the evidence: the sentence and the
character spans in the stored article text. ``size`` (ASSAULT, COERCE and
PROTEST events whose text states counts) is the manual's size object:
``dead``, ``injured``, ``arrested`` and ``participants`` as integers, and
``qualifier`` mapping a field to its bound ("at least"); the flat table has it
as ``size_dead``, ``size_injured``, ``size_arrested``, ``size_participants``
(empty when not stated) and ``size_qualifier`` (the qualifier map as JSON). ``aux`` says when an
event is ``future`` (announced, not yet done), ``hypothetical`` or ``historical`` (a list in Parquet,
joined with ``;`` in CSV); ``negated`` is true when the text says it did not happen.

By default the export has one record per *occasion* (:mod:`comity.corpus.occasions`): the reports of
one real event in several articles are one record, its best-dated report's, with ``occasion`` (PLOVER)
or the ``occasion_id``, ``n_reports``, ``n_articles`` and ``n_sources`` columns (flat) saying how many
reports, articles and outlets it has and, in PLOVER, which records (``reports``: their ids) and the
first and last day it was reported. ``records=True`` (``--records``) writes every event record, each
with its occasion.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from comity.errors import ExportError
from comity.records import SIZE_FIELDS

FORMATS = ("plover", "csv", "parquet")
SIZE_COLUMNS = [f"size_{name}" for name in SIZE_FIELDS]
FLAT_COLUMNS = ["event_id", "actor_code", "actor_sector", "actor_name", "recipient_code", "recipient_sector",
                "recipient_name", "event", "mode", "aux", "date", "date_precision", "date_start", "date_end",
                "quad_code", "event_scale", *SIZE_COLUMNS, "size_qualifier", "negated", "url", "sentence",
                "article_id", "published", "coder_version", "occasion_id", "n_reports", "n_articles",
                "n_sources"]


def _iso(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)


def _listed(value) -> list[str] | None:
    if value is None or (not hasattr(value, "__len__") and pd.isna(value)):
        return None
    return [str(v) for v in (value.tolist() if hasattr(value, "tolist") else value)]


_REPORT_IDS = """LEFT JOIN (SELECT occasion_id, list(event_id ORDER BY event_id) AS reports
    FROM occasion_reports GROUP BY occasion_id) m ON m.occasion_id = o.occasion_id"""


def _plover_records(con: duckdb.DuckDBPyConnection, records: bool) -> Iterator[dict[str, Any]]:
    """One PLOVER record per occasion (per stored event with ``records``), in date order."""
    from comity.corpus.ties import CHART_DAY, OCCASION_JOIN

    where = "" if records else "WHERE oc.id IS NULL OR oc.event_id = e.id"
    query = f"""SELECT e.id, e.date_start, e.date_end, e.date, e.date_precision, e.date_source, e.actor_json,
        e.recipient_json, e.event, e.mode, e.context, e.aux, e.negated, e.event_text, e.quad_code,
        e.event_scale, e.sentence, e.spans, e.trigger, e.coder_version, a.url, a.title, a.published, a.id,
        e.size_json, coalesce(oc.id, 'o' || e.id), coalesce(oc.n_reports, 1), coalesce(oc.n_articles, 1),
        coalesce(oc.n_sources, 1), coalesce(oc.first_report, a.published),
        coalesce(oc.last_report, a.published),
        coalesce(m.reports, [e.id])
        FROM events e JOIN articles a ON a.id = e.article_id {OCCASION_JOIN} {_REPORT_IDS} {where}
        ORDER BY {CHART_DAY} NULLS LAST, a.published NULLS LAST, e.article_id, e.seq"""
    cursor = con.execute(query)
    while rows := cursor.fetchmany(1000):
        for row in rows:
            yield _plover(row[:25]) | {"occasion": _occasion(row[25:])}


def _occasion(row: tuple) -> dict[str, Any]:
    oid, reports, articles, sources, first, last, members = row
    return {"id": oid, "n_reports": reports, "n_articles": articles, "n_sources": sources,
            "first_report": _iso(first), "last_report": _iso(last), "reports": list(members)}


def _plover(row: tuple) -> dict[str, Any]:
    (eid, start, end, value, precision, source, actor, recipient, event, mode, context, aux, negated,
     event_text, quad, scale, sentence, spans, trigger, coder, url, title, published, article, size) = row
    from comity.corpus.ties import QUAD_OF_TYPE

    record: dict[str, Any] = {"id": eid, "date": _iso(start)}
    if end is not None and end != start:
        record["enddate"] = _iso(end)
    record.update({
        "date_precision": precision, "date_text": value, "date_source": source,
        "actor": json.loads(actor or "[]"), "recipient": json.loads(recipient or "[]"),
        "event": [event], "mode": [mode] if mode else [], "context": list(context or []),
        "aux": list(aux or []), "negated": bool(negated), "event_text": [event_text] if event_text else [],
        "quad_code": quad if quad is not None else QUAD_OF_TYPE.get(event), "event_scale": scale,
        **({"size": json.loads(size)} if size else {}),
        "coder": coder,
        "cite_info": {"url": url, "title": title, "published": _iso(published), "article_id": article},
        "text_info": {"sentence": sentence, "spans": [list(s) for s in spans or []], "trigger": trigger},
    })
    return record


def _flat_frame(con: duckdb.DuckDBPyConnection, records: bool) -> pd.DataFrame:
    """One row per (actor, recipient) pair of each occasion (each stored event with ``records``)."""
    from comity.corpus.ties import event_frame

    frame = event_frame(con, records=records).merge(_size_frame(con), on="event_id", how="left")
    return frame[[c for c in FLAT_COLUMNS]]


def _size_frame(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """``event_id`` and the size columns of the stored events that have a size."""
    rows = con.execute("SELECT id, size_json FROM events WHERE size_json IS NOT NULL").fetchall()
    records = []
    for eid, raw in rows:
        size = json.loads(raw)
        qualifier = size.get("qualifier")
        records.append({"event_id": eid, **{f"size_{k}": size.get(k) for k in SIZE_FIELDS},
                        "size_qualifier": json.dumps(qualifier, ensure_ascii=False) if qualifier else None})
    frame = pd.DataFrame(records, columns=["event_id", *SIZE_COLUMNS, "size_qualifier"])
    return frame.astype({c: "Int64" for c in SIZE_COLUMNS})


def export(con: duckdb.DuckDBPyConnection, fmt: str, path: str | Path | None = None,
           records: bool = False) -> int:
    """Write the export (one record per occasion; per event record with ``records``); ``path`` None
    writes PLOVER and CSV to stdout. Returns the records written."""
    if fmt not in FORMATS:
        raise ExportError("E080", f"unknown export format '{fmt}' (one of {', '.join(FORMATS)})")
    if fmt == "parquet" and path is None:
        raise ExportError("E080", "Parquet is binary: give a file with -o")
    try:
        if fmt == "plover":
            return _write_plover(con, path, records)
        frame = _flat_frame(con, records)
        if fmt == "csv":
            frame = frame.assign(aux=[";".join(a or []) for a in frame["aux"].map(_listed)])
            frame.to_csv(path if path is not None else sys.stdout, index=False)
        else:
            frame.to_parquet(path, index=False)
        return len(frame)
    except OSError as err:
        raise ExportError("E081", f"{path}: cannot write the export ({err.strerror or err})") from err


def _write_plover(con: duckdb.DuckDBPyConnection, path: str | Path | None, records: bool) -> int:
    count = 0
    stream = open(path, "w", encoding="utf-8") if path is not None else sys.stdout  # noqa: SIM115
    try:
        for record in _plover_records(con, records):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    finally:
        if path is not None:
            stream.close()
    return count
