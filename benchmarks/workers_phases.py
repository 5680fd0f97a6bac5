"""Where the wall time of `extract --workers N` goes, phase by phase, with timestamps per worker.

`throughput.py --workers-only` says how much faster two workers are than one; this says why
not faster. The corpus is the same (fakes-dev replicated to ``--docs``), extracted once with
``--workers`` processes, the pipeline's own functions wrapped to stamp each step:

- start-up: from the call to each worker's first task (the parent loading the pipeline and
  reading the first pages, then forking), the stretch where no worker is busy yet;
- each worker: its tasks, the time it was busy and its CPU, the gaps between its tasks (a
  worker waiting for its next task: the queue, the pickling of its result), its last task's end;
- the tail: from the first worker's last task's end to the last one's (one idle, one busy);
- the end: from the last task's end to the call's return (the last page written, copies
  taking their original's mentions, the workers stopped);
- the parent: its CPU and its collector's beside the workers, its time waiting for a page's
  results and writing them;
- the results: the bytes each task's result pickles to, and the time that takes in a worker;
- each process that extracts (a worker, or the parent itself with ``--workers 1``): its minor
  page faults and system CPU inside ``extract_page``, and the size of its memos at its last
  page (``memo_sizes``: a memo's entries are the misses it paid). ``--compare`` runs one
  process and then ``--workers`` on the same corpus and prints how many more entries the
  workers' memos hold together than the one process's: the warm-up paid more than once.

Clocks are ``time.monotonic`` (one clock for every process of the machine). On a shared
machine the wall times swing with the load (printed); the proportions are what to read.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import replicate  # noqa: E402 - the benchmark next door's corpus


@dataclass
class Stamps:
    """What one run stamped: the parent's steps (kind, start, end) and the file each worker
    writes its tasks to (a forked worker inherits ``task_log``)."""

    task_log: Path
    page_log: Path
    parent: list[tuple[str, float, float]] = field(default_factory=list)
    collector_cpu: float = 0.0
    _collecting_since: float | None = None

    def step(self, kind: str, started: float) -> None:
        self.parent.append((kind, started, time.monotonic()))

    def collector(self, phase: str, _info: dict) -> None:
        """A ``gc.callbacks`` entry: the parent's CPU in its collector."""
        if phase == "start":
            self._collecting_since = time.process_time()
        elif self._collecting_since is not None:
            self.collector_cpu += time.process_time() - self._collecting_since
            self._collecting_since = None

    def tasks(self) -> dict[int, list[dict]]:
        """Each worker's tasks (by process id), in the order it ran them."""
        by_worker: dict[int, list[dict]] = {}
        if not self.task_log.exists():
            return by_worker  # one process: no worker ran a task
        for line in self.task_log.read_text(encoding="utf-8").splitlines():
            task = json.loads(line)
            by_worker.setdefault(task["pid"], []).append(task)
        return {pid: sorted(tasks, key=lambda t: t["start"]) for pid, tasks in by_worker.items()}

    def pages(self) -> dict[int, list[dict]]:
        """Each extracting process's ``extract_page`` calls (by process id), in order."""
        by_process: dict[int, list[dict]] = {}
        for line in self.page_log.read_text(encoding="utf-8").splitlines():
            page = json.loads(line)
            by_process.setdefault(page["pid"], []).append(page)
        return by_process


def memo_sizes(extractor, gazetteer) -> dict[str, int]:  # noqa: ANN001
    """Entries in each per-process memo of the pipeline: the gazetteer's dictionaries, the
    name keys' ``lru_cache``s, the spaCy components' and the vocabulary's. An entry is a miss
    the process paid once; two workers holding the same entry paid it twice."""
    from strikewatch.extract import words
    from strikewatch.geo import names

    sizes = {f"gazetteer.{k}": len(v) for k, v in vars(gazetteer).items()  # a document's own
             if k.startswith("_") and isinstance(v, dict) and not k.endswith("_in_document")}
    sizes |= {f"names.{f.__name__}": f.cache_info().currsize
              for f in (names.normalize, names.skeleton, names.fold_spelling)}
    sizes |= {f"pipe.{name}._memo": len(pipe._memo) for name, pipe in extractor.nlp.pipeline
              if isinstance(getattr(pipe, "_memo", None), dict)}
    sizes["words._COUNTRY_CACHE"] = len(words._COUNTRY_CACHE)
    sizes["spacy.vocab"] = len(extractor.nlp.vocab)
    sizes["spacy.strings"] = len(extractor.nlp.vocab.strings)
    return sizes


def _stamped_extract_page(extract_page, stamps: Stamps):  # noqa: ANN001, ANN202
    """``extract_page`` stamped with its process's user and system CPU, minor page faults and
    the entries each memo gained: in the workers and in a single process alike."""
    def page(extractor, gazetteer, docs):  # noqa: ANN001, ANN202
        before, memos = resource.getrusage(resource.RUSAGE_SELF), memo_sizes(extractor, gazetteer)
        result = extract_page(extractor, gazetteer, docs)
        after = resource.getrusage(resource.RUSAGE_SELF)
        stamp = {"pid": os.getpid(), "minflt": after.ru_minflt - before.ru_minflt,
                 "sys": after.ru_stime - before.ru_stime, "user": after.ru_utime - before.ru_utime,
                 "memos_before": memos, "memos": memo_sizes(extractor, gazetteer)}
        with stamps.page_log.open("a", encoding="utf-8") as log:
            log.write(json.dumps(stamp) + "\n")
        return result
    return page


