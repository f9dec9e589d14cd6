"""The figures stage: (sentence) -> (value, unit, qualifier) of the figure it cites."""

from __future__ import annotations

import pytest

from comity.figures import find_figures
from comity.records import Figure

# (sentence, the figure as written, value, unit, qualifier)
CASES = [
    # money: signs, words, codes, scales
    ("Trade reached $237 billion last year.", "$237 billion", 237e9, "USD", None),
    ("The EU pledged €1.2bn in aid.", "€1.2bn", 1.2e9, "EUR", None),
    ("China will spend 5 trillion yuan on railways.", "5 trillion yuan", 5e12, "CNY", None),
    ("The bank was fined £30m by regulators.", "£30m", 30e6, "GBP", None),
    ("India allocated Rs 500 crore to the project.", "Rs 500 crore", 5e9, "INR", None),
    ("Ukraine received USD 50 billion from donors.", "USD 50 billion", 50e9, "USD", None),
    ("The deal is worth 2 billion euros.", "2 billion euros", 2e9, "EUR", None),
    ("Japan pledged ¥10 billion in loans.", "¥10 billion", 10e9, "JPY", None),
    ("The loan of A$3.5 million was repaid.", "A$3.5 million", 3.5e6, "AUD", None),
    ("Moscow paid 300 million rubles in damages.", "300 million rubles", 300e6, "RUB", None),
    ("The fund holds more than $1.5 trillion.", "more than $1.5 trillion", 1.5e12, "USD", "more than"),
    ("Aid totalled roughly $4,500 per family.", "roughly $4,500", 4500, "USD", "roughly"),
    # counts with their noun and qualifier
    ("North Korea has sent about 12,000 troops to the front.", "about 12,000 troops", 12000, "troops",
     "about"),
    ("He hosted leaders of at least two dozen countries.", "at least two dozen countries", 24, "countries",
     "at least"),
    ("At least 30 people were killed in the attack.", "At least 30 people", 30, "people", "at least"),
    ("Tariffs hit about 90 countries.", "about 90 countries", 90, "countries", "about"),
    ("Some 1.5 million refugees fled the fighting.", "Some 1.5 million refugees", 1.5e6, "refugees", "some"),
    ("Russia has 5,580 nuclear warheads.", "5,580 nuclear warheads", 5580, "warheads", None),
    ("More than 1,000 protesters were arrested.", "More than 1,000 protesters", 1000, "protesters",
     "more than"),
    ("Nearly 200 civilians died in the siege.", "Nearly 200 civilians", 200, "civilians", "nearly"),
    ("Up to 3,000 soldiers will be deployed.", "Up to 3,000 soldiers", 3000, "soldiers", "up to"),
    ("Fewer than 50 delegates attended.", "Fewer than 50 delegates", 50, "delegates", "fewer than"),
    ("The army sent two dozen tanks to the border.", "two dozen tanks", 24, "tanks", None),
    ("Twenty-five nations signed the accord.", "Twenty-five nations", 25, "nations", None),
    ("Half a million people fled the city.", "Half a million people", 5e5, "people", None),
    ("A million people marched on Sunday.", "A million people", 1e6, "people", None),
    ("The parade marked 80 years since the war ended.", "80 years", 80, "years", None),
    ("Such changes have not been seen for 100 years.", "100 years", 100, "years", None),
    # a number joined to its unit noun by a hyphen
    ("A court gave him a 12-year prison sentence.", "12-year", 12, "year", None),
    ("The 15-member squad arrived on Sunday.", "15-member", 15, "member", None),
    # ages and spans so joined are figures too, as the reference codes them ("45-year-old", "six-day")
    ("A 25-year-old man was arrested.", "25-year", 25, "year", None),
    ("Oil prices hit a four-year low.", "four-year", 4, "year", None),
    # an ordinal before its noun: the count it reaches
    ("It was the third phone call in a week.", "third phone call", 3, "call", None),
    ("The war entered its 37th day.", "37th day", 37, "day", None),
    ("It was the third attack this year.", "third attack", 3, "attack", None),
    # a part of a whole, and people counted by what befell them
    ("Ukraine said it downed 30 out of the drones launched.", "30 out of the drones", 30, "drones", None),
    ("Rescuers saved 111 of those whales.", "111 of those whales", 111, "whales", None),
    ("Officials said 14 injured were taken to hospital.", "14 injured", 14, "people", None),
    ("The pipeline carries 38 billion cubic metres of gas.", "38 billion cubic metres", 38e9, "metres", None),
    # percentages and changes
    ("Exports were up 4.2 % in April.", "up 4.2 %", 4.2, "percent", "up"),
    ("Turnout was 67% in the capital.", "67%", 67, "percent", None),
    ("Inflation rose by 3.5 percent last year.", "3.5 percent", 3.5, "percent", "up"),
    ("The jobless rate fell 0.3 percentage points.", "0.3 percentage points", 0.3, "percentage points",
     "down"),
    ("Output dropped 12 per cent in March.", "12 per cent", 12, "percent", "down"),
    ("About 40% of voters backed the plan.", "About 40%", 40, "percent", "about"),
]

