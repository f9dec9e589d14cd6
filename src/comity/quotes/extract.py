"""Quotes: every attributed statement of an article's running text, with its speaker.

One pass over the body finds three forms of reported speech:

- indirect speech: a cue verb with a complement clause ("X said that ...",
  "X told Y ...", "Analysts say ..."), or a clause around "according to X";
  a clause holding short quoted fragments is a *mixed* quote (see comity.quotes.indirect);
- direct quotes: stretches in quotation marks attributed by a cue before,
  after or inside them ('"...," X said', 'X said: "..."', '"...," X said, "..."'),
  by a dash ('"..." - X'), or continuing the previous speaker (a paragraph
  that is only a quotation, the rest of a paragraph after an attributed quote);
- short quoted phrases with no cue ("a 'no limits' partnership") are scare
  quotes, not statements.

Headlines, datelines and credits are never read: only ``parsed.body_sents()``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from spacy.tokens import Span, Token

from comity.entities.model import EntityModel
from comity.quotes.cues import Cue, CueLexicon, Marks, sentence_cues
from comity.quotes.draft import Draft, independent, trim
from comity.quotes.indirect import indirect, thing_acts
from comity.quotes.marks import QuoteMarks, quoted_spans
from comity.quotes.speakers import ActorLookup, Source, SpeakerBook
from comity.records import Mention, Quote, Speaker
from comity.records import Span as CharSpan
from comity.text.document import Parsed
from comity.text.syntax import tokens_between

LABEL = re.compile(r"[ \t]*([A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}):[ \t]+(?=\S)")
FINITE = ("VBD", "VBZ", "VBP", "MD")
DASHES = "―—–-"
DASH_NAME = 4  # the first words after a dash that may name the source ("- Sen. Jane Roe")
NAMING_WORDS = 8  # fewest words of a quoted name ('called it "..."') to count as a statement
TITLING = frozenset({"title", "entitle", "headline", "caption", "name", "dub", "call", "label", "brand",
                     "term", "nickname"})  # participles naming what follows ("a video titled ...")
TITLE_WORDS = 6  # most words of a quoted title ("The Steve Harvey Morning Show")
TITLE_LINKS = frozenset({"the", "of", "and", "a", "an", "in", "on", "at", "to", "for", "with", "&"})
OPENERS = "\"“‘'«„"


def extract_quotes(parsed: Parsed, mentions: list[Mention], index: ActorLookup,
                   lexicon: CueLexicon | None = None,
                   model: EntityModel | None = None) -> tuple[list[Quote], list[Speaker]]:
    """Every attributed statement of the article's running text, and the speakers behind them.

    Never raises: should the parse hold something unforeseen, the article gets no quotes
    and a warning in ``parsed.warnings``.
    """
    lex = lexicon or CueLexicon.from_config()
    try:
        return _extract(parsed, mentions, index, lex, model)
    except Exception as err:  # one odd article must not stop a corpus
        parsed.warnings.append(f"quotes: skipped after {type(err).__name__}: {err}")
        return [], []


def _extract(parsed: Parsed, mentions: list[Mention], index: ActorLookup,
             lex: CueLexicon, model: EntityModel | None) -> tuple[list[Quote], list[Speaker]]:
    running = _running_sents(parsed)
    sents = [s for s, _ in running]
    paragraphs = sorted({parsed.paragraph_of(start) for _, start in running} | _run_over(parsed, sents))
    marks_of = {p: [m for m in quoted_spans(parsed.text, parsed.paragraph_span(p)) if parsed.in_body(m.outer)]
                for p in paragraphs}
    marks = Marks([m.outer for ms in marks_of.values() for m in ms])
    cues = [c for s in sents for c in sentence_cues(s, marks, lex)]
    book = SpeakerBook(parsed, mentions, index, lex, model)
    drafts, consumed = indirect(parsed, [c for c in cues if not thing_acts(c, lex)], marks_of)
    drafts += _direct(parsed, cues, marks_of, consumed)
    drafts += _labelled(parsed, paragraphs, book)
    drafts = [_clipped(parsed, d) for d in drafts]
    drafts = [d for d in drafts if d.content[0] < d.content[1] and parsed.in_body(d.content)]
    for draft in drafts:  # a stretch that began on a masked part (a live blog's stamp) starts after it
        draft.content = parsed.unmasked(draft.content)
    drafts = _innermost(drafts)
    quotes = _attribute(parsed, drafts, book, paragraphs)
    return quotes, book.speakers()


def _running_sents(parsed: Parsed) -> list[tuple[Span, int]]:
    """The body's sentences, and those the parser ran on from a heading or credit line into the first
    sentence after it ("Washington CNN — President Biden could ..., sources told CNN."), each with
    where its body stretch starts."""
    out = []
    for sent in parsed.doc.sents:
        span = (sent.start_char, sent.end_char)
        if parsed.in_body(span):
            out.append((sent, sent.start_char))
            continue
        tail = _body_around(parsed, span, sent.end_char - 1)
        if parsed.in_body(tail):
            out.append((sent, tail[0]))
    return out


def _body_around(parsed: Parsed, span: CharSpan, anchor: int) -> CharSpan:
    """``span`` cut to the stretch between the non-body parts on either side of ``anchor``."""
    low, high = parsed.body_stretch(anchor)
    return max(span[0], low), min(span[1], high)


def _clipped(parsed: Parsed, draft: Draft) -> Draft:
    """A draft that runs back over a heading into which the parser ran its sentence, cut to the
    body stretch of its cue."""
    if draft.cue is None or not parsed.parts or parsed.in_body(draft.content):
        return draft
    body = _body_around(parsed, draft.content, draft.cue.span[0])
    draft.content = trim(parsed.text, body, lead=())
    return draft


def _innermost(drafts: list[Draft]) -> list[Draft]:
    """Nested attribution: "Kim said the test succeeded, according to the agency's report" holds a
    statement of Kim's inside the channel's. The inner cue's speaker said it; the outer stretch (cue
    and source included) is dropped."""
    inner = [d for d in drafts if d.kind != "direct" and d.cue is not None and d.source is not None]

    def holds(outer: Draft, other: Draft) -> bool:
        start, end = outer.content
        cue, source = other.cue, other.source
        if other is outer or cue is None or source is None or outer.cue is None:
            return False
        if cue.token.i == outer.cue.token.i or not _main(cue.token):
            return False  # "tested what it claimed was X, according to Y": Y's, not a statement inside
        return start <= cue.token.idx < end and start <= source.idx < end and start <= other.content[0] < end
    inner.sort(key=lambda d: d.cue.token.idx)
    at = [d.cue.token.idx for d in inner]

    def within(outer: Draft) -> list[Draft]:  # the inner drafts whose cue lies in the outer stretch
        return inner[bisect_left(at, outer.content[0]):bisect_left(at, outer.content[1])]
    return [d for d in drafts
            if d.cue is None or d.cue.kind != "phrase" or not any(holds(d, o) for o in within(d))]


def _main(verb: Token) -> bool:
    """The verb of its sentence's main clause (or one joined to it)."""
    return verb.dep_ == "ROOT" or (verb.dep_ in ("conj", "parataxis") and verb.head.dep_ == "ROOT")


