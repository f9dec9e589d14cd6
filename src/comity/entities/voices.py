"""First and second person: who says "I" and "we", and whom "you" addresses.

Inside a quotation, "I" is its speaker and "we" the speaker's side. The speaker
is read from the attribution around the quotation, never from the quote stage:
the subject of a sentence that introduces it with a colon ("Sunak defended the
record: "The Home Secretary and I ..."), else the subject of a verb of saying
outside it in the sentences it touches ("'We will win,' the coach said"), of a
verb whose object is a noun of saying ("issued a statement"), or the possessor
of such a noun ("Cornyn's statement added"), the main clause's first, else the
same in the sentences before it (a quotation carried on from an earlier line). A subject phrase with
no name at its head gives the name inside it ("Tunisia's coach Nabil Maaloul").

"We" is the speaker when a body or a group, else the body or state a person
speaks for, read from the subject phrase or from the phrase that first named
them ("NASA Administrator Charles Bolden"), else the state of a government or
military speaker, else one group standing for that speaker and those with
them, so that all their "we"s are one. "You" in a quotation is the person it
addresses: a name set off by commas inside it ("Cool clock, Ahmed."), or the
person told ("told X", "said to X").

Outside quotation marks, in an interview laid out as labelled lines ("Q:",
"A:", or a name and a colon), "I" in an answer is the person answering and
"you" in a question the person interviewed; elsewhere "I" is the article's
author, one referent for the whole article. Outside quotations and interviews,
"we" and "you" stay unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pycountry
from spacy.tokens import Doc, Token

from comity.entities.layout import Layout, quote_bounds
from comity.entities.model import DOCUMENT, GROUP, ORGANISATION, PERSON, STATE, EntityModel, Referent
from comity.entities.names import Traits

FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
SECOND = frozenset({"you", "your", "yours", "yourself", "yourselves"})
SPEAKER_REACH = 4  # sentences before a quotation where its speaker may have been named
STATE_VOICES = frozenset({"GOV", "MIL"})  # a person whose "we" is their state: its government and forces
BODY_KINDS = (ORGANISATION, STATE, GROUP)
PHRASE_LIMIT = 16  # tokens of a subject phrase read for a name or a body
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "punct"})
NAME_DEPS = frozenset({"appos", "compound", "flat"})  # a name standing for the head of a subject phrase
BODY_PREPS = frozenset({"of", "for", "from", "at", "with"})  # "a spokesperson for the ministry"
DOCUMENT_VERBS = frozenset({"read"})  # "the letter reads": a verb of saying for a document only
TOLD_DEPS = frozenset({"dobj", "dative", "iobj"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "attr", "dative", "iobj", "conj"})
QUESTION_LABELS = frozenset({"q", "question", "interviewer"})
ANSWER_LABELS = frozenset({"a", "answer"})
LABEL = re.compile(r"[ \t]*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})\s?:\s")
INTERVIEW_VERBS = frozenset({"interview", "speak", "talk"})


@dataclass(frozen=True)
class Voice:
    """Who speaks a quotation: their referent and the subject phrase that names them there."""

    referent: Referent
    phrase: Token


@dataclass
class Voices:
    """First- and second-person pronouns of one article, with what is read once per article."""

    model: EntityModel
    traits: Traits
    layout: Layout
    _sides: dict[int, Referent] = field(default_factory=dict)  # a speaker's "we" when no body is told
    _states: dict[str, Referent] = field(default_factory=dict)  # a government speaker's state, by code
    _author: Referent | None = None
    _first_names: dict[int, int] | None = None  # referent → head token of its first name
    _interviewee: list[Referent | None] = field(default_factory=list)
    _bodies: dict[str, Referent] | None = None  # an organisation's name and its tails of two words or more

    def resolve(self, pronoun: Token) -> Referent | None:
        word = pronoun.lower_
        bounds = quote_bounds(pronoun, self.layout)
        if bounds is not None:
            return self._quoted(pronoun, word, bounds)
        label = self._label(pronoun)
        if label is not None:
            return self._interview(word, label)
        if word in FIRST_SINGULAR:
            return self._the_author()
        return None

    def _quoted(self, pronoun: Token, word: str, bounds: tuple[int, int]) -> Referent | None:
        voice = speaker_of(self.model, pronoun, bounds, self.traits, self.layout)
        if word in SECOND:
            return _addressee(self.model, pronoun.doc, bounds, voice, self.layout)
        if voice is None:
            return None
        if word in FIRST_SINGULAR:
            return voice.referent if voice.referent.kind == PERSON else None
        return self._side(voice)

    def _side(self, voice: Voice) -> Referent | None:
        """A speaker's "we": a body or group itself, else the body or state a person speaks for."""
        speaker = voice.referent
        if speaker.kind != PERSON:
            return speaker if speaker.kind in BODY_KINDS else None
        found = _body_in(self.model, voice.phrase, speaker, self.traits) or self._body_inside(voice.phrase) \
            or self._body_first_named(speaker)
        if found is None and speaker.sector in STATE_VOICES:
            found = self.model.state_of(speaker) or self._state(speaker.code)
        if found is None:
            found = self._sides.get(speaker.id) or self.model.add_referent(GROUP, f"{speaker.name}'s side",
                                                                            plural=True)
            self._sides[speaker.id] = found
        return found

    def _state(self, code: str | None) -> Referent | None:
        """The state of a government speaker the text named only by a demonym ("Paraguayan President
        Mario Abdo Benitez"): a referent for it, one per code."""
        if not code or len(code) != 3:
            return None
        if code not in self._states:
            country = pycountry.countries.get(alpha_3=code)
            name = (getattr(country, "common_name", None) or country.name) if country else code
            self._states[code] = self.model.add_referent(STATE, name, code=code)  # "Taiwan", not its ISO name
        return self._states[code]

    def _body_inside(self, phrase: Token) -> Referent | None:
        """An organisation the text named, named again inside a speaker's title ("the State Department
        spokesperson", after "the US State Department said")."""
        if self._bodies is None:
            self._bodies = {}
            for referent in self.model.referents:
                if referent.kind == ORGANISATION:
                    words = referent.name.lower().split()
                    for first in range(len(words) - 1):
                        self._bodies.setdefault(" ".join(words[first:]), referent)
        run: list[str] = []
        for token in [*_phrase(phrase), None]:
            if token is not None and token.pos_ == "PROPN" and token.dep_ == "compound":
                run.append(token.lower_)
                continue
            for first in range(len(run) - 1):
                found = self._bodies.get(" ".join(run[first:]))
                if found is not None:
                    return found
            run = []
        return None

    def _body_first_named(self, speaker: Referent) -> Referent | None:
        if self._first_names is None:
            self._first_names = {}
            for ref in self.model.references:
                if ref.how == "name" and ref.referent is not None:
                    self._first_names.setdefault(ref.referent, ref.head)
        head = self._first_names.get(speaker.id)
        if head is None:
            return None
        return _body_in(self.model, self.layout.sents[0].doc[head], speaker, self.traits)

    def _the_author(self) -> Referent:
        if self._author is None:
            self._author = self.model.add_referent(PERSON, "the author")
        return self._author

    def _label(self, pronoun: Token) -> tuple[str, Referent | None] | None:
        """The label of an interview line ("Q", "A", a name), and the person it names, if any."""
        _, start, end = self.layout.line_of(pronoun.idx)
        match = LABEL.match(self.layout.text, start, end)
        if match is None or match.end() > pronoun.idx:
            return None
        label = match.group(1)
        token = pronoun.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        named = self.model.referent_at(token.root.i) if token is not None else None
        if label.lower() in QUESTION_LABELS | ANSWER_LABELS:
            return label.lower(), None
        if named is not None and named.kind == PERSON:
            return "a", named
        return ("q", None) if _asks(self.layout.text, start, end) else None

    def _interview(self, word: str, label: tuple[str, Referent | None]) -> Referent | None:
        kind, named = label
        if kind in ANSWER_LABELS:
            person = named or self.interviewee()
            return person if word in FIRST_SINGULAR else None
        return self.interviewee() if kind in QUESTION_LABELS and word in SECOND else None

    def interviewee(self) -> Referent | None:
        """The person interviewed: the one labelling answer lines, else the object of "interviewed" or
        of "spoke with"."""
        if not self._interviewee:
            self._interviewee.append(_interviewee(self.model, self.layout))
        return self._interviewee[0]