@contextmanager
def stamping(stamps: Stamps) -> Iterator[None]:
    """The worker's task, the parent's wait for a page and its writes wrapped to stamp them,
    for the run inside only."""
    from strikewatch import pipeline

    originals = (pipeline._extract_page_in_worker, pipeline._page_of,
                 pipeline.Store.replace_many_mentions, pipeline.extract_page)
    in_worker, page_of, write, extract_page = originals
    page = _stamped_extract_page(extract_page, stamps)

    def task(docs):  # noqa: ANN001, ANN202 - pickled by name: it stands in the module
        started, cpu = time.monotonic(), time.process_time()
        result = in_worker(docs)
        ended, cpu = time.monotonic(), time.process_time() - cpu
        pickled = len(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        stamp = {"pid": os.getpid(), "start": started, "end": ended, "cpu": cpu,
                 "docs": len(docs), "bytes": pickled, "pickle_s": time.monotonic() - ended}
        with stamps.task_log.open("a", encoding="utf-8") as log:
            log.write(json.dumps({**stamp, "returned": time.monotonic()}) + "\n")
        return result

    task.__module__, task.__qualname__ = in_worker.__module__, in_worker.__qualname__

    def waited_page(tasks):  # noqa: ANN001, ANN202
        started = time.monotonic()
        out = page_of(tasks)
        stamps.step("wait", started)
        return out

    def stamped_write(store, extractions):  # noqa: ANN001, ANN202
        started = time.monotonic()
        write(store, extractions)
        stamps.step("write", started)

    pipeline._extract_page_in_worker, pipeline._page_of = task, waited_page
    pipeline.Store.replace_many_mentions, pipeline.extract_page = stamped_write, page
    try:
        yield
    finally:
        (pipeline._extract_page_in_worker, pipeline._page_of,
         pipeline.Store.replace_many_mentions, pipeline.extract_page) = originals


def run(corpus: Path, workers: int, **options) -> dict:
    """Ingest ``corpus`` into a fresh store, extract it with ``workers`` processes stamped,
    and return the phases (``phases``); ``options``: ``extract_pending``'s others (a loaded
    ``extractor`` and ``gazetteer``, else the parent loads the default ones as the CLI does).
    """
    from strikewatch import pipeline
    from strikewatch.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        stamps = Stamps(Path(tmp) / "tasks.jsonl", Path(tmp) / "pages.jsonl")
        store = Store(str(Path(tmp) / "phases.db"))
        pipeline.ingest([str(corpus)], store)
        gc.callbacks.append(stamps.collector)
        started, cpu = time.monotonic(), time.process_time()
        try:
            with stamping(stamps):
                summary = pipeline.extract_pending(store, workers=workers, **options)
        finally:
            gc.callbacks.remove(stamps.collector)
        ended, cpu = time.monotonic(), time.process_time() - cpu
        return {**phases(stamps, started, ended, cpu), "docs": summary.documents,
                "strikes": summary.strikes, "load": os.getloadavg()}


def phases(stamps: Stamps, started: float, ended: float, parent_cpu: float) -> dict:
    """The run's phases in seconds from its start (see the module's docstring)."""
    tasks = stamps.tasks()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers = [_worker(worker_tasks, started) for worker_tasks in tasks.values()]
    extracting = [_extracting(pages) for pages in stamps.pages().values()]
    last_ends = [w["last_end"] for w in workers]
    steps = {kind: sum(end - start for k, start, end in stamps.parent if k == kind)
             for kind in ("wait", "write")}
    return {"wall_s": ended - started, "workers": workers,
            "start_up_s": max((w["first_start"] for w in workers), default=0.0),
            "tail_s": max(last_ends, default=0.0) - min(last_ends, default=0.0),
            "end_s": ended - started - max(last_ends, default=0.0),
            "parent_cpu_s": parent_cpu, "parent_collector_cpu_s": stamps.collector_cpu,
            "parent_wait_s": steps["wait"], "parent_write_s": steps["write"],
            "workers_cpu_s": children.ru_utime + children.ru_stime,
            "workers_minor_faults": children.ru_minflt, "extracting": extracting}


def _extracting(pages: list[dict]) -> dict:
    """One extracting process: its faults and CPU inside ``extract_page``, and the entries its
    memos gained from its first page to its last (what it held before, loaded or inherited
    from the parent, is no miss of its own)."""
    first, last = pages[0]["memos_before"], pages[-1]["memos"]
    return {"pages": len(pages), "minflt": sum(p["minflt"] for p in pages),
            "sys_s": sum(p["sys"] for p in pages), "user_s": sum(p["user"] for p in pages),
            "memos": {k: last[k] - first[k] for k in last}}


def _worker(tasks: list[dict], started: float) -> dict:
    # from a task's return (its stamp written) to the next one's start: the pool's own work
    gaps = [after["start"] - before["returned"] for before, after in zip(tasks, tasks[1:])]
    return {"tasks": len(tasks), "docs": sum(t["docs"] for t in tasks),
            "first_start": tasks[0]["start"] - started, "last_end": tasks[-1]["end"] - started,
            "busy_s": sum(t["end"] - t["start"] for t in tasks),
            "task_cpu_s": sum(t["cpu"] for t in tasks), "gaps_s": sum(gaps),
            "longest_gap_s": max(gaps, default=0.0),
            "result_mb": sum(t["bytes"] for t in tasks) / 1e6,
            "pickle_s": sum(t["pickle_s"] for t in tasks)}


def report(p: dict) -> list[str]:
    wall = p["wall_s"]
    out = [f"{p['docs']} documents, {len(p['workers'])} workers: wall {wall:.1f} s, load "
           + ", ".join(f"{x:.1f}" for x in p["load"]) + f"; {p['strikes']} strike mentions",
           f"  start-up (until every worker has its first task): {p['start_up_s']:.2f} s "
           f"({p['start_up_s'] / wall:.0%})"]
    out += [f"  worker {i}: {w['tasks']} tasks ({w['docs']} documents) from "
            f"{w['first_start']:.2f} to {w['last_end']:.2f} s, busy {w['busy_s']:.1f} s "
            f"(CPU {w['task_cpu_s']:.1f}), "
            f"gaps {w['gaps_s']:.2f} s (longest {w['longest_gap_s']:.2f}), results "
            f"{w['result_mb']:.1f} MB pickled in {w['pickle_s']:.2f} s"
            for i, w in enumerate(p["workers"], 1)]
    out += [f"  tail (one worker done, another busy): {p['tail_s']:.2f} s; end (last task to "
            f"return: last write, copies by reference, workers stopped): {p['end_s']:.2f} s",
            f"  parent: CPU {p['parent_cpu_s']:.1f} s (its collector "
            f"{p['parent_collector_cpu_s']:.2f}), waiting for pages {p['parent_wait_s']:.1f} s, "
            f"writing {p['parent_write_s']:.2f} s;"
            f" workers' CPU {p['workers_cpu_s']:.1f} s, {p['workers_minor_faults']:,} minor "
            f"page faults"]
    out += [f"  extracting process {i}: {e['pages']} extract_page calls, user CPU "
            f"{e['user_s']:.1f} s, system CPU {e['sys_s']:.2f} s, {e['minflt']:,} minor page "
            f"faults" for i, e in enumerate(p["extracting"], 1)]
    return out


def report_memos(one: dict, many: dict) -> list[str]:
    """Each memo's new entries in one process against the sum over the workers' (``--compare``).
    A memo that was cleared when full (the gazetteer's at 50,000, the name keys' at 65,536
    evicting) counts less than it paid."""
    alone = one["extracting"][0]["memos"]
    together = {k: sum(e["memos"].get(k, 0) for e in many["extracting"]) for k in alone}
    out = [f"memo entries added while extracting (misses paid): one process -> "
           f"{len(many['extracting'])} workers together (the extra: the same warm-up paid again)"]
    out += [f"  {k}: {alone[k]:,} -> {together[k]:,} ({together[k] - alone[k]:+,})"
            for k in sorted(alone) if alone[k] or together[k]]
    faults = [sum(e[k] for e in r["extracting"]) for r in (one, many) for k in ("minflt", "sys_s")]
    out.append(f"  inside extract_page: minor faults {faults[0]:,} -> {faults[2]:,}, system "
               f"CPU {faults[1]:.2f} -> {faults[3]:.2f} s; whole runs' CPU (parent and workers) "
               f"{_cpu(one):.1f} -> {_cpu(many):.1f} s")
    return out


def _cpu(p: dict) -> float:
    return p["parent_cpu_s"] + p["workers_cpu_s"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path,
                        default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--docs", type=int, default=1920)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--compare", action="store_true",
                        help="first one process, then --workers: whose memos hold what")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run(Path(args.child[0]), int(args.child[1]))))
        return 0
    source = args.shared / "corpora/fakes-dev/articles.jsonl"
    if not source.exists():
        print(f"needs {source} (pass --shared DIR)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        replicate(source, corpus, args.docs)
        if not args.compare:
            print("\n".join(report(run(corpus, args.workers))))
            return 0
        one, many = (_run_in_child(corpus, n) for n in (1, args.workers))
        print("\n".join([*report(one), *report(many), *report_memos(one, many)]))
    return 0


def _run_in_child(corpus: Path, workers: int) -> dict:
    """``run`` in a fresh process, so that neither run starts with the other's memos warm
    and the children's CPU and faults are that run's alone."""
    out = subprocess.run([sys.executable, __file__, "--child", str(corpus), str(workers)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    sys.exit(main())
