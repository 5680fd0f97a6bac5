"""`extract --workers N`: worker processes forked after the parent loaded the pipeline, each
with its own database connections; spawned (loading their own pipeline) where forking is
unsafe. Either way the database ends as with one worker."""

from __future__ import annotations

import contextlib
import gc
import json
import multiprocessing
import os
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


def _page(*stories: tuple[str, int]) -> list:
    """A page of documents: each story an original and that many copies after it."""
    from strikewatch.models import Document

    return [Document(id=f"{story}{n or ''}", text=story, segments=(), content_hash=story,
                     near_duplicate_of=story if n else None)
            for story, copies in stories for n in range(copies + 1)]


def test_a_task_parts_an_original_from_its_copies_only_past_a_storys_share(monkeypatch):
    monkeypatch.setattr(pipeline, "TASK_DOCS", 3)
    monkeypatch.setattr(pipeline, "STORY_TASK_DOCS", 6)
    page = _page(("a", 2), ("b", 0), ("c", 1), ("d", 0), ("e", 0), ("f", 0), ("g", 4), ("h", 0),
                 ("k", 7))
    assert [[d.id for d in task] for task in pipeline._tasks_of(page)] == [
        ["a", "a1", "a2"], ["b", "c", "c1"], ["d", "e", "f"], ["g", "g1", "g2", "g3", "g4"],
        ["h", "k", "k1", "k2", "k3", "k4"], ["k5", "k6", "k7"]]


def _articles_and_copies_first_by_id(tmp_path: Path, count: int) -> Path:
    """``count`` articles, then each again under an id that sorts before every original's,
    with a line an outlet added in front: copies extracted in full, far from their originals
    in id order."""
    rows = [json.loads(line) for line in _first_articles(tmp_path, count).open(encoding="utf-8")]
    copies = [{**row, "id": f"a-rerun-{i:02d}", "text": f"(Republished from a wire.) {row['text']}"}
              for i, row in enumerate(rows)]
    path = tmp_path / f"copies-first-{count}.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows + copies), encoding="utf-8")
    return path


def test_a_copy_extracted_in_full_goes_in_its_originals_task(tmp_path, extractor, gaz,
                                                              monkeypatch):
    """Whichever worker extracts an original extracts its copies in the same task (its memos
    of the story's places and names are warm for them), and the database ends as with one."""
    monkeypatch.setattr(pipeline, "TASK_DOCS", 3)
    tasks: list[list[str]] = []
    real_tasks_of = pipeline._tasks_of
    monkeypatch.setattr(pipeline, "_tasks_of", lambda page: [
        tasks.append([d.id for d in task]) or task for task in real_tasks_of(page)])
    articles, exports = _articles_and_copies_first_by_id(tmp_path, 8), []
    for workers in (1, 2):
        store = Store(str(tmp_path / f"stories-{workers}.db"))
        pipeline.ingest([str(articles)], store)
        summary = pipeline.extract_pending(store, extractor=extractor, gazetteer=gaz,
                                           workers=workers, batch_size=4)
        assert summary.documents == 16 and len(summary.copies_in_full) == 8
        fuse_pending(store)
        exports.append(_export_without_clock(store, "incidents"))
    original_of = {d.id: d.near_duplicate_of for d in store.documents() if d.near_duplicate_of}
    assert sorted(original_of) == [f"a-rerun-{i:02d}" for i in range(8)]
    assert tasks and all(original_of[doc_id] in task for task in tasks for doc_id in task
                         if doc_id in original_of)
    assert exports[0] and exports[0] == exports[1]


def test_copies_of_originals_extracted_before_come_first(tmp_path, extractor, gaz,
                                                         monkeypatch):
    """A copy whose original an earlier run extracted is extracted in full before this run's
    originals (what "extracted before" means is read before any of them is written)."""
    articles = _articles_and_copies_first_by_id(tmp_path, 6)
    rows = articles.read_text(encoding="utf-8").splitlines()
    earlier, later = tmp_path / "earlier.jsonl", tmp_path / "later.jsonl"
    earlier.write_text("\n".join(rows[:3]) + "\n", encoding="utf-8")  # originals 0-2
    later.write_text("\n".join(rows[3:6] + rows[6:]) + "\n", encoding="utf-8")
    streams: list[list[str]] = []
    real_extract = pipeline._Engine.extract
    monkeypatch.setattr(pipeline._Engine, "extract", lambda engine, store, pages, progress: (
        streams.append([]), real_extract(engine, store, (
            streams[-1].extend(d.id for d in page) or page for page in pages), progress))[1])
    store = Store(str(tmp_path / "two-runs.db"))
    pipeline.ingest([str(earlier)], store)
    pipeline.extract_pending(store, extractor=extractor, gazetteer=gaz, workers=2)
    pipeline.ingest([str(later)], store)
    streams.clear()
    summary = pipeline.extract_pending(store, extractor=extractor, gazetteer=gaz, workers=2,
                                       batch_size=2)
    original_of = {d.id: d.near_duplicate_of for d in store.documents() if d.near_duplicate_of}
    new_originals = sorted(json.loads(row)["id"] for row in rows[3:6])
    copies_of_new = {copy for copy, of in original_of.items() if of in new_originals}
    assert len(original_of) == 6 and len(copies_of_new) == 3
    assert streams == [sorted(set(original_of) - copies_of_new, key=original_of.get) + [
        doc_id for original in new_originals for doc_id in
        [original, *sorted(copy for copy in copies_of_new if original_of[copy] == original)]]]
    assert summary.documents == 9 and len(summary.copies_in_full) == 6
    assert all(store.extracted([copy]) for copy in original_of)


