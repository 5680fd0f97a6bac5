"""Rules, model or both: score every shared corpus's developer part and fixed slice (and the
fakes-dev gold) with each setting of ``ExtractSettings.strike_classifier``, in one run.

    python eval/strike_classifier_eval.py [--shared ../shared] [--corpora NAME...]

The in-repo gold sets (fakes-dev, tuned on; fakes-heldout, scored only) are scored whole.
Prints one line per set, part and setting: events P/R/F1 and seconds; then, per setting, the
extractor's throughput (articles per CPU second, after a warm-up) over the 480 FA-KES
articles (full news articles: the most sentences per document for the model to score). The
figures in eval/README ("The strike classifier") come from it. Slices are scored, never read.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench_extraction import load
from corpus_eval import run

from strikewatch.extract import Extractor, ExtractSettings
from strikewatch.geo import load_gazetteer

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPORA = ("ucdp-ukraine", "bellingcat-ukraine", "cir-ukraine", "acled-africa-2016")
MODES = ("rules", "model", "both")
GOLD_SETS = ("fakes-dev", "fakes-heldout")  # fakes-heldout is scored here, never read


def gold_set_corpus(name: str, workdir: Path) -> Path:
    """An in-repo gold set (eval/NAME.*) laid out as a corpus folder, scored whole ("all")."""
    folder = workdir / name
    folder.mkdir()
    shutil.copy(HERE / f"{name}.articles.jsonl", folder / "articles.jsonl")
    shutil.copy(HERE / f"{name}.gold.jsonl", folder / "gold.jsonl")
    return folder


def score_line(name: str, part: str, mode: str, corpus: Path, scorer: Path, workdir: Path) -> str:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        events = run(corpus, part, scorer, Path(tmp), None, mode)["events"]
    return (f"{name:20s} {part:5s} {mode:5s} {events['precision']:.3f} {events['recall']:.3f} "
            f"{events['f1']:.3f} {time.perf_counter() - started:6.0f}")


def throughput(articles: Path, mode: str) -> str:
    """Articles per CPU second of extraction alone (no database), the classifier loaded first."""
    docs = load(str(articles))
    extractor = Extractor(settings=ExtractSettings(strike_classifier=mode), gazetteer=load_gazetteer())
    extractor.extract(docs[0])
    started = time.process_time()
    for _ in extractor.extract_many(docs):
        pass
    seconds = time.process_time() - started
    return f"throughput {mode:5s} {len(docs)} articles in {seconds:.1f} CPU s = {len(docs) / seconds:.1f} articles/s"


def score_table(shared: Path, corpora: list[str]) -> None:
    scorer = shared / "tools/score_events.py"
    print(f"{'set':20s} {'part':5s} {'mode':5s} {'P':>5s} {'R':>5s} {'F1':>5s} {'s':>6s}")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        sets = [(name, "all", gold_set_corpus(name, workdir)) for name in GOLD_SETS]
        sets += [(name, part, shared / "corpora" / name) for name in corpora for part in ("dev", "slice")]
        for name, part, corpus in sets:
            for mode in MODES:
                print(score_line(name, part, mode, corpus, scorer, workdir), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--corpora", nargs="*", default=list(CORPORA),
                        help="shared corpora to score (none: the in-repo gold sets only)")
    parser.add_argument("--skip-scores", action="store_true", help="throughput only")
    args = parser.parse_args()
    if not args.skip_scores:
        score_table(args.shared, args.corpora)
    for mode in MODES:
        print(throughput(args.shared / "corpora/fakes-dev/articles.jsonl", mode), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
