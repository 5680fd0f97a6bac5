"""`extract --workers N`: worker processes forked after the parent loaded the pipeline, each
with its own database connections; spawned (loading their own pipeline) where forking is
unsafe. Either way the database ends as with one worker."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from pg import db_url, postgres  # noqa: F401
from strikewatch import pipeline
from strikewatch.fuse import fuse_pending
from strikewatch.geo import geocode_json, load_gazetteer
from strikewatch.geo.importing import import_gazetteer
from strikewatch.store import Store
from test_scale import _export_without_clock, _first_articles

GAZETTEER_FIXTURES = Path(__file__).parent / "fixtures" / "gazetteer"


def _in_a_forked_child(task, *args):  # noqa: ANN001, ANN202
    """``task(*args)`` in a forked child (its arguments inherited, not pickled), returned."""
    fork = multiprocessing.get_context("fork")
    answers = fork.SimpleQueue()
    child = fork.Process(target=lambda: answers.put(task(*args)))
    child.start()
    child.join(timeout=120)
    assert child.exitcode == 0, "the child failed"
    return answers.get()


def _own_connection_and_answer(gazetteer, parents_connection: int, name: str, country: str):
    out = geocode_json(name, country, gazetteer=gazetteer)
    return id(gazetteer._con) != parents_connection, (out["name"], out["admin1"], out["source"])


def test_a_forked_gazetteer_answers_on_its_own_index_connection(gaz):
    assert geocode_json("Kharkiv", "UA", gazetteer=gaz)["resolved"]  # the parent's is in use
    own, answer = _in_a_forked_child(_own_connection_and_answer, gaz, id(gaz._con),
                                     "Aleppo", "SY")
    assert own, "the child must not share the parent's SQLite connection"
    assert answer[:2] == ("Aleppo", "Aleppo")
    assert geocode_json("Kherson", "UA", gazetteer=gaz)["resolved"]  # the parent's still works


def _own_engine_and_answer(gazetteer, parents_engine: int, name: str, country: str):
    out = geocode_json(name, country, gazetteer=gazetteer)
    engine = gazetteer.imported._engine
    return engine is not None and id(engine) != parents_engine, (out["name"], out["admin1"])


def test_a_forked_gazetteer_reads_imported_places_through_its_own_engine(tmp_path):
    store = Store(str(tmp_path / "imports.db"))
    import_gazetteer(GAZETTEER_FIXTURES / "UA-villages.txt", store)
    import_gazetteer(GAZETTEER_FIXTURES / "SY-pcodes.csv", store)
    gazetteer = load_gazetteer().with_imported(store.url)
    assert geocode_json("Hroza, Kharkiv Oblast", "UA", gazetteer=gazetteer)["source"] == \
        "imported"  # the parent's engine holds a connection now
    own, answer = _in_a_forked_child(_own_engine_and_answer, gazetteer,
                                     id(gazetteer.imported._engine), "Thiban", "SY")
    assert own, "the child must open its own engine, not use the parent's pooled connections"
    assert answer == ("Thiban", "Deir ez-Zor")


def _export_of(database: Path | str, articles: Path, **extract) -> list[dict]:
    """The incidents of ``articles`` extracted (``extract``: how) and fused."""
    store = Store(str(database))
    pipeline.ingest([str(articles)], store)
    assert pipeline.extract_pending(store, batch_size=8, **extract).documents == 16
    fuse_pending(store)
    return _export_without_clock(store, "incidents")


@pytest.fixture
def pools_started(monkeypatch) -> list[tuple[str, tuple]]:
    """Each pool started, by the function that started it, with its arguments."""
    started: list[tuple[str, tuple]] = []
    for starts_a_pool in ("forked_worker_pool", "worker_pool"):
        real_pool = getattr(pipeline, starts_a_pool)
        monkeypatch.setattr(pipeline, starts_a_pool,
                            lambda *args, name=starts_a_pool, real_pool=real_pool:
                            started.append((name, args)) or real_pool(*args))
    return started


def test_workers_are_forked_with_the_callers_own_pipeline(tmp_path, extractor, gaz,
                                                          pools_started):
    articles = _first_articles(tmp_path, 16)
    one = _export_of(tmp_path / "one.db", articles, extractor=extractor, gazetteer=gaz)
    two = _export_of(tmp_path / "two.db", articles, extractor=extractor, gazetteer=gaz,
                     workers=2)
    assert [(name, args[1:]) for name, args in pools_started] == \
        [("forked_worker_pool", (extractor, gaz))]
    assert one, "the articles report strikes: an empty export would prove nothing"
    assert one == two


def test_where_forking_is_unsafe_workers_are_spawned_and_load_their_own(
        tmp_path, extractor, gaz, pools_started, monkeypatch):
    monkeypatch.setattr(pipeline, "_FORK_IS_SAFE", False)
    articles = _first_articles(tmp_path, 16)
    one = _export_of(tmp_path / "one.db", articles)
    two = _export_of(tmp_path / "two.db", articles, workers=2)
    assert [name for name, _ in pools_started] == ["worker_pool"]
    assert one and one == two
    # a caller's own pipeline cannot be sent to a spawned process: it is used here
    assert _export_of(tmp_path / "own.db", articles, extractor=extractor, gazetteer=gaz,
                      workers=2) == one
    assert len(pools_started) == 1


def test_a_page_sent_in_tasks_is_written_whole_and_in_order(tmp_path, extractor, gaz,
                                                            monkeypatch):
    monkeypatch.setattr(pipeline, "TASK_DOCS", 3)  # pages of 8: tasks of 3, 3 and 2
    articles = _first_articles(tmp_path, 16)
    one = _export_of(tmp_path / "one.db", articles, extractor=extractor, gazetteer=gaz)
    written: list[list[str]] = []
    real_write = Store.replace_many_mentions
    monkeypatch.setattr(Store, "replace_many_mentions", lambda store, extractions: (
        written.append([doc_id for doc_id, _, _ in extractions]),
        real_write(store, extractions))[1])
    two = _export_of(tmp_path / "two.db", articles, extractor=extractor, gazetteer=gaz,
                     workers=2)
    assert [len(ids) for ids in written] == [8, 8]
    assert sum(written, []) == sorted(sum(written, []))
    assert one and one == two


def test_forked_workers_leave_the_parents_connections_working(
        db_url, request, tmp_path, extractor, gaz):  # noqa: F811
    """On PostgreSQL a child that used or closed the parent's pooled connection would
    break the parent's session; the parent writes every page and fuses after the workers."""
    articles = _first_articles(tmp_path, 16)
    two = _export_of(db_url, articles, extractor=extractor, gazetteer=gaz, workers=2)
    another = (request.getfixturevalue("postgres").create_database()
               if db_url.startswith("postgresql") else tmp_path / "one.db")
    assert two and two == _export_of(another, articles, extractor=extractor, gazetteer=gaz)