def _run_over(parsed: Parsed, sents: list) -> set[int]:
    """Paragraphs opening with a quotation that a sentence of the one before runs into
    ('He said:\n"..."'), which no sentence starts."""
    out = set()
    for sent in sents:
        first, last = parsed.paragraph_of(sent.start_char), parsed.paragraph_of(sent.end_char - 1)
        for para in range(first + 1, last + 1):
            start, end = parsed.paragraph_span(para)
            if parsed.text[start:end].lstrip()[:1] in OPENERS and parsed.in_body((start, end)):
                out.add(para)
    return out


# ---------------------------------------------------------------- direct quotes

def _statement(parsed: Parsed, mark: QuoteMarks) -> bool:
    """Long enough, or verbal enough, to be a statement rather than a scare quote."""
    words = parsed.text[mark.inner[0]:mark.inner[1]].split()
    if len(words) >= 4:
        return True
    span = parsed.doc.char_span(*mark.inner, alignment_mode="expand")
    return len(words) >= 2 and span is not None and any(t.tag_ in FINITE for t in span)


def _set_off(parsed: Parsed, marks: list[QuoteMarks], k: int, before: CharSpan, after: CharSpan) -> bool:
    """A one-word quotation that opens its sentence, set off by its own comma or mark ('"Finally," he
    went on'): a statement, not a scare quote; unless the quotation goes on after its cue ('"That," he
    added, "..."'), a piece too small to stand alone."""
    closing = _closing(parsed, marks[k])
    opens = not parsed.text[before[0]:before[1]].strip()
    broken = k + 1 < len(marks) and after[1] == marks[k + 1].outer[0]
    return opens and not broken and closing[-1:] in (",", "?", "!") and len(closing) > 2


