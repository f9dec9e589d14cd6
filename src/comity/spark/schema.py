"""The tables the Spark job writes: their columns and Spark types.

Each output table has the store's columns, in the store's order and with the store's types
(:func:`comity.corpus.parquet.store_columns`, read from the store's migrations) and after them a few
columns of its own (:data:`EXTRA`): the coder version in every row, all the URLs of an article, the
nested actors and recipients of an event, the event's type, dates and scale on each of its
actor-recipient pairs. The rows themselves come from :mod:`comity.corpus.rows`, as for the store.
Everything here is plain data (names and DuckDB type names), so that it pickles to the executors;
:func:`spark_schema` turns it into Spark types on the driver.
"""

from __future__ import annotations

from comity.corpus.parquet import OUTPUT_TABLES, store_columns

Columns = tuple[tuple[str, str], ...]  # (name, type) pairs; types are DuckDB's names, or ENTITIES

ENTITIES = "ENTITIES"  # a list of PLOVER entity objects (code, sector, entity_text, identifier_text, span)
ENTITY_FIELDS = (("code", "VARCHAR"), ("sector", "VARCHAR"), ("entity_text", "VARCHAR"),
                 ("identifier_text", "VARCHAR"), ("span", "INTEGER[]"))
VERSION = ("coder_version", "VARCHAR")
# The event's columns repeated on each of its actor-recipient pairs, so that `dyads` alone is a flat
# table of events (one row per pair).
DYAD_EVENT_COLUMNS = (("event", "VARCHAR"), ("mode", "VARCHAR"), ("negated", "BOOLEAN"),
                      ("date", "VARCHAR"), ("date_start", "DATE"), ("date_end", "DATE"),
                      ("quad_code", "INTEGER"), ("event_scale", "DOUBLE"))
ERRORS: Columns = (("id", "VARCHAR"), ("source", "VARCHAR"), ("stage", "VARCHAR"), ("code", "VARCHAR"),
                   ("reason", "VARCHAR"), VERSION)
EXTRA: dict[str, Columns] = {
    "articles": (("urls", "VARCHAR[]"),),
    "events": (("actors", ENTITIES), ("recipients", ENTITIES)),
    "dyads": (*DYAD_EVENT_COLUMNS, VERSION),
    "entities": (VERSION,),
    "quotes": (),  # the store's quotes carry the coder version already
    "speakers": (VERSION,),
    "times": (VERSION,),
    "figures": (VERSION,),
}
MONTH = "month"  # the partition column: the publication month, YYYY-MM, or "undated"


def output_columns() -> dict[str, Columns]:
    """Every output table's columns (without the partition column), in order."""
    stored = store_columns()
    tables: dict[str, Columns] = {table: (*stored[table], *EXTRA[table]) for table in EXTRA}
    tables["errors"] = ERRORS
    return {table: tables[table] for table in OUTPUT_TABLES}


def spark_type(kind: str):
    """The Spark type of a DuckDB type name (``VARCHAR[]``, ``INTEGER[][]`` …) or of ENTITIES."""
    from pyspark.sql import types as T

    if kind == ENTITIES:
        return T.ArrayType(T.StructType([T.StructField(n, spark_type(t)) for n, t in ENTITY_FIELDS]))
    if kind.endswith("[]"):
        return T.ArrayType(spark_type(kind[:-2]))
    simple = {"VARCHAR": T.StringType(), "INTEGER": T.IntegerType(), "BIGINT": T.LongType(),
              "DOUBLE": T.DoubleType(), "BOOLEAN": T.BooleanType(), "DATE": T.DateType()}
    if kind not in simple:
        raise ValueError(f"no Spark type for the store type {kind!r}: add it to comity.spark.schema")
    return simple[kind]


def table_schema(columns: Columns):
    from pyspark.sql import types as T

    return T.StructType([T.StructField(name, spark_type(kind)) for name, kind in columns])


def coded_schema(tables: dict[str, Columns]):
    """One row per input: its month and, per output table, the list of rows it adds (an article adds
    one ``articles`` row or one ``errors`` row, and any number of rows to the others)."""
    from pyspark.sql import types as T

    return T.StructType([T.StructField(MONTH, T.StringType(), nullable=False),
                         *(T.StructField(t, T.ArrayType(table_schema(c)), nullable=False)
                           for t, c in tables.items())])


def conform(value, kind: str):
    """``value`` as the Spark type of ``kind`` wants it (a whole number in a DOUBLE column as a float)."""
    if value is None:
        return None
    if kind == ENTITIES:
        return [tuple(conform(e.get(n), t) for n, t in ENTITY_FIELDS) for e in value]
    if kind.endswith("[]"):
        return [conform(v, kind[:-2]) for v in value]
    if kind == "DOUBLE":
        return float(value)
    if kind in ("INTEGER", "BIGINT"):
        return int(value)
    if kind == "BOOLEAN":
        return bool(value)
    return value


def conformed(row: tuple, columns: Columns) -> tuple:
    return tuple(conform(v, kind) for v, (_, kind) in zip(row, columns, strict=True))
