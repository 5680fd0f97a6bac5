"""Fusion drops the incidents left with no mention by looking only at those that lost one since
the last fusion (``incident_losses``): a re-extraction that no longer finds a strike, an
analyst moving mentions away. An imported incident, which never had a mention, stays. Runs on
SQLite and PostgreSQL (tests/pg.py)."""

from __future__ import annotations

from pg import db_url, postgres  # noqa: F401  (fixtures)
from sqlalchemy import select, text
from test_fuse import MEE, MEE_ID, OCT2, document, mee_strikes, put
from test_imports import YDP, NoPlaces
from test_review import place_id, store  # noqa: F401  (the fused founding store, a fixture)

from strikewatch.fuse import fuse_pending
from strikewatch.imports import import_yemen_data_project
from strikewatch.store import IncidentLossRow, Store, _emptied_among


def losses(store: Store) -> set[str]:
    with store.sessions() as s:
        return set(s.scalars(select(IncidentLossRow.incident_id)))


def test_a_re_extraction_that_no_longer_finds_a_strike_drops_its_incident(store):
    aleppo, before = place_id(store, "Aleppo"), {i.id for i in store.incidents()}
    put(store, document(MEE_ID, MEE, "Middle East Eye", OCT2),
        [m for m in mee_strikes() if m.place.name != "Aleppo"])
    assert aleppo in losses(store)  # every incident of the document lost its mention
    report = fuse_pending(store)
    assert report.dropped == [aleppo]
    assert {i.id for i in store.incidents()} == before - {aleppo}
    assert losses(store) == set()  # each loss looked at once


def test_an_incident_whose_mentions_an_analyst_moved_away_is_dropped(store):
    raqqa, homs = place_id(store, "Raqqa"), place_id(store, "Homs")
    store.move_mentions([m.id for m in store.stored_mentions(incident_ids=[raqqa])], homs)
    assert losses(store) == {raqqa}
    assert fuse_pending(store).dropped == [raqqa]
    assert store.incident(raqqa) is None and store.incident(homs) is not None


def test_a_fusion_keeps_imported_incidents(tmp_path):
    """Imported rows never had a mention: reading every incident without one, fusion used to
    drop every imported incident."""
    store = Store(str(tmp_path / "imported.db"))
    imported = import_yemen_data_project(YDP, store, gazetteer=NoPlaces()).stored
    assert imported > 0
    report = fuse_pending(store)
    assert report.dropped == [] and len(store.incidents()) == imported


def test_the_emptied_incidents_are_found_by_key_and_index_not_by_a_scan(tmp_path):
    store = Store(str(tmp_path / "plan.db"))
    query = _emptied_among(["inc-1", "inc-2"]).compile(
        store.engine, compile_kwargs={"literal_binds": True})
    with store.engine.connect() as c:
        plan = " | ".join(row[-1] for row in c.execute(text(f"EXPLAIN QUERY PLAN {query}")))
    assert "SCAN incidents" not in plan and "SCAN strike_mentions" not in plan, plan
    assert "ix_strike_mentions_incident_id" in plan, plan
