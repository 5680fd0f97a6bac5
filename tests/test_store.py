"""Schema changes never lose data: a database written at every earlier revision is upgraded,
one revision at a time, and every row it held is still there. A reviewed incident keeps its
analyst values and goes on attracting its re-extracted mentions after the upgrade.
Runs on SQLite and PostgreSQL (tests/pg.py)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from pg import db_url, postgres  # noqa: F401  (fixtures)
from sqlalchemy import MetaData, create_engine, func, select, text
from test_fuse import MEE, MEE_ID, OCT2, document, mee_strikes

import strikewatch
from strikewatch.fuse import fuse_pending, incident_records
from strikewatch.models import Range
from strikewatch.store import Store, database_url, migrate, mention_key


def revisions() -> list[str]:
    cfg = Config()
    cfg.set_main_option("script_location",
                        str(Path(strikewatch.__file__).with_name("migrations")))
    script = ScriptDirectory.from_config(cfg)
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def version_1_data(engine) -> None:
    """What strikewatch 0001 wrote after fusing the founding example and a review: rows
    inserted through the 0001 tables themselves, not through today's code."""
    meta = MetaData()
    meta.reflect(engine)
    t = meta.tables
    doc = document(MEE_ID, MEE, "Middle East Eye", OCT2)
    raqqa = next(m for m in mee_strikes() if m.place and m.place.name == "Raqqa")
    hama = next(m for m in mee_strikes() if m.place and m.place.name == "Hama")
    at = datetime(2015, 10, 3, 9, 0)
    with engine.begin() as con:
        con.execute(t["documents"].insert(), [{
            "id": doc.id, "content_hash": doc.content_hash, "title": None, "source": doc.source,
            "url": doc.url, "published": doc.published, "published_from": "option",
            "language": "en", "byline": None, "origin": "mee.txt", "text": doc.text,
            "segments": [["body", 0, len(doc.text)]], "near_duplicate_of": None,
            "minhash": b"\x00\x01", "ingested_at": at, "extracted_at": at}])
        con.execute(t["incidents"].insert(), [{
            "id": "inc-raqqa-v1", "date": date(2015, 10, 2), "date_precision": "day",
            "attacker_name": "Russian Armed Forces", "attacker_country": "RU",
            "place_name": "Raqqa", "lat": 35.9528, "lon": 39.0079, "admin1": "Ar-Raqqah",
            "admin2": None, "country": "SY", "geo_precision": "point", "geonameid": 163915,
            "targets": [{"category": "jihadist", "name": "Islamic State", "asserted_by": None}],
            "fatalities_min": 12, "fatalities_max": 15, "civilians_min": 0,
            "civilians_max": 0, "grade": "weak", "grade_reason": "Weak: a single source.",
            "origin": "text", "reviewed": {"fatalities": {"min": 12, "max": 15}},
            "created_at": at, "updated_at": at}])
        rows = []
        for m, incident_id in ((raqqa, "inc-raqqa-v1"), (hama, None)):
            rows.append({
                "doc_id": m.doc_id, "sentence": m.sentence.text, "start": m.sentence.start,
                "end": m.sentence.end, "date": m.date, "date_precision": m.date_precision,
                "date_text": None, "attacker_name": m.attacker.name,
                "attacker_country": m.attacker.country, "attacker_text": "Russian",
                "place_text": m.place_text, "place_start": m.place_span.start,
                "place_end": m.place_span.end,
                "place": {"name": m.place.name, "lat": m.place.lat, "lon": m.place.lon,
                          "country": "SY", "precision": m.place.precision,
                          "admin1": m.place.admin1, "admin2": None,
                          "geonameid": m.place.geonameid, "source": "geonames",
                          "alternatives": []},
                "targets": [{"category": t_.category, "name": t_.name, "asserted_by": None}
                            for t_ in m.targets],
                "casualties": {"killed": {"min": m.casualties.killed.min, "max": None}},
                "weapon": None, "source": m.source, "claimed_by_attacker": False,
                "hedged": False, "incident_id": incident_id})
        con.execute(t["strike_mentions"].insert(), rows)
        con.execute(t["claims"].insert(), [{
            "doc_id": MEE_ID, "sentence": "only one in 20", "start": 1, "end": 15,
            "speaker": "Michael Fallon", "org": "UK Ministry of Defence", "role": "government",
            "kind": "statistic", "about": "RU", "quote": None, "numbers": [["share", 0.05]]}])
        con.execute(t["rejections"].insert(), [{"origin": "empty.txt", "reason": "empty",
                                                "at": at}])
        con.execute(t["reviews"].insert(), [{
            "incident_id": "inc-raqqa-v1", "action": "edit", "field": "fatalities",
            "old_value": json.dumps({"min": 12, "max": None}),
            "new_value": json.dumps({"min": 12, "max": 15}), "analyst": "amira",
            "reason": "SOHR's later toll", "at": at}])


def snapshot(engine, tables, columns: dict[str, list[str]] | None = None) -> dict[str, list]:
    """Each table's rows, on the columns ``columns`` names for it (all columns when None), so
    that a migration which adds a column is checked on the rows' earlier columns."""
    with engine.connect() as con:
        return {name: sorted(map(repr, con.execute(text(
            f"SELECT {', '.join(f'{chr(34)}{c}{chr(34)}' for c in columns[name]) if columns else '*'}"
            f" FROM {name}")).all()))
            for name in tables}


def column_names(engine, tables) -> dict[str, list[str]]:
    from sqlalchemy import inspect

    inspector = inspect(engine)
    return {name: [c["name"] for c in inspector.get_columns(name)] for name in tables}


