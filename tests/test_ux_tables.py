"""What a user sees of a store: tables that fit 80 columns without splitting a word, explicit row
limits, complete time series, a chart on a true time axis, and aux / negated / ids in every export
(issue "the first hour of a user", points 2, 3, 5 and 6)."""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from comity.cli import app
from comity.corpus.corpus import Corpus
from test_store import FakeCoder, art

# Written for these tests (the test coder's language: "A verb B on DATE").
YEAR_AND_MONTHS = ["China aided Russia in 1985.", "Russia accused China in 2015.",
                   "China consulted Russia in 2016-07.", "China aided Russia in 2016.",
                   "China sanctioned Russia on 2016-03-04. Russia accused China on 2016-03-09.",
                   "China consulted Russia on 2016-01-12. Russia consulted China on 2016-01-13.",
                   "Russia supported China in 2016-09.", "Russia did not aid China on 2016-11-02.",
                   "China might sanction Russia on 2016-12-01. France accused NATO on 2016-12-02.",
                   'Russia threatened China on 2016-12-05. Li Wei said "The consultations on energy '
                   'security and transcontinental infrastructure were constructive."']
MANY = [f"China consulted Russia on 2025-05-{1 + i % 28:02d}. Note {i}." for i in range(61)]


def build(path: Path, texts: list[str]) -> Path:
    with Corpus(path) as corpus:
        corpus.ingest_items([art(t, f"http://news.test/{i}") for i, t in enumerate(texts)], coder=FakeCoder())
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("ux") / "s.duckdb", YEAR_AND_MONTHS)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("ux") / "m.duckdb", MANY)


def run(*args, columns: int | None = None):
    env = {"COLUMNS": str(columns)} if columns else {}
    result = CliRunner().invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def words_whole(words: list[str], output: str) -> list[str]:
    """The words not found whole in ``output`` (a word folded over two lines is not)."""
    tokens = set(output.split())
    return [w for w in words if w not in tokens]


@pytest.mark.parametrize("args", [["events"], ["quotes"], ["ties", "CHN", "RUS"],
                                  ["ties", "CHN", "RUS", "--by", "day"], ["network"]])
def test_query_tables_fit_80_columns_and_split_no_word(store: Path, args: list[str]) -> None:
    shown = run(*args, "--db", store, columns=80).stdout
    assert max(len(line) for line in shown.splitlines()) <= 80, shown
    with Corpus(store, read_only=True) as corpus:
        events = corpus.events()
        quotes = corpus.quotes()
    if args[0] == "events":
        words = [w for s in events["sentence"] for w in s.split()] + list(events["date"].dropna())
        words += [e for e in events["event"]] + list(events["actor_code"])
        assert "not" in shown.split() and "hypothetical" in shown.split()
    elif args[0] == "quotes":
        words = [w for c in quotes["content"] for w in c.split()] + ["Li", "Wei", "spokesperson"]
    elif args[0] == "ties":
        words = ["1985", "2015", "2016-07" if "--by" not in args else "2016-03-04", "A→B", "B→A", "V+", "M−"]
    else:
        words = ["CHN", "RUS", "FRA", "IGO", "V+", "M+", "V−", "M−"]
    assert not words_whole(words, shown), shown


def test_the_code_tables_of_the_demo_fit_80_columns(tmp_path: Path) -> None:
    demo = Path(__file__).resolve().parents[1] / "examples" / "japan-australia-defence-pact.txt"
    shown = run("code", demo, "--published", "2026-03-04", columns=80).stdout
    assert max(len(line) for line in shown.splitlines()) <= 80
    tokens = {t.strip("/") for t in shown.split()}
    for word in ("2026-03-03", "2026-03-01", "2026-03-04", "2026-W11", "SANCTION", "COOPERATE", "future",
                 "historical", "CHN·GOV", "Beijing", "Canberra"):
        assert word in tokens, word


def test_tables_show_50_rows_and_say_so_machine_formats_give_all(big: Path) -> None:
    # 61 reports of consultations on 28 days: --records lists every record
    table = run("events", "--db", big, "--records")
    assert "showing 50 of 61 event records (--limit N for more, --limit 0 for all)" in table.stderr
    shown = run("events", "--db", big, "--format", "csv", "--records").stdout
    rows = list(csv.DictReader(io.StringIO(shown)))
    assert len(rows) == 61
    lines = run("events", "--db", big, "--format", "json", "--records").stdout.splitlines()
    assert len(lines) == 61 and all(json.loads(line)["event"] == "CONSULT" for line in lines)
    assert "61 event records" in run("events", "--db", big, "--limit", "0", "--records").stdout
    cut = run("events", "--db", big, "--format", "json", "--limit", "10", "--records")
    assert len(cut.stdout.splitlines()) == 10 and "showing 10 of 61 event records" in cut.stderr
    assert "showing" not in run("quotes", "--db", big).stderr


