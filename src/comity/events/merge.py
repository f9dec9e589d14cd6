"""From candidates to events: evidence spans, dates, ids, and one record per occasion.

Repeated mentions of one act merge (same type, actors, recipients and
negation, compatible dates); acts on different dates stay separate. A merged
record keeps, for each size field, the largest count any mention states (a
later report of a rising toll, "at least 12" then "at least 15", is the fuller
one; mentions of one occasion are not added up). A
candidate is dated by the time expression that governs it (``comity.events.dating``
when present, else the nearest time expression in its clause or sentence),
else by the publication date. A time that modifies a noun other than the trigger
("accused X of violating a 2023 order", "the 1899 award") dates that thing, not the act.
An act told as done before, or as the background of another act
(``comity.events.background``: "since Russia invaded", "sanctions over the invasion"), is
never dated by publication; it joins a mention of the same act told as news in another
sentence, and takes that one's date.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from spacy.tokens import Token

from comity.events.background import background_frame, within
from comity.events.lexicon import EventLexicon
from comity.events.triggers import FUTURE_AS_AGREE, Candidate
from comity.events.undated import When, by_publication, told_done
from comity.records import SIZE_FIELDS, Event, Evidence, Mention, Size, Span, TimeRef
from comity.text.document import Parsed
from comity.text.syntax import auxiliaries, governing_verb
from comity.times.words import weekdays

try:  # the times stage's own attachment rule, when installed
    from comity.events.dating import governing_time as _governing_time
except ImportError:  # pragma: no cover - depends on another stage
    _governing_time = None

CLAUSE_CUT = frozenset({"relcl", "advcl", "ccomp", "parataxis", "conj", "acl"})
OPEN_PREPS = frozenset({"since", "until", "till", "before", "after", "by"})
NOUN_MODIFIERS = frozenset({"compound", "nummod", "amod", "poss"})
TAKING_EFFECT = frozenset({"take", "come", "enter", "go", "start", "begin", "kick"})  # "… effect/into force"
# a sentence end inside a parsed sentence: end punctuation (a closing quotation mark may follow) then a
# capital or an opening quotation mark, not after a one- or two-letter abbreviation ("U.S.", "Jan."); or a
# line break
SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b(?:Gen|Sen|Rep|Gov))"
                            r"(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|No))[.!?][\"'”’]?\s+(?=[\"“‘A-Z])|\n+")


@dataclass
class _Dated:
    cand: Candidate
    span: Span
    text: str
    date: str | None
    precision: str | None
    source: str | None
    spans: list[Span] = field(default_factory=list)
    size: Size | None = None


def _clause_span(tok: Token, cand: Candidate, text: str, roles: bool = True) -> Span:
    """Characters of the trigger's clause: its subtree without nested clauses, plus its role mentions."""
    head = tok
    if (
        tok.pos_ in ("NOUN", "PROPN")
        and tok.head.pos_ in ("VERB", "AUX")
        and tok.dep_ in ("dobj", "nsubjpass")
    ):
        head = tok.head
    keep = [head]
    stack = [c for c in head.children if c.dep_ not in CLAUSE_CUT or c == tok]
    while stack:
        cur = stack.pop()
        keep.append(cur)
        stack.extend(c for c in cur.children if c.dep_ not in ("relcl", "advcl", "ccomp", "parataxis"))
    lo, hi = _line_of(tok, text)
    words = [t for t in keep if not t.is_space and not t.is_punct and lo <= t.idx < hi] or [tok]
    start = min(t.idx for t in words)
    end = max(t.idx + len(t.text) for t in words)
    for m in (*cand.actor, *cand.recipient) if roles else ():
        if lo <= m.span[0] and m.span[1] <= hi:
            start, end = min(start, m.span[0]), max(end, m.span[1])
    return start, end


def _line_of(tok: Token, text: str) -> Span:
    """The trigger's sentence cut at line breaks: a clause never crosses into a headline or dateline."""
    sent = tok.sent
    lo = text.rfind("\n", sent.start_char, tok.idx) + 1 or sent.start_char
    lo = max(lo, sent.start_char)
    hi = text.find("\n", tok.idx, sent.end_char)
    return lo, (hi if hi >= 0 else sent.end_char)


