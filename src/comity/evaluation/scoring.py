"""comity's scorer: the figures of the shared reference scorer, computed without it.

``score_dir(gold, pred_dir)`` scores every ``NAME.gold.json`` under ``gold`` against ``pred_dir/NAME.json``;
``summarize`` turns per-article counts into the one-line figures, ``format_summary`` writes that line.
The rules (GOLD-FORMAT.md, "How it scores") live in ``score_quotes`` (quotes, speakers, profiles),
``score_events`` (event tuples) and ``score_values`` (times, figures), on the text helpers of
``score_text``. This module also finds the gold files and their articles for ``comity eval``. Standard
library only, so that importing it stays cheap.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from comity.errors import EvalError
from comity.evaluation.score_events import EventCounts, EventTuple, count_events
from comity.evaluation.score_quotes import (
    PROFILE_FIELDS,
    ProfileCounts,
    QuoteCounts,
    count_profiles,
    count_quotes,
)
from comity.evaluation.score_values import FigureCounts, TimeCounts, count_figures, count_times

GOLD_SUFFIX = ".gold.json"
SUMMARY_DIGITS = 3


@dataclass(frozen=True)
class ArticleScore:
    """One article's counts for every part of the score, and what went wrong reading its files."""

    quotes: QuoteCounts = field(default_factory=QuoteCounts)
    profiles: ProfileCounts = field(default_factory=ProfileCounts)
    events: EventCounts = field(default_factory=EventCounts)
    times: TimeCounts = field(default_factory=TimeCounts)
    figures: FigureCounts = field(default_factory=FigureCounts)
    warnings: tuple[str, ...] = ()

    @property
    def missed_events(self) -> tuple[EventTuple, ...]:
        """Core gold event tuples no prediction found."""
        return self.events.missed

    @property
    def spurious_events(self) -> tuple[EventTuple, ...]:
        """Predicted event tuples no gold event accepts."""
        return self.events.spurious

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready counts (event tuples as lists)."""
        out = asdict(self)
        out["warnings"] = list(self.warnings)
        return out


def score_article(gold: dict, prediction: dict, text: str) -> ArticleScore:
    """Score one article's prediction against its gold record; ``text`` is the article (may be empty)."""
    return ArticleScore(
        quotes=count_quotes(gold, prediction, text),
        profiles=count_profiles(gold, prediction),
        events=count_events(gold, prediction),
        times=count_times(gold, prediction),
        figures=count_figures(gold, prediction),
    )


# ---------------------------------------------------------------- the summary


def ratio(part: int, whole: int) -> float:
    """part / whole, or 0.0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall, 0.0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _total(scores: dict[str, ArticleScore], part: str, count: str) -> int:
    return sum(getattr(getattr(score, part), count) for score in scores.values())


def summarize(scores: dict[str, ArticleScore]) -> dict[str, float | int]:
    """The shared scorer's figures over all articles, ratios rounded to three places (0.0 where the
    denominator is zero); F1 is computed from the unrounded precision and recall."""
    quote_recall = ratio(_total(scores, "quotes", "found"), _total(scores, "quotes", "gold"))
    quote_precision = ratio(_total(scores, "quotes", "precise"), _total(scores, "quotes", "predicted"))
    event_recall = ratio(_total(scores, "events", "found"), _total(scores, "events", "core"))
    event_precision = ratio(_total(scores, "events", "precise"), _total(scores, "events", "predicted"))
    figures: dict[str, float] = {
        "quote_recall": quote_recall,
        "quote_precision": quote_precision,
        "quote_f1": f1(quote_precision, quote_recall),
        "speaker_accuracy": ratio(_total(scores, "quotes", "speaker_right"),
                                   _total(scores, "quotes", "speaker_scored")),
        "event_recall": event_recall,
        "event_precision": event_precision,
        "event_f1": f1(event_precision, event_recall),
        "time_recall": ratio(_total(scores, "times", "found"), _total(scores, "times", "gold")),
        "time_precision": ratio(_total(scores, "times", "right"), _total(scores, "times", "judged")),
        "figure_recall": ratio(_total(scores, "figures", "found"), _total(scores, "figures", "gold")),
    }
    for name in PROFILE_FIELDS:
        figures[f"speaker_{name}_accuracy"] = ratio(
            _total(scores, "profiles", f"{name}_right"), _total(scores, "profiles", f"{name}_gold")
        )
    summary: dict[str, float | int] = {"articles": len(scores)}
    summary.update({key: round(value, SUMMARY_DIGITS) for key, value in figures.items()})
    return summary


def format_summary(summary: dict[str, float | int]) -> str:
    """``key=value`` pairs separated by two spaces, in the summary's order."""
    return "  ".join(f"{key}={value}" for key, value in summary.items())


