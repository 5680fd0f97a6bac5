"""What press offices' releases and channels' posts tell: faults the lead found feeding
strikewatch the releases of militaries and ministries (US Central and Africa Commands, the
Israeli army, Turkey's defence ministry, Russia's and Ukraine's daily reports, the Saudi-led
coalition, Sudan's and Myanmar's armies) and the posts of civil defences, lawyers' groups and
regional administrations as a new user would, each fixed at its cause and pinned on sentences
of two wars at least. The releases are written for these tests in the shape such releases take;
none is copied from a corpus or a real release.
"""

from __future__ import annotations

import pytest
from test_fusion_faults import _incidents
from test_sweep_sources import read

US, IDF = "United States Armed Forces", "Israel Defense Forces"


def _places(extractor, text: str, day: str = "2024-02-04", title: str | None = None):
    return {c.place: c for c in read(extractor, text, day, title=title).strikes}


# ------------------------------------------- "The strikes targeted ...": the strikes just told

CENTCOM = (
    "TAMPA, Fla. - On Feb. 3 at approximately 11:30 p.m. (Sanaa time), U.S. Central Command "
    "(CENTCOM) forces conducted strikes against 36 Houthi targets in Yemen in response to "
    "continued Houthi attacks against commercial shipping in the Red Sea.\n\n"
    "The strikes targeted multiple underground storage facilities, command and control sites, "
    "missile systems and radars near Sanaa, Hodeidah and Dhamar.\n\n"
    "These strikes are separate and distinct from the multinational freedom of navigation "
    "operation in the Red Sea.")
LEBANON = (
    "Israeli warplanes carried out a wave of strikes against Hezbollah targets in Lebanon on "
    "Tuesday, hours after rockets were fired at the Galilee.\n\n"
    "The strikes targeted weapons depots and launch sites near Nabatieh and Tyre, the "
    "military said in a statement.")


@pytest.mark.parametrize(("text", "places", "attacker"), [
    (CENTCOM, {"Sanaa", "Hodeidah", "Dhamar"}, US),
    (LEBANON, {"Nabatieh", "Tyre"}, IDF),
])
def test_the_strikes_a_release_told_with_no_place_are_placed_by_the_next_paragraph(
        extractor, text, places, attacker):
    found = _places(extractor, text)
    assert set(found) == places
    assert {c.attacker for c in found.values()} == {attacker}


@pytest.mark.xfail(strict=True, reason=(
    "the strikes' day, told in the paragraph before ('On Feb. 3 ...'), is not carried to the "
    "paragraph that places them: they take the release's day. Carrying it (the day of the "
    "strike with no place) cost fakes-heldout one false strike (P 0.552 -> 0.533), so it waits "
    "for a rule that tells the two apart"))
def test_the_strikes_just_told_keep_their_day_across_the_paragraph(extractor):
    assert {c.day for c in _places(extractor, CENTCOM).values()} == {"2024-02-03"}


# ------------------------------------------------------- a town that tells the hour is no place

@pytest.mark.parametrize(("text", "place"), [
    ("At 11:30 p.m. (Sanaa time), US and British strikes hit Houthi radar sites in Hodeidah.",
     "Hodeidah"),
    ("At 3 a.m. Kyiv time, Russian drones struck the port of Odesa, killing two.", "Odesa"),
])
def test_a_town_named_for_its_clock_is_not_a_strike_place(extractor, text, place):
    assert set(_places(extractor, text)) == {place}


# ------------------------------------------------------------- a ministry's "air operations"

@pytest.mark.parametrize(("text", "place", "country"), [
    ("In the air operations carried out in the Metina and Hakurk regions of northern Iraq, 14 "
     "PKK terrorists were neutralized, the Ministry of National Defence said on Monday.",
     "northern Iraq", "IQ"),
    ("The Nigerian Air Force said its air operations near Gwoza in Borno state killed scores of "
     "Boko Haram fighters on Tuesday.", "Gwoza", "NG"),
])
def test_a_ministry_s_air_operations_at_a_place_are_strikes(extractor, text, place, country):
    assert _places(extractor, text)[place].country == country


# -------------------------------------- a place's own container names its country in the story

