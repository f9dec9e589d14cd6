"""The explorer's pages (Jinja2, every value escaped): the network, a dyad, an article, speakers, the
event search and the API's index. The charts and the network are drawn in the browser from the JSON
API by the scripts under ``static/``; everything else is rendered here."""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from comity.corpus.corpus import Corpus
from comity.web.api import (
    By,
    Code,
    Filters,
    Name,
    Since,
    Until,
    article_data,
    ask,
    check_range,
    known_actor,
    search_events,
    speaker_data,
)
from comity.web.marks import all_marks, pieces
from comity.web.shape import MAX_EDGES, MAX_NAME, MAX_ROWS, QUAD_KEYS, records, with_sources

router = APIRouter(include_in_schema=False)


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    context = {"store": FilePath(request.app.state.db).name, **context}
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


@router.get("/")
def network_page(request: Request, since: Since = None, until: Until = None,
                 type: Annotated[list[str], Query(max_length=16)] = [],  # noqa: B006
                 quad: Annotated[list[int], Query(max_length=4)] = [],  # noqa: B006
                 limit: Annotated[int, Query(ge=1, le=MAX_EDGES)] = 60,
                 colour: Annotated[str, Query(pattern="^(scale|quad)$")] = "scale") -> Response:
    check_range(since, until)
    return render(request, "network.html", {
        "types": ask(request)(lambda c: c.browse.event_types()), "chosen_types": set(type),
        "chosen_quads": set(quad), "quads": QUAD_KEYS, "since": since, "until": until, "limit": limit,
        "colour": colour})


@router.get("/dyad/{a}/{b}")
def dyad_page(request: Request, a: Code, b: Code, by: By = "month") -> Response:
    def run(corpus: Corpus) -> dict[str, Any]:
        first, second = known_actor(corpus, a), known_actor(corpus, b)
        quotes = with_sources(records(corpus.browse.dyad_quotes(first, second, MAX_ROWS)))
        return {"a": first, "b": second, "by": by, "names": corpus.browse.actor_names([first, second]),
                "ab_quotes": [q for q in quotes if q["side"] == "ab"],
                "ba_quotes": [q for q in quotes if q["side"] == "ba"]}

    return render(request, "dyad.html", ask(request)(run))


@router.get("/article/{article_id}")
def article_page(request: Request,
                 article_id: Annotated[str, Path(min_length=1, max_length=MAX_NAME)]) -> Response:
    found, frames = ask(request)(lambda c: article_data(c, article_id))
    text = found["text"] or ""
    return render(request, "article.html", {
        "article": found, "pieces": pieces(text, all_marks(text, frames)),
        **{name: records(frame) for name, frame in frames.items()}})


@router.get("/speakers")
def speakers_page(request: Request,
                  q: Annotated[str, Query(max_length=MAX_NAME)] = "") -> Response:
    found = records(ask(request)(lambda c: c.browse.speakers(q.strip(), 100)))
    return render(request, "speakers.html", {"q": q, "speakers": found})


@router.get("/speaker")
def speaker_page(request: Request, name: Name) -> Response:
    profile, quotes = ask(request)(lambda c: speaker_data(c, name))
    return render(request, "speaker.html", {"profile": profile, "quotes": quotes})


@router.get("/search")
def search_page(request: Request, filters: Filters) -> Response:
    rows = search_events(request, filters)
    params = filters.params()
    pages = {}
    if filters.offset:
        pages["previous"] = urlencode({**params, "offset": max(0, filters.offset - filters.limit)})
    if len(rows) == filters.limit:
        pages["next"] = urlencode({**params, "offset": filters.offset + filters.limit})
    return render(request, "search.html", {
        "filters": filters, "rows": rows, "query": urlencode(params), "pages": pages,
        "types": ask(request)(lambda c: c.browse.event_types())})


@router.get("/api")
def api_index(request: Request) -> Response:
    schema = request.app.openapi()
    paths = [{"path": path, "method": method.upper(), "summary": op.get("summary", ""),
              "params": [p["name"] for p in op.get("parameters", [])]}
             for path, ops in schema["paths"].items() for method, op in ops.items()]
    return render(request, "api.html", {"paths": paths, "title": schema["info"]["title"]})
