"""Exports: PLOVER JSONL records, a flat CSV (one row per dyad event), Parquet."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from comity.corpus.corpus import Corpus
from comity.errors import ComityError
from comity.records import Article
from test_store import FakeCoder, art

TEXTS = ["China consulted Russia on 2025-05-08. Russia accused France in 2025-04.",
         "NATO threatened Russia on 2025-06-05. France did not aid China."]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    with Corpus(tmp_path_factory.mktemp("export") / "e.duckdb") as corpus:
        corpus.ingest_items([art(t, f"http://news.test/{i}") for i, t in enumerate(TEXTS)], coder=FakeCoder())
        yield corpus


def _plover(corpus: Corpus, tmp_path: Path) -> list[dict]:
    path = tmp_path / "events.jsonl"
    count = corpus.export("plover", path)
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert count == len(records)
    return records


@pytest.mark.parametrize(("event", "expected"), [
    ("CONSULT", {"date": "2025-05-08", "date_precision": "day", "quad_code": 1, "negated": False,
                 "actor": ["CHN"], "recipient": ["RUS"]}),
    ("ACCUSE", {"date": "2025-04-01", "enddate": "2025-04-30", "date_precision": "month", "quad_code": 3,
                "actor": ["RUS"], "recipient": ["FRA"]}),
    ("THREATEN", {"date": "2025-06-05", "actor": ["IGO"], "recipient": ["RUS"]}),
    ("AID", {"date": None, "negated": True, "actor": ["FRA"], "recipient": ["CHN"]}),
])
def test_plover_records(corpus: Corpus, tmp_path: Path, event: str, expected: dict) -> None:
    records = {r["event"][0]: r for r in _plover(corpus, tmp_path)}
    record = records[event]
    got = {k: record.get(k) for k in expected if k not in ("actor", "recipient")}
    got["actor"] = [e["code"] for e in record["actor"]]
    got["recipient"] = [e["code"] for e in record["recipient"]]
    assert got == expected
    assert record["cite_info"]["url"].startswith("http://news.test/")
    assert record["text_info"]["sentence"] in " ".join(TEXTS)
    assert record["coder"] == str(FakeCoder().version)


def test_plover_entity_objects_carry_names(corpus: Corpus, tmp_path: Path) -> None:
    threaten = next(r for r in _plover(corpus, tmp_path) if r["event"] == ["THREATEN"])
    assert threaten["actor"][0]["identifier_text"] == "North Atlantic Treaty Organization"
    assert threaten["actor"][0]["entity_text"] == "NATO"


def test_csv_has_one_row_per_dyad_event(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    assert corpus.export("csv", path) == 4
    frame = pd.read_csv(path)
    for column in ("actor_code", "recipient_code", "event", "mode", "date", "event_scale", "url", "sentence"):
        assert column in frame.columns
    row = frame[frame["event"] == "CONSULT"].iloc[0]
    assert (row["actor_code"], row["recipient_code"], row["sentence"]) == (
        "CHN", "RUS", "China consulted Russia on 2025-05-08.")


def test_a_multi_actor_event_gives_one_csv_row_per_pair(tmp_path: Path) -> None:
    from comity.records import Coded, Entity, Event, Mention

    coder = FakeCoder()
    text = "China and Russia consulted France."
    article = Article(id="multi", text=text, url="http://m.test/")
    chn, rus = Entity("CHN", "GOV", "China", "country"), Entity("RUS", "GOV", "Russia", "country")
    fra = Entity("FRA", "GOV", "France", "country")
    actors = (Mention("China", (0, 5), chn), Mention("Russia", (10, 16), rus))
    event = Event(id="e", event="CONSULT", actor=actors,
                  recipient=(Mention("France", (27, 33), fra),), event_text=text, spans=((0, 33),))
    with Corpus(tmp_path / "m.duckdb") as corpus:
        corpus.store.write(Coded(article=article, version=coder.version, events=(event,)))
        corpus.export("csv", tmp_path / "m.csv")
    frame = pd.read_csv(tmp_path / "m.csv")
    pairs = list(zip(frame["actor_code"], frame["recipient_code"], strict=True))
    assert pairs == [("CHN", "FRA"), ("RUS", "FRA")]


def test_parquet_round_trip(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert corpus.export("parquet", path) == 4
    frame = pd.read_parquet(path)
    assert sorted(frame["event"]) == ["ACCUSE", "AID", "CONSULT", "THREATEN"]


@pytest.mark.parametrize(("fmt", "path", "code"), [("xml", "x.xml", "E080"), ("parquet", None, "E080"),
                                                   ("csv", "missing-folder/x.csv", "E081")])
def test_bad_export_requests(corpus: Corpus, tmp_path: Path, fmt: str, path: str | None, code: str) -> None:
    with pytest.raises(ComityError) as caught:
        corpus.export(fmt, tmp_path / path if path else None)
    assert caught.value.code == code
