"""The embedded store: one DuckDB file holding articles and every record coded from them.

Each article is written in one transaction (the article row, its URLs and all
its derived rows), so a run killed at any point loses nothing committed and
leaves nothing half written; a rerun skips the articles already stored. An
ingest groups the articles of a short stretch (at most ``commit_every``
articles or ``commit_seconds``) into one transaction, because each commit
costs a disk sync; an article is never split across transactions. Only
this module and :mod:`comity.corpus.migrations` speak SQL to the file.

DuckDB lets one process write a file, or several read it, never both at once.
So that the store can be read while an ingest runs, a writer may *release*
the file (:meth:`Store.release`) while it codes, and take it again
(:meth:`Store.held`) only to write a group; readers and a writer taking the file
back wait a little (``wait`` seconds) for the other side to let go.

Errors (E060-E069):

| code | meaning |
| --- | --- |
| E060 | the file is not a DuckDB database |
| E061 | another process holds the database open for writing |
| E062 | the database cannot be opened or written (permissions, disk) |
| E063 | the database was written by a newer comity (unknown migrations) |
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from comity.corpus.damage import damaged, is_damage, verify
from comity.corpus.migrations import DERIVED_TABLES, MIGRATIONS, OCCASIONS, applied, migrate
from comity.corpus.occasion_store import forget_articles, group_pending, mark, pending, rebuild
from comity.corpus.rows import Rows, rows_of
from comity.errors import StoreError
from comity.records import Article, Coded

DEFAULT_DB = "comity.duckdb"

_TABLES = ("entities", "events", "dyads", "quotes", "speakers", "times", "figures")


def _open_error(path: Path, err: Exception) -> StoreError:
    message = str(err)
    if is_damage(err):
        return damaged(path, err)
    if "lock" in message.lower():
        holder = message.split("Conflicting lock is held in", 1)[-1].split(". See", 1)[0].strip()
        return StoreError("E061", f"{path}: the database is open in another process ({holder}); "
                          "wait for it to finish or use another --db")
    if "not a valid DuckDB database" in message or "invalid" in message.lower():
        return StoreError("E060", f"{path}: not a DuckDB database (give a new file name, or the "
                          "path of a store comity created)")
    return StoreError("E062", f"{path}: cannot open the database ({message})")


READ_WAIT = 5.0  # seconds a reader waits for an ingest to finish writing a group
WRITE_WAIT = 60.0  # seconds an ingest waits for readers to let go of the file


def _open(path: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """Open the file, retrying for up to ``wait`` seconds while another process holds it."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as err:
            error = _open_error(path, err)
            if error.code != "E061" or time.monotonic() >= deadline:
                raise error from err
        time.sleep(0.05)


