"""Claims against the ground: where an attacker's strikes fell, beside what is said they hit.

"Our strikes hit only IS" and "one in twenty hit IS" are both statements about whose ground
the bombs fell on. For an attacker and period this counts its incidents per controller of
the ground (on the map in force for each), says how many could not be told because the place
is known only to its province or region, or no map covers it, and sets beside the counts:
the targets the attacker's own statements name, the targets other sources report, and third
parties' statistics, each with its basis. A controller is compared with a claimed target
through the target category its holders are (the mapping file's ``categories``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..store import Store
from .lookup import ControlLayers, Spot, spot_of_record
from .maps import controller_categories

if TYPE_CHECKING:  # fuse imports ground: only the type is needed here
    from ..fuse.claims import ClaimsReport


@dataclass(slots=True)
class GroundTally:
    """An attacker's incidents of a period, by the controller of the ground they fell on."""

    attacker: str
    held: Counter = field(default_factory=Counter)  # controller -> incidents
    too_coarse: int = 0
    unmapped: int = 0  # no place or date, or no map in force covers the place
    maps: set[tuple[str, date]] = field(default_factory=set)
    categories: dict[str, str] = field(default_factory=dict)  # controller -> target category

    @property
    def told(self) -> int:
        return sum(self.held.values())

    @property
    def total(self) -> int:
        return self.told + self.too_coarse + self.unmapped

    def on_category(self, category: str) -> tuple[int, list[str]]:
        """Incidents on ground held by controllers of ``category``, and those controllers."""
        controllers = sorted(c for c, cat in self.categories.items() if cat == category)
        return sum(self.held[c] for c in controllers), controllers


def tally_ground(store: Store, incidents: Iterable[dict], attacker: str,
                 layers: ControlLayers | None = None) -> GroundTally:
    """Count ``incidents`` (export records) of ``attacker`` per controller of their ground."""
    spots = spots_by_attacker(incidents, [attacker])[attacker]
    return tally_spots(store, spots, attacker, layers or ControlLayers(store))


def spots_by_attacker(incidents: Iterable[dict], attackers: Iterable[str]
                      ) -> dict[str, list[Spot | None]]:
    """The spot of each incident of ``attackers`` not discounted, in one pass: a stream of
    records (a whole-period ``claims``) is read once and only the spots are kept."""
    spots: dict[str, list[Spot | None]] = {a: [] for a in attackers}
    for i in incidents:
        attacker = (i.get("attacker") or {}).get("country")
        if attacker in spots and i.get("grade") != "discounted":
            spots[attacker].append(spot_of_record(i))
    return spots


def tally_spots(store: Store, spots: Sequence[Spot | None], attacker: str,
                layers: ControlLayers) -> GroundTally:
    """Count an attacker's incident spots per controller of the ground they fell on."""
    tally = GroundTally(attacker=attacker, categories=controller_categories(store))
    for ground in layers.grounds(spots):
        if ground is None:
            tally.unmapped += 1
            continue
        tally.maps.add((ground.source, ground.map_date))
        if ground.too_coarse:
            tally.too_coarse += 1
        else:
            tally.held[ground.controller] += 1
    return tally


def _share(n: int, of: int) -> str:
    return f"{n} of {of} ({n / of:.0%})" if of else f"{n} of 0"


def ground_name(controller: str) -> str:
    return "contested ground" if controller == "contested" else f"{controller}-held ground"


def held_line(t: GroundTally) -> str:
    """One line: the attacker's incidents by controller, with what could not be told."""
    maps = sorted(t.maps)
    where = (f"{maps[0][0]}, map of {maps[0][1]}" + (f" to {maps[-1][1]}" if len(maps) > 1
                                                       else "")) if maps else "no map in force"
    held = ", ".join(f"{_share(n, t.told)} on {ground_name(c)}" for c, n in t.held.most_common())
    return (f"Whose ground ({where}): {t.total} {t.attacker} incidents; "
            f"{held or 'none placed to a point'}; {t.too_coarse} too coarse to say (place known "
            f"only to its province, region or country); {t.unmapped} off the maps (no place or "
            "date, or no map in force covers it)")


def against_claims(t: GroundTally, report) -> list[str]:
    """The attacker's claimed targets, others' reported targets and statistics, each beside
    the share of the attacker's strikes on ground held by that kind of group (``report`` is a
    ``fuse.ClaimsReport``)."""
    out = []
    for voice, tallies in ((f"{t.attacker}'s own statements claim", report.claimed),
                           ("other sources report", report.reported)):
        for target in tallies:
            hit, controllers = t.on_category(target.category)
            names = f" ({', '.join(target.names[:3])})" if target.names else ""
            ground = (f"on the ground, {_share(hit, t.told)} of its strikes placed to a point fell "
                      f"on {'/'.join(controllers)}-held ground" if controllers
                      else "no controller on the map holds ground for that kind of group")
            out.append(f"{voice} {target.category} targets{names}: {ground}")
    for st in report.statistics:
        out.append(_statistic_line(t, st))
    return out


def _statistic_line(t: GroundTally, st) -> str:
    """A third party's figure beside strikewatch's, each with what it is a share of."""
    from ..lexicons import load_target_groups

    who = st.speaker + (f" ({st.org})" if st.org else "")
    figures = ", ".join(f"{k} {v:g}" + (f" ({v:.0%})" if k == "share" else "")
                        for k, v in st.numbers) or "no number parsed"
    categories = [cat for *_, cat in load_target_groups().find(st.sentence)]
    counted = next(((cat, *t.on_category(cat)) for cat in categories if t.on_category(cat)[1]),
                   None)
    said = f"{who} says {figures} (of the strikes it counts: \u201c{st.sentence[:160]}\u201d)"
    if counted is None:
        return f"{said}; no controller on the map matches what it counts"
    category, hit, controllers = counted
    return (f"{said}; strikewatch: {_share(hit, t.told)} {t.attacker} strikes placed to a point "
            f"fell on {'/'.join(controllers)}-held ground ({category}); {t.too_coarse} more too "
            "coarse to say")


def ground_lines(store: Store, incidents: Iterable[dict], attackers: Sequence[str],
                 start: date, end: date, reports: Mapping[str, ClaimsReport] | None = None) -> list[str]:
    """The briefing's and ``claims``' ground section; empty when no control map is loaded
    (``incidents``, a list or a stream of records, is then not read). ``reports`` are the
    attackers' claims-vs-reports already built by the caller: ``claims`` has its attacker's,
    and building it again reads the period's statements a second time."""
    layers = ControlLayers(store)
    if not layers:
        return []
    from ..fuse import claims_vs_reports

    reports = reports or {}

    spots = spots_by_attacker(incidents, attackers)
    out = []
    for attacker in sorted(attackers):
        tally = tally_spots(store, spots[attacker], attacker, layers)
        if not tally.total:
            continue
        out.append(held_line(tally))
        report = reports.get(attacker) or claims_vs_reports(store, attacker=attacker,
                                                             start=start, end=end)
        out += against_claims(tally, report)
    return out
