"""What a watch-list watches for, checked once when it is written so that a bad one is refused
with its reason instead of silently never matching.

A watch-list is a name, criteria (every one given must hold) and where its alerts go:

- ``area``: ``{"admin1": "Idlib", "country": "SY"}`` (a province), ``{"lat", "lon",
  "radius_km"}`` (a circle) or ``{"polygon": <GeoJSON Polygon, MultiPolygon or Feature>}``;
- ``attacker``: a state's ISO code (``RU``), an armed actor's name from the actors lexicon, or
  ``unknown`` (no report names one);
- ``target``: a target category; ``event_type``: air | shelling | unknown;
- ``min_fatalities``: the toll's lower bound reaches it;
- ``facilities``: words (hospital, school, market, bakery) one of the incident's sentences uses.

``notify``: ``{"webhook": "https://…", "email": ["desk@example.org"]}``, both optional.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import shapely
import yaml
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from ..errors import WatchlistError
from ..models import EVENT_TYPES, TARGET_CATEGORIES, UNKNOWN_ATTACKER

CRITERIA = ("area", "attacker", "target", "event_type", "min_fatalities", "facilities")
NOTIFY = ("webhook", "email")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Watchlist:
    """A checked watch-list; ``area_shape`` is the polygon read once, for the matcher."""

    name: str
    criteria: dict
    notify: dict = field(default_factory=dict)
    id: int | None = None
    area_shape: BaseGeometry | None = field(default=None, compare=False, repr=False)


@lru_cache(maxsize=1)
def known_attackers() -> frozenset[str]:
    """Lower-cased codes and names of the actor registry's entries (and ``unknown``): an
    attacker nobody's reports could ever name would make a watch-list that never fires."""
    from ..actors import load_registry

    names = {UNKNOWN_ATTACKER}
    for entry in load_registry().entries:
        actor = entry.actor()
        names |= {entry.code.lower(), entry.name.lower(), actor.name.lower()}
        if actor.country:
            names.add(actor.country.lower())
    return frozenset(names)


def parse_watchlist(name: str, criteria: dict, notify: dict | None = None, *,
                    id: int | None = None) -> Watchlist:  # noqa: A002 - the row's id
    """Check a watch-list's parts; a WatchlistError names the first thing wrong."""
    if not isinstance(name, str) or not name.strip() or len(name) > 100:
        raise WatchlistError("a watch-list needs a name of 1 to 100 characters")
    if not isinstance(criteria, dict) or not criteria:
        raise WatchlistError(f"watch-list {name!r}: give at least one of {', '.join(CRITERIA)}")
    unknown = sorted(set(criteria) - set(CRITERIA))
    if unknown:
        raise WatchlistError(f"watch-list {name!r}: unknown criterion {unknown[0]!r} "
                             f"(criteria: {', '.join(CRITERIA)})")
    clean = {key: _CHECKS[key](criteria[key]) for key in CRITERIA if key in criteria}
    polygon = _polygon(clean["area"]["polygon"]) if "polygon" in clean.get("area", {}) else None
    return Watchlist(name.strip(), clean, _notify(notify or {}), id=id, area_shape=polygon)


def _area(area: object) -> dict:
    if not isinstance(area, dict):
        raise WatchlistError("area must be an object: {admin1, country}, {lat, lon, "
                             "radius_km} or {polygon}")
    if "polygon" in area:
        _polygon(area["polygon"])
        return {"polygon": area["polygon"]}
    if "radius_km" in area:
        return _circle(area)
    if "admin1" in area:
        admin1, country = area["admin1"], area.get("country")
        if not isinstance(admin1, str) or not admin1.strip():
            raise WatchlistError("area admin1 must be a province's name")
        if country is not None and not (isinstance(country, str) and len(country) == 2):
            raise WatchlistError(f"area country must be an ISO alpha-2 code, not {country!r}")
        return {"admin1": admin1.strip(), "country": country.upper() if country else None}
    raise WatchlistError("area needs admin1, radius_km (with lat and lon) or polygon")


