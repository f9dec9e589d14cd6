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
- is not already read by the rules: no candidate of theirs in its words or attribution is an act of the
  speaker's side or one done to or by the target.

Reported speech is read by the rules, except a judgement they have no trigger for: a copular complement
calling another side one of the 'negative_words' or 'positive_words' ("Kim said South Korea has become an
undoubted enemy": an ACCUSE of South Korea; :func:`_judgement`).

The candidate's trigger is the verb of saying (its time dates the act), or the quotation's own main verb.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from comity.actors.dictionary import IGO_CODES
from comity.entities.voices import STATE_VOICES
from comity.events.lexicon import EventLexicon, Trigger
from comity.events.roles import is_actor
from comity.events.triggers import Candidate
from comity.records import Entity, Mention, Quote, Speaker
from comity.text.syntax import governing_verb

TOLD = frozenset({"dobj", "dative", "iobj"})
QUOTED = frozenset({"direct", "mixed"})
KINDS = ("ACCUSE", "THREATEN", "REJECT", "REQUEST", "SUPPORT")  # read from 'speech_accuse' ... lists


def speech_candidates(doc: Doc, quotes: list[Quote], speakers: list[Speaker], body: list[Mention],
                      ruled: list[Candidate], lex: EventLexicon) -> list[Candidate]:
    """One candidate for each quotation that is a speech act of its speaker's side (module docstring)."""
    acts = {kind: lex.lists.get(f"speech_{kind.lower()}", frozenset()) for kind in KINDS}
    judged = lex.lists.get("speech_judged", frozenset())
    by_name = {s.name: s for s in speakers if s.name}
    out: list[Candidate] = []
    for quote in quotes:
        speaker = by_name.get(quote.speaker or "")
        side = _side(speaker)
        tok = _anchor(doc, quote)
        words = doc.char_span(*quote.content_span, alignment_mode="expand")
        if side is None or tok is None or not words or _heading(doc, quote):
            continue
        if quote.kind not in QUOTED:
            kind, target = _judgement(words, body, side, lex)
        else:
            kind = _kind(quote.content, acts)
            target = _target(doc, words, quote, tok, body, side) if kind is not None else None
            if target is not None and not _said_of(doc, words, kind, acts[kind], target.entity.code, body,
                                                   judged):
                continue
        if target is None or _read_already(ruled, quote, side, target.entity.code):
            continue
        if _aimed_at(quote, acts[kind], body) == side:
            continue  # "stood in 'full solidarity' with the Emirates": aimed at the speaker's own side
        actor = Mention(quote.speaker_text or speaker.name, quote.speaker_span or quote.content_span,
                        Entity(side, speaker.sector, speaker.name, "igo" if side in IGO_CODES else "person"),
                        "name")
        trigger = Trigger(tok.lemma_.lower(), "verb", kind, context=("diplomatic",))
        out.append(Candidate(tok, trigger, kind, None, [actor], [target]))
    return out


COPULAS = frozenset({"be", "become", "remain"})


def _judgement(words: Span, body: list[Mention], side: str,
               lex: EventLexicon) -> tuple[str | None, Mention | None]:
    """Reported speech that calls another side a name of blame or praise: "Kim said South Korea has become
    an undoubted enemy" is an ACCUSE of South Korea, "Erdogan said Sweden is a friend" a SUPPORT of Sweden.

    The name is the predicate's own noun or adjective ('negative_words', 'positive_words', less the
    'judgement_exclude' words that describe rather than judge: "a strong economy", "a humanitarian
    catastrophe"), or a word on a noun naming a state ("a terrorist regime"). Not when negated ("is no
    friend", "never was"), only possible ("could become"), or when the predicate names another side
    ("remains China's closest partner")."""
    if words.root.lemma_ not in COPULAS:
        return None, None
    verb = words.root
    heads = [c for c in verb.children if c.dep_ in ("attr", "acomp")]
    told = [m for s in verb.children if s.dep_ == "nsubj" for m in _covering(body, s) if m.entity.code]
    codes = {m.entity.code for m in told}
    others = [m for h in heads for t in h.subtree for m in _covering(body, t) if m.entity.code]
    if len(codes) != 1 or side in codes or others or _denied(verb, heads):
        return None, None
    names = [t for h in heads for t in (h, *(c for c in h.children if c.dep_ in ("amod", "compound")
                                             and h.lemma_ in STATE_WORDS))]
    names = [t for t in names if not lex.has("judgement_exclude", t.lemma_)]
    if any(lex.has("negative_words", t.lemma_) for t in names):
        return "ACCUSE", told[0]
    if any(lex.has("positive_words", t.lemma_) for t in names):
        return "SUPPORT", told[0]
    return None, None


STATE_WORDS = frozenset({"regime", "state", "nation", "country", "government", "power", "neighbour",
                         "neighbor"})


def _denied(verb: Token, heads: list[Token]) -> bool:
    """ "is not a friend", "is no friend", "never was", "could become": no judgement made."""
    if any(c.dep_ == "neg" or c.lower_ in ("never", "hardly") for c in verb.children) or _possible(verb):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for h in heads for c in h.children)


