"""Score strikewatch on one shared development corpus, its developer part or its fixed slice.

    python eval/corpus_eval.py bellingcat-ukraine [--part dev|slice|all|A|B] [--shared DIR]
                               [--keep DIR] [--limit N] [--strike-classifier rules|model|both]

The fixed slice of every corpus is the documents whose 0-based line number in
``articles.jsonl`` is 4 modulo 5 (every fifth document, starting with the fifth). It is scored
but never read while writing rules; ``--part dev`` (the default) scores the other four fifths.
The gold lines are in the same order as the articles, so the same rule selects both.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from strikewatch import pipeline
from strikewatch.export import export_lines
from strikewatch.extract import Extractor, ExtractSettings
from strikewatch.fuse import fuse_pending
from strikewatch.geo import load_gazetteer
from strikewatch.store import Store

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


DEV_HALVES = {"A": (0, 1), "B": (2, 3)}


def in_part(index: int, part: str) -> bool:
    """The fixed slice is every fifth document; 'dev' is the rest.

    The developer part splits into two fixed halves, A (line number 0 or 1 mod 5) and B (2 or
    3 mod 5): rules are written from A's misses and kept only when B does not fall, so that a
    developer-part gain is checked on documents the rule was not written for.
    """
    if part == "all":
        return True
    if part in DEV_HALVES:
        return index % 5 in DEV_HALVES[part]
    return (index % 5 == 4) == (part == "slice")


def write_part(corpus: Path, part: str, workdir: Path, limit: int | None) -> tuple[Path, Path]:
    articles = (corpus / "articles.jsonl").read_text().splitlines()
    gold = (corpus / "gold.jsonl").read_text().splitlines()
    keep = [i for i in range(len(articles)) if in_part(i, part)][:limit]
    art_out, gold_out = workdir / "articles.jsonl", workdir / "gold.jsonl"
    art_out.write_text("".join(articles[i] + "\n" for i in keep))
    gold_out.write_text("".join(gold[i] + "\n" for i in keep))
    return art_out, gold_out


def run(corpus: Path, part: str, scorer: Path, workdir: Path, limit: int | None,
        strike_classifier: str = "rules") -> dict:
    articles, gold = write_part(corpus, part, workdir, limit)
    store = Store(str(workdir / "eval.db"))
    pipeline.ingest([str(articles)], store)
    gazetteer = load_gazetteer()
    extractor = Extractor(settings=ExtractSettings(strike_classifier=strike_classifier),
                          gazetteer=gazetteer)
    pipeline.extract_pending(store, extractor=extractor, gazetteer=gazetteer)
    fuse_pending(store)
    incidents, claims = workdir / "incidents.jsonl", workdir / "claims.jsonl"
    incidents.write_text("".join(export_lines(store, fmt="jsonl", what="incidents")))
    claims.write_text("".join(export_lines(store, fmt="jsonl", what="claims")))
    out = subprocess.run([sys.executable, str(scorer), str(gold), str(incidents), str(claims),
                          "--json"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="a folder name under shared/corpora, e.g. cir-ukraine")
    parser.add_argument("--part", choices=("dev", "slice", "all", "A", "B"), default="dev")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--keep", type=Path, help="keep the database and exports in this folder")
    parser.add_argument("--limit", type=int, help="only the first N documents of the part")
    parser.add_argument("--strike-classifier", choices=("rules", "model", "both"), default="rules",
                        help="how the sentence gate finds strike sentences (ExtractSettings)")
    args = parser.parse_args()
    scorer, corpus = args.shared / "tools/score_events.py", args.shared / "corpora" / args.corpus
    if not (corpus / "gold.jsonl").exists():
        print(f"no gold.jsonl under {corpus}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        result = run(corpus, args.part, scorer, workdir, args.limit, args.strike_classifier)
    e = result["events"]
    print(f"{args.corpus} [{args.part}, {args.strike_classifier}] events P={e['precision']:.3f} R={e['recall']:.3f} "
          f"F1={e['f1']:.3f} (gold {e['gold']}, predicted {e['predicted']}, matched "
          f"{e['matched']}); fatalities {result['fatalities_accuracy']}, exact dates "
          f"{result['dates_exact']} ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
