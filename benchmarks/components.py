"""What each spaCy component costs, and whether comity's array steps give spaCy's Doc exactly.

Times every component of the pipeline over the same texts (component by component, in order), then
parses the texts with spaCy's ``nlp.pipe`` and with ``comity.text.annotate.parse`` (the attribute
ruler and the lemmatizer over arrays) and compares every token attribute comity or spaCy could read:
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


def component_times(nlp, texts: list[str], batch_size: int, steps: dict) -> list[tuple[str, float, float]]:
    """(component, spaCy's seconds, comity's seconds) over ``texts``, one component after another."""
    start = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    rows = [("tokenizer", time.perf_counter() - start, time.perf_counter() - start)]
    for name, component in nlp.pipeline:
        copies = [d.copy() for d in docs] if name in steps else None
        start = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=batch_size))
        spacy_seconds = time.perf_counter() - start
        ours = spacy_seconds
        if copies is not None:
            start = time.perf_counter()
            for doc in copies:
                steps[name](doc)
            ours = time.perf_counter() - start
        rows.append((name, spacy_seconds, ours))
    return rows


def differences(nlp, texts: list[str], batch_size: int, steps: dict) -> list[str]:
    """Every token attribute where comity's parse differs from spaCy's (empty: the same Docs)."""
    from comity.text.annotate import parse

    found = []
    theirs = nlp.pipe(texts, batch_size=batch_size)
    ours = parse(nlp, texts, steps, batch_size)
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

    if args.corpus == "news":
        name, texts = "the news corpus", news_texts(args.articles, args.skip)
    else:
        name, texts = corpus(args.articles)
        texts = texts[:args.articles]
    nlp = spacy.load(DEFAULT_MODEL)
    steps = array_steps(nlp)
    print(f"{len(texts)} articles ({name}); array steps: {', '.join(steps) or 'none'}")
    list(nlp.pipe(texts[:5]))  # warm up
    rows = component_times(nlp, texts, args.batch_size, steps)
    total = sum(r[1] for r in rows)
    for component, theirs, ours in rows:
        note = f"  comity {1000 * ours / len(texts):6.1f} ms/article" if component in steps else ""
        print(f"{component:16} {1000 * theirs / len(texts):6.1f} ms/article {theirs / total:6.1%}{note}")
    found = differences(nlp, texts, args.batch_size, steps)
    print("\n".join(found[:40]))
    print(f"{len(found)} differences between spaCy's Docs and comity's over {len(texts)} articles")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