def _circle(area: dict) -> dict:
    try:
        lat, lon, km = (float(area[k]) for k in ("lat", "lon", "radius_km"))
    except KeyError as exc:
        raise WatchlistError(
            f"a radius area needs lat, lon and radius_km (missing {exc})") from None
    except (TypeError, ValueError):
        raise WatchlistError("lat, lon and radius_km must be numbers") from None
    if not km > 0:
        raise WatchlistError(f"radius_km must be positive, not {km:g}")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise WatchlistError(f"no such point: lat {lat:g}, lon {lon:g}")
    return {"lat": lat, "lon": lon, "radius_km": km}


def _polygon(geojson: object) -> BaseGeometry:
    """A GeoJSON Polygon or MultiPolygon (or a Feature holding one), valid and not empty."""
    if isinstance(geojson, dict) and geojson.get("type") == "Feature":
        geojson = geojson.get("geometry")
    if not isinstance(geojson, dict) or geojson.get("type") not in ("Polygon", "MultiPolygon"):
        raise WatchlistError("polygon must be a GeoJSON Polygon or MultiPolygon")
    try:
        geometry = shape(geojson)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError,
            shapely.errors.GEOSException) as exc:
        raise WatchlistError(
            f"polygon is not valid GeoJSON ({type(exc).__name__}: {exc})") from None
    if geometry.is_empty or not geometry.is_valid:
        raise WatchlistError(f"invalid polygon: {shapely.is_valid_reason(geometry)}")
    return geometry


def _attacker(attacker: object) -> str:
    if not isinstance(attacker, str) or attacker.strip().lower() not in known_attackers():
        raise WatchlistError(f"unknown attacker {attacker!r}: give a state's ISO code (RU), "
                             "an actor's name from the actors lexicon, or 'unknown'")
    return attacker.strip()


def _one_of(key: str, allowed: tuple[str, ...]):
    def check(value: object) -> str:
        if value not in allowed:
            raise WatchlistError(f"{key} {value!r} is none of {', '.join(allowed)}")
        return value
    return check


def _min_fatalities(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise WatchlistError(f"min_fatalities must be a whole number ≥ 0, not {value!r}")
    return value


def _facilities(words: object) -> list[str]:
    if isinstance(words, str):
        words = [w for w in re.split(r"\s*,\s*", words) if w]
    if (not isinstance(words, list) or not words
            or not all(isinstance(w, str) and w.strip() for w in words)):
        raise WatchlistError("facilities must be a list of words (hospital, school, …)")
    return [w.strip().lower() for w in words]


def _notify(notify: object) -> dict:
    if not isinstance(notify, dict) or set(notify) - set(NOTIFY):
        raise WatchlistError(f"notify takes only {', '.join(NOTIFY)}")
    out: dict = {}
    if notify.get("webhook"):
        url = notify["webhook"]
        if not isinstance(url, str) or not re.match(r"^https?://[^\s/]+", url):
            raise WatchlistError(f"webhook must be an http(s) URL, not {url!r}")
        out["webhook"] = url
    emails = notify.get("email") or []
    emails = [emails] if isinstance(emails, str) else emails
    if not isinstance(emails, list):
        raise WatchlistError("email must be an address or a list of addresses")
    bad = [e for e in emails if not isinstance(e, str) or not _EMAIL.match(e)]
    if bad:
        raise WatchlistError(f"not a mail address: {bad[0]!r}")
    if emails:
        out["email"] = list(emails)
    return out


_CHECKS = {"area": _area, "attacker": _attacker, "target": _one_of("target", TARGET_CATEGORIES),
           "event_type": _one_of("event_type", EVENT_TYPES), "min_fatalities": _min_fatalities,
           "facilities": _facilities}


def read_yaml(text: str) -> list[Watchlist]:
    """Watch-lists from YAML: ``watchlists: [{name, criteria…, notify}]``; each checked,
    a bad one named by its position and name."""
    data = yaml.safe_load(text) or {}
    entries = data.get("watchlists") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise WatchlistError("a watch-list file holds a list under 'watchlists:'")
    out = []
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise WatchlistError(f"watch-list #{n} is not a mapping")
        body = dict(entry)
        name, notify = body.pop("name", None), body.pop("notify", None)
        try:
            out.append(parse_watchlist(name, body, notify))
        except WatchlistError as exc:
            raise WatchlistError(f"watch-list #{n}: {exc}") from None
    return out
