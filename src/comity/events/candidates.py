"""The event candidates of one sentence: embedding, negation, modality, refusals and purposes.

Triggers and their roles come from :mod:`comity.events.triggers`; here a sentence's candidates are combined;
:mod:`comity.events.merge` dates candidates and merges them into events.
When a trigger's recipient slots name no one, the recipient is read from the
phrases of its object, its complement or purpose clause, the condition a
threat hangs on, and for material acts the scene ("suspended an aid
programme for X", "refused to return funds to X", "threatened to leave unless
X ...", "lifted the curfew in X"); a blast that kills names only its victims;
a go-between's mediation acts on both sides it stands between; a request for an act
that has no doer of its own is aimed at whom that act names ("called for talks with X",
"asked for a meeting of the Security Council"). Refusals (REJECT),
threat modes, promises of harm (THREATEN) and nouns a verb of ending takes over
are recast by :mod:`comity.events.refuse`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from comity.events import border, clauses, purpose, refuse, sides
from comity.events import modality as aux
from comity.events.lexicon import EventLexicon, Trigger
from comity.events.modality_past import is_cancelled
from comity.events.recipients import answered
from comity.events.refuse import ASKED_MODES, threat_mode
from comity.events.roles import MentionMap, collect, subject_tokens
from comity.events.triggers import (
    FUTURE_AS_AGREE,
    SYMMETRIC,
    Candidate,
    candidate,
    dedupe,
    judged_acts,
    match_trigger,
    noun_roles,
    verb_roles,
)
from comity.records import Mention
from comity.text.syntax import objects

INNER_MODES = {
    "REQUEST": ASKED_MODES,  # asking for an act and refusing one share the manual's modes
    "REJECT": ASKED_MODES,
}


def _fuller(other: Candidate, cand: Candidate) -> bool:
    """``other`` records the same act as ``cand`` (same type and actors), with a recipient."""
    codes = {m.entity.code for m in cand.actor}
    return (
        other is not cand
        and other.event == cand.event
        and bool(other.recipient)
        and codes == {m.entity.code for m in other.actor}
    )


def _act_subject(cand: Candidate, cands: dict[int, Candidate], mm: MentionMap) -> Candidate | None:
    """The candidate of an act noun of the same type that is the subject of ``cand``'s verb ("the strike
    that hit a mall", "the attack killed 20"): the verb tells what that act did."""
    if cand.tok.pos_ not in ("VERB", "AUX"):
        return None
    for subject in subject_tokens(cand.tok, mm):
        act = cands.get(subject.i)
        if act is not None and act is not cand and act.event == cand.event and subject.pos_ == "NOUN":
            return act
    return None


def _apply_modality(cand: Candidate, lex: EventLexicon) -> None:
    """Negation and mode from the trigger's clause; a cancelled act ("the cancellation of future calls") is
    a future act that will not happen (a refusal of it, for :func:`comity.events.refuse.recast_refusal`).
    A predicate adjective's clause is its copula's ("has not been critical of X")."""
    tok = cand.tok.head if cand.tok.pos_ == "ADJ" and cand.tok.dep_ == "acomp" else cand.tok
    cancelled = is_cancelled(tok, lex)
    cand.negated = cand.negated or cancelled or aux.is_negated(tok, lex)
    hypothetical = not cancelled and aux.is_hypothetical(tok, lex)
    if (hypothetical or aux.is_future(tok, lex)) and lex.has("threat_types", cand.event) and (
        not cancelled and aux.is_conditional(tok, lex)
    ):
        cand.mode = threat_mode(cand.event, cand.mode, tok.lemma_)
        cand.event = "THREATEN"  # a harmful act promised on a condition is a threat
        return
    if hypothetical:
        cand.aux.append("hypothetical")
    elif cancelled or aux.is_future(tok, lex):
        cand.aux.append("future")
        if cand.event in FUTURE_AS_AGREE:
            cand.event, cand.mode = "AGREE", None
        elif cand.event == "RETREAT":
            cand.event, cand.mode = "CONCEDE", None


def unreal(tok: Token, event: str, lex: EventLexicon) -> bool:
    """An act the sentence does not report as happening: asked about, not yet done, only tried for,
    wished or hoped for, or named as a possibility."""
    return (aux.is_pending(tok, lex) or aux.is_asked(tok, lex) or aux.is_question(tok)
            or aux.is_attempted(tok, event, lex) or aux.is_hoped(tok, lex) or aux.is_possible(tok, lex))


COOPERATIVE = frozenset({"CONSULT", "COOPERATE", "AID", "SUPPORT", "AGREE"})


