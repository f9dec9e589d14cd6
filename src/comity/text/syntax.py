"""Reading spaCy's dependency parse: helpers every stage shares.

Nothing here knows a lexicon or a mention: only tokens, their heads, children
and dependency labels (the English model's ClearNLP-style labels). Stages
keep their own readings (roles, tense, cues) and build them on these.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

Span = tuple[int, int]  # character offsets, end exclusive
# dependency labels of a verb that heads a clause of its own
CLAUSE_HEAD_DEPS = frozenset(
    {"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "acl", "pcomp"}
)


def pobjs(prep: Token) -> list[Token]:
    out = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    # "spoke with [Putin] urging him to agree": the parser makes the object the subject of a gerund (not
    # after a comma: "..., with US officials saying Moscow supplies them" is a clause of its own)
    if prep.i == 0 or prep.doc[prep.i - 1].text != ",":
        out += [s for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"
                for s in c.children if s.dep_ == "nsubj" and s.left_edge.i == prep.i + 1]
    if not out and not list(prep.children):  # "granted asylum to [five officers holed up ...]": the object
        clauses = [c for c in prep.head.children if c.dep_ in ("advcl", "acl", "ccomp") and c.i > prep.i]
        out = [s for c in clauses for s in c.children if s.dep_ == "nsubj" and s.left_edge.i == prep.i + 1]
    for child in prep.children:
        if child.dep_ == "prep":  # "such as"
            out.extend(c for c in child.children if c.dep_ == "pobj")
    if not out and prep.head.i == prep.i - 1:  # "called on [Burmese President Min Aung Hlaing]" read as
        out = [o for o in prep.head.children if o.dep_ == "dobj" and _split_name(prep.head, o)]  # an object
    return out


# participles that state a stance rather than a passive act: "Israel is opposed to", "is committed to"
STATIVE = frozenset({"oppose", "commit", "determine", "dedicate"})


def is_passive(verb: Token) -> bool:
    if verb.lemma_.lower() in STATIVE and not any(c.dep_ == "agent" for c in verb.children):
        return False
    return (any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or linked_participle(verb)
            or reduced_relative(verb))


def reduced_relative(verb: Token) -> bool:
    """ "the war in Yemen, prosecuted by Saudi Arabia", "sailors seized by Iran": a past participle that
    modifies a noun is passive; the noun is its object."""
    return (verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for c in verb.children))


LINKING = frozenset({"remain", "stay", "stand", "seem", "appear", "become", "get", "look", "feel"})


def linked_participle(verb: Token) -> bool:
    """ "China remains accused of forced labor": a participle after a linking verb is passive; its
    subject is that verb's."""
    return (verb.tag_ == "VBN" and verb.dep_ in ("acomp", "oprd", "xcomp")
            and verb.head.lemma_.lower() in LINKING)


