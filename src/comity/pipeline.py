"""The one composition point: load the spaCy pipeline once, stream articles
through ``nlp.pipe`` in batches, and run every stage on each parse.

    source ──ingest──▶ Article ──structure──▶ parts ──nlp.pipe──▶ Parsed
    Parsed ──actors──▶ Mentions ──quotes──▶ Quotes, Speakers
    Parsed ──times──▶ TimeRefs ──figures──▶ Figures
    Parsed ──events (with Mentions, TimeRefs, Figures)──▶ Events      all ──▶ Coded

The coder is a pure function of (text, publication date, configuration, data
files): no wall clock, no randomness.

With ``jobs`` above 1 the articles are coded in worker processes (:class:`Workers`). Each worker
is told its parent's pid when it starts and runs a daemon thread that checks ``os.getppid()``
every :data:`WATCH_SECONDS`; once the parent is gone (the worker was handed to another process)
the worker ends at once with ``os._exit``, waiting for work or in the middle of an article. A
parent killed outright (SIGKILL) cannot end its workers, and a worker waiting on its pipe does not
see it close: forked workers hold copies of the parent's ends of the pipes.
"""

from __future__ import annotations

import itertools
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import date, datetime
from functools import cache

import spacy
from spacy.language import Language

from comity._version import __version__
from comity.actors.resolve import ActorIndex
from comity.config import Config
from comity.datafiles import data_hash, extended
from comity.entities.build import build_model, traits_from
from comity.entities.mentions import coded_names, model_mentions
from comity.entities.model import EntityModel
from comity.errors import CodingError, ComityError, InputError, ModelError
from comity.events.extract import EventLexicon, find_events
from comity.figures import find_figures
from comity.io.output import reported
from comity.quotes.cues import CueLexicon
from comity.quotes.extract import extract_quotes
from comity.records import Article, Coded, CoderVersion
from comity.text.annotate import array_steps, parse
from comity.text.document import Parsed
from comity.text.language import check_english
from comity.text.normalize import as_date, content_id
from comity.text.products import one_blas_thread, use_numpy_products
from comity.text.split import MAX_CHARS, PART_CHARS, clean, merge, split_article
from comity.text.structure import find_parts, mask
from comity.times.extract import find_times

NO_DATE_WARNING = "no publication date: relative time expressions are left unresolved"


@cache
def load_model(name: str) -> Language:
    """The spaCy pipeline ``name``, loaded once per process."""
    try:
        return spacy.load(name)
    except OSError as err:
        raise ModelError(
            "E010", f"spaCy pipeline '{name}' is not installed (pip install it, or name another)"
        ) from err


