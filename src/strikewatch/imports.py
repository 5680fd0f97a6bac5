"""Imports of coded strike data: ACLED CSV exports and the Yemen Data Project's air-raid table.

Analysts brief on coded data as well as on the news, and compare the two; so imported rows
become incidents like those fused from text, told apart by ``IncidentRow.origin``
(``acled`` | ``yemen-data-project``). Each imported row is also kept verbatim in
``incident_sources``, because a coded dataset has columns strikewatch has no field for (ACLED's
``inter`` codes, ``timestamp``, YDP's time of day) and an ACLED export of imported rows must
give back the rows it read. A row that cannot become an incident is skipped with its reason;
a file that is not the expected table raises ``MalformedInput``.

The mapping tables (governorates, target categories, ACLED's names and codes) are data files
under ``data/imports/``.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import delete, insert, select

from ._yamlconf import load_data
from .errors import MalformedInput
from .models import GRADES, Place
from .store import IncidentRow, IncidentSourceRow, Store

ACLED = "acled"
YEMEN_DATA_PROJECT = "yemen-data-project"
DATA = Path(__file__).with_name("data") / "imports"


class Resolver(Protocol):
    """What imports need of a gazetteer (``geo.Gazetteer``, or a fake in tests)."""

    def resolve(self, name: str, *, country: str | None = None, near: Sequence[Place] = (),
                context: str | None = None, level: str | None = None) -> Any: ...


@dataclass(slots=True)
class ImportSummary:
    """What one import did; ``skipped`` keeps every row left out with the reason."""

    origin: str
    read: int = 0
    stored: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (row id, why)
    precision: Counter = field(default_factory=Counter)  # geo precision -> incidents

    def lines(self) -> list[str]:
        placed = ", ".join(f"{n} {p}" for p, n in self.precision.most_common())
        out = [f"{self.origin}: read {self.read} rows, stored {self.stored} incidents"
               + (f" (placed: {placed})" if placed else "") + f", skipped {len(self.skipped)}"]
        reasons = Counter(why for _, why in self.skipped)
        out += [f"  skipped {n}: {why}" for why, n in reasons.most_common(10)]
        return out


# -- reading ------------------------------------------------------------------------------------


def _read_table(path: Path) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a CSV; UTF-8, else Windows-1252 (the YDP table's own encoding)."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        raise MalformedInput(f"{path}: empty file")
    return [h.strip() for h in rows[0]], [r for r in rows[1:] if any(c.strip() for c in r)]


def _require(path: Path, header: Sequence[str], needed: Iterable[str]) -> None:
    missing = [c for c in needed if c not in header]
    if missing:
        raise MalformedInput(f"{path}: not the expected table, missing columns {', '.join(missing)}")


@cache
def _config(name: str) -> dict:
    return load_data((DATA / name).read_text(encoding="utf-8"))


def _int(value: str) -> int | None:
    value = (value or "").strip()
    return int(value) if value.lstrip("-").isdigit() else None


def _float(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


# -- storing ------------------------------------------------------------------------------------


def _store(store: Store, summary: ImportSummary,
           items: list[tuple[dict, dict]]) -> None:
    """Replace earlier imports of the same rows (re-import is idempotent), except incidents an
    analyst has reviewed, which stay as the analyst left them. (The watch-lists' geometry,
    shapely and numpy load here, not for the brief that reads ``attribution``.)"""
    from .alerts import check_incidents as check_alerts

    ids = [inc["id"] for inc, _ in items]
    reviewed: set[str] = set()
    with store.sessions.begin() as s:
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            reviewed |= {r for r, rev in s.execute(
                select(IncidentRow.id, IncidentRow.reviewed).where(IncidentRow.id.in_(chunk)))
                if rev}
            s.execute(delete(IncidentSourceRow).where(IncidentSourceRow.incident_id.in_(chunk)))
            s.execute(delete(IncidentRow).where(IncidentRow.id.in_(chunk))
                      .where(IncidentRow.id.not_in(reviewed)))
        fresh = [(inc, src) for inc, src in items if inc["id"] not in reviewed]
        summary.skipped += [(i, "reviewed by an analyst; left as reviewed") for i in ids
                            if i in reviewed]
        if fresh:
            s.execute(insert(IncidentRow), [inc for inc, _ in fresh])
        s.execute(insert(IncidentSourceRow),
                  [{"incident_id": inc["id"], "origin": summary.origin, "record": src}
                   for inc, src in items])
    summary.stored = len(fresh)
    summary.precision.update(inc["geo_precision"] for inc, _ in fresh)
    check_alerts(store, [inc["id"] for inc, _ in fresh])  # issue 15: watch-lists


def source_records(store: Store, ids: Iterable[str] | None = None) -> dict[str, tuple[str, dict]]:
    """incident id -> (origin, the row it was imported from), for imported incidents."""
    query = select(IncidentSourceRow)
    wanted = None if ids is None else list(ids)
    out: dict[str, tuple[str, dict]] = {}
    with store.sessions() as s:
        if wanted is None:
            rows: Iterable[IncidentSourceRow] = s.scalars(query)
            out.update((r.incident_id, (r.origin, r.record)) for r in rows)
        else:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i:i + 500]
                out.update((r.incident_id, (r.origin, r.record)) for r in
                           s.scalars(query.where(IncidentSourceRow.incident_id.in_(chunk))))
    return out


def attribution(origin: str) -> str | None:
    """The credit line a source asks for, to print wherever its data is shown."""
    if origin == YEMEN_DATA_PROJECT:
        return _config("yemen-data-project.yaml")["attribution"]
    if origin == ACLED:
        return "Armed Conflict Location & Event Data Project (ACLED), acleddata.com"
    return None


# -- Yemen Data Project ---------------------------------------------------------------------------

YDP_COLUMNS = ("Incident ID", "Date", "Governorate", "District", "Area", "Target",
               "Main category", "Fatalities")
_UNKNOWN = {"", "-", "unknown", "unkn"}


class _YemenPlacer:
    """Places (governorate, district, area) by name, memoised: the table repeats a few
    thousand name triples over tens of thousands of raids.

    The area is tried first, then the district, each accepted only when the gazetteer puts it
    in the row's governorate (a homonym elsewhere in Yemen is a wrong pin, not a better one);
    otherwise the raid is placed at the governorate's capital with precision ``admin1``.
    """

    def __init__(self, gazetteer: Resolver, governorates: Mapping[str, dict]):
        self.gazetteer = gazetteer
        self.governorates = governorates
        self.memo: dict[tuple[str, str, str], dict | None] = {}
        self.gov_places: dict[str, Place | None] = {}

    def governorate(self, label: str) -> dict | None:
        return self.governorates.get(label.strip().casefold())

    def place(self, gov_label: str, district: str, area: str) -> dict | None:
        key = (gov_label.strip().casefold(), district.strip(), area.strip())
        if key not in self.memo:
            self.memo[key] = self._place(*key)
        return self.memo[key]

    def _resolve(self, name: str, **kw: Any) -> Place | None:
        result = self.gazetteer.resolve(name, country="YE", **kw)
        return result if isinstance(result, Place) else None

    def _place(self, gov_key: str, district: str, area: str) -> dict | None:
        gov = self.governorates.get(gov_key)
        if gov is None:
            return None
        admin1 = gov["name"]
        if gov_key not in self.gov_places:
            found = self._resolve(admin1, level="admin1")
            self.gov_places[gov_key] = found if found and found.admin1 == admin1 else None
        gov_place = self.gov_places[gov_key]
        near = (gov_place,) if gov_place else ()
        for name, level in ((area, None), (district, "admin2")):
            if name.casefold() in _UNKNOWN:
                continue
            found = self._resolve(name, near=near)
            if found is not None and found.admin1 == admin1 and found.precision in (
                    "point", "admin2"):
                return {"place_name": name, "lat": found.lat, "lon": found.lon,
                        "admin1": admin1, "admin2": district or None,
                        "geo_precision": level or found.precision,
                        "geonameid": found.geonameid}
        lat, lon = gov["capital"]
        return {"place_name": admin1, "lat": lat, "lon": lon, "admin1": admin1,
                "admin2": None, "geo_precision": "admin1",
                "geonameid": gov_place.geonameid if gov_place else None}


def _ydp_incident(cfg: dict, rid: str, day: date, place: dict, target: str, category: str,
                  killed: int | None) -> dict:
    """One raid of the table as an imported incident: the coalition as attacker, every death
    it counts a civilian's."""
    return {
        "id": f"ydp-{rid}", "date": day, "date_precision": "day",
        "attacker_name": cfg["attacker"]["name"],
        "attacker_country": cfg["attacker"]["country"], "country": cfg["country"],
        **place,
        "targets": [{"category": category,
                     "name": None if target.casefold() in _UNKNOWN else target,
                     "asserted_by": cfg["source"]}],
        "fatalities_min": killed, "fatalities_max": None,
        "civilians_min": killed, "civilians_max": killed,
        "grade": "weak", "grade_reason": f"one coded source: {cfg['source']} raid {rid}",
        "origin": YEMEN_DATA_PROJECT, "reviewed": {},
        "event_type": "air",  # the project records air raids only
    }


