"""``comity train-detector``: fit the sentence-level event detector and write ``data/detector.json``.

Training data (all of it licence-compatible; PLV and the dev set are never read here):
- ``--sentences``: sentences written for comity (``training/sentences.tsv``);
- ``--manual``: the PLOVER manual's quoted examples;
- ``--gsr``: PLOVER's gold-standard records;
- ``--corpus``: comity's own near-certain events on ``--articles`` corpus articles (international
  sections only, chosen by the hash of their id), skipping the articles whose ids name files in the
  ``--skip`` folders (the dev set, the blind set: only their file names are read), and running-text
  sentences there that name no actor as examples of no event.

A share of the examples (by the hash of their text) is held out: the model fitted on the rest chooses
the confidence threshold (the lowest at which the held-out proposals reach ``--precision``) and gives the
held-out figures; the shipped model is then fitted on every example.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from comity.cli._common import app, err, progress_bar
from comity.config import DEFAULT_MODEL

SHARED = Path("../shared/data")
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "detector.json"
DETECTOR_VERSION = "1"
DOMESTIC_SECTIONS = frozenset({"politics"})


def _hash(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16)


def _skipped_ids(folders: list[Path]) -> set[str]:
    """Article ids named by the files of each folder (only the names are read)."""
    return {p.name.split(".")[0] for folder in folders if folder.is_dir() for p in folder.iterdir()}


def _corpus_articles(path: Path, count: int, skip: set[str]) -> list:
    from comity.records import Article
    from comity.text.normalize import as_date

    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("id") in skip or row.get("section") in DOMESTIC_SECTIONS or not row.get("text"):
                continue
            rows.append(row)
    rows.sort(key=lambda r: _hash(r["id"]))
    return [Article(id=r["id"], text=r["text"], title=r.get("title"), published=as_date(r.get("published")))
            for r in rows[:count]]


def _silver(coder, articles: list) -> list[tuple]:
    """(example, features) from comity's own coding of the articles."""
    from comity.events.detector_data import silver_examples
    from comity.events.detector_features import features
    from comity.records import Coded

    out = []
    with progress_bar(len(articles)) as bar:
        task = bar.add_task("coding corpus articles", total=len(articles))
        for _, parsed in coder.parse_many(articles):
            bar.advance(task)
            if isinstance(parsed, Exception):
                continue
            coded = coder.run_stages(parsed)
            if not isinstance(coded, Coded):
                continue
            spans = {s.text.strip(): s for s in parsed.body_sents()}
            found = (ex for ex in silver_examples(parsed, coded) if ex.text in spans)
            out += [(ex, features(spans[ex.text])) for ex in found]
    return out


def _cached_silver(coder, articles: list, cache: Path | None) -> list[tuple]:
    """The silver examples, read from ``cache`` when it was written for the same articles and comity
    version (and written there otherwise)."""
    from dataclasses import asdict

    from comity._version import __version__
    from comity.events.detector_data import Example

    key = hashlib.sha1(f"{__version__}|{','.join(a.id for a in articles)}".encode()).hexdigest()
    if cache is not None and cache.is_file():
        lines = cache.read_text(encoding="utf-8").splitlines()
        if lines and json.loads(lines[0]).get("key") == key:
            rows = [json.loads(line) for line in lines[1:]]
            return [(Example(**r["example"]), r["features"]) for r in rows]
    found = _silver(coder, articles)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        lines = [json.dumps({"key": key})]
        lines += [json.dumps({"example": asdict(ex), "features": f}, ensure_ascii=False) for ex, f in found]
        cache.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return found


def _parsed(nlp, examples: list) -> list[tuple]:
    from comity.events.detector_features import features

    docs = nlp.pipe((ex.text for ex in examples), batch_size=64)
    return [(ex, features(doc[:])) for ex, doc in zip(examples, docs, strict=True)]


