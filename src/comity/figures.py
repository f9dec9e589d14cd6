"""The figures stage: money, counts and percentages cited in the running text.

``find_figures(parsed, times=None)`` matches number phrases with our own
patterns (money with a currency sign, word or ISO code and a scale; percentages;
plain numbers), then reads the parse: a plain number is a count only when it
modifies a noun ("about 12,000 troops" -> 12000 "troops"), which becomes its
unit. Qualifiers ("about", "at least", "more than") and changes ("up", "fell
by") are kept; numbers inside time expressions ("two years ago", "Jan. 21"),
years, clock times and numbers in names ("F-16", "Power of Siberia 2")
are not figures; an ordinal before its noun is the count it reaches ("the third phone call").
A duration with a unit noun ("80 years", "a 12-year sentence") is a count figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

import pycountry
from spacy.tokens import Doc, Token

from comity.datafiles import active, cached_for
from comity.records import Figure, TimeRef
from comity.text.document import Parsed
from comity.text.syntax import governing_verb
from comity.times.extract import find_times
from comity.times.words import alternation, find_in, number_word_pattern, number_words, parse_number, windows

CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "parataxis", "conj", "acl", "csubj"}
PERIOD_GAP = re.compile(r"[\s,]*(?:in|during|for|over|through|by|as of|at the end of)?\s*", re.IGNORECASE)


def vocabulary() -> dict[str, Any]:
    """figures.json as the running coder extends it (Config.figure_files)."""
    return active("figures.json")


@cache
def currency_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.currencies)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    kind: str  # money, percent, count
    order: int
    number: str
    scale: float
    unit: str | None  # currency code or percent unit; None for a count (read from the parse)
    num_end: int  # where the number (with its scale) ends


def _scale_parts() -> tuple[str, str]:
    scales = vocabulary()["scales"]
    short = set(vocabulary()["short_scales"])
    long_ = [s for s in scales if s not in short]
    spaced = [s for s in short if len(s) > 1]
    attached = [s for s in short if len(s) == 1]
    spaced_all = alternation(long_ + spaced)
    return rf"(?:\s?(?P<scale>{spaced_all})\b|(?P<scale_att>{alternation(attached)})\b)", spaced_all


@cached_for("figures.json", "times.json")
def patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    words = number_word_pattern()
    half = r"(?:half an?|an?)(?=\s+(?:thousand|million|billion|trillion)\b)"
    num = rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{words}|a dozen|{half})"
    scale, spaced = _scale_parts()
    codes = "|".join(sorted(currency_codes()))
    symbols = alternation(list(vocabulary()["symbols"]))
    cur_words = alternation(list(vocabulary()["words"]))
    end = r"(?![\w-]|[.,]\d|:\d)"
    unit = r"(?:-[a-z]+(?:-[a-z]+)?)?"  # "a 12-year sentence", "the six-day war", "a 45-year-old diplomat"
    sources = [
        ("money", rf"(?<![\w$])(?P<sym>{symbols})\s?{num}{scale}?{end}"),
        ("money", rf"\b(?-i:(?P<code>{codes}))\s?{num}{scale}?{end}"),
        ("money", rf"(?<![\w.,-]){num}{scale}?\s+(?P<word>{cur_words}|(?-i:{codes}))\b"),
        ("percent", rf"(?<![\w.,-]){num}\s?(?P<pct>%|percent\b|per cent\b|percentage points?\b|pct\b)"),
        ("count", rf"(?<![\w$€£¥.,/-]){num}(?:\s(?P<scale>{spaced})\b)?{unit}{end}"),
    ]
    return tuple((kind, re.compile(src, re.IGNORECASE)) for kind, src in sources)


def _currency(groups: dict[str, str | None]) -> str | None:
    if groups.get("sym"):
        return vocabulary()["symbols"].get(groups["sym"] or "")
    if groups.get("code"):
        return groups["code"]
    word = groups.get("word") or ""
    if word in currency_codes():
        return word
    lookup = {k.lower(): v for k, v in vocabulary()["words"].items()}
    return lookup.get(word.lower())


def _unit(kind: str, groups: dict[str, str | None]) -> str | None:
    if kind == "money":
        return _currency(groups)
    if kind == "percent":
        pct = (groups.get("pct") or "").lower()
        return "percentage points" if pct.startswith("percentage point") else "percent"
    return None


@cached_for("figures.json", "times.json")
def number_anchor() -> re.Pattern[str]:
    words = [w for w in number_words() if w not in ("a", "an")] + list(vocabulary()["scales"])
    return re.compile(rf"\d|\b(?:{alternation(words)})\b", re.IGNORECASE)


def _matches(text: str) -> list[Match]:
    found = []
    scales = {k.lower(): v for k, v in vocabulary()["scales"].items()}
    spans = windows(number_anchor(), text, reach=40)
    for order, (kind, pattern) in enumerate(patterns()):
        for m in find_in(pattern, text, spans):
            groups = m.groupdict()
            scale_word = (groups.get("scale") or groups.get("scale_att") or "").lower()
            num_end = max(m.end("num"), m.end("scale") if groups.get("scale") else -1,
                          m.end("scale_att") if groups.get("scale_att") else -1)
            found.append(Match(m.start(), m.end(), kind, order, groups["num"] or "",
                               scales.get(scale_word, 1.0), _unit(kind, groups), num_end))
    taken: list[Match] = []
    for match in sorted(found, key=lambda x: (x.start - x.end, x.order, x.start)):
        if all(match.end <= t.start or t.end <= match.start for t in taken):
            taken.append(match)
    return sorted(taken, key=lambda x: x.start)


@cached_for("figures.json", "times.json")
def qualifier_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    quals = alternation(vocabulary()["qualifiers"])
    changes = alternation(list(vocabulary()["changes"]))
    return (re.compile(rf"\b(?P<q>{quals})\s+$", re.IGNORECASE),
            re.compile(rf"\b(?P<c>{changes})\s+(?:by\s+)?$", re.IGNORECASE))


def _qualifier(text: str, start: int) -> tuple[str | None, int]:
    """A qualifier or change word just before ``start``: (qualifier, new start)."""
    before = text[max(0, start - 40):start]
    bounds, moves = qualifier_patterns()
    if m := bounds.search(before):
        return m.group("q").lower(), start - (len(before) - m.start())
    changes = vocabulary()["changes"]
    if m := moves.search(before):
        word = m.group("c").lower()
        keep = word in ("up", "down")
        return changes[word], (start - (len(before) - m.start())) if keep else start
    return None, start


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _count_noun(doc: Doc, match: Match) -> Token | None:
    """The noun a plain number counts: '12,000 (North Korean) troops', 'two dozen countries'."""
    tokens = _tokens(doc, match.start, match.num_end)
    if not tokens:
        return None
    token = tokens[-1]
    for _ in range(3):
        head = token.head
        if token.dep_ not in ("nummod", "quantmod", "compound", "nmod", "amod") or head.i <= tokens[-1].i:
            break
        if head.pos_ in ("NOUN", "PROPN"):
            return head
        token = head
    following = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
    if following is not None and following.pos_ == "NOUN" and following.tag_ in ("NNS", "NN"):
        return following
    if following is not None and following.lower_ in CASUALTY_WORDS:
        return following  # "14 injured", "more than 700 killed": people, counted by what befell them
    return _counted_of(doc, tokens[-1])


CASUALTY_WORDS = frozenset({"killed", "injured", "wounded", "dead", "hurt", "missing", "arrested",
                            "detained"})


def _counted_of(doc: Doc, number: Token) -> Token | None:
    """ "111 of those whales", "30 out of 35 drones": the noun of the whole a number is a part of."""
    i = number.i + 1
    if i + 1 < len(doc) and doc[i].lower_ == "out" and doc[i + 1].lower_ == "of":
        i += 1
    if i >= len(doc) or doc[i].lower_ != "of":
        return None
    nouns = [t for t in doc[i + 1:min(i + 5, len(doc))] if t.dep_ == "pobj" and t.head.i == i]
    return nouns[0] if nouns and nouns[0].pos_ == "NOUN" else None


def _named_number(doc: Doc, match: Match, text: str) -> bool:
    """A number that is part of a name or a code: 'Power of Siberia 2', 'Article 5', 'No. 10'."""
    tokens = _tokens(doc, match.start, match.end)
    if not tokens or tokens[0].i == 0:
        return False
    previous = doc[tokens[0].i - 1]
    return previous.pos_ == "PROPN" or previous.text in ("No.", "#", "no.")


def _is_year_like(match: Match) -> bool:
    return bool(re.fullmatch(r"1[5-9]\d\d|20\d\d", match.number)) and match.scale == 1.0


def _count_allowed(doc: Doc, match: Match, text: str, qualifier: str | None) -> Token | None:
    """The unit noun of a count, or None when the number is not a count figure."""
    value = parse_number(match.number)
    in_words = not re.match(r"\d", match.number)
    if value is None or (in_words and value * match.scale <= 1) or _is_year_like(match):
        return None
    before = text[max(0, match.start - 12):match.start].lower().split()
    if in_words and before and before[-1] in vocabulary()["skip_after"] and qualifier is None:
        return None
    if qualifier is None and _named_number(doc, match, text):
        return None
    noun = _count_noun(doc, match)
    if noun is None or noun.text in vocabulary()["skip_nouns"] or noun.lower_ in vocabulary()["skip_nouns"]:
        return None
    return noun


def _period(parsed: Parsed, end: int, anchor: Token | None, times: list[TimeRef]) -> str | None:
    """The time the figure is for: stated right after it ('$237 billion in 2024'), else a
    resolved time in its own clause ('In 2024, trade reached $237 billion')."""
    text = parsed.text
    for ref in times:
        if ref.span[0] >= end and ref.span[0] - end <= 20 and PERIOD_GAP.fullmatch(text[end:ref.span[0]]):
            return ref.value if ref.resolved else ref.text
    verb = governing_verb(anchor) if anchor is not None else None
    if verb is None:
        return None
    for ref in times:
        if not ref.resolved:
            continue
        span = parsed.doc.char_span(ref.span[0], ref.span[1], alignment_mode="expand")
        if span is not None and len(span) and _modifies(span.root, verb):
            return ref.value
    return None


def _modifies(root: Token, verb: Token) -> bool:
    """True when a time expression headed by ``root`` modifies ``verb`` directly ('in 2024, X reached')."""
    if root.head.i == verb.i and root.dep_ in ("npadvmod", "tmod", "advmod", "obl"):
        return True
    return root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.i == verb.i


def _clause_tokens(root: Token, keep: Token) -> list[Token]:
    """``root``'s subtree without nested clauses that do not hold ``keep``."""
    dropped: set[int] = set()
    for token in root.subtree:
        holds_keep = token.left_edge.i <= keep.i <= token.right_edge.i
        if token.i == root.i or token.dep_ not in CLAUSE_DEPS or holds_keep:
            continue
        if token.dep_ != "conj" or token.pos_ in ("VERB", "AUX"):
            dropped.update(t.i for t in token.subtree)
    return [t for t in root.subtree if t.i not in dropped and t.tag_ not in ("WDT", "WP")]


