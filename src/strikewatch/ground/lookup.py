"""Whose ground a strike fell on: the controller at a place and date, and how far the front was.

The map in force for a strike is the latest map of a source published on or before its date;
when several sources cover the place, the most recent of their maps in force is used, and the
record says which source and map date, and how many days older than the strike the map was.

A place known only to its province, region or country (precision ``admin1``, ``region``,
``country``) gets no controller: its coordinates are a centroid, and a province can be split
by the front. It is flagged ``too_coarse`` so that tallies can say how many could not be told.

Lookups are vectorised: an STRtree over each map's polygons gives the candidates by bounding
box and ``shapely.intersects_xy`` on prepared polygons decides; a second STRtree over pieces of
the front line gives the nearest distance. Trees are built once per map and process.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import shapely

from ..store import Store
from .layers import KM_PER_DEGREE_LAT
from .maps import MapEntry, map_entries, map_geometry

TOO_COARSE = frozenset({"admin1", "region", "country"})
FRONT_PIECE_VERTICES = 32  # front lines are cut in pieces this long so the tree can prune


@dataclass(frozen=True, slots=True)
class Ground:
    """The ground under one strike (the ``ground`` field of the exports, formats.md)."""

    controller: str | None  # None when too coarse to say
    source: str
    map_date: date
    map_age_days: int  # how much older than the strike the map is
    front_km: float | None
    too_coarse: bool

    def to_dict(self) -> dict:
        return {"controller": self.controller, "source": self.source,
                "map_date": self.map_date.isoformat(), "map_age_days": self.map_age_days,
                "front_km": None if self.front_km is None else round(self.front_km, 1),
                "too_coarse": self.too_coarse}


@dataclass(frozen=True, slots=True)
class Spot:
    """Where and when a strike happened, as far as ground lookups need it."""

    lat: float
    lon: float
    day: date
    precision: str = "point"


class IndexedMap:
    """One map's polygons and front line behind STRtrees, ready for many points at once."""

    def __init__(self, areas: dict[str, shapely.Geometry], front: shapely.Geometry,
                 km_scale: float) -> None:
        parts, owners = [], []
        for controller, area in areas.items():
            for part in shapely.get_parts(area):
                parts.append(part)
                owners.append(controller)
        self.parts = np.array(parts, dtype=object)
        self.owners = np.array(owners, dtype=object)
        shapely.prepare(self.parts)
        self.tree = shapely.STRtree(self.parts)
        self.front_tree = shapely.STRtree(_front_pieces(front)) if not front.is_empty else None
        self.km_scale = km_scale

    def controllers_at(self, lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
        """The controller of each point, or None where the map does not cover it."""
        found = np.full(len(lons), None, dtype=object)
        points_idx, part_idx = self.tree.query(shapely.points(lons, lats))
        inside = shapely.intersects_xy(self.parts[part_idx], lons[points_idx], lats[points_idx])
        points_idx, part_idx = points_idx[inside], part_idx[inside]
        # a point on the edge between two areas touches both: the area listed first in the
        # mapping wins, as where polygons overlap (parts are kept in that order)
        order = np.lexsort((part_idx, points_idx))
        points_idx, part_idx = points_idx[order], part_idx[order]
        first = np.unique(points_idx, return_index=True)[1]
        found[points_idx[first]] = self.owners[part_idx[first]]
        return found

    def front_km(self, lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
        """Distance in km from each point to the nearest stretch of front (NaN: no front)."""
        if self.front_tree is None:
            return np.full(len(lons), np.nan)
        points = shapely.points(lons * self.km_scale, lats * KM_PER_DEGREE_LAT)
        (point_idx, _), distances = self.front_tree.query_nearest(
            points, return_distance=True, all_matches=False)
        out = np.full(len(lons), np.nan)
        out[point_idx] = distances
        return out


def _front_pieces(front: shapely.Geometry) -> np.ndarray:
    pieces = []
    for line in shapely.get_parts(shapely.line_merge(front) if front.geom_type != "LineString"
                                  else front):
        coords = shapely.get_coordinates(line)
        for start in range(0, max(len(coords) - 1, 1), FRONT_PIECE_VERTICES):
            chunk = coords[start:start + FRONT_PIECE_VERTICES + 1]
            if len(chunk) >= 2:
                pieces.append(shapely.LineString(chunk))
    return np.array(pieces, dtype=object)


_INDEXED: dict[tuple[str, int, datetime], IndexedMap] = {}


def indexed_map(store: Store, entry: MapEntry) -> IndexedMap:
    """The map's trees, built on first use and kept for the process (keyed by import time)."""
    key = (store.url, entry.id, entry.imported_at)
    if key not in _INDEXED:
        _INDEXED[key] = IndexedMap(*map_geometry(store, entry.id))
    return _INDEXED[key]


class ControlLayers:
    """The control maps of one database, by source and date; answers grounds for spots."""

    def __init__(self, store: Store, *, source: str | None = None) -> None:
        self.store = store
        self.by_source: dict[str, list[MapEntry]] = defaultdict(list)
        for entry in map_entries(store):
            if source is None or entry.source == source:
                self.by_source[entry.source].append(entry)

    def __bool__(self) -> bool:
        return bool(self.by_source)

    def map_in_force(self, source: str, day: date) -> MapEntry | None:
        """The latest map of ``source`` published on or before ``day``."""
        entries = self.by_source.get(source, [])
        at = bisect.bisect_right([e.map_date for e in entries], day)
        return entries[at - 1] if at else None

    def controllers_on(self, source: str, lons: np.ndarray, lats: np.ndarray,
                       days: np.ndarray) -> np.ndarray:
        """Controllers of many points of one source at once (``days``: datetime64[D]); None
        where no map is in force or it does not cover the point. For bulk work."""
        entries = self.by_source.get(source, [])
        starts = np.array([e.map_date for e in entries], dtype="datetime64[D]")
        which = np.searchsorted(starts, days, side="right") - 1
        found = np.full(len(lons), None, dtype=object)
        for index in np.unique(which[which >= 0]):
            chosen = np.flatnonzero(which == index)
            found[chosen] = indexed_map(self.store, entries[index]).controllers_at(
                lons[chosen], lats[chosen])
        return found

    def grounds(self, spots: Sequence[Spot | None]) -> list[Ground | None]:
        """The ground of each spot (None: no map in force covers it, or no spot)."""
        chosen: list[tuple[MapEntry, str | None] | None] = [None] * len(spots)
        for source in self.by_source:
            self._cover(source, spots, chosen)
        return self._with_front(spots, chosen)

    def _cover(self, source: str, spots: Sequence[Spot | None],
               chosen: list[tuple[MapEntry, str | None] | None]) -> None:
        """Keep, per spot, the most recent map in force that covers it (and its controller)."""
        groups: dict[int, list[int]] = defaultdict(list)
        entries: dict[int, MapEntry] = {}
        for i, spot in enumerate(spots):
            entry = self.map_in_force(source, spot.day) if spot else None
            if entry and (chosen[i] is None or chosen[i][0].map_date < entry.map_date):
                groups[entry.id].append(i)
                entries[entry.id] = entry
        for map_id, indices in groups.items():
            lons, lats = _coordinates([spots[i] for i in indices])
            owners = indexed_map(self.store, entries[map_id]).controllers_at(lons, lats)
            for i, owner in zip(indices, owners, strict=True):
                if owner is not None:
                    chosen[i] = (entries[map_id], owner)

    def _with_front(self, spots: Sequence[Spot | None],
                    chosen: list[tuple[MapEntry, str | None] | None]) -> list[Ground | None]:
        groups: dict[int, list[int]] = defaultdict(list)
        for i, pick in enumerate(chosen):
            if pick and spots[i].precision not in TOO_COARSE:
                groups[pick[0].id].append(i)
        fronts: dict[int, float] = {}
        for indices in groups.values():
            entry = chosen[indices[0]][0]
            lons, lats = _coordinates([spots[i] for i in indices])
            distances = indexed_map(self.store, entry).front_km(lons, lats)
            fronts.update({i: d for i, d in zip(indices, distances, strict=True)
                           if not np.isnan(d)})
        return [_ground(spots[i], pick, fronts.get(i)) if pick else None
                for i, pick in enumerate(chosen)]


def _ground(spot: Spot, pick: tuple[MapEntry, str | None], front: float | None) -> Ground:
    entry, owner = pick
    coarse = spot.precision in TOO_COARSE
    return Ground(controller=None if coarse else owner, source=entry.source,
                  map_date=entry.map_date, map_age_days=(spot.day - entry.map_date).days,
                  front_km=None if coarse else front, too_coarse=coarse)


def _coordinates(spots: Sequence[Spot]) -> tuple[np.ndarray, np.ndarray]:
    return (np.array([s.lon for s in spots], dtype=float),
            np.array([s.lat for s in spots], dtype=float))


def spot_of_record(record: dict) -> Spot | None:
    """The spot of an exported incident record (formats.md), or None without place or date."""
    loc = record.get("location") or {}
    day = record.get("date")
    if loc.get("lat") is None or loc.get("lon") is None or not day:
        return None
    day = day if isinstance(day, date) else date.fromisoformat(str(day)[:10])
    return Spot(lat=float(loc["lat"]), lon=float(loc["lon"]), day=day,
                precision=loc.get("precision") or "point")
