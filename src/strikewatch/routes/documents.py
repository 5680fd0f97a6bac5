"""Stored articles: the list, and one with its text and the sentences read from it."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, HTTPException

from ..web import queries
from .deps import API, Db, Paging, Read, known_params, paged

router = APIRouter()


@router.get(f"{API}/documents", tags=["documents"],
            dependencies=[known_params("start", "end", "source", "limit", "offset")])
def documents(_u: Read, store: Db, p: Paging, start: date | None = None,
              end: date | None = None, source: str | None = None) -> dict:
    """Stored articles, newest first, without their text."""
    total, items = queries.document_page(store, start=start, end=end, source=source,
                                         limit=p.limit, offset=p.offset)
    return paged(total, items, p)


@router.get(f"{API}/documents/{{doc_id}}", tags=["documents"], dependencies=[known_params()])
def document(doc_id: str, _u: Read, store: Db) -> dict:
    """One article: text, segments, and the strike and claim sentences found in it."""
    found = queries.document_detail(store, doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return found
