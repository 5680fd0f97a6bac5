"""Exports: JSON Lines (formats.md), GeoJSON and ACLED-compatible CSV.

Every export is written from the incident records of ``fuse.incident_records`` (or the stored
documents and claims), so the three formats never disagree about a field.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from .errors import StrikewatchError
from .store import Store

FORMATS = ("jsonl", "geojson", "acled")
WHATS = ("incidents", "claims", "documents")

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)


class ExportError(StrikewatchError):
    pass


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


def export_lines(store: Store, *, fmt: str, what: str) -> Iterator[str]:
    """The export as text chunks, so that large exports stream to a file or a response."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if what not in WHATS:
        raise ExportError(f"unknown --what {what!r}: choose one of {', '.join(WHATS)}")
    if fmt != "jsonl" and what != "incidents":
        raise ExportError(f"{fmt} exports incidents only; use --format jsonl for {what}")
    if what == "documents":
        records: Iterable[dict] = document_records(store)
    elif what == "claims":
        records = claim_records(store)
    else:
        from .fuse import incident_records

        records = incident_records(store)
    if fmt == "jsonl":
        for record in records:
            yield dumps(record) + "\n"
    elif fmt == "geojson":
        yield dumps(geojson(records)) + "\n"
    else:
        yield from acled_csv(records)


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


ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
ACLED_GEO_PRECISION = {"point": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}
ACLED_INTER_STATE = 8  # ACLED's "External/Other forces"; a state's own air force is 1
ACLED_WEAPON_SUBTYPE = {"shelling": "Shelling/artillery/missile attack",
                        "artillery": "Shelling/artillery/missile attack",
                        "rocket": "Shelling/artillery/missile attack",
                        "mortar": "Shelling/artillery/missile attack",
                        "missile": "Shelling/artillery/missile attack"}


def acled_row(inc: dict) -> dict:
    """One incident as an ACLED row. ``fatalities`` is the lowest credible figure (ACLED's rule)."""
    import pycountry

    loc = inc.get("location") or {}
    attacker = inc.get("attacker") or {}
    iso2 = loc.get("country")
    country = pycountry.countries.get(alpha_2=iso2) if iso2 else None
    day = inc.get("date")
    targets = inc.get("targets") or []
    civilian = any(t.get("category") == "civilian" for t in targets)
    fatalities = (inc.get("fatalities") or {}).get("min")
    sources = sorted({m.get("source") for m in inc.get("mentions") or () if m.get("source")})
    notes = "; ".join(sorted({m.get("sentence", "") for m in inc.get("mentions") or ()}))
    actor1 = attacker.get("name") or "Unidentified Armed Group"
    actor2 = ", ".join(sorted({t.get("name") or t.get("category") for t in targets
                               if t.get("name") or t.get("category")}))
    return {
        "event_id_cnty": f"{iso2 or 'XX'}-{inc['id']}",
        "event_date": day or "",
        "year": day[:4] if day else "",
        "time_precision": ACLED_TIME_PRECISION.get(inc.get("date_precision") or "", 3),
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": ACLED_WEAPON_SUBTYPE.get(inc.get("weapon") or "", "Air/drone strike"),
        "actor1": actor1, "assoc_actor_1": "",
        "inter1": ACLED_INTER_STATE if attacker.get("country") and attacker.get("country") != iso2 else 1,
        "actor2": actor2, "assoc_actor_2": "",
        "inter2": 7 if civilian else "",
        "interaction": "",
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": country.numeric if country else "",
        "region": "", "country": country.name if country else (iso2 or ""),
        "admin1": loc.get("admin1") or "", "admin2": loc.get("admin2") or "", "admin3": "",
        "location": loc.get("name") or "",
        "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": ACLED_GEO_PRECISION.get(loc.get("precision") or "", 3),
        "source": "; ".join(sources), "source_scale": "",
        "notes": notes, "fatalities": fatalities if fatalities is not None else 0,
        "tags": f"grade={inc.get('grade')}" if inc.get("grade") else "",
        "timestamp": "",
    }


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
