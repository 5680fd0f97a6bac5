"""What live blogs and their statements tell: faults the lead found feeding live pages of the
wars in Ukraine, Gaza and Lebanon to strikewatch as a new user would (summary bullets, posts
under a time and a heading, a ministry's line on its own strikes), each fixed at its cause and
pinned on sentences of two wars at least. The sentences are written for these tests in the
shape such pages take; none is copied from a corpus.
"""

from __future__ import annotations

import pytest
from test_fusion_faults import incidents_of  # noqa: F401 - a fixture
from test_sweep_sources import read


def _about(extractor, text: str) -> list[str | None]:
    return [c.about for c in read(extractor, text, "2025-03-14").claims]


# --------------------------------- a claim is about the strikes its speaker's side carried out

@pytest.mark.parametrize(("text", "about"), [
    # the side named inside what was hit, however deep, is not the side that struck
    ("Russia's defence ministry said its forces carried out a massive strike with long-range "
     "precision weapons on energy facilities that supply the Ukrainian military-industrial "
     "complex.", "RU"),
    ("Ukraine's General Staff later confirmed the strike on the refinery, which it said "
     "supplies fuel to the Russian army.", "UA"),
    ("The Israeli military said it had struck a Hezbollah weapons depot near the Iranian "
     "consulate.", "IL"),
    ("US Central Command said its forces struck Houthi radar sites that had targeted American "
     "ships in the Red Sea.", "US"),
    # a state's name on a landmark near the strike is whose the landmark is
    ("Israeli officials said one man was killed when the drone struck an apartment building "
     "near the US embassy branch office.", None),
    ("Residents said the missile hit a residential block near the Turkish embassy in Kyiv.", None),
    # a government's voice on its own strike: "Russia says it struck ..."
    ("Russia says it struck Ukrainian energy sites", "RU"),
    ("The Kremlin said it struck Ukrainian energy facilities overnight.", "RU"),
    ("Turkey said it hit Kurdish militant positions in northern Iraq.", "TR"),
    # an armed group's own attack is about no state, whatever flag the target flies
    ("The Houthis said they launched an attack on an oil tanker bound for Israeli ports.", None),
])
def test_a_claim_is_about_the_side_that_struck_not_the_side_named_in_what_was_hit(
        extractor, text, about):
    assert _about(extractor, text) == [about]


@pytest.mark.parametrize(("text", "about"), [
    ("The Syrian Observatory said strikes on Idlib by Russian jets killed 12 people.", "RU"),
    ("Ukrainian officials said attacks on Kharkiv by Russian glide bombs wounded eight people.",
     "RU"),
])
def test_a_force_named_by_by_after_what_was_hit_is_still_the_one_that_struck(
        extractor, text, about):
    assert _about(extractor, text) == [about]


# ------------------------------------ a place its own words put in another country is there

@pytest.mark.parametrize(("text", "place", "country"), [
    ("Israeli tanks shelled the eastern areas of Khan Younis, killing eight people, medics said. "
     "An Israeli strike on Friday killed a commander in the southern Lebanese town of Naqoura.",
     "Naqoura", "LB"),
    ("RSF shelling hit Kutum, killing 3. A stray shell hit the Chadian town of Tine, killing a "
     "child.", "Tine", None),  # Chad's Tine is not in cities500: unplaced, never in Darfur
])
def test_a_town_its_own_words_put_abroad_is_not_in_the_story_s_province(
        extractor, text, place, country):
    coded = {c.place: c for c in read(extractor, text, "2024-07-20").strikes}
    assert coded[place].country == country
    assert coded[place].admin1 not in ("Gaza Strip", "Northern Darfur")


# ------------------------------------------ "Israel said it struck": the state's own voice

@pytest.mark.parametrize(("text", "place", "attacker"), [
    ("Israel said it struck Hezbollah targets in Baalbek.", "Baalbek", "Israel Defense Forces"),
    ("Ukraine said it struck a refinery in Ryazan.", "Ryazan", "Armed Forces of Ukraine"),
    ("Turkey said it struck PKK targets in Duhok.", "Duhok", "Turkish Armed Forces"),
    ("Sudan said it struck RSF positions in Nyala.", "Nyala", "Sudanese Armed Forces"),
    ("Israel said its jets struck Hezbollah targets in Baalbek.", "Baalbek",
     "Israel Defense Forces"),
])
def test_a_state_named_alone_speaks_of_its_own_forces_strikes(extractor, text, place, attacker):
    (coded,) = read(extractor, text, "2025-03-14").strikes
    assert (coded.place, coded.attacker) == (place, attacker)
    assert [c.about for c in read(extractor, text, "2025-03-14").claims] == [coded.attacker_country]


