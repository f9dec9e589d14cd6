"""Coding in worker processes (``--jobs N``): the same records as in one process, in input order,
each failure in its place, and the store written by this process alone."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from comity.corpus.corpus import Corpus
from comity.corpus.store import Store
from comity.errors import ComityError
from comity.io.output import to_json
from comity.pipeline import Coder, Workers
from comity.records import Article

DAY = date(2026, 3, 4)

# (id, text, the error code expected in its place, or None when it is coded)
ARTICLES = [
    ("talks", "South Korea's foreign minister met Japan's foreign minister in Seoul on Tuesday, and the "
     "two governments agreed to resume security talks next month.", None),
    ("blank", "   \n  ", "E021"),
    ("protest", "Thousands of farmers protested outside the parliament in Paris on Monday against the "
     "new fuel tax, the police said.", None),
    ("french", "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les "
     "agriculteurs touchés par la sécheresse dans le sud du pays.", "E030"),
    ("sanction", "The European Union imposed sanctions on three Iranian banks on Friday, accusing them "
     "of financing the missile programme.", None),
    ("quote", "\u201cWe will not accept any delay,\u201d said Maria Costa, a spokeswoman for the "
     "Portuguese Foreign Ministry.", None),
    ("visit", "Chinese President Xi Jinping arrived in Moscow on Wednesday for talks with Russian "
     "President Vladimir Putin.", None),
]


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def _articles(copies: int = 1) -> list[Article]:
    return [Article(id=f"{name}-{n}", text=text, published=DAY)
            for n in range(copies) for name, text, _ in ARTICLES]


def _records(results) -> list[tuple[str, object]]:
    return [(article.id, result.code if isinstance(result, ComityError) else to_json(result))
            for article, result in results]


@pytest.mark.parametrize("jobs", [2, 3])
def test_workers_give_the_records_of_one_process_in_input_order(coder: Coder, jobs: int) -> None:
    articles = _articles(copies=5)  # 35 articles: several batches, more than one per worker
    alone = _records(coder.code_many(articles))
    assert _records(coder.code_many(articles, jobs=jobs)) == alone


@pytest.mark.parametrize(("name", "text", "code"), ARTICLES)
def test_each_failure_is_reported_in_its_place(coder: Coder, name: str, text: str, code: str | None
                                                ) -> None:
    articles = _articles()
    results = list(coder.code_many(articles, jobs=2))
    assert [a.id for a, _ in results] == [a.id for a in articles]
    (result,) = [r for a, r in results if a.id == f"{name}-0"]
    assert (result.code if isinstance(result, ComityError) else None) == code


def test_a_worker_that_dies_loses_only_its_own_articles(coder: Coder, monkeypatch) -> None:
    real = Coder.run_stages

    def dying(self, parsed):  # the worker process ends on this article, as if killed
        if parsed.article.id.startswith("sanction"):
            os._exit(9)
        return real(self, parsed)

    monkeypatch.setattr(Coder, "run_stages", dying)
    coder.config = type(coder.config)(batch_size=1)  # one article a batch: only that one is lost
    try:
        results = list(Workers(coder, 2).code_many(_articles(copies=2)))
    finally:
        coder.config = type(coder.config)()
    codes = {a.id: r.code if isinstance(r, ComityError) else "coded" for a, r in results}
    assert [a.id for a, _ in results] == [a.id for a in _articles(copies=2)]
    assert codes["sanction-0"] == codes["sanction-1"] == "E029"
    assert codes["talks-1"] == codes["visit-1"] == "coded"


def test_the_store_is_written_by_one_process(coder: Coder, tmp_path: Path, monkeypatch) -> None:
    writers = tmp_path / "writers"
    real = Store.write

    def write(self, coded, urls):
        with writers.open("a") as sink:
            sink.write(f"{os.getpid()}\n")
        return real(self, coded, urls)

    monkeypatch.setattr(Store, "write", write)
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text, _ in ARTICLES:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    with Workers(coder, 2) as workers, Corpus(tmp_path / "s.duckdb") as corpus:
        summary = corpus.ingest([str(folder)], coder=workers, published=DAY)
    coded = sum(code is None for _, _, code in ARTICLES)
    assert summary.coded == coded and len(summary.failed) == len(ARTICLES) - coded
    assert writers.read_text().split() == [str(os.getpid())] * coded


# files read in name order: (name, content, the error expected for it, or None when it is coded)
FILES = [
    ("a.txt", ARTICLES[0][1].encode(), None),
    ("b.txt", ARTICLES[3][1].encode(), "E030"),  # fails when coded (not English)
    ("c.txt", b"\x89PNG\r\n\x1a\n" + bytes(300), "E022"),  # fails when read
    ("d.txt", ARTICLES[2][1].encode(), None),
    ("e.txt", b"", "E021"),  # fails when read
]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, content, _ in FILES:
        (folder / name).write_bytes(content)
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ingest_says_each_failure_in_input_order(tmp_path: Path, jobs: str) -> None:
    from typer.testing import CliRunner

    from comity.cli import app

    result = CliRunner().invoke(app, ["ingest", str(_folder(tmp_path)), "--db", str(tmp_path / "s.duckdb"),
                                      "--jobs", jobs])
    failed = [line.split()[1] for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert failed == [f"[{code}]" for _, _, code in FILES if code], result.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_code_says_each_failure_in_input_order(tmp_path: Path, jobs: str) -> None:
    from typer.testing import CliRunner

    from comity.cli import app

    folder = _folder(tmp_path)
    result = CliRunner().invoke(app, ["code", *sorted(str(p) for p in folder.iterdir()), "--format", "json",
                                      "--jobs", jobs])
    failed = [line.split()[1] for line in result.stderr.splitlines() if line.startswith("error:")]
    assert failed == [f"[{code}]" for _, _, code in FILES if code], result.stderr
    assert len(result.stdout.splitlines()) == sum(code is None for _, _, code in FILES)


def test_workers_are_replaced_after_their_share_and_the_records_stay_the_same(coder: Coder, monkeypatch
                                                                              ) -> None:
    import comity.pipeline

    monkeypatch.setattr(comity.pipeline, "RECYCLE", 5)  # a fresh worker after five articles
    coder.config = type(coder.config)(batch_size=4)
    try:
        articles = _articles(copies=4)
        with Workers(coder, 2) as workers:
            records = _records(workers.code_many(articles))
        started = workers.started
    finally:
        coder.config = type(coder.config)()
    assert started >= 28 // 8  # 28 articles, at least 8 per worker before it is replaced
    assert records == _records(coder.code_many(articles))


def test_a_reader_that_stops_early_ends_the_workers(coder: Coder) -> None:
    workers = Workers(coder, 2)
    results = workers.code_many(_articles(copies=5))
    next(results)
    processes = [process for process, _, _ in workers.live.values()]
    results.close()
    workers.close()
    assert processes and not any(process.is_alive() for process in processes)
