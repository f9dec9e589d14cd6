"""The documentation: docs/cli.md documents every command and every option, the README stays short
and its links into docs/ resolve, and the README's Python example runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from comity.cli import app

ROOT = Path(__file__).resolve().parents[1]
README_PATH = ROOT / "README.md"
README = README_PATH.read_text(encoding="utf-8")
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
COMMAND = typer.main.get_command(app)
COMMANDS = COMMAND.commands  # the group's subcommands by name
README_MAX_BYTES = 8192


def cli_section(name: str) -> str:
    """The part of docs/cli.md under the heading ``## comity NAME``, up to the next ``##`` heading."""
    match = re.search(rf"^## comity {re.escape(name)}\n(.*?)(?=^## |\Z)", CLI_DOC, re.DOTALL | re.MULTILINE)
    return match.group(1) if match else ""


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_in_the_cli_doc(name: str) -> None:
    assert cli_section(name), f"docs/cli.md has no '## comity {name}' section"


@pytest.mark.parametrize(
    ("name", "option"),
    [(name, opt) for name, cmd in sorted(COMMANDS.items()) for param in cmd.params
     if param.param_type_name == "option" for opt in param.opts if opt.startswith("--") and opt != "--help"],
)
def test_every_option_is_in_the_cli_doc(name: str, option: str) -> None:
    assert re.search(rf"`{re.escape(option)}[ `]", cli_section(name)), (
        f"comity {name} {option} is not documented in its section of docs/cli.md")


def test_the_group_options_are_in_the_cli_doc() -> None:
    for param in COMMAND.params:
        for option in param.opts:
            if option.startswith("--") and option != "--help":
                assert f"`comity {option}`" in CLI_DOC


def test_the_readme_is_short() -> None:
    size = len(README_PATH.read_bytes())
    assert size <= README_MAX_BYTES, f"README.md is {size} bytes; the reference belongs in docs/"


def test_every_docs_link_in_the_readme_exists() -> None:
    links = re.findall(r"\]\((docs/[^)#\s]+\.md)(?:#[^)]*)?\)", README)
    assert links, "README.md links to no page in docs/"
    missing = [link for link in links if not (ROOT / link).is_file()]
    assert not missing, f"README.md links to missing pages: {missing}"


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
