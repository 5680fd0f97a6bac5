"""Geocoding accuracy over the Yemen Data Project's governorate, district and area names.

    .venv/bin/python benchmarks/yemen_geocoding.py \
        ../shared/corpora/yemen-data-project/air-raids-2015-2020.csv

Prints governorate, district and area accuracy (right first-level region) and every district
that fails with its reason. Districts are resolved twice: alone (country only) and with their
governorate as context, as a report naming "X district, Y governorate" gives it. The truth for
the governorate labels is tests/fixtures/geo/yemen_governorates.csv.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from strikewatch.geo import load_gazetteer
from strikewatch.geocheck import check_governorates, check_names, read_admin_rows, read_truth

TRUTH = Path(__file__).resolve().parents[1] / "tests/fixtures/geo/yemen_governorates.csv"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", type=Path)
    ap.add_argument("--truth", type=Path, default=TRUTH)
    ap.add_argument("--areas", action="store_true", help="list failing areas too")
    args = ap.parse_args()
    t0 = time.perf_counter()
    g = load_gazetteer()
    t1 = time.perf_counter()
    rows = read_admin_rows(args.csv)
    truth = read_truth(args.truth)
    gov, places = check_governorates({r[0] for r in rows}, truth, g, country="YE")
    t2 = time.perf_counter()
    pairs = {(r[0], r[1]) for r in rows}
    alone = check_names(pairs, truth, g, country="YE", level="district")
    dist = check_names(pairs, truth, g, country="YE", level="district", context=places)
    areas = check_names({(r[0], r[2]) for r in rows}, truth, g, country="YE", level="area",
                        context=places)
    t3 = time.perf_counter()
    n = gov.total + 2 * alone.total + areas.total
    print(f"gazetteer load {1000 * (t1 - t0):.0f} ms; {n} resolutions in {t3 - t1:.2f} s "
          f"({1e6 * (t3 - t1) / n:.0f} µs each)")
    for label, r in (("governorates", gov), ("districts (country only)", alone),
                     ("districts (with governorate)", dist), ("areas (with governorate)", areas)):
        print(f"{label:30} {r.right}/{r.total} = {100 * r.accuracy:.1f}%")
    print("\nunresolved or misplaced governorates:")
    for f in gov.failures:
        print("  ", " | ".join(f))
    print("\nunresolved or misplaced districts (with governorate context):")
    for f in dist.failures:
        print("  ", " | ".join(f))
    if args.areas:
        print("\nunresolved or misplaced areas:")
        for f in areas.failures:
            print("  ", " | ".join(f))


if __name__ == "__main__":
    main()
