"""The typed records every stage passes on.

All records are frozen dataclasses. Every extracted field carries its character
span in the article text (``(start, end)``, end exclusive) as evidence. Dicts
appear only at the edges: :mod:`comity.io.output` turns a :class:`Coded` into the
per-article JSON that ``../shared/tools/score.py`` reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

Span = tuple[int, int]


@dataclass(frozen=True)
class Article:
    """One news article as ingested."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    source: str | None = None


@dataclass(frozen=True)
class Part:
    """A non-body part of an article: headline, dateline, separator, heading, credit."""

    kind: str
    span: Span


@dataclass(frozen=True)
class Entity:
    """Something that can act or speak: a state, an organisation, a person.

    ``code`` is an ISO 3166 alpha-3 code or a PLOVER non-state code (``EUR``,
    ``UNO``, ``IGO``); ``sector`` a PLOVER sector (``GOV``, ``MIL``, ``LEG``,
    ``JUD``, ``REB``, ``OPP``, ``EDU``, ``BUS``, ``MED`` …); ``name`` the
    canonical name (PLOVER's ``identifier_text``); ``kind`` one of
    ``country``, ``igo``, ``org``, ``person``, ``group``.
    """

    code: str | None
    sector: str | None
    name: str
    kind: str
    title: str | None = None


@dataclass(frozen=True)
class Mention:
    """A stretch of text that refers to an entity ("Beijing", "the Kremlin", "Chinese")."""

    text: str
    span: Span
    entity: Entity
    how: str = "name"  # name, alias, demonym, capital, seat, office, title, pronoun, coref, description


@dataclass(frozen=True)
class Speaker:
    """One source quoted in an article, resolved to a canonical name."""

    name: str | None
    span: Span | None = None
    title: str | None = None
    org: str | None = None
    country: str | None = None
    sector: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Quote:
    """An attributed statement."""

    content: str
    content_span: Span
    kind: str  # direct, indirect, mixed
    speaker: str | None = None  # canonical name of a Speaker, or None
    speaker_text: str | None = None  # the source as written ("he", "the minister")
    speaker_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None
    cue_lemma: str | None = None
    paragraph: int = 0
    actors: tuple[str, ...] = ()  # actor codes mentioned in the content


@dataclass(frozen=True)
class TimeRef:
    """A time expression resolved against the publication date.

    ``value`` follows GOLD-FORMAT.md: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``,
    ``YYYY-Www``, or ``A/B`` for a range; ``None`` when unresolved.
    ``granularity`` is day, week, month, quarter, season, year, decade or range.
    """

    text: str
    span: Span
    value: str | None
    granularity: str
    resolved: bool


@dataclass(frozen=True)
class Figure:
    """A numeric claim: money, a count, a percentage."""

    text: str
    span: Span
    value: float
    unit: str
    qualifier: str | None = None
    about: str | None = None
    period: str | None = None


@dataclass(frozen=True)
class Count:
    """One stated count of people: its value and the qualifier the text gives it ("at least")."""

    value: int
    qualifier: str | None = None


SIZE_FIELDS = ("dead", "injured", "arrested", "participants")


@dataclass(frozen=True)
class Size:
    """The size of an ASSAULT, COERCE or PROTEST event (PLOVER manual, "Information object for size").

    ``dead``, ``injured`` and ``arrested`` are the manual's fields; ``participants`` (the number
    who protested) is the extra field the manual invites protest coders to add. Only the counts
    the text states are set.
    """

    dead: Count | None = None
    injured: Count | None = None
    arrested: Count | None = None
    participants: Count | None = None

    def counts(self) -> dict[str, Count]:
        """The stated counts by field name, in :data:`SIZE_FIELDS` order."""
        return {name: c for name in SIZE_FIELDS if (c := getattr(self, name)) is not None}

    def numbers(self) -> dict[str, int]:
        """The manual's size object: field name -> integer."""
        return {name: c.value for name, c in self.counts().items()}

    def qualifiers(self) -> dict[str, str]:
        """Field name -> qualifier, for the counts that have one."""
        return {name: c.qualifier for name, c in self.counts().items() if c.qualifier}


@dataclass(frozen=True)
class Evidence:
    """One mention of an event: the sentence that tells it, and the span of the mention's clause."""

    text: str
    span: Span


@dataclass(frozen=True)
class Event:
    """A PLOVER 2.0 event: who did what to whom, with evidence."""

    id: str
    event: str
    actor: tuple[Mention, ...]
    recipient: tuple[Mention, ...]
    event_text: str
    spans: tuple[Span, ...]
    mode: str | None = None
    context: tuple[str, ...] = ()
    aux: tuple[str, ...] = ()
    negated: bool = False
    date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None  # "text" or "publication"
    quad_code: int | None = None
    event_scale: float | None = None
    trigger: str | None = None
    size: Size | None = None  # ASSAULT, COERCE and PROTEST only: the counts stated in the clause
    evidence: tuple[Evidence, ...] = ()  # one per mention, the main mention first


@dataclass(frozen=True)
class CoderVersion:
    """What produced a record: package, data files and spaCy model."""

    package: str
    data_hash: str
    model: str
    model_version: str

    def __str__(self) -> str:
        return f"comity {self.package}; data {self.data_hash}; {self.model} {self.model_version}"


@dataclass(frozen=True)
class Coded:
    """One article's result."""

    article: Article
    version: CoderVersion
    parts: tuple[Part, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    times: tuple[TimeRef, ...] = ()
    figures: tuple[Figure, ...] = ()
    mentions: tuple[Mention, ...] = ()
    warnings: tuple[str, ...] = field(default=())
