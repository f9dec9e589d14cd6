"""The sentence-level event detector (issue 13): alone, and combined with the rules.

Alone: its held-out figures (from the model's provenance), type accuracy and macro F1 on PLV's sentences
(types only, sentence level: the best type other than 'none'; and with 'none' allowed, where a 'none'
is a miss), and its speed in sentences per second, the parse excluded.

Combined: ``comity eval`` on the real-news dev set, ``--plv`` and ``--plover-gsr``, with the rules alone
and with the detector patched in-process into the event stage (``comity.events.extract`` calls
``sentence_candidates`` per sentence; the patch passes each sentence's candidates through
``detector_combine``): 'fresh' adds candidates where the rules found none, 'arbitrate' re-types rule
candidates, 'both' does both. The GSR is among the detector's training data: its figures are not held out.

    python benchmarks/detector.py [--only alone|combined] [--modes rules,fresh,arbitrate,both]
                                  [--threshold P] [--retype P] [--doubt P]
"""

from __future__ import annotations

import argparse
import json
import time
from contextlib import contextmanager
from pathlib import Path

import comity.events.extract as extract
from comity.evaluation.evaluate import evaluate
from comity.evaluation.gsr import evaluate_gsr
from comity.evaluation.gsr import summary as gsr_summary
from comity.evaluation.plv import evaluate_plv, load_plv
from comity.evaluation.plv import summary as plv_summary
from comity.events import detector_combine as combine
from comity.events.detector import load_detector
from comity.events.detector_features import features
from comity.events.detector_fit import macro_f1
from comity.pipeline import Coder

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DEV = SHARED / "news" / "dev"
PLV = SHARED / "plv" / "PLV_train.tsv"
GSR = SHARED / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"


def alone(coder: Coder) -> dict:
    detector = load_detector()
    rows = load_plv(PLV)
    docs = list(coder.nlp.pipe((r.sentence for r in rows), batch_size=64))
    feats = [features(doc[:]) for doc in docs]
    gold = [r.event for r in rows]
    forced, allowed = [], []
    for f in feats:
        ranked = detector.propose_features(f)
        forced.append(ranked[0][0] if ranked else "none")
        allowed.append(c[0] if (c := detector.confident_features(f)) else "none")
    start = time.perf_counter()
    for _ in range(3):
        for doc in docs:
            detector.propose(doc[:])
    speed = 3 * len(docs) / (time.perf_counter() - start)

    def acc(pred: list[str]) -> float:
        return round(sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold), 3)

    return {"held_out": detector.about.get("held_out"), "threshold": detector.threshold,
            "plv_forced": {"type_accuracy": acc(forced), "type_macro_f1": round(macro_f1(gold, forced), 3)},
            "plv_confident": {"type_accuracy": acc(allowed), "coverage": round(
                sum(p != "none" for p in allowed) / len(allowed), 3),
                "type_macro_f1": round(macro_f1(gold, allowed), 3)},
            "sentences_per_second": round(speed)}


@contextmanager
def patched(mode: str, threshold: float | None = None, retype: float = combine.RETYPE,
            doubt: float = combine.DOUBT):
    """The event stage with the detector combined in the given mode ('rules': unpatched); ``threshold``
    replaces the model's own for fresh candidates, ``retype`` and ``doubt`` are arbitration's."""
    real = extract.sentence_candidates
    detector = load_detector()

    def wrapped(sent, mm, lex):
        cands = real(sent, mm, lex)
        if cands and mode in ("arbitrate", "both"):
            return combine.arbitrate(cands, sent, detector, retype, doubt)
        if not cands and mode in ("fresh", "both"):
            return combine.fresh_candidates(sent, mm, lex, detector.confident(sent, threshold))
        return cands

    if mode != "rules":
        extract.sentence_candidates = wrapped
    try:
        yield
    finally:
        extract.sentence_candidates = real


def combined(coder: Coder, modes: list[str], threshold: float | None = None, retype: float = combine.RETYPE,
             doubt: float = combine.DOUBT) -> dict:
    out = {}
    for mode in modes:
        with patched(mode, threshold, retype, doubt):
            news, _, _ = evaluate(coder, DEV)
            plv = plv_summary(evaluate_plv(coder, PLV))
            gsr = gsr_summary(evaluate_gsr(coder, GSR))
        out[mode] = {"news_dev": {k: news[k] for k in news if k.startswith("event")},
                     "plv": plv, "gsr": {k: gsr[k] for k in ("type_accuracy", "type_macro_f1")}}
        print(mode, json.dumps(out[mode]), flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("alone", "combined"))
    parser.add_argument("--modes", default="rules,fresh,arbitrate,both")
    parser.add_argument("--threshold", type=float, help="for fresh candidates (default: the model's)")
    parser.add_argument("--retype", type=float, default=combine.RETYPE,
                        help="arbitration: the detector's least probability to replace the rule's type")
    parser.add_argument("--doubt", type=float, default=combine.DOUBT,
                        help="arbitration: the rule's type must have less than this probability")
    args = parser.parse_args()
    coder = Coder()
    if args.only != "combined":
        print("alone", json.dumps(alone(coder)), flush=True)
    if args.only != "alone":
        combined(coder, args.modes.split(","), args.threshold, args.retype, args.doubt)


if __name__ == "__main__":
    main()