def _side(speaker: Speaker | None) -> str | None:
    """The side a speaker speaks for: a government or military speaker's state, an international body."""
    if speaker is None or not speaker.country:
        return None
    if speaker.sector in STATE_VOICES or speaker.country in IGO_CODES:  # a body speaks for itself
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


def _target(doc: Doc, words: Span, quote: Quote, cue: Token, body: list[Mention], side: str
            ) -> Mention | None:
    """The one other side the quotation names (:func:`_scope`), or the person it was told to ("Zelensky
    told the US"). The speaker's own side is theirs to speak of ("the U.S. commitment to Israel is
    'ironclad'"); places are scenes, not sides ("the bodies in Bucha")."""
    scope = _scope(words)
    own = quote.speaker_span or (0, 0)
    named = [m for m in body if _token_at(doc, m.span[0]) in scope and is_actor(m)
             and m.how not in ("pronoun", "place") and not (own[0] <= m.span[0] < own[1])]
    told = [m for o in cue.children if o.dep_ in TOLD for m in _covering(body, o) if is_actor(m)]
    codes = {m.entity.code for m in named + told}
    codes.discard(side)
    if len(codes) != 1:
        return None
    return next(m for m in told + named if m.entity.code in codes)


ENDING_PREPS = ("with", "for", "to", "by", "on")
NAMING_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
BENEFIT_PREPS = frozenset({"by", "to", "for", "with", "toward", "towards"})


def _said_of(doc: Doc, words: Span, kind: str, phrases: frozenset[str], code: str,
             body: list[Mention], judged: frozenset[str]) -> bool:
    """The act's words are said of the target: the object of the phrase ("stand with Israel", "we support
    Kyiv", "will strike Israel"), its own owner, modifier or 'by' agent ("Russia's aggression", "these
    attacks by Russia"), or - only for words that judge or befall their subject ('speech_judged':
    "responsible for", "will pay a heavy price", "illegal") - the subject of the clause they are in, its
    owner or 'by' agent ("the US blockade is 'dangerous and irresponsible'"; for backing also whom the
    subject is for: "the U.S. commitment to Israel is 'ironclad'"). Not in a clause that is negated, only
    possible ("may retaliate") or hoped for, nor of someone else ("degrade Hamas's terrorist abilities",
    "Ukraine is the victim of aggression")."""
    marks = [doc.char_span(*m.span, alignment_mode="expand") for m in body if m.entity.code == code]
    aimed = {i for mark in marks if mark is not None for i in range(mark.start, mark.end)}
    tokens = list(words)
    lowered = [_plain(t.text) for t in tokens]
    for phrase in sorted(phrases):
        parts = _plain(phrase).split()
        for i in range(len(tokens) - len(parts) + 1):
            if lowered[i:i + len(parts)] == parts and _of_target(tokens[i:i + len(parts)], kind, phrase,
                                                                 aimed, judged):
                return True
    return False


