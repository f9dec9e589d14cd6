"""Which time expression dates an event: the one that governs its trigger.

``governing_time(parsed, trigger, times)`` looks for a resolved time
expression in the trigger's own clause first (nearest by tokens), then
anywhere in its sentence, then in its paragraph (the nearest one before the
trigger, else the nearest after). It returns None when the paragraph holds
none: the events stage then falls back to the publication date itself.
A dateline's date is the day of the report, not of an event in the text, and
never governs a trigger (its characters are blanked out of the parse).
An act the grammar tells as past ("since invading Ukraine in late February",
"after meeting Xi on Monday, he flew home") is never dated after publication:
a time with no year and no forward word ("next", "this", "coming") that the
times stage read forward is the same day or month a year earlier.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from comity.records import TimeRef
from comity.text.document import Parsed
from comity.text.syntax import clause_head
from comity.times.grammar import tense

# the lexicon's 'actual_preps' and 'sequence_preps' (data/events.json) that tell an act as past
SINCE_PREPS = frozenset({"since"})  # the act it frames began before now
SEQUENCE_PREPS = frozenset({"after", "following"})  # the act it frames came before the clause's act
PHRASE_DEPS = frozenset({"pobj", "pcomp", "prep", "conj", "compound", "appos"})
FORWARD = re.compile(r"\b(?:next|coming|upcoming|this|[12]\d{3})\b", re.IGNORECASE)
PART = re.compile(r"^(\d{4})(-\d{2}(?:-\d{2})?)$")


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


def _framing_prep(anchor: Token) -> Token | None:
    """The preposition whose phrase holds the act: "since" in "since invading Ukraine"."""
    cur = anchor
    for _ in range(4):
        if cur.dep_ not in PHRASE_DEPS or cur.head == cur:
            return None
        if cur.dep_ in ("pobj", "pcomp") and cur.head.dep_ == "prep":
            return cur.head
        cur = cur.head
    return None


def past_frame(anchor: Token) -> Token | None:
    """The phrase that tells the act as past: "since invading Ukraine", or "after meeting Xi" in a past
    clause ("After meeting Xi, Putin flew home"); None when there is none."""
    prep = _framing_prep(anchor)
    if prep is None:
        return None
    word = prep.lower_
    return prep if word in SINCE_PREPS or (word in SEQUENCE_PREPS and tense(prep.head) == "past") else None


def _year_earlier(value: str) -> str | None:
    """ "2023-02" -> "2022-02"; None for a value with no month (a week, a year)."""
    parts = []
    for part in value.split("/"):
        match = PART.match(part)
        if match is None:
            return None
        shifted = f"{int(match.group(1)) - 1:04d}{match.group(2)}"
        if shifted.endswith("-02-29"):
            shifted = shifted[:-2] + "28"
        parts.append(shifted)
    return "/".join(parts)


def looking_back(ref: TimeRef, anchor: Token, published: date | None) -> TimeRef:
    """``ref``, in the phrase that tells the act as past, read a year earlier when it was resolved after
    publication."""
    if published is None or not ref.value or FORWARD.search(ref.text):
        return ref
    if ref.value.split("/")[0][:10] <= published.isoformat():
        return ref
    frame = past_frame(anchor)
    if frame is None or not _inside(ref, frame):
        return ref
    earlier = _year_earlier(ref.value)
    return replace(ref, value=earlier) if earlier else ref


def _inside(ref: TimeRef, phrase: Token) -> bool:
    """The time expression starts inside the phrase ``phrase`` heads."""
    return phrase.left_edge.idx <= ref.span[0] < phrase.right_edge.idx + len(phrase.right_edge)


def governing_time(parsed: Parsed, token_or_span: Token | Span, times: list[TimeRef]) -> TimeRef | None:
    """The resolved time expression governing ``token_or_span``: same clause, sentence, then paragraph."""
    found = _governing(parsed, _anchor(token_or_span), times)
    if found is None:
        return None
    return looking_back(found, _anchor(token_or_span), parsed.article.published)


def _governing(parsed: Parsed, anchor: Token, times: list[TimeRef]) -> TimeRef | None:
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
