"""Cues of reported speech: which word introduces a statement, who its source is,
and which clause it reports.

A cue is a speech verb ("said", "told", "warned"), a speech noun before a colon
("a special message:") or a phrase whose object is the source ("according to").
The lexicon lives in ``data/cues.json``; users extend it through
``Config.cue_files``.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from comity import datafiles
from comity.config import Config
from comity.quotes.frames import framed_report, reflexive
from comity.records import Span
from comity.text.syntax import crosses_paragraph, subtree_span

SUBJECTS = ("nsubj", "nsubjpass")
CLIMB = ("advcl", "conj", "xcomp", "ccomp", "parataxis", "acl", "relcl", "pcomp", "prep", "pobj")
OBJECTS = ("dobj", "xcomp", "oprd", "dative", "prep", "acomp", "attr")
REQUESTS = frozenset({"ask"})
UNREAL = frozenset({"would", "could", "might", "should", "may"})  # "critics would call it ...": no speech
WITHHELD = frozenset({"decline", "refuse"})  # "declined to confirm ...": nothing was said
# verbs whose speaker a participle after their clause goes on with ("..., adding ...")
REPORTING = frozenset({"say", "tell", "state", "announce", "write", "report", "claim", "note", "insist",
                       "argue", "explain", "warn", "declare"})
SOURCE_HEADS = {"have", "give", "deliver", "issue", "send", "post", "make", "offer", "release", "put"}


@dataclass(frozen=True)
class CueLexicon:
    """Words that introduce reported speech."""

    verbs: frozenset[str]
    quote_verbs: frozenset[str]
    object_verbs: frozenset[str]
    nouns: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    unnamed: frozenset[str]
    pronouns: tuple[tuple[str, str], ...]
    roles: tuple[tuple[str, str], ...]
    org_words: tuple[tuple[str, str], ...]
    organisations: tuple[tuple[str, str | None, str | None], ...]
    honorifics: frozenset[str]
    appeals: tuple[tuple[str, tuple[str, ...]], ...] = ()
    genders: tuple[tuple[str, str], ...] = ()  # (word, "male" | "female")
    given_names: tuple[tuple[str, str], ...] = ()  # (first name, "male" | "female")
    thing_verbs: frozenset[str] = frozenset()
    frames: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (verb lemma, complements that report speech)
    quotation_verbs: frozenset[str] = frozenset()  # attribute only a quotation ("...," he went on)

    @classmethod
    def from_config(cls, config: Config | None = None) -> CueLexicon:
        return _lexicon(tuple(config.cue_files) if config else (), tuple(config.role_files) if config else ())

    @property
    def phrase_starts(self) -> frozenset[str]:
        return _starts(self.phrases)

    def frames_of(self, lemma: str) -> tuple[str, ...]:
        return dict(self.frames).get(lemma, ())

    def pronoun_kind(self, word: str) -> str | None:
        return dict(self.pronouns).get(word.lower())


@cache
def _starts(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(p[0] for p in phrases if p)


def _pairs(items: list, key: str, value: str) -> tuple[tuple[str, str], ...]:
    return tuple((str(i[key]).lower(), str(i[value]))
                 for i in items if isinstance(i, dict) and key in i and value in i)


@cache
def _lexicon(cue_files: tuple, role_files: tuple) -> CueLexicon:
    cues = datafiles.load("cues.json", cue_files)
    roles = datafiles.load("roles.json", role_files)
    pronouns = cues.get("pronouns", {})
    pronouns = pronouns if isinstance(pronouns, dict) else {}
    orgs = tuple((str(o["name"]), o.get("country"), o.get("sector"))
                 for o in roles.get("organisations", []) if isinstance(o, dict) and o.get("name"))
    return CueLexicon(
        verbs=frozenset(str(v).lower() for v in cues.get("verbs", [])),
        quote_verbs=frozenset(str(v).lower() for v in cues.get("quote_verbs", [])),
        object_verbs=frozenset(str(v).lower() for v in cues.get("object_verbs", [])),
        nouns=frozenset(str(v).lower() for v in cues.get("nouns", [])),
        phrases=tuple(tuple(str(p).lower().split()) for p in cues.get("phrases", []) if str(p).strip()),
        unnamed=frozenset(str(v).lower() for v in cues.get("unnamed", [])),
        pronouns=tuple((str(k).lower(), str(v)) for k, v in pronouns.items()),
        roles=_pairs(roles.get("roles", []), "word", "sector"),
        org_words=_pairs(roles.get("org_words", []), "word", "sector"),
        organisations=orgs,
        honorifics=frozenset(str(v).lower() for v in roles.get("honorifics", [])),
        appeals=_word_lists(cues.get("appeals", {})),
        thing_verbs=frozenset(str(v).lower() for v in cues.get("thing_verbs", [])),
        frames=_word_lists(cues.get("frames", {})),
        quotation_verbs=frozenset(str(v).lower() for v in cues.get("quotation_verbs", [])),
        genders=tuple((str(w).lower(), kind) for kind, words in _word_lists(roles.get("genders", {}))
                      for w in words),
        given_names=tuple((str(w).lower(), kind) for kind, words in _word_lists(roles.get("given_names", {}))
                          for w in words),
    )


def _word_lists(table: object) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(table, dict):
        return ()
    return tuple((str(k).lower(), tuple(str(w).lower() for w in v)) for k, v in table.items()
                 if isinstance(v, list))


@dataclass(frozen=True)
class Cue:
    """A cue found in a sentence: its words, its source's head token, and the
    clause it reports (``clause`` with its ``root``), when it has one."""

    span: Span
    lemma: str
    kind: str  # verb, frame (a verb through one of its frames), naming, noun, phrase
    token: Token
    source: Token | None
    clause: Span | None = None
    root: Token | None = None


class Marks:
    """Fast look-ups of which characters lie inside quotation marks."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def holding(self, char: int) -> Span | None:
        i = bisect_left(self.starts, char + 1) - 1
        if i >= 0 and self.spans[i][0] <= char < self.spans[i][1]:
            return self.spans[i]
        return None

    def inside(self, token: Token) -> bool:
        return self.holding(token.idx) is not None


