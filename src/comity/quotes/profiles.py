"""Speaker profiles: titles, organisations, countries and sectors read from the text.

A person's title and affiliation come from the words around a mention of
their name: a title before it ("Secretary of State Marco Rubio", "Chinese
leader Xi Jinping"), an apposition after it ("Jane Roe, senior fellow for Asia
at the Sydney-based Lowy Institute") or a noun the name is in apposition to
("the president's envoy to Ukraine, John Doe"). Countries are never guessed:
they come from the actor dictionary (known office holders, places, demonyms),
from an organisation's seat, from a demonym, "of X" or possessor ("Japan's Defence
Minister") of a title, or, for a government title that names no state, from the
dateline of a wire report (see quotes.traits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from comity.quotes.cues import CueLexicon

PREMOD_WORDS = {"former", "deputy", "acting", "vice", "retired", "then", "interim", "outgoing", "senior",
                "chief"}
CONNECTORS = {"of", "for", "and", "the", "on", "&", "-", "'s", "’s", "de", "du", "la"}
ORG_PREPS = {"at", "of", "with", "for", "from", "in"}
TITLE_PREPS = {"for", "to", "of", "on"}
PARTY_STATE = re.compile(r"[DRI]\s?-\s?[A-Z][a-z]*\.?(?:[A-Z]\.)?(?:\s?[A-Z][a-z]+)?\s*[,)]")
APPOS_STOP = {",", ".", ";", ":", "—", "–", "(", ")", "“", "”", '"', "?", "!", "―"}
APPOS_START_BAD = {"who", "which", "that", "and", "but", "or", "whose", "where", "when", "as", "because",
                   "if"}


@dataclass
class Profile:
    """What the text says about one source; lists keep every reading in text order."""

    titles: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # "Sydney" from "Sydney-based"
    title_places: list[str] = field(default_factory=list)  # demonyms, "of X", possessors in titles
    owners: list[str] = field(default_factory=list)  # possessors of a title: "the EU's envoy" -> "EU"
    appos_title: bool = False

    def add_title(self, title: str | None, appos: bool) -> None:
        if not title:
            return
        former = title.lower().startswith(("former ", "ex-"))
        if self.titles and former != self.titles[0].lower().startswith(("former ", "ex-")):
            # a current title before a former one ("NATO Secretary-General Jo Roe, a former premier")
            if title not in self.titles:
                self.titles.insert(len(self.titles) if former else 0, title)
            return
        if appos and not self.appos_title:
            self.titles.insert(0, title)
            self.appos_title = True
        elif title not in self.titles:
            self.titles.append(title)


def role_sector(words: list[str], lex: CueLexicon) -> str | None:
    """The sector of the last role word among ``words``."""
    roles = dict(lex.roles)
    for word in reversed(words):
        for part in (word, *reversed(word.split("-"))):
            if part.lower() in roles:
                return roles[part.lower()]
    return None


def _has_role(tokens: list[Token], lex: CueLexicon) -> bool:
    roles = dict(lex.roles)
    return any(t.lower_ in roles or t.lemma_.lower() in roles for t in tokens)


def _text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    return tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text


def _title_like(tok: Token) -> bool:
    if tok.tag_ == "POS" or tok.ent_type_ == "PERSON":
        return False
    if tok.lower_ in PREMOD_WORDS:
        return True
    if tok.pos_ in ("PROPN", "NOUN", "ADJ"):
        return True
    return tok.text.endswith(".") and tok.text[:1].isupper() and len(tok.text) <= 5


def _premodifier_title(name: SpacySpan, lex: CueLexicon) -> list[Token]:
    """Title words right before a name: "Russian President", "former Gov.", "Secretary of State"."""
    doc, toks = name.doc, []
    i = name.start - 1
    while i >= name.sent.start and len(toks) < 12:
        tok = doc[i]
        joins = tok.text == "-" and toks and not tok.whitespace_ and i > name.sent.start
        if (tok.lower_ in ("of", "for", "to") and toks) or joins or _title_like(tok):
            toks.insert(0, tok)
        else:
            break
        i -= 1
    while toks and toks[0].lower_ in CONNECTORS:
        toks.pop(0)
    return toks if _has_role(toks, lex) else []


def _org_tokens(rest: list[Token]) -> tuple[list[Token], str | None]:
    """A capitalised organisation name at the start of ``rest`` and a "X-based" place."""
    place = None
    while rest and rest[0].lower_ in ("the", "a", "an"):
        rest = rest[1:]
    if len(rest) >= 3 and rest[1].text == "-" and rest[2].lower_ == "based":
        place, rest = rest[0].text, rest[3:]
    elif rest and rest[0].lower_.endswith("-based"):
        place, rest = rest[0].text[: -len("-based")], rest[1:]
    org: list[Token] = []
    for tok in rest:
        if tok.text[:1].isupper() or tok.text[:1].isdigit() or (tok.lower_ in CONNECTORS and org):
            org.append(tok)
        else:
            break
    while org and org[-1].lower_ in CONNECTORS:
        org.pop()
    place = place or _seat_after(rest[len(org):])
    nxt = rest[len(org)] if len(org) < len(rest) else None
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.text.islower():
        return [], place  # "the Indo-Pacific program": a name modifying a common noun
    return org, place


def _seat_after(rest: list[Token]) -> str | None:
    """"the University of Exeter in the United Kingdom", "LUISS University in Rome": the place
    named after an organisation (its capitalised words after "in")."""
    if len(rest) < 2 or rest[0].lower_ != "in":
        return None
    words = rest[2:] if rest[1].lower_ == "the" else rest[1:]
    place = []
    for tok in words:
        if not (tok.text[:1].isupper() and tok.ent_type_ in ("GPE", "LOC", "")):
            break
        place.append(tok)
    return _text(place) or None


def _is_org_name(tokens: list[Token], lex: CueLexicon) -> bool:
    if not tokens:
        return False
    words = dict(lex.org_words)
    text = _text(tokens).lower()
    if any(name.lower() in text for name, _, _ in lex.organisations):
        return True
    return any(t.ent_type_ == "ORG" for t in tokens) or any(t.lower_ in words for t in tokens)


def _split_affiliation(toks: list[Token], lex: CueLexicon) -> tuple[list[Token], list[Token], str | None]:
    """Split "senior fellow for Asia at the X Institute" into title, organisation, place."""
    for k, tok in enumerate(toks):
        if k == 0 or tok.lower_ not in ORG_PREPS:
            continue
        org, place = _org_tokens(toks[k + 1:])
        if org and _is_org_name(org, lex):
            return toks[:k], org, place
    return toks, [], None


def _appositive_after(name: SpacySpan, lex: CueLexicon) -> list[Token]:
    """"Jane Roe, senior fellow at X," -> the tokens of the apposition, if it describes a role."""
    doc = name.doc
    if name.end >= len(doc) or doc[name.end].text != ",":
        return []
    toks: list[Token] = []
    for tok in doc[name.end + 1:min(name.end + 30, name.sent.end)]:
        if tok.text in APPOS_STOP and not (tok.text == "-" and toks):
            break
        if tok.pos_ in ("VERB", "AUX") and tok.lower_ != "based":
            break
        toks.append(tok)
    if not toks or toks[0].lower_ in APPOS_START_BAD or toks[0].ent_type_ == "PERSON":
        return []
    while toks and toks[0].lower_ in ("a", "an", "the"):
        toks = toks[1:]
    if not toks or not (_has_role(toks, lex) or _is_org_name(toks, lex)):
        return []
    return toks


def _head_appositive(name: SpacySpan, lex: CueLexicon) -> tuple[list[Token], Token | None]:
    """"the president's envoy to Ukraine, John Doe" -> ("envoy to Ukraine", possessor "president")."""
    root = name.root
    head = root.head
    if root.dep_ != "appos" or head.pos_ != "NOUN" or head.i >= name.start:
        return _noun_before(name, lex)
    possessor = next((c for c in head.children if c.dep_ == "poss"), None)
    skip = {t.i for t in possessor.subtree} if possessor is not None else set()
    toks = []
    for tok in head.doc[head.left_edge.i:name.start]:
        if tok.i in skip or (tok.dep_ == "det" and tok.head == head) or tok.tag_ == "POS":
            continue
        if tok.text == "," and tok.i > head.i:
            break
        toks.append(tok)
    if not _has_role(toks, lex):
        return _noun_before(name, lex) if head.dep_ == "pobj" else ([], possessor)
    return toks, possessor


def comma_before(name: SpacySpan) -> int | None:
    """Index of the comma that opens an apposition ending in ``name`` ("the envoy, retired
    Gen. John Doe,"), skipping title words; None unless a comma or the sentence end follows."""
    doc, i = name.doc, name.start - 1
    while i > name.sent.start and _title_like(doc[i]) and name.start - i < 6:
        i -= 1
    after = doc[name.end] if name.end < len(doc) else None
    if i <= name.sent.start or doc[i].text != "," or (after is not None and after.text not in ",.;"):
        return None
    return i


def _noun_before(name: SpacySpan, lex: CueLexicon) -> tuple[list[Token], Token | None]:
    """The role noun phrase before such an apposition, and its possessor, read from the words
    when the parse missed the apposition."""
    comma = comma_before(name)
    if comma is None:
        return [], None
    doc, toks, possessor = name.doc, [], None
    i = comma - 1
    while i >= name.sent.start and len(toks) < 12:
        tok = doc[i]
        if tok.tag_ == "POS":
            possessor = doc[i - 1] if i > name.sent.start else None
            break
        joined = tok.text == "-" and not tok.whitespace_ and i > name.sent.start \
            and not doc[i - 1].whitespace_
        if tok.dep_ == "det" and i - 1 > name.sent.start and doc[i - 1].lower_ in TITLE_PREPS and toks:
            toks[:0] = [doc[i - 1], tok]  # "envoy for the talks, Jo Roe": the title goes on before "for the"
            i -= 2
            continue
        if tok.dep_ == "det" or (tok.is_punct and not joined) or tok.pos_ in ("VERB", "AUX", "PRON", "SCONJ"):
            break
        toks.insert(0, tok)
        i -= 1
    return (toks, possessor) if _has_role(toks, lex) else ([], None)


def read_profile(name: SpacySpan, profile: Profile, lex: CueLexicon) -> None:
    """Add what the words around one mention of a name say to ``profile``."""
    if _party_state_tag(name):
        profile.title_places.append("United States")
    appos = _appositive_after(name, lex)
    if appos:
        title, org, place = _split_affiliation(appos, lex)
        profile.add_title(_text(title).strip(" ,") or None, appos=True)
        profile.title_places.extend(_title_places(title))
        if org:
            profile.orgs.append(_text(org))
        if place:
            profile.places.append(place)
    head, possessor = _head_appositive(name, lex)
    if head:
        title, org, place = _split_affiliation(head, lex)
        profile.add_title(_text(title) or None, appos=True)
        profile.title_places.extend(_title_places(title))
        if org:
            profile.orgs.append(_text(org))
    owner = _owner_text(possessor) if possessor is not None else None
    if owner:
        profile.title_places.append(owner)
        profile.owners.append(owner)
    premod = _premodifier_title(name, lex)
    if premod:
        org, title = _split_premodifier(premod, lex)
        profile.add_title(_text(title), appos=False)
        profile.title_places.extend(_title_places(premod))
        owner = _possessor_before(premod[0])
        if owner is not None:
            profile.title_places.append(owner)
            profile.owners.append(owner)
        if org:
            profile.orgs.append(_text(org))


def _party_state_tag(name: SpacySpan) -> bool:
    """"Sen. Jo Roe, D-N.H.," or "Rep. Jo Roe (R-Texas)": the party and state tag of a member of the
    United States Congress, right after the name."""
    doc = name.doc
    after = doc[name.end:min(name.end + 5, len(doc))].text.lstrip(" ,(")
    return PARTY_STATE.match(after) is not None


def _owner_text(possessor: Token) -> str | None:
    """A title's possessor as a name: "the EU's envoy" -> "EU"; "the African Union, whose
    spokeswoman" -> "African Union" (the name "whose" follows, with its capitalised words)."""
    if possessor.tag_ != "WP$":
        return possessor.text
    doc, i = possessor.doc, possessor.i - 1
    if i < 1 or doc[i].text != ",":
        return None
    end = start = i - 1
    while start > possessor.sent.start and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
        start -= 1
    return doc[start:end + 1].text if doc[end].text[:1].isupper() else None


def _possessor_before(first: Token) -> str | None:
    """"Japan's Defence Minister Jo Roe": the possessor right before a title."""
    doc, i = first.doc, first.i
    if i - 2 < first.sent.start or doc[i - 1].tag_ != "POS" \
            or doc[i - 2].ent_type_ not in ("GPE", "NORP", "ORG"):
        return None
    owner = doc[i - 2]
    start = owner.i
    while start > first.sent.start and doc[start].ent_iob_ == "I":
        start -= 1
    return doc[start:owner.i + 1].text


def _split_premodifier(toks: list[Token], lex: CueLexicon) -> tuple[list[Token], list[Token]]:
    """"Foreign Ministry spokesperson" -> organisation "Foreign Ministry", title "spokesperson":
    capitalised words ending in an organisation word, before the role words. A demonym or
    place that opens them ("Russian Foreign Ministry") stays out of the organisation."""
    words = dict(lex.org_words)
    last = max((k for k, t in enumerate(toks) if t.lower_ in words and t.text[:1].isupper()), default=-1)
    if last < 0 or last + 1 >= len(toks) or not _has_role(toks[last + 1:], lex):
        return [], toks
    org = toks[:last + 1]
    while org and (org[0].ent_type_ in ("NORP", "GPE") or org[0].tag_ == "POS") and len(org) > 1:
        org = org[1:]
    if not all(t.text[:1].isupper() or t.lower_ in CONNECTORS for t in org):
        return [], toks
    return org, toks[last + 1:]


def _title_places(tokens: list[Token]) -> list[str]:
    """Demonyms and "of X" places inside a title, a name of several words whole first ("Governor of
    Buenos Aires province": "Buenos Aires", then each word); never the object of "to"/"in"."""
    out, runs, run = [], [], []
    for k, tok in enumerate(tokens):
        prev = tokens[k - 1].lower_ if k else ""
        if tok.ent_type_ in ("NORP", "GPE", "ORG") or tok.pos_ == "PROPN":
            if prev in ("to", "in", "on", "for") and not run:
                continue
            out.append(tok.text)
            run.append(tok)
        else:
            runs.append(run)
            run = []
    runs.append(run)
    return [" ".join(t.text for t in r) for r in runs if len(r) > 1] + out
