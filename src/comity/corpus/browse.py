"""Read-only queries for browsing a store (the web explorer): a filtered network, the actors'
names, one article with every record coded from it, speakers and their quotes, the quotes in
which one side of a dyad speaks about the other.

Every value reaches SQL as a bound parameter; the only text spliced into a statement is built
here from fixed column names and from integers.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from comity.corpus.ties import (
    _QUAD_SQL,
    QUADS,
    _dates,
    _kept,
    _pair_rows,
    _with_periods,
    complete,
    network_query,
)

_SPEAKER_PROFILE = """SELECT name, mode(title) AS title, mode(org) AS org, mode(country) AS country,
    mode(sector) AS sector, count(DISTINCT article_id) AS articles FROM speakers"""


def _marks(values: list) -> str:
    return ", ".join("?" * len(values))


def network_edges(con: duckdb.DuckDBPyConnection, *, since: date | None = None, until: date | None = None,
                  types: list[str] | tuple[str, ...] = (), quads: list[int] | tuple[int, ...] = (),
                  limit: int = 60, include_negated: bool = False, include_hypothetical: bool = False,
                  records: bool = False) -> pd.DataFrame:
    """Directed dyads between coded actors (actor ≠ recipient), busiest first, filtered by the events'
    dates, types and quad classes: occasions (event records with ``records``) as ``events``, mean
    scale, events per quad class and the commonest class."""
    where, params = _dates(since, until)
    where += _kept(include_negated, include_hypothetical)
    if types:
        where.append(f"upper(e.event) IN ({_marks(list(types))})")
        params += [t.upper() for t in types]
    if quads:
        where.append(f"{_QUAD_SQL} IN ({_marks(list(quads))})")
        params += [int(q) for q in quads]
    query = network_query(where, records, extra=", mode(quad_code) AS quad_code")
    return con.execute(query, [*params, int(limit)]).df()


def series(con: duckdb.DuckDBPyConnection, a: str, b: str, *, by: str = "month",
           include_negated: bool = False, include_hypothetical: bool = False,
           records: bool = False) -> pd.DataFrame:
    """The frame :func:`comity.corpus.ties.ties` gives (same rows, columns and ``attrs``), counted with one
    cross-tabulation instead of a pass per period: a busy dyad's series in a few milliseconds."""
    rows = _pair_rows(con, a, b, include_negated, include_hypothetical, records)
    dated = _with_periods(rows, by)
    keys = ["period", "precision", "start", "end"]
    columns = [f"{d}_{name}" for d in ("ab", "ba") for name in QUADS.values()]
    frame = pd.DataFrame(columns=[*keys, *columns, "events", "mean_scale"])
    if not dated.empty:
        cells = dated["direction"] + "_" + dated["quad_code"].map(QUADS)
        counts = pd.crosstab([dated[k] for k in keys], cells).reindex(columns=columns, fill_value=0)
        once = dated.drop_duplicates(subset=["unit"])  # a reciprocal event runs both ways, counts once
        grouped = once.groupby(keys)
        frame = counts.join(grouped.size().rename("events"), how="right").fillna(0)
        frame = frame.astype(dict.fromkeys([*columns, "events"], int))
        frame["mean_scale"] = grouped["event_scale"].mean()
        frame = frame.reset_index().sort_values(["start", "end", "period"], kind="stable")
        frame["mean_scale"] = frame["mean_scale"].astype(object).where(frame["mean_scale"].notna(), None)
    frame = frame.reset_index(drop=True)[[*keys, *columns, "events", "mean_scale"]]
    frame.columns.name = None
    frame = complete(frame, by) if not frame.empty else frame
    frame.attrs.update(a=a, b=b, by=by, undated=int(rows["unit"].nunique() - dated["unit"].nunique()))
    return frame


