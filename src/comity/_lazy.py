"""Lazy re-exports for package ``__init__`` modules.

A package lists its public names and the module each lives in; the module is
imported on first use of the name, so ``import comity`` (or any subpackage)
stays cheap and importing one submodule never drags in its siblings.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def exports(package: str, table: dict[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``: ``table`` maps each public name to its module,
    given relative to the package (``"pipeline"``) or absolute (``"comity.pipeline"``)."""

    def __getattr__(name: str) -> Any:
        where = table.get(name)
        if where is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module = import_module(where if where.startswith("comity.") else f"{package}.{where}")
        return getattr(module, name)

    def __dir__() -> list[str]:
        return sorted(table)

    return __getattr__, __dir__
