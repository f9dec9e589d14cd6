"""The detector's training examples, read from texts the caller has loaded (no file access here).

Sources whose licence lets comity ship what is derived from them:
- sentences written for comity (``training/sentences.tsv``: sentence, type, modality);
- the PLOVER manual's quoted examples, typed by the section they stand in;
- PLOVER's gold-standard records (read by :func:`comity.evaluation.gsr.load_gsr` in the caller);
- comity's own near-certain events on corpus articles, and running-text sentences naming no actor
  (``silver_examples``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from comity.records import Coded, Event
from comity.text.document import Parsed

AS_YIELD = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "YIELD", "COOPERATE", "AID", "REQUEST", "ACCUSE",
                   "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "none"})
NAMED = frozenset({"name", "alias", "demonym", "capital", "seat", "office", "title"})
SECTION = re.compile(r"\\section\{([A-Z]+)\}")
QUOTED = re.compile(r"``(.+?)''", re.S)
TEX = re.compile(r"\\[a-zA-Z]+\{([^}]*)\}|\\[a-zA-Z]+|[{}]")


@dataclass(frozen=True)
class Example:
    """One training sentence with its type (a PLOVER type, YIELD or 'none') and modality (or None)."""

    text: str
    type: str
    modality: str | None
    source: str
    weight: float = 1.0


def as_detector_type(kind: str) -> str:
    return AS_YIELD.get(kind, kind)


def read_sentences(text: str, source: str = "written") -> list[Example]:
    """Rows of ``sentence<TAB>type<TAB>modality``; blank lines and lines starting with '#' skipped."""
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 3 or as_detector_type(parts[1].strip()) not in TYPES:
            raise ValueError(f"line {number}: want 'sentence<TAB>type<TAB>modality', got {line[:60]!r}")
        sentence, kind, modality = (p.strip() for p in parts)
        out.append(Example(sentence, as_detector_type(kind), modality or None, source))
    return out


def manual_examples(tex: str, min_words: int = 5) -> list[Example]:
    """The quoted examples of the PLOVER manual's event sections, typed by their section."""
    out = []
    pieces = SECTION.split(tex)
    for kind, body in zip(pieces[1::2], pieces[2::2], strict=False):
        kind = as_detector_type(kind)
        if kind not in TYPES:
            continue
        for quoted in QUOTED.findall(body):
            plain = " ".join(TEX.sub(lambda m: m.group(1) or "", quoted).split()).strip(" .,;")
            if len(plain.split()) >= min_words:
                out.append(Example(plain + ".", kind, None, "manual"))
    return out


def _modality(event: Event) -> str:
    if event.negated:
        return "negated"
    if "hypothetical" in event.aux:
        return "hypothetical"
    return "future" if "future" in event.aux else "past"


def _certain(event: Event) -> bool:
    """Named actor and recipient, on different sides: the events comity codes with high precision."""
    sides = (*event.actor, *event.recipient)
    if not event.actor or not event.recipient or not all(m.how in NAMED for m in sides):
        return False
    return not {m.entity.code for m in event.actor} & {m.entity.code for m in event.recipient}


def silver_examples(parsed: Parsed, coded: Coded, min_words: int = 8, none_weight: float = 0.15
                    ) -> Iterator[Example]:
    """Sentences of one coded article: each near-certain event's sentence with its type, and sentences
    of running text that name no actor at all and hold no event as 'none' (weighed ``none_weight``:
    they outnumber the events twenty to one)."""
    starts = [(s.start_char, s.end_char, s) for s in parsed.body_sents()]
    typed: dict[int, dict[str, str]] = {}
    touched: set[int] = set()
    for event in coded.events:
        for begin, end, sent in starts:
            if any(begin <= s < end for s, _ in event.spans):
                touched.add(sent.start)
                if _certain(event):
                    typed.setdefault(sent.start, {})[as_detector_type(event.event)] = _modality(event)
    named = {sent.start for begin, end, sent in starts
             for m in coded.mentions if begin <= m.span[0] < end}
    for _, _, sent in starts:
        text = sent.text.strip()
        if len(text.split()) < min_words or "\n" in text:
            continue
        kinds = typed.get(sent.start, {})
        for kind, modality in sorted(kinds.items()):
            yield Example(text, kind, modality, "silver", 1.0 / len(kinds))
        if sent.start not in touched and sent.start not in named:
            yield Example(text, "none", "past", "silver", none_weight)
