"""The records of the article-level entity model: referents, their references, and the lookup.

A :class:`Referent` is one thing the article talks about (a person, an
organisation, a state, a place, a document, or a group of referents); a
:class:`Reference` is one stretch of text that refers to it: a name, an
alias, a pronoun, a description ("the ministry"), a role phrase or a group
phrase ("the two countries"). An :class:`EntityModel` holds both for one
article and answers, for a token, which referent it stands for.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from heapq import heapify, heappop, heappush

from comity.records import Span

PERSON, ORGANISATION, STATE, PLACE, DOCUMENT, GROUP = (
    "person", "organisation", "state", "place", "document", "group")


@dataclass(frozen=True)
class Referent:
    """One thing the article refers to.

    ``code`` and ``sector`` are the actor codes the dictionary or the text give
    (a person's are their country's and office's); ``gender`` is ``male``,
    ``female`` or None when the text does not tell; ``members`` are the
    referents a group stands for; ``author`` is who issued a document.
    """

    id: int
    kind: str
    name: str
    code: str | None = None
    sector: str | None = None
    gender: str | None = None
    plural: bool = False
    title: str | None = None
    aliases: tuple[str, ...] = ()
    members: tuple[int, ...] = ()
    author: int | None = None


@dataclass(frozen=True)
class Reference:
    """A stretch of text (``span``, tokens ``start``..``end``) referring to ``referent`` (None when a
    pronoun or description found no compatible antecedent). ``how``: name, alias, acronym, surname,
    pronoun, description, role, group. ``confident`` is False for a pronoun that had rivals: the stages
that must be precise (events) leave such references alone."""

    text: str
    span: Span
    start: int
    end: int
    how: str
    referent: int | None
    head: int
    subject: bool = False
    confident: bool = True  # False where other referents in reach agreed as well (a pronoun's best guess)


@dataclass
class EntityModel:
    """Every referent of one article and every reference to them, in text order."""

    referents: list[Referent] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    groups: list[Reference] = field(default_factory=list)  # "X and Y": overlapping their members' references
    _starts: list[int] = field(default_factory=list, repr=False)
    _longest: int = field(default=0, repr=False)  # the most tokens one reference covers
    _implied: dict[str, int] = field(default_factory=dict, repr=False)  # implied groups by name

    def add_referent(self, kind: str, name: str, **traits) -> Referent:
        referent = Referent(len(self.referents), kind, name, **traits)
        self.referents.append(referent)
        return referent

    def implied_group(self, name: str) -> Referent:
        """The group a word like "team" in "team member X" implies: one per word in the article, so
        all its speakers' "we" are one referent."""
        key = name.lower()
        if key not in self._implied:
            self._implied[key] = self.add_referent(GROUP, name, plural=True).id
        return self.referents[self._implied[key]]

    def update(self, referent: Referent, **traits) -> Referent:
        """Replace ``referent`` with the same one carrying ``traits`` (what the text has told since)."""
        changed = replace(referent, **traits)
        self.referents[referent.id] = changed
        return changed

    def add(self, reference: Reference) -> None:
        """Add a reference, keeping the list sorted by token position."""
        at = bisect_right(self._starts, reference.start)
        self._starts.insert(at, reference.start)
        self.references.insert(at, reference)
        self._longest = max(self._longest, reference.end - reference.start)

    def at(self, token: int) -> Reference | None:
        """The reference covering token index ``token``, if any."""
        at = bisect_right(self._starts, token) - 1
        while at >= 0:
            ref = self.references[at]
            if ref.start <= token < ref.end:
                return ref
            if ref.end <= token and ref.start < token - 40:
                return None
            at -= 1
        return None

    def referent_at(self, token: int) -> Referent | None:
        ref = self.at(token)
        return self.referents[ref.referent] if ref is not None and ref.referent is not None else None

    def before(self, token: int) -> Iterator[Reference]:
        """The references (group references too) that end before token ``token``, latest first (by end,
        then start; on a tie, in the order they were added, groups last).

        Read backwards from ``token`` as the caller goes: a caller that stops a few sentences back pays
        for those sentences only, not for the whole article before it."""
        at = bisect_right(self._starts, token - 1)
        heap = [(-g.end, -g.start, at + n, g) for n, g in enumerate(self.groups) if g.end <= token]
        heapify(heap)
        for i in range(at - 1, -1, -1):
            ref = self.references[i]
            while heap and -heap[0][0] > ref.start + self._longest:  # no reference left ends this late
                yield heappop(heap)[3]
            if ref.end <= token:
                heappush(heap, (-ref.end, -ref.start, i, ref))
        while heap:
            yield heappop(heap)[3]

    def all_references(self) -> list[Reference]:
        """Every reference, group references included, in text order."""
        return sorted(self.references + self.groups, key=lambda r: (r.start, -r.end))

    def references_to(self, referent: int) -> list[Reference]:
        return [r for r in self.references if r.referent == referent]

    def resolve_members(self, referent: Referent) -> list[Referent]:
        """A group's members (recursively), or the referent itself."""
        if referent.kind != GROUP:
            return [referent]
        return [m for i in referent.members for m in self.resolve_members(self.referents[i])]

    def state_of(self, referent: Referent) -> Referent | None:
        """The state a referent belongs to: itself, or the state of a person's or body's code."""
        if referent.kind == STATE:
            return referent
        if referent.code is None or referent.kind not in (PERSON, ORGANISATION):
            return None
        return next((r for r in self.referents if r.kind == STATE and r.code == referent.code), None)

    def codes(self, referent: Referent) -> list[str]:
        """The actor codes a referent stands for (a group: its members'; a document: its author's)."""
        if referent.kind == DOCUMENT and referent.author is not None:
            return self.codes(self.referents[referent.author])
        return [m.code for m in self.resolve_members(referent) if m.code]
