"""Reading articles from where they are: text and HTML files, stdin, JSONL.

Every reader yields :class:`~comity.records.Article` objects, or an
:class:`~comity.errors.InputError` in place of an input that cannot be read,
so that one bad input never stops a batch. Publication dates: a JSONL line's
own ``published`` wins; otherwise the date given by the caller
(``--published``); otherwise, for HTML, the page's metadata; otherwise none.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from comity.errors import ComityError, InputError
from comity.records import Article
from comity.text.normalize import as_date

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
STDIN = "-"

Item = Article | InputError


def safe_name(name: str) -> str:
    """``name`` made safe as a file name (letters, digits, ``._-``; at most 120 characters)."""
    cleaned = re.sub(r"[^\w.\-]+", "_", name.strip()).strip("._")
    return cleaned[:120] or "article"


def decode(data: bytes, source: str) -> str:
    """Bytes as UTF-8 text, or a clear error for empty, binary and non-UTF-8 input."""
    if not data.strip():
        raise InputError("E021", f"{source}: empty input")
    if b"\x00" in data[:8192]:
        raise InputError("E022", f"{source}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError("E023", f"{source}: not UTF-8 text (byte {err.start}); convert it to UTF-8") from err


def from_text(text: str, ident: str, published: date | None, source: str) -> Article:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("E021", f"{source}: empty input")
    return Article(id=safe_name(ident), text=text, published=published, source=source)


def from_html(html: str, ident: str, published: date | None, source: str) -> Article:
    import trafilatura  # heavy: loaded only for HTML

    doc = trafilatura.bare_extraction(html, with_metadata=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError("E026", f"{source}: no article text found in the HTML")
    title = getattr(doc, "title", None)
    when = published
    if when is None and getattr(doc, "date", None):
        try:
            when = as_date(str(doc.date))
        except ComityError:
            when = None
    return Article(id=safe_name(ident), text=text, title=title, url=getattr(doc, "url", None),
                   published=when, source=source)


def from_jsonl(lines: Iterable[str], source: str, published: date | None) -> Iterator[Item]:
    """One article per JSON line: ``id``, ``text``, optional ``title``, ``url``, ``published``."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield _jsonl_article(line, where, published)
        except InputError as err:
            yield err


def _jsonl_article(line: str, where: str, published: date | None) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError("E024", f"{where}: not JSON ({err.msg})") from err
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError("E024", f"{where}: a JSON object with a 'text' string is required")
    ident = str(record.get("id") or where)
    try:
        when = as_date(record.get("published")) or published
    except InputError as err:
        raise InputError("E025", f"{where}: {err.message}") from err
    article = from_text(record["text"], ident, when, where)
    return Article(id=article.id, text=article.text, title=record.get("title"), url=record.get("url"),
                   published=when, source=where)


def read_path(path: Path, published: date | None) -> Iterator[Item]:
    """The articles in one file (one, or one per line for JSONL)."""
    source = str(path)
    try:
        if not path.exists():
            raise InputError("E020", f"{source}: no such file")
        if path.is_dir():
            raise InputError("E020", f"{source}: is a folder, not a file")
        text = decode(path.read_bytes(), source)
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            yield from from_jsonl(text.splitlines(), source, published)
        elif suffix in HTML_SUFFIXES:
            yield from_html(text, path.stem, published, source)
        else:
            yield from_text(text, path.stem, published, source)
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError("E020", f"{source}: cannot read ({err.strerror})")


def read_inputs(inputs: Iterable[str], published: date | None = None) -> Iterator[Item]:
    """Articles from paths (``-`` for stdin), in order, with errors in place of bad inputs."""
    for name in inputs:
        if name == STDIN:
            try:
                yield from_text(decode(sys.stdin.buffer.read(), "stdin"), "stdin", published, "stdin")
            except InputError as err:
                yield err
        else:
            yield from read_path(Path(name), published)