def _granularity(value: str) -> str:
    if "/" in value:
        return "range"
    if "-W" in value:
        return "week"
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "day")


def _in_open_phrase(tref: TimeRef, tok: Token) -> bool:
    """In "for the first time since 2022", a time that bounds another act, not this one."""
    doc = tok.doc
    span = doc.char_span(tref.span[0], tref.span[1], alignment_mode="expand")
    if span is None:
        return False
    cur = span.root
    for _ in range(4):
        if cur.dep_ == "prep" and cur.lower_ in OPEN_PREPS:
            return tok not in cur.subtree
        if cur.head == cur:
            break
        cur = cur.head
    return span[0].i > 0 and doc[span[0].i - 1].lower_ in OPEN_PREPS


def _clause_times(tok: Token, span: Span, times: list[TimeRef]) -> tuple[list[TimeRef], list[TimeRef]]:
    """Resolved times in the trigger's sentence (not bounding another act), and those inside its clause."""
    sent = tok.sent
    pool = [t for t in times
            if t.value and sent.start_char <= t.span[0] < sent.end_char and _of_this_act(t, tok)]
    return pool, [t for t in pool if _inside(t, span)]


def _of_this_act(tref: TimeRef, tok: Token) -> bool:
    """The time may date the trigger's act: not a bound of an open phrase, of a thing or of another act."""
    return not (_in_open_phrase(tref, tok) or _dates_a_thing(tref, tok) or _dates_another_act(tref, tok))


def _inside(tref: TimeRef, span: Span) -> bool:
    return span[0] <= tref.span[0] and tref.span[1] <= span[1]


def _untold_time(tok: Token, span: Span, times: list[TimeRef]) -> bool:
    """ "A month later, protesters marched", "the following week, Russia sent troops": a time in the act's
    clause told from another time the text does not give dates the act to no day, the publication's least
    of all."""
    return any(not t.value and _inside(t, span) and _of_this_act(t, tok) for t in times)


def _dates_a_thing(tref: TimeRef, tok: Token) -> bool:
    """ "accused X of violating a 2023 order", "the 1899 award": a time modifying a noun other than the
    trigger dates that thing, not the act."""
    span = tok.doc.char_span(tref.span[0], tref.span[1], alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ in NOUN_MODIFIERS and root.head.pos_ in ("NOUN", "PROPN") and root.head != tok:
        return True
    return _deep_in_object(root, tok)


def _ongoing_before(tok: Token, value: str, published: date | None) -> bool:
    """A verb told as going on now ("is investigating"), with a time that ended over a month before
    publication (not a timeline's historic present: "Feb. 26, 2014: a judge strikes down the ban")."""
    last = _last_day(value)
    if published is None or last is None or tok.tag_ != "VBG" or (published - last).days <= 30:
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "'re") for c in tok.children)


def _deep_in_object(root: Token, tok: Token) -> bool:
    """ "investigating Trump's role in the Capitol attack on Jan. 6": a time on a common noun nested in the
    act's object (not the object itself, where the parser often hangs the act's own time) dates that noun."""
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    noun = prep.head
    if noun.pos_ != "NOUN" or noun == tok or noun.head == tok or noun not in tok.subtree:
        return False
    below = next((a for a in (noun, *noun.ancestors) if a.head == tok), None)  # tok's child on the path
    if below is None:
        return False
    return below.dep_ in ("dobj", "nsubjpass") or (below.dep_ == "prep" and below.lower_ == "of")


