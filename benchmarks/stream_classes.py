"""Where the general stream's CPU goes, by class of document and by stage, ingest included.

``prefilter_stream.py --stages`` clocks the extraction's stages by the pool a document was
drawn from. The question here is by what happens to it: **dropped** by the document gate
(no strike or claim word anywhere), **passed** the gate but yielded no strike mention, or
**strike** (at least one). A first run of the whole distinct stream (``build_distinct_stream``)
sorts the documents into these classes; then each class is run as a stream of its own, in a
fresh process and store, through ingest, extraction and fusion, with a CPU clock
(``time.process_time``) around each stage. A stage's clock excludes the clocked stages it
calls (the store's queries inside ingest are "store", not "ingest"), so the rows of a class
add up to its whole. The classes' sums are printed beside the whole stream's own run: parsing
a class on its own batches it differently, so they differ by a few percent.

    python benchmarks/stream_classes.py --shared ../shared
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from prefilter_stream import build_distinct_stream

ROOT = Path(__file__).resolve().parent.parent
CLASSES = ("dropped", "passed, no strike", "strike")

_CHILD = r"""
import inspect, json, sys, time
from collections import Counter
from strikewatch import geo, ingest, pipeline, syndication
from strikewatch.extract import Extractor
from strikewatch.fuse import run as fuse_run
from strikewatch.geo import load_gazetteer
from strikewatch.store import Store

stream, db = sys.argv[1], sys.argv[2]
cpu, stack, phase = Counter(), [], ["ingest"]

def enter(stage):
    now = time.process_time()
    if stack:
        cpu[stack[-1][0]] += now - stack[-1][1]
    stack.append([f"{phase[0]}: {stage}", now])

def leave():
    now = time.process_time()
    stage, start = stack.pop()
    cpu[stage] += now - start
    if stack:
        stack[-1][1] = now

def clock(owner, name, stage):
    inner = getattr(owner, name)
    def timed(*args, **kwargs):
        enter(stage)
        try:
            return inner(*args, **kwargs)
        finally:
            leave()
    setattr(owner, name, timed)

for name, fn in vars(Store).items():
    if inspect.isfunction(fn) and not name.startswith("__"):
        clock(Store, name, "store")
clock(ingest, "_jsonl_document", "read a JSON line")
clock(ingest, "_paragraphs", "paragraphs and boilerplate")
clock(ingest, "detect_language", "language check")
clock(ingest, "content_hash", "text hash")
clock(pipeline, "minhash_signature", "near-duplicate signature")
clock(syndication.SyndicationIndex, "find", "near-duplicate index")
clock(syndication.SyndicationIndex, "add", "near-duplicate index")
clock(Extractor, "worth_reading", "document gate")
clock(Extractor, "_plan", "split and sentence gate")
clock(Extractor, "_parse", "parse")
clock(Extractor, "_read_document", "rules")
clock(geo, "geocode_mentions", "geocoding")  # extract_page imports it from geo when it runs

store = Store(db)
gazetteer = load_gazetteer()
extractor = Extractor(gazetteer=gazetteer)
whole = {}
for name, run in (("ingest", lambda: pipeline.ingest([stream], store)),
                  ("extract", lambda: pipeline.extract_pending(store, extractor=extractor,
                                                               gazetteer=gazetteer)),
                  ("fusion", lambda: fuse_run.fuse_pending(store))):
    phase[0] = name
    enter("other")
    start = time.process_time()
    run()
    whole[name] = time.process_time() - start
    leave()
phase[0] = "uncounted"  # the counts below call clocked functions
# tokens parsed: counted after the clocks, by a second split
tokens = sum(len(extractor.nlp.tokenizer(s.text)) for d in store.documents()
             if extractor.worth_reading(d)
             for s in extractor.candidate_sentences(d))
classes = {}
for d in store.documents():
    classes[d.id] = "dropped" if not extractor.worth_reading(d) else "passed, no strike"
for m in store.strike_mentions():
    classes[m.doc_id] = "strike"
print(json.dumps({"cpu": {k: v for k, v in cpu.items() if not k.startswith("uncounted")}, "whole": whole, "classes": classes, "tokens": tokens,
                  "strikes": len(store.strike_mentions())}))
"""


def run_child(stream: Path, workdir: Path) -> dict:
    """The stream through ingest, extraction and fusion in a fresh process and store."""
    db = workdir / f"{stream.stem}.db"
    done = subprocess.run([sys.executable, "-c", _CHILD, str(stream), str(db)], check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def split_by_class(stream: Path, classes: dict[str, str], workdir: Path) -> dict[str, Path]:
    """One stream file per class, the documents in their order in the whole stream."""
    lines = {c: [] for c in CLASSES}
    for line in stream.read_text(encoding="utf-8").splitlines():
        lines[classes[json.loads(line)["id"]]].append(line)
    paths = {}
    for c, rows in lines.items():
        paths[c] = workdir / f"class-{CLASSES.index(c)}.jsonl"
        paths[c].write_text("".join(row + "\n" for row in rows), encoding="utf-8")
    return paths


def table(results: dict[str, dict], counts: dict[str, int]) -> list[str]:
    """Markdown rows: each stage's CPU ms per document of each class, then the totals."""
    stages = sorted({s for r in results.values() for s in r["cpu"]},
                    key=lambda s: (s.split(":")[0] != "ingest", s.split(":")[0] != "extract", s))
    out = ["| stage | " + " | ".join(f"{c} ({counts[c]}), ms a doc" for c in results) + " |",
           "|---|" + "---:|" * len(results)]
    for stage in stages:
        cells = [f"{1000 * r['cpu'].get(stage, 0.0) / max(1, counts[c]):.2f}"
                 for c, r in results.items()]
        out.append(f"| {stage} | " + " | ".join(cells) + " |")
    for phase in ("ingest", "extract", "fusion"):
        cells = [f"**{1000 * r['whole'][phase] / max(1, counts[c]):.2f}**"
                 for c, r in results.items()]
        out.append(f"| {phase}, all | " + " | ".join(cells) + " |")
    cells = [f"{r['whole']['extract']:.2f} s ({r['tokens']} tokens parsed, {r['strikes']} strikes)"
             for r in results.values()]
    out.append("| extract CPU s of the class | " + " | ".join(cells) + " |")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        stream = workdir / "stream.jsonl"
        build_distinct_stream(args.shared, 3000, stream)
        whole = run_child(stream, workdir)
        counts = {c: sum(1 for k in whole["classes"].values() if k == c) for c in CLASSES}
        print(f"whole stream: {len(whole['classes'])} documents {counts}; ingest "
              f"{whole['whole']['ingest']:.2f} CPU s, extract {whole['whole']['extract']:.2f} "
              f"({len(whole['classes']) / whole['whole']['extract']:.0f} documents per CPU s), "
              f"fusion {whole['whole']['fusion']:.2f}; {whole['strikes']} strike mentions")
        results = {c: run_child(path, workdir)
                   for c, path in split_by_class(stream, whole["classes"], workdir).items()}
        moved = {c: sum(1 for k in r["classes"].values() if k != c) for c, r in results.items()}
        summed = {p: sum(r["whole"][p] for r in results.values()) for p in whole["whole"]}
        print(f"the classes run apart: CPU s {', '.join(f'{p} {s:.2f}' for p, s in summed.items())}; "
              f"documents whose class changed when run apart {moved}")
        print("\n".join(table(results, counts)))
        print("\n".join(table({"whole stream": whole},
                              {"whole stream": len(whole["classes"])})))


if __name__ == "__main__":
    main()