def child_with(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def preps_after(tok: Token, lemma: str) -> list[Token]:
    """A preposition the parser hung on the governing verb right after ``tok``: "delivered $2 million in"."""
    return [p for p in preps_of(tok.head, lemma) if p.i == tok.right_edge.i + 1]


def preps_of(tok: Token, lemma: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("prep", "agent", "prt", "dative") and c.lower_ == lemma]


def objects(verb: Token) -> list[Token]:
    """The verb's logical object: the direct object, or the passive subject."""
    if is_passive(verb):
        if linked_participle(verb):
            return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if reduced_relative(verb):
            return [verb.head]
        return [c for c in verb.children if c.dep_ == "nsubjpass"]
    found = [c for c in verb.children if c.dep_ == "dobj"] or [c for c in verb.children if c.dep_ == "oprd"]
    found = [c for c in found if not _split_name(verb, c)]
    return found or _up_to_count(verb) or _relative_object(verb)


def _split_name(verb: Token, obj: Token) -> bool:
    """ "called on Indian Prime Minister Modi to apologise", which the parser reads as 'on' (with or without
    'Indian Prime Minister' as its object) and an object 'Modi': a proper-name object that the words after
    a preposition right after the verb lead up to is the object of that preposition, not of the verb."""
    doc = verb.doc
    if obj.pos_ != "PROPN" or verb.i + 1 >= len(doc):
        return False
    prep = doc[verb.i + 1]
    if prep.dep_ != "prep" or prep.head != verb or obj.i <= prep.i + 1:
        return False
    inside = set(obj.subtree) | {t for c in prep.children for t in c.subtree}
    return all(doc[i] in inside for i in range(prep.i + 1, obj.i))


def _relative_object(verb: Token) -> list[Token]:
    """ "the fishermen its coast guard had detained": a relative clause with its own subject and no object
    or complement of its own has the noun it modifies as its object."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return []
    kids = {c.dep_ for c in verb.children}
    if "nsubj" not in kids or kids & {"dobj", "ccomp", "xcomp", "prep", "dative", "attr", "acomp"}:
        return []
    return [verb.head]


def _up_to_count(verb: Token) -> list[Token]:
    """ "kidnapped up to 16 advisers", which the parser reads as a particle 'up' and a prepositional 'to'."""
    ups = [c for c in verb.children if c.dep_ == "prt" and c.lower_ == "up"]
    tos = [c for u in ups for c in u.children if c.dep_ == "prep" and c.lower_ == "to"]
    objs = [o for t in tos for o in t.children if o.dep_ == "pobj"]
    return [o for o in objs if any(n.dep_ == "nummod" for n in o.children)]


def is_complement(tok: Token) -> bool:
    """A verb's infinitive complement or purpose clause ("refused to return", "blocked roads to show")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return tok.dep_ == "xcomp" or (
        tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


def for_to_clause(verb: Token) -> bool:
    """ "for Hezbollah to lay down its arms": a clause opened by 'for', with its own subject and 'to'."""
    kids = list(verb.children)
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in kids) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in kids)


def is_infinitive(verb: Token) -> bool:
    """A verb with its infinitive marker ("to bomb")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def governing_verb(token: Token) -> Token | None:
    """The nearest verb or auxiliary at or above ``token`` in the parse (None in a verbless fragment)."""
    seen = 0
    while seen < 40:
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token, seen = token.head, seen + 1
    return None


def auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def clause_head(token: Token) -> Token:
    """The head of the clause holding ``token``: the nearest verb that heads a clause."""
    current, seen = token, 0
    while seen < 40:
        if current.pos_ in ("VERB", "AUX") and current.dep_ in CLAUSE_HEAD_DEPS:
            return current
        if current.head.i == current.i:
            return current
        current, seen = current.head, seen + 1
    return current


def subtree_span(token: Token, skip: Token | None = None) -> Span:
    """Characters covered by ``token``'s subtree, optionally leaving out ``skip``'s subtree
    when it hangs at one edge."""
    toks = list(token.subtree)
    if skip is not None:
        cut = {t.i for t in skip.subtree}
        rest = [t for t in toks if t.i not in cut]
        before = [t for t in rest if t.i < skip.left_edge.i]
        after = [t for t in rest if t.i > skip.right_edge.i]
        toks = before if len(before) >= len(after) else after
    if not toks:
        return token.idx, token.idx + len(token)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def crosses_paragraph(a: Token, b: Token) -> bool:
    """Does a paragraph break lie between two tokens (a parse run across paragraphs)?"""
    lo, hi = sorted((a.i, b.i))
    return "\n" in a.doc[lo:hi].text_with_ws  # the text between them, without building the Doc's


def tokens_between(doc: Doc, starts: list[int], span: Span) -> list[Token]:
    """Tokens starting inside ``span``; ``starts`` is the list of token offsets of ``doc``."""
    lo = bisect_left(starts, span[0])
    hi = bisect_left(starts, span[1])
    return [doc[i] for i in range(lo, hi)]

_TEXT = "comity.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc and kept (spaCy joins every token's text on each call)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def sums_up(noun: Token) -> bool:
    """ "Colombia said Venezuela is providing refuge to guerrillas, an allegation that Caracas denies": a noun
    phrase set after a comma with "a"/"an", on a verb that already has its complement before the comma,
    sums up the clause (the parser hangs it on that verb as a second object; "launched, early on Monday,
    a massive attack" is the verb's own object)."""
    start = noun.left_edge.i
    if start == 0 or noun.doc[start - 1].text != "," or noun.doc[start].lower_ not in ("a", "an"):
        return False
    verb = noun.head
    return any(c.dep_ in ("dobj", "attr", "ccomp", "xcomp", "dative") and c.right_edge.i < start - 1
               for c in verb.children if c != noun)
