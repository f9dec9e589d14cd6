"""Progress on standard error, wherever it goes: a bar with the count, the total, the rate and the time
left on a terminal; when standard error is a file or a pipe (a log, a batch job), one plain line when
the first input is done and then every ``every`` seconds, so a long run is never silent.

The total of an ingest is counted before it starts where the sources allow it (files, folders, JSON
Lines); a URL, a feed or standard input makes it unknown, and the bar then shows the count and rate.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

EVERY = 10.0  # seconds between two progress lines when standard error is not a terminal


def rate_text(done: int, seconds: float, what: str = "articles") -> str:
    """``12.3 articles/s``, or ``4.2 s per article`` when slower than one a second (never ``0.0/s``)."""
    if done <= 0 or seconds <= 0:
        return f"no {what}"
    rate = done / seconds
    return f"{rate:.1f} {what}/s" if rate >= 1 else f"{seconds / done:.1f} s per {what.rstrip('s')}"


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(rate_text(int(task.completed), task.elapsed or 0.0), style="progress.data.speed")


class Ticker:
    """Counts inputs done; shows a Rich bar on a terminal, else a line now and then (``every`` s)."""

    def __init__(self, console: Console, total: int | None, label: str = "coding", every: float = EVERY,
                 quiet_below: int = 1) -> None:
        self.console, self.total, self.label, self.every = console, total, label, every
        self.done, self.start, self.last = 0, time.monotonic(), None
        self.live = console.is_terminal
        self.quiet = total is not None and total < quiet_below
        self.bar: Progress | None = None
        self.task = None
        self.text = label

    def __enter__(self) -> Ticker:
        if self.live and not self.quiet:
            columns = [TextColumn("[bold]{task.description}"), BarColumn()]
            if self.total is not None:
                columns.append(MofNCompleteColumn())
            columns += [RateColumn(), TimeElapsedColumn()]
            if self.total is not None:
                columns += [TextColumn("left"), TimeRemainingColumn()]
            self.bar = Progress(*columns, console=self.console, transient=True)
            self.bar.__enter__()
            self.task = self.bar.add_task(self.label, total=self.total)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def advance(self, description: str | None = None) -> None:
        """One input done (``description``: the running counts to show)."""
        self.done += 1
        self.text = description or self.text
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=self.text)
        elif not self.quiet:
            now = time.monotonic()
            if self.last is None or now - self.last >= self.every:
                self.last = now
                self.console.print(self.line(now - self.start), highlight=False, markup=False)

    def line(self, elapsed: float) -> str:
        """``coding: 120/500 · 12.3 articles/s · 0:00:10 elapsed, about 0:00:31 left``."""
        count = f"{self.done}/{self.total}" if self.total is not None else f"{self.done}"
        text = f"{self.label}: {count} ({self.text})" if self.text != self.label else f"{self.label}: {count}"
        parts = [text, rate_text(self.done, elapsed), f"{_clock(elapsed)} elapsed"]
        if self.total and self.done and elapsed > 0:
            parts[-1] += f", about {_clock(elapsed / self.done * (self.total - self.done))} left"
        return " · ".join(parts)


def _clock(seconds: float) -> str:
    seconds = round(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def count_inputs(sources: list[str], feeds: list[str] | tuple[str, ...] = ()) -> int | None:
    """How many articles the sources hold, counted without reading them whole; None when it cannot
    be known beforehand (a URL, a feed, a WARC file, standard input)."""
    from comity.io.fetch import folder_files, is_url

    if feeds:
        return None
    total = 0
    for source in sources:
        if source == "-" or is_url(source):
            return None
        path = Path(source)
        files = folder_files(path) if path.is_dir() else [path]
        for file in files:
            count = _articles_in(file)
            if count is None:
                return None
            total += count
    return total


def _articles_in(path: Path) -> int | None:
    from comity.io.fetch import FEED_SUFFIXES, WARC_SUFFIXES
    from comity.io.read import JSONL_SUFFIXES

    suffix, name = path.suffix.lower(), path.name.lower()
    if name.endswith(WARC_SUFFIXES) or suffix in FEED_SUFFIXES:
        return None
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as lines:
                return sum(1 for line in lines if line.strip())
        if suffix == ".json" and path.stat().st_size < 50_000_000:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
            return len(data) if isinstance(data, list) else 1
    except (OSError, ValueError):
        return 1  # unreadable: it will be reported as one failed input
    return 1
