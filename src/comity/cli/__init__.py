"""The ``comity`` command line: a thin layer over the library (Typer + Rich).

:mod:`comity.cli._common` owns the app; each command module decorates it when
imported, so importing this package registers every command.
"""

from __future__ import annotations

from comity.cli import helptext  # noqa: F401  (plain value names in --help)
from comity.cli import code, evaluate, ingest, query, serve, spark  # noqa: F401  (each registers its commands)
from comity.cli._common import app

__all__ = ["app"]
