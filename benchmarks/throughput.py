"""Throughput: comity end to end against spaCy's own ``nlp.pipe``, same texts, same model, same run.

Corpus: PolNeAR's texts from ../shared where present (at least 50 articles),
else articles generated deterministically from the bundled demo article's
paragraphs; with ``--corpus news``, the first articles of the international news
corpus of ../shared (``--skip`` leaves out the first N). Each side runs
``--repeat`` times, alternating, and the best time of each is kept (machines are
noisy: read the ratio, not the seconds). One process: comity codes in the
process that runs the benchmark (``--jobs 1``), as spaCy's ``nlp.pipe`` does.
spaCy runs as shipped (its own copy of the model, its matrix products through
BLIS); comity's coder parses with numpy's (``comity.text.products``).

    python benchmarks/throughput.py [--articles 100] [--repeat 2] [--corpus polnear|news]
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "data"


def polnear_texts(limit: int) -> list[str]:
    files = sorted(POLNEAR.glob("*/text/*.txt")) if POLNEAR.is_dir() else []
    return [f.read_text(encoding="utf-8") for f in files[:limit]]


def generated_texts(limit: int) -> list[str]:
    """Articles built from the demo article's paragraphs, shuffled with a fixed seed."""
    paragraphs = [p for p in (ROOT / "examples").glob("*.txt") for p in p.read_text().split("\n")
                  if len(p.split()) > 8]
    rng = random.Random(20250507)
    return ["\n".join(rng.sample(paragraphs, k=min(12, len(paragraphs)))) for _ in range(limit)]


def corpus(limit: int) -> tuple[str, list[str]]:
    """The texts and a name that says where they come from, and why."""
    texts = polnear_texts(limit)
    if len(texts) >= 50:
        return f"PolNeAR, from {POLNEAR}", texts
    why = f"{POLNEAR} is absent" if not POLNEAR.is_dir() else f"{POLNEAR} holds fewer than 50 texts"
    return f"generated from examples/ ({why})", generated_texts(limit)


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--which", action="store_true", help="print the corpus it would use and stop")
    parser.add_argument("--corpus", choices=("polnear", "news"), default="polnear")
    parser.add_argument("--skip", type=int, default=0, help="news: leave out the first N articles")
    args = parser.parse_args()
    if args.corpus == "news":
        from components import news_texts

        name, texts = "the international news corpus of ../shared", news_texts(args.articles, args.skip)
    else:
        name, texts = corpus(max(args.articles, 50))
    print(f"corpus: {len(texts)} articles, {name}", flush=True)
    if args.which:
        return

    import spacy

    from comity.pipeline import Coder
    from comity.records import Article

    coder = Coder()
    nlp = spacy.load(coder.config.model)  # spaCy as shipped: its own copy, with its own matrix products
    articles = [Article(id=str(i), text=t, published=date(2016, 10, 1)) for i, t in enumerate(texts)]
    size = sum(len(t) for t in texts)

    def spacy_only() -> None:
        for _ in nlp.pipe(texts, batch_size=coder.config.batch_size):
            pass

    def comity_all() -> None:
        for _ in coder.code_many(articles):
            pass

    spacy_only()  # warm up both (lazy loads, caches)
    comity_all()
    base, ours = [], []
    for _ in range(args.repeat):
        base.append(timed(spacy_only))
        ours.append(timed(comity_all))
    b, o = min(base), min(ours)
    n = len(texts)
    print(f"{size / n:,.0f} characters per article on average")
    print(f"spaCy nlp.pipe ({coder.config.model}): {n / b:8.1f} articles/s")
    print(f"comity end to end:                {n / o:8.1f} articles/s")
    print(f"ratio comity/spaCy time: {o / b:.2f} (comity runs at {b / o:.0%} of spaCy's speed)")


if __name__ == "__main__":
    main()
