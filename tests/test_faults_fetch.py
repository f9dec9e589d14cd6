"""Fault injection, network: a local server (127.0.0.1 only) answers slowly, never, hugely, in a loop,
with the wrong type, with a broken feed. Every fetch is bounded in time, every fault is one numbered
error for that source only, and the other articles of the run are stored."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from comity.cli import app
from comity.corpus.store import Store
from comity.errors import InputError
from comity.io.fetch import Fetcher, Sources
from comity.records import Article

TEXT = ("The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss trade. "
        "Officials said the talks covered tariffs, border crossings and a long-delayed rail link.")
PAGE = f"<html><head><title>Talks</title></head><body><article><p>{TEXT}</p></article></body></html>".encode()
CAP = 20_000
QUICK = Fetcher(timeout=0.5, retries=2, backoff=0.01, deadline=1.5, max_bytes=CAP, max_redirects=5)
HOLD = 4.0  # the longest any handler keeps a connection: the server stops by itself


class Handler(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def log_message(self, *args) -> None:
        pass

    def _head(self, status: int, kind: str, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def _send(self, body: bytes, kind: str = "text/html; charset=utf-8", status: int = 200) -> None:
        self._head(status, kind, len(body))
        self.wfile.write(body)

    def do_GET(self) -> None:
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        route = {
            "/page": lambda: self._send(PAGE),
            "/silent": self._silent,
            "/drip": self._drip,
            "/huge": self._huge,
            "/huge-said": lambda: self._head(200, "text/html", 300_000_000),
            "/loop": lambda: self._redirect("/loop2"),
            "/loop2": lambda: self._redirect("/loop"),
            "/gone": lambda: self._send(b"gone", status=404),
            "/paper.pdf": lambda: self._send(b"%PDF-1.7 binary", "application/pdf"),
            "/logo": lambda: self._send(b"\x89PNG\r\n\x1a\n" + bytes(200), "text/html"),
            "/feed.xml": self._feed,
        }.get(self.path, lambda: self._send(b"no route", status=404))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
            route()

    def _silent(self) -> None:
        time.sleep(HOLD)

    def _drip(self) -> None:
        self._head(200, "text/html")
        end = time.monotonic() + HOLD
        while time.monotonic() < end:
            self.wfile.write(b"<p>a</p>")
            self.wfile.flush()
            time.sleep(0.2)

    def _huge(self) -> None:
        self._head(200, "text/html")
        chunk = b"<p>" + b"word " * 2000 + b"</p>"
        for _ in range(2000):  # 20 MB at most, far past the cap
            self.wfile.write(chunk)

    def _redirect(self, to: str) -> None:
        self.send_response(302)
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _feed(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        items = "".join(f"<item><title>{n}</title><link>{link}</link></item>" for n, link in
                        [("good", f"{base}/page"), ("pdf", f"{base}/paper.pdf"), ("odd", "mailto:x@y.z")])
        self._send(f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}'
                   "</channel></rss>".encode(), "application/rss+xml")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def read_one(url: str) -> tuple[Article | InputError, float]:
    start = time.monotonic()
    with Sources(QUICK) as reader:
        (item,) = list(reader.read([url]))
    return item, time.monotonic() - start


@pytest.mark.parametrize(("path", "code", "words"), [
    ("/silent", "E076", "within 1.5 s"),
    ("/drip", "E076", "within 1.5 s"),
    ("/huge", "E075", f"limit is {CAP:,} bytes"),
    ("/huge-said", "E075", "300,000,000 bytes"),
    ("/loop", "E078", "redirect loop"),
    ("/gone", "E071", "HTTP 404"),
    ("/paper.pdf", "E077", "application/pdf"),
    ("/logo", "E077", "a PNG image"),
])
def test_a_bad_answer_is_one_bounded_error(server: str, path: str, code: str, words: str) -> None:
    Handler.hits.clear()
    item, seconds = read_one(server + path)
    assert isinstance(item, InputError) and item.code == code, item
    assert words in item.message and path in item.message
    assert seconds < QUICK.deadline + 1.0  # the deadline holds, whatever the server does


@pytest.mark.parametrize(("path", "requests"), [("/loop", QUICK.max_redirects + 1), ("/gone", 1)])
def test_no_retry_where_a_retry_cannot_help(server: str, path: str, requests: int) -> None:
    Handler.hits.clear()
    read_one(server + path)
    assert sum(Handler.hits.values()) == requests  # one try: its redirects, no second try


def test_a_feed_names_its_broken_items(server: str) -> None:
    with Sources(QUICK) as reader:
        items = list(reader.read([], feeds=[server + "/feed.xml"]))
    good, pdf, odd = items
    assert isinstance(good, Article) and "Lima" in good.text
    assert pdf.code == "E077" and "item 2" in pdf.message and "application/pdf" in pdf.message
    assert odd.code == "E072" and "item 3" in odd.message and "not a web address" in odd.message


def test_ingest_stores_the_good_and_names_each_bad_source(server: str, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("comity.io.fetch.Fetcher", partial(Fetcher, **{
        k: getattr(QUICK, k) for k in ("timeout", "retries", "backoff", "deadline", "max_bytes",
                                       "max_redirects")}))
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    bad = ["/silent", "/huge", "/loop", "/paper.pdf"]
    db = tmp_path / "store.duckdb"
    start = time.monotonic()
    result = CliRunner().invoke(app, ["ingest", *(server + p for p in bad), str(good), "--db", str(db)])
    assert time.monotonic() - start < 60
    assert result.exit_code == 1, result.output
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert [line.split()[1] for line in failed] == ["[E076]", "[E075]", "[E078]", "[E077]"]
    assert "Traceback" not in result.output
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 1
