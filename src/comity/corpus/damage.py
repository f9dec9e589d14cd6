"""A damaged store: recognised, reported with what to do (E064), and never written to.

DuckDB finds damage (a truncated file, a block whose checksum does not match)
when it reads the damaged block: at open for the file's header and catalogue,
later for a table's data. :func:`verify` reads every table once before a store
is written, so an ingest into a damaged store stops before its first write;
:func:`damaged` turns DuckDB's error, wherever it surfaces, into one numbered
error that names the file and the remedy.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from comity.errors import StoreError

_SIGNS = ("corrupt database file", "could not read enough bytes", "checksum", "has been invalidated",
          "serialization error", "failed to read", "invalid block", "truncated")


def is_damage(err: BaseException) -> bool:
    """True when ``err`` is DuckDB reporting a damaged database file."""
    if not isinstance(err, duckdb.Error):
        return False
    message = str(err).lower()
    return any(sign in message for sign in _SIGNS) or isinstance(err, duckdb.SerializationException)


def damaged(path: str | Path, err: BaseException) -> StoreError:
    reason = " ".join(str(err).split())[:160]
    return StoreError("E064", f"{path}: the store is damaged ({reason}); nothing was written to it. "
                      "Restore it from a backup, or give a new --db and ingest the articles again")


def verify(con: duckdb.DuckDBPyConnection, path: str | Path) -> None:
    """Read every row of every table once (checksums are checked as blocks are read); E064 if damaged."""
    try:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'").fetchall()]
        for table in tables:
            con.execute(f'SELECT count(*), min(hash(t)) FROM "{table}" AS t').fetchall()
    except duckdb.Error as err:
        if is_damage(err):
            raise damaged(path, err) from err
        raise