def _inherit(outer: Candidate, inner: list[Candidate]) -> None:
    """An embedding event takes its recipient and mode from what it embeds ("threatened tariffs on X"); a
    request is aimed at whoever it asks to act ("a call for Israel to withdraw from Gaza")."""
    actor_codes = {m.entity.code for m in outer.actor}
    for cand in inner:
        if not outer.recipient and cand.event in SYMMETRIC and not actor_codes & _codes(cand):
            outer.recipient = dedupe(cand.actor + cand.recipient)  # "offered to host talks between A and B"
        if not outer.recipient and outer.event == "REQUEST":
            outer.recipient = dedupe(cand.actor, actor_codes)
        # two sides agreeing on another's act agree with each other, not with its target (a coercive measure
        # they agree on is decided instead: refuse.agreed_measure)
        joint = outer.event == "AGREE" and len(actor_codes) > 1 and cand.event not in COOPERATIVE
        if not outer.recipient and not joint:
            outer.recipient = dedupe(cand.recipient, actor_codes)
        if outer.mode is None and outer.event == "THREATEN":
            outer.mode = threat_mode(cand.event, cand.mode, cand.tok.lemma_)
        elif outer.mode is None:
            outer.mode = INNER_MODES.get(outer.event, {}).get(cand.event)


def _forecasts(cands: dict[int, Candidate], outer_of: dict[int, int], lex: EventLexicon) -> set[int]:
    """ "Japan warned that China could invade Taiwan", "warned that North Korea may be preparing a test": a
    warning aimed at no one whose every embedded act is done by another side than the warner foretells
    them; it threatens nothing (PLOVER manual, THREATEN: the actor threatens to take an action). Decided
    once per warning, over all it embeds, before any lends it a recipient ("warned that China could invade
    Taiwan and that it would retaliate against China" is a threat to China)."""
    inners: dict[int, list[Candidate]] = {}
    for i, outer in outer_of.items():
        if outer >= 0 and i in cands and outer in cands:
            inners.setdefault(outer, []).append(cands[i])
    return {outer for outer, acts in inners.items() if all(_foretold(cands[outer], act, lex) for act in acts)}


def _foretold(warning: Candidate, act: Candidate, lex: EventLexicon) -> bool:
    """An act a warning aimed at no one tells as another side's doing: foretold, not threatened."""
    if warning.event != "THREATEN" or warning.recipient or not lex.has("warning_verbs", warning.tok.lemma_):
        return False
    return bool(act.actor) and not {m.entity.code for m in warning.actor} & {m.entity.code for m in act.actor}


def _codes(cand: Candidate) -> set[str]:
    return {m.entity.code for m in cand.actor + cand.recipient}


def sentence_candidates(sent: Span, mm: MentionMap, lex: EventLexicon) -> list[Candidate]:
    """Every event candidate in one sentence."""
    matched = {t.i: trig for t in sent if (trig := match_trigger(t, mm, lex)) is not None}
    doc = sent.doc
    for i, trig in list(matched.items()):  # a light verb yields to its noun ("imposed sanctions")
        tok = doc[i]
        objs = [c for o in objects(tok) for c in (o, *o.conjuncts)]
        if (
            trig.pos == "verb"
            and not trig.object  # "lodged a protest with X" is its own entry, with its own roles
            and lex.has_word("support_verbs", tok)
            and any(o.i in matched and matched[o.i].pos == "noun" for o in objs)
        ):
            del matched[i]
    for i in refuse.owned_nouns(matched, doc, lex):  # "ended its mediation": the ending, not a mediation
        del matched[i]
    kinds = {i: t.event for i, t in matched.items()}
    outer_of: dict[int, int] = {}
    negated: set[int] = set()
    for i in matched:
        emb = aux.embedding(doc[i], kinds, lex)
        if emb is None:
            continue
        if lex.has("refusal_verbs", emb.lemma_) and doc[i].pos_ in ("VERB", "AUX"):
            negated.add(i)  # "refused to meet": a REJECT of the meeting, or else a negated meeting
            outer_of[i] = emb.i
        elif lex.has("negating_verbs", emb.lemma_) and doc[i].pos_ in ("VERB", "AUX"):
            negated.add(i)  # "stopped short of sending": the act, negated
            outer_of[emb.i] = -1
        else:
            outer_of[i] = emb.i
    _fold_objects(matched, outer_of, negated, doc)
    return _resolve(matched, outer_of, negated, doc, mm, lex)


def _asked_of(
    tok: Token, trig: Trigger, outer: Candidate, mm: MentionMap, lex: EventLexicon
) -> list[Mention]:
    """ "called for talks with X", "asked for a meeting of the Council": a request whose asked act has no
    doer of its own is aimed at whom that act names, its doers, or the counterpart of a meeting."""
    actors, found = (verb_roles if trig.pos == "verb" else noun_roles)(tok, trig, mm, lex)
    return dedupe(actors or (found if trig.event in SYMMETRIC else []), {m.entity.code for m in outer.actor})


def _fold_objects(matched: dict[int, Trigger], outer_of: dict[int, int], negated: set[int], doc: Doc) -> None:
    """ "refused to provide aid": the aid goes with the providing into the refusal; "made an appeal to
    provide aid to Peru": into the appeal."""
    for i in matched:
        head = doc[i].head.i
        if i in outer_of or head not in matched or outer_of.get(head, -1) < 0:
            continue
        if head in negated or (doc[i].dep_ == "dobj" and matched[head].event == matched[i].event):
            if head in negated:  # "refused to provide aid"; "an appeal to provide aid": the same act, asked
                negated.add(i)
            outer_of[i] = outer_of[head]


