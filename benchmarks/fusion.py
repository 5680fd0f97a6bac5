"""`make bench`: does fusion keep a city's strikes apart, and how does its time grow?

1. One synthetic day of 300 distinct strikes in one city of 50 neighbourhoods (half of them
   known to the gazetteer, at their own points a kilometre or so apart; half unknown, placed
   at the city's point with the neighbourhood's name as the place text), each strike on one
   family home or facility, reported by 1-4 outlets that spell the site differently, give the
   toll or not, and sometimes leave the site out; plus 30 aggregate statements at the city
   ("at least 240 killed since dawn"). Printed: incidents found against 300, strikes that are
   one incident each, pairs of mentions wrongly merged and wrongly split, aggregates that
   joined a strike, and fusion time.
2. Fusion's CPU time and peak RSS at growing mention counts (more days of the same war, up to
   --max mentions, 100,000 by default), each size in a fresh process and timed against a
   reference batch fused just before it, with the exponent of a power law fitted to the
   ratios: n log n grows with an exponent a little above 1 (1.11 from 1,000 to 100,000), n^2
   with 2.
3. --sentences N: N generated report sentences through the real pipeline (ingest, extract,
   geocode, fuse), checking the extractor gives each strike's site and neighbourhood.

Mentions are StrikeMention records written to a fresh SQLite store as extraction would; the
time measured is ``fuse_pending`` alone. Exits 1 when a goal is missed (>= 95% of strikes one
incident each, < 2% of strikes wrongly merged, an exponent at most n log n's over the same
sizes plus 0.05 for the noise of a shared machine).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import itertools
import math
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from strikewatch.fuse import fuse_pending
from strikewatch.models import (
    Actor, Casualties, Document, Place, Range, Segment, Span, StrikeMention)
from strikewatch.store import Store

ISRAEL = Actor("Israel Defense Forces", "IL")
CITY = Place("Gaza", 31.5017, 34.4668, "PS", "point", admin1="Gaza Strip", geonameid=281133)
OUTLETS = ["WAFA", "Al Jazeera", "Reuters", "AP", "AFP", "BBC", "Anadolu", "Middle East Eye"]
FAMILIES = ["Abu Daqqa", "al-Astal", "Hijazi", "al-Najjar", "Shurrab", "Abu Hamad", "al-Farra",
            "Baroud", "Qudeih", "al-Agha", "Abu Shamala", "Siam", "al-Masri", "Doghmush",
            "Hamdan", "al-Kurd", "Salha", "Radwan", "Abu Nasr", "al-Helou", "Jarada", "Ayyad",
            "al-Ghoul", "Sobh", "Abu Ras"]
FACILITIES = ["school", "mosque", "bakery", "clinic", "pharmacy", "water well", "market",
              "ambulance"]
SYLLABLES = ["Sha", "Zei", "Rim", "Tuf", "Dar", "Sab", "Naj", "Kar", "Bur", "Jab", "Hal", "Qas",
             "Mu", "Fa", "Lo", "We", "Ki", "Ba"]


@dataclass(frozen=True)
class Strike:
    number: int
    day: date
    hood: str
    place: Place  # the neighbourhood's own point, or the city's
    site: str
    killed: int


def neighbourhoods(rng: random.Random, n: int = 50) -> list[tuple[str, Place]]:
    """n named neighbourhoods on a 1.2 km grid around the city centre; even ones known to the
    gazetteer (their own point), odd ones not (the city's point). No two names are spellings
    of one name (difflib ratio below 0.7), as no two neighbourhoods of one city are."""
    names: list[str] = []
    candidates = [f"{a}{b.lower()}{c.lower()}" for a, b, c in itertools.product(SYLLABLES, repeat=3)
                  if len({a, b, c}) == 3]
    rng.shuffle(candidates)
    for name in candidates:
        if all(difflib.SequenceMatcher(None, name, o).ratio() < 0.7 for o in names):
            names.append(name)
        if len(names) == n:
            break
    out = []
    for i, name in enumerate(names):
        row, col = divmod(i, 8)
        point = Place(name, CITY.lat + (row - 3) * 0.0108, CITY.lon + (col - 4) * 0.0127, "PS",
                      "point", admin1="Gaza Strip", geonameid=9_000_000 + i)
        out.append((name, point if i % 2 == 0 else CITY))
    return out


def strikes_of_day(rng: random.Random, day: date, hoods, n: int, offset: int) -> list[Strike]:
    """n strikes of one day, each on its own site: a family's home anywhere in the city, or a
    facility of a neighbourhood (its school, its bakery, an ambulance there)."""
    sites = [(f"{f} family home", hoods[rng.randrange(len(hoods))]) for f in FAMILIES] + [
        (f"{name} {kind}", (name, place)) for name, place in hoods for kind in FACILITIES]
    tolls = [0, 1, 2, 3, 5, 7, 9, 12, 20, 35]
    return [Strike(offset + i, day, hood, place, site, rng.choice(tolls))
            for i, (site, (hood, place)) in enumerate(rng.sample(sites, n))]


def spelling(rng: random.Random, site: str) -> str:
    """An outlet's spelling of a site: transliterations differ by a letter or an article."""
    variants = [site, site.replace("al-", "el-"), site.replace("Abu ", "Abou "),
                site.replace("qq", "q"), site.replace("family home", "family's house")]
    return rng.choice(variants)


def reports(rng: random.Random, strike: Strike) -> list[StrikeMention]:
    """1-4 outlets' reports: most name the site (spelt their way; the others say only "a
    school", "a house"), most give the toll."""
    mentions = []
    for outlet in rng.sample(OUTLETS, rng.randint(1, 4)):
        kind = "house" if strike.site.endswith("home") else strike.site.split()[-1]
        site = spelling(rng, strike.site) if rng.random() < 0.85 else None
        killed = Range(strike.killed, strike.killed) if rng.random() < 0.7 else Range()
        what = f"the {site}" if site else f"a {kind}"
        told = strike.killed if not killed.empty else "several"
        text = f"An Israeli strike hit {what} in {strike.hood}, killing {told}."
        mentions.append(_mention(f"{outlet}|{strike.number}", text, strike.day, strike.hood,
                                 strike.place, site or kind, killed))
    return mentions


def aggregates(rng: random.Random, day: date, n: int) -> list[StrikeMention]:
    return [_mention(f"agg|{day}|{i}", f"At least {k} people have been killed in Gaza since "
                     f"dawn, the health ministry said.", day, "Gaza", CITY, None, Range(k, None))
            for i, k in enumerate(rng.sample(range(60, 400), n))]


def _mention(doc_id: str, text: str, day: date, hood: str, place: Place, site: str | None,
             killed: Range) -> StrikeMention:
    at = text.index(hood)
    return StrikeMention(doc_id=doc_id, sentence=Span(0, len(text), text), place_text=hood,
                         place_span=Span(at, at + len(hood), hood), attacker=ISRAEL, date=day,
                         date_precision="day", place=place, site=site,
                         casualties=Casualties(killed=killed), source=None)


def store_mentions(store: Store, mentions: list[StrikeMention]) -> dict[str, str]:
    """One document per mention, stored as extraction would; document id -> mention key."""
    docs, extractions, ids = [], [], {}
    for m in mentions:
        doc_id = hashlib.sha1(m.doc_id.encode()).hexdigest()[:16]
        text = m.sentence.text
        docs.append((Document(id=doc_id, text=text, segments=(Segment("body", 0, len(text)),),
                              content_hash=hashlib.sha256(m.doc_id.encode()).hexdigest(),
                              source=m.doc_id.split("|")[0], published=m.date), None))
        extractions.append((doc_id, [replace(m, doc_id=doc_id)], []))
        ids[doc_id] = m.doc_id
    store.add_documents(docs)
    store.replace_many_mentions(extractions)
    return ids


def one_day(seed: int) -> int:
    """Part 1: the 300 strikes of one day. Returns 0 when the goals are met."""
    rng = random.Random(seed)
    hoods = neighbourhoods(rng)
    day = date(2023, 11, 18)
    strikes = strikes_of_day(rng, day, hoods, 300, 0)
    truth: dict[str, int] = {}  # document key -> strike number (-1: aggregate)
    mentions = []
    for s in strikes:
        for m in reports(rng, s):
            truth[m.doc_id] = s.number
            mentions.append(m)
    for m in aggregates(rng, day, 30):
        truth[m.doc_id] = -1
        mentions.append(m)
    rng.shuffle(mentions)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "bench.db"))
        ids = store_mentions(store, mentions)
        started = time.process_time()
        fuse_pending(store)
        elapsed = time.process_time() - started
        incidents: dict[str, list[int]] = {}
        for sm in store.stored_mentions():
            if sm.incident_id:
                incidents.setdefault(sm.incident_id, []).append(truth[ids[sm.mention.doc_id]])
        store.close()
    return report_day(strikes, mentions, incidents, elapsed)


