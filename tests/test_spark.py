"""The Spark job (``comity spark``) against in-process coding, with ``local[2]``.

The inputs are the first 50 articles of ``../shared/data/news/corpus.jsonl.gz`` where ``../shared`` is
present, else 50 articles written for these tests (:func:`written`), as gzipped JSONL; beside them a
JSONL file with a copy of the first article under another URL, a line that is not JSON, a line with no
text and a French article; a WARC file with two HTML pages (one with no article text); and a Parquet
file with two more articles. The same inputs are ingested in process into a DuckDB store: the job's
Parquet tables must hold exactly its rows, table by table; the queries over the Parquet files must
give the same frames as over the store. One SparkSession serves the module; the job runs twice (the
full run, then a resumed run through the CLI).
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'comity[spark]'; "
                    "make test installs it)")

from comity.cli import app
from comity.corpus.corpus import Corpus
from comity.corpus.parquet import OUTPUT_TABLES, STORE_TABLES, ParquetStore
from comity.io.fetch import read_warc
from comity.io.read import from_jsonl
from comity.text.normalize import content_id

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "corpus.jsonl.gz"
ARTICLES = 50
COPY_URL = "https://example.org/wire/copy-of-the-first-story"
FRENCH = ("Le gouvernement français a annoncé mardi une nouvelle série de mesures pour soutenir les "
          "agriculteurs, après plusieurs semaines de manifestations dans tout le pays. Le Premier ministre "
          "a déclaré que ces mesures seraient appliquées dès le mois prochain.")
PAIRS = [("China", "Russia"), ("France", "Germany"), ("Japan", "Australia"), ("India", "Pakistan"),
         ("Kenya", "Ethiopia"), ("Canada", "Mexico"), ("Turkey", "Greece"), ("Brazil", "Argentina")]
ACTS = ["signed an agreement on energy with", "condemned the missile test by", "held talks with",
        "imposed sanctions on", "sent troops to the border with", "agreed to resume trade with"]


def written(i: int) -> dict:
    """An article written for these tests (not from any outlet): two countries, an act, a quote,
    dates and figures, published on one of several months."""
    a, b = PAIRS[i % len(PAIRS)]
    act = ACTS[i % len(ACTS)]
    month = 1 + i % 5
    text = (f"{a} {act} {b} on Tuesday, officials said.\n\n"
            f"\"We will not accept threats,\" {a}'s foreign minister told reporters in the capital, adding "
            f"that the talks would continue next month.\n\n"
            f"The two countries trade goods worth {10 * (i + 1)} billion dollars a year, and {i + 3} "
            f"joint projects were announced last week.\n")
    return {"id": f"w{i}", "title": f"{a} and {b}", "url": f"https://example.org/news/{i}",
            "published": f"2025-{month:02d}-{10 + i % 15:02d}", "text": text}


def first_articles() -> tuple[str, list[str]]:
    """Which articles (``corpus`` or ``written``) and their JSON lines."""
    if CORPUS.is_file():
        with gzip.open(CORPUS, "rt", encoding="utf-8") as stream:
            lines = [line.rstrip("\n") for line, _ in zip(stream, range(ARTICLES), strict=False)]
        if len(lines) == ARTICLES:
            return "corpus", lines
    return "written", [json.dumps(written(i)) for i in range(ARTICLES)]


PAGE = """<html><head><title>Ministers meet in Geneva</title></head><body><article>
<h1>Ministers meet in Geneva</h1>
<p>GENEVA - The foreign ministers of Iran and Saudi Arabia met in Geneva on Monday and agreed to reopen
their embassies within two months, the Swiss foreign ministry said in a statement.</p>
<p>"This is a first step towards a lasting peace in the region," the Swiss foreign minister told
reporters after the meeting, which lasted more than four hours.</p>
<p>The two governments also agreed to hold a second round of talks in Riyadh in March, officials said,
and to exchange 40 prisoners before the end of the year.</p>
</article></body></html>"""


def write_warc(path: Path) -> None:
    """A small WARC file in the CC-NEWS layout: HTML responses (one with no article text)."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, html in (("https://example.org/geneva-talks", PAGE),
                          ("https://example.org/empty", "<html><body><p>Menu</p></body></html>")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(html.encode()),
                                                          http_headers=headers))


