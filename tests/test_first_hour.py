"""A new user's first hour (issue "the first hour of a user", points 1, 6 and 8): the walk-through in
docs/first-hour.md runs, command by command, on a fresh clone with a folder of articles; the README
says how to get ``comity`` on the PATH and its Python example shows negation; ``make test`` gives the
reason of every skip and ``make bench`` names its corpus."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WALK = ROOT / "docs" / "first-hour.md"
README = (ROOT / "README.md").read_text(encoding="utf-8")

# Articles written for this test (not from any outlet), as JSON files with their publication dates.
NEWS = {
    "talks-march.json": ("2025-03-12", "Chinese Foreign Minister Wang Yi held talks with Russian Foreign "
                         "Minister Sergei Lavrov in Beijing on Tuesday, the two ministries said.\n\n"
                         "China and Russia agreed to expand their cooperation on energy and transport, "
                         "according to a joint statement released after the meeting."),
    "drills-july.json": ("2025-07-21", "China and Russia began joint naval exercises in the Sea of Japan on "
                         "Sunday, the Chinese defence ministry said.\n\nRussian President Vladimir Putin met "
                         "Chinese President Xi Jinping in Moscow on Saturday to discuss trade."),
    "visit-january.json": ("2025-01-16", "Russian Prime Minister Mikhail Mishustin visited Beijing on "
                           "Wednesday and met Chinese Premier Li Qiang.\n\nThe two governments signed an "
                           "agreement on grain exports, officials said."),
}


def walkthrough_commands() -> list[str]:
    """The commands of docs/first-hour.md, in order: the ``$ `` lines of its console blocks."""
    blocks = re.findall(r"```console\n(.*?)```", WALK.read_text(encoding="utf-8"), re.DOTALL)
    return [line[2:] for block in blocks for line in block.splitlines() if line.startswith("$ ")]


def fresh_clone(tmp_path: Path) -> Path:
    """A git clone of this repository, with the already-built venv linked in (``make run`` then finds
    it up to date instead of installing everything again)."""
    clone = tmp_path / "comity"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    (clone / ".venv").symlink_to(ROOT / ".venv")
    os.utime(ROOT / ".venv" / ".installed")  # newer than the clone's pyproject.toml: setup is a no-op
    return clone


def test_the_walkthrough_runs_on_a_fresh_clone(tmp_path: Path) -> None:
    commands = walkthrough_commands()
    assert commands[0] == "make run" and ". .venv/bin/activate" in commands
    assert any(c.startswith("comity ingest news/") for c in commands)
    assert any(c.startswith("comity ties ") and "--plot" in c for c in commands)
    clone = fresh_clone(tmp_path)
    news = clone / "news"
    news.mkdir()
    for name, (published, text) in NEWS.items():
        (news / name).write_text(json.dumps({"text": text, "published": published, "title": name}))
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": os.environ.get("HOME", str(tmp_path)),
           "LANG": "C.UTF-8", "COLUMNS": "80"}
    missing = subprocess.run(["bash", "-c", "comity --version"], cwd=clone, env=env, capture_output=True)
    assert missing.returncode == 127  # without the activation step, "command not found"
    script = "set -e\n" + "\n".join(f"echo '>>> {c}'\n{c}" for c in commands)
    done = subprocess.run(["bash", "-c", script], cwd=clone, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "comity 0" in done.stdout and "3 coded" in done.stderr
    chart = next(clone.glob("*.png"))
    assert chart.read_bytes()[:4] == b"\x89PNG"
    assert re.search(r"^2025-03 ", done.stdout, re.MULTILINE) and "2025-02" in done.stdout  # zero months too


def test_the_readme_says_how_to_put_comity_on_the_path() -> None:
    setup = README[README.index("## Set up"):README.index("## Commands")]
    assert setup.index("make run") < setup.index(". .venv/bin/activate") < setup.index("comity --version")
    assert "pipx install ." in setup and "docs/first-hour.md" in setup


def test_the_readme_example_prints_a_negated_event_as_not() -> None:
    code = re.search(r"```python\n(.*?)```", README, re.DOTALL).group(1)
    printed = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    lines = printed.getvalue().splitlines()
    assert any(line.startswith("not SUPPORT ") for line in lines)
    assert any(line.startswith("SANCTION ") and "'future'" in line for line in lines)


def test_make_test_gives_the_reason_of_every_skip() -> None:
    dry = subprocess.run(["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert re.search(r"pytest -rs\b", dry.stdout)
    from conftest import SHARED

    if not SHARED.is_dir():  # where ../shared is absent, the skip names it
        gate = str(ROOT / "tests" / "test_gate.py")
        skipped = subprocess.run([sys.executable, "-m", "pytest", "-rs", "-q", gate],
                                 cwd=ROOT, capture_output=True, text=True)
        assert "../shared is absent" in skipped.stdout


def test_make_bench_says_which_corpus_it_uses() -> None:
    said = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "throughput.py"), "--which"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout
    assert said.startswith("corpus: ")
    assert "PolNeAR, from" in said or "generated from examples/ (" in said
    makefile = (ROOT / "Makefile").read_text()
    assert "benchmarks/throughput.py" in makefile and "says which corpus" in makefile
