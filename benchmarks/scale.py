"""`make bench-scale`: how each stage's cost grows with the size of the database.

For each size (2,400 and 24,000 documents; 240,000 with --huge) a fresh database is built from
the fakes-dev articles replicated with varied dates, places and numbers (copy k of an article
is published k×7 days later, its figures are raised by k, and the governorates it names are
rotated k places along a list of Syrian governorates), so that fusion and deduplication have
real work. The copies keep most of their word 5-shingles, so ingest links most of them to
the article as syndicated copies (1,792 of 2,400; 22,799 of 24,000), and fusion counts each
article's copies as one story. Only a copy dated as its original (88 of 1,792; 945 of
22,799: fakes-dev articles printed the same day, replicated together) may take its
original's mentions by reference; the others, published weeks later, are extracted in full.
Then each stage runs in its own process: ingest, extract (``--workers``), fuse, brief (30
days), export (jsonl), claims (the whole period) and the API incident list (uvicorn on
loopback, p99 of --requests requests).

For each size and stage it prints the time per document (wall, and CPU of all the stage's
processes: the figure that means something on a shared machine), the stage's peak RSS (the
largest of its processes: each stage is the child of a small wrapper that reads
``resource.getrusage(RUSAGE_CHILDREN)`` after it), and the database size; then, between consecutive sizes, the fitted growth exponent
of each stage's total time (log time ratio / log size ratio: 1 is linear).

    .venv/bin/python benchmarks/scale.py [--sizes 2400 24000] [--huge] [--workers 2]
                                          [--backends sqlite postgresql]

Each size runs on SQLite and, where Debian's PostgreSQL server binaries are installed
(scripts/ensure-postgres.sh), on PostgreSQL too: a throwaway server started as the tests start
one (tests/pg.py), a fresh database per size; ``--backends`` chooses. The machine is shared
and noisy: figures are for this machine at this moment.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FAKES = ROOT / "tests" / "fixtures" / "corpora" / "fakes-dev-articles.jsonl"
# rotated through each copy's text so that copies report strikes in other places
GOVERNORATES = ["Aleppo", "Idlib", "Hama", "Homs", "Raqqa", "Deir ez-Zor", "Daraa", "Latakia",
                "Hasakah", "Quneitra", "Tartus", "Damascus"]
_GOVERNORATE = re.compile(r"\b(" + "|".join(re.escape(g) for g in GOVERNORATES) + r")\b")
_NUMBER = re.compile(r"\b\d{1,3}\b")


def unique_articles() -> list[dict]:
    rows, seen = [], set()
    for line in FAKES.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] not in seen:
            seen.add(row["id"])
            rows.append(row)
    return rows


def varied_copy(row: dict, k: int) -> dict:
    """Copy ``k`` of an article: later, elsewhere, other figures (copy 0 is the article)."""
    if k == 0:
        return row
    text = _GOVERNORATE.sub(
        lambda m: GOVERNORATES[(GOVERNORATES.index(m.group(1)) + k) % len(GOVERNORATES)],
        row["text"])
    text = _NUMBER.sub(lambda m: str(int(m.group()) + k), text)
    published = row.get("published")
    if published:
        published = (date.fromisoformat(published[:10]) + timedelta(days=7 * k)).isoformat()
    return {**row, "id": f"{row['id']}-v{k}", "text": text, "published": published}


def write_corpus(target: Path, n_docs: int) -> None:
    articles = unique_articles()
    with target.open("w", encoding="utf-8") as fh:
        for i in range(n_docs):
            fh.write(json.dumps(varied_copy(articles[i % len(articles)],
                                            i // len(articles))) + "\n")


_WRAPPER = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
            "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
            "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss, "
            "done.returncode)")


def measured(command: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds of every process, peak RSS in MB of the largest one) of
    ``command`` run as a grandchild, so that nothing else counts."""
    out = subprocess.run([sys.executable, "-c", _WRAPPER, *command], check=True,
                         capture_output=True, text=True).stdout.split()
    seconds, cpu, peak_kb, code = float(out[0]), float(out[1]), int(out[2]), int(out[3])
    if code not in (0, 1):  # 1: nothing to do, a valid answer at some stages
        raise SystemExit(f"{command[:4]} failed with exit code {code}")
    return seconds, cpu, peak_kb / 1024


def stage_commands(db: str, corpus: Path, workers: int, workdir: Path) -> dict[str, list[str]]:
    cli = [str(Path(sys.executable).with_name("strikewatch"))]
    extract = ("import sys; from strikewatch import pipeline; from strikewatch.store import Store; "
               f"pipeline.extract_pending(Store({str(db)!r}), workers={workers})")
    return {
        "ingest": [*cli, "ingest", str(corpus), "--db", db],
        "extract": [sys.executable, "-c", extract],
        "fuse": [*cli, "fuse", "--db", db],
        "brief 30 days": [*cli, "brief", "--days", "30", "--format", "markdown",
                          "--out", str(workdir / "brief.md"), "--db", db],
        "export": [*cli, "export", "--format", "jsonl", "--out", str(workdir / "out.jsonl"),
                   "--db", db],
        "claims": [*cli, "claims", "--attacker", "RU", "--from", "2010-01-01",
                   "--to", "2030-12-31", "--db", db],
    }


