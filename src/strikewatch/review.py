"""Analyst review: confirm, reject, edit, merge and split incidents, each with an audit line.

Every action names the analyst and the reason and writes one ``reviews`` row per changed field
(the old value, the new value, when), so the history of any incident can be read back. An
edited field is locked: fusion and re-extraction never overwrite it. Merges and splits move
the mentions' re-extraction keys with them (``incident_links``), so a document extracted again
goes back to the incident the analyst made, not to the one fusion first chose.

The CLI (``strikewatch review …``) and the web app call these functions and nothing else.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from .alerts import check_incidents as check_alerts
from .errors import ReviewError
from .fuse import compute_incident, incident_id_for, refresh_incidents
from .models import DATE_PRECISIONS, GRADES, GEO_PRECISIONS, TARGET_CATEGORIES, Incident
from .store import INCIDENT_FIELDS, ReviewRow, Store, mention_key

__all__ = ["confirm", "edit", "history", "merge", "parse_value", "reject", "split"]


def _check(analyst: str, reason: str | None) -> None:
    if not analyst or not analyst.strip():
        raise ReviewError("a review needs the analyst's name")
    if not reason or not reason.strip():
        raise ReviewError("a review needs a reason (it goes into the audit log)")


def _get(store: Store, incident_id: str) -> Incident:
    inc = store.incident(incident_id)
    if inc is None:
        raise ReviewError(f"no incident {incident_id!r}")
    return inc


def _rechecked(store: Store, incident_id: str) -> Incident:
    """The reviewed incident, checked again against the watch-lists: an edit may take it into
    an area (an alert is raised) or out of it (its alert is withdrawn)."""
    check_alerts(store, [incident_id])
    return _get(store, incident_id)


def confirm(store: Store, incident_id: str, *, analyst: str, reason: str,
            grade: str | None = None) -> Incident:
    """The analyst has checked the incident: its grade (or the one given) is pinned."""
    _check(analyst, reason)
    inc = _get(store, incident_id)
    grade = grade or inc.grade
    if grade not in GRADES:
        raise ReviewError(f"no grade {grade!r} (grades: {', '.join(GRADES)})")
    changes: dict[str, object] = {"grade": grade}
    if grade != inc.grade:
        changes["grade_reason"] = f"{grade.capitalize()}: set by {analyst}: {reason}"
    store.review_incident(incident_id, action="confirm", analyst=analyst, reason=reason,
                          changes=changes)
    return _rechecked(store, incident_id)


def reject(store: Store, incident_id: str, *, analyst: str, reason: str) -> Incident:
    """Discounted: the analyst ruled the incident out; it stays, with the reason, for audit."""
    _check(analyst, reason)
    _get(store, incident_id)
    store.review_incident(incident_id, action="reject", analyst=analyst, reason=reason,
                          changes={"grade": "discounted",
                                   "grade_reason": f"Discounted by {analyst}: {reason}"})
    return _rechecked(store, incident_id)


def edit(store: Store, incident_id: str, field: str, value: object, *, analyst: str,
         reason: str) -> Incident:
    """Set one field (``value`` as ``parse_value`` returns it, or a string to parse)."""
    _check(analyst, reason)
    _get(store, incident_id)
    if isinstance(value, str) and field not in ("grade_reason",):
        value = parse_value(field, value)
    _validate(field, value)
    store.review_incident(incident_id, action="edit", analyst=analyst, reason=reason,
                          changes={field: value})
    return _rechecked(store, incident_id)


def merge(store: Store, keep: str, absorb: str, *, analyst: str, reason: str) -> Incident:
    """Two incidents are one strike: ``absorb``'s mentions join ``keep``, which is re-graded."""
    _check(analyst, reason)
    if keep == absorb:
        raise ReviewError(f"cannot merge {keep!r} into itself")
    store.merge_incidents(keep, absorb, analyst=analyst, reason=reason)
    refresh_incidents(store, [keep])
    check_alerts(store, [keep])
    return _get(store, keep)


