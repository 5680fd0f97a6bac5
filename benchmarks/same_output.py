"""Whether a speed change left the output alone: this code's exports against another checkout's.

A cut meant to make extraction cheaper must not change a byte of what it extracts. This
extracts and fuses, in a fresh store per set and a fresh process per checkout, the developer
parts (never the held-out slice: line number 4 mod 5 is skipped) of fakes-dev and of the four
shared corpora, and the general stream of ``prefilter_stream.py --distinct``; then it writes
every strike and claim mention (all their fields), the documents, the claims and the incidents
(without ``updated_at``, the only field a clock sets) as JSON lines and compares them, file by
file, with the other checkout's.

    python benchmarks/same_output.py --before ../main/src
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from prefilter_stream import build_distinct_stream, developer_lines

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ("fakes-dev", "ucdp-ukraine", "bellingcat-ukraine", "cir-ukraine", "acled-africa-2016")

_CHILD = """
import dataclasses, json, sys
from pathlib import Path
from strikewatch import pipeline
from strikewatch.export import export_lines
from strikewatch.store import Store
inputs, out = Path(sys.argv[1]), Path(sys.argv[2])
store = Store(str(out / "store.db"))
pipeline.ingest([str(inputs)], store)
pipeline.process_pending(store)
def lines(rows):
    return "".join(json.dumps(dataclasses.asdict(r), sort_keys=True, default=str) + "\\n"
                   for r in rows)
(out / "strikes.jsonl").write_text(lines(store.strike_mentions()))
(out / "claim_mentions.jsonl").write_text(lines(store.claim_mentions()))
for what in ("documents", "claims", "incidents"):
    rows = [json.loads(line) for line in export_lines(store, fmt="jsonl", what=what)]
    for row in rows:
        row.pop("updated_at", None)
    (out / f"{what}.jsonl").write_text("".join(json.dumps(r, sort_keys=True) + "\\n"
                                               for r in rows))
"""

EXPORTS = ("strikes", "claim_mentions", "documents", "claims", "incidents")


def write_inputs(shared: Path, workdir: Path) -> dict[str, Path]:
    """Each set's articles as one JSONL file, developer parts only."""
    sets = {}
    for name in CORPORA:
        path = workdir / f"{name}.jsonl"
        rows = developer_lines(shared / "corpora" / name / "articles.jsonl")
        path.write_text("".join(json.dumps(r) + "\n" for r in rows))
        sets[name] = path
    sets["distinct stream"] = workdir / "stream.jsonl"
    build_distinct_stream(shared, 3000, sets["distinct stream"])
    return sets


def extract(sources: Path, inputs: Path, out: Path) -> None:
    """One set through one checkout's code, in its own process with a fresh store."""
    out.mkdir(parents=True)
    env = {**os.environ, "PYTHONPATH": str(sources)}
    subprocess.run([sys.executable, "-c", _CHILD, str(inputs), str(out)], check=True, env=env)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def compare(name: str, after: Path, before: Path) -> bool:
    """Print each export's lines and whether both checkouts wrote the same bytes."""
    same = True
    for what in EXPORTS:
        a, b = after / f"{what}.jsonl", before / f"{what}.jsonl"
        equal = a.read_bytes() == b.read_bytes()
        same &= equal
        verdict = "same" if equal else f"DIFFERENT (before {digest(b)})"
        print(f"  {name:20s} {what:15s} {len(a.read_text().splitlines()):6d} lines "
              f"{digest(a)}  {verdict}")
    return same


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--before", type=Path, required=True, metavar="SRC",
                        help="the other checkout's src directory")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="leave the exports here (to read a difference) instead of a "
                             "temporary folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        sets = write_inputs(args.shared, work)
        same = True
        for name, inputs in sets.items():
            slug = name.replace(" ", "-")
            extract(ROOT / "src", inputs, work / "after" / slug)
            extract(args.before.resolve(), inputs, work / "before" / slug)
            same &= compare(name, work / "after" / slug, work / "before" / slug)
    print("output identical" if same else "OUTPUT DIFFERS")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
