"""Strikes told by what they left: captions of footage and incident-log lines that report a
strike by its damage, a fire, smoke or rubble, with no weapon named (triggers.yaml
effects_in_short_items). Each way is tested on a line from Ukraine and one from another war,
and against the fires, demolitions, riots and ground fighting that leave the same marks.

The sentences are written for these tests in the shape such lines take; none is copied from
a corpus.
"""

from __future__ import annotations

import pytest


from test_extract_wars import item, places


# ---------------------------------------------------------------- damage and destruction


@pytest.mark.parametrize(("text", "place"), [
    ("Damage to a kindergarten in Kupiansk.", "Kupiansk"),
    ("Heavy damage to the covered market in Saada.", "Saada"),
    ("Destruction in the centre of Sievierodonetsk.", "Sievierodonetsk"),
    ("Destruction of the main water station in Deir al-Balah.", "Deir al-Balah"),
])
def test_damage_and_destruction_at_a_place_tell_a_strike(extractor, text, place):
    assert places(extractor, text) == [place]


@pytest.mark.parametrize(("title", "text"), [
    ("Chuhuiv", "Damage to what appears to be a residential block."),
    ("Al-Bab", "Heavy damage to a bakery and nearby shops."),
])
def test_damage_under_a_place_title_is_placed_by_the_title(extractor, title, text):
    assert places(extractor, text, title=title) == [title]


@pytest.mark.parametrize(("text", "place"), [
    ("Destroyed school building in Orikhiv.", "Orikhiv"),
    ("Apartment block damaged in Kramatorsk.", "Kramatorsk"),
    ("Destroyed homes in Rafah.", "Rafah"),
    ("The pumping station was damaged in Hodeidah.", "Hodeidah"),
])
def test_a_damaged_or_destroyed_building_tells_a_strike(extractor, text, place):
    assert places(extractor, text) == [place]


@pytest.mark.parametrize(("title", "text"), [
    ("Okhtyrka", "Clinic damaged by what appears to be a rocket."),
    ("Douma", "Houses badly damaged by shelling."),
    ("Sumy", "Residential block damaged by explosions."),
    ("Marib", "Clinic damaged by an explosion."),
])
def test_damaged_by_a_weapon_is_a_strike(extractor, title, text):
    assert places(extractor, text, title=title) == [title]


# ---------------------------------------------------------------- fire, smoke, rubble


@pytest.mark.parametrize(("text", "place"), [
    ("Grain terminal in Izmail on fire", "Izmail"),
    ("Fuel depot in Aden on fire", "Aden"),
    ("Large fire at a fuel depot in Novoshakhtinsk", "Novoshakhtinsk"),
    ("Fire at the port of Latakia", "Latakia"),
    ("Plume of smoke rising over Melitopol", "Melitopol"),
    ("Thick smoke rising over Khan Younis", "Khan Younis"),
    ("Rubble of a house in Nuseirat", "Nuseirat"),
    ("Debris scattered across a street in Bucha", "Bucha"),
])
def test_fire_smoke_and_rubble_tell_a_strike(extractor, text, place):
    assert places(extractor, text) == [place]


# ---------------------------------------------------------------- not strikes


@pytest.mark.parametrize("text", [
    "A fire broke out at a textile factory in Dhaka after a short circuit.",  # accident
    "Gas explosion and fire at an apartment block in Kryvyi Rih.",             # accident
    "Protesters set fire to the governor's office in Kassala.",               # riot (Sudan)
    "Demonstrators burned tyres and damaged shops in Nairobi.",               # riot (Kenya)
    "Houses destroyed in clashes between herders and farmers near Jos.",       # ground fighting
    "Homes demolished by bulldozers in Silwan.",                               # demolition
    "Shops damaged by flooding in Beledweyne.",                                # flood
    "No damage was reported in Zhytomyr.",                                     # nothing damaged
])
def test_fires_damage_and_ruin_with_another_cause_are_no_strike(extractor, text):
    assert places(extractor, text) == []


