"""Auxiliary modes of an event read from its clause: negation, future, hypothetical; and its contexts.

The clause of a trigger is the trigger itself, the light verb that carries a
nominal trigger, and the chain of verbs that govern it through complements
("plans to visit", "refused to meet", "stopped short of sending"). Verbs joined by
"and" share what embeds them ("urged X to halt the raids and withdraw": both are
asked for), and a bare verb joined to another shares its auxiliaries ("will attend
the summit and meet Biden"). A cue stops at the clause that governs the act: not
above a past clause with its own subject, not into an act framed by "since" or
"amid", and a negation not into a framing phrase at all
(:mod:`comity.events.modality_past`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from comity.events.lexicon import EventLexicon
from comity.events.modality_past import double_negative, framed_out, judged, shared_conjunct, told_apart
from comity.events.roles import light_verb
from comity.text.syntax import child_with, for_to_clause

SELF_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
EMBED_DEPS = frozenset({"xcomp", "pcomp", "prep", "dobj", "pobj", "ccomp", "acl", "nsubjpass", "compound"})


def governors(tok: Token, lex: EventLexicon, limit: int = 4, cue: str | None = None) -> list[Token]:
    """The verbs that govern ``tok`` through complements, nearest first (not across conj or relcl, nor above
    a past clause of its own: :mod:`comity.events.modality_past`). With ``cue`` ('negation' or 'mode'),
    only those whose cue of that kind reaches ``tok`` (not across a framing phrase it stops at)."""
    out: list[Token] = []
    cur = tok
    verb = light_verb(tok, lex) if tok.pos_ in ("NOUN", "PROPN") else None
    if verb is not None:
        out.append(verb)
        cur = verb
    for _ in range(limit):
        gerund = cur.dep_ == "dobj" and cur.tag_ == "VBG"  # "avoided condemning"
        if (
            cur.dep_ not in ("xcomp", "pcomp", "prep", "ccomp", "pobj", "advmod") and not gerund
        ) or cur.head == cur:
            break
        if told_apart(cur) or (cue is not None and framed_out(cur, cue, lex)):
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX", "ADJ"):
            out.append(cur)
    return out


def _negated_here(tok: Token, lex: EventLexicon) -> bool:
    for child in tok.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ == "det" and child.lower_ == "no":
            return True
        if child.dep_ == "advmod" and child.lower_ == "longer" and any(
                g.lower_ == "no" for g in child.children):  # "will no longer double tariffs"
            return True
    return False


def is_negated(tok: Token, lex: EventLexicon) -> bool:
    """Negated: "did not", "no talks", "refused to", "stopped short of", "without sending"."""
    if _negated_here(tok, lex):
        return True
    head = tok.head
    if tok.dep_ == "pcomp" and head.lower_ == "without":
        return True
    if _purpose_of_denied(tok):
        return True
    if tok.dep_ == "pobj" and head.lower_ == "without":
        return True
    for gov in governors(tok, lex, cue="negation"):
        if double_negative(gov, lex):
            return False  # "will not hesitate to fight": the act is not denied
        denying = lex.has("negating_verbs", gov.lemma_) and not comments(gov, lex)
        if _negated_here(gov, lex) or denying:
            return True
    first = shared_conjunct(tok)
    return first is not None and is_negated(first, lex)  # "did not attend the summit or meet Biden"


def comments(verb: Token, lex: EventLexicon) -> bool:
    """The verb's infinitive is one of commenting ('comment_words'): "declined to comment on the expulsion"
    refuses a comment, and denies no act it names."""
    return any(c.dep_ == "xcomp" and lex.has("comment_words", c.lemma_) for c in verb.children)


def _purpose_of_denied(tok: Token) -> bool:
    """ "Our forces are not going to Europe to fight in Ukraine": the purpose of a denied move is not
    done either (not across a comma: "did not respond, to avoid escalation")."""
    head = _purpose_of(tok)
    return (
        head is not None
        and head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ == "mark" for c in tok.children)
        and any(c.dep_ == "neg" for c in head.children)
        and not any(t.is_punct for t in tok.doc[head.i + 1 : tok.i])
    )


def is_asked(tok: Token, lex: EventLexicon) -> bool:
    """ "don't know whether Russia has decided to attack", "asked if China would send arms", "analysts
    question how far Xi will go in backing Putin": an act in an embedded question is neither done nor
    announced."""
    def question(verb: Token) -> bool:
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children):
            return True
        wondered = verb.head.lemma_ in WONDERING  # "question how far Xi will go to back Putin"
        return wondered and any(t.lower_ in ("how", "why") for c in verb.children for t in (c, *c.children))
    clause = list(map(_first_conjunct, _clause(tok, lex)))
    wondered = [a for a in list(tok.ancestors)[:6] if a.head.lemma_ in WONDERING]  # however deep the act
    return any(verb.dep_ == "ccomp" and question(verb) for verb in clause + wondered)


WONDERING = frozenset({"question", "wonder", "ask", "doubt", "debate", "unclear", "uncertain"})


def _first_conjunct(verb: Token) -> Token:
    """ "whether Xi will attend the summit or meet Biden": the conjunct that holds what the others share."""
    for _ in range(4):
        if verb.dep_ != "conj" or verb.head == verb or verb.head.pos_ not in ("VERB", "AUX"):
            break
        verb = verb.head
    return verb


def is_attempted(tok: Token, event: str, lex: EventLexicon) -> bool:
    """ "has been working to extend a ceasefire", "seeks to broker talks", "wants to return the land": an act
    only tried for ('attempt_verbs') or wished ('wish_verbs') is not yet done. An act of material conflict
    tried for (quad class 4: "tried to storm the embassy") was done, as an attempt."""
    lists = ["wish_verbs"] if lex.types[event].quad == 4 else ["wish_verbs", "attempt_verbs"]
    for verb in list(tok.ancestors)[:5]:
        if any(lex.has_word(name, verb) for name in lists) and _complement_chain(tok, verb):
            return True
    return False


def is_hoped(tok: Token, lex: EventLexicon) -> bool:
    """ "Biden hopes Xi will not assist Russia", "is hopeful that China will help Ukraine": an act in a
    clause that a 'hoping_words' verb or adjective governs is only hoped for, neither done nor promised."""
    clause = list(map(_first_conjunct, _clause(tok, lex)))
    return any(verb.dep_ == "ccomp" and _hoping(verb.head, lex) for verb in clause)


def _hoping(head: Token, lex: EventLexicon) -> bool:
    """A hoping verb or adjective, or a copula whose complement is one ("is “hopeful” that")."""
    if lex.has_word("hoping_words", head):
        return True
    return head.lemma_ == "be" and any(
        c.dep_ == "acomp" and lex.has_word("hoping_words", c) for c in head.children)


def _complement_chain(tok: Token, verb: Token) -> bool:
    """``tok`` is ``verb``'s infinitive complement or purpose clause, or that clause's object ("working to
    extend a ceasefire"); not a phrase deeper in it ("tried to strike a balance of backing Moscow")."""
    cur = tok
    if cur.pos_ in ("NOUN", "PROPN"):
        if cur.dep_ != "dobj":
            return False
        cur = cur.head
    while cur.dep_ == "conj" and cur.head != cur:
        cur = cur.head
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "advcl"):
            return False
        if cur.head == verb:
            return True
        cur = cur.head
    return False


