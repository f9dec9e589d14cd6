"""Speakers: one canonical source per quote (names, pronouns, descriptions,
organisations, unnamed sources) and the profile read from the text."""

from __future__ import annotations

import pytest

from comity.actors.resolve import ActorIndex
from comity.quotes.cues import CueLexicon
from comity.quotes.extract import extract_quotes


@pytest.fixture(scope="session")
def index() -> ActorIndex:
    return ActorIndex.from_config()


@pytest.fixture(scope="session")
def run(parse, index):
    def _run(text: str, published: str = "2025-05-07"):
        parsed = parse(text, published)
        return extract_quotes(parsed, index.mentions(parsed), index)
    return _run


# (text, speaker of each quote, in order)
RESOLUTION = [
    # a hyphenated given name the parser tags as something other than a person
    ("Sanders is filled with resentment, Edward-Isaac Dovere wrote.", ["Edward-Isaac Dovere"]),
    # surnames to the full name seen before
    ('Scott Kennedy spoke first. "China wants to be a free rider," Kennedy said.', ["Scott Kennedy"]),
    ("Lena Park, an economist, arrived early. Park said prices would rise.", ["Lena Park"]),
    ('"The deal is dead," Mr. Grant said. Later Paul Grant said it could be revived.',
     ["Paul Grant", "Paul Grant"]),
    # pronouns to the latest person in subject position, or the last speaker
    ('Prime Minister Tom Brown arrived on Monday. "We are here to talk about trade," he said.',
     ["Tom Brown"]),
    ("Anna Berg spoke first. She said the talks had been useful.", ["Anna Berg"]),
    ('When Li Wei visited Anna Berg last year, he had a special message: the two were building '
     '"a future the likes of which no one has seen."', ["Li Wei"]),
    ('"That is our backyard," Omar Aziz said. He added that the region was calm.',
     ["Omar Aziz", "Omar Aziz"]),
    ('"It is a mistake," said Lena Park.\n"But by waiting," she said, "we make it worse."',
     ["Lena Park", "Lena Park", "Lena Park"]),
    ('"It is a mistake," she said.', [None]),
    # descriptions to the person who holds that title
    ("The minister, Ali Khan, arrived on Monday. Later the minister said the talks had failed.",
     ["Ali Khan"]),
    ('Russian President Vladimir Putin met the delegation. "The visit is '
     'very important," the president said.',
     ["Vladimir Putin"]),
    ("Chinese leader Xi Jinping spoke on Friday. The Chinese leader said ties were strong.", ["Xi Jinping"]),
    # organisations as speakers
    ("The Kremlin said the meeting would take place in Moscow.", ["Kremlin"]),
    ("The Chinese Foreign Ministry said in a statement that the visit was cancelled.",
     ["Chinese Foreign Ministry"]),
    ("According to the Chinese Foreign Ministry, the meetings will deepen trust.",
     ["Chinese Foreign Ministry"]),
    # a name of three capitalised words in apposition to a title, which the parser takes for an organisation
    ("Chile's Trade Minister, Marisol Vega Orellana, said tariffs would fall. Vega Orellana told "
     "reporters the deal was near.", ["Marisol Vega Orellana", "Marisol Vega Orellana"]),
    ("Marisol Vega Orellana, the trade minister, said tariffs would fall.", ["Marisol Vega Orellana"]),
    # a state's ministry keeps the state's possessive; "the ministry" is the ministry that spoke before
    ("Estonia's Defence Ministry said troops were on alert.", ["Estonia's Defence Ministry"]),
    ("Moldova freed two men, its Foreign Ministry said on Monday. The men were held at a checkpoint, "
     "according to the ministry.", ["Foreign Ministry", "Foreign Ministry"]),
    # a body described by a common noun and named in apposition
    ("The U.N. observer mission in Cyprus, UNFICYP, said the buffer zone was quiet.", ["UNFICYP"]),
    # known office holders by surname
    ("Rubio said the United States would not wait.", ["Marco Rubio"]),
    # unnamed sources
    ("Officials said the border would reopen on Monday.", [None]),
    ("Analysts say the sanctions are unlikely to work.", [None]),
    ("A source said the army had withdrawn from the town.", [None]),
    ("Some experts warned that the plan would fail.", [None]),
    # pronouns never cross genders the text marks (a title, an honorific, a first name, an earlier pronoun)
    ("Jane Roe, a spokeswoman for the ministry, met Tom Brown on Monday. Mr. Brown said the talks "
     "had failed. She said the ministry would appeal.", ["Tom Brown", "Jane Roe"]),
    ("John Smith met Mary Jones on Monday. Smith said the talks had failed. He added that he would "
     "return. Jones said the offer stood. He said it was too late.",
     ["John Smith", "John Smith", "Mary Jones", "John Smith"]),
    ("Lee Chan met Kim Sato on Monday. Chan said the offer stood. She added that it would not last. "
     "The talks resumed when Chan returned. He said the talks were over.",
     ["Lee Chan", "Lee Chan", "Kim Sato"]),
]


