"""Follow-up reports and the places a sweep of multi-report clusters found coded wrong
(issue 11): a toll that rose, told far from its toll word; a place located by a compass
phrase from a bigger one; a province named by its kind; an organisation's name that is no
place; one named victim, who is the least of a toll and not all of it.

Every sentence is written for these tests in the shape follow-up wires take, each rule on
sentences of two wars. The readers are the sources sweep's.
"""

from __future__ import annotations

import pytest
from test_sweep_sources import strikes_of

from strikewatch.counts import find_casualties


@pytest.mark.parametrize(("text", "killed"), [
    ("The death toll from Tuesday's Russian air strike on a market in Kafr Nabl rose to 12, "
     "the civil defence said.", (12, 12)),
    ("The death toll from Monday's missile strike on Kharkiv's Saltivka district has risen "
     "to 9.", (9, 9)),
    ("The death toll from Saturday's Israeli air strike on a school sheltering displaced "
     "families in Gaza City's Tuffah neighbourhood has climbed to 22, the health ministry "
     "said.", (22, 22)),
])
def test_a_toll_that_rose_is_read_across_the_strike_it_counts(extractor, text, killed):
    # the toll word stands before the strike and its place, the new figure after "rose to"
    assert [s.killed for s in strikes_of(extractor, text)] == [killed]


@pytest.mark.parametrize("text", [
    # the toll word and a later figure, with no rise between them: no toll
    "The toll of the fighting in Sudan's Darfur region and the famine across the camps of the "
    "displaced is not known, but 40 aid workers said they had fled.",
    "The death toll from the flooding along the banks of the Shabelle river in southern "
    "Somalia is unclear, and 300 families have moved to higher ground.",
])
def test_a_toll_word_far_before_a_figure_with_no_rise_is_no_toll(text):
    assert [c for c in find_casualties(text) if c.kind == "killed"] == []


@pytest.mark.parametrize(("text", "place", "admin1"), [
    ("An air strike killed five people in the town of Gharyan, south of Tripoli, on Sunday.",
     "Gharyan", "Jabal al Gharbi"),
    ("A drone strike killed seven people in the town of Shendi, north of Khartoum, on "
     "Sunday.", "Shendi", "River Nile"),
    ("A Russian missile strike killed three people in Bucha, north of Kyiv, on Sunday.",
     "Bucha", "Kiev"),
])
def test_the_place_named_first_is_the_place_the_compass_phrase_locates(extractor, text, place,
                                                                        admin1):
    [strike] = strikes_of(extractor, text)
    assert (strike.admin1, strike.precision, strike.unresolved) == (admin1, "point", None)


@pytest.mark.parametrize(("text", "admin1"), [
    # the named town lies on the other side: the phrase does not fit it, the box is kept
    ("An air strike killed five people in the town of Gharyan, north of Tripoli, on Sunday.",
     "Tripoli"),
    ("A drone strike killed seven people in the town of Shendi, south of Khartoum, on "
     "Sunday.", "Khartoum"),
])
def test_a_compass_phrase_that_misses_the_named_place_keeps_its_box(extractor, text, admin1):
    [strike] = strikes_of(extractor, text)
    assert (strike.admin1, strike.unresolved) == (admin1, strike.place)


@pytest.mark.parametrize(("text", "place"), [
    ("A drone strike killed six civilians in the Soum province of Burkina Faso on Sunday, a "
     "local official said.", ("BF", "Sahel", "admin2")),
    ("Jihadists attacked an army post in Bam province on Sunday, and an air strike killed "
     "twelve of them as they fled, Burkina Faso's army said.", ("BF", "Centre-Nord", "admin2")),
    ("An air strike by the Philippine military killed seven Abu Sayyaf militants in Sulu "
     "province on Sunday.", ("PH", "Autonomous Region in Muslim Mindanao", "admin2")),
])
def test_a_province_of_the_second_level_is_the_unit_not_a_town_abroad(extractor, text, place):
    # Burkina Faso's and the Philippines' provinces are GeoNames' second level
    assert [(s.country, s.admin1, s.precision) for s in strikes_of(extractor, text)] == [place]


@pytest.mark.parametrize(("text", "country"), [
    ("An air strike killed eight people in the village of Ohtein Kwin on Tuesday, a local "
     "official of the shadow National Unity Government said.", None),
    ("A drone strike killed four people in the village of Bir Ghanam on Tuesday, a spokesman "
     "for the Government of National Unity said.", "LY"),
])
def test_a_word_of_an_organisation_s_name_is_no_place(extractor, text, country):
    # "Unity" is a state of South Sudan; here it is a government's name
    assert [s.country for s in strikes_of(extractor, text)] == [country]


@pytest.mark.parametrize(("text", "admin1"), [
    # a village the gazetteer lacks is coded to the seat its sentence names
    ("A Russian drone hit the village of Borivske Druhe on Tuesday, the Kharkiv Regional "
     "Military Administration said.", "Kharkiv"),
    ("An air strike hit the village of Kan Thar Yar on Tuesday, the Sagaing Region "
     "Administration said.", "Sagain"),
])
def test_an_organisation_s_first_word_may_still_name_its_seat(extractor, text, admin1):
    assert [s.admin1 for s in strikes_of(extractor, text)] == [admin1]


@pytest.mark.parametrize("text", [
    "An Israeli drone strike struck and killed a Hezbollah commander in south Lebanon on "
    "Tuesday.",
    "A US drone strike killed a senior al-Shabaab leader near Jilib on Sunday, U.S. Africa "
    "Command said.",
])
def test_a_strike_s_named_target_is_the_least_of_its_toll(extractor, text):
    # other reports of the same strike may count his companions: one is a floor
    assert [s.killed for s in strikes_of(extractor, text)] == [(1, None)]


@pytest.mark.parametrize("text", [
    "Russian shelling killed a woman in Kherson on Sunday.",
    "An air strike killed a child in Khan Younis on Sunday.",
])
def test_a_victim_who_was_no_target_is_one_killed(extractor, text):
    assert [s.killed for s in strikes_of(extractor, text)] == [(1, 1)]
