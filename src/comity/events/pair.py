"""The article's principal pair: whom "the two governments", "both sides", "both capitals" stand for.

An article about a dispute or a rapprochement names its two countries once and then speaks of "the two
sides", "both capitals", "leaders in both countries", "the two chief negotiators". The principal pair is
the two states most often on opposite sides of the article's events (an actor of one and a recipient of
the other), or, when the events do not decide, the two states the article names most often; there is
none when its events are more often between two sides of one state (a civil war: "both sides" are the
army and the rebels). A pair phrase ('pair_nouns' under "both" or "the two", or a noun whose "in" or
"of" phrase is one: "leaders in both capitals") stands for that pair unless the nearest sentence before
it (or its own sentence, before it) that names two states names another pair: then it stands for the
two sides named last there, as before (:meth:`comity.events.roles.MentionMap.recent_pair`); so it does
when the subject of its clause is one of the pair ("Ruritania urged both sides").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from comity.events.lexicon import EventLexicon
from comity.events.roles import MentionMap, mention_root, venue
from comity.events.sides import side
from comity.records import Mention

STATE_KINDS = frozenset({"country"})
BODY_SECTORS = frozenset({"GOV", "MIL"})
PERSON_PAIRS = frozenset({"leader", "president", "premier", "counterpart", "head"})  # "the two leaders"


def _state(m: Mention) -> bool:
    return m.entity.kind in STATE_KINDS and bool(m.entity.code) and m.how != "place"


def _leader(m: Mention) -> bool:
    return m.entity.kind == "person" and bool(m.entity.code) and m.entity.sector in ("GOV", None)


def _venue(doc: Doc, m: Mention, lex: EventLexicon) -> bool:
    root = mention_root(doc, m)
    return root is not None and venue(root, m, lex)


def _body(m: Mention) -> bool:
    """ "Afghan negotiators", "the Pakistani army": a body or officials of a state stand for it."""
    return m.how == "title" and bool(m.entity.code) and m.entity.sector in BODY_SECTORS


def principal_pair(events: Iterable[tuple[list[Mention], list[Mention]]], mentions: list[Mention]) -> tuple:
    """The two state codes most often on opposite sides of ``events`` (actor, recipient lists); else the
    two states most mentioned (each named at least twice); else ()."""
    dyads: Counter[tuple[str, str]] = Counter()
    home = 0  # acts between two sides of one state ("the army accused the RSF"): a civil conflict
    for actors, recips in events:
        home += any(a.entity.code == r.entity.code and side(a) != side(r) for a in actors for r in recips)
        acts = {m.entity.code for m in actors if _state(m)}
        recs = {m.entity.code for m in recips if _state(m)}
        for a in acts:
            for r in recs - {a}:
                dyads[tuple(sorted((a, r)))] += 1
    if dyads and home > dyads.most_common(1)[0][1]:
        return ()  # "both sides" of a civil war are two sides of one state, not two states
    if dyads:
        (best, n), *rest = dyads.most_common()
        if not rest or rest[0][1] < n:
            return best
    named = Counter(m.entity.code for m in mentions if _state(m)).most_common(3)
    if len(named) >= 2 and named[1][1] >= 2 and (len(named) == 2 or named[2][1] < named[1][1]):
        return tuple(sorted((named[0][0], named[1][0])))
    return ()


class PairMap(MentionMap):
    """A mention map whose pair phrases fall back to the article's principal pair."""

    def __init__(self, doc: Doc, mentions: list[Mention], pair: tuple, lex: EventLexicon) -> None:
        super().__init__(doc, mentions)
        self.pair = pair
        self.lex = lex
        self.first: dict[str, Mention] = {}
        for i in sorted(self.by_token):
            for m in self.by_token[i]:
                if m.entity.code in pair and _state(m):
                    self.first.setdefault(m.entity.code, m)

    def recent_pair(self, tok: Token) -> list[Mention]:
        if len(self.first) != 2 or self._other_pair(tok, tok.lemma_.lower() in PERSON_PAIRS):
            return super().recent_pair(tok)
        subjects = [s for s in tok.head.children if s.dep_ in ("nsubj", "nsubjpass")]
        own = {m.entity.code for s in subjects for m in self.all(s)}
        if own & set(self.pair):
            return super().recent_pair(tok)
        return [self._nearest(tok, code) for code in self.pair]

    def _nearest(self, tok: Token, code: str) -> Mention:
        for i in range(tok.i - 1, -1, -1):
            for m in self.by_token.get(i, []):
                if m.entity.code == code and _state(m):
                    return m
        return self.first[code]

    def _other_pair(self, tok: Token, people: bool = False) -> bool:
        """The nearest sentence up to ``tok`` naming two states names states other than the pair; for "the
        two leaders" (``people``), a leader named stands for his state ("Putin and Kim met ...")."""
        doc, sent = tok.doc, tok.sent
        end = tok.i
        while True:
            found = (m for i in range(sent.start, end) for m in self.by_token.get(i, [])
                     if not _venue(doc, m, self.lex))
            codes = {m.entity.code for m in found if _state(m) or _body(m) or (people and _leader(m))}
            if len(codes) >= 2:
                return not set(self.pair) <= codes
            if sent.start == 0:
                return False
            sent = doc[sent.start - 1].sent
            end = sent.end
