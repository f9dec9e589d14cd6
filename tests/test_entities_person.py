"""First and second person in the entity model: "I" and "we" in a quotation are its speaker's, "I" in an
interview answer is the person answering, "you" the person addressed; sentences written for these tests."""

from __future__ import annotations

import pytest

from comity.records import Article


@pytest.fixture(scope="module")
def coder():
    from comity.pipeline import default_coder

    return default_coder()


def _pronouns(coder, text: str) -> list[tuple[str, str | None]]:
    """Each pronoun of ``text`` in order, with its referent's name (None when unresolved)."""
    [(_, parsed)] = list(coder.parse_many([Article(id="t", text=text, published=None)]))
    model = coder.entity_model(parsed)
    return [(r.text, model.referents[r.referent].name if r.referent is not None else None)
            for r in model.references if r.how == "pronoun"]


def _ids(coder, text: str, word: str) -> list[int | None]:
    """The referent id of each pronoun ``word`` of ``text``, in order."""
    [(_, parsed)] = list(coder.parse_many([Article(id="t", text=text, published=None)]))
    references = coder.entity_model(parsed).references
    return [r.referent for r in references if r.how == "pronoun" and r.text == word]


def _nth(coder, text: str, word: str, nth: int = 0) -> str | None:
    return [name for w, name in _pronouns(coder, text) if w == word][nth]


@pytest.mark.parametrize(("text", "word", "nth", "expected"), [
    # the subject of the verb of saying after the quotation
    ('"I will not resign," Maria Lopez said on Monday.', "I", 0, "Maria Lopez"),
    # a colon introduces the quotation: the subject of that sentence speaks, whatever its verb
    ('Tom Becker defended the plan on Monday: "I am confident it will work."', "I", 0, "Tom Becker"),
    # the speaker named by a pronoun after the quotation ("she said")
    ('Maria Lopez arrived in Lima on Monday. "I am happy to be here," she said.', "I", 0, "Maria Lopez"),
    # a quotation carried on to the next paragraph without an opening mark
    ('Maria Lopez said, "I am tired.\n\nBut I will go on until the end."', "I", 1, "Maria Lopez"),
    # the speaker's "statement": its possessor speaks
    ('Tom Becker issued a statement on Friday. "I am disappointed with the decision."', "I", 0, "Tom Becker"),
    # competing speakers: each quotation's "I" is its own speaker's
    ('"I disagree," Maria Lopez said. "I agree," Tom Becker replied.', "I", 0, "Maria Lopez"),
    ('"I disagree," Maria Lopez said. "I agree," Tom Becker replied.', "I", 1, "Tom Becker"),
    # the speaker, not the person named last
    ('Tom Becker arrived on Monday. "I am happy," a spokesman said.', "I", 0, "a spokesman"),
    # no one says it: unresolved, not guessed
    ('Tom Becker arrived on Monday.\n\n"I am happy to be here."', "I", 0, None),
])
def test_first_person_in_a_quotation_is_its_speaker(coder, text: str, word: str, nth: int,
                                                     expected: str | None) -> None:
    assert _nth(coder, text, word, nth) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a body named in the subject phrase, around a title and a name
    ("Acme Holdings' chief executive, Tom Becker, said: \"We will appeal the ruling.\"", "Acme Holdings"),
    # or in the phrase that first named the speaker
    ("Acme Holdings chief executive Tom Becker arrived on Monday. \"We will appeal,\" Becker said.",
     "Acme Holdings"),
    # the main clause's speaker, not a subject inside a clause of time before it
    ('At a time when both Tom Becker and local officials have threatened reprisals, the Northland Water '
     'Board warned residents against protests. "We are warning everyone," the statement said.',
     "Northland Water Board"),
    # a body the text named, named again inside the speaker's title
    ('The Northland Water Board said on Monday that the talks had failed. Tom Becker, the Water Board '
     'Spokesperson, said, "We urge calm."', "Northland Water Board"),
])
def test_we_in_a_quotation_is_the_speakers_side(coder, text: str, expected: str) -> None:
    assert _nth(coder, text, "We") == expected


@pytest.mark.parametrize("text", [
    '"We tried hard," Maria Lopez said on Monday. "We will try again," she added.',
    # the group a "team member" implies: one referent, however often its members say "we"
    '"We tried hard," team member Maria Lopez said. "We will try again," team member Tom Becker said.',
])
def test_we_of_one_side_is_one_referent(coder, text: str) -> None:
    first, second = _ids(coder, text, "We")
    assert first is not None and first == second


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Wikinews interviewed Maria Lopez on Monday.\n\nQ: Why did you run for mayor?\n\n"
     "A: I wanted to change the city.", "you", "Maria Lopez"),
    ("Wikinews interviewed Maria Lopez on Monday.\n\nQ: Why did you run for mayor?\n\n"
     "A: I wanted to change the city.", "I", "Maria Lopez"),
    # answer lines labelled with the name of the one answering
    ("Wikinews spoke with Maria Lopez and Tom Becker.\n\nTom Becker: I think the plan will fail.",
     "I", "Tom Becker"),
])
def test_interview_answers_and_questions(coder, text: str, word: str, expected: str) -> None:
    assert _nth(coder, text, word) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the person told
    ('Tom Becker told Maria Lopez, "You have earned this."', "Maria Lopez"),
    # the name set off by commas inside the quotation
    ('"Well done, Maria Lopez. You have earned this," Tom Becker wrote.', "Maria Lopez"),
    # no one addressed: a generic "you" stays unresolved
    ('"If you eat too much salt, you get ill," Tom Becker said.', None),
])
def test_you_in_a_quotation_is_the_person_addressed(coder, text: str, expected: str | None) -> None:
    assert _nth(coder, text, "You" if "You" in text else "you") == expected


def test_the_authors_i_is_one_referent(coder) -> None:
    text = "I visited the market on Saturday. It was crowded. I went back on Tuesday and it was empty."
    assert [name for w, name in _pronouns(coder, text) if w == "I"] == ["the author"] * 2
    first, second = _ids(coder, text, "I")
    assert first is not None and first == second


def test_a_person_called_he_is_no_antecedent_of_she(coder) -> None:
    # neither name tells a gender; "he" (no rival in reach) tells the first
    text = ("Kim Eastwood said he was alarmed by the figures. Eastwood met Robin Sands on Monday. "
            "Eastwood wants salt to be iodised. She says the issue is complicated.")
    assert _nth(coder, text, "She") == "Robin Sands"
