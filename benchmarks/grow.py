"""A database grown tenfold (or more) from a measured one, for `make bench-scale --grow-to`.

Extraction costs about 25 CPU ms a document, so building 240,000 documents the way
`scale.py` builds 24,000 would take about 6,000 CPU seconds. The read stages (brief, export,
claims, the API list) and a day's fusion only need a store of that size, so this module
writes one from a measured database's real rows instead:

- **copy j** (j = 0 … copies−1) of every row of the source's ``documents``,
  ``syndication_bands``, ``incidents``, ``incident_sources``, ``strike_mentions``, ``claims``
  and ``incident_links``: the same values, with ``~gJ`` added to every document and incident
  id (and to the ids that point at them), a new content hash per document, and every date
  (publication, mention, incident) moved ``j × shift_days`` later. Copy 0 is the source as
  it is. Integer ids are left to the target database to number. The copies' texts still
  name the source's dates, places and figures: only the rows' dates move.
- **the next day** (``add_next_day``): the documents published on the source's day with the
  most strike mentions in incidents, written again as new documents published the day after the grown
  store's last one, with their mentions (dates moved by the same number of days) pending
  fusion and their claims: the new mentions a daily `fuse` meets in the big store.

Every other table must be empty in the source (the benchmark's databases have no reviews,
alerts, users or maps): a row there is refused by name rather than silently left behind.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, timedelta

from sqlalchemy import Integer, String, Table, create_engine, func, insert, literal_column, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql.expression import ColumnElement

from strikewatch.store import Base, Store, database_url

CHUNK = 500
SQLITE_CACHE_KB = 256_000  # the page cache of the connection that grows a SQLite database
# copied in this order, so that every foreign key finds its row
COPIED = ("documents", "syndication_bands", "incidents", "incident_sources",
          "strike_mentions", "claims", "incident_links")
# written by triggers or migrations, not by the stages
DERIVED = ("alembic_version", "incident_changes")

Row = dict


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _later(day: date | None, days: int) -> date | None:
    return None if day is None else day + timedelta(days=days)


def copy_rows(source: Engine, target: Engine) -> None:
    """Copy 0: every row of the copied tables, from ``source`` into the empty ``target``
    (in Python, so that the two may be of different dialects)."""
    for name in COPIED:
        table = _table(name)
        with source.connect() as read:
            for rows in source_rows(read, table):
                with target.begin() as write:
                    write.execute(insert(table), [_unnumbered(r) for r in rows])


def _unnumbered(row: Row) -> Row:
    """The row without its integer id: the target numbers it (PostgreSQL's sequences
    would otherwise hand out the copied ids again to the next row a stage writes)."""
    return row if isinstance(row.get("id"), str) else {k: v for k, v in row.items() if k != "id"}


def source_rows(conn: Connection, table: Table) -> Iterator[list[Row]]:
    """The table's rows, ``CHUNK`` at a time in primary-key order (keyset pages, so that no
    read holds the whole table)."""
    key = list(table.primary_key.columns)[0]
    last = None
    while True:
        query = select(table).order_by(key).limit(CHUNK)
        if last is not None:
            query = query.where(key > last)
        rows = [dict(r._mapping) for r in conn.execute(query)]
        if not rows:
            return
        yield rows
        last = rows[-1][key.name]


def replicate(target: Engine, copies: int, shift_days: int) -> None:
    """Copies 1 … copies−1 of copy 0's rows, each written by one INSERT … SELECT per table
    inside the target database (nothing passes through Python), one transaction a copy:
    in one transaction SQLite's write-ahead log held the whole database and its 2 MB page
    cache rewrote index pages over and over (24 GB written for a ×100 growth)."""
    with target.connect() as conn:
        originals = {name: conn.scalar(select(func.max(_table(name).c.id)))
                     for name in ("syndication_bands", "strike_mentions", "claims")}
    for j in range(1, copies):
        with target.begin() as conn:
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KB}")
            for name in COPIED:
                table = _table(name)
                values = _copied_values(table, f"~g{j}", j * shift_days, conn.dialect.name)
                columns = [c for c in table.columns if c.name in values]
                query = (select(*(values[c.name] for c in columns))
                         .where(_is_copy_zero(table, originals.get(name))))
                conn.execute(insert(table).from_select(columns, query))


def _is_copy_zero(table: Table, last_original_id: int | None) -> ColumnElement:
    if table.name in ("documents", "incidents"):
        return table.c.id.not_like("%~g%")
    if table.name in ("incident_sources", "incident_links"):
        return table.c.incident_id.not_like("%~g%")
    return table.c.id <= (last_original_id or 0)


def _copied_values(table: Table, suffix: str, days: int, dialect: str) -> dict[str, ColumnElement]:
    """Column name -> its value in the copy marked ``suffix`` (every column but an integer
    id, which the database numbers)."""
    values = {c.name: c for c in table.columns if not (c.name == "id" and c.autoincrement is True
                                                       and isinstance(c.type, Integer))}
    for name in ("doc_id", "near_duplicate_of"):
        if name in values:
            values[name] = table.c[name].concat(suffix)  # NULL stays NULL
    for name in ("incident_id",) + (("id",) if table.name == "incidents" else ()):
        if name in values:
            values[name] = _within_64(table.c[name], suffix)
    if table.name == "documents":
        values["id"] = table.c.id.concat(suffix)
        values["content_hash"] = _within_64(table.c.content_hash, suffix)
    if table.name == "incident_links":  # the key begins with the document's id and a '|'
        rest = func.substr(table.c.key, func.length(table.c.doc_id) + 1, type_=String)
        values["key"] = table.c.doc_id.concat(suffix).concat(rest)
    for name in ("published", "date"):
        if name in values:
            values[name] = _later_sql(table.c[name], days, dialect)
    return values


def _within_64(column: ColumnElement, suffix: str) -> ColumnElement:
    """``column`` marked with ``suffix`` within 64 characters (incident ids and hashes)."""
    return func.substr(column, 1, 64 - len(suffix), type_=String).concat(suffix)


def _later_sql(column: ColumnElement, days: int, dialect: str) -> ColumnElement:
    """``column`` (a date) ``days`` later, in the dialect's own date arithmetic."""
    if dialect == "sqlite":
        return func.date(column, f"+{days} days")
    return column + literal_column(str(int(days)), Integer)


