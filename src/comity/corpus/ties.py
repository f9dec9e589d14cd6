"""Queries over the store: events and quotes, the ties between two actors over time, the network.

Ties are binned by each event's own date (not its article's): an event dated to
a day falls in its day, week or month; one dated only to a month or a year is
shown at that precision, never spread over days or guessed. A series is complete: every empty
period between the first and the last has a row of zeros. Negated and
hypothetical events are left out unless asked for. Actors are named by code
(``CHN``) or by an organisation's name or abbreviation (``NATO``).
"""

from __future__ import annotations

from datetime import date
from functools import cache

import duckdb
import pandas as pd

from comity.corpus.dates import PRECISIONS, period, periods_between
from comity.events.lexicon import plover_types

QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
# the quad class of each type, from data/plover.json (PLOVER 2.0 manual, "Quad categories", with errata)
QUAD_OF_TYPE = {name: kind.quad for name, kind in plover_types().items()}
_QUAD_SQL = "coalesce(e.quad_code, CASE e.event " + " ".join(
    f"WHEN '{t}' THEN {q}" for t, q in QUAD_OF_TYPE.items()) + " END)"
SPARKS = "▁▂▃▄▅▆▇█"

_EVENT_COLUMNS = f"""
    e.id AS event_id, e.article_id, e.event, e.mode, e.negated, e.aux, e.context, e.date,
    e.date_precision, e.date_source, e.date_start, e.date_end, {_QUAD_SQL} AS quad_code, e.event_scale,
    d.actor_code, d.actor_sector, d.actor_name, d.actor_text,
    d.recipient_code, d.recipient_sector, d.recipient_name, d.recipient_text,
    e.sentence, e.event_text, e.trigger, a.url, a.title, a.published, e.coder_version,
    coalesce(o.occasion_id, 'o' || e.id) AS occasion_id, coalesce(oc.event_id = e.id, true) AS best_report,
    coalesce(oc.n_reports, 1) AS n_reports, coalesce(oc.n_articles, 1) AS n_articles,
    coalesce(oc.n_sources, 1) AS n_sources, oc.date AS occasion_date, oc.date_precision AS occasion_precision,
    oc.date_start AS occasion_start, oc.date_end AS occasion_end"""
# every report's occasion (comity.corpus.occasions); a record stored without one is an occasion of its own
OCCASION_JOIN = ("LEFT JOIN occasion_reports o ON o.event_id = e.id "
                 "LEFT JOIN occasions oc ON oc.id = o.occasion_id")
_EVENT_FROM = f"""dyads d JOIN events e ON e.id = d.event_id JOIN articles a ON a.id = e.article_id
    {OCCASION_JOIN}"""
_OCCASION = "coalesce(o.occasion_id, 'o' || e.id)"
# the day an event is charted and ordered by: its own first day, or, for an act dated only by its report
# (the week up to publication, comity.events.undated), the publication day
CHART_DAY = "CASE WHEN e.date_source = 'publication' THEN e.date_end ELSE e.date_start END"
_EVENT_ORDER = f"ORDER BY {CHART_DAY} NULLS LAST, a.published NULLS LAST, e.article_id, e.seq, d.seq"


@cache
def actor_terms(name: str) -> tuple[str, ...]:
    """``name`` and, where the actor dictionary knows it, its canonical name (lower-cased)."""
    terms = {name.strip().lower()}
    if len(name.strip()) == 3 and name.strip().isupper():
        return tuple(terms)  # a code: no need to load the dictionary
    try:
        from comity.actors.resolve import ActorIndex
        from comity.config import Config

        entity = ActorIndex.from_config(Config()).resolve(name)
    except Exception:  # the dictionary is an aid here, never a requirement
        entity = None
    if entity is not None and entity.name:
        terms.add(entity.name.lower())
        if entity.code and entity.kind == "country":
            terms.add(entity.code.lower())
    return tuple(sorted(terms))


def _side_sql(prefix: str, name: str) -> tuple[str, list]:
    """SQL matching one side of a dyad (``actor`` or ``recipient``) to a code or a name."""
    terms = list(actor_terms(name))
    marks = ", ".join("?" * len(terms))
    sql = (f"(lower(d.{prefix}_code) IN ({marks}) OR lower(d.{prefix}_name) IN ({marks}) "
           f"OR lower(d.{prefix}_text) IN ({marks}))")
    return sql, terms * 3