@pytest.mark.parametrize(("text", "place", "country"), [
    # a release of strikes in two wars: the Lebanese villages the gazetteer lacks are not lost
    # to the Gaza strike's country
    ("IDF fighter jets struck Hezbollah infrastructure sites in the areas of Aitaroun and "
     "Kfarkela in southern Lebanon overnight.\n\nIn addition, the IDF struck a Hamas command "
     "centre inside a compound that previously served as a school in Nuseirat.",
     "Aitaroun", "LB"),
    ("RSF shelling killed five people in El Fasher on Monday. Separately, Sudanese army drones "
     "struck a fuel convoy near Tine in eastern Chad, witnesses said.", "Tine", "TD"),
])
def test_a_country_written_after_a_place_is_the_place_s(extractor, text, place, country):
    assert _places(extractor, text)[place].country == country


@pytest.mark.parametrize(("text", "place", "country"), [
    # a country after a comma that speaks is the voice, not the container
    ("Russian missiles hit Kharkiv, killing three. Russian drones also hit Odesa, Russia said.",
     "Odesa", "UA"),
    # a nationality after "in" names who holds it, not where it is
    ("Ukrainian drones struck a fuel depot in Russian-occupied Donetsk, Ukraine's military "
     "said.", "Donetsk", "UA"),
])
def test_a_speaker_or_a_nationality_after_a_place_is_no_container(extractor, text, place, country):
    assert _places(extractor, text)[place].country == country


# ------------------------------------- "repelled an attack by the RSF": another side's act

@pytest.mark.parametrize(("text", "place", "attacker"), [
    ("The Sudanese Armed Forces said in a statement on Sunday that its forces repelled an "
     "attack by the Rapid Support Forces militia on El Fasher from the east and south, and that "
     "its air force struck RSF gatherings near Mellit, killing dozens.", "Mellit",
     "Sudanese Armed Forces"),
    ("The Syrian army said in a statement that its forces repelled an attack by Hayat Tahrir "
     "al-Sham on Saraqeb from the east, and that its air force struck HTS gatherings near "
     "Maarat al-Numan, killing dozens.", "Maarat al-Numan", "Syrian Government Forces"),
])
def test_an_attack_a_voice_repelled_is_not_its_own_strike(extractor, text, place, attacker):
    found = read(extractor, text, "2024-09-22").strikes
    assert [(c.place, c.attacker) for c in found] == [(place, attacker)]


def test_a_drone_attack_a_voice_repelled_is_still_a_strike(extractor):
    found = _places(extractor, "The Houthis said they repelled a drone attack by Saudi-led "
                               "coalition forces on Saada.")
    assert found["Saada"].attacker == "Saudi-led Coalition"


# ------------------------------- a release's toll in a paragraph of its own: "the strike killed"

AFRICOM = (
    "MOGADISHU, Somalia - At the request of the Federal Government of Somalia, U.S. Africa "
    "Command conducted a collective self-defense airstrike against al-Shabaab fighters in a "
    "remote area approximately 40 kilometers northeast of Kismayo on Aug. 19, 2023.\n\n"
    "The command's initial assessment is that the strike killed three al-Shabaab fighters. Given "
    "the remote nature of where this operation occurred, U.S. Africa Command assesses that no "
    "civilians were injured or killed.")
HAJIN = (
    "US-led coalition aircraft struck an ISIS command post in a remote area about 30 kilometers "
    "east of Hajin on Monday, the coalition said in a statement released in Baghdad on Tuesday "
    "evening, along with figures for the week.\n\n"
    "The initial assessment is that the strike killed four ISIS fighters. Given the remote "
    "location of the command post, far from any village, the coalition assesses that no "
    "civilians were harmed, the statement added.")
AFTERMATH = (
    "Russian missiles struck an industrial area on the edge of Dnipro early on Friday, setting "
    "a warehouse on fire, the regional governor said in a message on Telegram.\n\n"
    "Twelve people were killed in a separate attack in Kharkiv region, officials said. The "
    "governor gave no further details of either attack.")


@pytest.mark.parametrize(("text", "place", "killed"), [
    (AFRICOM, "Kismayo", (3, 3)),
    (HAJIN, "Hajin", (4, 4)),
    # a bare toll in the next paragraph that points back to no strike stays no one's
    (AFTERMATH, "Dnipro", (None, None)),
])
def test_a_toll_told_in_the_next_paragraph_of_the_strike_is_its(extractor, text, place, killed):
    assert _places(extractor, text, "2023-08-21")[place].killed == killed


# --------------------------------------- a release's outlet is the attacker's own acknowledgment

