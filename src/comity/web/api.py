"""The JSON API under ``/api/`` (documented by the app's OpenAPI schema at ``/openapi.json``): the
network, a dyad's series, its evidence and quotes, an article with its records, speakers, and the
event search with CSV and JSON downloads. Every parameter is validated and bounded (``shape``'s
limits) and reaches SQL as a bound value."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import BeforeValidator

from comity.corpus.corpus import Corpus
from comity.web.shape import (
    MAX_EDGES,
    MAX_NAME,
    MAX_OFFSET,
    MAX_PERIODS,
    MAX_ROWS,
    MAX_TEXT,
    QUAD_KEYS,
    plain,
    records,
    with_sources,
)

router = APIRouter(prefix="/api", tags=["api"])

Code = Annotated[str, Path(min_length=1, max_length=MAX_NAME, description="Actor code (CHN, NATO…)")]
By = Annotated[str, Query(pattern="^(day|week|month)$", description="Period size: day, week or month.")]
Blank = BeforeValidator(lambda value: value or None)  # a form's empty date field means no bound
Since = Annotated[date | None, Blank, Query(description="First day of the events' own dates.")]
Until = Annotated[date | None, Blank, Query(description="Last day of the events' own dates.")]
Name = Annotated[str, Query(min_length=1, max_length=MAX_NAME, description="A speaker's name.")]
Negated = Annotated[bool, Query(description="Count negated events too.")]
Hypothetical = Annotated[bool, Query(description="Count hypothetical events too.")]
Records = Annotated[bool, Query(alias="records", description="Count every event record, not occasions (one "
                                "event reported in several articles is one occasion).")]
EVENT_COLUMNS = ["event_id", "article_id", "date", "actor_code", "actor_name", "event", "recipient_code",
                 "recipient_name", "quad_code", "event_scale", "mode", "negated", "trigger", "sentence",
                 "title", "published", "url", "occasion_id", "n_reports", "n_articles", "n_sources"]


def ask(request: Request):
    """The app's :class:`~comity.web.app.Reader`: ``ask(request)(lambda corpus: …)``."""
    return request.app.state.reader


def check_range(since: date | None, until: date | None) -> None:
    if since and until and since > until:
        raise HTTPException(400, f"since ({since}) is after until ({until})")


def known_actor(corpus: Corpus, code: str) -> str:
    """``code`` upper-cased when some stored event has it on either side; else 404."""
    if not corpus.browse.has_actor(code):
        raise HTTPException(404, f"No stored event has the actor {code!r}")
    return code.upper()


@dataclass(frozen=True)
class EventFilters:
    actor: str | None
    recipient: str | None
    type: str | None
    since: date | None
    until: date | None
    text: str | None
    limit: int
    offset: int

    def query(self) -> dict[str, Any]:
        """The filters as ``Corpus.events`` keywords."""
        return {"actor": self.actor, "recipient": self.recipient, "type": self.type, "since": self.since,
                "until": self.until, "text": self.text, "limit": self.limit, "offset": self.offset}

    def params(self) -> dict[str, str]:
        """The filters set, as query-string values (for links and downloads)."""
        return {k: str(v) for k, v in vars(self).items() if v not in (None, "")}


def event_filters(
    actor: Annotated[str | None, Query(max_length=MAX_NAME, description="Actor code or name.")] = None,
    recipient: Annotated[str | None, Query(max_length=MAX_NAME, description="Recipient code.")] = None,
    type: Annotated[str | None, Query(max_length=32, description="PLOVER event type.")] = None,
    since: Since = None, until: Until = None,
    text: Annotated[str | None, Query(max_length=MAX_TEXT, description="Words the sentence holds.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_ROWS, description="Rows in one page.")] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")] = 0,
) -> EventFilters:
    check_range(since, until)
    return EventFilters(*(v.strip() or None if isinstance(v, str) else v
                          for v in (actor, recipient, type)), since, until,
                        text.strip() or None if text else None, limit, offset)


Filters = Annotated[EventFilters, Depends(event_filters)]


