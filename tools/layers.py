"""The layer check: which part of comity may import which (run by ``make lint``).

    python tools/layers.py [SRC_PACKAGE_DIR]      # default: src/comity

comity's parts stand in layers (``docs/architecture.md``). A part may import
only from parts in layers below its own, never from a part beside it or above
it; inside one part, modules import each other freely, but no module-level
cycle is allowed anywhere. Every import counts: at the top of a module, inside
a function, and under ``if TYPE_CHECKING:``. No module imports the package root
``comity`` (its ``__init__`` is the public facade over everything); the version
lives in ``comity._version``.

Exit status 0 when the tree keeps the rules, 1 with one line per broken rule.
Standard library only, so it runs before anything is installed.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

PACKAGE = "comity"
# Top to bottom. Parts on one line are independent of each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("__main__",),
    ("cli",),
    ("spark",),
    ("web",),
    ("corpus", "evaluation"),
    ("pipeline",),
    ("events",),
    ("quotes", "figures"),
    ("entities",),
    ("actors", "times"),
    ("io",),
    ("text",),
    ("config", "datafiles", "_lazy"),
    ("records", "errors", "_version"),
)


def module_names(root: Path) -> dict[str, Path]:
    """Every module under the package folder ``root``, by dotted name (packages by their own name)."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = [PACKAGE, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _resolve(node: ast.ImportFrom | ast.Import, here: str, is_package: bool,
             known: set[str]) -> Iterator[str]:
    """The package modules an import statement loads (a name imported from a module is that module)."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name == PACKAGE or alias.name.startswith(PACKAGE + "."):
                yield alias.name
        return
    base = node.module or ""
    if node.level:
        anchor = here.split(".") if is_package else here.split(".")[:-1]
        anchor = anchor[: len(anchor) - (node.level - 1)]
        base = ".".join([*anchor, base] if base else anchor)
    if base != PACKAGE and not base.startswith(PACKAGE + "."):
        return
    for alias in node.names:
        sub = f"{base}.{alias.name}"
        yield sub if sub in known else base


def imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module → the package modules it imports anywhere in its body."""
    known = set(modules)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        graph[name] = {target for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)
                       for target in _resolve(node, name, is_package, known) if target != name}
    return graph


def part_of(module: str) -> str:
    """The part a module belongs to: the first name under the package (``comity.events.roles`` → events)."""
    bits = module.split(".")
    return bits[1] if len(bits) > 1 else PACKAGE


def _layer(part: str) -> int | None:
    for depth, parts in enumerate(LAYERS):
        if part in parts:
            return depth
    return None


def layer_errors(graph: dict[str, set[str]]) -> list[str]:
    errors = []
    for module, targets in sorted(graph.items()):
        source = part_of(module)
        if source == PACKAGE:
            continue  # the root facade may re-export anything
        if _layer(source) is None:
            errors.append(f"{module}: part '{source}' is in no layer (add it to LAYERS and the docs)")
            continue
        for target in sorted(targets):
            part = part_of(target)
            if part == source:
                continue
            if part == PACKAGE:
                errors.append(f"{module} imports the package root '{PACKAGE}' (import from a module)")
            elif _layer(part) is None or _layer(part) <= _layer(source):
                errors.append(f"{module} imports {target}: '{source}' may import only from layers below it")
    return errors


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The module-level import cycles (strongly connected components with more than one module)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(start: str) -> None:  # iterative Tarjan, so deep graphs do not hit the recursion limit
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in graph:
                    continue
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def check(root: Path) -> list[str]:
    """Every broken rule in the package folder ``root``, one message each."""
    graph = imports(module_names(root))
    return layer_errors(graph) + [f"import cycle: {' ↔ '.join(c)}" for c in cycles(graph)]


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "src" / PACKAGE
    errors = check(root)
    for line in errors:
        print(line)
    if not errors:
        print(f"layers: {len(module_names(root))} modules keep the layers, no import cycle")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
