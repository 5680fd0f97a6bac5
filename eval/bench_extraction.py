"""Throughput and memory of extraction against the naive baseline.

    bench_extraction.py ARTICLES.jsonl [--repeat N]

Runs (1) ``Extractor.extract_many`` — regex split, keyword prefilter, ``nlp.pipe`` on the
survivors — and (2) the baseline the issue names: the full spaCy pipeline over every sentence of
every document (no rules after it, so the baseline is a lower bound on its cost). Each in its own
process, so that peak memory (ru_maxrss) belongs to one of them. Prints documents per second,
the speed-up, and peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

from strikewatch.ingest import IngestOptions, read_inputs
from strikewatch.models import Document


def load(path: str) -> list[Document]:
    docs, seen = [], set()
    for d in read_inputs([path], IngestOptions(detect_language=False)):
        if isinstance(d, Document) and d.id not in seen:
            seen.add(d.id)
            docs.append(d)
    return docs


def run(mode: str, path: str, repeat: int) -> dict:
    docs = load(path)
    import spacy

    from strikewatch.extract import Extractor
    from strikewatch.nlp import DEFAULT_MODEL, batch_settings, split_sentences

    ex = Extractor()  # loads spaCy, lexicons and gazetteer before the clock starts
    ex.extract(docs[0])
    # the baseline is the model's whole pipeline (statistical NER included), not extraction's
    full = spacy.load(DEFAULT_MODEL) if mode == "baseline" else None
    start = time.perf_counter()
    sentences = parsed = 0
    with batch_settings():  # as pipeline.extract_pending runs its batches
        for _ in range(repeat):
            if mode == "extract":
                for _doc_id, _ in ex.extract_many(docs):
                    pass
                sentences += sum(len(split_sentences(d)) for d in docs)
                parsed += sum(len(ex.candidate_sentences(d)) for d in docs)
            else:
                texts = [s.text for d in docs for s in split_sentences(d)]
                for _ in full.pipe(texts, batch_size=64):
                    pass
                sentences += len(texts)
                parsed += len(texts)
    seconds = time.perf_counter() - start
    return {"mode": mode, "docs": len(docs) * repeat, "seconds": round(seconds, 2),
            "docs_per_s": round(len(docs) * repeat / seconds, 1), "sentences": sentences,
            "parsed": parsed, "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--mode", choices=["extract", "baseline"], help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.mode:
        print(json.dumps(run(args.mode, args.articles, args.repeat)))
        return 0
    results = {}
    for mode in ("extract", "baseline"):
        out = subprocess.run([sys.executable, __file__, args.articles, "--repeat", str(args.repeat),
                              "--mode", mode], check=True, capture_output=True, text=True)
        results[mode] = json.loads(out.stdout.strip().splitlines()[-1])
    for r in results.values():
        print(f"{r['mode']:9} {r['docs']} docs in {r['seconds']} s = {r['docs_per_s']} docs/s; "
              f"parsed {r['parsed']} of {r['sentences']} sentences; peak {r['peak_mb']} MB")
    speedup = results["extract"]["docs_per_s"] / results["baseline"]["docs_per_s"]
    print(f"speed-up over the full pipeline on every sentence: {speedup:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
