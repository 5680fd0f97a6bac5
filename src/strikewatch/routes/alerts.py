"""Watch-lists and the alerts they raised. Watch-lists are managed by analysts and admins
(their criteria and webhook addresses are not for readers); alerts are read like incidents.
A bad watch-list is a 422 with the reason; a name taken or missing a 409 or 404."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from .. import alerts as al
from ..errors import WatchlistError
from ..store import Store
from .deps import API, Db, Paging, Read, WatchlistRead, Write, known_params, paged

router = APIRouter()


class WatchlistBody(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    criteria: dict = Field(description="area ({admin1, country} | {lat, lon, radius_km} | "
                                       "{polygon}), attacker, target, event_type, "
                                       "min_fatalities, facilities: every one given must hold")
    notify: dict = Field(default_factory=dict, description="webhook URL and/or email list")


class NewWatchlistBody(WatchlistBody):
    look_back_days: int = Field(
        7, ge=0, le=3660, description="on creation, check the incidents that struck in the "
        "last N days, today included (0: only what is fused or reviewed from now on)")


def watchlist_record(w) -> dict:  # noqa: ANN001 - an alerts.Watchlist
    return {"name": w.name, "criteria": w.criteria, "notify": w.notify}


def checked(body: WatchlistBody):  # noqa: ANN202 - an alerts.Watchlist
    try:
        return al.parse_watchlist(body.name, body.criteria, body.notify)
    except WatchlistError as exc:
        raise HTTPException(422, str(exc)) from None


def named(store: Store, name: str):  # noqa: ANN202 - an alerts.Watchlist
    found = [w for w in al.watchlists(store) if w.name == name]
    if not found:
        raise HTTPException(404, f"no watch-list named {name!r}")
    return found[0]


@router.get(f"{API}/watchlists", tags=["alerts"], dependencies=[known_params()])
def list_watchlists(_u: WatchlistRead, store: Db) -> dict:
    """Every watch-list: its criteria and where its alerts go."""
    items = [watchlist_record(w) for w in al.watchlists(store)]
    return {"total": len(items), "items": items}


@router.post(f"{API}/watchlists", tags=["alerts"], status_code=201)
def create_watchlist(body: NewWatchlistBody, user: Write, store: Db) -> dict:
    """Add a watch-list and check it against the incidents of the last ``look_back_days``
    (``raised``: the alerts that raised); incidents fused or reviewed from now on are
    checked as they come. A webhook on an internal address is a 422."""
    w = checked(body)
    if "webhook" in w.notify:
        try:
            al.check_webhook_target(w.notify["webhook"])
        except WatchlistError as exc:
            raise HTTPException(422, str(exc)) from None
    try:
        added = al.add_watchlist(store, w, by=user.name)
    except WatchlistError as exc:
        raise HTTPException(409, str(exc)) from None
    raised = al.check_recent(store, added, days=body.look_back_days)
    return {**watchlist_record(added), "look_back_days": body.look_back_days,
            "raised": len(raised)}


@router.get(f"{API}/watchlists/{{name}}", tags=["alerts"], dependencies=[known_params()])
def get_watchlist(name: str, _u: WatchlistRead, store: Db) -> dict:
    return watchlist_record(named(store, name))


@router.put(f"{API}/watchlists/{{name}}", tags=["alerts"], dependencies=[known_params()])
def put_watchlist(name: str, body: WatchlistBody, _u: Write, store: Db) -> dict:
    """Replace a watch-list's criteria and notify (the name in the body must be ``name``)."""
    if body.name != name:
        raise HTTPException(422, "a watch-list keeps its name: remove it and add another")
    named(store, name)
    try:
        return watchlist_record(al.replace_watchlist(store, name, checked(body)))
    except WatchlistError as exc:
        raise HTTPException(422, str(exc)) from None


@router.delete(f"{API}/watchlists/{{name}}", tags=["alerts"], dependencies=[known_params()])
def delete_watchlist(name: str, _u: Write, store: Db) -> dict:
    """Remove a watch-list and its alerts."""
    named(store, name)
    al.remove_watchlist(store, name)
    return {"removed": name}


@router.get(f"{API}/alerts", tags=["alerts"], dependencies=[known_params(
    "watchlist", "incident_id", "active", "limit", "offset")])
def list_alerts(_u: Read, store: Db, p: Paging, watchlist: str | None = None,
                incident_id: str | None = None, active: bool = False) -> dict:
    """Alerts newest first: the watch-list, the incident, why it matched, whether it was
    withdrawn (an edit took the incident out) and how its sending went."""
    where = {"watchlist": watchlist, "incident_id": incident_id, "withdrawn": not active}
    items = al.alerts(store, **where, limit=p.limit, offset=p.offset)
    return paged(al.count_alerts(store, **where), items, p)
