"""Rich tables for one coded article: what ``comity code`` shows by default."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from comity.records import Coded, Mention, Size

MAX_TEXT = 90


def _short(text: str | None, limit: int = MAX_TEXT) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _codes(mentions: tuple[Mention, ...]) -> str:
    return ", ".join(f"{m.entity.code or '?'}{'·' + m.entity.sector if m.entity.sector else ''}"
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


def events_table(coded: Coded) -> Table:
    table = Table(title="Events (PLOVER 2.0)", title_justify="left", expand=False)
    sized = any(e.size for e in coded.events)
    names = ("event", "mode", "actor", "recipient", "date", "aux", *(("size",) if sized else ()), "evidence")
    for name in names:
        table.add_column(name, overflow="fold")
    for e in coded.events:
        event = f"[red]not[/red] {e.event}" if e.negated else e.event
        size = (_size(e.size),) if sized else ()
        table.add_row(event, e.mode or "", _codes(e.actor), _codes(e.recipient),
                      f"{e.date or ''}{' (pub.)' if e.date_source == 'publication' else ''}",
                      ", ".join(e.aux), *size, _short(e.event_text))
    return table


def quotes_table(coded: Coded) -> Table:
    table = Table(title="Quotes", title_justify="left")
    for name in ("speaker", "kind", "cue", "content"):
        table.add_column(name, overflow="fold")
    for q in coded.quotes:
        speaker = q.speaker or f"[dim]{q.speaker_text or 'unnamed'}[/dim]"
        table.add_row(speaker, q.kind, q.cue_lemma or "", _short(q.content))
    return table


def speakers_table(coded: Coded) -> Table:
    table = Table(title="Speakers", title_justify="left")
    for name in ("name", "title", "organisation", "country", "sector"):
        table.add_column(name, overflow="fold")
    for s in coded.speakers:
        table.add_row(s.name or f"[dim]{s.description or 'unnamed'}[/dim]", s.title or "", s.org or "",
                      s.country or "", s.sector or "")
    return table


def times_table(coded: Coded) -> Table:
    table = Table(title="Times", title_justify="left")
    for name in ("text", "value", "granularity"):
        table.add_column(name)
    for t in coded.times:
        table.add_row(t.text, t.value or "[dim]unresolved[/dim]", t.granularity)
    return table


def figures_table(coded: Coded) -> Table:
    table = Table(title="Figures", title_justify="left")
    for name in ("text", "value", "unit", "qualifier"):
        table.add_column(name)
    for f in coded.figures:
        table.add_row(f.text, f"{f.value:,.10g}", f.unit, f.qualifier or "")
    return table


def show_coded(console: Console, coded: Coded) -> None:
    """Print one article's records as tables."""
    article = coded.article
    head = article.title or article.id
    date = article.published.isoformat() if article.published else "no publication date"
    console.rule(f"[bold]{head}[/bold] · {date}")
    for table in (events_table(coded), quotes_table(coded), speakers_table(coded), times_table(coded),
                  figures_table(coded)):
        if table.row_count:
            console.print(table)
        else:
            console.print(f"[dim]{table.title}: none[/dim]")
    console.print(f"[dim]{coded.version}[/dim]")
