"""The stream-by-class benchmark's bookkeeping: each class's stream holds its documents in the
whole stream's order, and its table divides each stage's CPU by the class's documents."""

from __future__ import annotations

import json

from benchmark_scripts import load_benchmark


def _stream_classes():
    return load_benchmark("stream_classes.py", "stream_classes")


def test_each_class_gets_its_documents_in_order(tmp_path):
    bench = _stream_classes()
    stream = tmp_path / "stream.jsonl"
    rows = [{"id": f"stream-{i}", "text": f"Bulletin {i}."} for i in range(5)]
    stream.write_text("".join(json.dumps(r) + "\n" for r in rows))
    classes = {"stream-0": "strike", "stream-1": "dropped", "stream-2": "strike",
               "stream-3": "dropped", "stream-4": "dropped"}
    paths = bench.split_by_class(stream, classes, tmp_path)
    ids = {c: [json.loads(line)["id"] for line in p.read_text().splitlines()]
           for c, p in paths.items()}
    assert ids == {"dropped": ["stream-1", "stream-3", "stream-4"], "passed, no strike": [],
                   "strike": ["stream-0", "stream-2"]}


def test_the_table_gives_cpu_ms_a_document_of_each_class():
    bench = _stream_classes()
    whole = {"ingest": 0.3, "extract": 0.8, "fusion": 0.1}
    results = {"dropped": {"cpu": {"extract: document gate": 0.2}, "whole": whole, "tokens": 0,
                           "strikes": 0},
               "strike": {"cpu": {"extract: parse": 0.5, "ingest: store": 0.1}, "whole": whole,
                          "tokens": 900, "strikes": 7}}
    rows = bench.table(results, {"dropped": 400, "strike": 50})
    assert rows[0] == "| stage | dropped (400), ms a doc | strike (50), ms a doc |"
    assert "| ingest: store | 0.00 | 2.00 |" in rows  # ingest's stages first
    assert rows.index("| ingest: store | 0.00 | 2.00 |") < rows.index("| extract: parse | 0.00 | 10.00 |")
    assert "| extract: document gate | 0.50 | 0.00 |" in rows
    assert "| extract, all | **2.00** | **16.00** |" in rows
