"""Places that went wrong in the seventeenth session (issue 11), each written as the analyst
codes it, its cause fixed where it lies, and each fix pinned on a sentence of a second war. The
sentences are written for these tests in the shapes such reports take; none is copied from a
corpus. A case still wrong is a strict xfail with the reason.
"""

from __future__ import annotations

import pytest
from test_fusion_faults import incidents_of  # noqa: F401 (a fixture)
from test_known_places_8 import coded

# ------------------------------ a wire dateline is where the reporter is, not the strike


@pytest.mark.parametrize(("text", "want"), [
    # Lebanon and Ukraine: a short item's dateline city was taken for its place title, which
    # then replaced the village the text names (the gazetteer lacks it): the village stays
    # the strike's place, unplaced, as the annotation guide wants at least a province
    ("BEIRUT — An Israeli drone struck a car in a village called Aitaroun, killing two.",
     [("Aitaroun", None, None, None, None)]),
    ("KHARKIV — A Russian drone hit a house in a village called Mala Komyshuvakha, killing "
     "two.", [("Mala Komyshuvakha", None, None, None, None)]),
])
def test_a_dateline_city_never_replaces_the_text_s_place(extractor, text, want):
    assert coded(extractor, text) == want


@pytest.mark.parametrize(("text", "want"), [
    # Ukraine and Gaza: a town the text names is the strike's, whatever the dateline says
    ("KYIV (Reuters) - A Russian drone hit a power substation in Shostka, Sumy region.",
     ("Shostka", "UA", "Sumy")),
    ("JERUSALEM — Israeli jets struck a house in Khan Younis, killing two.",
     ("Khan Younis", "PS", "Gaza Strip")),
])
def test_a_dateline_city_is_not_the_strike_s_town(extractor, text, want):
    assert [c[:3] for c in coded(extractor, text)] == [want]


@pytest.mark.parametrize(("text", "want"), [
    # Ukraine and Yemen: a short item whose text names no place keeps its dateline's city,
    # the only place it gives
    ("KHARKIV — A Russian missile hit a residential building, killing two.",
     ("KHARKIV", "UA", "Kharkiv", "point", None)),
    ("HODEIDAH — Coalition jets struck a fuel depot, killing two.",
     ("HODEIDAH", "YE", "Hudaydah", "point", None)),
])
def test_a_dateline_city_places_a_text_that_names_none(extractor, text, want):
    assert coded(extractor, text) == [want]


# ---------------------- an installation near its town is in the town's country


@pytest.mark.parametrize(("text", "want"), [
    # Israel: the airport's first word is a town of the Philippines (Ramon), which voted the
    # story's country, so Eilat was looked for there alone and not found; Ukraine and Libya:
    # the same shape, an airport near or in a town of the story's country. An airport near a
    # town lies in its surroundings (admin2: Ramon airport is 18 km from Eilat); one in it is
    # the town's point
    ("Houthi drones struck the Ramon airport near Eilat, wounding two.",
     ("Ramon airport", "IL", "Southern District", "admin2", "Ramon")),
    ("Russian missiles hit Antonov airport near Hostomel, wounding two.",
     ("Antonov airport", "UA", "Kiev", "admin2", "Antonov")),
    ("LNA drones struck the Mitiga airport in Tripoli, wounding two.",
     ("Mitiga airport", "LY", "Tripoli", "point", None)),
])
def test_an_airport_near_its_town_is_in_the_town_s_country(extractor, text, want):
    assert coded(extractor, text) == [want]


def test_an_airport_near_its_town_in_a_story(incidents_of):
    found = incidents_of("Houthi drones struck the Ramon airport near Eilat on Tuesday, "
                         "wounding two people, Israeli medics said.", "2024-09-10")
    assert [(i["location"]["name"], i["location"]["country"], i["location"]["precision"])
            for i in found] == [("Eilat", "IL", "admin2")]


def test_a_mosque_in_a_district_the_story_lacks_stays_home(extractor):
    # Syria: only an installation is looked for abroad by its town's name; a mosque in a
    # district the gazetteer lacks is no place of Israel's Kafr Qara
    assert [c[1] for c in coded(
        extractor, "Regime helicopters dropped barrel bombs on Aleppo, and one hit the "
        "al-Rahma mosque in Kafr Qara district, setting it ablaze.")] \
        in (["SY"], ["SY", "SY"], ["SY", None])


# ----------------- a name a strike verb hit is a place, though the tagger calls it a group


@pytest.mark.parametrize(("text", "want"), [
    # Lebanon, Ukraine, Myanmar: spaCy tags a village it does not know as an organisation, and
    # the object of "hit" or "bombed" was kept only after "in"; the strike was lost
    ("An Israeli airstrike hit Aitaroun, killing two.", ("Aitaroun", None, None, None, None)),
    ("A Russian drone hit Zapadne, killing one.", ("Zapadne", None, None, None, None)),
])
def test_a_village_a_strike_verb_hit_keeps_the_strike(extractor, text, want):
    assert coded(extractor, text) == [want]