def _find_source(cue: Token, marks: Marks) -> Token | None:
    """The head of the cue's subject, climbing through clauses that share it; when the
    parse gives none, the name right before the cue (", Jo Roe, said") or after it ("said Jo Roe")."""
    found = _subject(cue, marks)
    if found is not None or (cue.dep_ in ("xcomp", "acl", "relcl", "pcomp", "amod", "ccomp")
                             and not crosses_paragraph(cue, cue.head)):
        return found
    doc = cue.doc
    i = cue.i - 1
    while i >= max(cue.sent.start, cue.i - 6):
        tok = doc[i]
        if marks.inside(tok) or "\n" in tok.text or tok.pos_ in ("ADP", "DET", "CCONJ", "SCONJ", "AUX"):
            break
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i == cue.i:
            i = tok.head.left_edge.i - 1  # ", for example," / ", on Friday,": step over the aside
            continue
        if tok.pos_ in ("PROPN", "NOUN", "PRON") and tok.ent_type_ not in ("DATE", "TIME"):
            return tok
        i -= 1
    after = doc[cue.i + 1] if cue.i + 1 < cue.sent.end else None
    if after is not None and after.pos_ == "PROPN" and not marks.inside(after):
        return after.head if after.dep_ == "compound" else after
    return None


def _reporter(cue: Token, marks: Marks) -> Token | None:
    """"Jo Roe said the talks failed, adding ...": a participle set off after the clause another speech
    verb reports goes on with that verb's speaker, not the reported clause's subject; "the agency
    quoted Jo Roe as saying": the one quoted."""
    if cue.tag_ != "VBG":
        return None
    if cue.dep_ == "pcomp" and cue.head.lower_ == "as" and cue.head.head.lemma_ == "quote":
        return next((c for c in cue.head.head.children if c.dep_ == "dobj"), None)  # "quoted Xi as saying"
    if cue.dep_ not in ("advcl", "conj"):
        return None
    for node in cue.ancestors:
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORTING:
            return _subject(node.head, marks)
    return None


def _subject(cue: Token, marks: Marks) -> Token | None:
    reporter = _reporter(cue, marks)
    if reporter is not None:
        return reporter
    node = cue
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in SUBJECTS and not marks.inside(c)
                    and not crosses_paragraph(c, cue)]
        if subjects:
            child = min(subjects, key=lambda c: abs(c.i - node.i))
            return None if child.ent_type_ in ("DATE", "TIME") else child
        if node.dep_ not in CLIMB or node.head.i == node.i or crosses_paragraph(node.head, cue):
            return None
        node = node.head
    return None


