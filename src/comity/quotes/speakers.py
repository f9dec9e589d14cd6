"""Speakers: who a quote's source is, as one canonical name per article.

A :class:`SpeakerBook` reads every person named in an article's running text
once (with their titles and affiliations), then turns the source of each cue
into a canonical speaker: a surname into the full name seen in the article
("Kennedy" -> "Scott Kennedy"), a pronoun into the most recent person in
subject position, a description ("the minister") into the last person who
held that title, an organisation ("the Foreign Ministry") into its name (bodies:
:mod:`comity.quotes.voices`), and an unnamed source ("officials", "a source")
into no name with a description. A name the tagger takes for a person's is a
body's when the dictionary says so ("the Houthis") or an organisation word
describes it ("newspaper Rodong Sinmun"); of two full names of one surname, the
dictionary's form is kept.
"""

from __future__ import annotations

from bisect import bisect_left, insort

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from comity.entities.descriptions import DOCUMENT_NOUNS
from comity.entities.model import EntityModel
from comity.quotes.bodies import (
    body_appositive,
    body_names,
    body_of_staff,
    described_places,
    descriptor,
    named_body,
    states_of,
    voice_of,
)
from comity.quotes.cues import CueLexicon
from comity.quotes.names import (
    FullestNames,
    clean_name,
    entity_of,
    fullest,
    line_of,
    name_like,
    name_part,
    named_person,
    subject_rank,
    titled_name,
)
from comity.quotes.phrases import name_around, phrase
from comity.quotes.profiles import Profile, comma_before, read_profile
from comity.quotes.referents import body_behind, issuing_seat
from comity.quotes.traits import ActorLookup, ComposedLookup, describe
from comity.quotes.voices import BodyVoices, Source
from comity.records import Mention, Speaker
from comity.records import Span as CharSpan
from comity.text.document import Parsed

LEADERS = frozenset({"leader"})  # a word any holder of a state's office may be called by
INDEFINITE = {"a", "an", "some", "many", "several", "other", "few", "most", "one", "two", "three", "any"}

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}


def _gender_of(name: SpacySpan, words: dict[str, str], given: dict[str, str]) -> str | None:
    """"Mrs. Roe", "spokeswoman Jane Roe", "Jane Roe, a spokeswoman for", "Jane Roe": the gender
    the words right around a name, or its first name, mark, if any."""
    doc = name.doc
    near = [doc[i] for i in range(max(name.sent.start, name.start - 3), name.start)]
    near += list(name)[:1] + [doc[i] for i in range(name.end, min(name.sent.end, name.end + 6))]
    for tok in near:
        found = words.get(tok.lower_)
        if found:
            return found
    return given.get(name[0].lower_) if len(name) > 1 else None