def _resolve(
    matched: dict[int, Trigger],
    outer_of: dict[int, int],
    negated: set[int],
    doc: Doc,
    mm: MentionMap,
    lex: EventLexicon,
) -> list[Candidate]:
    """Candidates from matched triggers: roles, modality, embedding, and the precision filters."""
    cands: dict[int, Candidate] = {}
    for i, trig in matched.items():
        cand = candidate(doc[i], trig, mm, lex)
        if cand is not None and not unreal(doc[i], cand.event, lex):
            cand.negated = i in negated or clauses.ruled_out(doc[i], lex)
            _apply_modality(cand, lex)
            if cand.event == "THREATEN" and not cand.recipient:  # "will boycott the summit unless X ..."
                mine = {m.entity.code for m in cand.actor}
                found = [m for t in clauses.condition_subjects(doc[i], lex) for m in collect(t, mm, lex)]
                cand.recipient = dedupe(found, mine)
            cands[i] = cand
    for i, cand in list(cands.items()):
        if cand.event != cand.trigger.event and cand.trigger.fallback and purpose.covers(cand, cands):
            del cands[i]
        elif cand.trigger.irrealis and i not in outer_of and "future" not in cand.aux:
            del cands[i]  # "retaliated against X": no act of its own, unlike "vowed to retaliate"
            for inner in [k for k, o in outer_of.items() if o == i]:  # "retaliated with strikes on X"
                del outer_of[inner]
    forecasts = _forecasts(cands, outer_of, lex)  # "Japan warned that China could invade Taiwan"
    for i, outer in outer_of.items():
        if outer >= 0 and i not in cands and outer in cands and cands[outer].event == "REQUEST":
            asked = _asked_of(doc[i], matched[i], cands[outer], mm, lex)
            cands[outer].recipient = cands[outer].recipient or asked
        if (outer >= 0 and i in cands and outer in cands and outer not in forecasts
                and not _foretold(cands[outer], cands[i], lex)):  # lends the warning nothing
            if refuse.promised_harm(cands[outer], cands[i], lex):  # "pledged to strike": a threat
                refuse.make_threat(cands[outer], cands[i])
            elif refuse.promised_abstention(cands[outer], cands[i], lex):  # "pledged not to send arms"
                refuse.make_refusal(cands[outer], cands[i])
            elif refuse.agreed_measure(cands[outer], cands[i], lex):  # "agreed to cut banks off SWIFT"
                refuse.make_measure(cands[outer], cands[i])
            _inherit(cands[outer], [cands[i]])
    for i in forecasts:
        del cands[i]
    for i, cand in cands.items():  # "will not meet their demands": a refusal (not one folded into another)
        if outer_of.get(i, -1) not in cands:
            refuse.recast_refusal(cand, lex)
    purpose.fold_topics(cands, lex)
    for i in [i for i, cand in cands.items() if purpose.no_protest(cand, lex)]:
        del cands[i]  # a ceremony or a campaign rally
    for i, cand in list(cands.items()):
        if not cand.recipient and any(_fuller(other, cand) for other in cands.values()):
            del cands[i]  # "launched attacks on Kyiv, killing 12": the killing is that attack
    for i, cand in list(cands.items()):
        act = _act_subject(cand, cands, mm)
        if act is not None:  # "the attack in Israel that killed 1,200 people": the killing is the attack
            mine = {m.entity.code for m in act.actor}
            act.recipient = act.recipient or [m for m in cand.recipient if m.entity.code not in mine]
            del cands[i]
    for i, cand in list(cands.items()):
        cand.recipient = cand.recipient or answered(cand.tok, cand.actor, mm, lex)  # "in retaliation for X's"
        alone = any(sides.stands_alone(m, cand.event, lex) for m in cand.actor)
        idle = sides.idle_alone(cand.tok, cand.event, cand.actor, mm, lex, match_trigger)
        codes = {m.entity.code for m in cand.actor}
        one_sided = len(codes) < 2 or cand.event not in SYMMETRIC  # "A and B met": each the other's
        if not cand.recipient and ((one_sided and idle) or (len(cand.actor) < 2 and not alone)):
            # a person or agency acting alone is domestic politics more often than not; one that judges an
            # act told earlier ("Stoltenberg condemned the attack") waits for its doers (extract._judged_acts)
            cand.pending = cand.pending or bool(judged_acts(cand.tok, cand.event, lex, mm))
            if not cand.pending:
                del cands[i]
        elif not cand.recipient:  # a protest's or a rebellion's target named elsewhere in the sentence
            cand.recipient = purpose.target(cand, cands, lex)
            cand.recipient = cand.recipient or sides.home_target(cand.tok, cand.actor, mm, lex)
            cand.recipient = cand.recipient or border.frontier_side(cand.tok, cand.event, cand.actor, mm, lex)
    dropped = {i for i, o in outer_of.items() if o != -1 and (o in cands or i not in negated)}
    dropped |= {o for o, v in outer_of.items() if v == -1}
    return [c for i, c in sorted(cands.items()) if i not in dropped]