def actor_names(con: duckdb.DuckDBPyConnection, codes: list[str]) -> dict[str, dict[str, str | None]]:
    """The commonest name and kind the store gives each actor code (``{code: {name, kind}}``)."""
    if not codes:
        return {}
    rows = con.execute(f"""SELECT code, mode(name), mode(kind) FROM entities
        WHERE code IN ({_marks(codes)}) AND name IS NOT NULL GROUP BY code""", list(codes)).fetchall()
    found = {code: {"name": name, "kind": kind} for code, name, kind in rows}
    missing = [c for c in codes if c not in found]
    if missing:
        rows = con.execute(f"""SELECT code, mode(name) FROM (
            SELECT actor_code AS code, actor_name AS name FROM dyads UNION ALL
            SELECT recipient_code, recipient_name FROM dyads) WHERE code IN ({_marks(missing)})
            GROUP BY code""", missing).fetchall()
        found.update({code: {"name": name, "kind": None} for code, name in rows})
    return {c: found.get(c, {"name": None, "kind": None}) for c in codes}


def has_actor(con: duckdb.DuckDBPyConnection, code: str) -> bool:
    """Whether ``code`` is the code of an actor of some stored event (either side)."""
    row = con.execute("""SELECT 1 FROM dyads WHERE upper(actor_code) = upper(?)
        OR upper(recipient_code) = upper(?) LIMIT 1""", [code, code]).fetchall()
    return bool(row)


