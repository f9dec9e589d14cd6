"""The size of ASSAULT, COERCE and PROTEST events: dead, injured, arrested, participants.

``event_size(tok, event, negated, figures)`` reads the count figures of the
figures stage (:func:`comity.figures.find_figures`) in the trigger's sentence
and keeps those that belong to the trigger's clause:

* the count noun is an argument of the trigger itself ("arrested 52 members",
  "the massacre of 45 villagers", "a march by 5,000 students"), or of the verb
  whose object, subject or setting the trigger noun is ("the raid killed 12
  people", "12 people were killed in the raid", "500 workers went on strike"),
  or of the passive verb whose doer a "when"/"as" clause tells ("3 people were
  killed when police fired on the crowd");
* or of a participle or relative clause on the trigger ("shelled the town,
  killing at least 14 civilians", "an attack that killed 12"), or of a verb
  conjoined with it, or with such a participle, that shares its subject ("killed
  12 soldiers and wounded 30 others", "shelled the town, killing 12 civilians and
  wounding 30 others"). A conjoined or subordinate clause with a subject of its own tells
  another act ("... after clashes that killed 3 people" is not the arrest's).

Which field a count fills is read from the word that governs it, with the
closed lists below (PLOVER manual, "Information object for size": dead,
injured, arrested; participants is the extra field the manual suggests for
protests): a killing verb or noun with the count as its victim gives ``dead``
(the subject of "die"), a wounding one ``injured``, an arresting one
``arrested``; a count noun that names the field itself ("45 deaths", "52
arrests") gives that field; in a PROTEST, a count of people (PARTICIPANT_NOUNS)
who are the protest's subject, or who join, attend or take part in it, gives
``participants``. Counts of one field in one clause are different people and
add up ("killed 12 soldiers and 3 civilians", "arrested 25 students and
detained 4 journalists"; an apposition or "including" phrase restates part of
a count and is not added); a count keeps the figure stage's bounding qualifier
("at least", "about", "some"); vague amounts with no number ("thousands of
protesters") are not figures and give no size. The figures stage leaves out
"one"; here "one" as the numeral of a counted noun ("killed one soldier") is
read as a count of 1. A plural proper noun (a nationality or group: "100
Albanians") counts as people. Negated events and events of other types carry
no size.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from comity.figures import qualifier_patterns
from comity.records import SIZE_FIELDS, Count, Figure, Size
from comity.text.syntax import doc_text

SIZED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})

# Verb lemma -> field, for a count that is the verb's object or passive subject ("killed 12 people",
# "12 people were killed"); particle verbs are written "lemma particle", and any verb with a
# resultative "dead" ("shot dead") is "* dead".
VICTIM_VERBS: dict[str, str] = {
    "kill": "dead", "massacre": "dead", "slaughter": "dead", "murder": "dead", "execute": "dead",
    "slay": "dead", "behead": "dead", "assassinate": "dead",
    "wound": "injured", "injure": "injured", "hurt": "injured", "maim": "injured",
    "arrest": "arrested", "detain": "arrested", "jail": "arrested", "imprison": "arrested",
    "apprehend": "arrested", "round up": "arrested", "lock up": "arrested", "incarcerate": "arrested",
    "gun down": "dead", "* dead": "dead",
}
# Verb lemma -> field, for a count that is the verb's subject ("12 people died").
SUBJECT_VERBS: dict[str, str] = {"die": "dead", "perish": "dead"}
# Noun lemma -> field, for a count in its "of" phrase ("the killing of 12 people", "the arrest of 52").
ACT_NOUNS: dict[str, str] = {
    "killing": "dead", "massacre": "dead", "murder": "dead", "execution": "dead", "slaughter": "dead",
    "death": "dead", "assassination": "dead",
    "wounding": "injured", "injury": "injured",
    "arrest": "arrested", "detention": "arrested", "jailing": "arrested", "imprisonment": "arrested",
    "roundup": "arrested", "incarceration": "arrested",
}
# Count nouns that name the field themselves ("45 deaths", "52 arrests").
FIELD_NOUNS: dict[str, str] = {
    "death": "dead", "fatality": "dead", "dead": "dead",
    "injury": "injured", "injured": "injured", "wounded": "injured",
    "arrest": "arrested", "detention": "arrested",
}
# People who can be counted as a protest's participants.
PARTICIPANT_NOUNS = frozenset({
    "people", "person", "protester", "protestor", "demonstrator", "marcher", "striker", "worker",
    "participant", "activist", "supporter", "student", "member", "employee", "citizen", "resident",
    "farmer", "teacher", "miner", "doctor", "nurse", "unionist", "trade unionist", "opponent", "youth",
    "woman", "man", "villager", "voter", "pensioner", "driver", "trucker",
})
# Verbs whose subject takes part in the protest that is their object or prepositional object
# ("10,000 people joined the march", "took part in the strike").
JOIN_VERBS = frozenset({"join", "attend", "participate", "take part", "turn out", "gather", "rally"})
# Prepositions that set an act in the trigger's occasion ("killed in the raid", "arrested during
# the protest", "went on strike").
SETTING_PREPS = frozenset({"in", "during", "at", "on", "amid", "throughout"})
WHEN_MARKS = frozenset({"when", "as"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
CLAUSE_LINKS = frozenset({"acl", "relcl"})
CHAINED_LINKS = frozenset({"advcl", "xcomp", "conj"})
CHANGE_WORDS = frozenset({"up", "down"})  # figure-stage changes, not bounds: not a size qualifier


def event_size(tok: Token, event: str, negated: bool, figures: list[Figure]) -> Size | None:
    """The size of the event whose trigger is ``tok``, from the count figures in its clause."""
    if event not in SIZED_TYPES or negated:
        return None
    sent = tok.sent
    found: dict[str, list[Count]] = {}
    mine = [f for f in figures if sent.start_char <= f.span[0] < sent.end_char]
    for figure in [*mine, *ones(sent, mine)]:
        noun = _count_noun(tok.doc, figure)
        if noun is None:
            continue
        name = _field_of(noun, tok, event)
        if name is not None:
            found.setdefault(name, []).append(_count(figure))
    if not found:
        return None
    return Size(**{name: _total(counts) for name, counts in found.items()})


def ones(sent: Span, figures: list[Figure]) -> list[Figure]:
    """ "one" counting a singular noun ("killed one soldier"), which the figures stage leaves out."""
    out = []
    for tok in sent:
        noun = tok.head
        if tok.lower_ != "one" or tok.dep_ != "nummod" or noun.tag_ not in ("NN", "NNP") or noun.i < tok.i:
            continue
        start, end = tok.idx, noun.idx + len(noun)
        if any(f.span[0] <= tok.idx < f.span[1] for f in figures):
            continue
        text = doc_text(tok.doc)
        bound = qualifier_patterns()[0].search(text[max(0, start - 40):start])
        qualifier = bound.group("q").lower() if bound else None
        unit = noun.text if noun.pos_ == "PROPN" else noun.lower_
        out.append(Figure(text[start:end], (start, end), 1.0, unit, qualifier))
    return out


def _count_noun(doc: Doc, figure: Figure) -> Token | None:
    """The noun a count figure counts ("156 people" -> people); None for money and percentages."""
    if figure.unit in ("percent", "percentage points") or figure.value < 1:
        return None
    span = doc.char_span(figure.span[0], figure.span[1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    noun = span[-1]
    if noun.text.lower() != figure.unit.lower() or noun.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    return noun


def _count(figure: Figure) -> Count:
    qualifier = figure.qualifier if figure.qualifier not in CHANGE_WORDS else None
    return Count(round(figure.value), qualifier)


def _total(counts: list[Count]) -> Count:
    """Counts of one field in one clause are distinct people: they add up; a shared qualifier is kept."""
    qualifiers = {c.qualifier for c in counts if c.qualifier}
    return Count(sum(c.value for c in counts), qualifiers.pop() if len(qualifiers) == 1 else None)


def _role(noun: Token) -> tuple[Token, str] | None:
    """The word governing a count noun and how: ("killed", "obj"), ("march", "by"), ("died", "subj")."""
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
        noun = noun.head
    head = noun.head
    if noun.dep_ in OBJECT_DEPS:
        return head, "obj"
    if noun.dep_ == "nsubjpass":
        return head, "pass"
    if noun.dep_ == "nsubj":
        return head, "subj"
    if noun.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        return head.head, "by" if head.dep_ == "agent" else head.lower_
    return None


def _lemma(tok: Token) -> str:
    """The lemma with its particle, if any ("round up")."""
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    lemma = tok.lemma_.lower()
    if any(c.dep_ in ("oprd", "acomp") and c.lower_ == "dead" for c in tok.children):
        return "* dead"  # a resultative "dead": "shot dead", "beaten dead"
    if lemma == "take" and any(c.dep_ in OBJECT_DEPS and c.lower_ == "part" for c in tok.children):
        return "take part"
    return f"{lemma} {particle}" if particle else lemma


def _field_of(noun: Token, tok: Token, event: str) -> str | None:
    """The size field a count noun fills for the event of trigger ``tok``, or None when not its own."""
    role = _role(noun)
    if noun.i == tok.i:
        named = FIELD_NOUNS.get(noun.lemma_.lower())
        return named if named in SIZE_FIELDS else None
    if role is None:
        return None
    gov, how = role
    if not belongs(gov, tok) and not (how == "subj" and gov.i == _controller(tok).i):
        return None
    named = FIELD_NOUNS.get(noun.lemma_.lower()) or FIELD_NOUNS.get(noun.lower_)
    if named:
        return named
    lemma = _lemma(gov)
    if how in ("obj", "pass", "by") and gov.pos_ in ("VERB", "AUX") and lemma in VICTIM_VERBS:
        return VICTIM_VERBS[lemma] if how != "by" else None
    if how == "subj" and lemma in SUBJECT_VERBS:
        return SUBJECT_VERBS[lemma]
    if how == "of" and gov.pos_ == "NOUN" and lemma in ACT_NOUNS:
        return ACT_NOUNS[lemma]
    if event == "PROTEST" and _participants(noun, gov, how, tok):
        return "participants"
    return None


def _participants(noun: Token, gov: Token, how: str, tok: Token) -> bool:
    """People who protest: the trigger's subject, its "of"/"by" phrase, or who join or attend it."""
    people = noun.lemma_.lower() in PARTICIPANT_NOUNS or noun.lower_ in PARTICIPANT_NOUNS
    if not people and noun.tag_ != "NNPS":  # a plural proper noun: "Albanians", "Kurds"
        return False
    if how == "subj":
        return True  # the subject of the trigger, of the verb of a trigger noun, or of its controller
    if how in ("of", "by") and gov.i == tok.i and tok.pos_ == "NOUN":
        return True
    return how == "by" and _lemma(gov) in JOIN_VERBS


