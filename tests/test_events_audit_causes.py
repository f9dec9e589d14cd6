"""Issue 12, second round: causes of wrong records found by the hand audit of 100 corpus events
(benchmarks/audit/start-2026-12-07-s6.md), each as sentences we wrote.

Rows are coded by the whole pipeline. CASES give the records expected from a sentence as
(type, actor codes, recipient codes, negated, aux), or none; DATES give the date of the one
record of a type (None: undated, because the act is named only as a known act).
"""

from __future__ import annotations

import pytest

from comity import Coder

CASES = [
    # word sense: naming someone is no phone call; naming with a word of blame is criticism, of praise backing
    ("Lula called the Argentine president \u201crude\u201d in a radio interview.",
     {("ACCUSE", ("BRA",), ("ARG",), False, ())}),
    ("The premier called the Chilean leader rude.", set()),
    ("Manila called Beijing’s naval exercises “a dangerous act,” adding that it seeks no dispute.",
     {("ACCUSE", ("PHL",), ("CHN",), False, ()), ("MOBILIZE", ("CHN",), (), False, ())}),
    ("Biden called Putin a war criminal.", {("ACCUSE", ("USA",), ("RUS",), False, ())}),
    ("Macron described the Indian premier as a true friend.", {("SUPPORT", ("FRA",), ("IND",), False, ())}),
    ("Ramaphosa called the talks long.", set()),
    ("Lula called Argentine President Milei on Friday.", {("CONSULT", ("BRA",), ("ARG",), False, ())}),
    # "call out" is criticism
    ("Manila called out Beijing over its coast guard's conduct.",
     {("ACCUSE", ("PHL",), ("CHN",), False, ())}),
    # attacking a person in words, or one person attacking another, is criticism; a state's strike is not
    ("Milei attacked Lula in a post on X on Sunday.", {("ACCUSE", ("ARG",), ("BRA",), False, ())}),
    ("Milei attacked Lula, calling him a dinosaur.", {("ACCUSE", ("ARG",), ("BRA",), False, ())}),
    ("Israel attacked Hamas commander Mohammed Deif in Khan Younis.",
     {("ASSAULT", ("ISR",), ("PSE",), False, ())}),
    ("Turkish troops attacked Kurdish positions for the second day.", {("ASSAULT", ("TUR",), (), False, ())}),
    # "called for X to do": a request to X, the act asked for is not done; "and urged" is the caller's
    ("The African Union called for Sudan's army to lay down its weapons.",
     {("REQUEST", ("IGO",), ("SDN",), False, ())}),
    ("The EU called for Serbia to withdraw its troops and urged Kosovo to show restraint.",
     {("REQUEST", ("EUR",), ("SRB",), False, ()), ("REQUEST", ("EUR",), ("XKX",), False, ())}),
    # a view shared, no comment, a received report, a capacity: no event
    ("On Monday, Scholz agreed that the sanctions may have hurt German firms.", set()),
    ("Poland and Lithuania agreed that their ministers would meet in June.",
     {("AGREE", ("LTU", "POL"), (), False, ())}),
    ("The Kremlin declined to comment on the talks with Kyiv.", set()),
    ("Seoul declined comment, citing the ongoing inquiry.", set()),
    ("Tokyo received intelligence indicating Pyongyang was preparing a launch.", set()),
    ("The delta is a sign of what Vietnam has to offer to China.", {
        ("AGREE", ("VNM",), ("CHN",), False, ("hypothetical",))}),
    ("Analysts said Iran is not equipped to help defend its ally in Yemen.", set()),
    ("India is unlikely to attack Pakistan, a retired general said.",
     {("ASSAULT", ("IND",), ("PAK",), False, ("hypothetical",))}),
    # a forecast by someone else is no threat by the side it is about
    ("The Polish president said Tuesday he believed the Russian leader would soon attack Lithuania.",
     {("ASSAULT", ("RUS",), ("LTU",), False, ("hypothetical",))}),
    # a denied move denies its purpose too
    ("French troops are not going to Mali to fight the junta.", {
        ("ASSAULT", ("FRA",), ("MLI",), True, ())}),
    # a fronted act the clause comments on is not what its negation denies
    ("In backing Maduro, however, Moscow does not appear to weigh the cost.",
     {("SUPPORT", ("RUS",), ("VEN",), False, ())}),
    ("By attacking Taipei, China would risk a war.",
     {("ASSAULT", ("CHN",), ("TWN",), False, ("hypothetical",))}),
    # weather and money troubles hit countries; nobody assaults them
    ("Spain and Portugal have been hit by a record heat wave.", set()),
    ("Greece and Turkey have been hit with heavy floods.", set()),
    ("Kharkiv was hit with missiles overnight.", {("ASSAULT", (), ("UKR",), False, ())}),
    # an election win, a captured mood, a verbal attack
    ("Lula beat Bolsonaro by two million votes.", set()),
    ("Police beat protesters in Tehran.", {("ASSAULT", ("IRN",), ("IRN",), False, ())}),
    ("The movement is capturing the imagination of young Kenyans.", set()),
    # annexing or occupying land is a seizure (CAMEO 'occupy territory' -> COERCE seize)
    ("Russia annexed four Ukrainian regions.", {("COERCE", ("RUS",), ("UKR",), False, ())}),
    # what a side can do is a possibility, what it cannot accept a refusal
    ("Under the new law, Beijing can demand that Taipei hand over the data.",
     {("REQUEST", ("CHN",), ("TWN",), False, ("hypothetical",))}),
    ("Serbia cannot accept the proposal from Kosovo.", {("REJECT", ("SRB",), ("XKX",), False, ())}),
    # a counterfactual, a joke
    ("Trump said Xi would not have invaded Taiwan had he been in office.",
     {("ASSAULT", ("CHN",), ("TWN",), True, ("hypothetical",))}),
    ("Trump kidded that Trudeau had agreed to scrap all tariffs on US goods.",
     {("AGREE", ("CAN",), ("USA",), False, ("hypothetical",))}),
    # a participle after a linking verb is passive; a description before the subject is not it
    ("Iran remains accused of arming the rebels.", set()),
    ("A member of the EU, Hungary has refused to sanction Russia.",
     {("REJECT", ("HUN",), ("RUS",), False, ())}),
    # two sides agreeing to act on a third agree with each other
    ("Russia and China agreed to hold talks with Iran.", {("AGREE", ("CHN", "RUS"), ("IRN",), False, ())}),
    # strikes named by a noun act for the side that modifies them; criticism and isolation verbs
    ("Turkish airstrikes hit northern Syria overnight.", {("ASSAULT", ("TUR",), ("SYR",), False, ())}),
    ("A Saudi missile strike killed nine people in Sanaa.", {("ASSAULT", ("SAU",), ("YEM",), False, ())}),
    ("Erdogan hit out at Netanyahu over the raid.", {("ACCUSE", ("TUR",), ("ISR",), False, ())}),
    ("Western governments isolated Belarus after the vote.", set()),
    ("The EU and Britain isolated Belarus after the vote.",
     {("SANCTION", ("EUR", "GBR"), ("BLR",), False, ())}),
    # agreeing on a coercive measure decides it; a state one is left in; a report is no threat
    ("Japan and the Netherlands agreed to restrict China's access to chip tools.",
     {("SANCTION", ("JPN", "NLD"), ("CHN",), False, ("future",))}),
    ("The sanctions have left Iran in a deep recession.", set()),
    ("Israel left Lebanon in 2000.", {("SANCTION", ("ISR",), ("LBN",), False, ("historical",))}),
    ("Kyiv warned Russian troops were mining the roads near the plant.", set()),
    ("Tehran warned Israel against any attack.", {("THREATEN", ("IRN",), ("ISR",), False, ())}),
    ("London is about to begin trade talks with Canberra.",
     {("AGREE", ("GBR",), ("AUS",), False, ("future",))}),
    ("The Pentagon declined to peg the number of Russian losses.", set()),
    # origins, counties and the seat of a civil body are no side
    ("Iranian-Americans visiting relatives were detained by Iran.",
     {("COERCE", ("IRN",), ("USA",), False, ())}),
    ("Nassau County officials called for the mayor's resignation.", set()),
    ("An Oslo-based rights group accused Iran of executions.", set()),
    # an adjective names no body; a content clause of a demand is what is asked, not done
    ("Erdogan declared a partial military mobilization, calling up reservists to fight in Syria.",
     {("MOBILIZE", ("TUR",), ("SYR",), False, ()), ("ASSAULT", ("TUR",), ("SYR",), False, ())}),
    ("Paris rejected Moscow's demands that NATO commit to never admitting Georgia.",
     {("REJECT", ("FRA",), ("RUS",), False, ()), ("REQUEST", ("RUS",), ("FRA",), False, ())}),
    # a disaster's emergency coerces no one; cutting aid is no aid
    ("Ecuador declared a state of emergency over the drought.", set()),
    ("Ecuador declared a state of emergency after gang attacks.", {("COERCE", ("ECU",), (), False, ())}),
    ("Washington eliminated its aid to Kabul.", {("SANCTION", ("USA",), ("AFG",), False, ())}),
    # a noun carried by 'undertake', helping along an act, a role retreated from, what a future act awaits
    ("Ankara ordered its army to undertake a complete siege of the town.", set()),
    ("Biden held off to help induce China to act.", set()),
    ("It is the worst time for Britain to retreat from its historic role.", set()),
    ("Israel said it would keep its siege until Hamas released the hostages.",
     {("RETREAT", ("PSE",), (), False, ("hypothetical",))}),
    # a target named in the sentence tells no sub-state doer's country
    ("The regime has continued to launch attacks from mobile launchers against Israel.", set()),
    # from the fourth audit: bombardment verbs, a proposed visit, recognition of a fact, a planned trip
    ("Russia pounded the Kharkiv region with missiles.", {("ASSAULT", ("RUS",), ("UKR",), False, ())}),
    ("Pelosi has proposed visiting Taiwan.", {("AGREE", ("USA",), ("TWN",), False, ("future",))}),
    ("Their US citizenship is not recognized by Tehran.", set()),
    ("Kosovo was recognized by the United States in 2008.",
     {("SUPPORT", ("USA",), ("XKX",), False, ("historical",))}),
    ("The planned visit by Modi to Kyiv was announced on Monday.",
     {("AGREE", ("IND",), ("UKR",), False, ("future",))}),
    # the review's counter-examples: the senses above must not swallow the acts they resemble
    ("Russia attacked Kyiv overnight, saying it had hit military targets.",
     {("ASSAULT", ("RUS",), ("UKR",), False, ())}),
    ("Indian and Chinese troops clashed over the disputed border.",
     {("ASSAULT", ("CHN", "IND"), (), False, ())}),
    ("The US-China trade agreement took effect on Monday.", {("AGREE", ("USA",), ("CHN",), False, ())}),
    ("Iran warned the United States that it was ready to strike American bases.",
     {("THREATEN", ("IRN",), ("USA",), False, ())}),
    ("Poland declined Russia's request for extradition.",
     {("REJECT", ("POL",), ("RUS",), False, ()), ("REQUEST", ("RUS",), ("POL",), False, ())}),
    ("Moscow declined to comment on the expulsion of its diplomats by Poland.",
     {("SANCTION", ("POL",), ("RUS",), False, ())}),
    ("Ukraine had to withdraw its forces from Avdiivka in February.",
     {("RETREAT", ("UKR",), (), False, ())}),
    ("Ukrainian soldiers were attacked with knives in Kharkiv.", {("ASSAULT", (), ("UKR",), False, ())}),
    ("Police in Nassau County arrested 12 protesters.", set()),
    # a court appeal is no request
    ("March 3, 2015: a federal judge strikes down Ohio's ban, and the state appeals.", set()),
    ("Georgia appealed to the EU for faster talks.", {("REQUEST", ("GEO",), ("EUR",), False, ())}),
    # an option, not an act
    ("Another option for Erdogan is to order an offensive against Syria.", set()),
    ("Two Polish farmers were killed by a drone near the border.", {("ASSAULT", (), ("POL",), False, ())}),
    # a verbal clash over a topic is criticism
    ("Macron and Meloni clashed over migration.", {("ACCUSE", ("FRA", "ITA"), (), False, ())}),
    # a body's country is not a destination nor an embassy the sentence names
    ("The ministry accused the former president of fleeing to Mexico.", set()),
    ("The ministry accused the former president of fleeing to the Mexican Embassy.", set()),
    ("Opposition groups in Zimbabwe accused the government of fraud.",
     {("ACCUSE", ("ZWE",), ("ZWE",), False, ())}),
    # a university's or a company's president holds no office of the state
    ("Oxford President Jane Doe resigned after a parliamentary inquiry.", set()),
    # a place that names a treaty or a seat is no party to an act
    ("Argentina withdrew from the Lima Declaration.", set()),
    ("The OAS will hold a meeting at its Washington headquarters to discuss Haiti.",
     {("AGREE", ("IGO",), ("HTI",), False, ("future",))}),
    # an accord in force, or acted on as a standing thing, is no act of agreeing; one made is
    ("Chilean goods covered under the existing trade agreement between Peru and Chile were exempt.", set()),
    ("Lima wants to rework parts of its free trade agreement with Ecuador.", set()),
    ("Kenya said Uganda must comply with the border treaty with Kenya.",
     {("REQUEST", ("KEN",), ("UGA",), False, ())}),  # the demand, not the treaty
    ("Ghana will renegotiate its fishing deal with Senegal.", set()),
    ("Ghana and Senegal reached a new fishing deal on Monday.", {("AGREE", ("GHA", "SEN"), (), False, ())}),
    ("Ghana signed a fishing agreement with Senegal.", {("SUPPORT", ("GHA",), ("SEN",), False, ())}),
    # "called on" a titled name the parser splits ('on Indian Prime Minister' + object 'Modi') is a demand
    ("Crowds in Dhaka called on Burmese President Min Aung Hlaing to end the crackdown.",
     {("REQUEST", ("BGD",), ("MMR",), False, ())}),
    ("Lula called Argentine President Milei on Friday.", {("CONSULT", ("BRA",), ("ARG",), False, ())}),
    # meeting resistance, criticism or one's match is no meeting
    ("Ethiopian troops met fierce resistance from Eritrea.", set()),
    ("The Serbian forces have met their match in Kosovo.", set()),
    ("Serbian President Vucic met Kosovo's prime minister.", {("CONSULT", ("SRB",), ("XKX",), False, ())}),
    # an attack launched is the attack's own event: in words when the noun says so
    ("The Polish premier launched a scathing attack on Hungary.",
     {("ACCUSE", ("POL",), ("HUN",), False, ())}),
    ("Azerbaijan launched an attack on Armenian positions.", {("ASSAULT", ("AZE",), ("ARM",), False, ())}),
    # a march held to mark a day is a ceremony, a rally a politician holds a campaign event: no protest
    ("Serbian soldiers marched through Belgrade on Monday to mark the end of the war.", set()),
    ("Ukrainian veterans marched in Warsaw to honour Polish volunteers.", set()),
    ("Trump held a rally in Mexico City.", set()),
    ("Thousands of Georgians rallied in Tbilisi against Russia.",
     {("PROTEST", ("GEO",), ("RUS",), False, ())}),
    ("Ukrainians marched in Kyiv to mourn the victims of Russian strikes.",
     {("PROTEST", ("UKR",), ("RUS",), False, ())}),
    # both sides asked to act are recipients ("urged X and Y to stop"), and neither acts on the other
    ("Lula urged Argentina and Chile to stop fighting.", {("REQUEST", ("BRA",), ("ARG", "CHL"), False, ())}),
    ("Schiff said the misconduct included invitations to Russia and China to investigate his rivals.", set()),
    # the partner hung on the topic: "agreed on routes with X"
    ("Armenia agreed on evacuation routes with Azerbaijani forces.",
     {("AGREE", ("ARM",), ("AZE",), False, ())}),
    ("Pakistan threatened to cut ties with Congo over its ties with Israel.",
     {("THREATEN", ("PAK",), ("COD",), False, ())}),
    # an act condemned is aimed at its owner, not at whom it was taken from
    ("France condemned Moscow's annexation of Crimea from Ukraine.",
     {("ACCUSE", ("FRA",), ("RUS",), False, ()), ("COERCE", ("RUS",), ("UKR",), False, ())}),
    # where an appeal is launched is no side of it; where a visit goes is
    ('"We will launch an appeal in New York so that other countries join us," Macron said.', set()),
    ("Zelensky visited an ammunition plant in Pennsylvania.", {("CONSULT", ("UKR",), ("USA",), False, ())}),
    # an act only hoped for is neither done nor promised ("hopes" is lemmatised "hop" by the parser)
    ("Lula said he is hopeful that Argentina will not assist Chile.", set()),
    ("Lula hopes that Argentina will help Bolivia.", set()),
    ("Lula said he is \u201chopeful\u201d that Milei will not help Chile.", set()),
    ("Macron hopes to meet Putin.", set()),
    ("Macron said Germany will help Ukraine.", {("AGREE", ("DEU",), ("UKR",), False, ("future",))}),
    # strikes launched are the strikes' attack, with or without a target named (no missile test)
    ("Israel launched strikes on Gaza.", {("ASSAULT", ("ISR",), ("PSE",), False, ())}),
    ("The U.S. launched strikes nearly every hour from different locations.",
     {("ASSAULT", ("USA",), (), False, ())}),
    ("North Korea launched missiles into the sea.", {("MOBILIZE", ("PRK",), (), False, ())}),
    # condolences and sympathy offered, sent or expressed are backing
    ("Syria and Lebanon offered their condolences to Iran.",
     {("SUPPORT", ("LBN", "SYR"), ("IRN",), False, ())}),
    ("Modi sent his condolences to Japan.", {("SUPPORT", ("IND",), ("JPN",), False, ())}),
    # an act named only as an idea is not reported
    ("France helped broker the idea of a meeting between Putin and Biden.", set()),
    # a war prosecuted is no prosecution; a participle after a noun is passive ("the aid sent by Germany")
    ("The war in Yemen, prosecuted by Saudi Arabia, endangers the US.", set()),
    ("The aid sent by Germany to Ukraine arrived on Monday.", {("AID", ("DEU",), ("UKR",), False, ())}),
    # a headline's infinitive announces the act
    ("Biden to host French President Macron at White House for first state visit",
     {("AGREE", ("FRA",), ("USA",), False, ("future",))}),
    ("China to impose sanctions on US defense firms",
     {("SANCTION", ("CHN",), ("USA",), False, ("future",))}),
    # military drills around, near or off a country are aimed at it
    ("China conducted drills near Taiwan.", {("MOBILIZE", ("CHN",), ("TWN",), False, ())}),
    ("Chinese warships held drills off the coast of Japan.", {("MOBILIZE", ("CHN",), ("JPN",), False, ())}),
    ("China launched military exercises around Taiwan.", {("MOBILIZE", ("CHN",), ("TWN",), False, ())}),
    # ", which" after a place is about the place; "the gerund after 'on'" is the object's act
    ("Iran armed militias in Iraq, which invaded Kuwait.", {("ASSAULT", ("IRQ",), ("KWT",), False, ())}),
    ("Biden congratulated Modi on meeting Putin.",
     {("SUPPORT", ("USA",), ("IND",), False, ()), ("CONSULT", ("IND",), ("RUS",), False, ())}),
    # a relative clause on a noun with a place is said of the noun: the attack killed them, not the place
    ("Hamas carried out the attack in Israel that killed 1,200 people.",
     {("ASSAULT", ("PSE",), ("ISR",), False, ())}),
    ("Colombia condemned the bombing in Ecuador that killed 12 people.",
     {("ACCUSE", ("COL",), (), False, ())}),
    # a gerund after an adjunct preposition is the subject's act; after "of", "for", "from" the object's
    ("Despite sending troops to Somalia, Kenya criticized Ethiopia.",
     {("ACCUSE", ("KEN",), ("ETH",), False, ()), ("AID", ("KEN",), ("SOM",), False, ())}),
    ("Ukraine accused Russia of attacking Kyiv.", {("ACCUSE", ("UKR",), ("RUS",), False, ())}),
    # "both the A and B governments" are the pair themselves, acting together, not one against the other
    ("Officials said the Chileans had responded. Both the Chilean and Peruvian governments publicly denied "
     "that the request happened.",
     {("REJECT", ("CHL",), (), False, ()), ("REJECT", ("PER",), (), False, ())}),
    # a joint act with no recipient is each one's, unless the two are rivals in the article (a request or a
    # refusal between them is no rivalry)
    ("Peru has asked Chile for support. Both the Chilean and Peruvian governments publicly denied the "
     "report.", {("REQUEST", ("PER",), ("CHL",), False, ()), ("REJECT", ("CHL",), (), False, ()),
                 ("REJECT", ("PER",), (), False, ())}),
    # "X's Y envoy" is X's envoy, posted to Y
    ("Russia's Sudan envoy called for a meeting with Sudanese officials.",
     {("REQUEST", ("RUS",), ("SDN",), False, ())}),
    # ... but the first name still names him ("King Charles III ... Charles")
    ("King Charles III met Macron in Paris. Charles thanked France for its support.",
     {("CONSULT", ("GBR",), ("FRA",), False, ()), ("SUPPORT", ("GBR",), ("FRA",), False, ())}),
    # a generation after a name is no surname: "Jr." is not the other "Jr."
    ("Philippine President Ferdinand Marcos Jr. met Biden on Monday. "
     "Donald Trump Jr. visited Ghana on Friday.",
     {("CONSULT", ("PHL",), ("USA",), False, ())}),
]


