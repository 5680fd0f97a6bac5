"""Places that went wrong in the sixteenth session (issue 11), each written as the analyst
codes it, its cause fixed where it lies, and each fix pinned on a sentence of a second war. The
sentences are written for these tests in the shapes such reports take; none is copied from a
corpus. A case still wrong is a strict xfail with the reason.
"""

from __future__ import annotations

import pytest
from test_known_places_8 import coded

# --------------------------- "a village called X": the kind of place, then the name it gives


@pytest.mark.parametrize(("text", "want"), [
    # Lebanon, Myanmar, Ukraine, Sudan: a naming verb after a kind of place introduces the
    # place as "the village of" does; the name was lost, or split into namesakes abroad
    ("An Israeli drone struck a house in a village called Aitaroun in south Lebanon, "
     "killing two.", ("Aitaroun", "LB", None, "region", "Aitaroun")),
    ("Junta jets bombed a village called Kan Thar Yar in Sagaing Region, killing five.",
     ("Kan Thar Yar", "MM", "Sagain", "admin1", "Kan Thar Yar")),
    ("Russian drones struck a village known as Mala Komyshuvakha in Kharkiv Oblast, "
     "killing two.", ("Mala Komyshuvakha", "UA", "Kharkiv", "admin1", "Mala Komyshuvakha")),
    ("RSF drones struck a village named Wad al-Noura in Gezira state, killing 40.",
     ("Wad al-Noura", "SD", "Al Jazirah", "admin1", "Wad al-Noura")),
])
def test_a_place_called_by_its_kind_keeps_its_name(extractor, text, want):
    assert coded(extractor, text) == [want]


def test_a_thing_called_by_a_name_is_still_no_place(extractor):
    # Gaza/Israel: the naming verb after a thing's noun gives the thing its name
    assert [c[0] for c in coded(extractor, "A new drone called Yafa struck Tel Aviv.")] \
        == ["Tel Aviv"]


# -------------------- two words the gazetteer lacks together, the first alone a town abroad


@pytest.mark.parametrize(("text", "want"), [
    # Lebanon (Kab, India), Syria (Ram, West Bank), Ukraine (Mala, Peru, and Komyshuvakha, a
    # second village): a village's two words were split at the town its first word names
    ("Israeli jets struck Kab Elias in the Bekaa, killing two.",
     [("Kab Elias", "LB", "Beqaa", "admin1", "Kab Elias")]),
    ("Regime jets bombed Ram Hamdan in Idlib province, killing two.",
     [("Ram Hamdan", "SY", "Idlib", "admin1", "Ram Hamdan")]),
    ("Russian drones struck Mala Komyshuvakha in Kharkiv Oblast, killing two.",
     [("Mala Komyshuvakha", "UA", "Kharkiv", "admin1", "Mala Komyshuvakha")]),
])
def test_a_village_whose_first_word_is_a_town_abroad_is_one_place(extractor, text, want):
    assert coded(extractor, text) == want


def test_a_village_whose_first_word_is_a_town_abroad_is_no_namesake_alone(extractor):
    # Lebanon with no country named: the village stays unresolved, not Kab in India
    assert coded(extractor, "Israeli jets struck Kab Elias, killing two.") \
        == [("Kab Elias", None, None, None, None)]


@pytest.mark.parametrize(("text", "want"), [
    # Syria: two towns of one country, the comma lost, stay two; a town then a day stays a town
    ("Russian shelling hit Homs Hama, killing two.", ["Homs", "Hama"]),
    ("Russian jets bombed Hama Tuesday, killing two.", ["Hama"]),
    # Ukraine: the same on a Ukrainian list and day
    ("Russian shelling hit Kupiansk Izium, killing two.", ["Kupiansk", "Izium"]),
    ("Russian drones struck Sumy Friday, killing two.", ["Sumy"]),
])
def test_two_towns_or_a_town_and_a_day_stay_apart(extractor, text, want):
    assert [c[0] for c in coded(extractor, text)] == want


