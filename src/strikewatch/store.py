"""The store: every record of every stage, in SQLite by default or PostgreSQL when shared.

The schema is owned by Alembic migrations (``strikewatch/migrations``), never by
``create_all``, so that a database written by an older version is upgraded in place and loses
nothing. SQLite runs in WAL mode so that the web app can read while a batch writes.

Analysts' corrections live on the incident rows (``reviewed`` lists the fields they set) and
in the ``reviews`` audit table; re-extraction rewrites mentions, never those fields.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    create_engine,
    event,
    select,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from .errors import StoreError
from .models import (
    Actor,
    Casualties,
    ClaimMention,
    Document,
    Place,
    Range,
    Rejection,
    Segment,
    Span,
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
    incident_id: Mapped[str | None] = mapped_column(
        ForeignKey("incidents.id", ondelete="SET NULL"), index=True)
    fuse_note: Mapped[str | None] = mapped_column(Text)  # why fusion left it out (0002)


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


class IncidentRow(Base):
    __tablename__ = "incidents"

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
    grade: Mapped[str] = mapped_column(String(12), index=True, default="weak")
    grade_reason: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(40), default="text")  # text | acled | yemen-data-project
    reviewed: Mapped[dict] = mapped_column(JSON, default=dict)  # field -> value set by an analyst
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=now, onupdate=now)


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


class IncidentLinkRow(Base):
    """Which incident a mention belongs to, by a key that survives re-extraction (0002)."""

    __tablename__ = "incident_links"

    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(200), index=True)
    incident_id: Mapped[str] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), index=True)


@dataclass(slots=True)
class StoreResult:
    """What one write of documents did: the ids stored, and the inputs recognised as copies."""

    stored: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (origin or id, why)
    syndicated: list[tuple[str, str]] = field(default_factory=list)  # (id, id of the earlier copy)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` with the packaged Alembic scripts."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


class Store:
    """A database of strikewatch records; one per run, shared by every stage."""

    def __init__(self, db: str | None = None, *, upgrade: bool = True) -> None:
        self.url = database_url(db)
        try:
            self.engine = create_engine(self.url)
        except (ArgumentError, ImportError) as exc:
            raise StoreError(f"cannot open database {self.url!r}: {exc}") from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            Path(self.engine.url.database or ".").parent.mkdir(parents=True, exist_ok=True)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        if upgrade:
            try:
                migrate(self.engine)
            except OperationalError as exc:
                raise StoreError(f"cannot open database {self.url!r}: {exc.orig}") from exc

    def close(self) -> None:
        self.engine.dispose()

    # -- documents ------------------------------------------------------------------------

    def known_documents(self) -> dict[str, str]:
        """id -> content hash of every stored document (to recognise re-ingested inputs)."""
        with self.sessions() as s:
            return dict(s.execute(select(DocumentRow.id, DocumentRow.content_hash)).all())

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """MinHash signatures of stored documents, to find syndicated copies of new ones."""
        with self.sessions() as s:
            rows = s.execute(select(DocumentRow.id, DocumentRow.minhash)
                             .where(DocumentRow.minhash.is_not(None))
                             .where(DocumentRow.near_duplicate_of.is_(None)))
            yield from rows

    def add_documents(self, docs: Iterable[tuple[Document, bytes | None]]) -> list[str]:
        """Insert new documents (already checked for duplicates by the caller)."""
        ids = []
        with self.sessions.begin() as s:
            for doc, signature in docs:
                s.add(_document_row(doc, signature))
                ids.append(doc.id)
        return ids

    def add_rejections(self, rejections: Sequence[Rejection]) -> None:
        if not rejections:
            return
        with self.sessions.begin() as s:
            s.add_all(RejectionRow(origin=r.origin, reason=r.reason) for r in rejections)

    def documents(self, *, ids: Sequence[str] | None = None, unextracted: bool = False,
                  ) -> Iterator[Document]:
        query = select(DocumentRow).order_by(DocumentRow.id)
        if ids is not None:
            query = query.where(DocumentRow.id.in_(list(ids)))
        if unextracted:
            query = query.where(DocumentRow.extracted_at.is_(None))
        with self.sessions() as s:
            for row in s.scalars(query.execution_options(yield_per=500)):
                yield _document(row)

    def count(self, table: type[Base]) -> int:
        from sqlalchemy import func

        with self.sessions() as s:
            return s.scalar(select(func.count()).select_from(table)) or 0

    # -- mentions -------------------------------------------------------------------------

    def replace_mentions(self, doc_id: str, strikes: Sequence[StrikeMention],
                         claims: Sequence[ClaimMention]) -> None:
        """Store a document's extraction, replacing an earlier one (re-extraction is idempotent)."""
        with self.sessions.begin() as s:
            s.query(StrikeRow).filter(StrikeRow.doc_id == doc_id).delete()
            s.query(ClaimRow).filter(ClaimRow.doc_id == doc_id).delete()
            s.add_all(_strike_row(m) for m in strikes)
            s.add_all(_claim_row(c) for c in claims)
            row = s.get(DocumentRow, doc_id)
            if row is not None:
                row.extracted_at = now()

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