def _gather(sentences: Path, manual: Path | None, gsr: Path | None) -> list:
    from comity.evaluation.gsr import load_gsr
    from comity.events.detector_data import Example, as_detector_type, manual_examples, read_sentences

    examples = read_sentences(sentences.read_text(encoding="utf-8")) if sentences.is_file() else []
    if manual is not None and manual.is_file():
        examples += manual_examples(manual.read_text(encoding="utf-8"))
    if gsr is not None and gsr.is_file():
        examples += [Example(g.text, as_detector_type(g.event), None, "gsr") for g in load_gsr(gsr)]
    return examples


@app.command("train-detector")
def train_detector(
    sentences: Annotated[Path, typer.Option(
        "--sentences", help="Sentences written for comity: sentence, type, modality (TSV).")]
        = Path("training/sentences.tsv"),
    manual: Annotated[Path | None, typer.Option(
        "--manual", help="The PLOVER manual's LaTeX source (its quoted examples).")]
        = SHARED / "plover" / "PLOVER_MANUAL.tex",
    gsr: Annotated[Path | None, typer.Option(
        "--gsr", help="PLOVER's gold-standard records.")]
        = SHARED / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt",
    corpus: Annotated[Path | None, typer.Option(
        "--corpus", help="Corpus articles (JSONL, gzipped) for comity's own near-certain events.")]
        = SHARED / "news" / "corpus.jsonl.gz",
    articles: Annotated[int, typer.Option("--articles", help="How many corpus articles to code.")] = 1200,
    cache: Annotated[Path | None, typer.Option(
        "--cache", help="Keep comity's coding of the corpus articles here and reuse it while the articles "
        "and comity's version are the same (it is not kept by default).")] = None,
    skip: Annotated[list[Path] | None, typer.Option(
        "--skip", help="Folders whose file names are article ids never to train on (repeatable).")] = None,
    holdout: Annotated[float, typer.Option("--holdout", help="Share of examples held out.")] = 0.2,
    precision: Annotated[float, typer.Option(
        "--precision", help="Held-out precision the confidence threshold must reach.")] = 0.85,
    out_path: Annotated[Path, typer.Option("--out", help="Where to write the model.")] = DEFAULT_OUT,
    model: Annotated[str, typer.Option("--model", help="spaCy pipeline that parses the examples.")]
        = DEFAULT_MODEL,
) -> None:
    """Fit the sentence-level event detector on licence-compatible data and write it with its provenance."""
    from comity.cli._common import coder_from
    from comity.events.detector_fit import fit_detector

    started = time.monotonic()
    skip = skip if skip is not None else [SHARED / "news" / "dev", Path("benchmarks/blind")]
    coder = coder_from(model, 16)
    rows = _parsed(coder.nlp, _gather(sentences, manual, gsr))
    corpus_ids: list[str] = []
    if corpus is not None and corpus.is_file() and articles > 0:
        chosen = _corpus_articles(corpus, articles, _skipped_ids(skip))
        corpus_ids = [a.id for a in chosen]
        rows += _cached_silver(coder, chosen, cache)
    if not rows:
        err.print("[red]error:[/red] no training examples found")
        raise typer.Exit(2)
    held = [_hash(ex.text) % 1000 < holdout * 1000 for ex, _ in rows]
    data, figures = fit_detector(rows, held, precision)
    data["provenance"] |= {
        "version": DETECTOR_VERSION, "trained": datetime.now(UTC).date().isoformat(),
        "sources": dict(sorted(Counter(ex.source for ex, _ in rows).items())),
        "types": dict(sorted(Counter(ex.type for ex, _ in rows).items())),
        "corpus_articles": len(corpus_ids),
        "corpus_ids_sha1": hashlib.sha1(",".join(corpus_ids).encode()).hexdigest()[:12],
        "inputs": {"sentences": str(sentences), "manual": str(manual), "gsr": str(gsr),
                   "corpus": str(corpus)},
    }
    out_path.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    err.print(f"wrote {out_path}: {len(rows)} examples, held out: {json.dumps(figures)} "
              f"({time.monotonic() - started:.0f} s)")
