"""What a user sees while comity runs (issue "the first hour of a user", points 7, 9 and 10): progress
that is never silent, summary lines that count right, a recode that keeps the store's knowledge files,
and ``comity code`` reading JSON files and URLs and always writing JSON Lines."""

from __future__ import annotations

import io
import json
import re
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest
from rich.console import Console
from typer.testing import CliRunner

from comity.cli import app
from comity.cli.progress import rate_text

# Written for these tests (not from any outlet).
STORIES = {
    "a.json": ("2025-03-12", "Talks in Beijing", "Chinese Foreign Minister Wang Yi held talks with Russian "
               "Foreign Minister Sergei Lavrov in Beijing on Tuesday, the two ministries said."),
    "b.json": ("2025-07-21", "Drills", "China and Russia began joint naval exercises in the Sea of Japan on "
               "Sunday, the Chinese defence ministry said."),
    "c.json": ("2025-01-16", "Visit", "Russian Prime Minister Mikhail Mishustin visited Beijing on Wednesday "
               "and met Chinese Premier Li Qiang, officials said."),
}
RATE = re.compile(r"\((\d+\.\d articles/s|\d+\.\d s per article|no articles) coded\)")
ZERO_RATE = re.compile(r"(?<![\d.])0\.0 articles/s")


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, (published, title, text) in STORIES.items():
        (folder / name).write_text(json.dumps({"text": text, "published": published, "title": title}))
    return folder


def test_ingest_and_code_show_progress_when_not_a_terminal(news: Path, tmp_path: Path) -> None:
    ingest = invoke("ingest", news, "--db", tmp_path / "n.duckdb")
    assert ingest.exit_code == 0 and re.search(r"^ingest: \d/3 .*elapsed", ingest.stderr, re.MULTILINE)
    code = invoke("code", news / "a.json", news / "b.json", "--format", "json")
    assert code.exit_code == 0 and re.search(r"^coding: 1/2 · .* elapsed, about .* left", code.stderr,
                                             re.MULTILINE)


def test_on_a_terminal_the_bar_has_the_total_and_the_time_left(news: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    screen = io.StringIO()
    monkeypatch.setattr("comity.cli.ingest.err", Console(file=screen, force_terminal=True, width=150))
    assert invoke("ingest", news, "--db", tmp_path / "t.duckdb").exit_code == 0
    drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    assert re.search(r"[0-3]/3", drawn) and "left" in drawn


def test_summaries_count_copies_urls_and_never_say_zero_per_second(news: Path, tmp_path: Path) -> None:
    for copy in ("a-copy.json", "a-again.json"):
        (news / copy).write_text((news / "a.json").read_text())
    db = tmp_path / "c.duckdb"
    first = invoke("ingest", news, "--db", db)
    assert "3 coded, 2 skipped as already stored; 2 new URL(s) of them recorded, 0 failed" in first.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM article_urls").fetchone()[0] == 5
    con.close()
    again = invoke("ingest", news, "--db", db)
    assert "0 coded, 5 skipped as already stored; 0 new URL(s) of them recorded" in again.stderr
    for result in (first, again):
        assert not ZERO_RATE.search(result.stderr) and RATE.search(result.stderr), result.stderr
    assert rate_text(2, 130.0) == "65.0 s per article" and rate_text(0, 3.0) == "no articles"


def test_recode_keeps_the_knowledge_files_the_store_was_coded_with(news: Path, tmp_path: Path) -> None:
    mine = tmp_path / "my-actors.json"
    mine.write_text(json.dumps({"orgs": [{"name": "Arctic Council", "code": "IGO", "sector": None,
                                          "aliases": []}]}))
    db = tmp_path / "k.duckdb"
    assert invoke("ingest", news, "--db", db, "--actors", mine).exit_code == 0
    kept = invoke("recode", "--db", db)
    assert kept.exit_code == 0, kept.output
    assert f"knowledge files this store was coded with: --actors {mine.resolve()}" in kept.stderr
    assert "0 re-coded, 3 already coded by this coder" in kept.stderr and "skipped" not in kept.stderr
    dropped = invoke("recode", "--db", db, "--bundled-only")
    assert "3 re-coded, 0 already coded by this coder" in dropped.stderr
    warned = invoke("ingest", news, "--db", db, "--actors", mine)
    assert "this store was coded with the bundled files only" in " ".join(warned.stderr.split())


def test_recode_never_creates_a_store(tmp_path: Path) -> None:
    typo = tmp_path / "typo.duckdb"
    result = invoke("recode", "--db", typo)
    assert result.exit_code == 2 and "E062" in result.stderr and "no such database" in result.stderr
    assert not typo.exists()


def test_code_reads_json_files_and_always_writes_json_lines(news: Path) -> None:
    one = invoke("code", news / "a.json", "--format", "json")
    assert one.exit_code == 0
    lines = one.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["article"]["title"] == "Talks in Beijing" and record["article"]["published"] == "2025-03-12"
    assert '"text"' not in json.dumps(record["quotes"]) and record["events"]
    two = invoke("code", news / "a.json", news / "b.json", "--format", "json").stdout.splitlines()
    assert [json.loads(line)["article"]["title"] for line in two] == ["Talks in Beijing", "Drills"]


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    folder = tmp_path / "site"
    folder.mkdir()
    text = STORIES["b.json"][2]
    page = f"<html><head><title>Drills</title></head><body><article><p>{text}</p><p>{text}</p></article>"
    (folder / "drills.html").write_text(page + "</body></html>")
    handler = partial(SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_code_reads_a_url(site: str) -> None:
    result = invoke("code", f"{site}/drills.html", "--published", "2025-07-21", "--format", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["article"]["url"].endswith("/drills.html") and record["events"]


def test_code_help_names_values_plainly() -> None:
    shown = CliRunner().invoke(app, ["code", "--help"], prog_name="comity", env={"COLUMNS": "100"}).stdout
    assert "Usage: comity code [OPTIONS] INPUT..." in shown
    assert "<list[str]>" not in shown and "{inputs}" not in shown and "<list[Path]>" not in shown
    assert re.search(r"--actors\s+PATH", shown)