def _about(doc: Doc, anchor: Token) -> str | None:
    """A short description: the clause of the verb governing the figure, at most 20 words around it."""
    verb = governing_verb(anchor)
    if verb is None:
        return None
    root = verb.head if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN") else verb
    tokens = _clause_tokens(root, anchor)
    if len(tokens) > 20:
        where = next((k for k, t in enumerate(tokens) if t.i >= anchor.i), 0)
        tokens = tokens[max(0, where - 10):where + 10]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    words = ""
    for k, token in enumerate(tokens):
        if k and tokens[k - 1].i + 1 != token.i and not words.endswith(" "):
            words += " "
        words += token.text_with_ws
    return re.sub(r"\s+", " ", words).strip() or None


def _scaled(value: float, scale: float) -> float:
    """``value * scale`` without binary noise: 65.4 billion is 65400000000.0, not …00001."""
    return float(Decimal(repr(value)) * Decimal(repr(scale)))


def _in_times(start: int, end: int, times: list[TimeRef]) -> bool:
    """The stretch overlaps a time expression ("two years ago", "the 21st of June")."""
    return any(r.span[0] < end and start < r.span[1] for r in times)


def _figure(parsed: Parsed, match: Match, times: list[TimeRef]) -> Figure | None:
    text, doc = parsed.text, parsed.doc
    if _in_times(match.start, match.end, times):
        return None
    qualifier, start = _qualifier(text, match.start)
    value = parse_number(match.number)
    if value is None:
        return None
    unit, anchor, end = match.unit, None, match.end
    if match.kind == "count":
        noun = _count_allowed(doc, match, text, qualifier)
        if noun is None:
            return None
        unit = noun.text if noun.pos_ == "PROPN" else noun.lower_ if noun.pos_ == "NOUN" else "people"
        anchor, end = noun, noun.idx + len(noun)
    if unit is None:
        return None
    if anchor is None:
        tokens = _tokens(doc, match.start, match.end)
        anchor = tokens[-1] if tokens else None
    return Figure(text=text[start:end], span=(start, end), value=_scaled(value, match.scale), unit=unit,
                  qualifier=qualifier, about=_about(doc, anchor) if anchor is not None else None,
                  period=_period(parsed, end, anchor, times))


