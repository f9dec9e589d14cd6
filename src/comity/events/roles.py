"""Finding an event's actor and recipient in the dependency parse.

A trigger verb's subject is its actor (the ``by`` agent when passive; the
antecedent of a relative pronoun; the controller of an infinitive or
participle); its objects and prepositional objects hold the recipient. A
trigger noun takes its actor from a possessor or an actor modifier
("Washington's tariffs", "U.S. sanctions"), from ``by``, from its ``of`` object
for entries marked so ("the withdrawal of Ethiopian forces"), or from the subject
of the light verb that governs it ("imposed sanctions", "troops remained on
alert"); ``between A and B`` gives both sides. Only mentions of coded states and
international bodies count.

Here: the mentions a phrase refers to (:class:`MentionMap`, :func:`collect`), the
actor's tokens and the light verb; the recipient's slots, ``between`` and whom an act
touches are in :mod:`comity.events.recipients`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from comity.actors.placed import CIVIL_SECTORS
from comity.events.lexicon import EventLexicon, Trigger
from comity.events.misparse import (
    fronted_subject,
    interrupting_subject,
    relative_antecedent,
    stray_subject,
    stray_subject_of,
)
from comity.records import Mention
from comity.text.syntax import (
    child_with,
    doc_text,
    for_to_clause,
    is_infinitive,
    is_passive,
    objects,
    pobjs,
    preps_after,
    preps_of,
    sums_up,
)

NON_ACTOR_SECTORS = CIVIL_SECTORS  # JRN: "told CNN", "Reuters reported"
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "xcomp", "csubj", "punct"})
PHRASE_DEPS = frozenset(
    {"conj", "appos", "compound", "amod", "nmod", "poss", "npadvmod", "nummod", "quantmod"}
)
RELATIVE = frozenset({"which", "who", "that", "whom"})
MEMBER_NOUNS = frozenset({"member", "ally", "partner", "neighbour", "neighbor", "founder", "signatory"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
STATEMENT_NOUNS = frozenset(
    {"statement", "declaration", "communique", "letter", "resolution", "message", "appeal", "note", "decree"}
)


def is_actor(mention: Mention) -> bool:
    """A coded state or international body, a person or office standing for one, or a group of its people.

    A company, school, clinic, charity or news outlet named as such (BUS, EDU, MED, NGO, JRN) is no
    actor; a group of them named with its country ("Nigerian doctors", "Kenyan teachers": how 'title')
    acts under that country with its sector, as PLOVER's sector codes provide.
    """
    ent = mention.entity
    if not ent.code or (ent.sector in NON_ACTOR_SECTORS and mention.how != "title"):
        return False
    if ent.sector in NON_ACTOR_SECTORS | {"SOC"} and "based" in mention.text.lower():
        return False  # "an Oslo-based rights group" is not Norway's: its seat is no side
    return ent.kind in ("country", "igo", "group", "person", "org")


@dataclass
class _Roles:
    actor: list[Mention]
    recipient: list[Mention]


# "Oslo-based", "Iranian-made", "Iran-backed": the place or state only modifies the thing that acts
AGAINST_HEAD = re.compile(r"\b(?:anti|counter)[-–]$", re.IGNORECASE)  # "counter-ISIS forces"
SEAT_TAIL = re.compile(r"[-–](?:based|made|built|designed|manufactured|supplied|backed|funded|sponsored"
                       r"|financed|armed|trained|linked|aligned|allied|owned|brokered|mediated)\b"
                       r"|[-–](?:Americans?|Canadians?|Britons?|Australians?)\b"  # "Palestinian-Americans"
                       r"|\s+(?:County|Parish|Township|Borough)\b", re.IGNORECASE)  # "Nassau County"


def named_aside(doc: Doc, mention: Mention) -> bool:
    """ "an Oslo-based rights group", "an Iranian-made drone", "an Iran-backed militia", "a U.S.-brokered
    truce": a place named as the seat of a body, a state named as the maker, backer or broker of a thing or
    group, an origin of citizens of another state ("Palestinian-Americans"), a homonym of a county
    ("Nassau County") or the foe of a group ("counter-ISIS forces", "the anti-Houthi coalition") is not the
    side that acts (the body or group is coded by its own name, if at all)."""
    text = doc_text(doc)
    foe = AGAINST_HEAD.search(text, max(0, mention.span[0] - 8), mention.span[0]) is not None
    return foe or SEAT_TAIL.match(text, mention.span[1]) is not None


# things named after a place that is neither their party nor their doer ("the Paris Climate Accord",
# "the Minsk agreements", "its Washington headquarters")
PLACE_NAMED = frozenset({
    "accord", "agreement", "treaty", "protocol", "convention", "declaration", "charter", "format", "process",
    "communique", "memorandum", "headquarters", "consensus", "principle", "framework", "roadmap",
})


def _named_for(span: Span, mention: Mention) -> bool:
    """The one place that names a document, a negotiating format or a body's seat (``PLACE_NAMED``): "the
    Djibouti agreement", "the Paris Climate Accord"; not the parties of "the US-China trade agreement"."""
    if mention.entity.kind != "country":
        return False
    cur = span.root
    for _ in range(3):
        if cur.dep_ != "compound" or cur.head == cur:
            return False
        cur = cur.head
        if cur.lemma_.lower() in PLACE_NAMED:
            names = {t.i for t in cur.subtree if t.i < cur.i and t.ent_type_ in ("GPE", "NORP")}
            return len(names | {span.root.i}) == 1
    return False


