"""Persistence: a fusion run reads the pending mentions from the store in date windows
and writes each before the next; set-aside mentions retried; incidents refreshed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from ..models import Incident, StoredMention
from ..store import Store
from .batch import FuseReport, _Batch, _Run, _existing
from .grading import _maybe_of
from .blame import claims_of_incidents
from .incident import compute_incident
from .settings import FuseSettings


WINDOW_MENTIONS = 5_000  # pending mentions fused per window, whole days (see fuse_pending)


def fuse_pending(store: Store, *, settings: FuseSettings | None = None,
                 window_mentions: int = WINDOW_MENTIONS) -> FuseReport:
    """Fuse the strike mentions that are in no incident yet into new or existing incidents.

    The pending mentions are read in date order, whole days at a time and about
    ``window_mentions`` per window, and each window is written before the next is read: a
    window loads only the incidents its days can reach, so memory does not grow with the
    number of days fused (at 24,000 documents over 5 days one batch held 988 MB). A window
    is fused as a daily run would fuse it; within one window, and so for any batch of fewer
    mentions, the result is the one batch's. (The watch-lists' geometry, shapely and numpy,
    loads here, not for the brief and exports that read ``strikewatch.fuse``.)"""
    from ..alerts import check_incidents as check_alerts

    s = settings or FuseSettings.default()
    report = FuseReport()
    run = _Run(shared=store.pending_shared_keys())
    for window in _pending_windows(store, window_mentions):
        report.mentions += len(window)
        changed = _Batch(store, s, report, run).fuse(window)
        check_alerts(store, changed)  # issue 15: stores alerts, sends nothing
    report.dropped = _drop_empty(store)
    return report


def _pending_windows(store: Store, size: int) -> Iterator[list[StoredMention]]:
    """The pending mentions, window by window (``_day_spans``), read as each is reached."""
    for start, end in _day_spans(store.pending_days(), size):
        yield store.unfused_mentions_between(start, end)


def _day_spans(days: Sequence[tuple[date | None, int]], size: int
               ) -> list[tuple[date | None, date | None]]:
    """(first day, last day) of each window: consecutive days while their mentions stay
    within ``size`` (one day however many it has); the undated mentions a window of their own
    as (None, None)."""
    out: list[tuple[date | None, date | None]] = []
    held = 0
    for day, count in days:
        if day is None:
            out.append((None, None))
        elif out and out[-1][0] is not None and held + count <= size:
            out[-1] = (out[-1][0], day)
            held += count
        else:
            out.append((day, day))
            held = count
    return out


def retry_set_aside(store: Store, *, reason: str | None = None,
                    settings: FuseSettings | None = None) -> FuseReport:
    """Give the mentions fusion set aside another pass, and fuse them with whatever is new.

    A note is final for ``fuse_pending``, so that a bulk run does not weigh the same vague
    reports again and again; but the rules and the data change under it. A database fused
    before reports fitting several incidents stood apart holds them set aside as "ambiguous";
    an analyst's merge or split can undo a "contained" or "repeated" reason. ``reason``
    limits the pass to notes that start with it ("ambiguous"). Mentions still too vague are
    set aside again, each with its reason. A place the gazetteer has learnt since needs the
    mention geocoded again, which ``strikewatch extract --all`` does (and fuses).
    """
    from sqlalchemy import select

    from ..store import StrikeRow

    with store.sessions.begin() as s:
        rows = s.scalars(select(StrikeRow).where(StrikeRow.incident_id.is_(None))
                         .where(StrikeRow.fuse_note.is_not(None))).all()
        for row in rows:
            if reason is None or row.fuse_note.startswith(reason):
                row.fuse_note = None
    return fuse_pending(store, settings=settings)


def _drop_empty(store: Store) -> list[str]:
    """Incidents no mention supports any more, unless an analyst reviewed them (those stay,
    with their reviewed values, until the analyst rejects or merges them). Only an incident
    that lost a mention can be one: an imported incident never had any."""
    return store.drop_emptied_incidents()


def refresh_incidents(store: Store, ids: Iterable[str], *,
                      settings: FuseSettings | None = None) -> list[Incident]:
    """Recompute incidents from their current mentions (after an analyst merge or split)."""
    s = settings or FuseSettings.default()
    ids = list(dict.fromkeys(ids))
    members: dict[str, list[StoredMention]] = defaultdict(list)
    for sm in store.stored_mentions(incident_ids=ids):
        members[sm.incident_id].append(sm)
    incidents = store.incidents(ids=ids)
    known = _existing(store, {i for inc in incidents for i in _maybe_of(inc)})
    claims = claims_of_incidents(store, members)
    out = [compute_incident(inc.id, members[inc.id], previous=inc, settings=s,
                            maybe=[i for i in _maybe_of(inc) if i in known and i not in ids],
                            claims=claims.get(inc.id, ()))
           for inc in incidents if members[inc.id]]
    store.save_fusion(incidents=out)
    return out
