"""Cost against length: one article of 5k, 32k, 128k and 512k characters, the time of each stage per
character, and the peak memory of the process that coded it.

Each article is real news: the international news corpus of ../shared (else PolNeAR's texts, else the
demo article's paragraphs) one after another, a blank line between them, cut at a paragraph end once
the length is reached, the same on every run.
Each length is coded in a fresh process (``comity.Coder().code``, as a user calls it; articles over
100,000 characters are coded in parts, as always), its stages timed where the coder calls them, so
the peak memory (max RSS) is that one article's. Every stage should cost the same per character at
every length: a stage whose time per character grows with the length has a loop over pairs.

    python benchmarks/scaling.py [--lengths 5000 32000 128000 512000] [--repeat 1]
    python benchmarks/scaling.py --quotes 5000    # one text of 5,000 short quotes, timed the same way
                                                  # (and spaCy alone over the same text, same run)
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import corpus

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "corpus.jsonl.gz"

STAGES = {  # the name in comity.pipeline -> the stage it is
    "find_parts": "layout", "mask": "layout", "build_model": "entities",
    "extract_quotes": "quotes", "find_times": "times", "find_figures": "figures",
    "model_mentions": "entities", "find_events": "events", "merge": "merge parts",
}
QUOTE = '"We {verb} the {noun} deal," said {name}{org}.'  # 52 characters on average, as in issue 18


def long_text(length: int) -> str:
    """Real articles one after another (a blank line between), cut at a paragraph end near ``length``."""
    if NEWS.is_file():
        from components import news_texts

        texts = news_texts(400, skip=1000)
    else:
        _, texts = corpus(200)
    out: list[str] = []
    size, i = 0, 0
    while size < length:
        for paragraph in texts[i % len(texts)].split("\n"):
            if size >= length:
                break
            out.append(paragraph)
            size += len(paragraph) + 1
        out.append("")
        i += 1
    return "\n".join(out)[:length]


def quotes_text(count: int) -> str:
    """``count`` short quotes, one a paragraph, with varied speakers, verbs and subjects."""
    verbs = ("back", "support", "reject", "welcome", "review", "delay", "oppose")
    nouns = ("trade", "border", "security", "water", "energy", "fisheries", "climate")
    names = ("Ana Silva", "Li Wei", "Omar Haddad", "Maria Costa", "John Reed", "Aiko Sato", "Ivan Petrov",
             "Grace Mensah", "Lars Berg", "Fatima Noor", "Diego Ruiz")
    orgs = ("Foreign Ministry", "Army", "Commission", "UN", "Treasury")
    return "\n".join(QUOTE.format(verb=verbs[i % 7], noun=nouns[i // 7 % 7], name=names[i % 11],
                                  org=f" of the {orgs[i // 2 % 5]}" if i % 2 else "")
                     for i in range(count))


def timed_coder():
    """A coder whose stages add their seconds to a table, by stage."""
    import comity.pipeline as pipeline

    seconds: dict[str, float] = defaultdict(float)

    def wrap(name: str, stage: str):
        real = getattr(pipeline, name)

        def run(*args, **kwargs):
            start = time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                seconds[stage] += time.perf_counter() - start
        setattr(pipeline, name, run)

    for name, stage in STAGES.items():
        wrap(name, stage)
    coder = pipeline.Coder(pipeline.Config(time_budget=0))
    mentions = coder.index.mentions

    def actors(*args, **kwargs):
        start = time.perf_counter()
        try:
            return mentions(*args, **kwargs)
        finally:
            seconds["actors"] += time.perf_counter() - start
    coder.index.mentions = actors
    return coder, seconds


def one(text: str) -> dict:
    """Code ``text`` once in this process: seconds per stage, in all, and the peak memory."""
    from datetime import date

    coder, seconds = timed_coder()
    coder.code(quotes_text(40) + "\n" + long_text(4_000), date(2016, 10, 1))  # lazy loads, caches
    seconds.clear()
    start = time.perf_counter()
    coded = coder.code(text, date(2016, 10, 1))
    total = time.perf_counter() - start
    seconds["parse and the rest"] = total - sum(seconds.values())
    return {"characters": len(text), "seconds": round(total, 3),
            "stages": {k: round(v, 3) for k, v in seconds.items()},
            "records": {"quotes": len(coded.quotes), "events": len(coded.events),
                        "mentions": len(coded.mentions)},
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def spacy_alone(text: str) -> float:
    """Seconds spaCy as shipped (its own copy of the model) takes over ``text`` cut as comity cuts it
    (parts of at most ``PART_CHARS`` characters, at paragraph ends): what no coder that parses with
    this model can go below on one core."""
    import spacy

    from comity.config import DEFAULT_MODEL
    from comity.records import Article
    from comity.text.split import PART_CHARS, split_article

    nlp = spacy.load(DEFAULT_MODEL)
    list(nlp.pipe([quotes_text(40)]))  # lazy loads
    parts = [piece.text for _, piece in split_article(Article(id="x", text=text), PART_CHARS)]
    start = time.perf_counter()
    for _ in nlp.pipe(parts, batch_size=1):
        pass
    return time.perf_counter() - start


def in_child(kind: str, size: int) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", kind, str(size)], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def show(label: str, rows: list[dict]) -> None:
    order = ["parse and the rest", "layout", "actors", *dict.fromkeys(STAGES.values())]
    stages = sorted({s for r in rows for s in r["stages"]}, key=order.index)
    print(f"{label:>9} {'total':>8} " + " ".join(f"{s:>11}" for s in stages)
          + "   peak MB  (µs per character)")
    for r in rows:
        per = 1e6 / r["characters"]
        print(f"{r['characters']:>9,} {r['seconds'] * per:8.1f} "
              + " ".join(f"{r['stages'].get(s, 0) * per:11.1f}" for s in stages)
              + f"   {r['peak_mb']:7}  ({r['seconds']:.1f} s; {r['records']})")
    first, last = rows[0], rows[-1]
    if len(rows) > 1:
        ratio = (last["seconds"] / last["characters"]) / (first["seconds"] / first["characters"])
        print(f"time per character at {last['characters']:,} / at {first['characters']:,}: {ratio:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", type=int, nargs="*", default=[5_000, 32_000, 128_000, 512_000])
    parser.add_argument("--quotes", type=int, default=None, help="instead: one text of N short quotes")
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs for each length")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, size = args.child[0], int(args.child[1])
        text = quotes_text(size) if kind == "quotes" else long_text(size)
        result = one(text)
        if kind == "quotes":
            result["spacy_alone"] = round(spacy_alone(text), 3)
        print(json.dumps(result))
        return
    if args.quotes:
        runs = [in_child("quotes", args.quotes) for _ in range(args.repeat)]
        rows = [min(runs, key=lambda r: r["seconds"])]
        show("quotes", rows)
        alone = rows[0]["spacy_alone"]
        print(f"spaCy alone (as shipped, the same parts, one core): {alone:.1f} s; "
              f"comity end to end / spaCy alone: {rows[0]['seconds'] / alone:.2f}")
        return
    rows = [min((in_child("news", n) for _ in range(args.repeat)), key=lambda r: r["seconds"])
            for n in args.lengths]
    show("length", rows)


if __name__ == "__main__":
    main()