def refuse_uncopied_rows(source: Engine) -> None:
    """A source row in a table this module does not copy would be lost: name it; so would
    the distinction between copies if a source id already held the copies' mark."""
    with source.connect() as conn:
        for name, table in Base.metadata.tables.items():
            if name not in COPIED and name not in DERIVED and conn.scalar(
                    select(func.count()).select_from(table)):
                raise SystemExit(f"grow: the source has rows in {name!r}, which is not copied")
        for name in ("documents", "incidents"):
            if conn.scalar(select(func.count()).where(_table(name).c.id.like("%~g%"))):
                raise SystemExit(f"grow: a source id in {name!r} holds '~g', the copies' mark")


def grow(source_db: str, target_db: str, copies: int, shift_days: int) -> dict[str, int]:
    """Write ``copies`` copies of every row of ``source_db`` into the new, empty
    ``target_db``; returns the rows it then holds per copied table."""
    Store(target_db).close()  # the schema, by the migrations
    source, target = create_engine(database_url(source_db)), create_engine(database_url(target_db))
    try:
        refuse_uncopied_rows(source)
        copy_rows(source, target)
        replicate(target, copies, shift_days)
        with target.connect() as conn:
            return {name: conn.scalar(select(func.count()).select_from(_table(name)))
                    for name in COPIED}
    finally:
        source.dispose()
        target.dispose()


def busiest_day(conn: Connection) -> date:
    """The publication day whose documents carry the most strike mentions fusion placed in
    an incident (the ones it set aside would be set aside again, at no cost)."""
    documents, mentions = _table("documents"), _table("strike_mentions")
    query = (select(documents.c.published)
             .join(mentions, mentions.c.doc_id == documents.c.id)
             .where(documents.c.published.is_not(None), mentions.c.incident_id.is_not(None))
             .group_by(documents.c.published)
             .order_by(func.count().desc(), documents.c.published).limit(1))
    return conn.scalar(query)


def add_next_day(source_db: str, target_db: str) -> tuple[date, int, int]:
    """Write the source's busiest day's documents, strike mentions (pending fusion) and
    claims into ``target_db`` as the day after its last publication day; returns (that
    day, documents, mentions)."""
    source, target = create_engine(database_url(source_db)), create_engine(database_url(target_db))
    documents = _table("documents")
    try:
        with source.connect() as read, target.begin() as write:
            day = busiest_day(read)
            next_day = write.scalar(select(func.max(documents.c.published))) + timedelta(days=1)
            docs = [dict(r._mapping) for r in
                    read.execute(select(documents).where(documents.c.published == day))]
            ids = {d["id"] for d in docs}
            delta = (next_day - day).days
            write.execute(insert(documents), [_next_day_document(d, ids, next_day) for d in docs])
            mentions = _next_day_rows(read, write, "strike_mentions", ids, delta)
            _next_day_rows(read, write, "claims", ids, delta)
    finally:
        source.dispose()
        target.dispose()
    return next_day, len(docs), mentions


def _next_day_document(doc: Row, ids: set[str], next_day: date) -> Row:
    original = doc["near_duplicate_of"]
    return {**doc, "id": f"{doc['id']}~next", "published": next_day,
            "content_hash": hashlib.sha256(f"{doc['content_hash']}~next".encode()).hexdigest(),
            "near_duplicate_of": f"{original}~next" if original in ids else None}


def _next_day_rows(read: Connection, write: Connection, name: str, ids: set[str],
                   delta: int) -> int:
    """Copy the rows of ``name`` whose document is one of ``ids``, as the next day's: a
    strike mention in no incident yet, every date moved ``delta`` days."""
    table = _table(name)
    rows = []
    for chunk in _chunks(sorted(ids)):
        for r in read.execute(select(table).where(table.c.doc_id.in_(chunk))):
            row = {**_unnumbered(dict(r._mapping)), "doc_id": f"{r.doc_id}~next"}
            if name == "strike_mentions":
                row.update(date=_later(row["date"], delta), incident_id=None, fuse_note=None)
            rows.append(row)
    if rows:
        write.execute(insert(table), rows)
    return len(rows)


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(values), CHUNK):
        yield values[i:i + CHUNK]