def _kept(include_negated: bool, include_hypothetical: bool) -> list[str]:
    where = []
    if not include_negated:
        where.append("NOT coalesce(e.negated, false)")
    if not include_hypothetical:
        where.append("NOT (list_contains(coalesce(e.aux, []), 'hypothetical') "
                     "OR coalesce(e.mode, '') = 'hypothetical')")
    return where


def _dates(since: date | None, until: date | None) -> tuple[list[str], list]:
    where, params = [], []
    if since:
        where.append("e.date_end >= ?")
        params.append(since)
    if until:
        where.append(f"{CHART_DAY} <= ?")
        params.append(until)
    return where, params


def _event_where(actor: str | None, recipient: str | None, type: str | None, since: date | None,
                 until: date | None, text: str | None, include_negated: bool,
                 include_hypothetical: bool) -> tuple[str, list]:
    """The WHERE clause (with its leading space, or empty) and parameters of an events query."""
    where, params = _dates(since, until)
    where += _kept(include_negated, include_hypothetical)
    for prefix, name in (("actor", actor), ("recipient", recipient)):
        if name:
            sql, terms = _side_sql(prefix, name)
            where.append(sql)
            params += terms
    if type:
        where.append("upper(e.event) = upper(?)")
        params.append(type)
    if text:
        where.append("(e.sentence ILIKE ? OR e.event_text ILIKE ?)")
        params += [f"%{text}%"] * 2
    return (" WHERE " + " AND ".join(where) if where else ""), params


def _one_report(where: str, params: list) -> tuple[str, list]:
    """``where`` narrowed to one report per occasion: its best-dated one when that one matches the
    filters, else the first matching one by date."""
    inner = (f"SELECT e.id FROM {_EVENT_FROM}{where} QUALIFY row_number() OVER (PARTITION BY {_OCCASION} "
             f"ORDER BY coalesce(oc.event_id = e.id, false) DESC, {CHART_DAY} NULLS LAST, e.id) = 1")
    joined = f"{where} AND e.id IN ({inner})" if where else f" WHERE e.id IN ({inner})"
    return joined, [*params, *params]


def event_frame(con: duckdb.DuckDBPyConnection, *, actor: str | None = None, recipient: str | None = None,
                type: str | None = None, since: date | None = None, until: date | None = None,
                text: str | None = None, include_negated: bool = True, include_hypothetical: bool = True,
                limit: int | None = None, offset: int = 0, records: bool = False) -> pd.DataFrame:
    """One row per dyad of each occasion's report (each record's with ``records``), filtered; dates
    filter on the event's own date; ``limit`` rows from the ``offset``-th. ``n_reports``,
    ``n_articles`` and ``n_sources`` count the occasion's reports (:func:`occasion_reports` lists them)."""
    where, params = _event_where(actor, recipient, type, since, until, text, include_negated,
                                 include_hypothetical)
    if not records:
        where, params = _one_report(where, params)
    query = f"SELECT {_EVENT_COLUMNS} FROM {_EVENT_FROM}{where} {_EVENT_ORDER}"
    query += (f" LIMIT {int(limit)}" if limit else "") + (f" OFFSET {int(offset)}" if offset else "")
    return con.execute(query, params).df()


def event_count(con: duckdb.DuckDBPyConnection, *, actor: str | None = None, recipient: str | None = None,
                type: str | None = None, since: date | None = None, until: date | None = None,
                text: str | None = None, include_negated: bool = True,
                include_hypothetical: bool = True, records: bool = False) -> int:
    """How many rows :func:`event_frame` gives with no limit."""
    where, params = _event_where(actor, recipient, type, since, until, text, include_negated,
                                 include_hypothetical)
    if not records:
        where, params = _one_report(where, params)
    return int(con.execute(f"SELECT count(*) FROM {_EVENT_FROM}{where}", params).fetchall()[0][0])


