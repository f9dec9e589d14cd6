"""The README documents every command and every option, and its Python example runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from comity.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMAND = typer.main.get_command(app)
COMMANDS = COMMAND.commands  # the group's subcommands by name


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_in_the_readme(name: str) -> None:
    assert f"comity {name}" in README


@pytest.mark.parametrize(
    ("name", "option"),
    [(name, opt) for name, cmd in sorted(COMMANDS.items()) for param in cmd.params
     if param.param_type_name == "option" for opt in param.opts if opt.startswith("--") and opt != "--help"],
)
def test_every_option_is_in_the_readme(name: str, option: str) -> None:
    assert option in README, f"comity {name} {option} is not documented in README.md"


def test_the_python_example_runs() -> None:
    block = re.search(r"```python\n(.*?)```", README, re.DOTALL)
    assert block is not None
    code = block.group(1)
    assert len(code.strip().splitlines()) <= 6
    namespace: dict = {}
    import os

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(compile(code, "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    assert namespace["coded"].events and namespace["coded"].quotes
