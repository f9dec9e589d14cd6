"""What every stage receives: the article, its spaCy Doc and its layout.

A :class:`Parsed` bundles one article with its parse and the parts of the
article that are not running text (headline, dateline, separators, headings,
credit lines). The Doc is the parse of the article with those parts blanked
out (same length, same offsets: :func:`comity.text.structure.mask`), so no stage
can read a quote or an event from a headline or a credit line; evidence is
always sliced from ``parsed.text``, the article as written.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate

from spacy.tokens import Doc, Span

from comity.records import Article, Part
from comity.records import Span as CharSpan


@dataclass
class Parsed:
    article: Article
    doc: Doc
    parts: tuple[Part, ...] = ()
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    @cached_property
    def paragraph_starts(self) -> list[int]:
        """Character offsets where paragraphs (lines of text) begin."""
        starts = [0]
        text = self.article.text
        pos = text.find("\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        return starts

    def paragraph_of(self, char: int) -> int:
        """Index of the paragraph holding character ``char`` (0-based)."""
        lo, hi = 0, len(self.paragraph_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.paragraph_starts[mid] <= char:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def paragraph_span(self, index: int) -> CharSpan:
        starts = self.paragraph_starts
        end = starts[index + 1] - 1 if index + 1 < len(starts) else len(self.article.text)
        return starts[index], end

    @cached_property
    def masked_text(self) -> str:
        """The text the Doc was parsed from: the article with its non-body parts blanked."""
        return self.doc.text

    @cached_property
    def _part_reach(self) -> tuple[list[int], list[int]]:
        """The non-body parts' starts, in order, and the furthest end of the parts up to each."""
        spans = sorted(p.span for p in self.parts)
        return [s for s, _ in spans], list(accumulate((e for _, e in spans), max))

    @cached_property
    def _part_ends(self) -> list[int]:
        """The non-body parts' ends, in order (their starts, in order, are ``_part_reach``'s)."""
        return sorted(p.span[1] for p in self.parts)

    def body_stretch(self, anchor: int) -> CharSpan:
        """The stretch between the non-body parts on either side of character ``anchor``: from the
        latest end at or before it to the first start after it (by bisection)."""
        starts, ends = self._part_reach[0], self._part_ends
        before = bisect_right(ends, anchor)
        after = bisect_right(starts, anchor)
        return (ends[before - 1] if before else 0,
                starts[after] if after < len(starts) else len(self.article.text))

    def unmasked(self, span: CharSpan) -> CharSpan:
        """``span`` without the white space at either end, masked parts (blanked) included."""
        start, end = span
        text = self.masked_text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def in_body(self, span: CharSpan) -> bool:
        """True when ``span``, white space trimmed, does not overlap a non-body part (found by
        bisection among the parts, so an article's many spans cost no more each in a long article)."""
        start, end = self.unmasked(span)
        if end <= start:
            return False
        starts, reach = self._part_reach
        before = bisect_left(starts, end)  # the parts that begin before the span ends
        return not before or reach[before - 1] <= start

    def body_sents(self) -> Iterator[Span]:
        """The sentences of running text, in order."""
        for sent in self.doc.sents:
            if self.in_body((sent.start_char, sent.end_char)):
                yield sent
