"""Files through Hadoop's FileSystem (so ``file:``, ``hdfs:``, ``s3a:``, ``gs:`` … all work), and
publishing a staged wave of output into the output folder.

A wave's tables are first written by Spark under ``OUT/_staging/RUN/`` (Spark commits each table
whole or not at all); publishing then moves their files into ``OUT/TABLE/month=M/`` with renames,
the ``articles`` table last. So a run killed while coding leaves the output as it was, and an
article present in ``articles`` has all its rows in the other tables: what ``--resume`` relies on.
Without ``--resume``, each month a run publishes replaces that month in every table (the first
time the run touches it): rerunning on the same input overwrites the same partitions.
"""

from __future__ import annotations

from collections.abc import Iterable

from comity.corpus.parquet import OUTPUT_TABLES

PUBLISH_ORDER = (*(t for t in OUTPUT_TABLES if t != "articles"), "articles")  # articles last: the marker


class HadoopFiles:
    """A few file operations through the JVM's Hadoop FileSystem of the Spark session."""

    def __init__(self, spark) -> None:
        context = spark.sparkContext
        self._jvm = context._jvm
        self._conf = context._jsc.hadoopConfiguration()

    def _resolve(self, uri: str):
        path = self._jvm.org.apache.hadoop.fs.Path(uri)
        return path.getFileSystem(self._conf), path

    def qualify(self, name: str) -> str:
        """``name`` as a full URI (a relative local path becomes ``file:/abs/path``)."""
        fs, path = self._resolve(name)
        return str(fs.makeQualified(path).toString())

    def exists(self, uri: str) -> bool:
        fs, path = self._resolve(uri)
        return bool(fs.exists(path))

    def delete(self, uri: str) -> None:
        fs, path = self._resolve(uri)
        if fs.exists(path):
            fs.delete(path, True)

    def glob(self, pattern: str) -> list[tuple[str, bool]]:
        """(URI, is a folder) of what ``pattern`` names (a path, or a glob), in name order."""
        fs, path = self._resolve(pattern)
        found = fs.globStatus(path) or []
        return sorted((str(s.getPath().toString()), bool(s.isDirectory())) for s in found)

    def children(self, uri: str) -> list[tuple[str, str, bool]]:
        """(URI, name, is a folder) of the entries of a folder, in name order; none when it is absent."""
        fs, path = self._resolve(uri)
        if not fs.exists(path):
            return []
        return sorted((str(s.getPath().toString()), str(s.getPath().getName()), bool(s.isDirectory()))
                      for s in fs.listStatus(path))

    def files_under(self, uri: str) -> list[str]:
        """Every file under a folder, recursively, in path order (hidden and ``_`` names skipped)."""
        found = []
        for child, name, is_dir in self.children(uri):
            if name.startswith((".", "_")):
                continue
            found.extend(self.files_under(child) if is_dir else [child])
        return found

    def move_into(self, source: str, folder: str) -> None:
        fs, target = self._resolve(folder)
        fs.mkdirs(target)
        _, path = self._resolve(source)
        if not fs.rename(path, self._jvm.org.apache.hadoop.fs.Path(target, path.getName())):
            raise OSError(f"cannot move {source} into {folder}")


def staged_months(files: HadoopFiles, staged: str) -> set[str]:
    """The ``month=…`` folder names of every table of a staged wave."""
    return {name for table in OUTPUT_TABLES for _, name, is_dir in files.children(f"{staged}/{table}")
            if is_dir and name.startswith("month=")}


def publish(files: HadoopFiles, staged: str, out: str, *, replace: bool, cleared: set[str]) -> set[str]:
    """Move a staged wave's Parquet files into ``out``. With ``replace``, a month not yet in ``cleared``
    is first removed from every table (and added to ``cleared``). Returns the months published."""
    months = staged_months(files, staged)
    if replace:
        for month in sorted(months - cleared):
            for table in OUTPUT_TABLES:
                files.delete(f"{out}/{table}/{month}")
            cleared.add(month)
    for table in PUBLISH_ORDER:
        for folder, month, is_dir in files.children(f"{staged}/{table}"):
            if is_dir and month.startswith("month="):
                _move_parquet(files, files.children(folder), f"{out}/{table}/{month}")
    return months


def _move_parquet(files: HadoopFiles, entries: Iterable[tuple[str, str, bool]], folder: str) -> None:
    for uri, name, is_dir in entries:
        if not is_dir and name.endswith(".parquet") and not name.startswith((".", "_")):
            files.move_into(uri, folder)
