"""Does an incident match a watch-list? Each criterion says why it holds (the alert keeps
those lines) or that it does not; a criterion the incident cannot answer (no place, no toll)
does not hold, so an alert is never raised on a guess."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from shapely.geometry import Point

from ..models import UNKNOWN_ATTACKER, Incident
from .watchlists import Watchlist

EARTH_KM = 6371.0


def why_matched(w: Watchlist, inc: Incident, sentences: Sequence[str]) -> list[str] | None:
    """The reasons ``inc`` matches every criterion of ``w``, or None when one fails."""
    reasons = []
    for key, wanted in w.criteria.items():
        reason = _CHECKS[key](w, wanted, inc, sentences)
        if reason is None:
            return None
        reasons.append(reason)
    return reasons


def _area(w: Watchlist, area: dict, inc: Incident, _sentences) -> str | None:
    place = inc.place
    if place is None:
        return None
    if "admin1" in area:
        from ..fuse.relations import _admin_norm  # Hama, Hamah and Hama Governorate are one province

        same = place.admin1 and _admin_norm(place.admin1) == _admin_norm(area["admin1"])
        if same and area.get("country") in (None, place.country):
            return f"in {place.admin1} ({place.country})"
        return None
    if "radius_km" in area:
        km = distance_km(area["lat"], area["lon"], place.lat, place.lon)
        return f"{km:.1f} km from the watched point" if km <= area["radius_km"] else None
    if w.area_shape is not None and w.area_shape.covers(Point(place.lon, place.lat)):
        return f"{place.name} inside the watched polygon"
    return None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), which is within 0.5 % of the ellipsoid's."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return EARTH_KM * 2 * math.asin(min(1.0, math.sqrt(h)))


def _attacker(_w, attacker: str, inc: Incident, _sentences) -> str | None:
    wanted = attacker.lower()
    if inc.attacker is None:
        return "no report names the attacker" if wanted == UNKNOWN_ATTACKER else None
    names = {inc.attacker.name.lower(), (inc.attacker.country or "").lower()}
    return f"attacker {inc.attacker.name}" if wanted in names else None


def _target(_w, category: str, inc: Incident, _sentences) -> str | None:
    hit = [t for t in inc.targets if t.category == category]
    return f"target {category}" + (f" ({hit[0].name})" if hit[0].name else "") if hit else None


def _event_type(_w, event_type: str, inc: Incident, _sentences) -> str | None:
    return f"event type {event_type}" if inc.event_type == event_type else None


def _min_fatalities(_w, least: int, inc: Incident, _sentences) -> str | None:
    floor = inc.fatalities.min
    return f"at least {floor} killed" if floor is not None and floor >= least else None


def _facilities(_w, words: list[str], _inc, sentences: Sequence[str]) -> str | None:
    """A facility word (or its plural) as a whole word in a sentence reporting the strike."""
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")(s|es)?\b",
                         re.IGNORECASE)
    for sentence in sentences:
        found = pattern.search(sentence)
        if found:
            return f"'{found.group(0)}' in: {sentence.strip()[:200]}"
    return None


_CHECKS = {"area": _area, "attacker": _attacker, "target": _target,
           "event_type": _event_type, "min_fatalities": _min_fatalities,
           "facilities": _facilities}
