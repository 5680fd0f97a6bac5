"""A place written in its region's possessive ("Amhara region's Wegel Tena") is one strike at
the place, not a second strike at the region that holds it."""

from __future__ import annotations

import pytest

from test_extract_wars import item, places


@pytest.mark.parametrize(("text", "place"), [
    # Ethiopia: a village the gazetteer lacks, its second word a town's name in Ecuador
    ("An Ethiopian military drone strike on a market in Amhara region's Wegel Tena killed "
     "more than 30 people, witnesses told Reuters.", "Wegel Tena"),
    # Ukraine: an oblast's town
    ("A Russian missile hit a school in Donetsk Oblast's Kostiantynivka, killing two.",
     "Kostiantynivka"),
    # Gaza: a city's camp, with a bearing
    ("An Israeli strike on a house in Gaza's northern Jabalia killed seven people.", "Jabalia"),
])
def test_a_place_in_its_regions_possessive_is_one_strike_at_the_place(extractor, text, place):
    assert places(extractor, text) == [place]


def test_the_toll_stays_with_the_one_strike(extractor):
    found = extractor.extract(item(
        "An Ethiopian military drone strike on a market in Amhara region's Wegel Tena killed "
        "more than 30 people, witnesses told Reuters.")).strikes
    assert [m.casualties.killed.min for m in found] == [31]


def test_two_places_each_struck_stay_two_strikes(extractor):
    text = "Russian drones struck Kharkiv's Saltivka district and Sumy overnight."
    assert places(extractor, text) == ["Saltivka district", "Sumy"]
