"""comity: code news about international affairs into PLOVER events, attributed
quotes, resolved dates and figures, every record with its evidence.

    import comity
    coded = comity.code(text, published="2025-05-07")
    for event in coded.events:
        print(event.event, [m.entity.code for m in event.actor], event.date)

Every name below is imported on first use: ``import comity`` loads neither
spaCy nor DuckDB.
"""

from __future__ import annotations

from comity._lazy import exports
from comity._version import __version__

_RECORDS = ("Article", "Coded", "CoderVersion", "Count", "Entity", "Event", "Figure", "Mention", "Part",
            "Quote", "Size", "Speaker", "TimeRef")
_TABLE = {
    "Coder": "pipeline", "code": "pipeline", "Config": "config", "Corpus": "corpus",
    "to_json": "io", "ComityError": "errors", **{name: "records" for name in _RECORDS},
}

__all__ = ["__version__", *sorted(_TABLE)]
__getattr__, __dir__ = exports(__name__, _TABLE)
