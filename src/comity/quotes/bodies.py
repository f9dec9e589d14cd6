"""Bodies as sources: organisations, governments and agencies that speak, and the names they go by.

Helpers for :mod:`comity.quotes.speakers`, read from the parse:

- an organisation word with a name or a state before it is a body's name
  ("the U.S. military", "the Iraqi government", "Kuwait's defense ministry");
- a description set off by an appositive name ("the U.N.'s nuclear watchdog,
  the International Atomic Energy Agency,") is the body so named;
- a body keeps its fullest name in the article: "the Air Force" after "the
  Ukrainian Air Force", "ISW" after "the Institute for the Study of War (ISW)".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from comity.entities.model import ORGANISATION, EntityModel
from comity.quotes.names import capitalised_tail, name_like
from comity.quotes.traits import ActorLookup
from comity.records import Span

NAMING = ("compound", "amod", "nmod", "poss")
STATE_LABELS = ("GPE", "NORP", "ORG")
MISSIONS = frozenset({"embassy", "consulate", "mission", "delegation"})  # named with where they serve
VOICES = frozenset({"spokesperson", "spokesman", "spokeswoman"})
STAFF_REACH = 8  # most words from a source's head to the "at" of its body
EXTRA_WORDS = 4  # most words a fuller name may add to a short one


def named_body(head: Token, org_words: frozenset[str]) -> bool:
    """Is ``head`` an organisation word named by the words before it ("the U.S. military", "the
    Iraqi government", "Seoul's defense ministry"), rather than a bare description ("the ministry")?"""
    if head.lemma_.lower() not in org_words or head.tag_ in ("NNS", "NNPS"):
        return False
    return any(c.dep_ in NAMING and c.i < head.i and (c.ent_type_ in STATE_LABELS or name_like(c))
               for c in head.children)


def named_phrase(head: Token) -> tuple[str, Span]:
    """The words of a body named by what stands before its organisation word, from the first name
    or state among them, lower-case ones too: "the Crimean health ministry" -> "Crimean health
    ministry"; "the nonpartisan Budget Office" -> "Budget Office"; "its Interior Ministry" ->
    "Interior Ministry"; a mission abroad with its place: "the Ukraine embassy in Britain"."""
    before = [c for c in head.children if c.dep_ in NAMING and c.i < head.i
              and (c.ent_type_ in STATE_LABELS or name_like(c))]  # not "its", not "nonpartisan"
    start = min((c.left_edge.i for c in before), default=head.i)
    doc = head.doc
    while start < head.i and doc[start].dep_ == "det":
        start += 1
    first, last = doc[start], _posted_in(head) or head
    return doc[start:last.i + 1].text, (first.idx, last.idx + len(last))


def _posted_in(head: Token) -> Token | None:
    """"embassy in Britain": the last word of the place a mission abroad is named with."""
    if head.lemma_.lower() not in MISSIONS:
        return None
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "in" and c.i == head.i + 1),
                None)
    place = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return place if place is not None and place.ent_type_ == "GPE" else None


def body_of_staff(head: Token, org_words: frozenset[str]) -> Token | None:
    """"analysts at the Cavell Group", "a survey by researchers at the Hebrew University": unnamed
    people (or their work) of a named body speak for it (its name, or a name holding an organisation
    word, after "at")."""
    for prep in head.subtree:  # "Crisis and risk analysts at X", "a survey by researchers at X"
        if prep.dep_ != "prep" or prep.lower_ != "at" or not head.i < prep.i <= head.i + STAFF_REACH:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and name_like(obj) and (obj.ent_type_ == "ORG" or obj.lemma_.lower() in org_words):
            return obj
    return None


def voice_of(head: Token) -> SpacySpan | None:
    """"the Jerusalem Police spokesperson said": the body whose own spokesperson a definite
    description names (the capitalised words right before the word); it speaks. "A State Department
    spokesman" is one of its staff, an unnamed source."""
    if head.lower_ not in VOICES or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    start = head.i
    while start > head.sent.start and name_like(head.doc[start - 1]) and head.doc[start - 1].tag_ != "POS":
        start -= 1
    return head.doc[start:head.i] if start < head.i else None


def body_appositive(head: Token, org_words: frozenset[str]) -> Token | None:
    """"the U.N.'s nuclear watchdog, the International Atomic Energy Agency,": a name in apposition to
    a common noun that the tagger takes for an organisation or a place, or that holds an organisation
    word or runs on with "of"/"for" ("High Commissioner for Refugees"); never a person's name."""
    if head.pos_ != "NOUN":
        return None
    for child in head.children:
        if child.dep_ != "appos" or child.i <= head.i or not name_like(child):
            continue
        words = list(child.subtree)
        if any(t.ent_type_ == "PERSON" for t in words):
            return None
        if child.ent_type_ in ("ORG", "GPE", "FAC") or any(t.lemma_.lower() in org_words for t in words) \
                or capitalised_tail(child):
            return child
    return None


def described_places(head: Token) -> list[str]:
    """The states or places a description names before its head: "Argentina's official news agency",
    "a South Korean newspaper" -> ["Argentina"], ["South Korean"]."""
    out = []
    for child in head.children:
        if child.i < head.i and child.dep_ in ("poss", "amod", "compound", "nmod") \
                and child.ent_type_ in ("GPE", "NORP") and child.text[:1].isupper():
            words = [t for t in child.subtree if t.ent_type_ in ("GPE", "NORP")]
            out.append(head.doc[words[0].i:words[-1].i + 1].text if words else child.text)
    return out