def parquet_articles() -> list[dict]:
    return [{"id": "p1", "title": "Talks in Hanoi", "url": "https://example.org/hanoi",
             "published": "2025-06-02",
             "text": "Vietnam and the Philippines agreed on Monday to hold joint coast guard patrols in the "
                     "South China Sea, the two foreign ministries said.\n\nChina criticised the plan."},
            {"id": "p2", "title": None, "url": None, "published": None,
             "text": "Germany pledged 500 million euros in aid to Ukraine on Friday, the government in "
                     "Berlin said, and Russia condemned the decision."}]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> tuple[str, Path]:
    """(which articles, the input folder: a name with a space, files read in name order)."""
    which, lines = first_articles()
    folder = tmp_path_factory.mktemp("spark") / "news in"
    folder.mkdir()
    with gzip.open(folder / "a-news.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.write("\n".join(lines) + "\n")
    copy = {**json.loads(lines[0]), "url": COPY_URL}
    extra = [json.dumps(copy), "{not json", json.dumps({"title": "no text"}), "",
             json.dumps({"url": "https://example.org/fr", "text": FRENCH})]
    (folder / "b-extra.jsonl").write_text("\n".join(extra) + "\n", encoding="utf-8")
    write_warc(folder / "c-pages.warc.gz")
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{**row, "published": date.fromisoformat(row["published"]) if row["published"] else None}
            for row in parquet_articles()]  # a DATE column, as Parquet archives have them
    pq.write_table(pa.Table.from_pylist(rows), folder / "d-more.parquet")
    return which, folder


def reference_items(folder: Path):
    """The inputs read in process, in the job's order."""
    for path in sorted(folder.iterdir()):
        if path.name.endswith(".jsonl.gz"):
            with gzip.open(path, "rt", encoding="utf-8") as stream:
                lines = stream.read().splitlines()
            yield from from_jsonl(lines, str(path), None)
        elif path.suffix == ".jsonl":
            yield from from_jsonl(path.read_text(encoding="utf-8").splitlines(), str(path), None)
        elif path.name.endswith(".warc.gz"):
            yield from read_warc(path, None)
        elif path.suffix == ".parquet":
            import pyarrow.parquet as pq

            rows = pq.read_table(path).to_pylist()
            lines = [json.dumps({k: v for k, v in row.items() if v is not None}, default=str) for row in rows]
            yield from from_jsonl(lines, str(path), None)


@pytest.fixture(scope="module")
def reference(inputs, tmp_path_factory):
    """The same inputs ingested in process: (the store, its summary, the coder version)."""
    from comity.pipeline import default_coder

    db = tmp_path_factory.mktemp("reference") / "store.duckdb"
    coder = default_coder()
    with Corpus(db) as corpus:
        summary = corpus.ingest_items(reference_items(inputs[1]), coder=coder)
    return db, summary, str(coder.version)


@pytest.fixture(scope="module")
def spark():
    from comity.spark.job import local_session

    session = local_session("local[2]", {"spark.sql.shuffle.partitions": "4"})
    yield session
    session.stop()


@pytest.fixture(scope="module")
def job(spark, inputs, reference, tmp_path_factory):
    """The job over the input folder: 8 partitions on 2 cores, waves of 20 articles."""
    from comity.spark.job import Options, run

    out = tmp_path_factory.mktemp("out") / "coded"
    report = run(spark, [str(inputs[1])], str(out), Options(partitions=8, wave_size=20))
    return out, report


def table(con: duckdb.DuckDBPyConnection, name: str) -> list[tuple]:
    return con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall()


def assert_same_tables(db: Path, out: Path) -> None:
    store = duckdb.connect(str(db), read_only=True)
    with ParquetStore(out) as parquet:
        for name in STORE_TABLES:
            ours, theirs = table(parquet.con, name), table(store, name)
            assert len(ours) == len(theirs), name
            assert ours == theirs, name
    store.close()


def test_the_job_gives_exactly_the_records_of_in_process_coding(inputs, job, reference) -> None:
    out, report = job
    db, summary, _ = reference
    print(f"articles: {inputs[0]}")
    assert report.articles == summary.coded == ARTICLES + 3  # 50, a WARC page, two Parquet rows
    assert_same_tables(db, out)  # ids, events, dyads, quotes, speakers, times, figures, entities, URLs


