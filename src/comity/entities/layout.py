"""Where an article's sentences, lines and quotation marks are, read once per article.

A quotation is found by counting double quotation marks within a line
(paragraph). A line that opens without a mark but closes a quotation left open
at the end of the line before it continues that quotation, when it holds a
mark ("..., said, "I think
we learned a lot. / It was an emotional day. This is the fifth time I've been
at a World Cup."): the quotation runs from the start of the line. A line that
begins with a mark opens a new one (the usual way of carrying a quotation on).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

QUOTE_MARKS = "\"“”"


@dataclass(frozen=True)
class Layout:
    """An article's sentences, line breaks and quotation marks, and the lines that start inside a
    quotation carried on from the line before."""

    sents: list[Span]
    sentence_of: dict[int, int]
    breaks: list[int]  # offsets of newlines
    marks: list[int]  # offsets of double quotation marks
    length: int  # of the text (spaCy builds Doc.text anew at every read)
    text: str
    carried: frozenset[int]  # lines (0: before the first newline) that start inside a quotation

    @classmethod
    def of(cls, doc: Doc, text: str, sentence_of: dict[int, int]) -> Layout:
        breaks = [i for i, c in enumerate(text) if c == "\n"]
        marks = [i for i, c in enumerate(text) if c in QUOTE_MARKS]
        return cls(list(doc.sents), sentence_of, breaks, marks, len(text), text,
                   _carried_lines(text, breaks, marks))

    def line_of(self, at: int) -> tuple[int, int, int]:
        """The number, start and end offsets of the line holding character ``at``."""
        line = bisect_left(self.breaks, at)
        start = self.breaks[line - 1] + 1 if line > 0 else 0
        end = self.breaks[line] if line < len(self.breaks) else self.length
        return line, start, end


def _carried_lines(text: str, breaks: list[int], marks: list[int]) -> frozenset[int]:
    """Lines that start inside a quotation: the last line with text left a quotation open, and this one
    holds a mark (the closing one) but does not begin with one."""
    carried: set[int] = set()
    open_before = False
    starts = [0] + [b + 1 for b in breaks]
    ends = [*breaks, len(text)]
    for number, (start, end) in enumerate(zip(starts, ends, strict=True)):
        body = text[start:end].strip()
        if not body:
            continue
        count = bisect_left(marks, end) - bisect_left(marks, start)
        inside = open_before and count > 0 and body[0] not in QUOTE_MARKS
        if inside:
            carried.add(number)
        open_before = (count + inside) % 2 == 1
    return frozenset(carried)


def quote_bounds(token: Token, layout: Layout) -> tuple[int, int] | None:
    """The characters of the quotation holding ``token`` in its line, if any: from its opening mark (or
    the line's start, for a carried quotation) to its closing mark (or the line's end)."""
    at = token.idx
    line, start, end = layout.line_of(at)
    first, here, last = (bisect_left(layout.marks, x) for x in (start, at, end))
    carried = line in layout.carried
    if (here - first + carried) % 2 == 0:
        return None
    opening = layout.marks[here - 1] if here > first else start
    return opening, layout.marks[here] if here < last else end
