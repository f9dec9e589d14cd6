"""comity's scorer: rule tables written here, and parity with ../shared/tools/score.py where it exists."""

from __future__ import annotations

import copy
import importlib.util
import json
import random
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comity.errors import EvalError
from comity.evaluation.score_events import CODE_ALIASES, EventTuple, count_events, event_tuples
from comity.evaluation.score_quotes import (
    ABBREVIATIONS,
    NATIONS,
    QuoteText,
    count_profiles,
    count_quotes,
    plain_role,
    quote_extent,
    quote_matches,
    same_person,
)
from comity.evaluation.score_text import normalise
from comity.evaluation.score_values import (
    TIME_FILLER,
    count_figures,
    count_times,
    day_span,
    same_expression,
    same_figure,
)
from comity.evaluation.scoring import (
    ArticleScore,
    format_summary,
    score_article,
    score_dir,
    summarize,
    warnings_of,
)

SUMMARY_KEYS = [
    "articles", "quote_recall", "quote_precision", "quote_f1", "speaker_accuracy", "event_recall",
    "event_precision", "event_f1", "time_recall", "time_precision", "figure_recall",
    "speaker_title_accuracy", "speaker_org_accuracy", "speaker_country_accuracy",
]

# ---------------------------------------------------------------- text folding


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("“Peace,” he said.", "peace, he said"),
        ("It’s   a\n\ttruce", "it s a truce"),
        ("The ﬁrst—and last—round", "the first-and last-round"),
        ("  ;Done:  ", "done"),
        (None, ""),
    ],
)
def test_normalise(text, folded):
    assert normalise(text) == folded


# ---------------------------------------------------------------- quotes

ARTICLE = (
    "Headline about a summit\n"
    "The minister said the talks “were frank and useful for both sides” on Monday. Critics disagreed.\n"
    "According to officials, the border will reopen next week. Trade is expected to recover.\n"
    "“We will not back down,” the envoy said. “Never.”\n"
)


@pytest.mark.parametrize(
    ("gold", "kind", "predicted", "expected"),
    [
        ("were frank and useful for both sides", "direct", "were frank and useful for both sides", True),
        ("were frank and useful for both sides", "direct", "“Were frank and useful for both sides,”", True),
        # 60 % of the gold words are enough
        ("were frank and useful for both sides", "direct", "frank and useful for both", True),
        ("were frank and useful for both sides", "direct", "frank and useful", False),
        # a part of the gold text that is at least half of it
        ("were frank and useful for both sides", "direct", "useful for both sides", True),
        # direct: the mixed quote that carries the quoted words matches them (v3) ...
        ("were frank and useful for both sides", "direct",
         "The minister said the talks were frank and useful for both sides on Monday", True),
        ("were frank and useful for both sides", "direct",
         "The minister said the talks “were frank and useful for both sides” on Monday.", True),
        # ... but must stay inside its sentence and the quotation marks (90 % of its words)
        ("were frank and useful for both sides", "direct",
         "The minister said the talks were frank and useful for both sides on Monday. Critics disagreed",
         False),
        ("We will not back down", "direct", "We will not back down, the minister said on Monday", False),
        # indirect: inside its sentence
        ("the border will reopen next week", "indirect",
         "According to officials, the border will reopen next week", True),
        ("the border will reopen next week", "indirect",
         "the border will reopen next week. Trade is expected to recover", False),
        ("We will not back down", "direct", "we will not back down", True),
        ("Never.", "direct", "never", True),
        ("Never.", "direct", "", False),
    ],
)
def test_quote_matching(gold, kind, predicted, expected):
    extent = quote_extent(ARTICLE, gold, kind)
    assert quote_matches(QuoteText.of(predicted), QuoteText.of(gold), extent) is expected


ABBREVIATED = (
    "Officials in the U.S. Treasury said sanctions would follow soon. Markets fell.\n"
    "Sen. Tom Cotton said the plan would fail. Aides agreed.\n"
    "Lt. Col. Ann Wu said that “the corridor is open” in a call. Dr. Li said the talks were over.\n"
)


@pytest.mark.parametrize(
    ("gold", "kind", "predicted", "expected"),
    [
        # no sentence break after "U.S.", "Sen.", "Lt.", "Col.", "Dr." (v3)
        ("sanctions would follow soon", "indirect",
         "Officials in the U.S. Treasury said sanctions would follow soon", True),
        ("the plan would fail", "indirect", "Sen. Tom Cotton said the plan would fail", True),
        ("the corridor is open", "direct", "Lt. Col. Ann Wu said that the corridor is open", True),
        ("the talks were over", "indirect", "Dr. Li said the talks were over", True),
        # a real sentence end still ends the extent
        ("sanctions would follow soon", "indirect", "said sanctions would follow soon. Markets fell", False),
        ("the plan would fail", "indirect", "the plan would fail. Aides agreed", False),
        ("the corridor is open", "direct", "“the corridor is open” in a call. Dr. Li said the talks", False),
    ],
)
def test_quote_matching_across_abbreviations(gold, kind, predicted, expected):
    extent = quote_extent(ABBREVIATED, gold, kind)
    assert quote_matches(QuoteText.of(predicted), QuoteText.of(gold), extent) is expected


