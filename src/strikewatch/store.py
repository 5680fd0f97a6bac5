"""The store: every record of every stage, in SQLite by default or PostgreSQL when shared.

The schema is owned by Alembic migrations (``strikewatch/migrations``), never by
``create_all``, so that a database written by an older version is upgraded in place and loses
nothing. Every table is declared here, in one ``Base.metadata``, because that is what the
migrations' autogenerate compares with; a table declared in another module would look absent
to it (``tests/test_store.py`` checks that models and migrations agree). SQLite runs in WAL mode so that the web app can read while a batch writes.

Analysts' corrections live on the incident rows (``reviewed`` lists the fields they set) and
in the ``reviews`` audit table; re-extraction rewrites mentions, never those fields.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    case,
    cast,
    create_engine,
    delete,
    event,
    exists,
    false,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from .errors import ReviewError, StoreError
from .models import (
    GRADES,
    TARGET_CATEGORIES,
    UNKNOWN_ATTACKER,
    Actor,
    Casualties,
    ClaimMention,
    EVENT_TYPES,
    Document,
    Incident,
    Place,
    Range,
    Rejection,
    Segment,
    Span,
    StoredMention,
    StrikeMention,
    Target,
)

DEFAULT_DB = "strikewatch.db"


def database_url(db: str | None) -> str:
    """Accept a bare path to a SQLite file or any SQLAlchemy URL (``--db`` and STRIKEWATCH_DB)."""
    db = db or os.environ.get("STRIKEWATCH_DB") or DEFAULT_DB
    if "://" in db:
        try:
            make_url(db)
        except ArgumentError as exc:
            raise StoreError(f"not a database URL: {db!r} ({exc})") from exc
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(200), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    published_from: Mapped[str | None] = mapped_column(String(20))
    language: Mapped[str | None] = mapped_column(String(12))
    byline: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    segments: Mapped[list] = mapped_column(JSON)
    near_duplicate_of: Mapped[str | None] = mapped_column(String(200), index=True)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    ingested_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    extracted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)


class SyndicationBandRow(Base):
    """One band key of an original document's MinHash signature (``strikewatch.syndication``):
    ingest finds a new document's earlier copies by these keys, never by loading every stored
    signature. Copies linked to an original have none (an original is what a copy links to).
    The row id orders originals as they were stored, so the earliest match stays the one."""

    __tablename__ = "syndication_bands"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[int] = mapped_column(BigInteger, index=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                        index=True)


class RejectionRow(Base):
    __tablename__ = "rejections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime, default=now)


class StrikeRow(Base):
    __tablename__ = "strike_mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    date: Mapped[date | None] = mapped_column(Date, index=True)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    date_text: Mapped[str | None] = mapped_column(Text)
    attacker_name: Mapped[str | None] = mapped_column(String(200))
    attacker_country: Mapped[str | None] = mapped_column(String(2), index=True)
    attacker_text: Mapped[str | None] = mapped_column(Text)
    place_text: Mapped[str | None] = mapped_column(Text)
    place_start: Mapped[int | None] = mapped_column(Integer)
    place_end: Mapped[int | None] = mapped_column(Integer)
    place: Mapped[dict | None] = mapped_column(JSON)
    targets: Mapped[list] = mapped_column(JSON, default=list)
    casualties: Mapped[dict] = mapped_column(JSON, default=dict)
    weapon: Mapped[str | None] = mapped_column(String(100))
    source: Mapped[str | None] = mapped_column(Text)
    claimed_by_attacker: Mapped[bool] = mapped_column(Boolean, default=False)
    hedged: Mapped[bool] = mapped_column(Boolean, default=False)
    event_type: Mapped[str] = mapped_column(String(10), default="unknown",  # 0008
                                            server_default="unknown")
    incident_id: Mapped[str | None] = mapped_column(
        ForeignKey("incidents.id", ondelete="SET NULL"), index=True)
    fuse_note: Mapped[str | None] = mapped_column(Text)  # why fusion left it out (0002)
    site: Mapped[str | None] = mapped_column(Text)  # the named house, family, facility (0010)


class ClaimRow(Base):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str] = mapped_column(Text)
    org: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20), index=True)
    about: Mapped[str | None] = mapped_column(String(200), index=True)
    quote: Mapped[str | None] = mapped_column(Text)
    numbers: Mapped[list] = mapped_column(JSON, default=list)
    period: Mapped[str | None] = mapped_column(Text)  # a statistic's period (0008)


class IncidentRow(Base):
    __tablename__ = "incidents"
    __table_args__ = (  # the web app's list pages, in date order (migration 0005)
        Index("ix_incidents_date_id", "date", "id"),
        Index("ix_incidents_country_date", "country", "date", "id"),
        Index("ix_incidents_attacker_date", "attacker_country", "date", "id"),
        Index("ix_incidents_event_type_date", "event_type", "date", "id"),  # 0008
        Index("ix_incidents_fatalities_id", "fatalities_min", "id"),  # sort=fatalities (0014)
        Index("ix_incidents_updated_id", "updated_at", "id"),  # sort=updated (0014)
        # the list's total counts through an index (0016): attacker with grades, bbox, region
        Index("ix_incidents_attacker_grade", "attacker_country", "grade"),
        Index("ix_incidents_lon_lat", "lon", "lat"),
        Index("ix_incidents_admin1_lower", func.lower(text("admin1"))),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    date: Mapped[date | None] = mapped_column(Date, index=True)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    attacker_name: Mapped[str | None] = mapped_column(String(200))
    attacker_country: Mapped[str | None] = mapped_column(String(2), index=True)
    place_name: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    admin1: Mapped[str | None] = mapped_column(String(200), index=True)
    admin2: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    geo_precision: Mapped[str | None] = mapped_column(String(10))
    geonameid: Mapped[int | None] = mapped_column(Integer)
    targets: Mapped[list] = mapped_column(JSON, default=list)
    fatalities_min: Mapped[int | None] = mapped_column(Integer)
    fatalities_max: Mapped[int | None] = mapped_column(Integer)
    civilians_min: Mapped[int | None] = mapped_column(Integer)
    civilians_max: Mapped[int | None] = mapped_column(Integer)
    # 0008: the toll is a vague word's floor ("dozens"); air | shelling | unknown
    fatalities_vague: Mapped[bool] = mapped_column(Boolean, default=False,
                                                   server_default=false())
    event_type: Mapped[str] = mapped_column(String(10), default="unknown",
                                            server_default="unknown")
    grade: Mapped[str] = mapped_column(String(12), index=True, default="weak")
    grade_reason: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(40), default="text")  # text | acled | yemen-data-project
    reviewed: Mapped[dict] = mapped_column(JSON, default=dict)  # field -> value set by an analyst
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=now, onupdate=now)


_TOTALS_KEPT = 256  # incident list totals kept per store, for the latest version only


class IncidentChangesRow(Base):
    """One row whose ``version`` triggers raise on every write to ``incidents`` (0016), from
    any process: a count of incidents made at one version still holds at that version."""

    __tablename__ = "incident_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger)


class ReviewRow(Base):
    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(20))  # confirm | reject | edit | merge | split
    field: Mapped[str | None] = mapped_column(String(50))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    analyst: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime, default=now)


class IncidentLossRow(Base):
    """An incident that lost a mention since the last fusion (migration 0017): a re-extraction
    replaced its document's mentions, or an analyst moved one to another incident. Fusion
    looks for incidents left with no mention among these alone (``drop_emptied_incidents``),
    not among every incident of the store."""

    __tablename__ = "incident_losses"

    incident_id: Mapped[str] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True)


class IncidentLinkRow(Base):
    """Which incident a mention belongs to, by a key that survives re-extraction (0002)."""

    __tablename__ = "incident_links"

    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(200), index=True)
    incident_id: Mapped[str] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), index=True)


class IncidentSourceRow(Base):
    """The row an imported incident was read from (``imports``), column by column, as text.

    Kept beside ``incidents`` (migration 0004) rather than in it: only imported incidents
    have one, and its columns are the source's, not strikewatch's.
    """

    __tablename__ = "incident_sources"

    incident_id: Mapped[str] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True)
    origin: Mapped[str] = mapped_column(String(40), index=True)
    record: Mapped[dict] = mapped_column(JSON)


class UserRow(Base):
    """A user of the web app (``users``; migration 0003); only the token's hash is kept."""

    __tablename__ = "users"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    role: Mapped[str] = mapped_column(String(12))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    # migration 0006: when the token last opened a request (to within users.LAST_USED_EVERY),
    # and who revoked it when; a revoked user's row stays (users.revoke_user says why)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_by: Mapped[str | None] = mapped_column(String(100))


