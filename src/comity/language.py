"""Is this text English? comity codes English news only.

py3langid ships its model inside the package (no download), classifies a
few thousand characters in well under a millisecond once loaded, and is
deterministic. Very short texts are accepted as they are: a headline-length
string carries too little evidence either way.
"""

from __future__ import annotations

import re

from comity.errors import LanguageError

MIN_WORDS = 12
SAMPLE_CHARS = 3000


def language_of(text: str) -> str:
    """The ISO 639-1 code py3langid gives for (the start of) ``text``."""
    import py3langid  # loaded on first use: its model takes a moment

    lang, _ = py3langid.classify(text[:SAMPLE_CHARS])
    return str(lang)


def check_english(text: str, source: str = "text") -> None:
    """Raise :class:`LanguageError` (E030) when ``text`` is clearly not English."""
    if len(re.findall(r"\w+", text[:SAMPLE_CHARS])) < MIN_WORDS:
        return
    lang = language_of(text)
    if lang != "en":
        raise LanguageError("E030", f"{source}: text is in language '{lang}', not English; not coded")
