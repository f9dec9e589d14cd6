"""The corpus end to end: the CLI commands, ingesting twice, a URL list served locally, and an
ingest killed mid-way then rerun (it must lose and duplicate nothing)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest
import typer
from typer.testing import CliRunner

from comity.cli import app as comity_app
from comity.corpus.corpus import Corpus
from test_store import FakeCoder

TESTS = Path(__file__).resolve().parent
PAIRS = [("China", "Russia"), ("France", "Germany"), ("Japan", "Australia"), ("India", "Brazil"),
         ("Kenya", "Ethiopia"), ("Canada", "Mexico")]
TOPICS = ["energy", "grain", "rail links", "fisheries", "space research", "customs"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

# Articles written for these tests (not from any outlet): China and Russia at several dates.
CHINA_RUSSIA = {
    "talks-march.txt": ("2025-03-12", "Chinese Foreign Minister Wang Yi held talks with Russian Foreign "
                        "Minister Sergei Lavrov in Beijing on Tuesday, the two ministries said.\n\n"
                        "China and Russia agreed to expand their cooperation on energy and transport, "
                        "according to a joint statement released after the meeting."),
    "drills-july.txt": ("2025-07-21", "China and Russia began joint naval exercises in the Sea of Japan on "
                        "Sunday, the Chinese defence ministry said.\n\nRussian President Vladimir Putin met "
                        "Chinese President Xi Jinping in Moscow on Saturday to discuss trade."),
    "visit-january.txt": ("2025-01-16", "Russian Prime Minister Mikhail Mishustin visited Beijing on "
                          "Wednesday and met Chinese Premier Li Qiang.\n\nThe two governments signed an "
                          "agreement on grain exports, officials said."),
}


def generated(i: int) -> str:
    a, b = PAIRS[i % len(PAIRS)]
    topic, day = TOPICS[(i // 6) % len(TOPICS)], DAYS[i % len(DAYS)]
    return (f"{a} and {b} signed an agreement on {topic} on {day}, officials in both capitals said.\n\n"
            f"The deal covers {topic} and {i + 3} joint projects worth {10 * (i + 1)} million dollars.\n\n"
            f"{a}'s foreign minister said the talks with {b} had been productive and would continue.\n")


def write_folder(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"article-{i:03d}.txt").write_text(generated(i))
    return folder


def real_coder():
    """The default coder: these tests run the whole pipeline, never a stub."""
    from comity.pipeline import default_coder

    return default_coder()


@pytest.fixture(scope="module")
def cli() -> typer.Typer:
    return comity_app


def invoke(app: typer.Typer, *args: str):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def snapshot(db: Path) -> dict:
    """Row counts of every table and the ids that must match between two stores."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = ["articles", "article_urls", "entities", "events", "dyads", "quotes", "speakers", "times",
                  "figures"]
        shot = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        shot["article_ids"] = con.execute("SELECT list(id ORDER BY id) FROM articles").fetchone()[0]
        shot["event_ids"] = con.execute("SELECT list(id ORDER BY id) FROM events").fetchone()[0]
        shot["urls"] = con.execute("SELECT list(article_id || url ORDER BY article_id, url) FROM article_urls"
                                   ).fetchone()[0]
        shot["quotes"] = con.execute("SELECT list(md5(article_id || content) ORDER BY article_id, seq) "
                                     "FROM quotes").fetchone()[0]
        return shot
    finally:
        con.close()


