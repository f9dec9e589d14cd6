"""Scoring rules for quotes, their speakers and the speakers' profiles (GOLD-FORMAT.md, "How it scores").

Text is compared after folding: Unicode NFKC, typographic quotes and dashes made plain, lower case,
quotation marks dropped, runs of space collapsed, edge punctuation trimmed. Standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

_PLAIN = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2018": "'", "\u2019": "'", "`": "'", "\u2014": "-", "\u2013": "-",
    }
)
_WORD = re.compile(r"\w+")
_OPENERS = "\u201c\"\u00ab\u201e"
_CLOSERS = "\u201d\"\u00bb"
# an opening mark, the words up to the next mark of either kind, and the closing mark if there is one
_QUOTED = re.compile(f"[{_OPENERS}]([^{_OPENERS}{_CLOSERS}]*)[{_CLOSERS}]?")
# a sentence ends after . ! ? or a closing quote, before white space and a capital or an opening quote
_SENTENCE_GAP = re.compile("(?<=[.!?\u201d\"])\\s+(?=[A-Z\u201c\"])")
DIRECT_INSIDE_SHARE = 0.8  # share of a direct gold quote's words inside quotation marks to use the marks
COVER_SHARE = 0.6  # share of the gold quote's words a prediction must repeat
INSIDE_SHARE = 0.9  # share of the prediction's words that must lie inside the gold quote's extent


def normalise(text: str | None) -> str:
    """Fold a text for comparison (see the module docstring)."""
    folded = unicodedata.normalize("NFKC", text or "").translate(_PLAIN).lower()
    folded = folded.replace('"', " ").replace("'", " ")
    return " ".join(folded.split()).strip(" .,;:")


def word_list(text: str | None) -> list[str]:
    """The words of a text after folding."""
    return _WORD.findall(normalise(text))


def field_text(value: Any) -> str:
    """A field read as text: a string as is, an object by its ``text``; anything else is empty."""
    if isinstance(value, dict):
        value = value.get("text")
    return value if isinstance(value, str) else ""


def speaker_name(speaker: Any) -> str:
    """A speaker given as a name or as an object with a ``name``; empty when there is none."""
    if isinstance(speaker, dict):
        speaker = speaker.get("name")
    return speaker if isinstance(speaker, str) else ""


def same_person(one: Any, other: Any) -> bool:
    """Two names denote the same person: equal words; a one-word name that is the other's first or last
    word; or, both longer, the same first and last words. No name matches only no name."""
    a, b = word_list(speaker_name(one)), word_list(speaker_name(other))
    if not a or not b:
        return a == b
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        short, full = (a, b) if len(a) == 1 else (b, a)
        return short[0] == full[0] or short[0] == full[-1]
    return a[0] == b[0] and a[-1] == b[-1]


# ---------------------------------------------------------------- quote extent


def _paragraph_around(text: str, start: int, end: int) -> tuple[int, str]:
    """The line(s) holding text[start:end], with the offset of their first character."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return first, text[first:] if last < 0 else text[first:last]


def _sentence_words(paragraph: str, start: int, end: int) -> set[str]:
    """Words of the paragraph's sentences that touch [start, end] (ends included)."""
    found: set[str] = set()
    begin = 0
    bounds = [(gap.start(), gap.end()) for gap in _SENTENCE_GAP.finditer(paragraph)]
    bounds.append((len(paragraph), len(paragraph)))
    for stop, next_begin in bounds:
        if begin <= end and stop >= start:
            found.update(word_list(paragraph[begin:stop]))
        begin = next_begin
    return found


def quote_extent(text: str, content: str, kind: str | None) -> set[str] | None:
    """The words a correct prediction of a gold quote may use: a direct quote's words inside quotation
    marks in its paragraph, else the words of the sentence(s) holding it; ``None`` when the article text
    is empty or does not contain the gold content."""
    if not text:
        return None
    at = text.find(content)
    if at < 0:
        return None
    first, paragraph = _paragraph_around(text, at, at + len(content))
    own = word_list(content)
    if kind == "direct":
        quoted = set(word_list(" ".join(_QUOTED.findall(paragraph))))
        if own and sum(word in quoted for word in own) >= DIRECT_INSIDE_SHARE * len(own):
            return quoted | set(own)
    local = at - first
    return _sentence_words(paragraph, local, local + len(content)) | set(own)


# ---------------------------------------------------------------- quote matching


