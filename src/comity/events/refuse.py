"""Recasting an act by what governs it: refusals, threats, and acts that a verb of ending takes over.

- A refusal is a REJECT (PLOVER manual, REJECT: "all rejections and refusals"), with the refused act's
  mode ('yield', 'meet', 'assist'): a negated agreement or concession in any tense ("did not accept the
  terms", "failed to reach agreement"), a negated cooperative act its actor declares for the future
  ("will not meet", "would not send troops", said), and an act its actor rules out ("removing the
  sanctions is out of the question"; 'ruled_out_phrases').
- A threat's mode is its content (manual, THREATEN modes): a threatened expulsion is 'expel', an arrest
  'arrest', a blockade, boycott, strike or other restriction 'restrict', a cut in relations or talks
  'relations', an attack or a deployment 'violence', a seizure of land 'territory'.
- A promise of a harmful act ("pledged to strike", 'promise_verbs') is a THREATEN, not an AGREE.
- A noun trigger that a verb of another type names as its object condition ("ended its mediation",
  "suspended talks") is that verb's object, not an event of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from comity.events import modality as aux
from comity.events.clauses import ruled_out
from comity.events.lexicon import EventLexicon, Trigger
from comity.events.triggers import Candidate

# the manual's REQUEST and REJECT modes for the act asked for or refused
ASKED_MODES = {
    "CONSULT": "meet",
    "AGREE": "meet",
    "AID": "assist",
    "COOPERATE": "assist",
    "SUPPORT": "assist",
    "RETREAT": "yield",
    "CONCEDE": "yield",
}
# acts whose negation in any tense is a refusal: not agreeing, not conceding
REFUSED_IN_ANY_TENSE = frozenset({"AGREE", "CONCEDE"})
# acts whose negation is a refusal when declared for the future ("will not meet")
REFUSED_IN_FUTURE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT"})
# THREATEN mode by the threatened act's (type, mode); (type, None) is the type's default
THREAT_MODES: dict[tuple[str, str | None], str | None] = {
    ("SANCTION", "expel"): "expel",
    ("SANCTION", "convict"): "arrest",
    ("SANCTION", None): "relations",
    ("COERCE", "arrest"): "arrest",
    ("COERCE", "deport"): "expel",
    ("COERCE", None): "restrict",
    ("PROTEST", None): "restrict",  # boycotts and strikes
    ("ASSAULT", None): "violence",
    ("MOBILIZE", None): "violence",
    ("RETREAT", None): "relations",  # "threatened to walk out of the talks"
}
TERRITORY_LEMMAS = frozenset(
    {"annex", "absorb", "occupy", "seize", "invade", "annexation", "occupation", "invasion"}
)


def threat_mode(event: str, mode: str | None, lemma: str) -> str | None:
    """The THREATEN mode for a threatened act of type ``event`` and mode ``mode`` named by ``lemma``."""
    if event == "THREATEN":
        return mode
    if lemma.lower() in TERRITORY_LEMMAS:
        return "territory"
    return THREAT_MODES.get((event, mode), THREAT_MODES.get((event, None)))


def _softened(tok: Token, lex: EventLexicon) -> bool:
    """Negated by a verb that neither refuses nor fails ("stopped short of", "avoided")."""
    return any(
        lex.has("negating_verbs", g.lemma_)
        and not lex.has("refusal_verbs", g.lemma_)
        and not lex.has("failure_verbs", g.lemma_)
        for g in aux.governors(tok, lex)
    )


def _is_refusal(cand: Candidate, lex: EventLexicon) -> bool:
    """The negated act is a refusal of it (see the module docstring)."""
    if not cand.negated or "hypothetical" in cand.aux or _softened(cand.tok, lex):
        return False
    if ruled_out(cand.tok, lex):
        return True
    kinds = {cand.event, cand.trigger.event}
    if kinds & REFUSED_IN_ANY_TENSE:
        return True
    return "future" in cand.aux and bool(kinds & (REFUSED_IN_FUTURE | {"AGREE"}))


def recast_refusal(cand: Candidate, lex: EventLexicon) -> None:
    """A refusal becomes a REJECT with the refused act's mode, stated now (not negated, not future)."""
    if not _is_refusal(cand, lex):
        return
    refused = cand.trigger.event if cand.trigger.event in ASKED_MODES else cand.event
    cand.event, cand.mode, cand.negated = "REJECT", ASKED_MODES.get(refused), False
    cand.aux = [a for a in cand.aux if a != "future"]


def promised_harm(outer: Candidate, inner: Candidate, lex: EventLexicon) -> bool:
    """ "pledged to strike Kyiv": a promise ('promise_verbs') of a harmful act ('threat_types', less the
    'intent_kept_types') is a threat."""
    if outer.event != "AGREE" or outer.negated or inner.negated:
        return False
    if not lex.has("promise_verbs", outer.tok.lemma_):
        return False
    harmful = lex.has("threat_types", inner.event) and not lex.has("intent_kept_types", inner.event)
    return harmful or inner.event == "THREATEN"


def promised_abstention(outer: Candidate, inner: Candidate, lex: EventLexicon) -> bool:
    """ "pledged not to send any weapons into Ukraine": a promise ('promise_verbs') of a negated act refuses
    that act."""
    return (outer.event == "AGREE" and not outer.negated and inner.negated
            and lex.has("promise_verbs", outer.tok.lemma_))


def agreed_measure(outer: Candidate, inner: Candidate, lex: EventLexicon) -> bool:
    """ "agreed to remove Russian banks from SWIFT", "agreed to restrict China's access": sides agreeing on a
    coercive measure ('measure_types') decide that measure; it is aimed at its target, not at them."""
    return (outer.event == "AGREE" and outer.tok.lemma_.lower() == "agree" and not outer.negated
            and not inner.negated and lex.has("measure_types", inner.event))


def make_measure(outer: Candidate, inner: Candidate) -> None:
    outer.event, outer.mode = inner.event, inner.mode
    outer.aux = [*dict.fromkeys([*outer.aux, "future"])]


def make_refusal(outer: Candidate, inner: Candidate) -> None:
    outer.event, outer.mode = "REJECT", ASKED_MODES.get(inner.event)
    outer.aux = [a for a in outer.aux if a != "future"]


def make_threat(outer: Candidate, inner: Candidate) -> None:
    outer.event = "THREATEN"
    outer.mode = threat_mode(inner.event, inner.mode, inner.tok.lemma_)


def owned_nouns(matched: dict[int, Trigger], doc: Doc, lex: EventLexicon) -> set[int]:
    """Noun triggers that a matched verb of another, non-embedding type names in its object condition
    ("ended its mediation between A and B" is the ending, SANCTION, not a mediation)."""
    out: set[int] = set()
    for i, trig in matched.items():
        tok = doc[i]
        verb = matched.get(tok.head.i)
        if (
            trig.pos == "noun"
            and tok.dep_ in ("dobj", "nsubjpass")
            and verb is not None
            and verb.pos == "verb"
            and verb.event != trig.event
            and tok.lemma_.lower() in verb.object
            and not lex.has("embedding_types", verb.event)
        ):
            out.add(i)
    return out
