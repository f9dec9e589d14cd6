"""Quotation marks: where quoted stretches begin and end in a paragraph.

News text mixes straight and curly double quotes, guillemets, low-9 marks and
single quotes, closes nested quotes with the same marks as the outer ones,
sometimes opens a quote with a closing mark, and leaves a quote open at the end
of a paragraph when the next paragraph continues it. :func:`quoted_spans`
reads one paragraph and returns the stretches inside quotation marks as
character spans in the article text; it never raises.
"""

from __future__ import annotations

from dataclasses import dataclass

from comity.records import Span

OPENERS = "“«„"
CLOSERS = "”»"
STRAIGHT = '"'
SINGLE_OPEN = "‘'"
SINGLE_CLOSE = "’'"
SPACED_OFF = (", ", ". ", "? ", "! ")  # punctuation a closing mark may follow after a stray space
EDGE_STRIP = " \t\r\n,;:—–-―…"


@dataclass(frozen=True)
class QuoteMarks:
    """One quoted stretch: ``inner`` is the text between the marks (trimmed),
    ``outer`` includes the marks; ``closed`` is False when the paragraph ends
    before the quote does."""

    inner: Span
    outer: Span
    closed: bool


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _opens(text: str, i: int) -> bool:
    """A mark at ``i`` that stands where a quote can begin (start, after space or bracket)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-―:") and not after.isspace()


def _closes(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not _is_word(after)


def _ends_word(text: str, i: int) -> bool:
    """A mark right after a word or its punctuation: 'war,"' (or, spaced off it, 'war, "')."""
    return _closes(text, i) and i > 0 and (not text[i - 1].isspace() or text[i - 2:i] in SPACED_OFF)


def _double_marks(text: str) -> list[tuple[int, int, bool]]:
    """Pairs (open index, close index or -1, closed) of double quotation marks."""
    pairs: list[tuple[int, int, bool]] = []
    depth, open_at = 0, -1
    for i, ch in enumerate(text):
        if ch in OPENERS or (ch in CLOSERS and depth == 0 and _opens(text, i)):
            if depth == 0:
                open_at = i
            depth += 1
        elif ch in CLOSERS:
            if depth == 1:
                pairs.append((open_at, i, True))
            depth = max(depth - 1, 0)
        elif ch == STRAIGHT:
            if depth == 0:
                open_at, depth = i, 1
            elif depth == 1 and (text[open_at] == STRAIGHT or _ends_word(text, i)):
                pairs.append((open_at, i, True))  # also closes a curly opening: “...,"
                depth = 0
    if depth > 0:
        pairs.append((open_at, -1, False))
    return pairs


def _doubled(chunk: str) -> str:
    """Typewriter doubles ('' and ``) as one straight double quote beside the quoted text,
    keeping every offset."""
    if "''" not in chunk and "``" not in chunk:
        return chunk
    out = list(chunk)
    i = 0
    while i < len(out) - 1:
        pair = out[i] + out[i + 1]
        if pair in ("''", "``"):
            after = out[i + 2] if i + 2 < len(out) else " "
            if pair == "``" or (not after.isspace() and after not in ".,;:!?)"):
                out[i], out[i + 1] = " ", STRAIGHT
            else:
                out[i], out[i + 1] = STRAIGHT, " "
            i += 2
        else:
            i += 1
    return "".join(out)


def _single_marks(text: str) -> list[tuple[int, int, bool]]:
    """Pairs of single quotation marks used as the main quotes (never apostrophes)."""
    pairs: list[tuple[int, int, bool]] = []
    open_at = -1
    for i, ch in enumerate(text):
        if open_at < 0 and ch in SINGLE_OPEN and _opens(text, i):
            open_at = i
        elif open_at >= 0 and ch in SINGLE_CLOSE and _closes(text, i) and not text[i - 1].isspace():
            pairs.append((open_at, i, True))
            open_at = -1
    return pairs


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in EDGE_STRIP:
        start += 1
    while end > start and text[end - 1] in EDGE_STRIP:
        end -= 1
    return start, end


def quoted_spans(text: str, para: Span) -> list[QuoteMarks]:
    """Quoted stretches of the paragraph ``para`` of ``text``, in order."""
    start, end = max(para[0], 0), min(para[1], len(text))
    if start >= end:
        return []
    chunk = _doubled(text[start:end])
    if any(c in chunk for c in OPENERS + CLOSERS + STRAIGHT):
        pairs = _double_marks(chunk)
    else:
        pairs = _single_marks(chunk)
    out: list[QuoteMarks] = []
    for open_at, close_at, closed in pairs:
        stop = close_at if closed else len(chunk)
        inner = _trim(chunk, open_at + 1, stop)
        if inner[0] < inner[1]:
            outer = (open_at, close_at + 1 if closed else len(chunk))
            out.append(QuoteMarks((inner[0] + start, inner[1] + start),
                                  (outer[0] + start, outer[1] + start), closed))
    return out
