"""Reading a gazetteer file a team imports: a GeoNames country dump (``UA.zip`` or ``UA.txt``)
or a humanitarian P-code table (OCHA COD-AB style CSV). Everything is read and checked before
anything is stored, so a file that fails on its last line changes nothing; the first bad line
is refused with its number and the reason.

Only what strike reports name is kept: GeoNames populated places (feature class P) and second-
and third-level divisions (ADM2, ADM3), not mountains, streams or farms; a P-code table's
deepest level. Names are kept in Latin letters only, as the embedded index does: English news
writes them so, and other scripts would only swell the table."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import MalformedInput
from .names import ADMIN2, CITY, _is_latin, normalize

GEONAMES_FIELDS = 19  # geonameid ... modification date, as in GeoNames' readme.txt
# GeoNames division codes kept, as districts: ADM2 (raion, district), ADM3 (hromada, nahiya)
GEONAMES_DIVISIONS = {"ADM2": ADMIN2, "ADM3": ADMIN2}
MAX_NAMES = 40  # a capital has hundreds of alternate names; its Latin spellings are enough


@dataclass(frozen=True, slots=True)
class ImportedEntry:
    """One place of an imported file, with the normalised names it is looked up by."""

    name: str
    kind: str  # city | admin2
    country: str
    admin1code: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int
    geonameid: int | None
    keys: tuple[str, ...]

    def columns(self) -> dict:
        """The row of ``gazetteer_entries`` (without its ids)."""
        return {"name": self.name, "kind": self.kind, "country": self.country,
                "admin1code": self.admin1code, "admin2": self.admin2, "lat": self.lat,
                "lon": self.lon, "population": self.population, "geonameid": self.geonameid}


@dataclass(frozen=True, slots=True)
class GazetteerFile:
    """A file read and checked: its format, its country and its places."""

    format: str  # geonames | pcode
    country: str
    entries: list[ImportedEntry]


def read_gazetteer_file(path: Path, *, country: str | None = None,
                        admin1_code=None) -> GazetteerFile:
    """Read ``path`` as a GeoNames dump or a P-code table, or refuse it with the line and the
    reason. ``admin1_code(country, name)`` maps a P-code table's first-level name to the
    GeoNames admin1 code the embedded index uses (None when it knows no such province)."""
    lines = _text_lines(path)
    first = next((line for line in lines if line.strip()), None)
    if first is None:
        raise MalformedInput(f"{path}: line 1: empty file, neither a GeoNames dump nor a "
                             f"P-code table")
    if first.count("\t") == GEONAMES_FIELDS - 1:
        entries = list(_geonames_entries(lines, path))
        fmt = "geonames"
    elif _pcode_columns(first) is not None:
        entries = list(_pcode_entries(lines, path, country, admin1_code))
        fmt = "pcode"
    else:
        raise MalformedInput(
            f"{path}: line 1: neither a GeoNames dump ({GEONAMES_FIELDS} tab-separated fields: "
            f"geonameid, name, asciiname, alternatenames, latitude, longitude, ...) nor a "
            f"P-code table (a CSV header with ADMn_EN, ADMn_PCODE, latitude, longitude)")
    return GazetteerFile(fmt, _one_country(entries, path, country), entries)


def _text_lines(path: Path) -> list[str]:
    """The file's lines; from a GeoNames zip, those of its ``XX.txt`` (not its readme)."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as z:
                members = [n for n in z.namelist() if re.fullmatch(r"[A-Z]{2}\.txt", n)]
                if not members:
                    raise MalformedInput(f"{path}: a zip without a GeoNames XX.txt member")
                return z.read(members[0]).decode("utf-8").splitlines()
        return path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as e:
        raise MalformedInput(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from e
    except OSError as e:
        raise MalformedInput(f"{path}: cannot read: {e}") from e


def _keys(names: Iterable[str]) -> tuple[str, ...]:
    keys = dict.fromkeys(k for k in map(normalize, names) if _is_latin(k))
    return tuple(keys)[:MAX_NAMES]


def _number(text: str, what: str, where: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise MalformedInput(f"{where}: {what} {text!r} is not a number") from None


def _geonames_entries(lines: list[str], path: Path) -> Iterator[ImportedEntry]:
    """The kept rows of a GeoNames dump, each field checked."""
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        f = line.split("\t")
        where = f"{path}: line {n}"
        if len(f) != GEONAMES_FIELDS:
            raise MalformedInput(f"{where}: {len(f)} tab-separated fields, a GeoNames dump has "
                                 f"{GEONAMES_FIELDS}")
        if not f[0].isdigit() or not re.fullmatch(r"[A-Z]{2}", f[8]):
            raise MalformedInput(f"{where}: geonameid {f[0]!r} or country code {f[8]!r} is "
                                 f"not what a GeoNames dump holds")
        lat, lon = _number(f[4], "latitude", where), _number(f[5], "longitude", where)
        kind = CITY if f[6] == "P" else GEONAMES_DIVISIONS.get(f[7]) if f[6] == "A" else None
        if kind is None:
            continue
        yield ImportedEntry(f[1], kind, f[8], f[10] or None, None, lat, lon,
                            int(f[14]) if f[14].isdigit() else 0, int(f[0]),
                            _keys([f[1], f[2], *f[3].split(",")]))


_LEVEL = re.compile(r"ADM(\d)_(EN|PCODE)", re.IGNORECASE)
_LAT, _LON = ("latitude", "lat", "y"), ("longitude", "lon", "long", "x")


@dataclass(frozen=True, slots=True)
class _PcodeColumns:
    level: int  # the deepest ADMn with both a name and a P-code
    lat: str
    lon: str


def _pcode_columns(header: str) -> _PcodeColumns | None:
    cols = next(csv.reader([header]))
    lower = {c.strip().lower(): c for c in cols}
    levels = {}
    for c in cols:
        if m := _LEVEL.fullmatch(c.strip()):
            levels.setdefault(int(m.group(1)), set()).add(m.group(2).upper())
    full = [lvl for lvl, kinds in levels.items() if kinds == {"EN", "PCODE"}]
    lat = next((lower[c] for c in _LAT if c in lower), None)
    lon = next((lower[c] for c in _LON if c in lower), None)
    if not full or lat is None or lon is None:
        return None
    return _PcodeColumns(max(full), lat, lon)


def _pcode_entries(lines: list[str], path: Path, country: str | None,
                   admin1_code) -> Iterator[ImportedEntry]:
    """The rows of a P-code table at its deepest level: a settlement or division each."""
    cols = _pcode_columns(lines[0])
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    level = cols.level
    for n, row in enumerate(reader, start=2):
        where = f"{path}: line {n}"
        name, pcode = (row.get(f"ADM{level}_EN") or "").strip(), \
            (row.get(f"ADM{level}_PCODE") or "").strip()
        if None in row.values() or not name or not pcode:
            raise MalformedInput(f"{where}: a row without ADM{level}_EN and ADM{level}_PCODE "
                                 f"(or with fewer columns than the header)")
        cc = (country or pcode[:2]).upper()
        if not re.fullmatch(r"[A-Z]{2}", cc):
            raise MalformedInput(f"{where}: P-code {pcode!r} does not start with a country "
                                 f"code; give --country")
        lat, lon = _number(row[cols.lat], "latitude", where), \
            _number(row[cols.lon], "longitude", where)
        adm1 = (row.get("ADM1_EN") or "").strip()
        code = admin1_code(cc, adm1) if admin1_code and adm1 else None
        yield ImportedEntry(name, ADMIN2 if level == 2 else CITY, cc, code,
                            (row.get("ADM2_EN") or "").strip() or None, lat, lon, 0, None,
                            _keys([name]))


def _one_country(entries: list[ImportedEntry], path: Path, country: str | None) -> str:
    """A file is one country's gazetteer: a team imports its war's country."""
    found = {e.country for e in entries}
    if not entries:
        raise MalformedInput(f"{path}: no populated place or division to import")
    if len(found) > 1:
        raise MalformedInput(f"{path}: places of several countries ({', '.join(sorted(found))});"
                             f" import one country's file at a time")
    (cc,) = found
    if country and cc != country.upper():
        raise MalformedInput(f"{path}: the file's places are in {cc}, not {country.upper()}")
    return cc


def import_gazetteer(path: Path, store, *, country: str | None = None,
                     gazetteer=None) -> dict:
    """``strikewatch gazetteer import``: read and check the file, then store its places in one
    transaction. A P-code table's provinces are matched to the embedded index's by name."""
    from .gazetteer import load_gazetteer

    g = gazetteer or load_gazetteer()
    codes: dict[tuple[str, str], str | None] = {}

    def admin1_code(cc: str, name: str) -> str | None:
        if (cc, name) not in codes:
            p = g.resolve(name, country=cc, level="admin1")
            codes[(cc, name)] = g._admin1_code.get((cc, p.admin1)) \
                if getattr(p, "precision", None) == "admin1" else None
        return codes[(cc, name)]

    read = read_gazetteer_file(Path(path), country=country, admin1_code=admin1_code)
    store.replace_gazetteer_import(Path(path).name, read.format, read.country, read.entries)
    return {"source_file": Path(path).name, "format": read.format, "country": read.country,
            "rows": len(read.entries)}
