"""Speaker profiles: titles, organisations, countries and sectors read from the text.

A person's title and affiliation come from the words around a mention of
their name: a title before it ("Secretary of State Marco Rubio", "Chinese
leader Xi Jinping"), an apposition after it ("Jane Roe, senior fellow for Asia
at the Sydney-based Lowy Institute") or a noun the name is in apposition to
("the president's envoy to Ukraine, John Doe"); the organisation may run on in
lower case ("the Kyiv city military administration") or hold the unit named
before it ("fellow with the X Project at the Y Institute": Y), see
:mod:`comity.quotes.affiliations`. Countries are never guessed:
they come from the actor dictionary (known office holders, places, demonyms),
from an organisation's seat, from a demonym, "of X", "in X" (unless posted abroad:
"ambassador in Moscow") or possessor ("Japan's Defence Minister", "the city's
mayor": the city last named) of a title, or, for a government title that names
no state, from the dateline of a wire report (see quotes.traits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from comity.quotes.affiliations import apposed_seat, held, lower_tail, member_body, seat_word
from comity.quotes.cues import CueLexicon

PREMOD_WORDS = {"former", "deputy", "acting", "vice", "retired", "then", "interim", "outgoing", "senior",
                "chief"}
CONNECTORS = {"of", "for", "and", "the", "on", "&", "-", "'s", "’s", "de", "du", "la"}
ORG_PREPS = {"at", "of", "with", "for", "from", "in", "on"}
TITLE_PREPS = {"for", "to", "of", "on"}
PARTY_STATE = re.compile(r"[DRI]\s?-\s?[A-Z][a-z]*\.?(?:[A-Z]\.)?(?:\s?[A-Z][a-z]+)?\s*[,)]")
APPOS_STOP = {",", ".", ";", ":", "—", "–", "(", ")", "“", "”", '"', "?", "!", "―"}
POSTED = frozenset({"ambassador", "envoy", "consul", "correspondent", "representative", "delegate",
                    "emissary", "attache", "attaché", "commander", "coordinator", "reporter", "journalist",
                    "bureau"})  # titles of people posted abroad: "ambassador in Moscow" is not Russian
PLACE_NOUNS = frozenset({"city", "capital", "town", "country", "nation"})  # "the city's mayor"
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
            if _role_word(part.lower(), roles):
                return roles[_role_word(part.lower(), roles)]
    return None


def _role_word(word: str, roles: dict[str, str]) -> str:
    """``word`` as a role word, or with a "co" before one ("cofounder", "co-chair"); else ""."""
    if word in roles:
        return word
    bare = word[3:] if word.startswith("co-") else word[2:] if word.startswith("co") else ""
    return bare if bare in roles else ""


def _has_role(tokens: list[Token], lex: CueLexicon) -> bool:
    roles = dict(lex.roles)
    return any(_role_word(t.lower_, roles) or t.lemma_.lower() in roles for t in tokens)


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


def _org_tokens(rest: list[Token], lex: CueLexicon) -> tuple[list[Token], str | None]:
    """A capitalised organisation name at the start of ``rest`` (running on in lower case to an
    organisation word: "Kyiv city military administration") and a "X-based" place."""
    while rest and rest[0].lower_ in ("the", "a", "an"):
        rest = rest[1:]
    place, rest = seat_word(rest)
    org: list[Token] = []
    for tok in rest:
        if tok.text[:1].isupper() or tok.text[:1].isdigit() or (tok.lower_ in CONNECTORS and org):
            org.append(tok)
        else:
            break
    while org and org[-1].lower_ in CONNECTORS:
        org.pop()
    if org:
        org += lower_tail(rest[len(org):], _org_words(lex))
    place = place or _seat_after(rest[len(org):])
    nxt = rest[len(org)] if len(org) < len(rest) else None
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.text.islower():
        return [], place  # "the Indo-Pacific program": a name modifying a common noun
    return org, place


def _org_words(lex: CueLexicon) -> frozenset[str]:
    return frozenset(w for w, _ in lex.org_words)


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
    at = {t.i: k for k, t in enumerate(toks)}
    for k, tok in enumerate(toks):
        if k == 0 or tok.lower_ not in ORG_PREPS:
            continue
        org, place = _org_tokens(toks[k + 1:], lex)
        if not org or not _is_org_name(org, lex) or (tok.lower_ == "on" and not member_body(org)):
            continue
        if held(toks[at[org[-1].i] + 1:], lambda rest: _named_org(rest, lex)):
            continue  # "fellow with the China Power Project at the X Institute": the institute
        return toks[:k], org, place or apposed_seat(org[-1])
    return toks, [], None


def _named_org(rest: list[Token], lex: CueLexicon) -> list[Token]:
    org = _org_tokens(rest, lex)[0]
    return org if _is_org_name(org, lex) else []


def _appositive_after(name: SpacySpan, lex: CueLexicon) -> list[Token]:
    """"Jane Roe, senior fellow at X," -> the tokens of the apposition, if it describes a role (after
    a party and state tag: "Sen. Jo Roe, D-N.H., the ranking member on ...")."""
    doc = name.doc
    comma = _tag_end(name) if _party_state_tag(name) else name.end
    if comma >= len(doc) or doc[comma].text != ",":
        return []
    toks: list[Token] = []
    for tok in doc[comma + 1:min(comma + 30, name.sent.end)]:
        if tok.text in APPOS_STOP and not (tok.text == "-" and toks):
            break
        if tok.pos_ in ("VERB", "AUX") and tok.lower_ != "based" and not _participle_modifier(tok):
            break
        if tok.tag_ in ("WP", "WDT", "WP$", "WRB"):  # "a lawyer who now runs ...": the relative clause
            break
        toks.append(tok)
    if not toks or toks[0].lower_ in APPOS_START_BAD or toks[0].ent_type_ == "PERSON" or _listed(toks):
        return []
    while toks and toks[0].lower_ in ("a", "an", "the"):
        toks = toks[1:]
    if not toks or not (_has_role(toks, lex) or _is_org_name(toks, lex)):
        return []
    return toks


def _participle_modifier(tok: Token) -> bool:
    """"a visiting scholar", "the ranking member": a participle modifying the noun after it."""
    return tok.tag_ in ("VBG", "VBN") and tok.dep_ in ("amod", "compound") and tok.head.i > tok.i


def _tag_end(name: SpacySpan) -> int:
    """The comma closing the party and state tag after a name ("Jo Roe, D-N.H., ..."), else its end."""
    doc = name.doc
    for i in range(name.end + 1, min(name.end + 8, name.sent.end)):
        if doc[i].text in (",", ")"):
            return i if doc[i].text == "," else i + 1
    return name.end


def _listed(toks: list[Token]) -> bool:
    """"with Rutte, the Ukrainian president and several European leaders": a list of people, not a
    title (the apposed noun joined to a plural)."""
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inside and t.pos_ in ("NOUN", "PROPN")]
    return any(c.dep_ == "conj" and c.tag_ in ("NNS", "NNPS") for h in heads[:1] for c in h.children)


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


OWNING_PRONOUNS = frozenset({"its", "their"})  # a body's title: "its foreign minister", "their envoy"


def read_profile(name: SpacySpan, profile: Profile, lex: CueLexicon) -> None:
    """Add what the words around one mention of a name say to ``profile``."""
    tagged = _party_state_tag(name)
    if tagged:  # "Sen. Jo Roe, D-N.H., the ranking member on ...": the office comes first
        profile.title_places.append("United States")
        _read_premodifier(name, profile, lex)
    _read_appositive(name, profile, lex, tagged)
    head, possessor = _head_appositive(name, lex)
    if head:
        title, org, _ = _split_affiliation(head, lex)
        profile.add_title(_text(title) or None, appos=True)
        profile.title_places.extend(_title_places(title))
        if org:
            profile.orgs.append(_text(org))
    owner = _owner_text(possessor) if possessor is not None else None
    if owner:
        profile.title_places.append(owner)
        profile.owners.append(owner)
    if not tagged:
        _read_premodifier(name, profile, lex)
    scene = _scene_before(name)
    if scene and (head or profile.titles):  # "In Kabul, the acting foreign minister's deputy, X, said"
        profile.title_places.append(scene)


def _scene_before(name: SpacySpan) -> str | None:
    """ "In Kabul, ..." opening the name's sentence: the place a title holder there speaks from."""
    sent = name.sent
    first = sent[0]
    if first.lower_ != "in" or first.dep_ != "prep" or first.i + 2 >= name.start:
        return None
    place = [t for t in first.children if t.dep_ == "pobj"]
    if not place or place[0].ent_type_ != "GPE" or place[0].right_edge.i + 1 >= name.start:
        return None
    after = name.doc[place[0].right_edge.i + 1]
    return name.doc[place[0].left_edge.i:place[0].right_edge.i + 1].text if after.text == "," else None


