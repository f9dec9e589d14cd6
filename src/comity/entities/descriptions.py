"""Definite descriptions and group phrases: "the ministry", "the country", "the two leaders".

- A definite description whose head is a title word ("the minister", "the
  spokesman") refers to the latest person the text gave that title; one
  whose head is an organisation word ("the ministry", "the company", "the
  group") to the latest organisation whose name holds the word or whose
  sector the word names; "the country", "the nation" to the most salient
  state of its own sentence (a body or person of a state naming it: "Three of
  Kuwait's soldiers were hurt, according to the country's defense ministry"),
  else of the last sentences; "the island" likewise, among the states that are an island
  (``islands`` in ``data/actors_countries.json``: Taiwan, Cuba, Cyprus ...), looking further back
  ("... drills around the island", paragraphs after Taiwan was named).
- A document noun with its issuer ("a statement from the ministry", "the
  ministry's report", "the ministry issued a statement", "said in a
  statement", "warned via a statement") is a document referent with that
  author; "the statement" later refers back to it, up to eight sentences on.
- A pair phrase ("the two countries", "both sides", "the two leaders") stands
  for the two states named in the nearest sentence (this one or up to three
  back) that names two or more: the occasion being talked about, not the
  article's most frequent pair.
A description with no compatible referent within reach refers to nothing.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from comity.datafiles import bundled
from comity.entities.model import (
    DOCUMENT,
    GROUP,
    ORGANISATION,
    PERSON,
    STATE,
    EntityModel,
    Reference,
    Referent,
)
from comity.entities.names import is_subject

DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
STATE_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic"})
ORG_NOUNS = {"ministry": None, "government": "GOV", "administration": "GOV", "company": "BUS", "firm": "BUS",
             "group": None, "organization": None, "organisation": None, "agency": None, "bank": None,
             "party": None, "army": "MIL", "military": "MIL", "militia": None, "alliance": None, "bloc": None,
             "union": None, "council": None, "court": "JUD", "committee": None, "movement": None,
             "coalition": None, "department": None, "office": None, "embassy": None, "regime": "GOV"}
DOCUMENT_NOUNS = frozenset({"statement", "report", "study", "decree", "letter", "communique", "declaration",
                            "document", "memo", "survey", "assessment", "analysis", "order", "resolution",
                            "tweet", "post", "readout", "release", "announcement", "message"})
ISSUE_VERBS = frozenset({"issue", "release", "publish", "send", "put", "post", "circulate", "sign", "adopt"})
PAIR_NOUNS = frozenset({"countries", "nations", "sides", "governments", "leaders", "capitals", "states",
                        "neighbours", "neighbors", "allies", "rivals", "powers", "presidents"})
ISLAND_NOUNS = frozenset({"island"})
REACH = 3
ISLAND_REACH = 8  # "the island" is used for Taiwan long after the article last named it
PROTAGONIST_REACH = 300  # mentions looked back at to find who the article names most
DOCUMENT_REACH = 8  # "the statement" goes on being quoted paragraphs after it was issued


def _determined(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DETERMINERS for c in noun.children)


def _span_of(noun: Token) -> tuple[int, int]:
    start = min([noun.i, *(c.i for c in noun.children if c.dep_ in ("det", "amod", "compound", "nummod",
                                                                      "predet", "preconj"))])
    return start, noun.i + 1


def _recent(model: EntityModel, token: Token, sentence_of: dict[int, int], wanted,
            reach: int = REACH) -> Referent | None:
    here = sentence_of[token.i]
    for ref in model.before(token.i):
        if here - sentence_of.get(ref.start, here) > reach:
            return None
        if ref.referent is not None and wanted(model.referents[ref.referent]):
            return model.referents[ref.referent]
    return None


def _state_scores(model: EntityModel, token: Token, sentence_of: dict[int, int],
                  reach: int = REACH, bodies: bool = False) -> dict[int, tuple[int, int]]:
    """Each state named in the last sentences: (times named, subjects twice; its latest start). Within
    the sentence itself (``reach`` 0), or with ``bodies``, a body or person of a state names it too
    ("Kuwait's armed forces")."""
    here, out = sentence_of[token.i], {}
    for ref in model.before(token.i):
        if here - sentence_of.get(ref.start, here) > reach:
            break
        referent = model.referents[ref.referent] if ref.referent is not None else None
        state = model.state_of(referent) if referent is not None and (reach == 0 or bodies) else referent
        if state is not None and state.kind == STATE:
            score, latest = out.get(state.id, (0, ref.start))
            out[state.id] = (score + (2 if ref.subject else 1), latest)
    return out


def _salient_state(model: EntityModel, token: Token, sentence_of: dict[int, int]) -> Referent | None:
    """The state named most (subjects twice) in the sentence before the description ("Three of Kuwait's
    soldiers were hurt, according to the country's defense ministry"), else in the last sentences; the
    latest on a tie."""
    scores = _state_scores(model, token, sentence_of, 0) or _state_scores(model, token, sentence_of)
    return model.referents[max(scores, key=lambda i: scores[i])] if scores else None


@cache
def _islands() -> frozenset[str]:
    return frozenset(bundled("actors_countries.json").get("islands", ()))


def _island_scores(model: EntityModel, token: Token, sentence_of: dict[int, int],
                   reach: int = ISLAND_REACH) -> dict[int, tuple[int, int]]:
    scores = _state_scores(model, token, sentence_of, reach, bodies=True)  # "Taiwan's president"
    return {i: s for i, s in scores.items() if model.referents[i].code in _islands()}


def _salient_island(model: EntityModel, token: Token, sentence_of: dict[int, int]) -> Referent | None:
    """ "the island": of the island states named in its sentence, else in the last sentences, the one
    named most ("China launched drills around the island", of Taiwan; never China itself)."""
    scores = _island_scores(model, token, sentence_of, 0) or _island_scores(model, token, sentence_of)
    return model.referents[max(scores, key=lambda i: scores[i])] if scores else None


def _candidates(model: EntityModel, noun: Token, sentence_of: dict[int, int]) -> dict[int, tuple[int, int]]:
    """The states a state description may refer to: those in reach ("the island": the island states)."""
    if noun.lemma_.lower() in ISLAND_NOUNS:
        return _island_scores(model, noun, sentence_of)
    return _state_scores(model, noun, sentence_of)


def _for_head(model: EntityModel, noun: Token, sentence_of: dict[int, int]) -> Referent | None:
    word = noun.lemma_.lower()
    if word in STATE_NOUNS:
        return _salient_state(model, noun, sentence_of)
    if word in ISLAND_NOUNS:
        return _salient_island(model, noun, sentence_of)
    if word in ORG_NOUNS:
        sector = ORG_NOUNS[word]
        if sector == "GOV" and word in ("government", "administration", "regime"):
            return _salient_state(model, noun, sentence_of)
        return _recent(model, noun, sentence_of, lambda r: r.kind == ORGANISATION and (
            word in r.name.lower() or (sector is not None and r.sector == sector)))
    if word in DOCUMENT_NOUNS:
        return _recent(model, noun, sentence_of, lambda r: r.kind == DOCUMENT and word in r.name.lower(),
                       DOCUMENT_REACH)
    return _salient_titled(model, noun, sentence_of, word)


def _salient_titled(
    model: EntityModel, noun: Token, sentence_of: dict[int, int], word: str
) -> Referent | None:
    """ "the president": of the people given that title in the last sentences, the one the article has
    named most so far (its protagonist: Trump, not the Putin of a passing mention), the latest on a tie."""
    here = sentence_of[noun.i]
    near: list[int] = []
    counts: dict[int, int] = {}
    for seen, ref in enumerate(model.before(noun.i)):
        if seen > PROTAGONIST_REACH:
            break  # a long article's protagonist is named often enough within this reach
        if ref.referent is None:
            continue
        counts[ref.referent] = counts.get(ref.referent, 0) + 1
        referent = model.referents[ref.referent]
        within = here - sentence_of.get(ref.start, here) <= REACH
        titled = referent.kind == PERSON and word in (referent.title or "").lower().split()
        if within and titled and ref.referent not in near:
            near.append(ref.referent)  # latest first
    if not near:
        return None
    return model.referents[max(near, key=lambda i: (counts[i], -near.index(i)))]


def _issuer(model: EntityModel, noun: Token) -> Referent | None:
    """Who issued a document: its possessor, its "from"/"by" phrase, or the subject of the verb issuing it."""
    for child in noun.children:
        if child.dep_ == "poss":
            return model.referent_at(child.i)
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            for obj in child.children:
                if obj.dep_ == "pobj" and model.referent_at(obj.i) is not None:
                    return model.referent_at(obj.i)
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in ISSUE_VERBS:
        for child in verb.children:
            if child.dep_ == "nsubj":
                return model.referent_at(child.i)
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "via", "through") and noun.head.head.pos_ == "VERB":
        for child in noun.head.head.children:  # "the ministry said in a statement"
            if child.dep_ == "nsubj":
                return model.referent_at(child.i)
    return None


def _pair(model: EntityModel, noun: Token, sentence_of: dict[int, int]) -> list[Referent]:
    """The two (or more) states of the nearest sentence naming two or more (a person or body counting
    for its state), this one first."""
    here = sentence_of[noun.i]
    by_sentence: dict[int, list[Referent]] = {}
    for ref in model.before(noun.i):
        distance = here - sentence_of.get(ref.start, here)
        if distance > REACH:
            break
        referent = model.referents[ref.referent] if ref.referent is not None else None
        state = model.state_of(referent) if referent is not None else None
        if state is not None:
            states = by_sentence.setdefault(distance, [])
            if state not in states:
                states.append(state)
    for distance in sorted(by_sentence):
        if len(by_sentence[distance]) >= 2:
            return list(reversed(by_sentence[distance]))
    return []


def _is_pair_phrase(noun: Token) -> bool:
    if noun.lower_ not in PAIR_NOUNS:
        return False
    return any((c.dep_ in ("det", "predet", "preconj") and c.lower_ == "both")
               or (c.dep_ == "nummod" and c.lower_ in ("two", "2")) for c in noun.children)


def read_descriptions(model: EntityModel, doc: Doc, in_body, sentence_of: dict[int, int]) -> None:
    """Add references for documents, definite descriptions and pair phrases, in text order."""
    for noun in doc:
        if noun.pos_ not in ("NOUN", "PROPN") or model.at(noun.i) is not None:
            continue
        if not in_body((noun.idx, noun.idx + len(noun))):
            continue
        start, end = _span_of(noun)
        if any(model.at(i) is not None for i in range(start, end)):
            continue
        referent, how = _describe(model, noun, sentence_of)
        if how is None:
            continue
        span = doc[start:end]
        # "the country" is a guess when several states are in reach ("the island", several island states)
        sure = referent is None or referent.kind != STATE or len(_candidates(model, noun, sentence_of)) < 2
        model.add(Reference(span.text, (span.start_char, span.end_char), start, end, how,
                            referent.id if referent is not None else None, noun.i, is_subject(noun), sure))


def _describe(model: EntityModel, noun: Token,
              sentence_of: dict[int, int]) -> tuple[Referent | None, str | None]:
    word = noun.lemma_.lower()
    if _is_pair_phrase(noun):
        members = _pair(model, noun, sentence_of)
        if not members:
            return None, "group"
        group = model.add_referent(GROUP, " and ".join(m.name for m in members), plural=True,
                                   members=tuple(m.id for m in members))
        return group, "group"
    if word in DOCUMENT_NOUNS and not _determined(noun):
        author = _issuer(model, noun)
        if author is None:
            return None, None
        return model.add_referent(DOCUMENT, f"{author.name} {word}", author=author.id), "description"
    if word in DOCUMENT_NOUNS:
        author = _issuer(model, noun)
        if author is not None:
            return model.add_referent(DOCUMENT, f"{author.name} {word}", author=author.id), "description"
    named = _apposed_name(model, noun)
    if named is not None and _determined(noun):
        return named, "description"  # "the company, Gazprom,": the name it is set beside
    if not _determined(noun) or noun.tag_ in ("NNS", "NNPS"):
        return None, None
    if word in ISLAND_NOUNS and _named_island(noun):
        return None, None
    if word not in STATE_NOUNS and word not in ISLAND_NOUNS and word not in ORG_NOUNS \
            and word not in DOCUMENT_NOUNS and not _title_word(model, word):
        return None, None
    return _for_head(model, noun, sentence_of), "description"


def _named_island(noun: Token) -> bool:
    """ "the Greek island of Lesbos", "the island of Ireland", "the Italian island": the phrase says which
    island it is, so it refers to no state named before."""
    return any((c.dep_ == "prep" and c.lower_ == "of") or c.dep_ == "appos"
               or (c.dep_ in ("amod", "compound") and c.text[:1].isupper()) for c in noun.children)


def _apposed_name(model: EntityModel, noun: Token) -> Referent | None:
    """The referent of a name in apposition to ``noun`` ("the company, Gazprom,")."""
    for child in noun.children:
        if child.dep_ == "appos":
            ref = model.at(child.i)
            if ref is not None and ref.referent is not None and ref.how != "pronoun":
                return model.referents[ref.referent]
    return None


def _title_word(model: EntityModel, word: str) -> bool:
    return any(r.kind == PERSON and r.title and word in r.title.lower().split() for r in model.referents)
