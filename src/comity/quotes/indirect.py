"""Indirect speech: the clause a cue reports ("X said that ...", "X told Y ...", "according to X, ...").

A cue verb's complement clause, run on through the verb's other complements and
the clauses joined to it that no cue of their own introduces, cut in two where
the cue interrupts it ("By then, she said, the talks ..."). A clause that is a
quotation is left to the direct quotes of :mod:`comity.quotes.extract`; one
holding short quoted fragments is a *mixed* quote, and a quoted clause of its
own inside it is a direct quote of the same speaker. A thing that "threatened"
something is no speaker ("the storm threatened homes").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Token

from comity.quotes.cues import Cue, CueLexicon
from comity.quotes.draft import Draft, independent, trim
from comity.quotes.marks import QuoteMarks
from comity.records import Span as CharSpan
from comity.text.document import Parsed
from comity.text.syntax import subtree_span

PIECE_WORDS = 4  # fewest words of a piece of a clause a cue interrupts
INDIRECT_WORDS = 3  # fewest words of a reported statement with no quotation in it
FRAGMENT_WORDS = 8  # fewest words of a mixed quote's fragment that is a direct quote too (5 cost precision)
CONDITIONS = frozenset({"if", "unless", "once", "when", "until"})  # a fronted condition of a statement
LINKS = frozenset({"that", "and", "but", "or", "then", "also"})
CLOSED = frozenset({",”", ",\"", "?”", "?\"", "!”", "!\""})


class CueTokens(frozenset):
    """The token indices of an article's cues, with their character offsets in order, so the cues
    inside a clause are found by bisection (not by a pass over every cue of the article per cue)."""

    order: list[int]
    offsets: list[int]

    @classmethod
    def of(cls, parsed: Parsed, cues: list[Cue]) -> CueTokens:
        made = cls(c.token.i for c in cues)
        made.order = sorted(made)
        made.offsets = [parsed.doc[i].idx for i in made.order]
        return made

    def between(self, start: int, end: int) -> list[int]:
        """The cue tokens that begin after character ``start`` and before ``end``."""
        return self.order[bisect_right(self.offsets, start):bisect_left(self.offsets, end)]


def _overlap(a: CharSpan, b: CharSpan) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _extent(parsed: Parsed, cue: Cue, cue_tokens: CueTokens) -> CharSpan:
    """The reported clause, kept inside its paragraph; after a cue verb it runs on through the
    verb's other complements ("promised to act should he win", "argued that ..., in order to ...")
    and through clauses joined to it that no cue of their own introduces ("said the talks had
    failed, but that a deal was near")."""
    start, end = cue.clause or (0, 0)
    tok = cue.token
    if cue.kind == "verb" and start > tok.idx:
        tails = [c.right_edge for c in tok.children if c.i > tok.i and c.dep_ not in ("conj", "cc", "punct")]
        tails += [c.right_edge for c in tok.children
                  if c.i > tok.i and c.dep_ == "conj" and c.idx >= end and not _cued(c, cue_tokens)]
        if tails:
            last = max(tails, key=lambda t: t.i)
            end = max(end, last.idx + len(last))
    para = parsed.paragraph_span(parsed.paragraph_of(tok.idx))
    if cue.root is not None and cue.root.dep_ == "ccomp":  # "said X, adding Y": X alone
        end = min([end, *(_goes_on(parsed, t) for t in cue_tokens.between(start, end))])
    return max(start, para[0]), min(end, para[1])


def _goes_on(parsed: Parsed, token: int) -> int:
    """'..., adding that ...': where a participle cue of its own cuts the clause it follows (its comma),
    else past the end of the text."""
    tok = parsed.doc[token]
    before = parsed.doc[tok.i - 1] if tok.i > 0 else None
    if tok.tag_ == "VBG" and tok.dep_ == "advcl" and before is not None and before.text == ",":
        return before.idx
    return len(parsed.text) + 1


def _cued(tok: Token, cue_tokens: frozenset[int]) -> bool:
    """Does a cue of its own stand in ``tok``'s clause ("... and added that ...")?"""
    return tok.i in cue_tokens or any(c.i in cue_tokens for c in tok.children if c.dep_ in ("conj", "xcomp"))


def _reported(parsed: Parsed, cue: Cue, marks: list[QuoteMarks],
              cue_tokens: CueTokens, leads: dict[int, Cue] | None = None) -> list[Draft]:
    """The indirect (or mixed) statement a cue's clause reports, unless the clause is a quotation."""
    if cue.clause is None or cue.source is None:
        return []
    root = cue.root if cue.root is not None else parsed.doc[cue.token.i].sent.root
    clause = _extent(parsed, cue, cue_tokens)
    if clause[0] >= clause[1]:
        return []
    if _quotation(parsed, cue, clause, root, marks):
        return _fronted(parsed, cue, marks)
    inside = [m for m in marks if _overlap(m.outer, clause) > 0]
    if cue.root is None and sum(_overlap(m.outer, clause) for m in inside) >= 0.5 * (clause[1] - clause[0]):
        return []
    para = parsed.paragraph_of(cue.span[0])
    sides = _sides(cue, clause)
    least = PIECE_WORDS if len(sides) > 1 else 2  # "In the end, he said, ...": no statement on its own
    led = [m for m in inside if _lead_of(parsed, m, leads or {}) is not None or _spliced(parsed, m)]
    drafts = [d for side in sides for d in _clause_draft(parsed, cue, side, led, para, least, inside)]
    if not drafts:
        return []
    start = clause[0]
    pieces = [m for m in led
              if m.outer[0] > start + 1 and independent(parsed, m) and not _embedded(parsed, m, clause)]
    for mark in pieces:  # '... that he had to "un-unite" them "and I think I can do it."'
        inner = _lead_of(parsed, mark, leads or {})
        if inner is not None and cue.kind == "phrase":  # 'Jo Roe said "...," according to Ana Silva'
            drafts = [d for d in drafts if d.kind == "direct" or d.content[1] > inner.span[1] + 3]
        said = inner if inner is not None and cue.kind == "phrase" else cue
        drafts.append(Draft(trim(parsed.text, mark.inner, lead=()), "direct", para, said, said.source))
    mixed = [d.content for d in drafts if d.kind == "mixed"]
    for mark in inside:  # 'called the plan "a gift to the men who started this war"': the fragment too
        if mark not in pieces and any(_overlap(mark.outer, c) for c in mixed) \
                and len(parsed.text[mark.inner[0]:mark.inner[1]].split()) >= FRAGMENT_WORDS:
            drafts.append(Draft(trim(parsed.text, mark.inner, lead=()), "direct", para, cue, cue.source))
    return drafts


def _spliced(parsed: Parsed, mark: QuoteMarks) -> bool:
    """A quotation set after the clause with a conjunction of its own inside its marks ('... the two
    rivals "and I think I can do it."'): a statement of its own, not words the clause goes on into."""
    span = parsed.doc.char_span(*mark.inner, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].pos_ == "CCONJ"


def _lead_of(parsed: Parsed, mark: QuoteMarks, leads: dict[int, Cue]) -> Cue | None:
    """The speech verb right before a quotation ('said "...'), whose source said it."""
    end = mark.outer[0]
    while end > 0 and parsed.text[end - 1] in " ,:":
        end -= 1
    return leads.get(end)


def _fronted(parsed: Parsed, cue: Cue, marks: list[QuoteMarks]) -> list[Draft]:
    """'If voters send him back, Biden said, "we will have saved democracy."': the condition set before
    the cue belongs to the quotation's statement; it is reported speech of its own."""
    front = [c for c in cue.token.children if c.dep_ == "advcl" and c.i < cue.token.i
             and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)]
    if not front or cue.source is None:
        return []
    span = subtree_span(front[0])
    if any(_overlap(m.outer, span) for m in marks):
        return []
    content = trim(parsed.text, span, lead=())
    if len(parsed.text[content[0]:content[1]].split()) < PIECE_WORDS:
        return []
    return [Draft(content, "indirect", parsed.paragraph_of(cue.span[0]), cue, cue.source)]