def is_possible(tok: Token, lex: EventLexicon) -> bool:
    """ "the prospect of a Russian invasion", "fears of an attack", "the possibility that China invades": an
    act named as a possibility ('possibility_nouns'), or as a goal by a gerund ('goal_nouns': "the
    objective of ending Iran's program"), is not reported as done."""
    cur = tok
    for _ in range(3):
        head = cur.head
        if head == cur:
            return False
        named = cur.dep_ in ("acl", "advcl", "ccomp", "relcl", "compound")
        if named and lex.has("possibility_nouns", head.lemma_):
            return True
        of = head.dep_ == "prep" and head.lower_ in ("of", "for")
        if of and lex.has("possibility_nouns", head.head.lemma_):
            return True
        if of and cur.tag_ == "VBG" and lex.has("goal_nouns", head.head.lemma_):
            return True  # "the objective of ending Iran's program" (not "the goal of Blinken's visit")
        if cur.dep_ == "xcomp" and head.lemma_ == "be" and any(  # "another option is to enact the law"
            s.dep_ == "nsubj" and lex.has("possibility_nouns", s.lemma_) for s in head.children
        ):
            return True
        cur = head
    return False


def is_question(tok: Token) -> bool:
    """An act in a sentence that asks ("Does Trump want to return the land?", "Could it be the start?")."""
    return tok.sent.text.rstrip().rstrip("\"'”’)").endswith("?")


def is_pending(tok: Token, lex: EventLexicon) -> bool:
    """ "has yet to commit", "is yet to sign": the act has not happened, and nobody refused it."""
    return any(
        verb.lemma_ in ("have", "be") and any(c.lower_ == "yet" and c.dep_ == "advmod" for c in verb.children)
        for verb in governors(tok, lex)
    )


