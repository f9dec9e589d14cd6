"""The web explorer's app: FastAPI over one store opened read-only, Jinja2 pages, static assets shipped
in the package, security headers and error pages.

    from comity.web.app import create_app
    app = create_app("news.duckdb")          # then: uvicorn, or Starlette's TestClient

Every query goes through :class:`Reader`, one at a time (a DuckDB connection is not for concurrent
use; the app is a local, single-user tool). Nothing is fetched from outside: the chart libraries,
styles and scripts are under ``static/``; the Content-Security-Policy allows scripts from the app's
own origin only, so a script tag or event handler inside stored article text can never run.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TypeVar

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from comity._version import __version__
from comity.corpus.corpus import Corpus
from comity.errors import ComityError
from comity.web.shape import QUAD_NAMES, outlet, safe_url

HERE = Path(__file__).resolve().parent
LOOPBACK = ("127.0.0.1", "localhost", "::1")
CSP = "; ".join((
    "default-src 'none'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
    "font-src 'self'", "connect-src 'self'", "base-uri 'none'", "form-action 'self'",
    "frame-ancestors 'none'"))
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
           "Cross-Origin-Opener-Policy": "same-origin"}
T = TypeVar("T")


class Reader:
    """The store opened read-only for each question, one at a time: between questions the file is free,
    so an ingest can write to it while the explorer is open (each page shows what is committed)."""

    def __init__(self, db: str | Path) -> None:
        from comity.corpus.store import READ_WAIT

        self.db, self.wait = db, READ_WAIT
        Corpus(db, read_only=True, wait=READ_WAIT).close()  # a missing or bad store fails now
        self.lock = threading.Lock()

    def __call__(self, ask: Callable[[Corpus], T]) -> T:
        with self.lock, Corpus(self.db, read_only=True, wait=self.wait) as corpus:
            return ask(corpus)

    def close(self) -> None:
        pass


def templates() -> Jinja2Templates:
    found = Jinja2Templates(directory=str(HERE / "templates"))  # autoescapes every .html template
    found.env.globals.update(version=__version__, quad_names=QUAD_NAMES)
    found.env.filters.update(safe_url=safe_url, outlet=outlet)
    return found


def create_app(db: str | Path, *, hosts: tuple[str, ...] | list[str] | None = None) -> FastAPI:
    """The app over the store ``db`` (opened read-only now: a missing store fails here, not later).

    ``hosts``: the Host header values to answer (the loopback names and the test client's by default),
    so a page on another site cannot reach the app through DNS rebinding.
    """
    reader = Reader(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        reader.close()

    app = FastAPI(title="comity web explorer", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None,  # Swagger UI and ReDoc load from CDNs: /api lists the paths
                  description="The JSON API behind `comity serve`'s pages: a store of coded news, read-only.")
    app.state.reader = reader
    app.state.templates = templates()
    app.state.db = str(db)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts or (*LOOPBACK, "testserver")))
    app.middleware("http")(_security_headers)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _errors(app)

    from comity.web.api import router as api
    from comity.web.pages import router as pages

    app.include_router(api)
    app.include_router(pages)
    return app


async def _security_headers(request: Request, call_next) -> Response:
    response = await call_next(request)
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.url.path.startswith("/static/"):
        response.headers.setdefault("Cache-Control", "public, max-age=3600")
    return response


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_page(request: Request, status: int, message: str) -> Response:
    """The error as JSON under ``/api/``, else as a page saying what went wrong and where to go."""
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status)


def _errors(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return await request_validation_exception_handler(request, exc)
        fields = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}"
                           for e in exc.errors())
        return error_page(request, 400, f"Bad request ({fields})")

    @app.exception_handler(ComityError)
    async def comity_error(request: Request, exc: ComityError) -> Response:
        return error_page(request, 400, str(exc))