def _of_target(span: list[Token], kind: str, phrase: str, aimed: set[int], judged: frozenset[str]) -> bool:
    """One occurrence of a phrase (:func:`_said_of`)."""
    last = span[-1]
    root = next((t for t in span if not span[0].i <= t.head.i <= last.i or t.head == t), span[0])
    verb = governing_verb(root)
    if verb is not None and verb.dep_ in ("aux", "auxpass"):
        verb = verb.head  # "will pay": the verb the modal helps
    if verb is None or _unreal(verb, phrase):
        return False
    if any(o.dep_ in ("pobj", "dobj") and _names(o, aimed) for o in last.children):
        return True
    if root.pos_ in ("NOUN", "PROPN") and any(c.i in aimed for c in root.children if c.dep_ in NAMING_DEPS):
        return True  # "Russia's aggression"
    if phrase not in judged:
        return False
    preps = BENEFIT_PREPS if kind == "SUPPORT" else frozenset({"by"})
    return any(c.dep_ in ("nsubj", "nsubjpass") and _names(c, aimed, preps) for c in verb.children)


def _plain(text: str) -> str:
    """Words compared as the tokenizer splits them: "won't" as "wo n't", curly apostrophes straight."""
    text = text.lower().replace("\u2019", "'")
    text = text.replace("won't", "wo n't").replace("can't", "ca n't")
    return text.replace("n't", " n't").replace("  ", " ")


def _unreal(verb: Token, phrase: str) -> bool:
    """A clause negated (unless the phrase itself says no), only possible, or hoped for."""
    negated = any(c.dep_ == "neg" for c in verb.children) and not any(w in phrase.split()
                                                                       for w in ("not", "never", "n't"))
    hoped = verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_ in ("hope", "wish", "want", "expect")
    return negated or _possible(verb) or hoped


def _possible(verb: Token) -> bool:
    """ "may retaliate", "could become": said only as possible."""
    return any(c.dep_ == "aux" and c.lower_ in ("may", "might", "could") for c in verb.children)


def _covering(body: list[Mention], tok: Token) -> list[Mention]:
    """The mentions whose words hold ``tok``."""
    return [m for m in body if m.span[0] <= tok.idx < m.span[1]]


def _names(head: Token, aimed: set[int], preps: frozenset[str] = frozenset({"by"})) -> bool:
    """A phrase headed by ``head`` names the target: as its head, owner or modifier, or in one of ``preps``
    (its 'by' agent: "attacks by Russia"; for backing, whom it is for: "the commitment to Israel")."""
    if head.i in aimed or any(c.i in aimed for c in head.children if c.dep_ in NAMING_DEPS):
        return True
    return any(o.i in aimed for p in head.children if p.dep_ in ("agent", "prep") and p.lower_ in preps
               for o in p.children)


def _aimed_at(quote: Quote, phrases: frozenset[str], body: list[Mention]) -> str | None:
    """The side a phrase ending with its preposition names next ("solidarity with the Emirates")."""
    for phrase in sorted(p for p in phrases if p.rsplit(" ", 1)[-1] in ENDING_PREPS):
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


def _scope(words: Span) -> set[int]:
    """The words read for the target: the clause the quotation's words are in, the reporter's words in
    it included ("said North Korea's latest 'provocation cannot be left without consequences at the
    Security Council'" names two sides; "the U.S. commitment to Israel is 'ironclad'"), but neither a
    clause joined to it ("described the arrest as 'a provocation' and said Vilnius stood with Poland")
    nor the speaker's own phrase ("Its foreign minister, Darius Mockus, described ...")."""
    verb = governing_verb(words.root) or words.root
    joined = [c for c in verb.children
              if c.dep_ in ("conj", "cc") or (c.dep_ == "nsubj" and c.i < words.start)]
    left_out = {t.i for c in joined for t in c.subtree}
    return {t.i for t in verb.subtree if t.i not in left_out} | {t.i for t in words}


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else -1


def _read_already(ruled: list[Candidate], quote: Quote, side: str, target: str) -> bool:
    """The rules read an act in the quotation's words or its attribution that this side does, or that is
    done to or by the target ("'Hezbollah will strike Israel,' Gallant said": the rules' ASSAULT of Israel
    by Hezbollah is what was said)."""
    spans = [s for s in (quote.content_span, quote.cue_span) if s is not None]
    for cand in ruled:
        if not any(s[0] <= cand.tok.idx < s[1] for s in spans):
            continue
        sides = {m.entity.code for m in (*cand.actor, *cand.recipient)}
        if side in {m.entity.code for m in cand.actor} or target in sides:
            return True
    return False