class Coder:
    """Codes articles. Build one and reuse it: it holds the model and dictionaries."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.notify: Callable[[str], None] = _quiet  # progress lines while a long article is coded
        self.nlp = load_model(self.config.model)
        self.steps = array_steps(self.nlp)  # the attribute ruler and lemmatizer over arrays: same Docs
        use_numpy_products(self.nlp)  # the models' matrix products through numpy's BLAS: same Docs, faster
        self.index = ActorIndex.from_config(self.config)
        self.lexicon = EventLexicon.from_config(self.config)
        self.cues = CueLexicon.from_config(self.config)
        self.traits = traits_from(tuple(self.config.role_files), tuple(self.config.cue_files))
        self.version = CoderVersion(
            package=__version__,
            data_hash=data_hash(tuple(sorted(self.config.user_files()))),
            model=self.config.model,
            model_version=str(self.nlp.meta.get("version", "?")),
        )

    def code(
        self,
        text: str,
        published: date | datetime | str | None = None,
        *,
        id: str | None = None,
        title: str | None = None,
        url: str | None = None,
    ) -> Coded:
        """Code one article's text (raises :class:`ComityError` on bad input)."""
        _require_text(text, "the article text")
        article = Article(id=id or content_id(text), text=text, title=title, url=url,
                          published=as_date(published))
        (_, result), = self.code_many([article])
        if isinstance(result, ComityError):
            raise result
        return result

    def code_many(self, articles: Iterable[Article], jobs: int = 1
                  ) -> Iterator[tuple[Article, Coded | ComityError]]:
        """Code a stream of articles in batches; each result is a Coded or the error that stopped it,
        in the order of the articles.

        An article longer than ``PART_CHARS`` is coded in parts (:mod:`comity.text.split`); no article
        may take longer than ``config.time_budget`` seconds to code (E028). With ``jobs`` above 1, the
        articles are parsed and coded in that many worker processes (:class:`Workers`)."""
        if jobs > 1:
            with Workers(self, jobs) as workers:
                yield from workers.code_many(articles)
            return
        for group in _groups(articles, self.config.batch_size):
            if len(group) == 1 and len(group[0].text) > PART_CHARS:
                yield group[0], self._code_long(group[0])
                continue
            for article, parsed in self.parse_many(group):
                yield article, parsed if isinstance(parsed, ComityError) else self._stages(parsed)

    def _stages(self, parsed: Parsed, seconds: float | None = None) -> Coded | ComityError:
        """:meth:`run_stages` within the time budget; an unexpected failure becomes E029."""
        name = parsed.article.source or parsed.article.id
        try:
            with budget(self.config.time_budget if seconds is None else seconds):
                return self.run_stages(parsed)
        except _Overrun:
            return self._overrun(name)
        except ComityError as err:
            return err
        except Exception as err:  # one article's bug must not end the run
            return CodingError("E029", f"{name}: coding failed ({type(err).__name__}: {str(err)[:200]}); "
                               "this is a bug in comity, please report it with the article")

    def _code_long(self, article: Article) -> Coded | ComityError:
        """A long article coded part by part (each under the parser's limit), its records merged."""
        name = article.source or article.id
        if len(article.text) > MAX_CHARS:
            return InputError("E027", f"{name}: the article is too long ({len(article.text):,} characters; "
                              f"the maximum is {MAX_CHARS:,}): split it into several articles")
        try:
            if not article.text.strip():
                raise InputError("E021", f"{name}: the article has no text")
            check_english(article.text, name)
        except ComityError as err:
            return err
        pieces = split_article(replace(article, text=clean(article.text)), PART_CHARS)
        end = time.monotonic() + self.config.time_budget if self.config.time_budget else None
        done: list[tuple[int, Coded]] = []
        for number, (offset, piece) in enumerate(pieces, start=1):
            self.notify(f"{name}: {len(article.text):,} characters, coding part {number} of {len(pieces)}")
            parsed = self._parse_part(piece, None if end is None else end - time.monotonic())
            left = None if end is None else end - time.monotonic()
            if isinstance(parsed, ComityError):
                result: Coded | ComityError | None = parsed
            else:
                result = self._stages(parsed, left) if left is None or left > 0 else None
            if result is None or (isinstance(result, CodingError) and result.code == "E028"):
                return self._overrun(name, f"part {number} of {len(pieces)}")
            if isinstance(result, ComityError):
                return result
            done.append((offset, result))
        return merge(replace(article, text=clean(article.text)), done)

    def _overrun(self, name: str, where: str | None = None) -> CodingError:
        at = f"; stopped at {where}" if where else ""
        return CodingError("E028", f"{name}: coding took longer than the budget of "
                           f"{self.config.time_budget:g} s per article (Config.time_budget){at}; not coded")

    def _parse_part(self, piece: Article, seconds: float | None) -> Parsed | ComityError:
        if seconds is not None and seconds <= 0:
            return self._overrun(piece.source or piece.id)
        try:
            with budget(seconds):
                parts = find_parts(piece.text, piece.title)
                with one_blas_thread():
                    doc, = parse(self.nlp, [mask(piece.text, parts)], self.steps, 1)
                return Parsed(piece, doc, parts)
        except _Overrun:
            return self._overrun(piece.source or piece.id)
        except Exception as err:  # one article's bug must not end the run
            return CodingError("E029", f"{piece.source or piece.id}: parsing failed ({type(err).__name__}: "
                               f"{str(err)[:200]}); a bug in comity, please report it with the article")

    def parse_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Parsed | ComityError]]:
        """Check and parse a stream of articles in batches, without the extraction stages."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.config.batch_size:
                yield from self._parse_batch(batch)
                batch = []
        if batch:
            yield from self._parse_batch(batch)

    def _parse_batch(self, batch: list[Article]) -> Iterator[tuple[Article, Parsed | ComityError]]:
        prepared: dict[int, tuple] = {}
        failed: dict[int, ComityError] = {}
        for i, article in enumerate(batch):
            try:
                name = article.source or article.id
                _require_text(article.text, f"{name}: Article.text")
                if not article.text.strip():
                    raise InputError("E021", f"{name}: the article has no text")
                if len(article.text) > self.nlp.max_length:
                    raise InputError("E027", f"{name}: the article is too long for one parse "
                                     f"({len(article.text):,} characters; code it with Coder.code_many)")
                check_english(article.text, name)
                if (text := clean(article.text)) != article.text:
                    batch[i] = article = replace(article, text=text)
                with budget(self.config.time_budget):
                    parts = find_parts(article.text, article.title)
                prepared[i] = (mask(article.text, parts), parts)
            except ComityError as err:
                failed[i] = err
            except _Overrun:
                failed[i] = self._overrun(name, "reading its layout")
        order = sorted(prepared)
        texts = (prepared[i][0] for i in order)
        docs = parse(self.nlp, texts, self.steps, self.config.batch_size) if self.config.n_process == 1 \
            else self.nlp.pipe(texts, batch_size=self.config.batch_size, n_process=self.config.n_process)
        with one_blas_thread():
            parsed = {i: Parsed(batch[i], doc, prepared[i][1]) for i, doc in zip(order, docs, strict=True)}
        for i, article in enumerate(batch):
            yield article, failed[i] if i in failed else parsed[i]

    def entity_model(self, parsed: Parsed) -> EntityModel:
        """Who is who across the article: the entity model of one parse."""
        return build_model(parsed, self.index.mentions(parsed), self.traits)

    def reported(self, coded: Coded, hypothetical: bool = False, lone: bool = False) -> Coded:
        """The result as output by default (:func:`comity.io.output.reported`), read with this coder's user
        data files (a user's 'counterpart_types' count)."""
        with extended({"events.json": tuple(self.config.event_files)}):
            return reported(coded, hypothetical, lone)

    def run_stages(self, parsed: Parsed) -> Coded:
        """Every extraction stage over one parse."""
        article = parsed.article
        warnings = list(parsed.warnings)
        if article.published is None:
            warnings.append(NO_DATE_WARNING)
        with extended(self.config.stage_extensions()):
            mentions = self.index.mentions(parsed)
            model = build_model(parsed, mentions, self.traits)
            quotes, speakers = extract_quotes(parsed, mentions, self.index, self.cues, model)
            times = find_times(parsed, article.published)
            figures = find_figures(parsed, times)
            actors = sorted(coded_names(model, mentions) + model_mentions(model), key=lambda m: m.span)
            events = find_events(parsed, actors, times, self.lexicon, figures, quotes, speakers)
        return Coded(
            article=article, version=self.version, parts=parsed.parts, speakers=tuple(speakers),
            quotes=tuple(quotes), events=tuple(events), times=tuple(times), figures=tuple(figures),
            mentions=tuple(mentions), warnings=tuple(warnings),
        )


def _quiet(_: str) -> None:
    return None


def _require_text(text: object, what: str) -> None:
    if not isinstance(text, str):
        raise TypeError(f"comity: {what} must be a str (decoded text), not {type(text).__name__}"
                        + ("; decode the bytes first, e.g. data.decode('utf-8')" if isinstance(text, bytes)
                           else ""))


def _groups(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Runs of at most ``size`` articles that fit in one part; a long article alone."""
    group: list[Article] = []
    for article in articles:
        long = isinstance(article.text, str) and len(article.text) > PART_CHARS
        if group and (long or len(group) >= size):
            yield group
            group = []
        group.append(article)
        if long:
            yield group
            group = []
    if group:
        yield group


class _Overrun(BaseException):
    """An article's coding ran past its budget (a BaseException: a stage's `except Exception` lets it by)."""


@contextmanager
def budget(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (SIGALRM; the main thread of a Unix process only,
    elsewhere the block runs unbounded). A timer already set is restored, less the time spent."""
    if not seconds or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def overrun(signum, frame) -> None:
        raise _Overrun

    start = time.monotonic()
    previous = signal.signal(signal.SIGALRM, overrun)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - start), 0.001))


