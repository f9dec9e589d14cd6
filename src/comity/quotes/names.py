"""Names of people and organisations as written: cleaning, extending and recognising them.

Helpers for :mod:`comity.quotes.speakers`: strip titles and possessives from a name
("Sen. Jo Roe's" -> "Jo Roe"), keep a name on its own line, find the entity a
token belongs to, pick the fullest form of a surname, and tell a capitalised
name from an ordinary word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from comity.quotes.cues import SUBJECTS, CueLexicon
from comity.records import Mention
from comity.text.normalize import strip_possessive

TITLE_WORDS = {
    "president", "minister", "secretary", "gen", "general", "sen", "senator", "rep", "gov", "governor", "lt",
    "col", "adm", "dr", "mr", "mrs", "ms", "prof", "king", "queen", "prince", "pope", "chancellor", "premier",
    "mayor", "judge", "justice", "ambassador", "envoy", "chief", "director", "sheikh", "crown"}
NAME_EDGE = " \t\n,.;:'’\"“”()[]-—–"


_TITLES: dict[int, tuple[CueLexicon, frozenset[str]]] = {}


def _titles(lex: CueLexicon) -> frozenset[str]:
    """The words a name may begin with that are no part of it, worked out once per lexicon."""
    kept = _TITLES.get(id(lex))
    if kept is None or kept[0] is not lex:
        words = frozenset(TITLE_WORDS | set(lex.honorifics) | {word.rstrip(".") for word, _ in lex.roles})
        kept = _TITLES[id(lex)] = (lex, words)
    return kept[1]


def clean_name(text: str, lex: CueLexicon) -> str:
    """A name without titles before it, a possessive or a generational suffix after it."""
    words = text.strip(NAME_EDGE).split()
    titles = _titles(lex)
    while len(words) > 1 and (words[0].lower() in titles or words[0].lower().rstrip(".") in titles):
        words = words[1:]
    while len(words) > 2 and words[-1].rstrip(".,").lower() in ("jr", "sr"):
        words = words[:-1]
    return strip_possessive(" ".join(words)).strip(NAME_EDGE)


def is_subject(span: SpacySpan) -> bool:
    return subject_rank(span) > 0


def subject_rank(span: SpacySpan) -> int:
    """2 for the subject of a sentence's main clause ("Jo Roe said that ..."), 1 for the subject of
    a clause inside it ("... that Ana Silva would resign"), 0 for a name in no subject position."""
    root = span.root
    if root.dep_ in ("appos", "compound") and root.head.dep_ in SUBJECTS:
        root = root.head
    if root.dep_ not in SUBJECTS:
        return 0
    verb = root.head
    main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    return 2 if main else 1


def named_person(mention: Mention) -> bool:
    return mention.entity.kind == "person" and mention.how not in ("title", "pronoun", "coref", "office")


def name_part(span: SpacySpan | None, name: str) -> SpacySpan | None:
    """The words of a mention that belong to the person's name ("President Jo Roe" -> "Jo Roe")."""
    if span is None:
        return None
    words = {w for w in re.split(r"[\s-]+", name.lower()) if w}  # "Jean-Marc" is two tokens and a hyphen
    doc, start = span.doc, span.start
    while start < span.end - 1 and doc[start].lower_ not in words:
        start += 1
    while start > span.sent.start and _given_name(doc[start - 1], words):
        start -= 1  # "Ana Silva" is not the dictionary's "Lula da Silva"
    return doc[start:span.end]


def modifies(tok: Token, head: Token) -> bool:
    return tok.text[:1].isupper() and tok.dep_ in ("compound", "amod", "nmod") and tok.head.i <= head.i


def capitalised_tail(head: Token) -> list[Token]:
    """"Bureau" + "of Prisons": a preposition and capitalised words continuing a name."""
    doc, out, i = head.doc, [], head.i + 1
    while i + 1 < min(len(doc), head.sent.end) and doc[i].lower_ in ("of", "for", "on") \
            and doc[i + 1].text[:1].isupper() and doc[i].head.i == head.i:
        j = i + 1
        while j < head.sent.end and (doc[j].text[:1].isupper() or doc[j].lower_ in ("and", "&")) \
                and doc[j].ent_type_ not in ("DATE", "TIME"):
            j += 1
        while j > i + 1 and doc[j - 1].lower_ in ("and", "&"):
            j -= 1
        out.extend(doc[i:j])
        i = j
    return out


