"""Rules for coders' notes (ACLED's style: "Military Forces of Libya (2014-) airstrikes hit
IS positions in Sirte", "Unidentified Armed Group (Somalia) fired mortar shells at ...",
"SAF bombed Sortony, North Darfur"), each tested on a note from an African war and on a
sentence from a second war outside Africa. The sentences are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from strikewatch.actors import settle_attackers
from strikewatch.geo import geocode_mentions
from strikewatch.models import Document, Segment


def strikes(extractor, gaz, text: str):
    doc = Document(id="t", text=text, segments=(Segment("body", 0, len(text)),), content_hash="t",
                   published=date(2016, 6, 25))
    return settle_attackers(geocode_mentions(extractor.extract(doc).strikes, gaz, document_text=text))


def attackers(extractor, gaz, text: str) -> list[str | None]:
    return [m.attacker.code if m.attacker else None for m in strikes(extractor, gaz, text)]


def places(extractor, gaz, text: str) -> list[str]:
    return [m.place_text for m in strikes(extractor, gaz, text)]


# ------------------------------------------------------------- ACLED's names of state forces


@pytest.mark.parametrize(("text", "code"), [
    # a state's forces striking abroad are that state's, not the territory's
    ("On 21 June, Military Forces of Kenya (2013-) airstrikes hit Al Shabaab positions in Jilib.", "KE"),
    ("Military Forces of Russia (2000-) airstrikes hit Kharkiv.", "RU"),
])
def test_acled_military_forces_of_a_state_are_that_state(extractor, gaz, text, code):
    assert attackers(extractor, gaz, text) == [code]


@pytest.mark.parametrize(("text", "code"), [
    ("Military Forces of Sudan (1989-2019) Antonov dropped bombs on Kauda, South Kordofan.", "SD"),
    ("Military Forces of Turkey (2016-) drones struck Qamishli.", "TR"),
])
def test_a_force_before_its_period_and_aircraft_is_the_attacker(extractor, gaz, text, code):
    assert attackers(extractor, gaz, text) == [code]


@pytest.mark.parametrize(("text", "code"), [
    ("Ethiopian AMISOM troops shelled Al Shabaab positions near Halgan, Hiraan region.", "ET"),
    ("Kenyan AMISOM forces shelled Al Shabaab positions near Kismayo.", "KE"),
])
def test_a_contingent_named_by_its_state_is_that_state(extractor, gaz, text, code):
    assert attackers(extractor, gaz, text) == [code]


# ------------------------------------------------------------- groups no report names, rebels


@pytest.mark.parametrize("text", [
    "Unidentified Armed Group (Somalia) fired mortar shells at Balcad town.",
    "Unknown gunmen fired rockets at Baghdad airport.",
])
def test_an_unidentified_armed_group_is_unidentified(extractor, gaz, text):
    [m] = strikes(extractor, gaz, text)
    assert m.attacker is not None and m.attacker.name == "unidentified armed group"


@pytest.mark.parametrize(("text", "code"), [
    ("Insurgents fired mortars at Mocimboa da Praia.", "rebels (unidentified armed group)"),
    ("M23 rebels shelled Bunagana, North Kivu; 2 civilians killed.", "M23"),
    ("Rebels shelled the New Aleppo district of Aleppo.", "Syrian rebels"),
])
def test_rebels_are_the_rebels_of_the_war_the_strike_is_in(extractor, gaz, text, code):
    assert attackers(extractor, gaz, text) == [code]


# ------------------------------------------------------------------- places and their units


@pytest.mark.parametrize(("text", "place", "unit"), [
    ("SAF shelled SPLM-N positions around Heiban, South Kordofan.", "Heiban, South Kordofan",
     "Southern Kordofan"),
    ("Helicopter gunships of the Sudanese air force fired on Sortony, North Darfur.",
     "Sortony, North Darfur", "Northern Darfur"),
    ("Nigerian Air Force jets bombed Boko Haram hideouts in Sambisa forest, Borno.",
     "Sambisa forest, Borno", "Borno"),
    ("US drones struck Al-Saeed, Shabwah.", "Al-Saeed, Shabwah", "Shabwah"),
    ("Russian forces shelled Nova Dmytrivka, Kharkiv.", "Nova Dmytrivka", "Kharkiv"),
])
def test_a_name_the_gazetteer_lacks_keeps_its_unit(extractor, gaz, text, place, unit):
    [m] = strikes(extractor, gaz, text)
    assert m.place_text == place and m.place is not None and m.place.admin1 == unit


@pytest.mark.parametrize(("text", "place"), [
    ("Bunyan al-Marsous forces fired artillery at IS positions in the Giza Bahriya district "
     "(Sirte); 5 IS fighters killed.", "Giza Bahriya district"),
    ("Saudi-led coalition jets bombed the Al-Hashwa area (Saada); 3 killed.", "Al-Hashwa area"),
])
def test_a_district_before_its_town_in_brackets_is_the_place(extractor, gaz, text, place):
    assert places(extractor, gaz, text) == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("Air forces launched attacks at a Boko Haram camp near Malam Fatori, Borno, killing 12.", "Malam Fatori"),
    ("Saudi-led coalition aircraft struck a Houthi camp near Saada.", "Saada"),
])
def test_a_forces_site_is_no_place_name(extractor, gaz, text, place):
    assert places(extractor, gaz, text) == [place]


def test_a_capitals_district_is_a_place_name(extractor, gaz):
    assert "Moscow City" in places(extractor, gaz, "A drone attack targeted the Moscow City towers.")


# ---------------------------------------------------------------------- what is no strike


@pytest.mark.parametrize("text", [
    "Police Forces of Nigeria fired tear gas at Shiite protesters in Kaduna; 2 killed.",
    "Iraqi security forces fired tear gas at protesters in Tahrir Square in Baghdad.",
    "Security forces fired live rounds at demonstrators in Khartoum.",
])
def test_crowd_control_is_no_strike(extractor, gaz, text):
    assert places(extractor, gaz, text) == []


@pytest.mark.parametrize("text", [
    "Military forces attacked Boko Haram positions in Damboa with guns, killing 5.",
    "Syrian government forces attacked Harasta with rifles and tanks.",
])
def test_an_attack_with_hand_arms_is_no_strike(extractor, gaz, text):
    assert places(extractor, gaz, text) == []


def test_aircraft_attacking_with_machine_guns_strike(extractor, gaz):
    assert places(extractor, gaz, "Army helicopters attacked an IS convoy near Raqqa with machine guns.") \
        == ["Raqqa"]


@pytest.mark.parametrize("text", [
    "A roadside bomb hit an SNA vehicle near Marka, Lower Shabelle; 3 soldiers killed.",
    "A roadside bomb hit a police patrol in Kirkuk.",
])
def test_a_roadside_bomb_is_no_strike(extractor, gaz, text):
    assert places(extractor, gaz, text) == []


# -------------------------------------------------------------- aircraft and munitions named


@pytest.mark.parametrize(("text", "place"), [
    ("An Antonov dropped bombs on Kauda, South Kordofan.", "Kauda, South Kordofan"),
    ("Russian Mi-24s fired rockets at Avdiivka.", "Avdiivka"),
    ("Al Shabaab fired mortar rounds at Afgooye.", "Afgooye"),
    ("Houthis fired mortar rounds at Taiz.", "Taiz"),
])
def test_aircraft_and_munitions_of_these_wars(extractor, gaz, text, place):
    assert places(extractor, gaz, text) == [place]