def _interviewee(model: EntityModel, layout: Layout) -> Referent | None:
    start = 0
    for end in [*layout.breaks, layout.length]:
        match = LABEL.match(layout.text, start, end)
        if match is not None and match.group(1).lower() not in QUESTION_LABELS | ANSWER_LABELS:
            span = layout.sents[0].doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
            named = model.referent_at(span.root.i) if span is not None else None
            if named is not None and named.kind == PERSON and not _asks(layout.text, start, end):
                return named
        start = end + 1
    for sent in layout.sents:
        for token in sent:
            if token.lemma_.lower() in INTERVIEW_VERBS:
                for child in _objects(token):
                    named = model.referent_at(child.i)
                    if named is not None and named.kind == PERSON:
                        return named
    return None


def _asks(text: str, start: int, end: int) -> bool:
    """Whether the line ``start``..``end`` ends with a question mark."""
    at = end - 1
    while at > start and text[at].isspace():
        at -= 1
    return at >= start and text[at] == "?"


def _objects(verb: Token) -> list[Token]:
    """The object of "interviewed X", "spoke with X", "talked to X"."""
    out = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
            out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def _outside(token: Token, bounds: tuple[int, int]) -> bool:
    return not bounds[0] <= token.idx <= bounds[1]


def speaker_of(model: EntityModel, pronoun: Token, bounds: tuple[int, int], traits: Traits,
               layout: Layout) -> Voice | None:
    """Who speaks the quotation ``bounds`` holding ``pronoun``: the subject of the sentence introducing it
    with a colon, else the subject of a verb of saying outside it in the sentences it touches, else the
    same in the sentences before it (a quotation carried on from an earlier line)."""
    doc = pronoun.doc
    found = _introduced(model, doc, bounds, traits, layout)
    if found is not None:
        return found
    numbers = {layout.sentence_of[pronoun.i]}
    for char in bounds:
        edge = doc.char_span(char, char + 1, alignment_mode="expand") if char < layout.length else None
        if edge is not None:
            numbers.add(layout.sentence_of[edge.start])
    found = _said_in(model, [layout.sents[n] for n in sorted(numbers)], bounds, traits)
    if found is not None:
        return found
    first = min(numbers)
    earlier = layout.sents[max(0, first - SPEAKER_REACH):first]
    return _said_in(model, reversed(earlier), (-1, -1), traits)