@pytest.mark.parametrize(
    ("text", "content", "kind", "has", "lacks"),
    [
        # a direct quote: the words in quotation marks and those of its sentence (the mixed quote)
        (ARTICLE, "were frank and useful for both sides", "direct", {"frank", "sides", "minister", "monday"},
         {"critics", "disagreed"}),
        (ARTICLE, "Never.", "direct", {"never", "back"}, {"envoy", "said", "minister"}),
        (ARTICLE, "the border will reopen next week", "indirect", {"according", "officials"}, {"trade"}),
        # a direct quote not inside double quotation marks falls back to its sentence
        ("He called it 'a farce' and left. Then he spoke.", "a farce", "direct", {"called", "left"},
         {"spoke"}),
        # ... and so does one with less than 80 % of its words inside them
        ("Critics said the plan was “dead on arrival” in Congress. Others agreed.",
         "plan was “dead on arrival", "direct", {"critics", "congress"}, {"others"}),
        # 80 % inside: the words in quotation marks across the paragraph, and the quote's own words
        ("“We are ready now,” she said. “To talk, not to yield.”\nNext line.", "We are ready now,” she",
         "direct", {"ready", "yield", "she", "said"}, {"next", "line"}),
        # no sentence break after an abbreviation; a break after an ordinary word
        (ABBREVIATED, "the plan would fail", "indirect", {"sen", "tom", "cotton"}, {"aides", "markets"}),
        (ABBREVIATED, "sanctions would follow soon", "indirect", {"officials", "u", "s", "treasury"},
         {"markets"}),
        (ABBREVIATED, "the talks were over", "indirect", {"dr", "li"}, {"corridor", "wu", "call"}),
        ("He met the U.S. envoy. Then he left.", "he left", "indirect", {"then"}, {"envoy"}),
        ("Talks in Washington, D.C. Officials said so. End.", "said so", "indirect",
         {"washington", "officials"}, {"end"}),
    ],
)
def test_quote_extent(text, content, kind, has, lacks):
    extent = quote_extent(text, content, kind)
    assert has <= extent
    assert not lacks & extent


@pytest.mark.parametrize(("text", "content"), [("", "anything"), (ARTICLE, "words the article lacks")])
def test_quote_extent_unknown(text, content):
    assert quote_extent(text, content, "direct") is None


def test_quote_matching_without_extent_needs_coverage_only():
    gold = QuoteText.of("the border will reopen")
    assert quote_matches(QuoteText.of("officials said the border will reopen soon"), gold, None)


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [
        # a duplicate (same folded content) counts once; both speakers right
        ([("were frank and useful for both sides", "Anna Berg"),
          ("“Were frank and useful for both sides”", "X"), ("the border will reopen next week", None)],
         dict(predicted=2, found=2, precise=2, speaker_right=2, speaker_scored=2)),
        # a quote split by its cue predicted in two pieces: one pairs with the gold, both are precise
        ([("We will not back down", "Berg"), ("We will not", "Berg")],
         dict(predicted=2, found=1, precise=2, speaker_right=0, speaker_scored=0)),
        # wrong speaker; a null gold speaker is matched only by null
        ([("were frank and useful for both sides", "Carl Berg"),
          ("the border will reopen next week", "Berg")],
         dict(predicted=2, found=2, precise=2, speaker_right=0, speaker_scored=2)),
        ([("nothing like the gold", "Anna Berg")],
         dict(predicted=1, found=0, precise=0, speaker_right=0, speaker_scored=0)),
    ],
)
def test_count_quotes(predicted, expected):
    gold = {"quotes": [
        {"speaker": "Anna Berg", "kind": "direct", "content": "were frank and useful for both sides"},
        {"speaker": None, "kind": "indirect", "content": "the border will reopen next week"},
        {"speaker": None, "kind": "direct", "content": "We will not back down", "speaker_unscored": True},
    ]}
    prediction = {"quotes": [{"speaker": s, "content": c} for c, s in predicted]}
    counts = count_quotes(gold, prediction, ARTICLE)
    assert counts.gold == 3
    assert {key: getattr(counts, key) for key in expected} == expected


