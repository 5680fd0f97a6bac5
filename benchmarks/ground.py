"""Whose ground, timed: 1 million controller lookups over 41 monthly maps, and a briefing's
ground section for a month of 10,000 incidents.

    .venv/bin/python benchmarks/ground.py [--maps ../shared/corpora/deepstate-ukraine]
                                          [--db ground-bench.db] [--points 1000000]

The maps are the 41 DeepStateMap months (needs ../shared); they are imported into --db once
(the import is timed too, and skipped when --db already holds them). Points are uniform over
Ukraine's bounding box on days spread over the maps' span, seeded so runs repeat. Times are
CPU seconds of this process (``time.process_time``: one core, whatever else the machine runs),
the index building (STRtrees, prepared polygons) apart from the lookups. Exits 1 when the
lookup takes over 10 s or the ground section over 1 s (issue 16's targets).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from strikewatch.ground import ControlLayers, bundled_mapping, import_control_maps
from strikewatch.ground.tally import ground_lines
from strikewatch.store import Store

ROOT = Path(__file__).resolve().parent.parent
UKRAINE_BOX = (22.1, 44.3, 40.3, 52.4)  # west, south, east, north
SOURCE = "DeepStateMap"
LOOKUP_LIMIT_S, SECTION_LIMIT_S = 10.0, 1.0


def timed(action):
    started = time.process_time()
    result = action()
    return result, time.process_time() - started


def layers_of(db: Path, maps: Path) -> ControlLayers:
    store = Store(str(db))
    layers = ControlLayers(store, source=SOURCE)
    if not layers:
        summary, seconds = timed(lambda: import_control_maps(
            store, maps, source=SOURCE, mapping=bundled_mapping("deepstate")))
        print(f"import: {len(summary.maps)} maps in {seconds:.1f} s CPU")
        layers = ControlLayers(store, source=SOURCE)
    return layers


def random_points(n: int, first: date, last: date, seed: int = 16):
    rng = np.random.default_rng(seed)
    west, south, east, north = UKRAINE_BOX
    days = np.datetime64(first) + rng.integers(0, (last - first).days + 1, n).astype(
        "timedelta64[D]")
    return rng.uniform(west, east, n), rng.uniform(south, north, n), days


def bench_lookup(layers: ControlLayers, n: int) -> float:
    entries = layers.by_source[SOURCE]
    lons, lats, days = random_points(n, entries[0].map_date, entries[-1].map_date + timedelta(30))
    _, building = timed(lambda: [layers.controllers_on(SOURCE, lons[:1], lats[:1],
                                                       np.array([np.datetime64(e.map_date)]))
                                 for e in entries])
    found, seconds = timed(lambda: layers.controllers_on(SOURCE, lons, lats, days))
    counts = Counter(found.tolist())
    print(f"index: {len(entries)} maps built in {building:.1f} s CPU")
    print(f"lookup: {n:,} points over {len(entries)} maps in {seconds:.2f} s CPU "
          f"({n / seconds:,.0f} points/s); " + ", ".join(f"{k}: {v:,}" for k, v in
                                                           counts.most_common()))
    return seconds


def month_of_incidents(layers: ControlLayers, n: int) -> tuple[list[dict], date, date]:
    """``n`` incident records of one month (the export's shape), one in ten province-level."""
    last_map = layers.by_source[SOURCE][-1].map_date
    start, end = last_map, last_map + timedelta(days=29)
    lons, lats, days = random_points(n, start, end, seed=17)
    records = [{"id": f"bench-{i}", "date": str(days[i]), "grade": "weak",
                "attacker": {"name": "Russian Armed Forces", "country": "RU"},
                "location": {"lat": float(lats[i]), "lon": float(lons[i]),
                             "precision": "admin1" if i % 10 == 0 else "point"}}
               for i in range(n)]
    return records, start, end


def bench_section(layers: ControlLayers, n: int) -> float:
    records, start, end = month_of_incidents(layers, n)
    lines, seconds = timed(lambda: ground_lines(layers.store, records, ["RU"], start, end))
    print(f"briefing ground section: {n:,} incidents of {start} to {end} in {seconds:.2f} s CPU")
    print("  " + lines[0])
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", type=Path,
                        default=ROOT.parent / "shared/corpora/deepstate-ukraine")
    parser.add_argument("--db", type=Path, default=Path("ground-bench.db"))
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--incidents", type=int, default=10_000)
    args = parser.parse_args()
    if not args.db.exists() and not args.maps.is_dir():
        print(f"needs the DeepStateMap months at {args.maps} (pass --maps DIR)", file=sys.stderr)
        return 2
    layers = layers_of(args.db, args.maps)
    lookup = bench_lookup(layers, args.points)
    section = bench_section(layers, args.incidents)
    ok = lookup <= LOOKUP_LIMIT_S and section <= SECTION_LIMIT_S
    print(f"targets: lookup under {LOOKUP_LIMIT_S:g} s, section under {SECTION_LIMIT_S:g} s: "
          f"{'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
