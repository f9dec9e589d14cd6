"""Event sizes: ASSAULT, COERCE and PROTEST carry the counts of their clause (dead, injured, arrested,
participants); merged mentions keep the larger count; sizes reach the JSON output, the store and exports."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from comity.cli.render import events_table
from comity.corpus.corpus import Corpus
from comity.corpus.migrations import MIGRATIONS, migrate
from comity.events.merge import larger
from comity.events.size import event_size
from comity.figures import find_figures
from comity.io.output import size_from_json, size_json
from comity.pipeline import Coder
from comity.records import Article, Coded, Count, Entity, Event, Mention, Size
from comity.text.document import Parsed
from test_store import FakeCoder

Expected = dict[str, int | tuple[int, str]]


def _size(expected: Expected | None) -> Size | None:
    if expected is None:
        return None
    return Size(**{k: Count(v[0], v[1]) if isinstance(v, tuple) else Count(v) for k, v in expected.items()})


SIZES = [
    # a participle on the trigger, with its qualifier
    ("Ethiopian troops shelled a market in Mekelle, killing at least 23 civilians.", "shelled", "ASSAULT",
     {"dead": (23, "at least")}),
    # a second verb sharing the subject: two fields in one clause
    ("Sudanese soldiers killed 17 villagers and wounded 40 others near El Fasher.", "killed", "ASSAULT",
     {"dead": 17, "injured": 40}),
    # a participle after a participle: both belong to the trigger they follow
    ("Yemeni rebels struck a bus in Marib, killing 9 passengers and wounding 21 others.", "struck", "ASSAULT",
     {"dead": 9, "injured": 21}),
    ("Malian troops raided a camp near Gao, killing 6 fighters and injuring 11 others.", "raided", "ASSAULT",
     {"dead": 6, "injured": 11}),
    # a conjoined clause with a subject of its own tells another act
    ("Yemeni rebels struck a bus in Marib, killing 9 passengers, and police arrested 21 men.", "struck",
     "ASSAULT", {"dead": 9}),
    ("Bolivian police arrested 38 miners in La Paz on Friday.", "arrested", "COERCE", {"arrested": 38}),
    ("Kenyan security forces rounded up 120 refugees in Nairobi.", "rounded", "COERCE", {"arrested": 120}),
    ("The arrest of 14 journalists in Minsk drew wide criticism.", "arrest", "COERCE", {"arrested": 14}),
    ("Venezuelan troops arrested 45 students and injured 12 others in Caracas.", "arrested", "COERCE",
     {"arrested": 45, "injured": 12}),
    # protesters: the subject of the protest, of the verb that controls it, or who join or attend it
    ("Some 300,000 teachers in Chile stopped work on Thursday to protest against budget cuts.", "protest",
     "PROTEST", {"participants": (300000, "some")}),
    ("About 15,000 Serbian students marched through Belgrade against the government.", "marched",
     "PROTEST", {"participants": (15000, "about")}),
    ("More than 2,000 Peruvian farmers joined the march in Lima.", "march", "PROTEST",
     {"participants": (2000, "more than")}),
    ("A rally attended by 50,000 supporters of the opposition filled central Tbilisi.", "rally", "PROTEST",
     {"participants": 50000}),
    ("The strike by 80,000 nurses in Kenya entered its third day.", "strike", "PROTEST",
     {"participants": 80000}),
    ("Police made 52 arrests during the protest in Dhaka.", "protest", "PROTEST", {"arrested": 52}),
    # passive victims, the trigger noun as the setting or the subject of the killing verb
    ("Eleven Malian soldiers were killed in an ambush near Gao.", "killed", "ASSAULT", {"dead": 11}),
    ("Eleven Malian soldiers were killed in an ambush near Gao.", "ambush", "ASSAULT", {"dead": 11}),
    ("Fourteen people died in the clashes in Bamako.", "clashes", "ASSAULT", {"dead": 14}),
    ("A car bomb in Mogadishu killed 9 people on Sunday.", "bomb", "ASSAULT", {"dead": 9}),
    # a list of victims adds up; an "including" phrase is part of the count, not more
    ("Myanmar troops killed 12 villagers and 3 monks in Sagaing.", "killed", "ASSAULT", {"dead": 15}),
    ("The clashes killed 4 people, including 2 children.", "clashes", "ASSAULT", {"dead": 4}),
    ("Yemeni forces killed 12 villagers, among them 5 children, in Taiz.", "killed", "ASSAULT", {"dead": 12}),
    # a figure that belongs to another act of the same sentence
    ("Moroccan police detained 60 students after clashes that killed 4 people.", "detained", "COERCE",
     {"arrested": 60}),
    ("Moroccan police detained 60 students after clashes that killed 4 people.", "clashes", "ASSAULT",
     {"dead": 4}),
    ("Rebels ambushed a convoy in Darfur, and the army later arrested 30 suspects.", "ambushed", "ASSAULT",
     None),
    ("Gunmen killed 3 guards and abducted 25 students in Zamfara.", "killed", "ASSAULT", {"dead": 3}),
    # the attackers are no size; nor is the number dispersed or a vague "thousands"
    ("Twelve gunmen attacked a police station in Zamfara.", "attacked", "ASSAULT", None),
    ("Nine soldiers were killed by 40 militants in Borno.", "killed", "ASSAULT", {"dead": 9}),
    ("Zimbabwean riot police dispersed 400 protesters in Harare.", "dispersed", "COERCE", None),
    ("Thousands of farmers blocked roads in Warsaw.", "blocked", "PROTEST", None),
    ("Pakistani police fired tear gas at protesters in Lahore.", "fired", "COERCE", None),
    # "one", which the figures stage leaves out; a "when"/"as" clause telling who did the passive act
    ("A roadside bomb near Mosul killed one Iraqi soldier and wounded two others.", "killed", "ASSAULT",
     {"dead": 1, "injured": 2}),
    ("One of the Kenyan soldiers was killed in the ambush.", "killed", "ASSAULT", None),
    ("At least one protester was killed when Iranian police fired on a crowd in Tehran.", "fired",
     "ASSAULT", {"dead": (1, "at least")}),
    ("Four students were shot dead as Nigerian soldiers opened fire on a march in Abuja.", "opened",
     "ASSAULT", {"dead": 4}),
    ("Nigerian police arrested 40 people after protesters stormed the parliament in Abuja.", "stormed",
     "ASSAULT", None),
    # a group named by a plural proper noun protests; unions are not counted as people
    ("Up to 300 ethnic Kurds demonstrated outside the Turkish embassy in Berlin.", "demonstrated",
     "PROTEST", {"participants": (300, "up to")}),
    ("Five Bolivian unions called a general strike in La Paz.", "strike", "PROTEST", None),
    # non-violent events never carry a size
    ("Ukraine accused Russia of killing 12 civilians in Kherson.", "accused", "ACCUSE", None),
    ("Ukraine accused Russia of killing 12 civilians in Kherson.", "killing", "ASSAULT", {"dead": 12}),
    ("Mexico sent 40 doctors to help Cuba after the storm killed 30 people.", "sent", "AID", None),
]


def _trigger(parsed: Parsed, word: str):
    return next(t for t in parsed.doc if t.text == word)


@pytest.mark.parametrize(("text", "trigger", "event", "expected"), SIZES)
def test_size_from_the_figures_of_the_clause(parse: Callable[..., Parsed], text: str, trigger: str,
                                             event: str, expected: Expected | None) -> None:
    parsed = parse(text)
    size = event_size(_trigger(parsed, trigger), event, False, find_figures(parsed, []))
    assert size == _size(expected)


def test_a_negated_event_has_no_size(parse: Callable[..., Parsed]) -> None:
    parsed = parse("Egyptian police arrested 20 activists in Cairo.")
    figures = find_figures(parsed, [])
    assert event_size(_trigger(parsed, "arrested"), "COERCE", False, figures) == Size(arrested=Count(20))
    assert event_size(_trigger(parsed, "arrested"), "COERCE", True, figures) is None


@pytest.mark.parametrize(("a", "b", "merged"), [
    (None, None, None),
    ({"dead": 12}, None, {"dead": 12}),
    (None, {"arrested": 5}, {"arrested": 5}),
    ({"dead": (12, "at least")}, {"dead": (15, "at least")}, {"dead": (15, "at least")}),
    ({"dead": 15, "injured": 3}, {"dead": 12, "injured": 30}, {"dead": 15, "injured": 30}),
    ({"participants": (2000, "about")}, {"arrested": 40}, {"participants": (2000, "about"), "arrested": 40}),
])
def test_merged_mentions_keep_the_larger_count(a: Expected | None, b: Expected | None,
                                               merged: Expected | None) -> None:
    assert larger(_size(a), _size(b)) == _size(merged)
    assert larger(_size(b), _size(a)) == _size(merged)


@pytest.mark.parametrize(("size", "data"), [
    (None, None),
    ({"dead": 12}, {"dead": 12}),
    ({"dead": (23, "at least"), "injured": 40},
     {"dead": 23, "injured": 40, "qualifier": {"dead": "at least"}}),
    ({"arrested": 38, "participants": (300000, "some")},
     {"arrested": 38, "participants": 300000, "qualifier": {"participants": "some"}}),
])
def test_size_json_is_the_manuals_object(size: Expected | None, data: dict | None) -> None:
    assert size_json(_size(size)) == data
    assert size_from_json(data) == _size(size)


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


@pytest.mark.parametrize(("text", "event", "expected"), [
    ("Sudanese troops killed 17 Ethiopian villagers and wounded 40 others near the border on Monday.",
     "ASSAULT", {"dead": 17, "injured": 40}),
    ("Chadian police arrested 52 members of an opposition party in N'Djamena on Monday.", "COERCE",
     {"arrested": 52}),
    ("About 20,000 Georgian protesters marched against the government in Tbilisi on Sunday.", "PROTEST",
     {"participants": 20000, "qualifier": {"participants": "about"}}),
    ("Ukraine accused Russia of killing 12 civilians in Kherson.", "ACCUSE", None),
])
def test_coded_events_carry_their_size(coder: Coder, text: str, event: str, expected: dict | None) -> None:
    from comity.io.output import to_json

    coded = coder.code(text, "2025-03-04")
    records = [e for e in to_json(coded)["events"] if e["event"] == event]
    assert records, f"no {event} coded"
    assert records[0]["size"] == expected
    json.dumps(to_json(coded))


def _event(text: str, size: Size | None) -> Event:
    sdn = Entity("SDN", "MIL", "Sudan", "country")
    return Event(id="e", event="ASSAULT", actor=(Mention("Sudanese", (0, 8), sdn),), recipient=(),
                 event_text=text, spans=((0, len(text)),), quad_code=4, event_scale=-10.0, trigger="killed",
                 size=size, date="2025-03-03", date_precision="day", date_source="text")


STORED = Size(dead=Count(17, "at least"), injured=Count(40))
TEXT = "Sudanese soldiers killed at least 17 villagers and wounded 40 others on 2025-03-03."


def _store(path: Path, size: Size | None) -> Corpus:
    corpus = Corpus(path)
    article = Article(id="sized", text=TEXT, url="http://s.test/1")
    corpus.store.write(Coded(article=article, version=FakeCoder().version, events=(_event(TEXT, size),)))
    return corpus


def test_size_is_stored_and_exported(tmp_path: Path) -> None:
    with _store(tmp_path / "s.duckdb", STORED) as corpus:
        stored = corpus.store.con.execute("SELECT size_json FROM events").fetchall()[0][0]
        assert size_from_json(json.loads(stored)) == STORED
        corpus.export("plover", tmp_path / "s.jsonl")
        corpus.export("csv", tmp_path / "s.csv")
        corpus.export("parquet", tmp_path / "s.parquet")
    record = json.loads((tmp_path / "s.jsonl").read_text().splitlines()[0])
    assert record["size"] == {"dead": 17, "injured": 40, "qualifier": {"dead": "at least"}}
    for frame in (pd.read_csv(tmp_path / "s.csv"), pd.read_parquet(tmp_path / "s.parquet")):
        row = frame.iloc[0]
        assert (row["size_dead"], row["size_injured"]) == (17, 40)
        assert pd.isna(row["size_arrested"]) and pd.isna(row["size_participants"])
        assert json.loads(row["size_qualifier"]) == {"dead": "at least"}


def test_an_event_without_size_exports_none(tmp_path: Path) -> None:
    with _store(tmp_path / "n.duckdb", None) as corpus:
        corpus.export("plover", tmp_path / "n.jsonl")
        corpus.export("csv", tmp_path / "n.csv")
    assert "size" not in json.loads((tmp_path / "n.jsonl").read_text().splitlines()[0])
    row = pd.read_csv(tmp_path / "n.csv").iloc[0]
    assert all(pd.isna(row[c]) for c in ("size_dead", "size_injured", "size_qualifier"))


def test_an_old_store_gains_the_size_column(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE migrations (name VARCHAR PRIMARY KEY, applied TIMESTAMP)")
    for migration in MIGRATIONS[:2]:
        for statement in migration.statements:
            con.execute(statement)
        con.execute("INSERT INTO migrations VALUES (?, current_timestamp)", [migration.name])
    con.execute("INSERT INTO events (id, article_id, seq, event, coder_version) VALUES ('old', 'a', 0, "
                "'ASSAULT', 'v')")
    assert migrate(con)[0] == "0003_event_size"  # and any later migrations
    assert con.execute("SELECT id, size_json FROM events").fetchall() == [("old", None)]
    con.close()
    with _store(path, STORED) as corpus:
        sizes = dict(corpus.store.con.execute("SELECT id, size_json FROM events").fetchall())
    assert sizes["old"] is None and len(sizes) == 2


def test_the_events_table_shows_the_size() -> None:
    from rich.console import Console

    article = Article(id="t", text=TEXT)
    coded = Coded(article=article, version=FakeCoder().version, events=(_event(TEXT, STORED),))
    console = Console(width=300, record=True)
    console.print(events_table(coded))
    assert "≥17 dead, 40 inj." in console.export_text()
