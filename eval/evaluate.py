"""One row of the evaluation table: a set of articles run through strikewatch and through the
naive baseline (``strikewatch.baseline``), each exported in the incident format and scored by
the shared scorer, run as a separate process on the files exactly as an outside evaluation
would. Each run starts from a fresh database, so nothing carries over between rows."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from strikewatch import pipeline
from strikewatch.export import dumps, export_lines
from strikewatch.ingest import IngestOptions, read_inputs
from strikewatch.models import Document
from strikewatch.store import Store


@dataclass(frozen=True)
class EvalSet:
    """A row of the table: what is scored (``inputs``, any input strikewatch ingests) against
    which gold, under which name and part."""
    name: str
    part: str  # "dev" | "slice" | "all"
    inputs: Path
    gold: Path


@dataclass(frozen=True)
class RowResult:
    """The scorer's figures for strikewatch and for the baseline (None when not run)."""
    row: EvalSet
    documents: int
    ours: dict
    baseline: dict | None
    seconds: float


def score(scorer: Path, gold: Path, incidents: Path, claims: Path | None = None) -> dict:
    """The shared scorer's figures (its --json output)."""
    args = [sys.executable, str(scorer), str(gold), str(incidents)]
    out = subprocess.run([*args, *([str(claims)] if claims else []), "--json"], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout)


def strikewatch_exports(inputs: list[str], workdir: Path, name: str) -> tuple[Path, Path]:
    """Ingest, extract and fuse into a fresh database; export incidents and claims JSONL."""
    store = Store(str(workdir / f"{name}.db"))
    pipeline.ingest(inputs, store)
    pipeline.process_pending(store)
    incidents, claims = workdir / f"{name}.incidents.jsonl", workdir / f"{name}.claims.jsonl"
    incidents.write_text("".join(export_lines(store, fmt="jsonl", what="incidents")))
    claims.write_text("".join(export_lines(store, fmt="jsonl", what="claims")))
    return incidents, claims


def baseline_export(inputs: list[str], workdir: Path, name: str) -> Path:
    """The naive baseline's incidents for the same inputs, read by the same ingest (the first
    copy of a repeated id, as the store keeps)."""
    documents: dict[str, Document] = {}
    for item in read_inputs(inputs, IngestOptions(detect_language=False)):
        if isinstance(item, Document):
            documents.setdefault(item.id, item)
    incidents = workdir / f"{name}.baseline.jsonl"
    with incidents.open("w", encoding="utf-8") as fh:
        for record in _baseline().incidents(documents.values()):
            fh.write(dumps(record) + "\n")
    return incidents


@functools.cache
def _baseline():
    """The baseline's model and lexicons, loaded once per process."""
    from strikewatch.baseline import NaiveBaseline

    return NaiveBaseline()


def evaluate(row: EvalSet, scorer: Path, workdir: Path, *, with_baseline: bool = True) -> RowResult:
    """Score strikewatch and the baseline on one set (``workdir`` must be the row's own)."""
    started = time.perf_counter()
    workdir.mkdir(parents=True, exist_ok=True)
    inputs = [str(row.inputs)]
    incidents, claims = strikewatch_exports(inputs, workdir, "strikewatch")
    ours = score(scorer, row.gold, incidents, claims)
    baseline = None
    if with_baseline:
        baseline = score(scorer, row.gold, baseline_export(inputs, workdir, "baseline"))
    documents = sum(1 for line in row.gold.open(encoding="utf-8") if line.strip())
    return RowResult(row, documents, ours, baseline, time.perf_counter() - started)