def test_count_quotes_reads_text_key_and_speaker_objects():
    content = "were frank and useful for both sides"
    gold = {"quotes": [{"speaker": "Anna Berg", "kind": "direct", "content": content}]}
    prediction = {"quotes": [{"text": content, "speaker": {"name": "Berg"}}, "junk"]}
    counts = count_quotes(gold, prediction, ARTICLE)
    assert (counts.found, counts.speaker_right, counts.speaker_scored) == (1, 1, 1)


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Anna Berg", "Anna Berg", True),
        ("Berg", "Anna Berg", True),
        ("Anna", "Anna Berg", True),
        ("Anna Maria Berg", "Anna Berg", True),
        ("Anna Berg", "Carl Berg", False),
        ("Maria", "Anna Maria Berg", False),
        ({"name": "Anna Berg"}, "anna berg", True),
        (None, None, True),
        (None, "", True),
        ("Berg", None, False),
        ({"name": None}, None, True),
    ],
)
def test_same_person(one, other, same):
    assert same_person(one, other) is same
    assert same_person(other, one) is same


@pytest.mark.parametrize(
    ("role", "plain"),
    [
        ("Russia's Defense Ministry", "defense ministry"),
        ("Russian Defense Ministry", "defense ministry"),
        ("the Russian Defense Ministry", "defense ministry"),
        ("Russia’s Defense Ministry", "defense ministry"),
        ("Ministry of Foreign Affairs of Sweden", "ministry foreign affairs"),
        ("U.S. Secretary of State", "u secretary state"),
        ("United States Trade Representative", "trade representative"),
        ("China's", "china s"),
        ("The", "the"),
        ("", ""),
        (None, ""),
    ],
)
def test_plain_role(role, plain):
    assert plain_role(role) == plain


@pytest.mark.parametrize(
    ("predicted", "gold", "right"),
    [
        # country names, nationality adjectives and possessives are dropped before comparing (v3)
        ("Russia's Defense Ministry", "Russian Defense Ministry", 1),
        ("Russian Defense Ministry", "Russia’s Defense Ministry", 1),
        ("the Chinese Foreign Ministry", "China's Foreign Ministry", 1),
        ("Defense Ministry", "Russian Defense Ministry", 1),
        ("Ministry of Defence of the United Kingdom", "British Ministry of Defence", 1),
        ("Russia's Foreign Ministry", "Russian Defense Ministry", 0),
        ("Russia", "Russian Defense Ministry", 0),
        ("Kremlin", "the Kremlin", 1),
    ],
)
def test_profiles_ignore_country_words(predicted, gold, right):
    gold_record = {"speakers": [{"name": "Anna Berg", "title": gold, "org": gold}]}
    prediction = {"speakers": [{"name": "Berg", "title": predicted, "org": predicted}]}
    counts = count_profiles(gold_record, prediction)
    assert (counts.title_gold, counts.org_gold, counts.country_gold) == (1, 1, 0)
    assert (counts.title_right, counts.org_right) == (right, right)


@pytest.mark.parametrize(
    ("predicted", "right"),
    [
        ({"name": "Berg", "title": "deputy foreign minister", "org": "Ministry of Foreign Affairs",
          "country": "swe"}, (1, 1, 1)),
        ({"name": "Anna Berg", "title": "minister", "org": "the Ministry of Foreign Affairs of Sweden",
          "country": "NOR"}, (1, 1, 0)),
        ({"name": "Anna Berg", "title": "ambassador", "org": None, "country": None}, (0, 0, 0)),
        ({"name": "Carl Berg", "title": "deputy foreign minister", "country": "SWE"}, (0, 0, 0)),
    ],
)
def test_count_profiles(predicted, right):
    gold = {"speakers": [
        {"name": "Anna Berg", "title": "Deputy Foreign Minister", "org": "Ministry of Foreign Affairs",
         "country": "SWE"},
        {"name": "Analyst", "title": None, "org": None, "country": None},
    ]}
    counts = count_profiles(gold, {"speakers": [predicted]})
    assert (counts.title_gold, counts.org_gold, counts.country_gold) == (1, 1, 1)
    assert (counts.title_right, counts.org_right, counts.country_right) == right


# ---------------------------------------------------------------- events


AID = {"actor": "DEU", "recipient": "UKR", "event": "AID"}


