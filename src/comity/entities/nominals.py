"""Common nouns that name people, and coordinated names, as referents.

- A noun phrase headed by a noun naming one person ("an Australian woman",
  "a defector", "the boy") is a person referent, with the gender the noun
  tells; a definite one ("the woman") refers back to the latest person named
  by the same noun within reach, if any.
- A noun phrase naming several people or a body of people ("Scientology
  officials", "the team", "thousands of fans") is a group referent that
  "they" can take; a definite one refers back the same way.
- Names joined by "and" ("the school district and the police department")
  are also, together, a group referent (the members are the names' referents).
The nouns are the 'person_nouns' and 'people_nouns' of ``data/roles.json``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from comity.entities.model import GROUP, PERSON, EntityModel, Reference, Referent
from comity.entities.names import Traits, is_subject

PHRASE_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "predet", "quantmod", "nmod"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
COUNT_NOUNS = frozenset({"thousand", "hundred", "million", "dozen", "dozens", "number", "numbers", "group",
                         "crowd", "handful", "majority", "minority", "most", "many", "some", "all", "none"})
REACH = 3
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def _phrase(noun: Token) -> tuple[int, int]:
    """Tokens of the noun phrase up to its head (modifiers before it)."""
    start = noun.i
    for child in noun.lefts:
        if child.dep_ in PHRASE_DEPS and child.pos_ != "PRON":  # "his son": the pronoun is its own reference
            start = min(start, child.left_edge.i)
    return start, noun.i + 1


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children)


def _earlier(model: EntityModel, noun: Token, sentence_of: dict[int, int], kind: str) -> Referent | None:
    """The latest referent of ``kind`` named by the same noun within reach."""
    here = sentence_of[noun.i]
    for ref in model.before(noun.i):
        if here - sentence_of.get(ref.start, here) > REACH:
            return None
        if ref.referent is None:
            continue
        referent = model.referents[ref.referent]
        if referent.kind == kind and noun.doc[ref.head].lemma_.lower() == noun.lemma_.lower():
            return referent
    return None


def _add(model: EntityModel, doc: Doc, start: int, end: int, head: Token, referent: Referent | None,
         how: str) -> None:
    span = doc[start:end]
    model.add(Reference(span.text, (span.start_char, span.end_char), start, end, how,
                        referent.id if referent is not None else None, head.i, is_subject(head)))


def read_nominals(model: EntityModel, doc: Doc, in_body, sentence_of: dict[int, int], traits: Traits) -> None:
    """Add a reference for every noun phrase naming a person or a group of people."""
    for noun in doc:
        if noun.pos_ != "NOUN" or model.at(noun.i) is not None or not in_body((noun.idx, noun.idx + 1)):
            continue
        if noun.dep_ in MODIFIER_DEPS:
            continue  # "team member Rodaba Noori", "the refugee team": a modifier names no one
        word, lemma = noun.lower_, noun.lemma_.lower()
        plural = noun.tag_ == "NNS"
        if not plural and lemma in traits.person_nouns:
            kind, traits_of = PERSON, {"gender": _gender(traits.person_nouns[lemma])}
        elif word in traits.people_nouns or (plural and lemma in traits.person_nouns):
            kind, traits_of = GROUP, {"plural": True}
        else:
            continue
        start, end = _phrase(noun)
        counted = _counted_by(noun)
        if counted is not None:  # "thousands of fans": the whole phrase, headed by its count
            start, head = _phrase(counted)[0], counted
        else:
            head = noun
        if any(model.at(i) is not None for i in range(start, end)):
            continue
        referent = _apposed(model, noun)
        if referent is None and _definite(noun):
            referent = _earlier(model, noun, sentence_of, kind)
        if referent is None:
            referent = model.add_referent(kind, doc[start:end].text, **traits_of)
        _add(model, doc, start, end, head, referent, "description")


def _counted_by(noun: Token) -> Token | None:
    """The count a noun of people is "of" ("thousands of fans", "the numbers of people", "one of the
    players"), if any."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i >= noun.i:
        return None
    count = prep.head
    quantity = count.pos_ == "NUM" or count.lemma_.lower() in COUNT_NOUNS
    return count if quantity and count.i < prep.i else None


def _apposed(model: EntityModel, noun: Token) -> Referent | None:
    """The named referent set beside a noun phrase: "her husband, Albert Jaquier"."""
    for other in (c for c in noun.children if c.dep_ == "appos"):
        ref = model.at(other.i)
        if ref is not None and ref.referent is not None and ref.how != "pronoun":
            return model.referents[ref.referent]
    return None


def _gender(word: str) -> str | None:
    return word if word in ("male", "female") else None


def read_groups(model: EntityModel, doc: Doc) -> None:
    """"X and Y" where both are names: one group reference over both, beside their own references."""
    for ref in list(model.references):
        head = doc[ref.head]
        if ref.referent is None or head.dep_ == "conj":
            continue
        members, last = [ref.referent], ref.end
        for conj in head.conjuncts:
            other = model.at(conj.i)
            named = other is not None and other.referent is not None and other.how != "pronoun"
            if conj.i > head.i and named:
                members.append(other.referent)
                last = max(last, other.end)
        if len(set(members)) < 2:
            continue
        group = model.add_referent(GROUP, " and ".join(model.referents[m].name for m in members), plural=True,
                                   members=tuple(dict.fromkeys(members)))
        span = doc[ref.start:last]
        model.groups.append(Reference(span.text, (span.start_char, span.end_char), ref.start, last, "group",
                                      group.id, head.i, is_subject(head)))