# "the president" is the president the article is about, not the one named in passing just before
PROTAGONIST = (
    "Macron will travel to Asia next month. Macron hopes to sell aircraft, and Macron's aides say the trip "
    "is long overdue. One meeting is still uncertain: Russia's Putin. So far, the president is scheduled "
    "to visit Japan and India."
)


def test_the_president_is_the_articles_protagonist(coder: Coder) -> None:
    events = coder.code(PROTAGONIST, "2025-05-07").events
    found = {(e.event, tuple(sorted({m.entity.code for m in e.actor}))) for e in events
             if {m.entity.code for m in e.recipient} & {"JPN", "IND"}}
    assert found == {("AGREE", ("FRA",))}


# "the two leaders" are the two leaders named last, not the article's principal pair of states
LEADERS = (
    "Russia's war in Ukraine has dragged on for years. Russia also attacked Kyiv on Monday. Ukraine accused "
    "Russia of war crimes. Putin hosted Kim Jong Un in Moscow last week, officials said. The two leaders "
    "signed a defense pact on their last face-to-face meeting in June."
)


def test_the_two_leaders_are_the_leaders_named_last(coder: Coder) -> None:
    pacts = [e for e in coder.code(LEADERS, "2024-09-12").events if e.event == "SUPPORT"]
    assert [sorted(m.entity.code for m in e.actor) for e in pacts] == [["PRK", "RUS"]]


