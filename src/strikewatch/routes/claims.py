"""Attributed statements, and an attacker's claims set against independent reports."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, HTTPException

from ..models import CLAIM_KINDS, SPEAKER_ROLES
from ..web import queries
from ..web.queries import ClaimFilter
from .deps import API, Db, Paging, Read, known_params, paged, plain

router = APIRouter()


@router.get(f"{API}/claims", tags=["claims"], dependencies=[known_params(
    "start", "end", "attacker", "kind", "role", "speaker", "doc_id", "limit", "offset")])
def claims(_u: Read, store: Db, p: Paging, start: date | None = None,
           end: date | None = None, attacker: str | None = None, kind: str | None = None,
           role: str | None = None, speaker: str | None = None,
           doc_id: str | None = None) -> dict:
    """Attributed statements (who said what about which attacker), by article date."""
    if kind is not None and kind not in CLAIM_KINDS:
        raise HTTPException(400, f"unknown claim kind {kind!r}: one of {', '.join(CLAIM_KINDS)}")
    if role is not None and role not in SPEAKER_ROLES:
        raise HTTPException(400, f"unknown role {role!r}: one of {', '.join(SPEAKER_ROLES)}")
    if start and end and start > end:
        raise HTTPException(400, f"start {start} is after end {end}")
    f = ClaimFilter(start=start, end=end, attacker=attacker, kind=kind, role=role,
                    speaker=speaker, doc_id=doc_id)
    total, items = queries.claim_page(store, f, limit=p.limit, offset=p.offset)
    return paged(total, items, p)


@router.get(f"{API}/claims/versus-reports", tags=["claims"],
            dependencies=[known_params("attacker", "start", "end")])
def claims_versus_reports(_u: Read, store: Db, attacker: str, start: date,
                          end: date) -> dict:
    """What an attacker says it hits against what independent sources report was hit."""
    from ..fuse import claims_vs_reports

    if start > end:
        raise HTTPException(400, f"start {start} is after end {end}")
    report = claims_vs_reports(store, attacker=attacker, start=start, end=end)
    return {**plain(report), "lines": report.lines()}
