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
                                          [--grow-to 240000 [--grow-from DB]]

``--grow-to N`` then measures the read stages at N documents without extracting them (the
route `make bench-scale` takes to 240,000; ``--huge`` extracts them all, about 6,000 CPU
seconds): the largest size's database (or ``--grow-from DB``, a measured database, a file or
URL, which may be of the other backend) is copied once and grown tenfold at a time by
benchmarks/grow.py. **Synthetic rows:** in the copies, every row of documents, strike
mentions, incidents, claims, links and syndication bands is a real row of the measured
database with a new id and its dates moved 7 days × (copies of an article at that size) per
copy, as the replicated corpus moves them; their texts are unchanged. The next day's 24-odd
documents are the measured database's busiest day's again, published after the last day,
with their mentions waiting for fusion. On each size: brief (30 days to the latest
incident, and the 30 days holding the most incidents), export, claims, fuse (the next day's
mentions into the grown store) and the API list, each in its own process, and their growth
exponents between sizes.

Each size runs on SQLite and, where Debian's PostgreSQL server binaries are installed
(scripts/ensure-postgres.sh), on PostgreSQL too: a throwaway server started as the tests start
one (tests/pg.py), a fresh database per size; ``--backends`` chooses. The machine is shared
and noisy: figures are for this machine at this moment.
"""

from __future__ import annotations

import argparse
import json
import math
import os
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


def strikewatch_cli() -> list[str]:
    return [str(Path(sys.executable).with_name("strikewatch"))]


def stage_commands(db: str, corpus: Path, workers: int, workdir: Path) -> dict[str, list[str]]:
    cli = strikewatch_cli()
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


def api_p99(db: str, requests: int) -> tuple[float, float, float]:
    """The incident list served by uvicorn on loopback: p99 latency (ms) after the first
    request of each query shape (timed apart by api_load, not counted here), the server's
    CPU ms per request (what the machine's load changes least) and its peak RSS (MB)."""
    sys.path.insert(0, str(Path(__file__).parent))
    import api_load

    port = api_load.free_port()
    server = api_load.serve(db, port, wait=300)
    try:
        api_load.first_requests(port)
        cpu_before = api_load.cpu_seconds(server.pid)
        latencies, _failed, _wall = api_load.load(port, requests=requests, seconds=120,
                                                  concurrency=4)
        cpu_ms = 1000 * (api_load.cpu_seconds(server.pid) - cpu_before) / max(1, len(latencies))
        peak = peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait()
    latencies.sort()
    return 1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))], cpu_ms, peak


