"""Quotes: textacy's ``direct_quotations`` and comity on the same articles, same scorer, one table.

Articles: the shared example and PolNeAR dev (from ../shared). textacy is an
optional benchmark dependency (``pip install -e '.[bench]'``), never a runtime
one. textacy raises on an article with an odd number of quotation marks; such
an article counts as coded with no quotes, and the table says how many.

    python benchmarks/quotes_vs_textacy.py
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

from comity.evaluation.evaluate import gold_article, gold_files, write_predictions
from comity.evaluation.scoring import score_dir
from comity.pipeline import Coder

SHARED = Path(__file__).resolve().parents[2] / "shared"
SETS = {"example": SHARED / "examples", "PolNeAR dev": SHARED / "data" / "polnear" / "gold-dev"}
METRICS = ("quote_recall", "quote_precision", "quote_f1", "speaker_accuracy")


def textacy_predictions(coder: Coder, gold: Path, out: Path) -> int:
    """Write textacy's quotes for each article as the scorer reads them; return how many articles failed."""
    from textacy.extract.triples import direct_quotations

    failed = 0
    out.mkdir(parents=True, exist_ok=True)
    for path in gold_files(gold):
        article = gold_article(path)
        quotes = []
        try:
            for triple in direct_quotations(coder.nlp(article.text)):
                speaker = " ".join(t.text for t in triple.speaker)
                start, end = triple.content[0].idx, triple.content[-1].idx + len(triple.content[-1])
                quotes.append({"speaker": speaker, "content": article.text[start:end],
                               "content_span": [start, end]})
        except ValueError:
            failed += 1
        (out / f"{article.id}.json").write_text(json.dumps({"quotes": quotes}), encoding="utf-8")
    return failed


def main() -> None:
    if not SHARED.is_dir():
        raise SystemExit(f"../shared is absent ({SHARED}): nothing to compare on")
    coder = Coder()
    table = Table(title="Quotes: textacy direct_quotations vs comity (shared scorer rules)")
    for name in ("articles", "system", *METRICS, "articles textacy gave up on"):
        table.add_column(name)
    for name, gold in SETS.items():
        with tempfile.TemporaryDirectory() as tmp:
            failed = textacy_predictions(coder, gold, Path(tmp) / "textacy")
            write_predictions(coder, gold_files(gold), Path(tmp) / "comity")
            for system in ("textacy", "comity"):
                _, summary = score_dir(gold, Path(tmp) / system)
                figures = (f"{summary[m]:.3f}" for m in METRICS)
                table.add_row(f"{name} ({summary['articles']})", system, *figures,
                              str(failed) if system == "textacy" else "")
    Console().print(table)


if __name__ == "__main__":
    main()
