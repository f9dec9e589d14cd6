"""A quote as found, before its speaker is resolved, and the spans every form of quote is cut to.

Shared by the finders of :mod:`comity.quotes.extract` (direct quotes, transcript
turns) and :mod:`comity.quotes.indirect` (indirect and mixed speech).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from comity.quotes.cues import SUBJECTS, Cue
from comity.quotes.marks import QuoteMarks
from comity.records import Span as CharSpan
from comity.text.document import Parsed

CONTENT_EDGE = " \t\r\n,;:—–-―“”\"'‘’«»"


@dataclass
class Draft:
    """A quote found but not yet attributed to a named speaker."""

    content: CharSpan
    kind: str
    paragraph: int
    cue: Cue | None = None
    source: Token | None = None



def trim(text: str, span: CharSpan, lead: tuple[str, ...] = ("that ",)) -> CharSpan:
    """A quote's content without the spaces, punctuation and quotation marks at its edges, nor a
    leading word of ``lead`` ("that ", in lower case)."""
    start, end = span
    while start < end and text[start] in CONTENT_EDGE:
        start += 1
    for word in lead:  # "That includes ...": a sentence's demonstrative subject, not a complementizer
        if text[start:start + len(word)] == word:
            start += len(word)
    while end > start and text[end - 1] in CONTENT_EDGE + ".":
        end -= 1
    return start, end


def independent(parsed: Parsed, mark: QuoteMarks) -> bool:
    """Does a quoted stretch hold its own clause (a subject and its verb)?"""
    span = parsed.doc.char_span(*mark.inner, alignment_mode="expand")
    if span is None:
        return False
    roots = [t for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i]
    subjects = (*SUBJECTS, "expl")
    return any(r.pos_ in ("VERB", "AUX") and any(c.dep_ in subjects and span.start <= c.i < span.end
                                                  for c in r.children) for r in roots)