def test_every_migration_keeps_every_row(db_url):  # noqa: F811
    engine = create_engine(database_url(db_url))
    chain = revisions()
    assert chain[:2] == ["0001", "0002"]
    migrate(engine, chain[0])
    version_1_data(engine)
    tables = ["documents", "strike_mentions", "claims", "incidents", "reviews", "rejections"]
    columns = column_names(engine, tables)
    before = snapshot(engine, tables, columns)
    for rev in chain[1:]:
        migrate(engine, rev)
        after = snapshot(engine, before, columns)
        for table, rows in before.items():
            assert len(after[table]) == len(rows), (rev, table)
            assert after[table] == rows, (rev, table)
    with engine.connect() as con:
        assert con.execute(text("SELECT count(*) FROM strike_mentions "
                                "WHERE fuse_note IS NOT NULL")).scalar() == 0
    engine.dispose()


def test_reviewed_incident_survives_the_upgrade_and_re_extraction(db_url):  # noqa: F811
    engine = create_engine(database_url(db_url))
    migrate(engine, "0001")
    version_1_data(engine)
    engine.dispose()

    store = Store(db_url)  # upgrades to head
    from strikewatch.store import IncidentLinkRow

    raqqa = next(m for m in mee_strikes() if m.place and m.place.name == "Raqqa")
    with store.sessions() as s:  # 0002 backfilled the link of the mention fused at 0001
        links = s.execute(select(IncidentLinkRow.key, IncidentLinkRow.incident_id)).all()
    assert [tuple(r) for r in links] == [(mention_key(raqqa), "inc-raqqa-v1")]

    # the pending Hama mention of version 1 is fused; then the document is re-extracted
    fuse_pending(store)
    store.replace_mentions(MEE_ID, mee_strikes(), [])
    report = fuse_pending(store)
    assert report.relinked >= 2
    inc = store.incident("inc-raqqa-v1")
    assert inc.fatalities == Range(12, 15)  # the analyst's value, kept
    assert inc.civilians == Range(0, 0)
    (rec,) = incident_records(store, ids=["inc-raqqa-v1"])
    assert len(rec["mentions"]) == 1 and rec["mentions"][0]["sentence"] == raqqa.sentence.text
    assert rec["reviewed"] == ["fatalities"]
    (old_review,) = store.reviews(incident_id="inc-raqqa-v1")
    assert old_review.analyst == "amira" and old_review.reason == "SOHR's later toll"
    with store.sessions() as s:
        from strikewatch.store import IncidentRow

        assert s.scalar(select(func.count()).select_from(IncidentRow)) == 6  # Hama … Tabqa
    store.close()


def test_store_opens_at_head_twice(db_url):  # noqa: F811
    Store(db_url).close()
    store = Store(db_url)  # a second open finds nothing to upgrade
    assert store.incidents() == [] and fuse_pending(store).mentions == 0
    store.close()


def test_the_packaged_head_read_without_alembic_is_alembics_head():
    """``Store`` skips Alembic when the database records this head: it must be the head
    Alembic would upgrade to, or a database one migration behind would never be upgraded."""
    from strikewatch.store import packaged_head

    assert packaged_head() == revisions()[-1]


def test_a_database_behind_the_head_is_still_upgraded(db_url):  # noqa: F811
    engine = create_engine(database_url(db_url))
    migrate(engine, revisions()[-2])
    engine.dispose()
    store = Store(db_url)
    with store.engine.connect() as con:
        assert con.execute(text("SELECT version_num FROM alembic_version")).scalars().all() \
            == [revisions()[-1]]
    store.close()


def test_models_and_migrations_agree(db_url):  # noqa: F811
    """What ``alembic check`` does: a database upgraded to head, compared with the tables the
    code declares. A column, index or table added on one side only (a model changed without a
    migration, or a migration the models do not know) fails here, on SQLite and PostgreSQL."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from strikewatch.store import Base

    store = Store(db_url)
    try:
        with store.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            drift = compare_metadata(context, Base.metadata)
    finally:
        store.close()
    assert drift == [], f"models and migrations disagree: {drift}"


def test_a_batch_of_extractions_replaces_each_documents_mentions(db_url):  # noqa: F811
    """The batch runner stores many documents' extractions in one transaction: each document
    loses its earlier mentions and claims, gets the new ones in order, and is marked extracted;
    the other stored documents are left as they were."""
    from dataclasses import replace

    from strikewatch.models import ClaimMention, Span

    store = Store(db_url)
    docs = [document(MEE_ID, MEE, "Middle East Eye", OCT2), document("mee-copy", MEE, "Wire", OCT2),
            document("mee-later", MEE, "Wire", OCT2)]
    store.add_documents([(d, None) for d in docs])
    strikes = mee_strikes()
    copy = [replace(m, doc_id="mee-copy") for m in strikes[:2]]
    said = strikes[0].sentence
    claim = ClaimMention("mee-copy", Span(said.start, said.end, said.text), "the joint statement",
                         "accusation", numbers=(("killed_min", 12.0),))
    store.replace_many_mentions([(MEE_ID, strikes, []), ("mee-copy", copy, [claim])])
    store.replace_many_mentions([(MEE_ID, strikes[2:4], []), ("mee-copy", copy[:1], [claim])])
    store.replace_many_mentions([])

    def where(ms):
        return [(m.doc_id, m.sentence.start, m.place_text, m.attacker) for m in ms]

    assert where(store.strike_mentions(doc_ids=[MEE_ID])) == where(strikes[2:4])
    assert where(store.strike_mentions(doc_ids=["mee-copy"])) == where(copy[:1])
    assert store.claim_mentions() == [claim]
    assert [d.id for d in store.documents(unextracted=True)] == ["mee-later"]
    store.close()