def import_yemen_data_project(path: Path, store: Store, *,
                              gazetteer: Resolver | None = None) -> ImportSummary:
    """Import the Yemen Data Project's air-raid table (yemendataproject.org) as incidents.

    One raid, one incident: the table already merges reports, so nothing is fused. The
    fatalities the table counts are civilians; the total is therefore "at least" that many.
    """
    if gazetteer is None:
        from .geo import load_gazetteer

        gazetteer = load_gazetteer()
    cfg = _config("yemen-data-project.yaml")
    header, rows = _read_table(path)
    _require(path, header, YDP_COLUMNS)
    col = {name: header.index(name) for name in header if name}
    governorates = {k.casefold(): v for k, v in cfg["governorates"].items()}
    categories = {k.casefold(): v for k, v in cfg["target_categories"].items()}
    placer = _YemenPlacer(gazetteer, governorates)
    summary = ImportSummary(YEMEN_DATA_PROJECT)
    items = []
    for row in rows:
        row = row + [""] * (len(header) - len(row))
        get = lambda name: row[col[name]].strip()  # noqa: E731
        summary.read += 1
        rid = get("Incident ID")
        try:
            day = datetime.strptime(get("Date"), "%d/%m/%Y").date()
        except ValueError:
            summary.skipped.append((rid, f"date {get('Date')!r} is not dd/mm/yyyy"))
            continue
        place = placer.place(get("Governorate"), get("District"), get("Area"))
        if place is None:
            summary.skipped.append((rid, f"unknown governorate {get('Governorate')!r} "
                                         "(add it to data/imports/yemen-data-project.yaml)"))
            continue
        category = categories.get(get("Main category").casefold(), "unknown")
        items.append((_ydp_incident(cfg, rid, day, place, get("Target"), category,
                                    _int(get("Fatalities"))),
                      {name: row[i] for name, i in col.items()}))
    _store(store, summary, items)
    return summary


