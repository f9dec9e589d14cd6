"""Clauses around a trigger that name or rule out its roles: conditions and blasts.

- "threatened to halt the talks if X deploys missiles": the subject of the condition the act hangs on
  is whom the threat aims at (``condition_subjects``).
- "A roadside bomb killed two soldiers": a weapon or blast as subject names no doer (``blast_subject``).
"""

from __future__ import annotations

from spacy.tokens import Token

from comity.events_lexicon import EventLexicon
from comity.events_roles import MentionMap, collect


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


def blast_subject(verb: Token, mm: MentionMap, lex: EventLexicon) -> bool:
    """ "A roadside bomb killed two soldiers": the subject is a weapon or blast ('BLAST_NOUNS') naming no
    coded doer."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(
        s.lemma_.lower() in BLAST_NOUNS and not collect(s, mm, lex) for s in subjects
    )