RECYCLE = 2_000  # articles a worker codes before a fresh one takes its place (memory stays bounded)
WATCH_SECONDS = 0.5  # how often a worker checks that its parent still lives
_Task = tuple[int, list[Article]]


class Workers:
    """A coder's articles coded in ``jobs`` worker processes; the results come back in input order.

    Each worker is a copy of the coder (forked where the system allows it, so the model is not loaded
    again; else started afresh from the configuration) that codes one batch of articles at a time and
    sends back each result as it is done. This process reads the articles, hands out the batches and
    puts the results back in order: at most ``jobs × 3`` batches are read ahead, so memory stays
    bounded whatever the input's length. A worker is replaced after :data:`RECYCLE` articles; one that
    dies (killed, out of memory) takes only its batch's unfinished articles with it, each reported in
    place as E029. A use as ``code_many`` of a :class:`Coder`: ``Corpus.ingest(coder=workers)``."""

    def __init__(self, coder: Coder, jobs: int) -> None:
        import multiprocessing

        self.coder, self.jobs = coder, max(1, jobs)
        self.config, self.version = coder.config, coder.version
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.live: dict = {}  # connection → [process, batch in hand or None, articles coded]
        self.started = 0  # workers started so far

    @property
    def notify(self) -> Callable[[str], None]:
        return self.coder.notify

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """End the workers: an idle one when it has read its last message, one still coding a batch
        (the caller stopped reading: a closed pipe, Ctrl-C) at once."""
        for conn, (process, task, _) in list(self.live.items()):
            if task is None:
                with suppress(OSError, ValueError, EOFError):
                    conn.send(None)
                process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join()
            conn.close()
        self.live.clear()

    def _start(self):
        import gc

        ours, theirs = self.context.Pipe()
        gc.collect()
        gc.freeze()  # the coder's objects stay shared with the worker, not copied on first touch
        fork = self.context.get_start_method() == "fork"
        coder = self.coder if fork else self.config
        process = self.context.Process(target=_work, args=(coder, theirs, os.getpid()), daemon=True)
        process.start()
        self.started += 1
        theirs.close()
        self.live[ours] = [process, None, 0]
        return ours

    def reported(self, coded: Coded, hypothetical: bool = False, lone: bool = False) -> Coded:
        return self.coder.reported(coded, hypothetical, lone)

    def code_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Coded | ComityError]]:
        from multiprocessing.connection import wait

        stream = iter(articles)
        size, ahead = self.config.batch_size, 3 * self.jobs * self.config.batch_size
        waiting: dict[int, Article] = {}  # read and handed out, not yet given back
        done: dict[int, Coded | ComityError] = {}
        given, batch = 0, list(itertools.islice(stream, size))
        while batch or waiting:
            while batch and len(waiting) < ahead and (conn := self._free()) is not None:
                first = given + len(waiting)
                waiting.update(enumerate(batch, start=first))
                self._send(conn, (first, batch))
                batch = list(itertools.islice(stream, size))
            busy = {process.sentinel: conn for conn, (process, _, _) in self.live.items()}
            for ready in wait([*busy.values(), *busy]):
                conn = busy.get(ready, ready)
                if conn in self.live:
                    self._receive(conn, done)
            while given in done:
                yield waiting.pop(given), done.pop(given)
                given += 1

    def _free(self):
        """A worker free for a batch (started if fewer than ``jobs`` run), or None when all are busy."""
        free = next((conn for conn, (_, task, _) in self.live.items() if task is None), None)
        return free if free is not None or len(self.live) >= self.jobs else self._start()

    def _send(self, conn, task: _Task) -> None:
        self.live[conn][1] = task
        conn.send(task)

    def _receive(self, conn, done: dict) -> None:
        """Read one message from a worker (a result, a progress line, the end of its batch); a worker
        that died gives its batch's unfinished articles as errors."""
        process, task, count = self.live[conn]
        try:
            kind, number, body = conn.recv()
        except (EOFError, OSError):
            process.join()
            self._lost(conn, task, done, process.exitcode)
            return
        if kind == "note":
            self.coder.notify(body)
        elif kind == "result":
            done[number] = _unpacked(body)
            self.live[conn][2] = count + 1
        elif kind == "batch":
            self.live[conn][1] = None
            if count >= RECYCLE:
                self._retire(conn)

    def _retire(self, conn) -> None:
        process = self.live.pop(conn)[0]
        conn.send(None)
        process.join()
        conn.close()

    def _lost(self, conn, task: _Task | None, done: dict, exitcode: int | None) -> None:
        del self.live[conn]
        conn.close()
        if task is None:
            return
        first, batch = task
        for number, article in enumerate(batch, start=first):
            if number not in done:
                done[number] = CodingError(
                    "E029", f"{article.source or article.id}: the worker process coding it stopped "
                    f"(exit code {exitcode}; out of memory?); not coded")


