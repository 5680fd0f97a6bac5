"""Reading control maps: dated GeoJSON of who held the ground, turned into one area per controller.

A control map is a FeatureCollection whose polygons carry the map's own label ("occupied",
"liberated", "Islamic State") and whose date is its ``published`` member or, failing that, a
YYYY-MM-DD in the file name. A mapping file (YAML) says which controller each label means;
where polygons of different labels overlap the label listed first wins, and a ``default``
gives the rest of a country (its outline from the bundled boundaries) to one controller.

Every problem of a file is collected with its feature number and reported together, so an
analyst fixes a file in one pass; an invalid ring is repaired with ``shapely.make_valid`` and
reported as a warning, since the repaired polygon covers the same ground.

The front line is worked out here, once per map: every edge between two controllers' areas,
without the edges on the map's outer rim (a coast or a state border is no front). Distances
are measured in a local plane in kilometres (longitude scaled by the cosine of the map's
middle latitude): over one country that is within a few per cent, finer than any front line.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path

import shapely
import yaml
from shapely.geometry.base import BaseGeometry

from ..errors import ControlMapError
from ..models import TARGET_CATEGORIES

KM_PER_DEGREE_LAT = 110.574
KM_PER_DEGREE_LON_AT_EQUATOR = 111.320
# An edge of a controller's area this close to the map's outer rim is the rim, not a front:
# the bundled country outlines are simplified to about 1 km, so a polygon drawn along a state
# border or coast may lie up to a kilometre or two inside the outline.
RIM_TOLERANCE_KM = 2.0
SNAP_KM = 0.01  # edges are merged on a 10 m grid: the maps' coordinates are rounded to ~10 m
# The default country's outline is widened by about 2 km: the bundled outlines are Natural
# Earth 1:50m simplified to ~1 km, and without the margin a strike on the Odesa seafront fell
# in the sea. The cost: a point within ~2 km beyond the border counts as inside.
OUTLINE_MARGIN_DEG = 0.02
POLYGONAL = ("Polygon", "MultiPolygon")
DATE_IN_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class LabelMapping:
    """Which controller each of a layer's labels means (a mapping file, read once)."""

    label_property: str
    labels: tuple[tuple[str, str], ...]  # (label, controller), first listed wins on overlap
    default_controller: str | None = None
    default_country: str | None = None  # ISO alpha-2: the outline the default fills
    categories: tuple[tuple[str, str], ...] = ()  # controller -> target category of its holders

    def controller(self, label: str) -> str | None:
        return dict(self.labels).get(label)


@dataclass(slots=True)
class ControlMap:
    """One dated map read and resolved: one area per controller, disjoint, and the front."""

    source: str
    map_date: date
    origin: str
    areas: dict[str, BaseGeometry]  # controller -> its ground (lon/lat)
    area_labels: dict[str, list[str]]
    front: BaseGeometry  # in the local km plane (see ``km_plane``)
    km_scale: float  # km per degree of longitude at the map's middle latitude
    categories: dict[str, str] = field(default_factory=dict)  # controller -> target category
    warnings: list[str] = field(default_factory=list)


def mapping_from_yaml(path: str | Path) -> LabelMapping:
    """Read a mapping file; a missing key or a label without a controller is a named error."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ControlMapError(f"{path}: cannot read the mapping: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("labels"), dict) or not raw["labels"]:
        raise ControlMapError(f"{path}: a mapping needs 'labels': a map from label to controller")
    empty = [str(k) for k, v in raw["labels"].items() if not v]
    if empty:
        raise ControlMapError(f"{path}: labels without a controller: {', '.join(empty)}")
    default = raw.get("default") or {}
    if default and not (default.get("controller") and default.get("country")):
        raise ControlMapError(f"{path}: 'default' needs both 'controller' and 'country'")
    categories = raw.get("categories") or {}
    unknown = sorted(set(map(str, categories.values())) - set(TARGET_CATEGORIES))
    if unknown:
        raise ControlMapError(f"{path}: categories not among {', '.join(TARGET_CATEGORIES)}: "
                              f"{', '.join(unknown)}")
    return LabelMapping(label_property=str(raw.get("label_property") or "status"),
                        labels=tuple((str(k), str(v)) for k, v in raw["labels"].items()),
                        default_controller=default.get("controller"),
                        default_country=default.get("country"),
                        categories=tuple((str(k), str(v)) for k, v in categories.items()))


def bundled_mapping(name: str) -> LabelMapping:
    """A mapping shipped in ``data/control`` (``deepstate``)."""
    path = resources.files("strikewatch") / "data" / "control" / f"{name}.yaml"
    if not path.is_file():
        raise ControlMapError(f"no bundled mapping {name!r} (data/control/{name}.yaml)")
    return mapping_from_yaml(Path(str(path)))


def read_control_map(path: Path, mapping: LabelMapping, *, source: str) -> ControlMap:
    """Read one file into a resolved map, or raise one error listing every bad feature."""
    collection = _load_collection(path)
    map_date = _map_date(path, collection)
    problems: list[str] = []
    warnings: list[str] = []
    shapes: dict[str, list[BaseGeometry]] = {}
    for number, feature in enumerate(collection["features"]):
        checked = _feature_shape(feature, number, mapping, problems, warnings)
        if checked:
            shapes.setdefault(checked[0], []).append(checked[1])
    if problems:
        raise ControlMapError(f"{path}: " + "; ".join(problems))
    if not shapes:
        raise ControlMapError(f"{path}: no polygon to import")
    areas, labels = _resolve_areas(shapes, mapping)
    scale = _km_scale(areas)
    return ControlMap(source=source, map_date=map_date, origin=str(path), areas=areas,
                      area_labels=labels, front=front_line(areas, scale), km_scale=scale,
                      categories=dict(mapping.categories),
                      warnings=[f"{path}: {w}" for w in warnings])


def _load_collection(path: Path) -> dict:
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ControlMapError(f"{path}: not readable GeoJSON: {exc}") from exc
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise ControlMapError(f"{path}: not a GeoJSON FeatureCollection")
    if not isinstance(collection.get("features"), list):
        raise ControlMapError(f"{path}: a FeatureCollection without a 'features' list")
    return collection


def _map_date(path: Path, collection: dict) -> date:
    """The ``published`` member (a date or an ISO timestamp), else a date in the file name."""
    published = collection.get("published")
    if published:
        try:
            return datetime.fromisoformat(str(published).replace("Z", "+00:00")).date()
        except ValueError as exc:
            raise ControlMapError(f"{path}: 'published' {published!r} is not an ISO date") from exc
    found = DATE_IN_NAME.search(path.name)
    if found:
        try:
            return date(*map(int, found.groups()))
        except ValueError as exc:
            raise ControlMapError(f"{path}: {found.group(0)!r} in the name is no date") from exc
    raise ControlMapError(f"{path}: no date: neither a 'published' member nor a YYYY-MM-DD "
                          "in the file name")


def _feature_shape(feature: dict, number: int, mapping: LabelMapping, problems: list[str],
                   warnings: list[str]) -> tuple[str, BaseGeometry] | None:
    """The feature's label and polygon; a problem is appended to ``problems`` instead."""
    where = f"feature {number}"
    props = feature.get("properties") or {}
    label = props.get(mapping.label_property)
    geometry = feature.get("geometry") or {}
    if geometry.get("type") not in POLYGONAL:
        problems.append(f"{where}: geometry is {geometry.get('type')!r}, not a polygon")
        return None
    if label is None or mapping.controller(str(label)) is None:
        problems.append(f"{where}: label {mapping.label_property}={label!r} is not in the mapping")
        return None
    try:
        shape = shapely.from_geojson(json.dumps(geometry))
    except shapely.errors.GEOSException as exc:
        problems.append(f"{where}: unreadable geometry: {exc}")
        return None
    if not shape.is_valid:
        reason = shapely.is_valid_reason(shape)
        shape = _polygonal_part(shapely.make_valid(shape))
        warnings.append(f"{where}: invalid ring repaired ({reason})")
    return str(label), shape


