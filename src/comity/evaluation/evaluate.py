"""``comity eval``: code every gold file's article and score the result.

Predictions are written only to the folder the caller names, or to a
temporary folder that is removed afterwards, never beside the gold files.
Scoring follows GOLD-FORMAT.md ("How it scores") through :mod:`comity.evaluation.scoring`.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from comity.errors import ComityError, EvalError
from comity.evaluation.scoring import score_dir
from comity.io.output import to_json
from comity.pipeline import Coder
from comity.records import Article
from comity.text.normalize import as_date

GOLD_SUFFIX = ".gold.json"


def gold_files(gold: Path) -> list[Path]:
    """Every ``*.gold.json`` at or under ``gold`` (E050 when there is none)."""
    files = [gold] if gold.is_file() else sorted(gold.rglob(f"*{GOLD_SUFFIX}"))
    if not files:
        raise EvalError("E050", f"no *{GOLD_SUFFIX} under {gold}")
    return files


def gold_article(path: Path) -> Article:
    """The article a gold file describes: its text file beside it or in ``../text/``."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    name = gold.get("text_file") or ""
    for place in (path.parent / name, path.parent.parent / "text" / name):
        if name and place.is_file():
            text = place.read_text(encoding="utf-8")
            return Article(id=path.name[: -len(GOLD_SUFFIX)], text=text,
                           published=as_date(gold.get("published")), source=str(place))
    raise EvalError("E051", f"{path}: its article text '{name}' is neither beside it nor in ../text/")


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
            target.write_text(json.dumps(to_json(result), ensure_ascii=False), encoding="utf-8")
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