def report_day(strikes, mentions, incidents: dict[str, list[int]], elapsed: float) -> int:
    """Print part 1's figures; 0 when its goals are met."""
    homes: dict[int, set[str]] = {}
    for iid, members in incidents.items():
        for n in members:
            homes.setdefault(n, set()).add(iid)
    alone = sum(1 for s in strikes if len(homes.get(s.number, ())) == 1
                and set(incidents[next(iter(homes[s.number]))]) == {s.number})
    with_strikes = [set(v) - {-1} for v in incidents.values() if set(v) - {-1}]
    merged = {n for v in with_strikes if len(v) > 1 for n in v}
    pairs_merged = sum(a != b for v in incidents.values()
                       for a, b in itertools.combinations(v, 2) if a >= 0 and b >= 0)
    per_strike = Counter(n for v in incidents.values() for n in v if n >= 0)
    together = sum(_pairs(c) for v in incidents.values()
                   for n, c in Counter(v).items() if n >= 0)
    pairs_split = sum(_pairs(c) for c in per_strike.values()) - together
    absorbed = sum(1 for v in incidents.values() if -1 in v and set(v) - {-1})
    print(f"one day, one city: {len(strikes)} strikes in {len(mentions)} mentions "
          f"({sum(1 for v in incidents.values() for n in v if n < 0)} aggregate statements)")
    print(f"  incidents found {len(with_strikes)} vs {len(strikes)}; strikes one incident "
          f"each {alone}/{len(strikes)} ({alone / len(strikes):.1%})")
    print(f"  wrongly merged: {len(merged)} strikes ({len(merged) / len(strikes):.1%}), "
          f"{pairs_merged} mention pairs; wrongly split: {pairs_split} mention pairs; "
          f"aggregates in a strike's incident: {absorbed}")
    print(f"  fusion time {elapsed:.2f} CPU s")
    ok = alone / len(strikes) >= 0.95 and len(merged) / len(strikes) < 0.02
    print("  goals met" if ok else "  GOAL MISSED: >= 95% one incident each, < 2% merged")
    return 0 if ok else 1


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def growth(seed: int, largest: int) -> int:
    """Part 2: fusion's CPU time and peak memory at growing mention counts, and the fitted
    exponent of its time from 1,000 to the largest.

    Each size is fused in a fresh interpreter (``--fuse-only``), so that its peak RSS is
    fusion's own, and its CPU time (not wall: the machine is shared) is divided by that of a
    reference run fused just before it (the same 1,000 mentions every time), so that the
    machine's load, which swings from minute to minute, cancels out of the ratio."""
    rng = random.Random(seed)
    hoods = neighbourhoods(rng)
    sizes = [n for n in (1_000, 3_000, 10_000, 30_000, 100_000) if n <= largest]
    points = []
    print("fusion by mentions (300 strikes a day, more days as n grows; CPU time, a fresh "
          "process each; ratio: CPU time over a 1,000-mention reference fused just before):")
    with tempfile.TemporaryDirectory() as tmp:
        reference = Path(tmp) / "reference.db"
        _mentions_db(random.Random(seed), hoods, 1_000, reference)
        for n in sizes:
            db = Path(tmp) / f"bench-{n}.db"
            _mentions_db(rng, hoods, n, db)
            ref_cpu, _ = _fuse_in_child(reference, Path(tmp) / "reference-run.db")
            cpu, rss = _fuse_in_child(db, db)
            db.unlink()
            points.append((n, cpu / ref_cpu))
            print(f"  {n:>7} mentions: {cpu:7.2f} CPU s ({cpu / n * 1e6:.0f} us per mention), "
                  f"{cpu / ref_cpu:7.2f} x reference ({ref_cpu:.2f} s), peak RSS {rss} MB")
    if len(points) < 2:
        return 0
    exponent = _fit(points)
    bound = _fit([(n, n * math.log(n)) for n, _ in points])
    print(f"  fitted growth exponent {exponent:.2f} over {points[0][0]:,}..{points[-1][0]:,} "
          f"mentions (n log n over the same sizes: {bound:.2f}; n^2: 2)")
    return 0 if exponent <= bound + 0.05 else 1


