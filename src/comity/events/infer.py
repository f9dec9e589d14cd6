"""The country of a sub-state actor the actor stage left uncoded, read from its sentence.

"Rebels in the Ivory Coast", "Opposition groups in Zimbabwe", "police" in a
sentence about one country, "President X has banned Ugandan opposition
candidates": PLOVER codes such actors under their country with a sector code
(REB, OPP, COP, CVL, GOV …). When the actor stage found the sector but no
country, the country is taken from a location phrase on the mention itself
("rebels in Sudan") or, failing that, from the only country the sentence names.
A sentence naming two or more countries gives none.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from comity.events.lexicon import EventLexicon
from comity.events.roles import MentionMap, mention_root, named_aside, venue
from comity.records import Entity, Mention
from comity.text.syntax import doc_text, pobjs

COUNTRY_HOWS = frozenset({"name", "alias", "demonym", "capital", "seat", "place"})
PLACE_PREPS = frozenset({"in", "of", "from", "inside", "across", "throughout"})
SCENE_PREPS = frozenset({"in", "at", "inside", "across", "throughout"})  # where a crowd acts
NON_STATE = frozenset({"UNO", "EUR", "IGO", "NGO", "IMG", "MNC"})
OUTWARD = frozenset({"GOV", "MIL", "SPY", "REB"})  # sectors that act on other states (not judges, police)
ABROAD = re.compile(r"\b(?:embassy|consulate|mission)\b", re.IGNORECASE)  # a state's, in another state
QUANTITY = frozenset(
    {"ten", "tens", "dozen", "hundred", "thousand", "million", "score", "group", "crowd", "number"}
)


def infer_countries(doc: Doc, mentions: list[Mention], lex: EventLexicon) -> list[Mention]:
    """``mentions`` with a country filled in where a sub-state actor's sentence names it unambiguously."""
    wanted = {s.upper() for s in lex.lists.get("inferable_sectors", ())}
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        tok = mention_root(doc, m)
        if tok is not None:
            by_sent.setdefault(tok.sent.start, []).append(m)
    out = []
    for m in mentions:
        tok = mention_root(doc, m)
        mission = ABROAD.search(m.text)  # "the mission in Congo" stands in the state its phrase names
        if tok is None or not _open(m, wanted) or tok.dep_ == "amod" or _known(m, mentions) or mission:
            out.append(m)  # "a military mobilization": an adjective names no body
            continue
        outward = lex if m.entity.sector in OUTWARD else None
        code = _country_for(tok, by_sent.get(tok.sent.start, []), doc, outward)
        out.append(_widen(replace(m, entity=replace(m.entity, code=code)), tok, lex) if code else m)
    return sorted(out + _crowds(doc, mentions, by_sent, lex), key=lambda m: m.span)


def _known(m: Mention, mentions: list[Mention]) -> bool:
    """ "The ministry urged Pyongyang": the entity model already knows whose body the words are (a
    description of "South Korea's defense ministry"); no country is guessed from the sentence for them."""
    return any(o.entity.code and o.span[0] <= m.span[0] and m.span[1] <= o.span[1] and o.span != m.span
               for o in mentions)


def _widen(m: Mention, tok: Token, lex: EventLexicon) -> Mention:
    """ "opposition parties", "rebel leaders": the sector word modifies the group noun heading the phrase."""
    head = tok.head
    if tok.dep_ not in ("compound", "amod") or head.i <= tok.i or not lex.has("group_heads", head.lemma_):
        return m
    end = head.idx + len(head.text)
    return replace(m, text=doc_text(tok.doc)[m.span[0] : end], span=(m.span[0], end))


def _crowds(
    doc: Doc, mentions: list[Mention], by_sent: dict[int, list[Mention]], lex: EventLexicon
) -> list[Mention]:
    """Civilians acting, with the country their sentence gives: "students throughout Indonesia staged
    demonstrations", "Demonstrators in Baghdad" (a demonym is already a mention: "Thousands of Nigerians"),
    or, when the sentence names several, the one named where they act ("people marched in X").

    Only a clause's subject is read: a crowd acted upon is not made an actor here.
    """
    spans = [doc.char_span(*m.span, alignment_mode="expand") for m in mentions]
    taken = {i for t in spans if t is not None for i in range(t.start, t.end)}
    out = []
    for tok in doc:
        if tok.i in taken or tok.tag_ not in ("NNS", "NNPS") or not lex.has("civilian_nouns", tok.lemma_):
            continue
        head = _subject_head(tok)
        if head is None or any(i in taken for i in range(head.i, tok.i + 1)):
            continue
        if head == tok and lex.has("counted_only", tok.lemma_):
            continue  # "people fight over resources" is no crowd; "thousands of people marched" is
        same = by_sent.get(tok.sent.start, [])
        code = _country_for(tok, same, doc) or _scene_country(head.head, same, doc)
        if code:
            span = (head.idx, tok.idx + len(tok.text))
            crowd = Entity(code, "CVL", tok.lemma_, "group")
            out.append(Mention(doc_text(doc)[span[0] : span[1]], span, crowd, "title"))
    return out


