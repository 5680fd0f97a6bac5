"""The API's incident list with each incident's ground, and its ``controller`` filter.

Ground is worked out from the stored maps when asked (see ``lookup``), not stored on the
incidents, so a filter on it cannot be SQL: with ``controller`` set, every incident matching
the other filters is placed and the page is cut afterwards. Without it only the page is placed.
The web map's control layer is the same maps, simplified for drawing.
"""

from __future__ import annotations

import json
from datetime import date

import shapely

from ..store import IncidentFilter, Store
from . import with_ground


def incident_page_with_ground(store: Store, f: IncidentFilter, controller: str | None, *,
                              sort: str, descending: bool, limit: int, offset: int
                              ) -> tuple[int, list[dict]]:
    """(total, page) as ``Store.incident_page``, each item with its ``ground``."""
    if controller is None:
        total, items = store.incident_page(f, sort=sort, descending=descending,
                                           limit=limit, offset=offset)
        return total, list(with_ground(store, items))
    order = {"sort": sort, "descending": descending}
    matching, _ = store.incident_page(f, **order, limit=0)
    _, everything = store.incident_page(f, **order, limit=matching)
    held = [item for item in with_ground(store, everything)
            if (item["ground"] or {}).get("controller") == controller]
    return len(held), held[offset:offset + limit]


LAYER_SIMPLIFY_DEG = 0.005  # ~500 m: the web map shows the layer, lookups use the full one
_LAYERS: dict[tuple, list[dict]] = {}


def layer_geojson(store: Store, day: date, source: str | None = None) -> dict:
    """The areas of each source's map in force on ``day``, as GeoJSON for the web map."""
    from .lookup import ControlLayers
    from .maps import map_geometry

    layers = ControlLayers(store, source=source)
    features = []
    for name in layers.by_source:
        entry = layers.map_in_force(name, day)
        if entry is None:
            continue
        key = (store.url, entry.id, entry.imported_at)
        if key not in _LAYERS:
            areas = map_geometry(store, entry.id)[0]
            _LAYERS[key] = [{"type": "Feature", "geometry": json.loads(shapely.to_geojson(
                shapely.simplify(area, LAYER_SIMPLIFY_DEG))),
                "properties": {"controller": controller, "source": entry.source,
                               "map_date": entry.map_date.isoformat()}}
                for controller, area in areas.items()]
        features += _LAYERS[key]
    return {"type": "FeatureCollection", "features": features}
