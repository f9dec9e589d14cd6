"""An article's text with its records marked: actors, event evidence and triggers, quotes (with their
speaker), times and figures, as a list of plain-text pieces each carrying the marks over it.

Marks overlap (an actor inside a quote inside an event's evidence), so the text is cut at every
mark's start and end and each piece lists every mark that covers it; the template escapes each
piece and draws it as one ``<span>`` with a class per kind and a title naming them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

import pandas as pd

from comity.web.shape import QUAD_NAMES

KINDS = ("actor", "event", "trigger", "quote", "time", "figure")


@dataclass(frozen=True)
class Mark:
    kind: str
    start: int
    end: int
    label: str
    ref: str = ""  # the id of the record in the list beside the text


@dataclass
class Piece:
    text: str
    marks: list[Mark] = field(default_factory=list)

    @property
    def classes(self) -> str:
        return " ".join(f"m-{kind}" for kind in dict.fromkeys(m.kind for m in self.marks))

    @property
    def title(self) -> str:
        return "\n".join(dict.fromkeys(m.label for m in self.marks))

    @property
    def ref(self) -> str:
        return self.marks[-1].ref if self.marks else ""


def _spans(frame: pd.DataFrame, start: str, end: str):
    for row in frame.itertuples(index=False):
        s, e = getattr(row, start), getattr(row, end)
        if pd.notna(s) and pd.notna(e) and int(e) > int(s):
            yield row, int(s), int(e)


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def entity_marks(frame: pd.DataFrame) -> list[Mark]:
    return [Mark("actor", s, e, f"actor: {_text(r.code) or '?'} {_text(r.sector)} ({_text(r.name)})".strip(),
                 f"entity-{r.seq}") for r, s, e in _spans(frame, "span_start", "span_end")]


def event_marks(frame: pd.DataFrame, text: str) -> list[Mark]:
    """Each event's evidence spans, and its trigger word found inside its first span."""
    marks = []
    for row in frame.itertuples(index=False):
        quad = QUAD_NAMES.get(int(row.quad_code), "") if pd.notna(row.quad_code) else ""
        label = f"event: {row.actors or '?'} {row.event} {row.recipients or ''} ({quad})".replace("  ", " ")
        spans = [(int(s[0]), int(s[1])) for s in (row.spans if row.spans is not None else [])
                 if s is not None and len(s) == 2]
        for start, end in spans:
            marks.append(Mark("event", start, end, label, f"event-{row.seq}"))
        trigger = _text(row.trigger)
        if spans and trigger:
            at = text.find(trigger, spans[0][0], spans[0][1] + len(trigger))
            if at >= 0:
                marks.append(Mark("trigger", at, at + len(trigger), f"trigger: {trigger} → {row.event}",
                                  f"event-{row.seq}"))
    return marks


def quote_marks(frame: pd.DataFrame) -> list[Mark]:
    marks = []
    for r, s, e in _spans(frame, "content_start", "content_end"):
        speaker = _text(r.speaker) or _text(r.speaker_text) or "unknown speaker"
        marks.append(Mark("quote", s, e, f"quote ({_text(r.kind)}), speaker: {speaker}", f"quote-{r.seq}"))
    return marks


def time_marks(frame: pd.DataFrame) -> list[Mark]:
    return [Mark("time", s, e, f"time: {_text(r.value)} ({_text(r.granularity)})", f"time-{r.seq}")
            for r, s, e in _spans(frame, "span_start", "span_end")]


def figure_marks(frame: pd.DataFrame) -> list[Mark]:
    return [Mark("figure", s, e, " ".join(f"figure: {_text(r.qualifier)} {r.value:g} {_text(r.unit)}"
                                          .split()),
                 f"figure-{r.seq}")
            for r, s, e in _spans(frame, "span_start", "span_end")]


def all_marks(text: str, records: dict[str, pd.DataFrame]) -> list[Mark]:
    return [*quote_marks(records["quotes"]), *event_marks(records["events"], text),
            *entity_marks(records["entities"]), *time_marks(records["times"]),
            *figure_marks(records["figures"])]


def pieces(text: str, marks: list[Mark]) -> list[Piece]:
    """``text`` cut at every mark boundary; each piece with the marks covering it (outermost first)."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    ordered = sorted(marks, key=lambda m: (m.start, -m.end))
    out = []
    for left, right in pairwise(cuts):
        over = [m for m in ordered if m.start <= left and right <= m.end]
        out.append(Piece(text[left:right], over))
    return out