LEXICON_POS = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun", "ADJ": "adj"}  # tag -> slot
VENUE_HOWS = frozenset({"capital", "place"})
VENUE_PREPS = frozenset({"in", "at", "inside"})
BARE_BOTH_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "dative"})
NEIGHBOURS = frozenset({"neighbour", "neighbor"})
ENVOY_NOUNS = frozenset({"delegation", "delegate", "envoy", "negotiator", "diplomat", "official",
                         "representative", "minister", "leader"})


class MentionMap:
    """Token index -> actor mention, for one Doc."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.by_token: dict[int, list[Mention]] = {}
        self.paired: set[int] = set()  # start tokens of the sentences where a pair phrase was read
        for mention in mentions:
            if not is_actor(mention):
                continue
            span = doc.char_span(mention.span[0], mention.span[1], alignment_mode="expand")
            if span is None or named_aside(doc, mention) or _named_for(span, mention):
                continue
            for tok in span:  # "U.S.-China" is one token holding two mentions
                self.by_token.setdefault(tok.i, []).append(mention)

    def get(self, tok: Token) -> Mention | None:
        found = self.by_token.get(tok.i)
        return found[0] if found else None

    def all(self, tok: Token) -> list[Mention]:
        return self.by_token.get(tok.i, [])

    def recent_pair(self, tok: Token) -> list[Mention]:
        """ "the two leaders", "both countries": the last two sides named in this or the previous sentence."""
        sent = tok.sent
        self.paired.add(sent.start)
        start = sent.start_char if sent.start == 0 else tok.doc[sent.start - 1].sent.start_char
        own = {  # "The EU urged both countries": the pair is not the one speaking to it (nor is the phrase
            m.entity.code for s in tok.head.children  # itself: "both the Chinese and Russian governments")
            if s.dep_ in ("nsubj", "nsubjpass") and s != tok for m in self.all(s)
        }
        seen: dict[str, Mention] = {}
        for i in range(tok.i - 1, -1, -1):
            if tok.doc[i].idx < start:
                break
            for mention in self.by_token.get(i, []):
                code = mention.entity.code
                if code not in seen and code not in own and mention.how != "place":
                    seen[code] = mention
            if len(seen) == 2:
                return list(seen.values())[::-1]
        return list(seen.values()) if own else []  # "met both delegations": two sides of one country


def add_once(out: list[Mention], mention: Mention | None) -> None:
    """Append ``mention`` unless it (the very object) is already in ``out``."""
    if mention is not None and all(m is not mention for m in out):
        out.append(mention)


def _other_thing(tok: Token, mm: MentionMap, lex: EventLexicon) -> bool:
    """A conjoined noun that is no actor and names no group of one, only owned by one ("China's expansion"),
    or a conjoined name that is itself a possessor the parser hung on the list ("Ukraine and China's
    expansion of trade")."""
    if any(c.dep_ == "case" for c in tok.children) or stray_subject(tok):
        return True
    return (tok.pos_ == "NOUN" and mm.get(tok) is None and not lex.has("agent_nouns", tok.lemma_)
            and not lex.has("group_heads", tok.lemma_)
            and any(c.dep_ == "poss" for c in tok.children))


def _member_of(child: Token, head: Token) -> bool:
    """ "NATO member Turkey" (parsed either way round): the compound names the bloc the member is in."""
    named = any(c.dep_ == "appos" for c in head.children)
    return child.lemma_.lower() in MEMBER_NOUNS or (head.lemma_.lower() in MEMBER_NOUNS and named)


def collect(
    tok: Token, mm: MentionMap, lex: EventLexicon, agent: bool = False, depth: int = 0, deep: bool = False
) -> list[Mention]:
    """The actor mentions a noun phrase headed by ``tok`` refers to.

    As an agent (subject), a possessor counts only when the head is a mention or
    an agent noun ("Russia's army", not "Trump's tariffs"). ``deep`` also reads
    location phrases ("targets in Lebanon").
    """
    if _pair_phrase(tok, lex):
        return mm.recent_pair(tok)
    out: list[Mention] = []
    own = mm.get(tok)
    for mention in mm.all(tok):
        if not (agent and _not_an_agent(mention, tok)):
            add_once(out, mention)
    if depth > 6:
        return out
    strong = own is not None or not agent or lex.has("agent_nouns", tok.lemma_) or tok.pos_ == "PROPN"
    related = own is None and lex.has("relation_nouns", tok.lemma_)
    if related:  # "U.S. allies, including Kuwait", "allies of Russia": other states than the one named
        for m in _listed_relations(tok, mm, lex, depth):
            add_once(out, m)
    for child in tok.children:
        dep = child.dep_
        if related and (_related_state(child, mm) or child.dep_ in ("relcl", "acl")):
            continue  # "U.S. allies where American troops are stationed": whom they host is no side either
        if dep == "compound" and _member_of(child, tok):
            continue  # "NATO member Turkey", "EU partner Norway": the bloc describes the member
        if dep in ("conj", "appos") and _other_thing(child, mm, lex):
            continue  # "the invasion of Ukraine and China's expansion of trade": another thing, not a side
        if dep in ("conj", "appos"):
            found = collect(child, mm, lex, agent and not _people_as_side(child, mm), depth + 1, deep)
        elif dep in PHRASE_DEPS and (strong or dep != "poss"):
            found = collect(child, mm, lex, False, depth + 1, deep)
            if not strong:  # "Hezbollah guerrillas" acts; "Iranian journalist" is no state
                found = [m for m in found if m.how not in ("demonym", "place")]
        elif (
            dep == "prep"
            and strong
            and (_list_prep(child, lex) or (deep and child.lower_ in ("in", "at", "near")))
        ):
            found = [m for obj in pobjs(child) for m in collect(obj, mm, lex, False, depth + 1, deep)]
            if agent and tok.pos_ == "PROPN" and own is None:  # "Jo Smith, of Springfield": a home town
                found = [m for m in found if m.how != "place"]
        elif dep == "prep" and child.lower_ == "from" and _sent_from(tok, own, child):
            found = [m for obj in pobjs(child) for m in collect(obj, mm, lex, False, depth + 1)
                     if m.entity.kind == "country"]  # "delegations from Chile, Peru and Ecuador": each
        else:
            continue
        for m in found:
            add_once(out, m)
    return out


def mention_root(doc: Doc, mention: Mention) -> Token | None:
    """The head token of a mention ("Dhabi" of "Abu Dhabi"), or None where its span has no token."""
    span = doc.char_span(mention.span[0], mention.span[1], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def venue(tok: Token, mention: Mention, lex: EventLexicon) -> bool:
    """ "met in Doha", "talks at Geneva": a city (a capital or place mention) named as where a meeting
    (a CONSULT trigger) takes place, not a side of it ("raided offices in Khartoum" is no meeting)."""
    if mention.how not in VENUE_HOWS or tok.dep_ != "pobj" or tok.head.lower_ not in VENUE_PREPS:
        return False
    host = tok.head.head
    pos = LEXICON_POS.get(host.pos_)
    return pos is not None and any(t.event == "CONSULT" for t in lex.lookup(pos, host.lemma_))


def _sent_from(tok: Token, own: Mention | None, prep: Token) -> bool:
    """ "delegations from Chile, Peru and Ecuador", "envoys from the two governments": people a state
    sends are its side (a title mention, or an envoy noun no mention covers, sent from states: "from both
    sides" may be two sides of one state)."""
    if own is not None:
        return own.how == "title"
    return tok.lemma_.lower() in ENVOY_NOUNS and not any(o.lemma_.lower() == "side" for o in pobjs(prep))


def _related_state(child: Token, mm: MentionMap) -> bool:
    """The state a noun of relation is related to ("U.S. allies", "Russia's neighbours", "allies of
    Kyiv"); a bloc it names is what they are members of ("its European Community partners", "NATO
    allies") and stays."""
    if child.dep_ == "prep" and child.lower_ == "of":
        return any(_related_state(o, mm) for o in pobjs(child))
    mention = mm.get(child)
    dep_ok = child.dep_ in ("compound", "poss", "amod", "nmod", "pobj")
    return dep_ok and mention is not None and mention.entity.kind == "country"


def _listed_relations(tok: Token, mm: MentionMap, lex: EventLexicon, depth: int) -> list[Mention]:
    """ "Washington's allies", "U.S. allies where troops are stationed across the region, including Kuwait
    and Bahrain": a noun of relation ('relation_nouns') stands for other states than the one it is
    related to; only a list it opens ('list_preps', wherever the parser hung it in the phrase) names them."""
    for prep in tok.subtree:
        such_as = prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
        if prep.dep_ == "prep" and (such_as or lex.has("list_preps", prep.lower_)) and prep.i > tok.i:
            return [m for obj in pobjs(prep) for m in collect(obj, mm, lex, False, depth + 1)]
    return _the_other(tok, mm, lex, depth)


def _the_other(tok: Token, mm: MentionMap, lex: EventLexicon, depth: int) -> list[Mention]:
    """ "China offered Russia support and stepped up assistance to its neighbor": a noun of relation owned by
    a pronoun is, when its sentence names just two states, the one that is not its owner (the pronoun's
    referent, else the subject of the act it is in)."""
    pronouns = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"]
    named = [t for c in tok.children if c not in pronouns for t in c.subtree if mm.get(t) is not None]
    if not pronouns or named or depth > 3:
        return []  # "its European Community partners", "its ally in Yemen": the phrase says who
    owner = mm.get(pronouns[0])
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    owners = {owner.entity.code} if owner is not None else {
        m.entity.code for t in (subject_tokens(verb, mm) if verb is not None else [])
        for m in collect(t, mm, lex, agent=True, depth=depth + 1)}
    states = {}
    for word in tok.sent:
        mention = mm.get(word)
        scene = word.dep_ == "pobj" and word.head.lower_ in ("in", "at", "near", "inside")  # a place
        if mention is not None and mention.entity.kind == "country" and mention.how != "pronoun" \
                and not scene:
            states.setdefault(mention.entity.code, mention)
    if len(states) != 2 or len(owners) != 1 or not owners <= set(states):
        return []
    return [m for code, m in states.items() if code not in owners]


def _people_as_side(tok: Token, mm: MentionMap) -> bool:
    """ "Ruritania and the Vellans agreed": a people named with the article beside a state is its side."""
    mention = mm.get(tok)
    return (
        mention is not None
        and mention.how == "demonym"
        and tok.tag_ in ("NNS", "NNPS")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    )


def _both_and(tok: Token) -> bool:
    """ "agreed both to cut exports and to free prisoners": "both" opens a coordination, it names no one."""
    verb = tok.head
    clauses = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "dobj"))]
    return any(c.dep_ == "conj" and c.i > tok.i and any(a.tag_ == "TO" for a in c.children)
               for x in clauses for c in x.children)  # "... and to free": a second infinitive of its own


