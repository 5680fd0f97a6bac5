"""The Gazetteer (a read-only view of the cached index with its memos) and its loading."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import weakref
from pathlib import Path

from .. import _cache
from ..errors import GeocodeError
from ..models import Place
from .dams import _Dams
from .disambiguate import _Namesakes
from .fallback import _Containers
from .imported import ImportedNames
from .index import _build_index, _fingerprint
from .lexicon import _Lexicon
from .lookup import _Lookup
from .names import Candidate, GeoSettings, Unresolved
from .written import _WrittenContainers


class Gazetteer(_WrittenContainers, _Containers, _Namesakes, _Dams, _Lookup):
    """Read-only access to the cached index. Cheap to open; picklable for process pools; a
    forked process gets its own connections (``_reopen_after_fork``)."""

    def __init__(self, path: Path, settings: GeoSettings | None = None,
                 imported: ImportedNames | None = None):
        self.path = Path(path)
        self.settings = settings or GeoSettings()
        self.imported = imported  # a database's imported gazetteer (see with_imported)
        self._lex = _Lexicon.load()
        try:
            self._con = self._open_index()
            self._admin1 = {(cc, code): name for cc, code, name in
                            self._con.execute("SELECT country, admin1code, name FROM admin1")}
        except sqlite3.Error as e:
            raise GeocodeError(f"cannot open the gazetteer index {self.path}: {e}") from e
        self._lock = threading.Lock()
        _OPEN.add(self)
        self._memo: dict[tuple[str, str, str | None], list[Candidate]] = {}
        self._entities: dict[tuple[str, str], list[tuple[Candidate, bool]]] = {}  # every country's
        self._resolved: dict[tuple, tuple[Place | Unresolved, Candidate | None]] = {}
        # answers that depend on a sentence live for one document (see start_document)
        self._resolved_in_document: dict[tuple, tuple[Place | Unresolved, Candidate | None]] = {}
        self._runs_in_document: dict[str, list] = {}  # see _name_runs
        self._admin1_code: dict[tuple[str, str], str] = {}
        for (cc, code), name in self._admin1.items():
            self._admin1_code.setdefault((cc, name), code)  # the first, as a scan would find
        self._provinces: dict[tuple[str, str], dict[int, list[tuple[int, Candidate, str]]]] = {}
        self._fuzzy: dict[tuple[str, str, str], tuple[Candidate, ...]] = {}
        self._letters: dict[tuple[str, str], tuple] = {}  # see _province_letters
        self._alike: dict[tuple[str, int], float] = {}  # (key, entity): its spelling's ratio
        self._named_exactly: dict[tuple[str, str | None], bool] = {}  # see _may_be_named_exactly
        self._run_countries: dict[str, frozenset[str]] = {}
        self._capitals_of: dict[str, list[tuple[float, float]]] = {}  # see _near_country

    def __reduce__(self):
        return (Gazetteer, (self.path, self.settings, self.imported))

    def _open_index(self) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)

    def _reopen_in_child(self) -> None:
        """This (forked) process's own connections, in place of the parent's, which are
        left open and unused (``_INHERITED``); and a new lock, as a thread of the parent may
        have held the old one when it forked."""
        _INHERITED.append(self._con)
        self._con = self._open_index()
        self._lock = threading.Lock()
        if self.imported is not None:
            _INHERITED.append(self.imported.forget_connections())

    def with_imported(self, database_url: str) -> Gazetteer:
        """This gazetteer with the places imported into a database (``strikewatch gazetteer
        import``): a new view with its own memos, the index shared."""
        return Gazetteer(self.path, self.settings, ImportedNames(database_url))

    @property
    def counts(self) -> dict[str, int]:
        (v,) = self._con.execute("SELECT v FROM meta WHERE k = 'counts'").fetchone()
        return json.loads(v)


_LOADED: dict[Path, Gazetteer] = {}
_LOAD_LOCK = threading.Lock()
_OPEN: weakref.WeakSet[Gazetteer] = weakref.WeakSet()  # every gazetteer of this process
# A forked process's copies of the parent's connections: never used, never closed there, as
# SQLite (sqlite.org/howtocorrupt.html, 2.6) and a database client's socket are not to be
# carried across a fork and a close could end the parent's session or release its locks.
_INHERITED: list[object] = []


def _reopen_after_fork() -> None:
    """Run in the child of every fork (``extract --workers`` forks its workers after loading
    the pipeline): each gazetteer opens its own connections before it answers anything."""
    global _LOAD_LOCK
    _LOAD_LOCK = threading.Lock()
    for gazetteer in list(_OPEN):
        gazetteer._reopen_in_child()


if hasattr(os, "register_at_fork"):  # not on Windows, which never forks
    os.register_at_fork(after_in_child=_reopen_after_fork)


def load_gazetteer(*, cache_dir: Path | None = None,
                   settings: GeoSettings | None = None) -> Gazetteer:
    """The gazetteer, building its index on first use (~20 s) and reusing it after (ms)."""
    fingerprint = _fingerprint()
    path = _cache.cache_dir(cache_dir) / f"gazetteer-{fingerprint}.sqlite"
    with _LOAD_LOCK:
        if (g := _LOADED.get(path)) is not None and (settings is None or g.settings == settings):
            return g
        if not path.exists():
            _build_index(path, _Lexicon.load(), fingerprint)
        else:
            with contextlib.suppress(OSError):  # marks the index as in use (see above)
                os.utime(path)
        g = Gazetteer(path, settings)
        _LOADED[path] = g
        return g