def connect(path: str | Path, read_only: bool = False, wait: float = 0.0,
            must_exist: bool = False, check: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the store at ``path``, migrated to the current schema; while another process
    holds the file, retry for up to ``wait`` seconds. ``must_exist``: never create the file.
    ``check``: read the whole store first, so that a damaged one is never written (E064)."""
    path = Path(path)
    if (read_only or must_exist) and not path.exists():
        raise StoreError("E062", f"{path}: no such database (run 'comity ingest' first)")
    con = _open(path, read_only, wait)
    try:
        if check:
            verify(con, path)
        _check_schema(con, path, read_only)
    except duckdb.Error as err:
        con.close()
        raise (damaged(path, err) if is_damage(err) else _open_error(path, err)) from err
    except Exception:
        con.close()
        raise
    return con


def _check_schema(con: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
    known = {m.name for m in MIGRATIONS}
    if read_only:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        names = [r[0] for r in con.execute("SELECT name FROM migrations").fetchall()] \
            if "migrations" in tables else []
        if len(names) < len(known):
            raise StoreError("E062", f"{path}: not a comity store, or an older one "
                             "(open it once for writing)")
    else:
        names = applied(con)
        if OCCASIONS.name in migrate(con):
            _in_transaction(con, rebuild)
    unknown = sorted(set(names) - known)
    if unknown:
        raise StoreError("E063", f"{path}: written by a newer comity (migrations {', '.join(unknown)})")


def _in_transaction(con: duckdb.DuckDBPyConnection, run):
    """``run(con)`` in a transaction of its own, rolled back if it fails; what it returns."""
    con.execute("BEGIN TRANSACTION")
    try:
        result = run(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return result


GROUP_SECONDS = 60.0  # during a long write, pending occasions are grouped at most this often …
GROUP_SHARE = 0.05  # … and so that grouping takes at most this share of the write's time


class Store:
    """Articles and their records in one DuckDB file."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False, *, wait: float = 0.0,
                 must_exist: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.wait = wait
        self.con: duckdb.DuckDBPyConnection | None = connect(self.path, read_only, wait, must_exist,
                                                             check=not read_only)
        self._grouped = False
        self._pending: Rows | None = None  # derived rows of a group, inserted in bulk before its commit
        self._group_due = time.monotonic() + GROUP_SECONDS  # when pending occasions are next grouped
        if not read_only and pending(self.con):  # a run killed before it grouped what it wrote
            self.group_pending()

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None

    def release(self) -> None:
        """Let go of the file (other processes may then open it) until :meth:`held` or :meth:`reopen`."""
        self.close()

    def reopen(self, wait: float = WRITE_WAIT) -> None:
        """Take the file again after :meth:`release` (waiting up to ``wait`` s for readers)."""
        if self.con is None:
            self.con = connect(self.path, self.read_only, wait)

    @contextmanager
    def held(self, wait: float = WRITE_WAIT) -> Iterator[None]:
        """The file open for the block: if it was released, it is taken now and released after."""
        if self.con is not None:
            yield
            return
        self.reopen(wait)
        try:
            yield
        finally:
            self.release()

    def ids(self) -> set[str]:
        """The ids of every stored article."""
        return {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _one(self, sql: str, params: list) -> tuple | None:
        """The first row of a query, reading the result to its end (DuckDB wants results finished)."""
        rows = self.con.execute(sql, params).fetchall()
        return rows[0] if rows else None

    def has(self, article_id: str) -> bool:
        return self._one("SELECT 1 FROM articles WHERE id = ?", [article_id]) is not None

    def add_urls(self, article_id: str, urls: Iterable[str]) -> int:
        """Record more URLs for a stored article; returns how many were new."""
        new = [u for u in dict.fromkeys(urls) if u]
        if not new:
            return 0
        before = self._url_count(article_id)
        self.con.executemany("INSERT INTO article_urls VALUES (?, ?) ON CONFLICT DO NOTHING",
                             [[article_id, u] for u in new])
        return self._url_count(article_id) - before

    def _url_count(self, article_id: str) -> int:
        row = self._one("SELECT count(*) FROM article_urls WHERE article_id = ?", [article_id])
        return int(row[0]) if row else 0

    def write(self, coded: Coded, urls: Iterable[str] = ()) -> None:
        """Store one coded article, its URLs and every record, in one transaction."""
        article, version = coded.article, str(coded.version)
        self._transaction(lambda: self._insert(coded, version, [article.url, *urls]))

    def replace(self, coded: Coded) -> None:
        """Replace a stored article's records by a new coding of it (recode), in one transaction."""
        version = str(coded.version)

        def run() -> None:
            forget_articles(self.con, [coded.article.id])
            for table in DERIVED_TABLES:
                column = "article_id"
                self.con.execute(f"DELETE FROM {table} WHERE {column} = ?", [coded.article.id])
            self.con.execute("UPDATE articles SET coder_version = ?, warnings = ? WHERE id = ?",
                             [version, list(coded.warnings), coded.article.id])
            self._add_rows(rows_of(coded, version))

        self._transaction(run)

    def _transaction(self, run) -> None:
        """Run ``run`` in a transaction of its own, or inside the open :meth:`group`."""
        if self._grouped:
            run()
            return

        def written(con: duckdb.DuckDBPyConnection) -> None:
            run()
            group_pending(con)  # one article written on its own: its occasions at once

        _in_transaction(self.con, written)

    @contextmanager
    def group(self) -> Iterator[None]:
        """Write several whole articles in one transaction (one commit, one disk sync, for all).

        Every article is still written whole or not at all: a failure rolls the group back.
        Article rows and URLs are inserted at once (so :meth:`has` sees them); the derived rows
        of all the group's articles go in with one bulk insert per table just before the commit.
        """
        if self._grouped:
            yield
            return
        self.con.execute("BEGIN TRANSACTION")
        self._grouped, self._pending = True, Rows()
        try:
            yield
            self._insert_rows(self._pending)
            if time.monotonic() >= self._group_due:
                self._group_now(lambda: group_pending(self.con))
        except BaseException:
            self._grouped, self._pending = False, None
            self.con.execute("ROLLBACK")
            raise
        self._grouped, self._pending = False, None
        self.con.execute("COMMIT")

    def _insert(self, coded: Coded, version: str, urls: list[str | None]) -> None:
        a = coded.article
        self.con.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         [a.id, a.url or next((u for u in urls if u), None), a.title, a.published,
                          a.source, a.text, version, list(coded.warnings)])
        links = [[a.id, u] for u in dict.fromkeys(urls) if u]
        if links:
            self.con.executemany("INSERT INTO article_urls VALUES (?, ?)", links)
        self._add_rows(rows_of(coded, version))

    def _add_rows(self, rows: Rows) -> None:
        """Insert now, or, inside a group, keep for one bulk insert per table before the commit."""
        if self._pending is None:
            self._insert_rows(rows)
            return
        for table in _TABLES:
            getattr(self._pending, table).extend(getattr(rows, table))

    def _insert_rows(self, rows: Rows) -> None:
        """Insert each table's rows as one Arrow table (far faster than binding values one by one); the new
        event records stand as occasions of their own, their blocks pending (:meth:`group_pending`)."""
        import pyarrow as pa

        for table in _TABLES:
            data = getattr(rows, table)
            if data:
                batch = pa.table({f"c{i}": list(column) for i, column in enumerate(zip(*data, strict=True))})
                self.con.register("_rows", batch)
                try:
                    self.con.execute(f"INSERT INTO {table} SELECT * FROM _rows")
                finally:
                    self.con.unregister("_rows")
        mark(self.con, rows.events)

    def group_pending(self) -> None:
        """Group the occasions the writes since the last grouping touched (an ingest or recode calls it
        when it ends), in a transaction of its own."""
        if pending(self.con):
            self._group_now(lambda: _in_transaction(self.con, group_pending))

    def _group_now(self, run) -> None:
        """Run a grouping and set when the next one is due: a minute on, or later when grouping is slow
        (a busy block is grouped again whole), so that it stays under ``GROUP_SHARE`` of the time."""
        start = time.monotonic()
        run()
        took = time.monotonic() - start
        self._group_due = time.monotonic() + max(GROUP_SECONDS, took / GROUP_SHARE)

    def group_occasions(self) -> int:
        """Group every stored record into occasions again, from scratch; returns how many there are."""
        _in_transaction(self.con, rebuild)
        return int(self._one("SELECT count(*) FROM occasions", [])[0])

    def stale(self, version: str, force: bool = False) -> list[str]:
        """Ids of stored articles coded by another coder version (all with ``force``), in id order."""
        if force:
            rows = self.con.execute("SELECT id FROM articles ORDER BY id").fetchall()
        else:
            rows = self.con.execute("SELECT id FROM articles WHERE coder_version <> ? ORDER BY id",
                                    [version]).fetchall()
        return [r[0] for r in rows]

    def articles(self, ids: Iterable[str], chunk: int = 64) -> Iterator[Article]:
        """The stored articles with these ids, as :class:`Article` records (read ``chunk`` at a time, so a
        released store is held only while reading them)."""
        ids = list(ids)
        for first in range(0, len(ids), chunk):
            with self.held():
                rows = [self._one("SELECT id, text, title, url, published, source FROM articles "
                                  "WHERE id = ?", [aid]) for aid in ids[first:first + chunk]]
            for row in rows:
                if row:
                    yield Article(id=row[0], text=row[1], title=row[2], url=row[3], published=row[4],
                                  source=row[5])

    def setting(self, key: str) -> str | None:
        """A value the store keeps about itself (``coding``: the options it was coded with)."""
        row = self._one("SELECT value FROM settings WHERE key = ?", [key])
        return row[0] if row else None

    def set_setting(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", [key, value])

    def counts(self) -> dict[str, int]:
        """Row count of every table (for summaries and tests)."""
        tables = ("articles", "article_urls", *DERIVED_TABLES)
        return {t: int(self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]) for t in tables}