def _quote_where(speaker: str | None, actor: str | None, text: str | None, since: date | None,
                 until: date | None) -> tuple[str, list]:
    where, params = [], []
    if speaker:
        where.append("(q.speaker ILIKE ? OR q.speaker_text ILIKE ?)")
        params += [f"%{speaker}%"] * 2
    if actor:
        where.append("(list_contains(q.actors, upper(?)) OR upper(s.country) = upper(?))")
        params += [actor, actor]
    if text:
        where.append("q.content ILIKE ?")
        params.append(f"%{text}%")
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if until:
        where.append("a.published <= ?")
        params.append(until)
    return (" WHERE " + " AND ".join(where) if where else ""), params


_QUOTE_FROM = """quotes q JOIN articles a ON a.id = q.article_id
        LEFT JOIN (SELECT article_id, name, any_value(title) AS title, any_value(org) AS org,
                   any_value(country) AS country FROM speakers GROUP BY article_id, name) s
          ON s.article_id = q.article_id AND s.name = q.speaker"""


def quote_frame(con: duckdb.DuckDBPyConnection, *, speaker: str | None = None, actor: str | None = None,
                text: str | None = None, since: date | None = None, until: date | None = None,
                limit: int | None = None) -> pd.DataFrame:
    """Stored quotes with the speaker's title, organisation and country; dates are publication dates."""
    where, params = _quote_where(speaker, actor, text, since, until)
    query = f"""SELECT q.article_id, a.published, q.speaker, s.title, s.org, s.country, q.kind, q.content,
        q.cue, q.actors, q.speaker_text, q.content_start, q.content_end, a.url, a.title AS article_title
        FROM {_QUOTE_FROM}{where} ORDER BY a.published NULLS LAST, q.article_id, q.seq"""
    query += f" LIMIT {int(limit)}" if limit else ""
    return con.execute(query, params).df()


def quote_count(con: duckdb.DuckDBPyConnection, *, speaker: str | None = None, actor: str | None = None,
                text: str | None = None, since: date | None = None, until: date | None = None) -> int:
    """How many rows :func:`quote_frame` gives with no limit."""
    where, params = _quote_where(speaker, actor, text, since, until)
    return int(con.execute(f"SELECT count(*) FROM {_QUOTE_FROM}{where}", params).fetchall()[0][0])


def occasion_reports(con: duckdb.DuckDBPyConnection, occasion_ids) -> pd.DataFrame:
    """The reports of these occasions (one row per record: its date, article and sentence), the
    best-dated first in each."""
    ids = list(dict.fromkeys(occasion_ids))
    columns = ["occasion_id", "event_id", "event", "date", "published", "title", "url", "article_id",
               "sentence"]
    if not ids:
        return pd.DataFrame(columns=columns)
    singles = [i[1:] for i in ids]
    query = f"""SELECT {_OCCASION} AS occasion_id, e.id AS event_id, e.event, e.date, a.published, a.title,
        a.url, e.article_id, e.sentence FROM events e JOIN articles a ON a.id = e.article_id {OCCASION_JOIN}
        WHERE o.occasion_id IN ({', '.join('?' * len(ids))}) OR (o.occasion_id IS NULL AND e.id IN
        ({', '.join('?' * len(singles))}))
        ORDER BY occasion_id, coalesce(oc.event_id = e.id, true) DESC, a.published NULLS LAST, e.id"""
    return con.execute(query, [*ids, *singles]).df()[columns]


def as_occasions(frame: pd.DataFrame, keys: tuple[str, ...] = ()) -> pd.DataFrame:
    """Query rows reduced to one per occasion (and ``keys``), the best-dated report's, each dated by
    its occasion's date; ``unit`` names what a count counts (the occasion)."""
    if frame.empty:
        return frame.assign(unit=frame["event_id"])
    once = frame.sort_values("best_report", ascending=False, kind="stable") \
        .drop_duplicates(subset=["occasion_id", *keys]).sort_index().copy()
    dated = once["occasion_start"].notna()
    for own, of_occasion in (("date", "occasion_date"), ("date_precision", "occasion_precision"),
                             ("date_start", "occasion_start"), ("date_end", "occasion_end")):
        once[own] = once[own].where(~dated, once[of_occasion])
    return once.assign(unit=once["occasion_id"])


