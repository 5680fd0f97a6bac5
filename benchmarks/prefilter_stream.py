"""A general news stream through the document gate: documents per CPU second of extraction.

Most of what a news feed carries is not about strikes. This builds a stream where nine
documents in ten are not: ACLED Africa 2016 coders' notes the gold codes no event for,
fakes-dev articles whose crowd label is not "shelling" (war news, but not strikes; many still
carry strike words and are parsed), and plain prose with no war in it (the Python
documentation's topic pages that ship with the interpreter, ``pydoc_data.topics``, cut into
article-sized paragraphs). The tenth document is a fakes-dev article labelled "shelling".
Only the developer parts are read: the held-out slice (line number 4 mod 5) is skipped.

What the stream is, as the run prints it: the crowd's label is the victims' cause of death,
so the war-not-strike third is war news that often reports strikes too (barrel bombs beside a
gas attack, "army airstrikes" in a story of executions); its documents give nearly as many strike
mentions as the strike tenth's, so the stream is nearer three documents in four without a
strike than nine in ten. Documents are drawn with replacement from pools of a few hundred,
so about three in four are syndicated copies of one drawn before (they differ by their first
line), which take their original's mentions by reference rather than being read again.

``--distinct`` builds the stream the issue asks for instead (``build_distinct_stream``): no
document twice, nine in ten strike-free by construction, as many documents as its pools allow.

It ingests the stream into a fresh SQLite database, then extracts it on one worker, and
prints documents per CPU second of the extract stage (``time.process_time``: per core, and
comparable on a shared machine), with and without the document gate. Wall times too; the
machine is shared, so only the ratio within one run means much: ``--before SRC`` runs another
checkout's code right after each of this code's gated runs (``--rounds`` pairs), on the same
stream.

    python benchmarks/prefilter_stream.py --shared ../shared --docs 3000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def developer_lines(path: Path) -> list[dict]:
    """The rows of a corpus file outside the held-out slice."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for i, line in enumerate(fh) if i % 5 != 4]


def acled_without_events(shared: Path) -> list[dict]:
    corpus = shared / "corpora" / "acled-africa-2016"
    articles = developer_lines(corpus / "articles.jsonl")
    gold = developer_lines(corpus / "gold.jsonl")
    return [a for a, g in zip(articles, gold) if not g["events"]]


def fakes_by_label(shared: Path) -> tuple[list[dict], list[dict]]:
    """(articles labelled shelling, the others), by the crowd's cause of death."""
    corpus = shared / "corpora" / "fakes-dev"
    cause = {row["id"]: row["cause_of_death"] for row in developer_lines(corpus / "labels.jsonl")}
    articles = {a["id"]: a for a in developer_lines(corpus / "articles.jsonl") if a["id"] in cause}
    strikes = [a for i, a in articles.items() if cause[i] == "shelling"]
    others = [a for i, a in articles.items() if cause[i] != "shelling"]
    return strikes, others


def prose_without_war() -> list[dict]:
    """Paragraph runs of about 2,000 characters from the interpreter's documentation."""
    from pydoc_data.topics import topics

    out = []
    for name, text in sorted(topics.items()):
        chunk = ""
        for paragraph in text.split("\n\n"):
            chunk += paragraph + "\n\n"
            if len(chunk) >= 2000:
                out.append({"id": f"prose-{name}-{len(out)}", "title": name, "text": chunk,
                            "published": "2016-06-01", "source": "Python documentation"})
                chunk = ""
    return out


def package_descriptions() -> list[dict]:
    """The long descriptions of the packages installed beside strikewatch (their METADATA
    bodies), cut as ``prose_without_war`` cuts: more prose with no war in it, each read once."""
    from importlib.metadata import distributions

    out = []
    for dist in sorted(distributions(), key=lambda d: d.metadata["Name"] or ""):
        body = dist.metadata.get_payload() or ""
        for start in range(0, len(body) - 1000, 2000):
            out.append({"id": f"package-{len(out)}", "title": dist.metadata["Name"],
                        "text": body[start:start + 2000], "published": "2016-06-01",
                        "source": "package description"})
    return out