def _polygonal_part(shape: BaseGeometry) -> BaseGeometry:
    """``make_valid`` may return lines or points beside the polygons: only ground counts."""
    if shape.geom_type in POLYGONAL:
        return shape
    parts = [g for g in shapely.get_parts(shape) if g.geom_type in POLYGONAL]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def _resolve_areas(shapes: dict[str, list[BaseGeometry]], mapping: LabelMapping
                   ) -> tuple[dict[str, BaseGeometry], dict[str, list[str]]]:
    """Disjoint areas per controller: labels in the mapping's order, earlier ones win."""
    taken = shapely.Polygon()
    areas: dict[str, BaseGeometry] = {}
    labels: dict[str, list[str]] = {}
    for label, controller in mapping.labels:
        if label not in shapes:
            continue
        ground = shapely.union_all(shapes[label]).difference(taken)
        taken = taken.union(ground)
        areas[controller] = areas[controller].union(ground) if controller in areas else ground
        labels.setdefault(controller, []).append(label)
    if mapping.default_controller:
        outline = country_outline(mapping.default_country).buffer(OUTLINE_MARGIN_DEG)
        rest = outline.difference(taken)
        controller = mapping.default_controller
        areas[controller] = areas[controller].union(rest) if controller in areas else rest
        labels.setdefault(controller, []).append("default")
    areas = {c: _polygonal_part(a) for c, a in areas.items()}  # no slivers of lines or points
    return {c: a for c, a in areas.items() if not a.is_empty}, labels


@cache
def _outlines() -> dict[str, BaseGeometry]:
    path = resources.files("strikewatch") / "data" / "boundaries" / "admin0.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    return {f["properties"]["iso2"]: shapely.from_geojson(json.dumps(f["geometry"]))
            for f in collection["features"]}


def country_outline(iso2: str | None) -> BaseGeometry:
    """A country's outline from the bundled boundaries (a named error when it has none)."""
    outline = _outlines().get(iso2 or "")
    if outline is None:
        raise ControlMapError(f"the mapping's default country {iso2!r} has no outline in "
                              "data/boundaries/admin0.geojson")
    return shapely.make_valid(outline)


def _km_scale(areas: dict[str, BaseGeometry]) -> float:
    middle = shapely.union_all(list(areas.values())).centroid.y
    return KM_PER_DEGREE_LON_AT_EQUATOR * math.cos(math.radians(middle))


def km_plane(geometry: BaseGeometry, km_scale: float) -> BaseGeometry:
    """Lon/lat to the map's local plane in km (see the module docstring)."""
    return shapely.transform(geometry, lambda xy: xy * [km_scale, KM_PER_DEGREE_LAT])


def front_line(areas: dict[str, BaseGeometry], km_scale: float) -> BaseGeometry:
    """Edges between two controllers' areas, in km, without the map's outer rim."""
    planar = [_polygonal_part(shapely.make_valid(km_plane(a, km_scale)))
              for a in areas.values()]
    if len(planar) < 2:
        return shapely.LineString()
    edges = shapely.union_all([shapely.boundary(a) for a in planar], grid_size=SNAP_KM)
    rim = shapely.boundary(shapely.union_all(planar, grid_size=SNAP_KM)).buffer(RIM_TOLERANCE_KM)
    return edges.difference(rim)
