"""Which way a time expression points, read from the grammar of its governing verb.

"will attend Friday's parade" points ahead, "said on Friday" back, "is to visit
Beijing in September" ahead, "has spoken to Putin on Jan. 21" back, "is in
Moscow from Wednesday" now. Explicit words (next, last, ago) are handled by
the resolver; this module only reads tense and aspect.

Modals are prospective: in news, "would", "could", "might", "may", "should",
"must" after a reporting verb is the future seen from the past ("said troops
would join exercises in September" points ahead of publication). Some
readings differ: a perfect modal looks back ("should have reopened in May"),
as does a refusal or failure ("would not say on Friday", "could not be
reached on Sunday", a verb from ``refusal_verbs``); any other negated "could"
and a plain "can" (ability, habit) give no direction. The habitual past
("would often visit in summer") is rare in news and is read as ahead. A
weekday under a soft modal reads ``recent``: the report is a day or so old,
so "said the session on Monday would focus on …" may mean yesterday.
A past-tense "planned to" / "was to" / "hoped to" in a clause reported by
another verb ("said the army planned to withdraw in May") is likewise future
in the past; standing alone it gives no direction. A condition in the
present ("if he is elected in November") is yet to be met: ahead; a
participle condition ("if adopted in the second half of the year") or a past
one under a modal ("how ties would fare if he won on Nov. 8") takes the tense
of the clause it conditions; another past condition keeps its own tense.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from comity.datafiles import cached_for
from comity.text.syntax import auxiliaries, governing_verb
from comity.times.words import vocabulary

FUTURE_AUX = {"will", "shall", "'ll", "’ll", "wo"}
MODALS = {"would", "could", "might", "may", "should", "must", "can", "ought", "'d", "’d"}
CONDITION_MARKS = {"if", "unless", "once"}
SOFT_MODALS = {"would", "could", "might", "may", "should", "'d", "’d"}
CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "acl", "pcomp"}


@cached_for("times.json")
def future_verbs() -> frozenset[str]:
    return frozenset(vocabulary()["future_verbs"])


@cached_for("times.json")
def refusal_verbs() -> frozenset[str]:
    return frozenset(vocabulary().get("refusal_verbs", []))


def _infinitive_governor(verb: Token) -> Token | None:
    """For 'to visit' in 'is to visit' / 'plans to visit', the governing 'is' / 'plans'."""
    if verb.dep_ in ("xcomp", "ccomp", "advcl") and any(c.lower_ == "to" for c in auxiliaries(verb)):
        return verb.head
    return None


def _is_future_verb(token: Token) -> bool:
    """A verb from ``future_verbs`` by lemma, or by its form when the lemmatiser slips ('hoped' -> 'hop')."""
    words = future_verbs()
    lower = token.lower_
    if token.lemma_ in words or lower in words:
        return True
    return any(lower.endswith(end) and lower[: -len(end)] in words for end in ("d", "ed", "s", "es", "ing"))


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _modal_tense(verb: Token, auxes: list[Token]) -> str | None:
    """The direction a modal gives: ahead, except a perfect modal, a refusal or "could not"."""
    modal = next(a for a in auxes if a.lower_ in MODALS)
    if any(a.lemma_ == "have" for a in auxes):
        return "past"
    if modal.lower_ == "can":  # present ability or habit: 'can accept in a year'
        return None
    if not _negated(verb) or modal.lower_ not in ("would", "could", "'d", "’d"):
        return "future"
    if verb.lemma_ in refusal_verbs():
        return "past"
    return None if modal.lower_ == "could" else "future"


def _reported(verb: Token) -> bool:
    """True when ``verb`` heads a clause reported by another verb ('said the army planned to …')."""
    seen = 0
    while verb.dep_ == "conj" and seen < 10:
        verb, seen = verb.head, seen + 1
    return verb.dep_ == "ccomp" and verb.head.pos_ in ("VERB", "AUX")


def _condition_head(verb: Token) -> Token | None:
    """For 'adopted' in 'if adopted …, would cut', the conditioned verb 'cut'. A condition in the
    simple past keeps its own tense unless what it conditions is a modal ('if he won on Nov. 8,
    ties would …' is hypothetical; 'if he won on Tuesday, he is the favourite' looks back)."""
    if verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in verb.children):
        return None
    past = verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries(verb))
    if past and _modal(verb.head) is None:
        return None
    return verb.head


