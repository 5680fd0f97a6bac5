"""The API's incident list with each incident's ground, and its ``controller`` filter.

Ground is worked out from the stored maps when asked (see ``lookup``), not stored on the
incidents, so a filter on it cannot be SQL: with ``controller`` set, every incident matching
the other filters is placed and the page is cut afterwards. Without it only the page is placed.
"""

from __future__ import annotations

from ..store import Store
from ..web.queries import IncidentFilter, incident_page
from . import with_ground


def incident_page_with_ground(store: Store, f: IncidentFilter, controller: str | None, *,
                              sort: str, descending: bool, limit: int, offset: int
                              ) -> tuple[int, list[dict]]:
    """(total, page) as ``queries.incident_page``, each item with its ``ground``."""
    if controller is None:
        total, items = incident_page(store, f, sort=sort, descending=descending, limit=limit,
                                     offset=offset)
        return total, list(with_ground(store, items))
    matching, _ = incident_page(store, f, sort=sort, descending=descending, limit=0)
    _, everything = incident_page(store, f, sort=sort, descending=descending, limit=matching)
    held = [item for item in with_ground(store, everything)
            if (item["ground"] or {}).get("controller") == controller]
    return len(held), held[offset:offset + limit]
