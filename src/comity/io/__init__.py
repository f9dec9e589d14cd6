"""Reading articles in (files, stdin, JSONL, HTML, URLs, feeds, WARC) and writing coded results out
as the JSON the shared scorer reads.

Public names are imported on first use (see :mod:`comity._lazy`).
"""

from __future__ import annotations

from comity._lazy import exports

_TABLE = {
    "to_json": "output",
    "read_inputs": "read",
    "read_path": "read",
    "Fetcher": "fetch",
    "Sources": "fetch",
    "Item": "fetch",
    "read_list": "fetch",
    "is_url": "fetch",
}

__all__ = sorted(_TABLE)
__getattr__, __dir__ = exports(__name__, _TABLE)
