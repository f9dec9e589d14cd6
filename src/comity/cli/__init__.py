"""The ``comity`` command line: a thin layer over the library (Typer + Rich).

:mod:`comity.cli._common` owns the app; each command module decorates it when
imported, so importing this package registers every command.
"""

from __future__ import annotations

# each registers its commands; helptext makes --help print plain value names
from comity.cli import code, evaluate, helptext, ingest, query, serve, spark, train  # noqa: F401
from comity.cli._common import app

__all__ = ["app"]
