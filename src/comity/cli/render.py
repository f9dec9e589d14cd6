"""Rich tables for one coded article: what ``comity code`` shows by default."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from comity.cli.tables import Column, fitted
from comity.records import Coded, Mention, Size

MAX_TEXT = 90


def _short(text: str | None, limit: int = MAX_TEXT) -> str:
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + " …"  # never cut inside a word


def _codes(mentions: tuple[Mention, ...], sep: str = ", ") -> str:
    return sep.join(f"{m.entity.code or '?'}{'·' + m.entity.sector if m.entity.sector else ''}"
                     for m in mentions) or "—"


SIZE_LABELS = {"dead": "dead", "injured": "inj.", "arrested": "arr.", "participants": "part."}
_BOUNDS = {"≥": ("at least", "no fewer than"),
           ">": ("more than", "over", "well over", "just over", "upwards of", "in excess of", "above"),
           "≤": ("up to", "at most", "as many as", "no more than"),
           "<": ("nearly", "almost", "fewer than", "less than", "under", "just under", "below", "close to"),
           "~": ("about", "around", "roughly", "approximately", "some", "an estimated", "estimated")}
QUALIFIER_MARKS = {q: mark for mark, words in _BOUNDS.items() for q in words}


def _size(size: Size | None) -> str:
    """Compactly: "≥14 dead, 30 inj." (the qualifier as a mark: ≥ at least, > more than, ~ about …)."""
    if size is None:
        return ""
    return ", ".join(f"{QUALIFIER_MARKS.get(c.qualifier or '', '')}{c.value:,} {SIZE_LABELS[name]}"
                     for name, c in size.counts().items())


def _date(e) -> str:
    text = (e.date or "").replace("/", "/\n")
    return f"{text}\n(pub.)" if e.date_source == "publication" else text


def _event(e) -> str:
    shown = f"[red]not[/red] {e.event}" if e.negated else e.event
    return f"{shown}\n[dim]{e.mode}[/dim]" if e.mode else shown


def events_table(coded: Coded, width: int = 80) -> Table:
    """Event (negated: "not TYPE"; its mode below), actor, recipient, date, aux (future,
    hypothetical, historical), size where any, and the evidence."""
    sized = any(e.size for e in coded.events)
    columns = [Column("event"), Column("actor"), Column("recipient"), Column("date"), Column("aux"),
               *((Column("size", text=True),) if sized else ()), Column("evidence", text=True)]
    rows = [[_event(e), _codes(e.actor, "\n"), _codes(e.recipient, "\n"), _date(e), "\n".join(e.aux),
             *((_size(e.size),) if sized else ()), _short(e.event_text)] for e in coded.events]
    return fitted(columns, rows, width, title="Events (PLOVER 2.0)")


def quotes_table(coded: Coded, width: int = 80) -> Table:
    columns = [Column("speaker", text=True), Column("kind"), Column("cue"), Column("content", text=True)]
    rows = [[q.speaker or f"[dim]{q.speaker_text or 'unnamed'}[/dim]", q.kind, q.cue_lemma or "",
             _short(q.content)] for q in coded.quotes]
    return fitted(columns, rows, width, title="Quotes")


def speakers_table(coded: Coded, width: int = 80) -> Table:
    columns = [Column("name", text=True), Column("title", text=True),
               Column("org", "organisation", text=True), Column("country"), Column("sector")]
    rows = [[s.name or f"[dim]{s.description or 'unnamed'}[/dim]", s.title or "", s.org or "",
             s.country or "", s.sector or ""] for s in coded.speakers]
    return fitted(columns, rows, width, title="Speakers")


def times_table(coded: Coded, width: int = 80) -> Table:
    columns = [Column("text", text=True), Column("value"), Column("granularity")]
    rows = [[t.text, t.value or "[dim]unresolved[/dim]", t.granularity] for t in coded.times]
    return fitted(columns, rows, width, title="Times")


def figures_table(coded: Coded, width: int = 80) -> Table:
    columns = [Column("text", text=True), Column("value", right=True), Column("unit"), Column("qualifier")]
    rows = [[f.text, f"{f.value:,.10g}", f.unit, f.qualifier or ""] for f in coded.figures]
    return fitted(columns, rows, width, title="Figures")


def show_coded(console: Console, coded: Coded) -> None:
    """Print one article's records as tables."""
    article = coded.article
    head = article.title or article.id
    date = article.published.isoformat() if article.published else "no publication date"
    console.rule(f"[bold]{head}[/bold] · {date}")
    for make in (events_table, quotes_table, speakers_table, times_table, figures_table):
        table = make(coded, console.width)
        if table.row_count:
            console.print(table, soft_wrap=False)
        else:
            console.print(f"[dim]{table.title}: none[/dim]")
    console.print(f"[dim]{coded.version}[/dim]")
