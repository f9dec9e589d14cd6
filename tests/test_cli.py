"""The command line, end to end, through Typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from comity.cli import app

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "japan-australia-defence-pact.txt"
STORY = ("Brazil and Argentina signed a trade agreement in Brasilia on Monday, officials said. "
         "“This opens a new chapter,” said Ana Souza, an economist at a research institute in Sao Paulo.")
runner = CliRunner()


def test_code_json_has_every_section() -> None:
    result = runner.invoke(app, ["code", str(DEMO), "--published", "2026-03-04", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"article", "speakers", "quotes", "events", "times", "figures"}
    assert data["quotes"] and data["events"] and data["times"] and data["figures"]
    assert data["article"]["published"] == "2026-03-04"


def test_code_table_shows_each_section() -> None:
    result = runner.invoke(app, ["code", str(DEMO), "--published", "2026-03-04"])
    assert result.exit_code == 0, result.output
    for title in ("Events", "Quotes", "Speakers", "Times", "Figures"):
        assert title in result.stdout


def test_code_stdin() -> None:
    result = runner.invoke(app, ["code", "-", "--published", "2026-03-02", "--format", "json"], input=STORY)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["article"]["id"] == "stdin"


def test_out_dir_writes_one_file_per_article_and_reports_failures(tmp_path: Path) -> None:
    good = tmp_path / "good story.txt"
    good.write_text(STORY, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "wire/1", "text": STORY, "published": "2026-03-02"}) + "\nnot json\n",
                    encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["code", str(good), str(empty), str(tmp_path / "missing.txt"), str(feed),
                                 "--published", "2026-03-02", "--out-dir", str(out)])
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["good_story.json", "wire_1.json"]
    assert "empty.txt" in result.stderr and "missing.txt" in result.stderr and "feed.jsonl:2" in result.stderr
    assert "3 input(s) failed; 2 coded." in result.stderr


def test_missing_date_warns(tmp_path: Path) -> None:
    result = runner.invoke(app, ["code", "-", "--format", "json"], input=STORY)
    assert result.exit_code == 0
    assert "no publication date" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [(["code", "-", "--format", "xml"], "--format must be"),
     (["code", "-", "--published", "last week"], "--published"),
     (["code", "-", "--model", "no_such_model_xx"], "E010"),
     (["eval", "/nonexistent/gold"], "no such file")],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, args, input=STORY)
    assert result.exit_code == 2
    assert message in result.stderr


def test_eval_on_the_demo_prints_the_figures(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(ROOT / "examples"), "--out-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "quote_f1=" in result.stdout and "event_f1=" in result.stdout
    assert (tmp_path / "japan-australia-defence-pact.json").is_file()
    assert not list((ROOT / "examples").glob("*.json.tmp"))


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("comity ")


def test_non_english_file_is_reported_by_its_path(tmp_path: Path) -> None:
    german = tmp_path / "bericht.txt"
    german.write_text("Der Außenminister sagte am Dienstag in Berlin, dass die Regierung die Gespräche mit "
                      "Warschau fortsetzen werde, obwohl die Opposition dagegen ist.", encoding="utf-8")
    result = runner.invoke(app, ["code", str(german), "--published", "2026-03-02"])
    assert result.exit_code == 1
    assert f"error: [E030] {german}: text is in language 'de'" in result.stderr


SCENARIO = "If Chile were to invade Peru, Brazil would send troops.\n"


def _coded_events(text: str, *extra: str) -> list[dict]:
    """The events ``comity code --format json`` outputs for ``text`` on stdin."""
    result = runner.invoke(app, ["code", "-", "--published", "2026-03-02", "--format", "json", *extra],
                           input=text)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.splitlines()[0])["events"]


@pytest.mark.parametrize(("extra", "kept"), [([], False), (["--include-hypothetical"], True)])
def test_hypothetical_events_are_output_only_when_asked(extra: list[str], kept: bool) -> None:
    events = _coded_events(SCENARIO, *extra)
    assert any("hypothetical" in e["aux"] for e in events) is kept
    assert any(e["event"] == "THREATEN" and "hypothetical" not in e["aux"] for e in events)  # always out


# one side threatening or accusing no side the text names (a refusal may stand alone)
LONE = "Chile threatened to retaliate. Bolivia condemned the decision. Peru rejected the plan.\n"


@pytest.mark.parametrize(("extra", "kept"), [([], False), (["--include-lone"], True)])
def test_unaimed_acts_are_output_only_when_asked(extra: list[str], kept: bool) -> None:
    events = {(e["event"], tuple(m["code"] for m in e["actor"]), tuple(m["code"] for m in e["recipient"]))
              for e in _coded_events(LONE, *extra)}
    assert (("THREATEN", ("CHL",), ()) in events) is kept
    assert (("ACCUSE", ("BOL",), ()) in events) is kept
    assert ("REJECT", ("PER",), ()) in events


def test_a_users_counterpart_types_count_in_the_output(tmp_path: Path) -> None:
    extra = tmp_path / "events.json"
    extra.write_text(json.dumps({"counterpart_types": ["REJECT"]}), encoding="utf-8")
    assert "REJECT" not in [e["event"] for e in _coded_events(LONE, "--events", str(extra))]