def test_the_copies_scan_reads_whole_only_the_copies_it_extracts_first(tmp_path, extractor, gaz,
                                                                     monkeypatch):
    """Before the workers fork, the pending copies are sorted out by their links alone: only
    those whose original was extracted before (and those originals) are read whole; a copy
    of an original this run extracts is read with its original's page."""
    rows = _articles_and_copies_first_by_id(tmp_path, 6).read_text(encoding="utf-8").splitlines()
    earlier, later = tmp_path / "earlier.jsonl", tmp_path / "later.jsonl"
    earlier.write_text("\n".join(rows[:3]) + "\n", encoding="utf-8")  # originals 0-2
    later.write_text("\n".join(rows[3:]) + "\n", encoding="utf-8")
    store = Store(str(tmp_path / "scan.db"))
    pipeline.ingest([str(earlier)], store)
    pipeline.extract_pending(store, extractor=extractor, gazetteer=gaz)
    pipeline.ingest([str(later)], store)
    read: list[str] = []
    real_documents = Store.documents
    monkeypatch.setattr(Store, "documents", lambda self, *, ids=None, **kw: (
        read.extend(ids or ["everything"]), real_documents(self, ids=ids, **kw))[1])
    copies = pipeline._CopiesSortedOut(store, everything=False, ids=None,
                                       may_hold_mention=extractor.gate.may_keep_any)
    pages = list(copies.of_originals_not_extracted_now(size=2))
    original_of = {d.id: d.near_duplicate_of for d in real_documents(store) if d.near_duplicate_of}
    extracted_before = {json.loads(row)["id"] for row in rows[:3]}
    first = {copy for copy, of in original_of.items() if of in extracted_before}
    assert len(first) == 3 and {d.id for page in pages for d in page} == first
    assert sorted(read) == sorted(first | extracted_before)


def test_the_parent_writes_beside_its_workers_with_its_pipeline_out_of_the_collectors_walks(
        tmp_path, extractor, gaz, monkeypatch):
    """The parent reads and writes while its workers extract; its loaded pipeline stays
    frozen out of the collector's walks then, as when it extracts alone, and the settings
    are its own again once the run is over."""
    import gc

    settings_at_write: list[tuple[int, int]] = []
    real_write = Store.replace_many_mentions
    monkeypatch.setattr(Store, "replace_many_mentions", lambda store, extractions: (
        settings_at_write.append((gc.get_freeze_count(), gc.get_threshold()[0])),
        real_write(store, extractions))[1])
    before = (gc.get_freeze_count(), gc.get_threshold())
    two = _export_of(tmp_path / "two.db", _first_articles(tmp_path, 16), extractor=extractor,
                     gazetteer=gaz, workers=2)
    assert two and len(settings_at_write) == 2
    assert all(frozen > 0 and threshold >= 10_000 for frozen, threshold in settings_at_write)
    assert (gc.get_freeze_count(), gc.get_threshold()) == before


_SETTINGS_ENTERED: list[int] = []  # in a forked worker: each time it took the batch settings


def _settings_of_this_worker() -> tuple[int, int, list[int], int]:
    from threadpoolctl import threadpool_info

    return (os.getpid(), len(_SETTINGS_ENTERED),
            [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"],
            gc.get_threshold()[0])


def test_a_forked_worker_takes_the_batch_settings_once_for_all_its_tasks(extractor, gaz,
                                                                          monkeypatch):
    """A worker runs nothing but tasks, so it is put under the batch settings once, when it
    starts: taken again for each task, they restarted the BLAS threads a fork leaves behind
    (16 CPU ms a task). Every task still runs with BLAS on one thread and the collector's
    youngest generation at 10,000."""
    from strikewatch import nlp

    real = nlp.batch_settings

    @contextlib.contextmanager
    def counted():  # noqa: ANN202
        _SETTINGS_ENTERED.append(1)
        with real():
            yield

    monkeypatch.setattr(nlp, "batch_settings", counted)
    pool = pipeline.forked_worker_pool(2, extractor, gaz)
    try:
        for _ in range(6):
            assert pool.submit(pipeline._extract_page_in_worker, []).result().extractions == []
        states = [pool.submit(_settings_of_this_worker).result() for _ in range(4)]
    finally:
        pool.shutdown()
    assert _SETTINGS_ENTERED == []  # the parent's own settings are untouched
    for pid, entered, blas, youngest in states:
        assert pid != os.getpid() and entered == 1 and youngest >= 10_000
        assert all(threads == 1 for threads in blas)
