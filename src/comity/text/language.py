"""Is this text English? comity codes English news only.

py3langid ships its model inside the package (no download), classifies a
few thousand characters in well under a millisecond once loaded, and is
deterministic. Very short texts are accepted as they are: a headline-length
string carries too little evidence either way. A text is refused only when
English is unlikely (normalised probability below ``MIN_ENGLISH``), not merely
when another language scores higher: one English sentence full of Nigerian
names scores higher as Nigerian Pidgin, an English-based creole, than as
English, yet is plainly English. For the same reason a text in which at least
a fifth of the words are English function words ("the", "of", "to", ...) is
taken as English whatever the classifier says: other languages written in
Latin script share few of them.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from comity.errors import LanguageError

MIN_WORDS = 12
SAMPLE_CHARS = 3000
MIN_ENGLISH = 0.05
MIN_FUNCTION_SHARE = 0.2
FUNCTION_WORDS = frozenset({
    "the", "of", "to", "and", "a", "an", "in", "that", "is", "was", "for", "on", "with", "as", "by", "at",
    "from", "it", "its", "his", "her", "their", "he", "she", "they", "has", "have", "had", "be", "been",
    "were", "are", "this", "which", "who", "will", "would", "not", "but", "or", "over", "after",
})


@cache
def _identifier() -> Any:
    """py3langid with normalised probabilities, loaded on first use (its model takes a moment)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def _language_scores(text: str) -> dict[str, float]:
    """Normalised probability of each language for (the start of) ``text``."""
    return {str(lang): float(p) for lang, p in _identifier().rank(text[:SAMPLE_CHARS])}


def language_of(text: str) -> str:
    """The ISO 639-1 code py3langid gives for (the start of) ``text``."""
    scores = _language_scores(text)
    return max(scores, key=scores.__getitem__)


def check_english(text: str, source: str = "text") -> None:
    """Raise :class:`LanguageError` (E030) when ``text`` is clearly not English."""
    words = re.findall(r"\w+", text[:SAMPLE_CHARS].lower())
    if len(words) < MIN_WORDS or sum(w in FUNCTION_WORDS for w in words) >= MIN_FUNCTION_SHARE * len(words):
        return
    scores = _language_scores(text)
    lang = max(scores, key=scores.__getitem__)
    if lang != "en" and scores.get("en", 0.0) < MIN_ENGLISH:
        raise LanguageError("E030", f"{source}: text is in language '{lang}', not English; not coded")
