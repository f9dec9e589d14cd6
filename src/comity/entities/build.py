"""Building the entity model of one article: names first, then descriptions, then pronouns.

``build_model(parsed, mentions, traits)`` reads the body of the article (never
the headline, captions or credit lines), in three passes over the parse:
names (:mod:`comity.entities.names`), coordinations of names as groups,
definite descriptions, documents and pair phrases
(:mod:`comity.entities.descriptions`), common nouns naming people
(:mod:`comity.entities.nominals`), and pronouns (:mod:`comity.entities.pronouns`),
each pass seeing what the earlier ones found.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from comity import datafiles
from comity.entities.descriptions import read_descriptions
from comity.entities.model import EntityModel
from comity.entities.names import Traits, read_names
from comity.entities.nominals import read_groups, read_nominals
from comity.entities.pronouns import read_pronouns
from comity.records import Mention
from comity.text.document import Parsed


@cache
def traits_from(role_files: tuple[Path, ...] = (), cue_files: tuple[Path, ...] = ()) -> Traits:
    """What the model reads of ``data/roles.json`` and ``data/cues.json``, with the user's files."""
    roles = datafiles.load("roles.json", role_files)
    cues = datafiles.load("cues.json", cue_files)

    def table(key: str) -> dict[str, str]:
        raw = roles.get(key, {})
        if not isinstance(raw, dict):
            return {}
        return {str(w).lower(): kind for kind, words in raw.items() for w in words}

    honorifics = frozenset(str(w).lower() for w in roles.get("honorifics", []))
    people = frozenset(str(w).lower() for w in roles.get("people_nouns", []))
    speech = frozenset(str(w).lower() for w in cues.get("verbs", []))
    nouns = frozenset(str(w).lower() for w in cues.get("nouns", []))
    return Traits(table("genders"), table("given_names"), honorifics, table("person_nouns"), people, speech,
                  nouns)


def _sentence_index(parsed: Parsed) -> dict[int, int]:
    """Token index → the number of its sentence in the document."""
    out = {}
    for number, sent in enumerate(parsed.doc.sents):
        for i in range(sent.start, sent.end):
            out[i] = number
    return out


def build_model(parsed: Parsed, mentions: list[Mention], traits: Traits | None = None) -> EntityModel:
    """Every referent of the article's body and every reference to it."""
    model = EntityModel()
    traits = traits or traits_from()
    sentence_of = _sentence_index(parsed)
    read_names(model, parsed.doc, mentions, parsed.in_body, traits)
    read_groups(model, parsed.doc)
    read_descriptions(model, parsed.doc, parsed.in_body, sentence_of)
    read_nominals(model, parsed.doc, parsed.in_body, sentence_of, traits)
    read_pronouns(model, parsed.doc, parsed.masked_text, parsed.in_body, sentence_of, traits)
    return model
