"""Exports: JSON Lines (formats.md), GeoJSON and ACLED-compatible CSV.

Every export is written from the incident records of ``fuse.incident_records`` (or the stored
documents and claims), so the three formats never disagree about a field.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any

from .errors import ExportError
from .models import UNKNOWN_ATTACKER
from .imports import (
    ACLED,
    ACLED_SUB_EVENT,
    acled_source_scale,
    ACLED_GEO_PRECISION,
    ACLED_TIME_PRECISION,
    acled_country_name,
    acled_inter_code,
    acled_region,
    attribution,
    source_records,
)
from .store import IncidentFilter, Store

FORMATS = ("jsonl", "geojson", "acled")
WHATS = ("incidents", "claims", "documents")

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, default=_json_default)


def document_records(store: Store) -> Iterator[dict]:
    for doc in store.documents():
        yield {"id": doc.id, "title": doc.title, "source": doc.source, "url": doc.url,
               "published": doc.published, "published_from": doc.published_from,
               "language": doc.language, "byline": doc.byline, "origin": doc.origin,
               "near_duplicate_of": doc.near_duplicate_of, "content_hash": doc.content_hash,
               "segments": [{"kind": s.kind, "start": s.start, "end": s.end}
                            for s in doc.segments],
               "text": doc.text}


def claim_records(store: Store) -> Iterator[dict]:
    for c in store.claim_mentions():
        yield {"doc_id": c.doc_id, "speaker": c.speaker, "org": c.org, "role": c.role,
               "kind": c.kind, "about": c.about, "quote": c.quote,
               "numbers": [{"label": k, "value": v} for k, v in c.numbers],
               "sentence": c.span.text, "start": c.span.start, "end": c.span.end}


def export_lines(store: Store, *, fmt: str, what: str,
                 where: IncidentFilter | None = None) -> Iterator[str]:
    """The export as text chunks, so that large exports stream to a file or a response;
    ``where`` narrows the incidents as the briefing and the API's lists narrow them."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if what not in WHATS:
        raise ExportError(f"unknown --what {what!r}: choose one of {', '.join(WHATS)}")
    if fmt != "jsonl" and what != "incidents":
        raise ExportError(f"{fmt} exports incidents only; use --format jsonl for {what}")
    if where is not None and what != "incidents":
        raise ExportError(f"filters narrow incidents only, not {what}")
    if what == "documents":
        records: Iterable[dict] = document_records(store)
    elif what == "claims":
        records = claim_records(store)
    else:
        from .fuse import stream_incident_records
        from .ground import with_ground

        records = with_ground(store, stream_incident_records(store, where))
    if fmt == "jsonl":
        for record in records:
            yield dumps(record) + "\n"
    elif fmt == "geojson":
        yield dumps(geojson(records)) + "\n"
    else:
        yield from acled_csv(with_sources(store, records))