@pytest.mark.parametrize("text", [
    "Russian tank destroyed near Huliaipole.",
    "Two army technicals destroyed near Sirte.",
    "The battalion was almost completely destroyed near Vuhledar.",
])
def test_a_fighting_forces_losses_are_no_strike(extractor, text):
    assert places(extractor, text) == []


@pytest.mark.parametrize("text", [
    "Rebels destroyed the bridge near Kidal.",
    "Separatist forces destroyed a checkpoint near Mariinka.",
    "Gunmen destroyed a telecom mast near Baidoa.",
    "Students destroyed property at a vocational college in Gulu.",
])
def test_a_participle_with_a_doer_is_that_doers_act(extractor, text):
    assert places(extractor, text) == []


@pytest.mark.parametrize(("title", "text"), [
    ("Vilniansk", "Destroyed residential house; two people reported dead."),
    ("Sheikh Radwan", "destroyed apartment building."),
])
def test_a_captions_participle_with_an_object_is_no_doers_act(extractor, title, text):
    assert places(extractor, text, title=title) == [title]


@pytest.mark.parametrize(("text", "place"), [
    ("Video showing destroyed buildings in Borodianka.", "Borodianka"),
    ("Footage showing destroyed homes in Beit Hanoun.", "Beit Hanoun"),
])
def test_a_captions_medium_is_no_doer(extractor, text, place):
    assert places(extractor, text) == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("Fuel tanks and an oil depot on fire in Rovenky.", "Rovenky"),
    ("Water tanks on the roof of a hospital in Khan Younis damaged.", "Khan Younis"),
])
def test_a_fuel_or_water_tank_is_no_armoured_vehicle(extractor, text, place):
    assert places(extractor, text) == [place]


@pytest.mark.parametrize("text", [
    "Soldier killed by enemy fire near Avdiivka.",     # a weapon's fire, ground fighting
    "Patrol came under fire near Gao.",
    "Fire station reopened in Irpin.",                 # a noun naming something else
    "Over 100 fire missions completed near Bakhmut.",
])
def test_a_weapons_fire_or_a_compound_is_no_blaze(extractor, text):
    assert places(extractor, text) == []


def test_in_an_article_damage_is_no_strike_word(extractor):
    filler = " ".join(["The ministry gave no further details of the reconstruction talks."] * 8)
    text = f"{filler}\n\nDamage to the old bridge in Mostar was repaired after the war."
    assert places(extractor, text) == []


def test_an_effect_names_no_attacker(extractor):
    # what was hit is the Russian depot: Russia is not who struck it
    found = extractor.extract(item("Russian ammunition depot in Dzhankoi on fire")).strikes
    assert [m.place_text for m in found] == ["Dzhankoi"]
    assert found[0].attacker is None


# ---------------------------------------------------------------- a munition where it fell


@pytest.mark.parametrize(("text", "place"), [
    ("Rocket motor embedded in a playground in Kharkiv.", "Kharkiv"),
    ("Remains of a Grad rocket in the yard of a school in Hama", "Hama"),
    ("Remnants of a cluster munition beside a home in Izium.", "Izium"),
    ("Unexploded mortar shell lying in a street of Douma.", "Douma"),
    ("Tochka-U rocket in a courtyard in Mariupol", "Mariupol"),
    ("Missile casing stuck in a field near Kherson", "Kherson"),
])
def test_a_munition_where_it_fell_tells_a_strike(extractor, text, place):
    assert places(extractor, text) == [place]


@pytest.mark.parametrize("text", [
    "Cluster munitions in a warehouse in Idlib.",    # stored (Syria)
    "Rockets seized near Tobruk.",                   # seized (Libya)
    "Rockets for Kyiv",                              # a delivery, no place where it lies
    "Missile casings displayed at an exhibition in Kyiv.",
])
def test_a_munition_stored_seized_or_shipped_is_no_strike(extractor, text):
    assert places(extractor, text) == []
