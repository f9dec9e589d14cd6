"""Speech acts: a quotation that accuses, threatens, rejects, demands or backs another side is an event.

"'Vladimir Putin is responsible for the bodies in Bucha,' the secretary of state said" is an ACCUSE of
Russia by the United States, though no verb of the sentence is an event trigger: the act is done by
speaking. The quote stage knows who spoke; this module reads what was said
(:func:`speech_candidates`) and gives one candidate per quotation that

- is quoted (direct or mixed), and is no heading (a quotation with no verb of saying that ends with no
  full stop); reported speech is read by the rules as any clause;
- was spoken for a side: a government or military speaker, or a body of a state or an international body;
- names exactly one side other than the speaker's, in the clause its words are in (not the speaker's own
  phrase, nor a clause joined to it, nor a place: a scene is no side), or as the person told ("told the
  US");
- holds the words of one kind of act only (the 'speech_accuse', 'speech_threaten', 'speech_reject',
  'speech_request' and 'speech_support' lists in ``data/events.json``: "responsible for", "will pay a
  price", "we will never accept", "we urge", "we stand with" ...);
- says those words of the target: as the object of the phrase ("we stand with Israel") or as the subject,
  owner or 'by' agent of the clause they are in ("Washington will pay a heavy price"), not negated;
- is not already an event the rules read in the same words for the same speaker's side.

Reported speech is read by the rules, except a judgement they have no trigger for: a copular complement
calling another side one of the 'negative_words' or 'positive_words' ("Kim said South Korea has become an
undoubted enemy": an ACCUSE of South Korea; :func:`_judgement`).

The candidate's trigger is the verb of saying (its time dates the act), or the quotation's own main verb.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from comity.events.lexicon import EventLexicon, Trigger
from comity.events.triggers import Candidate
from comity.records import Entity, Mention, Quote, Speaker
from comity.text.syntax import governing_verb

VOICES = frozenset({"GOV", "MIL"})  # a speaker whose words are their state's
BODIES = frozenset({"IGO", "UNO", "EUR", "NAT"})  # international bodies speak for themselves
TOLD = frozenset({"dobj", "dative", "iobj"})
QUOTED = frozenset({"direct", "mixed"})
KINDS = ("ACCUSE", "THREATEN", "REJECT", "REQUEST", "SUPPORT")  # read from 'speech_accuse' ... lists


def speech_candidates(doc: Doc, quotes: list[Quote], speakers: list[Speaker], body: list[Mention],
                      ruled: list[Candidate], lex: EventLexicon) -> list[Candidate]:
    """One candidate for each quotation that is a speech act of its speaker's side (module docstring)."""
    acts = {kind: lex.lists.get(f"speech_{kind.lower()}", frozenset()) for kind in KINDS}
    by_name = {s.name: s for s in speakers if s.name}
    out: list[Candidate] = []
    for quote in quotes:
        speaker = by_name.get(quote.speaker or "")
        side = _side(speaker)
        tok = _anchor(doc, quote)
        if side is None or tok is None or _heading(doc, quote):
            continue
        if quote.kind not in QUOTED:
            kind, target = _judgement(doc, quote, body, side, lex)
        else:
            kind = _kind(quote.content, acts)
            target = _target(doc, quote, tok, body, side) if kind is not None else None
            if target is not None and not _said_of(doc, quote, kind, acts[kind], target.entity.code, body):
                continue
        if target is None or _read_already(ruled, quote, side, target.entity.code):
            continue
        if _aimed_at(quote, acts[kind], body) == side:
            continue  # "stood in 'full solidarity' with the Emirates": aimed at the speaker's own side
        actor = Mention(quote.speaker_text or speaker.name, quote.speaker_span or quote.content_span,
                        Entity(side, speaker.sector, speaker.name, "person"), "name")
        trigger = Trigger(tok.lemma_.lower(), "verb", kind, context=("diplomatic",))
        out.append(Candidate(tok, trigger, kind, None, [actor], [target]))
    return out


COPULAS = frozenset({"be", "become", "remain"})