def _clause_of(cue: Token, lex: CueLexicon) -> tuple[Span | None, Token | None]:
    """The clause a cue verb reports: its complement clause, or the clause it interrupts."""
    clauses = [c for c in cue.children if c.dep_ == "ccomp" and c.i != cue.i]
    after = [c for c in clauses if c.i > cue.i and any(m.dep_ == "mark" and m.lower_ == "that"
                                                       for m in c.children)]
    clauses = after or clauses  # '"...," Jo Roe revealed that ...': the "that" clause, not the quotation
    if clauses:
        first, last = subtree_span(clauses[0]), subtree_span(clauses[-1])
        return (min(first[0], last[0]), max(first[1], last[1])), clauses[0]
    that = _that_clause(cue)
    if that is not None:
        return subtree_span(that), that
    split = _split_clause(cue)
    if split is not None:
        return split
    if cue.lemma_.lower() in lex.object_verbs:
        said = _object_of(cue)
        if said is not None:
            return said
    head = cue.head
    interrupts = cue.dep_ in ("parataxis", "advcl") and head.i != cue.i
    interrupts = interrupts and head.lemma_.lower() not in lex.verbs and not _infinitive(cue) \
        and cue.tag_ != "VBG"  # "X met Y, warning that ...": a participle reports its own words, not X's act
    if interrupts and head.pos_ in ("VERB", "AUX") and (head.i < cue.i or _parenthetical(cue)):
        return subtree_span(head), head
    return None, None


def _trailing(cue: Token, marks: Marks) -> Token | None:
    """"X turned down the offer, the Ukraine embassy in Britain said on Twitter.": a cue closing its
    sentence after a comma, which the parser joined to the clause before it (as a verb joined to its
    verb, a clause on one of its nouns or an adverbial clause), or made the root with two subjects,
    the clause's and the source's; nothing but a time or place after it. The head of the words
    between the comma and the cue (the cue's subject among them, if the parser gave it one) is the
    source."""
    doc, sent = cue.doc, cue.sent
    comma = next((i for i in range(cue.i - 1, max(sent.start, cue.i - 10), -1) if doc[i].text == ","), None)
    if comma is None or comma - sent.start < 4 or marks.inside(doc[comma]) or not _closing(cue, comma):
        return None
    words = doc[comma + 1:cue.i]
    rest = [t for t in doc[cue.i + 1:sent.end] if not t.is_punct]
    if any(t.pos_ in ("VERB", "AUX", "SCONJ", "PRON") or (t.pos_ == "CCONJ" and not comma < t.head.i < cue.i)
           for t in words) or any(t.pos_ in ("VERB", "AUX") for t in rest):
        return None
    heads = [t for t in words if t.pos_ in ("NOUN", "PROPN") and not comma < t.head.i < cue.i]
    subject = [t for t in heads if t.head.i == cue.i and t.dep_ in SUBJECTS]
    return subject[0] if len(subject) == 1 else heads[0] if len(heads) == 1 else None


def _comma_before(tok: Token) -> int:
    """Where the source's words begin: the comma before them ("..., the city's mayor Jo Roe said")."""
    doc = tok.doc
    comma = next((i for i in range(tok.i - 1, tok.sent.start, -1) if doc[i].text == ","), None)
    return tok.idx if comma is None else doc[comma].idx


def _closing(cue: Token, comma: int) -> bool:
    """Is the cue one the parser hung on the clause before ``comma`` (a joined verb, a clause on a noun,
    an adverbial clause: no subject before the comma), or a root given two subjects, one on each side?"""
    subjects = [c for c in cue.children if c.dep_ in SUBJECTS]
    before = [c for c in subjects if c.i < comma]
    if any(c.dep_ in ("ccomp", "dobj") and (c.i > cue.i or not before) for c in cue.children):
        return False
    if cue.dep_ in ("conj", "relcl", "advcl"):
        return not before
    return cue.dep_ == "ROOT" and bool(before) and len(before) < len(subjects)


def _split_clause(cue: Token) -> tuple[Span, Token] | None:
    """"Jo Roe argued the deal, negotiated in secret, was too weak": a reported clause the parser broke
    in two, its subject taken for the verb's object and its verb ("be") joined to the cue."""
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    verb = next((c for c in cue.children if c.dep_ == "conj" and c.lemma_ == "be" and obj is not None
                 and c.i > obj.i and c.tag_ in ("VBD", "VBZ", "VBP")), None)
    if obj is None or verb is None:
        return None
    return (obj.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)), verb


