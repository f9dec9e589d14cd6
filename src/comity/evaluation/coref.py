"""``comity eval --coref DIR``: the entity model measured on GUM's news articles.

GUM (Georgetown University Multilayer corpus, CC BY) groups every mention of
every entity. A folder holds ``conllu/NAME.conllu`` (tokens, spacing,
sentences, paragraphs, dependency heads, creation date) and
``conll/NAME.conll`` (the same tokens with typed entity brackets). Only the
kinds comity codes count: person, organization and place.

Mentions are matched by head: a predicted reference matches a gold mention
when it covers the gold mention's head word and lies inside the mention; a gold
mention still unmatched then takes the unmatched reference inside it nearest
its head (a name inside a long description).
Reported: MUC, B³, CEAF-e and their mean (CoNLL F1) over the matched
clusterings (singletons kept on both sides), and pronoun accuracy: of the
gold personal pronouns (person or organization) that have an earlier mention
of their entity, the share whose predicted referent was named, earlier, by a
gold mention of that entity; all personal pronouns, and third-person ones
alone (first and second person are resolved from a quotation's speaker, or
not at all: "you", an author's "I").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from comity.entities.model import EntityModel, Reference
from comity.errors import ComityError, EvalError
from comity.evaluation.coref_metrics import Prf, conll_f1, scores
from comity.pipeline import Coder
from comity.records import Article

KEPT_TYPES = frozenset({"person", "organization", "place"})
PRONOUN_TYPES = frozenset({"person", "organization"})
PERSONAL_TAGS = frozenset({"PRP", "PRP$"})
THIRD_PERSON = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its",
                          "itself", "they", "them", "their", "theirs", "themselves"})
_OPEN = re.compile(r"(?:^|(?<=[()]))\(?([a-z]+)-(\d+)")


@dataclass(frozen=True)
class GoldMention:
    span: tuple[int, int]
    head: tuple[int, int]
    entity: int
    type: str
    pronoun: bool


@dataclass
class GumDoc:
    name: str
    text: str
    published: date | None
    mentions: list[GoldMention] = field(default_factory=list)


@dataclass
class _Word:
    form: str
    start: int
    end: int
    head: int  # index in the document's word list, -1 for a root
    tag: str


def _conllu_words(path: Path) -> tuple[list[_Word], str, date | None]:
    """The words with their character offsets in the rebuilt text, the text, and the creation date."""
    words: list[_Word] = []
    text = ""
    published = None
    sentence_base = 0
    skip_until = 0
    pending_range: tuple[int, int] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# meta::dateCreated"):
            published = date.fromisoformat(line.split("=", 1)[1].strip())
        elif line.startswith("# newpar") and not line.startswith("# newpar_"):
            text = text.rstrip(" ") + ("\n\n" if text else "")
        elif line.startswith("# sent_id"):
            sentence_base = len(words)
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "." in cols[0]:
            continue  # an empty node of the enhanced graph: no word of the text
        if "-" in cols[0]:  # a multiword token ("Trump's"): its surface form holds its words
            last = int(cols[0].split("-")[1])
            pending_range = (len(text), len(text) + len(cols[1]))
            text += cols[1] + ("" if "SpaceAfter=No" in cols[9] else " ")
            skip_until = sentence_base + last
            continue
        index = sentence_base + int(cols[0])
        head = int(cols[6]) if cols[6].isdigit() else 0
        head_index = sentence_base + head - 1 if head else -1
        if index <= skip_until and pending_range is not None:
            start = text.find(cols[1], pending_range[0], pending_range[1])
            start = start if start >= 0 else pending_range[0]
            end = min(start + len(cols[1]), pending_range[1])
            words.append(_Word(cols[1], start, end, head_index, cols[4]))
            continue
        words.append(_Word(cols[1], len(text), len(text) + len(cols[1]), head_index, cols[4]))
        text += cols[1] + ("" if "SpaceAfter=No" in cols[9] else " ")
    return words, text.rstrip() + "\n", published


def _brackets(path: Path) -> list[list[tuple[str, str, int]]]:
    """Per word, the bracket events of the conll file: ("open" | "close" | "both", type, entity)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cell = line.split("\t")[-1]
        events = []
        for piece in re.findall(r"\(?[a-z]+-\d+[^()]*\)?", cell):
            match = re.match(r"(\()?([a-z]+)-(\d+)", piece)
            if match is None:
                continue
            opened, closed = match.group(1) is not None, piece.endswith(")")
            kind = "both" if opened and closed else "open" if opened else "close"
            events.append((kind, match.group(2), int(match.group(3))))
        out.append(events)
    return out


def _head_word(words: list[_Word], first: int, last: int) -> int:
    inside = range(first, last + 1)
    return next((i for i in inside if words[i].head not in inside), first)


def read_gum(folder: Path, name: str) -> GumDoc:
    """One GUM document: rebuilt text, creation date and its person, organization and place mentions."""
    words, text, published = _conllu_words(folder / "conllu" / f"{name}.conllu")
    brackets = _brackets(folder / "conll" / f"{name}.conll")
    if len(brackets) != len(words):
        raise EvalError("E053", f"{name}: conll and conllu disagree on the words "
                                f"({len(brackets)} vs {len(words)})")
    doc = GumDoc(name, text, published)
    open_at: dict[int, list[int]] = {}
    for i, events in enumerate(brackets):
        for kind, etype, entity in events:
            if kind in ("open", "both"):
                open_at.setdefault(entity, []).append(i)
            if kind in ("close", "both"):
                first = open_at[entity].pop() if open_at.get(entity) else i
                if etype in KEPT_TYPES:
                    head = _head_word(words, first, i)
                    pronoun = first == i and words[i].tag in PERSONAL_TAGS
                    span, head_span = (words[first].start, words[i].end), (words[head].start, words[head].end)
                    doc.mentions.append(GoldMention(span, head_span, entity, etype, pronoun))
    return doc