def build_distinct_stream(shared: Path, n_docs: int, target: Path, seed: int = 7
                          ) -> dict[str, int]:
    """At most ``n_docs`` documents, none drawn twice and nine in ten with no strike in them
    by construction: ACLED notes the gold codes no event for, the interpreter's documentation
    and the installed packages' descriptions. The tenth is a fakes-dev article labelled
    "shelling". No syndicated copy, no war news of another label: the stream the issue asks
    for, as small as the pools allow."""
    rng = random.Random(seed)
    strikes, _ = fakes_by_label(shared)
    quiet = ([("acled-no-event", row) for row in acled_without_events(shared)]
             + [("prose", row) for row in prose_without_war() + package_descriptions()])
    rng.shuffle(strikes)
    rng.shuffle(quiet)
    counts = {"strike": 0, "acled-no-event": 0, "prose": 0}
    with target.open("w", encoding="utf-8") as fh:
        for i in range(n_docs):
            if not (strikes if i % 10 == 0 else quiet):
                break  # a pool is spent: the stream ends rather than repeat a document
            kind, row = ("strike", strikes.pop()) if i % 10 == 0 else quiet.pop()
            counts[kind] += 1
            fh.write(json.dumps({**row, "id": f"stream-{i}", "kind": kind}) + "\n")
    return counts


def build_stream(shared: Path, n_docs: int, target: Path, seed: int = 7) -> dict[str, int]:
    """Write ``n_docs`` documents, one in ten a strike report; each gets its own id and a
    varied first line so that ingest stores it as a new article."""
    rng = random.Random(seed)
    strikes, war_not_strikes = fakes_by_label(shared)
    pools = {"strike": strikes, "acled-no-event": acled_without_events(shared),
             "war-not-strike": war_not_strikes, "prose": prose_without_war()}
    counts = dict.fromkeys(pools, 0)
    with target.open("w", encoding="utf-8") as fh:
        for i in range(n_docs):
            kind = "strike" if i % 10 == 0 else rng.choice(["acled-no-event", "war-not-strike",
                                                             "prose"])
            row = dict(rng.choice(pools[kind]))
            row["id"] = f"stream-{i}"
            row["text"] = f"Bulletin {i}.\n\n{row['text']}"
            row["kind"] = kind  # not an input field: ingest ignores it, the report reads it
            counts[kind] += 1
            fh.write(json.dumps(row) + "\n")
    return counts


_CHILD = """
import json, sys, time
from strikewatch import pipeline
from strikewatch.extract import Extractor
from strikewatch.geo import load_gazetteer
from strikewatch.store import Store
gated, stream, db = sys.argv[1] == "on", sys.argv[2], sys.argv[3]
kinds = json.loads(sys.argv[4])
stage_cpu, sentences = {}, {}
# STAGE CLOCKS
if not gated:  # the document gate off; a copy still takes its original's mentions by the
    # gate's word test of what it adds (switching that off too sent every copy to a full read)
    Extractor.worth_reading = lambda self, doc: True
store = Store(db)
pipeline.ingest([stream], store)
gazetteer = load_gazetteer()
extractor = Extractor(gazetteer=gazetteer)
cpu, wall = time.process_time(), time.perf_counter()
summary = pipeline.extract_pending(store, extractor=extractor, gazetteer=gazetteer)
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
clocks = {"stage_cpu": dict(stage_cpu), "sentences": dict(sentences)}  # not the counts below
dropped = {}  # counted after the timing, so that no text's words are split before it
for d in store.documents():
    if not extractor.worth_reading(d):
        kind = kinds[d.id]
        dropped[kind] = dropped.get(kind, 0) + 1
strikes_by_kind = {}
for m in store.strike_mentions():
    strikes_by_kind[kinds[m.doc_id]] = strikes_by_kind.get(kinds[m.doc_id], 0) + 1
print(json.dumps({"documents": summary.documents, "strikes": summary.strikes,
                  "by_reference": summary.by_reference, "dropped_by_gate": dropped,
                  "strikes_by_kind": strikes_by_kind, "cpu": cpu, "wall": wall, **clocks}))
"""