# -- ACLED -------------------------------------------------------------------------------------------

ACLED_REQUIRED = ("event_id_cnty", "event_date", "time_precision", "event_type",
                  "sub_event_type", "actor1", "actor2", "inter2", "civilian_targeting",
                  "country", "admin1", "admin2", "location", "latitude", "longitude",
                  "geo_precision", "fatalities", "tags")
ACLED_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%m/%d/%Y")
_STATE_FORCES = re.compile(r"^(?:Military|Police) Forces of (.+?)(?: \(\d{4}-\d{0,4}\).*)?$")
# ACLED codebook codes, both ways: read by the import, written by ``export.acled_row``.
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
ACLED_GEO_PRECISION = {"point": 1, "admin2": 2, "admin1": 3}  # 3: a province or coarser
TIME_PRECISION = {str(code): name for name, code in ACLED_TIME_PRECISION.items()}
# strikewatch's event type -> ACLED's sub_event_type (acled.yaml strike_sub_events, inverted)
ACLED_SUB_EVENT = {kind: sub for sub, kind in _config("acled.yaml")["strike_sub_events"].items()}
# ACLED's source scales from the narrowest reach to the widest ("Other": NGOs, monitors)
ACLED_SCALE_ORDER = ("Local", "Subnational", "National", "Regional", "International", "Other")
GEO_PRECISION = {str(code): name for name, code in ACLED_GEO_PRECISION.items()}
INTER_CATEGORY = {"1": "government", "2": "rebel", "7": "civilian"}


def acled_country_name(iso2: str | None) -> str:
    """A country as ACLED names it ("Syria", not "Syrian Arab Republic")."""
    import pycountry

    if not iso2:
        return ""
    named = _config("acled.yaml")["country_names"].get(iso2)
    if named:
        return named
    country = pycountry.countries.get(alpha_2=iso2)
    return getattr(country, "common_name", None) or (country.name if country else iso2)


def acled_region(iso2: str | None) -> str:
    for region, codes in _config("acled.yaml")["regions"].items():
        if iso2 in codes:
            return region
    return ""