def search_events(request: Request, filters: EventFilters) -> list[dict[str, Any]]:
    frame = ask(request)(lambda c: c.events(**filters.query()))
    return with_sources(records(frame[EVENT_COLUMNS]))


@router.get("/network", summary="Directed dyads, busiest first, and their actors")
def network(request: Request, since: Since = None, until: Until = None,
            type: Annotated[list[str], Query(max_length=16, description="Event types (any of).")] = [],  # noqa: B006
            quad: Annotated[list[int], Query(max_length=4, description="Quad classes 1-4 (any of).")] = [],  # noqa: B006
            limit: Annotated[int, Query(ge=1, le=MAX_EDGES, description="At most this many edges.")] = 60,
            include_negated: Negated = False, include_hypothetical: Hypothetical = False,
            per_record: Records = False) -> dict[str, Any]:
    check_range(since, until)
    if any(q not in QUAD_KEYS for q in quad):
        raise HTTPException(400, "quad must be 1, 2, 3 or 4")

    def run(corpus: Corpus) -> dict[str, Any]:
        edges = records(corpus.browse.network_edges(
            since=since, until=until, types=[t.strip() for t in type if t.strip()], quads=quad, limit=limit,
            include_negated=include_negated, include_hypothetical=include_hypothetical,
            records=per_record))
        weight: dict[str, int] = {}
        for edge in edges:
            for side in (edge["actor"], edge["recipient"]):
                weight[side] = weight.get(side, 0) + int(edge["events"])
        names = corpus.browse.actor_names(sorted(weight))
        nodes = [{"id": code, "events": n, **names[code]} for code, n in sorted(weight.items())]
        return {"nodes": nodes, "edges": edges}

    return ask(request)(run)


@router.get("/types", summary="The event types in the store and the quad classes")
def types(request: Request) -> dict[str, Any]:
    return {"types": ask(request)(lambda c: c.browse.event_types()), "quads": QUAD_KEYS}


@router.get("/ties/{a}/{b}", summary="A dyad's series: events per quad class both ways, mean scale")
def ties(request: Request, a: Code, b: Code, by: By = "month", include_negated: Negated = False,
         include_hypothetical: Hypothetical = False, per_record: Records = False) -> dict[str, Any]:
    def run(corpus: Corpus) -> dict[str, Any]:
        first, second = known_actor(corpus, a), known_actor(corpus, b)
        frame = corpus.browse.series(first, second, by=by, include_negated=include_negated,
                                     include_hypothetical=include_hypothetical, records=per_record)
        if len(frame) > MAX_PERIODS:
            raise HTTPException(400, f"{len(frame)} periods by {by}: more than {MAX_PERIODS}; "
                                "choose a longer period (week or month)")
        return {"a": first, "b": second, "by": by, "undated": frame.attrs.get("undated", 0),
                "names": corpus.browse.actor_names([first, second]), "periods": records(frame)}

    return ask(request)(run)


@router.get("/evidence/{a}/{b}", summary="The occasions behind a dyad's series, for one period or all, "
            "each with its other reports")
def evidence(request: Request, a: Code, b: Code, by: By = "month",
             period: Annotated[str | None, Query(max_length=32, description="A period label.")] = None,
             limit: Annotated[int, Query(ge=1, le=MAX_ROWS)] = 200,
             include_negated: Negated = False, include_hypothetical: Hypothetical = False,
             per_record: Records = False) -> dict[str, Any]:
    def run(corpus: Corpus) -> dict[str, Any]:
        first, second = known_actor(corpus, a), known_actor(corpus, b)
        frame = corpus.evidence(first, second, by=by, period=period, include_negated=include_negated,
                                include_hypothetical=include_hypothetical, records=per_record)
        published = corpus.browse.published(list(dict.fromkeys(frame["article_id"].head(limit))))
        rows = with_sources(records(frame.head(limit)))
        reports = _other_reports(corpus, rows) if not per_record else {}
        for row in rows:
            row["published"] = published.get(row["article_id"])
            row["reports"] = reports.get((row["occasion_id"], row["event_id"]), [])
        return {"a": first, "b": second, "by": by, "period": period, "total": len(frame), "events": rows}

    return ask(request)(run)