def fullest_body(name: str, names: Iterable[str]) -> str:
    """The fullest of ``names`` that holds ``name``'s words in order, ending with them or running on
    through a short tail ("Air Force" -> "Ukrainian Air Force"; "Ministry of Defence" -> "UK Ministry
    of Defence"); ``name`` itself when none does."""
    words = name.lower().split()
    best = name
    if not name[:1].isupper():
        return name  # "ministry": a word, not a name to complete
    for other in names:
        low = other.lower().split()
        if len(low) <= len(words) or len(low) - len(words) > EXTRA_WORDS:
            continue
        if any(low[i:i + len(words)] == words for i in range(len(low) - len(words) + 1)) \
                and len(low) > len(best.split()):
            best = other
    return best


def body_names(ents: Iterable[SpacySpan], in_body: Callable[[Span], bool],
               model: EntityModel | None) -> list[tuple[int, str]]:
    """Every organisation named in the body, where it is named: the tagger's and the entity model's."""
    found = [(e.start_char, e.text) for e in ents
             if e.label_ == "ORG" and in_body((e.start_char, e.end_char))]
    if model is not None:
        for ref in model.references:
            referent = model.referents[ref.referent] if ref.referent is not None else None
            if referent is not None and referent.kind == ORGANISATION and ref.how == "name":
                found.append((ref.span[0], referent.name))
    return sorted((at, _without_article(name)) for at, name in found)


def fullest_name(name: str, at: int, bodies: list[tuple[int, str]], model: EntityModel | None) -> str:
    """A body's fullest name in the article: the name an acronym the text defines stands for, or the
    fuller name holding it, the last one before ``at`` (else the first after)."""
    if model is not None:
        for referent in model.referents:
            if referent.kind == ORGANISATION and name in referent.aliases:
                return referent.name
    before = [n for a, n in bodies if a < at]
    after = [n for a, n in bodies if a >= at]
    for group in (before[::-1], after):
        for other in group:
            fuller = fullest_body(name, [other])
            if fuller != name:
                return fuller
    return name


def states_of(head: Token, index: ActorLookup, on: date | None) -> set[str]:
    """The states a description's modifiers name ("the Russian leader", "the US President")."""
    codes = set()
    for tok in head.children:
        if tok.dep_ in ("amod", "compound", "nmod", "poss") and tok.i < head.i and tok.text[:1].isupper():
            found = index.resolve(tok.text, on)
            if found is not None and found.kind == "country" and found.code:
                codes.add(found.code)
    return codes


def _without_article(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def apposed_name(head: Token, index: ActorLookup, on: date | None) -> tuple[SpacySpan, str, str] | None:
    """"the U.N. peacekeeping mission in Congo, MONUSCO, said": a body described by a common noun and
    named by the capitalised words set off by commas at the end of the phrase. Its name, the
    organisation it belongs to (the description, or its owner: "NATO's force") and the place the
    description gives."""
    doc, end = head.doc, head.right_edge.i
    while end > head.i and doc[end].is_punct:
        end -= 1
    if head.pos_ != "NOUN" or head.tag_ == "NNS" or end + 1 >= len(doc) or doc[end + 1].text != ",":
        return None
    start = end
    while start > head.i + 1 and doc[start - 1].text != "," and end - start < 3:
        start -= 1
    words = doc[start:end + 1]
    if doc[start - 1].text != "," or start <= head.i + 1 or not all(name_like(t) for t in words) \
            or any(t.ent_type_ in ("PERSON", "GPE", "LOC", "NORP", "DATE") for t in words):
        return None
    known = index.resolve(words.text, on)
    if known is not None and known.kind in ("country", "person"):
        return None
    owner = next((c for c in head.children if c.dep_ == "poss" and name_like(c)), None)
    first = head.left_edge.i + (doc[head.left_edge.i].dep_ == "det")
    owned = None
    if owner is not None:
        toks = [t for t in owner.subtree
                if t.tag_ != "POS" and not (t.dep_ == "det" and t.i == owner.left_edge.i)]
        owned = doc[toks[0].i:toks[-1].i + 1].text if toks else owner.text
    return words, owned or doc[first:start - 1].text, owned or doc[first].text


def descriptor(head: Token, org_words: frozenset[str]) -> Token | None:
    """"North Korean newspaper Rodong Sinmun", "Kurdish rights group Hengaw": the organisation word set
    before a name as its description (the name is a body's, whatever the tagger took it for)."""
    for child in head.children:
        if child.i < head.i and child.dep_ in ("compound", "nmod", "amod") and child.pos_ == "NOUN" \
                and child.text.islower() and child.lemma_.lower() in org_words:
            return child
    return None


def seat_after(head: Token) -> str | None:
    """"the Sharif University of Technology in Tehran": the place named by "in" right after a body's
    name (on its head or on a capitalised word of its name)."""
    for prep in head.subtree:
        if prep.i <= head.i or prep.lower_ != "in" or prep.dep_ != "prep" \
                or not (prep.head.i == head.i or prep.head.text[:1].isupper()):
            continue
        place = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if place is not None and place.ent_type_ in ("GPE", "LOC") and place.text[:1].isupper():
            words = [t for t in place.subtree if t.ent_type_ in ("GPE", "LOC")]
            return head.doc[words[0].i:words[-1].i + 1].text
        return None
    return None