def test_a_state_named_alone_reporting_the_other_side_s_strike_is_about_that_side(extractor):
    (claim,) = read(extractor, "Ukraine said Russia launched 120 drones at Kyiv overnight.",
                    "2025-03-14").claims
    assert (claim.org, claim.about) == ("Government of Ukraine", "RU")


# --------------------------------------------------- a thing's given name is not a place

@pytest.mark.parametrize(("text", "places"), [
    ("Yemen's Houthis said they targeted Tel Aviv with a new drone called \"Yafa\".",
     ["Tel Aviv"]),  # Yafa: Jaffa
    ("Russia fired a missile dubbed Oreshnik at Dnipro, the air force said.", ["Dnipro"]),
])
def test_the_name_given_to_a_weapon_is_no_strike_place(extractor, text, places):
    assert [c.place for c in read(extractor, text, "2025-03-14").strikes] == places


# ------------------------- a post's heading and its paragraph tell one strike, site or no site

@pytest.mark.parametrize(("title", "text", "want"), [
    ("Russia-Ukraine war live: Drone attack on Odesa port kills two",
     "Two killed in drone attack on Odesa port\n\nA Russian drone attack on the port of Odesa "
     "overnight killed two workers and wounded five others, the regional governor said.",
     [("Odesa", "Russian Armed Forces", 2)]),
    ("Israel-Gaza live",
     "Strike on school in Nuseirat kills nine\n\nAn Israeli air strike hit a school sheltering "
     "displaced families in the Nuseirat refugee camp, killing nine people, the Civil Defence "
     "said.", [("An Nuşayrāt", "Israel Defense Forces", 9)]),
    # two sites of one town stay two strikes
    ("Yemen live", "Strikes on Hodeidah port\n\nUS warplanes struck Hodeidah port overnight, "
     "killing three dock workers, the Houthi-run health ministry said. Separately, Houthi media "
     "said US jets hit Hodeidah airport.",
     [("Al Ḩudaydah", "United States Armed Forces", 3),
      ("Al Ḩudaydah", "United States Armed Forces", None)]),
])
def test_a_town_s_strike_told_with_its_site_and_without_is_one_incident(
        incidents_of, title, text, want):
    got = [(i["location"]["name"], i["attacker"]["name"], i["fatalities"]["min"])
           for i in incidents_of(text, "2025-03-14", title)]
    assert sorted(got, key=str) == sorted(want, key=str)


# ------------------------------ a sentence telling two sides' strikes keeps them apart in place

@pytest.mark.parametrize(("text", "place", "killed", "other", "other_killed"), [
    ("Shelling by the paramilitary Rapid Support Forces (RSF) on the Abu Shouk displacement "
     "camp near El Fasher killed at least 14 people on Sunday, the camp's emergency response "
     "room said, as the army carried out air strikes on the RSF-held city of Nyala.",
     "Abu Shouk displacement camp", (14, None), "Nyala", (None, None)),
    ("Israeli shelling of the Mawasi area killed 11 people in Khan Younis, as Hamas fighters "
     "fired rockets at Sderot.", "Khan Younis", (11, 11), "Sderot", (None, None)),
])
def test_a_part_named_beside_another_side_s_town_is_not_folded_into_it(
        extractor, text, place, killed, other, other_killed):
    coded = {c.place: c for c in read(extractor, text, "2025-02-10").strikes}
    assert (coded[place].killed, coded[other].killed) == (killed, other_killed)
    assert coded[place].country == "SD" if "Fasher" in text else coded[place].admin1 == "Gaza Strip"


def test_a_district_is_neither_folded_into_nor_placed_at_another_side_s_strike(extractor):
    text = ("Russian shelling of the Saltivka district killed three people, as Ukrainian drones "
            "struck a depot in Belgorod.")
    coded = {c.place: c for c in read(extractor, text, "2025-02-10").strikes}
    assert coded["Saltivka district"].killed == (3, 3)
    assert coded["Saltivka district"].admin1 != "Belgorod"
    assert coded["Belgorod"].killed == (None, None)  # the Russian shelling's dead are not its


