"""Whose ground the Bellingcat incidents fell on, by DeepStateMap: gold places beside strikewatch's.

    python eval/ground_eval.py [--shared ../shared] [--incidents strikewatch.incidents.jsonl]

Imports the 41 monthly maps of ``deepstate-ukraine`` into a fresh database and places, from
April 2022 on, (1) the gold coordinates of ``bellingcat-ukraine``'s developer part and (2) the
incidents strikewatch extracted from the same articles (an incidents export, as ``make eval``
writes it), giving the share on Ukrainian-held, Russian-held and uncertain ground, too coarse
to say and off the maps. It then checks the corpus README's figure (518 of 606 on
Ukrainian-held ground, every gold line): the README counts every point in no occupied or
uncertain polygon as Ukrainian-held, even across the border, so the check does the same.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

from corpus_eval import in_part

from strikewatch.ground import ControlLayers, Spot, bundled_mapping, import_control_maps
from strikewatch.ground.lookup import spot_of_record
from strikewatch.store import Store

ROOT = Path(__file__).resolve().parent.parent
FROM = date(2022, 4, 1)
README_FIGURE = (518, 606)  # corpora/README.md, deepstate-ukraine section
SIDES = (("UA", "Ukrainian-held"), ("RU", "Russian-held"), ("contested", "uncertain"))


def gold_spots(shared: Path, part: str | None) -> list[Spot]:
    """The gold events with coordinates from April 2022, of one part (None: every line)."""
    spots = []
    lines = (shared / "corpora/bellingcat-ukraine/gold.jsonl").read_text().splitlines()
    for index, line in enumerate(lines):
        if part and not in_part(index, part):
            continue
        for event in json.loads(line)["events"]:
            if event.get("lat") is not None and event.get("date") and \
                    date.fromisoformat(event["date"]) >= FROM:
                spots.append(Spot(lat=event["lat"], lon=event["lon"],
                                  day=date.fromisoformat(event["date"]),
                                  precision=event.get("geo_precision") or "point"))
    return spots


def incident_spots(incidents: Path) -> list[Spot]:
    spots = [spot_of_record(json.loads(line)) for line in incidents.read_text().splitlines()]
    return [s for s in spots if s and s.day >= FROM]


def shares(layers: ControlLayers, spots: list[Spot]) -> str:
    counts = Counter()
    for ground in layers.grounds(spots):
        counts["off the maps" if ground is None else
               "too coarse" if ground.too_coarse else ground.controller] += 1
    n = len(spots)
    parts = [f"{label} {counts[key]} ({counts[key] / n:.0%})" for key, label in SIDES] + \
            [f"{key} {counts[key]}" for key in ("too coarse", "off the maps")]
    return f"{n} incidents: " + ", ".join(parts) if n else "no incident"


def readme_check(layers: ControlLayers, spots: list[Spot]) -> str:
    """The README's rule: in force = a map on or before the day; no polygon = Ukrainian-held."""
    in_force = [s for s in spots if layers.map_in_force("DeepStateMap", s.day)]
    grounds = layers.grounds(in_force)
    ukrainian = sum(g is None or g.controller == "UA" for g in grounds)
    verdict = "agrees" if (ukrainian, len(in_force)) == README_FIGURE else "DIFFERS"
    return (f"check, every gold line by the corpus README's rule: {ukrainian} of {len(in_force)} "
            f"on Ukrainian-held ground (README: {README_FIGURE[0]} of {README_FIGURE[1]}; "
            f"{verdict})")


def ground_lines(shared: Path, incidents: Path | None, workdir: Path) -> list[str]:
    """`make eval`'s lines for bellingcat-ukraine on deepstate-ukraine (empty without them)."""
    maps = shared / "corpora/deepstate-ukraine"
    if not maps.is_dir() or not (shared / "corpora/bellingcat-ukraine/gold.jsonl").exists():
        return []
    store = Store(str(workdir / "ground.db"))
    import_control_maps(store, maps, source="DeepStateMap", mapping=bundled_mapping("deepstate"))
    layers = ControlLayers(store)
    out = [f"whose ground, bellingcat-ukraine dev on deepstate-ukraine from {FROM}:",
           f"  gold coordinates:     {shares(layers, gold_spots(shared, 'dev'))}"]
    if incidents and incidents.exists():
        out.append(f"  strikewatch's places: {shares(layers, incident_spots(incidents))}")
    out.append("  " + readme_check(layers, gold_spots(shared, None)))
    store.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--incidents", type=Path, help="strikewatch's incidents export (JSONL)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        lines = ground_lines(args.shared, args.incidents, Path(tmp))
    print("\n".join(lines) or "needs ../shared/corpora/deepstate-ukraine and bellingcat-ukraine")
    return 0 if lines else 2


if __name__ == "__main__":
    sys.exit(main())
