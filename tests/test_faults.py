"""Fault injection: damaged stores, odd input bytes and ordinary command-line mistakes each give one
numbered line and the right exit code, never a traceback, and the other articles of the run are kept."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from comity.cli import app
from comity.errors import InputError
from comity.io.read import read_inputs
from comity.records import Article

STORY = ("Brazil and Argentina signed a trade agreement in Brasilia on Monday, officials said. "
         "“This opens a new chapter,” said Ana Souza, an economist at a research institute in Sao Paulo.")
OTHER = ("Chile and Peru held talks in Lima on Tuesday about their shared border and a new rail link, "
         "the two foreign ministries said in a joint statement.")
runner = CliRunner()
BLOCK = 262_144  # DuckDB's block size; the file starts with three 4 KiB headers


def errors_of(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if "[E" in line]


def one_line_error(result, code: str, exit_code: int = 2) -> str:
    """The single error line of a run that ended with ``exit_code``; no traceback."""
    assert result.exit_code == exit_code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    lines = errors_of(result)
    assert len(lines) == 1 and f"[{code}]" in lines[0], result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("faults")
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    db = folder / "store.duckdb"
    result = runner.invoke(app, ["ingest", str(folder / "a.txt"), "--db", str(db),
                                 "--published", "2025-05-05"])
    assert result.exit_code == 0, result.output
    return db


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage(source: Path, target: Path, how: str) -> Path:
    shutil.copy(source, target)
    size = target.stat().st_size
    with target.open("r+b") as f:
        if how == "truncated":
            f.truncate(size // 3)
        else:  # a garbled block: the checksum at the head of every block no longer matches
            for start in range(3 * 4096, size, BLOCK):
                f.seek(start)
                f.write(b"\x5a" * 64)
    return target


# -- a damaged store ---------------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["truncated", "garbled"])
def test_a_damaged_store_is_reported_and_never_written(store: Path, tmp_path: Path, how: str) -> None:
    db = damage(store, tmp_path / "bad.duckdb", how)
    before = digest(db)
    line = one_line_error(runner.invoke(app, ["events", "--db", str(db)]), "E064")
    assert str(db) in line and "damaged" in line and "Restore it from a backup" in line
    (tmp_path / "new.txt").write_text(OTHER, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "new.txt"), "--db", str(db)])
    assert "E064" in one_line_error(result, "E064")
    assert digest(db) == before and not Path(f"{db}.wal").exists()


# -- input bytes ---------------------------------------------------------------------------------------

def test_one_bad_byte_rejects_its_jsonl_line_only(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "one", "text": STORY}).encode(), b'{"id": "two", "text": "caf\xe9 au lait"}',
             json.dumps({"id": "three", "text": OTHER}).encode()]
    path = tmp_path / "news.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_inputs([str(path)]))
    assert [i.id if isinstance(i, Article) else i.code for i in items] == ["one", "E023", "three"]
    assert f"{path}:2: not UTF-8" in items[1].message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.encode(encoding))  # Python writes the byte-order mark first
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article) and article.text == STORY


@pytest.mark.parametrize(("data", "kind"), [(b"%PDF-1.4\n" + bytes(300), "a PDF document"),
                                            (b"\x89PNG\r\n\x1a\n" + bytes(300), "a PNG image"),
                                            (bytes(range(32)) * 20, "binary data")])
def test_binary_files_are_named_for_what_they_are(tmp_path: Path, data: bytes, kind: str) -> None:
    path = tmp_path / "thing.txt"
    path.write_bytes(data)
    (error,) = read_inputs([str(path)])
    assert isinstance(error, InputError) and error.code == "E022" and f"{kind}, not text" in error.message


def test_a_nul_and_control_characters_are_blanked_not_refused(tmp_path: Path) -> None:
    (tmp_path / "nul.txt").write_bytes(STORY.replace("signed", "signed\x00\x07").encode())
    (tmp_path / "other.txt").write_text(OTHER, encoding="utf-8")
    result = runner.invoke(app, ["code", str(tmp_path / "nul.txt"), str(tmp_path / "other.txt"),
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["events"] and first["quotes"] and second["article"]["id"] == "other"
    import comity

    coded = comity.code(STORY.replace("signed", "signed\x00\x07"))
    assert coded.article.text == STORY.replace("signed", "signed  ")  # one space each: offsets kept


# -- ordinary command-line mistakes --------------------------------------------------------------------

@pytest.mark.parametrize(("plot", "code", "words"), [("/nonexistent/x.png", "E083", "does not exist"),
                                                    ("chart.xyz", "E082", "cannot draw a chart as '.xyz'")])
def test_ties_plot_to_a_bad_place(store: Path, tmp_path: Path, plot: str, code: str, words: str) -> None:
    target = plot if plot.startswith("/") else str(tmp_path / plot)
    result = runner.invoke(app, ["ties", "BRA", "ARG", "--db", str(store), "--plot", target])
    line = one_line_error(result, code)
    assert words in line and not Path(target).exists()


def test_code_out_dir_that_is_a_file_or_under_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    taken = tmp_path / "taken"
    taken.write_text("x", encoding="utf-8")
    for out_dir, words in ((taken, "is a file, not a folder"), (taken / "sub", "cannot create the folder")):
        result = runner.invoke(app, ["code", str(tmp_path / "a.txt"), "--out-dir", str(out_dir)])
        line = one_line_error(result, "E083")
        assert words in line


@pytest.mark.parametrize("command", ["events", "quotes", "network"])
def test_a_negative_limit(store: Path, command: str) -> None:
    line = one_line_error(runner.invoke(app, [command, "--db", str(store), "--limit", "-5"]), "E006")
    assert "--limit must be 0 or more" in line


def test_export_into_a_closed_pipe_ends_quietly(store: Path) -> None:
    comity = Path(sys.executable).with_name("comity")
    child = subprocess.Popen([str(comity), "export", "--db", str(store)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    child.stdout.close()  # the reader is gone before the first record is written (like `| head -0`)
    stderr = child.stderr.read().decode()
    assert child.wait(timeout=120) == 0
    assert "E081" not in stderr and "Traceback" not in stderr and "Exception ignored" not in stderr


def test_ingest_keeps_every_good_article_of_a_run_with_bad_ones(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("comity.pipeline.PART_CHARS", 400)  # small, so that the test is fast
    monkeypatch.setattr("comity.pipeline.MAX_CHARS", 2_000)
    long = "\n\n".join([STORY, OTHER] * 4)  # 400 < length < 2,000: coded in parts
    lines = [json.dumps({"id": "one", "text": STORY}).encode(), b'{"id": "two", "text": "caf\xe9"}',
             json.dumps({"id": "huge", "text": "\n\n".join([STORY] * 12)}).encode(),
             json.dumps({"id": "long", "text": long}).encode()]
    (tmp_path / "a.jsonl").write_bytes(b"\n".join(lines))
    (tmp_path / "b.txt").write_bytes(OTHER.encode("utf-16"))
    (tmp_path / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    (tmp_path / "d.txt").write_bytes(b"Peru and Bolivia\x00 signed a gas deal on Friday, "
                                     b"the two governments said in La Paz.")
    db = tmp_path / "store.duckdb"
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 1, result.output
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert [line.split()[1] for line in failed] == ["[E023]", "[E027]", "[E022]"], failed
    assert "a.jsonl:2: not UTF-8" in failed[0] and "the maximum is 2,000" in failed[1]
    assert "a PNG image, not text" in failed[2] and "Traceback" not in result.output
    assert "coding part 1 of" in result.stderr  # the progress line of the long article
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    texts = {row[0] for row in con.execute("SELECT text FROM articles").fetchall()}
    con.close()
    assert len(texts) == 4 and long in texts and OTHER in texts
