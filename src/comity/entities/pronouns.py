"""Pronouns resolved by agreement, salience and the sentence's structure.

A third-person pronoun takes the most salient earlier referent it agrees
with: "he"/"she" a person of that gender or of none the text has told, "it"
an organisation, state, place or document, "they" a group, an organisation
or several people. Salience favours the nearest sentences, subjects (for
"it", the subject of a main clause over one of a clause inside it: "The
ministry says the fleet Russia has is small. But it noted ..."), the
subject of the pronoun's own sentence for a possessive ("Lavrov said his
ministry ..."), and referents the article names often; a pronoun outside
quotation marks seldom takes a referent inside them ('"... the army will
revise its plans," it said'). A pronoun cannot take
the subject of its own clause unless it is possessive or reflexive ("Putin
met him": not Putin). Inside a quotation, "I" and "we" are the speaker's, read
from the subject of the verb of saying outside the quotation ("I" a person,
"we" a body or group). A pronoun with no compatible
antecedent within reach stays unresolved rather than guessed.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from math import log

from spacy.tokens import Doc, Span, Token

from comity.entities.model import (
    DOCUMENT,
    GROUP,
    ORGANISATION,
    PERSON,
    PLACE,
    STATE,
    EntityModel,
    Reference,
    Referent,
)
from comity.entities.names import Traits, is_subject

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
NEUTER = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
POSSESSIVE = frozenset({"his", "her", "hers", "its", "their", "theirs"})
REFLEXIVE = frozenset({"himself", "herself", "itself", "themselves"})
THIRD_PERSON = MALE | FEMALE | NEUTER | PLURAL
FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
REACH = 3  # sentences back a pronoun looks first
FAR_REACH = 8  # and, for he and she with no one nearer, this far
PLURAL_BONUS = 1.0
SPEAKER_REACH = 4  # sentences before a quotation where its speaker may have been named
STATE_VOICES = frozenset({"GOV", "MIL"})  # a person whose "we" is their state: its government and forces
QUOTE_MARKS = "\"“”"
MAIN_BONUS = 1.0  # for "it": the subject of a main clause over one of a clause inside it
QUOTED_PENALTY = 2.0  # an antecedent inside quotation marks for a pronoun outside them


@dataclass(frozen=True)
class Candidate:
    reference: Reference
    referent: Referent
    distance: int  # sentences back


def agrees(pronoun: str, referent: Referent) -> bool:
    """Number, gender and animacy agreement between a pronoun and a referent."""
    if pronoun in MALE or pronoun in FEMALE:
        want = "male" if pronoun in MALE else "female"
        return referent.kind == PERSON and not referent.plural and referent.gender in (None, want)
    if pronoun in NEUTER:
        return referent.kind in (ORGANISATION, STATE, PLACE, DOCUMENT) and not referent.plural
    if pronoun in PLURAL:
        return referent.plural or referent.kind in (GROUP, ORGANISATION)
    return False


def _clause_of(token: Token) -> Token:
    """The verb heading the clause of ``token``."""
    current = token
    for _ in range(40):
        if current.pos_ in ("VERB", "AUX") or current.head is current:
            return current
        current = current.head
    return current


def _bound(pronoun: Token, reference: Reference, doc: Doc) -> bool:
    """A non-possessive, non-reflexive pronoun cannot be its own clause's subject ("Putin met him")."""
    if pronoun.lower_ in POSSESSIVE or pronoun.lower_ in REFLEXIVE or not reference.subject:
        return False
    return _clause_of(doc[reference.head]) is _clause_of(pronoun) and not is_subject(pronoun)


def _main_subject(reference: Reference, doc: Doc) -> bool:
    """The subject of its sentence's main clause ("The ministry says that ..."), not of a clause inside
    it ("the aircraft Russia has available")."""
    token = doc[reference.head]
    for _ in range(6):
        if token.dep_ not in ("conj", "appos", "compound") or token.head is token:
            break
        token = token.head
    verb = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and (
        verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))


def _score(candidate: Candidate, pronoun: Token, counts: dict[int, int],
           layout: Layout | None = None) -> float:
    ref = candidate.reference
    score = -1.5 * candidate.distance + (2.0 if ref.subject else 0.0)
    if pronoun.lower_ in NEUTER and ref.subject and _main_subject(ref, pronoun.doc):
        score += MAIN_BONUS
    if layout is not None and _quoted_away(pronoun, ref, layout):
        score -= QUOTED_PENALTY
    if ref.subject and is_subject(pronoun):
        score += 1.0  # a subject pronoun continues the subject ("Lavrov arrived. He said ...")
    if candidate.distance == 0 and pronoun.lower_ in POSSESSIVE and ref.subject:
        score += 1.0  # "Lavrov said his ministry ...": the possessor is the clause's subject
    if ref.how == "pronoun":
        score -= 0.25
    if pronoun.lower_ in PLURAL and (candidate.referent.plural or candidate.referent.kind == GROUP):
        score += PLURAL_BONUS  # "they" names people more often than a body
    score += 0.3 * log(counts.get(candidate.referent.id, 1))
    return score - 0.001 * (pronoun.i - ref.end)