def _judgement(doc: Doc, quote: Quote, body: list[Mention], side: str,
               lex: EventLexicon) -> tuple[str | None, Mention | None]:
    """Reported speech that calls another side a name of blame or praise ('negative_words',
    'positive_words'): "Kim said South Korea has become an undoubted enemy" is an ACCUSE of South Korea,
    "Erdogan said Sweden is a friend" a SUPPORT of Sweden."""
    words = doc.char_span(*quote.content_span, alignment_mode="expand")
    if words is None or not len(words) or words.root.lemma_ not in COPULAS:
        return None, None
    verb = words.root
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    told = [m for s in subjects for m in body if m.span[0] <= s.idx < m.span[1] and m.entity.code]
    predicate = [t for c in verb.children if c.dep_ in ("attr", "acomp") for t in (c, *c.children)
                 if t.dep_ in ("attr", "acomp", "amod", "compound")]
    codes = {m.entity.code for m in told}
    if len(codes) != 1 or side in codes or any(t.dep_ == "neg" for t in verb.children):
        return None, None
    if any(lex.has("negative_words", t.lemma_) for t in predicate):
        return "ACCUSE", told[0]
    if any(lex.has("positive_words", t.lemma_) for t in predicate):
        return "SUPPORT", told[0]
    return None, None


def _side(speaker: Speaker | None) -> str | None:
    """The side a speaker speaks for: a government or military speaker's state, an international body."""
    if speaker is None or not speaker.country:
        return None
    if speaker.sector in VOICES or speaker.country in BODIES:
        return speaker.country
    return None


def _kind(content: str, acts: dict[str, frozenset[str]]) -> str | None:
    """The one kind of act whose words the quotation holds (None for none, or for words of several)."""
    text = " " + " ".join(re.findall(r"[a-z]+(?:[-'’][a-z]+)*", content.lower())) + " "
    found = {kind for kind, phrases in acts.items() if any(f" {p} " in text for p in phrases)}
    return found.pop() if len(found) == 1 else None


def _anchor(doc: Doc, quote: Quote) -> Token | None:
    """The verb of saying, else the quotation's main verb."""
    for span in (quote.cue_span, quote.content_span):
        if span is None:
            continue
        words = doc.char_span(span[0], span[1], alignment_mode="expand")
        if words is not None and len(words):
            return words.root
    return None


def _target(doc: Doc, quote: Quote, cue: Token, body: list[Mention], side: str) -> Mention | None:
    """The one other side the quotation names (:func:`_scope`), or the person it was told to ("Zelensky
    told the US"). The speaker's own side is theirs to speak of ("the U.S. commitment to Israel is
    'ironclad'"); places are scenes, not sides ("the bodies in Bucha")."""
    scope = _scope(doc, quote)
    own = quote.speaker_span or (0, 0)
    named = [m for m in body if _token_at(doc, m.span[0]) in scope and m.entity.code
             and m.how not in ("pronoun", "place") and not (own[0] <= m.span[0] < own[1])]
    told = [m for o in cue.children if o.dep_ in TOLD for m in body
            if m.span[0] <= o.idx < m.span[1] and m.entity.code]
    codes = {m.entity.code for m in named + told}
    codes.discard(side)
    if len(codes) != 1:
        return None
    return next(m for m in told + named if m.entity.code in codes)


ENDING_PREPS = ("with", "for", "to", "by", "on")
NAMING_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
BENEFIT_PREPS = frozenset({"by", "to", "for", "with", "toward", "towards"})