ORDINAL_WORDS = {w: n for n, w in enumerate(
    ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
     "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
     "nineteenth", "twentieth"], start=2)}
ORDINAL = re.compile(r"\b(?:(?P<word>" + "|".join(ORDINAL_WORDS) + r")|(?P<num>\d{1,3})(?:st|nd|rd|th))\b",
                     re.IGNORECASE)


def _ordinals(parsed: Parsed, times: list[TimeRef]) -> list[Figure]:
    """ "the third phone call in a week", "her 35th birthday": an ordinal before the noun it counts is the
    count it reaches (not the word "first", nor an ordinal inside a time expression: "the 21st of June")."""
    out = []
    for m in ORDINAL.finditer(parsed.text):
        if not parsed.in_body((m.start(), m.end())) or _in_times(m.start(), m.end(), times):
            continue
        tokens = _tokens(parsed.doc, m.start(), m.end())
        noun = tokens[-1].head if tokens and tokens[-1].dep_ == "amod" else None
        if noun is None or noun.pos_ != "NOUN" or noun.i <= tokens[-1].i:
            continue
        value = ORDINAL_WORDS.get(m.group("word").lower()) if m.group("word") else int(m.group("num"))
        end = noun.idx + len(noun)
        out.append(Figure(text=parsed.text[m.start():end], span=(m.start(), end), value=value,
                          unit=noun.lower_, qualifier=None, about=_about(parsed.doc, noun), period=None))
    return out


def find_figures(parsed: Parsed, times: list[TimeRef] | None = None) -> list[Figure]:
    """Every figure in the running text; pass ``times`` (from find_times) to avoid finding them again."""
    if times is None:
        times = find_times(parsed, parsed.article.published)
    figures = []
    for match in _matches(parsed.text):
        if not parsed.in_body((match.start, match.end)):
            continue
        figure = _figure(parsed, match, times)
        if figure is not None:
            figures.append(figure)
    return sorted(figures + _ordinals(parsed, times), key=lambda f: f.span)
