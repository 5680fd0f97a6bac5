"""The read side: incidents as export records, with every mention they were built from."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date

from ..models import Incident, StoredMention
from ..store import IncidentFilter, Store, incident_summary
from .settings import FuseSettings
from .sources import _sources_of


def incident_records(store: Store, *, ids: Sequence[str] | None = None,
                     where: IncidentFilter | None = None,
                     country: str | None = None, attacker: str | None = None,
                     start: date | None = None, end: date | None = None,
                     grade: str | None = None, event_type: str | None = None,
                     settings: FuseSettings | None = None) -> list[dict]:
    """Incidents (as ``Store.incidents`` selects them) as the export dicts of docs/formats.md,
    each with every mention it was built from; ``grade_reason``, ``origin``, ``sources``,
    ``reviewed`` and the location's ``admin2`` are added fields."""
    s = settings or FuseSettings.default()
    incidents = store.incidents(ids=ids, where=where, country=country, attacker=attacker,
                                start=start, end=end, grade=grade, event_type=event_type)
    members: dict[str, list[StoredMention]] = defaultdict(list)
    for sm in store.stored_mentions(incident_ids=[i.id for i in incidents]):
        members[sm.incident_id].append(sm)
    return [_record(inc, members[inc.id], s) for inc in incidents]


def incidents_with_members(store: Store, where: IncidentFilter,
                           ) -> Iterator[tuple[Incident, list[StoredMention]]]:
    """Every incident ``where`` selects with its mentions, a page at a time: a whole-period
    export or claims report holds one page, and never asks one ``IN`` over every id."""
    for page in store.incident_pages(where):
        members: dict[str, list[StoredMention]] = defaultdict(list)
        for sm in store.stored_mentions(incident_ids=[i.id for i in page]):
            members[sm.incident_id].append(sm)
        for inc in page:
            yield inc, members[inc.id]


def stream_incident_records(store: Store, where: IncidentFilter | None = None,
                            settings: FuseSettings | None = None) -> Iterator[dict]:
    """``incident_records(store, where=where)`` record by record, for an export of any size."""
    s = settings or FuseSettings.default()
    for inc, members in incidents_with_members(store, where or IncidentFilter()):
        yield _record(inc, members, s)


def _record(inc: Incident, members: Sequence[StoredMention], s: FuseSettings) -> dict:
    """``store.incident_summary`` (the fields every reader shares) with the incident's sources
    and every mention it was built from."""
    labels: dict[str, str] = {}
    for m in members:
        for src in _sources_of(m, s):
            labels.setdefault(src.key, src.label)
    return {
        **incident_summary(inc),
        "sources": list(dict.fromkeys(labels.values())),  # one outlet once, as graded
        "mentions": [{"doc_id": m.mention.doc_id, "url": m.url,
                      "source": m.mention.source or m.outlet, "outlet": m.outlet,
                      "sentence": m.mention.sentence.text, "start": m.mention.sentence.start,
                      "end": m.mention.sentence.end,
                      "claimed_by_attacker": m.mention.claimed_by_attacker}
                     for m in members],
    }


def clip(text: str, n: int = 160) -> str:
    """A sentence on one line, cut to ``n`` characters, for report lines (and the briefing)."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
