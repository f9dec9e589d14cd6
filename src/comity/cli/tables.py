"""Tables that fit the terminal (80 columns and up) without splitting a word: short columns (codes,
dates, types, counts) never wrap; long text (sentences, quotes) wraps at spaces and takes what is
left; columns only worth their room on a wide screen (URLs) are shown from ``WIDE`` columns on.

Machine formats (``--format csv|json``) are never cut to fit: CSV with every column, JSON Lines
(one object per line, always).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from rich import box
from rich.console import Console
from rich.table import Table

WIDE = 120  # terminal width from which URL columns are shown in tables


@dataclass(frozen=True)
class Column:
    """A table column: the frame's ``name``, its ``header``, and whether it is free ``text`` (wraps at
    spaces, takes the room left) or short (never wraps); ``wide``: shown only on wide terminals."""

    name: str
    header: str = ""
    text: bool = False
    wide: bool = False
    right: bool = False


def cell(value) -> str:
    """A value as table text: dates as days, floats to two places, lists joined."""
    if value is None:
        return ""
    if isinstance(value, float):
        return "" if value != value else f"{value:.2f}"
    if hasattr(value, "strftime"):  # dates come back from DuckDB as midnight timestamps
        return value.strftime("%Y-%m-%d") if not getattr(value, "hour", 0) else value.isoformat()
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def fitted(columns: list[Column], rows: list[list[str]], width: int, title: str | None = None,
           caption: str | None = None) -> Table:
    """A compact table of ``rows`` (cells as text, one per column) for a console ``width`` wide."""
    shown = [i for i, c in enumerate(columns) if not c.wide or width >= WIDE]
    table = Table(title=title, caption=caption, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                  padding=(0, 1), collapse_padding=True, title_justify="left", caption_justify="left")
    for i in shown:
        column = columns[i]
        table.add_column(column.header or column.name, no_wrap=not column.text,
                         overflow="fold" if column.text else "ellipsis",
                         justify="right" if column.right else "left", ratio=1 if column.text else None)
    for row in rows:
        table.add_row(*(row[i] for i in shown))
    return table


def print_table(console: Console, columns: list[Column], rows: list[list[str]], **options) -> None:
    console.print(fitted(columns, rows, console.width, **options), soft_wrap=False)


def _days(frame):
    """The frame with its datetime columns holding only midnights written as days (``2025-05-08``)."""
    frame = frame.copy()
    for name in frame.columns:
        column = frame[name]
        if str(column.dtype).startswith("datetime64"):
            stamps = column.dropna()
            if (stamps == stamps.dt.normalize()).all():
                frame[name] = column.dt.strftime("%Y-%m-%d").where(column.notna(), None)
    return frame


def csv_text(frame) -> str:
    """The frame as CSV: lists joined with ``;``, every column."""
    flat = _days(frame)
    for name in flat.columns:
        if flat[name].map(lambda v: isinstance(v, list | tuple) or hasattr(v, "tolist")).any():
            flat[name] = flat[name].map(lambda v: ";".join(str(x) for x in _listed(v)))
    return flat.to_csv(index=False)


def _listed(value) -> list:
    if value is None:
        return []
    if hasattr(value, "tolist"):
        value = value.tolist()
    return list(value) if isinstance(value, list | tuple) else [value]


def json_lines(frame) -> str:
    """The frame as JSON Lines: one object per row, dates in ISO form."""
    records = json.loads(_days(frame).to_json(orient="records", date_format="iso"))
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