def _pair_phrase(tok: Token, lex: EventLexicon) -> bool:
    """ "the two men", "both countries", "the two sides" (a plural noun of the 'pair_nouns' list); "urged
    both to show restraint" (a bare "both"); "the neighbours" (plain: no word says whose)."""
    if tok.lower_ == "both" and not list(tok.children) and not _both_and(tok) and (
            tok.dep_ in BARE_BOTH_DEPS or (tok.dep_ == "preconj" and tok.head.pos_ in ("VERB", "AUX"))):
        return True
    if tok.tag_ not in ("NNS", "NNPS") or not lex.has("pair_nouns", tok.lemma_):
        return False
    if any(_pair_phrase(o, lex) for p in tok.children if p.lower_ in ("in", "of") for o in pobjs(p)):
        return True  # "leaders in both capitals", "the leaders of the two countries"
    kids = list(tok.children)
    if any(c.lower_ == "both" and c.dep_ in ("det", "predet", "nummod") for c in kids):
        return True
    definite = any(c.lower_ in ("the", "these", "those") and c.dep_ == "det" for c in kids)
    if definite and tok.lemma_.lower() in NEIGHBOURS and len(kids) == 1:
        return True
    return definite and any(c.lower_ == "two" and c.dep_ == "nummod" and not list(c.children) for c in kids)


