"""Briefing speed and correctness on the whole Yemen Data Project table (22,485 raids).

    .venv/bin/python benchmarks/brief_yemen.py ../shared/corpora/yemen-data-project/air-raids-2015-2020.csv

Imports the table into a fresh database (or reuses --db if it already holds it), then runs
`strikewatch brief --days 7 --date 2016-08-15` as a user would (a new process, so the time
includes Python's start-up and imports), checks its ranking of governorates against a direct
count of the CSV, and prints both times. The target is under 5 s for the briefing.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import yaml

from strikewatch.imports import import_yemen_data_project
from strikewatch.store import IncidentRow, Store

MAPPING = Path(__file__).resolve().parents[1] / "src/strikewatch/data/imports/yemen-data-project.yaml"


def direct_count(path: Path, start: date, end: date) -> Counter:
    names = {k.casefold(): v["name"] for k, v in
             yaml.safe_load(MAPPING.read_text())["governorates"].items()}
    counts: Counter = Counter()
    with open(path, encoding="cp1252", newline="") as f:
        for row in csv.DictReader(f):
            day = datetime.strptime(row["Date"], "%d/%m/%Y").date()
            if start <= day <= end:
                counts[names[row["Governorate"].strip().casefold()]] += 1
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", type=Path)
    ap.add_argument("--db", type=Path, default=Path(tempfile.mkdtemp()) / "ydp.db")
    args = ap.parse_args()
    store = Store(str(args.db))
    if store.count(IncidentRow) == 0:
        t0 = time.perf_counter()
        summary = import_yemen_data_project(args.csv, store)
        print(f"import: {time.perf_counter() - t0:.1f} s; " + "; ".join(summary.lines()))
    exe = Path(sys.executable).with_name("strikewatch")
    t0 = time.perf_counter()
    out = subprocess.run([str(exe), "brief", "--db", str(args.db), "--days", "7",
                          "--date", "2016-08-15", "--format", "markdown"],
                         capture_output=True, text=True, check=True).stdout
    elapsed = time.perf_counter() - t0
    where = out.split("## Where")[1].split("## Whom")[0]
    rows = [line.split("|")[1:-1] for line in where.splitlines() if line.startswith("| ")][1:]
    shown = [(c[0].strip(), int(c[2])) for c in rows if int(c[2])]
    expected = direct_count(args.csv, date(2016, 8, 9), date(2016, 8, 15))
    right = (all(expected[n] == k for n, k in shown)
             and [k for _, k in shown] == [k for _, k in expected.most_common(len(shown))])
    print(f"brief --days 7 --date 2016-08-15: {elapsed:.2f} s (target < 5 s)")
    print("ranking vs a direct count of the CSV: " + ("same" if right else "DIFFERENT"))
    for name, k in shown:
        print(f"  {name:20} {k:4}  (CSV: {expected[name]})")
    sys.exit(0 if right and elapsed < 5 else 1)


if __name__ == "__main__":
    main()
