"""The modality of real acts on real news: a past act must not take the mode of another clause.

Every row is one sentence we wrote in the shape of an error seen on real articles (or of a mode that must
stay), coded by the whole pipeline, and the records expected from it: (type, modes, negated), where the
modes are the record's 'future' and 'hypothetical' (a 'historical' read from the date is left aside).

The causes (comity.events.modality_past, comity.events.dating):
- an act framed by "since", "amid" or "despite", or by "after"/"following" with a time of its own, took
  the mode of the clause it frames, and a month with no year in "since ..." was read forward;
- a modal that judges a known act ("her trip could pose risks", "could not have come at a worse time")
  was read as the act's own;
- a cue of a clause above reached a past clause of its own with its own subject ("doubted Iran could
  carry out what it was threatening");
- a negated verb of not doing ("will not hesitate to", "never stopped") negated the act;
- a verb joined to another did not share that one's auxiliaries ("will attend the summit and meet X");
- an act in an embedded question's second conjunct ("whether X will attend or meet Y") was coded;
- a cancelled act was coded as a future cooperative one.
"""

from __future__ import annotations

import pytest

from comity import Coder

PUBLISHED = "2025-11-09"
MODES = frozenset({"future", "hypothetical"})


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def records(coder: Coder, text: str) -> set[tuple]:
    coded = coder.code(text, PUBLISHED)
    return {(e.event, tuple(sorted(MODES & set(e.aux))), e.negated) for e in coded.events}


WRONG = [
    # a past act framed by "since", "amid", "after ... on Monday", "following ... in August"
    ("Since invading Georgia in late February, Russia has been shunned by Europe.", {("ASSAULT", (), False)}),
    ("Following its withdrawal from Mali in August, France will cut aid to the region.",
     {("RETREAT", (), False)}),
    ("After meeting the Japanese premier on Monday, the Indian president will fly to Seoul.",
     {("CONSULT", (), False), ("AGREE", ("future",), False)}),
    ("Moscow's envoy warned that the reporter might be used as a bargaining chip amid Russia's invasion of "
     "Ukraine.", {("ASSAULT", (), False)}),
    ("Since its invasion of Georgia, Russia has not attacked Armenia.",
     {("ASSAULT", (), False), ("ASSAULT", (), True)}),
    ("Russia did not comment after meeting Chinese officials on Monday.", {("CONSULT", (), False)}),
    ("Macron did not raise human rights during his visit to Beijing.", {("CONSULT", (), False)}),
    # a modal that judges a known act, or belongs to another clause
    ("The Pakistani premier's visit to Kabul may be a sign that ties are thawing.", {("CONSULT", (), False)}),
    ("Erdogan's trip to Baghdad could not have come at a worse moment for Iraq.", {("CONSULT", (), False)}),
    ("The meeting between the Chinese and Russian foreign ministers could pave the way for a summit.",
     {("CONSULT", (), False)}),
    ("The Turkish president's visit to Athens could strain ties with Cyprus.", {("CONSULT", (), False)}),
    ("Analysts doubted Iran could carry out what it was threatening against Israel.",
     {("THREATEN", (), False)}),
    ("Kenya expelled the Somali ambassador on Friday; Nairobi could also recall its own envoy.",
     {("SANCTION", (), False)}),
    # negation from a verb of not doing that is itself negated
    ("Rwanda will not hesitate to strike Congo if attacked.", {("THREATEN", (), False)}),
    ("Serbia never stopped supplying arms to Russia.", {("AID", (), False)}),
    # conjoined verbs share their auxiliaries
    ("Xi will attend the summit and meet Biden.", {("AGREE", ("future",), False)}),
    ("Xi did not attend the summit or meet Biden.", {("CONSULT", (), True)}),
    ("Russia could attack Ukraine and invade Moldova.", {("ASSAULT", ("hypothetical",), False)}),
    # an embedded question is no report; a cancelled meeting is a refusal to meet
    ("Cairo has not confirmed whether Sisi will attend the summit or meet with Erdogan.", set()),
    ("The steps include the cancellation of upcoming meetings between Japanese and Korean defence officials.",
     {("REJECT", (), False)}),
    ("The measures include the postponement of planned talks between China and the United States.",
     {("REJECT", (), False)}),
]

KEPT = [
    # real futures and conditionals keep their mode
    ("The Brazilian foreign minister will visit Tokyo next week.", {("AGREE", ("future",), False)}),
    ("The Indian prime minister is expected to meet the Chinese president in Beijing next month.",
     {("AGREE", ("future",), False)}),
    ("The German chancellor will hold a news conference after meeting the French president.",
     {("AGREE", ("future",), False)}),
    ("If talks fail, the European Union could impose sanctions on Belarus.", {("THREATEN", (), False)}),
    ("Talks between Russia and Ukraine could resume next week.", {("CONSULT", ("hypothetical",), False)}),
    ("A meeting between the Egyptian and Turkish presidents would mark a major shift.",
     {("CONSULT", ("hypothetical",), False)}),
    ("A Chinese attack on Taiwan could derail trade with Japan.", {("ASSAULT", ("hypothetical",), False)}),
    ("China would retaliate if the United States imposed tariffs.", set()),
    # a meeting is real; only what was said in it is promised
    ("In talks with the Kenyan president on Tuesday, the Chinese premier said China would like to partner "
     "with Kenya.", {("CONSULT", (), False), ("AGREE", ("future",), False)}),
    ("The Japanese prime minister met the Korean president on Tuesday and said Japan will deepen cooperation "
     "with Seoul.", {("CONSULT", (), False), ("AGREE", ("future",), False)}),
    # real negations, and a negation that stays in its own clause
    ("Poland did not send troops to Ukraine.", {("AID", (), True)}),
    ("Egypt refused to meet the Israeli delegation.", {("REJECT", (), False)}),
    ("Hungary received the Chinese president in Budapest and did not criticise Beijing.",
     {("CONSULT", (), False), ("ACCUSE", (), True)}),
    ("Spanish officials confirmed the Moroccan minister had landed in Madrid and been allowed to enter but "
     "had not asked for asylum.", {("CONSULT", (), False)}),
    # past acts beside a modal of another clause
    ("The Turkish army shelled Kurdish positions in Syria on Sunday, in a move that could derail talks with "
     "Damascus.", {("ASSAULT", (), False)}),
    ("Israel struck Iran on Friday, and officials warned that more strikes could follow.",
     {("ASSAULT", (), False)}),
]


@pytest.mark.parametrize(("text", "expected"), WRONG + KEPT)
def test_modality(coder: Coder, text: str, expected: set[tuple]) -> None:
    assert records(coder, text) == expected


MERGED = [
    # an act told in one paragraph and what it might become in another are two records: merging them
    # (same type and sides) made the real act hypothetical (events.merge keys on the modality)
    ("China imposed sanctions on Japanese chipmakers, the commerce ministry said.\n\nChina could impose "
     "more sanctions on Japan, analysts said.",
     {("SANCTION", (), False), ("SANCTION", ("hypothetical",), False)}),
    ("Turkish jets struck Kurdish positions in Iraq.\n\nTurkey may strike Iraq again, officials said.",
     {("ASSAULT", (), False), ("ASSAULT", ("hypothetical",), False)}),
]


@pytest.mark.parametrize(("text", "expected"), MERGED)
def test_an_act_and_its_unreal_mention_stay_apart(coder: Coder, text: str, expected: set[tuple]) -> None:
    assert records(coder, text) == expected