def _not_an_agent(mention: Mention, tok: Token) -> bool:
    """A place ("Mississippi offers") or a bare demonym ("most Americans agree", "Cuban said") as subject."""
    if mention.how == "place":
        return True
    return mention.how == "demonym" and mention.span[0] <= tok.idx and tok.idx + len(tok) <= mention.span[1]


def _list_prep(prep: Token, lex: EventLexicon) -> bool:
    word = prep.lower_
    return word == "of" or lex.has("list_preps", word)


def through_quantity(obj: Token, lex: EventLexicon) -> list[Token]:
    """ "the first $450 million of an aid package", "$4 million in aid": the noun an amount is of."""
    counted = any(c.dep_ == "nummod" for c in obj.children)  # "5,000 tonnes of wheat", "40 trucks of"
    if not (counted or obj.like_num or obj.pos_ == "NUM" or lex.has("quantity_nouns", obj.lemma_)):
        return []
    money = any(c.tag_ == "$" for c in obj.subtree)  # "$4 million in radar equipment"
    preps = preps_of(obj, "of") + (preps_of(obj, "in") or preps_after(obj, "in") if money else [])
    found = [o for p in preps for o in pobjs(p)]
    return found + [c for o in found for c in o.conjuncts]


def subject_tokens(verb: Token, mm: MentionMap, depth: int = 0) -> list[Token]:
    """Tokens heading the (possibly understood) subject of ``verb``."""
    if depth > 5:
        return []
    if is_passive(verb):
        return [o for p in preps_of(verb, "by") for o in pobjs(p)]
    subj = child_with(verb, "nsubj", "csubj", "nsubjpass")
    later = [c for c in verb.children
             if c.dep_ == "nsubj" and subj is not None and subj.i < c.i < verb.i]
    if later and mm.get(later[-1]) is not None:
        subj = later[-1]  # "A member of NATO, Turkey has refused": the description is not the subject
    if subj is not None and mm.get(subj) is None and any(c.dep_ == "mark" and c.i < subj.i
                                                         for c in verb.children):
        subj = fronted_subject(verb, mm, (subj,)) or subj  # "After the talks in Geneva, Russia and ... met"
    if subj is not None:
        if subj.lower_ in RELATIVE and verb.dep_ == "relcl":
            return [relative_antecedent(subj, verb, mm) or verb.head]
        if subj.lower_ in PRONOUNS and mm.get(subj) is None:
            return _speaker_of(verb, mm, depth) or [subj]
        return [subj]
    interrupted = interrupting_subject(verb, mm) or fronted_subject(verb, mm) or stray_subject_of(verb, mm)
    if interrupted is not None:
        return [interrupted]
    head = verb.head
    if head == verb:
        return []
    dep = verb.dep_
    if dep == "acl" and verb.i > 0 and mm.get(verb.doc[verb.i - 1]) is not None:
        return [verb.doc[verb.i - 1]]  # "talk of the administration seeking to ...": the adjacent actor
    if dep == "acl" and verb.tag_ == "VBN":
        return []  # "Americans killed in the attack": the noun is what was done to
    if dep == "acl" and head.lemma_.lower() in STATEMENT_NOUNS and head.dep_ == "dobj":
        return subject_tokens(head.head, mm, depth + 1)  # "issued a statement demanding": who issued it
    owner = carried_out_owner(verb)
    if owner:
        return owner  # "Trump's decision to bomb the sites", "Russia's move to cut supplies": the owner
    if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [head]
    if _unjoined_conj(verb):
        return []  # "ordered X to leave, a day after shelling killed 14": no shared subject
    if dep == "xcomp" and head.pos_ in ("VERB", "AUX"):
        controller = [o for o in objects(head) if mm.get(o) is not None]
        return controller or subject_tokens(head, mm, depth + 1)
    if dep == "conj" and is_passive(head) and not is_passive(verb):  # "was indicted by X and will resign"
        return [c for c in head.children if c.dep_ == "nsubjpass"]
    if dep == "conj" and verb.tag_ in FINITE and for_to_clause(head) and head.head != head:
        return subject_tokens(head.head, mm, depth + 1)  # "called for X to disarm and urged Y": the caller
    if dep in ("conj", "advcl", "xcomp", "ccomp", "acomp"):  # "China is willing to hold talks"
        return subject_tokens(head, mm, depth + 1)
    if dep == "pcomp" and head.head != head:
        grand = head.head  # "strike a balance of backing", "stopped short of sending": up to the verb
        for _ in range(3):
            if grand.pos_ in ("VERB", "AUX") or grand.dep_ not in ("dobj", "pobj", "prep", "advmod", "acomp"):
                break
            grand = grand.head
        if grand.pos_ in ("VERB", "AUX"):  # "accused Kyiv of attacking", "congratulated Modi on meeting
            controller = [o for o in objects(grand) if mm.get(o) is not None]  # Putin": the object acts;
            if head.lower_ in ADJUNCT_PREPS and not is_passive(grand):  # "despite sending troops, Kenya
                controller = []  # criticized Ethiopia": the subject does what an adjunct phrase tells (of a
                # passive verb the object read is that subject: "since invading Georgia, Russia was shunned")
            return controller or subject_tokens(grand, mm, depth + 1)
    return []