def _infinitive(cue: Token) -> bool:
    """"pressured to write that statement": a purpose clause, which interrupts nothing it could report."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)


def _parenthetical(cue: Token) -> bool:
    """A cue set off by commas inside the clause it reports ("By then, she said, the talks ...")."""
    doc = cue.doc
    left, right = cue.left_edge.i, cue.right_edge.i
    opened = doc[left].text == "," or (left > cue.sent.start and doc[left - 1].text == ",")
    closed = doc[right].text == "," or (right + 1 < cue.sent.end and doc[right + 1].text == ",")
    return opened and closed and cue.sent.start < left and right + 1 < cue.sent.end


def _that_clause(cue: Token) -> Token | None:
    """A "that" clause hanging lower in the cue's phrase ("said in a statement that ...")."""
    for tok in cue.subtree:
        if tok.i <= cue.i or tok.dep_ not in ("ccomp", "acl", "relcl", "advcl") or tok.head.i < cue.i:
            continue
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children) and tok.head.pos_ != "VERB":
            return tok
    return None


def _object_of(cue: Token) -> tuple[Span, Token] | None:
    """What a verb like "criticized" or "vowed" reports when it has no complement clause:
    its object and what follows it ("X for Y", "to do Y")."""
    right = [c for c in cue.children if c.i > cue.i and c.dep_ in OBJECTS]
    if not any(c.dep_ in ("dobj", "xcomp") for c in right):
        return None
    start = min(c.left_edge.i for c in right)
    end = max(c.right_edge.i for c in right)
    doc = cue.doc
    root = next(c for c in right if c.dep_ in ("dobj", "xcomp"))
    return (doc[start].idx, doc[end].idx + len(doc[end])), root


def _lemma(tok: Token, lex: CueLexicon) -> str:
    """The token's lemma, or its regular stem where the lemmatiser missed it ("texted" -> "texte")."""
    lemma = tok.lemma_.lower()
    if lemma in lex.verbs or tok.tag_ not in ("VBD", "VBN", "VBZ", "VBG"):
        return lemma
    for ending in ("ed", "s", "ing"):
        stem = tok.lower_[:-len(ending)]
        if tok.lower_.endswith(ending) and stem in lex.verbs:
            return stem
    return lemma


def _verb_cue(tok: Token, marks: Marks, lex: CueLexicon) -> Cue | None:
    lemma = _lemma(tok, lex)
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    span = (tok.idx, tok.idx + len(tok))
    appeal = _appeal(tok, lex)
    if appeal is not None:
        return Cue(span, lemma, "verb", tok, _find_source(tok, marks), appeal, tok.doc[tok.i + 1])
    if (tok.dep_ in ("amod", "compound", "acl") and tok.tag_ == "VBN") or _unsaid(tok):
        return None
    if lemma not in lex.verbs:
        framed = framed_report(tok, lex.frames_of(lemma))
        if framed is not None:
            return Cue(span, lemma, "frame", tok, _find_source(tok, marks), framed[0], framed[1])
        if lemma in lex.quote_verbs and any(c.dep_ == "dobj" and not reflexive(c) for c in tok.children):
            return Cue(span, lemma, "naming", tok, _find_source(tok, marks))
        if lemma in lex.quotation_verbs and not any(c.dep_ in OBJECTS for c in tok.children):
            return Cue(span, lemma, "verb", tok, _find_source(tok, marks))  # a quotation's cue, no clause
        return None
    if lemma in REQUESTS and _own_request(tok):
        return None
    trailing = _trailing(tok, marks)
    if trailing is not None:
        clause = (tok.sent.start_char, _comma_before(trailing.left_edge))
        return Cue(span, lemma, "verb", tok, trailing, clause, tok.head)
    clause, root = _clause_of(tok, lex)
    source = _find_source(tok, marks)
    interrupts = root is not None and root.i == tok.head.i and tok.head.i != tok.i
    framed = framed_report(tok, lex.frames_of(lemma)) if clause is None or interrupts else None
    if framed is not None:
        return Cue(span, lemma, "frame", tok, source, framed[0], framed[1])
    return Cue(span, lemma, "verb", tok, source, clause, root)