REPORT_KEYS = ("event_id", "event", "date", "published", "title", "url", "outlet", "article_id", "sentence")


def _other_reports(corpus: Corpus, rows: list[dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """For each shown occasion of several reports, its reports other than the one shown."""
    several = [r["occasion_id"] for r in rows if (r.get("n_reports") or 1) > 1]
    folded = with_sources(records(corpus.occasion_reports(several))) if several else []
    found: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        found[(row["occasion_id"], row["event_id"])] = [
            {k: f[k] for k in REPORT_KEYS}
            for f in folded if f["occasion_id"] == row["occasion_id"] and f["event_id"] != row["event_id"]]
    return found


@router.get("/dyad-quotes/{a}/{b}", summary="Quotes in which one side's speakers speak about the other")
def dyad_quotes(request: Request, a: Code, b: Code,
                limit: Annotated[int, Query(ge=1, le=MAX_ROWS)] = 200) -> dict[str, Any]:
    def run(corpus: Corpus) -> dict[str, Any]:
        first, second = known_actor(corpus, a), known_actor(corpus, b)
        rows = with_sources(records(corpus.browse.dyad_quotes(first, second, limit)))
        return {"a": first, "b": second, "ab": [r for r in rows if r["side"] == "ab"],
                "ba": [r for r in rows if r["side"] == "ba"]}

    return ask(request)(run)


def article_data(corpus: Corpus, article_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The article (404 when unknown) and its records as JSON-ready rows."""
    found = corpus.browse.article(article_id)
    if found is None:
        raise HTTPException(404, f"No stored article has the id {article_id!r}")
    return found, corpus.browse.article_records(article_id)


@router.get("/article/{article_id}", summary="One article's text and every record coded from it")
def article(request: Request,
            article_id: Annotated[str, Path(min_length=1, max_length=MAX_NAME)]) -> dict[str, Any]:
    found, frames = ask(request)(lambda c: article_data(c, article_id))
    found = with_sources([{k: plain(v) for k, v in found.items()}])[0]
    return {"article": found, "records": {name: records(frame) for name, frame in frames.items()}}


@router.get("/speakers", summary="Speakers whose name holds the search string, most quoted first")
def speakers(request: Request, q: Annotated[str, Query(min_length=1, max_length=MAX_NAME)],
             limit: Annotated[int, Query(ge=1, le=MAX_ROWS)] = 50) -> list[dict[str, Any]]:
    return records(ask(request)(lambda c: c.browse.speakers(q.strip(), limit)))


def speaker_data(corpus: Corpus, name: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    profile = corpus.browse.speaker_profile(name)
    if profile is None:
        raise HTTPException(404, f"No stored speaker is called {name!r}")
    return profile, with_sources(records(corpus.browse.speaker_quotes(name, MAX_ROWS)))


@router.get("/speaker", summary="A speaker's profile and quotes over time")
def speaker(request: Request, name: Name) -> dict[str, Any]:
    profile, quotes = ask(request)(lambda c: speaker_data(c, name))
    return {"profile": profile, "quotes": quotes}


@router.get("/events", summary="Events (one row per actor-recipient pair), filtered, one page")
def events(request: Request, filters: Filters) -> dict[str, Any]:
    return {"limit": filters.limit, "offset": filters.offset, "events": search_events(request, filters)}


@router.get("/events.csv", summary="The same page of events as CSV", response_class=Response)
def events_csv(request: Request, filters: Filters) -> Response:
    rows = search_events(request, filters)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*EVENT_COLUMNS, "outlet"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="comity-events.csv"'})


@router.get("/events.json", summary="The same page of events as a JSON file", response_class=Response)
def events_json(request: Request, filters: Filters) -> Response:
    body = json.dumps(search_events(request, filters), ensure_ascii=False, indent=1)
    return Response(body, media_type="application/json",
                    headers={"Content-Disposition": 'attachment; filename="comity-events.json"'})