FINITE = frozenset({"VBD", "VBZ", "VBP"})
# prepositions of an adjunct phrase whose gerund is the subject's act ("despite sending troops, Kenya
# criticized Ethiopia", "after meeting Xi, Biden ..."): the 'framing_preps' of events.json and "by",
# "without", "while"; after any other ("accused X of attacking", "warned X against attacking") the object acts
ADJUNCT_PREPS = frozenset({"after", "following", "since", "during", "amid", "despite", "before", "until",
                           "throughout", "by", "without", "while"})
# nouns whose infinitive is an act their owner did ("Trump's decision to bomb"); a plan, threat or offer
# to act tells no act done, and is left to the rules of modality
CARRIED_OUT = frozenset({"decision", "move"})


def carried_out_owner(verb: Token) -> list[Token]:
    """The owner of a decision or move whose infinitive ``verb`` is ("Trump's decision to bomb"), or []."""
    head = verb.head
    if verb.dep_ != "acl" or not is_infinitive(verb) or head.lemma_.lower() not in CARRIED_OUT:
        return []
    return [c for c in head.children if c.dep_ == "poss"]



def _speaker_of(verb: Token, mm: MentionMap, depth: int) -> list[Token]:
    """In "Switzerland said it had expelled ...", the pronoun is the speaker."""
    cur = verb
    while cur.dep_ in ("conj", "xcomp") and cur.head != cur:
        cur = cur.head
    if cur.dep_ != "ccomp" or cur.head.pos_ not in ("VERB", "AUX"):
        return []
    heads = subject_tokens(cur.head, mm, depth + 1)
    return [h for h in heads if mm.get(h) is not None or h.pos_ in ("NOUN", "PROPN")]


