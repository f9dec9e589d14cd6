"""The detector combined with the rules: the rules fill actor and recipient, the detector re-types a
rule candidate it confidently disagrees with, and adds a candidate where the lexicon found none.

Not wired into the pipeline: :mod:`comity.events.extract` calls :func:`combine` per sentence when the
lead decides so (``benchmarks/detector.py`` measures it by patching the pipeline in-process).

- :func:`arbitrate`: a rule candidate takes the detector's type when the detector's best type clears
  ``retype`` and gives the rule's type less than ``doubt``.
- :func:`fresh_candidates`: a sentence with no rule candidate and a confident proposal gets one
  candidate on the verb that carries the act (the root, or the clause a reporting verb introduces):
  its subject is the actor, its object or prepositional object the recipient; both must be named actors
  of different sides, or no candidate is made.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from comity.events import modality as aux
from comity.events.detector import Detector, Proposal
from comity.events.lexicon import EventLexicon, Trigger
from comity.events.roles import MentionMap, collect, subject_tokens
from comity.events.triggers import FUTURE_AS_AGREE, Candidate, dedupe
from comity.records import Mention
from comity.text.syntax import objects, pobjs

YIELD = "YIELD"
MATERIAL_YIELD = frozenset({"withdraw", "release", "free", "return", "evacuate", "hand", "pull", "leave"})
RECIPIENT_PREPS = frozenset({"with", "to", "against", "on", "from", "for", "into", "at", "toward", "towards"})
NAMED = frozenset({"name", "alias", "demonym", "capital", "seat", "office", "title", "coref"})
WIDE = 0.8  # a proposal this likely may take the first actor later in the clause when no object names one
RETYPE = 0.85
DOUBT = 0.05


def _as_plover(kind: str, tok: Token) -> str:
    """The detector's YIELD as the manual's CONCEDE or RETREAT (a material giving-up is a RETREAT)."""
    if kind != YIELD:
        return kind
    return "RETREAT" if tok.lemma_.lower() in MATERIAL_YIELD else "CONCEDE"


def _yield_of(kind: str) -> str:
    return YIELD if kind in ("CONCEDE", "RETREAT") else kind


def arbitrate(cands: list[Candidate], sent: Span, detector: Detector, retype: float = RETYPE,
              doubt: float = DOUBT) -> list[Candidate]:
    """The sentence's rule candidates, re-typed where the detector confidently disagrees."""
    if not cands:
        return cands
    probs = detector.scores(_features(sent))
    classes = detector.types.classes
    best = int(probs.argmax())
    kind = classes[best]
    if kind == "none" or probs[best] < retype:
        return cands
    for cand in cands:
        mine = _yield_of(cand.event)
        if mine != kind and mine in classes and probs[classes.index(mine)] < doubt and not cand.negated:
            cand.event, cand.mode = _as_plover(kind, cand.tok), None
    return cands


def _features(sent: Span) -> list[str]:
    from comity.events.detector_features import features

    return features(sent)


def act_verb(sent: Span, lex: EventLexicon) -> Token | None:
    """The verb that carries the sentence's act: the root, or the clause a reporting verb introduces."""
    root = sent.root
    for _ in range(3):
        inner = [c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
        if not inner or not (lex.has("speech_verbs", root.lemma_) or root.pos_ == "AUX"):
            break
        root = inner[0]
    return root if root.pos_ in ("VERB", "AUX") else None


def _named(found: list[Mention]) -> list[Mention]:
    return [m for m in found if m.how in NAMED]


def _in_clause(verb: Token, mm: MentionMap, subjects: list[Token]) -> list[Mention]:
    """Actor mentions anywhere in the verb's clause outside its subject ("launched a scathing attack on the
    government of X"), nearest the verb first."""
    inside = {t.i for s in subjects for t in s.subtree}
    toks = sorted((t for t in verb.subtree if t.i not in inside and t.i > verb.i), key=lambda t: t.i)
    return [m for t in toks for m in mm.all(t)]


def _recipients(verb: Token, mm: MentionMap, lex: EventLexicon) -> list[Mention]:
    found = [m for o in objects(verb) for m in collect(o, mm, lex)]
    for prep in (c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in RECIPIENT_PREPS):
        found += [m for o in pobjs(prep) for m in collect(o, mm, lex)]
    for obj in objects(verb):  # "accused X of", "the attack on X"
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS | {"of"}):
            found += [m for o in pobjs(prep) for m in collect(o, mm, lex)]
    return found


def fresh_candidates(sent: Span, mm: MentionMap, lex: EventLexicon, proposal: Proposal | None
                     ) -> list[Candidate]:
    """One candidate from a confident proposal, its roles read from the parse; none when they are not
    both named, or name one side."""
    if proposal is None:
        return []
    verb = act_verb(sent, lex)
    if verb is None:
        return []
    subjects = subject_tokens(verb, mm)
    actors = dedupe(_named([m for t in subjects for m in collect(t, mm, lex, agent=True)]))
    mine = {m.entity.code for m in actors}
    recips = dedupe(_named(_recipients(verb, mm, lex)), mine)
    if not recips and proposal[2] >= WIDE:
        recips = dedupe(_named(_in_clause(verb, mm, subjects)), mine)[:1]
    if not actors or not recips:
        return []
    kind, modality, _ = proposal
    event = _as_plover(kind, verb)
    cand = Candidate(verb, Trigger(verb.lemma_.lower(), "verb", event), event, None, actors, recips)
    cand.negated = modality == "negated" or aux.is_negated(verb, lex)
    if modality == "hypothetical" or aux.is_hypothetical(verb, lex):
        cand.aux.append("hypothetical")
    elif modality == "future" or aux.is_future(verb, lex):
        cand.aux.append("future")
        if cand.event in FUTURE_AS_AGREE:
            cand.event = "AGREE"
        elif cand.event == "RETREAT":
            cand.event = "CONCEDE"
    return [cand]


def combine(sent: Span, cands: list[Candidate], mm: MentionMap, lex: EventLexicon, detector: Detector,
            retyping: bool = False) -> list[Candidate]:
    """A sentence's candidates with the detector: made fresh where the rules found none; re-typed only
    with ``retyping`` (on the news dev set and PLV re-typing cost recall and precision: docs/evaluation.md,
    "The sentence-level event detector")."""
    if cands:
        return arbitrate(cands, sent, detector) if retyping else cands
    return fresh_candidates(sent, mm, lex, detector.confident(sent))
