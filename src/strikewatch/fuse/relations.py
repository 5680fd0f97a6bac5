"""How two reports relate, field by field: dates within their precision, places
(coincide, contain, differ), attackers, sites and sub-places, stated tolls."""

from __future__ import annotations

import calendar
import difflib
import math
import re
from datetime import date
from functools import lru_cache

from ..models import Place, Range, StrikeMention
from .settings import FINENESS, FuseSettings, _norm


def _shift(day: date, days: int) -> date:
    """day plus days, held at the calendar's ends: a stored date in year 1 or 9999 (a CMS's
    zero time that got past ingest in an older version) must not stop every later fusion."""
    ordinal = min(max(day.toordinal() + days, date.min.toordinal()), date.max.toordinal())
    return date.fromordinal(ordinal)


def _interval(day: date, precision: str | None, s: FuseSettings) -> tuple[date, date]:
    if precision == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "week":
        return _shift(day, -s.week_half_width_days), _shift(day, s.week_half_width_days)
    return day, day


def _date_gap(a: tuple[date, str | None], b: tuple[date, str | None], s: FuseSettings) -> int | None:
    """Days between two dates' intervals (0 when they overlap), or None beyond tolerance."""
    a0, a1 = _interval(a[0], a[1], s)
    b0, b1 = _interval(b[0], b[1], s)
    gap = max((b0 - a1).days, (a0 - b1).days, 0)
    return gap if gap <= s.day_tolerance_days else None


def _km(a: Place, b: Place) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


_ADMIN_WORDS = re.compile(r"\b(governorate|province|muhafazat|district|countryside|city|of)\b")


@lru_cache(maxsize=1 << 16)
def _admin_norm(name: str | None) -> str:
    """Hama, Hamah, Hama Governorate, Ar-Raqqah and Raqqa province compare equal."""
    if not name:
        return ""
    text = _ADMIN_WORDS.sub(" ", _norm(name))
    text = re.sub(r"^(al|ar|as|ad|ash|at|az|el) ", "", text.strip())
    text = re.sub(r"\s+", "", text)
    return text[:-1] if text.endswith("h") and len(text) > 4 else text


def place_relation(a: Place, b: Place, s: FuseSettings) -> int | None:
    """0 when two places coincide, 1 when one contains the other, None when they differ."""
    if a.country != b.country:
        return None
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 0
    fine, coarse = sorted((a, b), key=lambda p: FINENESS.get(p.precision, 0))
    fp, cp = fine.precision, coarse.precision
    if cp == "country":
        return None
    if fp == cp == "point":
        if _two_gazetteer_places(a, b, s):
            return None
        return 0 if _km(fine, coarse) <= s.same_point_km else None
    if cp == "region":
        within = _km(fine, coarse) <= s.region_radius_km
        return (0 if fp == "region" else 1) if within else None
    level = "admin1" if cp == "admin1" else "admin2"
    coarse_names = {_admin_norm(getattr(coarse, level)), _admin_norm(coarse.name)} - {""}
    fine_name = _admin_norm(getattr(fine, level)) or (_admin_norm(fine.name) if fp == cp else "")
    if fine_name and fine_name in coarse_names:
        return 0 if fp == cp else 1
    if fp == cp:
        return 0 if _km(fine, coarse) <= s.same_point_km else None
    if fp == "point" and cp == "admin2" and fine.admin1 == coarse.admin1 \
            and not coarse.unresolved_name and _km(fine, coarse) <= s.same_point_km:
        # the district itself at its own point, its seat ("Mogadishu" and its "Hodan"
        # district); not a village coded to the district, which lies elsewhere in it
        return 1
    return None


def _two_gazetteer_places(a: Place, b: Place, s: FuseSettings) -> bool:
    """Two gazetteer entries of different names are two places however close ("Rimal" and
    "Tel al-Hawa" in Gaza City, a village beside its town); one town's two entries (GeoNames
    often has a city and its seat a few hundred metres apart) bear one name."""
    return (a.geonameid is not None and b.geonameid is not None and a.geonameid != b.geonameid
            and not _similar(_admin_norm(a.name), _admin_norm(b.name), s))


def _attacker_code(m: StrikeMention, s: FuseSettings) -> str | None:
    code = m.attacker.code if m.attacker else None
    return None if code is None or code in s.unknown_attackers else code


def _attacker_relation(a: str | None, b: str | None, s: FuseSettings) -> int | None:
    """0 the same attacker, 1 one unknown, 2 two that reports confuse, None different."""
    if a is None or b is None:
        return 1
    if a == b:
        return 0
    if any(a in g and b in g for g in s.confusable_attackers):
        return 2
    return None


_PLACE_HEAD = re.compile(r",|\b(?:in|of|near|neighbou?rhood|quarter|area|camp|street|road)\b")