def _modals(tok: Token) -> list[str]:
    """The verb's modals; "cannot" ("cannot accept the terms") is a refusal, not a possibility."""
    kids = list(tok.children)
    denied = any(c.dep_ == "neg" for c in kids)
    return [c.lower_ for c in kids
            if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" and not (denied and c.lower_ == "can")]


def _clause(tok: Token, lex: EventLexicon) -> list[Token]:
    """The trigger (a verb), the verbs whose modes reach it, and the conjunct whose auxiliaries it shares
    ("will attend the summit and meet Biden") with that one's governors."""
    own = [tok] if tok.pos_ in ("VERB", "AUX") else []
    first = shared_conjunct(tok)
    shared = [first, *governors(first, lex, cue="mode")] if first is not None else []
    return own + governors(tok, lex, cue="mode") + shared


def _predicate_modals(tok: Token, lex: EventLexicon) -> list[str]:
    """The modals of what is said of an act named by a subject noun ("talks could resume"); none when they
    judge a known act ("her trip could pose risks": :func:`comity.events.modality_past.judged`)."""
    subject = tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass")
    if subject and tok.head.pos_ in ("VERB", "AUX") and not judged(tok, tok.head, lex):
        return _modals(tok.head)
    return []


def _purpose_of(tok: Token) -> Token | None:
    """ "plans to travel to Vladivostok to meet Putin": the act a purpose clause serves."""
    if tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return tok.head
    return None


def _said_of(tok: Token, lex: EventLexicon, adjectives: str, modals: str,
             mode: Callable[[Token, EventLexicon], bool]) -> bool:
    """A mode said of an act outside its own clause: an adjective on its noun ("a possible summit"), the
    mode of the act its purpose clause serves, or a modal of what a subject noun is said to do ("talks
    could resume")."""
    if _modified_by(tok, adjectives, lex):
        return True
    purpose = _purpose_of(tok)
    if purpose is not None and mode(purpose, lex):
        return True
    return any(lex.has(modals, m) for m in _predicate_modals(tok, lex))


def is_future(tok: Token, lex: EventLexicon) -> bool:
    """Future: "will visit", "is to visit", "plans to visit", "is expected to sign", "the planned summit",
    "plans to travel to Moscow to meet Putin"."""
    if _said_of(tok, lex, "planned_words", "future_words", is_future):
        return True
    clause = _clause(tok, lex)
    for verb in clause:
        if any(lex.has("future_words", m) or (m == "would" and _reported(verb, lex)) for m in _modals(verb)):
            return True
        if verb != tok and lex.has("future_verbs", verb.lemma_):
            return True
        if (
            verb != tok
            and verb.lemma_ == "be"
            and any(c == tok or c in clause for c in verb.children if c.dep_ == "xcomp")
        ):
            return True
    if tok.dep_ == "xcomp" and tok.head.pos_ == "ADJ" and lex.has("willing_words", tok.head.lemma_):
        return True  # "is willing to withdraw", "stands ready to help"
    if any(headline_infinitive(v) for v in clause):
        return True
    return tok.pos_ == "VERB" and tok.dep_ == "xcomp" and tok.head.lemma_ == "be"


def headline_infinitive(verb: Token) -> bool:
    """ "Biden to host Macron at White House", "China to impose sanctions on US firms": an infinitive with a
    subject and no verb above it (a headline's, wherever the layout left one in the text) announces the
    act."""
    return (verb.dep_ == "ROOT" and verb.tag_ == "VB"
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
            and any(c.dep_ == "nsubj" for c in verb.children))


def is_conditional(tok: Token, lex: EventLexicon) -> bool:
    """A future act that makes a threat: one made to depend on another ("will withdraw its force unless
    Chad agrees", "if attacked"), or one its doer declares as its own intention ("plans to impose",
    "is prepared to impose", "said it would boycott"), except the acts of the 'intent_kept_types'.
    """
    return _on_condition(tok, lex) or _declared(tok, lex)


def _on_condition(tok: Token, lex: EventLexicon) -> bool:
    for verb in _clause(tok, lex) or [tok]:
        for clause in verb.children:
            if clause.dep_ == "advcl" and any(
                m.dep_ == "mark" and lex.has("condition_words", m.lower_) for m in clause.children
            ):
                return True
    return False


def _declared(tok: Token, lex: EventLexicon) -> bool:
    """The doer announces the act: an intention word governs it, or it says so itself ("it would")."""
    if _kept(tok, lex):
        return False  # "is willing to withdraw its troops" offers a concession; "will send ships" deploys
    clause = _clause(tok, lex)
    carrier = light_verb(tok, lex) if tok.pos_ in ("NOUN", "PROPN") else None
    if any(v not in (tok, carrier) and lex.has("intention_words", v.lemma_) for v in clause):
        return True  # "is preparing sanctions" is the act under way; "prepares to impose sanctions" a threat
    # "he believed the Russian leader would invade" announces no act of his own
    own = next((v for v in clause if child_with(v, "nsubj", "nsubjpass") is not None), None)
    return any(_reported(v, lex) and _self_subject(v) and (own is None or own == v) for v in clause)


def _self_subject(verb: Token) -> bool:
    """ "X said it would ...": the subject of the reported act is a personal pronoun for the speaker."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in SELF_PRONOUNS for c in verb.children)


def _kept(tok: Token, lex: EventLexicon) -> bool:
    """The first trigger of ``tok``'s lemma whose object condition its object meets is of an
    'intent_kept_types' type."""
    pos = "verb" if tok.pos_ in ("VERB", "AUX") else "noun"
    near = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "compound", "amod")]
    lemmas = {t.lemma_.lower() for n in near for t in (n, *n.children) if t.dep_ != "det"}
    if near:
        lemmas |= {"@actor", "@any", "@place"}  # approximated: any object may be a coded actor or place
    trigs = lex.lookup(pos, tok.lemma_)
    for trig in trigs:
        if not trig.object or lemmas & set(trig.object):
            return lex.has("intent_kept_types", trig.event)
    return bool(trigs) and all(lex.has("intent_kept_types", t.event) for t in trigs)


def _reported(verb: Token, lex: EventLexicon) -> bool:
    """The clause is what someone said ("said it would meet"): its "would" is a future."""
    return verb.dep_ == "ccomp" and lex.has("speech_verbs", verb.head.lemma_)


def _modified_by(tok: Token, words: str, lex: EventLexicon) -> bool:
    """A noun trigger with an adjective of the list ``words`` ("a possible summit", "the planned visit")."""
    return tok.pos_ in ("NOUN", "PROPN") and any(
        (c.dep_ == "amod" or (c.dep_ == "acl" and c.tag_ == "VBN")) and lex.has(words, c.lemma_)
        for c in tok.children)  # "the trip, set for mid-July": a participle too


def _awaited(verb: Token, lex: EventLexicon) -> bool:
    """ "would continue its siege until Hamas returned the hostages": what a future act waits for has not
    happened."""
    waits = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "until" for c in verb.children)
    return waits and any(lex.has("hypothetical_words", m) or lex.has("future_words", m)
                         for m in _modals(verb.head))


def _said_in_jest(tok: Token, lex: EventLexicon) -> bool:
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "conj", "xcomp") or cur.head == cur:
            return False
        cur = cur.head
        if lex.has("joking_verbs", cur.lemma_):
            return True
    return False


def _capacity(tok: Token, lex: EventLexicon) -> bool:
    """An act only said to be likely or possible for its doer: the infinitive of a 'possible_words'
    adjective or participle, through joined infinitives ("is not equipped to help defend")."""
    cur = tok
    for _ in range(3):
        if cur.dep_ != "xcomp" or cur.head == cur:
            return False
        if cur.head.pos_ in ("ADJ", "VERB") and lex.has("possible_words", cur.head.lemma_):
            return True
        cur = cur.head
    return False


def is_hypothetical(tok: Token, lex: EventLexicon) -> bool:
    """True for "could impose", "would meet", "if Russia attacks", "a possible summit", "talks could
    resume"."""
    if _said_of(tok, lex, "possible_words", "hypothetical_words", is_hypothetical):
        return True
    if _capacity(tok, lex):
        return True  # "Russia is unlikely to attack", "is likely to meet", "is not equipped to help defend"
    noun_object = tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "attr")
    if noun_object and light_verb(tok, lex) is None and any(
        lex.has("hypothetical_words", m)
        for m in _modals(tok.head) if not (m == "would" and _reported(tok.head, lex))
    ):
        return True  # "joining would likely mean more joint training": what a supposed act would bring
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "have" and tok.head.tag_ != "VBD" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    ):
        return True  # "Russia has to withdraw", "what Mexico has to offer": a duty or a capacity
    if _said_in_jest(tok, lex):
        return True  # "Trump kidded that Trudeau had agreed to cut all tariffs"
    if tok.pos_ in ("NOUN", "PROPN") and any(lex.has("hypothetical_words", m) for m in _modals(tok)):
        return True  # "should another invasion transpire", the modal hung on the noun by the parser
    for verb in _clause(tok, lex) or [tok]:
        counterfactual = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)  # "would have"
        modals = [m for m in _modals(verb)
                  if not (m == "would" and _reported(verb, lex) and not counterfactual)]
        if any(lex.has("hypothetical_words", m) for m in modals):
            return True
        cur = verb
        for _ in range(3):
            if any(c.dep_ == "mark" and lex.has("hypothetical_words", c.lower_) for c in cur.children):
                return True
            if _awaited(cur, lex):
                return True
            if cur.dep_ not in ("advcl", "conj", "ccomp") or cur.head == cur or told_apart(cur):
                break
            cur = cur.head
    return False