def _quotation(parsed: Parsed, cue: Cue, clause: CharSpan, root: Token, marks: list[QuoteMarks]) -> bool:
    """Is the reported clause a quotation ('"We will win," he said', 'X said the war "made Beijing
    bolder."') rather than a clause holding a quoted fragment ('he said they were "hyping up" the
    threat to justify ...')? Its root lies in quotation marks after which, the cue's own phrase
    aside, hardly a word of the clause follows."""
    holder = next((m for m in marks if m.outer[0] <= root.idx < m.outer[1]), None)
    if holder is None:
        return False
    own = {t.i for t in cue.token.subtree} - {t.i for t in root.subtree}
    span = parsed.doc.char_span(holder.outer[1], clause[1], alignment_mode="contract")
    if span is None:
        return True
    loose = [t for t in span if t.i not in own and any(ch.isalnum() for ch in t.text)
             and t.lower_ not in LINKS and not any(m.outer[0] <= t.idx < m.outer[1] for m in marks)]
    return len(loose) < 2


def _sides(cue: Cue, clause: CharSpan) -> list[CharSpan]:
    """The clause, or its two pieces when the cue interrupts it ("By then, she said, the talks ...")."""
    tok = cue.token
    left, right = tok.left_edge, tok.right_edge
    lo, hi = left.idx, right.idx + len(right)
    if clause[0] < lo and hi < clause[1]:
        return [(clause[0], lo), (hi, clause[1])]
    return [clause]