def event_types(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The event types present in the store, in alphabetical order."""
    return [r[0] for r in con.execute("SELECT DISTINCT event FROM events ORDER BY event").fetchall()]


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict | None:
    """One stored article (id, url, title, published, source, text, coder version), or None."""
    cursor = con.execute("""SELECT id, url, title, published, source, text, coder_version
        FROM articles WHERE id = ?""", [article_id])
    row = cursor.fetchone()
    if row is None:
        return None
    names = [d[0] for d in cursor.description]
    return dict(zip(names, row, strict=True))


def published(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str | None]:
    """The publication day (ISO) of each of the articles ``ids``."""
    if not ids:
        return {}
    rows = con.execute(f"SELECT id, published FROM articles WHERE id IN ({_marks(ids)})", ids).fetchall()
    found = {aid: day.isoformat() if day else None for aid, day in rows}
    return {aid: found.get(aid) for aid in ids}


def article_records(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, pd.DataFrame]:
    """Every record coded from one article, table by table, in text order."""
    one = [article_id]
    return {
        "entities": con.execute("""SELECT seq, code, sector, name, kind, title, text, span_start, span_end
            FROM entities WHERE article_id = ? ORDER BY span_start NULLS LAST, seq""", one).df(),
        "events": con.execute(f"""SELECT e.id AS event_id, e.seq, e.event, e.mode, e.negated, e.date,
            {_QUAD_SQL} AS quad_code, e.event_scale, e.trigger, e.event_text, e.spans, e.sentence,
            array_to_string(e.actor_codes, ', ') AS actors,
            array_to_string(e.recipient_codes, ', ') AS recipients
            FROM events e WHERE e.article_id = ? ORDER BY e.seq""", one).df(),
        "quotes": con.execute("""SELECT seq, speaker, speaker_text, speaker_start, speaker_end, kind, content,
            content_start, content_end, cue FROM quotes WHERE article_id = ? ORDER BY seq""", one).df(),
        "speakers": con.execute("""SELECT seq, name, title, org, country, sector FROM speakers
            WHERE article_id = ? ORDER BY seq""", one).df(),
        "times": con.execute("""SELECT seq, text, span_start, span_end, value, granularity FROM times
            WHERE article_id = ? ORDER BY span_start NULLS LAST, seq""", one).df(),
        "figures": con.execute("""SELECT seq, text, span_start, span_end, value, unit, qualifier FROM figures
            WHERE article_id = ? ORDER BY span_start NULLS LAST, seq""", one).df(),
    }


def speakers(con: duckdb.DuckDBPyConnection, name: str, limit: int = 50) -> pd.DataFrame:
    """Speakers whose name holds ``name`` (case-insensitive), most quoted first, with their profile."""
    return con.execute(f"""WITH found AS ({_SPEAKER_PROFILE} WHERE name IS NOT NULL AND name ILIKE ?
            GROUP BY name),
        said AS (SELECT speaker, count(*) AS quotes FROM quotes WHERE speaker ILIKE ? GROUP BY speaker)
        SELECT found.*, coalesce(said.quotes, 0) AS quotes FROM found
        LEFT JOIN said ON said.speaker = found.name
        ORDER BY quotes DESC, articles DESC, name LIMIT ?""",
                       [f"%{name}%", f"%{name}%", int(limit)]).df()


def speaker_profile(con: duckdb.DuckDBPyConnection, name: str) -> dict | None:
    """The commonest title, organisation, country and sector stored for the speaker ``name``."""
    cursor = con.execute(f"{_SPEAKER_PROFILE} WHERE name = ? GROUP BY name", [name])
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def speaker_quotes(con: duckdb.DuckDBPyConnection, name: str, limit: int = 500) -> pd.DataFrame:
    """The quotes of the speaker ``name``, oldest first, with their article."""
    return con.execute("""SELECT q.article_id, q.seq, a.published, a.title AS article_title, a.url,
        q.kind, q.content, q.cue, array_to_string(q.actors, ', ') AS actors
        FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker = ?
        ORDER BY a.published NULLS LAST, q.article_id, q.seq LIMIT ?""", [name, int(limit)]).df()


def dyad_quotes(con: duckdb.DuckDBPyConnection, a: str, b: str, limit: int = 200) -> pd.DataFrame:
    """Quotes in which a speaker of one side (by the speaker's country) speaks about the other (the quote
    names it): ``side`` is ``ab`` when ``a``'s speaker names ``b``, ``ba`` the other way."""
    return con.execute("""WITH who AS (SELECT article_id, name, any_value(country) AS country FROM speakers
            GROUP BY article_id, name)
        SELECT CASE WHEN upper(w.country) = upper(?) THEN 'ab' ELSE 'ba' END AS side, q.article_id,
        q.seq, q.speaker, w.country, q.kind, q.content, a.published, a.title AS article_title, a.url
        FROM quotes q JOIN who w ON w.article_id = q.article_id AND w.name = q.speaker
        JOIN articles a ON a.id = q.article_id
        WHERE (upper(w.country) = upper(?) AND list_contains(q.actors, upper(?)))
           OR (upper(w.country) = upper(?) AND list_contains(q.actors, upper(?)))
        ORDER BY a.published NULLS LAST, q.article_id, q.seq LIMIT ?""",
                       [a, a, b, b, a, int(limit)]).df()


class Browser:
    """The queries of this module bound to one connection (``Corpus.browse``)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def network_edges(self, **filters) -> pd.DataFrame:
        return network_edges(self.con, **filters)

    def series(self, a: str, b: str, **options) -> pd.DataFrame:
        return series(self.con, a, b, **options)

    def actor_names(self, codes: list[str]) -> dict[str, dict[str, str | None]]:
        return actor_names(self.con, codes)

    def has_actor(self, code: str) -> bool:
        return has_actor(self.con, code)

    def event_types(self) -> list[str]:
        return event_types(self.con)

    def article(self, article_id: str) -> dict | None:
        return article(self.con, article_id)

    def published(self, ids: list[str]) -> dict[str, str | None]:
        return published(self.con, ids)

    def article_records(self, article_id: str) -> dict[str, pd.DataFrame]:
        return article_records(self.con, article_id)

    def speakers(self, name: str, limit: int = 50) -> pd.DataFrame:
        return speakers(self.con, name, limit)

    def speaker_profile(self, name: str) -> dict | None:
        return speaker_profile(self.con, name)

    def speaker_quotes(self, name: str, limit: int = 500) -> pd.DataFrame:
        return speaker_quotes(self.con, name, limit)

    def dyad_quotes(self, a: str, b: str, limit: int = 200) -> pd.DataFrame:
        return dyad_quotes(self.con, a, b, limit)
