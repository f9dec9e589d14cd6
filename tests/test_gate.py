"""Evaluation gates: scores on the demo, the project's own test articles (tests/data/events,
tests/data/heldout*), the shared example, the real-news dev set, PolNeAR dev, the PLOVER GSR and GUM
news coreference must not drop below the floors in tests/floors.json (measured minus 0.02). Later work
may raise floors, never lower them without saying why in the commit. A parity test checks comity's
scorer against the shared one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from comity.evaluation.coref import evaluate_coref
from comity.evaluation.evaluate import evaluate
from comity.evaluation.gsr import evaluate_gsr, summary
from comity.pipeline import Coder

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "tests" / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


OWN = {"demo": ROOT / "examples", "own-events": ROOT / "tests" / "data" / "events",
       "heldout": ROOT / "tests" / "data" / "heldout", "heldout2": ROOT / "tests" / "data" / "heldout2"}


def gold_path(name: str, shared: Path | None) -> Path:
    if name in OWN:
        return OWN[name]
    assert shared is not None
    return {"example": shared / "examples", "polnear-dev": shared / "data" / "polnear" / "gold-dev",
            "news-dev": shared / "data" / "news" / "dev", "gum-coref": shared / "data" / "gum-news",
            "plover-gsr": shared / "data" / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"}[name]


@pytest.fixture(scope="module")
def results() -> dict:
    """Summaries by data set name, computed once per test module."""
    return {}


def summary_for(name: str, coder: Coder, results: dict, request: pytest.FixtureRequest, tmp: Path) -> dict:
    if name not in results:
        shared = None if name in OWN else request.getfixturevalue("shared")
        if name == "plover-gsr":
            results[name] = summary(evaluate_gsr(coder, gold_path(name, shared)))
        elif name == "gum-coref":
            results[name] = evaluate_coref(coder, gold_path(name, shared)).summary()
        else:
            figures, _, errors = evaluate(coder, gold_path(name, shared), tmp / name)
            assert not errors, errors
            results[name] = figures
    return results[name]


@pytest.mark.eval
@pytest.mark.parametrize(("name", "metric"), [(n, m) for n, floors in FLOORS.items()
                                              if not n.startswith("_") for m in floors])
def test_floor(name: str, metric: str, coder: Coder, results: dict, request: pytest.FixtureRequest,
               tmp_path_factory: pytest.TempPathFactory) -> None:
    summary = summary_for(name, coder, results, request, tmp_path_factory.getbasetemp())
    floor = FLOORS[name][metric]
    assert summary[metric] >= floor, f"{name}: {metric} {summary[metric]} fell below its floor {floor}"


@pytest.mark.eval
def test_comity_eval_agrees_with_the_shared_scorer(shared: Path, tmp_path: Path) -> None:
    """`comity eval` and ../shared/tools/score.py on the same predictions give identical figures."""
    gold = shared / "examples"
    comity = Path(sys.executable).parent / "comity"
    ours = subprocess.run([str(comity), "eval", str(gold), "--out-dir", str(tmp_path), "--json"],
                          capture_output=True, text=True, check=True)
    theirs = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), str(gold), str(tmp_path),
                             "--json"], capture_output=True, text=True, check=True)
    last = [json.loads(run.stdout.strip().splitlines()[-1]) for run in (ours, theirs)]
    assert last[0] == last[1]