class ControlMapRow(Base):
    """One dated map of who held the ground, from one source (``ground``; migration 0009).

    ``front`` is the boundary between controllers (WKB hex, in the map's local km plane: see
    ``ground.layers``), worked out once at import so that lookups need no geometry algebra.
    """

    __tablename__ = "control_maps"
    __table_args__ = (Index("ix_control_maps_source_date", "source", "map_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(100))
    map_date: Mapped[date] = mapped_column(Date)
    origin: Mapped[str] = mapped_column(Text)  # the file it was read from
    front: Mapped[str] = mapped_column(Text)
    km_scale: Mapped[float] = mapped_column(Float)  # km per degree of longitude at its latitude
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=now)


class ControlAreaRow(Base):
    """The ground one controller held on one map: its polygons merged (WKB hex, lon/lat)."""

    __tablename__ = "control_areas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    map_id: Mapped[int] = mapped_column(ForeignKey("control_maps.id", ondelete="CASCADE"),
                                        index=True)
    controller: Mapped[str] = mapped_column(String(40))
    labels: Mapped[str] = mapped_column(Text)  # the map's own labels merged into it
    category: Mapped[str | None] = mapped_column(String(20))  # its holders' target category
    geometry: Mapped[str] = mapped_column(Text)


class GazetteerImportRow(Base):
    """One imported gazetteer file (migration 0007): what ``strikewatch gazetteer list`` shows."""

    __tablename__ = "gazetteer_imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_file: Mapped[str] = mapped_column(String(500))
    format: Mapped[str] = mapped_column(String(20))  # geonames | pcode
    country: Mapped[str] = mapped_column(String(2))
    rows: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=now)


class GazetteerEntryRow(Base):
    """One imported place (0007); its names are in ``gazetteer_names``."""

    __tablename__ = "gazetteer_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    import_id: Mapped[int] = mapped_column(
        ForeignKey("gazetteer_imports.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(12))  # city | admin2 (geo's kinds)
    country: Mapped[str] = mapped_column(String(2))
    admin1code: Mapped[str | None] = mapped_column(String(20))
    admin2: Mapped[str | None] = mapped_column(String(200))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    population: Mapped[int] = mapped_column(Integer)
    geonameid: Mapped[int | None] = mapped_column(Integer)


class GazetteerNameRow(Base):
    """A normalised name of an imported place (0007), keyed for one indexed lookup."""

    __tablename__ = "gazetteer_names"

    country: Mapped[str] = mapped_column(String(2), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("gazetteer_entries.id", ondelete="CASCADE"), primary_key=True, index=True)


class WatchedSourceRow(Base):
    """A polled source's state (``watch``; migration 0012): its HTTP validators, so that a
    restarted watcher asks conditionally again, and the status an analyst checks."""

    __tablename__ = "watched_sources"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    location: Mapped[str] = mapped_column(Text)  # URL or folder
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(String(100))
    last_success: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None] = mapped_column(DateTime)
    failures: Mapped[int] = mapped_column(Integer, default=0)  # in a row, for the backoff
    next_poll: Mapped[datetime | None] = mapped_column(DateTime)
    items_day: Mapped[date | None] = mapped_column(Date)  # the (UTC) day items_today counts
    items_today: Mapped[int] = mapped_column(Integer, default=0)
    items_total: Mapped[int] = mapped_column(Integer, default=0)

    def items_on(self, day: date) -> int:
        """Items stored on ``day`` (UTC): a source not polled since yesterday brought none."""
        return self.items_today if self.items_day == day else 0


class DeliveryRow(Base):
    """A delivered briefing (``deliver``; migration 0012): when, what it showed (incident id
    -> toll and grade, the sources then alive) for the next one to diff against, and how each
    channel fared."""

    __tablename__ = "deliveries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    delivered_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    snapshot: Mapped[dict] = mapped_column(JSON)
    outputs: Mapped[dict] = mapped_column(JSON)  # channel -> "written <path>" / "sent" / error


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