def embedding(tok: Token, triggered: dict[int, str], lex: EventLexicon) -> Token | None:
    """The nearest trigger of an embedding type (REQUEST, REJECT, AGREE, THREATEN, CONCEDE) governing ``tok``.

    "called for talks", "threatened to impose tariffs"; also an ACCUSE trigger over a verb ("accused Kyiv of
    attacking": the attack is alleged, not reported), and a compelling trigger over its own infinitive
    complement ("ordered the envoy to leave", "forced them to withdraw": what is compelled is not an act of
    its own; a purpose clause, "used tear gas to disperse protesters", is). None when there is none.
    """
    cur = tok
    for _ in range(8):
        if cur.dep_ == "conj" and cur.head.pos_ in ("VERB", "AUX") and tok.pos_ in ("VERB", "AUX"):
            cur = cur.head  # "said both should show restraint and withdraw": conjuncts share an embedding
            continue
        if cur.dep_ == "conj" and cur.pos_ == "ADP":  # "accused X of A and of B": the second "of" shares
            cur = next((a for a in cur.ancestors if a.pos_ == "ADP" and a.lower_ == cur.lower_), cur.head)
            continue  # the first one's embedding, wherever the parser hung it
        if (cur.dep_ not in EMBED_DEPS and not _for_to(cur) and not _bare_to(cur) and not _content_clause(cur)
                ) or cur.head == cur:
            return None
        if cur.dep_ == "prep" and lex.has("circumstance_preps", cur.lower_) and not lex.has(
            "refusal_verbs", cur.head.lemma_
        ):  # "balked at sending" is what was refused
            return None  # "pledged loans during a visit": the visit happened, it is not what was pledged
        cur = cur.head
        kind = triggered.get(cur.i)
        if kind is not None:
            alleged = kind == "ACCUSE" and tok.pos_ == "VERB"  # "accused Kyiv of attacking": an allegation
            compelled = lex.has("compelling_types", kind) and tok.dep_ == "xcomp" and tok.head == cur
            return cur if lex.has("embedding_types", kind) or alleged or compelled else None
    return None