def gum_documents(folder: Path) -> Iterator[GumDoc]:
    names = sorted(p.stem for p in (folder / "conllu").glob("*.conllu"))
    if not names:
        raise EvalError("E053", f"{folder}: no conllu/*.conllu files (a GUM folder holds conllu/ and conll/)")
    for name in names:
        yield read_gum(folder, name)


@dataclass
class CorefScore:
    totals: dict[str, Prf] = field(default_factory=lambda: {k: Prf() for k in ("muc", "b3", "ceafe")})
    pronouns: int = 0
    pronouns_right: int = 0
    pronouns_resolved: int = 0
    third: int = 0  # third-person pronouns ("he", "its", "they"), the ones stages resolve by themselves
    third_right: int = 0
    documents: int = 0

    def summary(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {"documents": self.documents}
        for key, prf in self.totals.items():
            out |= {f"{key}_recall": round(prf.recall, 3), f"{key}_precision": round(prf.precision, 3),
                    f"{key}_f1": round(prf.f1, 3)}
        out["conll_f1"] = round(conll_f1(self.totals), 3)
        out["pronouns"] = self.pronouns
        out["pronoun_accuracy"] = round(self.pronouns_right / self.pronouns, 3) if self.pronouns else 0.0
        out["pronouns_resolved"] = self.pronouns_resolved
        out["third_person_pronouns"] = self.third
        out["third_person_accuracy"] = round(self.third_right / self.third, 3) if self.third else 0.0
        return out


def _matches(refs: list[Reference], gold: GumDoc) -> dict[int, int]:
    """Reference index → gold mention index, each matched once: first by head (the reference covers the
    gold mention's head word and lies inside it), then, for gold mentions still unmatched, the unmatched
    reference inside them nearest their head ("Cyd Ho" in "Pan-democrat veteran Cyd Ho from the Labour
    Party", whose head is "veteran", not "Labour Party")."""
    out: dict[int, int] = {}
    taken: set[int] = set()
    for r_index, ref in enumerate(refs):
        for g_index, mention in enumerate(gold.mentions):
            if g_index not in taken and _inside(ref, mention) and mention.head[0] >= ref.span[0] \
                    and mention.head[1] <= ref.span[1]:
                out[r_index] = g_index
                taken.add(g_index)
                break
    for g_index, mention in enumerate(gold.mentions):
        if g_index in taken:
            continue
        inside = [r for r, ref in enumerate(refs) if r not in out and _inside(ref, mention)]
        if inside:
            best = min(inside, key=lambda r: abs(refs[r].span[0] - mention.head[1]))
            out[best] = g_index
            taken.add(g_index)
    return out


def _inside(ref: Reference, mention: GoldMention) -> bool:
    return mention.span[0] <= ref.span[0] and ref.span[1] <= mention.span[1]


def score_document(score: CorefScore, model: EntityModel, gold: GumDoc) -> None:
    refs = model.all_references()
    matched = _matches(refs, gold)
    gold_clusters: dict[int, set] = {}
    for g_index, mention in enumerate(gold.mentions):
        gold_clusters.setdefault(mention.entity, set()).add(("g", g_index))
    predicted: dict[int, set] = {}
    for r_index, ref in enumerate(refs):
        if ref.referent is None:
            continue
        kind = model.referents[ref.referent].kind
        if kind not in ("person", "organisation", "state", "place", "group"):
            continue
        key = ("g", matched[r_index]) if r_index in matched else ("p", r_index)
        predicted.setdefault(ref.referent, set()).add(key)
    for key, prf in scores([frozenset(c) for c in gold_clusters.values()],
                           [frozenset(c) for c in predicted.values()]).items():
        score.totals[key] = score.totals[key] + prf
    _score_pronouns(score, refs, gold, matched)
    score.documents += 1


def _score_pronouns(score: CorefScore, refs: list[Reference], gold: GumDoc, matched: dict[int, int]) -> None:
    by_gold = {g: r for r, g in matched.items()}
    for g_index, mention in enumerate(gold.mentions):
        if not mention.pronoun or mention.type not in PRONOUN_TYPES:
            continue
        earlier = {i for i, m in enumerate(gold.mentions)
                   if m.entity == mention.entity and m.span[1] <= mention.span[0]}
        if not earlier:
            continue
        third = gold.text[mention.span[0]:mention.span[1]].lower() in THIRD_PERSON
        score.pronouns += 1
        score.third += third
        r_index = by_gold.get(g_index)
        referent = refs[r_index].referent if r_index is not None else None
        if referent is None:
            continue
        score.pronouns_resolved += 1
        named = {matched[i] for i, r in enumerate(refs)
                 if r.referent == referent and i in matched}
        right = any(g in earlier for g in named)
        score.pronouns_right += right
        score.third_right += right and third


def evaluate_coref(coder: Coder, folder: Path, progress: Callable[[], None] | None = None) -> CorefScore:
    """Parse each GUM document with ``coder`` and score the entity model it builds."""
    score = CorefScore()
    golds = list(gum_documents(folder))
    articles = (Article(id=g.name, text=g.text, published=g.published) for g in golds)
    for gold, (_, parsed) in zip(golds, coder.parse_many(articles), strict=True):
        if not isinstance(parsed, ComityError):
            score_document(score, coder.entity_model(parsed), gold)
        if progress:
            progress()
    return score