def _work(coder: Coder | Config, conn, parent: int) -> None:
    """A worker: code each batch received, sending back every result as it is done, until None;
    it ends by itself when its parent (pid ``parent``) dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    threading.Thread(target=_watch, args=(parent,), name="comity-parent-watch", daemon=True).start()
    coder = coder if isinstance(coder, Coder) else Coder(coder)
    coder.notify = lambda line: conn.send(("note", 0, line))
    while (task := conn.recv()) is not None:
        first, batch = task
        for number, (_, result) in enumerate(coder.code_many(batch), start=first):
            conn.send(("result", number, _packed(result)))
        conn.send(("batch", first, None))


def _watch(parent: int) -> None:
    """End this process as soon as its parent is no longer ``parent`` (the parent died and this
    process was handed to init or a subreaper): nothing is left to send the results to."""
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def _packed(result: Coded | ComityError) -> object:
    """A result as it crosses to the parent (comity's errors are sent as their class, code, message)."""
    return (type(result), result.code, result.message) if isinstance(result, ComityError) else result


def _unpacked(body: object) -> Coded | ComityError:
    if isinstance(body, tuple):
        kind, code, message = body
        return kind(code, message)
    return body  # type: ignore[return-value]


@cache
def default_coder() -> Coder:
    return Coder()


def code(
    text: str,
    published: date | datetime | str | None = None,
    *,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Coded:
    """Code one article with the default configuration: ``comity.code(text, published="2025-05-07")``."""
    return default_coder().code(text, published, id=id, title=title, url=url)