def _content_clause(tok: Token) -> bool:
    """ "Moscow's demands that NATO commit": a clause with its own subject that the parser read as a relative
    clause on a noun ('that' taken for a relative pronoun) is the noun's content."""
    kids = list(tok.children)
    return (tok.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ not in ("that", "which", "who")
                                        for c in kids)
            and any(c.lower_ == "that" and c.i < tok.i for c in kids))


def _bare_to(tok: Token) -> bool:
    """ "offered on Tuesday to host talks": an infinitive the parser hung as an adverbial clause (no 'in
    order', no 'so as') after a time phrase is the verb's complement."""
    kids = list(tok.children)
    return (
        tok.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
        and not any(c.dep_ in ("mark", "advmod") for c in kids)
        and any(c.dep_ in ("prep", "npadvmod") and c.i < tok.i for c in tok.head.children)
    )


def _for_to(tok: Token) -> bool:
    """ "a call for the United States to accept": a for-to clause is the complement of what governs it."""
    return tok.dep_ in ("advcl", "relcl") and for_to_clause(tok)


def contexts(tok: Token, base: tuple[str, ...], lex: EventLexicon) -> tuple[str, ...]:
    """The trigger's own contexts plus those its modifiers and objects name ("defense cooperation")."""
    out = list(base)
    near = [c for c in tok.children if c.dep_ in ("compound", "amod", "dobj", "nmod")]
    near += [
        g for c in tok.children if c.dep_ == "dobj" for g in c.children if g.dep_ in ("compound", "amod")
    ]
    near += [o for c in tok.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    for word in [tok, *near]:
        for ctx in lex.context_cues.get(word.lemma_.lower(), ()):
            if ctx not in out:
                out.append(ctx)
    return tuple(out)
