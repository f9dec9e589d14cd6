"""Shared fixtures: one spaCy pipeline per test session, and a parser for sentences."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import spacy

from comity import Coder
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
def coder() -> Coder:
    return Coder()


@pytest.fixture(scope="session")
def event_records(coder: Coder) -> Callable[..., set[tuple]]:
    """event_records(text, aux=False) -> {(type, actor codes, recipient codes, negated[, aux])}: the events of
    one text coded as published on 2025-05-07, each side's codes sorted."""

    def _records(text: str, aux: bool = False) -> set[tuple]:
        out = set()
        for e in coder.code(text, "2025-05-07").events:
            row = (e.event, tuple(sorted({m.entity.code for m in e.actor})),
                   tuple(sorted({m.entity.code for m in e.recipient})), e.negated)
            out.add((*row, tuple(e.aux)) if aux else row)
        return out

    return _records


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): evaluation data are not on this machine")
    return SHARED