def _grades(tmp_path, extractor, text: str, source: str, published: str) -> dict[str, str]:
    found = _incidents(tmp_path, extractor, text, published, "", source=source)
    return {i["location"]["name"]: i["grade"] for i in found}


@pytest.mark.parametrize(("text", "source", "published", "grade"), [
    (CENTCOM, "U.S. Central Command", "2024-02-04", "confirmed"),
    (CENTCOM, "Reuters", "2024-02-04", "weak"),
    (AFRICOM, "U.S. Africa Command", "2023-08-21", "confirmed"),
    (LEBANON, "Israel Defense Forces", "2024-02-04", "confirmed"),
])
def test_a_command_s_own_release_acknowledges_its_strikes(tmp_path, extractor, text, source,
                                                          published, grade):
    assert set(_grades(tmp_path, extractor, text, source, published).values()) == {grade}


@pytest.mark.parametrize(("text", "attacker"), [
    ("The Israel Defense Forces said its jets struck Hezbollah sites in Baalbek.", IDF),
    ("The Sudanese Armed Forces said its jets struck RSF positions in Nyala.",
     "Sudanese Armed Forces"),
])
def test_a_force_speaking_under_its_registry_name_is_its_own_voice(extractor, text, attacker):
    (coded,) = read(extractor, text, "2024-07-09").strikes
    assert (coded.attacker, coded.claimed) == (attacker, True)


# ------------------------------------- a channel's word for the other side: "the occupation"

@pytest.mark.parametrize(("text", "place", "attacker"), [
    ("Civil Defence: 4 martyrs and several injured after the occupation bombed a house "
     "belonging to a family in the Al-Daraj neighbourhood, east of Gaza City.",
     "Al-Daraj neighbourhood", IDF),
    ("Occupation warplanes launched two raids on the town of Aitaroun in southern Lebanon, the "
     "National News Agency reported.", "Aitaroun", IDF),
    ("The occupiers shelled Nikopol with heavy artillery overnight, wounding two.", "Nikopol",
     "Russian Armed Forces"),
])
def test_the_occupation_is_the_occupying_side_where_the_strike_fell(extractor, text, place,
                                                                    attacker):
    assert _places(extractor, text, "2024-10-14")[place].attacker == attacker


# ------------------------ a landmark named for a state or beside a venue is no country, no venue

@pytest.mark.parametrize(("text", "place", "country"), [
    ("An Israeli drone targeted a group of citizens near the Kuwaiti roundabout, south of Gaza "
     "City.", "Gaza City", "PS"),
    ("Shelling hit the area near the Saudi roundabout in Taiz, killing two children.", "Taiz",
     "YE"),
    # a thing hit beside an embassy: the embassy's town is where the strike fell
    ("A Russian missile hit a residential block near the Turkish embassy in Kyiv.", "Kyiv", "UA"),
    ("An Israeli strike hit a car outside the Iranian embassy in Damascus, killing two.",
     "Damascus", "SY"),
])
def test_a_landmark_s_state_and_a_venue_beside_the_hit_do_not_move_the_strike(
        extractor, text, place, country):
    assert _places(extractor, text, "2024-10-14")[place].country == country


def test_people_gathered_by_an_embassy_are_no_strike_there(extractor):
    assert _places(extractor, "Hundreds of protesters gathered near the Russian embassy in "
                              "London on Sunday to denounce the war.", "2024-10-14") == {}


# ------------------------------------------- a report's title names its country, not a place

@pytest.mark.parametrize("title", ["Sudan: Situation Report", "Gaza: Flash Update #166",
                                   "Yemen Weekly Bulletin"])
def test_a_report_s_kind_in_its_title_makes_it_no_place_title(title):
    from strikewatch.extract.items import is_place_title
    from strikewatch.lexicons import load_lexicons
    assert not is_place_title(title, load_lexicons())


# ------------------------------------------------- a list's bullet is no part of the first name

@pytest.mark.parametrize(("text", "places"), [
    ("HIGHLIGHTS\n- Drone strikes reportedly targeted the Merowe Dam power station in Northern "
     "State on 5 February, causing power outages in several states.\n- Humanitarian partners "
     "scale up response in Kassala.", {"Merowe Dam"}),
    ("- Drone strikes hit Kherson overnight, the governor said.\n- Shelling wounded two people "
     "in Nikopol.", {"Kherson", "Nikopol"}),
])
def test_a_report_s_bullet_is_cut_before_the_parse(extractor, text, places):
    assert set(_places(extractor, text, "2025-02-06")) == places
