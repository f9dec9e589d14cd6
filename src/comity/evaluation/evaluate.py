"""``comity eval``: code every gold file's article and score the result.

Predictions are written only to the folder the caller names, or to a
temporary folder that is removed afterwards, never beside the gold files.
Scoring follows GOLD-FORMAT.md ("How it scores") through :mod:`comity.evaluation.scoring`, which
also finds the gold files (``gold_files``, importable from here too) and their articles.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from comity.errors import ComityError, EvalError
from comity.evaluation.scoring import article_name, article_path, gold_files, read_gold, score_dir
from comity.io.output import to_json
from comity.pipeline import Coder
from comity.records import Article
from comity.text.normalize import as_date


def gold_article(path: Path) -> Article:
    """The article a gold file describes: its text file beside it or in ``../text/`` (E051 when absent),
    under the name its prediction is scored by."""
    gold = read_gold(path)
    place = article_path(path, gold)
    if place is None:
        name = gold.get("text_file") or ""
        raise EvalError("E051", f"{path}: its article text '{name}' is neither beside it nor in ../text/")
    return Article(id=article_name(path), text=place.read_text(encoding="utf-8"),
                   published=as_date(gold.get("published")), source=str(place))


def _articles(files: list[Path], errors: list[str]) -> Iterator[Article]:
    for path in files:
        try:
            yield gold_article(path)
        except (ComityError, OSError, ValueError) as err:
            errors.append(str(err))


def write_predictions(coder: Coder, files: list[Path], out_dir: Path,
                      progress: Callable[[], None] | None = None) -> list[str]:
    """Code each gold file's article into ``out_dir/NAME.json``; the errors met, as messages."""
    out_dir.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    for article, result in coder.code_many(_articles(files, errors)):
        if isinstance(result, ComityError):
            errors.append(str(result))
        else:
            target = out_dir / f"{article.id}.json"
            shown = to_json(coder.reported(result), hypothetical=True, lone=True)  # reported() chose
            target.write_text(json.dumps(shown, ensure_ascii=False), encoding="utf-8")
        if progress:
            progress()
    return errors


def evaluate(coder: Coder, gold: Path, out_dir: Path | None = None,
             progress: Callable[[], None] | None = None) -> tuple[dict[str, Any], dict[str, Any], list[str]]:
    """Code and score: (summary, per-article scores, error messages)."""
    files = gold_files(gold)
    if out_dir is not None:
        errors = write_predictions(coder, files, out_dir, progress)
        per, summary = score_dir(gold, out_dir)
        return summary, per, errors
    with tempfile.TemporaryDirectory(prefix="comity-eval-") as tmp:
        errors = write_predictions(coder, files, Path(tmp), progress)
        per, summary = score_dir(gold, Path(tmp))
    return summary, per, errors