def _said_of(doc: Doc, quote: Quote, kind: str, phrases: frozenset[str], code: str,
             body: list[Mention]) -> bool:
    """The act's words are said of the target: the object of the phrase ("stand with Israel", "we support
    Kyiv"), or the subject of the clause they are in, or its owner or 'by' agent ("Russia will pay a heavy
    price", "the US blockade is 'dangerous and irresponsible'", "these attacks by Russia must cease"); not
    in a negated clause ("was unlikely to have any destabilizing impact"), nor of someone else ("we're
    trying to degrade Hamas's terrorist abilities")."""
    words = doc.char_span(*quote.content_span, alignment_mode="expand")
    if words is None:
        return False
    marks = [doc.char_span(*m.span, alignment_mode="expand") for m in body if m.entity.code == code]
    aimed = {i for mark in marks if mark is not None for i in range(mark.start, mark.end)}
    tokens = list(words)
    lowered = [t.lower_ for t in tokens]
    for phrase in phrases:
        parts = phrase.split()
        for i in range(len(tokens) - len(parts) + 1):
            if lowered[i:i + len(parts)] != parts:
                continue
            span = tokens[i:i + len(parts)]
            last = span[-1]
            if any(o.dep_ in ("pobj", "dobj") and _names(o, aimed) for o in last.children):
                return True
            root = next((t for t in span if not span[0].i <= t.head.i <= last.i or t.head == t), span[0])
            verb = governing_verb(root)
            if verb is not None and verb.dep_ in ("aux", "auxpass"):
                verb = verb.head  # "will pay": the verb the modal helps
            if verb is None or any(c.dep_ == "neg" for c in verb.children):
                continue
            preps = BENEFIT_PREPS if kind == "SUPPORT" else frozenset({"by"})
            if any(c.dep_ in ("nsubj", "nsubjpass") and _names(c, aimed, preps) for c in verb.children):
                return True
    return False


def _names(head: Token, aimed: set[int], preps: frozenset[str] = frozenset({"by"})) -> bool:
    """A phrase headed by ``head`` names the target: as its head, owner or modifier, or in one of ``preps``
    (its 'by' agent: "attacks by Russia"; for backing, whom it is for: "the commitment to Israel")."""
    if head.i in aimed or any(c.i in aimed for c in head.children if c.dep_ in NAMING_DEPS):
        return True
    return any(o.i in aimed for p in head.children if p.dep_ in ("agent", "prep") and p.lower_ in preps
               for o in p.children)


def _aimed_at(quote: Quote, phrases: frozenset[str], body: list[Mention]) -> str | None:
    """The side a phrase ending with its preposition names next ("solidarity with the Emirates")."""
    for phrase in (p for p in phrases if p.rsplit(" ", 1)[-1] in ENDING_PREPS):
        pattern = r"\b" + r"\W+".join(map(re.escape, phrase.split())) + r"\b"
        found = re.search(pattern, quote.content, re.IGNORECASE)
        if found is None:
            continue
        at = quote.content_span[0] + found.end()
        after = [m for m in body if 0 <= m.span[0] - at <= 12 and m.entity.code]
        return after[0].entity.code if after else None
    return None


def _heading(doc: Doc, quote: Quote) -> bool:
    """A quotation with no verb of saying of its own that ends with no full stop: a heading that quotes
    someone ("'This gang of drug addicts'"), whose speaker the quote stage can only guess."""
    if quote.cue_span is not None:
        return False
    end = quote.content_span[1]
    return not any(c in ".!?" for c in doc.text[end - 1:end + 2])


def _scope(doc: Doc, quote: Quote) -> set[int]:
    """The words read for the target: the clause the quotation's words are in, the reporter's words in
    it included ("said North Korea's latest 'provocation cannot be left without consequences at the
    Security Council'" names two sides; "the U.S. commitment to Israel is 'ironclad'"), but neither a
    clause joined to it ("described the arrest as 'a provocation' and said Vilnius stood with Poland")
    nor the speaker's own phrase ("Its foreign minister, Darius Mockus, described ...")."""
    start, end = quote.content_span
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None or not len(words):
        return set()
    verb = words.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    left_out = {t.i for c in verb.children if (c.dep_ in ("conj", "cc", "nsubj") and c.i < words.start)
                or c.dep_ in ("conj", "cc") for t in c.subtree}
    return {t.i for t in verb.subtree if t.i not in left_out} | {t.i for t in words}


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else -1


def _read_already(ruled: list[Candidate], quote: Quote, side: str, target: str) -> bool:
    """The rules coded an act of this side on that target in the quotation's words or its attribution."""
    spans = [s for s in (quote.content_span, quote.cue_span) if s is not None]
    for cand in ruled:
        inside = any(s[0] <= cand.tok.idx < s[1] for s in spans)
        if inside and side in {m.entity.code for m in cand.actor}:
            return True
        if inside and target in {m.entity.code for m in cand.recipient}:
            return True
    return False
