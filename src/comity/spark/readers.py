"""Reading the job's inputs into one DataFrame of articles, each once.

Inputs are files, folders (searched recursively) or globs, on any file system Spark reads:

- ``.jsonl``, ``.ndjson`` (``.gz`` too): one article per line, as ``comity ingest`` reads it:
  ``text``, and optionally ``id``, ``title``, ``url``, ``published``;
- ``.warc``, ``.warc.gz``, ``.arc``, ``.arc.gz``: every HTML response with a 2xx status (the
  CC-NEWS layout), as ``comity ingest`` reads it;
- ``.parquet`` (files, or folders of them): one article per row, the JSONL fields as columns.

JSONL lines are parsed by the same function as in-process reading (:mod:`comity.io.read`), WARC
files by :func:`comity.io.fetch.read_warc`, so a line or a record gives the same article (and the
same error) either way. Each article's id is :func:`comity.text.normalize.content_id` of its text;
copies of one text are coded once, as the first copy in input order (files in the order given,
lines in file order), with every copy's URL, as a store keeps them.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import unquote

from comity.errors import InputError
from comity.io.fetch import WARC_SUFFIXES, read_warc
from comity.io.read import _jsonl_article
from comity.records import Article
from comity.text.normalize import content_id

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
PARQUET_SUFFIXES = (".parquet",)
PARSED_COLUMNS = (("id", "VARCHAR"), ("rank", "INTEGER"), ("line", "BIGINT"), ("text", "VARCHAR"),
                  ("title", "VARCHAR"), ("url", "VARCHAR"), ("published", "DATE"), ("source", "VARCHAR"),
                  ("location", "VARCHAR"), ("error_code", "VARCHAR"), ("error_reason", "VARCHAR"))


def kind_of(name: str) -> str | None:
    lower = name.lower()
    for kind, suffixes in (("jsonl", JSONL_SUFFIXES), ("warc", WARC_SUFFIXES), ("parquet", PARQUET_SUFFIXES)):
        if lower.endswith(suffixes):
            return kind
    return None


def display(uri: str) -> str:
    """A file's name as comity prints it: a local file as its absolute path, any other as its URI."""
    if uri.startswith("file:"):
        return "/" + uri[len("file:"):].lstrip("/")
    return uri


def _file_name(path_uri: str) -> str:
    """A file's name from Spark's ``_metadata.file_path`` (a URI: percent-encoded)."""
    return display(unquote(path_uri))


@dataclass
class Inputs:
    """The files to read, by kind, each with its rank in input order, and the inputs that were wrong."""

    files: dict[str, list[str]] = field(default_factory=lambda: {"jsonl": [], "warc": [], "parquet": []})
    rank: dict[str, int] = field(default_factory=dict)  # display name -> rank
    problems: list[InputError] = field(default_factory=list)

    def add(self, uri: str, kind: str) -> None:
        if display(uri) not in self.rank:
            self.rank[display(uri)] = len(self.rank)
            self.files[kind].append(uri)


def expand(files, names: Iterable[str]) -> Inputs:
    """The files ``names`` stand for (``files`` is a :class:`~comity.spark.publish.HadoopFiles`)."""
    found = Inputs()
    for name in names:
        matches = files.glob(name)
        if not matches:
            found.problems.append(InputError("E020", f"{name}: no such file or folder"))
        for uri, is_dir in matches:
            if is_dir:
                inside = [f for f in files.files_under(uri) if kind_of(f)]
                if not inside:
                    found.problems.append(InputError("E020", f"{display(uri)}: no JSONL, WARC or Parquet "
                                                     "files in the folder"))
                for file in inside:
                    found.add(file, kind_of(file) or "")
            elif kind_of(uri):
                found.add(uri, kind_of(uri) or "")
            else:
                found.problems.append(InputError("E020", f"{display(uri)}: not JSONL (.jsonl, .jsonl.gz), "
                                                 "WARC (.warc, .warc.gz) or Parquet (.parquet)"))
    return found