# ------------------------------------------- a body of a state named by its possessive is its

@pytest.mark.parametrize(("text", "org"), [
    ("Russia's Ministry of Defence said its air defence units destroyed 31 Ukrainian drones over "
     "the Belgorod region.", "Ministry of Defence of Russia"),
    ("Israel's Ministry of Defence said its jets struck Beirut.", "Israeli Ministry of Defense"),
    ("The Ministry of Defence said RAF Typhoons struck an IS target near Raqqa.",
     "UK Ministry of Defence"),  # the UK's own name for its ministry
])
def test_a_ministry_named_with_its_state_s_possessive_is_that_state_s(extractor, text, org):
    assert [c.org for c in read(extractor, text, "2025-03-16").claims] == [org]


# ------------------ "its forces hit ...": the voice's own strike, whoever struck just before

@pytest.mark.parametrize(("text", "place", "attacker"), [
    ("Russian drones struck Kharkiv, killing two. Ukraine's General Staff said its forces hit a "
     "Russian command post near the village of Kurakhove.", "Kurakhove", "Armed Forces of Ukraine"),
    ("RSF drones struck Port Sudan, killing four. The Sudanese army said its aircraft struck RSF "
     "positions near Nyala.", "Nyala", "Sudanese Armed Forces"),
    # the other side's fire told by the voice it hit stays the other side's
    ("Iran fired 180 missiles at Israel. One hit a school in Gedera, the Israeli army said.",
     "Gedera", "Iranian Armed Forces"),
])
def test_a_voice_telling_of_its_own_forces_strike_names_its_attacker(
        extractor, text, place, attacker):
    coded = {c.place: c for c in read(extractor, text, "2025-03-16").strikes}
    assert coded[place].attacker == attacker


@pytest.mark.parametrize(("text", "place", "attacker"), [
    ("A Ukrainian drone attack set fire to an oil depot in Russia's Krasnodar region, officials "
     "said.\n\nUkraine's General Staff said its forces hit a Russian command post near the village "
     "of Kurakhove.", "Kurakhove", "Armed Forces of Ukraine"),
    ("Israeli jets struck Hezbollah sites in the Bekaa valley in Lebanon, the army said.\n\nThe "
     "Israeli army said its forces struck a Hamas cell near Khan Younis.", "Khan Younis",
     "Israel Defense Forces"),
])
def test_a_voice_s_own_strike_on_its_state_s_soil_keeps_its_attacker(
        extractor, text, place, attacker):
    """A story where a side strikes across a border, then tells of its own strike at home
    (ground the other side holds): that fire did not come the other way."""
    coded = {c.place: c for c in read(extractor, text, "2025-03-16").strikes}
    assert coded[place].attacker == attacker


# --------------- a town beside another side's province in one sentence stays a town

@pytest.mark.parametrize(("text", "town"), [
    ("Russian missiles hit Odesa, killing two, while Ukraine said it fired drones at Crimea.",
     "Odesa"),
    ("RSF drones hit Kassala, killing three, as the army bombed North Kordofan.", "Kassala"),
    ("Houthi missiles hit Marib, killing two, as US jets struck Saada governorate.", "Marib"),
])
def test_a_town_named_with_another_side_s_province_is_not_made_a_province(extractor, text, town):
    coded = {c.place: c for c in read(extractor, text, "2025-03-16").strikes}
    assert coded[town].precision == "point"


@pytest.mark.parametrize(("text", "place", "attacker"), [
    ("RSF drones hit Omdurman, killing three. The army said it shelled RSF positions in Nyala.",
     "Nyala", "Sudanese Armed Forces"),
    ("Al-Shabaab attacked a base in Baidoa. The army said it shelled militant positions near "
     "Bardere.", "Bardere", "Somali National Army"),
])
def test_a_force_word_speaking_of_its_own_strike_is_its_attacker(extractor, text, place, attacker):
    """"The army said it shelled ...": the army, settled by the strike's ground, not the side
    that struck in the sentence before."""
    coded = {c.place: c for c in read(extractor, text, "2025-03-16").strikes}
    assert coded[place].attacker == attacker
