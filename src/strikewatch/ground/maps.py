"""Control maps in the database: importing files in one transaction, loading a map for lookups.

An import reads and checks every file before it writes anything, and writes them all in one
transaction, so a bad file leaves what was imported before exactly as it was. Importing a map
of the same source and date again replaces it (a corrected file supersedes the old one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import shapely
from sqlalchemy import delete, select

from ..errors import ControlMapError
from ..store import ControlAreaRow, ControlMapRow, Store
from .layers import ControlMap, LabelMapping, read_control_map


@dataclass(slots=True)
class ImportSummary:
    """What ``control import`` did: the maps stored (source, date, file) and the repairs made."""

    maps: list[tuple[str, date, str]] = field(default_factory=list)
    replaced: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class MapEntry:
    """A stored map's identity: enough to choose the map in force without loading geometry."""

    id: int
    source: str
    map_date: date
    imported_at: datetime


def control_files(path: str | Path) -> list[Path]:
    """A file, or every ``*.geojson``/``*.json`` in a folder (sorted, so runs repeat)."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in (".geojson", ".json"))
        if not files:
            raise ControlMapError(f"{path}: no .geojson or .json file in the folder")
        return files
    if not path.is_file():
        raise ControlMapError(f"{path}: no such file or folder")
    return [path]


def import_control_maps(store: Store, path: str | Path, *, source: str,
                        mapping: LabelMapping) -> ImportSummary:
    """Read every file, then store them all at once; any bad file stores nothing."""
    if not source.strip():
        raise ControlMapError("a control map needs a --source name")
    maps = [read_control_map(p, mapping, source=source) for p in control_files(path)]
    summary = ImportSummary()
    with store.sessions.begin() as session:
        for control_map in maps:
            summary.replaced += _replace_same_map(session, control_map)
            _add_map(session, control_map)
            summary.maps.append((control_map.source, control_map.map_date, control_map.origin))
            summary.warnings += control_map.warnings
    return summary


def _replace_same_map(session, control_map: ControlMap) -> int:
    old = session.scalars(select(ControlMapRow.id).where(
        ControlMapRow.source == control_map.source,
        ControlMapRow.map_date == control_map.map_date)).all()
    if old:  # areas first: SQLite without foreign keys on would keep them
        session.execute(delete(ControlAreaRow).where(ControlAreaRow.map_id.in_(old)))
        session.execute(delete(ControlMapRow).where(ControlMapRow.id.in_(old)))
    return len(old)


def _add_map(session, control_map: ControlMap) -> None:
    row = ControlMapRow(source=control_map.source, map_date=control_map.map_date,
                        origin=control_map.origin, km_scale=control_map.km_scale,
                        front=shapely.to_wkb(control_map.front, hex=True))
    session.add(row)
    session.flush()
    session.add_all(ControlAreaRow(map_id=row.id, controller=controller,
                                   labels=",".join(control_map.area_labels.get(controller, [])),
                                   category=control_map.categories.get(controller),
                                   geometry=shapely.to_wkb(area, hex=True))
                    for controller, area in control_map.areas.items())


def map_entries(store: Store) -> list[MapEntry]:
    """Every stored map, oldest first within each source."""
    with store.sessions() as session:
        rows = session.execute(select(ControlMapRow.id, ControlMapRow.source,
                                      ControlMapRow.map_date, ControlMapRow.imported_at)
                               .order_by(ControlMapRow.source, ControlMapRow.map_date)).all()
    return [MapEntry(*row) for row in rows]


def map_geometry(store: Store, map_id: int) -> tuple[dict[str, shapely.Geometry],
                                                      shapely.Geometry, float]:
    """One map's areas (controller -> lon/lat geometry), front (km plane) and km scale."""
    with store.sessions() as session:
        row = session.get(ControlMapRow, map_id)
        if row is None:
            raise ControlMapError(f"no control map {map_id} in the database")
        areas = session.execute(select(ControlAreaRow.controller, ControlAreaRow.geometry)
                                .where(ControlAreaRow.map_id == map_id)
                                .order_by(ControlAreaRow.id)).all()  # the mapping's order
        return ({c: shapely.from_wkb(g) for c, g in areas}, shapely.from_wkb(row.front),
                row.km_scale)


def controller_categories(store: Store) -> dict[str, str]:
    """Controller -> the target category of its holders, as the imported mappings say."""
    with store.sessions() as session:
        rows = session.execute(select(ControlAreaRow.controller, ControlAreaRow.category)
                               .where(ControlAreaRow.category.is_not(None)).distinct()).all()
    return dict(rows)
