"""Geocoding names as wars spell them: transliteration variants and typos of Ukrainian and
Arabic names, names matched only through a former name, landmarks named instead of towns,
and the sourced supplement rows of places reports name without a town.

The sentences are written for these tests in the shape such reports take (feed items,
captions, coders' notes); none is copied from a corpus."""

from __future__ import annotations

import pytest

from strikewatch.geo import Gazetteer, Unresolved, load_gazetteer
from strikewatch.models import Place


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def placed(result: Place | Unresolved) -> Place:
    assert isinstance(result, Place), result
    return result


# ------------------------------------------------------------- sourced supplement places

@pytest.mark.parametrize(("name", "sentence", "country", "admin1", "near"), [
    # a steelworks every report of the siege names without its city
    ("Azovstal", "Russian aircraft bombed Azovstal overnight.", "UA", "Donetsk",
     (47.10, 37.60)),
    ("Azovstal steel plant", "Heavy shelling around the Azovstal steel plant.", "UA",
     "Donetsk", (47.10, 37.60)),
    # an island 35 km off the coast: no town of any gazetteer holds it
    ("Snake Island", "Drone strikes hit a landing craft at Snake Island.", "UA", "Odessa",
     (45.255, 30.204)),
    ("Zmiinyi Island", "Shelling of Zmiinyi Island continued.", "UA", "Odessa",
     (45.255, 30.204)),
    # an air base of another war, for comparison: the same kind of row
    ("Hmeimim", "Drones attacked the Hmeimim base.", "SY", "Latakia", (35.40, 35.95)),
])
def test_a_well_known_site_is_placed_from_its_sourced_row(gaz, name, sentence, country,
                                                          admin1, near):
    assert gaz.is_place(name)  # text recognition finds it
    place = placed(gaz.resolve(name, country=country, context=sentence))
    assert place.source == "supplement" and place.admin1 == admin1
    assert abs(place.lat - near[0]) < 0.1 and abs(place.lon - near[1]) < 0.1


def test_a_breakaway_region_holds_its_capital(gaz):
    """'Tiraspol, Transnistria': the region written after the town is its container."""
    assert gaz.is_place("Transnistria")
    place = placed(gaz.resolve("Tiraspol, Transnistria"))
    assert (place.name, place.country) == ("Tiraspol", "MD")
    assert "checked to lie in" in place.alternatives[0]
