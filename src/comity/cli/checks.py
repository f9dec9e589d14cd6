"""Checks of what a command is asked to write or show, made before any work is done, so that a
mistake gives one numbered line (exit 2) instead of a traceback after minutes of coding.

E006 an option value out of range; E082 a chart file type that cannot be drawn; E083 an output
file or folder that cannot be written.
"""

from __future__ import annotations

import os
from pathlib import Path

from comity.errors import UsageError


def at_least_zero(value: int | None, option: str) -> None:
    """E006 unless ``value`` is None or 0 or more."""
    if value is not None and value < 0:
        raise UsageError("E006", f"{option} must be 0 or more (0: all), not {value}")


def chart_types() -> set[str]:
    """The file types matplotlib can draw to (png, pdf, svg …)."""
    from matplotlib.backend_bases import FigureCanvasBase

    return set(FigureCanvasBase.get_supported_filetypes())


def writable_file(path: Path, what: str) -> None:
    """E083 unless a file can be created or replaced at ``path``."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise UsageError("E083", f"{path}: is a folder; give a file name for the {what}")
    if not folder.is_dir():
        raise UsageError("E083", f"{path}: cannot write the {what}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UsageError("E083", f"{path}: cannot write the {what}: permission denied")


def chart_path(path: Path) -> None:
    """E082 for a file type matplotlib cannot draw; E083 for a place that cannot be written."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix and suffix not in (types := chart_types()):
        raise UsageError("E082", f"{path}: cannot draw a chart as '.{suffix}' (use one of "
                         f"{', '.join(sorted(types))})")
    writable_file(path, "chart")


def output_folder(path: Path) -> None:
    """Create the folder ``path`` if needed; E083 when it is a file or cannot be created or written."""
    if path.exists() and not path.is_dir():
        raise UsageError("E083", f"{path}: is a file, not a folder; give a folder for --out-dir")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError("E083", f"{path}: cannot create the folder ({error.strerror or error})") from error
    if not os.access(path, os.W_OK):
        raise UsageError("E083", f"{path}: cannot write in the folder: permission denied")
