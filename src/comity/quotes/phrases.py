"""The words of a source phrase: which tokens around its head a speaker's name or description spans.

Helpers for :mod:`comity.quotes.speakers`, read from the parse alone: a name with the
capitalised words before its head ("Anne-Marie Roe"), a description with its modifiers and
a short phrase after it ("people familiar with the matter"), an organisation's name
("Serbia's Defence Ministry", "the Federal Bureau of Prisons").
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from comity.quotes.names import capitalised_tail, entity_of, modifies
from comity.records import Span as CharSpan


def name_around(head: Token) -> SpacySpan:
    """The name ``head`` ends: it and the proper-noun compounds (or a hyphenated first name) before it."""
    doc, start = head.doc, head.i
    while start > head.sent.start:
        before = doc[start - 1]
        if before.text == "-" and not before.whitespace_ and start - 2 >= head.sent.start \
                and not doc[start - 2].whitespace_ and doc[start - 2].is_title:
            start -= 2  # "Anne-Marie Roe"
        elif before.dep_ == "compound" and before.pos_ == "PROPN":
            start -= 1
        else:
            break
    return doc[start:head.i + 1]


def phrase(head: Token, right: bool = False) -> tuple[str, CharSpan]:
    """The words naming a source: the head and its modifiers before it (and, for a
    description, a short phrase after it: "people familiar with the matter")."""
    doc, start = head.doc, head.i
    while start > head.sent.start and doc[start - 1].dep_ in ("compound", "amod", "nmod", "nummod") \
            and head.i >= doc[start - 1].head.i >= start:
        start -= 1
    end = head.i
    if right and head.right_edge.i - head.i <= 8:
        end = head.right_edge.i
    while end > head.i and (doc[end].is_punct or doc[end].dep_ in ("cc", "punct")):
        end -= 1
    first, last = doc[start], doc[end]
    return doc[first.i:last.i + 1].text, (first.idx, last.idx + len(last))


def org_phrase(head: Token) -> tuple[str, CharSpan]:
    """An organisation's name: its entity (with the capitalised words before a place it ends with:
    "US Forces Korea"), or its capitalised words ("nonpartisan" and "the" left out, "of Prisons" kept)."""
    doc = head.doc
    ent = entity_of(head)
    if ent is not None and ent.label_ in ("ORG", "GPE", "NORP", "FAC"):
        start = ent.start
        while ent.label_ != "ORG" and start > head.sent.start and modifies(doc[start - 1], head):
            start -= 1  # "US Forces Korea": capitalised words before a place the name ends with
        toks = [t for t in doc[start:ent.end] if not (t.i == start and t.lower_ == "the")]
        if ent.label_ == "ORG" and ent.start >= 2 and doc[ent.start - 1].tag_ == "POS" \
                and doc[ent.start - 2].ent_type_ == "GPE":
            toks = [doc[ent.start - 2], doc[ent.start - 1], *toks]  # "Serbia's Defence Ministry"
    else:
        start = head.i
        while start > head.sent.start and modifies(doc[start - 1], head):
            start -= 1
        toks = list(doc[start:head.i + 1])
        toks += capitalised_tail(head)
    if not toks:
        return phrase(head)
    return doc[toks[0].i:toks[-1].i + 1].text, (toks[0].idx, toks[-1].idx + len(toks[-1]))
