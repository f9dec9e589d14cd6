"""Bundled knowledge: loading the data files and hashing them for the coder version.

Every file in ``src/comity/data/`` is JSON with a top-level ``"about"`` key
that documents it (what it holds, its version, how to extend it). A user file
of the same shape, named in :class:`comity.config.Config`, is merged over the
bundled one: its lists are appended to the bundled lists, its tables (JSON
objects) add their entries to the bundled tables (an entry of the same name
replaces the bundled one), and any other key is set.

Stages that build a lexicon object receive their user files explicitly
(actors, events, cues, roles). The times and figures vocabularies are read
deep inside their stages, so the coder names their user files for the time of
one run with :func:`extended`, and :func:`cached_for` keeps one cache per set
of user files for everything derived from them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, wraps
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from comity.errors import DataError


def _data_dir() -> Path:
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
    return _read(_data_dir() / name)


@cache
def load(name: str, extra: tuple[Path, ...] = ()) -> dict[str, Any]:
    """A bundled data file with the user's files of the same shape merged in (parsed once per process)."""
    merged = {k: (list(v) if isinstance(v, list) else v) for k, v in bundled(name).items()}
    for path in extra:
        for key, value in _read(Path(path)).items():
            if key == "about":
                continue
            known = merged.get(key)
            if isinstance(value, list) and isinstance(known, list | type(None)):
                merged[key] = [*(known or []), *value]
            elif isinstance(value, dict) and isinstance(known, dict):
                merged[key] = {**known, **value}  # a table: the user's entries added, or put in place
            else:
                merged[key] = value
    return merged


@cache
def data_hash(extra: tuple[Path, ...] = ()) -> str:
    """A short hash of every bundled data file (and any user files)."""
    digest = hashlib.sha256()
    files = sorted(_data_dir().glob("*.json")) + sorted(Path(p) for p in extra)
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


Extensions = tuple[tuple[str, tuple[Path, ...]], ...]  # (data file name, user files) pairs
_EXTENSIONS: ContextVar[Extensions] = ContextVar("comity_extensions", default=())
T = TypeVar("T")


@contextmanager
def extended(files: Mapping[str, tuple[Path, ...]]) -> Iterator[None]:
    """Within the block, :func:`_extensions` of each data file name in ``files`` are its user files."""
    token = _EXTENSIONS.set(tuple(sorted((name, tuple(paths)) for name, paths in files.items() if paths)))
    try:
        yield
    finally:
        _EXTENSIONS.reset(token)


def _extensions(name: str) -> tuple[Path, ...]:
    """The user files extending the data file ``name`` in the running coder (none outside one)."""
    return next((paths for key, paths in _EXTENSIONS.get() if key == name), ())


def active(name: str) -> dict[str, Any]:
    """The data file ``name`` as the running coder extends it."""
    return load(name, _extensions(name))


def cached_for(*names: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Like ``functools.cache``, with one cache for each set of user files extending the data files
    ``names``: for what is derived from a vocabulary (compiled patterns, word sets)."""

    def wrap(function: Callable[..., T]) -> Callable[..., T]:
        @cache
        def keyed(_files: tuple, *args: Any) -> T:
            return function(*args)

        @wraps(function)
        def lookup(*args: Any) -> T:
            return keyed(tuple(_extensions(n) for n in names), *args)

        return lookup

    return wrap