def test_each_worker_loads_the_model_once(job) -> None:
    _, report = job
    assert report.partitions == 8 and report.waves == 3
    assert 1 <= report.model_loads <= 2  # two Python workers on local[2], whatever the partitions


def test_bad_records_go_to_the_errors_table_with_their_reason(job, reference) -> None:
    out, report = job
    _, summary, _ = reference
    rows = duckdb.sql("SELECT id, source, stage, code, reason FROM read_parquet(?, hive_partitioning = true)",
                      params=[str(out / "errors" / "**" / "*.parquet")]).fetchall()
    assert sorted(f"[{code}] {reason}" for *_, code, reason in rows) == sorted(summary.failed)
    assert report.errors == len(rows) == 4  # not JSON, no text, French, a page with no article
    stages = {code: (stage, aid) for aid, _, stage, code, _ in rows}
    assert stages["E030"] == ("code", content_id(FRENCH))
    assert stages["E024"][0] == "read" and stages["E024"][1] is None
    assert any(re.search(r"b-extra\.jsonl:2: not JSON", reason) for *_, reason in rows)


def test_a_copy_is_coded_once_with_both_urls(job) -> None:
    out, report = job
    assert report.copies == 1
    with ParquetStore(out) as parquet:
        urls = parquet.con.execute("SELECT a.url, list(u.url ORDER BY u.url) FROM articles a JOIN "
                                   "article_urls u ON u.article_id = a.id GROUP BY a.url "
                                   "HAVING count(*) > 1").fetchall()
    assert len(urls) == 1 and COPY_URL in urls[0][1]


def test_tables_are_partitioned_by_month_with_the_coder_version_in_every_row(job, reference) -> None:
    out, _ = job
    _, _, version = reference
    with ParquetStore(out) as parquet:
        published = {r[0] for r in parquet.con.execute(
            "SELECT coalesce(strftime(published, '%Y-%m'), 'undated') FROM articles").fetchall()}
    assert {p.name for p in (out / "articles").iterdir() if p.is_dir()} == {f"month={m}" for m in published}
    for name in OUTPUT_TABLES:
        glob = str(out / name / "**" / "*.parquet")
        versions = duckdb.sql("SELECT DISTINCT coder_version FROM read_parquet(?)", params=[glob]).fetchall()
        assert versions == [(version,)], name
        months = {p.name for p in (out / name).iterdir() if p.is_dir()}
        assert months <= {f"month={m}" for m in published | {"undated"}}, name


def _frames(corpus: Corpus, pair: tuple[str, str], folder: Path) -> dict[str, pd.DataFrame]:
    a, b = pair
    frames = {"ties": corpus.ties(a, b), "evidence": corpus.evidence(a, b), "events": corpus.events(),
              "quotes": corpus.quotes(), "network": corpus.network(limit=50)}
    for fmt in ("plover", "parquet"):
        corpus.export(fmt, folder / f"export.{fmt}")
    frames["plover"] = pd.DataFrame({"line": (folder / "export.plover").read_text().splitlines()})
    frames["flat"] = pd.read_parquet(folder / "export.parquet")
    return frames


def test_the_queries_over_parquet_give_the_frames_of_the_store(job, reference, tmp_path) -> None:
    out, _ = job
    db, _, _ = reference
    (tmp_path / "ours").mkdir()
    (tmp_path / "theirs").mkdir()
    with Corpus(db, read_only=True) as store, Corpus.over_parquet(out) as parquet:
        top = store.network(limit=3)
        pairs = [(r.actor, r.recipient) for r in top.itertuples()] + [("CHN", "RUS")]
        for pair in pairs:
            ours = _frames(parquet, pair, tmp_path / "ours")
            theirs = _frames(store, pair, tmp_path / "theirs")
            for name, frame in theirs.items():
                assert len(frame) or name in ("ties", "evidence"), name
                pd.testing.assert_frame_equal(ours[name], frame, obj=f"{name} {pair}")