def _pair_rows(con: duckdb.DuckDBPyConnection, a: str, b: str, include_negated: bool,
               include_hypothetical: bool, records: bool = False) -> pd.DataFrame:
    """The dyad rows between ``a`` and ``b`` either way, one per occasion (event with ``records``)
    and direction; ``unit`` is what a count counts."""
    a_actor, pa1 = _side_sql("actor", a)
    b_recipient, pb1 = _side_sql("recipient", b)
    b_actor, pb2 = _side_sql("actor", b)
    a_recipient, pa2 = _side_sql("recipient", a)
    where = [f"(({a_actor} AND {b_recipient}) OR ({b_actor} AND {a_recipient}))"]
    where += _kept(include_negated, include_hypothetical)
    query = (f"SELECT {_EVENT_COLUMNS}, CASE WHEN {a_actor} AND {b_recipient} THEN 'ab' ELSE 'ba' END "
             f"AS direction FROM {_EVENT_FROM} WHERE {' AND '.join(where)} {_EVENT_ORDER}")
    params = [*pa1, *pb1, *pa1, *pb1, *pb2, *pa2]
    frame = con.execute(query, params).df().drop_duplicates(subset=["event_id", "direction"])
    frame = frame.assign(unit=frame["event_id"]) if records else as_occasions(frame, ("direction",))
    return frame.reset_index(drop=True)


