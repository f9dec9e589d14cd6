"""Scoring rules for quotes, their speakers and the speakers' profiles (GOLD-FORMAT.md, "How it scores").

Texts are folded by :func:`comity.evaluation.score_text.normalise` before they are compared. A gold quote's
extent is the set of words a prediction of it may use: the words of the sentence(s) holding it, and for a
direct quote also every word inside quotation marks in its paragraph. Sentences are not split after
abbreviations such as "U.S." or "Sen.". Titles and organisations are compared without country names,
nationality adjectives and possessives. Standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from comity.evaluation.score_text import field_text, normalise, records_of, word_list

_OPENERS = "\u201c\"\u00ab\u201e"
_CLOSERS = "\u201d\"\u00bb"
# an opening mark, the words up to the next mark of either kind, and the closing mark if there is one
_QUOTED = re.compile(f"[{_OPENERS}]([^{_OPENERS}{_CLOSERS}]*)[{_CLOSERS}]?")
# a sentence ends after . ! ? or a closing quote, before white space and a capital or an opening quote
_SENTENCE_GAP = re.compile("(?<=[.!?\u201d\"])\\s+(?=[A-Z\u201c\"])")
# words that end a sentence-internal abbreviation ("U.S. President", "Sen. Cotton"): no sentence break after
ABBREVIATIONS = frozenset(
    {
        "u.s", "u.k", "u.n", "e.u", "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col",
        "capt", "sgt", "st", "jr", "sr", "no", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec",
        "prof", "rev", "adm", "maj", "cmdr", "pres", "vs", "inc", "corp", "co", "ltd", "d.c", "a.m", "p.m",
    }
)
# country names and their adjectives, dropped before comparing a title or an organisation ("Russia's
# Defense Ministry" = "Russian Defense Ministry"); the country is scored apart
NATIONS = frozenset(
    {
        "afghan", "afghanistan", "african", "america", "american", "americans", "argentina", "argentine",
        "armenia", "armenian", "australia", "australian", "austria", "austrian", "azerbaijan",
        "azerbaijani", "belarus", "belarusian", "belgian", "belgium", "brazil", "brazilian", "britain",
        "british", "bulgaria", "bulgarian", "cambodia", "cambodian", "canada", "canadian", "chile",
        "chilean", "china", "chinese", "colombia", "colombian", "cuba", "cuban", "czech", "denmark",
        "danish", "egypt", "egyptian", "ethiopia", "ethiopian", "europe", "european", "finland", "finnish",
        "france", "french", "georgia", "georgian", "german", "germany", "greece", "greek", "hungarian",
        "hungary", "india", "indian", "indonesia", "indonesian", "iran", "iranian", "iraq", "iraqi",
        "ireland", "irish", "israel", "israeli", "italian", "italy", "japan", "japanese", "jordan",
        "jordanian", "kenya", "kenyan", "korea", "korean", "lebanese", "lebanon", "libya", "libyan",
        "malaysia", "malaysian", "mexican", "mexico", "moldova", "moldovan", "netherlands", "dutch",
        "nigeria", "nigerian", "norway", "norwegian", "pakistan", "pakistani", "palestine", "palestinian",
        "philippine", "philippines", "polish", "poland", "portugal", "portuguese", "qatar", "qatari",
        "romania", "romanian", "russia", "russian", "saudi", "serbia", "serbian", "south", "spain",
        "spanish", "sudan", "sudanese", "sweden", "swedish", "switzerland", "swiss", "syria", "syrian",
        "taiwan", "taiwanese", "thai", "thailand", "turkey", "turkish", "uk", "ukraine", "ukrainian",
        "united", "states", "us", "usa", "venezuela", "venezuelan", "vietnam", "vietnamese", "yemen",
        "yemeni", "emirati", "emirates",
    }
)
_ROLE_FILLER = frozenset({"the", "of", "s"})
_POSSESSIVE = re.compile("['\u2019]s\\b")
DIRECT_INSIDE_SHARE = 0.8  # share of a direct gold quote's words inside quotation marks to use the marks
COVER_SHARE = 0.6  # share of the gold quote's words a prediction must repeat
INSIDE_SHARE = 0.9  # share of the prediction's words that must lie inside the gold quote's extent


def _speaker_name(speaker: Any) -> str:
    """A speaker given as a name or as an object with a ``name``; empty when there is none."""
    if isinstance(speaker, dict):
        speaker = speaker.get("name")
    return speaker if isinstance(speaker, str) else ""


def same_person(one: Any, other: Any) -> bool:
    """Two names denote the same person: equal words; a one-word name that is the other's first or last
    word; or, both longer, the same first and last words. No name matches only no name."""
    a, b = word_list(_speaker_name(one)), word_list(_speaker_name(other))
    if not a or not b:
        return a == b
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        short, full = (a, b) if len(a) == 1 else (b, a)
        return short[0] == full[0] or short[0] == full[-1]
    return a[0] == b[0] and a[-1] == b[-1]


# ---------------------------------------------------------------- sentences and quote extent


def _ends_in_abbreviation(sentence: str) -> bool:
    """The sentence ends with a full stop that closes an abbreviation ("... the U.S.")."""
    tokens = sentence.split()
    return bool(tokens) and sentence.endswith(".") and tokens[-1].lower().rstrip(".") in ABBREVIATIONS


def _sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences; a piece after an abbreviation is joined to the one before by one space."""
    out: list[str] = []
    for piece in _SENTENCE_GAP.split(paragraph):
        if out and _ends_in_abbreviation(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def _sentence_words(paragraph: str, start: int, end: int) -> set[str]:
    """Words of the paragraph's sentences that touch [start, end] (ends included). Each sentence is
    located by searching for it from the end of the one before, as the reference scorer does: a sentence
    joined across a gap other than one space is then not found (position -1), and parity keeps that."""
    found: set[str] = set()
    offset = 0
    for sentence in _sentences(paragraph):
        begin = paragraph.find(sentence, offset)
        offset = begin + len(sentence)
        if begin <= end and offset >= start:
            found.update(word_list(sentence))
    return found


def _paragraph_around(text: str, start: int, end: int) -> tuple[int, str]:
    """The line(s) holding text[start:end], with the offset of their first character."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return first, text[first:] if last < 0 else text[first:last]


def quote_extent(text: str, content: str, kind: str | None) -> set[str] | None:
    """The words a correct prediction of a gold quote may use: the words of the sentence(s) holding it and
    its own; for a direct quote with 80 % of its words inside quotation marks, also every word inside the
    marks of its paragraph (so both the quoted words and the mixed quote carrying them match). ``None``
    when the article text is empty or does not contain the gold content."""
    if not text:
        return None
    at = text.find(content)
    if at < 0:
        return None
    first, paragraph = _paragraph_around(text, at, at + len(content))
    local = at - first
    own = word_list(content)
    extent = _sentence_words(paragraph, local, local + len(content)) | set(own)
    if kind == "direct":
        quoted = set(word_list(" ".join(_QUOTED.findall(paragraph))))
        if own and sum(word in quoted for word in own) >= DIRECT_INSIDE_SHARE * len(own):
            return quoted | extent
    return extent


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


def _covers(predicted: QuoteText, gold: QuoteText) -> bool:
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
    if not predicted.folded or not gold.folded or not _covers(predicted, gold):
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


def _predicted_quotes(prediction: dict) -> list[tuple[QuoteText, Any]]:
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
    preds = _predicted_quotes(prediction)
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


def plain_role(text: str | None) -> str:
    """A title or organisation without possessives, country words and articles ("Russia's Defense
    Ministry" and "the Russian Defense Ministry" are both "defense ministry"); the folded text when
    nothing else is left."""
    words = word_list(_POSSESSIVE.sub("", text or ""))
    kept = [word for word in words if word not in NATIONS and word not in _ROLE_FILLER]
    return " ".join(kept) or normalise(text)


def _profile_agrees(field: str, predicted: str, wanted: str) -> bool:
    if not predicted:
        return False
    if field == "country":
        return predicted == wanted
    return predicted in wanted or wanted in predicted


def _profile_value(field: str, value: Any) -> str:
    """A profile field folded for comparison: a country as its code, a title or organisation as its role."""
    text = field_text(value)
    return normalise(text if field == "country" else plain_role(text))


def count_profiles(gold: dict, prediction: dict) -> ProfileCounts:
    """For each gold speaker's stated title, organisation and country, does the first predicted speaker
    of the same name give it? Title and organisation: one role contains the other; country: equal codes."""
    predicted = records_of(prediction.get("speakers"))
    tally = {f"{field}_{side}": 0 for field in PROFILE_FIELDS for side in ("right", "gold")}
    for speaker in records_of(gold.get("speakers")):
        match = next((p for p in predicted if same_person(p, speaker)), None)
        for field in PROFILE_FIELDS:
            if not speaker.get(field):
                continue
            tally[f"{field}_gold"] += 1
            given = _profile_value(field, match.get(field)) if match else ""
            tally[f"{field}_right"] += _profile_agrees(field, given, _profile_value(field, speaker[field]))
    return ProfileCounts(**tally)