def _dates_another_act(tref: TimeRef, tok: Token) -> bool:
    """ "attacked the US for pulling out of the deal in 2018": a time whose nearest verb is neither the
    trigger (nor the verb carrying it) nor a verb governing it dates that other verb's act."""
    span = tok.doc.char_span(tref.span[0], tref.span[1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb == tok or verb in tok.ancestors:
        return False
    on_act = verb.head in (tok, tok.head) and verb.dep_ in ("acl", "relcl", "advcl")
    if tok.pos_ in ("NOUN", "PROPN") and on_act and verb.lemma_ in TAKING_EFFECT:
        return False  # "announced a tariff, to take effect next week": when the act takes effect
    return not (tok.pos_ in ("NOUN", "PROPN") and tok in verb.subtree and verb.i not in
                {c.i for c in tok.subtree})  # a nominal trigger: the verb holding it governs it


def _conjunct_time(tok: Token, times: list[TimeRef]) -> TimeRef | None:
    """ "the administration tried stopping that last year and applied a 25% tariff": an act of a verb
    joined to an earlier one by "and", with no time of its own, happened in the time of that earlier
    verb's clause (a time inside it, not inside the later verb's own phrases)."""
    verb = governing_verb(tok)
    if verb is None or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    first, own = verb.head, {t.i for t in verb.subtree}
    if (verb.tag_, _aux_lemmas(verb)) != (first.tag_, _aux_lemmas(first)):
        return None  # told otherwise ("invaded in 2022 and has occupied parts since"): another time
    for tref in times:
        span = tok.doc.char_span(tref.span[0], tref.span[1], alignment_mode="expand")
        if not tref.value or span is None or span.root.i in own or span.root.sent != tok.sent:
            continue
        gov = governing_verb(span.root.head) if span.root.head != span.root else None
        chain = gov is not None and (gov == first or (gov.dep_ == "xcomp" and gov.head == first))
        if chain and not _in_open_phrase(tref, gov) and not _dates_a_thing(tref, gov):
            return tref  # on the earlier verb, or on the infinitive it carries ("tried stopping that")
    return None


def _aux_lemmas(verb: Token) -> frozenset[str]:
    return frozenset(a.lemma_ for a in auxiliaries(verb))


def _nearest_time(parsed: Parsed, tok: Token, span: Span, times: list[TimeRef]) -> TimeRef | None:
    """The resolved time expression in the trigger's sentence nearest to it, preferring its clause."""
    pool, inside = _clause_times(tok, span, times)
    if not pool:
        return None
    return min(inside or pool, key=lambda t: abs(t.span[0] - tok.idx))


def _listed_days(tok: Token, span: Span, times: list[TimeRef]) -> list[TimeRef]:
    """Several days in the clause ("spoke on Jan. 21 and Feb. 24"): one occasion each."""
    _, inside = _clause_times(tok, span, times)
    days = [t for t in inside if t.value and len(t.value) == 10 and "/" not in t.value]
    return days if len({t.value for t in days}) >= 2 else []


def _date_of(
    parsed: Parsed, tok: Token, span: Span, times: list[TimeRef], lex: EventLexicon,
    actors: list[Mention] = (), event: str | None = None,
) -> tuple[str | None, str | None, str | None]:
    """(date, precision, source) of one candidate. A background act is dated only by a time inside its
    frame (``comity.events.background``), never by the publication date."""
    frame = background_frame(tok, lex)
    if frame is not None:
        times = [t for t in times if within(frame, t)]
    tref = None
    if _governing_time is not None:
        try:
            tref = _governing_time(parsed, tok, times)
        except Exception:  # another stage's bug must not stop coding
            tref = None
    sent = tok.sent
    if tref is not None and not (sent.start_char <= tref.span[0] < sent.end_char):
        tref = None  # a time elsewhere in the paragraph dates another act more often than this one
    if (tref is None or not tref.value or _in_open_phrase(tref, tok) or _dates_a_thing(tref, tok)
            or _dates_another_act(tref, tok)):
        tref = _nearest_time(parsed, tok, span, times)
    if tref is not None and tref.value and _ongoing_before(tok, tref.value, parsed.article.published):
        tref = None  # "is investigating Trump's role in the attack on Jan. 6, 2021": the attack's date
    if tref is not None and tref.value:
        return tref.value, tref.granularity or _granularity(tref.value), "text"
    if frame is not None or _untold_time(tok, span, times):
        return None, None, None
    verbal = event is not None and event in lex.types and lex.types[event].quad in (1, 3)
    when = by_publication(tok, actors, parsed.article.published, lex, verbal)
    joined = _conjunct_time(tok, times) if when[2] == "publication" else None
    if joined is not None:  # "tried stopping that last year and applied a tariff": that year, not this week
        return joined.value, joined.granularity or _granularity(joined.value), "text"
    return when


def _last_day(value: str) -> date | None:
    part = value.split("/")[-1]
    try:
        if "-W" in part:
            return date.fromisocalendar(int(part[:4]), int(part[6:]), 7)
        if len(part) == 4:
            return date(int(part), 12, 31)
        if len(part) == 7:
            month = date(int(part[:4]), int(part[5:7]), 1)
            return (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        if len(part) == 10:
            return date.fromisoformat(part)
    except ValueError:
        return None
    return None


def _is_historical(value: str | None, source: str | None, published: date | None) -> bool:
    """Dated by the text to a time that ended over a year before publication (issue 12: "an event dated
    years before publication"; an act of ten months before, in the previous calendar year, is not)."""
    if source != "text" or not value or published is None:
        return False
    last = _last_day(value)
    return last is not None and (published - last).days > 365


def dated(parsed: Parsed, cand: Candidate, times: list[TimeRef], lex: EventLexicon) -> list[_Dated]:
    """The candidate dated: one item per listed day, else one."""
    span = _clause_span(cand.tok, cand, parsed.text)
    core = _clause_span(cand.tok, cand, parsed.text, roles=False)
    days = _listed_days(cand.tok, core, times)
    if not days:
        when = _date_of(parsed, cand.tok, core, times, lex, cand.actor, cand.event)
        return [_dated(parsed, cand, span, when)]
    out = []
    for tref in days:
        copy = replace(cand, aux=list(cand.aux))
        out.append(_dated(parsed, copy, span, (tref.value, tref.granularity or "day", "text")))
    return out


def _dated(parsed: Parsed, cand: Candidate, span: Span, when: When) -> _Dated:
    value, precision, source = when
    if _is_historical(value, source, parsed.article.published) and not cand.aux:
        cand.aux.append("historical")
    published = parsed.article.published
    first = _first_day(value.split("/")[0]) if value and source == "text" else None
    ahead = published and first and first > published and not _next_day_done(cand, first, published)
    if ahead and not cand.aux:
        cand.aux.append("future")
        if cand.event in FUTURE_AS_AGREE:
            cand.event, cand.mode = "AGREE", None
    return _Dated(cand, span, parsed.text[span[0] : span[1]], value, precision, source, [span])


def _next_day_done(cand: Candidate, first: date, published: date) -> bool:
    """ "held talks on Monday" in a story dated Sunday: an act told as done on the day after publication
    happened then (another time zone, a story updated after its date; the time stage reads the weekday
    so), it is no future act; nor is one whose sentence dates its report so ("Iran is calling for talks,
    state media reported Monday")."""
    if first != published + timedelta(days=1):
        return False
    return told_done(cand.tok) or any(t.tag_ == "VBD" and _weekday_on(t, first) for t in cand.tok.sent)


def _weekday_on(verb: Token, day: date) -> bool:
    """The verb is dated by a weekday of its own that is ``day``'s ("reported Sunday", "said on Monday")."""
    names = weekdays()
    heads = [c for c in verb.children if c.dep_ == "npadvmod"]
    heads += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "on" for o in p.children]
    return any(names.get(h.lower_.rstrip("s’'")) == day.isoweekday() for h in heads)


def _codes(mentions: list[Mention]) -> tuple[str, ...]:
    return tuple(sorted({m.entity.code or "" for m in mentions}))


def _key(d: _Dated) -> tuple:
    """Mentions merge when they tell one act: the same type and sides, and the same modality (an act
    that happened and a mention of what it would or will be are two records, so that one hypothetical
    or future mention never turns the act told elsewhere into one)."""
    c = d.cand
    unreal = "hypothetical" if "hypothetical" in c.aux else "future" if "future" in c.aux else ""
    return c.event, _codes(c.actor), _codes(c.recipient), c.negated, unreal


def _same_occasion(a: _Dated, b: _Dated) -> bool:
    if a.source == "publication" or b.source == "publication":
        return True
    return a.date == b.date


def merge(items: list[_Dated], published: date | None) -> list[_Dated]:
    """One record per occasion: undated mentions join the dated record current at publication, if any."""
    groups: dict[tuple, list[_Dated]] = {}
    for item in items:
        groups.setdefault(_key(item), []).append(item)
    out: list[_Dated] = []
    for group in groups.values():
        dated_ = [d for d in group if d.source == "text"]
        undated = [d for d in group if d.source != "text"]
        records: list[_Dated] = []
        for d in dated_:
            _absorb(records, d, lambda r, x: r.date == x.date)
        pub = published.isoformat() if published else None
        for d in undated:
            target = next((r for r in records if pub and _covers(r.date, pub)), None)
            if target is None:
                target = next((r for r in records if r.source != "text"), None)
            if target is None:
                records.append(d)
            else:
                _join(target, d)
                if target.source is None and target.cand.tok.sent != d.cand.tok.sent:
                    # an undatable mention takes the date of another sentence's mention told as news
                    target.date, target.precision, target.source = d.date, d.precision, d.source
        out.extend(records)
    return sorted(out, key=lambda d: d.spans[0])


def _first_day(part: str) -> date | None:
    try:
        if "-W" in part:
            return date.fromisocalendar(int(part[:4]), int(part[6:]), 1)
        if len(part) == 4:
            return date(int(part), 1, 1)
        if len(part) == 7:
            return date(int(part[:4]), int(part[5:7]), 1)
        return date.fromisoformat(part[:10])
    except ValueError:
        return None


def _covers(value: str | None, day: str) -> bool:
    """True when the time value ``value`` includes the ISO day ``day``."""
    if not value:
        return False
    first, _, last = value.partition("/")
    start, end = _first_day(first), _last_day(last or first)
    return start is not None and end is not None and start <= date.fromisoformat(day) <= end


def _absorb(records: list[_Dated], item: _Dated, same) -> None:
    target = next((r for r in records if same(r, item)), None)
    if target is None:
        records.append(item)
    else:
        _join(target, item)


def _join(target: _Dated, item: _Dated) -> None:
    target.spans.extend(s for s in item.spans if s not in target.spans)
    c, o = target.cand, item.cand
    c.mode = c.mode or o.mode
    c.context = tuple(dict.fromkeys((*c.context, *o.context)))
    c.aux.extend(a for a in o.aux if a not in c.aux)
    target.size = larger(target.size, item.size)


def larger(a: Size | None, b: Size | None) -> Size | None:
    """Per size field, the larger stated count (with its qualifier); the one stated when only one is."""
    if a is None or b is None:
        return a or b
    picked = {}
    for name in SIZE_FIELDS:
        x, y = getattr(a, name), getattr(b, name)
        picked[name] = y if x is None or (y is not None and y.value > x.value) else x
    return Size(**picked)


def event_id(article_id: str, d: _Dated) -> str:
    c = d.cand
    raw = "|".join(
        [
            article_id,
            c.event,
            ",".join(_codes(c.actor)),
            ",".join(_codes(c.recipient)),
            f"{d.spans[0][0]}-{d.spans[0][1]}",
            d.date or "",  # two calls told in one clause share their evidence
        ]
    )
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def to_event(parsed: Parsed, d: _Dated, lex: EventLexicon) -> Event:
    c = d.cand
    kind = lex.types[c.event]
    mode = c.mode if c.mode in kind.modes else None
    tok = c.tok
    return Event(
        id=event_id(parsed.article.id, d),
        event=c.event,
        actor=tuple(c.actor),
        recipient=tuple(c.recipient),
        event_text=d.text,
        spans=tuple(d.spans),
        mode=mode,
        context=c.context,
        aux=tuple(c.aux),
        negated=c.negated,
        date=d.date,
        date_precision=d.precision,
        date_source=d.source,
        quad_code=kind.quad,
        event_scale=kind.scale(mode),
        trigger=tok.text,
        size=d.size,
        evidence=tuple(_evidence(parsed, span) for span in d.spans),
    )


def _evidence(parsed: Parsed, span: Span) -> Evidence:
    """The sentence holding one mention's clause: never more than that sentence. Where the parser ran
    several sentences together (after a closing quotation mark, a headline without a full stop, a line
    break), only the ones the clause touches are kept."""
    words = parsed.doc.char_span(span[0], max(span[0] + 1, span[1]), alignment_mode="expand")
    sentence = words[0].sent if words is not None and len(words) else None
    if sentence is None:
        return Evidence(" ".join(parsed.text[span[0]:span[1]].split()), span)
    start, text = sentence.start_char, sentence.text
    pieces, at = [], 0
    for end in [m.end() for m in SENTENCE_BREAK.finditer(text)] + [len(text)]:
        if start + at < span[1] and span[0] < start + end:
            pieces.append(text[at:end])
        at = end
    return Evidence(" ".join(" ".join(pieces).split()) or " ".join(text.split()), span)
