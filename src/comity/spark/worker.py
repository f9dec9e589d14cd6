"""What runs on the executors: one :class:`~comity.pipeline.Coder` per Python worker process, and the
coding of one partition of articles into the rows of every output table.

PySpark reuses its Python workers from task to task (``spark.python.worker.reuse``, on by default),
so the coder built by the first task a worker runs (the spaCy model, the dictionaries) serves every
later task of that worker: the model is loaded once per worker, never per partition or per record.
One article that cannot be coded, for whatever reason, becomes one row of the ``errors`` table;
the partition goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from comity.config import Config
from comity.corpus.rows import article_row, rows_of
from comity.errors import ComityError
from comity.pipeline import Coder
from comity.records import Article, Coded
from comity.spark.schema import EXTRA, Columns, conformed

_CODERS: dict[tuple, Coder] = {}  # this worker process's coders, by settings


@dataclass(frozen=True)
class Settings:
    """What a worker needs to build its coder and rows: the coder's options (user knowledge files by
    ``Config`` field, named as shipped with ``SparkContext.addFile``) and the tables' columns."""

    model: str
    batch_size: int
    files: tuple[tuple[str, tuple[str, ...]], ...] = ()
    columns: dict[str, Columns] = field(default_factory=dict, compare=False, hash=False)

    def key(self) -> tuple:
        return self.model, self.batch_size, self.files

    def config(self) -> Config:
        paths: dict[str, tuple[Path, ...]] = {}
        if self.files:
            from pyspark import SparkFiles

            paths = {name: tuple(Path(SparkFiles.get(f)) for f in shipped) for name, shipped in self.files}
        return Config(model=self.model, batch_size=self.batch_size, **paths)


def coder_for(settings: Settings, loads: Any = None) -> Coder:
    """This process's coder for ``settings``, built on first use (``loads``, an accumulator, counts it)."""
    key = settings.key()
    if key not in _CODERS:
        _CODERS[key] = Coder(settings.config())
        if loads is not None:
            loads.add(1)
    return _CODERS[key]


def error_row(article_id: str | None, source: str | None, stage: str, error: BaseException,
              version: str) -> tuple:
    """One ``errors`` row: a comity error with its number, anything else as an internal error."""
    if isinstance(error, ComityError):
        return article_id, source, stage, error.code, error.message, version
    return article_id, source, stage, None, f"internal error: {type(error).__name__}: {error}", version


def _entities(raw: str | None) -> list[dict]:
    return json.loads(raw) if raw else []


def table_rows(coded: Coded, urls: Sequence[str | None], columns: dict[str, Columns]) -> dict[str, list]:
    """The rows one coded article adds to each output table (the store's rows, then the extra columns)."""
    version = str(coded.version)
    rows = rows_of(coded, version)
    names = [name for name, _ in columns["events"]]
    events = [dict(zip(names, row, strict=False)) for row in rows.events]
    by_id = {e["id"]: e for e in events}
    dyad_extra = [name for name, _ in EXTRA["dyads"]]
    tables: dict[str, list] = {
        "articles": [(*article_row(coded, version, urls), list(dict.fromkeys(u for u in urls if u)))],
        "events": [(*row, _entities(e["actor_json"]), _entities(e["recipient_json"]))
                   for row, e in zip(rows.events, events, strict=True)],
        "dyads": [(*row, *(version if n == "coder_version" else by_id[row[0]][n] for n in dyad_extra))
                  for row in rows.dyads],
        "quotes": rows.quotes,
        "errors": [],
    }
    for table in ("entities", "speakers", "times", "figures"):
        tables[table] = [(*row, version) for row in getattr(rows, table)]
    return {t: [conformed(r, columns[t]) for r in tables[t]] for t in columns}


def _one(coder: Coder, article: Article) -> Coded | BaseException:
    try:
        ((_, result),) = coder.code_many([article])
        return result
    except Exception as err:  # one article's failure must not stop the partition
        return err


def code_batch(coder: Coder, articles: list[Article]) -> list[tuple[Article, Coded | BaseException]]:
    """Code a batch together; if the batch fails as a whole, each article alone."""
    try:
        return list(coder.code_many(articles))
    except Exception:
        return [(article, _one(coder, article)) for article in articles]


def _output(month: str, columns: dict[str, Columns], **rows: list) -> tuple:
    return (month, *(rows.get(table, []) for table in columns))


def _coded(coder: Coder, batch: list, columns: dict[str, Columns]) -> Iterator[tuple]:
    articles = [Article(id=r.id, text=r.text, title=r.title, url=r.url, published=r.published,
                        source=r.source) for r in batch]
    version = str(coder.version)
    for row, (article, result) in zip(batch, code_batch(coder, articles), strict=True):
        if isinstance(result, Coded):
            try:
                yield (row.month, *table_rows(result, [article.url, *(row.copies or [])], columns).values())
                continue
            except Exception as err:  # a record the rows cannot hold: reported, never fatal
                result = err
        error = error_row(article.id, article.source, "code", result, version)
        yield _output(row.month, columns, errors=[conformed(error, columns["errors"])])


def code_partition(rows: Iterable, settings: Settings, loads: Any = None) -> Iterator[tuple]:
    """The output rows of one partition of the staged inputs (see :mod:`comity.spark.job`), one tuple
    per input in the order of :func:`comity.spark.schema.coded_schema`. Inputs that could not be read
    (``error_reason`` set) become ``errors`` rows; the others are coded in batches."""
    columns = settings.columns
    coder: Coder | None = None
    batch: list = []
    for row in rows:
        coder = coder or coder_for(settings, loads)
        if row.error_reason is not None:
            error = (None, row.source, "read", row.error_code, row.error_reason, str(coder.version))
            yield _output(row.month, columns, errors=[conformed(error, columns["errors"])])
            continue
        batch.append(row)
        if len(batch) >= coder.config.batch_size:
            yield from _coded(coder, batch, columns)
            batch = []
    if batch and coder is not None:
        yield from _coded(coder, batch, columns)
