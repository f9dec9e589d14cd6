"""Clauses around a trigger that name or rule out its roles: conditions and blasts.

- "threatened to halt the talks if X deploys missiles": the subject of the condition the act hangs on
  is whom the threat aims at (``condition_subjects``).
- "A roadside bomb killed two soldiers": a weapon or blast as subject names no doer (``blast_subject``).
- "X said that removing the sanctions is out of the question": the act is ruled out (``ruled_out``), by
  the speaker of the clause (``ruling_speakers``).
"""

from __future__ import annotations

from spacy.tokens import Token

from comity.events.lexicon import EventLexicon
from comity.events.roles import MentionMap, collect, subject_tokens


def condition_subjects(verb: Token, lex: EventLexicon) -> list[Token]:
    """ "threatened to halt the talks if X deploys missiles": the subject of the condition the act hangs on.

    Read on the verb and on the verb it governs; a condition opens with one of the 'condition_words'.
    """
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    hosts = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    clauses = [c for h in hosts for c in h.children if c.dep_ == "advcl" and _conditional(c, lex)]
    return [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]


def _conditional(clause: Token, lex: EventLexicon) -> bool:
    return any(m.dep_ == "mark" and lex.has("condition_words", m.lower_) for m in clause.children)


# a weapon or blast as the subject of a killing names no doer ("a roadside bomb killed two soldiers")
BLAST_NOUNS = frozenset(
    {
        "bomb", "bombing", "blast", "explosion", "explosive", "device", "mine", "landmine", "minefield",
        "shell", "shelling", "rocket", "missile", "mortar", "grenade", "gunfire", "airstrike", "strike",
    }
)
# what a passive act's 'by' phrase may name when its doer is left uncoded ("killed by a drone")
VIOLENT_AGENTS = BLAST_NOUNS | {
    "drone", "bullet", "shot", "sniper", "gunman", "attacker", "assailant", "militant", "artillery", "fire",
    "shrapnel", "attack", "raid", "bomber", "projectile", "munition", "warhead", "barrage",
}


def blast_subject(verb: Token, mm: MentionMap, lex: EventLexicon) -> bool:
    """ "A roadside bomb killed two soldiers": the subject is a weapon or blast ('BLAST_NOUNS') naming no
    coded doer."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(
        s.lemma_.lower() in BLAST_NOUNS and not collect(s, mm, lex) for s in subjects
    )


def other_cause(verb: Token, mm: MentionMap, lex: EventLexicon) -> bool:
    """ "has been hit in the pocket by an unusual problem", "were hit by a heat wave": a passive act whose
    'by' agent is neither a weapon or attacker ('VIOLENT_AGENTS') nor a side is no assault."""
    agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    weather = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children
               if o.dep_ == "pobj" and (lex.has("disaster_nouns", o.lemma_) or o.lemma_ == "temperature")]
    return bool(weather) or (bool(agents) and all(  # "hit with high temperatures", "hit by a heat wave"
        a.lemma_.lower() not in VIOLENT_AGENTS and not collect(a, mm, lex) for a in agents))


def ruled_out(tok: Token, lex: EventLexicon) -> bool:
    """ "Removing the sanctions is out of the question": the act is the subject of a ruling-out phrase."""
    head = tok.head
    if tok.dep_ not in ("csubj", "nsubj") or head.lemma_ != "be":
        return False
    for prep in (c for c in head.children if c.dep_ == "prep"):
        phrase = " ".join(t.lower_ for t in prep.subtree)
        if lex.has("ruled_out_phrases", phrase):
            return True
    return False


def ruling_speakers(tok: Token, mm: MentionMap) -> list[Token]:
    """Who rules the act out: the speaker of the clause it is the subject of ("X said that ...")."""
    head = tok.head
    if head.dep_ == "ccomp" and head.head.pos_ in ("VERB", "AUX"):
        return subject_tokens(head.head, mm)
    said = [c for c in head.children if c.dep_ in ("parataxis", "ccomp") and c.pos_ == "VERB"]
    return [t for s in said for t in subject_tokens(s, mm)]