@dataclass(frozen=True)
class QuoteText:
    """A quote's content folded once for repeated comparison."""

    folded: str
    words: tuple[str, ...]

    @classmethod
    def of(cls, content: str) -> QuoteText:
        folded = normalise(content)
        return cls(folded, tuple(word_list(folded)))


def covers(predicted: QuoteText, gold: QuoteText) -> bool:
    """The prediction holds the gold stretch, or half of it and is inside it, or 60 % of its words."""
    p, g = predicted.folded, gold.folded
    if g in p or (p in g and len(p) >= 0.5 * len(g)):
        return True
    if not gold.words:
        return False
    present = set(predicted.words)
    return sum(word in present for word in gold.words) / len(gold.words) >= COVER_SHARE


def quote_matches(predicted: QuoteText, gold: QuoteText, extent: set[str] | None) -> bool:
    """A prediction matches a gold quote when it covers it and stays inside the gold quote's extent."""
    if not predicted.folded or not gold.folded or not covers(predicted, gold):
        return False
    if extent is None:
        return True
    return sum(word in extent for word in predicted.words) >= INSIDE_SHARE * len(predicted.words)


@dataclass(frozen=True)
class QuoteCounts:
    gold: int = 0
    predicted: int = 0
    found: int = 0
    precise: int = 0
    speaker_right: int = 0
    speaker_scored: int = 0


def predicted_quotes(prediction: dict) -> list[tuple[QuoteText, Any]]:
    """The prediction's quotes with their speakers, each distinct folded content once, in order."""
    seen: set[str] = set()
    out: list[tuple[QuoteText, Any]] = []
    for quote in records_of(prediction.get("quotes")):
        content = field_text(quote.get("content")) or field_text(quote.get("text"))
        if not content:
            continue
        unit = QuoteText.of(content)
        if unit.folded not in seen:
            seen.add(unit.folded)
            out.append((unit, quote.get("speaker")))
    return out


def count_quotes(gold: dict, prediction: dict, text: str) -> QuoteCounts:
    """Recall pairs each gold quote with the first unused matching prediction; a prediction is precise when
    it matches any gold quote; speakers are judged on the pairs whose gold speaker is scored."""
    golds = records_of(gold.get("quotes"))
    units = [QuoteText.of(field_text(q.get("content"))) for q in golds]
    extents = [quote_extent(text, field_text(q.get("content")), q.get("kind", "direct")) for q in golds]
    preds = predicted_quotes(prediction)
    used: set[int] = set()
    found = right = scored = 0
    for quote, unit, extent in zip(golds, units, extents, strict=True):
        hit = next(
            (i for i, (p, _) in enumerate(preds) if i not in used and quote_matches(p, unit, extent)), None
        )
        if hit is None:
            continue
        used.add(hit)
        found += 1
        if not quote.get("speaker_unscored"):
            scored += 1
            right += same_person(preds[hit][1], quote.get("speaker"))
    gold_units = list(zip(units, extents, strict=True))
    precise = sum(any(quote_matches(p, unit, extent) for unit, extent in gold_units) for p, _ in preds)
    return QuoteCounts(len(golds), len(preds), found, precise, right, scored)


# ---------------------------------------------------------------- speaker profiles

PROFILE_FIELDS = ("title", "org", "country")


@dataclass(frozen=True)
class ProfileCounts:
    title_right: int = 0
    title_gold: int = 0
    org_right: int = 0
    org_gold: int = 0
    country_right: int = 0
    country_gold: int = 0


def _profile_agrees(field: str, predicted: str, wanted: str) -> bool:
    if not predicted:
        return False
    if field == "country":
        return predicted == wanted
    return predicted in wanted or wanted in predicted


def count_profiles(gold: dict, prediction: dict) -> ProfileCounts:
    """For each gold speaker's stated title, organisation and country, does the first predicted speaker
    of the same name give it? Title and organisation: one contains the other; country: equal codes."""
    predicted = list(records_of(prediction.get("speakers")))
    tally = {f"{field}_{side}": 0 for field in PROFILE_FIELDS for side in ("right", "gold")}
    for speaker in records_of(gold.get("speakers")):
        match = next((p for p in predicted if same_person(p, speaker)), None)
        for field in PROFILE_FIELDS:
            if not speaker.get(field):
                continue
            tally[f"{field}_gold"] += 1
            given = normalise(field_text(match.get(field))) if match else ""
            tally[f"{field}_right"] += _profile_agrees(field, given, normalise(field_text(speaker[field])))
    return ProfileCounts(**tally)


def records_of(value: Any) -> list[dict]:
    """The objects of a list field; anything else in it, or a field that is not a list, is ignored."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]