def _clause_draft(parsed: Parsed, cue: Cue, side: CharSpan, led: list[QuoteMarks],
                  para: int, least: int, inside: list[QuoteMarks]) -> list[Draft]:
    """The clause on one side of its cue, short of a quotation set after it as a statement of its own
    (led by a speech verb, '... and said "we must go"', or spliced on, '... the two rivals "and I think
    I can do it."'); a quotation the clause goes on into ('let them know that "this is not who we
    are."') stays in it, a mixed quote."""
    start, end = side
    pieces = [m for m in led if m.outer[0] > start + 1 and m.outer[0] < end and independent(parsed, m)
              and not _embedded(parsed, m, side)]
    if pieces:
        end = min(end, pieces[0].outer[0])
    for tok in (cue.token, cue.source.left_edge if cue.source is not None else None):
        if tok is not None and start < tok.idx < end and parsed.text[start:tok.idx].rstrip()[-2:] in CLOSED \
                and parsed.text[start:tok.idx].lstrip()[:1] in "“\"":
            return []  # '"...," declared Jo Roe': a quotation, which its marks and frame attribute
    content = trim(parsed.text, (start, end))
    if len(parsed.text[content[0]:content[1]].split()) < least:
        return []
    small = [m for m in inside if _overlap(m.outer, content) > 0]
    if not small and len(parsed.text[content[0]:content[1]].split()) < INDIRECT_WORDS:
        return []  # "praised her effort", "promised to meet": two words name a topic, not a statement
    return [Draft(content, "mixed" if small else "indirect", para, cue, cue.source)]


def _embedded(parsed: Parsed, mark: QuoteMarks, clause: CharSpan) -> bool:
    """Does a quotation sit inside running reported speech, with words of the clause after it
    ('said that "we need more information" about how ...')?"""
    after = parsed.text[mark.outer[1]:clause[1]]
    return len([w for w in after.split() if any(ch.isalnum() for ch in w)]) >= 2


def thing_acts(cue: Cue, lex: CueLexicon) -> bool:
    """"the pact threatened peace", "the storm threatened homes": a verb with a plain object whose
    subject is a common noun that names no one who could speak (no person, group or body)."""
    root, source = cue.root, cue.source
    if cue.lemma not in lex.thing_verbs or root is None or root.dep_ != "dobj" or source is None:
        return False
    if source.pos_ != "NOUN" or source.ent_type_:
        return False
    word = source.lemma_.lower()
    speakers = lex.unnamed | {w for w, _ in lex.roles} | {w for w, _ in lex.org_words}
    return word not in speakers and source.lower_ not in speakers


def indirect(parsed: Parsed, cues: list[Cue],
              marks_of: dict[int, list[QuoteMarks]]) -> tuple[list[Draft], set[CharSpan]]:
    drafts: list[Draft] = []
    consumed: set[CharSpan] = set()
    cue_tokens = CueTokens.of(parsed, cues)
    leads = {c.span[1]: c for c in cues if c.kind == "verb" and c.source is not None}
    for cue in cues:
        marks = marks_of.get(parsed.paragraph_of(cue.span[0]), [])
        found = _reported(parsed, cue, marks, cue_tokens, leads)
        drafts.extend(found)
        for draft in found:
            consumed.update(m.outer for m in marks if _overlap(m.outer, draft.content) > 0)
    return drafts, consumed
