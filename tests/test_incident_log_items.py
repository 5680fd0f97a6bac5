"""Incident-log entries as monitors keep them (a place for a title, a line of description),
from many wars: the faults the lead found feeding such logs to strikewatch as a new user
would, each fixed at its cause and pinned on entries from two wars at least. The entries are
written for these tests in the shape such logs take; none is copied from a corpus.
"""

from __future__ import annotations

import pytest
from test_sweep_sources import read


def coded(extractor, text: str, title: str | None = None) -> list[tuple]:
    """(place as written, country, province, attacker, killed at least) per strike."""
    return [(s.place, s.country, s.admin1, s.attacker, s.killed[0])
            for s in read(extractor, text, "2024-05-10", title=title).strikes]


# ------------------------------------ a title that is only a place holds the text's landmark


@pytest.mark.parametrize(("title", "text", "want"), [
    # Gaza: a hospital the gazetteer does not know, by its town's name in the title
    ("Deir al-Balah", "Aftermath of an airstrike on a tent camp near Al-Aqsa hospital; several "
     "bodies wrapped in blankets.", [("Deir al-Balah", "PS", "Gaza Strip", None, None)]),
    # Sudan: a market; its toll and its attacker stay with the strike
    ("Omdurman", "RSF shelling of the Sabreen market killed at least 50 people.",
     [("Omdurman", "SD", "Khartoum", "RSF", 50)]),
    # Yemen: a market in a province written with its country
    ("Saada, Yemen", "Coalition air strike on a bus carrying schoolchildren in Dahyan market.",
     [("Saada, Yemen", "YE", "Sa'dah", "Saudi-led Coalition", None)]),
])
def test_a_landmark_the_gazetteer_lacks_is_in_the_place_of_the_title(extractor, title, text, want):
    assert coded(extractor, text, title) == want


def test_a_town_the_text_names_stays_the_strike_place_under_a_province_title(extractor):
    assert coded(extractor, "A missile struck Izium, damaging a school.", "Kharkiv Oblast") == [
        ("Izium", "UA", "Kharkiv", None, None)]


# ------------------------------------------------------------ a munition dropped from the air


@pytest.mark.parametrize(("text", "want"), [
    # Ukraine: a small drone's munition
    ("A drone dropped a munition on a car in Bilozerka.", [("Bilozerka", "UA", "Kherson", None, None)]),
    ("Video shows a drone dropping a munition on a civilian car in Kherson.",
     [("Kherson", "UA", "Kherson", None, None)]),
    # Ukraine, Myanmar, Somalia: charges thrown by hand as often, here told as dropped
    ("A Russian drone dropped explosives on a bus in Kherson, wounding three.",
     [("Kherson", "UA", "Kherson", "Russian Armed Forces", None)]),
    ("A drone dropped a grenade on a house in Sagaing, killing a child.",
     [("Sagaing", "MM", "Sagain", None, 1)]),
    ("Drones dropped explosives on a house in Mogadishu, killing a child.",
     [("Mogadishu", "SO", "Banaadir", None, 1)]),
    ("A drone dropped an explosive charge on a car in Kherson, wounding the driver.",
     [("Kherson", "UA", "Kherson", None, None)]),
    ("Drones dropped explosive charges on a monastery in Sagaing.",
     [("Sagaing", "MM", "Sagain", None, None)]),
    # the force before the drones that dropped the charges is the attacker (Myanmar, Ukraine)
    ("Junta drones dropped explosive charges on a monastery in Sagaing.",
     [("Sagaing", "MM", "Sagain", "Myanmar Armed Forces (Tatmadaw)", None)]),
    ("Russian drones dropped explosive charges on a car in Kherson.",
     [("Kherson", "UA", "Kherson", "Russian Armed Forces", None)]),
])
def test_a_munition_dropped_on_a_place_is_a_strike(extractor, text, want):
    assert coded(extractor, text) == want


@pytest.mark.parametrize("text", [
    "Helicopters dropped leaflets on Daraa urging fighters to surrender.",  # Syria: no munition
    "Militants threw a grenade at a bar in Bujumbura, wounding 12.",  # Burundi: thrown by hand
    "Police found explosives in a car in Mogadishu.",  # Somalia: found, not dropped
])
def test_what_is_dropped_or_thrown_that_is_no_munition_from_the_air_is_no_strike(extractor, text):
    assert coded(extractor, text) == []


# ----------------------------------------------- a munition named by its kind and its rounds


@pytest.mark.parametrize(("text", "want"), [
    ("Mortar rounds fell on a residential area of Donetsk, killing two people.",
     [("Donetsk", "UA", "Donetsk", None, 2)]),  # Ukraine
    ("Mortar rounds fell on Mogadishu, killing four civilians.",
     [("Mogadishu", "SO", "Banaadir", None, 4)]),  # Somalia
])
def test_rounds_a_munition_names_that_fell_on_a_place_are_a_strike(extractor, text, want):
    assert coded(extractor, text) == want


# ------------------------------------------- a force's name set beside its strike noun


@pytest.mark.parametrize(("text", "attacker"), [
    ("RSF shelling of the Sabreen market killed at least 50 people in Omdurman.", "RSF"),  # Sudan
    ("IDF shelling of the Mawasi area killed 11 people in Khan Younis.",
     "Israel Defense Forces"),  # Gaza
])
def test_a_force_named_right_before_its_shelling_is_its_attacker(extractor, text, attacker):
    assert {s.attacker for s in read(extractor, text, "2024-05-10").strikes} == {attacker}


# ----------------------------------------------- a munition fired at a place, in the passive


@pytest.mark.parametrize(("text", "want"), [
    ("Around 5 mortar rounds were fired by Al Shabaab at the AMISOM base in Baidoa.",
     [("Baidoa", "SO", "Bay", "Al Shabaab", None)]),  # Somalia
    ("Katyusha rockets were launched at the Green Zone in Baghdad.",
     [("Baghdad", "IQ", "Baghdad", None, None)]),  # Iraq
])
def test_a_munition_fired_at_a_place_in_the_passive_is_a_strike(extractor, text, want):
    assert coded(extractor, text) == want


def test_a_munition_fired_from_a_place_at_nothing_named_is_no_strike(extractor):
    assert coded(extractor, "Rockets were fired from southern Lebanon.") == []  # Lebanon
