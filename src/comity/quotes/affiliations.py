"""The organisation a title names, read from the words after it.

Helpers for :mod:`comity.quotes.profiles`:

- a capitalised name may run on in lower case up to an organisation word: "the
  Kyiv city military administration", "the Foreign Relations committee", "the
  Obama administration";
- a unit named before the institution that holds it belongs to the title, the
  institution is the affiliation: "fellow with the China Power Project at the
  Center for Strategic and International Studies";
- an institution's seat may follow it in apposition: "The Sejong Institute, a
  Seoul-based think tank".
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.tokens import Token

TAIL_WORDS = 3  # most lower-case words a name runs on with before its organisation word
MEMBER_BODIES = frozenset({"committee", "subcommittee", "council", "board", "panel", "commission", "caucus"})
ARTICLES = ("the", "a", "an")


def lower_tail(rest: list[Token], org_words: Collection[str]) -> list[Token]:
    """The lower-case words that end a name at an organisation word ("city military administration"
    after "Kyiv"), or nothing."""
    end = 0
    for n, tok in enumerate(rest[:TAIL_WORDS]):
        if not tok.is_alpha or not tok.text.islower() or tok.pos_ not in ("NOUN", "ADJ", "PROPN"):
            break
        if tok.lower_ in org_words or tok.lemma_.lower() in org_words:
            end = n + 1
    return rest[:end]


def seat_word(rest: list[Token]) -> tuple[str | None, list[Token]]:
    """"Seoul-based X" (one token or three): the place and the words after it."""
    if len(rest) >= 3 and rest[1].text == "-" and rest[2].lower_ == "based":
        return rest[0].text, rest[3:]
    if rest and rest[0].lower_.endswith("-based"):
        return rest[0].text[: -len("-based")], rest[1:]
    return None, rest


def apposed_seat(last: Token) -> str | None:
    """"The Sejong Institute, a Seoul-based think tank": the seat an apposition after an
    organisation's name gives."""
    doc = last.doc
    start = last.i + 1
    if start >= len(doc) or doc[start].text != ",":
        return None
    words = list(doc[start + 1:min(start + 6, last.sent.end)])
    while words and words[0].lower_ in ARTICLES:
        words = words[1:]
    return seat_word(words)[0]


def held(rest: list[Token], read: Callable[[list[Token]], list[Token]]) -> bool:
    """"China Power Project" + "at the Center for ...": is a unit held by the institution ``read``
    finds named after "at" (the affiliation is the institution; the unit belongs to the title)?"""
    return len(rest) >= 2 and rest[0].lower_ == "at" and bool(read(rest[1:]))


def member_body(org: list[Token]) -> bool:
    """"member on the Foreign Relations committee": a body one sits on, the only kind "on" affiliates."""
    return bool(org) and org[-1].lower_ in MEMBER_BODIES
