"""Ties between two actors over time, evidence, events and quotes queries, the network."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from comity.corpus.corpus import Corpus
from comity.corpus.migrations import migrate
from comity.corpus.ties import sparkline
from comity.records import Coded, Entity, Event, Mention
from test_store import FakeCoder, art

ARTICLES = [
    "China consulted Russia on 2025-05-08. Russia supported China on 2025-05-09.",
    "China sanctioned Russia on 2025-05-20. Russia accused China in 2025-05.",
    "China aided Russia in 2024. Russia did not aid China on 2025-06-02. ",
    "China might sanction Russia on 2025-06-03. France accused NATO on 2025-06-04.",
    "NATO threatened Russia on 2025-06-05. Russia accused NATO on 2025-06-06. Russia accused NATO.",
    'China consulted France on 2025-06-07. Li Wei said "Talks went well."',
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    path: Path = tmp_path_factory.mktemp("ties") / "t.duckdb"
    with Corpus(path) as corpus:
        items = [art(t, f"http://news.test/{i}") for i, t in enumerate(ARTICLES)]
        corpus.ingest_items(items, coder=FakeCoder())
        yield corpus


def _row(frame, period: str) -> dict:
    rows = frame[frame["period"] == period].to_dict("records")
    assert len(rows) == 1, frame
    return rows[0]


@pytest.mark.parametrize(("by", "period", "expected"), [
    ("day", "2025-05-08", {"ab_verbal_cooperation": 1, "ba_verbal_cooperation": 0, "events": 1}),
    ("day", "2025-05-09", {"ab_verbal_cooperation": 0, "ba_verbal_cooperation": 1, "events": 1}),
    ("day", "2025-05", {"ba_verbal_conflict": 1, "events": 1}),  # dated to a month: stays a month
    ("day", "2024", {"ab_material_cooperation": 1, "events": 1}),
    ("week", "2025-W19", {"ab_verbal_cooperation": 1, "ba_verbal_cooperation": 1, "events": 2}),
    ("month", "2025-05", {"ab_verbal_cooperation": 1, "ba_verbal_cooperation": 1,
                          "ab_material_conflict": 1, "ba_verbal_conflict": 1, "events": 4}),
])
def test_ties_count_quad_classes_both_ways_by_the_events_own_date(corpus: Corpus, by: str, period: str,
                                                                    expected: dict) -> None:
    row = _row(corpus.ties("CHN", "RUS", by=by), period)
    assert {k: row[k] for k in expected} == expected


def test_ties_mean_scale_and_order(corpus: Corpus) -> None:
    frame = corpus.ties("CHN", "RUS", by="month")
    assert list(frame["period"]) == ["2024", "2025-05"]
    assert _row(frame, "2025-05")["mean_scale"] == pytest.approx((1.0 + 3.0 - 6.0 - 2.0) / 4)


@pytest.mark.parametrize(("options", "june_events"), [
    ({}, None),
    ({"include_negated": True}, 1),
    ({"include_hypothetical": True}, 1),
    ({"include_negated": True, "include_hypothetical": True}, 2),
])
def test_negated_and_hypothetical_events_only_when_asked(corpus: Corpus, options: dict,
                                                         june_events: int | None) -> None:
    frame = corpus.ties("CHN", "RUS", by="month", **options)
    june = frame[frame["period"] == "2025-06"]
    assert (None if june.empty else int(june["events"].iloc[0])) == june_events


@pytest.mark.parametrize(("a", "b", "events"), [
    ("NATO", "RUS", 2), ("nato", "rus", 2), ("North Atlantic Treaty Organization", "RUS", 2),
    ("FRA", "NATO", 1), ("CHN", "FRA", 1), ("USA", "CHN", 0),
])
def test_ties_name_actors_by_code_or_name(corpus: Corpus, a: str, b: str, events: int) -> None:
    assert int(corpus.ties(a, b, by="month")["events"].sum()) == events


def test_undated_events_are_counted_apart(corpus: Corpus) -> None:
    assert corpus.ties("RUS", "NATO").attrs["undated"] == 1


def test_evidence_gives_the_sentences_behind_a_period(corpus: Corpus) -> None:
    proof = corpus.evidence("CHN", "RUS", by="month", period="2025-05")
    assert list(proof["sentence"]) == [
        "Russia accused China in 2025-05.", "China consulted Russia on 2025-05-08.",
        "Russia supported China on 2025-05-09.", "China sanctioned Russia on 2025-05-20."]
    assert set(proof["url"]) == {"http://news.test/0", "http://news.test/1"}


@pytest.mark.parametrize(("filters", "types"), [
    ({"actor": "CHN", "type": "consult"}, ["CONSULT", "CONSULT"]),
    ({"actor": "CHN", "recipient": "FRA"}, ["CONSULT"]),
    ({"since": "2025-06-05", "until": "2025-06-30", "include_negated": False},
     ["THREATEN", "ACCUSE", "CONSULT"]),
    ({"text": "did not"}, ["AID"]),
    ({"recipient": "NATO", "since": "2025-01-01"}, ["ACCUSE", "ACCUSE"]),
])
def test_events_filters(corpus: Corpus, filters: dict, types: list[str]) -> None:
    assert list(corpus.events(**filters)["event"]) == types


@pytest.mark.parametrize(("filters", "contents"), [
    ({}, ["Talks went well."]), ({"speaker": "li"}, ["Talks went well."]), ({"speaker": "Putin"}, []),
    ({"text": "went"}, ["Talks went well."]), ({"since": "2026-01-01"}, []),
])
def test_quotes_filters(corpus: Corpus, filters: dict, contents: list[str]) -> None:
    frame = corpus.quotes(**filters)
    assert list(frame["content"]) == contents
    if contents:
        assert frame["title"].iloc[0] == "spokesperson"


def test_network_ranks_dyads_by_events(corpus: Corpus) -> None:
    frame = corpus.network(limit=3)
    assert list(zip(frame["actor"], frame["recipient"], frame["events"], strict=True))[:2] == [
        ("CHN", "RUS", 3), ("RUS", "CHN", 2)]
    assert frame["mean_scale"].iloc[0] == pytest.approx((1.0 - 6.0 + 7.0) / 3)


def test_network_date_window(corpus: Corpus) -> None:
    frame = corpus.network(since="2025-06-01", until="2025-06-30")
    assert set(zip(frame["actor"], frame["recipient"], strict=True)) == {("FRA", "IGO"), ("IGO", "RUS"),
                                                                         ("RUS", "IGO"), ("CHN", "FRA")}


@pytest.mark.parametrize(("values", "line"), [
    ([0, 1, 2, 3, 4, 5, 6, 7], "▁▂▃▄▅▆▇█"), ([2, 2], "▅▅"), ([1.0, None, -1.0], "█ ▁"), ([], ""),
])
def test_sparkline(values: list, line: str) -> None:
    assert sparkline(values) == line


class ReciprocalCoder(FakeCoder):
    """Codes every article as one reciprocal event, "China and Russia held joint drills" (no recipient)."""

    def code_many(self, articles):
        for article in articles:
            mention = [Mention(name, (i * 10, i * 10 + 5), Entity(code, None, name, "country"))
                       for i, (code, name) in enumerate((("CHN", "China"), ("RUS", "Russia")))]
            event = Event(id=f"{article.id}-0", event="COOPERATE", actor=tuple(mention), recipient=(),
                          event_text=article.text, spans=((0, len(article.text)),), date="2025-05-08",
                          date_precision="day", date_source="text", quad_code=2, event_scale=6.0)
            coded = Coded(article=article, version=self.version, events=(event,), mentions=tuple(mention))
            yield article, coded


def test_a_reciprocal_event_runs_both_ways_and_counts_once(tmp_path: Path) -> None:
    with Corpus(tmp_path / "r.duckdb") as corpus:
        corpus.ingest_items([art("China and Russia held joint drills.")], coder=ReciprocalCoder())
        row = _row(corpus.ties("CHN", "RUS", by="day"), "2025-05-08")
        assert (row["ab_material_cooperation"], row["ba_material_cooperation"], row["events"]) == (1, 1, 1)
        assert row["mean_scale"] == 6.0


def test_stores_written_before_reciprocal_dyads_are_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Corpus(path) as corpus:
        corpus.ingest_items([art("China and Russia held joint drills.")], coder=ReciprocalCoder())
    con = duckdb.connect(str(path))
    # what the store held before migration 0004: one (actor, NULL) row per actor
    con.execute("UPDATE dyads SET recipient_code = NULL, recipient_sector = NULL, recipient_name = NULL, "
                "recipient_text = NULL")
    con.execute("DELETE FROM dyads WHERE seq > 0")
    con.execute("INSERT INTO dyads SELECT event_id, article_id, 1, 'RUS', NULL, 'Russia', 'Russia', "
                "NULL, NULL, NULL, NULL FROM dyads")
    con.execute("DELETE FROM migrations WHERE name = '0004_reciprocal_dyads'")
    assert migrate(con) == ["0004_reciprocal_dyads"]
    pairs = con.execute("SELECT actor_code, recipient_code FROM dyads ORDER BY seq").fetchall()
    assert pairs == [("CHN", "RUS"), ("RUS", "CHN")]
    con.close()


def test_an_act_dated_by_its_report_is_charted_and_filtered_on_the_publication_day(tmp_path: Path) -> None:
    """ "China signed a trade pact with Russia." published on 3 March: the record says the week up to
    publication (comity.events.undated), the chart counts it in March, not in a February–March range, and
    the date filters read it as of its publication day."""
    from datetime import date

    from comity import Coder

    with Corpus(tmp_path / "r.duckdb") as corpus:
        item = art("China signed a trade pact with Russia.", "http://news.test/r", date(2025, 3, 3))
        corpus.ingest_items([item], coder=Coder())
        [record] = corpus.events(actor="CHN").to_dict("records")
        assert (record["date"], record["date_precision"]) == ("2025-02-24/2025-03-03", "range")
        frame = corpus.ties("CHN", "RUS", by="month")
        assert list(frame["period"]) == ["2025-03"] and list(frame["precision"]) == ["month"]
        assert len(corpus.events(actor="CHN", since="2025-03-01")) == 1
        assert len(corpus.events(actor="CHN", until="2025-02-28")) == 0