def _locality(m: StrikeMention) -> str | None:
    """The sub-place a report names below the gazetteer's place ("Shujaiya" placed at Gaza
    City, "al-Sabil neighborhood in Daraa city" at Daraa), or None when it names the place
    itself (or a spelling of it). Two reports naming different sub-places of one town are
    two strikes, even where the gazetteer puts both at one point."""
    if not m.place_text or m.place is None:
        return None
    pieces = (_admin_norm(p) for p in _PLACE_HEAD.split(_norm(m.place_text)))
    head = next((p for p in pieces if p), "")
    if not head or head == _admin_norm(m.place.name) or head == _admin_norm(m.place.admin1):
        return None
    return _fold(head)


def _unplaced_name(m: StrikeMention) -> str | None:
    """The name of a place the gazetteer lacks, of a report coded to the province or district
    its text puts it in ("Nova Dmytrivka, Kharkiv" at Kharkiv oblast), folded for comparison."""
    p = m.place
    if p is None or not p.unresolved_name or p.precision == "point":
        return None
    return _fold(_admin_norm(p.unresolved_name)) or None


def _town_row(m: StrikeMention) -> int | None:
    """The gazetteer row a name the gazetteer lacks is coded to, when that is a district or a
    town ("the Sabreen market" at Omdurman, "Pazigyi village in Kanbalu Township" at Kanbalu):
    a report pinned to that row's town is of the same place told coarser. A province is kept
    at its capital's row, which is not the capital: its villages stay apart from the city."""
    p = m.place
    if _unplaced_name(m) is None or not p.geonameid \
            or FINENESS.get(p.precision, 9) >= FINENESS["admin1"]:
        return None
    return p.geonameid


def _point_name(m: StrikeMention) -> str | None:
    """The folded name of a report's place when it pins the strike to a point."""
    p = m.place
    return _fold(_admin_norm(p.name)) or None if p is not None and p.precision == "point" else None


# words of a site's name that tell no site from another ("the Abu Daqqa family's home" and
# "the house of the Abu Daka family" are one site), Arabic articles in their spellings, and
# the words for a home, which are one kind of site ("a house" is not "the mosque")
_SITE_FILLER = frozenset("the of a an in at family familys s al el an ar as ash ad at az".split())


_HOME = frozenset("home homes house houses residence apartment flat building".split())


def _site(m: StrikeMention) -> tuple[str, ...] | None:
    """The named house, family, facility or vehicle hit, as the words that name it, each
    folded over the usual variants of romanised Arabic (``_fold``)."""
    words = tuple(dict.fromkeys("house" if w in _HOME else _fold(w)
                                for w in _norm(m.site or "").split() if w not in _SITE_FILLER))
    return words or None


_FOLDS = ((re.compile(r"(.)\1+"), r"\1"), (re.compile(r"ou|o"), "u"), (re.compile(r"ee|ie"), "i"),
          (re.compile(r"q"), "k"), (re.compile(r"e"), "a"), (re.compile(r"(?<=.)h$"), ""))


def _fold(word: str) -> str:
    """One spelling of a romanised Arabic word: doubled letters single, o/ou as u, ee as i,
    q as k, e as a, no final h ("Daqqa", "Daka"; "Abou", "Abu"; "Saleh", "Salah")."""
    for pattern, repl in _FOLDS:
        word = pattern.sub(repl, word)
    return word


def _site_relation(a: tuple[str, ...], b: tuple[str, ...], s: FuseSettings) -> int | None:
    """0 one site spelt two ways ("Abu Daqqa", "Abou Daqa"), 1 one naming part of the other
    ("a school", "the Rimal school"), None two sites ("the Rimal school", "the Rimal bakery").
    Word by word, so that a long shared neighbourhood name does not hide another noun."""
    short, long = sorted((a, b), key=len)
    matched = [any(_similar(w, v, s) for v in long) for w in short]
    if not all(matched):
        return None
    return 0 if len(short) == len(long) else 1


def _figure(r: Range) -> tuple[int, int] | None:
    """(lowest, highest) of a toll the text states as a count ("nine", "12 to 15"), or None.
    An open figure ("at least 300", "more than 100") is left out: it is how running totals
    and statistics are worded, and a report's floor tells no strike from another."""
    if r.min is None or r.max is None:
        return None
    return r.min, r.max


def _similar(a: str, b: str, s: FuseSettings) -> bool:
    return a == b or _similar_names(a, b, s.same_name_ratio)


@lru_cache(maxsize=1 << 16)
def _similar_names(a: str, b: str, ratio: float) -> bool:
    """difflib's ratio, after its length bound (two names of very different lengths are not
    one name), cached: a busy day compares the same few hundred names again and again."""
    if 2 * min(len(a), len(b)) < ratio * (len(a) + len(b)):
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= ratio