@pytest.mark.parametrize(
    ("event", "tuples"),
    [
        ({"actor": "USA", "recipient": "IRN", "event": "THREATEN"}, {("THREATEN", "USA", "IRN", False)}),
        ({"actor": "USA", "recipient": "CAN", "event": "CONSULT"}, {("CONSULT", "CAN", "USA", False)}),
        ({"actor": ["ind", "pak"], "event": "FIGHT"},
         {("FIGHT", "IND", "PAK", False), ("FIGHT", "PAK", "IND", False)}),
        ({"actor": ["IND", "PAK"], "event": "AGREE"}, {("AGREE", "IND", "PAK", False)}),
        ({"actor": ["ARG", "CHL"], "recipient": "BOL", "event": "SUPPORT"},
         {("SUPPORT", "ARG", "BOL", False), ("SUPPORT", "CHL", "BOL", False)}),
        ({"actor": [{"code": "JPN", "sector": "GOV"}], "recipient": [{"country": "KOR"}],
          "event": ["AID", "AGREE"]},
         {("AID", "JPN", "KOR", False), ("AGREE", "JPN", "KOR", False)}),
        ({"actor": "KOS", "recipient": "SRB", "event": "accuse"}, {("ACCUSE", "XKX", "SRB", False)}),
        ({"actor": "USA", "recipient": "GRL", "event": "DEMAND"}, {("DEMAND", "USA", "DNK", False)}),
        ({"actor": "NCL", "recipient": "FRA", "event": "PROTEST"}, set()),
        # Cook Islands, Niue and Tokelau fold into New Zealand (v3)
        ({"actor": "CHN", "recipient": "COK", "event": "AID"}, {("AID", "CHN", "NZL", False)}),
        ({"actor": "niu", "recipient": "CHN", "event": "CONSULT"}, {("CONSULT", "CHN", "NZL", False)}),
        ({"actor": [{"code": "TKL"}], "recipient": "AUS", "event": "REQUEST"},
         {("REQUEST", "NZL", "AUS", False)}),
        ({"actor": "COK", "recipient": "NZL", "event": "PROTEST"}, set()),
        ({"actor": ["COK", "NIU"], "event": "COOPERATE"}, {("COOPERATE", "NZL", None, False)}),
        ({"actor": "RUS", "event": "MOBILIZE"}, {("MOBILIZE", "RUS", None, False)}),
        ({"actor": ["RUS", "RUS"], "recipient": None, "event": "MOBILIZE"},
         {("MOBILIZE", "RUS", None, False)}),
        (AID | {"negated": True}, {("AID", "DEU", "UKR", True)}),
        (AID | {"negated": "yes"}, {("AID", "DEU", "UKR", True)}),
        (AID | {"aux": ["Negation"]}, {("AID", "DEU", "UKR", True)}),
        (AID | {"mode": "negation"}, {("AID", "DEU", "UKR", True)}),
        (AID | {"negated": "no"}, {("AID", "DEU", "UKR", False)}),
        (AID | {"negated": False, "aux": "future"}, {("AID", "DEU", "UKR", False)}),
        ({"actor": None, "recipient": "UKR", "event": "AID"}, set()),
        ({"actor": "DEU", "recipient": "UKR", "event": None}, set()),
    ],
)
def test_event_tuples(event, tuples):
    assert event_tuples(event) == tuples


GOLD_EVENTS = {"events": [
    {"actor": "CHN", "recipient": "VNM", "event": "CONSULT", "core": True},
    {"actor": "FRA", "recipient": "MLI", "event": "AID", "aux": "future", "core": True},
    {"actor": "USA", "recipient": "UKR", "event": "AID", "negated": True, "core": True},
    {"actor": "XKX", "recipient": "SRB", "event": "ACCUSE"},
    {"actor": "GBR", "recipient": "ARG", "event": "DISAPPROVE", "core": False},
]}


@pytest.mark.parametrize(
    ("predicted", "found", "precise"),
    [
        ([{"actor": "VNM", "recipient": "CHN", "event": "CONSULT"}], 1, 1),  # symmetric
        ([{"actor": ["VNM", "CHN"], "event": "CONSULT"}], 1, 1),  # reciprocal
        ([{"actor": "MLI", "recipient": "FRA", "event": "AGREE"}], 1, 1),  # future cooperation as AGREE
        ([{"actor": "FRA", "recipient": "MLI", "event": "AID"}], 1, 1),
        ([{"actor": "MLI", "recipient": "FRA", "event": "AID"}], 0, 0),  # AID is directed
        ([{"actor": "USA", "recipient": "UKR", "event": "AID"}], 0, 0),  # negation must agree
        ([{"actor": "USA", "recipient": "UKR", "event": "AID", "context": "negation"}], 1, 1),
        ([{"actor": "kos", "recipient": "SRB", "event": "ACCUSE"}], 1, 1),  # alias
        ([{"actor": "GBR", "recipient": "ARG", "event": "DISAPPROVE"}], 0, 1),  # non-core: precise, not found
        ([{"actor": "GBR", "recipient": "ARG", "event": "THREATEN"}], 0, 0),
        ([], 0, 0),
    ],
)
def test_count_events(predicted, found, precise):
    counts = count_events(GOLD_EVENTS, {"events": predicted})
    assert counts.core == 4
    assert (counts.found, counts.precise) == (found, precise)
    assert len(counts.missed) == 4 - found
    assert len(counts.spurious) == counts.predicted - precise