def fullest(names: Iterable[str]) -> dict[str, str]:
    """The longest name of several words for each last word."""
    full: dict[str, str] = {}
    for name in names:
        words = name.split()
        if len(words) > 1 and len(words) > len(full.get(words[-1].lower(), "").split()):
            full[words[-1].lower()] = name
    return full


class FullestNames:
    """:func:`fullest` of a list of persons ``(char, name, subject)`` kept in order, as persons are added
    anywhere in it: for each last word, the first name (in the list's order) of the most words, the
    last words in the order their first name of several words comes; each addition costs the same
    however long the list (an article with thousands of quotes stays linear)."""

    def __init__(self) -> None:
        self.first: dict[str, tuple] = {}  # last word -> the first person with a name of several words
        self.best: dict[str, tuple] = {}  # last word -> (minus its words, person, name) of the fullest
        self._full: dict[str, str] | None = None

    def add(self, person: tuple) -> None:
        name = person[1]
        words = name.split()
        if len(words) < 2:
            return
        key = words[-1].lower()
        if key not in self.first or person < self.first[key]:
            self.first[key] = person
            self._full = None
        if key not in self.best or (-len(words), person) < self.best[key][:2]:
            self.best[key] = (-len(words), person, name)
            self._full = None

    def full(self) -> dict[str, str]:
        """What :func:`fullest` gives over the persons' names, in the list's order."""
        if self._full is None:
            self._full = {key: self.best[key][2] for key in sorted(self.first, key=self.first.__getitem__)}
        return self._full


def entity_of(tok: Token) -> SpacySpan | None:
    """The named entity a token belongs to, found from its IOB tags (no scan of the doc)."""
    if not tok.ent_type_:
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return SpacySpan(doc, start, end, label=tok.ent_type_)


def name_like(tok: Token) -> bool:
    """A proper name by its tag, or by its capital letter away from the start of a sentence."""
    if tok.pos_ == "PROPN" or (tok.is_upper and len(tok) > 1):
        return True
    return tok.is_title and tok.i > tok.sent.start and tok.pos_ in ("NOUN", "VERB", "ADJ")


def _given_name(tok: Token, words: set[str]) -> bool:
    return tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper() and tok.lower_ not in words \
        and tok.ent_type_ in ("", "PERSON") and tok.lower_ not in TITLE_WORDS


def titled_name(ent: SpacySpan, roles: set[str], org_words: set[str]) -> bool:
    """"Serbia's Foreign Minister, Ana Kostic Lenz, said" or "Ana Kostic Lenz, the foreign
    minister, said": capitalised words of a name (which the parser may take for an
    organisation) set off by a comma in apposition to a title."""
    if len(ent) < 2 or any(not (t.is_title and t.is_alpha) or t.lower_ in org_words or t.lower_ in TITLE_WORDS
                           for t in ent):
        return False
    root, doc = ent.root, ent.doc
    if root.dep_ == "appos" and ent.start > 0 and doc[ent.start - 1].text == ",":
        return root.head.lower_ in roles
    after = ent.end < len(doc) and doc[ent.end].text == ","
    return after and any(c.dep_ == "appos" and c.lower_ in roles and c.i > ent.end for c in root.children)


def line_of(span: SpacySpan) -> SpacySpan:
    """A name never runs across a line break: keep the line holding the name's last word."""
    doc, start, end = span.doc, span.start, span.end
    if start > 1 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].is_title:
        start -= 2  # "Jean-Marc Ayrault"
    for tok in span:
        if tok.text in (":", ";") and tok.i > start:
            end = tok.i
            break
        if "\n" in tok.text_with_ws and tok.i < span.end - 1:
            start = tok.i + 1
    return doc[start:max(end, start + 1)]
