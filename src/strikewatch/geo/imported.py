"""The imported gazetteer as the Gazetteer sees it: candidates read from the database's
``gazetteer_names`` / ``gazetteer_entries`` (migration 0007) by (country, normalised name), one
indexed range per name and only for a country that has an import. Nothing is loaded up front,
so a country's 30,000-row dump costs the pipeline no memory until a story names its places,
and then only the names asked for (remembered by the Gazetteer's own memo)."""

from __future__ import annotations

import threading

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from .names import Candidate, _own_name, normalize, skeleton

_CANDIDATES = text(
    "SELECT e.id, e.name, e.kind, e.country, e.admin1code, e.lat, e.lon, e.population, "
    "e.geonameid, i.source_file FROM gazetteer_names n "
    "JOIN gazetteer_entries e ON e.id = n.entry_id "
    "JOIN gazetteer_imports i ON i.id = e.import_id "
    "WHERE n.country = :country AND n.key = :key")


class ImportedNames:
    """Candidates from one database's imported gazetteer; picklable as its URL."""

    def __init__(self, url: str):
        self.url = url
        self._engine: Engine | None = None
        self._countries: frozenset[str] | None = None
        self._lock = threading.Lock()

    def __reduce__(self):
        return (ImportedNames, (self.url,))

    def _connect(self) -> Engine:
        if self._engine is None:
            self._engine = create_engine(self.url)
        return self._engine

    def forget_connections(self) -> Engine | None:
        """In a forked process: drop the parent's engine (returned, for the caller to keep
        unused, never closed) and lock, so that the next query opens this process's own."""
        inherited, self._engine = self._engine, None
        self._lock = threading.Lock()
        return inherited

    def countries(self) -> frozenset[str]:
        """The countries with an import, read once."""
        if self._countries is None:
            with self._lock, self._connect().connect() as con:
                self._countries = frozenset(
                    r[0] for r in con.execute(text("SELECT DISTINCT country FROM "
                                                   "gazetteer_imports")))
        return self._countries

    def candidates(self, key: str, country: str, admin1: dict) -> list[Candidate]:
        """The imported places of ``country`` named ``key``. Their ids are negative, apart
        from the embedded index's; ``admin1`` maps (country, code) to the province's name."""
        if country not in self.countries():
            return []
        with self._lock, self._connect().connect() as con:
            rows = con.execute(_CANDIDATES, {"country": country, "key": key}).fetchall()
        return [Candidate(-r[0], r[1], r[2], r[3], r[4], admin1.get((r[3], r[4])), r[5], r[6],
                          r[7], r[8], f"imported: {r[9]}", True,
                          _own_name(r[1], key, skeleton(key)), key=normalize(r[1]))
                for r in rows]
