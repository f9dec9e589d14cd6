"""What the entity model costs: comity end to end with and without it, same texts, same run.

The model is built once per article (``comity.entities.build_model``); without it, the coder runs as
it did before the model existed (the quote and event stages get no model). Each side runs ``--repeat``
times, alternating, and the best time of each is kept: read the ratio, not the seconds.

    python benchmarks/entities.py [--articles 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from datetime import date

import comity.pipeline as pipeline
from comity.entities.model import EntityModel
from comity.records import Article
from throughput import corpus


def run(coder: pipeline.Coder, articles: list[Article]) -> float:
    start = time.perf_counter()
    for _ in coder.code_many(articles):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    name, texts = corpus(args.articles)
    articles = [Article(id=f"a{i}", text=t, published=date(2016, 10, 1)) for i, t in enumerate(texts)]
    coder = pipeline.Coder()
    real = pipeline.build_model
    with_model, without = [], []
    run(coder, articles[:5])  # warm up
    for _ in range(args.repeat):
        pipeline.build_model = real
        with_model.append(run(coder, articles))
        pipeline.build_model = lambda *_args, **_kw: EntityModel()
        without.append(run(coder, articles))
    pipeline.build_model = real
    best_with, best_without = min(with_model), min(without)
    count = len(articles)
    print(f"{count} articles ({name}): with the entity model {count / best_with:.2f} articles/s, "
          f"without {count / best_without:.2f} articles/s; "
          f"time ratio with/without {best_with / best_without:.3f}")


if __name__ == "__main__":
    main()