def split(store: Store, incident_id: str, mention_ids: Sequence[int], *, analyst: str,
          reason: str) -> Incident:
    """Some mentions of an incident report another strike: they become a new incident."""
    _check(analyst, reason)
    _get(store, incident_id)
    members = store.stored_mentions(incident_ids=[incident_id])
    wanted = set(mention_ids)
    moved = [m for m in members if m.id in wanted]
    if len(moved) != len(wanted):
        missing = sorted(wanted - {m.id for m in moved})
        raise ReviewError(f"mentions {missing} are not in incident {incident_id!r}")
    if len(moved) == len(members):
        raise ReviewError(f"splitting every mention off {incident_id!r} would leave it empty; "
                          "edit or reject it instead")
    new_id = incident_id_for(moved[0].mention)
    if store.incident(new_id) is not None:
        salt = f"{mention_key(moved[0].mention)}|split-from|{incident_id}"
        new_id = "inc-" + hashlib.sha1(salt.encode()).hexdigest()[:16]
    if store.incident(new_id) is not None:
        raise ReviewError(f"{incident_id!r} was already split off these mentions ({new_id})")
    new = replace(compute_incident(new_id, moved), reviewed={"split_from": incident_id})
    store.save_fusion(incidents=[new])
    store.move_mentions([m.id for m in moved], new_id)
    refresh_incidents(store, [incident_id, new_id])
    check_alerts(store, [incident_id, new_id])
    ids = json.dumps(sorted(wanted))
    store.add_review(incident_id, action="split", field="mentions", old_value=ids,
                     new_value=new_id, analyst=analyst, reason=reason)
    store.add_review(new_id, action="split", field="mentions", old_value=incident_id,
                     new_value=ids, analyst=analyst, reason=reason)
    return _get(store, new_id)


def history(store: Store, incident_id: str | None = None) -> list[ReviewRow]:
    """The audit log, oldest first: who did what to which incident, when and why."""
    return store.reviews(incident_id=incident_id)


def parse_value(field: str, text: str) -> object:
    """An analyst's typed value as the stored form of the field.

    date ``2015-10-01``; attacker ``RU`` or ``Russian Armed Forces:RU`` or ``Islamic State``;
    targets ``rebel:Free Syrian Army,civilian``; fatalities/civilians ``12``, ``12-46``,
    ``12-`` (at least 12) or ``-`` (unknown); location a JSON object; others as typed.
    """
    text = text.strip()
    if field not in INCIDENT_FIELDS:
        raise ReviewError(f"no incident field {field!r} (fields: {', '.join(INCIDENT_FIELDS)})")
    if field == "date":
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError as exc:
            raise ReviewError(f"date {text!r} is not YYYY-MM-DD") from exc
    if field == "attacker":
        return _attacker(text)
    if field == "targets":
        out = []
        for part in filter(None, (p.strip() for p in text.split(","))):
            category, _, name = part.partition(":")
            out.append({"category": category.strip(), "name": name.strip() or None,
                        "asserted_by": None})
        return out
    if field in ("fatalities", "civilians"):
        return _range(text)
    if field == "location":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise ReviewError(f"location must be a JSON object: {exc}") from exc
    return text


def _attacker(text: str) -> dict:
    from .lexicons import load_lexicons

    name, _, code = text.rpartition(":") if ":" in text else ("", "", text)
    entries = load_lexicons().actor_entries
    if name:
        return {"name": name.strip(), "country": code.strip() or None}
    for e in entries:
        if code in (e.country, e.name):
            return {"name": e.name, "country": e.country}
    if len(code) == 2 and code.isupper():
        raise ReviewError(f"no actor with country {code!r} in the actor lexicon; "
                          "give 'Name:CODE'")
    return {"name": code, "country": None}


def _range(text: str) -> dict:
    try:
        if text in ("", "-"):
            return {"min": None, "max": None}
        if "-" in text:
            lo, hi = text.split("-", 1)
            return {"min": int(lo) if lo.strip() else None, "max": int(hi) if hi.strip() else None}
        return {"min": int(text), "max": int(text)}
    except ValueError as exc:
        raise ReviewError(f"{text!r} is not a count or a range like 12-46") from exc


def _validate(field: str, value: object) -> None:
    if field not in INCIDENT_FIELDS:
        raise ReviewError(f"no incident field {field!r} (fields: {', '.join(INCIDENT_FIELDS)})")
    if field == "grade" and value not in GRADES:
        raise ReviewError(f"no grade {value!r} (grades: {', '.join(GRADES)})")
    if field == "date_precision" and value not in DATE_PRECISIONS:
        raise ReviewError(f"no date precision {value!r} ({', '.join(DATE_PRECISIONS)})")
    if field == "targets":
        bad = [t.get("category") for t in value if t.get("category") not in TARGET_CATEGORIES]
        if bad:
            raise ReviewError(f"no target category {bad[0]!r} ({', '.join(TARGET_CATEGORIES)})")
    if field == "location":
        need = {"name", "lat", "lon", "country", "precision"}
        if not isinstance(value, dict) or need - set(value):
            raise ReviewError(f"a location needs {', '.join(sorted(need))}")
        if value["precision"] not in GEO_PRECISIONS:
            raise ReviewError(f"no geo precision {value['precision']!r}")
    if field in ("fatalities", "civilians"):
        lo, hi = value.get("min"), value.get("max")
        if lo is not None and hi is not None and lo > hi:
            raise ReviewError(f"{field}: {lo} is more than {hi}")
