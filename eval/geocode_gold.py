"""Geocoding alone, measured on the fakes-dev gold: does each gold event's place string land
where the annotator put it (the shared scorer's tolerance)?

    .venv/bin/python eval/geocode_gold.py [--shared ../shared] [--crowd]

Every gold "place" is resolved as a mention of its article: the sentence holding it (when the
text has the string) is its context, the article's other gold places are its neighbours. Two
runs: with the gold's country as the document's country, and without (the document's places
vote), since a wrong vote is one of the failures this measures. Prints the hit rate and every
miss with where it landed, the distance and the gazetteer's reason.

``--crowd`` adds a rough held-out signal on the 480 FA-KES articles (needs ../shared): for the
articles whose crowd label says the cause of death was shelling, the share of extracted place
mentions that resolve into the labelled governorate. Extraction runs once and is cached in
the system temp directory, keyed by the hash of the extract package's sources, so geocoding changes are compared on
the same mentions (``--mentions FILE`` pins one cached extraction).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import importlib.util
import json
import pickle
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from strikewatch.geo import Unresolved, geocode_mentions, load_gazetteer
from strikewatch.models import Place, Span, StrikeMention

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])|\n+")


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score_events",
                                                  shared / "tools/score_events.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _sentence(text: str, start: int, end: int) -> Span:
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    s = max(b for b in bounds if b <= start)
    e = min((b for b in bounds if b >= end), default=len(text))
    return Span(s, e, text[s:e])


def gold_mentions(article: dict, gold: dict) -> list[tuple[dict, StrikeMention]]:
    text = article["text"]
    out = []
    for ev in gold["events"]:
        place = ev["place"]
        i = text.find(place)
        if i < 0:
            i = text.casefold().find(place.casefold())
        if i >= 0:
            sent = _sentence(text, i, i + len(place))
            span = Span(i, i + len(place), text[i:i + len(place)])
        else:  # the annotator paraphrased: resolve the string alone
            sent, span = Span(0, 0, ""), None
        out.append((ev, StrikeMention(doc_id=gold["doc_id"], sentence=sent,
                                      place_text=span.text if span else place,
                                      place_span=span, attacker=None)))
    return out


def describe(result: Place | None, reason: str) -> str:
    if result is None:
        return f"unresolved: {reason}"
    return (f"{result.name} ({result.country}/{result.admin1}, {result.precision}, "
            f"{result.lat:.3f},{result.lon:.3f})")


def run_gold(shared: Path, *, use_country: bool, verbose: bool) -> tuple[int, int]:
    score = _scorer(shared)
    gaz = load_gazetteer()
    articles = {json.loads(x)["id"]: json.loads(x) for x in open(HERE / "fakes-dev.articles.jsonl")}
    hits = total = 0
    misses = []
    for line in open(HERE / "fakes-dev.gold.jsonl"):
        gold = json.loads(line)
        pairs = gold_mentions(articles[gold["doc_id"]], gold)
        if not pairs:
            continue
        country = pairs[0][0]["country"] if use_country else None
        placed = geocode_mentions([m for _, m in pairs], gaz, country_hint=country)
        for (ev, m), pm in zip(pairs, placed):
            total += 1
            p = pm.place
            ok = p is not None and score.place_ok(ev, {"lat": p.lat, "lon": p.lon})
            hits += ok
            if not ok:
                reason = ""
                if p is None:
                    r = gaz.resolve(m.place_text, country=country, context=m.sentence.text)
                    reason = r.reason if isinstance(r, Unresolved) else "dropped by the document"
                far = (f" {score.km((ev['lat'], ev['lon']), (p.lat, p.lon)):.0f} km off"
                       if p else "")
                misses.append(f"{gold['doc_id']} {ev['place']!r} [{ev['geo_precision']}] -> "
                              f"{describe(p, reason)}{far}")
    label = "gold country" if use_country else "document vote"
    print(f"gold places within tolerance ({label}): {hits}/{total} = {hits / total:.1%}")
    if verbose:
        for miss in misses:
            print("   ", miss)
    return hits, total


def crowd_signal(shared: Path, cache: Path | None = None) -> None:
    from strikewatch.extract import Extractor
    from strikewatch.ingest import IngestOptions, read_inputs

    labels: dict[str, str] = {}
    for line in open(shared / "corpora/fakes-dev/labels.jsonl"):
        row = json.loads(line)
        if row["cause_of_death"] == "shelling":
            labels.setdefault(row["id"], row["location"])
    sources = hashlib.sha256()
    for src in sorted((ROOT / "src/strikewatch/extract").glob("*.py")):
        sources.update(src.name.encode() + b"\0" + src.read_bytes())
    cache = cache or Path(tempfile.gettempdir()) / (
        f"strikewatch-crowd-mentions-{sources.hexdigest()[:12]}.pkl")
    gaz = load_gazetteer()
    if cache.exists():
        extracted = pickle.loads(cache.read_bytes())
    else:
        docs = [d for d in read_inputs([str(shared / "corpora/fakes-dev/articles.jsonl")],
                                       IngestOptions(detect_language=False))
                if getattr(d, "id", None) in labels]
        seen, unique = set(), []
        for d in docs:
            if d.id not in seen:
                seen.add(d.id)
                unique.append(d)
        extracted = {doc_id: [dataclasses.replace(m, place=None) for m in ex.strikes]
                     for doc_id, ex in Extractor(gazetteer=gaz).extract_many(unique)}
        cache.write_bytes(pickle.dumps(extracted))
    governorate = {}
    for label in set(labels.values()):
        r = gaz.resolve(label, country="SY", level="admin1")
        governorate[label] = r.admin1 if isinstance(r, Place) else None
    tally: Counter = Counter()
    for doc_id, mentions in extracted.items():
        want = governorate.get(labels[doc_id])
        if want is None or not mentions:
            continue
        for m in geocode_mentions(mentions, gaz):
            if m.place_text is None:
                continue
            tally["places"] += 1
            if m.place is None:
                tally["unresolved"] += 1
            elif m.place.country != "SY":
                tally["outside Syria"] += 1
            elif m.place.admin1 == want:
                tally["in the labelled governorate"] += 1
    n = tally["places"]
    print(f"crowd labels ({len(extracted)} shelling articles, {n} extracted places): "
          + ", ".join(f"{k} {v} ({v / n:.1%})" for k, v in tally.items() if k != "places"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--crowd", action="store_true", help="also the crowd-label signal")
    ap.add_argument("--mentions", type=Path, help="the cached extraction to geocode (to "
                    "compare geocoding versions on the same mentions while extraction changes)")
    ap.add_argument("-q", "--quiet", action="store_true", help="figures only, no misses")
    args = ap.parse_args()
    run_gold(args.shared, use_country=True, verbose=not args.quiet)
    run_gold(args.shared, use_country=False, verbose=not args.quiet)
    if args.crowd:
        crowd_signal(args.shared, args.mentions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
