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


_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"))
_MAGIC = ((b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
          (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (or an office document)"),
          (b"\x1f\x8b", "a gzip archive"), (b"\x7fELF", "a program"), (b"RIFF", "a media file"))
BINARY_SHARE = 0.1  # more control bytes than this share of the first 8 KiB: binary, not text


def kind_of(data: bytes) -> str | None:
    """What binary ``data`` is ("a PDF document", "binary data"), or None when it may be text."""
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return "binary data" if head and controls > BINARY_SHARE * len(head) else None


def decode(data: bytes, source: str) -> str:
    """Bytes as text: UTF-8, or UTF-16/32 with a byte-order mark; a clear error for empty, binary and
    other input. Stray control characters (a NUL) are kept here and blanked by the coder."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError("E023", f"{source}: not valid {encoding.upper()} text after its byte-order "
                                 f"mark (byte {err.start})") from err
            if not text.strip("\ufeff \t\r\n"):
                raise InputError("E021", f"{source}: empty input")
            return text.lstrip("\ufeff")
    if not data.strip():
        raise InputError("E021", f"{source}: empty input")
    if kind := kind_of(data):
        raise InputError("E022", f"{source}: {kind}, not text")
    try:
        return data.decode("utf-8")
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


def from_jsonl(lines: Iterable[str], source: str, published: date | None, first: int = 1) -> Iterator[Item]:
    """One article per JSON line: ``id``, ``text``, optional ``title``, ``url``, ``published``."""
    for number, line in enumerate(lines, start=first):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield _jsonl_article(line, where, published)
        except InputError as err:
            yield err


def jsonl_bytes(data: bytes, source: str, published: date | None) -> Iterator[Item]:
    """Like :func:`from_jsonl` over raw bytes, each line decoded on its own: a line that is not UTF-8
    is reported (E023) and the others are read."""
    yield from jsonl_lines(data[:8192], data.split(b"\n"), source, published)


def jsonl_lines(head: bytes, lines: Iterable[bytes], source: str, published: date | None) -> Iterator[Item]:
    """:func:`jsonl_bytes` over the raw lines of a file as they are read (``head``: its first 8 KiB), so
    that a file of many articles is never held whole: each article is read when the coder needs it."""
    if kind := kind_of(head):
        yield InputError("E022", f"{source}: {kind}, not text")
        return
    blank = True
    for number, raw in enumerate(lines, start=1):
        raw = raw.removesuffix(b"\n")
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        blank = False
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield InputError("E023", f"{source}:{number}: not UTF-8 text (byte {err.start} of the line); "
                             "the line is skipped")
            continue
        yield from from_jsonl([line], source, published, first=number)
    if blank:
        yield InputError("E021", f"{source}: empty input")


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
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as lines:
                head = lines.read(8192)
                if not head.startswith((b"\xfe\xff", b"\xff\xfe", b"\x00\x00")):
                    lines.seek(0)
                    yield from jsonl_lines(head, lines, source, published)
                    return
        data = path.read_bytes()
        text = decode(data, source)
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