def _mentions_db(rng: random.Random, hoods, n: int, path: Path) -> None:
    """A store holding the first n mentions of as many days of 300 strikes as they need."""
    mentions: list[StrikeMention] = []
    for d in itertools.count():
        day = date(2023, 10, 7) + timedelta(days=d)
        for s in strikes_of_day(rng, day, hoods, 300, d * 300):
            mentions += reports(rng, s)
        mentions += aggregates(rng, day, 30)
        if len(mentions) >= n:
            break
    store = Store(str(path))
    store_mentions(store, mentions[:n])
    store.close()


def _fuse_in_child(db: Path, run_on: Path) -> tuple[float, int]:
    """(CPU seconds of ``fuse_pending``, peak RSS in MB) of a fresh interpreter fusing a
    copy of ``db`` (at ``run_on``; the same path: in place)."""
    if run_on != db:
        shutil.copyfile(db, run_on)
    out = subprocess.run([sys.executable, __file__, "--fuse-only", str(run_on)], check=True,
                         capture_output=True, text=True).stdout
    cpu, rss = out.split()
    return float(cpu), int(rss)


def fuse_only(path: str) -> int:
    """``--fuse-only DB``: fuse a stored batch, print CPU seconds and peak RSS in MB."""
    store = Store(path)
    started = time.process_time()
    fuse_pending(store)
    cpu = time.process_time() - started
    store.close()
    print(f"{cpu:.3f} {_peak_rss_mb()}")
    return 0


