"""``comity.Corpus``: a store of coded articles you can fill, re-code and query.

    from comity import Corpus
    with Corpus("news.duckdb") as corpus:
        corpus.ingest(["articles/", "https://example.org/feed.xml"])
        corpus.ties("CHN", "RUS", by="month")      # a pandas DataFrame
        corpus.events(actor="USA", type="SANCTION", since="2025-01-01")

Every query returns a pandas DataFrame; the CLI commands print them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import pandas as pd

from comity.corpus.store import DEFAULT_DB, Store
from comity.errors import ComityError
from comity.io.fetch import Fetcher, Item, Sources
from comity.records import Article, Coded
from comity.text.normalize import as_date, content_id

Progress = Callable[[str, str], None]  # (coded | skipped | failed, what)


@dataclass
class Summary:
    """What an ingest or recode did: articles coded, skipped as already stored (copies of a stored
    article: their new URLs are recorded), failed (with reasons); for a recode, ``current`` counts the
    articles already coded by this coder (not re-coded)."""

    coded: int = 0
    skipped: int = 0
    urls_added: int = 0
    failed: list[str] = field(default_factory=list)
    recode: bool = False
    current: int = 0

    def __str__(self) -> str:
        if self.recode:
            return (f"{self.coded} re-coded, {self.current} already coded by this coder (left as they are), "
                    f"{len(self.failed)} failed")
        urls = f"; {self.urls_added} new URL(s) of them recorded" if self.skipped else ""
        return (f"{self.coded} coded, {self.skipped} skipped as already stored{urls}, "
                f"{len(self.failed)} failed")


def _quiet(kind: str, what: str) -> None:
    pass


class Said:
    """What the reading of an ingest's inputs has to say (an input that failed, a copy skipped), said in
    its place among the results of the articles coded: after the result of the article read before it.
    The coder reads ahead of its results (a batch, or several with worker processes); without this,
    a failure read ahead would be said before articles that came first."""

    def __init__(self, notify: Progress) -> None:
        self.notify = notify
        self.read = 0  # articles handed to the coder so far
        self.pending: list[tuple[int, str, str, list[str] | None]] = []

    def later(self, kind: str, what: str, into: list[str] | None = None) -> None:
        """Say ``what`` once the results of the articles read so far are out (``into``: a list to add
        it to then, the summary's failures)."""
        self.pending.append((self.read, kind, what, into))

    def in_place(self, results: Iterable[tuple[Article, Coded | ComityError]]
                 ) -> Iterator[tuple[Article, Coded | ComityError]]:
        for done, result in enumerate(results):
            self.flush(done)
            yield result
        self.flush()

    def flush(self, upto: int | None = None) -> None:
        """Say what was read before article number ``upto`` (all when None)."""
        while self.pending and (upto is None or self.pending[0][0] <= upto):
            _, kind, what, into = self.pending.pop(0)
            if into is not None:
                into.append(what)
            self.notify(kind, what)


def _collector(notes: list[tuple[str, str]]) -> Progress:
    return lambda kind, what: notes.append((kind, what))


def _location(article: Article) -> str | None:
    return article.url or article.source


def _default_coder():
    from comity.pipeline import default_coder

    return default_coder()


class Corpus:
    """A DuckDB store of coded articles (default ``comity.duckdb``).

    ``commit_every`` and ``commit_seconds`` bound how many coded articles an ingest holds
    before committing them (each article whole, in one transaction): what a killed run
    can lose is at most that much coding, never a half-written article.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False, *, commit_every: int = 16,
                 commit_seconds: float = 2.0, wait: float = 0.0, must_exist: bool = False) -> None:
        self.store = Store(path, read_only=read_only, wait=wait, must_exist=must_exist)
        self.path = self.store.path
        self.commit_every = commit_every
        self.commit_seconds = commit_seconds

    @classmethod
    def over_parquet(cls, directory: str | Path) -> Corpus:
        """A read-only corpus over the Parquet output of ``comity spark``: DuckDB reads the files in
        place (no load step) and every query method works as over a store."""
        from comity.corpus.parquet import ParquetStore

        corpus = cls.__new__(cls)
        corpus.store = ParquetStore(directory)
        corpus.path = corpus.store.path
        corpus.commit_every, corpus.commit_seconds = 16, 2.0
        return corpus

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, kind: object, error: BaseException | None, trace: object) -> None:
        """Close the store; DuckDB reporting damage inside the block becomes E064 (with the remedy)."""
        from contextlib import suppress

        from comity.corpus.damage import damaged, is_damage

        if error is not None and is_damage(error):
            with suppress(Exception):  # a damaged file may fail to close too; the damage is what to report
                self.close()
            raise damaged(self.path, error) from error
        self.close()

    @property
    def con(self):
        return self.store.con

    # -- filling ---------------------------------------------------------------------------------------

    def ingest(self, sources: Iterable[str], *, coder=None, published: date | str | None = None,
               feeds: Iterable[str] = (), fetcher: Fetcher | None = None,
               progress: Progress | None = None) -> Summary:
        """Read, code and store articles from paths, folders, URLs, feeds and WARC files."""
        with Sources(fetcher) as reader:
            return self.ingest_items(reader.read(sources, published, feeds), coder=coder, progress=progress)

    def ingest_items(self, items: Iterable[Item], *, coder=None, progress: Progress | None = None) -> Summary:
        """Code and store articles (errors in the stream are counted as failed); skip stored ones.

        The store's file is released while articles are coded and taken only to write each group,
        so other processes can read what is committed while the ingest runs."""
        coder = coder or _default_coder()
        summary = Summary()
        known = self.store.ids()
        copies: list[tuple[str, str]] = []  # (id, URL) of copies of stored articles, written with a group
        queued: dict[str, list[str]] = {}
        notify = progress or _quiet

        def store(coded: Coded) -> str:
            where = _location(coded.article)
            extra = queued.pop(coded.article.id, [])
            self.store.write(coded, [u for u in (where, *extra) if u])
            summary.urls_added += len({u for u in extra if u and u != where})
            known.add(coded.article.id)
            return f"{coded.article.id} {where or ''}"

        def before() -> None:
            while copies:
                cid, url = copies.pop(0)
                summary.urls_added += self.store.add_urls(cid, [url])

        said = Said(notify)
        fresh = self._fresh(items, summary, queued, known, copies, said)
        self._in_groups(said.in_place(coder.code_many(fresh)), store, summary, notify, before)
        said.flush()
        with self.store.held():
            before()
            self.store.group_pending()
        return summary

    def _in_groups(self, results: Iterable[tuple[Article, Coded | ComityError]],
                   store: Callable[[Coded], str], summary: Summary, notify: Progress,
                   before: Callable[[], None] = lambda: None) -> None:
        """Store each coded result with ``store``, committing every ``commit_every`` articles or
        ``commit_seconds`` after a group's first result; say so (``notify``) once committed.

        The store is released while the results of a group are coded and held only to write them."""
        results = iter(results)
        self.store.release()
        try:
            more = True
            while more:
                batch, more = self._take(results, summary, notify)
                committed: list[tuple[str, str]] = []
                with self.store.held(), self.store.group():
                    before()
                    for coded in batch:
                        committed.append(("coded", store(coded)))
                summary.coded += len(batch)
                for note in committed:
                    notify(*note)
        finally:
            self.store.reopen()

    def _take(self, results: Iterator, summary: Summary, notify: Progress) -> tuple[list[Coded], bool]:
        """The coded results of one group (failures noted as they come); False when exhausted."""
        first, batch = None, []
        for _, result in results:
            if isinstance(result, ComityError):
                summary.failed.append(str(result))
                notify("failed", str(result))
                continue
            batch.append(result)
            first = first or time.monotonic()
            if len(batch) >= self.commit_every or time.monotonic() - first >= self.commit_seconds:
                return batch, True
        return batch, False

    def _fresh(self, items: Iterable[Item], summary: Summary, queued: dict[str, list[str]], known: set[str],
               copies: list[tuple[str, str]], said: Said) -> Iterator[Article]:
        """The articles not yet stored, with their content id; copies only add their URL. What is
        failed or skipped is said in its place among the coded articles' results (``said``)."""
        for item in items:
            if isinstance(item, ComityError):
                said.later("failed", str(item), summary.failed)
                continue
            cid = content_id(item.text)
            where = _location(item)
            if cid in queued or cid in known:
                if cid in queued:
                    queued[cid].extend([where] if where else [])
                elif where:
                    copies.append((cid, where))
                summary.skipped += 1
                said.later("skipped", f"{cid} {where or ''}")
                continue
            queued[cid] = []
            said.read += 1
            yield replace(item, id=cid)

    def recode(self, *, coder=None, force: bool = False, progress: Progress | None = None) -> Summary:
        """Re-code the stored articles that another coder version coded (all with ``force``)."""
        coder = coder or _default_coder()
        summary = Summary(recode=True)
        notify = progress or _quiet
        ids = self.store.stale(str(coder.version), force)
        summary.current = int(self.store.counts()["articles"]) - len(ids)

        def store(coded: Coded) -> str:
            self.store.replace(coded)
            return coded.article.id

        self._in_groups(coder.code_many(self.store.articles(ids)), store, summary, notify)
        with self.store.held():
            self.store.group_pending()
        return summary

    def ingest_parquet(self, directory: str | Path) -> Summary:
        """Load the Parquet output of ``comity spark`` into the store, without coding: the articles
        not yet stored, with all their rows (those stored are skipped, their new URLs recorded)."""
        from comity.corpus.parquet import load_parquet

        loaded, skipped, urls = load_parquet(self.con, directory)
        return Summary(coded=loaded, skipped=skipped, urls_added=urls)

    def stale_count(self, version: str, force: bool = False) -> int:
        return len(self.store.stale(version, force))

    # -- queries ---------------------------------------------------------------------------------------

    def events(self, *, actor: str | None = None, recipient: str | None = None, type: str | None = None,
               since: date | str | None = None, until: date | str | None = None, text: str | None = None,
               include_negated: bool = True, include_hypothetical: bool = True,
               limit: int | None = None, offset: int = 0, records: bool = False) -> pd.DataFrame:
        """One row per (actor, recipient) pair of each occasion's report (of each stored event record
        with ``records``), filtered (``limit`` rows from the ``offset``-th)."""
        from comity.corpus.ties import event_frame

        return event_frame(self.con, actor=actor, recipient=recipient, type=type, since=as_date(since),
                           until=as_date(until), text=text, include_negated=include_negated,
                           include_hypothetical=include_hypothetical, limit=limit, offset=offset,
                           records=records)

    def occasion_reports(self, occasion_ids: Iterable[str]) -> pd.DataFrame:
        """The reports (event records) of these occasions, with their dates, articles and sentences."""
        from comity.corpus.ties import occasion_reports

        return occasion_reports(self.con, occasion_ids)

    def group_occasions(self) -> int:
        """Group every stored event record into occasions again, from scratch (what ingest and recode
        keep up to date as they go); returns how many occasions there are."""
        return self.store.group_occasions()

    def quotes(self, *, speaker: str | None = None, actor: str | None = None, text: str | None = None,
               since: date | str | None = None, until: date | str | None = None,
               limit: int | None = None) -> pd.DataFrame:
        """Stored quotes with their speaker's profile, filtered (dates: the article's publication)."""
        from comity.corpus.ties import quote_frame

        return quote_frame(self.con, speaker=speaker, actor=actor, text=text, since=as_date(since),
                           until=as_date(until), limit=limit)

    def count(self, what: str, **filters) -> int:
        """How many rows :meth:`events` (``what="events"``) or :meth:`quotes` give with these filters
        and no limit."""
        from comity.corpus.ties import event_count, quote_count

        for key in ("since", "until"):
            if key in filters:
                filters[key] = as_date(filters[key])
        return (event_count if what == "events" else quote_count)(self.con, **filters)

    def ties(self, a: str, b: str, *, by: str = "month", include_negated: bool = False,
             include_hypothetical: bool = False, records: bool = False) -> pd.DataFrame:
        """Per period (by the events' own dates): occasions (event records with ``records``) per quad
        class both ways, mean event scale."""
        from comity.corpus.ties import ties

        return ties(self.con, a, b, by=by, include_negated=include_negated,
                    include_hypothetical=include_hypothetical, records=records)

    def evidence(self, a: str, b: str, *, by: str = "month", period: str | None = None,
                 include_negated: bool = False, include_hypothetical: bool = False,
                 records: bool = False) -> pd.DataFrame:
        """The occasions (event records with ``records``), with their sentences and sources, behind
        :meth:`ties`, for one period or all."""
        from comity.corpus.ties import evidence

        return evidence(self.con, a, b, by=by, period=period, include_negated=include_negated,
                        include_hypothetical=include_hypothetical, records=records)

    def network(self, *, since: date | str | None = None, until: date | str | None = None,
                limit: int = 20, include_negated: bool = False, include_hypothetical: bool = False,
                records: bool = False) -> pd.DataFrame:
        """The dyads with most occasions (event records with ``records``), directed, with their mean
        event scale."""
        from comity.corpus.ties import network

        return network(self.con, since=as_date(since), until=as_date(until), limit=limit,
                       include_negated=include_negated, include_hypothetical=include_hypothetical,
                       records=records)

    @property
    def browse(self):
        """Read-only queries for browsing the store (:mod:`comity.corpus.browse`), bound to it:
        ``corpus.browse.article(id)``, ``.series(a, b)``, ``.network_edges()``, ``.speakers(name)``…"""
        from comity.corpus.browse import Browser

        return Browser(self.con)

    def export(self, fmt: str, path: str | Path | None = None, records: bool = False) -> int:
        """Write the occasions (every event record with ``records``) as PLOVER JSONL, CSV or Parquet
        (``path`` None: PLOVER/CSV to stdout)."""
        from comity.corpus.export import export

        return export(self.con, fmt, path, records)

    def counts(self) -> dict[str, int]:
        return self.store.counts()
