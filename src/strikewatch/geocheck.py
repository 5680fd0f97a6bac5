"""Measure the gazetteer on a structured table of admin names (the Yemen Data Project's
governorate / district / area columns), so that geocoding quality is a number, not a feeling.

The table is its own truth for districts and areas: a district listed under governorate G is
right when it resolves inside G. The governorates' own labels ("Capital", "Saada") need a
truth mapping to first-level regions, given as ``{label: admin1 name}``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .geo import Gazetteer, Unresolved
from .models import Place


@dataclass(frozen=True, slots=True)
class CheckResult:
    level: str  # governorate | district | area
    total: int
    right: int
    failures: tuple[tuple[str, str, str], ...] = field(default=())  # (governorate, name, why)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


def read_truth(path: Path) -> dict[str, str]:
    """A ``label,admin1`` CSV: which first-level region each governorate label means."""
    with open(path, encoding="utf-8", newline="") as f:
        return {r["label"].casefold(): r["admin1"] for r in csv.DictReader(f)}


def read_admin_rows(path: Path) -> list[tuple[str, str, str]]:
    """Distinct (governorate, district, area) triples of a YDP-style CSV, whitespace trimmed;
    lines starting with '#' (a fixture's attribution) are skipped."""
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        lines = (line for line in f if not line.startswith("#"))  # attribution lines
        rows = {(r["Governorate"].strip(), r["District"].strip(), (r.get("Area") or "").strip())
                for r in csv.DictReader(lines)}
    return sorted(r for r in rows if r[0])


def _why(result: Place | Unresolved, want: str) -> str:
    if isinstance(result, Unresolved):
        return f"unresolved: {result.reason}"
    return f"resolved to {result.name} in {result.admin1 or '?'}, expected {want}"


def check_governorates(labels: Iterable[str], truth: Mapping[str, str], gazetteer: Gazetteer,
                       *, country: str) -> tuple[CheckResult, dict[str, Place]]:
    """Resolve each governorate label as a first-level region; returns the places for reuse
    as the districts' context."""
    places: dict[str, Place] = {}
    failures = []
    labels = sorted(set(labels))
    for label in labels:
        result = gazetteer.resolve(label, country=country, level="admin1")
        want = truth.get(label.casefold(), "?")
        if isinstance(result, Place) and result.admin1 == want:
            places[label] = result
        else:
            failures.append((label, label, _why(result, want)))
    return CheckResult("governorate", len(labels), len(places), tuple(failures)), places


def check_names(pairs: Iterable[tuple[str, str]], truth: Mapping[str, str], gazetteer: Gazetteer,
                *, country: str, level: str, context: Mapping[str, Place] | None = None,
                ) -> CheckResult:
    """Resolve each (governorate, name) name; right when it lands in the governorate's
    first-level region. ``context`` gives each governorate's place as a neighbour, as a
    document naming "X district, Y governorate" would."""
    pairs = sorted({p for p in pairs if p[1] and p[1] not in ("-", "Unknown")})
    right, failures = 0, []
    for gov, name in pairs:
        near = (context[gov],) if context and gov in context else ()
        result = gazetteer.resolve(name, country=country, near=near)
        want = truth.get(gov.casefold(), "?")
        if isinstance(result, Place) and result.admin1 == want:
            right += 1
        else:
            failures.append((gov, name, _why(result, want)))
    return CheckResult(level, len(pairs), right, tuple(failures))