def _peak_rss_mb() -> int:
    """This process's peak resident memory in MB: Linux's VmHWM, which starts afresh at
    exec, where ``ru_maxrss`` keeps the peak of the parent that forked it (the benchmark,
    holding the largest batch of generated mentions)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _fit(points: list[tuple[int, float]]) -> float:
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


# the Gaza City neighbourhoods the generated sentences name (real names: the extractor must
# read them as places whatever the gazetteer knows)
GAZA_HOODS = ["Shujaiya", "Zeitoun", "Rimal", "Tel al-Hawa", "Sheikh Radwan", "Daraj", "Tuffah",
              "Sabra", "Nasr", "Sheikh Ijlin"]
WORDINGS = [
    "An Israeli airstrike on the home of the {family} family in the {hood} neighbourhood of "
    "Gaza City killed {n} people, medics said.",
    "Israeli warplanes struck the {family} family home in the {hood} neighbourhood of Gaza City "
    "on Saturday, killing {n}.",
    "{n_word} members of the {family} family were killed when Israeli jets bombed their house "
    "in the {hood} neighbourhood of Gaza City, the health ministry said.",
    "An Israeli strike hit a {kind} in the {hood} neighbourhood of Gaza City on Saturday, "
    "killing {n} people, civil defence said.",
]
NUMBER_WORDS = {2: "Two", 3: "Three", 5: "Five", 7: "Seven", 9: "Nine", 12: "Twelve"}


def through_pipeline(seed: int, n: int) -> int:
    """Part 3: n generated report sentences through ingest, extract, geocode and fuse; how
    many of the strikes the extractor gives with their site and neighbourhood."""
    import json

    from strikewatch import pipeline

    rng = random.Random(seed)
    rows, truth = [], {}
    for i in range(n):
        family, hood = rng.choice(FAMILIES), rng.choice(GAZA_HOODS)
        kind, killed = rng.choice(FACILITIES[:6]), rng.choice(sorted(NUMBER_WORDS))
        wording = rng.choice(WORDINGS)
        text = wording.format(family=family, hood=hood, n=killed, n_word=NUMBER_WORDS[killed],
                              kind=kind)
        site = kind if "{kind}" in wording else f"{family} family"
        rows.append({"id": f"gen-{i}", "text": text, "published": "2023-11-18",
                     "source": rng.choice(OUTLETS)})
        truth[f"gen-{i}"] = (site, hood)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reports.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        store = Store(str(Path(tmp) / "pipeline.db"))
        pipeline.ingest([str(path)], store)
        started = time.perf_counter()
        pipeline.process_pending(store)
        elapsed = time.perf_counter() - started
        found = {m.doc_id: m for m in store.strike_mentions()}
        store.close()
    with_site = sum(1 for d, (site, _) in truth.items()
                    if d in found and (found[d].site or "").casefold().startswith(site.casefold()))
    with_hood = sum(1 for d, (_, hood) in truth.items()
                    if d in found and hood in (found[d].place_text or ""))
    print(f"through the pipeline: {n} generated sentences, {len(found)} strikes extracted, "
          f"site right {with_site}, neighbourhood right {with_hood} ({elapsed:.1f} s)")
    return 0 if with_site >= 0.9 * n and with_hood >= 0.9 * n else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--max", type=int, default=100_000, help="largest mention count")
    parser.add_argument("--sentences", type=int, default=60,
                        help="generated sentences run through the real pipeline")
    parser.add_argument("--fuse-only", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fuse_only:
        return fuse_only(args.fuse_only)
    failed = one_day(args.seed)
    if args.sentences:
        failed |= through_pipeline(args.seed, args.sentences)
    failed |= growth(args.seed, args.max)
    return failed


if __name__ == "__main__":
    sys.exit(main())
