"""The read queries behind the web app's lists: filtered, sorted and paged in SQL.

The export (``fuse.incident_records``) builds whole records with every mention; a list page
needs fifty summaries out of tens of thousands in a few milliseconds, so the filters, the
order and the page are pushed into one indexed query here, and the summary fields use the
names and nesting of the export so that a client reads both the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import String, cast, func, select

from ..models import EVENT_TYPES, GRADES, TARGET_CATEGORIES, UNKNOWN_ATTACKER
from ..store import ClaimRow, DocumentRow, IncidentRow, ReviewRow, Store, StrikeRow


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentFilter:
    """What an analyst narrows the incident list to; every field is optional."""

    start: date | None = None
    end: date | None = None
    country: str | None = None  # ISO alpha-2 of where it happened
    region: str | None = None  # first-level division (governorate, province), any case
    attacker: str | None = None  # ISO alpha-2 of a state's forces, or a non-state force's name
    target: str | None = None  # one of TARGET_CATEGORIES
    grades: tuple[str, ...] = ()  # any of GRADES
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    reviewed: bool | None = None  # only incidents an analyst has (True) or has not (False) set
    event_type: str | None = None  # one of EVENT_TYPES: air strikes, shelling, or unknown

    def problems(self) -> list[str]:
        out = []
        if self.start and self.end and self.start > self.end:
            out.append(f"start {self.start} is after end {self.end}")
        if self.target is not None and self.target not in TARGET_CATEGORIES:
            out.append(f"unknown target category {self.target!r} "
                       f"(one of {', '.join(TARGET_CATEGORIES)})")
        out += [f"unknown grade {g!r} (one of {', '.join(GRADES)})"
                for g in self.grades if g not in GRADES]
        if self.event_type is not None and self.event_type not in EVENT_TYPES:
            out.append(f"unknown event type {self.event_type!r} (one of {', '.join(EVENT_TYPES)})")
        if self.bbox is not None:
            west, south, east, north = self.bbox
            if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
                out.append("bbox must be min_lon,min_lat,max_lon,max_lat within the globe, "
                           "west before east and south before north")
        return out


INCIDENT_SORTS = {
    "date": (IncidentRow.date,),
    "fatalities": (IncidentRow.fatalities_min,),
    "grade": (IncidentRow.grade,),
    "country": (IncidentRow.country, IncidentRow.admin1),
    "updated": (IncidentRow.updated_at,),
}


def _mention_count():
    return (select(func.count(StrikeRow.id)).where(StrikeRow.incident_id == IncidentRow.id)
            .correlate(IncidentRow).scalar_subquery())


def _apply(query, f: IncidentFilter):
    if f.start is not None:
        query = query.where(IncidentRow.date >= f.start)
    if f.end is not None:
        query = query.where(IncidentRow.date <= f.end)
    if f.country:
        query = query.where(IncidentRow.country == f.country.upper())
    if f.region:
        query = query.where(func.lower(IncidentRow.admin1) == f.region.lower())
    if f.attacker:
        # a two-letter code is a state's forces: the indexed column, no scan of every name
        if len(f.attacker) == 2 and f.attacker.isalpha():
            query = query.where(IncidentRow.attacker_country == f.attacker.upper())
        elif f.attacker.lower() == UNKNOWN_ATTACKER:
            query = query.where(IncidentRow.attacker_name.is_(None))
        else:
            query = query.where(func.lower(IncidentRow.attacker_name) == f.attacker.lower())
    if f.target:
        # targets is a JSON list of objects; both SQLite (json.dumps) and PostgreSQL's text
        # rendering of JSON write a key as "category": "value"
        query = query.where(cast(IncidentRow.targets, String)
                            .like(f'%"category": "{f.target}"%'))
    if f.grades:
        query = query.where(IncidentRow.grade.in_(f.grades))
    if f.event_type:
        query = query.where(IncidentRow.event_type == f.event_type)
    if f.bbox is not None:
        west, south, east, north = f.bbox
        query = query.where(IncidentRow.lon.between(west, east),
                            IncidentRow.lat.between(south, north))
    if f.reviewed is not None:
        unreviewed = cast(IncidentRow.reviewed, String).in_(["{}", "null"])
        query = query.where(~unreviewed if f.reviewed else unreviewed)
    return query


def incident_page(store: Store, f: IncidentFilter, *, sort: str = "date", descending: bool = False,
                  limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
    """The total matching ``f`` and one page of incident summaries in the export's shape."""
    order = [c.desc() if descending else c.asc() for c in INCIDENT_SORTS[sort]]
    order.append(IncidentRow.id.desc() if descending else IncidentRow.id.asc())
    # plain columns, not ORM entities: a list page never writes, and loading entities costs
    # more than the query (measured with benchmarks/api_load.py)
    rows_query = _apply(select(*_SUMMARY_COLUMNS, _mention_count().label("mention_count")), f)
    total_query = _apply(select(func.count()).select_from(IncidentRow), f)
    with store.engine.connect() as conn:
        total = conn.scalar(total_query) or 0
        rows = conn.execute(rows_query.order_by(*order).limit(limit).offset(offset)).all()
    return total, [incident_summary(row, row.mention_count) for row in rows]


_SUMMARY_COLUMNS = tuple(IncidentRow.__table__.c[name] for name in (
    "id", "date", "date_precision", "attacker_name", "attacker_country", "place_name", "admin1",
    "admin2", "country", "lat", "lon", "geo_precision", "geonameid", "targets",
    "fatalities_min", "fatalities_max", "civilians_min", "civilians_max", "grade",
    "grade_reason", "origin", "reviewed", "event_type", "fatalities_vague"))


def incident_summary(r, mention_count: int) -> dict:  # noqa: ANN001 - an IncidentRow or a Row
    return {
        "id": r.id,
        "date": r.date.isoformat() if r.date else None,
        "date_precision": r.date_precision,
        "attacker": {"name": r.attacker_name, "country": r.attacker_country}
        if r.attacker_name else {"name": UNKNOWN_ATTACKER, "country": None},
        "location": {"name": r.place_name, "admin1": r.admin1, "admin2": r.admin2,
                     "country": r.country, "lat": r.lat, "lon": r.lon,
                     "precision": r.geo_precision, "geonameid": r.geonameid},
        "targets": [{"name": t.get("name"), "category": t.get("category")}
                    for t in r.targets or ()],
        "fatalities": {"min": r.fatalities_min, "max": r.fatalities_max,
                       "vague": bool(r.fatalities_vague),
                       "civilians_min": r.civilians_min, "civilians_max": r.civilians_max},
        "event_type": r.event_type,
        "grade": r.grade,
        "grade_reason": r.grade_reason,
        "origin": r.origin,
        "reviewed": sorted(r.reviewed or {}),
        "mention_count": mention_count,
    }


def incident_facets(store: Store) -> dict:
    """The values the filters can take, so that the map offers only choices that exist."""
    with store.sessions() as s:
        def distinct(*cols):
            q = select(*cols).distinct().where(cols[0].is_not(None)).order_by(*cols)
            return [list(r) if len(cols) > 1 else r[0] for r in s.execute(q)]

        span = s.execute(select(func.min(IncidentRow.date), func.max(IncidentRow.date))).one()
        return {
            "countries": distinct(IncidentRow.country),
            "regions": distinct(IncidentRow.country, IncidentRow.admin1),
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