def _with_periods(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    if by not in PRECISIONS[:3]:
        raise ValueError(f"by must be day, week or month, not {by!r}")
    dated = frame[frame["date_start"].notna()].copy()
    if dated.empty:
        return dated.assign(period=[], precision=[], start=[], end=[])
    # an act dated only by its report (the week up to publication) is charted on the publication day
    reported = dated["date_source"] == "publication"
    starts = dated["date_start"].where(~reported, dated["date_end"])
    pairs = zip(starts, dated["date_end"], strict=True)
    cells = [period(_day(s), _day(e), by) for s, e in pairs]
    dated["period"] = [c[0] for c in cells]
    dated["precision"] = [c[1] for c in cells]
    dated["start"] = [c[2] for c in cells]
    dated["end"] = [c[3] for c in cells]
    return dated


def _day(value) -> date:
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def ties(con: duckdb.DuckDBPyConnection, a: str, b: str, *, by: str = "month", include_negated: bool = False,
         include_hypothetical: bool = False, records: bool = False) -> pd.DataFrame:
    """Per period: occasions (event records with ``records``) of each quad class from ``a`` to ``b``
    (``ab_*``) and back (``ba_*``; a reciprocal event, "A and B held talks", counts in both), all of
    them (each once), and their mean ``event_scale``. ``attrs["undated"]`` counts those without a date."""
    rows = _pair_rows(con, a, b, include_negated, include_hypothetical, records)
    dated = _with_periods(rows, by)
    columns = [f"{d}_{name}" for d in ("ab", "ba") for name in QUADS.values()]
    result = []
    for (label, precision, start, end), group in dated.groupby(["period", "precision", "start", "end"],
                                                               sort=False):
        record = {"period": label, "precision": precision, "start": start, "end": end}
        for direction in ("ab", "ba"):
            for quad, name in QUADS.items():
                record[f"{direction}_{name}"] = int(((group["direction"] == direction)
                                                     & (group["quad_code"] == quad)).sum())
        once = group.drop_duplicates(subset=["unit"])  # a reciprocal event runs both ways, counts once
        record["events"] = len(once)
        scale = once["event_scale"].dropna()
        record["mean_scale"] = float(scale.mean()) if len(scale) else None
        result.append(record)
    frame = pd.DataFrame(result, columns=["period", "precision", "start", "end", *columns, "events",
                                          "mean_scale"])
    frame = complete(frame, by)
    frame.attrs.update(a=a, b=b, by=by, undated=int(rows["unit"].nunique() - dated["unit"].nunique()))
    return frame


def complete(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """The series with a zero row for every empty ``by`` period between its first and last (as GDELT and
    ICEWS series have: a period with no event counts 0), sorted by time. Rows of coarser precision
    (an event known only to its year) stay as they are, at their place in time."""
    fine = frame[frame["precision"] == by]
    if not fine.empty:
        have = set(fine["period"])
        counts = [c for c in frame.columns if c.startswith(("ab_", "ba_"))]
        empty = [{"period": label, "precision": by, "start": start, "end": end, **dict.fromkeys(counts, 0),
                  "events": 0, "mean_scale": None}
                 for label, start, end in periods_between(min(fine["start"]), max(fine["start"]), by)
                 if label not in have]
        if empty:
            frame = pd.concat([frame, pd.DataFrame(empty, columns=frame.columns)], ignore_index=True)
            frame = frame.astype(dict.fromkeys([*counts, "events"], int))
            frame["mean_scale"] = frame["mean_scale"].astype(object).where(frame["mean_scale"].notna(), None)
    return frame.sort_values(["start", "end"], kind="stable").reset_index(drop=True)


def evidence(con: duckdb.DuckDBPyConnection, a: str, b: str, *, by: str = "month", period: str | None = None,
             include_negated: bool = False, include_hypothetical: bool = False,
             records: bool = False) -> pd.DataFrame:
    """The occasions (event records with ``records``) behind :func:`ties`: period, direction, type,
    date, pair, the best-dated report's sentence and source, and how many reports, articles and
    sources the occasion has (:func:`occasion_reports` lists them)."""
    dated = _with_periods(_pair_rows(con, a, b, include_negated, include_hypothetical, records), by)
    if period:
        dated = dated[dated["period"] == period]
    keep = ["period", "direction", "event", "date", "negated", "actor_code", "recipient_code",
            "event_scale", "sentence", "url", "title", "article_id", "event_id", "occasion_id", "n_reports",
            "n_articles", "n_sources", "start"]
    return dated.sort_values(["start", "period"], kind="stable")[keep].drop(columns="start") \
        .reset_index(drop=True)


def network(con: duckdb.DuckDBPyConnection, *, since: date | None = None, until: date | None = None,
            limit: int = 20, include_negated: bool = False, include_hypothetical: bool = False,
            records: bool = False) -> pd.DataFrame:
    """Directed dyads (actor ≠ recipient) by number of occasions (event records with ``records``), with
    mean scale and quad counts."""
    where, params = _dates(since, until)
    where += _kept(include_negated, include_hypothetical)
    return con.execute(network_query(where, records), [*params, int(limit)]).df()


def network_query(where: list[str], records: bool, extra: str = "") -> str:
    """SQL for the directed dyads (actor ≠ recipient) of the rows ``where`` keeps, busiest first: per
    dyad its occasions (event records with ``records``) as ``events``, their mean scale, their count per
    quad class and the ``extra`` columns; the one parameter left is the LIMIT."""
    where = [*where, "d.recipient_code IS NOT NULL", "d.actor_code IS NOT NULL",
             "d.actor_code <> d.recipient_code"]
    quads = ", ".join(f"count(*) FILTER (WHERE quad_code = {q}) AS {name}" for q, name in QUADS.items())
    unit = "e.id" if records else _OCCASION
    return f"""WITH pairs AS (
        SELECT {unit} AS unit, d.actor_code, d.recipient_code, avg(e.event_scale) AS event_scale,
        any_value({_QUAD_SQL}) AS quad_code
        FROM {_EVENT_FROM} WHERE {' AND '.join(where)} GROUP BY unit, d.actor_code, d.recipient_code)
        SELECT actor_code AS actor, recipient_code AS recipient, count(*) AS events,
        avg(event_scale) AS mean_scale, {quads}{extra}
        FROM pairs GROUP BY actor_code, recipient_code
        ORDER BY events DESC, mean_scale DESC NULLS LAST, actor, recipient LIMIT ?"""


def sparkline(values) -> str:
    """A row of block characters, one per value, scaled between the least and greatest."""
    numbers = [float(v) for v in values if v is not None and not pd.isna(v)]
    if not numbers:
        return ""
    low, high = min(numbers), max(numbers)
    out = []
    for value in values:
        if value is None or pd.isna(value):
            out.append(" ")
        elif high == low:
            out.append(SPARKS[len(SPARKS) // 2])
        else:
            out.append(SPARKS[round((float(value) - low) / (high - low) * (len(SPARKS) - 1))])
    return "".join(out)