def light_verb(noun: Token, lex: EventLexicon) -> Token | None:
    """The support verb that carries a noun trigger ("imposed sanctions", "held talks")."""
    head = noun.head
    dep = noun.dep_
    for _ in range(4):  # "X and sanctions", "one of its largest attacks", "a package of sanctions"
        if dep == "conj" and head.pos_ in ("NOUN", "PROPN"):
            dep, head = head.dep_, head.head
        elif dep == "pobj" and head.lower_ == "of" and lex.has("quantity_nouns", head.head.lemma_):
            dep, head = head.head.dep_, head.head.head
        else:
            break
    if (
        dep in ("dobj", "nsubjpass", "oprd")  # "called a general strike" is parsed as a predicate
        and head.pos_ in ("VERB", "AUX")
        and lex.has_word("support_verbs", head)
        and not (dep == "dobj" and any(c.dep_ == "oprd" for c in head.children))
    ):  # "called the attack a terrorist act" names the attack: it does not carry it
        return head
    if dep == "pobj" and head.lower_ == "with" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        return head.head  # "retaliated with missile attacks"
    if dep == "pobj" and head.lower_ == "on" and lex.has("state_verbs", head.head.lemma_):
        return head.head  # "troops remained on alert", "put its army on alert", "is on a visit to X"
    if dep == "pobj" and head.lower_ == "in" and lex.has("speech_verbs", head.head.lemma_):
        return head.head  # "said in a statement that both sides should"
    if dep == "pobj" and head.lower_ == "in" and lex.has("stance_verbs", head.head.lemma_):
        return head.head  # "stands in solidarity with Argentina", "acted in support of the rebels"
    if dep == "pobj" and head.lower_ == "for" and lex.has("motion_verbs", head.head.lemma_):
        return head.head  # "negotiators return to Geneva for talks", "crowds gathered for a rally"
    return None