def test_missed_and_spurious_tuples():
    threat = {"actor": "GBR", "recipient": "ARG", "event": "THREATEN"}
    counts = count_events(GOLD_EVENTS, {"events": [threat]})
    assert counts.spurious == (EventTuple("THREATEN", "GBR", "ARG", False),)
    assert EventTuple("AID", "USA", "UKR", True) in counts.missed
    assert [t.label() for t in counts.missed] == sorted(t.label() for t in counts.missed)


# ---------------------------------------------------------------- times


@pytest.mark.parametrize(
    ("value", "span"),
    [
        ("2025-05-09", ("2025-05-09", "2025-05-09")),
        ("2025-W18", ("2025-04-28", "2025-05-04")),
        ("2026-W01", ("2025-12-29", "2026-01-04")),
        ("2025-04-28/2025-05-04", ("2025-04-28", "2025-05-04")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2025-02", ("2025-02-01", "2025-02-28")),
        ("2025-01/2025-03", ("2025-01-01", "2025-03-31")),
        ("2024-12/2025-02", ("2024-12-01", "2025-02-28")),
        ("2019", ("2019-01-01", "2019-12-31")),
        (2019, ("2019-01-01", "2019-12-31")),
        ("1970/1979", ("1970-01-01", "1979-12-31")),
        ("2014/2025-05-07", ("2014-01-01", "2025-05-07")),
        (" 2022/2025 ", ("2022-01-01", "2025-12-31")),
        ("2025-W17/2025-W18", ("2025-04-21", "2025-05-04")),
    ],
)
def test_day_span(value, span):
    assert day_span(value) == tuple(date.fromisoformat(d) for d in span)


@pytest.mark.parametrize(
    "value",
    ["", None, "May 2025", "2025-13", "2025-02-30", "2025-W54", "2025-w18", "0000", "2025/", "25", "2025-5",
     "2025-05/x"],
)
def test_day_span_rejects(value):
    assert day_span(value) is None


def test_iso_week_equals_its_days():
    assert day_span("2025-W17") == day_span("2025-04-21/2025-04-27")


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("in September", "September", True),
        ("since 2014", "2014", True),
        ("on Friday", "Friday’s", True),
        ("the end of the month", "last month", False),
        ("in", "in", False),
        ("early next week", "next week", True),
    ],
)
def test_same_expression(predicted, gold, same):
    assert same_expression(predicted, gold) is same


def test_count_times():
    gold = {"times": [{"text": "last week", "value": "2025-W18"}, {"text": "in 2019", "value": "2019"},
                      {"text": "soon", "value": "unresolvable"}]}
    prediction = {"times": [
        {"text": "last week", "value": "2025-04-28/2025-05-04"},  # same days, other form
        {"text": "2019", "value": "2020"},  # wrong year
        {"text": "on Tuesday", "value": "2025-05-06"},  # not a gold expression: not judged
        {"text": "soon", "value": "garbage"},  # unresolvable on both sides: right but not found
    ]}
    counts = count_times(gold, prediction)
    assert (counts.gold, counts.found, counts.judged, counts.right) == (3, 1, 3, 2)


# ---------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ({"text": "$4.2 billion", "value": 4.2e9}, {"text": "$4.2 billion", "value": 4_200_000_000}, True),
        ({"text": "4.2 billion dollars", "value": 4.22e9}, {"text": "$4.2 billion", "value": 4.2e9}, True),
        ({"text": "4.2 billion", "value": 4.23e9}, {"text": "$4.2 billion", "value": 4.2e9}, False),
        ({"text": "12,000 troops", "value": "12000"}, {"text": "some 12,000 troops", "value": 12000}, True),
        ({"text": "twelve thousand", "value": 12000}, {"text": "some 12,000 troops", "value": 12000}, False),
        ({"text": "half a point", "value": 0.5}, {"text": "a half point", "value": 0.504}, True),
        ({"text": "a third", "value": 0.3}, {"text": "a third", "value": 0.33}, False),
        ({"text": "0.004 percent", "value": 0.0}, {"text": "0.004 percent", "value": 0.004}, True),
        ({"text": "ten", "value": None}, {"text": "ten", "value": 10}, False),
        ({"text": "ten", "value": "ten"}, {"text": "ten", "value": 10}, False),
    ],
)
def test_same_figure(predicted, gold, same):
    assert same_figure(predicted, gold) is same


def test_count_figures():
    gold = {"figures": [{"text": "3 ships", "value": 3}, {"text": "40 %", "value": 40}]}
    counts = count_figures(gold, {"figures": [{"text": "three ships", "value": 3}, "junk"]})
    assert (counts.gold, counts.found) == (2, 1)