def _scene_country(verb: Token, same: list[Mention], doc: Doc) -> str | None:
    """ "Thousands of people blocked streets in Ruritania's capital": the one country whose place (not its
    institutions) is named where the crowd acts, when the sentence names others too."""
    hosts = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "blocked streets in X"
    places = [(span, m) for span, m in _country_mentions(doc, same) if m.entity.kind == "country"]
    found = {
        other.entity.code
        for host in hosts
        for child in host.children
        if child.dep_ == "prep" and child.lower_ in SCENE_PREPS
        for span, other in places
        if child.i < span.start and span.end <= child.right_edge.i + 1
    }
    return found.pop() if len(found) == 1 else None


def _subject_head(tok: Token) -> Token | None:
    """The subject token a civilian noun heads or completes ("Tens of thousands of students")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("nsubj", "nsubjpass"):
            return cur
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.lemma_.lower() in QUANTITY:
            cur = cur.head.head
        else:
            return None
    return None


def _open(m: Mention, wanted: set[str]) -> bool:
    ent = m.entity
    return ent.code is None and ent.kind in ("person", "org", "group") and (ent.sector or "") in wanted


def _country_mentions(doc: Doc, same: list[Mention]) -> list[tuple[Span, Mention]]:
    """Mentions in the sentence that name a state: countries, and institutions or people of one."""
    out = []
    for m in same:
        code = m.entity.code
        abroad = ABROAD.search(m.text) is not None  # "the Mexican Embassy" stands in another state
        if code and code not in NON_STATE and (m.entity.kind == "country" or m.how == "title") and not abroad:
            span = doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
            if span is not None and not named_aside(doc, m):  # "Police in Nassau County" are not Bahamian
                out.append((span, m))
    return out


def _destination(span: Span) -> bool:
    """ "fleeing to Mexico", "flew in from Qatar": where someone goes or comes from is not where a body is
    (but where one returns to is: "without returning to Kyrgyzstan")."""
    root = span.root
    prep = root.head
    return (root.dep_ == "pobj" and prep.lower_ in ("to", "toward", "towards", "into", "from")
            and prep.head.lemma_.lower() != "return")


def _target(span: Span) -> bool:
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in ("against", "at", "on", "upon")


def _country_for(tok: Token, same: list[Mention], doc: Doc, abroad: EventLexicon | None = None) -> str | None:
    """The one country the sentence gives ``tok``'s body; ``abroad`` (a body that acts on other states) also
    leaves out where its targets are and where it meets."""
    countries = _country_mentions(doc, same)
    if not countries:
        return None
    for child in tok.children:  # "rebels in the Ivory Coast"
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            for span, other in countries:
                if child.i < span.start and span.end <= child.right_edge.i + 1:
                    return other.entity.code
    if any(_destination(span) or (abroad is not None and _target(span)) for span, _ in countries):
        return None  # "fleeing to Mexico", "the regime's attacks against Israel": not the doer's home
    if abroad is not None and tok.dep_ in ("nsubj", "nsubjpass"):  # "delegations met in Doha": where
        # officials meet is a venue, not their home; those met there ("met officials in Kabul") are the hosts
        countries = [(span, m) for span, m in countries if not venue(span.root, m, abroad)]
    codes = {other.entity.code for _, other in countries}
    return codes.pop() if len(codes) == 1 else None


# verbs that tell a crowd's act happening ("protests erupted", "rallies swept the country")
HAPPENING_VERBS = frozenset({"erupt", "break", "take", "spread", "sweep", "rage", "flare", "continue",
                             "occur", "grip", "rock", "hit", "resume", "begin", "start", "escalate",
                             "intensify"})
SWEPT_VERBS = frozenset({"sweep", "grip", "rock", "hit"})  # "protests swept Iran": the object is the scene
SWEEP_PREPS = SCENE_PREPS | {"through"}  # "protests swept through Iran"
NAMING = frozenset({"name", "alias", "capital", "place"})


def happening(noun: Token) -> bool:
    """ "Protests erupted", "rallies swept the country": an act named by a noun as the subject of a verb of
    happening ('HAPPENING_VERBS')."""
    return noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "nsubj" and noun.head.lemma_ in HAPPENING_VERBS


def scene_crowd(noun: Token, mm: MentionMap, lex: EventLexicon) -> list[Mention]:
    """ "Protests erupted in Tehran", "Nationwide protests took place in Iran", "protests swept Iran": a
    protest named by a noun that is the subject of a verb of happening, with no doer of its own, is held
    by the people ('CVL') of the one state its scene names (a place, capital or the country itself).
    Fighting and clashes are left alone: who fights is not the people of the place."""
    if not happening(noun):
        return []
    verb = noun.head
    scenes = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in SWEEP_PREPS for o in pobjs(p)]
    scenes += [o for o in verb.children if o.dep_ == "dobj" and verb.lemma_ in SWEPT_VERBS]
    codes = {m.entity.code for o in scenes for m in mm.all(o)
             if m.entity.code and m.entity.kind == "country" and m.how in NAMING}
    if len(codes) != 1:
        return []
    code = codes.pop()
    span = (noun.idx, noun.idx + len(noun.text))
    return [Mention(noun.text, span, Entity(code, "CVL", noun.lemma_, "group"), "title")]
