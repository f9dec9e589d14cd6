"""Sources: folders, files, URLs, feeds and WARC files; URLs from a local HTTP server, never a remote host."""

from __future__ import annotations

import gzip
import io
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from comity.errors import InputError
from comity.io.fetch import Fetcher, Sources, folder_files, read_list
from comity.records import Article

PARAGRAPHS = [
    "The foreign ministers of two neighbouring states met in the capital on Tuesday to discuss trade.",
    "Officials said the talks covered tariffs, border crossings and a long-delayed rail link between them.",
    "Both sides agreed to meet again before the end of the year, according to a joint statement.",
]


def page(title: str, paragraphs: list[str] = PARAGRAPHS) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title></head><body><nav>Home | World</nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Contact us</footer></body></html>").encode()


def rss(base: str, links: list[str]) -> bytes:
    items = "".join(f"<item><title>Item {i}</title><link>{base}{link}</link>"
                    f"<pubDate>Mon, 0{i + 1} Jun 2025 10:00:00 GMT</pubDate></item>"
                    for i, link in enumerate(links))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>'
            f"<link>{base}</link>{items}</channel></rss>").encode()


def atom(links: list[str]) -> bytes:
    entries = "".join(f"<entry><title>E{i}</title><link href='{link}'/><id>e{i}</id>"
                      f"<updated>2025-07-0{i + 1}T08:00:00Z</updated></entry>"
                      for i, link in enumerate(links))
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>T</title><id>t</id><updated>2025-07-01T08:00:00Z</updated>{entries}</feed>").encode()


class Handler(BaseHTTPRequestHandler):
    seen_agents: ClassVar[list[str]] = []
    flaky_calls = 0

    def log_message(self, *args) -> None:
        pass

    def _send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        routes = {
            "/a": lambda: self._send(200, page("Talks on trade")),
            "/b": lambda: self._send(200, page("Rail link", [p.replace("trade", "rail")
                                                             for p in PARAGRAPHS])),
            "/copy-of-a": lambda: self._send(200, page("Talks on trade")),
            "/empty": lambda: self._send(200, b"<html><body><nav>Home</nav></body></html>"),
            "/missing": lambda: self._send(404, b"not found"),
            "/broken": lambda: self._send(500, b"oops"),
            "/feed.xml": lambda: self._send(200, rss(base, ["/a", "/b", "/missing"]), "application/rss+xml"),
            "/not-a-feed": lambda: self._send(200, page("Just a page")),
            "/relative.atom": lambda: self._send(200, atom(["/b", "a"]), "application/atom+xml"),
            "/flaky": self._flaky,
        }
        routes.get(self.path, lambda: self._send(404, b"no route"))()

    def _flaky(self) -> None:
        Handler.flaky_calls += 1
        if Handler.flaky_calls == 1:
            self._send(503, b"busy")
        else:
            self._send(200, page("Flaky but fine", [p.replace("trade", "fishing") for p in PARAGRAPHS]))


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


FAST = Fetcher(timeout=5.0, retries=2, backoff=0.01)


def read(sources: list[str], feeds: tuple[str, ...] = ()) -> list[Article | InputError]:
    with Sources(FAST) as reader:
        return list(reader.read(sources, feeds=feeds))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(("path", "code"), [
    ("/missing", "E071"), ("/broken", "E071"), ("/empty", "E026"),
])
def test_bad_urls_give_clear_errors(server: str, path: str, code: str) -> None:
    (item,) = read([server + path])
    assert isinstance(item, InputError) and item.code == code and path in item.message


def test_an_unreachable_url(server: str) -> None:
    url = f"http://127.0.0.1:{free_port()}/gone"
    (item,) = read([url])
    assert isinstance(item, InputError) and item.code == "E070" and "after 3 tries" in item.message


def test_a_page_is_fetched_and_extracted_with_a_user_agent(server: str) -> None:
    (article,) = read([server + "/a"])
    assert isinstance(article, Article)
    assert article.url == server + "/a" and article.title == "Talks on trade"
    assert "long-delayed rail link" in article.text and "Contact us" not in article.text
    assert Handler.seen_agents[-1].startswith("comity/")


