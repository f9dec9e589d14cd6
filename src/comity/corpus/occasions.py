"""One event, many reports: event records that describe the same real occasion, grouped.

Ten outlets reporting one meeting give ten records; counting them counts coverage, not events.
Two records are *reports of one occasion* when all of these hold (:func:`same_occasion`):

- the same **family** of event type (the PLOVER quad class: a meeting reported as CONSULT in one
  article and AGREE in another is one occasion; a meeting and a missile launch are not);
- the same **parties**: the same set of actor and recipient codes (a reciprocal pair in either order,
  "A met B" and "B met A" and "A and B met"); for a directed type (an accusation, an attack) whose
  two records name both sides, the same direction;
- **dates** that meet: the days each record's date denotes, widened by a day either side for a text
  date (time zones, "on Friday" told on Saturday) and, for a record dated only by its article's
  publication, to the month before it (an undated act was reported after it happened); a record
  with no date at all (a background act: "since Russia invaded Ukraine") reaches back a year from
  its article, so it needs much the same words as the act's own reports, and then counts at the
  act's date;
- the same **modality**: negated with negated, future or hypothetical with its kind, actual with
  actual;
- **similar evidence**: the sentences share enough content words, names and figures (their Dice
  overlap, a name or figure counting double, the words naming states left out since the parties are
  already the same; the bar rises as the dates get coarser, so a record known only to its month or
  year needs much the same words to join) — or are one sentence (a copy of the story, or one
  sentence coded twice), whatever their dates — or **name one one-off act again** (an invasion, a
  visit: :func:`act_of`): a visit by the same visitor or, when they do not both name a visitor, the
  act told in both as a time or a start (:func:`anchored`: "since Russia invaded Ukraine"), whatever
  their words.

Occasions are the connected groups of that relation within a *block* (family and parties; a group
holding a one-off act takes a report naming none only from the same sentence), so they
never depend on the order records arrived in: adding or removing articles and re-grouping a block
gives what grouping the whole store from scratch gives (:mod:`comity.corpus.occasion_store` keeps
the store's occasions that way). An occasion's id is ``o`` and its first report's id; its date is
its best-dated report's (a day from the text before a day from publication, before a month …).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, cached_property
from urllib.parse import urlsplit

from comity.text.normalize import strip_possessive

# how close the evidence must be (Jaccard of content words) for the width of the wider date, in days
_BARS = ((3, 0.08), (9, 0.15), (40, 0.25), (400, 0.4))
_NAME_WEIGHT = 2.0  # a shared name ("Pelosi", "Shangri-La") or figure counts twice a shared common word
_TEXT_SLACK = timedelta(days=1)
MAX_SPAN_DAYS = 2  # most days between the text dates of one occasion's reports (time zones, a two-day visit)
_PUBLICATION_SLACK = timedelta(days=31)
_BACKGROUND_REACH = timedelta(days=365)  # how far back an undated (background) act may reach
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "range": 3, "year": 4}
_NAME = re.compile(r"\b[A-Z][A-Za-z'’-]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d[\d,.]*\d|\d")
# words any report of any occasion may use: they say nothing about which occasion it is
_GENERIC_WORDS = """
a about above after again against all also an and any are as at be because been before being between
both but by can could did do does doing during each few for from further had has have having he her here
hers him his how i if in into is it its itself just may me might more most must my no nor not now of
off on once only or other our out over own same she should so some such than that the their them then
there these they this those through to too under until up very was we were what when where which while
who whom why will with would you your said says say saying told tells according statement statements
added news reported report reports reporting cnn reuters ap afp associated press agency
president minister ministry foreign government officials official spokesperson spokesman spokeswoman
leader leaders country countries nation nations state states side sides week weeks month months year
years day days monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
january february march april june july august september october november december
last next earlier later recent recently since ago time times new first one two three
"""
_GENERIC = frozenset(_GENERIC_WORDS.split())


@cache
def family_of(event: str) -> int | None:
    """The quad class of a PLOVER type (1-4), the family two reports of one occasion share."""
    from comity.events.lexicon import plover_types

    kind = plover_types().get(event)
    return kind.quad if kind is not None else None


@dataclass(frozen=True)
class Report:
    """One event record as the grouping reads it."""

    event_id: str
    article_id: str
    event: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    start: date | None
    end: date | None
    precision: str | None
    from_text: bool
    published: date | None
    modality: str  # "actual", "negated", "future" or "hypothetical"
    sentence: str
    source: str  # the outlet: the URL's host, else where the article was read
    words: frozenset[str] = field(default=frozenset(), compare=False)
    names: frozenset[str] = field(default=frozenset(), compare=False)  # the words written capitalised
    act: str | None = None  # the one-off act its trigger names ("invade", "visit"; :func:`act_of`)
    anchor: bool = False  # told as a time others are placed by, or as the act's start (:func:`anchored`)
    people: frozenset[str] = field(default=frozenset(), compare=False)  # the persons who did it, by name

    @cached_property
    def parties(self) -> tuple[str, ...]:
        return tuple(sorted({*self.actors, *self.recipients}))

    @cached_property
    def block(self) -> str | None:
        """Family and parties: only reports in one block can be one occasion (None: never grouped)."""
        return block_of(self.event, self.actors, self.recipients)

    @cached_property
    def mass(self) -> float:
        """The weight of the sentence's words, a name or figure counting ``_NAME_WEIGHT``."""
        return sum(_weight(w, self.names) for w in self.words)


