"""The Parquet output of ``comity spark``, read in place by DuckDB: queried without a load step, or
loaded into a store.

The output is one folder per table (``articles``, ``events``, ``dyads``, ``entities``, ``quotes``,
``speakers``, ``times``, ``figures``, ``errors``), each split into ``month=YYYY-MM`` folders (the
articles' publication month; ``month=undated`` without one). Every table has the store's columns
(:func:`store_columns`, read from the store's own migrations, so the two cannot drift) and a few
more: ``coder_version`` in every row, ``urls`` on articles, the nested ``actors`` and ``recipients``
on events, the event's type, dates and scale on dyads. :class:`ParquetStore` puts one DuckDB view
per store table over those files (the store's columns, with the store's types), so every query of
:mod:`comity.corpus.ties` and :mod:`comity.corpus.export` runs over Parquet unchanged;
:func:`load_parquet` copies the articles a store lacks into it. Paths are bound as parameters.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb

from comity.corpus.migrations import DERIVED_TABLES, migrate
from comity.corpus.occasion_store import SCHEMA as OCCASION_SCHEMA
from comity.corpus.occasion_store import group_pending, mark_articles, rebuild
from comity.errors import StoreError

STORE_TABLES = ("articles", "article_urls", *DERIVED_TABLES)
OUTPUT_TABLES = ("articles", *DERIVED_TABLES, "errors")  # the folders of the Parquet output
UNDATED = "undated"  # the month folder of articles without a publication date
Columns = tuple[tuple[str, str], ...]  # (name, DuckDB type) pairs, in the table's order


@cache
def store_columns() -> dict[str, Columns]:
    """Each store table's columns and DuckDB types, in order, as the migrations leave them."""
    con = duckdb.connect(":memory:")
    try:
        migrate(con)
        rows = con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_name IN (SELECT unnest(?)) ORDER BY table_name, ordinal_position",
            [list(STORE_TABLES)]).fetchall()
    finally:
        con.close()
    found: dict[str, list[tuple[str, str]]] = {t: [] for t in STORE_TABLES}
    for table, column, kind in rows:
        found[table].append((column, kind))
    return {table: tuple(columns) for table, columns in found.items()}


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _casts(table: str, alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return ", ".join(f"CAST({prefix}{_quoted(c)} AS {t}) AS {_quoted(c)}" for c, t in store_columns()[table])


def files(directory: Path, table: str) -> str | None:
    """The glob of ``table``'s Parquet files under ``directory``, or None when it has none."""
    folder = directory / table
    if not folder.is_dir() or next(folder.rglob("*.parquet"), None) is None:
        return None
    return str(folder / "**" / "*.parquet")


def _read(alias: str = "p") -> str:
    return f"read_parquet(?, hive_partitioning = true, union_by_name = true) {alias}"


def table_query(directory: Path, table: str) -> tuple[str, list]:
    """A SELECT of the store's columns of ``table`` over the Parquet output, and its parameters."""
    source = "articles" if table == "article_urls" else table
    glob = files(directory, source)
    if glob is None:
        nulls = ", ".join(f"CAST(NULL AS {t}) AS {_quoted(c)}" for c, t in store_columns()[table])
        return f"SELECT {nulls} WHERE false", []
    if table == "article_urls":
        return (f"SELECT DISTINCT CAST(p.id AS VARCHAR) AS article_id, CAST(unnest(p.urls) AS VARCHAR) "
                f"AS url FROM {_read()}"), [glob]
    return f"SELECT {_casts(table, 'p')} FROM {_read()}", [glob]


def output_folder(directory: str | Path) -> Path:
    """``directory`` checked to be the output of ``comity spark`` (E062 otherwise)."""
    path = Path(directory)
    if not (path / "articles").is_dir():
        raise StoreError("E062", f"{path}: not the Parquet output of 'comity spark' (no articles/ folder)")
    return path


class ParquetStore:
    """The Parquet output as a read-only store: an in-memory DuckDB with one view per store table."""

    read_only = True

    def __init__(self, directory: str | Path) -> None:
        self.path = output_folder(directory)
        self.con = duckdb.connect(":memory:")
        for table in STORE_TABLES:
            query, params = table_query(self.path, table)
            self.con.sql(query, params=params).create_view(table)
        for statement in OCCASION_SCHEMA:  # occasions are grouped here, in memory, at each opening
            self.con.execute(statement)
        rebuild(self.con)
        self.errors = error_count(self.path)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> ParquetStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def counts(self) -> dict[str, int]:
        """Row count of every store table over the Parquet files, and of the errors table."""
        counts = {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in STORE_TABLES}
        return {**{t: int(n) for t, n in counts.items()}, "errors": self.errors}


def error_count(directory: str | Path) -> int:
    """The rows of the output's ``errors`` table: the inputs the run could not read or code."""
    glob = files(Path(directory), "errors")
    if glob is None:
        return 0
    with duckdb.connect(":memory:") as con:
        return int(con.execute(f"SELECT count(*) FROM {_read()}", [glob]).fetchall()[0][0])


def load_parquet(con: duckdb.DuckDBPyConnection, directory: str | Path) -> tuple[int, int, int]:
    """Copy the articles of the Parquet output that the store on ``con`` lacks, with all their rows, in
    one transaction; record new URLs of the ones it has. An article found in several month folders (two
    runs over copies of it) is taken from the first. Returns (loaded, skipped, new URLs)."""
    path = output_folder(directory)
    articles = files(path, "articles")
    if articles is None:
        return 0, 0, 0
    con.execute("BEGIN TRANSACTION")
    try:
        counts = _load(con, path, articles)
        mark_articles(con, [r[0] for r in con.execute("SELECT id FROM pq_new").fetchall()])
        group_pending(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.execute("DROP TABLE IF EXISTS pq_new")
    return counts


def _load(con: duckdb.DuckDBPyConnection, path: Path, articles: str) -> tuple[int, int, int]:
    con.execute(f"""CREATE OR REPLACE TEMP TABLE pq_new AS
        SELECT p.id, min(p.month) AS month FROM {_read()}
        WHERE p.id NOT IN (SELECT id FROM articles) GROUP BY p.id""", [articles])
    loaded = int(con.execute("SELECT count(*) FROM pq_new").fetchall()[0][0])
    known = int(con.execute(f"SELECT count(DISTINCT id) FROM {_read()}", [articles]).fetchall()[0][0])
    urls_before = int(con.execute("SELECT count(*) FROM article_urls").fetchall()[0][0])
    con.execute(f"""INSERT INTO articles SELECT {_casts('articles', 'p')} FROM {_read()}
        JOIN pq_new n ON n.id = p.id AND n.month = p.month""", [articles])
    con.execute(f"""INSERT INTO article_urls SELECT DISTINCT CAST(p.id AS VARCHAR),
        CAST(unnest(p.urls) AS VARCHAR) FROM {_read()} ON CONFLICT DO NOTHING""", [articles])
    new_urls = int(con.execute("SELECT count(*) FROM article_urls").fetchall()[0][0]) - urls_before
    for table in DERIVED_TABLES:
        glob = files(path, table)
        if glob is not None:
            con.execute(f"""INSERT INTO {table} SELECT {_casts(table, 'p')} FROM {_read()}
                JOIN pq_new n ON n.id = p.article_id AND n.month = p.month""", [glob])
    new_url_rows = new_urls - int(con.execute(
        "SELECT count(*) FROM article_urls WHERE article_id IN (SELECT id FROM pq_new)").fetchall()[0][0])
    return loaded, known - loaded, new_url_rows
