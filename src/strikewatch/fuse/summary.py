"""An incident's summary kept up to date as members join while a batch is fused:
what matching reads, without recomputing the incident after every mention."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from ..models import Actor, Incident, Place, StoredMention
from .relations import (
    _attacker_code,
    _figure,
    _locality,
    _point_name,
    _site,
    _town_row,
    _unplaced_name,
)
from .settings import FINENESS, FuseSettings
from .sources import _sources_of


@dataclass(slots=True)
class _Keys:
    """The fields matching reads from an incident while a batch is fused (date, place,
    attacker) and what tells its strike from another at the same place (sites, sub-places,
    toll), kept up to date as members join. They are what ``compute_incident`` would choose,
    without recomputing the whole incident after every mention: a city hit 300 times a day,
    each strike reported by several outlets, made that the cost of the run."""

    dates: dict[int, Counter] = field(default_factory=dict)  # date rank -> day -> members
    precision: dict[date, str] = field(default_factory=dict)  # first precision of each day
    places: dict[int, Counter] = field(default_factory=dict)  # fineness -> place key -> n
    place_of: dict[object, Place] = field(default_factory=dict)  # place key -> first Place
    attackers: dict[str, set[str]] = field(default_factory=dict)  # code -> source labels
    names: dict[str, str] = field(default_factory=dict)
    voiced: set[str] = field(default_factory=set)
    sites: set[tuple[str, ...]] = field(default_factory=set)
    localities: set[str] = field(default_factory=set)
    killed: tuple[int, int] | None = None  # (lowest, highest) figure its reports at a point give
    pinned: bool = False  # whether a report places it at a point
    points: set[str] = field(default_factory=set)  # names of the points its reports give
    unplaced: set[str] = field(default_factory=set)  # names coded to their province for want of a row
    point_rows: set[int] = field(default_factory=set)  # the gazetteer rows of those points
    town_rows: set[int] = field(default_factory=set)  # the towns those names are coded to

    def add(self, sm: StoredMention, s: FuseSettings) -> None:
        m = sm.mention
        if m.date is not None:
            rank = _DATE_RANK.get(m.date_precision, 3)
            self.dates.setdefault(rank, Counter())[m.date] += 1
            self.precision.setdefault(m.date, m.date_precision or "day")
        if m.place is not None:
            key = m.place.geonameid or m.place.name
            self.places.setdefault(FINENESS.get(m.place.precision, 9), Counter())[key] += 1
            self.place_of.setdefault(key, m.place)
        if (code := _attacker_code(m, s)) is not None:
            sources = _sources_of(sm, s)
            self.attackers.setdefault(code, set()).update(src.label for src in sources)
            self.names.setdefault(code, m.attacker.name)
            if any(src.attacker_voice for src in sources):
                self.voiced.add(code)
        self.sites |= {site} if (site := _site(m)) else set()
        self.localities |= {loc} if (loc := _locality(m)) else set()
        self.pinned |= m.place is not None and m.place.precision == "point"
        if name := _point_name(m):
            self.points.add(name)
            self.point_rows |= {m.place.geonameid} if m.place.geonameid else set()
        self.town_rows |= {row} if (row := _town_row(m)) else set()
        self.unplaced |= {name} if (name := _unplaced_name(m)) else set()
        if (figure := _figure(m.casualties.killed)) is not None and self.pinned:
            lo, hi = self.killed or figure
            self.killed = (min(lo, figure[0]), max(hi, figure[1]))

    def incident(self, inc: Incident) -> Incident:
        """``inc`` with the date, place and attacker its members give so far."""
        day = precision = place = attacker = None
        if self.dates:
            counts = self.dates[min(self.dates)]
            day = min(counts, key=lambda d: (-counts[d], d))
            precision = self.precision[day]
        if self.places:
            counts = self.places[min(self.places)]
            top = max(counts.values())
            place = self.place_of[next(k for k, n in counts.items() if n == top)]
        if self.attackers:
            code = max(self.attackers, key=lambda c: (len(self.attackers[c]), c in self.voiced))
            attacker = Actor(self.names[code], code if len(code) == 2 and code.isupper() else None)
        return replace(inc, date=day, date_precision=precision, place=place, attacker=attacker)


_DATE_RANK = {"day": 0, "week": 1, "month": 2, None: 0}


@dataclass(slots=True)
class _Working:
    """An incident while a batch is being fused: its record, every member mention (by story
    too, for the checks within one story) and the keys matching reads."""

    incident: Incident
    members: list[StoredMention]
    new: bool = False
    maybe: set[str] = field(default_factory=set)  # the incidents it may duplicate (see below)
    keys: _Keys = field(default_factory=_Keys)
    by_story: dict[str, list[StoredMention]] = field(default_factory=lambda: defaultdict(list))

    def add(self, m: StoredMention, s: FuseSettings) -> None:
        self.members.append(m)
        self.index(m, s)

    def index(self, m: StoredMention, s: FuseSettings) -> None:
        self.keys.add(m, s)
        self.by_story[m.story].append(m)