def _controller(tok: Token) -> Token:
    """The verb whose subject a subject-less verb trigger shares ("500 workers walked out and marched",
    "thousands gathered to protest"); the trigger itself otherwise."""
    if tok.pos_ in ("VERB", "AUX") and tok.dep_ in CHAINED_LINKS and not _has_subject(tok):
        return tok.head
    return tok


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in tok.children)


def anchors(tok: Token) -> list[Token]:
    """The trigger and, for a trigger noun, the verb it is the object, subject or setting of."""
    out = [tok]
    if tok.pos_ in ("VERB", "AUX"):
        if _tells_doer(tok):
            out.append(tok.head)
        return out
    if tok.pos_ not in ("NOUN", "PROPN"):
        return out
    head = tok.head
    if tok.dep_ in (*OBJECT_DEPS, *SUBJECT_DEPS, "attr") and head.pos_ in ("VERB", "AUX"):
        out.append(head)
    elif tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in SETTING_PREPS:
        verb = head.head
        if verb.pos_ in ("VERB", "AUX"):
            out.append(verb)
        elif verb.dep_ in OBJECT_DEPS and _lemma(verb.head) == "take part":  # "took part in the march"
            out.append(verb.head)
    return out


def _tells_doer(tok: Token) -> bool:
    """ "3 people were killed when troops opened fire": a "when"/"as" clause on a passive verb tells
    who did what the passive reports without its doer."""
    when = any(c.dep_ in ("mark", "advmod") and c.lower_ in WHEN_MARKS for c in tok.children)
    return tok.dep_ == "advcl" and when and any(c.dep_ == "auxpass" for c in tok.head.children)


def belongs(gov: Token, tok: Token) -> bool:
    """True when the word governing a count is in the trigger's clause (see the module docstring)."""
    roots = anchors(tok)
    if any(gov.i == r.i for r in roots):
        return True
    if gov.pos_ not in ("VERB", "AUX"):
        return False
    if gov.dep_ == "conj" and gov.head.i != gov.i and not _has_subject(gov) and belongs(gov.head, tok):
        return True  # "struck the town, killing 12 and wounding 30 others": a participle after a participle
    head_in = any(gov.head.i == r.i for r in roots) and gov.head.i != gov.i
    if not head_in:
        return False
    if gov.dep_ in CLAUSE_LINKS:
        return True
    return gov.dep_ in CHAINED_LINKS and not _has_subject(gov)
