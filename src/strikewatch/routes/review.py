"""An analyst's review of an incident (confirm, reject, edit, merge, split) and the audit log."""

from __future__ import annotations

import threading
from typing import Any

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from ..store import Store
from ..web import queries
from .deps import API, Db, Paging, Read, Write, WriteLock, known_params, paged

router = APIRouter()


class Reason(BaseModel):
    reason: str = Field(min_length=1, max_length=2000, description="goes into the audit log")


class ConfirmBody(Reason):
    grade: str | None = Field(None, description="pin another grade than the computed one")


class EditBody(Reason):
    field: str = Field(description="date, date_precision, attacker, location, targets, "
                                   "fatalities, civilians, event_type, grade, grade_reason")
    value: Any = Field(description="the typed form (e.g. '12-46', 'RU', "
                                   "'rebel:Free Syrian Army') or the stored JSON value")


class MergeBody(Reason):
    absorb: str = Field(description="the incident whose mentions join this one; it is deleted")


class SplitBody(Reason):
    mention_ids: list[int] = Field(min_length=1, description="mentions that form a new incident")


def _review(store: Store, lock: threading.Lock, incident_id: str, action) -> dict:  # noqa: ANN001
    """Run one review action under the write lock; the incident as it now stands."""
    from ..fuse import incident_records

    if not queries.known_incident(store, incident_id):
        raise HTTPException(404, f"no incident {incident_id!r}")
    with lock:
        result = action()
    return incident_records(store, ids=[result.id])[0]


@router.post(f"{API}/incidents/{{incident_id}}/confirm", tags=["review"])
def confirm(incident_id: str, body: ConfirmBody, user: Write, store: Db,
            lock: WriteLock) -> dict:
    """The analyst checked the incident: its grade (or the one given) is pinned."""
    from .. import review

    return _review(store, lock, incident_id, lambda: review.confirm(
        store, incident_id, analyst=user.name, reason=body.reason, grade=body.grade))


@router.post(f"{API}/incidents/{{incident_id}}/reject", tags=["review"])
def reject(incident_id: str, body: Reason, user: Write, store: Db,
            lock: WriteLock) -> dict:
    """Discount the incident; it stays, with the reason, for the record."""
    from .. import review

    return _review(store, lock, incident_id, lambda: review.reject(
        store, incident_id, analyst=user.name, reason=body.reason))


@router.post(f"{API}/incidents/{{incident_id}}/edit", tags=["review"])
def edit(incident_id: str, body: EditBody, user: Write, store: Db,
            lock: WriteLock) -> dict:
    """Set one field; fusion never overwrites it afterwards."""
    from .. import review

    return _review(store, lock, incident_id, lambda: review.edit(
        store, incident_id, body.field, body.value, analyst=user.name, reason=body.reason))


@router.post(f"{API}/incidents/{{incident_id}}/merge", tags=["review"])
def merge(incident_id: str, body: MergeBody, user: Write, store: Db,
            lock: WriteLock) -> dict:
    """``absorb`` is the same strike: its mentions join this incident, which is re-graded."""
    from .. import review

    if not queries.known_incident(store, body.absorb):
        raise HTTPException(404, f"no incident {body.absorb!r}")
    return _review(store, lock, incident_id, lambda: review.merge(
        store, incident_id, body.absorb, analyst=user.name, reason=body.reason))


@router.post(f"{API}/incidents/{{incident_id}}/split", tags=["review"])
def split(incident_id: str, body: SplitBody, user: Write, store: Db,
            lock: WriteLock) -> dict:
    """The given mentions report another strike: they become a new incident (returned)."""
    from .. import review

    return _review(store, lock, incident_id, lambda: review.split(
        store, incident_id, body.mention_ids, analyst=user.name, reason=body.reason))


@router.get(f"{API}/reviews", tags=["review"], dependencies=[known_params(
    "incident_id", "analyst", "action", "limit", "offset")])
def reviews(_u: Read, store: Db, p: Paging, incident_id: str | None = None,
            analyst: str | None = None, action: str | None = None) -> dict:
    """The audit log, newest first: who changed what, when, and why."""
    total, items = queries.review_page(store, incident_id=incident_id, analyst=analyst,
                                       action=action, limit=p.limit, offset=p.offset)
    return paged(total, items, p)
