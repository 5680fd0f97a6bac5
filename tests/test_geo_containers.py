"""No strike lost for want of a village: a name written with its container ("Sloviansk,
Donetsk Oblast", "X (Qaatabah, Ad Dali)", "X village in Deir ez-Zor governorate") resolves to
the place when the place lies in the container, and to the narrowest named unit when the
gazetteer lacks the place, keeping the name as written. Each rule on two wars. The sentences
are written for these tests in the shape such reports take."""

from __future__ import annotations

import pytest

from strikewatch.geo import Gazetteer, geocode_json, geocode_mentions
from strikewatch.models import Place, Span, StrikeMention


def _mention(sentence: str, place: str) -> StrikeMention:
    i = sentence.index(place)
    return StrikeMention(doc_id="test", sentence=Span(0, len(sentence), sentence),
                         place_text=place, place_span=Span(i, i + len(place), place),
                         attacker=None)


def _geocode(gaz: Gazetteer, sentence: str, place: str, country: str) -> Place:
    [m] = geocode_mentions([_mention(sentence, place)], gaz, country_hint=country)
    assert m.place is not None, place
    return m.place


@pytest.mark.parametrize("name,country,town,admin1", [
    ("Sloviansk, Donetsk Oblast", "UA", "Slovyansk", "Donetsk"),
    ("Kupiansk, Kharkiv", "UA", "Kupyansk", "Kharkiv"),
    ("Maarrat al-Numan, Idlib", "SY", None, "Idlib"),
    ("Taiz, Taiz governorate", "YE", None, "Ta'izz"),
])
def test_a_known_town_with_its_container_is_the_town_checked_to_lie_there(gaz, name, country,
                                                                          town, admin1):
    out = geocode_json(name, country, gazetteer=gaz)
    assert out["resolved"] and out["precision"] == "point" and out["admin1"] == admin1, out
    assert town is None or out["name"] == town
    assert out.get("unresolved_name") is None
    assert "checked to lie in" in out["alternatives"][0]


@pytest.mark.parametrize("name,country,admin1,written", [
    ("Nova Dmytrivka, Kharkiv", "UA", "Kharkiv", "Nova Dmytrivka"),
    ("Dovhenke, Kharkiv Oblast", "UA", "Kharkiv", "Dovhenke"),
    ("Al-Hussainiyah village in Deir ez-Zor governorate", "SY", "Deir ez-Zor",
     "Al-Hussainiyah"),
    ("Tawila, North Darfur", "SD", "Northern Darfur", "Tawila"),
])
def test_a_village_the_gazetteer_lacks_keeps_its_province_and_its_name(gaz, name, country,
                                                                        admin1, written):
    out = geocode_json(name, country, gazetteer=gaz)
    assert out["resolved"] and out["precision"] == "admin1" and out["admin1"] == admin1, out
    assert out["unresolved_name"] == written


@pytest.mark.parametrize("name,country,district", [
    ("Bani Yusuf (Qaatabah, Ad Dali)", "YE", "Qa'atabah"),
    ("Rigachikun (Igabi, Kaduna)", "NG", "Igabi"),
])
def test_a_village_with_its_district_and_province_keeps_the_district(gaz, name, country,
                                                                     district):
    out = geocode_json(name, country, gazetteer=gaz)
    assert out["resolved"] and out["precision"] == "admin2" and out["name"] == district, out


@pytest.mark.parametrize("name,country,admin1", [
    ("Kramatorsk, Kharkiv Oblast", "UA", "Kharkiv"),  # Kramatorsk lies in Donetsk
    ("Saraqib, Hama governorate", "SY", "Hama"),  # Saraqib lies in Idlib
])
def test_a_known_town_outside_its_written_container_is_coded_to_the_container(gaz, name,
                                                                                country, admin1):
    out = geocode_json(name, country, gazetteer=gaz)
    assert out["precision"] == "admin1" and out["admin1"] == admin1, out
    assert "is not in" in out["alternatives"][0]


