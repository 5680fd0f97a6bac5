"""The briefing of a period (JSON, HTML, Markdown) and the watched sources' status."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse

from ..brief import BRIEF_POLICY
from .deps import API, Db, Read, known_params, plain

router = APIRouter()


@router.get(f"{API}/briefing", tags=["briefing"], response_model=None,
            dependencies=[known_params("end", "days", "country", "attacker", "format")])
def briefing(_u: Read, store: Db,
             end: Annotated[date | None, Query(description="last day briefed (default: "
                                               "the latest dated incident)")] = None,
             days: Annotated[int, Query(ge=1, le=366, description="length of the period")] = 7,
             country: str | None = None, attacker: str | None = None,
             format: Annotated[str, Query(description="json | html | markdown")] = "json",  # noqa: A002
             ) -> JSONResponse | HTMLResponse | PlainTextResponse:
    """The briefing data of a period, compared with the period before; ``html`` is the
    self-contained page (inline SVG map and chart) the briefing command writes."""
    from ..brief import BriefOptions, build_brief, render_html, render_markdown

    if format not in ("json", "html", "markdown"):
        raise HTTPException(400, f"unknown format {format!r}: json, html or markdown")
    brief = build_brief(store, BriefOptions(end=end, days=days, country=country,
                                            attacker=attacker))
    if format == "html":
        return HTMLResponse(render_html(brief), headers={
            "Content-Security-Policy": BRIEF_POLICY + "; frame-ancestors 'none'"})
    if format == "markdown":
        return PlainTextResponse(render_markdown(brief), media_type="text/markdown")
    return JSONResponse({"title": brief.title, **plain(brief)})


@router.get(f"{API}/sources", tags=["sources"], dependencies=[known_params()])
def watched_sources(_u: Read, store: Db) -> dict:
    """Each watched source's status (``strikewatch watch``): last success, last error,
    items today, next poll; times are UTC."""
    rows = [_source_record(r) for r in store.watched_sources()]
    return {"total": len(rows), "items": rows}


def _source_record(row) -> dict:  # noqa: ANN001 - a WatchedSourceRow
    def when(t) -> str | None:  # noqa: ANN001 - a datetime or None
        return t.isoformat() if t else None

    return {"name": row.name, "location": row.location, "last_success": when(row.last_success),
            "last_error": row.last_error, "last_error_at": when(row.last_error_at),
            "failures": row.failures,
            "items_today": row.items_on(datetime.now(UTC).date()),
            "items_day": row.items_day.isoformat() if row.items_day else None,
            "items_total": row.items_total, "next_poll": when(row.next_poll)}
