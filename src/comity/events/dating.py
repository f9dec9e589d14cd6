"""Which time expression dates an event: the one that governs its trigger.

``governing_time(parsed, trigger, times)`` looks for a resolved time
expression in the trigger's own clause first (nearest by tokens), then
anywhere in its sentence, then in its paragraph (the nearest one before the
trigger, else the nearest after). It returns None when the paragraph holds
none: the events stage then falls back to the publication date itself.
A dateline's date is the day of the report, not of an event in the text, and
never governs a trigger (its characters are blanked out of the parse).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from comity.records import TimeRef
from comity.text.document import Parsed
from comity.text.syntax import clause_head


def _anchor(token_or_span: Token | Span) -> Token:
    return token_or_span.root if isinstance(token_or_span, Span) else token_or_span


def _root_of(parsed: Parsed, ref: TimeRef) -> Token | None:
    span = parsed.doc.char_span(ref.span[0], ref.span[1], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _distance(anchor: Token, root: Token) -> int:
    return abs(anchor.i - root.i)


def _nearest(anchor: Token, pairs: list[tuple[TimeRef, Token]]) -> TimeRef | None:
    if not pairs:
        return None
    return min(pairs, key=lambda pair: (_distance(anchor, pair[1]), pair[0].span[0]))[0]


def _in_paragraph(parsed: Parsed, anchor: Token, pairs: list[tuple[TimeRef, Token]]) -> TimeRef | None:
    paragraph = parsed.paragraph_of(anchor.idx)
    same = [(ref, root) for ref, root in pairs if parsed.paragraph_of(ref.span[0]) == paragraph]
    before = [(ref, root) for ref, root in same if root.i < anchor.i]
    return _nearest(anchor, before) or _nearest(anchor, same)


def governing_time(parsed: Parsed, token_or_span: Token | Span, times: list[TimeRef]) -> TimeRef | None:
    """The resolved time expression governing ``token_or_span``: same clause, sentence, then paragraph."""
    anchor = _anchor(token_or_span)
    pairs = [(ref, root) for ref in times
             if ref.resolved and parsed.in_body(ref.span) and (root := _root_of(parsed, ref)) is not None]
    if not pairs:
        return None
    sentence = anchor.sent
    in_sentence = [(ref, root) for ref, root in pairs if sentence.start <= root.i < sentence.end]
    head = clause_head(anchor)
    in_clause = [(ref, root) for ref, root in in_sentence if clause_head(root) == head]
    nearest = _nearest(anchor, in_clause) or _nearest(anchor, in_sentence)
    return nearest or _in_paragraph(parsed, anchor, pairs)
