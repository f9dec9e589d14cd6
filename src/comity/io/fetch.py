"""Sources for a corpus: files and folders, URLs, RSS/Atom feeds and WARC files → Articles.

Like :mod:`comity.io.read` (whose readers this reuses), every reader yields
:class:`~comity.records.Article` objects or an :class:`~comity.errors.InputError`
in place of a source that cannot be read, so one bad source never stops a batch.
Only this module and :mod:`comity.io.http` touch the network: httpx with
timeouts, a total deadline and a size cap per URL, retries with exponential
backoff on connection errors and 429/5xx answers, and a user agent that says
what is asking.

Errors (E070-E079): E070 a URL cannot be reached; E071 an HTTP error status;
E072 a feed that is not an RSS/Atom feed; E073 a WARC file that is truncated
or corrupt (the records before the damage are kept); E074 a JSON file that
holds no article; E075-E078 (:mod:`comity.io.http`) an answer too large, past
the deadline, of a type that is not a page, text or feed, a redirect loop.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

from comity.errors import InputError
from comity.io.http import Fetcher, get
from comity.io.read import HTML_SUFFIXES, JSONL_SUFFIXES, STDIN, from_html, from_text, read_inputs, read_path
from comity.records import Article
from comity.text.normalize import as_date

Item = Article | InputError

TEXT_SUFFIXES = {".txt", ".text", ".md"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FOLDER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | {".json"}
_FEED_TYPES = ("rss", "atom", "rdf", "xml")
MIN_WORDS = 12  # a fetched page with less running text than this holds no article


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _charset(content_type: str) -> str:
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return "utf-8"


def _text(body: bytes, content_type: str) -> str:
    try:
        return body.decode(_charset(content_type), errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def _looks_like_feed(body: bytes, content_type: str) -> bool:
    kind = content_type.lower()
    if "html" in kind:
        return False
    if any(t in kind for t in _FEED_TYPES):
        return True
    head = body[:2000].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf"))


def _page_article(body: bytes, content_type: str, url: str, published: date | None,
                 title: str | None = None) -> Article:
    """The article on one fetched page (E026 when the page holds no article text)."""
    if "html" in content_type.lower() or body.lstrip()[:1] == b"<":
        article = from_html(_text(body, content_type), url, published, url)
    else:
        article = from_text(_text(body, content_type), url, published, url)
    if len(article.text.split()) < MIN_WORDS:
        raise InputError("E026", f"{url}: no article text on the page "
                         f"(under {MIN_WORDS} words of running text)")
    return replace(article, url=url, title=article.title or title)


def _read_url(url: str, published: date | None, client, fetcher: Fetcher,
             feed: bool = False) -> Iterator[Item]:
    """The article at ``url``, or every item of the feed at ``url``."""
    try:
        body, kind, _ = get(client, url, fetcher)
        if feed or _looks_like_feed(body, kind):
            yield from _feed_items(body, url, published, client, fetcher)
        else:
            yield _page_article(body, kind, url, published)
    except InputError as err:
        yield err


def _entry_date(entry) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except ValueError:
        return None


def _parse_feed(body: bytes, where: str):
    """The feedparser result for ``body`` (E072 if it is not an RSS or Atom feed)."""
    import feedparser

    base = {"content-location": where} if is_url(where) else None
    feed = feedparser.parse(body, response_headers=base)
    if not feed.entries and (feed.bozo or not feed.get("version")):
        reason = getattr(feed.get("bozo_exception"), "getMessage", lambda: "")() or "no RSS or Atom items"
        raise InputError("E072", f"{where}: not an RSS/Atom feed ({reason})")
    return feed


def _feed_items(body: bytes, where: str, published: date | None, client, fetcher: Fetcher) -> Iterator[Item]:
    """Fetch and extract the page of each feed item; the item's date wins over the page's."""
    feed = _parse_feed(body, where)
    for number, entry in enumerate(feed.entries, start=1):
        link = urljoin(where, entry.get("link", "")) if is_url(where) else entry.get("link")
        if not link:
            yield InputError("E072", f"{where}: item {number} has no link")
            continue
        if not is_url(link):
            yield InputError("E072", f"{where}: item {number}'s link is not a web address ({link[:120]!r})")
            continue
        when = _entry_date(entry) or published
        try:
            page, kind, _ = get(client, link, fetcher)
            article = _page_article(page, kind, link, when, entry.get("title"))
            yield replace(article, published=when or article.published)
        except InputError as err:
            yield InputError(err.code, f"{where}: item {number}: {err.message}")


def _read_feed_file(path: Path, published: date | None, client, fetcher: Fetcher) -> Iterator[Item]:
    try:
        yield from _feed_items(path.read_bytes(), str(path), published, client, fetcher)
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError("E020", f"{path}: cannot read ({err.strerror})")


def read_warc(path: Path, published: date | None) -> Iterator[Item]:
    """Articles from the HTML responses of a WARC (or ARC) file, gzipped or not."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream, arc2warc=True):
                item = _warc_item(record, published)
                count += 1
                if item is not None:
                    yield item
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as err:
        yield InputError("E073", f"{path}: truncated or corrupt WARC after {count} records "
                         f"({type(err).__name__}: {str(err)[:120]})")