# ------------- a city with its side or its part: the city, at the precision of that part


@pytest.mark.parametrize(("title", "text", "want"), [
    # Lebanon, Sudan, Ukraine: a title that is a city, a compass word and a part's noun was no
    # place title (the compass word is lower case), and the geocoder took only a leading
    # compass word off a name; now the city's side is read as "the southern outskirts of X"
    ("Beirut southern suburbs", "An Israeli drone struck a car, killing two.",
     ("Beirut southern suburbs", "LB", "Mont-Liban", "admin2", None)),
    ("Khartoum southern outskirts", "RSF drones struck a market, killing two.",
     ("Khartoum southern outskirts", "SD", "Khartoum", "admin2", None)),
    ("Kharkiv northern outskirts", "Russian shelling hit a house, killing two.",
     ("Kharkiv northern outskirts", "UA", "Kharkiv", "admin2", None)),
])
def test_a_title_naming_a_city_s_side_is_the_city(extractor, title, text, want):
    assert coded(extractor, text, title=title) == [want]


@pytest.mark.parametrize(("title", "text", "want"), [
    # Ukraine: "residential area" after a district's name is a named part of the city (a
    # point, as a neighbourhood), not "area" around a place called "Saltivka residential"
    (None, "Russian missiles hit the Saltivka residential area of Kharkiv, killing two.",
     ("Saltivka residential area", "UA", "Kharkiv", "point", None)),
    ("Kharkiv", "Russian missiles hit the Saltivka residential area, killing two.",
     ("Saltivka residential area", "UA", "Kharkiv", "point", None)),
    # Ukraine: a part of the city named after a town abroad (Zhukovsky, Moscow Oblast) is the
    # title's city's part, not the town abroad
    ("Kharkiv", "Russian missiles hit the Zhukovsky residential area, killing two.",
     ("Kharkiv", "UA", "Kharkiv", "point", None)),
])
def test_a_residential_area_is_a_part_of_its_city(extractor, title, text, want):
    assert coded(extractor, text, title=title) == [want]


def test_a_title_s_person_word_before_a_part_s_noun_opens_a_place(extractor):
    # Gaza: "Sheikh" is a person's title to the tagger; before "residential area" it opens a
    # neighbourhood's name, which no strike sentence lost before
    assert [c[0] for c in coded(
        extractor, "Israeli jets struck the Sheikh Radwan residential area, killing two.")] \
        == ["Sheikh Radwan residential area"]


@pytest.mark.xfail(strict=True, reason=(
    "a part of the title's city that the gazetteer lacks is replaced by the title's place "
    "(sentence._where): the strike is coded to the city at point, but the part's name as "
    "written is lost, since the geocoder is never told that the title holds it"))
@pytest.mark.parametrize(("title", "text", "want"), [
    ("Gaza City", "Israeli jets struck the Sheikh Radwan residential area, killing two.",
     ("Sheikh Radwan residential area", "PS", "Gaza Strip", "point", "Sheikh Radwan")),
    ("Kharkiv", "Russian missiles hit the Zhukovsky residential area, killing two.",
     ("Zhukovsky residential area", "UA", "Kharkiv", "point", "Zhukovsky")),
])
def test_a_part_the_gazetteer_lacks_keeps_its_name_under_its_city(extractor, title, text, want):
    assert coded(extractor, text, title=title) == [want]


# -------------------------- airports and air bases named after people are no towns