class SpeakerBook(BodyVoices):
    """Every person of one article, and the speakers resolved so far (its bodies: :class:`BodyVoices`)."""

    def __init__(self, parsed: Parsed, mentions: list[Mention], index: ActorLookup, lex: CueLexicon,
                 model: EntityModel | None = None) -> None:
        self.parsed, self.index, self.lex, self.model = parsed, ComposedLookup(index), lex, model
        self.on = parsed.article.published
        self.mentions = sorted(mentions, key=lambda m: m.span)
        self.ents = list(parsed.doc.ents)
        self.mention_starts = [m.span[0] for m in self.mentions]
        self.profiles: dict[str, Profile] = {}
        self.persons: list[tuple[int, str, int]] = []  # (char, canonical name, names.subject_rank)
        self.fullest = FullestNames()  # fullest() of the persons' names, kept as persons are added
        self.orgs: dict[str, Profile] = {}
        self.used: dict[str, CharSpan | None] = {}
        self.spoke: dict[str, int] = {}  # speaker -> where they last spoke
        self.unnamed: dict[str, CharSpan | None] = {}
        self.genders: dict[str, str] = {}  # canonical name -> "male" / "female", as the text marks it
        self.titled: set[int] = set()  # tokens of names the parser took for organisations, read as persons
        self.org_words = frozenset(w for w, _ in lex.org_words)
        self.role_words = frozenset(w for w, _ in lex.roles)
        self.countries: dict[str, tuple[str | None, str]] = {}  # name -> (country, title)
        self.written: frozenset[str] = frozenset()  # the persons' names as the text writes them
        self._read_persons()
        self.bodies = body_names(self.ents, self.parsed.in_body, self.model)

    # ------------------------------------------------------------ reading the article

    def _person_spans(self) -> list[SpacySpan]:
        doc, out, taken = self.parsed.doc, [], set()
        for ent in self.ents:
            if self._is_person(ent) and self.parsed.in_body((ent.start_char, ent.end_char)):
                ent = line_of(ent)
                out.append(ent)
                taken.update(range(ent.start, ent.end))
        for m in self.mentions:
            if not self._person_mention(m) or not self.parsed.in_body(m.span):
                continue
            span = name_part(doc.char_span(m.span[0], m.span[1], alignment_mode="expand"), m.entity.name)
            if span is not None and not taken.intersection(range(span.start, span.end)):
                out.append(span)
                taken.update(range(span.start, span.end))
        return sorted(out, key=lambda s: s.start)

    def _is_person(self, ent: SpacySpan) -> bool:
        """A PERSON entity, or an unknown name in apposition to a title ("its minister, Ana Kostic Lenz,")."""
        if ent.label_ == "PERSON":
            return not self._named_body(ent)
        if ent.label_ not in ("ORG", "GPE", "NORP", "FAC") or ent.start in self.titled:
            return ent.start in self.titled
        roles, words = {r for r, _ in self.lex.roles}, {w for w, _ in self.lex.org_words}
        if not titled_name(ent, roles, words):
            return False
        known = self.index.resolve(ent.text, self.on)
        if known is not None and known.kind != "person":
            return False
        self.titled.update(range(ent.start, ent.end))
        return True

    def _named_body(self, name: SpacySpan) -> bool:
        """A name the tagger took for a person's that the dictionary knows as a group or body ("the
        Houthis"), or that an organisation word describes ("newspaper Rodong Sinmun")."""
        known = self.index.resolve(name.text, self.on)
        if known is not None and known.kind in ("group", "org", "igo"):
            return True
        return descriptor(name[-1], self.org_words) is not None

    def _person_mention(self, mention: Mention) -> bool:
        """A mention of a person, unless an organisation word describes the name ("newspaper X")."""
        if not named_person(mention):
            return False
        span = self.parsed.doc.char_span(*mention.span, alignment_mode="expand")
        return span is None or descriptor(span[-1], self.org_words) is None

    def _read_persons(self) -> None:
        spans = self._person_spans()
        names = [clean_name(span.text, self.lex) for span in spans]
        self.written = frozenset(names)
        full = fullest(names)
        for span in spans:
            name = clean_name(span.text, self.lex)
            if not name or not any(c.isalpha() for c in name):
                continue
            canonical = self._canonical(name, full)
            self._add_person((span.start_char, canonical, subject_rank(span)))
            read_profile(span, self.profiles.setdefault(canonical, Profile()), self.lex)
            marked = _gender_of(span, dict(self.lex.genders), dict(self.lex.given_names))
            if marked and canonical not in self.genders:
                self.genders[canonical] = marked

    def _canonical(self, name: str, full: dict[str, str]) -> str:
        words = name.split()
        if not words:
            return name
        key = words[-1].lower()
        longer = self._known_form(full.get(key))
        if longer is not None and len(longer.split()) > len(words) \
                and [w.lower() for w in longer.split()[-len(words):]] == [w.lower() for w in words]:
            return longer
        if len(words) == 1:
            if longer is not None:
                return longer
            for other in full.values():
                if other.split()[0].lower() == key:
                    return other
            known = self.index.person(name, self.on)
            if known is not None and known.name.split()[-1].lower() == key:
                return known.name
        return name

    def _known_form(self, name: str | None) -> str | None:
        """Of two full names of one surname in the text ("Bibi Netanyahu", "Benjamin Netanyahu"), the
        one the dictionary knows."""
        known = self.index.person(name, self.on) if name else None
        if known is None or known.name == name or known.name not in self.written:
            return name
        return known.name if known.name.split()[-1] == name.split()[-1] else name

    def canonical(self, name: str) -> str:
        return self._canonical(name, self.fullest.full())

    def _add_person(self, person: tuple) -> None:
        """Add ``person`` where it belongs in the (sorted) list, and its name to the names known."""
        insort(self.persons, person)
        self.fullest.add(person)

    # ------------------------------------------------------------ resolving a source

    def resolve(self, head: Token | None) -> Source:
        """The speaker a cue's source phrase (given by its head token) stands for."""
        if head is None:
            return Source(None, None, None)
        source = self._resolve(head)
        if source.name is not None:
            self.spoke[source.name] = head.idx
        return source

    def _resolve(self, head: Token) -> Source:
        if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":
            head = head.head.head  # "Jo Roe, who said ..." -> Jo Roe
        named_org = self._appositive_org(head)
        if named_org is not None:
            return named_org
        appos = body_appositive(head, self.org_words) if head.lower_ not in self.role_words else None
        if appos is not None:  # "Argentina's official news agency, Télam, said"
            found = self._organisation(appos)
            if found.name is not None:
                self.orgs[found.name].title_places.extend(described_places(head))
            return found
        if named_body(head, self.org_words):  # "the Crimean health ministry", before the model's guess
            return self._organisation(head)
        body = body_behind(self.model, head) if self.model is not None else None
        if body is not None:  # "it said", "the company said", "the statement said"
            return self.speak_for(issuing_seat(self.model, head) or body.name, head)
        kind = self.lex.pronoun_kind(head.text)
        if kind is not None:
            return self._pronoun(head, kind)
        person = self._person_in(head)
        if person is not None:
            return self._named(person)
        named = self._appositive_name(head)
        if named is not None:
            return self._named(named)
        body = self._state_body(head)  # "the country's defense ministry"
        if body is not None:
            return body
        if head.lower_ in self.lex.unnamed:
            voice = voice_of(head)
            if voice is not None:
                return self._organisation(voice[-1], voice)
            employer = body_of_staff(head, self.org_words)
            return self._organisation(employer) if employer is not None else self._description(head)
        if head.lower_ in self.role_words and (self._holder(head) is not None or not name_like(head)):
            return self._description(head)  # "the US President said": the holder of the office
        if name_like(head) or head.ent_type_ in ("ORG", "GPE", "NORP", "FAC"):
            if self._looks_personal(head):
                return self._named(name_around(head))
            return self._organisation(head)
        return self._description(head)

    def _named(self, span: SpacySpan) -> Source:
        name = self.canonical(clean_name(span.text, self.lex))
        if name not in self.profiles:
            self.profiles[name] = Profile()
            read_profile(span, self.profiles[name], self.lex)
        self._use(name, (span.start_char, span.end_char))
        self._add_person((span.start_char, name, 2))
        return Source(name, span.text, (span.start_char, span.end_char))

    def _person_in(self, head: Token) -> SpacySpan | None:
        """A person's name heading the source phrase, or in apposition to its head."""
        doc = head.doc
        candidates = [head] + [c for c in head.children if c.dep_ in ("appos", "compound")]
        for tok in candidates:
            if (tok.ent_type_ == "PERSON" and not self._named_body(line_of(entity_of(tok)))) \
                    or tok.i in self.titled:
                return line_of(entity_of(tok))
        held = self._name_closing(head)
        if held is not None:  # "U.S. Ambassador to NATO Matt Whitaker told reporters"
            return held
        for tok in candidates:
            m = self._mention_at(tok.idx)
            if m is not None and self._person_mention(m):
                return name_part(doc.char_span(m.span[0], m.span[1], alignment_mode="expand"), m.entity.name)
        if name_like(head):
            word = clean_name(head.text, self.lex)
            if self._known_word(word):
                return doc[head.i:head.i + 1]
            if self.index.person(word, self.on) is not None:
                return name_around(head)
        return None

    def _name_closing(self, head: Token) -> SpacySpan | None:
        """A person's name that closes a title's phrase with no comma before it ("Ambassador to NATO
        Matt Whitaker"): the parse hangs it inside the title's prepositional phrase."""
        if head.lower_ not in self.role_words:
            return None
        last = head.right_edge
        inside = [t for t in head.doc[head.i + 1:last.i + 1]]
        if not inside or last.ent_type_ != "PERSON" or any(t.text in ",;:(" for t in inside):
            return None
        return line_of(entity_of(last))

    def _appositive_name(self, head: Token) -> SpacySpan | None:
        """"the envoy to Ukraine, retired Gen. John Doe, said": the name set off by commas
        after a role noun, when the parse did not attach it."""
        if head.pos_ != "NOUN":
            return None
        for span in self._person_spans_after(head):
            if comma_before(span) is not None and head.i < span.start <= head.i + 12:
                return span
        return None

    def _person_spans_after(self, head: Token) -> list[SpacySpan]:
        doc, out = head.doc, []
        stop = min(head.i + 16, head.sent.end)
        for ent in self.ents:
            if (ent.label_ == "PERSON" or ent.start in self.titled) and head.i < ent.start < stop:
                out.append(line_of(ent))
        for m in self.mentions_in((head.idx, doc[stop - 1].idx + 1)):
            if self._person_mention(m):
                span = name_part(doc.char_span(m.span[0], m.span[1], alignment_mode="expand"), m.entity.name)
                if span is not None:
                    out.append(span)
        return sorted(out, key=lambda s: s.start)

    def _looks_personal(self, head: Token) -> bool:
        """Two or more capitalised words that name no place, organisation or country,
        or a name in apposition to a role ("Ana Silva, the foreign minister")."""
        span = name_around(head)
        words = dict(self.lex.org_words)
        if len(span) < 2 or head.lower_ in self.role_words or self._named_body(span) \
                or any(t.lower_ in words or not t.text[:1].isupper() for t in span):
            return False  # "the U.N. High Commissioner for Human Rights": an office, not a name
        entity = self.index.resolve(span.text, self.on)
        if entity is not None and entity.kind != "person":
            return False
        roles = dict(self.lex.roles)
        appos = [c for c in head.children if c.dep_ == "appos"]
        return span.root.ent_type_ == "PERSON" or any(c.lemma_.lower() in roles for c in appos) \
            or all(self.index.resolve(t.text, self.on) is None for t in span)

    def _known_word(self, word: str) -> bool:
        """Is ``word`` (any case) a word of the name of a person seen in the article?"""
        low = word.lower()
        return bool(low) and any(low in p.lower().split() for _, p, _ in self.persons)

    def is_person_label(self, tok: Token) -> bool:
        """Does the label of a transcript line ("PENCE:", "Mr. Smith:") name a person?"""
        if tok.ent_type_ == "PERSON":
            return True
        word = clean_name(tok.text, self.lex)
        return len(word) > 1 and self._known_word(word)

    def _mention_at(self, char: int) -> Mention | None:
        i = bisect_left(self.mention_starts, char + 1) - 1
        if i >= 0 and self.mentions[i].span[0] <= char < self.mentions[i].span[1]:
            return self.mentions[i]
        return None

    def _pronoun(self, head: Token, kind: str) -> Source:
        span = (head.idx, head.idx + len(head))
        if kind != "person":
            return self._unnamed(head.text, span)
        gender = PRONOUN_GENDER.get(head.lower_)
        before = [p for p in self.persons if p[0] < head.idx and self.genders.get(p[1], gender) == gender]
        window = [p for p in before if p[0] >= head.idx - 1500]
        main = [p for p in window if p[2] == 2]  # "Jo Roe said Ana Silva would go. '...,' she said": Jo Roe
        subject = [p for p in window if p[2]]
        pick = (main or subject or window or before)
        if not pick:
            return self._unnamed(head.text, span)
        name = pick[-1][1]
        if gender:  # "he" once, never "she" later: the text has told us
            self.genders.setdefault(name, gender)
        self._use(name, None)
        return Source(name, head.text, span)

    def _description(self, head: Token) -> Source:
        text, span = phrase(head, right=True)
        word = head.lemma_.lower()
        plural = head.tag_ in ("NNS", "NNPS")
        det = next((c.lower_ for c in head.children if c.dep_ in ("det", "nummod")), "")
        if not plural and det not in INDEFINITE and word in self.org_words:
            body = self._fuller_body(head) or self._last_body(head)  # "the ministry": the last that spoke
            if body is not None:
                self.orgs.setdefault(body, Profile(orgs=[body]))
                self._use(body, None)
                return Source(body, text, span)
        if det == "the" and word in DOCUMENT_NOUNS:
            author = self._last_voice(head)  # "X said on Twitter. '...,' the tweet adds": X's
            if author is not None:
                return Source(author, text, span)
        held = self._holder(head) if not plural and det not in INDEFINITE else None
        if held is not None:
            self._use(held, None)
            return Source(held, text, span)
        return self._unnamed(text, span)

    def _holder(self, head: Token) -> str | None:
        """The last person before ``head`` whose title holds its word ("the minister"), of the state
        its modifiers name if they name one ("the Ukrainian president", "the Russian leader")."""
        word = head.lemma_.lower()
        if not word or head.lower_ in self.lex.unnamed:
            return None
        states = states_of(head, self.index, self.on)
        for _, name, _ in reversed([p for p in self.persons if p[0] < head.idx]):
            country, known = self._office(name)
            if states and country not in states:
                continue  # "the Ukrainian president": not the last president of another state
            titles = " ".join([*self.profiles.get(name, Profile()).titles, known]).lower()
            if word in titles.replace("-", " ").split() or (states and word in LEADERS and titles.strip()):
                return name
        return None

    def _office(self, name: str) -> tuple[str | None, str]:
        """A person's country and title as their profile and the dictionary give them."""
        if name not in self.countries:
            speaker = describe(name, None, self.profiles.get(name, Profile()), False, self)
            self.countries[name] = (speaker.country, speaker.title or "")
        return self.countries[name]

    def _unnamed(self, text: str, span: CharSpan) -> Source:
        if not any(text.lower() == seen.lower() for seen in self.unnamed):
            self.unnamed[text] = span
        return Source(None, text, span, description=text)

    # ------------------------------------------------------------ output

    def speakers(self) -> list[Speaker]:
        """Every named speaker used, with a profile, then the unnamed sources."""
        out = []
        for name, span in self.used.items():
            profile = self.profiles.get(name) or self.orgs.get(name) or Profile()
            out.append(describe(name, span, profile, name in self.orgs and name not in self.profiles, self))
        for text, span in self.unnamed.items():
            out.append(Speaker(name=None, span=span, description=text))
        return out
