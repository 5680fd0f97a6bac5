"""More wire stories, from wars no earlier story tried (issue 11): Libya, Mali, Burkina Faso,
Nigeria, DR Congo, Mozambique, Afghanistan and Pakistan, Turkey in Iraq and Syria, Iran and
Israel, India and Pakistan, the Red Sea, Colombia. Each fault found feeding them to strikewatch
as a new user would is fixed at its cause and pinned on stories from two wars at least; a fault
not fixed safely is a strict xfail saying what is wrong. The stories are written for these tests
in the shape wires take; none is copied from a corpus.
"""

from __future__ import annotations

import pytest
from test_sweep_sources import read


# ---------------------------------------- "the army said in a statement": the army speaks

@pytest.mark.parametrize(("text", "speaker"), [
    # Mali, Nigeria: a body named by its kind speaks; its statement is only the medium
    ("A drone strike by the Malian army killed at least 21 civilians in the Mopti region on "
     "Sunday, residents said.\n\nThe army said in a statement on Monday that it had hit a JNIM "
     "base in the area.", "The army"),
    ("A Nigerian Air Force strike killed at least 16 villagers in Zamfara state on Saturday, "
     "residents said.\n\nThe air force said in a statement it had conducted an air "
     "interdiction against bandits in the area.", "The air force"),
])
def test_a_body_named_by_its_kind_speaks_in_its_statement(extractor, text, speaker):
    speakers = [c.speaker for c in read(extractor, text, "2025-03-19").claims]
    assert speaker in speakers and "statement" not in speakers


# --------------------------------------- "a military source" is no one state's ministry

@pytest.mark.parametrize(("text", "about"), [
    ("Earlier on Friday, a Congolese army drone struck M23 positions near Sake, a military "
     "source said.", "CD"),                                                   # DR Congo
    ("A Sudanese army drone struck RSF positions near Nyala on Friday, a military source "
     "said.", "SD"),                                                          # Sudan
])
def test_a_military_source_outside_syria_is_not_syria_s_ministry(extractor, text, about):
    [claim] = read(extractor, text, "2024-05-04").claims
    assert (claim.speaker, claim.org, claim.about) == ("a military source", None, about)


def test_a_syrian_military_source_is_still_syria_s_ministry(extractor):  # Syria
    text = ("Israeli missiles hit an air base near Homs on Friday, a Syrian military source "
            "said.")
    [claim] = read(extractor, text, "2024-05-04").claims
    assert claim.org == "Syrian Ministry of Defence"


# ------------------------------------------ "in March", told in December, is this year's March

@pytest.mark.parametrize(("text", "published", "day"), [
    # Afghanistan-Pakistan, Sudan: a strike recalled by its month is in the past, not next year
    ("In March, Pakistani jets struck Khost province, killing eight people, the Taliban said at "
     "the time.", "2024-12-25", "2024-03-01"),
    ("In September, army jets struck a market in Nyala, killing 20 people, activists said.",
     "2024-02-10", "2023-09-01"),
])
def test_a_month_without_a_year_is_the_last_one_before_the_story(extractor, text, published, day):
    [coded] = read(extractor, text, published).strikes
    assert coded.day == day


# ------------------------------------------- a voice that counts its own soldiers was struck

@pytest.mark.parametrize("text", [
    # Libya, Sudan: the government or army tells of a strike on its base; it did not strike
    "A drone strike on the Al-Watiya airbase in western Libya killed four soldiers and wounded "
    "seven on Thursday, the Tripoli-based Government of National Unity said.",
    "A drone strike on an army base in Kosti killed five soldiers on Friday, the Sudanese army "
    "said.",
])
def test_a_strike_that_killed_the_voice_s_soldiers_is_not_its_own(extractor, text):
    [coded] = read(extractor, text, "2025-03-14").strikes
    assert (coded.attacker, coded.claimed) == (None, False)


@pytest.mark.parametrize(("text", "attacker"), [
    # Sudan, Ukraine: the dead are the enemy's, named so or by their side
    ("Army drones struck a rebel base in Kosti on Friday, killing 30 fighters, the Sudanese "
     "army said.", "Sudanese Armed Forces"),
    ("A strike on Pokrovsk killed 30 Ukrainian soldiers on Friday, the Russian defence ministry "
     "said.", "Russian Armed Forces"),
])
def test_a_voice_s_strike_on_the_enemy_s_men_stays_its_own(extractor, text, attacker):
    [coded] = read(extractor, text, "2024-05-04").strikes
    assert (coded.attacker, coded.claimed) == (attacker, True)


# ------------------------------------ the attack a strike answers is not the answering side's

@pytest.mark.parametrize("text", [
    # Turkey-Syria, Israel-Lebanon: the answer names no place; the attack answered is a raid
    # on the answering side's own city, which its voice does not claim
    "Turkey's defence ministry said its jets destroyed 32 targets belonging to the PKK and YPG "
    "in response to an attack on a defence company in Ankara on Wednesday that killed five "
    "people.",
    "Israel's military said its jets struck 40 Hezbollah targets in response to an attack on a "
    "base in Haifa on Wednesday that killed two soldiers.",
])
def test_the_attack_answered_is_no_strike_of_the_voice_that_answers(extractor, text):
    assert read(extractor, text, "2024-10-25").strikes == []


def test_a_strike_answered_by_its_named_force_stays(extractor):  # Lebanon
    text = ("Hezbollah said it fired rockets at Safed in retaliation for an Israeli strike on "
            "Nabatieh that killed three people.")
    coded = {c.place: c.attacker for c in read(extractor, text, "2024-10-25").strikes}
    assert coded.get("Nabatieh") == "Israel Defense Forces"


@pytest.mark.parametrize("text", [
    # DR Congo, Sudan: a government that condemns a strike did not carry it out
    "The U.S. State Department said it condemned the attack on the Mugunga camp near Goma, "
    "which it said came from positions held by the Rwanda Defence Force and M23.",
    "The French foreign ministry said it condemned the strike on a hospital in El Fasher.",
])
def test_a_government_that_condemns_a_strike_is_not_its_attacker(extractor, text):
    assert all(c.attacker is None and not c.claimed
               for c in read(extractor, text, "2024-05-04").strikes)
