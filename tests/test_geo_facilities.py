"""Facilities, city districts and landmarks: the words of a facility's or a landmark's name
are no place ("the Palace of Culture" is no village Culture), a city district named after
another city lies in the city written after it, and a landmark's city is the strike's place.
Each rule on two wars at least; the sentences are written for these tests in the shape
reports and coders' notes take."""

from __future__ import annotations

import pytest

from strikewatch.extract import Extractor
from strikewatch.geo import Gazetteer, geocode_mentions
from strikewatch.models import Document, Segment


def _strike_places(extractor: Extractor, gaz: Gazetteer, note: str, country: str | None = None):
    """A note read end to end: its strike places as written, and where each lies."""
    doc = Document(id="t", text=note, segments=(Segment("body", 0, len(note)),),
                   content_hash="t", title=None, published=None)
    mentions = geocode_mentions(extractor.extract(doc).strikes, gaz, document_text=note,
                                country_hint=country)
    return {m.place_text: m.place for m in mentions}


# ------------------------------------------------------------------ facility words


@pytest.mark.parametrize("note,town,country", [
    ("Russian missiles hit the Palace of Culture in Lozova, killing one.", "Lozova", "UA"),
    ("Russian shelling damaged the Technical College in Izium.", "Izyum", "UA"),
    ("An Israeli airstrike hit the Technical College in Khan Younis, killing three.",
     "Khān Yūnis", "PS"),
])
def test_a_facility_s_common_noun_is_no_place_the_town_is(extractor, gaz, note, town, country):
    places = _strike_places(extractor, gaz, note)
    assert not {"Culture", "College"} & set(places), places
    [place] = places.values()
    assert place is not None and (place.name, place.country, place.precision) \
        == (town, country, "point"), place


# ------------------------------------------------------------------ a city's districts


@pytest.mark.parametrize("note,district,city,country", [
    ("Russian missiles struck the Kyiv District, Kharkiv, injuring three.", "Kyiv District",
     "Kharkiv", "UA"),
    ("A dormitory in Kyiv District, Kharkiv damaged by shelling.", "Kyiv District",
     "Kharkiv", "UA"),
    ("Syrian jets struck the Salaheddine district, Aleppo.", "Salaheddine district",
     "Aleppo", "SY"),
    ("Israeli jets struck the Maadi neighbourhood, Damascus.", "Maadi neighbourhood",
     "Damascus", "SY"),
])
def test_a_district_written_before_its_city_is_placed_in_the_city(
        extractor, gaz, note, district, city, country):
    places = _strike_places(extractor, gaz, note)
    [(written, place)] = places.items()  # one strike, not one more at the city
    assert written.startswith(district), places
    assert (place.name, place.country, place.precision) == (city, country, "point"), place
    assert place.unresolved_name == district  # kept as written, for a later gazetteer


def test_a_district_named_after_its_own_town_in_the_province_stays_that_town(extractor, gaz):
    places = _strike_places(extractor, gaz, "Russian shelling hit Chuhuiv district, Kharkiv, "
                                            "killing two.")
    [place] = places.values()
    assert (place.name, place.admin1, place.unresolved_name) == ("Chuhuyiv", "Kharkiv", None)


# ------------------------------------------------------------------ a city's landmarks


@pytest.mark.parametrize("note,town,country", [
    ("Donetsk railway station on fire after shelling.", "Donetsk", "UA"),
    ("Kharkiv market shelled, four killed.", "Kharkiv", "UA"),
    ("Ukrainian shelling hit the Donetsk market, killing four.", "Donetsk", "UA"),
    ("Aleppo railway station hit by regime barrel bombs.", "Aleppo", "SY"),
    ("Gaza market shelled, four killed.", "Gaza", "PS"),
])
def test_a_town_named_as_its_landmark_s_modifier_is_the_strike_place(
        extractor, gaz, note, town, country):
    places = _strike_places(extractor, gaz, note)
    [place] = places.values()
    assert place is not None and (place.name, place.country, place.precision) \
        == (town, country, "point"), places


def test_a_headline_s_first_common_noun_is_still_no_place(extractor, gaz):
    assert _strike_places(extractor, gaz, "University building damaged by explosion.") == {}


@pytest.mark.parametrize("note,landmark,country", [
    ("Aftermath of the strike on Gagarin Stadium in Chernihiv.", "Gagarin", "UA"),
    ("Israeli strikes hit the Nasser hospital in Khan Younis.", "Nasser", "PS"),
])
def test_a_landmark_named_after_a_person_is_not_the_town_of_that_name(
        extractor, gaz, note, landmark, country):
    places = [p for p in _strike_places(extractor, gaz, note).values() if p is not None]
    assert places and all(p.name != landmark and p.country == country for p in places), places


# ------------------------------------------------------------------ names shared abroad


@pytest.mark.parametrize("note,name,town,country", [
    ("Ukrainian officials said Russian shelling hit Volchansk on Tuesday, killing two. The "
     "Kharkiv governor said five were wounded in Kupiansk.", "Volchansk", "Vovchansk", "UA"),
    ("Regime artillery shelled Tafas on Tuesday, killing two. Activists in Daraa said "
     "five were wounded in Nawa.", "Tafas", "Ţafas", "SY"),
])
def test_a_name_towns_of_two_countries_carry_does_not_decide_the_story_s_country(
        extractor, gaz, note, name, town, country):
    place = _strike_places(extractor, gaz, note)[name]
    assert place is not None and (place.name, place.country) == (town, country), place


# ------------------------------------------------------------------ a region in brackets


@pytest.mark.parametrize("note,name,town,admin1,precision", [
    ("Russian shelling hit Shakhtarsk (Dnipro region), wounding one.", "Shakhtarsk",
     "Shakhtarske", "Dnipropetrovsk", "point"),  # not Shakhtarsk of Donetsk, the larger
    ("Russian shelling hit Pokrovske (Zaporizhzhia region), wounding one.", "Pokrovske",
     "Zaporizhia", "Zaporizhia", "admin1"),  # none there in the gazetteer: the region
    ("Regime jets bombed Talbiseh (Homs), killing four.", "Talbiseh", "Tallbīsah", "Homs",
     "point"),
])
def test_a_region_in_brackets_constrains_the_town(extractor, gaz, note, name, town, admin1,
                                                  precision):
    place = _strike_places(extractor, gaz, note)[name]
    assert (place.name, place.admin1, place.precision) == (town, admin1, precision), place
