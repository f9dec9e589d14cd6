"""Bundled knowledge: loading the data files and hashing them for the coder version.

Every file in ``src/comity/data/`` is JSON with a top-level ``"about"`` key
that documents it (what it holds, its version, how to extend it). A user file
of the same shape, named in :class:`comity.config.Config`, is merged over the
bundled one: its list entries are appended.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from comity.errors import DataError


def data_dir() -> Path:
    return Path(str(resources.files("comity") / "data"))


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DataError("E040", f"cannot read data file {path}: {err}") from err
    if not isinstance(data, dict):
        raise DataError("E040", f"data file {path} must hold a JSON object")
    return data


@cache
def bundled(name: str) -> dict[str, Any]:
    """A bundled data file, parsed once per process."""
    return _read(data_dir() / name)


def load(name: str, extra: tuple[Path, ...] = ()) -> dict[str, Any]:
    """A bundled data file with the user's files of the same shape merged in."""
    merged = {k: (list(v) if isinstance(v, list) else v) for k, v in bundled(name).items()}
    for path in extra:
        for key, value in _read(Path(path)).items():
            if isinstance(value, list):
                merged.setdefault(key, [])
                merged[key] = [*merged[key], *value]
            elif key != "about":
                merged[key] = value
    return merged


@cache
def data_hash(extra: tuple[Path, ...] = ()) -> str:
    """A short hash of every bundled data file (and any user files)."""
    digest = hashlib.sha256()
    files = sorted(data_dir().glob("*.json")) + sorted(Path(p) for p in extra)
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