def _introduced(model: EntityModel, doc: Doc, bounds: tuple[int, int], traits: Traits,
                layout: Layout) -> Voice | None:
    """"Sunak defended the record: "...": the subject of the clause a colon right before the quotation
    ends."""
    at = bounds[0] - 1
    while at >= 0 and layout.text[at].isspace():
        at -= 1
    if at < 0 or layout.text[at] != ":":
        return None
    colon = doc.char_span(at, at + 1, alignment_mode="expand")
    if colon is None:
        return None
    verb = colon[0].head
    for _ in range(5):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < colon[0].i:
                return _voice_of(model, child, traits)
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return None


def _said_in(model: EntityModel, sents, bounds: tuple[int, int], traits: Traits) -> Voice | None:
    """The subject of a verb of saying (or of a verb whose object is a noun of saying) outside ``bounds``."""
    for sent in sents:
        for verb in sorted(sent, key=lambda t: t.dep_ != "ROOT"):  # the main clause first
            if not _outside(verb, bounds) or not _says(verb, traits):
                continue
            for child in verb.children:
                if child.dep_ == "nsubj" and _outside(child, bounds):
                    voice = _voice_of(model, child, traits)
                    if voice is not None:
                        return voice
    return None


def _says(verb: Token, traits: Traits) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in traits.speech_verbs:
        return True
    if lemma in DOCUMENT_VERBS:
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in traits.speech_nouns for c in verb.children)
    return verb.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in traits.speech_nouns for c in verb.children)


def _voice_of(model: EntityModel, subject: Token, traits: Traits) -> Voice | None:
    """The referent a subject phrase names: its own, a document's author, the possessor or maker of a noun
    of saying ("Cornyn's statement", "the Home Office letter"), else the first person named inside it."""
    referent = model.referent_at(subject.i)
    if referent is not None and referent.kind == DOCUMENT and referent.author is not None:
        referent = model.referents[referent.author]
    if referent is None and subject.lemma_.lower() in traits.speech_nouns:
        for child in subject.children:
            if child.dep_ in ("poss", "compound"):
                referent = model.referent_at(child.i)
                if referent is not None:
                    break
    if referent is None:
        referent = _named_inside(model, subject)
    if referent is None or referent.kind == DOCUMENT:
        return None
    return Voice(referent, subject)


