"""Incidents: the filtered, sorted page, the filters' choices, one incident with its
sources, reports and history, and the review queue."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import JSONResponse

from ..store import INCIDENT_SORTS, IncidentFilter, Store
from ..web import queries
from .deps import API, INCIDENT_FILTERS, Db, Filter, Paging, Read, known_params, paged

router = APIRouter()


@router.get(f"{API}/incidents", tags=["incidents"], dependencies=[known_params(
    *INCIDENT_FILTERS, "controller", "sort", "limit", "offset")])
def incidents(_u: Read, store: Db, f: Filter, p: Paging,
              sort: Annotated[str, Query(description="date | fatalities | grade | country "
                                         "| updated; prefix '-' for descending")] = "date",
              controller: Annotated[str | None, Query(description=(
                  "who held the ground on the control map in force (RU, UA, contested, "
                  "as the imported maps' mapping names them)"))] = None,
              ) -> JSONResponse:
    """Incident summaries (the export's fields, with ``mention_count`` instead of the
    mentions), filtered, sorted and paged."""
    key = sort.removeprefix("-")
    if key not in INCIDENT_SORTS:
        raise HTTPException(400, f"unknown sort {sort!r}: one of "
                                 f"{', '.join(INCIDENT_SORTS)} (prefix - to reverse)")
    total, items = _incident_page_with_ground(store, f, controller, sort=key,
                                              descending=sort.startswith("-"),
                                              limit=p.limit, offset=p.offset)
    return JSONResponse(paged(total, items, p))


@router.get(f"{API}/incidents/facets", tags=["incidents"], dependencies=[known_params()])
def facets(_u: Read, store: Db) -> dict:
    """The countries, regions and attackers present, and the date span, for filters."""
    return queries.incident_facets(store)


@router.get(f"{API}/incidents/{{incident_id}}", tags=["incidents"],
            dependencies=[known_params()])
def incident(incident_id: str, _u: Read, store: Db) -> dict:
    """One incident as exported (every mention with its sentence), the full text of each
    source with the reporting sentences' offsets, and its review history."""
    from ..fuse import incident_records

    found = incident_records(store, ids=[incident_id])
    if not found:
        raise HTTPException(404, f"no incident {incident_id!r}")
    record = _with_ground(store, found[0])
    record["sources_text"] = queries.sources_of(store, incident_id)
    record["reports"] = queries.mention_reports(store, [incident_id])[incident_id]
    record["history"] = queries.review_page(store, incident_id=incident_id,
                                            limit=1000)[1]
    return record


@router.get(f"{API}/review-queue", tags=["review"],
            dependencies=[known_params(*INCIDENT_FILTERS, "limit", "offset")])
def review_queue(_u: Read, store: Db, f: Filter, p: Paging) -> JSONResponse:
    """Weak and contested incidents no analyst has reviewed yet, oldest first, each with
    its ``reports``: per mention the sentences, the figures read from them and the outlet."""
    f = replace(f, grades=f.grades or ("weak", "contested"),
                reviewed=False if f.reviewed is None else f.reviewed)
    total, items = store.incident_page(f, limit=p.limit, offset=p.offset)
    reports = queries.mention_reports(store, [i["id"] for i in items])
    for item in items:
        item["reports"] = reports.get(item["id"], [])
    return JSONResponse(paged(total, items, p))


def _incident_page_with_ground(store: Store, f: IncidentFilter, controller: str | None,
                               **page_args: Any) -> tuple[int, list[dict]]:
    """The incident list with each incident's ground and the ``controller`` filter (issue 16)."""
    from ..ground.listing import incident_page_with_ground

    return incident_page_with_ground(store, f, controller, **page_args)


def _with_ground(store: Store, record: dict) -> dict:
    """One incident record with its ``ground`` (null when no control map covers it)."""
    from ..ground import with_ground

    return next(with_ground(store, [record]))
