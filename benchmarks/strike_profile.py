"""Where a strike article's CPU goes, function by function: a sampling profile, stdlib only.

cProfile times every Python call, so it inflates the rules and geocoding (millions of small
calls) against the parse (long calls into compiled code) about twofold, and ranks their
functions by its own overhead. This samples instead: a CPU-time timer (``ITIMER_PROF``)
interrupts the extraction of the general stream's strike tenth (``prefilter_stream.py
--distinct``'s fakes-dev articles labelled "shelling", developer part only) and each sample
records the stack. It prints each function's share of the samples with it on the stack
(cumulative) and as the innermost strikewatch frame (its own code and what it calls outside
strikewatch: a regex, SQLite, spaCy's token objects). A signal is handled between bytecodes,
so a long call into compiled code is one sample however long it runs: the parse's share is
low, the rules' shares among themselves are not.

    python benchmarks/strike_profile.py --shared ../shared [--all] [--top 60]
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import tempfile
from collections import Counter
from pathlib import Path

from prefilter_stream import build_distinct_stream

ROOT = Path(__file__).resolve().parent.parent


def _name(frame) -> str:
    return f"{frame.f_code.co_filename.rsplit('/strikewatch/', 1)[-1]}:{frame.f_code.co_name}"


def _ours(frame) -> bool:
    return "/strikewatch/" in frame.f_code.co_filename


def sample(run, interval: float = 0.001) -> tuple[int, Counter, Counter]:
    """(samples, cumulative counts, innermost-strikewatch-frame counts) of ``run()``."""
    cumulative, own, count = Counter(), Counter(), [0]

    def record(_signum, frame) -> None:
        count[0] += 1
        seen, innermost = set(), None
        while frame is not None:
            if _ours(frame):
                name = _name(frame)
                innermost = innermost or name
                if name not in seen:
                    seen.add(name)
                    cumulative[name] += 1
            frame = frame.f_back
        own[innermost or "(outside strikewatch)"] += 1

    previous = signal.signal(signal.SIGPROF, record)
    signal.setitimer(signal.ITIMER_PROF, interval, interval)
    try:
        run()
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, previous)
    return count[0], cumulative, own


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--all", action="store_true", help="the whole stream, not its strike tenth")
    parser.add_argument("--top", type=int, default=60)
    args = parser.parse_args()
    from strikewatch import pipeline
    from strikewatch.extract import Extractor
    from strikewatch.geo import load_gazetteer
    from strikewatch.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        stream = Path(tmp) / "stream.jsonl"
        build_distinct_stream(args.shared, 3000, stream)
        if not args.all:
            rows = [line for line in stream.read_text(encoding="utf-8").splitlines()
                    if json.loads(line)["kind"] == "strike"]
            stream.write_text("\n".join(rows) + "\n", encoding="utf-8")
        store = Store(str(Path(tmp) / "stream.db"))
        pipeline.ingest([str(stream)], store)
        gazetteer = load_gazetteer()
        extractor = Extractor(gazetteer=gazetteer)
        n, cumulative, own = sample(lambda: pipeline.extract_pending(
            store, extractor=extractor, gazetteer=gazetteer))
    for title, counts in (("on the stack (cumulative)", cumulative),
                          ("innermost strikewatch frame (own)", own)):
        print(f"{n} samples; {title}:")
        for name, k in counts.most_common(args.top):
            print(f"  {k / n:6.1%}  {name}")


if __name__ == "__main__":
    main()