def _closing(parsed: Parsed, mark: QuoteMarks) -> str:
    """A quotation's text up to its last character before the closing marks ('Finally,')."""
    return parsed.text[mark.inner[0]:mark.outer[1]].rstrip("”\"'’ »")


def _opens(parsed: Parsed, marks: list[QuoteMarks], k: int, before: CharSpan) -> bool:
    """Does the quotation open its sentence? Not when it only follows another quotation that does
    not end a sentence: a list of epithets ('a "shock jock," "an entertainer"') is one phrase."""
    if parsed.text[before[0]:before[1]].strip():
        return False
    if k == 0 or before[0] != marks[k - 1].outer[1]:
        return True
    return _closing(parsed, marks[k - 1])[-1:] in (".", "?", "!", "…", ":")


def _said_name(parsed: Parsed, mark: QuoteMarks) -> bool:
    """What something is called is a statement only when it says something at length:
    eight words, or four with a finite verb ("a guy who was looking for trouble")."""
    words = parsed.text[mark.inner[0]:mark.inner[1]].split()
    if len(words) >= NAMING_WORDS:
        return True
    span = parsed.doc.char_span(*mark.inner, alignment_mode="expand")
    return len(words) >= 4 and span is not None and any(t.tag_ in FINITE for t in span)


def _leads(parsed: Parsed, cue: Cue, mark: QuoteMarks) -> bool:
    """Does ``cue`` stand right before the quotation ``mark`` ('said "...')?"""
    return cue.span[1] <= mark.outer[0] and not parsed.text[cue.span[1]:mark.outer[0]].strip(" ,:")


def _titled(parsed: Parsed, mark: QuoteMarks, starts: list[int]) -> bool:
    """'a video titled "do not believe the fakes"': a quoted name after a participle that names;
    'said on "Face the Nation"', 'told "Fox News Sunday"': the capitalised title of a show, paper or
    book after a preposition, a possessive or "told" ('CBS's "Face the Nation"')."""
    i = bisect_right(starts, mark.outer[0] - 1) - 1
    before = parsed.doc[i] if 0 <= i < len(parsed.doc) and starts[i] < mark.outer[0] else None
    if before is None:
        return False
    if before.tag_ == "VBN" and before.lemma_.lower() in TITLING:
        return True
    named = before.pos_ == "ADP" or before.tag_ in ("POS", "PRP$") or before.lemma_.lower() == "tell"
    return named and _title_case(parsed, mark)


def _title_case(parsed: Parsed, mark: QuoteMarks) -> bool:
    """A short quotation, its words all capitalised but small linking words ("State of the Union")."""
    words = parsed.text[mark.inner[0]:mark.inner[1]].strip(" .,").split()
    return 0 < len(words) <= TITLE_WORDS and words[0][:1].isupper() \
        and all(w[:1].isupper() or w.lower() in TITLE_LINKS for w in words)


def _sentence_at(parsed: Parsed, starts: list[int], char: int):
    i = max(bisect_right(starts, char) - 1, 0)
    return parsed.doc[i].sent if len(parsed.doc) else None


def _frames(parsed: Parsed, marks: list[QuoteMarks], k: int, starts: list[int]) -> tuple[CharSpan, CharSpan]:
    """The text of the same sentence before and after the ``k``-th quotation of a paragraph."""
    mark = marks[k]
    para = parsed.paragraph_span(parsed.paragraph_of(mark.outer[0]))
    lo = marks[k - 1].outer[1] if k > 0 else para[0]
    hi = marks[k + 1].outer[0] if k + 1 < len(marks) else para[1]
    opening = _sentence_at(parsed, starts, mark.outer[0])
    if opening is not None:
        lo = max(lo, opening.start_char)
    following = _sentence_at(parsed, starts, min(mark.outer[1], max(hi - 1, mark.outer[1])))
    if following is not None and following.end_char > mark.outer[1]:
        hi = min(hi, following.end_char)
    return (lo, mark.outer[0]), (mark.outer[1], max(hi, mark.outer[1]))