def geojson(incidents: Iterable[dict]) -> dict:
    """A FeatureCollection of the incidents that have coordinates; properties as in JSON Lines."""
    features = []
    for inc in incidents:
        loc = inc.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        props = {k: v for k, v in inc.items() if k != "mentions"}
        props["mention_count"] = len(inc.get("mentions") or ())
        features.append({"type": "Feature", "id": inc["id"],
                         "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}


ACLED_INTER_STATE = 1  # ACLED's "State forces", at home or abroad
ACLED_INTER_EXTERNAL = 8  # "External/Other forces": a named force that is no state's


def acled_row(inc: dict) -> dict:
    """One incident as an ACLED row. ``fatalities`` is the lowest credible figure (ACLED's rule).

    An incident imported from ACLED gives back the row it was read from, so that an export of
    imported ACLED data loads into ACLED tools unchanged. Names follow ACLED's conventions:
    "Military Forces of Russia", countries by their short names, the interaction code made of
    the two actors' inter codes, smaller first.
    """
    if inc.get("origin") == ACLED and inc.get("source_record"):
        return {c: inc["source_record"].get(c, "") for c in ACLED_COLUMNS}
    day = inc.get("date")
    fatalities = (inc.get("fatalities") or {}).get("min")
    return {
        "event_id_cnty": f"{(inc.get('location') or {}).get('country') or 'XX'}-{inc['id']}",
        "event_date": day or "",
        "year": day[:4] if day else "",
        "time_precision": ACLED_TIME_PRECISION.get(inc.get("date_precision") or "", 3),
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": ACLED_SUB_EVENT[inc.get("event_type") or "unknown"],
        **_acled_actors(inc),
        **_acled_place(inc.get("location") or {}),
        **_acled_sources(inc),
        "fatalities": fatalities if fatalities is not None else 0,
        "tags": f"grade={inc.get('grade')}" if inc.get("grade") else "",
        "timestamp": _unix_time(inc.get("updated_at")),
    }


def _acled_actors(inc: dict) -> dict:
    """actor1 (the attacker), actor2 (what was hit), their inter codes, the interaction
    code and whether civilians were targeted."""
    actor1, inter1 = _acled_attacker(inc.get("attacker") or {})
    targets = inc.get("targets") or []
    categories = {t.get("category") for t in targets}
    civilian = "civilian" in categories
    iso2 = (inc.get("location") or {}).get("country")
    actor2 = ", ".join(sorted({t.get("name") for t in targets if t.get("name")}))
    if not actor2 and civilian:
        actor2 = f"Civilians ({acled_country_name(iso2)})" if iso2 else "Civilians"
    inter2 = next((code for cat in ("civilian", "government", "rebel", "jihadist", "kurdish",
                                    "infrastructure")
                   if cat in categories and (code := acled_inter_code(cat)) is not None), None)
    interaction = (int("".join(str(c) for c in sorted((inter1, inter2)))) if inter2
                   else inter1 * 10)
    return {"actor1": actor1, "assoc_actor_1": "", "inter1": inter1,
            "actor2": actor2, "assoc_actor_2": "", "inter2": inter2 or "",
            "interaction": interaction,
            "civilian_targeting": "Civilian targeting" if civilian else ""}


def _acled_attacker(attacker: dict) -> tuple[str, int]:
    """ACLED's name and inter code of the attacker: a state's military forces, a named
    force that is no state's, or an unidentified armed group."""
    if attacker.get("country"):
        return f"Military Forces of {acled_country_name(attacker['country'])}", ACLED_INTER_STATE
    named = attacker.get("name") not in (None, "", UNKNOWN_ATTACKER)
    return ((attacker["name"], ACLED_INTER_EXTERNAL) if named
            else ("Unidentified Armed Group", 2))


def _acled_place(loc: dict) -> dict:
    """The place columns: country by ISO number and short name, region, admin areas,
    location, coordinates and ACLED's geo precision."""
    import pycountry

    iso2 = loc.get("country")
    country = pycountry.countries.get(alpha_2=iso2) if iso2 else None
    return {
        "iso": int(country.numeric) if country else "",
        "region": acled_region(iso2), "country": acled_country_name(iso2),
        "admin1": loc.get("admin1") or "", "admin2": loc.get("admin2") or "", "admin3": "",
        "location": loc.get("name") or "",
        "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": ACLED_GEO_PRECISION.get(loc.get("precision") or "", 3),
    }


def _acled_sources(inc: dict) -> dict:
    """Who reported it (the mentions' sources, else the import's attribution), ACLED's
    source scale, and the notes: the reporting sentences, else the targets' names."""
    mentions = inc.get("mentions") or ()
    sources = sorted({m.get("source") for m in mentions if m.get("source")})
    if not sources and attribution(inc.get("origin") or ""):
        sources = [attribution(inc["origin"])]
    notes = "; ".join(sorted({m.get("sentence", "") for m in mentions}))
    if not notes:
        notes = "; ".join(t["name"] for t in inc.get("targets") or [] if t.get("name"))
    return {"source": "; ".join(sources), "source_scale": acled_source_scale(sources),
            "notes": notes}


def _unix_time(stamp: str | None) -> int | str:
    """ACLED's ``timestamp``: when the record was last changed, in seconds since 1970 (UTC)."""
    if not stamp:
        return ""
    return int(datetime.fromisoformat(stamp).replace(tzinfo=UTC).timestamp())


def with_sources(store: Store, records: Iterable[dict], page: int = 500) -> Iterator[dict]:
    """Incident records with ``origin`` and, for imported ones, the row they were read from,
    looked up ``page`` records at a time: the export streams, and holding every record (or
    every imported row) would make its memory grow with the database."""
    batch: list[dict] = []
    for rec in records:
        batch.append(rec)
        if len(batch) >= page:
            yield from _sourced(store, batch)
            batch = []
    yield from _sourced(store, batch)


def _sourced(store: Store, records: list[dict]) -> Iterator[dict]:
    imported = source_records(store, ids=[rec["id"] for rec in records]) if records else {}
    for rec in records:
        origin, row = imported.get(rec["id"], (rec.get("origin") or "text", None))
        yield {**rec, "origin": origin, **({"source_record": row} if row else {})}


def acled_csv(incidents: Iterable[dict]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for inc in incidents:
        writer.writerow(acled_row(inc))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