@pytest.mark.parametrize("name,country,admin1", [
    ("Aleppo, Idlib", "SY", "Aleppo"),
    ("Kharkiv, Sumy", "UA", "Kharkiv"),
])
def test_a_list_of_provinces_is_no_container(gaz, name, country, admin1):
    out = geocode_json(name, country, gazetteer=gaz)
    assert out["resolved"] and out["admin1"] == admin1, out


@pytest.mark.parametrize("sentence,place,country,admin1,written", [
    ("Russian forces fired artillery at Nova Dmytrivka, Kharkiv, hitting a school.",
     "Nova Dmytrivka", "UA", "Kharkiv", "Nova Dmytrivka"),
    ("Coalition aircraft struck Bani Yusuf (Qaatabah, Ad Dali) on Monday.",
     "Bani Yusuf", "YE", "Ad Dali'", "Bani Yusuf"),
])
def test_in_a_sentence_the_container_after_an_unknown_name_places_the_strike(
        gaz, sentence, place, country, admin1, written):
    p = _geocode(gaz, sentence, place, country)
    assert p.admin1 == admin1 and p.precision in ("admin1", "admin2"), p
    assert p.unresolved_name == written


@pytest.mark.parametrize("name,country,admin1", [
    ("Kharkov region", "UA", "Kharkiv"), ("Zaporozhye region", "UA", "Zaporizhia"),
    ("Nikolaev region", "UA", "Mykolaiv"), ("Lugansk region", "UA", "Luhansk"),
    ("Dnepropetrovsk region", "UA", "Dnipropetrovsk"), ("Donetsk Oblast", "UA", "Donetsk"),
    ("North Darfur", "SD", "Northern Darfur"), ("South Kordofan", "SD", "Southern Kordofan"),
    ("Gezira State", "SD", "Al Jazirah"), ("Lower Shabelle", "SO", "Lower Shabeelle"),
    ("Bay region", "SO", "Bay"), ("Jabal al Gharbi", "LY", "Jabal al Gharbi"),
    ("Borno State", "NG", "Borno"), ("Federal Capital Territory", "NG",
                                     "Abuja Federal Capital Territory"),
    ("Mopti region", "ML", "Mopti"), ("Gao region", "ML", "Gao"),
    ("Sahel region", "BF", "Sahel"), ("Hauts-Bassins", "BF", "High-Basins"),
    ("Sagaing Region", "MM", "Sagain"), ("Karenni State", "MM", "Kayah"),
    ("Rakhine State", "MM", "Rakhine"), ("Socotra", "YE", "Soqatra"),
    ("Nineveh", "IQ", "Ninawa"), ("Salahuddin", "IQ", "Salah ad Din"),
    ("South Lebanon Governorate", "LB", "Liban-Sud"), ("Mount Lebanon", "LB", "Mont-Liban"),
    ("West Bank", "PS", "West Bank"), ("Gaza Strip", "PS", "Gaza Strip"),
    ("Southern District", "IL", "Southern District"),
])
def test_first_level_units_of_every_war_resolve_as_provinces(gaz, name, country, admin1):
    out = geocode_json(name, country, gazetteer=gaz)
    assert out["resolved"] and out["precision"] == "admin1" and out["admin1"] == admin1, out


def test_region_stays_the_area_around_a_town_where_provinces_are_not_regions(gaz):
    # Syria's first-level units are governorates: "the Homs region" is around Homs
    out = geocode_json("Homs region", "SY", gazetteer=gaz)
    assert out["precision"] == "admin2", out


@pytest.mark.parametrize("name,country,admin1", [
    ("DPR", "UA", "Donetsk"), ("Donetsk People's Republic", "UA", "Donetsk"),
    ("LPR", "UA", "Luhansk"), ("Lugansk People's Republic", "UA", "Luhansk"),
])
def test_a_self_proclaimed_republic_as_a_place_is_its_oblast(gaz, name, country, admin1):
    # "shelling in DPR": the entity stands on part of the oblast; the oblast is the unit named
    out = geocode_json(name, country, gazetteer=gaz)
    assert out["resolved"] and out["precision"] == "admin1" and out["admin1"] == admin1, out


