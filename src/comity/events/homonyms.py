"""Countries that share their name with a US state: "Georgia" in American political news is the state.

A mention of a country whose name is also a US state's ('state_homonyms' in
``data/events.json``: its code, the shared name, and the words that place an
article in the country or in the state) is no actor when the article speaks
of the state: more of the state's words (its cities, "Gov.", "Senate race",
"county", "voters" ...) than of the country's (its capital, regions,
demonym). "Biden made no trips to Georgia, Wisconsin or Arizona" is not a
visit abroad; "Russia's war with Georgia" still is.
"""

from __future__ import annotations

import re

from comity.events.lexicon import EventLexicon
from comity.records import Mention


def _count(text: str, words: list[str]) -> int:
    return sum(len(re.findall(rf"\b{re.escape(w)}\b", text)) for w in words)


def state_homonyms(text: str, mentions: list[Mention], lex: EventLexicon) -> set[int]:
    """Indices of ``mentions`` that name a US state, not the country of the same name."""
    out: set[int] = set()
    for entry in lex.homonyms:
        named = [i for i, m in enumerate(mentions) if m.entity.code == entry.code and m.text == entry.name]
        if named and _count(text, list(entry.state_words)) > _count(text, list(entry.country_words)):
            out.update(named)
    return out
