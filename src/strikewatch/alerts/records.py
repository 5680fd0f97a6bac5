"""Watch-lists and alerts in the database: write, list, remove, and check incidents.

``check_incidents`` is the one call fusion and review make after they save incidents: it
stores an alert once per incident and watch-list (the unique constraint makes a second check,
or a concurrent one, add nothing), withdraws one whose incident was edited out of the
watch-list (the row stays, for the record) and raises it again when edited back in. It only
writes rows; sending is ``delivery.deliver_due``'s, so fusion never waits on a webhook.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..errors import WatchlistError
from ..store import AlertRow, Store, WatchlistRow, now
from .matching import why_matched
from .targets import check_webhook_target
from .watchlists import Watchlist, parse_watchlist


def add_watchlist(store: Store, w: Watchlist, *, by: str | None = None) -> Watchlist:
    """Store a checked watch-list; a name already taken, or a webhook pointing at an internal
    address (``targets``), is refused."""
    _check_target(w)
    with store.sessions() as s:
        if s.scalar(select(WatchlistRow.id).where(WatchlistRow.name == w.name)) is not None:
            raise WatchlistError(f"a watch-list named {w.name!r} exists already")
        row = WatchlistRow(name=w.name, criteria=w.criteria, notify=w.notify, created_by=by)
        s.add(row)
        try:
            s.commit()
        except IntegrityError:
            raise WatchlistError(f"a watch-list named {w.name!r} exists already") from None
        return parse_watchlist(row.name, row.criteria, row.notify, id=row.id)


def _check_target(w: Watchlist) -> None:
    if "webhook" in w.notify:
        check_webhook_target(w.notify["webhook"])


def watchlists(store: Store) -> list[Watchlist]:
    with store.sessions() as s:
        return [parse_watchlist(r.name, r.criteria, r.notify, id=r.id)
                for r in s.scalars(select(WatchlistRow).order_by(WatchlistRow.name))]


def replace_watchlist(store: Store, name: str, w: Watchlist) -> Watchlist:
    """Change a watch-list's criteria and where it sends; its alerts so far stay as raised
    (the incidents edited or fused from now on are checked against the new criteria)."""
    _check_target(w)
    with store.sessions.begin() as s:
        row = s.scalar(select(WatchlistRow).where(WatchlistRow.name == name))
        if row is None:
            raise WatchlistError(f"no watch-list named {name!r}")
        row.criteria, row.notify = w.criteria, w.notify
        return parse_watchlist(row.name, row.criteria, row.notify, id=row.id)


def remove_watchlist(store: Store, name: str) -> None:
    """Delete a watch-list and its alerts (they answered a question nobody asks any more)."""
    with store.sessions.begin() as s:
        row = s.scalar(select(WatchlistRow).where(WatchlistRow.name == name))
        if row is None:
            raise WatchlistError(f"no watch-list named {name!r}")
        for alert in s.scalars(select(AlertRow).where(AlertRow.watchlist_id == row.id)):
            s.delete(alert)
        s.delete(row)


@dataclass(frozen=True)
class Change:
    """What one check did: ``raised`` (new or raised again) or ``withdrawn``."""

    watchlist: str
    incident_id: str
    what: str


DEFAULT_LOOKBACK_DAYS = 7


def check_recent(store: Store, w: Watchlist, *, days: int = DEFAULT_LOOKBACK_DAYS,
                 today: date | None = None) -> list[Change]:
    """Check a new watch-list against the incidents that struck in the last ``days`` days
    (today included; undated incidents are left out), so that an analyst who starts watching
    an area hears of what already happened there this week, not only of what comes next.
    ``days`` 0 checks nothing."""
    if days < 0:
        raise WatchlistError(f"the look-back must be 0 days or more, not {days}")
    if days == 0:
        return []
    today = today or now().date()
    since = today - timedelta(days=days - 1)
    recent = store.incidents(start=since, end=today)
    return check_incidents(store, [inc.id for inc in recent], only=[w])


def check_incidents(store: Store, ids: Iterable[str], *,
                    only: list[Watchlist] | None = None) -> list[Change]:
    """Check these incidents against every watch-list (or ``only`` these); store what changed.
    The alerts they already have are read in one query, so a large fusion batch writes only
    its changes."""
    ids = sorted(set(ids))
    lists = (only if only is not None else watchlists(store)) if ids else []
    if not lists:
        return []
    incidents = store.incidents(ids=ids)
    sentences = _sentences_of(store, [inc.id for inc in incidents])
    standing = _standing_alerts(store, ids)
    changes = []
    for w in lists:
        for inc in incidents:
            reasons = None if inc.grade == "discounted" else why_matched(
                w, inc, sentences[inc.id])
            change = _change(w, inc.id, reasons, standing.get((w.id, inc.id)))
            if change is None:
                continue
            try:
                _record(store, w, inc.id, reasons)
            except IntegrityError:  # another process stored this alert a moment ago
                continue
            changes.append(change)
    return changes


def _sentences_of(store: Store, ids: list[str]) -> dict[str, list[str]]:
    """The sentences of every mention of each incident, where facility words are looked for."""
    out: dict[str, list[str]] = defaultdict(list)
    for sm in store.stored_mentions(incident_ids=ids):
        out[sm.incident_id] += [sm.mention.sentence.text, *(s.text for s in sm.mention.support)]
    return out


def _standing_alerts(store: Store, ids: list[str]) -> dict[tuple[int, str], bool]:
    """(watch-list id, incident id) -> whether its alert is in force (False: withdrawn)."""
    out = {}
    with store.sessions() as s:
        for i in range(0, len(ids), 500):
            query = select(AlertRow.watchlist_id, AlertRow.incident_id, AlertRow.withdrawn_at
                           ).where(AlertRow.incident_id.in_(ids[i:i + 500]))
            out.update({(w, inc): withdrawn is None for w, inc, withdrawn in s.execute(query)})
    return out


def _change(w: Watchlist, incident_id: str, reasons: list[str] | None,
            in_force: bool | None) -> Change | None:
    """What a check changes: raise (new, or back in), withdraw (edited out), or nothing (a
    standing alert whose incident still matches keeps the reasons it was raised for)."""
    if reasons is not None and not in_force:
        return Change(w.name, incident_id, "raised")
    if reasons is None and in_force:
        return Change(w.name, incident_id, "withdrawn")
    return None


def _record(store: Store, w: Watchlist, incident_id: str, reasons: list[str] | None) -> None:
    with store.sessions.begin() as s:
        row = s.scalar(select(AlertRow).where(AlertRow.watchlist_id == w.id,
                                              AlertRow.incident_id == incident_id))
        if reasons is None:
            row.withdrawn_at = now()
            return
        if row is None:
            row = AlertRow(watchlist_id=w.id, incident_id=incident_id, attempts=[])
            s.add(row)
        row.matched, row.raised_at, row.withdrawn_at = reasons, now(), None
        row.delivery = "pending" if w.notify else "none"
        row.next_attempt_at = now() if w.notify else None


def _alert_query(query, watchlist: str | None, incident_id: str | None, withdrawn: bool):
    if watchlist:
        query = query.where(WatchlistRow.name == watchlist)
    if incident_id:
        query = query.where(AlertRow.incident_id == incident_id)
    if not withdrawn:
        query = query.where(AlertRow.withdrawn_at.is_(None))
    return query


def count_alerts(store: Store, *, watchlist: str | None = None, incident_id: str | None = None,
                 withdrawn: bool = True) -> int:
    query = select(func.count(AlertRow.id)).join(WatchlistRow)
    with store.sessions() as s:
        return s.scalar(_alert_query(query, watchlist, incident_id, withdrawn))


def alerts(store: Store, *, watchlist: str | None = None, incident_id: str | None = None,
           withdrawn: bool = True, limit: int | None = None, offset: int = 0
           ) -> list[dict]:
    """Alerts newest first, as readers see them (API, CLI, web page)."""
    query = (select(AlertRow, WatchlistRow.name).join(WatchlistRow)
             .order_by(AlertRow.raised_at.desc(), AlertRow.id.desc()))
    query = _alert_query(query, watchlist, incident_id, withdrawn).offset(offset).limit(limit)
    with store.sessions() as s:
        return [alert_record(row, name) for row, name in s.execute(query).all()]


def alert_record(row: AlertRow, watchlist: str) -> dict:
    def when(t):  # noqa: ANN001, ANN202 - a datetime or None
        return t.isoformat(timespec="seconds") if t else None

    return {"id": row.id, "watchlist": watchlist, "incident_id": row.incident_id,
            "matched": row.matched, "raised_at": when(row.raised_at),
            "withdrawn_at": when(row.withdrawn_at), "delivery": row.delivery,
            "attempts": row.attempts, "next_attempt_at": when(row.next_attempt_at),
            "last_error": next((a.get("error") for a in reversed(row.attempts)
                                if not a.get("ok")), None)}