def _read_appositive(name: SpacySpan, profile: Profile, lex: CueLexicon, tagged: bool) -> None:
    """"Jane Roe, senior fellow at X,": title, organisation and seat."""
    appos = _appositive_after(name, lex)
    if not appos:
        return
    title, org, place = _split_affiliation(appos, lex)
    profile.add_title(_text(title).strip(" ,") or None, appos=not tagged)
    profile.title_places.extend(_title_places(title))
    if org:
        profile.orgs.append(_text(org))
    if place:
        profile.places.append(place)


def _read_premodifier(name: SpacySpan, profile: Profile, lex: CueLexicon) -> None:
    """"Japan's Defence Minister Jo Roe": title, organisation and owner before the name."""
    premod = _premodifier_title(name, lex)
    if not premod:
        return
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
    after = doc[name.end:min(name.end + 7, len(doc))].text.lstrip(" ,(")
    return PARTY_STATE.match(after) is not None


def _owner_text(possessor: Token) -> str | None:
    """A title's possessor as a name: "the EU's envoy" -> "EU"; "the African Union, whose
    spokeswoman" -> "African Union" (the name "whose" follows, with its capitalised words)."""
    if possessor.lower_ in OWNING_PRONOUNS:
        return _pronoun_owner(possessor)
    if possessor.tag_ != "WP$":
        return possessor.text
    doc, i = possessor.doc, possessor.i - 1
    if i < 1 or doc[i].text != ",":
        return None
    end = start = i - 1
    while start > possessor.sent.start and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
        start -= 1
    return doc[start:end + 1].text if doc[end].text[:1].isupper() else None


