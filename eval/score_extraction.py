"""Score the extraction stage alone against gold annotations (the dev loop of strikewatch.extract).

    score_extraction.py ARTICLES [ARTICLES ...] --gold GOLD.jsonl [--out DIR] [--json]

ARTICLES are inputs ``strikewatch ingest`` reads (JSON Lines of {"id", "title", "text",
"published"}, .txt, .html); a .txt or .html takes its published date from the gold line of
the same id. Each strike mention becomes one incident (no fusion across documents), after
geocoding, and the shared scorer (``score_events.py``, found beside the repository in
../shared/tools or given with --scorer) prints its figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from strikewatch.extract import Extractor
from strikewatch.geo import geocode_mentions, load_gazetteer
from strikewatch.ingest import IngestOptions, read_inputs
from strikewatch.models import Document

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SCORER = ROOT.parent / "shared" / "tools" / "score_events.py"


def incident(m, n: int) -> dict:
    p = m.place
    c = m.casualties
    return {
        "id": f"{m.doc_id}-{n}",
        "date": m.date.isoformat() if m.date else None,
        "date_precision": m.date_precision,
        "attacker": {"name": m.attacker.name if m.attacker else "unknown",
                     "country": m.attacker.country if m.attacker else None},
        "location": {"name": m.place_text, "lat": p.lat if p else None, "lon": p.lon if p else None,
                     "precision": p.precision if p else None, "country": p.country if p else None,
                     "admin1": p.admin1 if p else None},
        "targets": [{"name": t.name, "category": t.category} for t in m.targets],
        "fatalities": {"min": c.killed.min, "max": c.killed.max,
                       "civilians_min": c.civilians_killed.min, "civilians_max": c.civilians_killed.max},
        "mentions": [{"doc_id": m.doc_id, "source": m.source, "sentence": s.text, "start": s.start,
                      "end": s.end, "claimed_by_attacker": m.claimed_by_attacker}
                     for s in (m.sentence, *m.support)],
    }


def claim(c) -> dict:
    return {"doc_id": c.doc_id, "speaker": c.speaker, "org": c.org, "role": c.role, "kind": c.kind,
            "about": c.about, "quote": c.quote}


def documents(paths: list[str], gold: dict[str, dict]) -> list[Document]:
    docs = []
    for path in paths:
        options = IngestOptions(detect_language=False)
        stem = Path(path).stem
        if stem in gold and gold[stem].get("published"):
            options = IngestOptions(published=date.fromisoformat(gold[stem]["published"]),
                                    detect_language=False)
        for d in read_inputs([path], options):
            if isinstance(d, Document):
                docs.append(d)
    return docs


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", nargs="+")
    ap.add_argument("--gold", required=True)
    ap.add_argument("--out", help="directory for the incidents and claims files")
    ap.add_argument("--scorer", default=str(DEFAULT_SCORER))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    gold = {}
    with open(args.gold, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                g = json.loads(line)
                gold[g["doc_id"]] = g
    docs = [d for d in documents(args.articles, gold) if d.id in gold]
    seen = set()
    docs = [d for d in docs if not (d.id in seen or seen.add(d.id))]
    gaz = load_gazetteer()
    ex = Extractor(gazetteer=gaz)
    incidents, claims = [], []
    for doc_id, extraction in ex.extract_many(docs):
        for n, m in enumerate(geocode_mentions(extraction.strikes, gaz)):
            incidents.append(incident(m, n))
        claims.extend(claim(c) for c in extraction.claims)
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="score-extraction-"))
    out.mkdir(parents=True, exist_ok=True)
    inc_path, cl_path = out / "incidents.jsonl", out / "claims.jsonl"
    inc_path.write_text("".join(json.dumps(i) + "\n" for i in incidents), encoding="utf-8")
    cl_path.write_text("".join(json.dumps(c) + "\n" for c in claims), encoding="utf-8")
    # score only the gold lines of the documents read
    gold_path = out / "gold.jsonl"
    gold_path.write_text("".join(json.dumps(gold[d.id]) + "\n" for d in docs), encoding="utf-8")
    cmd = [sys.executable, args.scorer, str(gold_path), str(inc_path), str(cl_path)]
    if args.json:
        cmd.append("--json")
    print(f"{len(docs)} documents scored; files in {out}", file=sys.stderr)
    return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