def api_p99(db: str, requests: int) -> float:
    """p99 latency (ms) of the incident list, served by uvicorn on loopback, after the
    first request of each query shape (timed apart by api_load, not counted here)."""
    sys.path.insert(0, str(Path(__file__).parent))
    import api_load

    port = api_load.free_port()
    server = api_load.serve(db, port)
    try:
        api_load.first_requests(port)
        latencies, _failed, _wall = api_load.load(port, requests=requests, seconds=120,
                                                  concurrency=4)
    finally:
        server.terminate()
        server.wait()
    latencies.sort()
    return 1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))]


def database_mb(db: str) -> float:
    """The database's size on disk: the SQLite file and its write-ahead log, or what
    PostgreSQL reports for the database."""
    if "://" not in db:
        return sum(p.stat().st_size for p in (Path(db), Path(db + "-wal")) if p.exists()) / 2**20
    from sqlalchemy import create_engine, text

    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            return conn.scalar(text("SELECT pg_database_size(current_database())")) / 2**20
    finally:
        engine.dispose()


def run_size(n_docs: int, workers: int, requests: int, workdir: Path,
             backend: Backend) -> dict[str, tuple]:
    corpus = workdir / f"corpus-{n_docs}.jsonl"
    db = backend.fresh_database(workdir, n_docs)
    write_corpus(corpus, n_docs)
    results = {}
    for stage, command in stage_commands(db, corpus, workers, workdir).items():
        seconds, cpu, peak = measured(command)
        results[stage] = (seconds, cpu)
        print(f"{backend.name:<10} {n_docs:>8} {stage:<14} {1000 * seconds / n_docs:8.2f} ms/doc "
              f"wall {1000 * cpu / n_docs:8.2f} ms/doc CPU {seconds:8.1f} s {peak:7.0f} MB "
              f"peak  db {database_mb(db):7.1f} MB", flush=True)
    p99 = api_p99(db, requests)
    results["API list p99"] = (p99 / 1000, p99 / 1000)
    print(f"{backend.name:<10} {n_docs:>8} {'API list p99':<14} {p99:9.1f} ms", flush=True)
    return results


class Backend:
    """Where the databases live: SQLite files in the work folder, or databases of a
    throwaway PostgreSQL server (tests/pg.py's, started on first use)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._server = None

    def fresh_database(self, workdir: Path, n_docs: int) -> str:
        if self.name == "sqlite":
            return str(workdir / f"scale-{n_docs}.db")
        if self._server is None:
            sys.path.insert(0, str(ROOT / "tests"))
            from pg import PostgresServer, _bindir

            bindir = _bindir()
            if bindir is None:
                raise SystemExit("no PostgreSQL server binaries: run scripts/ensure-postgres.sh")
            self._server = PostgresServer(bindir)
            self._server.start()
        return self._server.create_database()

    def close(self) -> None:
        if self._server is not None:
            self._server.stop()


def postgres_available() -> bool:
    sys.path.insert(0, str(ROOT / "tests"))
    from pg import _bindir

    return _bindir() is not None


def exponents(name: str, sizes: list[int], by_size: dict[int, dict[str, tuple]]) -> None:
    for small, large in zip(sizes, sizes[1:]):
        print(f"{name}: growth exponent of total time, {small} -> {large} documents "
              "(wall, CPU):")
        for stage in by_size[small]:
            (wall_a, cpu_a), (wall_b, cpu_b) = by_size[small][stage], by_size[large][stage]
            ratio = math.log(large / small)
            print(f"  {stage:<14} {math.log(wall_b / wall_a) / ratio:5.2f} "
                  f"{math.log(cpu_b / cpu_a) / ratio:5.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2400, 24000])
    parser.add_argument("--huge", action="store_true", help="also 240,000 documents")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--workdir", type=Path, help="keep the databases here")
    parser.add_argument("--backends", nargs="+", choices=["sqlite", "postgresql"],
                        help="default: SQLite, and PostgreSQL where its server is installed")
    args = parser.parse_args()
    sizes = sorted(set(args.sizes + ([240_000] if args.huge else [])))
    names = args.backends or ["sqlite"] + (["postgresql"] if postgres_available() else [])
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for name in names:
            backend = Backend(name)
            try:
                by_size = {n: run_size(n, args.workers, args.requests, workdir, backend)
                           for n in sizes}
            finally:
                backend.close()
            exponents(name, sizes, by_size)


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"total {time.perf_counter() - started:.0f} s")