def _dash_source(parsed: Parsed, after: CharSpan, starts: list[int]) -> Token | None:
    """'"..." - Jane Roe', '"..." - Sen. Jane Roe, D-Ohio': a name right after a dash; a dash that
    opens an aside ('"Cadillac tax" - a levy that Jane Roe opposes') names no source."""
    rest = parsed.text[after[0]:after[1]].lstrip(" ,")
    if not rest or rest[0] not in DASHES:
        return None
    toks = [t for t in tokens_between(parsed.doc, starts, after) if not t.is_punct][:DASH_NAME]
    person = [t for t in toks if t.ent_type_ == "PERSON"]
    if person:
        return next((t for t in person if t.ent_iob_ == "B"), person[0])
    names = [t for t in toks if t.pos_ == "PROPN"]
    return names[-1] if names else None


def _frame_cue(cues_at: dict[int, Cue], toks: list[Token], after: bool) -> Cue | None:
    """The cue of a quotation: the first one after it whose source follows the quotation too
    ('"...," Jane Roe, a fellow at X, said'), else the last one before it ('X said: "..."')."""
    found = [cues_at[t.i] for t in toks if t.i in cues_at]
    if after:
        found = [c for c in found if toks and c.token.i - toks[0].i <= 40 and c.kind != "naming"
                 and c.source.i >= toks[0].i and (c.token.i - toks[0].i <= 12 or c.source.i < c.token.i)]
        return found[0] if found else None
    return found[-1] if found else None


def _direct(parsed: Parsed, cues: list[Cue], marks_of: dict[int, list[QuoteMarks]],
            consumed: set[CharSpan]) -> list[Draft]:
    starts = [t.idx for t in parsed.doc]
    cues_at = {c.token.i: c for c in cues if c.source is not None}
    drafts: list[Draft] = []
    for para, marks in marks_of.items():
        for k, mark in enumerate(marks):
            if mark.outer in consumed or _titled(parsed, mark, starts):
                continue
            before, after = _frames(parsed, marks, k, starts)
            one_word = len(parsed.text[slice(*mark.inner)].split()) < 2
            if one_word and not _set_off(parsed, marks, k, before, after):
                continue
            ended = parsed.text[mark.inner[1] - 1:mark.inner[1]] == "."  # '"... do that." He said'
            after_toks = [] if ended else tokens_between(parsed.doc, starts, after)
            cue = _frame_cue(cues_at, after_toks, after=True)
            if cue is not None and k + 1 < len(marks) and _leads(parsed, cue, marks[k + 1]):
                cue = None  # '"A," and Jo Roe said "B"': Jo Roe's cue is B's
            source = cue.source if cue else _dash_source(parsed, after, starts)
            opens = _opens(parsed, marks, k, before)
            if source is None:
                cue = _frame_cue(cues_at, tokens_between(parsed.doc, starts, before), after=False)
                cue = cue or (_colon_cue(parsed, para, cues) if opens and k == 0 else None)
                source = cue.source if cue else None
                if cue is not None and cue.kind == "naming" and not _said_name(parsed, mark):
                    continue  # called the plan "a disaster": an epithet, not a statement
                if not (_statement(parsed, mark) or (opens and source is None)):
                    continue
            content = trim(parsed.text, mark.inner, lead=())
            if content[0] < content[1] and (source is not None or opens or independent(parsed, mark)):
                drafts.append(Draft(content, "direct", para, cue, source))
    return drafts


def _colon_cue(parsed: Parsed, para: int, cues: list[Cue]) -> Cue | None:
    """'He said:' closing the paragraph before a paragraph that opens with a quotation."""
    if para == 0:
        return None
    start, end = parsed.paragraph_span(para - 1)
    text = parsed.text[start:end].rstrip()
    if not text.endswith(":"):
        return None
    last = parsed.doc.char_span(start, start + len(text), alignment_mode="contract")
    if last is None:
        return None
    sent = last[-1].sent
    found = [c for c in cues if c.source is not None and sent.start_char <= c.span[0] < sent.end_char
             and c.kind in ("verb", "noun")]
    return found[-1] if found else None