def _warc_item(record, published: date | None) -> Item | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    kind = record.http_headers.get_header("Content-Type") or ""
    status = record.http_headers.get_statuscode() or ""
    if "html" not in kind.lower() or not status.startswith("2"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or "warc-record"
    body = record.content_stream().read()
    if getattr(record.raw_stream, "limit", 0):
        raise EOFError(f"record {url} ends early")
    try:
        return _page_article(body, kind, url, published)
    except InputError as err:
        return err


def _read_json(path: Path, published: date | None) -> Iterator[Item]:
    """A JSON file holding one article object (``text``, ``title``, ``url``, ``published``) or a list."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        yield InputError("E024", f"{path}: not a readable JSON file ({err})")
        return
    records = data if isinstance(data, list) else [data]
    lines = [json.dumps(r) for r in records if isinstance(r, dict) and isinstance(r.get("text"), str)]
    if not lines:
        yield InputError("E074", f"{path}: no article (a JSON object with a 'text' string) in the file")
        return
    from comity.io.read import from_jsonl

    yield from from_jsonl(lines, str(path), published)


def folder_files(folder: Path) -> list[Path]:
    """The readable files under ``folder``, recursively, in a stable order; hidden files skipped."""
    found = []
    for path in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts) or not path.is_file():
            continue
        name = path.name.lower()
        if name.endswith(WARC_SUFFIXES) or path.suffix.lower() in FOLDER_SUFFIXES:
            found.append(path)
    return found


def _located(items: Iterable[Item], path: Path) -> Iterator[Item]:
    """Sources of file articles made absolute, so a rerun from elsewhere names them the same."""
    where = str(path.resolve())
    for item in items:
        if isinstance(item, Article) and item.source and item.source.startswith(str(path)):
            item = replace(item, source=where + item.source[len(str(path)):])
        yield item


def _read_file(path: Path, published: date | None, client, fetcher: Fetcher) -> Iterator[Item]:
    name, suffix = path.name.lower(), path.suffix.lower()
    if not path.is_file():
        yield InputError("E020", f"{path}: no such file, folder or URL")
    elif name.endswith(WARC_SUFFIXES):
        yield from read_warc(path, published)
    elif suffix in FEED_SUFFIXES:
        yield from _read_feed_file(path, published, client, fetcher)
    elif suffix == ".json":
        yield from _located(_read_json(path, published), path)
    else:
        yield from _located(read_path(path, published), path)


class Sources:
    """Reads sources in order; holds one HTTP client for all of them. Use as a context manager."""

    def __init__(self, fetcher: Fetcher | None = None) -> None:
        self.fetcher = fetcher or Fetcher()
        self._client = None

    @property
    def client(self):
        if self._client is None:
            self._client = self.fetcher.client()
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def __enter__(self) -> Sources:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read(self, sources: Iterable[str], published: date | str | None = None,
             feeds: Iterable[str] = ()) -> Iterator[Item]:
        """Articles from paths, folders, URLs (pages or feeds), WARC files; ``feeds`` are read as feeds."""
        when = as_date(published)
        for source in sources:
            yield from self.read_one(source, when)
        for feed in feeds:
            if is_url(feed):
                yield from _read_url(feed, when, self.client, self.fetcher, feed=True)
            else:
                yield from _read_feed_file(Path(feed), when, self.client, self.fetcher)

    def read_one(self, source: str, published: date | None) -> Iterator[Item]:
        if is_url(source):
            yield from _read_url(source, published, self.client, self.fetcher)
        elif source == STDIN:
            yield from read_inputs([STDIN], published)
        elif Path(source).is_dir():
            files = folder_files(Path(source))
            if not files:
                yield InputError("E020", f"{source}: no readable files in the folder")
            for path in files:
                yield from _read_file(path, published, self.client, self.fetcher)
        else:
            yield from _read_file(Path(source), published, self.client, self.fetcher)


def read_list(path: Path) -> list[str]:
    """Sources (paths or URLs) listed one a line in ``path``; blank lines and ``#`` comments skipped."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError("E020", f"{path}: cannot read the list of sources ({err})") from err
    return [s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#")]