@pytest.mark.parametrize("sentence,place,country,admin1", [
    ("Two civilians were killed by shelling in Donbass.", "Donbass", "UA", "Donetsk"),
    ("Regime warplanes bombed towns in Eastern Ghouta.", "Eastern Ghouta", "SY", "Rif-dimashq"),
])
def test_a_war_region_is_placed_at_its_main_town_not_dropped(gaz, sentence, place, country,
                                                             admin1):
    p = _geocode(gaz, sentence, place, country)
    assert p.admin1 == admin1 and p.precision in ("region", "admin2"), p


@pytest.mark.parametrize("name,city,admin1", [
    ("Kharkiv (Saltivka district)", "Kharkiv", "Kharkiv"),            # a city, its district after
    ("Petrovsky district of Donetsk", "Donetsk", "Donetsk"),
    ("the centre of Kherson", "Kherson", "Kherson"),
    ("Homs (al-Waer neighbourhood)", "Homs", "Homs"),                 # Syria
    ("Taiz (Al-Mudhaffar district)", "Taiz", "Ta'izz"),               # Yemen
])
def test_a_part_of_a_city_written_with_it_is_placed_at_the_city(gaz, name, city, admin1):
    out = geocode_json(name, None, gazetteer=gaz)
    assert out["resolved"] and out["precision"] == "point", out
    assert (out["name"], out["admin1"]) == (city, admin1)
    assert out["unresolved_name"] and out["unresolved_name"] in name


@pytest.mark.parametrize("name", [
    "Nova Dmytrivka (Kharkiv oblast)",   # a village in its province, not a part of a city
    "the district of Idlib",             # the district named Idlib, no part of the city
])
def test_a_unit_in_brackets_or_a_bare_district_is_no_part_of_a_city(gaz, name):
    out = geocode_json(name, None, gazetteer=gaz)
    assert not (out["resolved"] and out.get("unresolved_name")
                and "a part of" in out["alternatives"][0]), out


@pytest.mark.parametrize("name,city", [
    ("Solomyanskyi district, Kyiv", "Kyiv"),     # Kyiv is Kyiv City and the oblast around it
    ("Maeen district, Sanaa", "Sanaa"),          # Sanaa is the capital's unit and a governorate
])
def test_a_district_of_a_city_that_is_its_own_unit_lies_in_the_city(gaz, name, city):
    out = geocode_json(name, None, gazetteer=gaz)
    assert (out["name"], out["precision"]) == (city, "point"), out
    assert out["unresolved_name"] == name.split(",")[0]


@pytest.mark.parametrize("name,town,admin1", [
    ("Bucha, Kyiv region", "Bucha", "Kiev"),          # the oblast, not the area around Kyiv City
    ("Rzhyshchiv, Kyiv region", "Rzhyshchiv", "Kiev"),
    ("Monywa, Sagaing region", "Monywa", "Sagain"),   # Myanmar's regions are its first-level units
])
def test_a_region_that_is_a_first_level_unit_contains_its_towns(gaz, name, town, admin1):
    out = geocode_json(name, None, gazetteer=gaz)
    assert (out["name"], out["precision"], out["admin1"]) == (town, "point", admin1), out


@pytest.mark.parametrize("name,town", [
    ("Bakhmut (Artemivsk)", "Bakhmut"),      # a town's former name in brackets
    ("Kharkiv (Kharkov)", "Kharkiv"),        # its Russian spelling
    ("Raqqa (Ar-Raqqah)", "Ar Raqqah"),      # Syria: another romanisation
])
def test_a_town_with_another_of_its_names_in_brackets_is_that_town(gaz, name, town):
    out = geocode_json(name, None, gazetteer=gaz)
    assert (out["name"], out["precision"]) == (town, "point"), out


@pytest.mark.parametrize("name,town,admin1", [
    ("Nikopol, Dnipropetrovsk obl.", "Nikopol", "Dnipropetrovsk"),
    ("Saraqib, Idlib prov.", "Saraqib", "Idlib"),
])
def test_an_abbreviated_province_word_is_a_province(gaz, name, town, admin1):
    out = geocode_json(name, None, gazetteer=gaz)
    assert (out["name"], out["precision"], out["admin1"]) == (town, "point", admin1), out