# ---------------------------------------------------------------- summary and files


def test_summarize_and_format():
    gold = {"quotes": [{"speaker": "Anna Berg", "kind": "direct",
                        "content": "were frank and useful for both sides"},
                       {"speaker": None, "kind": "indirect", "content": "the border will reopen next week"},
                       {"speaker": None, "kind": "direct", "content": "We will not back down"}],
            "events": GOLD_EVENTS["events"],
            "times": [{"text": "next week", "value": "2025-W20"}]}
    prediction = {"quotes": [{"speaker": "Berg", "content": "were frank and useful for both sides"},
                             {"speaker": "Berg", "content": "an invention"}],
                  "events": [{"actor": "CHN", "recipient": "VNM", "event": "CONSULT"}]}
    summary = summarize({"a": score_article(gold, prediction, ARTICLE), "b": ArticleScore()})
    assert list(summary) == SUMMARY_KEYS
    assert summary["articles"] == 2
    assert summary["quote_recall"] == 0.333
    assert summary["quote_precision"] == 0.5
    assert summary["quote_f1"] == 0.4
    assert summary["speaker_accuracy"] == 1.0
    assert (summary["event_recall"], summary["event_precision"], summary["event_f1"]) == (0.25, 1.0, 0.4)
    assert (summary["time_recall"], summary["time_precision"], summary["figure_recall"]) == (0.0, 0.0, 0.0)
    line = format_summary(summary)
    assert line.startswith("articles=2  quote_recall=0.333  quote_precision=0.5  quote_f1=0.4  ")
    assert line.endswith("  speaker_country_accuracy=0.0") and line.count("=") == len(SUMMARY_KEYS)