def kill_mid_way(command: list[str], commits: int) -> None:
    """Start ``command`` and kill it (SIGKILL) once it has said it stored ``commits`` articles."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    stored = 0
    for line in process.stdout:
        stored += line.startswith("coded ")
        if stored >= commits:
            break
    assert process.poll() is None, "the ingest ended before it could be killed: give it more articles"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    process.stdout.close()


def test_an_ingest_killed_mid_way_and_rerun_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    """With the test coder (always runs): a real process, killed with SIGKILL, rerun."""
    folder = write_folder(tmp_path / "news", 150)
    script = (f"import sys; sys.path.insert(0, {str(TESTS)!r}); from test_store import FakeCoder; "
              "from comity.corpus.corpus import Corpus; c = Corpus(sys.argv[2]); "
              "log = lambda kind, what: print(kind, what, flush=True); "
              "print(c.ingest([sys.argv[1]], coder=FakeCoder(delay=0.02), progress=log)); c.close()")
    whole, cut = tmp_path / "whole.duckdb", tmp_path / "cut.duckdb"
    subprocess.run([sys.executable, "-c", script, folder, whole], check=True, capture_output=True)
    kill_mid_way([sys.executable, "-c", script, str(folder), str(cut)], commits=10)
    partial = snapshot(cut)["articles"]
    rerun = subprocess.run([sys.executable, "-c", script, folder, cut], check=True, capture_output=True,
                           text=True)
    assert 0 < partial < 150
    assert f"{150 - partial} coded, {partial} skipped" in rerun.stdout.splitlines()[-1]
    assert snapshot(cut) == snapshot(whole)


def test_the_cli_ingest_killed_mid_way_and_rerun_matches_one_run(tmp_path: Path) -> None:
    real_coder()
    folder = write_folder(tmp_path / "news", 120)
    whole, cut = tmp_path / "whole.duckdb", tmp_path / "cut.duckdb"
    command = [sys.executable, "-m", "comity", "ingest", str(folder), "--batch-size", "2", "--log", "--db"]
    subprocess.run([*command, str(whole)], check=True, capture_output=True)
    kill_mid_way([*command, str(cut)], commits=10)
    partial = snapshot(cut)["articles"]
    rerun = subprocess.run([*command, str(cut)], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert 0 < partial < 120 and f"{partial} skipped as already stored" in rerun.stderr
    assert snapshot(cut) == snapshot(whole)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    site = write_folder(tmp_path / "site", 4)
    for path in site.glob("*.txt"):
        body = "".join(f"<p>{p}</p>" for p in path.read_text().split("\n\n"))
        path.with_suffix(".html").write_text(f"<html><head><title>{path.stem}</title></head><body>"
                                             f"<article>{body}</article></body></html>")

    class Quiet(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, directory=str(site), **kwargs)

        def log_message(self, *args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_ingest_a_folder_twice_and_a_url_list(cli: typer.Typer, tmp_path: Path, served: str) -> None:
    real_coder()
    folder = write_folder(tmp_path / "news", 5)
    (folder / "empty.txt").write_text("   \n")
    db = tmp_path / "c.duckdb"
    first = invoke(cli, "ingest", folder, "--db", db)
    counts = snapshot(db)
    second = invoke(cli, "ingest", folder, "--db", db)
    assert first.exit_code == 1 and "5 coded, 0 skipped" in first.output and "empty.txt" in first.output
    assert "0 coded, 5 skipped" in second.output
    assert snapshot(db) == counts
    listing = tmp_path / "urls.txt"
    urls = [f"{served}/article-{i:03d}.html" for i in range(4)] + [f"{served}/nowhere.html"]
    listing.write_text("\n".join(urls))
    third = invoke(cli, "ingest", "--from", listing, "--db", db)
    assert "0 coded, 4 skipped" in third.output and "HTTP 404" in third.output
    assert snapshot(db)["article_urls"] == counts["article_urls"] + 4
    assert "0 re-coded" in invoke(cli, "recode", "--db", db).output
    forced = invoke(cli, "recode", "--db", db, "--force")
    assert "5 re-coded" in forced.output and snapshot(db)["event_ids"] == counts["event_ids"]


def test_a_store_held_by_another_writer(cli: typer.Typer, tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", "import time; from comity.corpus.store import Store; "
                               f"s = Store({str(db)!r}); print('ready', flush=True); time.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        result = invoke(cli, "ties", "CHN", "RUS", "--db", db)
        assert result.exit_code == 2 and "E061" in result.output and "another process" in result.output
    finally:
        holder.kill()
        holder.wait()


def test_bad_databases_are_refused_clearly(cli: typer.Typer, tmp_path: Path) -> None:
    notes = tmp_path / "notes.duckdb"
    notes.write_text("not a database\n" * 300)
    result = invoke(cli, "events", "--db", notes)
    assert result.exit_code == 2 and "E060" in result.output and "not a DuckDB database" in result.output
    assert invoke(cli, "events", "--db", tmp_path / "none.duckdb").exit_code == 2
    assert notes.read_text().startswith("not a database")


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("filled") / "f.duckdb"
    from test_store import art

    with Corpus(db) as corpus:
        corpus.ingest_items([art("China consulted Russia on 2025-05-08. Russia accused China in 2025-06.",
                                 "http://n.test/1"), art('China aided Russia in 2024. Li Wei said "Fine."')],
                            coder=FakeCoder())
    return db


@pytest.mark.parametrize(("args", "shown"), [
    (["ties", "CHN", "RUS"], ["2025-05", "2025-06", "2024", "▁"]),
    (["ties", "CHN", "RUS", "--by", "day"], ["2025-05-08", "2025-06"]),
    (["ties", "CHN", "RUS", "--evidence"], ["China consulted Russia on 2025-05-08.", "http://n.test/1"]),
    (["ties", "CHN", "RUS", "--format", "csv"], ["period,precision,start,end,ab_verbal_cooperation"]),
    (["events", "--actor", "RUS"], ["ACCUSE", "Russia accused China in 2025-06."]),
    (["quotes", "--speaker", "Li"], ["Li Wei", "Fine."]),
    (["network"], ["CHN", "RUS"]),
    (["export", "--format", "csv"], ["actor_code,actor_sector"]),
])
def test_query_commands(cli: typer.Typer, filled: Path, args: list[str], shown: list[str]) -> None:
    result = invoke(cli, *args, "--db", filled)
    assert result.exit_code == 0, result.output
    for text in shown:
        assert text in result.output


def test_ties_plot(cli: typer.Typer, filled: Path, tmp_path: Path) -> None:
    chart = tmp_path / "ties.png"
    assert invoke(cli, "ties", "CHN", "RUS", "--db", filled, "--plot", chart).exit_code == 0
    assert chart.read_bytes()[:4] == b"\x89PNG"


def test_ties_on_the_example_and_articles_written_for_it(cli: typer.Typer, tmp_path: Path,
                                                        shared: Path) -> None:
    coder = real_coder()
    folder = tmp_path / "news"
    folder.mkdir()
    items = []
    from comity.io.read import read_path
    from comity.text.normalize import as_date

    example = shared / "examples" / "xi-moscow-parade.txt"
    items += list(read_path(example, as_date("2025-05-07")))
    for name, (published, text) in CHINA_RUSSIA.items():
        (folder / name).write_text(text)
        items += list(read_path(folder / name, as_date(published)))
    db = tmp_path / "cr.duckdb"
    with Corpus(db) as corpus:
        summary = corpus.ingest_items(items, coder=coder)
        texts = " ".join(t for (t,) in corpus.con.execute("SELECT text FROM articles").fetchall())
    assert summary.coded == 4
    table = invoke(cli, "ties", "CHN", "RUS", "--db", db, "--format", "csv")
    periods = [line.split(",")[0] for line in table.output.splitlines()[1:] if line]
    assert len({p[:7] for p in periods}) >= 2, table.output
    proof = invoke(cli, "ties", "CHN", "RUS", "--db", db, "--evidence")
    sentences = [line.split("] ", 1)[1] for line in proof.output.splitlines() if "→" in line and "] " in line]
    assert sentences and all(" ".join(s.split()) in " ".join(texts.split()) for s in sentences)