def invoke(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("command", [("ties", "CHN", "RUS"), ("ties", "USA", "AFG"), ("events",),
                                     ("quotes",), ("network",), ("export",)])
def test_the_commands_read_the_parquet_output_as_the_store(job, reference, command) -> None:
    out, _ = job
    db, _, _ = reference
    fmt = ["--format", "csv"] if command[0] != "export" else ["--format", "plover"]
    ours = invoke(*command, "--parquet", out, *fmt)
    theirs = invoke(*command, "--db", db, *fmt)
    assert ours.exit_code == theirs.exit_code == 0
    assert ours.stdout == theirs.stdout and ours.stdout


def test_ingest_parquet_loads_the_store_that_ingest_writes(job, reference, tmp_path) -> None:
    out, _ = job
    db, _, _ = reference
    loaded = tmp_path / "loaded.duckdb"
    first = invoke("ingest", "--parquet", out, "--db", loaded)
    assert first.exit_code == 0 and f"{ARTICLES + 3} loaded, 0 skipped" in first.stderr
    assert "4 input(s)" in first.stderr
    assert_same_tables(loaded, out)
    assert_same_tables(db, out)
    again = invoke("ingest", "--parquet", out, "--db", loaded)
    assert "0 loaded, 53 skipped" in again.stderr


def test_a_resumed_run_codes_only_the_articles_absent_from_the_output(spark, inputs, job, reference,
                                                                      tmp_path) -> None:
    """A run that stopped before publishing some articles: the months they are in are missing from
    every table. --resume codes those articles only, and the output is whole again."""
    out, _ = job
    db, _, _ = reference
    partial = tmp_path / "partial"
    shutil.copytree(out, partial)
    months = sorted(p.name for p in (partial / "articles").iterdir() if p.name != "month=undated")[:2]
    with ParquetStore(partial) as parquet:
        total = parquet.counts()["articles"]
    for name in OUTPUT_TABLES:
        for month in months:
            shutil.rmtree(partial / name / month, ignore_errors=True)
    with ParquetStore(partial) as parquet:
        missing = total - parquet.counts()["articles"]
    assert missing > 0
    done = invoke("spark", inputs[1], "--out", partial, "--resume", "--master", "local[2]", "--partitions", 4)
    assert done.exit_code == 0, done.stderr
    already = total - missing + 1  # the French article failed: its id is in the errors table
    summary = f"{missing} articles coded, 0 errors, 1 copies merged, {already} already in the output"
    assert summary in done.stderr
    assert_same_tables(db, partial)


def test_publishing_replaces_the_months_a_run_touches_and_keeps_the_others(spark, tmp_path) -> None:
    from comity.spark.publish import HadoopFiles, publish

    def put(path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"PAR1")

    staged, out = tmp_path / "staged", tmp_path / "out"
    put(staged / "events" / "month=2025-01" / "part-new.parquet")
    put(out / "events" / "month=2025-01" / "part-old.parquet")
    put(out / "articles" / "month=2025-01" / "part-old.parquet")
    put(out / "events" / "month=2024-12" / "part-kept.parquet")
    files, cleared = HadoopFiles(spark), set()
    assert publish(files, str(staged), str(out), replace=True, cleared=cleared) == {"month=2025-01"}
    january = out / "events" / "month=2025-01"
    assert sorted(p.name for p in january.glob("*.parquet")) == ["part-new.parquet"]
    assert not (out / "articles" / "month=2025-01").exists()  # the month is replaced in every table
    assert (out / "events" / "month=2024-12" / "part-kept.parquet").exists()
    put(staged / "events" / "month=2025-01" / "part-second-wave.parquet")
    publish(files, str(staged), str(out), replace=True, cleared=cleared)  # a later wave of the same run adds
    assert sorted(p.name for p in january.glob("*.parquet")) == ["part-new.parquet",
                                                                  "part-second-wave.parquet"]


def test_knowledge_files_reach_the_executors_under_their_own_names(spark, tmp_path) -> None:
    """User knowledge files are sent with the job; the executors' coder reads the copies, and the
    coder version (which hashes each file's name and content) is the driver's."""
    from comity.config import Config
    from comity.datafiles import data_hash
    from comity.spark.job import ship
    from comity.spark.worker import Settings

    extra = tmp_path / "my-actors.json"
    extra.write_text(json.dumps({"about": "written for this test", "orgs": []}), encoding="utf-8")
    config = Config(actor_files=(extra,))
    settings = Settings(model=config.model, batch_size=config.batch_size, files=ship(spark, config))
    shipped = settings.config().actor_files
    assert [p.name for p in shipped] == [extra.name] and shipped[0] != extra
    assert shipped[0].read_bytes() == extra.read_bytes()
    assert data_hash(tuple(shipped)) == data_hash((extra,))