def test_a_transient_error_is_retried(server: str) -> None:
    (article,) = read([server + "/flaky"])
    assert isinstance(article, Article) and "fishing" in article.text


def test_a_feed_fetches_each_items_page(server: str) -> None:
    items = read([server + "/feed.xml"])
    assert [type(i).__name__ for i in items] == ["Article", "Article", "InputError"]
    assert items[0].published.isoformat() == "2025-06-01" and "rail" in items[1].text
    assert items[2].code == "E071"


def test_an_atom_feed_with_relative_links(server: str) -> None:
    items = read([server + "/relative.atom"])
    assert [i.url for i in items] == [server + "/b", server + "/a"]
    assert [i.published.isoformat() for i in items] == ["2025-07-01", "2025-07-02"]


def test_a_feed_that_is_not_a_feed(server: str, tmp_path: Path) -> None:
    notes = tmp_path / "notes.xml"
    notes.write_text("this is not xml at all")
    items = read([str(notes)], feeds=(server + "/not-a-feed",))
    assert [i.code for i in items if isinstance(i, InputError)] == ["E072", "E072"]


def warc_bytes(pages: list[tuple[str, bytes, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, body, kind in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return buffer.getvalue()


PAGES = [("http://w.test/1", page("One"), "text/html"),
         ("http://w.test/logo.png", b"\x89PNG....", "image/png"),
         ("http://w.test/2", page("Two", [p.replace("trade", "energy") for p in PARAGRAPHS]), "text/html")]


def test_a_warc_gives_its_html_responses_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes(PAGES))
    items = read([str(path)])
    assert [i.url for i in items] == ["http://w.test/1", "http://w.test/2"]


def test_a_truncated_warc_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    data = warc_bytes(PAGES)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 200])
    items = read([str(path)])
    assert isinstance(items[0], Article) and items[0].url == "http://w.test/1"
    last = items[-1]
    assert isinstance(last, InputError) and last.code == "E073" and "cut.warc.gz" in last.message


def test_a_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(PARAGRAPHS[0])
    (tmp_path / "sub" / "b.html").write_bytes(page("Bee"))
    (tmp_path / "c.json").write_text(json.dumps({"text": PARAGRAPHS[1], "url": "http://c.test/", "published":
                                                 "2025-05-01"}))
    lines = [json.dumps({"id": str(i), "text": p}) for i, p in enumerate(PARAGRAPHS)]
    (tmp_path / "d.jsonl").write_text("\n".join(lines))
    (tmp_path / ".hidden.txt").write_text("secret")
    (tmp_path / "e.pdf").write_bytes(b"%PDF")
    (tmp_path / "f.warc.gz").write_bytes(gzip.compress(b"") + warc_bytes(PAGES[:1]))
    names = [p.relative_to(tmp_path).as_posix() for p in folder_files(tmp_path)]
    assert names == ["a.txt", "c.json", "d.jsonl", "f.warc.gz", "sub/b.html"]
    items = read([str(tmp_path)])
    assert all(isinstance(i, Article) for i in items) and len(items) == 7
    assert items[1].url == "http://c.test/" and items[1].published.isoformat() == "2025-05-01"
    assert items[0].source == str((tmp_path / "a.txt").resolve())


@pytest.mark.parametrize(("content", "code"), [("[1, 2]", "E074"), ("{not json", "E024")])
def test_a_json_file_without_an_article(tmp_path: Path, content: str, code: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content)
    (item,) = read([str(path)])
    assert isinstance(item, InputError) and item.code == code


def test_a_missing_path(tmp_path: Path) -> None:
    (item,) = read([str(tmp_path / "nowhere.warc")])
    assert isinstance(item, InputError) and item.code == "E020"


def test_a_list_of_sources(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_text("# my sources\nhttp://x.test/a\n\n  folder/  \n")
    assert read_list(path) == ["http://x.test/a", "folder/"]