# -- mapping between records and rows ----------------------------------------------------------


def _document_row(doc: Document, signature: bytes | None) -> DocumentRow:
    return DocumentRow(
        id=doc.id, content_hash=doc.content_hash, title=doc.title, source=doc.source, url=doc.url,
        published=doc.published, published_from=doc.published_from, language=doc.language,
        byline=doc.byline, origin=doc.origin, text=doc.text,
        segments=[[s.kind, s.start, s.end] for s in doc.segments],
        near_duplicate_of=doc.near_duplicate_of, minhash=signature)


def _document(row: DocumentRow) -> Document:
    return Document(
        id=row.id, text=row.text, segments=tuple(Segment(k, a, b) for k, a, b in row.segments),
        content_hash=row.content_hash, title=row.title, source=row.source, url=row.url,
        published=row.published, published_from=row.published_from, language=row.language,
        byline=row.byline, origin=row.origin, near_duplicate_of=row.near_duplicate_of)


def _range(d: dict | None) -> Range:
    d = d or {}
    return Range(d.get("min"), d.get("max"))


def place_to_dict(p: Place | None) -> dict | None:
    if p is None:
        return None
    return {"name": p.name, "lat": p.lat, "lon": p.lon, "country": p.country,
            "precision": p.precision, "admin1": p.admin1, "admin2": p.admin2,
            "geonameid": p.geonameid, "source": p.source, "alternatives": list(p.alternatives)}


def place_from_dict(d: dict | None) -> Place | None:
    if not d:
        return None
    return Place(name=d["name"], lat=d["lat"], lon=d["lon"], country=d["country"],
                 precision=d["precision"], admin1=d.get("admin1"), admin2=d.get("admin2"),
                 geonameid=d.get("geonameid"), source=d.get("source", "geonames"),
                 alternatives=tuple(d.get("alternatives") or ()))


def _strike_row(m: StrikeMention) -> StrikeRow:
    c = m.casualties
    return StrikeRow(
        doc_id=m.doc_id, sentence=m.sentence.text, start=m.sentence.start, end=m.sentence.end,
        date=m.date, date_precision=m.date_precision, date_text=m.date_text,
        attacker_name=m.attacker.name if m.attacker else None,
        attacker_country=m.attacker.country if m.attacker else None,
        attacker_text=m.attacker_span.text if m.attacker_span else None,
        place_text=m.place_text,
        place_start=m.place_span.start if m.place_span else None,
        place_end=m.place_span.end if m.place_span else None,
        place=place_to_dict(m.place),
        targets=[{"category": t.category, "name": t.name, "asserted_by": t.asserted_by}
                 for t in m.targets],
        casualties={k: {"min": r.min, "max": r.max} for k, r in
                    (("killed", c.killed), ("wounded", c.wounded),
                     ("civilians_killed", c.civilians_killed))},
        weapon=m.weapon, source=m.source, claimed_by_attacker=m.claimed_by_attacker,
        hedged=m.hedged)


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
        targets=tuple(Target(t["category"], t.get("name"), t.get("asserted_by"))
                      for t in r.targets or ()),
        casualties=Casualties(_range(c.get("killed")), _range(c.get("wounded")),
                              _range(c.get("civilians_killed"))),
        weapon=r.weapon, source=r.source, claimed_by_attacker=r.claimed_by_attacker,
        hedged=r.hedged)


def _claim_row(c: ClaimMention) -> ClaimRow:
    return ClaimRow(doc_id=c.doc_id, sentence=c.span.text, start=c.span.start, end=c.span.end,
                    speaker=c.speaker, org=c.org, role=c.role, kind=c.kind, about=c.about,
                    quote=c.quote, numbers=[list(n) for n in c.numbers])


def _claim(r: ClaimRow) -> ClaimMention:
    return ClaimMention(doc_id=r.doc_id, span=Span(r.start, r.end, r.sentence),
                        speaker=r.speaker, kind=r.kind, org=r.org, role=r.role, about=r.about,
                        quote=r.quote, numbers=tuple((n[0], n[1]) for n in r.numbers or ()))