def _governed_tense(verb: Token, governor: Token, depth: int) -> str | None:
    """The tense of 'to visit' from its governor: 'is to', 'plans to', 'planned to' (when reported)."""
    if _is_future_verb(governor) or governor.lemma_ == "be":
        above = tense(governor, depth + 1)
        if above != "past":
            return "future"
        simple = not any(a.lemma_ == "have" for a in auxiliaries(governor))
        return "future" if simple and _reported(governor) else None
    return tense(governor, depth + 1)


def tense(verb: Token, depth: int = 0) -> str | None:
    """``past``, ``future``, ``present`` or None (nothing to go on)."""
    auxes = auxiliaries(verb)
    lowers = {a.lower_ for a in auxes}
    if lowers & FUTURE_AUX:
        return "future"
    if lowers & MODALS and verb.tag_ not in ("VBD", "VBZ", "VBP"):  # "should poked": a misparse
        return _modal_tense(verb, auxes)
    condition = _condition_head(verb)
    if condition is not None and _present(verb):
        return "future"  # 'if a Republican is elected in November': a condition yet to be met
    if condition is not None and depth < 3:
        return tense(condition, depth + 1)
    governor = _infinitive_governor(verb)
    if governor is not None and depth < 3:
        return _governed_tense(verb, governor, depth)
    if any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD":
        return "past"
    if _is_future_verb(verb) and (verb.tag_ == "VBN" or any(a.dep_ == "auxpass" for a in auxes)):
        return "future"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "advcl"):
        return "past"
    if any(a.lemma_ == "have" for a in auxes):
        return "past"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes):
        return "future" if any(a.tag_ in ("VBZ", "VBP") for a in auxes) else "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return None


def _ongoing(verb: Token) -> bool:
    """True for the plain present or present progressive ('is in Paris', 'is chairing'), no modal or 'to'."""
    auxes = auxiliaries(verb)
    if {a.lower_ for a in auxes} & (FUTURE_AUX | MODALS | {"to"}) or _infinitive_governor(verb) is not None:
        return False
    if verb.tag_ == "VBG":
        return any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes)
    return verb.tag_ in ("VBZ", "VBP") and not any(a.tag_ in ("VBD", "VBN") for a in auxes)


def direction(doc: Doc, start: int, end: int, now: bool = False, weekday: bool = False) -> str | None:
    """The direction of the time expression at characters ``start``-``end`` of ``doc``.

    With ``now``, a plain present or present progressive ('is in Paris Monday through
    Thursday', 'is chairing the sessions …') reads ``present`` rather than ``future``.
    With ``weekday``, a future in the past ('said the session on Monday would focus on …')
    reads ``recent``: the report is a day or so old, so the weekday may be yesterday.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = governing_verb(span.root)
    if verb is None:
        return None
    if now and _ongoing(verb):
        return "present"
    way = tense(verb)
    if way is None and _tenseless_participle(verb):
        way = _past_above(verb)
    if weekday and way == "future" and _modal_above(verb) in SOFT_MODALS:
        return "recent"
    return way


def _past_above(verb: Token) -> str | None:
    """ "Iran provided support to networks, including Hamas, the group behind the Oct. 7 attack": a
    participle with no tense of its own in a clause told in the past looks back too (a present clause
    above it says nothing of when the phrase's time was: "the huzzahs coming out Monday night, Clinton
    still has work to do")."""
    for _ in range(3):
        verb = governing_verb(verb.head)
        if verb is None:
            return None
        way = tense(verb)
        if way is not None or not _tenseless_participle(verb):
            return "past" if way == "past" else None
    return None


def _tenseless_participle(verb: Token) -> bool:
    """A participle with no auxiliary that hangs on a noun or a phrase ("including", "following",
    "according"): it has no tense of its own."""
    return (verb.tag_ in ("VBG", "VBN") and not auxiliaries(verb) and verb.head != verb
            and verb.dep_ in ("prep", "acl", "amod", "pcomp"))


def _modal(verb: Token) -> str | None:
    return next((a.lower_ for a in auxiliaries(verb) if a.lower_ in MODALS), None)


def _present(verb: Token) -> bool:
    forms = [verb.tag_] + [a.tag_ for a in auxiliaries(verb)]
    return any(tag in ("VBZ", "VBP") for tag in forms) and not any(tag in ("VBD", "MD") for tag in forms)


def _modal_above(verb: Token) -> str | None:
    """The modal that makes ``verb`` future: its own, or that of a governor ('would then need' above
    'if Sanders managed to split …')."""
    for _ in range(4):
        modal = _modal(verb)
        if modal is not None:
            return modal
        above = _infinitive_governor(verb) or _condition_head(verb)
        if above is None:
            return None
        verb = above
    return None