@pytest.mark.parametrize(("text", "speakers"), RESOLUTION)
def test_speaker_resolution(run, text, speakers):
    quotes, listed = run(text)
    assert [q.speaker for q in quotes] == speakers
    names = {s.name for s in listed}
    assert set(speakers) <= names


@pytest.mark.parametrize(("text", "description"), [
    ("Officials said the border would reopen on Monday.", "Officials"),
    ("People familiar with the matter said the deal was close.", "People familiar with the matter"),
    ("A senior diplomat said the deal was close.", "senior diplomat"),
])
def test_unnamed_source(run, text, description):
    quotes, speakers = run(text)
    assert quotes[0].speaker is None
    assert [s.description for s in speakers if s.name is None] == [description]


# (text, name, title, org, country, sector)
PROFILES = [
    ("Scott Kennedy, senior adviser in Chinese business and economics at the Center for Strategic and "
     "International Studies, said the war had backfired.",
     "Scott Kennedy", "senior adviser in Chinese business and economics",
     "Center for Strategic and International Studies", "USA", "EDU"),
    ("Jane Roe, senior fellow for Asia at the Sydney-based Lowy Institute, "
     "said the region was at a turning point.",
     "Jane Roe", "senior fellow for Asia", "Lowy Institute", "AUS", "EDU"),
    ('"We are ready," said Lena Park, a research fellow at the Seoul-based Asan Institute.',
     "Lena Park", "research fellow", "Asan Institute", "KOR", "EDU"),
    ("Secretary of State Marco Rubio said the plan was ready.",
     "Marco Rubio", "Secretary of State", None, "USA", "GOV"),
    ("Ana Silva, Brazil's foreign minister, said her country would stay neutral.",
     "Ana Silva", "Brazil's foreign minister", None, "BRA", "GOV"),
    ("The president's envoy to Ukraine, retired Lt. Gen. Keith Kellogg, "
     "told the conference that the war had to end.",
     "Keith Kellogg", "envoy to Ukraine", None, "USA", "GOV"),
    ('"The bottom line is clear," said Tom Hill, director of the Center for '
     'Russian Studies of Fudan University.',
     "Tom Hill", "director", "Center for Russian Studies of Fudan University", "CHN", "EDU"),
    ("French Foreign Minister Paul Roux told reporters that talks would resume.",
     "Paul Roux", "French Foreign Minister", None, "FRA", "GOV"),
    ('"We oppose any interference," said Lin Jian, a spokesman for the Chinese Foreign Ministry.',
     "Lin Jian", "spokesman", "Chinese Foreign Ministry", "CHN", "GOV"),
    ("UN Secretary-General Antonio Guterres warned that the world was on the brink.",
     "Antonio Guterres", "UN Secretary-General", "United Nations", "UNO", "GOV"),
    ('"This is a turning point," said Bonnie Glaser, managing director of the Asia program at the '
     "German Marshall Fund.",
     "Bonnie Glaser", "managing director of the Asia program", "German Marshall Fund", "USA", "EDU"),
    ("Omar Aziz, a professor of economics at Cairo University, said inflation would fall.",
     "Omar Aziz", "professor of economics", "Cairo University", "EGY", "EDU"),
    ("Gen. Mark Stone, commander of the Nigerian Army, said the offensive was over.",
     "Mark Stone", "commander", "Nigerian Army", "NGA", "MIL"),
    # an organisation before a role word is the speaker's organisation, not part of the title
    ("Trade Ministry spokesman Ali Khan said the tariffs had been lifted.",
     "Ali Khan", "spokesman", "Trade Ministry", None, "GOV"),
    # a hyphenated title after a country's possessive
    ("Egypt's Deputy Vice-Minister of Trade, Omar Aziz, said exports had grown.",
     "Omar Aziz", "Deputy Vice-Minister of Trade", None, "EGY", "GOV"),
    # a three-word name the parser misreads, its title and the title's possessor
    ("Chile's Trade Minister, Marisol Vega Orellana, said tariffs would fall.",
     "Marisol Vega Orellana", "Trade Minister", None, "CHL", "GOV"),
    # a possessor before a title that runs straight into the name
    ("Norway's Fisheries Minister Tove Lien said the quota would stand.",
     "Tove Lien", "Fisheries Minister", None, "NOR", "GOV"),
    # a title with a prepositional phrase before the apposition, owned by a bloc
    ("The EU's special envoy for the Sahel talks, Maria Schultz, said the mission was over.",
     "Maria Schultz", "special envoy for the Sahel talks", "European Union", "EUR", "GOV"),
    # "whose" points the title back to the body named before it
    ("The meeting was chaired by the Arab League, whose spokesman, Karim Nasser, said a deal was close.",
     "Karim Nasser", "spokesman", "Arab League", "IGO", "GOV"),
]