def candidates(model: EntityModel, pronoun: Token, sentence_of: dict[int, int],
               reach: int = REACH) -> list[Candidate]:
    """The earlier references within ``reach`` sentences a pronoun could take, with their distance."""
    here = sentence_of[pronoun.i]
    found = []
    for ref in model.before(pronoun.i):
        distance = here - sentence_of.get(ref.start, here)
        if distance > reach:
            break
        if ref.referent is not None:
            found.append(Candidate(ref, model.referents[ref.referent], distance))
    return found


def _quoted_away(pronoun: Token, reference: Reference, layout: Layout) -> bool:
    """A reference inside quotation marks, and the pronoun outside them: the quoted words are another
    voice ('"... the army will revise its plans," it said')."""
    return _quote_bounds(pronoun.doc[reference.head], layout) is not None \
        and _quote_bounds(pronoun, layout) is None


def resolve(model: EntityModel, pronoun: Token, sentence_of: dict[int, int],
            counts: dict[int, int], layout: Layout | None = None) -> tuple[Referent | None, bool]:
    """The referent a third-person pronoun stands for (or None), and whether it had no rival: no other
    referent within reach agreed with the pronoun."""
    word = pronoun.lower_
    reaches = (REACH, FAR_REACH) if word in MALE or word in FEMALE else (REACH,)
    for reach in reaches:
        options = [c for c in candidates(model, pronoun, sentence_of, reach)
                   if agrees(word, c.referent) and not _bound(pronoun, c.reference, pronoun.doc)]
        if options:
            best = max(options, key=lambda c: _score(c, pronoun, counts, layout)).referent
            return best, len({c.referent.id for c in options}) == 1
    return _cataphor(model, pronoun), True


@dataclass(frozen=True)
class Layout:
    """Where an article's sentences, paragraph breaks and quotation marks are, read once per article."""

    sents: list[Span]
    sentence_of: dict[int, int]
    breaks: list[int]  # offsets of newlines
    marks: list[int]  # offsets of double quotation marks
    length: int  # of the text (spaCy builds Doc.text anew at every read)

    @classmethod
    def of(cls, doc: Doc, text: str, sentence_of: dict[int, int]) -> Layout:
        return cls(list(doc.sents), sentence_of, [i for i, c in enumerate(text) if c == "\n"],
                   [i for i, c in enumerate(text) if c in QUOTE_MARKS], len(text))


def _quote_bounds(pronoun: Token, layout: Layout) -> tuple[int, int] | None:
    """The characters of the quotation holding ``pronoun`` (or any token) in its paragraph, if any."""
    at = pronoun.idx
    line = bisect_left(layout.breaks, at)
    start = layout.breaks[line - 1] + 1 if line > 0 else 0
    end = layout.breaks[line] if line < len(layout.breaks) else layout.length
    first, here, last = (bisect_left(layout.marks, x) for x in (start, at, end))
    if (here - first) % 2 == 0:
        return None
    return layout.marks[here - 1], layout.marks[here] if here < last else end


def _speaker_in(model: EntityModel, sents, bounds: tuple[int, int], traits: Traits) -> Reference | None:
    """The reference that is the subject of a verb of saying outside ``bounds`` in ``sents``."""
    for sent in sents:
        for verb in sent:
            if verb.lemma_.lower() not in traits.speech_verbs or bounds[0] <= verb.idx <= bounds[1]:
                continue
            for child in verb.children:
                if child.dep_ == "nsubj" and not bounds[0] <= child.idx <= bounds[1]:
                    ref = model.at(child.i)
                    if ref is not None and ref.referent is not None:
                        return ref
    return None


def _quoted_speaker(model: EntityModel, pronoun: Token, traits: Traits, layout: Layout) -> Reference | None:
    """Who speaks the quotation ``pronoun`` stands in: the subject of a verb of saying outside it, in the
    sentences the quotation touches ("'We will win,' the minister said"), else in the sentences before it
    (a quotation that goes on from an earlier paragraph)."""
    bounds = _quote_bounds(pronoun, layout)
    if bounds is None:
        return None
    doc = pronoun.doc
    numbers = {layout.sentence_of[pronoun.i]}
    for char in bounds:
        edge = doc.char_span(char, char + 1, alignment_mode="expand") if char < layout.length else None
        if edge is not None:
            numbers.add(layout.sentence_of[edge.start])
    found = _speaker_in(model, [layout.sents[n] for n in sorted(numbers)], bounds, traits)
    if found is not None:
        return found
    first = min(numbers)
    earlier = layout.sents[max(0, first - SPEAKER_REACH):first]
    return _speaker_in(model, reversed(earlier), (-1, -1), traits)


