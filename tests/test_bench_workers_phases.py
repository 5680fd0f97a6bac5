"""The phases benchmark of `extract --workers N`: every task stamped in the worker that ran
it, inside the run, and the pipeline as it was once the run is over."""

from __future__ import annotations

from benchmark_scripts import load_benchmark

from strikewatch import pipeline
from strikewatch.store import Store
from test_scale import _first_articles


def _workers_phases():
    return load_benchmark("workers_phases.py", "workers_phases")


def test_each_workers_tasks_are_stamped_within_the_run(tmp_path, extractor, gaz):
    unstamped = (pipeline._extract_page_in_worker, pipeline._page_of,
                 Store.replace_many_mentions, pipeline.extract_page)
    bench = _workers_phases()
    phases = bench.run(_first_articles(tmp_path, 40), 2, extractor=extractor, gazetteer=gaz,
                       batch_size=8)  # five pages, a task each: whichever worker is free
    workers = phases["workers"]
    assert phases["docs"] == 40 and 1 <= len(workers) <= 2
    assert sum(w["docs"] for w in workers) == 40 and sum(w["tasks"] for w in workers) == 5
    for w in workers:
        assert 0 < w["first_start"] <= phases["start_up_s"] < w["last_end"] < phases["wall_s"]
        assert 0 < w["busy_s"] <= w["last_end"] - w["first_start"] and w["result_mb"] > 0
    assert 0 <= phases["tail_s"] < phases["wall_s"] and 0 < phases["end_s"] < phases["wall_s"]
    assert phases["parent_write_s"] > 0 and phases["strikes"] > 0
    assert (pipeline._extract_page_in_worker, pipeline._page_of,
            Store.replace_many_mentions, pipeline.extract_page) == unstamped
    assert any("start-up" in line for line in bench.report(phases))
    # every task's extract_page ran in a worker, none in the parent
    assert sorted(e["pages"] for e in phases["extracting"]) == sorted(
        w["tasks"] for w in workers)


def test_one_process_and_workers_memos_are_compared_entry_for_entry(tmp_path, extractor, gaz):
    """One process (no pool: the parent extracts) is stamped too, so the memos it fills can
    be set beside the workers'. The fixtures' pipeline is the same object in both runs, so
    the second run's memos start warm from the first's: what each gains is counted from its
    first page, never what it held before."""
    bench = _workers_phases()
    corpus = _first_articles(tmp_path, 24)
    one = bench.run(corpus, 1, extractor=extractor, gazetteer=gaz, batch_size=8)
    assert one["workers"] == [] and len(one["extracting"]) == 1
    gained = one["extracting"][0]["memos"]
    assert "spacy.vocab" in gained and not any(k.endswith("_in_document") for k in gained)
    assert one["extracting"][0]["pages"] == 3 and one["extracting"][0]["user_s"] > 0
    many = bench.run(corpus, 2, extractor=extractor, gazetteer=gaz, batch_size=8)
    lines = bench.report_memos(one, many)
    assert lines[0].startswith("memo entries added while extracting")
    for memo, alone in gained.items():
        together = sum(e["memos"][memo] for e in many["extracting"])
        shown = f"  {memo}: {alone:,} -> {together:,} ({together - alone:+,})"
        assert (shown in lines) == bool(alone or together), memo
    assert "minor faults" in lines[-1]