# ---------------------------------------------------------------- files


def gold_files(gold: Path) -> list[Path]:
    """The gold file itself, or every ``*.gold.json`` under a folder (recursively), sorted."""
    if gold.is_file():
        return [gold]
    found = sorted(gold.rglob(f"*{GOLD_SUFFIX}")) if gold.is_dir() else []
    if not found:
        raise EvalError("E050", f"no *{GOLD_SUFFIX} file at or under {gold}")
    return found


def article_name(gold_file: Path) -> str:
    """NAME of NAME.gold.json (the prediction is NAME.json)."""
    name = gold_file.name
    return name.removesuffix(GOLD_SUFFIX) if name.endswith(GOLD_SUFFIX) else gold_file.stem


def read_gold(gold_file: Path) -> dict:
    """A gold file's object (E050 when it cannot be read or is not a JSON object)."""
    try:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise EvalError("E050", f"cannot read gold file {gold_file}: {err}") from err
    if not isinstance(gold, dict):
        raise EvalError("E050", f"gold file {gold_file} does not hold a JSON object")
    return gold


def article_path(gold_file: Path, gold: dict) -> Path | None:
    """The article file named by the gold's ``text_file``: beside the gold file, or in ``../text/``."""
    name = gold.get("text_file")
    if not isinstance(name, str) or not name:
        return None
    for place in (gold_file.parent / name, gold_file.parent.parent / "text" / name):
        if place.is_file():
            return place
    return None


def _article_text(gold_file: Path, gold: dict) -> str | None:
    """The text of the gold's article (see :func:`article_path`), or ``None`` when it cannot be read."""
    place = article_path(gold_file, gold)
    if place is None:
        return None
    try:
        return place.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _read_prediction(path: Path) -> tuple[dict, str | None]:
    """A prediction file's object, or an empty prediction and a warning when it is missing or unreadable."""
    if not path.exists():
        return {}, f"no prediction {path}"
    try:
        prediction = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        return {}, f"unreadable prediction {path}: {err}"
    if not isinstance(prediction, dict):
        return {}, f"prediction {path} is not a JSON object"
    return prediction, None


def score_dir(gold: Path, pred_dir: Path) -> tuple[dict[str, ArticleScore], dict[str, float | int]]:
    """Score ``pred_dir/NAME.json`` against every ``NAME.gold.json`` at or under ``gold``. Missing or
    unreadable predictions count as empty ones; their warnings are kept in each ``ArticleScore``.
    Raises ``EvalError`` (E050) when there is no gold file or a gold file cannot be read."""
    scores: dict[str, ArticleScore] = {}
    for gold_file in gold_files(Path(gold)):
        name = article_name(gold_file)
        record = read_gold(gold_file)
        prediction, warning = _read_prediction(Path(pred_dir) / f"{name}.json")
        text = _article_text(gold_file, record)
        warnings = [warning] if warning else []
        if text is None:
            wanted = record.get("text_file") or "(no text_file)"
            warnings.append(f"no article text {wanted} for {gold_file}: quotes matched without their extent")
        scores[name] = replace(score_article(record, prediction, text or ""), warnings=tuple(warnings))
    return scores, summarize(scores)


def warnings_of(scores: dict[str, ArticleScore]) -> list[str]:
    """Every warning collected while scoring, in article order."""
    return [warning for score in scores.values() for warning in score.warnings]