def noun_actor_tokens(noun: Token, trig: Trigger, lex: EventLexicon, mm: MentionMap) -> list[Token]:
    """Tokens naming the actor of a nominal trigger."""
    out = [c for c in noun.children if c.dep_ == "poss" and not (c.pos_ == "PRON" and mm.get(c) is None)]
    out += [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and mm.get(c) is not None]
    out += [o for p in preps_of(noun, "by") for o in pobjs(p)]
    ofs = [o for p in preps_of(noun, "of") for o in pobjs(p)] if trig.of == "actor" else []
    # "the withdrawal of forces from X" misparsed: a recipient phrase on the 'of' object names no actor
    slots = {f"prep:{c.lower_}" for o in ofs for c in o.children if c.dep_ == "prep"}
    ofs = [] if slots & set(trig.recipient) else ofs
    if out or any(collect(o, mm, lex) for o in ofs):  # "the withdrawal of its forces": from the verb
        return out + ofs
    verb = light_verb(noun, lex)
    if verb is not None and not sums_up(noun):
        return subject_tokens(verb, mm)
    if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        return noun_actor_tokens(noun.head, trig, lex, mm)
    return []


TIME_SUBORDINATORS = frozenset({"after", "before", "since", "when", "while", "until", "as"})


def _unjoined_conj(verb: Token) -> bool:
    """A time clause the parser joined to the verb before it as a conjunct or complement ("ordered X to
    leave, a day after shelling killed 14"): a word opening a time clause ('TIME_SUBORDINATORS') stands
    between the two verbs, on either, with no 'and' or 'or' joining them."""
    if verb.dep_ not in ("conj", "ccomp", "xcomp") or verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False  # "urged X after the meeting to withdraw": a true infinitive complement
    between = verb.doc[verb.head.i + 1 : verb.i]
    if any(t.dep_ == "cc" and t.head == verb.head for t in between):
        return False  # "expelled the envoy and after a week closed the border": a true conjunct
    opening = (t for t in between if t.dep_ in ("prep", "mark", "advmod"))
    opening = (t for t in opening if t.head == verb.head or verb in t.ancestors)
    return any(t.lower_ in TIME_SUBORDINATORS for t in opening)