# ``--stages``: CPU clocks around each stage of the extraction (by kind of document where a
# stage reads one document at a time) and, for the rules, how many parsed sentences add no
# strike, claim or voice. Its own run, so that the rounds' figures carry no clock.
_STAGE_CLOCKS = """
from strikewatch import geo
from strikewatch.extract.sentence import SentenceReader
def clocked(owner, name, stage, doc_of=None):
    inner = getattr(owner, name)
    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            at = f"{stage}, {kinds[doc_of(args).id]}" if doc_of else stage
            stage_cpu[at] = stage_cpu.get(at, 0.0) + time.process_time() - start
    setattr(owner, name, timed)
second = lambda args: args[1]
clocked(Extractor, "worth_reading", "document gate", second)
clocked(Extractor, "_plan", "split and sentence gate", second)
clocked(Extractor, "_parse", "parse")
clocked(Extractor, "_read_document", "rules", second)
clocked(geo, "geocode_mentions", "geocode")
clocked(Store, "replace_many_mentions", "store")
read = SentenceReader.read
def read_counted(self, state, sentence, sdoc):
    sizes = lambda: (len(state.strikes), len(state.headline), len(state.claims), len(state.voices))
    before = sizes()
    read(self, state, sentence, sdoc)
    seen = sentences.setdefault(kinds[state.doc.id], [0, 0])
    seen[0] += 1
    seen[1] += sizes() == before
SentenceReader.read = read_counted
"""


def measure(stream: Path, workdir: Path, gated: bool, sources: Path | None = None,
            stages: bool = False) -> dict:
    """One extraction of the stream in a child process; ``sources``: another checkout's
    ``src`` to import strikewatch from (``--before``); ``stages``: with the stage clocks."""
    db = workdir / f"stream-{len(list(workdir.glob('*.db')))}.db"  # a fresh store each run
    kinds = json.dumps({json.loads(line)["id"]: json.loads(line)["kind"]
                        for line in stream.read_text(encoding="utf-8").splitlines()})
    env = None
    if sources is not None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(sources), *filter(None, [os.environ.get("PYTHONPATH")])])}
    child = _CHILD.replace("# STAGE CLOCKS", _STAGE_CLOCKS if stages else "")
    done = subprocess.run([sys.executable, "-c", child, "on" if gated else "off", str(stream),
                           str(db), kinds], check=True, capture_output=True, text=True, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(r: dict, gated: bool, name: str = "") -> None:
    print(f"{name}document gate {'on ' if gated else 'off'}: {r['documents']} documents, "
          f"{sum(r['dropped_by_gate'].values())} without strike or claim words "
          f"{r['dropped_by_gate']}, {r['strikes']} strike "
          f"mentions; extract {r['documents'] / r['cpu']:.0f} documents per CPU second "
          f"({r['cpu']:.1f} CPU s, {r['wall']:.1f} s wall)")
    print(f"  {r['by_reference']} syndicated copies took their original's mentions; "
          f"strike mentions by kind {r['strikes_by_kind']}")


def report_stages(r: dict) -> None:
    """Where the clocked run's CPU went, stage by stage, and the parsed sentences that the
    rules read for nothing."""
    print(f"stages of one clocked gated run ({r['cpu']:.2f} CPU s, {r['documents']} documents):")
    for stage, cpu in sorted(r["stage_cpu"].items(), key=lambda item: -item[1]):
        print(f"  {stage:42s} {cpu:6.3f} CPU s  {cpu / r['cpu']:4.0%}")
    rest = r["cpu"] - sum(r["stage_cpu"].values())
    print(f"  {'the rest (pages read, copies, settling)':42s} {rest:6.3f} CPU s  {rest / r['cpu']:4.0%}")
    for kind, (read, nothing) in sorted(r["sentences"].items()):
        print(f"  {kind}: {read} parsed sentences read, {nothing} added no strike, claim or voice")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--distinct", action="store_true",
                        help="no document twice, nine in ten strike-free by construction "
                             "(build_distinct_stream); as many documents as its pools allow")
    parser.add_argument("--before", type=Path, metavar="SRC",
                        help="another checkout's src directory: its gated run follows each of "
                             "this code's, on the same stream, for a before -> after")
    parser.add_argument("--rounds", type=int, default=1,
                        help="back-to-back gated runs (with --before: pairs); the gate-off "
                             "run once")
    parser.add_argument("--stages", action="store_true",
                        help="one more gated run with a CPU clock around each stage")
    args = parser.parse_args()
    build = build_distinct_stream if args.distinct else build_stream
    with tempfile.TemporaryDirectory() as tmp:
        stream = Path(tmp) / "stream.jsonl"
        counts = build(args.shared, args.docs, stream)
        print(f"stream of {sum(counts.values())} documents: {counts}")
        for _ in range(max(1, args.rounds)):
            report(measure(stream, Path(tmp), True), True, "this code: " if args.before else "")
            if args.before:
                report(measure(stream, Path(tmp), True, args.before), True, "before: ")
        report(measure(stream, Path(tmp), False), False)
        if args.stages:
            report_stages(measure(stream, Path(tmp), True, stages=True))


if __name__ == "__main__":
    main()
