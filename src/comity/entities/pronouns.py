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
met him": not Putin). A person a rival-free "he" or "she" stands for has that
gender from then on. First- and second-person pronouns are read after the
third-person ones (a speaker may be named by "he said"), in
:mod:`comity.entities.voices`. A pronoun with no compatible antecedent within
reach stays unresolved rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import log

from spacy.tokens import Doc, Token

from comity.entities.layout import Layout, quote_bounds
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
from comity.entities.voices import FIRST_PLURAL, FIRST_SINGULAR, SECOND, Voices
from comity.text.syntax import governing_verb, is_infinitive

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
NEUTER = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
POSSESSIVE = frozenset({"his", "her", "hers", "its", "their", "theirs"})
REFLEXIVE = frozenset({"himself", "herself", "itself", "themselves"})
THIRD_PERSON = MALE | FEMALE | NEUTER | PLURAL
REACH = 3  # sentences back a pronoun looks first
FAR_REACH = 8  # and, for he and she with no one nearer, this far
PLURAL_BONUS = 1.0
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


def is_possessive(pronoun: Token) -> bool:
    """A possessive pronoun; "her" only as a possessor ("sent her a letter", "with her" are objects)."""
    return pronoun.lower_ in POSSESSIVE and (pronoun.lower_ != "her" or pronoun.dep_ == "poss")


def _clause_of(token: Token) -> int:
    """Where the clause of ``token`` is headed: its governing verb, else (a verbless fragment) its
    sentence's root."""
    verb = governing_verb(token)
    return verb.i if verb is not None else token.sent.root.i


def _bound(pronoun: Token, reference: Reference, doc: Doc) -> bool:
    """A non-possessive, non-reflexive pronoun cannot be its own clause's subject ("Putin met him")."""
    if is_possessive(pronoun) or pronoun.lower_ in REFLEXIVE or not reference.subject:
        return False
    if is_subject(pronoun):
        return False
    theirs = _clause_of(doc[reference.head])
    return theirs in _controlling_clauses(_clause_of(pronoun), doc)


def _controlling_clauses(clause: int, doc: Doc) -> set[int]:
    """The clause and those whose subject its own understood subject is: "Macron called Rouhani to urge
    him" (the purpose clause's doer is Macron, so "him" is not), "wants to meet him"; not through an
    object that controls it ("asked Lavrov to call him")."""
    out, verb = {clause}, doc[clause]
    for _ in range(3):
        own = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        infinitive = is_infinitive(verb)
        head = verb.head
        if own or not infinitive or verb.dep_ not in ("advcl", "xcomp") or head == verb:
            break
        if verb.dep_ == "xcomp" and any(c.dep_ in ("dobj", "oprd") for c in head.children):
            break
        out.add(head.i)
        verb = head
    return out


def _main_subject(reference: Reference, doc: Doc) -> bool:
    """The subject of its sentence's main clause ("The ministry says that ..."), not of a clause inside
    it ("the aircraft Russia has available")."""
    token = doc[reference.head]
    for _ in range(6):
        if token.dep_ not in ("conj", "appos", "compound") or token.head.i == token.i:
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
    if candidate.distance == 0 and is_possessive(pronoun) and ref.subject:
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
    return quote_bounds(pronoun.doc[reference.head], layout) is not None \
        and quote_bounds(pronoun, layout) is None


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


def _cataphor(model: EntityModel, pronoun: Token) -> Referent | None:
    """"In his speech, Putin said ...": a possessive before the main clause's subject is that subject's."""
    if not is_possessive(pronoun):
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
    """Add a reference for every personal pronoun of the body, resolved where it can be: third-person ones
    first, then first- and second-person ones, whose speakers may be named by a pronoun ("he said")."""
    counts: dict[int, int] = {}
    for ref in model.references:
        if ref.referent is not None:
            counts[ref.referent] = counts.get(ref.referent, 0) + 1
    layout = Layout.of(doc, text, sentence_of)
    pronouns = [t for t in doc if t.pos_ == "PRON" and model.at(t.i) is None and in_body((t.idx, t.idx + 1))]
    for token in pronouns:
        word = token.lower_
        if word in THIRD_PERSON and not (word in ("it", "its") and _expletive(token)):
            referent, sure = resolve(model, token, sentence_of, counts, layout)
            _add(model, token, referent, sure)
            if referent is not None:
                counts[referent.id] = counts.get(referent.id, 0) + 1
                _learn_gender(model, referent, word, sure)
    voices = Voices(model, traits, layout)
    for token in pronouns:
        if token.lower_ in FIRST_SINGULAR | FIRST_PLURAL | SECOND:
            _add(model, token, voices.resolve(token), True)


def _learn_gender(model: EntityModel, referent: Referent, word: str, sure: bool) -> None:
    """A person the text has called "he" (or "she") with no rival in reach is a man (a woman) from then on:
    "Professor Eastman said he ... Lydia Buchtmann says ... She says": not Eastman."""
    if sure and referent.kind == PERSON and referent.gender is None and (word in MALE or word in FEMALE):
        model.update(referent, gender="male" if word in MALE else "female")


def _add(model: EntityModel, token: Token, referent: Referent | None, sure: bool) -> None:
    model.add(Reference(token.text, (token.idx, token.idx + len(token)), token.i, token.i + 1, "pronoun",
                        referent.id if referent is not None else None, token.i, is_subject(token), sure))


def _expletive(token: Token) -> bool:
    """"it is likely that ...", "it was raining": a pronoun that refers to nothing."""
    head = token.head
    if token.dep_ != "nsubj" or head.lemma_ not in ("be", "seem", "appear", "take", "rain", "remain"):
        return False
    return any(c.dep_ in ("ccomp", "xcomp", "csubj") or (c.dep_ == "acomp" and any(
        g.dep_ in ("ccomp", "xcomp") for g in c.children)) for c in head.children)