# (text, name, org, country): bodies named in apposition or owned by "its" state
BODIES = [
    ("The U.N. observer mission in Cyprus, UNFICYP, said the buffer zone was quiet.",
     "UNFICYP", "U.N. observer mission in Cyprus", "UNO"),
    ("NATO's air policing mission in the Baltics, BAPM, said two jets were scrambled.",
     "BAPM", "NATO", "IGO"),
    ("Moldova freed two men, its Foreign Ministry said on Monday.",
     "Foreign Ministry", "Foreign Ministry", "MDA"),
    ("Estonia's Defence Ministry said troops were on alert.",
     "Estonia's Defence Ministry", "Estonia's Defence Ministry", "EST"),
]


@pytest.mark.parametrize(("text", "name", "org", "country"), BODIES)
def test_body_profile(run, text, name, org, country):
    _, speakers = run(text)
    body = next(s for s in speakers if s.name == name)
    assert (body.org, body.country) == (org, country)


# (article with a dateline, speaker, country): an unqualified government title is the dateline state's
DATELINED = [
    ("QUITO, June 3 (Wire) - Police fired tear gas at the march, police spokesman Raul Ortega said.",
     "Raul Ortega", "ECU"),
    ("QUITO, June 3 (Wire) - Foreign Minister Ines Vallejo said the talks would resume.",
     "Ines Vallejo", "ECU"),
    # a title naming its state, and a title that is not the government's, keep what the text says
    ("QUITO, June 3 (Wire) - Peru's Foreign Minister Ines Vallejo said the talks would resume.",
     "Ines Vallejo", "PER"),
    ("QUITO, June 3 (Wire) - Ines Vallejo, a fellow at the Andes Policy Center, said the talks would resume.",
     "Ines Vallejo", None),
]


@pytest.mark.parametrize(("text", "name", "country"), DATELINED)
def test_dateline_state(index, nlp, text, name, country):
    from datetime import date

    from comity.records import Article
    from comity.text.document import Parsed
    from comity.text.structure import find_parts, mask

    parts = find_parts(text)
    assert any(p.kind == "dateline" for p in parts)
    parsed = Parsed(Article(id="t", text=text, published=date(2025, 6, 3)), nlp(mask(text, parts)), parts)
    _, speakers = extract_quotes(parsed, index.mentions(parsed), index)
    assert next(s for s in speakers if s.name == name).country == country


def test_organisation_seat_named_elsewhere(run):
    """"Foreign Ministry spokesman X": the state whose ministry the article names elsewhere."""
    _, speakers = run("Brazil's Foreign Ministry summoned the ambassador on Monday. Foreign Ministry "
                      "spokesman Paulo Costa said the talks would continue.")
    costa = next(s for s in speakers if s.name == "Paulo Costa")
    assert (costa.title, costa.org, costa.country) == ("spokesman", "Foreign Ministry", "BRA")


@pytest.mark.parametrize(("text", "name", "title", "org", "country", "sector"), PROFILES)
def test_profile(run, text, name, title, org, country, sector):
    _, speakers = run(text)
    speaker = next(s for s in speakers if s.name == name)
    assert (speaker.title, speaker.org, speaker.country, speaker.sector) == (title, org, country, sector)


def test_organisation_profile(run):
    _, speakers = run("The Chinese Foreign Ministry said the visit was a success.")
    (ministry,) = speakers
    assert (ministry.name, ministry.org, ministry.country, ministry.sector) == (
        "Chinese Foreign Ministry", "Chinese Foreign Ministry", "CHN", "GOV")


def test_country_is_never_guessed(run):
    _, speakers = run("Jo Ames, a fellow at the Center for Policy Studies, said the deal would hold.")
    assert speakers[0].org == "Center for Policy Studies"
    assert speakers[0].country is None


def test_lexicon_is_extensible(tmp_path):
    extra = tmp_path / "cues.json"
    extra.write_text('{"about": "test", "verbs": ["opine"]}', encoding="utf-8")
    from comity.config import Config

    lexicon = CueLexicon.from_config(Config(cue_files=(extra,)))
    assert "opine" in lexicon.verbs and "say" in lexicon.verbs
    assert "opine" not in CueLexicon.from_config().verbs


@pytest.mark.parametrize(("text", "speaker_text"), [
    # a dictionary name whose given name is hyphenated keeps all of it as the source
    ("Jean-Marc Ayrault, the foreign minister of France, said the missile test could not go unanswered.",
     "Jean-Marc Ayrault"),
    ("Jean-Yves Le Drian, France's foreign minister, said the talks in Vienna would resume.",
     "Jean-Yves Le Drian"),
    ("Ayrault said the talks would resume.", "Ayrault"),
])
def test_source_text_keeps_a_hyphenated_given_name(run, text, speaker_text):
    quotes, _ = run(text)
    assert [q.speaker_text for q in quotes] == [speaker_text]
