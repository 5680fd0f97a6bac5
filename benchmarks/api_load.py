"""Load test of the incident list endpoint on loopback: requests per second and latency.

The targets: at least 200 requests/s with a p99 under 100 ms on 10,000 incidents (issue 7),
and the p99 under 100 ms on 240,000 (issue 14).

A SQLite database is filled with --incidents synthetic incident rows (and two strike mentions
each, over --incidents/10 documents, so that the list's mention count has rows to count). They
are a benchmark's data, not extractions of real articles: dates over three years, places
at the label points of the bundled admin1 boundaries of Syria, Iraq and Yemen, attackers and grades in
realistic proportions. The app is served by uvicorn in its own process on 127.0.0.1; the
client sends --requests requests (bounded further by --seconds) from --concurrency threads
with keep-alive, cycling through the queries an analyst's map makes: the first page, a
country, a province, a date range, an attacker and grade, a bounding box, a deeper page.

    .venv/bin/python benchmarks/api_load.py [--incidents 10000,240000] [--requests 3000]

The machines are shared and noisy; the figures are for this machine at this moment, and the
load average is printed beside them. The first request of each query shape is timed apart:
it counts the matching incidents, which the store then keeps until an incident is written.
The exit code is 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
TARGET_RPS = 200
TARGET_P99_MS = 100
QUERIES = (
    "/api/v1/incidents",
    "/api/v1/incidents?country=SY",
    "/api/v1/incidents?region=Idlib",
    "/api/v1/incidents?start=2016-01-01&end=2016-03-31",
    "/api/v1/incidents?attacker=RU&grade=weak,contested",
    "/api/v1/incidents?bbox=35.5,34.5,38.5,37.0&sort=-date",
    "/api/v1/incidents?target=civilian&sort=-fatalities",
    "/api/v1/incidents?offset=5000&limit=100",
)


def fill(db: Path, n: int, seed: int = 7) -> None:
    """Write ``n`` synthetic incidents (and their mentions and documents) in bulk."""
    from strikewatch.store import DocumentRow, IncidentRow, Store, StrikeRow

    rnd = random.Random(seed)
    boundaries = ROOT / "src" / "strikewatch" / "data" / "boundaries"
    places = [{"name": f["properties"]["name"], "country": f["properties"]["iso2"],
               "lon": f["properties"]["label"][0], "lat": f["properties"]["label"][1]}
              for cc in ("SY", "IQ", "YE")
              for f in json.loads((boundaries / f"admin1-{cc}.geojson").read_text())["features"]]
    store = Store(str(db))
    attackers = [("Russian Armed Forces", "RU", 4), ("Syrian Government Forces", "SY", 4),
                 ("United States Armed Forces", "US", 2), ("Saudi-led coalition", None, 2),
                 ("Turkish Armed Forces", "TR", 1)]
    weights = [w for *_, w in attackers]
    grades = ["weak"] * 5 + ["fair"] * 3 + ["confirmed", "contested", "discounted"]
    categories = ["jihadist", "rebel", "civilian", "infrastructure", "government", "kurdish"]
    first = date(2015, 9, 30)
    docs, incidents, mentions = [], [], []
    for d in range(max(1, n // 10)):
        docs.append({"id": f"bench-{d}", "content_hash": f"{d:064x}", "text": "benchmark",
                     "segments": [], "source": "benchmark", "published": first})
    for i in range(n):
        name, country, _ = rnd.choices(attackers, weights)[0]
        p = rnd.choice(places)
        lat = float(p["lat"]) + rnd.uniform(-0.3, 0.3)
        lon = float(p["lon"]) + rnd.uniform(-0.3, 0.3)
        lo = rnd.choice([None, None, rnd.randint(0, 40)])
        incidents.append({
            "id": f"inc-bench{i:08d}", "date": first + timedelta(days=rnd.randint(0, 1095)),
            "date_precision": "day", "attacker_name": name, "attacker_country": country,
            "place_name": p["name"], "lat": lat, "lon": lon, "admin1": p["name"],
            "country": p["country"], "geo_precision": "admin1",
            "targets": [{"category": c, "name": None}
                        for c in rnd.sample(categories, rnd.randint(0, 2))],
            "fatalities_min": lo, "fatalities_max": None if lo is None else lo + rnd.randint(0, 9),
            "grade": rnd.choice(grades), "grade_reason": "benchmark row", "origin": "benchmark",
            "reviewed": {}})
        for k in range(2):
            mentions.append({"doc_id": f"bench-{(i * 2 + k) % len(docs)}", "sentence": "s",
                             "start": i * 2 + k, "end": i * 2 + k + 1, "incident_id":
                             f"inc-bench{i:08d}", "targets": [], "casualties": {}})
    with store.engine.begin() as conn:
        conn.execute(DocumentRow.__table__.insert(), docs)
        conn.execute(IncidentRow.__table__.insert(), incidents)
        conn.execute(StrikeRow.__table__.insert(), mentions)
    store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path, port: int, *, wait: float = 30) -> subprocess.Popen:
    """uvicorn serving ``db`` on loopback, once it answers (within ``wait`` seconds: on a
    machine loaded 16-fold its imports alone take a minute)."""
    code = ("import uvicorn; from strikewatch.api import ApiSettings, create_app; "
            f"uvicorn.run(create_app(ApiSettings(db={str(db)!r})), host='127.0.0.1', "
            f"port={port}, log_level='warning', access_log=False)")
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/me", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("the server did not start on loopback")


def load(port: int, *, requests: int, seconds: float, concurrency: int) -> tuple[list[float], int, float]:
    """Latencies (s) of successful requests, the failures, and the wall time."""
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + seconds
    per_worker = -(-requests // concurrency)

    def worker(w: int) -> tuple[list[float], int]:
        out, failed = [], 0
        with httpx.Client(base_url=base, timeout=10) as client:
            for k in range(per_worker):
                if time.monotonic() > deadline:
                    break
                started = time.perf_counter()
                r = client.get(QUERIES[(w + k) % len(QUERIES)])
                elapsed = time.perf_counter() - started
                if r.status_code == 200 and r.json()["items"] is not None:
                    out.append(elapsed)
                else:
                    failed += 1
        return out, failed

    began = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(worker, range(concurrency)))
    wall = time.perf_counter() - began
    return [x for lat, _ in results for x in lat], sum(f for _, f in results), wall


def first_requests(port: int) -> list[float]:
    """The latency (s) of each query shape asked for the first time: SQLite's page cache is
    cold and no total of that filter is kept yet (Store.incident_page counts it)."""
    out = []
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        for q in QUERIES:
            started = time.perf_counter()
            client.get(q).raise_for_status()
            out.append(time.perf_counter() - started)
    return out


def measure(incidents: int, args: argparse.Namespace) -> bool:
    """Fill a store of ``incidents``, serve it, load it; print the figures; True if met."""
    with tempfile.TemporaryDirectory(prefix="strikewatch-load-") as tmp:
        db = Path(tmp) / "load.db"
        t0 = time.perf_counter()
        fill(db, incidents)
        print(f"filled {incidents} incidents in {time.perf_counter() - t0:.1f} s")
        port = free_port()
        server = serve(db, port)
        try:
            first = first_requests(port)
            cpu_before = cpu_seconds(server.pid)
            latencies, failed, wall = load(port, requests=args.requests, seconds=args.seconds,
                                           concurrency=args.concurrency)
            server_cpu = cpu_seconds(server.pid) - cpu_before
        finally:
            server.terminate()
            server.wait(10)
    ok = report(incidents, args.concurrency, first, latencies, failed, wall)
    if latencies:
        print(f"  server CPU {1000 * server_cpu / len(latencies):.1f} ms per request "
              "(what the load average does not change much)")
    return ok


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def report(incidents: int, concurrency: int, first: list[float], latencies: list[float],
           failed: int, wall: float) -> bool:
    load_average = " ".join(f"{x:.1f}" for x in os.getloadavg())
    if not latencies:
        print(f"{incidents} incidents: no request succeeded (load average {load_average})")
        return False
    latencies.sort()
    rps = len(latencies) / wall
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
    ok = rps >= TARGET_RPS and p99 < TARGET_P99_MS and failed == 0
    print(f"GET /api/v1/incidents (8 query shapes), {incidents} incidents, "
          f"{concurrency} clients: {len(latencies)} ok, {failed} failed in {wall:.1f} s")
    print(f"  {rps:.0f} requests/s   p50 {p50:.1f} ms   p99 {p99:.1f} ms   "
          f"(target >= {TARGET_RPS}/s, p99 < {TARGET_P99_MS} ms): {'met' if ok else 'MISSED'}"
          f"   load average {load_average}")
    print("  first request of each shape (cold cache, no total kept): "
          + ", ".join(f"{x * 1000:.0f}" for x in first) + " ms")
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--incidents", default="10000",
                    help="store sizes, comma-separated (10000,240000): one run each")
    ap.add_argument("--requests", type=int, default=3_000)
    ap.add_argument("--seconds", type=float, default=60.0, help="stop sending after this long")
    ap.add_argument("--concurrency", type=int, default=4)
    args = ap.parse_args()
    try:
        sizes = [int(n) for n in args.incidents.split(",")]
    except ValueError:
        ap.error(f"--incidents {args.incidents!r}: whole numbers separated by commas")
    results = [measure(n, args) for n in sizes]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
