"""The one composition point: load the spaCy pipeline once, stream articles
through ``nlp.pipe`` in batches, and run every stage on each parse.

    source ──ingest──▶ Article ──structure──▶ parts ──nlp.pipe──▶ Parsed
    Parsed ──actors──▶ Mentions ──quotes──▶ Quotes, Speakers
    Parsed ──times──▶ TimeRefs ──figures──▶ Figures
    Parsed ──events (with Mentions, TimeRefs, Figures)──▶ Events      all ──▶ Coded

The coder is a pure function of (text, publication date, configuration, data
files): no wall clock, no randomness.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from functools import cache

import spacy
from spacy.language import Language

from comity._version import __version__
from comity.actors.resolve import ActorIndex
from comity.config import Config
from comity.datafiles import data_hash, extended
from comity.entities.build import build_model, traits_from
from comity.entities.mentions import model_mentions
from comity.entities.model import EntityModel
from comity.errors import ComityError, InputError, ModelError
from comity.events.extract import EventLexicon, find_events
from comity.figures import find_figures
from comity.quotes.cues import CueLexicon
from comity.quotes.extract import extract_quotes
from comity.records import Article, Coded, CoderVersion
from comity.text.document import Parsed
from comity.text.language import check_english
from comity.text.normalize import as_date, content_id
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
        self.nlp = load_model(self.config.model)
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
        article = Article(id=id or content_id(text), text=text, title=title, url=url,
                          published=as_date(published))
        (_, result), = self.code_many([article])
        if isinstance(result, ComityError):
            raise result
        return result

    def code_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Coded | ComityError]]:
        """Code a stream of articles in batches; each result is a Coded or the error that stopped it."""
        for article, parsed in self.parse_many(articles):
            yield article, parsed if isinstance(parsed, ComityError) else self.run_stages(parsed)

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
                if not article.text.strip():
                    raise InputError("E021", f"{name}: the article has no text")
                check_english(article.text, name)
                parts = find_parts(article.text, article.title)
                prepared[i] = (mask(article.text, parts), parts)
            except ComityError as err:
                failed[i] = err
        order = sorted(prepared)
        docs = self.nlp.pipe((prepared[i][0] for i in order), batch_size=self.config.batch_size,
                             n_process=self.config.n_process)
        parsed = {i: Parsed(batch[i], doc, prepared[i][1]) for i, doc in zip(order, docs, strict=True)}
        for i, article in enumerate(batch):
            yield article, failed[i] if i in failed else parsed[i]

    def entity_model(self, parsed: Parsed) -> EntityModel:
        """Who is who across the article: the entity model of one parse."""
        return build_model(parsed, self.index.mentions(parsed), self.traits)

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
            actors = sorted(mentions + model_mentions(model), key=lambda m: m.span)
            events = find_events(parsed, actors, times, self.lexicon, figures)
        return Coded(
            article=article, version=self.version, parts=parsed.parts, speakers=tuple(speakers),
            quotes=tuple(quotes), events=tuple(events), times=tuple(times), figures=tuple(figures),
            mentions=tuple(mentions), warnings=tuple(warnings),
        )


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