@pytest.mark.parametrize("text,expected", CASES)
def test_event_records(event_records, text: str, expected: set[tuple]) -> None:
    assert event_records(text, aux=True) == expected


DATES = [
    # an act named by a noun that the sentence only comments on is a known act: no publication date
    ("Critics say Ardern's resignation was a calculated move.", "RETREAT", None),
    ("China's cyberattacks on Taiwan included stolen data and defaced websites.", "COERCE", None),
    ("The president apologized for the US withdrawal from Syria.", "RETREAT", None),
    ("Crowds rallied on Sunday in protest of Turkey's incursion into Syria.", "ASSAULT", None),
    # ... unless it did something, or the sentence tells it happen (told in the past: the week up to
    # publication, comity.events.undated)
    ("Russia's strike on Odesa killed nine people.", "ASSAULT", "2025-04-30/2025-05-07"),
    ("Russia's strike on Odesa killed nine people on Monday.", "ASSAULT", "2025-05-05"),
    ("Talks between Chile and Peru took place in Lima.", "CONSULT", "2025-04-30/2025-05-07"),
    ("Talks between Chile and Peru are taking place in Lima.", "CONSULT", "2025-05-07"),
    ("China's drills around Taiwan alarmed Japan on Monday.", "MOBILIZE", "2025-05-05"),
    # an act repeated over months or years has no one day
    ("For months before the vote, Beijing pressured Honduras to cut ties with Taipei.", "REQUEST", None),
    ("Israel routinely denies targeting journalists in Gaza.", "REJECT", None),
    ("Japan recently agreed to supply Manila with patrol boats.", "AGREE", None),
    # a date the act's object carries, years back, is not the date of an act going on now
    ("Brazil is investigating Bolsonaro's role in the riot of Jan. 8, 2023.", "ACCUSE", "2025-05-07"),
]


@pytest.mark.parametrize("text,event,date", DATES)
def test_event_dates(coder: Coder, text: str, event: str, date: str | None) -> None:
    coded = coder.code(text, "2025-05-07")
    found = [e for e in coded.events if e.event == event]
    assert len(found) == 1, [(e.event, e.date) for e in coded.events]
    assert (str(found[0].date) if found[0].date else None) == date