@pytest.mark.parametrize(("text", "want"), [
    # Israel: "Ben" was read as Benin's code (BEN) and dropped, leaving "Gurion airport"
    ("Houthi drones struck Ben Gurion airport, wounding two.",
     ("Ben Gurion airport", "IL", "Central District")),
    # Saudi Arabia: "King" is a person's title; before "air base" it opens the base's name
    ("Houthi drones struck King Khalid air base, wounding two.",
     ("King Khalid air base", "SA", "Mintaqat `Asir")),
    # Lebanon and Libya: names GeoNames lacks (Mitiga alone was Matuga, Kenya)
    ("Israeli jets struck Rafic Hariri airport, wounding two.",
     ("Rafic Hariri airport", "LB", "Mont-Liban")),
    ("LNA drones struck Mitiga airport, wounding two.", ("Mitiga airport", "LY", "Tripoli")),
])
def test_an_airport_named_after_a_person_is_the_airport(extractor, text, want):
    assert [c[:3] for c in coded(extractor, text)] == [want]
    assert coded(extractor, text)[0][3] == "point"


@pytest.mark.parametrize(("text", "want"), [
    # Ukraine and Sudan: an airport or a base the gazetteer lacks, in the town the text
    # names, is a facility of that town: the town's point (annotation guide: a facility is a
    # point), the name kept; it was coded as the town's surroundings (admin2)
    ("Russian drones struck the Igor Sikorsky airport in Kyiv, wounding two.",
     ("Igor Sikorsky airport", "UA", "Kyiv City", "point", "Igor Sikorsky")),
    ("RSF drones struck Wadi Seidna air base in Omdurman, killing two.",
     ("Wadi Seidna air base", "SD", "Khartoum", "point", "Wadi Seidna")),
])
def test_an_airport_the_gazetteer_lacks_is_in_the_town_named(extractor, text, want):
    assert coded(extractor, text) == [want]


@pytest.mark.parametrize(("title", "text", "want"), [
    # Ukraine and Sudan: an airfield named after a person, under its town's title, is the
    # town's (it was split into two namesakes, "Ivan" and "Franko")
    ("Lviv", "Russian missiles hit the Ivan Franko airfield, wounding two.",
     ("Lviv", "UA", "Lviv", "point", None)),
    ("Omdurman", "RSF drones struck the Wadi Seidna air base, killing two.",
     ("Omdurman", "SD", "Khartoum", "point", None)),
])
def test_an_airport_named_after_a_person_under_its_town_s_title(extractor, title, text, want):
    assert coded(extractor, text, title=title) == [want]


@pytest.mark.parametrize(("name", "country"), [
    ("Ben", False), ("BEN", True), ("Syria", True), ("Can", False), ("UK", True),
])
def test_a_country_s_code_counts_only_in_capitals(name, country):
    from strikewatch.extract.words import _is_country

    assert _is_country(name) is country


# ------------------------------- "near X": X's point, whatever spelling the text gives X


@pytest.mark.parametrize(("text", "want"), [
    # Myanmar: the town was missing under its usual English spelling (GeoNames: Kyaukpyu), so
    # the strike fell back to the state; Ukraine and Sudan: the same shape, towns it knows
    ("Junta jets bombed villages near Kyaukphyu in Rakhine State, killing five.",
     ("Kyaukphyu", "MM", "Rakhine", "point", None)),
    ("Russian drones struck villages near Izium in Kharkiv region, killing two.",
     ("Izium", "UA", "Kharkiv", "point", None)),
    ("RSF drones struck villages near El Fasher in North Darfur, killing five.",
     ("El Fasher", "SD", "Northern Darfur", "point", None)),
])
def test_villages_near_a_town_are_the_town_s_point(extractor, text, want):
    assert coded(extractor, text) == [want]


# ------------------------- the text's own container beats the title's place


