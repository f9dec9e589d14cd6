"""A store can be queried and browsed while an ingest writes to it (issue "the first hour of a user",
point 4): the ingest holds the file only to write a group, so the query commands and the web explorer
see every committed group; the ingest itself still ends complete."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from comity.cli import app

TESTS = Path(__file__).resolve().parent
ARTICLES = 120


def write_news(folder: Path) -> Path:
    """Articles in the test coder's language, one event each (written for this test)."""
    folder.mkdir()
    for i in range(ARTICLES):
        day = 1 + i % 28
        (folder / f"a{i:03d}.txt").write_text(f"China consulted Russia on 2025-05-{day:02d}. Item {i}.\n")
    return folder


def start_ingest(folder: Path, db: Path) -> subprocess.Popen:
    script = (f"import sys; sys.path.insert(0, {str(TESTS)!r}); from test_store import FakeCoder; "
              "from comity.corpus.corpus import Corpus; c = Corpus(sys.argv[2], commit_every=8); "
              "log = lambda kind, what: print(kind, what, flush=True); "
              "print(c.ingest([sys.argv[1]], coder=FakeCoder(delay=0.05), progress=log)); c.close()")
    return subprocess.Popen([sys.executable, "-c", script, str(folder), str(db)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def stored(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def test_queries_and_the_web_explorer_read_a_store_while_it_is_being_filled(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from comity.web.app import create_app

    db = tmp_path / "live.duckdb"
    ingest = start_ingest(write_news(tmp_path / "news"), db)
    try:
        assert ingest.stdout is not None
        committed = 0
        for line in ingest.stdout:
            committed += line.startswith("coded ")
            if committed >= 16:
                break
        # every article reports one consultation in the same words: --records counts each record
        result = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "csv", "--records"])
        assert result.exit_code == 0, result.output
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert 16 <= len(rows) < ARTICLES and {r["event"] for r in rows} == {"CONSULT"}
        ties = CliRunner().invoke(app, ["ties", "CHN", "RUS", "--db", str(db), "--format", "json"])
        assert ties.exit_code == 0 and "2025-05" in ties.stdout
        with TestClient(create_app(db)) as client:
            first = client.get("/api/network?records=true").json()["edges"]
            assert first and first[0]["events"] >= 16
        assert ingest.poll() is None, "the ingest ended before the store was read: give it more articles"
        out, errors = ingest.communicate(timeout=120)
    finally:
        if ingest.poll() is None:
            ingest.kill()
            ingest.wait()
    assert ingest.returncode == 0, errors
    assert f"{ARTICLES} coded, 0 skipped" in out.splitlines()[-1]
    assert stored(db) == ARTICLES
