"""The store in an interchange format (docs/formats.md), streamed."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from ..store import IncidentFilter
from .deps import API, INCIDENT_FILTERS, Db, Filter, Read, known_params

router = APIRouter()


media = {"jsonl": "application/x-ndjson", "geojson": "application/geo+json",
         "acled": "text/csv"}
suffix = {"jsonl": "jsonl", "geojson": "geojson", "acled": "csv"}


@router.get(f"{API}/export", tags=["exports"], dependencies=[known_params(
    "format", "what", *INCIDENT_FILTERS)], response_class=StreamingResponse)
def export(_u: Read, store: Db, f: Filter,
           format: Annotated[str, Query(description="jsonl | geojson | acled")] = "jsonl",  # noqa: A002
           what: Annotated[str, Query(description="incidents | claims | documents")] = "incidents",
           ) -> StreamingResponse:
    """The store in an interchange format (docs/formats.md), streamed; the incident
    filters of ``/incidents`` narrow an export of incidents."""
    from ..export import export_lines

    chunks = export_lines(store, fmt=format, what=what,
                          where=None if f == IncidentFilter() else f)
    first = next(chunks, "")  # raises the ExportError of a bad choice before streaming
    name = f"strikewatch-{what}.{suffix[format]}"

    def body():
        yield first
        yield from chunks

    return StreamingResponse(body(), media_type=media[format], headers={
        "Content-Disposition": f'attachment; filename="{name}"'})
