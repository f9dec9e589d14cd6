"""What each spaCy component costs, and whether comity's parse gives spaCy's Doc exactly.

Times every component of the pipeline over the same texts (component by component, in order), as
spaCy ships it and as comity runs it (the models' matrix products through numpy's BLAS on one thread,
``comity.text.products``; the attribute ruler and the lemmatizer over arrays,
``comity.text.annotate``), then parses the texts both ways and compares every token attribute comity
or spaCy could read:
text, tag, part of speech, morphology, lemma, dependency and head, entity IOB and type, sentence
starts, and the entity spans. Any difference is printed, with its article and token.

    python benchmarks/components.py [--articles 100] [--corpus polnear|news] [--skip 0]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import corpus

ATTRS = ("ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START",
         "IS_SPACE", "NORM")


def news_texts(limit: int, skip: int = 0) -> list[str]:
    """The first ``limit`` article texts of ../shared/data/news/corpus.jsonl.gz (after ``skip``)."""
    import gzip
    import json

    path = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "corpus.jsonl.gz"
    texts: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= skip and line.strip():
                texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    return texts


def component_times(nlp, ours_nlp, texts: list[str], batch_size: int,
                    steps: dict) -> list[tuple[str, float, float]]:
    """(component, spaCy's seconds, comity's seconds) over ``texts``, one component after another: spaCy
    as shipped (``nlp``), and comity's copy (``ours_nlp``: numpy's matrix products, the array steps)."""
    from comity.text.products import one_blas_thread

    start = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    rows = [("tokenizer", time.perf_counter() - start, time.perf_counter() - start)]
    copies = [ours_nlp.make_doc(t) for t in texts]
    for (name, component), (_, our_component) in zip(nlp.pipeline, ours_nlp.pipeline, strict=True):
        start = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=batch_size))
        spacy_seconds = time.perf_counter() - start
        start = time.perf_counter()
        with one_blas_thread():
            if name in steps:
                copies = [steps[name](doc) for doc in copies]
            else:
                copies = list(our_component.pipe(copies, batch_size=batch_size))
        rows.append((name, spacy_seconds, time.perf_counter() - start))
    return rows


def differences(nlp, ours_nlp, texts: list[str], batch_size: int, steps: dict) -> list[str]:
    """Every token attribute where comity's parse differs from spaCy's (empty: the same Docs)."""
    from comity.text.annotate import parse
    from comity.text.products import one_blas_thread

    found = []
    theirs = list(nlp.pipe(texts, batch_size=batch_size))
    with one_blas_thread():
        ours = list(parse(ours_nlp, texts, steps, batch_size))
    for number, (a, b) in enumerate(zip(theirs, ours, strict=True)):
        x, y = a.to_array(list(ATTRS)), b.to_array(list(ATTRS))
        for row in numpy.argwhere(x != y)[:5]:
            i, j = int(row[0]), int(row[1])
            found.append(f"article {number} token {i} {a[i].text!r}: {ATTRS[j]} "
                         f"{nlp.vocab.strings[int(x[i, j])] if x[i, j] > 1000 else x[i, j]} != "
                         f"{nlp.vocab.strings[int(y[i, j])] if y[i, j] > 1000 else y[i, j]}")
        found += [f"article {number} token {t.i}: morph {t.morph} != {u.morph}"
                  for t, u in zip(a, b, strict=True) if str(t.morph) != str(u.morph)][:5]
        if [(e.start, e.end, e.label_) for e in a.ents] != [(e.start, e.end, e.label_) for e in b.ents]:
            found.append(f"article {number}: entities differ")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--corpus", choices=("polnear", "news"), default="polnear")
    parser.add_argument("--skip", type=int, default=0, help="news: leave out the first N articles")
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    import spacy

    from comity.config import DEFAULT_MODEL
    from comity.text.annotate import array_steps
    from comity.text.products import use_numpy_products

    if args.corpus == "news":
        name, texts = "the news corpus", news_texts(args.articles, args.skip)
    else:
        name, texts = corpus(args.articles)
        texts = texts[:args.articles]
    nlp = spacy.load(DEFAULT_MODEL)  # spaCy as shipped
    ours_nlp = spacy.load(DEFAULT_MODEL)  # comity's copy: numpy's matrix products, the array steps
    layers = use_numpy_products(ours_nlp)
    steps = array_steps(ours_nlp)
    print(f"{len(texts)} articles ({name}); array steps: {', '.join(steps) or 'none'}; "
          f"{layers} model layers multiply through numpy's BLAS")
    list(nlp.pipe(texts[:5]))  # warm up
    list(ours_nlp.pipe(texts[:5]))
    rows = component_times(nlp, ours_nlp, texts, args.batch_size, steps)
    total = sum(r[1] for r in rows)
    for component, theirs, ours in rows:
        print(f"{component:16} spaCy {1000 * theirs / len(texts):6.1f} ms/article {theirs / total:6.1%}"
              f"  comity {1000 * ours / len(texts):6.1f} ms/article")
    print(f"{'all':16} spaCy {1000 * total / len(texts):6.1f} ms/article"
          f"          comity {1000 * sum(r[2] for r in rows) / len(texts):6.1f} ms/article")
    found = differences(nlp, ours_nlp, texts, args.batch_size, steps)
    print("\n".join(found[:40]))
    print(f"{len(found)} differences between spaCy's Docs and comity's over {len(texts)} articles")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
