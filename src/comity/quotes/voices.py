"""Bodies as speakers, as the speaker book reads them: organisations, states' organs and documents.

:class:`BodyVoices` is the part of :class:`comity.quotes.speakers.SpeakerBook` that
turns a source phrase into a body: a body named by the words before its
organisation word ("the Crimean health ministry", "Kuwait's defense ministry"),
one named in apposition ("the U.N. mission in Congo, MONUSCO"), one of a state
the possessive refers to ("the country's defense ministry"), "the ministry"
(the last ministry that spoke or was named, or the body the article names in
full: "the city's military administration"), a document's issuer ("the tweet
adds": who spoke last). It keeps where each body sits.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from comity.entities.model import EntityModel
from comity.quotes.bodies import (
    apposed_name,
    described_places,
    descriptor,
    fullest_name,
    named_body,
    named_phrase,
    seat_after,
)
from comity.quotes.cues import CueLexicon
from comity.quotes.names import clean_name
from comity.quotes.phrases import org_phrase
from comity.quotes.profiles import Profile
from comity.quotes.referents import body_behind
from comity.quotes.traits import ActorLookup
from comity.records import Mention
from comity.records import Span as CharSpan
from comity.text.document import Parsed

VOICE_REACH = 400  # characters back a document ("the tweet") looks for whoever issued it


@dataclass(frozen=True)
class Source:
    """A cue's source as resolved: ``name`` is None for unnamed sources."""

    name: str | None
    text: str | None
    span: CharSpan | None
    description: str | None = None


class BodyVoices:
    """The bodies an article's sources name (a part of the speaker book, which fills these fields)."""

    parsed: Parsed
    index: ActorLookup
    lex: CueLexicon
    model: EntityModel | None
    on: date | None
    mentions: list[Mention]
    mention_starts: list[int]
    orgs: dict[str, Profile]
    profiles: dict[str, Profile]
    bodies: list[tuple[int, str]]
    used: dict[str, CharSpan | None]
    spoke: dict[str, int]
    org_words: frozenset[str]

    def _state_body(self, head: Token) -> Source | None:
        """"the country's defense ministry": a body of the state the possessive refers to."""
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None or self.model is None or head.lemma_.lower() not in self.org_words:
            return None
        state = body_behind(self.model, owner)
        if state is None or state.kind != "state":
            return None
        words = [t.text for t in head.children if t.dep_ in ("compound", "amod") and owner.i < t.i < head.i]
        name = f"{state.name}'s {' '.join([*words, head.text])}"
        self.orgs.setdefault(name, Profile(orgs=[" ".join([*words, head.text])], title_places=[state.name]))
        self._use(name, (head.idx, head.idx + len(head)))
        return Source(name, head.text, (head.idx, head.idx + len(head)))

    def body_name(self, name: str, at: int) -> str:
        """A body's fullest name in the article (see :func:`comity.quotes.bodies.fullest_name`)."""
        return fullest_name(name, at, self.bodies, self.model)

    def _use(self, name: str, span: CharSpan | None) -> None:
        self.used.setdefault(name, span)

    def _appositive_org(self, head: Token) -> Source | None:
        """"the U.N. peacekeeping mission in Congo, MONUSCO, said": see :func:`bodies.apposed_name`."""
        found = apposed_name(head, self.index, self.on)
        if found is None:
            return None
        words, parent, place = found
        self.orgs.setdefault(words.text, Profile(orgs=[parent], title_places=[place]))
        self._use(words.text, (words.start_char, words.end_char))
        return Source(words.text, words.text, (words.start_char, words.end_char))

    def speak_for(self, name: str, head: Token) -> Source:
        """A body the entity model names speaking at ``head`` (a pronoun or description)."""
        self.orgs.setdefault(name, Profile(orgs=[name]))
        self._use(name, None)
        return Source(name, head.text, (head.idx, head.idx + len(head)))

    def _organisation(self, head: Token, named: SpacySpan | None = None) -> Source:
        """The body ``head`` names (or the words ``named`` name: "the Haifa Police spokesperson")."""
        if named is not None:
            text, span = named.text, (named.start_char, named.end_char)
        else:
            text, span = named_phrase(head) if named_body(head, self.org_words) else org_phrase(head)
        name = self.body_name(clean_name(text, self.lex), head.idx)
        if not name:
            return Source(None, None, None)
        profile = self.orgs.setdefault(name, Profile(orgs=[name]))
        if not profile.title_places:
            profile.title_places.extend(self._seat_of(head))
        self._use(name, span)
        return Source(name, text, span)

    def _seat_of(self, head: Token) -> list[str]:
        """Where a body speaking at ``head`` sits, as the words around its name say: "its Interior
        Ministry", "North Korean newspaper X", "the X University in Tehran"."""
        owner = self._owner_state(head)
        described = descriptor(head, self.org_words)
        after = seat_after(head)
        places = [owner] if owner is not None else []
        places += described_places(described) if described is not None else []
        return places + ([after] if after else [])

    def _owner_state(self, head: Token) -> str | None:
        """"Kosovo released two men, its Interior Ministry said": the state "its" refers to, the
        last state named before it in the sentence."""
        if not any(c.dep_ == "poss" and c.lower_ == "its" for c in head.children):
            return None
        before = self.mentions_in((head.sent.start_char, head.idx))
        states = [m for m in before if m.entity.kind == "country" and m.how in ("name", "alias", "capital")]
        return states[-1].text if states else None

    def _last_voice(self, head: Token) -> str | None:
        """Who spoke last within a short paragraph before ``head``: a body, else a person."""
        recent = [(n in self.orgs, at, n) for n, at in self.spoke.items()
                  if head.idx - VOICE_REACH < at < head.idx]
        return max(recent)[2] if recent else None

    def _fuller_body(self, head: Token) -> str | None:
        """"the city's military administration": the body the article names in full ("the Kyiv city
        military administration"), its name ending with the description's words (two or more)."""
        start = head.i
        while start > head.sent.start and head.doc[start - 1].dep_ in ("amod", "compound") \
                and head.doc[start - 1].head.i == head.i and head.doc[start - 1].text.islower():
            start -= 1
        words = [t.lower_ for t in head.doc[start:head.i + 1]]
        names = [n for _, n in self.bodies] + [o for p in self.profiles.values() for o in p.orgs]
        found = [n for n in names if len(words) > 1 and len(n.split()) > len(words)
                 and n.lower().split()[-len(words):] == words]
        return found[0] if found else None

    def _last_body(self, head: Token) -> str | None:
        """The body whose name holds ``head``'s word that spoke, or was named, last before it."""
        word = head.lower_
        spoke = [(at, n) for n, at in self.spoke.items() if n in self.orgs and word in n.lower().split()]
        named = [(at, n) for at, n in self.bodies if at < head.idx and word in n.lower().split()]
        found = [(at, n) for at, n in spoke + named if at < head.idx]
        return max(found)[1] if found else None

    def mentions_in(self, span: CharSpan) -> list[Mention]:
        lo = bisect_left(self.mention_starts, span[0])
        hi = bisect_left(self.mention_starts, span[1])
        return [m for m in self.mentions[lo:hi] if m.span[1] <= span[1]]