def _pronoun_owner(possessor: Token) -> str | None:
    """ "Lithuania sided with Warsaw. Its foreign minister, Jo Roe, ...": "its" is the subject of the
    sentence before (its own sentence's when that subject comes first and is not the title itself)."""
    sent = possessor.sent
    subject = _subject_of(sent)
    if subject is None or subject.i >= possessor.i or possessor in subject.subtree:
        if sent.start == 0:
            return None
        subject = _subject_of(possessor.doc[sent.start - 1].sent)
    if subject is None or subject.pos_ not in ("PROPN", "NOUN"):
        return None
    words = [t for t in subject.doc[subject.left_edge.i:subject.i + 1] if t.dep_ != "det"]
    return " ".join(t.text for t in words) or None


def _subject_of(sent: SpacySpan) -> Token | None:
    return next((t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)


def _possessor_before(first: Token) -> str | None:
    """"Japan's Defence Minister Jo Roe": the possessor right before a title ("the city's mayor": the
    place last named before it)."""
    doc, i = first.doc, first.i
    if i - 2 < first.sent.start or doc[i - 1].tag_ != "POS":
        return None
    if doc[i - 2].lower_ in PLACE_NOUNS and doc[i - 2].ent_type_ == "":
        return _place_before(doc[i - 2])
    if doc[i - 2].ent_type_ not in ("GPE", "NORP", "ORG"):
        return None
    owner = doc[i - 2]
    start = owner.i
    while start > first.sent.start and doc[start].ent_iob_ == "I":
        start -= 1
    return doc[start:owner.i + 1].text


def _place_before(noun: Token) -> str | None:
    """The place "the city" or "the country" stands for: the last one named in its sentence or the
    one before (a place name, or a lone name after "in", "of", "to" or "from": "the center of Kyiv")."""
    doc = noun.doc
    start = doc[max(noun.sent.start - 1, 0)].sent.start
    places = [t for t in doc[start:noun.i] if (t.ent_type_ in ("GPE", "LOC") and t.ent_iob_ == "B")
              or _lone_place(t)]
    if not places:
        return None
    end = places[-1].i + 1
    while end < noun.i and doc[end].ent_iob_ == "I":
        end += 1
    return doc[places[-1].i:end].text


def _lone_place(tok: Token) -> bool:
    """A one-word name after "in", "of", "to" or "from" ("the center of Kyiv"), whatever the tagger
    took it for but a body or a people."""
    doc = tok.doc
    return tok.pos_ == "PROPN" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "of", "to", "from") \
        and tok.ent_type_ not in ("ORG", "NORP") and tok.ent_iob_ != "I" \
        and (tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_iob_ != "I")


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
    """Demonyms and "of X" or "in X" places inside a title, a name of several words whole first
    ("Governor of Buenos Aires province": "Buenos Aires", then each word); never the object of "to",
    nor of "in" for someone posted abroad ("ambassador in Moscow")."""
    out, runs, run = [], [], []
    away = ("to", "on", "for", "in") if any(t.lower_ in POSTED for t in tokens) else ("to", "on", "for")
    for k, tok in enumerate(tokens):
        prev = tokens[k - 1].lower_ if k else ""
        if tok.ent_type_ in ("NORP", "GPE", "ORG") or tok.pos_ == "PROPN":
            if prev in away and not run:
                continue
            out.append(tok.text)
            run.append(tok)
        else:
            runs.append(run)
            run = []
    runs.append(run)
    return [" ".join(t.text for t in r) for r in runs if len(r) > 1] + out