def peak_rss_mb(pid: int) -> float:
    """A running process's peak resident set so far (Linux /proc: VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measured_api(name: str, n_docs: int, db: str, requests: int) -> tuple[float, float]:
    """Print the API list's figures (api_p99) and return its p99 in seconds as a stage's
    (wall, CPU) pair for the exponents."""
    p99, cpu_ms, peak = api_p99(db, requests)
    print(f"{name:<10} {n_docs:>8} {'API list p99':<14} {p99:9.1f} ms  server CPU "
          f"{cpu_ms:5.1f} ms/request {peak:7.0f} MB peak  load average "
          + " ".join(f"{x:.1f}" for x in os.getloadavg()), flush=True)
    return p99 / 1000, p99 / 1000


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
    results["API list p99"] = measured_api(backend.name, n_docs, db, requests)
    return results


class Backend:
    """Where the databases live: SQLite files in the work folder, or databases of a
    throwaway PostgreSQL server (tests/pg.py's, started on first use)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._server = None
        self._databases: dict[int, str] = {}

    def fresh_database(self, workdir: Path, n_docs: int, *, grown: bool = False) -> str:
        if self.name == "sqlite":
            path = workdir / f"{'grown' if grown else 'scale'}-{n_docs}.db"
            for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                stale.unlink(missing_ok=True)
            db = str(path)
        else:
            db = self._postgres().create_database()
        if not grown:
            self._databases[n_docs] = db
        return db

    def database_of(self, n_docs: int) -> str:
        """The database built for ``n_docs`` documents in this run."""
        return self._databases[n_docs]

    def _postgres(self):  # noqa: ANN202 - tests/pg.py's PostgresServer
        if self._server is None:
            sys.path.insert(0, str(ROOT / "tests"))
            from pg import PostgresServer, _bindir

            bindir = _bindir()
            if bindir is None:
                raise SystemExit("no PostgreSQL server binaries: run scripts/ensure-postgres.sh")
            self._server = PostgresServer(bindir)
            self._server.start()
        return self._server

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


def grown_commands(db: str, workdir: Path, busiest_end: date) -> dict[str, list[str]]:
    """The read stages measured on a grown database, and fusion of the next day's mentions."""
    built = stage_commands(db, workdir / "no-corpus.jsonl", 1, workdir)
    busiest = [*strikewatch_cli(), "brief", "--days", "30", "--date", busiest_end.isoformat(),
               "--format", "markdown", "--out", str(workdir / "brief-busiest.md"), "--db", db]
    return {"brief 30 days": built["brief 30 days"], "brief busiest": busiest,
            "export": built["export"], "claims": built["claims"],
            "fuse next day": built["fuse"]}


def busiest_month_end(db: str) -> date:
    """The last day of the 30 days holding the most incidents: the heaviest briefing."""
    from sqlalchemy import create_engine, func, select

    from strikewatch.store import IncidentRow, database_url

    engine = create_engine(database_url(db))
    try:
        with engine.connect() as conn:
            per_day = dict(conn.execute(select(IncidentRow.date, func.count())
                                        .where(IncidentRow.date.is_not(None))
                                        .group_by(IncidentRow.date)).all())
    finally:
        engine.dispose()
    return max(per_day, key=lambda end: sum(per_day.get(end - timedelta(days=d), 0)
                                            for d in range(30)))


def run_grown(source: str, n_source: int, copies: int, workdir: Path, backend: Backend,
              requests: int) -> dict[str, tuple]:
    """Grow ``source`` (``n_source`` documents) ``copies``-fold into a fresh database of
    ``backend`` (grow.py), add the next day's mentions, and measure the read stages, the
    day's fusion and the API list on it, each stage in its own process."""
    sys.path.insert(0, str(Path(__file__).parent))
    import grow

    n_docs = n_source * copies
    db = backend.fresh_database(workdir, n_docs, grown=True)
    shift = 7 * max(1, n_source // len(unique_articles()))
    started = time.process_time()
    written = grow.grow(source, db, copies, shift)
    day, day_docs, day_mentions = grow.add_next_day(source, db)
    print(f"{backend.name:<10} {n_docs:>8} grown x{copies} from {n_source} (dates +{shift} days "
          f"a copy; {time.process_time() - started:.0f} CPU s): "
          + ", ".join(f"{k} {v}" for k, v in written.items())
          + f"; next day {day}: {day_docs} documents, {day_mentions} mentions pending",
          flush=True)
    results = {}
    for stage, command in grown_commands(db, workdir, busiest_month_end(db)).items():
        seconds, cpu, peak = measured(command)
        results[stage] = (seconds, cpu)
        print(f"{backend.name:<10} {n_docs:>8} {stage:<14} {seconds:8.2f} s wall {cpu:8.2f} s CPU "
              f"{peak:7.0f} MB peak  db {database_mb(db):7.1f} MB", flush=True)
    results["API list p99"] = measured_api(backend.name, n_docs, db, requests)
    return results


def grown_sizes(backend: Backend, source: str, n_source: int, grow_to: int, workdir: Path,
                requests: int) -> None:
    """The read stages on ``source`` copied once, then grown tenfold at a time up to
    ``grow_to`` documents, and their growth exponents between consecutive sizes."""
    factors = sorted({1, max(2, round(grow_to / n_source)),
                      *(10 ** i for i in range(1, 7) if n_source * 10 ** i < grow_to)})
    by_size = {n_source * k: run_grown(source, n_source, k, workdir, backend, requests)
               for k in factors}
    exponents(f"{backend.name}, grown", sorted(by_size), by_size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2400, 24000])
    parser.add_argument("--huge", action="store_true", help="also 240,000 documents")
    parser.add_argument("--grow-to", type=int, help="then grow the largest size's database to "
                        "this many documents (grow.py) and measure the read stages on it")
    parser.add_argument("--grow-from", help="grow this database (a file or URL holding "
                        "a measured size) instead of building the sizes")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--workdir", type=Path, help="keep the databases here")
    parser.add_argument("--backends", nargs="+", choices=["sqlite", "postgresql"],
                        help="default: SQLite, and PostgreSQL where its server is installed")
    args = parser.parse_args()
    if args.grow_from and not args.grow_to:
        parser.error("--grow-from needs --grow-to")
    sizes = sorted(set(args.sizes + ([240_000] if args.huge else [])))
    names = args.backends or ["sqlite"] + (["postgresql"] if postgres_available() else [])
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for name in names:
            backend = Backend(name)
            try:
                run_backend(backend, sizes, args, workdir)
            finally:
                backend.close()


def run_backend(backend: Backend, sizes: list[int], args: argparse.Namespace,
                workdir: Path) -> None:
    if args.grow_from:
        grown_sizes(backend, args.grow_from, documents_in(args.grow_from), args.grow_to,
                    workdir, args.requests)
        return
    by_size = {n: run_size(n, args.workers, args.requests, workdir, backend) for n in sizes}
    exponents(backend.name, sizes, by_size)
    if args.grow_to and args.grow_to > sizes[-1]:
        grown_sizes(backend, backend.database_of(sizes[-1]), sizes[-1], args.grow_to,
                    workdir, args.requests)


def documents_in(db: str) -> int:
    from sqlalchemy import create_engine, func, select

    from strikewatch.store import DocumentRow, database_url

    engine = create_engine(database_url(db))
    try:
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(DocumentRow))
    finally:
        engine.dispose()


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"total {time.perf_counter() - started:.0f} s")
