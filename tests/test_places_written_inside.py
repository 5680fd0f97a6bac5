"""A place written inside another ("Amhara region's Wegel Tena", "Nuseirat refugee camp in
central Gaza") is one strike at the place, not a second strike at the place that holds it; a
landmark of a strike place is no strike of its own."""

from __future__ import annotations

import pytest

from strikewatch.geo import geocode_mentions
from test_extract_wars import geocoded, item, places


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
    assert places(extractor, text) == ["Kharkiv's Saltivka district", "Sumy"]


@pytest.mark.parametrize(("text", "place"), [
    ("At least 20 Palestinians were killed when an Israeli strike hit a school in Nuseirat "
     "refugee camp in central Gaza on Thursday.", "Nuseirat refugee camp"),
    ("Government warplanes struck al-Yarmouk camp in southern Damascus.", "al-Yarmouk camp"),
    ("Russian shelling hit the Bilenke village in Kramatorsk district of Donetsk oblast, "
     "killing one.", "Bilenke village"),
])
def test_a_places_own_noun_does_not_hide_its_container(extractor, text, place):
    assert places(extractor, text) == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("At least 20 Palestinians were killed when an Israeli strike hit a UN school sheltering "
     "displaced families in Nuseirat refugee camp in central Gaza, the civil defence said.",
     ("Nuseirat refugee camp", "PS")),
    ("A Russian missile hit the Lyceum school sheltering families in Kostiantynivka, Donetsk, "
     "officials said.", ("Kostiantynivka", "UA")),
])
def test_a_landmark_coded_to_the_strike_place_is_no_second_strike(extractor, text, place):
    assert [p for p in geocoded(extractor, text) if p[1] is not None] == [place]


def test_the_landmark_stays_the_strikes_site(extractor):
    text = ("At least 20 Palestinians were killed when an Israeli strike hit a UN school sheltering "
            "displaced families in Nuseirat refugee camp in central Gaza.")
    found = geocode_mentions(extractor.extract(item(text)).strikes, extractor.gazetteer,
                             document_text=text)
    assert [(m.place_text, m.site) for m in found if m.place] \
        == [("Nuseirat refugee camp", "UN school")]


@pytest.mark.parametrize(("text", "place"), [
    # Myanmar: a village on an island, in its state
    ("Junta jets bombed Kyauk Ni Maw village on Ramree Island in Rakhine State.",
     "Kyauk Ni Maw village"),
    ("At least 11 people were killed when junta fighter jets bombed Kyauk Ni Maw village on "
     "Ramree Island in Rakhine State on Wednesday, the Arakan Army said.", "Kyauk Ni Maw village"),
    # Sri Lanka: a village on a peninsula
    ("Sri Lankan jets bombed Mulliyawalai village on the Jaffna peninsula.",
     "Mulliyawalai village"),
])
def test_the_island_a_place_is_on_is_no_second_strike_place(extractor, text, place):
    assert [m.place_text for m in extractor.extract(item(text)).strikes] == [place]


def test_a_strike_on_an_island_itself_keeps_it(extractor):
    text = "Houthi drones struck a fuel depot on Kamaran Island in Hodeidah province."  # Yemen
    assert [m.place_text for m in extractor.extract(item(text)).strikes] \
        == ["Kamaran Island in Hodeidah province"]