def block_of(event: str, actors: Iterable[str | None] | None, recipients: Iterable[str | None] | None
             ) -> str | None:
    """The block of a record: its type's family and its parties' codes, ``"1:CHN+RUS"`` (None when
    the type has no family or no party has a code: such a record is an occasion of its own)."""
    family = family_of(event)
    parties = sorted({c for c in (*(actors or ()), *(recipients or ())) if c})
    if family is None or not parties:
        return None
    return f"{family}:{'+'.join(parties)}"


def modality_of(negated: bool | None, aux: Iterable[str] | None, mode: str | None) -> str:
    aux = set(aux or ())
    if negated:
        return "negated"
    if "hypothetical" in aux or mode == "hypothetical":
        return "hypothetical"
    return "future" if "future" in aux else "actual"


def source_of(url: str | None, where: str | None, article_id: str) -> str:
    """The outlet of an article: its URL's host without ``www.``; else where it was read; else itself."""
    if url and "://" in url:
        host = urlsplit(url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return where or article_id


@cache
def _state_words() -> frozenset[str]:
    """The words of every state's names, demonyms and capitals (bundled actor dictionary): the parties
    are already the same in a block, so naming them says nothing about which occasion it is."""
    from comity.datafiles import bundled

    words = set()
    for country in bundled("actors_countries.json")["countries"]:
        for text in (country["name"], *country.get("aliases", ()), *country.get("demonyms", ()),
                     *country.get("capitals", ()), *(s["text"] for s in country.get("seats", ()))):
            words.update(w.lower() for w in _WORD.findall(text))
    return frozenset(words | {w + "s" for w in words})


def content_words(sentence: str) -> frozenset[str]:
    """The sentence's content words (lower-cased, a plural's ``s`` dropped) and figures, without the
    words that name states."""
    words = set()
    for token in _WORD.findall(sentence or ""):
        if token[0].isdigit():
            words.add("#" + token.replace(",", ""))
            continue
        word = token.lower().strip("'’-")
        if len(word) < 3 or word in _GENERIC or word in _state_words():
            continue
        words.add(word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 4 else word)
    return frozenset(words)


def name_words(sentence: str) -> frozenset[str]:
    """The content words written with a capital inside the sentence (names, not a sentence's first word)."""
    found = set()
    for match in _NAME.finditer(sentence or ""):
        if match.start() == 0:
            continue
        word = match.group(0).lower().strip("'’-")
        if len(word) >= 3 and word not in _GENERIC:
            found.add(word)
    return frozenset(found)


# one-off acts: a pair does one such act in a stretch of time, so two reports naming it are of one act
_ACTS = {
    "invade": "invade invaded invades invading invasion invasions",
    "annex": "annex annexed annexes annexing annexation",
    "visit": "visit visits visited visiting trip trips travel travels traveled travelled traveling "
             "travelling land lands landed landing arrive arrives arrived arriving arrival",
    "coup": "coup coups",
    "withdraw": "withdrawal pullout",
}
_ACT_OF = {word: act for act, words in _ACTS.items() for word in words.split()}
# words that tell an act as a time other things are placed by, or as the act's start
_ANCHOR_WORDS = frozenset({"since", "after", "following", "before", "until", "when", "prior", "launched",
                           "launch", "launching", "began", "begun", "start", "started"})
_ANCHOR_REACH = 3  # how many words before the act's own phrase may tell it so


def act_of(trigger: str | None) -> str | None:
    """The one-off act a trigger word names ("invasion" and "invaded": "invade"), if it names one."""
    return _ACT_OF.get((trigger or "").lower())


def anchored(sentence: str, event_text: str | None, trigger: str | None) -> bool:
    """Whether the act is told as a time others are placed by ("since Russia invaded Ukraine",
    "following the invasion") or as its start ("launched an invasion"): a word saying so stands
    in the act's phrase before its trigger, or just before the phrase."""
    phrase, sentence = (event_text or "").lower(), (sentence or "").lower()
    at = sentence.find(phrase) if phrase else -1
    if at < 0:
        return False
    found = re.search(rf"\b{re.escape(trigger.lower())}\b", phrase) if trigger else None
    inside = phrase[:found.start()] if found else ""
    before = _WORD.findall(sentence[:at])[-_ANCHOR_REACH:]
    return any(w in _ANCHOR_WORDS for w in (*before, *_WORD.findall(inside)))


_BODIES = frozenset({"council", "forces", "force", "congress", "parliament", "senate", "army", "military",
                     "police", "government", "administration", "ministry", "court", "party", "union",
                     "coalition", "alliance", "nato", "york"})


def people_of(names: Iterable[str]) -> frozenset[str]:
    """The persons among a record's actors, by surname: the last word of an actor's name (the actor
    dictionary's, "Xi Jinping" for "Xi", when the record has it) when it is a capitalised word that
    names no state or body ("US House Speaker Nancy Pelosi's": "pelosi")."""
    found = set()
    for name in names:
        words = _WORD.findall(strip_possessive(name or ""))
        last = words[-1].lower() if words else ""
        if last and words[-1][0].isupper() and last not in _state_words() | _GENERIC | _BODIES:
            found.add(last)
    return frozenset(found)


def _named_again(one: Report, other: Report) -> bool:
    """Two reports name one one-off act again: the same act, a visit by the same person ("Pelosi's
    visit"), or (when they do not both name a visitor) the act told as a time or a start in both
    ("since Russia invaded Ukraine", "Russia launched an invasion of Ukraine"; not "amid Putin's
    invasion", the war as it stands)."""
    if one.act is None or one.act != other.act:
        return False
    if one.act == "visit" and one.people and other.people:
        return bool(one.people & other.people)  # one visit is one visitor's
    return one.anchor and other.anchor


def _window(report: Report) -> tuple[date, date] | None:
    if report.start is None or report.end is None:  # an undated act, told as background: before its article
        if report.published is None:
            return None
        return report.published - _BACKGROUND_REACH, report.published
    if report.from_text:
        return report.start - _TEXT_SLACK, report.end + _TEXT_SLACK
    return report.end - _PUBLICATION_SLACK, report.end  # dated by its report: the publication day ends it


def _bar(one: tuple[date, date], other: tuple[date, date]) -> float | None:
    """The evidence similarity two reports need, from the wider of their dates (None: too vague)."""
    width = max((one[1] - one[0]).days, (other[1] - other[0]).days)
    return next((bar for days, bar in _BARS if width <= days), None)


def similarity(one: Report, other: Report) -> float:
    """Dice overlap of the two sentences' content words, a name or figure weighing ``_NAME_WEIGHT``."""
    if not one.words or not other.words:
        return 0.0
    names = one.names | other.names
    shared = sum(_weight(w, names) for w in one.words & other.words)
    return 2 * shared / (one.mass + other.mass)


def _weight(word: str, names: frozenset[str]) -> float:
    return _NAME_WEIGHT if word in names or word.startswith("#") else 1.0


def _directed_apart(one: Report, other: Report) -> bool:
    """Both name an actor and a recipient, and no actor of one is an actor of the other: they run
    opposite ways (a reciprocal pair, "A met B" and "B met A", shares its family but is symmetric)."""
    if not (one.actors and one.recipients and other.actors and other.recipients):
        return False
    if one.event in _SYMMETRIC and other.event in _SYMMETRIC:
        return False
    return not set(one.actors) & set(other.actors)


_SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE", "FIGHT", "RETREAT"})


def same_occasion(one: Report, other: Report) -> bool:
    """Whether two reports describe the same occasion (see the module's rules)."""
    return _link(one, other) is not None


def _link(one: Report, other: Report) -> float | None:
    """How alike two reports of one occasion are (their :func:`similarity`, which orders the links of a
    block); None when they are not of one occasion."""
    if one.block is None or one.block != other.block:
        return None
    if one.modality != other.modality or _directed_apart(one, other):
        return None
    if _same_sentence(one, other):
        return similarity(one, other)  # one sentence read twice, or a copy of the story in another article
    first, second = _window(one), _window(other)
    if first is None or second is None or first[0] > second[1] or second[0] > first[1]:
        return None
    bar = _bar(first, second)
    if bar is None:
        return None
    alike = similarity(one, other)
    return alike if alike >= bar or _named_again(one, other) else None


@dataclass(frozen=True)
class Occasion:
    """The reports of one occasion and what they add up to."""

    id: str
    block: str
    reports: tuple[Report, ...]

    @property
    def best(self) -> Report:
        """The best-dated report: a text date before a publication date, finer before coarser."""
        return min(self.reports, key=_date_rank)

    @property
    def n_articles(self) -> int:
        return len({r.article_id for r in self.reports})

    @property
    def n_sources(self) -> int:
        return len({r.source for r in self.reports})

    @property
    def first_report(self) -> date | None:
        return min((r.published for r in self.reports if r.published), default=None)

    @property
    def last_report(self) -> date | None:
        return max((r.published for r in self.reports if r.published), default=None)


def _date_rank(report: Report) -> tuple:
    width = (report.end - report.start).days if report.start and report.end else 10**6
    return (report.start is None, not report.from_text, _PRECISION_RANK.get(report.precision or "", 9),
            width, report.published or date.max, report.event_id)


def group(reports: Iterable[Report]) -> list[Occasion]:
    """The occasions of these reports (each report in exactly one), in the order of their ids."""
    blocks: dict[str | None, list[Report]] = defaultdict(list)
    for report in reports:
        blocks[report.block].append(report)
    occasions = []
    for block, members in blocks.items():
        if block is None:
            occasions += [Occasion("o" + r.event_id, "", (r,)) for r in members]
        else:
            occasions += group_block(block, members)
    return sorted(occasions, key=lambda o: o.id)


def group_block(block: str, reports: list[Report]) -> list[Occasion]:
    """The groups :func:`same_occasion` links among one block's reports, most similar links first, a
    link left out when it would make a group span more than ``MAX_SPAN_DAYS`` of text dates (so
    daily acts of one kind never chain into one occasion). The order is fixed by the reports alone.

    Reports are swept in date order and compared only with those whose widened dates still reach
    theirs, so the cost grows with the reports of a few days, not with the square of the block."""
    reports = sorted(reports, key=lambda r: r.event_id)
    parent = list(range(len(reports)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    days = [_text_day(r) for r in reports]
    span = {i: (d, d) for i, d in enumerate(days) if d is not None}  # a group's text days, first and last
    alike = ((_link(reports[i], reports[j]), i, j) for i, j in set(_candidate_pairs(reports)))
    links = sorted((-strength, i, j) for strength, i, j in alike if strength is not None)
    acts = {i: {r.act} - {None} for i, r in enumerate(reports)}  # a group's one-off acts
    for _, i, j in links:
        a, b = root(i), root(j)
        if a == b:
            continue
        if bool(acts[a]) != bool(acts[b]) and not _same_sentence(reports[i], reports[j]):
            continue  # a group holding a one-off act takes a report naming none only from its sentence
        joined = _joined(span.get(a), span.get(b))
        if joined is not None and (joined[1] - joined[0]).days > MAX_SPAN_DAYS:
            continue  # one occasion does not run over more days than this (no chain of daily acts)
        keep, drop = min(a, b), max(a, b)
        parent[drop] = keep
        acts[keep] |= acts[drop]
        if joined is not None:
            span[keep] = joined
    members: dict[int, list[Report]] = defaultdict(list)
    for i, report in enumerate(reports):
        members[root(i)].append(report)
    return [Occasion("o" + group[0].event_id, block, tuple(group)) for group in members.values()]


def _same_sentence(one: Report, other: Report) -> bool:
    return bool(one.sentence.strip()) and _normal(one.sentence) == _normal(other.sentence)


def _normal(sentence: str) -> str:
    return " ".join(sentence.split()).lower()


def _text_day(report: Report) -> date | None:
    """The day a report's text dates it to, when it gives one."""
    return report.start if report.from_text and report.precision == "day" else None


def _joined(one: tuple[date, date] | None, other: tuple[date, date] | None) -> tuple[date, date] | None:
    if one is None or other is None:
        return one or other
    return min(one[0], other[0]), max(one[1], other[1])


def _candidate_pairs(reports: list[Report]) -> Iterable[tuple[int, int]]:
    """Pairs of reports whose widened dates meet, or that share a sentence (copies, undated reports)."""
    dated, by_sentence = [], defaultdict(list)
    for i, report in enumerate(reports):
        window = _window(report)
        if window is not None:
            dated.append((window[0], window[1], i))
        if report.sentence.strip():
            by_sentence[_normal(report.sentence)].append(i)
    for same in by_sentence.values():
        yield from ((a, b) for n, a in enumerate(same) for b in same[n + 1:])
    dated.sort()
    open_: list[tuple[date, int]] = []  # (window end, index) of reports whose windows may still meet
    for start, end, i in dated:
        open_ = [(stop, j) for stop, j in open_ if stop >= start]
        for _, j in open_:
            yield (j, i) if j < i else (i, j)
        open_.append((end, i))
