"""Occasions (issue 17): the reports of one event in several articles are grouped; the store keeps the
grouping as it is filled and re-coded, and a rebuild from scratch gives the same; queries, exports and
the web count occasions unless asked for records. Sentences are written for these tests."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from comity.cli import app
from comity.corpus.corpus import Corpus
from comity.corpus.occasions import (
    Report,
    act_of,
    anchored,
    content_words,
    group,
    modality_of,
    name_words,
    people_of,
    same_occasion,
    source_of,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_store import FakeCoder, art

DAY = date(2025, 5, 8)


def report(sentence: str, *, eid: str = "e1", article: str = "a1", event: str = "CONSULT",
           actors=("CHN",), recipients=("RUS",), day: date | None = DAY, end: date | None = None,
           precision: str | None = "day", from_text: bool = True, published: date = DAY,
           modality: str = "actual", source: str = "news.test", trigger: str | None = None,
           phrase: str | None = None, doers: tuple[str, ...] = ()) -> Report:
    return Report(event_id=eid, article_id=article, event=event, actors=tuple(actors),
                  recipients=tuple(recipients), start=day, end=end or day, precision=precision,
                  from_text=from_text, published=published, modality=modality, sentence=sentence,
                  source=source, words=content_words(sentence), names=name_words(sentence),
                  act=act_of(trigger), anchor=anchored(sentence, phrase, trigger), people=people_of(doers))


MEETING = "Chinese Foreign Minister Wang Yi met Russian counterpart Sergei Lavrov in Astana on Tuesday."


@pytest.mark.parametrize(("other", "same"), [
    # the same meeting, told in other words by another outlet
    (report("Wang Yi and Lavrov held talks in Astana, the Chinese ministry said.", eid="e2", article="a2"),
     True),
    # told the next day from another time zone
    (report("Lavrov met Wang Yi in Astana on Wednesday.", eid="e2", article="a2", day=DAY + timedelta(1)),
     True),
    # "A met B" and "B met A" are one reciprocal meeting
    (report("Lavrov met Wang Yi in Astana on Tuesday.", eid="e2", article="a2", actors=("RUS",),
            recipients=("CHN",)), True),
    # a report dated only by its article, a few days later, naming the same meeting
    (report("The meeting between Wang Yi and Lavrov in Astana was their third this year.", eid="e2",
            article="a2", from_text=False, day=DAY + timedelta(3), published=DAY + timedelta(3)), True),
    # a meeting a week later is another occasion, in much the same words
    (report("Wang Yi met Lavrov again in Astana, a week after their last talks.", eid="e2", article="a2",
            day=DAY + timedelta(7)), False),
    # a copy of the story: the same sentence, whatever date it was given
    (report(MEETING, eid="e2", article="a2", day=DAY + timedelta(7), from_text=False), True),
    # another family: an accusation the same day is another act
    (report("Wang Yi accused Lavrov in Astana on Tuesday.", eid="e2", article="a2", event="ACCUSE"), False),
    # a planned meeting is not the meeting
    (report("Wang Yi will meet Lavrov in Astana on Tuesday.", eid="e2", article="a2", modality="future"),
     False),
    # the same day and pair, nothing in common but the countries
    (report("China bought Russian wheat under a new contract, traders said.", eid="e2", article="a2",
            event="AGREE"), False),
    # an undated background mention weeks later, in much the same words, is that meeting
    (report("Since Wang Yi met Lavrov in Astana, Russian counterpart talks have stalled.", eid="e2",
            article="a2", day=None, precision=None, from_text=False, published=DAY + timedelta(40)), True),
    # … but not one of another act, nor one written before the meeting
    (report("Since the Astana pipeline deal, gas prices have fallen.", eid="e2", article="a2", day=None,
            precision=None, from_text=False, published=DAY + timedelta(40)), False),
    (report(MEETING.replace("met", "will meet"), eid="e2", article="a2", day=None, precision=None,
            from_text=False, published=DAY - timedelta(5)), False),
    # a month-precise mention needs much the same words
    (report("In May, Wang Yi met Lavrov in Astana.", eid="e2", article="a2", day=date(2025, 5, 1),
            end=date(2025, 5, 31), precision="month"), True),
    (report("In May, China and Russia signed a trade pact.", eid="e2", article="a2", day=date(2025, 5, 1),
            end=date(2025, 5, 31), precision="month", event="AGREE"), False),
])
def test_two_reports_are_one_occasion_when_family_parties_dates_modality_and_words_agree(
        other: Report, same: bool) -> None:
    assert same_occasion(report(MEETING), other) is same
    assert same_occasion(other, report(MEETING)) is same


def invasion(sentence: str, phrase: str, trigger: str, **dates) -> Report:
    """A report of Russia attacking Ukraine in 2025, undated unless dates are given, a month on."""
    dates = {"day": None, "precision": None, "from_text": False, "published": date(2025, 4, 2)} | dates
    return report(sentence, eid="e2", article="a2", event="ASSAULT",
                  actors=("RUS",), recipients=("UKR",), trigger=trigger, phrase=phrase, **dates)


LAUNCH = invasion("Russia launched an invasion of Ukraine on Monday, firing missiles at Kharkiv.",
                  "Russia launched an invasion of Ukraine", "invasion", day=date(2025, 3, 3),
                  precision="day", from_text=True, published=date(2025, 3, 3))


@pytest.mark.parametrize(("other", "same"), [
    # a later article places other things by the act: the same invasion, in few shared words
    (invasion("Since Russia invaded Ukraine, grain prices in Egypt have doubled.",
              "Since Russia invaded Ukraine", "invaded"), True),
    (invasion("Exports slumped in the weeks following the Russian invasion of Ukraine, traders say.",
              "the Russian invasion of Ukraine", "invasion"), True),
    # the war as a standing state, not the act's start: not joined by the act's name alone
    (invasion("Amid Russia's invasion of Ukraine, grain prices in Egypt have doubled.",
              "Russia's invasion of Ukraine", "invasion"), False),
    # an attack is no one-off act: pairs attack each other day after day
    (invasion("Since Russia attacked Ukraine, grain prices in Egypt have doubled.",
              "Since Russia attacked Ukraine", "attacked"), False),
    # an invasion told as of years before is another act
    (invasion("After Russia invaded Ukraine in 2014, grain prices in Egypt doubled.",
              "After Russia invaded Ukraine in 2014", "invaded", day=date(2014, 1, 1),
              end=date(2014, 12, 31), precision="year", from_text=True), False),
])
def test_a_one_off_act_named_again_is_its_occasion(other: Report, same: bool) -> None:
    assert same_occasion(LAUNCH, other) is same


VISIT = report("US Speaker Jane Ortiz landed in Taipei on Tuesday for talks with the island's leaders.",
               event="CONSULT", actors=("USA",), recipients=("TWN",), trigger="landed",
               phrase="US Speaker Jane Ortiz landed in Taipei", doers=("US Speaker Jane Ortiz",))


@pytest.mark.parametrize(("other", "same"), [
    # the same visitor's visit, weeks later, with nothing else in common
    (report("Beijing has held drills near the island every week since Ortiz's visit to Taiwan.", eid="e2",
            article="a2", event="CONSULT", actors=("USA",), recipients=("TWN",), day=None, precision=None,
            from_text=False, published=DAY + timedelta(30), trigger="visit", phrase="Ortiz's visit to Taiwan",
            doers=("Ortiz",)), True),
    # another visitor's visit is another act
    (report("Beijing has held drills near the island every week since Senator Lee's visit to Taiwan.",
            eid="e2", article="a2", event="CONSULT", actors=("USA",), recipients=("TWN",), day=None,
            precision=None, from_text=False, published=DAY + timedelta(30), trigger="visit",
            phrase="Senator Lee's visit to Taiwan", doers=("Senator Lee",)), False),
])
def test_a_visit_named_again_by_its_visitor_is_its_occasion(other: Report, same: bool) -> None:
    assert same_occasion(VISIT, other) is same


@pytest.mark.parametrize(("sentence", "phrase", "trigger", "told"), [
    ("Since Russia invaded Ukraine, prices rose.", "Since Russia invaded Ukraine", "invaded", True),
    ("Prices rose after the Russian invasion of Ukraine.", "the Russian invasion of Ukraine", "invasion",
     True),
    ("Putin launched a full-scale invasion of Ukraine.", "Putin launched a full-scale invasion of Ukraine",
     "invasion", True),
    ("Amid Russia's invasion of Ukraine, prices rose.", "Russia's invasion of Ukraine", "invasion", False),
    ("Russia's invasion of Ukraine began after talks failed.", "Russia's invasion of Ukraine", "invasion",
     False),
    ("Since Russia invaded Ukraine, prices rose.", None, "invaded", False),
    # the trigger is found as a word, not inside another ("visit" in "revisited")
    ("Prices rose as Chile revisited talks before Ortiz's visit.", "Ortiz's visit", "visit", True),
])
def test_an_act_told_as_a_time_or_start(sentence, phrase, trigger, told) -> None:
    assert anchored(sentence, phrase, trigger) is told


@pytest.mark.parametrize(("texts", "people"), [
    (["US House Speaker Jane Ortiz"], {"ortiz"}), (["Russia"], set()), (["the Kremlin"], set()),
    (["finance minister of Sri Lanka"], set()), (["Chinese military"], set()), (["Xi"], {"xi"}),
    (["Speaker Jane Ortiz's"], {"ortiz"}), (["Russian Forces"], set()),
    (["United Nations Security Council"], set()),
])
def test_the_persons_who_did_an_act(texts, people) -> None:
    assert people_of(texts) == people


def test_opposite_accusations_are_two_occasions() -> None:
    one = report("China accused Russia of lying about the pipeline on Tuesday.", event="ACCUSE")
    back = report("Russia accused China of lying about the pipeline on Tuesday.", eid="e2", article="a2",
                  event="ACCUSE", actors=("RUS",), recipients=("CHN",))
    assert not same_occasion(one, back)


def test_daily_acts_do_not_chain_into_one_occasion() -> None:
    launches = [report(f"North Korea fired a ballistic missile into the sea, the military said on day {i}.",
                       eid=f"e{i:02d}", article=f"a{i}", event="MOBILIZE", actors=("PRK",), recipients=(),
                       day=DAY + timedelta(i)) for i in range(10)]
    occasions = group(launches)
    assert 4 <= len(occasions) < 10
    for occasion in occasions:
        days = [r.start for r in occasion.reports]
        assert (max(days) - min(days)).days <= 2


def test_an_occasion_counts_its_reports_articles_and_sources_and_takes_the_best_date() -> None:
    reports = [report(MEETING, eid="e1", article="a1", source="cnn.com", from_text=False),
               report("Wang Yi met Lavrov in Astana on Tuesday.", eid="e2", article="a2", source="cnn.com"),
               report("Wang Yi met Lavrov in Astana, AP said.", eid="e3", article="a3", source="apnews.com",
                      day=date(2025, 5, 1), end=date(2025, 5, 31), precision="month")]
    (occasion,) = group(reports)
    assert occasion.id == "oe1" and len(occasion.reports) == 3
    assert (occasion.n_articles, occasion.n_sources) == (3, 2)
    assert occasion.best.event_id == "e2"  # a day from the text beats a day from publication and a month


@pytest.mark.parametrize(("negated", "aux", "mode", "modality"), [
    (False, [], None, "actual"), (True, ["future"], None, "negated"), (False, ["future"], None, "future"),
    (False, ["historical", "hypothetical"], None, "hypothetical"),
    (False, [], "hypothetical", "hypothetical"),
])
def test_modality(negated, aux, mode, modality) -> None:
    assert modality_of(negated, aux, mode) == modality


@pytest.mark.parametrize(("url", "where", "source"), [
    ("https://www.cnn.com/2025/05/08/x", None, "cnn.com"), ("http://news.test/3", "x", "news.test"),
    (None, "/data/a.txt", "/data/a.txt"), (None, None, "aid"),
])
def test_source_of(url, where, source) -> None:
    assert source_of(url, where, "aid") == source


# -- the store ---------------------------------------------------------------------------------------

REPORTS = [  # (text, url): China consulted Russia on two days, told by several outlets; one accusation
    ("China consulted Russia on 2025-05-08. Talks on gas.", "https://a.test/1"),
    ("China consulted Russia on 2025-05-08. Gas talks went on.", "https://b.test/1"),
    ("China consulted Russia on 2025-05-08. Talks on gas prices.", "https://a.test/2"),
    ("China consulted Russia on 2025-05-20. Talks on grain.", "https://c.test/1"),
    ("China consulted Russia on 2025-05-20. Grain talks.", "https://a.test/3"),
    ("Russia accused France on 2025-05-08. Talks on gas.", "https://b.test/2"),
]


def ingest(db: Path, stories) -> None:
    with Corpus(db) as corpus:
        corpus.ingest_items([art(t, u) for t, u in stories], coder=FakeCoder())


def grouping(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        members = con.execute("SELECT event_id, occasion_id, block FROM occasion_reports "
                              "ORDER BY 1").fetchall()
        heads = con.execute("SELECT * FROM occasions ORDER BY id").fetchall()
    finally:
        con.close()
    return [members, heads]


def test_the_store_groups_as_it_fills_and_a_rebuild_gives_the_same(tmp_path: Path) -> None:
    at_once, in_parts = tmp_path / "once.duckdb", tmp_path / "parts.duckdb"
    ingest(at_once, REPORTS)
    for part in (REPORTS[4:], REPORTS[:2], REPORTS[2:4]):
        ingest(in_parts, part)
    assert grouping(at_once) == grouping(in_parts)
    members, heads = grouping(at_once)
    assert len(members) == 6 and len(heads) == 3
    sizes = sorted((n_reports, n_articles, n_sources) for _, _, _, _, n_reports, n_articles, n_sources, *_
                   in heads)
    assert sizes == [(1, 1, 1), (2, 2, 2), (3, 3, 2)]
    before = grouping(at_once)
    result = CliRunner().invoke(app, ["occasions", "--db", str(at_once)])
    assert result.exit_code == 0 and "6 event records grouped into 3 occasions" in result.stderr
    assert grouping(at_once) == before


def test_a_recode_keeps_the_grouping_true(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    ingest(db, REPORTS)
    with Corpus(db) as corpus:
        summary = corpus.recode(coder=FakeCoder(tag="2"))
        assert summary.coded == len(REPORTS)
    after_recode = grouping(db)
    with Corpus(db) as corpus:
        corpus.group_occasions()
    assert grouping(db) == after_recode and len(after_recode[1]) == 3


def test_a_store_written_before_occasions_is_grouped_when_opened(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    ingest(db, REPORTS)
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE occasion_reports")
    con.execute("DROP TABLE occasions")
    con.execute("DELETE FROM migrations WHERE name = '0006_occasions'")
    con.close()
    with Corpus(db):
        pass
    assert len(grouping(db)[1]) == 3


# -- what users read ---------------------------------------------------------------------------------

def run(*args) -> str:
    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("occ") / "s.duckdb"
    ingest(db, REPORTS)
    return db


def test_ties_and_network_count_occasions_unless_asked_for_records(store: Path) -> None:
    ties = [json.loads(line) for line in
            run("ties", "CHN", "RUS", "--db", store, "--format", "json").splitlines()]
    records = [json.loads(line) for line in
               run("ties", "CHN", "RUS", "--db", store, "--format", "json", "--records").splitlines()]
    assert [t["events"] for t in ties] == [2] and [r["events"] for r in records] == [5]
    network = list(csv.DictReader(io.StringIO(run("network", "--db", store, "--format", "csv"))))
    assert {(r["actor"], r["recipient"], r["events"]) for r in network} == {("CHN", "RUS", "2"),
                                                                             ("RUS", "FRA", "1")}
    raw = list(csv.DictReader(io.StringIO(run("network", "--db", store, "--format", "csv", "--records"))))
    assert {(r["actor"], r["events"]) for r in raw} == {("CHN", "5"), ("RUS", "1")}


def test_events_show_each_occasion_once_with_its_reports(store: Path) -> None:
    rows = [json.loads(line) for line in run("events", "--db", store, "--format", "json").splitlines()]
    assert sorted(r["n_reports"] for r in rows) == [1, 2, 3]
    shown = run("events", "--db", store, "--reports", "--actor", "CHN")
    assert "(3 reports in 3 articles, 2 sources)" in shown and "(2 reports in 2 articles, 2 sources)" in shown
    assert len(run("events", "--db", store, "--format", "json", "--records").splitlines()) == 6


def test_evidence_folds_the_other_reports_under_each_occasion(store: Path) -> None:
    shown = run("ties", "CHN", "RUS", "--db", store, "--evidence")
    assert "(3 reports, 2 sources)" in shown and shown.count("also 2025-05-07") == 3


def test_exports_write_one_record_per_occasion_unless_asked_for_records(store: Path, tmp_path: Path) -> None:
    plover = [json.loads(line) for line in run("export", "--db", store).splitlines()]
    assert len(plover) == 3 and sorted(p["occasion"]["n_reports"] for p in plover) == [1, 2, 3]
    biggest = max(plover, key=lambda p: p["occasion"]["n_reports"])
    assert len(biggest["occasion"]["reports"]) == 3 and biggest["id"] in biggest["occasion"]["reports"]
    assert len(run("export", "--db", store, "--records").splitlines()) == 6
    flat = list(csv.DictReader(io.StringIO(run("export", "--db", store, "--format", "csv"))))
    assert len(flat) == 3 and {r["n_sources"] for r in flat} == {"1", "2"}


def test_the_web_explorer_lists_occasions_with_their_reports(store: Path) -> None:
    from starlette.testclient import TestClient

    from comity.web.app import create_app

    with TestClient(create_app(store)) as client:
        events = client.get("/api/evidence/CHN/RUS").json()["events"]
        assert sorted(len(e["reports"]) for e in events) == [1, 2]
        assert all(r["sentence"] and r["published"] for e in events for r in e["reports"])
        series = client.get("/api/ties/CHN/RUS").json()["periods"]
        per_record = client.get("/api/ties/CHN/RUS?records=true").json()["periods"]
        assert sum(p["events"] for p in series) == 2 and sum(p["events"] for p in per_record) == 5


def test_a_store_left_with_pending_occasions_groups_them_when_opened(tmp_path: Path) -> None:
    db = tmp_path / "killed.duckdb"
    ingest(db, REPORTS)
    expected = grouping(db)
    con = duckdb.connect(str(db))  # as a run killed after writing, before grouping, leaves it
    con.execute("DELETE FROM occasions")
    con.execute("UPDATE occasion_reports SET occasion_id = 'o' || event_id")
    con.execute("INSERT INTO occasion_pending SELECT DISTINCT block FROM occasion_reports")
    con.close()
    with Corpus(db):
        pass
    assert grouping(db) == expected
