"""Numbered errors, so a message can be looked up and a test can name it.

| code | meaning |
| --- | --- |
| E001-E005 | configuration (model name, batch size, processes, data file, time budget) |
| E006 | a command-line option value out of range (a negative --limit) |
| E010 | the spaCy pipeline is not installed |
| E020-E027 | input: missing, empty, binary, not UTF-8, bad JSONL line, no text, too long |
| E028-E029 | coding one article: over the time budget, an unexpected failure (a bug) |
| E030 | text is not English |
| E040 | a data file is malformed |
| E050-E052 | evaluation: no gold files, no article text, unreadable PLOVER GSR file |
| E060-E063 | store: not a DuckDB database, open in another process, cannot be opened or written |
|           | (or not a comity store), newer schema |
| E064 | store: damaged (truncated or corrupt); nothing is written to it |
| E070-E074 | fetch: unreachable URL, HTTP error, not a feed, truncated WARC, JSON without an article |
| E075-E078 | fetch: answer too large, no answer within the deadline, not a page or text, redirect loop |
| E080-E081 | export: unknown format or Parquet without -o, cannot write |
| E082-E083 | an output file or folder: unsupported chart type, cannot be written |
"""

from __future__ import annotations


class ComityError(Exception):
    """Base of every error comity raises on purpose; ``code`` is the number."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


class UsageError(ComityError):
    """A command-line option or output path is wrong."""


class CodingError(ComityError):
    """One article could not be coded (time budget, or an unexpected failure)."""


class ConfigError(ComityError):
    """The configuration is invalid."""


class ModelError(ComityError):
    """The spaCy pipeline cannot be loaded."""


class InputError(ComityError):
    """An input cannot be read as an article."""


class LanguageError(ComityError):
    """The text is not English."""


class DataError(ComityError):
    """A data file is malformed."""


class EvalError(ComityError):
    """Gold files or their texts are missing."""


class StoreError(ComityError):
    """The store cannot be opened or written."""


class ExportError(ComityError):
    """An export cannot be written."""