def test_occasions_fold_the_reports_of_one_day_and_count_them(big: Path) -> None:
    lines = run("events", "--db", big, "--format", "json", "--limit", "0").stdout.splitlines()
    shown = [json.loads(line) for line in lines]
    assert len(shown) < 61 and sum(row["n_reports"] for row in shown) == 61
    assert all(row["n_articles"] == row["n_reports"] for row in shown)


def test_the_series_is_complete_with_zero_rows(store: Path) -> None:
    shown = run("ties", "CHN", "RUS", "--db", store, "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(shown)))
    periods = [r["period"] for r in rows]
    assert periods[:2] == ["1985", "2015"]
    months = [p for p in periods if len(p) == 7]
    assert months == [f"2016-{m:02d}" for m in range(1, 13)]
    february = rows[periods.index("2016-02")]
    assert february["events"] == "0" and february["ab_verbal_cooperation"] == "0"
    series = [json.loads(line) for line in run("ties", "CHN", "RUS", "--db", store, "--format", "json")
              .stdout.splitlines()]
    assert [s["period"] for s in series] == periods and series[periods.index("2016-04")]["events"] == 0
    assert "2016-10" in run("ties", "CHN", "RUS", "--db", store).stdout


def test_the_chart_has_a_true_time_axis(store: Path, tmp_path: Path) -> None:
    import matplotlib.dates as mdates

    from comity.cli.plot import ties_figure

    with Corpus(store, read_only=True) as corpus:
        frame = corpus.ties("CHN", "RUS", by="month")
    fig = ties_figure(frame, "CHN", "RUS")
    top, bottom = fig.axes
    bars = [(mdates.num2date(p.get_x()).replace(tzinfo=None), p.get_width()) for p in top.patches
            if p.get_height() != 0]
    starts = {start.date().isoformat(): width for start, width in bars}
    year_1985, year_2015 = starts["1985-01-01"], starts["2015-01-01"]
    assert 364 <= year_1985 <= 366 and 364 <= year_2015 <= 366  # a year-dated event spans its year
    july = [s for s in starts if s.startswith("2016-07")]
    assert july and 20 <= starts[july[0]] <= 31  # a month's bar lies within its month
    x = {k: mdates.date2num(datetime.fromisoformat(k)) for k in ("1985-01-01", "2015-01-01", july[0])}
    assert (x["2015-01-01"] - x["1985-01-01"]) > 15 * (x[july[0]] - x["2015-01-01"])  # spaced as in time
    line = next(ln for ln in bottom.lines if ln.get_label() == "mean scale").get_ydata()
    assert any(math.isnan(v) for v in line)  # broken where a month has no event
    fig.canvas.draw()
    legend = fig.legends[0].get_window_extent()
    for axis in (top, bottom):
        assert not legend.overlaps(axis.get_window_extent())
    chart = tmp_path / "ties.png"
    run("ties", "CHN", "RUS", "--db", store, "--plot", chart)
    assert chart.read_bytes()[:4] == b"\x89PNG"


def test_events_and_exports_carry_aux_negated_and_ids(store: Path, tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", store, "--format", "csv").stdout)))
    assert {"event_id", "article_id", "aux", "negated"} <= set(rows[0])
    assert any(r["aux"] == "hypothetical" for r in rows) and any(r["negated"] == "True" for r in rows)
    exported = list(csv.DictReader(io.StringIO(run("export", "--db", store, "--format", "csv").stdout)))
    assert "aux" in exported[0] and any(r["aux"] == "hypothetical" for r in exported)
    import pandas as pd

    run("export", "--db", store, "--format", "parquet", "-o", tmp_path / "e.parquet")
    frame = pd.read_parquet(tmp_path / "e.parquet")
    assert any(list(a) == ["hypothetical"] for a in frame["aux"])
    table = run("events", "--db", store, "--type", "AID").stdout
    assert "not AID" in table and "aux" in table
