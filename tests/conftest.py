"""Shared fixtures: one spaCy pipeline per test session, and a parser for sentences."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import spacy

from comity.config import DEFAULT_MODEL
from comity.records import Article
from comity.text.document import Parsed

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> spacy.language.Language:
    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def parse(nlp) -> Callable[..., Parsed]:
    """parse(text, published="2025-05-07") -> Parsed, without layout detection."""

    def _parse(text: str, published: str | date | None = "2025-05-07") -> Parsed:
        if isinstance(published, str):
            published = date.fromisoformat(published)
        return Parsed(Article(id="t", text=text, published=published), nlp(text))

    return _parse


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): evaluation data are not on this machine")
    return SHARED
