"""The layer rule of docs/architecture.md, checked by tools/layers.py (also run by ``make lint``)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("comity_layers", ROOT / "tools" / "layers.py")
layers = importlib.util.module_from_spec(_spec)
sys.modules["comity_layers"] = layers
_spec.loader.exec_module(layers)


def test_comity_keeps_its_layers() -> None:
    assert layers.check(ROOT / "src" / "comity") == []


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "comity"
    for name, body in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    for folder in {p.parent for p in root.rglob("*.py")}:
        (folder / "__init__.py").touch()
    return root


BELOW = "may import only from layers below"
GOOD = {
    "records.py": "",
    "errors.py": "",
    "text/document.py": "from comity.records import Article\n",
    "events/roles.py": "from comity.text.document import Parsed\n",
    "events/merge.py": "from comity.events.roles import collect\n",
}


def test_a_tree_that_imports_downwards_passes(tmp_path: Path) -> None:
    assert layers.check(_tree(tmp_path, GOOD)) == []


@pytest.mark.parametrize(
    ("module", "body", "expected"),
    [
        # a lower layer importing a higher one, at the top of the module
        ("text/structure.py", "from comity.events.roles import collect\n", BELOW),
        # the same inside a function
        ("text/structure.py", "def f():\n    from comity.events import roles\n", BELOW),
        # the same under TYPE_CHECKING
        ("text/structure.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
         "    from comity.events.roles import MentionMap\n", BELOW),
        # two parts of one layer are independent
        ("actors/resolve.py", "from comity.times.extract import find_times\n", BELOW),
        # no module imports the package root
        ("events/size.py", "from comity import __version__\n", "package root"),
        # a part in no layer
        ("widgets/thing.py", "", "in no layer"),
    ],
)
def test_a_wrong_import_fails(tmp_path: Path, module: str, body: str, expected: str) -> None:
    errors = layers.check(_tree(tmp_path, {**GOOD, module: body}))
    assert any(expected in e for e in errors), errors


def test_a_cycle_inside_one_part_fails_even_through_a_function(tmp_path: Path) -> None:
    tree = {**GOOD, "events/roles.py": "def f():\n    from comity.events.merge import x\n"}
    errors = layers.check(_tree(tmp_path, tree))
    assert errors == ["import cycle: comity.events.merge ↔ comity.events.roles"]


def test_the_command_exits_non_zero_on_a_broken_tree(tmp_path: Path, capsys) -> None:
    root = _tree(tmp_path, {**GOOD, "text/structure.py": "import comity.events.roles\n"})
    assert layers.main([str(root)]) == 1
    assert "comity.text.structure imports comity.events.roles" in capsys.readouterr().out
    assert layers.main([str(_tree(tmp_path / "ok", GOOD))]) == 0


def test_the_architecture_page_names_every_part_and_package() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    parts = {part for layer in layers.LAYERS for part in layer} - {"__main__"}
    packages = {p.name for p in (ROOT / "src" / "comity").iterdir() if (p / "__init__.py").is_file()}
    missing = sorted(name for name in parts | packages if name not in page)
    assert missing == [], f"docs/architecture.md does not mention {missing}"


def test_import_comity_loads_neither_spacy_nor_duckdb() -> None:
    import subprocess

    code = ("import sys, comity, comity.events, comity.corpus, comity.quotes; "
            "print(sorted(m for m in ('spacy', 'duckdb', 'pandas') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("package", ["comity", "comity.text", "comity.io", "comity.actors", "comity.times",
                                     "comity.quotes", "comity.events", "comity.corpus", "comity.evaluation",
                                     "comity.cli"])
def test_every_exported_name_resolves(package: str) -> None:
    import importlib

    module = importlib.import_module(package)
    assert module.__all__, f"{package} exports nothing"
    for name in module.__all__:
        assert getattr(module, name) is not None, f"{package}.{name}"
    with pytest.raises(AttributeError):
        module.no_such_name  # noqa: B018


def test_the_root_exports_what_the_architecture_promises() -> None:
    import comity

    promised = {"code", "Coder", "Config", "Corpus", "to_json", "ComityError", "__version__", "Article",
                "Coded", "Event", "Quote", "Speaker", "TimeRef", "Figure", "Entity", "Mention"}
    assert promised <= set(comity.__all__)
