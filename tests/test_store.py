"""The store: schema migrations, content ids, one transaction per article, duplicates, recode.

``FakeCoder`` (also used by test_ties, test_export, test_corpus) codes a tiny
controlled language ("China consulted Russia on 2025-05-08.") into real
records, so the store is tested without depending on the coder's quality.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from comity.corpus.corpus import Corpus
from comity.corpus.dates import interval, period
from comity.corpus.migrations import MIGRATIONS, migrate
from comity.corpus.rows import sentence_around
from comity.corpus.store import Store, StoreError
from comity.errors import ComityError, InputError
from comity.records import Article, Coded, CoderVersion, Entity, Event, Mention, Quote, Speaker, TimeRef
from comity.text.normalize import content_id

ACTORS = {
    "China": Entity("CHN", "GOV", "China", "country"),
    "Russia": Entity("RUS", "GOV", "Russia", "country"),
    "France": Entity("FRA", "GOV", "France", "country"),
    "NATO": Entity("IGO", None, "North Atlantic Treaty Organization", "igo"),
}
TYPES = {"consulted": ("CONSULT", 1, 1.0), "accused": ("ACCUSE", 3, -2.0),
         "sanctioned": ("SANCTION", 4, -6.0), "sanction": ("SANCTION", 4, -6.0),
         "aided": ("AID", 2, 7.0), "aid": ("AID", 2, 7.0),
         "threatened": ("THREATEN", 3, -4.0), "supported": ("SUPPORT", 1, 3.0)}
_NAMES = "|".join(ACTORS)
_VERBS = "|".join(sorted(TYPES, key=len, reverse=True))
EVENT = re.compile(rf"(?P<a>{_NAMES}) (?P<neg>did not |might )?(?P<verb>{_VERBS}) "
                   rf"(?P<b>{_NAMES})(?: (?:on|in) (?P<date>\d{{4}}(?:-\d{{2}}){{0,2}}))?")
QUOTE = re.compile(r'(?P<name>[A-Z][a-z]+ [A-Z][a-z]+) said "(?P<content>[^"]+)"')


def _mention(match: re.Match, group: str) -> Mention:
    return Mention(match[group], match.span(group), ACTORS[match[group]])


def fake_event(article: Article, seq: int, m: re.Match) -> Event:
    kind, quad, scale = TYPES[m["verb"]]
    precision = {4: "year", 7: "month", 10: "day"}.get(len(m["date"] or ""))
    return Event(
        id=f"{article.id}-{seq}", event=kind, actor=(_mention(m, "a"),), recipient=(_mention(m, "b"),),
        event_text=m[0], spans=(m.span(),), negated=m["neg"] == "did not ",
        aux=("hypothetical",) if m["neg"] == "might " else (), date=m["date"], date_precision=precision,
        date_source="text" if m["date"] else None, quad_code=quad, event_scale=scale, trigger=m["verb"])


def fake_code(article: Article, version: CoderVersion) -> Coded:
    text = article.text
    events = tuple(fake_event(article, i, m) for i, m in enumerate(EVENT.finditer(text)))
    quotes = tuple(Quote(m["content"], m.span("content"), "direct", speaker=m["name"], speaker_text=m["name"],
                         speaker_span=m.span("name"), cue="said") for m in QUOTE.finditer(text))
    names = dict.fromkeys(q.speaker for q in quotes)
    speakers = tuple(Speaker(name, None, title="spokesperson") for name in names)
    times = tuple(TimeRef(m["date"], m.span("date"), m["date"], "day", True)
                  for m in EVENT.finditer(text) if m["date"])
    mentions = tuple(sorted((mm for e in events for mm in (*e.actor, *e.recipient)), key=lambda x: x.span))
    return Coded(article=article, version=version, events=events, quotes=quotes, speakers=speakers,
                 times=times, mentions=mentions)


class FakeCoder:
    """Codes the test language; ``delay`` seconds per article; text with UNREADABLE fails."""

    def __init__(self, tag: str = "1", delay: float = 0.0, batch: int = 4) -> None:
        self.version = CoderVersion(package="test", data_hash=tag, model="fake", model_version="0")
        self.delay = delay
        self.batch = batch
        self.calls = 0

    def code_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Coded | ComityError]]:
        for article in articles:
            self.calls += 1
            if self.delay:
                time.sleep(self.delay)
            if "UNREADABLE" in article.text:
                yield article, InputError("E030", f"{article.id}: not English")
            else:
                yield article, fake_code(article, self.version)


def art(text: str, url: str | None = None, published: date | None = date(2025, 5, 7)) -> Article:
    return Article(id="x", text=text, url=url, published=published, source=url or "test")


STORY = ('China consulted Russia on 2025-05-08. Russia accused France in 2025-04. '
         'Anna Petrova said "We will talk again."')


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Corpus]:
    with Corpus(tmp_path / "c.duckdb") as c:
        yield c


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "m.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    names = [r[0] for r in con.execute("SELECT name FROM migrations ORDER BY name").fetchall()]
    assert names == [m.name for m in MIGRATIONS]
    assert migrate(con) == []
    con.close()


@pytest.mark.parametrize(("left", "right", "same"), [
    ("China and Russia met.", "China  and\n\nRussia met.  ", True),
    ("China and Russia met.", "China and Russia met.\nReporting by Jane Doe; Editing by John Roe", True),
    ("China and Russia met.", "BEIJING (Reuters) - China and Russia met.", True),
    ("China and Russia met.", "MOSCOW, May 7 (AP) — China and Russia met.\n© 2025 Wire Co.", True),
    ("“China and Russia met,” he said.", '"China and Russia met," he said.', True),
    ("China and Russia met.", "China and France met.", False),
    ("China and Russia met.", "Russia and China met.", False),
])
def test_content_id_ignores_white_space_and_boilerplate(left: str, right: str, same: bool) -> None:
    assert (content_id(left) == content_id(right)) is same


WORDS = st.lists(st.text(alphabet=st.characters(categories=("L", "N", "P")), min_size=1, max_size=12),
                 min_size=1, max_size=30)


@given(WORDS, st.lists(st.sampled_from([" ", "  ", "\t", " \t ", "\u00a0"]), min_size=1))
def test_content_id_does_not_depend_on_spacing(words: list[str], gaps: list[str]) -> None:
    spaced = "".join(w + gaps[i % len(gaps)] for i, w in enumerate(words))
    assert content_id(spaced) == content_id(" ".join(words))


@pytest.mark.parametrize(("text", "span", "sentence"), [
    ("First one. China met Russia today. Last one.", (11, 30), "China met Russia today."),
    ("Heading\nChina met Russia. Then more.", (8, 20), "China met Russia."),
    ("No stop at the end China met Russia", (19, 35), "No stop at the end China met Russia"),
    ("Intro. “China met Russia.” Next one.", (8, 25), "“China met Russia.”"),
    ("The U.S. said so. China met Russia. Then Dr. Who spoke.", (18, 35), "China met Russia."),
    ("Line one\n\nChina met Russia on Jan. 5 in Moscow. Next.", (10, 26),
     "China met Russia on Jan. 5 in Moscow."),
])
def test_sentence_around_finds_the_sentence(text: str, span: tuple[int, int], sentence: str) -> None:
    assert sentence_around(text, *span) == sentence


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-05-08", (date(2025, 5, 8), date(2025, 5, 8), "day")),
    ("2025-05", (date(2025, 5, 1), date(2025, 5, 31), "month")),
    ("2024", (date(2024, 1, 1), date(2024, 12, 31), "year")),
    ("2025-W19", (date(2025, 5, 5), date(2025, 5, 11), "week")),
    ("2025-Q2", (date(2025, 4, 1), date(2025, 6, 30), "range")),
    ("2025-05-07/2025-05-10", (date(2025, 5, 7), date(2025, 5, 10), "range")),
    ("2022/2024", (date(2022, 1, 1), date(2024, 12, 31), "range")),
    ("2025-13", None), ("soon", None), (None, None), ("2025-05-10/2025-05-01", None),
])
def test_interval_of_time_values(value: str | None, expected) -> None:
    assert interval(value) == expected


@pytest.mark.parametrize(("value", "by", "label", "precision"), [
    ("2025-05-08", "day", "2025-05-08", "day"),
    ("2025-05-08", "week", "2025-W19", "week"),
    ("2025-05-08", "month", "2025-05", "month"),
    ("2025-05", "day", "2025-05", "month"),  # a month-dated event is not spread over days
    ("2025-05", "week", "2025-05", "month"),
    ("2024", "month", "2024", "year"),
    ("2025-05-07/2025-05-09", "day", "2025-W19", "week"),
    ("2025-04-30/2025-05-02", "week", "2025-W18", "week"),
    ("2025-04-30/2025-05-02", "month", "2025", "year"),
    ("2024-12/2025-01", "month", "2024-12/2025-01", "range"),
    ("2022/2025", "day", "2022/2025", "range"),
    ("2024-12-30/2025-01-02", "month", "2024-12-30/2025-01-02", "range"),
])
def test_period_keeps_the_events_own_precision(value: str, by: str, label: str, precision: str) -> None:
    start, end, _ = interval(value)
    assert period(start, end, by)[:2] == (label, precision)


def test_ingest_stores_records_and_a_rerun_is_a_no_op(corpus: Corpus) -> None:
    coder = FakeCoder()
    items = [art(STORY, "http://a.test/1"), art("France supported NATO on 2025-01-02.", "http://a.test/2")]
    first = corpus.ingest_items(items, coder=coder)
    counts = corpus.counts()
    second = corpus.ingest_items(items, coder=coder)
    assert (first.coded, first.skipped, second.coded, second.skipped) == (2, 0, 0, 2)
    assert corpus.counts() == counts
    assert counts["articles"] == 2 and counts["events"] == 3 and counts["quotes"] == 1
    assert coder.calls == 2


def test_copies_of_a_wire_story_are_stored_once_with_all_urls(corpus: Corpus) -> None:
    items = [art(STORY, "http://one.test/a"), art("PARIS (AFP) - " + STORY + "\nEditing by Jo Bloggs",
                                                   "http://two.test/b"), art(STORY, "http://three.test/c")]
    summary = corpus.ingest_items(items, coder=FakeCoder())
    urls = corpus.con.execute("SELECT url FROM article_urls ORDER BY url").fetchall()
    assert (summary.coded, summary.skipped) == (1, 2)
    assert [u[0] for u in urls] == ["http://one.test/a", "http://three.test/c", "http://two.test/b"]
    corpus.ingest_items([art(STORY, "http://four.test/d")], coder=FakeCoder())
    assert corpus.counts()["article_urls"] == 4 and corpus.counts()["articles"] == 1


def test_failures_are_reported_and_the_batch_goes_on(corpus: Corpus) -> None:
    items = [InputError("E020", "gone.txt: no such file"), art("UNREADABLE text"), art(STORY)]
    summary = corpus.ingest_items(items, coder=FakeCoder())
    assert summary.coded == 1 and len(summary.failed) == 2
    assert "gone.txt" in summary.failed[0] and "E030" in summary.failed[1]


def test_an_article_is_written_in_one_transaction(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(rows) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(corpus.store, "_insert_rows", broken)
    with pytest.raises(RuntimeError):
        corpus.ingest_items([art(STORY, "http://a.test/1")], coder=FakeCoder())
    assert corpus.counts()["articles"] == 0 and corpus.counts()["article_urls"] == 0


def test_recode_replaces_records_of_another_coder_version(corpus: Corpus) -> None:
    corpus.ingest_items([art(STORY), art("China aided Russia in 2024.")], coder=FakeCoder("1"))
    before = corpus.counts()
    again = corpus.recode(coder=FakeCoder("1"))
    redone = corpus.recode(coder=FakeCoder("2"))
    versions = corpus.con.execute("SELECT DISTINCT coder_version FROM events").fetchall()
    assert (again.coded, redone.coded) == (0, 2)
    assert corpus.counts() == before
    assert versions == [(str(FakeCoder("2").version),)]
    assert corpus.recode(coder=FakeCoder("2"), force=True).coded == 2


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n" * 200)
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert caught.value.code == "E060"
    assert path.read_text().startswith("these are my notes")


def test_a_second_writer_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", "import time; from comity.corpus.store import Store; "
                               f"s = Store({str(path)!r}); print('ready', flush=True); time.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError) as caught:
            Store(path)
        assert caught.value.code == "E061" and "another process" in caught.value.message
    finally:
        holder.kill()
        holder.wait()