def _phrase(subject: Token) -> list[Token]:
    """The words of a subject phrase that may name the speaker or their body: not a clause on it nor a
    phrase of place or direction ("said Bolden to the gathered crowd")."""
    out: list[Token] = []
    stack = [subject]
    while stack and len(out) < PHRASE_LIMIT:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in reversed(list(token.children)) if c.dep_ not in CLAUSE_DEPS
                     and (c.dep_ != "prep" or c.lower_ in BODY_PREPS))
    return sorted(out, key=lambda t: t.i)


def _named_inside(model: EntityModel, subject: Token) -> Referent | None:
    """"Tunisia's coach Nabil Maaloul": the person a subject phrase names beside its head (a name set
    beside it or compounded with it, also after "of": "the secretary general of the conference, X"), else
    a body in it; never a person merely coordinated with it or modifying it ("Trump and Iranian
    officials")."""
    stack, seen = [subject], 0
    while stack and seen < PHRASE_LIMIT:
        token = stack.pop()
        seen += 1
        referent = model.referent_at(token.i)
        if referent is not None and referent.kind == PERSON:
            return referent
        stack.extend(c for c in token.children if _names_head(c))
    return next((b for t in _phrase(subject) if (b := model.referent_at(t.i)) is not None
                 and b.kind in BODY_KINDS), None)


def _names_head(child: Token) -> bool:
    """A word under a subject phrase's head that may name it: a name beside it, "of" and its object."""
    if child.dep_ in NAME_DEPS:
        return True
    if child.dep_ == "prep":
        return child.lower_ == "of"
    return child.dep_ == "pobj" and child.head.dep_ == "prep"


def _body_in(model: EntityModel, head: Token, speaker: Referent, traits: Traits) -> Referent | None:
    """The body named in the phrase around a speaker's name ("team member X", "Tunisia's coach X", "a
    spokesperson for the ministry")."""
    for token in _phrase(head):
        referent = model.referent_at(token.i)
        if referent is not None and referent.id != speaker.id and referent.kind in BODY_KINDS:
            return referent
        if token.lower_ in traits.people_nouns and token.dep_ == "compound":
            return _named_by(model, token) or model.implied_group(token.text)
    return None


def _named_by(model: EntityModel, noun: Token) -> Referent | None:
    """The latest group the text named with the same noun ("the team" ... "team member X said, 'we'")."""
    for ref in model.before(noun.i):
        if ref.referent is not None and noun.doc[ref.head].lemma_.lower() == noun.lemma_.lower():
            referent = model.referents[ref.referent]
            if referent.kind in (GROUP, ORGANISATION):
                return referent
    return None


def _addressee(model: EntityModel, doc: Doc, bounds: tuple[int, int], voice: Voice | None,
               layout: Layout) -> Referent | None:
    """Whom a quotation addresses: the person told ("told X", "said to X"), else a name set off by commas
    inside it ("Cool clock, Ahmed.")."""
    if voice is not None:
        verb = voice.phrase.head
        for child in _told(verb):
            referent = model.referent_at(child.i)
            if referent is not None and referent.kind == PERSON and referent.id != voice.referent.id:
                return referent
    span = doc.char_span(bounds[0], min(bounds[1] + 1, layout.length), alignment_mode="expand")
    for token in span if span is not None else ():
        referent = model.referent_at(token.i)
        if referent is not None and referent.kind == PERSON and _vocative(token):
            return referent
    return None


def _told(verb: Token) -> list[Token]:
    out = [c for c in verb.children if c.dep_ in TOLD_DEPS]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def _vocative(token: Token) -> bool:
    """A name set off by punctuation and no argument of a verb: "Cool clock, Ahmed."."""
    doc = token.doc
    if token.dep_ in ARGUMENT_DEPS or token.pos_ != "PROPN":
        return False
    first, last = token.i, token.i
    while first > 0 and doc[first - 1].pos_ == "PROPN":
        first -= 1
    while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN":
        last += 1
    before = doc[first - 1].text if first > 0 else ""
    after = doc[last + 1].text if last + 1 < len(doc) else ""
    return before in (",", '"', "“") and after in (",", ".", "!", "?", '"', "”")
