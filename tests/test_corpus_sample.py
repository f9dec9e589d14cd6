"""A sample of the real news corpus (../shared/data/news/corpus.jsonl.gz, skipped when absent): the entity
model and the quote extraction run on every article without raising (extract_quotes turns a failure
into a "quotes: skipped" warning; here that warning is the failure), and every quote's and speaker's
span holds its text."""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest

from comity.entities.build import build_model
from comity.errors import ComityError
from comity.pipeline import Coder
from comity.quotes.extract import extract_quotes
from comity.records import Article

SAMPLE_EVERY = 97  # about 44 of the corpus's 4,282 articles, spread over its whole length
SAMPLE_CHARS = 60_000  # longer articles are coded in parts by the pipeline; the sample keeps to one part


def _sample(path) -> list[Article]:
    articles = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n % SAMPLE_EVERY:
                continue
            row = json.loads(line)
            text = row.get("text") or ""
            if not text.strip() or len(text) > SAMPLE_CHARS:
                continue
            published = row.get("published")
            articles.append(Article(id=str(row.get("id") or n), text=text, title=row.get("title"),
                                    published=date.fromisoformat(published[:10]) if published else None))
    return articles


@pytest.fixture(scope="module")
def parsed_sample(shared):
    path = shared / "data" / "news" / "corpus.jsonl.gz"
    if not path.is_file():
        pytest.skip(f"no corpus at {path}")
    coder = Coder()
    out = [(coder, parsed) for _, parsed in coder.parse_many(_sample(path))
           if not isinstance(parsed, ComityError)]
    assert len(out) >= 30
    return out


def test_no_extraction_raises(parsed_sample):
    failures = []
    for coder, parsed in parsed_sample:
        mentions = coder.index.mentions(parsed)
        model = build_model(parsed, mentions, coder.traits)
        quotes, speakers = extract_quotes(parsed, mentions, coder.index, coder.cues, model)
        failures += [f"{parsed.article.id}: {w}" for w in parsed.warnings if w.startswith("quotes: skipped")]
        text = parsed.text
        for quote in quotes:
            assert text[quote.content_span[0]:quote.content_span[1]] == quote.content, parsed.article.id
            if quote.speaker is not None:
                assert quote.speaker in {s.name for s in speakers}, parsed.article.id
    assert failures == []
