"""Who is who across an article: one entity model for speakers and event actors.

Names, pronouns, definite descriptions and group phrases are references to
referents (people, organisations, states, places, documents, groups);
``build_model`` makes the model once per article, and the quote and event
stages read it. Public names are imported on first use (see :mod:`comity._lazy`).
"""

from __future__ import annotations

from comity._lazy import exports

_TABLE = {
    "EntityModel": "model",
    "Referent": "model",
    "Reference": "model",
    "build_model": "build",
    "traits_from": "build",
}

__all__ = sorted(_TABLE)
__getattr__, __dir__ = exports(__name__, _TABLE)