def acled_source_scale(sources: list[str]) -> str:
    """ACLED's source_scale of a row's sources: the one scale they share, "National-
    International" when two differ (lowest then widest), "" when no source's scale is known."""
    table = _config("acled.yaml")["source_scales"]
    known = {k.casefold(): v for k, v in table.items()}
    scales = {known[s.casefold()] for s in sources if s.casefold() in known}
    ranked = sorted(scales, key=lambda v: ACLED_SCALE_ORDER.index(v))
    if not ranked:
        return ""
    return ranked[0] if len(ranked) == 1 else f"{ranked[0]}-{ranked[-1]}"


def acled_inter_code(category: str | None) -> int | None:
    return _config("acled.yaml")["inter_codes"].get(category or "")


def country_code(name: str) -> str | None:
    """ISO alpha-2 of a country as ACLED (or ISO) names it."""
    import pycountry

    name = name.strip()
    if not name:
        return None
    for code, acled_name in _config("acled.yaml")["country_names"].items():
        if acled_name.casefold() == name.casefold():
            return code
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


def _acled_date(value: str) -> date | None:
    for fmt in ACLED_DATE_FORMATS:
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _acled_grade(tags: str) -> str:
    for tag in tags.split(";"):
        key, _, value = tag.strip().partition("=")
        if key == "grade" and value in GRADES:
            return value
    return "weak"


def _acled_incident(row: dict[str, str], rid: str, day: date, cfg: dict) -> dict:
    """One ACLED strike row as an imported incident: the state of "Military Forces of X" as
    attacker, actor2 and the civilian-targeting flag as targets."""
    actor = row["actor1"].strip()
    forces = _STATE_FORCES.match(actor)
    targets = []
    if row["actor2"].strip():
        targets.append({"name": row["actor2"].strip(),
                        "category": INTER_CATEGORY.get(row["inter2"].strip(), "unknown"),
                        "asserted_by": "ACLED"})
    if row["civilian_targeting"].strip() and not any(
            t["category"] == "civilian" for t in targets):
        targets.append({"name": None, "category": "civilian", "asserted_by": "ACLED"})
    return {
        "id": f"acled-{rid}", "date": day,
        "date_precision": TIME_PRECISION.get(row["time_precision"].strip(), "month"),
        "attacker_name": actor or None,
        "attacker_country": country_code(forces.group(1)) if forces else None,
        "country": country_code(row["country"]),
        "place_name": row["location"] or None,
        "lat": _float(row["latitude"]), "lon": _float(row["longitude"]),
        "admin1": row["admin1"] or None, "admin2": row["admin2"] or None,
        "geo_precision": GEO_PRECISION.get(row["geo_precision"].strip(), "admin1"),
        "geonameid": None, "targets": targets,
        "fatalities_min": _int(row["fatalities"]), "fatalities_max": None,
        "civilians_min": None, "civilians_max": None,
        "grade": _acled_grade(row["tags"]),
        "grade_reason": f"one coded source: ACLED event {rid}",
        "origin": ACLED, "reviewed": {},
        "event_type": cfg["strike_sub_events"][row["sub_event_type"]],
    }


def import_acled(path: Path, store: Store) -> ImportSummary:
    """Import an ACLED export (or strikewatch's ACLED-compatible CSV): its strikes only.

    ACLED's ``fatalities`` is the lowest credible figure, so it becomes the minimum of the
    range; a ``grade=…`` tag (as strikewatch writes) is read back, anything else is one
    coded source, "weak".
    """
    cfg = _config("acled.yaml")
    header, rows = _read_table(path)
    _require(path, header, ACLED_REQUIRED)
    summary = ImportSummary(ACLED)
    items = []
    for values in rows:
        row = dict(zip(header, values + [""] * (len(header) - len(values)), strict=True))
        summary.read += 1
        rid = row["event_id_cnty"].strip()
        if row["event_type"] != "Explosions/Remote violence" or (
                row["sub_event_type"] not in cfg["strike_sub_events"]):
            summary.skipped.append((rid, f"not a strike: {row['event_type']} / "
                                         f"{row['sub_event_type']}"))
            continue
        day = _acled_date(row["event_date"])
        if day is None:
            summary.skipped.append((rid, f"unreadable event_date {row['event_date']!r}"))
            continue
        items.append((_acled_incident(row, rid, day, cfg), row))
    _store(store, summary, items)
    return summary


# What ``strikewatch import --format`` accepts.
READERS = {ACLED: import_acled, YEMEN_DATA_PROJECT: import_yemen_data_project}