def parsed_row(item: Article | InputError, rank: int, line: int, where: str | None = None) -> tuple:
    """One row of PARSED_COLUMNS: an article with its content id, or an input that could not be read
    (``where``: the file and line, or the input, it came from)."""
    if isinstance(item, InputError):
        return (None, rank, line, None, None, None, None, where, None, item.code, item.message)
    return (content_id(item.text), rank, line, item.text, item.title, item.url, item.published, item.source,
            item.url or item.source, None, None)


def parse_lines(rows: Iterable, rank: dict[str, int], published: date | None) -> Iterator[tuple]:
    """JSON lines (``file``, ``line``, ``value``) → parsed rows, as :func:`comity.io.read.from_jsonl`."""
    for row in rows:
        name = _file_name(row.file)
        try:
            item: Article | InputError = _jsonl_article(row.value, f"{name}:{row.line}", published)
        except InputError as err:
            item = err
        yield parsed_row(item, rank.get(name, -1), row.line, f"{name}:{row.line}")


def parse_warc(uri: str, data: bytes, rank: int, published: date | None) -> Iterator[tuple]:
    """The HTML responses of one WARC file's bytes → parsed rows (read through a local temporary copy,
    so that the reader is the in-process one)."""
    handle, local = tempfile.mkstemp(suffix=".warc.gz" if uri.endswith("gz") else ".warc")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        for number, item in enumerate(read_warc(Path(local), published), start=1):
            if isinstance(item, InputError):
                item = InputError(item.code, item.message.replace(local, display(uri)))
            yield parsed_row(item, rank, number, display(uri))
    finally:
        os.unlink(local)


def read_inputs(spark, inputs: Inputs, published: date | None):
    """Every input as rows of PARSED_COLUMNS (a DataFrame), wrong inputs included as errors."""
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    from comity.spark.schema import table_schema

    schema = table_schema(PARSED_COLUMNS)
    rank = dict(inputs.rank)
    problems = [parsed_row(p, -1, i, p.message.split(": ", 1)[0]) for i, p in enumerate(inputs.problems)]
    parts = [spark.createDataFrame(problems, schema)]
    lines = []
    if inputs.files["jsonl"]:
        lines.append(spark.read.text(inputs.files["jsonl"]).select(
            F.col("_metadata.file_path").alias("file"), "value"))
    if inputs.files["parquet"]:
        table = spark.read.option("mergeSchema", "true").parquet(*inputs.files["parquet"])
        fields = [c for c in ("id", "text", "title", "url", "published") if c in table.columns]
        value = F.to_json(F.struct(*fields)) if fields else F.lit("{}")  # no text: E024 on every row
        lines.append(table.select(F.col("_metadata.file_path").alias("file"), value.alias("value")))
    for frame in lines:
        numbered = frame.withColumn("_order", F.monotonically_increasing_id()).withColumn(
            "line", F.row_number().over(Window.partitionBy("file").orderBy("_order")))
        kept = numbered.where(F.trim("value") != "").select("file", "line", "value")
        parts.append(spark.createDataFrame(
            kept.rdd.mapPartitions(lambda rows: parse_lines(rows, rank, published)), schema))
    if inputs.files["warc"]:
        blobs = spark.sparkContext.binaryFiles(",".join(inputs.files["warc"]))
        parts.append(spark.createDataFrame(blobs.flatMap(
            lambda blob: parse_warc(blob[0], blob[1], rank.get(display(blob[0]), -1), published)), schema))
    result = parts[0]
    for part in parts[1:]:
        result = result.unionByName(part)
    return result


def once_each(parsed):
    """Each article once (its first copy in input order), with ``copies``: where every copy was found,
    in input order; unreadable inputs are kept as they are (no id, no copies)."""
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    articles = parsed.where(F.col("id").isNotNull())
    first = articles.withColumn("_n", F.row_number().over(Window.partitionBy("id").orderBy("rank", "line"))) \
        .where(F.col("_n") == 1).drop("_n")
    places = articles.groupBy("id").agg(
        F.sort_array(F.collect_list(F.struct("rank", "line", "location"))).alias("_places"))
    first = first.join(places, "id").withColumn(
        "copies", F.expr("filter(transform(_places, p -> p.location), x -> x IS NOT NULL)")).drop("_places")
    errors = parsed.where(F.col("id").isNull()).withColumn("copies", F.array().cast("array<string>"))
    return first.unionByName(errors).drop("location")