def _labelled(parsed: Parsed, paragraphs: list[int], book: SpeakerBook) -> list[Draft]:
    """Transcript paragraphs, "PENCE: Well, look, ...": a person's name, a colon, their words."""
    starts = [t.idx for t in parsed.doc]
    drafts = []
    found = [(para, LABEL.match(parsed.text, *parsed.paragraph_span(para))) for para in paragraphs]
    labels = Counter(m.group(1).split()[-1].lower() for _, m in found if m is not None)
    for para, match in found:
        if match is None:
            continue
        end = parsed.paragraph_span(para)[1]
        toks = tokens_between(parsed.doc, starts, (match.start(1), match.end(1)))
        if not toks or not (book.is_person_label(toks[-1]) or _turns(toks, labels)):
            continue
        content = trim(parsed.text, (match.end(), end), lead=())
        if len(parsed.text[content[0]:content[1]].split()) >= 2:
            drafts.append(Draft(content, "direct" if parsed.text[content[0] - 1] in "“\"" else "indirect",
                                para, None, toks[-1]))
    return drafts


def _turns(toks: list[Token], labels: Counter) -> bool:
    """A label in capitals that opens several paragraphs ("TAPPER: ...", "TAPPER: ..."): the turns of
    a transcript."""
    last = toks[-1]
    return labels[last.lower_] >= 2 and len(last) > 2 and all(t.is_upper or not t.is_alpha for t in toks)


# ---------------------------------------------------------------- speakers

def _inherited(parsed: Parsed, draft: Draft, done: list[tuple[Draft, Source]],
               order: dict[int, int]) -> Source | None:
    """A quotation with no cue continues the speaker of its paragraph (the quote before it,
    else the one after), or, when it opens its paragraph, of a quotation in the paragraph before."""
    same = [(d, s) for d, s in done if d.paragraph == draft.paragraph and d.source is not None]
    before = [s for d, s in same if d.content[0] < draft.content[0]]
    if before or same:
        return before[-1] if before else same[0][1]
    start = parsed.paragraph_span(draft.paragraph)[0]
    if parsed.text[start:draft.content[0]].strip(" \t“\"'‘«„”") :
        return None
    prev = [(d, s) for d, s in done if order.get(d.paragraph, -9) == order.get(draft.paragraph, 0) - 1]
    if prev and prev[-1][0].kind == "direct":
        return prev[-1][1]
    return None


def _actors(book: SpeakerBook, span: CharSpan) -> tuple[str, ...]:
    codes: list[str] = []
    for m in book.mentions_in(span):
        if m.entity.code and m.entity.code not in codes:
            codes.append(m.entity.code)
    return tuple(codes)


def _attribute(parsed: Parsed, drafts: list[Draft], book: SpeakerBook, paragraphs: list[int]) -> list[Quote]:
    order = {p: i for i, p in enumerate(paragraphs)}
    drafts = sorted(drafts, key=lambda d: (d.content, d.source is None))
    done: list[tuple[Draft, Source]] = []
    seen: set[CharSpan] = set()
    later = [d for d in drafts if d.source is None]
    for draft in drafts:
        if draft.content in seen or draft.source is None:
            continue
        seen.add(draft.content)
        done.append((draft, book.resolve(draft.source)))
    for draft in later:
        if draft.content in seen:
            continue
        source = _inherited(parsed, draft, sorted(done, key=lambda x: x[0].content), order)
        if source is not None:
            seen.add(draft.content)
            done.append((draft, source))
    return [_quote(parsed, d, s, book) for d, s in sorted(done, key=lambda x: x[0].content)]


def _quote(parsed: Parsed, draft: Draft, source: Source, book: SpeakerBook) -> Quote:
    start, end = draft.content
    cue = draft.cue
    return Quote(
        content=parsed.text[start:end], content_span=draft.content, kind=draft.kind,
        speaker=source.name, speaker_text=source.text, speaker_span=source.span,
        cue=parsed.text[cue.span[0]:cue.span[1]] if cue else None, cue_span=cue.span if cue else None,
        cue_lemma=cue.lemma if cue else None, paragraph=draft.paragraph, actors=_actors(book, draft.content),
    )
