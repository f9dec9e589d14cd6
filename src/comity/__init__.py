"""comity: code news about international affairs into PLOVER events, attributed
quotes, resolved dates and figures, every record with its evidence.

    import comity
    coded = comity.code(text, published="2025-05-07")
    for event in coded.events:
        print(event.event, [m.entity.code for m in event.actor], event.date)
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Coder", "Config", "Corpus", "__version__", "code", "to_json"]


def __getattr__(name: str):  # keep ``import comity`` cheap: spaCy loads on first use
    if name in ("Coder", "code"):
        from comity import pipeline

        return getattr(pipeline, name)
    if name == "Config":
        from comity.config import Config

        return Config
    if name == "Corpus":
        from comity.corpus import Corpus

        return Corpus
    if name == "to_json":
        from comity.output import to_json

        return to_json
    raise AttributeError(f"module 'comity' has no attribute {name!r}")