# Any 64-bit number both processes agree on; this is "strikewatch" in ASCII, truncated.
_MIGRATION_LOCK_KEY = int.from_bytes(b"strikewa", "big") >> 1


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` with the packaged Alembic scripts, one process at a
    time: two commands opening a brand-new database together would otherwise both create
    ``documents`` and one would die on "table documents already exists"."""
    if revision == "head" and _at_packaged_head(engine):
        return
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    with _migration_lock(engine), engine.begin() as connection:
        if connection.dialect.name == "postgresql":  # released when the transaction ends
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_KEY})")
        _require_strikewatch_schema(connection, engine.url)
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


_MIGRATIONS = Path(__file__).with_name("migrations") / "versions"
_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*=(.*)$", re.M)
_QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")  # one revision, or a merge's tuple of them


@functools.cache
def packaged_head() -> str | None:
    """The newest packaged revision, read from the migration scripts' own ``revision`` and
    ``down_revision`` lines; None unless the chain has exactly one head (then only Alembic
    can tell). Importing Alembic and walking its scripts cost every command about 0.15 CPU s
    on a database that had nothing to upgrade: most of a cold ``brief``'s start-up."""
    revisions, parents = set(), set()
    for script in _MIGRATIONS.glob("*.py"):
        for key, values in _REVISION_LINE.findall(script.read_text(encoding="utf-8")):
            (revisions if key == "revision" else parents).update(_QUOTED.findall(values))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _at_packaged_head(engine: Engine) -> bool:
    """Whether the database already records the packaged head, asked without Alembic; any
    doubt (no version table, a brand-new file, another revision) is Alembic's to settle."""
    head = packaged_head()
    if head is None:
        return False
    try:
        with engine.connect() as connection:
            versions = connection.exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalars().all()
    except DatabaseError:
        return False
    return versions == [head]


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """For SQLite, an exclusive ``flock`` on the database file itself while migrations run.

    SQLite's own locks are POSIX record locks, which ``flock`` does not interact with on
    Linux, so this serialises migrating processes without blocking readers and writers of
    an up-to-date database. (PostgreSQL takes an advisory lock in ``migrate``.)
    """
    path = engine.url.database if engine.dialect.name == "sqlite" else None
    if not path or path == ":memory:":
        yield
        return
    import fcntl

    try:
        handle = open(path, "ab")  # noqa: SIM115 - creates the (empty, valid) file if new
    except PermissionError:
        yield  # a read-only database: nobody can migrate it, so nothing to serialise
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _require_strikewatch_schema(connection: Connection, url: URL) -> None:
    """Refuse a database that holds tables but no strikewatch schema version: migrating it
    would add strikewatch's tables to somebody else's data."""
    from sqlalchemy import inspect

    tables = set(inspect(connection).get_table_names())
    if tables and "alembic_version" not in tables:
        raise StoreError(f"{_display(url)} is not a strikewatch database (it holds other "
                         f"tables: {', '.join(sorted(tables)[:5])})")


def _display(url: URL) -> str:
    """A database as a user named it: the file for SQLite, the URL without password else."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def _check_sqlite_path(database: str | None, *, create: bool) -> None:
    if not database or database == ":memory:":
        return
    path = Path(database)
    if not path.parent.is_dir():
        raise StoreError(f"{path}: the folder {path.parent} does not exist")
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file")
    if not create and not path.exists():
        raise StoreError(f"{path}: no such database (check the path; 'strikewatch ingest' "
                         "creates one)")


def _open_failure(url: URL, exc: DatabaseError) -> str:
    """One line naming what is wrong with the database, without the driver's traceback."""
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
    if "file is not a database" in detail:
        return f"{_display(url)} is not a strikewatch database (not an SQLite file)"
    return f"cannot open database {_display(url)}: {detail}"


# -- alerts (issue 15): watch-lists and the alerts they raised; migration 0011 --------------


class WatchlistRow(Base):
    """What an analyst watches for (``alerts.watchlists`` reads ``criteria``) and where the
    alerts go (``notify``: a webhook URL and/or mail addresses)."""

    __tablename__ = "watchlists"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    criteria: Mapped[dict] = mapped_column(JSON)
    notify: Mapped[dict] = mapped_column(JSON, default=dict)
    created_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)


class AlertRow(Base):
    """One incident matching one watch-list, stored once (the unique constraint); withdrawn
    (kept for the record) when an edit takes the incident out of it; its deliveries' state."""

    __tablename__ = "alerts"
    __table_args__ = (UniqueConstraint("watchlist_id", "incident_id",
                                       name="uq_alerts_watchlist_incident"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    watchlist_id: Mapped[int] = mapped_column(
        ForeignKey("watchlists.id", ondelete="CASCADE"), index=True)
    incident_id: Mapped[str] = mapped_column(String(64), index=True)
    matched: Mapped[list] = mapped_column(JSON, default=list)  # why: one line per criterion
    raised_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)
    delivery: Mapped[str] = mapped_column(String(10), default="pending")  # pending|sent|failed|none
    attempts: Mapped[list] = mapped_column(JSON, default=list)  # {at, channel, error}
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)


class Store:
    """A database of strikewatch records; one per run, shared by every stage."""

    def __init__(self, db: str | None = None, *, upgrade: bool = True,
                 create: bool = True) -> None:
        """Open (and migrate) the database; ``create=False`` refuses a SQLite file that does
        not exist yet, so that a mistyped path is named rather than created empty."""
        self.url = database_url(db)
        try:
            self.engine = create_engine(self.url)
        except (ArgumentError, ImportError) as exc:
            raise StoreError(f"cannot open database {self.url!r}: {exc}") from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            _check_sqlite_path(self.engine.url.database, create=create)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._totals: dict[tuple[int, IncidentFilter], int] = {}  # see _count_matching
        self._totals_version: int | None = None
        if upgrade:
            try:
                migrate(self.engine)
            except DatabaseError as exc:
                raise StoreError(_open_failure(self.engine.url, exc)) from None

    def close(self) -> None:
        self.engine.dispose()

    # -- imported gazetteer ---------------------------------------------------------------

    def replace_gazetteer_import(self, source_file: str, fmt: str, country: str,
                                 entries: Sequence) -> int:
        """Store one gazetteer file's places in one transaction, replacing an earlier import
        of the same file for the same country; returns the import's id. ``entries`` are
        ``geo.importing.ImportedEntry`` rows (fields named like the columns, plus ``keys``)."""
        with self.sessions.begin() as s:
            s.execute(delete(GazetteerImportRow).where(
                GazetteerImportRow.source_file == source_file,
                GazetteerImportRow.country == country))
            imp = GazetteerImportRow(source_file=source_file, format=fmt, country=country,
                                     rows=len(entries), imported_at=now())
            s.add(imp)
            s.flush()
            first = (s.execute(select(func.max(GazetteerEntryRow.id))).scalar() or 0) + 1
            for i in range(0, len(entries), 5000):  # bounded batches: a dump is 30k+ rows
                chunk = list(enumerate(entries[i:i + 5000], start=first + i))
                s.execute(insert(GazetteerEntryRow), [
                    {"id": eid, "import_id": imp.id, **e.columns()} for eid, e in chunk])
                s.execute(insert(GazetteerNameRow), [
                    {"country": e.country, "key": k, "entry_id": eid}
                    for eid, e in chunk for k in e.keys])
            return imp.id

    def gazetteer_imports(self) -> list[dict]:
        """What was imported: file, format, country, rows and when, oldest first."""
        with self.sessions() as s:
            rows = s.execute(select(GazetteerImportRow).order_by(GazetteerImportRow.id)).scalars()
            return [{"source_file": r.source_file, "format": r.format, "country": r.country,
                     "rows": r.rows, "imported_at": r.imported_at} for r in rows]

    def has_control_maps(self) -> bool:
        """Whether any control map is stored (``ground``): without one a reader has no
        ground to tell, and need not load the geometry library to find that out."""
        with self.sessions() as s:
            return s.scalar(select(ControlMapRow.id).limit(1)) is not None

    # -- documents ------------------------------------------------------------------------

    def known_documents(self) -> dict[str, str]:
        """id -> content hash of every stored document (to recognise re-ingested inputs)."""
        with self.sessions() as s:
            return dict(s.execute(select(DocumentRow.id, DocumentRow.content_hash)).all())

    def syndication_candidates(self, keys: Iterable[int]) -> list[tuple[str, bytes]]:
        """(id, signature) of the stored originals sharing a band key with ``keys``, in the
        order they were stored: what a batch's ``SyndicationIndex`` starts from."""
        first_band: dict[str, int] = {}
        with self.sessions() as s:
            for chunk in _chunks(keys):
                rows = s.execute(select(SyndicationBandRow.doc_id, func.min(SyndicationBandRow.id))
                                 .where(SyndicationBandRow.key.in_(chunk))
                                 .group_by(SyndicationBandRow.doc_id))
                for doc_id, band_id in rows:
                    first_band[doc_id] = min(band_id, first_band.get(doc_id, band_id))
            signatures = {}
            for chunk in _chunks(first_band):
                signatures.update(s.execute(select(DocumentRow.id, DocumentRow.minhash)
                                            .where(DocumentRow.id.in_(chunk))).all())
        ordered = sorted(first_band, key=first_band.__getitem__)
        return [(doc_id, signatures[doc_id]) for doc_id in ordered if signatures.get(doc_id)]

    def originals_of_hashes(self, hashes: Iterable[str]) -> dict[str, str]:
        """content hash -> the id of the original story stored with that text (the first
        stored copy, or what a stored copy links to), for those of ``hashes`` stored."""
        found: dict[str, str] = {}
        original = func.coalesce(DocumentRow.near_duplicate_of, DocumentRow.id)
        with self.sessions() as s:
            for chunk in _chunks(hashes):
                rows = s.execute(select(DocumentRow.content_hash, original)
                                 .where(DocumentRow.content_hash.in_(chunk))
                                 .order_by(DocumentRow.near_duplicate_of.is_not(None),
                                           DocumentRow.ingested_at, DocumentRow.id))
                for content_hash, doc_id in rows:
                    found.setdefault(content_hash, doc_id)
        return found

    def add_documents(self, docs: Iterable[tuple[Document, bytes | None]]) -> list[str]:
        """Insert new documents and return the ids actually inserted, in order.

        The caller has checked for duplicates against what it read at the start, but another
        process may have stored the same id since: such a row is skipped (ON CONFLICT DO
        NOTHING) rather than failing the whole batch, and is missing from the ids returned.
        """
        docs = list(docs)
        rows = [_document_values(doc, signature) for doc, signature in docs]
        if not rows:
            return []
        from sqlalchemy.dialects import postgresql, sqlite  # the insert this database speaks

        dialect = {"sqlite": sqlite, "postgresql": postgresql}.get(self.engine.dialect.name)
        if dialect is None:
            raise StoreError(f"unsupported database {self.engine.dialect.name!r}")
        statement = (dialect.insert(DocumentRow).on_conflict_do_nothing(index_elements=["id"])
                     .returning(DocumentRow.id))
        with self.sessions.begin() as s:
            inserted = {row_id for (row_id,) in s.execute(statement, rows)}
            stored = [(doc, signature) for doc, signature in docs if doc.id in inserted]
            if bands := _band_rows(stored):
                s.execute(insert(SyndicationBandRow), bands)
        return [doc.id for doc, _ in stored]

    def document_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """id -> content hash of those of ``ids`` that are stored."""
        with self.sessions() as s:
            return dict(s.execute(select(DocumentRow.id, DocumentRow.content_hash)
                                  .where(DocumentRow.id.in_(list(ids)))).all())

    def add_rejections(self, rejections: Sequence[Rejection]) -> None:
        if not rejections:
            return
        with self.sessions.begin() as s:
            s.add_all(RejectionRow(origin=r.origin, reason=r.reason) for r in rejections)

    def documents(self, *, ids: Sequence[str] | None = None, unextracted: bool = False,
                  copies: bool | None = None) -> Iterator[Document]:
        """Stored documents in id order; ``copies`` True for the syndicated copies only,
        False for the others (None: both)."""
        query = _document_query(select(DocumentRow).order_by(DocumentRow.id),
                                unextracted=unextracted, copies=copies)
        if ids is not None:
            query = query.where(DocumentRow.id.in_(list(ids)))
        with self.sessions() as s:
            for row in s.scalars(query.execution_options(yield_per=500)):
                yield _document(row)

    def copies_of(self, originals: Sequence[str], *, unextracted: bool = False,
                  ) -> list[Document]:
        """The syndicated copies linked to ``originals``, by original then id (an indexed
        lookup: extraction sends each copy with its original, ``pipeline._CopiesSortedOut``)."""
        query = _document_query(select(DocumentRow).order_by(DocumentRow.near_duplicate_of,
                                                             DocumentRow.id),
                                unextracted=unextracted, copies=True)
        with self.sessions() as s:
            return [_document(row) for chunk in _chunks(originals) for row in s.scalars(
                query.where(DocumentRow.near_duplicate_of.in_(chunk)))]

    def document_page(self, *, after: str | None, limit: int, unextracted: bool = False,
                      copies: bool | None = None) -> list[Document]:
        """The next ``limit`` documents by id after ``after`` (keyset pagination: each page
        costs the same however far into the store it is, and nothing holds the rest)."""
        query = _document_query(select(DocumentRow).order_by(DocumentRow.id).limit(limit),
                                unextracted=unextracted, copies=copies)
        if after is not None:
            query = query.where(DocumentRow.id > after)
        with self.sessions() as s:
            return [_document(row) for row in s.scalars(query)]

    def copy_links(self, *, after: str | None, limit: int, unextracted: bool = False,
                   ids: Sequence[str] | None = None) -> list[tuple[str, str]]:
        """(id, original's id) of the next ``limit`` syndicated copies by id after ``after``
        (among ``ids``, if given): which copies to read whole, chosen without their texts."""
        query = _document_query(select(DocumentRow.id, DocumentRow.near_duplicate_of)
                                .order_by(DocumentRow.id).limit(limit),
                                unextracted=unextracted, copies=True)
        if after is not None:
            query = query.where(DocumentRow.id > after)
        if ids is not None:
            query = query.where(DocumentRow.id.in_(list(ids)))
        with self.sessions() as s:
            return [(copy_id, original) for copy_id, original in s.execute(query)]

    def extracted(self, ids: Iterable[str]) -> set[str]:
        """Those of ``ids`` whose extraction is stored."""
        with self.sessions() as s:
            return {doc_id for chunk in _chunks(ids) for doc_id in s.scalars(
                select(DocumentRow.id).where(DocumentRow.id.in_(chunk),
                                             DocumentRow.extracted_at.is_not(None)))}

    def count_documents(self, *, unextracted: bool = False) -> int:
        query = select(func.count()).select_from(DocumentRow)
        if unextracted:
            query = query.where(DocumentRow.extracted_at.is_(None))
        with self.sessions() as s:
            return s.scalar(query) or 0

    def count(self, table: type[Base]) -> int:
        from sqlalchemy import func

        with self.sessions() as s:
            return s.scalar(select(func.count()).select_from(table)) or 0

    # -- mentions -------------------------------------------------------------------------

    def replace_mentions(self, doc_id: str, strikes: Sequence[StrikeMention],
                         claims: Sequence[ClaimMention]) -> None:
        """Store a document's extraction, replacing an earlier one (re-extraction is idempotent)."""
        self.replace_many_mentions([(doc_id, strikes, claims)])

    def replace_many_mentions(self, extractions: Sequence[tuple[str, Sequence[StrikeMention],
                                                                Sequence[ClaimMention]]]) -> None:
        """``replace_mentions`` for many documents in one transaction, a few statements per
        table: a transaction, a document row loaded and ORM objects per document cost the
        batch runner more CPU than its geocoding did. The rows go in as the tables' own
        (Core) inserts, one executemany each: the ORM's bulk insert sorted the rows by the
        columns they leave empty and sent most of them one statement each (a page of a
        general news stream's mentions: 0.44 -> 0.20 CPU s, the same rows stored)."""
        if not extractions:
            return
        doc_ids = [doc_id for doc_id, _, _ in extractions]
        strikes = [_strike_row(m) for _, ms, _ in extractions for m in ms]
        claims = [_claim_row(c) for _, _, cs in extractions for c in cs]
        with self.sessions.begin() as s:
            for i in range(0, len(doc_ids), 500):
                chunk = doc_ids[i:i + 500]
                _record_losses(s, s.scalars(delete(StrikeRow).where(StrikeRow.doc_id.in_(chunk))
                                            .returning(StrikeRow.incident_id)))
                s.execute(delete(ClaimRow).where(ClaimRow.doc_id.in_(chunk)))
            if strikes:
                s.execute(insert(StrikeRow.__table__), strikes)
            if claims:
                s.execute(insert(ClaimRow.__table__), claims)
            at = now()
            for i in range(0, len(doc_ids), 500):
                s.execute(update(DocumentRow).where(DocumentRow.id.in_(doc_ids[i:i + 500]))
                          .values(extracted_at=at))

    def strike_mentions(self, *, doc_ids: Sequence[str] | None = None) -> list[StrikeMention]:
        query = select(StrikeRow).order_by(StrikeRow.doc_id, StrikeRow.start)
        if doc_ids is not None:
            query = query.where(StrikeRow.doc_id.in_(list(doc_ids)))
        with self.sessions() as s:
            return [_strike(r) for r in s.scalars(query)]

    def claim_mentions(self, *, doc_ids: Sequence[str] | None = None) -> list[ClaimMention]:
        query = select(ClaimRow).order_by(ClaimRow.doc_id, ClaimRow.start)
        if doc_ids is not None:
            query = query.where(ClaimRow.doc_id.in_(list(doc_ids)))
        with self.sessions() as s:
            return [_claim(r) for r in s.scalars(query)]

    # -- incidents and reviews ------------------------------------------------------------

    def unfused_mentions(self) -> list[StoredMention]:
        """Strike mentions in no incident and not yet set aside by fusion (the next batch)."""
        query = (_stored_query().where(StrikeRow.incident_id.is_(None))
                 .where(StrikeRow.fuse_note.is_(None)))
        with self.sessions() as s:
            return [_stored(r, d) for r, d in s.execute(query).all()]

    def stored_mentions(self, *, ids: Sequence[int] | None = None,
                        incident_ids: Sequence[str] | None = None) -> list[StoredMention]:
        """Mentions by id or by incident, ``IN_CHUNK`` keys per query (a database refuses
        one ``IN`` over hundreds of thousands): each incident's mentions come in the query's
        order, chunk after chunk."""
        query = _stored_query()
        if incident_ids is not None and ids is not None:
            wanted = set(ids)
            return [m for m in self.stored_mentions(incident_ids=incident_ids)
                    if m.id in wanted]
        column, keys = ((StrikeRow.incident_id, incident_ids) if incident_ids is not None
                        else (StrikeRow.id, ids))
        with self.sessions() as s:
            if keys is None:
                return [_stored(r, d) for r, d in s.execute(query).all()]
            return [_stored(r, d) for chunk in _chunks(keys)
                    for r, d in s.execute(query.where(column.in_(chunk))).all()]

    def incidents(self, *, ids: Sequence[str] | None = None, where: IncidentFilter | None = None,
                  country: str | None = None, attacker: str | None = None,
                  start: date | None = None, end: date | None = None,
                  grade: str | None = None, event_type: str | None = None) -> list[Incident]:
        """Incidents by id, or those matching ``where`` and of one country/attacker/grade/event
        type dated within [start, end] (each read as ``IncidentFilter`` reads it), by date."""
        also = IncidentFilter(country=country, attacker=attacker, start=start, end=end,
                              grades=(grade,) if grade else (), event_type=event_type)
        query = (select(IncidentRow)
                 .where(*also.conditions(), *(where.conditions() if where else ()))
                 .order_by(IncidentRow.date, IncidentRow.id))
        with self.sessions() as s:
            if ids is None:
                return [_incident(r) for r in s.scalars(query)]
            found = [_incident(r) for chunk in _chunks(ids)
                     for r in s.scalars(query.where(IncidentRow.id.in_(chunk)))]
        return found if len(ids) <= IN_CHUNK else sorted(found, key=self._incident_order)

    def _incident_order(self, inc: Incident) -> tuple:
        """The SQL order (date, id) in Python, undated first as SQLite sorts NULL and last
        as PostgreSQL does."""
        undated_first = self.engine.dialect.name == "sqlite"
        return ((inc.date is None) != undated_first, inc.date or date.min, inc.id)

    def incident_pages(self, where: IncidentFilter, *, size: int | None = None,
                       ) -> Iterator[list[Incident]]:
        """The incidents ``incidents(where=...)`` lists, in its order, ``size`` at a time:
        keyset pages on (date, id), the undated ones where the dialect sorts NULL, so that
        an export of every incident holds one page, not the table."""
        base = (select(IncidentRow).where(*where.conditions())
                .order_by(IncidentRow.date, IncidentRow.id).limit(size or IN_CHUNK))
        undated = base.where(IncidentRow.date.is_(None))
        dated = base.where(IncidentRow.date.is_not(None))
        parts = ((undated, dated) if self.engine.dialect.name == "sqlite"
                 else (dated, undated))
        for query in parts:
            after: Incident | None = None
            while True:
                page_query = query if after is None else query.where(_after_incident(after))
                with self.sessions() as s:
                    page = [_incident(r) for r in s.scalars(page_query)]
                if not page:
                    break
                yield page
                after = page[-1]

    def incident_page(self, where: IncidentFilter, *, sort: str = "date",
                      descending: bool = False, limit: int = 50, offset: int = 0
                      ) -> tuple[int, list[dict]]:
        """The number of incidents matching ``where`` and one page of their summaries (the
        export's fields with ``mention_count`` in place of the mentions), filtered, sorted
        and paged in one indexed query: a list page needs fifty of tens of thousands."""
        order = [c.desc() if descending else c.asc() for c in INCIDENT_SORTS[sort]]
        order.append(IncidentRow.id.desc() if descending else IncidentRow.id.asc())
        # plain columns, not ORM entities: a list page never writes, and loading entities
        # costs more than the query (measured with benchmarks/api_load.py)
        mention_count = (select(func.count(StrikeRow.id))
                         .where(StrikeRow.incident_id == IncidentRow.id)
                         .correlate(IncidentRow).scalar_subquery().label("mention_count"))
        with self.engine.connect() as conn:
            total = self._count_matching(conn, where)
            rows_query = (select(*_SUMMARY_COLUMNS, mention_count)
                          .where(*self._page_conditions(conn, where, total, limit + offset)))
            rows = conn.execute(rows_query.order_by(*order).limit(limit).offset(offset)).all()
        return total, [{**incident_summary(_incident(r)), "mention_count": r.mention_count}
                       for r in rows]

    def _page_conditions(self, conn: Connection, where: IncidentFilter, total: int,
                         reach: int) -> list:
        """``where``'s conditions, with a wide box or province kept off the indexes their
        counts read (0016), so that the page walks its sort's index instead.

        Walking the sort's index until ``reach`` rows match reads about reach x (all / total)
        rows; taking the filter from its own index reads ``total`` rows and sorts them.
        SQLite's planner knows neither number and takes the filter's index (130 ms for a box
        of 22,542 of 240,000 incidents, against under 5 ms by date); the kept counts know
        both."""
        if (where.bbox is None and where.region is None) or total * total <= (
                reach * self._count_matching(conn, IncidentFilter())):
            return where.conditions()
        out = replace(where, bbox=None, region=None).conditions()
        if where.region is not None:  # admin1 || '': not the indexed expression
            out.append(func.lower(IncidentRow.admin1 + "") == where.region.lower())
        if where.bbox is not None:  # lon + 0: no index serves it
            west, south, east, north = where.bbox
            out += [(IncidentRow.lon + 0).between(west, east),
                    IncidentRow.lat.between(south, north)]
        return out

    def _count_matching(self, conn: Connection, where: IncidentFilter) -> int:
        """How many incidents ``where`` selects, counted once per version of the incidents
        (``incident_changes``, raised by triggers on every write from any process): paging
        through one filter, or a map asking it again, does not count a large table again.
        The version is read before the count: a write between the two files the count under
        a version already past, which is never asked for again, never under a current one."""
        version = conn.scalar(select(IncidentChangesRow.version)
                              .where(IncidentChangesRow.id == 1))
        key = (version, where)
        total = self._totals.get(key)
        if total is None:
            total = conn.scalar(select(func.count()).select_from(IncidentRow)
                                .where(*where.conditions())) or 0
            if version != self._totals_version or len(self._totals) >= _TOTALS_KEPT:
                self._totals, self._totals_version = {}, version  # a new dict: threads read it
            self._totals[key] = total
        return total

    def count_incidents(self, where: IncidentFilter, *, undated: bool = False) -> int:
        """How many incidents match ``where`` (only the undated ones with ``undated``)."""
        query = select(func.count()).select_from(IncidentRow).where(*where.conditions())
        if undated:
            query = query.where(IncidentRow.date.is_(None))
        with self.sessions() as s:
            return s.scalar(query) or 0

    def latest_incident_date(self, where: IncidentFilter) -> date | None:
        with self.sessions() as s:
            return s.scalar(select(func.max(IncidentRow.date)).where(*where.conditions()))

    def incident(self, incident_id: str) -> Incident | None:
        found = self.incidents(ids=[incident_id])
        return found[0] if found else None

    def linked_incidents(self, keys: Sequence[str]) -> dict[str, str]:
        """mention key -> incident id, for keys an earlier fusion or an analyst linked."""
        out: dict[str, str] = {}
        keys = list(dict.fromkeys(keys))
        with self.sessions() as s:
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                out.update((k, i) for k, i in s.execute(
                    select(IncidentLinkRow.key, IncidentLinkRow.incident_id)
                    .where(IncidentLinkRow.key.in_(chunk))))
        return out

    def incidents_of_documents(self, doc_ids: Iterable[str]) -> list[str]:
        """Incidents that hold (or held, before a re-extraction) mentions of these documents."""
        doc_ids = list(doc_ids)
        out: set[str] = set()
        with self.sessions() as s:
            for i in range(0, len(doc_ids), 500):
                out.update(s.scalars(select(IncidentLinkRow.incident_id)
                                     .where(IncidentLinkRow.doc_id.in_(doc_ids[i:i + 500]))))
        return sorted(out)

    def dated_claims(self, *, start: date | None = None, end: date | None = None
                     ) -> Iterator[tuple[ClaimMention, date | None, str | None]]:
        """Claims with their document's publication date and outlet (claims carry no date of
        their own: a statement is dated by the article that reports it), streamed 500 rows
        at a time: a whole-period ``claims`` holds one batch, not every claim of the store."""
        query = (select(ClaimRow, DocumentRow.published, DocumentRow.source)
                 .join(DocumentRow, DocumentRow.id == ClaimRow.doc_id)
                 .order_by(DocumentRow.published, ClaimRow.doc_id, ClaimRow.start))
        if start is not None:
            query = query.where(DocumentRow.published >= start)
        if end is not None:
            query = query.where(DocumentRow.published <= end)
        with self.sessions() as s:
            for r, published, outlet in s.execute(query.execution_options(yield_per=500)):
                yield _claim(r), published, outlet

    def save_fusion(self, *, incidents: Sequence[Incident] = (),
                    links: Sequence[tuple[int, str, str]] = (),
                    notes: Sequence[tuple[int, str]] = ()) -> None:
        """Write one fusion batch in one transaction.

        ``links`` are (mention row id, mention key, incident id); ``notes`` (mention row id,
        why it is in no incident). A field an analyst reviewed is never overwritten here,
        whatever the caller passes (incidents left without mentions: ``drop_emptied_incidents``).
        """
        with self.sessions.begin() as s, s.no_autoflush:
            rows = _rows_by_key(s, IncidentRow, IncidentRow.id, [i.id for i in incidents])
            for inc in incidents:
                row = rows.get(inc.id)
                if row is None:
                    row = IncidentRow(id=inc.id, origin=inc.origin, reviewed=dict(inc.reviewed))
                    s.add(row)
                _fill_incident_row(row, inc, skip=set(row.reviewed or {}))
            s.flush()
            strikes = _rows_by_key(s, StrikeRow, StrikeRow.id,
                                   [m for m, _, _ in links] + [m for m, _ in notes])
            known = _rows_by_key(s, IncidentLinkRow, IncidentLinkRow.key, [k for _, k, _ in links])
            for mention_id, key, incident_id in links:
                if (strike := strikes.get(mention_id)) is not None:
                    strike.incident_id = incident_id
                    strike.fuse_note = None
                if (link := known.get(key)) is None:
                    known[key] = IncidentLinkRow(key=key, doc_id=key.split("|", 1)[0],
                                                 incident_id=incident_id)
                    s.add(known[key])
                else:
                    link.incident_id = incident_id
            for mention_id, note in notes:
                if (strike := strikes.get(mention_id)) is not None:
                    strike.fuse_note = note

    # -- fusion in date windows (strikewatch.fuse reads the pending mentions a window at a time)

    def pending_days(self) -> list[tuple[date | None, int]]:
        """(mention date, pending mentions) of each day with mentions in no incident and not
        set aside, in the order ``unfused_mentions`` gives them (undated where the dialect
        sorts NULL): one row a day, however many mentions, for cutting them into windows."""
        query = (select(StrikeRow.date, func.count()).where(*_PENDING)
                 .group_by(StrikeRow.date))
        with self.sessions() as s:
            rows = [(d, n) for d, n in s.execute(query).all()]
        undated = [r for r in rows if r[0] is None]
        dated = sorted(r for r in rows if r[0] is not None)
        return undated + dated if self.engine.dialect.name == "sqlite" else dated + undated

    def unfused_mentions_between(self, start: date | None, end: date | None
                                 ) -> list[StoredMention]:
        """The pending mentions dated within [start, end] (both None: the undated ones), in
        ``unfused_mentions`` order."""
        query = _stored_query().where(*_PENDING)
        query = (query.where(StrikeRow.date.is_(None)) if start is None and end is None
                 else query.where(StrikeRow.date >= start, StrikeRow.date <= end))
        with self.sessions() as s:
            return [_stored(r, d) for r, d in s.execute(query).all()]

    def pending_shared_keys(self) -> set[str]:
        """The ``mention_key`` values that more than one pending mention shares (one sentence
        giving two strikes with no place span, or one place for two days): fusion numbers
        them across its windows. Grouped in SQL, so only the few shared keys are read."""
        code = case((StrikeRow.attacker_name.is_(None), ""),
                    else_=func.coalesce(StrikeRow.attacker_country, StrikeRow.attacker_name))
        query = (select(StrikeRow.doc_id, StrikeRow.start, StrikeRow.place_start, code)
                 .where(*_PENDING)
                 .group_by(StrikeRow.doc_id, StrikeRow.start, StrikeRow.place_start, code)
                 .having(func.count() > 1))
        with self.sessions() as s:
            return {f"{doc}|{start}|{'' if place is None else place}|{who}"
                    for doc, start, place, who in s.execute(query).all()}

    def incident_ids_reaching(self, country: str, start: date, end: date, *,
                              widen: dict[str | None, int]) -> list[str]:
        """Ids of the incidents of ``country`` whose date may stand for a day in [start, end]:
        dated within it, or within ``widen[precision]`` days of it for an incident dated to
        a week or a month (``widen``: precision -> days; other precisions are not widened)."""
        near = [(IncidentRow.date_precision == p) & IncidentRow.date.between(
                    _shift_days(start, -days), _shift_days(end, days))
                for p, days in widen.items() if p is not None]
        exact = IncidentRow.date.between(start, end)
        query = (select(IncidentRow.id).where(IncidentRow.country == country)
                 .where(or_(exact, *near)).order_by(IncidentRow.date, IncidentRow.id))
        with self.sessions() as s:
            return list(s.scalars(query))

    def drop_emptied_incidents(self) -> list[str]:
        """Delete the incidents that lost their last mention since the last fusion (a
        re-extraction found them no more, an analyst moved them away), except those an analyst
        reviewed, which stay with their reviewed values until the analyst rejects or merges
        them. The losses are taken (deleted, in the transaction that drops) first, so that a
        loss recorded meanwhile waits for the next fusion; then the incidents among them with
        no mention are read through the mentions' index. The whole incidents table, read at
        every fusion to find a few, cost 1.1 CPU s at 316,000 incidents. The ids dropped."""
        with self.sessions.begin() as s:
            lost = list(s.scalars(delete(IncidentLossRow).returning(IncidentLossRow.incident_id)))
            dropped = [i for chunk in _chunks(sorted(lost))
                       for i, reviewed in s.execute(_emptied_among(chunk)) if not reviewed]
            for chunk in _chunks(dropped):
                s.execute(delete(IncidentRow).where(IncidentRow.id.in_(chunk)))
        return dropped

    def review_incident(self, incident_id: str, *, action: str, analyst: str,
                        reason: str | None, changes: dict[str, object] | None = None) -> None:
        """Set analyst values on an incident, lock them, and write one audit line per field
        (or one line for the action when nothing changes, as a confirmation)."""
        changes = changes or {}
        with self.sessions.begin() as s:
            row = s.get(IncidentRow, incident_id)
            if row is None:
                raise ReviewError(f"no incident {incident_id!r}")
            reviewed = dict(row.reviewed or {})
            for name, value in changes.items():
                old = _incident_field(row, name)
                _set_incident_field(row, name, value)
                reviewed[name] = value
                s.add(ReviewRow(incident_id=incident_id, action=action, field=name,
                                old_value=_audit_json(old), new_value=_audit_json(value),
                                analyst=analyst, reason=reason))
            if not changes:
                s.add(ReviewRow(incident_id=incident_id, action=action, analyst=analyst,
                                reason=reason))
            row.reviewed = reviewed
            row.updated_at = now()

    def move_mentions(self, mention_ids: Sequence[int], incident_id: str) -> None:
        """Attach mentions (and their re-extraction keys) to another incident."""
        with self.sessions.begin() as s:
            strikes = list(s.scalars(select(StrikeRow).where(StrikeRow.id.in_(list(mention_ids)))))
            _record_losses(s, [r.incident_id for r in strikes if r.incident_id != incident_id])
            for strike in strikes:
                strike.incident_id = incident_id
                strike.fuse_note = None
                key = _key_of_row(strike)
                link = s.get(IncidentLinkRow, key)
                if link is None:
                    s.add(IncidentLinkRow(key=key, doc_id=strike.doc_id, incident_id=incident_id))
                else:
                    link.incident_id = incident_id

    def merge_incidents(self, keep: str, absorb: str, *, analyst: str, reason: str | None) -> None:
        """Move every mention and link of ``absorb`` to ``keep``, delete ``absorb``, and log
        the merge under both ids so either one's history tells it."""
        with self.sessions.begin() as s:
            rows = {i: s.get(IncidentRow, i) for i in (keep, absorb)}
            for i, row in rows.items():
                if row is None:
                    raise ReviewError(f"no incident {i!r}")
            s.query(StrikeRow).filter(StrikeRow.incident_id == absorb).update(
                {StrikeRow.incident_id: keep}, synchronize_session=False)
            s.query(IncidentLinkRow).filter(IncidentLinkRow.incident_id == absorb).update(
                {IncidentLinkRow.incident_id: keep}, synchronize_session=False)
            for subject, other in ((keep, absorb), (absorb, keep)):
                s.add(ReviewRow(incident_id=subject, action="merge", field="incident",
                                old_value=subject, new_value=keep if subject == absorb else other,
                                analyst=analyst, reason=reason))
            reviewed = dict(rows[keep].reviewed or {})
            reviewed.setdefault("merged", [])
            reviewed["merged"] = [*reviewed["merged"], absorb]
            rows[keep].reviewed = reviewed
            s.delete(rows[absorb])

    def add_review(self, incident_id: str, *, action: str, analyst: str, reason: str | None,
                   field: str | None = None, old_value: str | None = None,
                   new_value: str | None = None) -> None:
        with self.sessions.begin() as s:
            s.add(ReviewRow(incident_id=incident_id, action=action, field=field,
                            old_value=old_value, new_value=new_value, analyst=analyst,
                            reason=reason))

    def reviews(self, *, incident_id: str | None = None) -> list[ReviewRow]:
        query = select(ReviewRow).order_by(ReviewRow.at, ReviewRow.id)
        if incident_id is not None:
            query = query.where(ReviewRow.incident_id == incident_id)
        with self.sessions() as s:
            return list(s.scalars(query))

    # -- watched sources and delivered briefings (watch, deliver) ---------------------------

    def watched_sources(self) -> list[WatchedSourceRow]:
        with self.sessions() as s:
            return list(s.scalars(select(WatchedSourceRow).order_by(WatchedSourceRow.name)))

    def watched_source(self, name: str) -> WatchedSourceRow | None:
        with self.sessions() as s:
            return s.get(WatchedSourceRow, name)

    def save_watched_source(self, row: WatchedSourceRow) -> None:
        with self.sessions.begin() as s:
            s.merge(row)

    def last_delivery(self) -> DeliveryRow | None:
        query = select(DeliveryRow).order_by(DeliveryRow.delivered_at.desc(), DeliveryRow.id.desc())
        with self.sessions() as s:
            return s.scalars(query.limit(1)).first()

    def add_delivery(self, delivered_at: datetime, snapshot: dict, outputs: dict) -> int:
        with self.sessions.begin() as s:
            row = DeliveryRow(delivered_at=delivered_at, snapshot=snapshot, outputs=outputs)
            s.add(row)
            s.flush()
            return row.id

    def set_delivery_output(self, delivery_id: int, channel: str, outcome: str) -> None:
        """Record how one channel fared (a retried webhook may finish after the files)."""
        with self.sessions.begin() as s:
            row = s.get(DeliveryRow, delivery_id)
            row.outputs = {**row.outputs, channel: outcome}


# -- mapping between records and rows ----------------------------------------------------------


IN_CHUNK = 500  # keys per IN (...): PostgreSQL takes 65,535 parameters, SQLite ~250,000


def _chunks(keys: Iterable) -> Iterator[list]:
    """``keys`` (duplicates dropped) ``IN_CHUNK`` at a time."""
    keys = list(dict.fromkeys(keys))
    for i in range(0, len(keys), IN_CHUNK):
        yield keys[i:i + IN_CHUNK]


def _after_incident(last: Incident):
    """The keyset condition: incidents after ``last`` in (date, id) order, within its part
    (dated or undated)."""
    from sqlalchemy import and_, or_

    if last.date is None:
        return IncidentRow.id > last.id
    return or_(IncidentRow.date > last.date,
               and_(IncidentRow.date == last.date, IncidentRow.id > last.id))


def _rows_by_key(s: Session, table: type[Base], column, keys: list) -> dict:
    """Rows of ``table`` by key, a few hundred per query (not one query per row)."""
    out: dict = {}
    keys = list(dict.fromkeys(keys))
    for i in range(0, len(keys), 500):
        out.update((getattr(r, column.key), r)
                   for r in s.scalars(select(table).where(column.in_(keys[i:i + 500]))))
    return out


# Reviewable incident fields (the names analysts use, as in the export) -> their columns.
INCIDENT_FIELDS: dict[str, tuple[str, ...]] = {
    "date": ("date",),
    "date_precision": ("date_precision",),
    "attacker": ("attacker_name", "attacker_country"),
    "location": ("place_name", "lat", "lon", "admin1", "admin2", "country", "geo_precision",
                 "geonameid"),
    "targets": ("targets",),
    "fatalities": ("fatalities_min", "fatalities_max", "fatalities_vague"),
    "civilians": ("civilians_min", "civilians_max"),
    "event_type": ("event_type",),
    "grade": ("grade",),
    "grade_reason": ("grade_reason",),
}


def mention_key(m: StrikeMention) -> str:
    """What identifies a mention across re-extractions: its document, sentence, place and
    attacker (one sentence may report strikes on several places). Migration 0002 copies it."""
    place_start = m.place_span.start if m.place_span else None
    attacker = m.attacker.code if m.attacker else None
    return f"{m.doc_id}|{m.sentence.start}|{'' if place_start is None else place_start}|{attacker or ''}"


def _key_of_row(r: StrikeRow) -> str:
    return mention_key(_strike(r))


# a mention fusion has yet to weigh: in no incident and not set aside (``fuse_note``)
_PENDING = (StrikeRow.incident_id.is_(None), StrikeRow.fuse_note.is_(None))


def _shift_days(day: date, days: int) -> date:
    """day plus days, held at the calendar's ends (a CMS's year-1 date must not raise)."""
    ordinal = min(max(day.toordinal() + days, date.min.toordinal()), date.max.toordinal())
    return date.fromordinal(ordinal)


def _stored_query():
    return (select(StrikeRow, DocumentRow).join(DocumentRow, DocumentRow.id == StrikeRow.doc_id)
            .order_by(StrikeRow.date, DocumentRow.published, StrikeRow.doc_id, StrikeRow.start,
                      StrikeRow.id))


def _stored(r: StrikeRow, d: DocumentRow) -> StoredMention:
    return StoredMention(id=r.id, mention=_strike(r), story=d.near_duplicate_of or d.id,
                         incident_id=r.incident_id, outlet=d.source, url=d.url,
                         published=d.published)


def _incident_values(inc: Incident) -> dict[str, object]:
    """An incident as reviewable field values (JSON-ready, as stored in ``reviewed``)."""
    p = inc.place
    return {
        "date": inc.date.isoformat() if inc.date else None,
        "date_precision": inc.date_precision,
        "attacker": {"name": inc.attacker.name, "country": inc.attacker.country}
        if inc.attacker else None,
        "location": place_to_dict(p),
        "targets": _target_dicts(inc.targets),
        "fatalities": {"min": inc.fatalities.min, "max": inc.fatalities.max,
                       "vague": inc.fatalities.vague},
        "civilians": {"min": inc.civilians.min, "max": inc.civilians.max},
        "event_type": inc.event_type,
        "grade": inc.grade,
        "grade_reason": inc.grade_reason,
    }


def _fill_incident_row(row: IncidentRow, inc: Incident, *, skip: set[str]) -> None:
    """Set a row's fields; its update time moves only when one of them changed, so that fusing
    unchanged data again (``extract --all`` twice) leaves every incident as it was."""
    from sqlalchemy import inspect as sa_inspect

    for name, value in _incident_values(inc).items():
        if name not in skip:
            _set_incident_field(row, name, value)
    state = sa_inspect(row)
    if state.transient or state.pending or any(
            attr.history.has_changes() for attr in state.attrs if attr.key != "updated_at"):
        row.updated_at = now()


def _set_incident_field(row: IncidentRow, name: str, value: object) -> None:
    if name not in INCIDENT_FIELDS:
        raise ReviewError(f"no incident field {name!r} (fields: {', '.join(INCIDENT_FIELDS)})")
    if name == "date":
        row.date = date.fromisoformat(value) if isinstance(value, str) else value
    elif name == "attacker":
        a = value or {}
        row.attacker_name, row.attacker_country = a.get("name"), a.get("country")
    elif name == "location":
        p = value or {}
        row.place_name, row.lat, row.lon = p.get("name"), p.get("lat"), p.get("lon")
        row.admin1, row.admin2, row.country = p.get("admin1"), p.get("admin2"), p.get("country")
        row.geo_precision, row.geonameid = p.get("precision"), p.get("geonameid")
    elif name in ("fatalities", "civilians"):
        r = value or {}
        setattr(row, f"{name}_min", r.get("min"))
        setattr(row, f"{name}_max", r.get("max"))
        if name == "fatalities":
            row.fatalities_vague = bool(r.get("vague"))
    elif name == "event_type":
        if value not in EVENT_TYPES:
            raise ReviewError(f"event_type {value!r} is none of {', '.join(EVENT_TYPES)}")
        row.event_type = value
    elif name == "targets":
        row.targets = list(value or [])
    else:
        setattr(row, name, value)


def _incident_field(row: IncidentRow, name: str) -> object:
    return _incident_values(_incident(row)).get(name)


def _audit_json(value: object) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _incident(r: IncidentRow) -> Incident:
    place = None
    if r.lat is not None and r.lon is not None and r.country:
        place = Place(name=r.place_name or "", lat=r.lat, lon=r.lon, country=r.country,
                      precision=r.geo_precision or "point", admin1=r.admin1, admin2=r.admin2,
                      geonameid=r.geonameid)
    return Incident(
        id=r.id, date=r.date, date_precision=r.date_precision,
        attacker=Actor(r.attacker_name, r.attacker_country) if r.attacker_name else None,
        place=place,
        targets=_targets(r.targets),
        fatalities=Range(r.fatalities_min, r.fatalities_max, vague=bool(r.fatalities_vague)),
        civilians=Range(r.civilians_min, r.civilians_max),
        grade=r.grade, grade_reason=r.grade_reason, origin=r.origin,
        reviewed=dict(r.reviewed or {}), event_type=r.event_type or "unknown",
        updated_at=r.updated_at)


def _document_values(doc: Document, signature: bytes | None) -> dict[str, object]:
    return dict(
        id=doc.id, content_hash=doc.content_hash, title=doc.title, source=doc.source, url=doc.url,
        published=doc.published, published_from=doc.published_from, language=doc.language,
        byline=doc.byline, origin=doc.origin, text=doc.text,
        segments=[[s.kind, s.start, s.end] for s in doc.segments],
        near_duplicate_of=doc.near_duplicate_of, minhash=signature, ingested_at=now())


def _document_query(query, *, unextracted: bool, copies: bool | None):
    """``query`` on documents narrowed to those not yet extracted and to copies or not."""
    if unextracted:
        query = query.where(DocumentRow.extracted_at.is_(None))
    if copies is not None:
        query = query.where(DocumentRow.near_duplicate_of.is_not(None) if copies
                            else DocumentRow.near_duplicate_of.is_(None))
    return query


def _emptied_among(ids: Sequence[str]):  # noqa: ANN202 - a select of (id, reviewed)
    """The incidents of ``ids`` no mention names, with what an analyst reviewed: each one
    found by its key, its mentions looked for in their incident index."""
    has_mention = exists().where(StrikeRow.incident_id == IncidentRow.id)
    return (select(IncidentRow.id, IncidentRow.reviewed)
            .where(IncidentRow.id.in_(list(ids)), ~has_mention).order_by(IncidentRow.id))


def _record_losses(s: Session, incident_ids: Iterable[str | None]) -> None:
    """Record in ``incident_losses`` (``drop_emptied_incidents``) the incidents that are
    losing mentions, each once whoever else records it. A first extraction loses none, and
    costs no statement."""
    from sqlalchemy.dialects import postgresql, sqlite

    lost = sorted({i for i in incident_ids if i is not None})
    if lost:
        dialect = postgresql if s.get_bind().dialect.name == "postgresql" else sqlite
        s.execute(dialect.insert(IncidentLossRow).on_conflict_do_nothing(),
                  [{"incident_id": i} for i in lost])


def _band_rows(docs: Iterable[tuple[Document, bytes | None]]) -> list[dict]:
    """The ``syndication_bands`` rows of the originals among ``docs``, in their order (a copy
    linked to an original is never itself what a later copy links to). Syndication (and
    its numpy) loads here, when documents are stored, not for every reader of the store."""
    from .syndication import band_keys

    return [{"key": key, "doc_id": doc.id} for doc, signature in docs
            if signature is not None and doc.near_duplicate_of is None
            for key in band_keys(signature)]


def _document(row: DocumentRow) -> Document:
    return Document(
        id=row.id, text=row.text, segments=tuple(Segment(k, a, b) for k, a, b in row.segments),
        content_hash=row.content_hash, title=row.title, source=row.source, url=row.url,
        published=row.published, published_from=row.published_from, language=row.language,
        byline=row.byline, origin=row.origin, near_duplicate_of=row.near_duplicate_of)


def _target_dicts(targets: Iterable[Target]) -> list[dict]:
    return [{"category": t.category, "name": t.name, "asserted_by": t.asserted_by}
            for t in targets]


def _targets(dicts: Iterable[dict] | None) -> tuple[Target, ...]:
    return tuple(Target(t["category"], t.get("name"), t.get("asserted_by")) for t in dicts or ())


def _range(d: dict | None) -> Range:
    d = d or {}
    return Range(d.get("min"), d.get("max"), vague=bool(d.get("vague")), part=bool(d.get("part")))


def place_to_dict(p: Place | None) -> dict | None:
    if p is None:
        return None
    out = {"name": p.name, "lat": p.lat, "lon": p.lon, "country": p.country,
           "precision": p.precision, "admin1": p.admin1, "admin2": p.admin2,
           "geonameid": p.geonameid, "source": p.source, "alternatives": list(p.alternatives)}
    if p.unresolved_name:  # only when the place is a container of the name as written
        out["unresolved_name"] = p.unresolved_name
    return out


def place_from_dict(d: dict | None) -> Place | None:
    if not d:
        return None
    return Place(name=d["name"], lat=d["lat"], lon=d["lon"], country=d["country"],
                 precision=d["precision"], admin1=d.get("admin1"), admin2=d.get("admin2"),
                 geonameid=d.get("geonameid"), source=d.get("source", "geonames"),
                 alternatives=tuple(d.get("alternatives") or ()),
                 unresolved_name=d.get("unresolved_name"))


def _strike_row(m: StrikeMention) -> dict:
    c = m.casualties
    return dict(
        doc_id=m.doc_id, sentence=m.sentence.text, start=m.sentence.start, end=m.sentence.end,
        date=m.date, date_precision=m.date_precision, date_text=m.date_text,
        attacker_name=m.attacker.name if m.attacker else None,
        attacker_country=m.attacker.country if m.attacker else None,
        attacker_text=m.attacker_span.text if m.attacker_span else None,
        place_text=m.place_text,
        place_start=m.place_span.start if m.place_span else None,
        place_end=m.place_span.end if m.place_span else None,
        place=place_to_dict(m.place),
        targets=_target_dicts(m.targets),
        casualties={k: {"min": r.min, "max": r.max, **({"vague": True} if r.vague else {}),
                        **({"part": True} if r.part else {})}
                    for k, r in
                    (("killed", c.killed), ("wounded", c.wounded),
                     ("civilians_killed", c.civilians_killed))},
        weapon=m.weapon, source=m.source, claimed_by_attacker=m.claimed_by_attacker,
        hedged=m.hedged, event_type=m.event_type, site=m.site)


def _strike(r: StrikeRow) -> StrikeMention:
    c = r.casualties or {}
    return StrikeMention(
        doc_id=r.doc_id, sentence=Span(r.start, r.end, r.sentence),
        place_text=r.place_text,
        place_span=Span(r.place_start, r.place_end, r.place_text or "")
        if r.place_start is not None else None,
        attacker=Actor(r.attacker_name, r.attacker_country) if r.attacker_name else None,
        date=r.date, date_precision=r.date_precision, date_text=r.date_text,
        place=place_from_dict(r.place),
        targets=_targets(r.targets),
        casualties=Casualties(_range(c.get("killed")), _range(c.get("wounded")),
                              _range(c.get("civilians_killed"))),
        weapon=r.weapon, source=r.source, claimed_by_attacker=r.claimed_by_attacker,
        hedged=r.hedged, event_type=r.event_type or "unknown", site=r.site)


def _claim_row(c: ClaimMention) -> dict:
    return dict(doc_id=c.doc_id, sentence=c.span.text, start=c.span.start, end=c.span.end,
                    speaker=c.speaker, org=c.org, role=c.role, kind=c.kind, about=c.about,
                    quote=c.quote, numbers=[list(n) for n in c.numbers], period=c.period)


def _claim(r: ClaimRow) -> ClaimMention:
    return ClaimMention(doc_id=r.doc_id, span=Span(r.start, r.end, r.sentence),
                        speaker=r.speaker, kind=r.kind, org=r.org, role=r.role, about=r.about,
                        quote=r.quote, numbers=tuple((n[0], n[1]) for n in r.numbers or ()),
                        period=r.period)


# -- the incident queries every reader shares (brief, export, API, web pages) ---------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentFilter:
    """What a reader narrows the incidents to; every field is optional. The briefing, the
    exports, the API and the web pages all filter through ``conditions``, so that one
    ``attacker`` means one thing everywhere."""

    start: date | None = None
    end: date | None = None
    country: str | None = None  # ISO alpha-2 of where it happened
    region: str | None = None  # first-level division (governorate, province), any case
    attacker: str | None = None  # see attacker_condition
    target: str | None = None  # one of TARGET_CATEGORIES
    grades: tuple[str, ...] = ()  # any of GRADES
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    reviewed: bool | None = None  # only incidents an analyst has (True) or has not (False) set
    event_type: str | None = None  # one of EVENT_TYPES: air strikes, shelling, or unknown

    def problems(self) -> list[str]:
        """What makes the filter unanswerable, each as a sentence (empty when it is fine)."""
        out = []
        if self.start and self.end and self.start > self.end:
            out.append(f"start {self.start} is after end {self.end}")
        if self.target is not None and self.target not in TARGET_CATEGORIES:
            out.append(f"unknown target category {self.target!r} "
                       f"(one of {', '.join(TARGET_CATEGORIES)})")
        out += [f"unknown grade {g!r} (one of {', '.join(GRADES)})"
                for g in self.grades if g not in GRADES]
        if self.event_type is not None and self.event_type not in EVENT_TYPES:
            out.append(f"unknown event type {self.event_type!r} (one of {', '.join(EVENT_TYPES)})")
        if self.bbox is not None:
            west, south, east, north = self.bbox
            if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
                out.append("bbox must be min_lon,min_lat,max_lon,max_lat within the globe, "
                           "west before east and south before north")
        return out

    def conditions(self) -> list:
        """The SQL conditions on IncidentRow, for ``select(...).where(*conditions)``."""
        out = []
        if self.start is not None:
            out.append(IncidentRow.date >= self.start)
        if self.end is not None:
            out.append(IncidentRow.date <= self.end)
        if self.country:
            out.append(IncidentRow.country == self.country.upper())
        if self.region:
            out.append(func.lower(IncidentRow.admin1) == self.region.lower())
        if self.attacker:
            out.append(attacker_condition(self.attacker))
        if self.target:
            # targets is a JSON list of objects; both SQLite (json.dumps) and PostgreSQL's
            # text rendering of JSON write a key as "category": "value"
            out.append(cast(IncidentRow.targets, String).like(f'%"category": "{self.target}"%'))
        if self.grades:
            out.append(IncidentRow.grade.in_(self.grades))
        if self.event_type:
            out.append(IncidentRow.event_type == self.event_type)
        if self.bbox is not None:
            west, south, east, north = self.bbox
            out += [IncidentRow.lon.between(west, east), IncidentRow.lat.between(south, north)]
        if self.reviewed is not None:
            unreviewed = cast(IncidentRow.reviewed, String).in_(["{}", "null"])
            out.append(~unreviewed if self.reviewed else unreviewed)
        return out


def attacker_condition(attacker: str):
    """Who struck, as readers name it: two letters are a state's forces (ISO alpha-2, any
    case; the indexed column, no scan of every name), ``unknown`` is an incident whose reports
    name no attacker (the export's and the annotation guide's word), anything else a
    non-state force's name in any case."""
    if len(attacker) == 2 and attacker.isalpha() and attacker.isascii():
        return IncidentRow.attacker_country == attacker.upper()
    if attacker.lower() == UNKNOWN_ATTACKER:
        return IncidentRow.attacker_name.is_(None)
    return func.lower(IncidentRow.attacker_name) == attacker.lower()


INCIDENT_SORTS = {
    "date": (IncidentRow.date,),
    "fatalities": (IncidentRow.fatalities_min,),
    "grade": (IncidentRow.grade,),
    "country": (IncidentRow.country, IncidentRow.admin1),
    "updated": (IncidentRow.updated_at,),
}

_SUMMARY_COLUMNS = tuple(IncidentRow.__table__.c[name] for name in (
    "id", "date", "date_precision", "attacker_name", "attacker_country", "place_name", "admin1",
    "admin2", "country", "lat", "lon", "geo_precision", "geonameid", "targets",
    "fatalities_min", "fatalities_max", "fatalities_vague", "civilians_min", "civilians_max",
    "event_type", "grade", "grade_reason", "origin", "reviewed", "updated_at"))


def incident_summary(inc: Incident) -> dict:
    """An incident in the export's shape (docs/formats.md) without its mentions. The one place
    that names and nests an incident's fields: ``fuse.incident_records`` adds the sources and
    mentions, the list pages the number of mentions, so a client reads both the same way."""
    p = inc.place
    return {
        "id": inc.id,
        "date": inc.date.isoformat() if inc.date else None,
        "date_precision": inc.date_precision,
        "attacker": {"name": inc.attacker.name, "country": inc.attacker.country}
        if inc.attacker else {"name": UNKNOWN_ATTACKER, "country": None},
        "location": {"name": p.name, "admin1": p.admin1, "admin2": p.admin2,
                     "country": p.country, "lat": p.lat, "lon": p.lon,
                     "precision": p.precision, "geonameid": p.geonameid} if p else None,
        "targets": [{"name": t.name, "category": t.category} for t in inc.targets],
        "fatalities": {"min": inc.fatalities.min, "max": inc.fatalities.max,
                       "vague": inc.fatalities.vague,
                       "civilians_min": inc.civilians.min, "civilians_max": inc.civilians.max},
        "event_type": inc.event_type,
        "grade": inc.grade,
        "grade_reason": inc.grade_reason,
        "origin": inc.origin,
        "reviewed": sorted(k for k in inc.reviewed if k in INCIDENT_FIELDS),
        "updated_at": inc.updated_at.isoformat() if inc.updated_at else None,
    }