@pytest.mark.parametrize("text", [
    # Lebanon and Gaza: an armed group or a person a strike verb takes is its target
    "Israeli jets struck Hezbollah, killing two.",
    "An Israeli drone struck Ali Hassan, a Hezbollah commander, killing him.",
])
def test_a_group_or_person_hit_is_no_place(extractor, text):
    assert coded(extractor, text) == []


# -------------- a spelling close only by its consonants is no town abroad, with no country


@pytest.mark.parametrize(("name", "abroad"), [
    # Myanmar: "Maungdaw" shares its consonants with Mingda, China (the skeleton drops a final
    # "w", as Arabic spellings do), 0.71 alike; Laihka, a Shan town, shares them with Lhoka in
    # Tibet (0.73), Sinbaungwe with Sinabang, Indonesia (0.78): each passed the 0.6 a name
    # checked in a known country needs. With no country to check a spelling in, it must be as
    # close as a word the text puts in a place must be (0.8), unless a force of the registry
    # strikes in that country
    ("Laihka", "CN"), ("Sinbaungwe", "ID"),
])
def test_a_loose_spelling_is_no_town_abroad(gaz, name, abroad):
    from strikewatch.geo.names import Unresolved

    found = gaz.resolve(name)
    assert isinstance(found, Unresolved) and "loosely" in found.reason


def test_a_loose_spelling_is_no_strike_abroad(extractor):
    assert coded(extractor, "Junta jets bombed Laihka, killing five.") \
        == [("Laihka", None, None, None, None)]


@pytest.mark.parametrize(("text", "want"), [
    # Somalia: in a story whose group says where, a Somali spelling still finds its town
    ("An airstrike hit Bulaburde, killing five al-Shabaab fighters.", ("SO", "Hiiraan")),
    # Somalia: a spelling of another country's town stays unplaced (as before)
    ("An airstrike hit Barawe, killing five al-Shabaab fighters.", (None, None)),
])
def test_a_spelling_read_in_its_story_s_country(extractor, text, want):
    assert [c[1:3] for c in coded(extractor, text)] == [want]


@pytest.mark.parametrize(("name", "want"), [
    ("Maungdaw", "Maungdaw"),   # Myanmar: the supplement's town, not Mingda, China
    ("Mairupol", "Mariupol"),   # Ukraine: a typing slip still finds its town
    ("Donestk", "Donetsk"),
    ("Boosaaso", "Bosaso"),     # Somalia: a Somali spelling still finds its town
])
def test_close_spellings_still_find_their_town(gaz, name, want):
    assert gaz.resolve(name).name == want


def test_maungdaw_is_rakhine_s_town(extractor):
    assert coded(extractor, "Junta jets bombed a village near Maungdaw, killing five.") \
        == [("Maungdaw", "MM", "Rakhine", "point", None)]


# ------------------------------------- a person's name is no place, whatever towns it holds


@pytest.mark.parametrize(("text", "want"), [
    # Gaza: "Ali Hassan" was Ali, Iran and Hassan, India; Ukraine: "Mykola Kharkiv" was Kharkiv
    ("An Israeli strike hit the home of Ali Hassan, killing his two sons.", []),
    ("An Israeli airstrike killed Ali Hassan and his wife, medics said.", []),
    ("An Israeli strike hit the house of Ali Hassan in Khan Younis, killing two.",
     ["Khan Younis"]),
    ("A Russian strike hit the home of Mykola Kharkiv, killing him.", []),
    ("Russian shelling hit the house of Mykola Kharkiv in Kherson, killing two.", ["Kherson"]),
])
def test_a_person_s_name_is_no_place(extractor, text, want):
    assert [c[0] for c in coded(extractor, text)] == want


@pytest.mark.parametrize(("text", "want"), [
    # Lebanon, Syria, Ukraine: the tagger calls villages and lists of towns persons too; where
    # a strike verb takes them or "in" governs them they stay places
    ("Israeli jets struck Kab Elias, killing two.", ["Kab Elias"]),
    ("Russian shelling hit Kupiansk Izium, killing two.", ["Kupiansk", "Izium"]),
    ("Regime jets bombed Ram Hamdan in Idlib province, killing two.", ["Ram Hamdan"]),
])
def test_a_village_the_tagger_calls_a_person_stays_a_place(extractor, text, want):
    assert [c[0] for c in coded(extractor, text)] == want


def test_a_resident_s_name_in_a_story_adds_no_place(incidents_of):
    found = incidents_of("An Israeli strike hit the house of Ali Hassan in Khan Younis on "
                         "Monday, killing two of his sons, his brother said.", "2024-07-08")
    assert [i["location"]["name"] for i in found] == ["Khān Yūnis"]


# ----------------------------- a part of a city written with its city is a point in it