@pytest.mark.parametrize(("title", "text", "want"), [
    # Ukraine, Sudan, Myanmar: a village the gazetteer lacks, written with a province that
    # does not hold the title's town, was coded to the title's town
    ("Kharkiv", "Russian drones struck a house in the village of Myropillia Druha in Sumy "
     "oblast, killing two.", ("Myropillia Druha", "UA", "Sumy", "admin1", "Myropillia Druha")),
    ("Wad Madani", "RSF drones struck the village of Um Hashaba in Gezira state, killing two.",
     ("Wad Madani", "SD", "Al Jazirah", "point", None)),
    ("El Fasher", "RSF drones struck the village of Um Hashaba in Gezira state, killing two.",
     ("Um Hashaba", "SD", "Al Jazirah", "admin1", "Um Hashaba")),
    ("Sagaing", "Junta jets bombed the village of Nyaungbintha in Magway Region, killing two.",
     ("Nyaungbintha", "MM", "Magway", "admin1", "Nyaungbintha")),
])
def test_a_village_s_own_province_beats_the_title(extractor, title, text, want):
    assert coded(extractor, text, title=title) == [want]


@pytest.mark.parametrize(("text", "want"), [
    # Ukraine and Sudan: a province written in lower case after its name ("Sumy oblast",
    # "Gezira state") holds the village as its capitalised form does; it was read as the
    # town of that name's surroundings (admin2)
    ("Russian drones struck a house in the village of Myropillia Druha in Sumy oblast, "
     "killing two.", ("Myropillia Druha", "UA", "Sumy", "admin1", "Myropillia Druha")),
    ("RSF drones struck the village of Um Hashaba in Gezira state, killing two.",
     ("Um Hashaba", "SD", "Al Jazirah", "admin1", "Um Hashaba")),
])
def test_a_lower_case_unit_noun_holds_the_village(extractor, text, want):
    assert coded(extractor, text) == [want]


# ----------- a part of a town written with its own town is no part of the sentence's other town


@pytest.mark.xfail(strict=True, reason=(
    "geo.stage pass 8 folds a part of a town into the sentence's other strike place when "
    "that lies out of the part's reach, though the part is written with its own town ('of "
    "Kharkiv'); a fix that kept such parts apart cost fakes-heldout one event (P 0.552 -> "
    "0.533), which a blind set does not let us check, so it is not applied"))
@pytest.mark.parametrize(("text", "want"), [
    # Ukraine and Gaza: the part's own town is written with it ("of Kharkiv"); the sentence's
    # second strike place, far off, is taken for the part's town and the part folded into it
    ("Russian missiles hit the Saltivka residential area of Kharkiv, wounding five, and "
     "shelling hit villages near Izium.",
     [("Saltivka residential area", "UA", "Kharkiv"), ("Izium", "UA", "Kharkiv")]),
    ("Israeli jets struck the Sheikh Radwan neighbourhood of Gaza City, killing four, and "
     "shelling hit houses in Rafah.",
     [("Sheikh Radwan neighbourhood", "PS", "Gaza Strip"), ("Rafah", "PS", "Gaza Strip")]),
])
def test_a_part_with_its_own_town_stays_a_strike_of_its_own(extractor, text, want):
    assert [c[:3] for c in coded(extractor, text)] == want


@pytest.mark.parametrize(("text", "want"), [
    # Yemen and Gaza: a part written with no town of its own is still the sentence's town's
    ("Houthi shelling of the al-Rawdah neighbourhood killed three children in Taiz.",
     [("al-Rawdah neighbourhood", None), ("Taiz", "YE")]),
    ("IDF shelling of the Mawasi area killed 11 people in Khan Younis.",
     [("Mawasi area", None), ("Khan Younis", "PS")]),
])
def test_a_part_with_no_town_of_its_own_is_the_town_s(extractor, text, want):
    assert [c[:2] for c in coded(extractor, text)] == want


@pytest.mark.parametrize(("text", "want"), [
    # Ukraine and Syria: with country codes read only in capitals, "No" (Norway's code) was
    # no longer skipped, and "School No. 17" became a place; the number's abbreviation is no place
    ("School No. 17 shelled in Mykolaiv overnight.", ["Mykolaiv"]),
    ("Regime shelling hit School No 5 in Aleppo, wounding four.", ["Aleppo"]),
])
def test_a_number_s_abbreviation_is_no_place(extractor, text, want):
    assert [c[0] for c in coded(extractor, text)] == want
