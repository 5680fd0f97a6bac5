"""The read queries behind the web app's other lists (claims, documents, the audit log, the
filters' choices), filtered, sorted and paged in SQL.

Incidents are read through the store (``Store.incident_page``, ``IncidentFilter``), as the
briefing and the exports read them, so that a filter and a summary mean one thing everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from ..models import EVENT_TYPES, GRADES, TARGET_CATEGORIES
from ..store import ClaimRow, DocumentRow, IncidentRow, ReviewRow, Store, StrikeRow


def incident_facets(store: Store) -> dict:
    """The values the filters can take, so that the map offers only choices that exist."""
    with store.sessions() as s:
        def distinct(*cols):
            q = select(*cols).distinct().where(cols[0].is_not(None)).order_by(*cols)
            return [list(r) if len(cols) > 1 else r[0] for r in s.execute(q)]

        span = s.execute(select(func.min(IncidentRow.date), func.max(IncidentRow.date))).one()
        return {
            "countries": distinct(IncidentRow.country),
            # an incident placed only to its country has no province to offer
            "regions": [r for r in distinct(IncidentRow.country, IncidentRow.admin1) if r[1]],
            "attackers": distinct(IncidentRow.attacker_country, IncidentRow.attacker_name),
            "grades": list(GRADES),
            "targets": list(TARGET_CATEGORIES),
            "event_types": list(EVENT_TYPES),
            "first": span[0].isoformat() if span[0] else None,
            "last": span[1].isoformat() if span[1] else None,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimFilter:
    """Claims are dated by the document that carries them; ``attacker`` is what they are about."""

    start: date | None = None
    end: date | None = None
    attacker: str | None = None
    kind: str | None = None
    role: str | None = None
    speaker: str | None = None  # a part of the speaker's name or organisation, any case
    doc_id: str | None = None


def claim_page(store: Store, f: ClaimFilter, *, limit: int = 50, offset: int = 0,
               descending: bool = False) -> tuple[int, list[dict]]:
    query = select(ClaimRow, DocumentRow.published, DocumentRow.source, DocumentRow.url).join(
        DocumentRow, DocumentRow.id == ClaimRow.doc_id)
    count = select(func.count()).select_from(ClaimRow).join(
        DocumentRow, DocumentRow.id == ClaimRow.doc_id)
    conditions = []
    if f.start is not None:
        conditions.append(DocumentRow.published >= f.start)
    if f.end is not None:
        conditions.append(DocumentRow.published <= f.end)
    if f.attacker:
        conditions.append(func.lower(ClaimRow.about) == f.attacker.lower())
    if f.kind:
        conditions.append(ClaimRow.kind == f.kind)
    if f.role:
        conditions.append(ClaimRow.role == f.role)
    if f.speaker:
        needle = f"%{f.speaker.lower()}%"
        conditions.append(func.lower(ClaimRow.speaker).like(needle)
                          | func.lower(ClaimRow.org).like(needle))
    if f.doc_id:
        conditions.append(ClaimRow.doc_id == f.doc_id)
    query, count = query.where(*conditions), count.where(*conditions)
    order = (DocumentRow.published, ClaimRow.doc_id, ClaimRow.start)
    query = query.order_by(*[c.desc() if descending else c.asc() for c in order])
    with store.sessions() as s:
        total = s.scalar(count) or 0
        rows = s.execute(query.limit(limit).offset(offset)).all()
    return total, [
        {"id": c.id, "doc_id": c.doc_id, "published": pub.isoformat() if pub else None,
         "outlet": outlet, "url": url, "speaker": c.speaker, "org": c.org, "role": c.role,
         "kind": c.kind, "about": c.about, "quote": c.quote,
         "numbers": [{"label": k, "value": v} for k, v in c.numbers or ()],
         "sentence": c.sentence, "start": c.start, "end": c.end}
        for c, pub, outlet, url in rows]


def document_page(store: Store, *, start: date | None = None, end: date | None = None,
                  source: str | None = None, limit: int = 50, offset: int = 0
                  ) -> tuple[int, list[dict]]:
    cols = (DocumentRow.id, DocumentRow.title, DocumentRow.source, DocumentRow.url,
            DocumentRow.published, DocumentRow.language, DocumentRow.near_duplicate_of,
            DocumentRow.ingested_at, DocumentRow.extracted_at)
    conditions = []
    if start is not None:
        conditions.append(DocumentRow.published >= start)
    if end is not None:
        conditions.append(DocumentRow.published <= end)
    if source:
        conditions.append(func.lower(DocumentRow.source) == source.lower())
    with store.sessions() as s:
        total = s.scalar(select(func.count()).select_from(DocumentRow).where(*conditions)) or 0
        rows = s.execute(select(*cols).where(*conditions)
                         .order_by(DocumentRow.published.desc(), DocumentRow.id)
                         .limit(limit).offset(offset)).all()
    return total, [
        {"id": r.id, "title": r.title, "source": r.source, "url": r.url,
         "published": r.published.isoformat() if r.published else None, "language": r.language,
         "near_duplicate_of": r.near_duplicate_of,
         "ingested_at": r.ingested_at.isoformat() if r.ingested_at else None,
         "extracted_at": r.extracted_at.isoformat() if r.extracted_at else None}
        for r in rows]


def document_detail(store: Store, doc_id: str) -> dict | None:
    """A document with its text and segments, and the sentences extraction found in it."""
    with store.sessions() as s:
        d = s.get(DocumentRow, doc_id)
        if d is None:
            return None
        strikes = s.scalars(select(StrikeRow).where(StrikeRow.doc_id == doc_id)
                            .order_by(StrikeRow.start)).all()
        claims = s.scalars(select(ClaimRow).where(ClaimRow.doc_id == doc_id)
                           .order_by(ClaimRow.start)).all()
        return {
            "id": d.id, "title": d.title, "source": d.source, "url": d.url,
            "published": d.published.isoformat() if d.published else None,
            "published_from": d.published_from, "language": d.language, "byline": d.byline,
            "origin": d.origin, "near_duplicate_of": d.near_duplicate_of,
            "content_hash": d.content_hash,
            "segments": [{"kind": k, "start": a, "end": b} for k, a, b in d.segments],
            "text": d.text,
            "strikes": [{"id": m.id, "start": m.start, "end": m.end, "sentence": m.sentence,
                         "place": m.place_text, "attacker": m.attacker_name,
                         "incident_id": m.incident_id, "note": m.fuse_note} for m in strikes],
            "claims": [{"id": c.id, "start": c.start, "end": c.end, "speaker": c.speaker,
                        "kind": c.kind, "about": c.about} for c in claims],
        }


def sources_of(store: Store, incident_id: str) -> list[dict]:
    """The documents an incident's mentions come from, each with its full text and the spans
    of the sentences that report the incident, for reading the sources side by side."""
    with store.sessions() as s:
        mentions = s.execute(select(StrikeRow.doc_id, StrikeRow.id, StrikeRow.start,
                                    StrikeRow.end, StrikeRow.place_start, StrikeRow.place_end)
                             .where(StrikeRow.incident_id == incident_id)
                             .order_by(StrikeRow.doc_id, StrikeRow.start)).all()
        doc_ids = list(dict.fromkeys(m.doc_id for m in mentions))
        docs = {d.id: d for d in s.scalars(select(DocumentRow)
                                          .where(DocumentRow.id.in_(doc_ids)))}
    out = []
    for doc_id in doc_ids:
        d = docs[doc_id]
        out.append({
            "doc_id": d.id, "title": d.title, "source": d.source, "url": d.url,
            "published": d.published.isoformat() if d.published else None,
            "near_duplicate_of": d.near_duplicate_of, "text": d.text,
            "highlights": [{"mention_id": m.id, "start": m.start, "end": m.end,
                            "place_start": m.place_start, "place_end": m.place_end}
                           for m in mentions if m.doc_id == doc_id],
        })
    return out


def review_page(store: Store, *, incident_id: str | None = None, analyst: str | None = None,
                action: str | None = None, limit: int = 50, offset: int = 0
                ) -> tuple[int, list[dict]]:
    """The audit log, newest first."""
    conditions = []
    if incident_id:
        conditions.append(ReviewRow.incident_id == incident_id)
    if analyst:
        conditions.append(ReviewRow.analyst == analyst)
    if action:
        conditions.append(ReviewRow.action == action)
    with store.sessions() as s:
        total = s.scalar(select(func.count()).select_from(ReviewRow).where(*conditions)) or 0
        rows = s.scalars(select(ReviewRow).where(*conditions)
                         .order_by(ReviewRow.at.desc(), ReviewRow.id.desc())
                         .limit(limit).offset(offset)).all()
    return total, [review_record(r) for r in rows]


def review_record(r: ReviewRow) -> dict:
    return {"id": r.id, "incident_id": r.incident_id, "action": r.action, "field": r.field,
            "old_value": r.old_value, "new_value": r.new_value, "analyst": r.analyst,
            "reason": r.reason, "at": r.at.isoformat() if r.at else None}


def known_incident(store: Store, incident_id: str) -> bool:
    with store.sessions() as s:
        return s.get(IncidentRow, incident_id) is not None



def mention_reports(store: Store, incident_ids: list[str]) -> dict[str, list[dict]]:
    """Each incident's reports as an analyst weighs them on a review card: per mention the
    sentence(s) it was read from, the figures read from them (tolls as ranges, the date and
    attacker and place as written) and the outlet with its link. The incident's own figures
    are a fusion of these; the card shows where each one came from."""
    out: dict[str, list[dict]] = {i: [] for i in incident_ids}
    for sm in store.stored_mentions(incident_ids=incident_ids):
        out.setdefault(sm.incident_id, []).append(mention_report(sm))
    return out


def _range(r) -> dict:  # noqa: ANN001 - a models.Range
    return {"min": r.min, "max": r.max, "vague": r.vague}


def mention_report(sm) -> dict:  # noqa: ANN001 - a models.StoredMention
    """One mention as the review card shows it (see ``mention_reports``)."""
    m = sm.mention
    return {
        "mention_id": sm.id, "doc_id": m.doc_id, "outlet": sm.outlet, "url": sm.url,
        "published": sm.published.isoformat() if sm.published else None,
        "sentences": [m.sentence.text, *(s.text for s in m.support)],
        "killed": _range(m.casualties.killed), "injured": _range(m.casualties.wounded),
        "civilians_killed": _range(m.casualties.civilians_killed),
        "date": m.date.isoformat() if m.date else None, "date_text": m.date_text,
        "attacker": m.attacker.name if m.attacker else None,
        "attacker_text": m.attacker_span.text if m.attacker_span else None,
        "place_text": m.place_text, "place": m.place.name if m.place else None,
        "reported_by": m.source, "hedged": m.hedged,
        "claimed_by_attacker": m.claimed_by_attacker,
    }
