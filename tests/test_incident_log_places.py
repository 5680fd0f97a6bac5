"""Where incident-log entries put their strikes (a place for a title, a line of
description), from many wars: the faults the lead found feeding such logs to strikewatch as a
new user would, each fixed at its cause and pinned on entries from two wars at least. The entries are
written for these tests in the shape such logs take; none is copied from a corpus.
"""

from __future__ import annotations

import pytest
from test_incident_log_items import coded
from test_sweep_sources import read


# --------------------------------------------------- a namesake in the province of the title


@pytest.mark.parametrize(("title", "text", "want"), [
    # Ukraine: Borova in Kharkiv Oblast, not the larger Borova near Kyiv
    ("Kharkiv Oblast", "Russian shelling hit Borova.",
     [("Borova", "UA", "Kharkiv", "Russian Armed Forces", None)]),
    # Yemen: Shibam of Al Mahwit, not the Hadramawt town of the name
    ("Mahwit Governorate", "Coalition jets struck Shibam, damaging houses.",
     [("Shibam", "YE", "Al Mahwit", "Saudi-led Coalition", None)]),
])
def test_a_town_is_the_namesake_in_the_province_a_title_names(extractor, title, text, want):
    assert coded(extractor, text, title) == want


def test_without_a_title_the_larger_namesake_stays(extractor):
    assert coded(extractor, "Coalition jets struck Shibam, damaging houses.") == [
        ("Shibam", "YE", "Hadramawt", "Saudi-led Coalition", None)]


# ---------------------------------------- a part of the town the same sentence names apart


@pytest.mark.parametrize(("text", "town", "killed"), [
    # Yemen: a neighbourhood whose name a town in Egypt and a quarter of Sanaa share
    ("Houthi shelling of the al-Rawdah neighbourhood killed three children in Taiz.", "Taiz", 3),
    # Gaza: an area the gazetteer lacks
    ("IDF shelling of the Mawasi area killed 11 people in Khan Younis.", "Khan Younis", 11),
    # DR Congo: a camp
    ("M23 shelling of the Mugunga camp killed nine people in Goma.", "Goma", 9),
    # Syria: a neighbourhood whose name is a Moroccan city's
    ("Regime shelling of the al-Jadida neighbourhood killed two civilians in Aleppo.", "Aleppo", 2),
])
def test_a_part_placed_out_of_reach_of_the_town_its_sentence_names_is_that_town(
        extractor, text, town, killed):
    placed = [s for s in read(extractor, text, "2024-05-10").strikes if s.country]
    assert [(s.place, s.killed[0]) for s in placed] == [(town, killed)]


def test_a_camp_that_is_a_town_of_its_own_stays_a_strike_place(extractor):
    """Gaza: Nuseirat camp is a town near Deir al-Balah, placed within its reach."""
    placed = read(extractor, "Israeli strikes on the Nuseirat camp killed 12 people in "
                             "Deir al-Balah.", "2024-05-10").strikes
    assert [s.place for s in placed if s.country] == ["Nuseirat camp", "Deir al-Balah"]


# ------------------------------------------------- a landmark named by the town it stands in


@pytest.mark.parametrize(("text", "country", "province"), [
    ("An airstrike hit the Wad Madani bridge on Monday.", "SD", "Al Jazirah"),  # Sudan
    ("Junta shelling of the Mindat hospital wounded four.", "MM", "Chin"),  # Myanmar
])
def test_a_landmark_named_by_its_town_is_in_that_town(extractor, text, country, province):
    (strike,) = read(extractor, text, "2024-05-10").strikes
    assert (strike.country, strike.admin1, strike.unresolved) == (country, province, strike.place)


def test_a_landmark_named_after_a_person_is_not_placed_at_a_namesake(extractor):
    (strike,) = read(extractor, "Israeli strikes hit the Nasser hospital.", "2024-05-10").strikes
    assert strike.country is None  # Gaza: no town's name, and nothing else placed


# --------------------------------------------------------- a name that opens a unit's name


@pytest.mark.parametrize(("text", "want"), [
    # Myanmar: "Light" is a district of South Australia
    ("The Arakan Army shelled the junta's Light Infantry Battalion 550 in Buthidaung township.",
     [("Buthidaung", "MM", "Rakhine", "Arakan Army", None)]),
    # Ukraine: a brigade named after a city is no strike on that city
    ("Russian shelling hit positions of the Kharkiv Brigade near Vovchansk.",
     [("Vovchansk", "UA", "Kharkiv", "Russian Armed Forces", None)]),
])
def test_a_name_that_opens_a_unit_s_name_is_no_strike_place(extractor, text, want):
    assert coded(extractor, text) == want