def _affiliation(model: EntityModel, speaker: Reference, doc: Doc, traits: Traits) -> Referent | None:
    """The body a speaker speaks for: a name or group noun before or beside their name ("team member X",
    "Malaysia's Prime Minister", "a spokesperson for the ministry"), else their state."""
    head = doc[speaker.head]
    near = [t for t in head.subtree if t.i < speaker.start or t.i >= speaker.end][:12]
    for token in near:
        ref = model.at(token.i)
        if ref is not None and ref.referent is not None and ref.referent != speaker.referent:
            kind = model.referents[ref.referent].kind
            if kind in (ORGANISATION, STATE, GROUP):
                return model.referents[ref.referent]
        if token.lower_ in traits.people_nouns and token.dep_ == "compound":
            return _named_by(model, token) or model.add_referent(GROUP, token.text, plural=True)
    referent = model.referents[speaker.referent]
    if referent.kind != PERSON or referent.sector not in STATE_VOICES:
        return None  # a candidate's or a senator's "we" is their campaign or party, not their state
    return model.state_of(referent)


def _named_by(model: EntityModel, noun: Token) -> Referent | None:
    """The latest group the text named with the same noun ("the team" ... "team member X said, 'we'")."""
    for ref in model.before(noun.i):
        if ref.referent is not None and noun.doc[ref.head].lemma_.lower() == noun.lemma_.lower():
            referent = model.referents[ref.referent]
            if referent.kind in (GROUP, ORGANISATION):
                return referent
    return None


def _first_person(model: EntityModel, pronoun: Token, traits: Traits, layout: Layout) -> Referent | None:
    """"I" in a quotation is its speaker; "we" the speaker when a body or a group, else the body a person
    speaks for."""
    ref = _quoted_speaker(model, pronoun, traits, layout)
    if ref is None:
        return None
    speaker = model.referents[ref.referent]
    if pronoun.lower_ in FIRST_SINGULAR:
        return speaker if speaker.kind == PERSON else None
    return speaker if speaker.kind != PERSON else _affiliation(model, ref, pronoun.doc, traits)


def _cataphor(model: EntityModel, pronoun: Token) -> Referent | None:
    """"In his speech, Putin said ...": a possessive before the main clause's subject is that subject's."""
    if pronoun.lower_ not in POSSESSIVE:
        return None
    root = pronoun.sent.root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.i > pronoun.i:
            referent = model.referent_at(child.i)
            if referent is not None and agrees(pronoun.lower_, referent):
                return referent
    return None


def read_pronouns(model: EntityModel, doc: Doc, text: str, in_body, sentence_of: dict[int, int],
                  traits: Traits) -> None:
    """Add a reference for every personal pronoun of the body, resolved where it can be."""
    counts: dict[int, int] = {}
    for ref in model.references:
        if ref.referent is not None:
            counts[ref.referent] = counts.get(ref.referent, 0) + 1
    layout = Layout.of(doc, text, sentence_of)
    for token in doc:
        word = token.lower_
        if token.pos_ != "PRON" or model.at(token.i) is not None or not in_body((token.idx, token.idx + 1)):
            continue
        if word in FIRST_SINGULAR or word in FIRST_PLURAL:
            referent, sure = _first_person(model, token, traits, layout), True
        elif word in THIRD_PERSON and not (word in ("it", "its") and _expletive(token)):
            referent, sure = resolve(model, token, sentence_of, counts, layout)
        else:
            continue
        model.add(Reference(token.text, (token.idx, token.idx + len(token)), token.i, token.i + 1, "pronoun",
                            referent.id if referent is not None else None, token.i, is_subject(token), sure))
        if referent is not None:
            counts[referent.id] = counts.get(referent.id, 0) + 1


def _expletive(token: Token) -> bool:
    """"it is likely that ...", "it was raining": a pronoun that refers to nothing."""
    head = token.head
    if token.dep_ != "nsubj" or head.lemma_ not in ("be", "seem", "appear", "take", "rain", "remain"):
        return False
    return any(c.dep_ in ("ccomp", "xcomp", "csubj") or (c.dep_ == "acomp" and any(
        g.dep_ in ("ccomp", "xcomp") for g in c.children)) for c in head.children)
