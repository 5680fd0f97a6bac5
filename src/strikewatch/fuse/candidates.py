"""Candidate lookup: the incidents a report can reach, by day, country, grid cell,
sub-place and gazetteer entry, never all incidents of a run."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from ..models import Place, StoredMention, StrikeMention
from .relations import _admin_norm, _interval, _shift, _similar
from .settings import FuseSettings
from .summary import _Working


class _Buckets:
    """Incidents by (country, day), each under every day its date may stand for, so that a
    mention is compared only with the incidents its own days (and the tolerance) can reach,
    not with every incident of a bulk run; and, for incidents placed at a point, by a grid
    cell of ``same_point_km``, the sub-places their reports name and the gazetteer entry they
    stand at, so that a report from one neighbourhood of a city struck 300 times a day is
    compared with the strikes there (and those no report places more finely), not with all
    300. Two gazetteer entries of different names never match (``_two_gazetteer_places``):
    a cell's incidents are filed by entry so that such pairs are skipped by the handful of
    distinct names in the cell, not tried one incident at a time."""

    def __init__(self, settings: FuseSettings) -> None:
        self.s = settings
        self.ids: dict[tuple[str, int], set[str]] = defaultdict(set)  # every incident
        self.coarse: dict[tuple[str, int], set[str]] = defaultdict(set)  # not at a point
        # (country, day, cell) -> (sub-place or None, gazetteer entry or None) -> incidents
        self.cells: dict[tuple[str, int, int, int], dict[tuple, set[str]]] = defaultdict(
            lambda: defaultdict(set))
        self.step = max(settings.same_point_km, 0.1) / 111.0  # degrees of latitude per cell

    def _days(self, day: date, precision: str | None, pad: int = 0) -> range:
        lo, hi = _interval(day, precision, self.s)
        return range(lo.toordinal() - pad, hi.toordinal() + pad + 1)

    def _cell(self, p: Place) -> tuple[int, int]:
        return math.floor(p.lat / self.step), math.floor(p.lon / self.step)

    def put(self, w: _Working, *, remove: bool = False) -> None:
        inc = w.incident
        if inc.place is None or inc.date is None:
            return
        country, point = inc.place.country, inc.place.precision == "point"
        entry = _gazetteer_entry(inc.place)
        for d in self._days(inc.date, inc.date_precision):
            books = [self.ids[(country, d)]]
            if point:
                cell = self.cells[(country, d, *self._cell(inc.place))]
                books += [cell[(loc, entry)] for loc in (w.keys.localities or {None})]
            else:
                books.append(self.coarse[(country, d)])
            for book in books:
                book.discard(inc.id) if remove else book.add(inc.id)

    def near(self, m: StrikeMention, locality: str | None) -> set[str]:
        days = self._days(m.date, m.date_precision, self.s.day_tolerance_days)
        country = m.place.country
        if m.place.precision != "point":
            return {i for d in days for i in self.ids.get((country, d), ())}
        y, x = self._cell(m.place)
        wide = math.ceil(1 / max(math.cos(math.radians(m.place.lat)), 0.05))
        entry = _gazetteer_entry(m.place)
        out: set[str] = set()
        for d in days:
            out |= self.coarse.get((country, d), set())
            for dy in (-1, 0, 1):
                for dx in range(-wide, wide + 1):
                    if (cell := self.cells.get((country, d, y + dy, x + dx))) is not None:
                        out |= self._named(cell, locality, entry)
        return out

    def _named(self, cell: dict[tuple, set[str]], locality: str | None,
               entry: tuple[int, str] | None) -> set[str]:
        """A cell's incidents a report naming ``locality`` at gazetteer ``entry`` may be:
        those naming no sub-place or one like it (any, for a report naming none), at no
        gazetteer entry, the same one or one of a like name."""
        return set().union(*(ids for (loc, other), ids in cell.items()
                             if (locality is None or loc is None
                                 or _similar(loc, locality, self.s))
                             and not _two_entries(entry, other, self.s)))


def _gazetteer_entry(p: Place) -> tuple[int, str] | None:
    """(geonameid, name as ``_two_gazetteer_places`` compares it) of a gazetteer place."""
    return None if p.geonameid is None else (p.geonameid, _admin_norm(p.name))


def _two_entries(a: tuple[int, str] | None, b: tuple[int, str] | None,
                 s: FuseSettings) -> bool:
    """``_two_gazetteer_places`` on the entries ``_gazetteer_entry`` gives."""
    return (a is not None and b is not None and a[0] != b[0]
            and not _similar(a[1], b[1], s))


def _reach(mentions: Sequence[StoredMention], s: FuseSettings) -> list[tuple[date, date]]:
    """The days a batch's mentions can reach (each one's interval and the day tolerance),
    merged where they overlap: the incidents to load are those dated to reach them."""
    spans = sorted((_shift(lo, -s.day_tolerance_days), _shift(hi, s.day_tolerance_days))
                   for lo, hi in (_interval(m.mention.date, m.mention.date_precision, s)
                                  for m in mentions))
    out: list[tuple[date, date]] = []
    for lo, hi in spans:
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out