@pytest.mark.parametrize(("text", "want"), [
    # Gaza, Sudan, Yemen: a neighbourhood the gazetteer lacks, coded to the city it is
    # written in, was the city's surroundings (admin2); the annotation guide codes a
    # neighbourhood as a point, as it does a landmark
    ("Israeli jets struck the Zeitoun neighbourhood of Gaza City, killing four.",
     ("Zeitoun neighbourhood", "PS", "Gaza Strip", "point", "Zeitoun")),
    ("RSF shells hit the Thawra neighbourhood of Omdurman, killing four.",
     ("Thawra neighbourhood", "SD", "Khartoum", "point", "Thawra")),
    ("Houthi shelling hit the al-Rawdah neighbourhood of Taiz, killing four.",
     ("al-Rawdah neighbourhood", "YE", "Ta'izz", "point", "al-Rawdah")),
    # Ukraine: a district of the city the gazetteer knows stays the point it was
    ("Russian missiles hit the Saltivka district of Kharkiv, killing two.",
     ("Saltivka district", "UA", "Kharkiv", "point", None)),
])
def test_a_neighbourhood_of_a_city_is_a_point(extractor, text, want):
    assert coded(extractor, text) == [want]


def test_a_village_near_a_town_is_still_its_surroundings(extractor):
    # Sudan: a village the gazetteer lacks near a town is the town's surroundings (admin2)
    assert coded(extractor, "RSF drones struck the village of Um Hashaba near Wad Madani, "
                            "killing four.") \
        == [("Um Hashaba", "SD", "Al Jazirah", "admin2", "Um Hashaba")]


# ------------------------- the KIA's town, and the subject of "was among the places hit"


@pytest.mark.parametrize(("text", "want"), [
    # Myanmar: the KIA's headquarters town is not in GeoNames' cities500 (a supplement row,
    # with its source); Sudan: the same shape, a town the gazetteer has
    ("The military's jet fighters bombed a KIA outpost near Laiza, killing two.",
     ("Laiza", "MM", "Kachin", "point", None)),
    ("Army jet fighters bombed an RSF outpost near Mellit, killing two.",
     ("Mellit", "SD", "Northern Darfur", "point", None)),
])
def test_an_outpost_near_a_town_is_the_town_s(extractor, text, want):
    assert coded(extractor, text) == [want]


@pytest.mark.parametrize(("text", "want"), [
    # Pakistan, Ukraine, Yemen: "hit" describes "the places", and the thing hit, with its
    # town, is the subject of "was": the strike's clause was "the places hit by missiles"
    ("A mosque in Bahawalpur was among the places hit by Indian missiles, Pakistan's "
     "military said.", ("Bahawalpur", "PK", "Punjab", "point", None)),
    ("A school in Kharkiv was among the buildings hit by Russian missiles, Ukraine's air force "
     "said.", ("Kharkiv", "UA", "Kharkiv", "point", None)),
    ("The hospital in Saada was among the sites struck by coalition jets, the Houthis said.",
     ("Saada", "YE", "Sa'dah", "point", None)),
])
def test_the_subject_among_the_places_hit_says_where(extractor, text, want):
    assert coded(extractor, text) == [want]


# --------------------------------------------------------------- Sagaing's (and its peers') names


@pytest.mark.parametrize(("text", "want"), [
    # Myanmar: until 2008 the regions were divisions, and reports still write "Sagaing
    # Division"; "Division" ends a military unit's name ("Light Infantry Division 33"), so the
    # strike was lost; the old names are the regions' aliases now (supplement, with source)
    ("Junta jets bombed Sagaing Division, killing five.",
     ("Sagaing Division", "MM", "Sagain", "admin1", None)),
    ("Junta jets bombed a village in Magway Division, killing five.",
     ("Magway Division", "MM", "Magway", "admin1", None)),
    # Myanmar: the region's spellings as before
    ("Junta jets bombed Sagaing Region, killing five.",
     ("Sagaing Region", "MM", "Sagain", "admin1", None)),
    ("Junta jets bombed Sagaing region, killing five.",
     ("Sagaing region", "MM", "Sagain", "admin1", None)),
])
def test_a_myanmar_region_by_its_old_name_is_the_region(extractor, text, want):
    assert coded(extractor, text) == [want]


def test_a_military_division_is_still_no_place(extractor):
    # Myanmar and Ukraine: a unit of forces named "Division" stays the attacker's, not a place
    assert [c[0] for c in coded(
        extractor, "The junta's 33rd Light Infantry Division shelled a village in Sagaing "
        "Region, killing five.")] == ["Sagaing Region"]


@pytest.mark.xfail(strict=True, reason=(
    "'Sagaing' is both a town and its region's name, and the region's seat is Monywa: "
    "PlaceFinder._a_unit reads a name the gazetteer knows as a town and a unit of one country "
    "as the town, so 'Tabayin, Sagaing' is no village written with its region and the unknown "
    "village is dropped for Sagaing town; lower-case 'Sagaing division' is read the same way, "
    "as 'division' is no unit noun (it ends military units' names)"))
@pytest.mark.parametrize(("text", "want"), [
    ("Junta jets bombed Tabayin, Sagaing, killing five.",
     ("Tabayin", "MM", "Sagain", "admin1", "Tabayin")),
    ("Junta jets bombed a village in Sagaing division, killing five.",
     ("Sagaing division", "MM", "Sagain", "admin1", None)),
])
def test_a_village_written_with_sagaing_is_in_the_region(extractor, text, want):
    assert coded(extractor, text) == [want]