def _unsaid(tok: Token) -> bool:
    """A speech verb that tells of no statement: negated ("did not say whether"), hypothetical
    ("few would describe him as ..."), or withheld ("declined to confirm that ...")."""
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in UNREAL) for c in tok.children):
        return True
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in WITHHELD


def _appeal(tok: Token, lex: CueLexicon) -> Span | None:
    """"called for Trump to resign", "called on both sides to talk": what follows the particle,
    to the end of the verb's phrase."""
    words = dict(lex.appeals).get(tok.lemma_.lower())
    doc = tok.doc
    if not words or tok.i + 2 >= tok.sent.end or doc[tok.i + 1].lower_ not in words:
        return None
    last = tok.right_edge
    while last.i > tok.i + 1 and last.is_punct:
        last = doc[last.i - 1]
    if last.i <= tok.i + 1:
        return None
    return doc[tok.i + 2].idx, last.idx + len(last)


def _own_request(tok: Token) -> bool:
    """A request that reports no statement of its subject: "asked not to be named", "was asked to
    choose" (no one asked, or the subject asked), "asked her a question" (only a thing asked),
    "Asked whether ..., she said" (the question put to the speaker)."""
    deps = {c.dep_ for c in tok.children}
    if "auxpass" in deps or ("xcomp" in deps and not deps & {"dobj", "dative", "ccomp"}):
        return True
    if tok.tag_ == "VBN" and not deps & set(SUBJECTS):
        return True
    things = [c for c in tok.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    return bool(things) and not deps & {"xcomp", "ccomp"}


def _noun_cue(tok: Token, marks: Marks, lex: CueLexicon) -> Cue | None:
    """A speech noun followed by a colon: "... had a special message: ..."."""
    if tok.pos_ != "NOUN" or tok.lower_ not in lex.nouns:
        return None
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.text != ":":
        return None
    source = next((c for c in tok.children if c.dep_ == "poss"), None)
    if source is None and tok.head.lemma_.lower() in SOURCE_HEADS:
        source = _find_source(tok.head, marks)
    end = tok.sent.end_char
    return Cue((tok.idx, tok.idx + len(tok)), tok.lower_, "noun", tok, source, (nxt.idx + 1, end), None)


def _phrase_cue(tok: Token, lex: CueLexicon) -> Cue | None:
    """"according to X" and the like: the source is the phrase's object."""
    if tok.lower_ not in lex.phrase_starts:
        return None
    doc = tok.doc
    for words in lex.phrases:
        n = len(words)
        if tok.i + n > len(doc) or tuple(t.lower_ for t in doc[tok.i:tok.i + n]) != words:
            continue
        last = doc[tok.i + n - 1]
        source = next((c for c in last.children if c.dep_ == "pobj"), None)
        if source is None and tok.i + n < len(doc):
            source = next((t for t in doc[tok.i + n:tok.sent.end] if t.dep_ == "pobj"), doc[tok.i + n])
        edge = source.right_edge if source is not None else last
        end = max(last.idx + len(last), edge.idx + len(edge))
        return Cue((tok.idx, last.idx + len(last)), " ".join(words), "phrase", tok, source,
                   _around((tok.idx, end), tok.sent), None)
    return None


def _around(phrase: Span, sent) -> Span | None:
    """The side of a sentence around a phrase that holds the sentence's main verb."""
    before = (sent.start_char, phrase[0])
    after = (phrase[1], sent.end_char)
    text, base = sent.text, sent.start_char
    root = sent.root.idx

    def words(side: Span) -> str:
        return text[side[0] - base:side[1] - base].strip(" ,;:—–-")
    if before[0] <= root < before[1] and words(before):
        return before
    if after[0] <= root < after[1] and words(after):
        return after
    sizes = [len(words(s)) for s in (before, after)]
    best = before if sizes[0] >= sizes[1] else after
    return best if max(sizes) > 0 else None


def sentence_cues(sent, marks: Marks, lex: CueLexicon) -> list[Cue]:
    """Every cue of a sentence that stands outside quotation marks."""
    out: list[Cue] = []
    for tok in sent:
        if marks.inside(tok):
            continue
        cue = _phrase_cue(tok, lex) or _verb_cue(tok, marks, lex) or _noun_cue(tok, marks, lex)
        if cue is not None:
            out.append(cue)
    return out