def _write(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_score_dir_reads_text_beside_or_in_text_folder(tmp_path):
    quote = {"speaker": None, "kind": "direct", "content": "We will not back down"}
    gold = {"text_file": "a.txt", "quotes": [quote]}
    _write(tmp_path / "gold" / "sub" / "a.gold.json", gold)
    _write(tmp_path / "gold" / "text" / "a.txt", ARTICLE)
    _write(tmp_path / "gold" / "b.gold.json", gold | {"text_file": "b.txt"})
    _write(tmp_path / "gold" / "b.txt", ARTICLE)
    _write(tmp_path / "gold" / "c.gold.json", gold | {"text_file": "missing.txt"})
    content = "We will not back down, the envoy told reporters in Paris"
    prediction = {"quotes": [{"speaker": None, "content": content}]}
    for name in "abc":
        _write(tmp_path / "pred" / f"{name}.json", prediction)
    scores, summary = score_dir(tmp_path / "gold", tmp_path / "pred")
    assert sorted(scores) == ["a", "b", "c"]
    # with the text, the words spill outside the quote's sentence; without it, containment suffices
    assert [scores[n].quotes.found for n in "abc"] == [0, 0, 1]
    assert summary["articles"] == 3
    assert len(warnings_of(scores)) == 1 and "missing.txt" in warnings_of(scores)[0]


def test_score_dir_missing_and_unreadable_predictions(tmp_path):
    gold = {"events": [{"actor": "IRN", "recipient": "ISR", "event": "THREATEN"}]}
    for name in ("x", "y", "z"):
        _write(tmp_path / "gold" / f"{name}.gold.json", gold)
    _write(tmp_path / "pred" / "x.json", gold)
    _write(tmp_path / "pred" / "y.json", "{not json")
    scores, summary = score_dir(tmp_path / "gold", tmp_path / "pred")
    assert summary["event_recall"] == 0.333
    assert scores["y"].events.predicted == 0 and scores["z"].events.missed
    assert any("unreadable" in w for w in scores["y"].warnings)
    assert any("no prediction" in w for w in scores["z"].warnings)
    assert scores["z"].missed_events == (EventTuple("THREATEN", "IRN", "ISR", False),)
    written = json.loads(json.dumps(scores["z"].as_dict()))
    assert written["events"]["missed"] == [["THREATEN", "IRN", "ISR", False]]
    single, _ = score_dir(tmp_path / "gold" / "x.gold.json", tmp_path / "pred")
    assert list(single) == ["x"] and single["x"].events.found == 1


def test_score_dir_without_gold(tmp_path):
    with pytest.raises(EvalError) as err:
        score_dir(tmp_path, tmp_path)
    assert err.value.code == "E050"


# ---------------------------------------------------------------- parity with the shared scorer


def as_prediction(gold: dict) -> dict:
    """A gold record written as system output."""
    return {
        "speakers": copy.deepcopy(gold.get("speakers", [])),
        "quotes": [{"speaker": q.get("speaker"), "content": q["content"]} for q in gold.get("quotes", [])],
        "events": [{k: v for k, v in e.items() if k != "core"} for e in gold.get("events", [])],
        "times": [{"text": t["text"], "value": t["value"]} for t in gold.get("times", [])],
        "figures": [{"text": f["text"], "value": f["value"]} for f in gold.get("figures", [])],
    }


def degrade(prediction: dict, rng: random.Random) -> dict:
    """Drop half the quotes, swap speakers, change event types and dates, blur figures and profiles."""
    out = copy.deepcopy(prediction)
    quotes = out["quotes"][::2]
    names = [q["speaker"] for q in quotes]
    for i, quote in enumerate(quotes):
        if i % 3 == 1:
            quote["speaker"] = names[(i + 1) % len(names)]
        if i % 4 == 2:
            words = quote["content"].split()
            quote["content"] = " ".join(words[: max(1, len(words) * 2 // 3)])
    out["quotes"] = quotes
    for i, event in enumerate(out["events"]):
        if i % 2:
            event["event"] = rng.choice(["ACCUSE", "CONSULT", "AGREE", "THREATEN"])
        if i % 5 == 3:
            event["negated"] = True
    for i, time in enumerate(out["times"]):
        if i % 2:
            time["value"] = rng.choice(["2024", "2025-W18", "2025-05-01/2025-05-07", "garbage", "2025-05-12"])
    for i, figure in enumerate(out["figures"]):
        if i % 2:
            figure["value"] = figure["value"] * 1.01
    for i, speaker in enumerate(out["speakers"]):
        if i % 2:
            speaker["title"] = None
            speaker["country"] = "USA"
    return out


def shared_summary(shared: Path, gold: Path, pred: Path) -> dict:
    done = subprocess.run(
        [sys.executable, str(shared / "tools" / "score.py"), str(gold), str(pred), "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _example(shared: Path) -> tuple[Path, dict]:
    path = shared / "examples" / "xi-moscow-parade.gold.json"
    return path, json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("degraded", [False, True])
def test_parity_on_the_example(shared, tmp_path, degraded):
    gold_path, gold = _example(shared)
    prediction = as_prediction(gold)
    if degraded:
        prediction = degrade(prediction, random.Random(7))
    _write(tmp_path / "xi-moscow-parade.json", prediction)
    _, summary = score_dir(gold_path, tmp_path)
    assert summary == shared_summary(shared, gold_path, tmp_path)
    assert (summary["quote_recall"] == 1.0) is not degraded


@pytest.mark.parametrize("degraded", [False, True])
def test_parity_on_polnear(shared, tmp_path, degraded):
    source = shared / "data" / "polnear" / "gold-dev"
    golds = sorted(source.glob("*.gold.json"))[:30]
    assert len(golds) == 30
    rng = random.Random(11)
    (tmp_path / "gold").mkdir()
    for i, path in enumerate(golds):
        gold = json.loads(path.read_text(encoding="utf-8"))
        shutil.copy(path, tmp_path / "gold" / path.name)
        # the texts go to ../text/ so that the second place the scorers look is used
        shutil.copy(source / gold["text_file"], _write(tmp_path / "text" / gold["text_file"], ""))
        name = path.name.removesuffix(".gold.json")
        prediction = as_prediction(gold)
        if degraded:
            prediction = degrade(prediction, rng)
        if i == 5:
            continue  # no prediction
        _write(tmp_path / "pred" / f"{name}.json", "[1, 2" if i == 9 else prediction)
    scores, summary = score_dir(tmp_path / "gold", tmp_path / "pred")
    assert summary == shared_summary(shared, tmp_path / "gold", tmp_path / "pred")
    assert summary["articles"] == 30 and len(warnings_of(scores)) == 2


# a differential check per article against the shared scorer's own functions, on random predictions


@pytest.fixture(scope="module")
def reference(shared):
    spec = importlib.util.spec_from_file_location("shared_score", shared / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def counts_as_reference(score: ArticleScore) -> dict:
    """Our counts in the shared scorer's per-article layout."""
    q, p, e, t, f = score.quotes, score.profiles, score.events, score.times, score.figures
    return {
        "quotes": dict(gold=q.gold, pred=q.predicted, found=q.found, precise=q.precise,
                       speaker_ok=q.speaker_right, speaker_scored=q.speaker_scored),
        "profiles": {f"{k}_ok": getattr(p, f"{k}_right") for k in ("title", "org", "country")}
        | {f"{k}_gold": getattr(p, f"{k}_gold") for k in ("title", "org", "country")},
        "events": dict(core=e.core, pred=e.predicted, found=e.found, precise=e.precise,
                       missed=[x.label() for x in e.missed], spurious=[x.label() for x in e.spurious]),
        "times": dict(gold=t.gold, found=t.found, judged=t.judged, right=t.right),
        "figures": dict(gold=f.gold, found=f.found),
    }


CODES = ["CHN", "RUS", "USA", "KOS", "XKX", "GRL", "DNK", "UKR", "prk"]
TYPES = ["CONSULT", "AGREE", "COOPERATE", "SUPPORT", "AID", "ACCUSE", "SANCTION", "FIGHT"]
VALUES = ["2025", "2025-05", "2025-05-09", "2025-W19", "2025-05-05/2025-05-11", "2023", "2024-10", "2025-09",
          "2025-01-21", "2024/2024", "2025-02-30", "soon", None]


def _codes():
    return st.one_of(st.none(), st.sampled_from(CODES), st.lists(st.sampled_from(CODES), max_size=3),
                     st.lists(st.builds(lambda c: {"code": c}, st.sampled_from(CODES)), max_size=2))


def _prediction(gold: dict):
    words = [w for q in gold["quotes"] for w in q["content"].split()]
    names = [s["name"] for s in gold["speakers"]] + [None, "Putin", "Xi"]
    quote = st.builds(
        lambda i, n, s: {"content": " ".join(words[i:i + n]), "speaker": s},
        st.integers(0, len(words) - 1), st.integers(1, 25), st.sampled_from(names),
    )
    gold_quote = st.builds(lambda q, s: {"content": q["content"], "speaker": s},
                           st.sampled_from(gold["quotes"]), st.sampled_from(names))
    event = st.fixed_dictionaries(
        {"actor": _codes(), "recipient": _codes(), "event": st.sampled_from(TYPES)},
        optional={"negated": st.booleans(), "aux": st.sampled_from(["future", "negation", "historical"])},
    )
    time = st.builds(lambda g, v: {"text": g["text"], "value": v}, st.sampled_from(gold["times"]),
                     st.sampled_from(VALUES))
    figure = st.builds(lambda g, k: {"text": g["text"].split()[-1], "value": g["value"] * k},
                       st.sampled_from(gold["figures"]), st.sampled_from([1, 1.004, 0.99, 1.006]))
    speaker = st.builds(lambda g, t: {"name": g["name"].split()[-1], "title": t, "country": g["country"]},
                        st.sampled_from(gold["speakers"]), st.sampled_from([None, "leader", "minister"]))
    return st.fixed_dictionaries({
        "quotes": st.lists(st.one_of(quote, gold_quote), max_size=12),
        "events": st.lists(event, max_size=8),
        "times": st.lists(time, max_size=6),
        "figures": st.lists(figure, max_size=4),
        "speakers": st.lists(speaker, max_size=4),
    })


@pytest.fixture(scope="module")
def example(shared):
    gold_path, gold = _example(shared)
    return gold, (gold_path.parent / gold["text_file"]).read_text(encoding="utf-8")


def test_parity_per_article_on_random_predictions(example, reference):
    gold, text = example

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(_prediction(gold))
    def check(prediction):
        assert counts_as_reference(score_article(gold, prediction, text)) == reference.score_article(
            gold, prediction, text
        )

    check()


def test_rule_tables_as_reference(reference):
    assert set(reference.ABBREVIATIONS) == ABBREVIATIONS
    assert set(reference.NATIONS) == NATIONS
    assert reference.CODE_ALIASES == CODE_ALIASES
    assert set(reference.TIME_FILLER) == TIME_FILLER


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE,
        ABBREVIATED,
        # a sentence joined after an abbreviation across two spaces is not found again in its paragraph
        "The U.S.  President said “we are done” today. Sen.  Smith said the deal was dead. Later.",
        "Mr. Li said:\t“No.” Gen. Ma agreed. “Fine,” he said.  “Really fine.” The U.S. Navy left.",
        "“Yes,” said Rep. Ann Lee of the U.S. House. No one else spoke. Jan. 5 was the day.",
        "",
    ],
)
def test_quote_extent_as_reference(reference, text):
    for kind in ("direct", "indirect"):
        for content in {*re.findall(r"[\w’']+(?: [\w’'.,]+){0,3}", text), "No.", "we are done", "absent"}:
            assert quote_extent(text, content, kind) == reference.quote_extent(text, content, kind), content


@pytest.mark.parametrize(
    "role",
    ["Russia's Defense Ministry", "the Ministry of Foreign Affairs of the People's Republic of China",
     "U.S. Secretary of State", "Kremlin’s spokesman", "ＵＳ Army", "the", "", "South Korea's President",
     "Director of the Saudi-Emirati council", "Emirates' airline"],
)
def test_plain_role_as_reference(reference, role):
    assert plain_role(role) == reference.plain_role(role)