# numbers that are not figures: years, dates, ordinals, names, clock times, durations in time expressions
NO_FIGURE = [
    "Two of them were freed on Monday.",
    "It was the first time they met.",
    "They met on the 21st of June.",
    "The war began in 2022.",
    "Leaders met on Jan. 21 and Feb. 24.",
    "Two years ago, the leaders met in Moscow.",
    "The pipeline Power of Siberia 2 is on hold.",
    "The plane was a Boeing 737.",
    "The meeting began at 3 p.m. local time.",
    "The team won 3-1 in the final.",
    "The two countries signed a deal.",
    "In the past three years, trade has tripled.",
    "One official said the talks failed.",
    "NATO invoked Article 5 for the first time.",
    "Turkey bought the S-400 system.",
    "Dozens of people were hurt.",
]


def _covering(figures: list[Figure], sentence: str, expr: str) -> Figure:
    start = sentence.index(expr)
    end = start + len(expr)
    hits = [f for f in figures if f.span[0] < end and start < f.span[1]]
    assert len(hits) == 1, f"{expr!r} in {sentence!r}: {hits}"
    return hits[0]


@pytest.mark.parametrize(("sentence", "expr", "value", "unit", "qualifier"), CASES)
def test_figure(parse, sentence, expr, value, unit, qualifier):
    figure = _covering(find_figures(parse(sentence)), sentence, expr)
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit
    assert figure.qualifier == qualifier
    assert figure.text == expr
    assert sentence[figure.span[0]:figure.span[1]] == figure.text


@pytest.mark.parametrize("sentence", NO_FIGURE)
def test_not_a_figure(parse, sentence):
    assert find_figures(parse(sentence)) == []


@pytest.mark.parametrize(("sentence", "period"), [
    ("Trade with China reached $237 billion in 2024.", "2024"),
    ("Exports were up 4.2 % in April.", "2025-04"),
    ("Inflation rose by 3.5 percent last year.", "2024"),
    ("Turnout was 67% in the capital.", None),
    ("In 2024, trade reached $237 billion.", "2024"),
    ("North Korea sent 12,000 troops to Russia last year.", "2024"),
    ("He hosts 20 leaders for the first time since his 2022 invasion.", None),
])
def test_period(parse, sentence, period):
    (figure,) = find_figures(parse(sentence))
    assert figure.period == period


def test_about_names_the_clause(parse):
    (figure,) = find_figures(parse("North Korea has sent about 12,000 troops to the war in Ukraine."))
    assert figure.about is not None and "sent" in figure.about and "Ukraine" in figure.about


def test_times_can_be_passed_in(parse):
    from datetime import date

    from comity.times.extract import find_times

    parsed = parse("Two years ago, some 300 soldiers crossed the border.")
    times = find_times(parsed, date(2025, 5, 7))
    assert [(f.value, f.unit) for f in find_figures(parsed, times)] == [(300, "soldiers")]


def test_never_crashes_on_odd_text(parse):
    for text in ["", "$", "€ bn", "1,2,3,4 and 5.5.5 percent", "$99999999999999999999 trillion"]:
        for figure in find_figures(parse(text)):
            assert figure.unit
