"""A place written in another spelling than the gazetteer's (issue 11): a Russian spelling of a
Ukrainian town, an English one of a Syrian village. Each cause is pinned on names of two wars,
read three ways: as a footage log writes them (the location string as its title, a short
description), in a wire story's sentence, and through ``strikewatch geocode``. Every name and
sentence here is written for these tests; none is copied from a corpus.
"""

from __future__ import annotations

import json

import pytest
from test_sweep_sources import read

from strikewatch.geo import Unresolved


def _cli(name: str, country: str | None = None) -> dict:
    from typer.testing import CliRunner

    from strikewatch.cli import app

    args = ["geocode", name] + (["--country", country] if country else [])
    res = CliRunner().invoke(app, args)
    assert res.exit_code in (0, 1), res.output
    return json.loads(res.stdout)


def _placed(extractor, text: str, title: str | None = None) -> list[tuple]:
    return [(s.country, s.admin1, s.precision) for s in read(extractor, text, "2023-05-02",
                                                              title=title).strikes]


# ------------------------------------------------------- the one place so spelt, no country
# A long name whose consonants only one place in the world shares, spelt close to it, is that
# place though it is a village and the entry names no country.
ONE_PLACE_SO_SPELT = [
    # Ukraine: the Russian spelling (-ovka for -ivka) of a Donetsk village
    ("Novobakhmutovka", "UA", "Donetsk"),
    # Syria: English spellings of Hama and Daraa villages
    ("Kafr Nabboudeh", "SY", "Hama"),
    ("Khirbet Ghazaleh", "SY", "Daraa"),
]


@pytest.mark.parametrize(("name", "country", "admin1"), ONE_PLACE_SO_SPELT)
def test_the_one_place_so_spelt_in_a_footage_log(extractor, name, country, admin1):
    assert _placed(extractor, "Houses damaged after a reported strike.", title=name) \
        == [(country, admin1, "point")]


@pytest.mark.parametrize(("name", "country", "admin1"), ONE_PLACE_SO_SPELT)
def test_the_one_place_so_spelt_in_a_wire_story(extractor, name, country, admin1):
    text = f"Shelling hit a school in {name} on Tuesday, killing two people, officials said."
    assert _placed(extractor, text) == [(country, admin1, "point")]


@pytest.mark.parametrize(("name", "country", "admin1"), ONE_PLACE_SO_SPELT)
def test_the_one_place_so_spelt_through_the_command(gaz, name, country, admin1):
    for given in (None, country):
        out = _cli(name, given)
        assert (out["country"], out["admin1"]) == (country, admin1), out


@pytest.mark.parametrize("name", [
    "Novomykhailivka",  # a Ukrainian village the gazetteer lacks; two Russian places so spelt
    "Thantlang",  # a Chin town the gazetteer lacks; only a French hamlet shares its consonants
    "Kanguwa",  # a dozen hamlets of several countries spelt about as closely
    "Sarmada",  # an Idlib town the gazetteer lacks: an Italian hamlet, too short a name to say
    "Zaporiz'ka oblast",  # a province by its Ukrainian adjective: no village Zaporizke
])
def test_no_country_no_hamlet_abroad_through_a_spelling(gaz, name):
    assert isinstance(gaz.resolve(name), Unresolved)


def test_a_common_word_in_a_caption_stays_no_place(extractor):
    """An English word shares its consonants with a hamlet somewhere ("Bombing" and Bambang):
    it is never taken for one."""
    assert _placed(extractor, "Aftermath of the bombing: destroyed buildings.") == []


# ------------------------------------------------------------------ a unit's noun in the plural
@pytest.mark.parametrize(("text", "want"), [
    # Ukraine: "oblasts" after a list, as "provinces" (before, Sumy was coded to Kharkiv's
    # province and Odesa to Dnipropetrovsk's)
    ("Russian shelling hit villages in the Kharkiv and Sumy oblasts on Monday, killing two.",
     [("UA", "Kharkiv", "admin1"), ("UA", "Sumy", "admin1")]),
    ("Russian drones struck energy sites in Dnipropetrovsk and Odesa oblasts overnight.",
     [("UA", "Dnipropetrovsk", "admin1"), ("UA", "Odessa", "admin1")]),
    # Syria: the same list with its governorates' plural
    ("Regime helicopters dropped barrel bombs on villages of Idlib and Hama provinces on Monday.",
     [("SY", "Idlib", "admin1"), ("SY", "Hama", "admin1")]),
])
def test_a_list_of_provinces_with_its_plural_noun(extractor, text, want):
    assert _placed(extractor, text) == want


def test_a_plural_unit_noun_through_the_command(gaz):
    out = _cli("Dnepropetrovsk oblasts", "UA")
    assert (out["admin1"], out["precision"]) == ("Dnipropetrovsk", "admin1")
