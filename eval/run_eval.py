"""`make eval`: run the whole pipeline on gold-annotated articles and score its export.

Three figures, each from a fresh database so that nothing carries over between them:
1. the founding example (bundled HTML) against its gold annotation;
2. the hand-annotated fakes-dev development set (eval/fakes-dev.*) against its gold, and the
   held-out set (eval/fakes-heldout.*) annotated blind to the system and never tuned on;
3. the governorate of each article's main strike against the FA-KES crowd labels, over the
   articles whose crowd-labelled cause of death is shelling (needs ../shared).

Scores come from the shared scorer (`tools/score_events.py`), run as a separate process on the
real `strikewatch export` files, exactly as an outside evaluation would.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from strikewatch import pipeline
from strikewatch.export import export_lines
from strikewatch.store import Store

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


# The dev set is what extraction is tuned on; the held-out set is scored only to see whether
# that tuning carries over to articles nobody looked at while writing rules.
GOLD_SETS = (("fakes-dev", "fakes-dev development gold set"),
             ("fakes-heldout", "fakes-dev held-out gold set, never used to tune"))


def build(inputs: list[str], workdir: Path, name: str) -> tuple[Path, Path, Store]:
    store = Store(str(workdir / f"{name}.db"))
    pipeline.ingest(inputs, store)
    pipeline.process_pending(store)
    incidents, claims = workdir / f"{name}.incidents.jsonl", workdir / f"{name}.claims.jsonl"
    incidents.write_text("".join(export_lines(store, fmt="jsonl", what="incidents")))
    claims.write_text("".join(export_lines(store, fmt="jsonl", what="claims")))
    return incidents, claims, store


def score(scorer: Path, gold: Path, incidents: Path, claims: Path) -> dict:
    out = subprocess.run([sys.executable, str(scorer), str(gold), str(incidents), str(claims),
                          "--json"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def show(title: str, result: dict) -> None:
    e, c = result["events"], result.get("claims") or {}
    print(f"{title}\n  events  P={e['precision']:.3f} R={e['recall']:.3f} F1={e['f1']:.3f} "
          f"(gold {e['gold']}, predicted {e['predicted']}, matched {e['matched']})")
    print(f"  on matched events: targets {result['targets_accuracy']}  fatalities "
          f"{result['fatalities_accuracy']}  exact dates {result['dates_exact']}")
    if c:
        print(f"  claims  P={c['precision']:.3f} R={c['recall']:.3f} F1={c['f1']:.3f} "
              f"(kind right on {c['kind_accuracy']} of matched)")


def governorate_check(shared: Path, workdir: Path) -> None:
    """The governorate of the main strike (most fatalities, then first reported) per article."""
    labels = {}
    for line in (shared / "corpora/fakes-dev/labels.jsonl").read_text().splitlines():
        row = json.loads(line)
        if row["cause_of_death"] == "shelling":
            labels[row["id"]] = row["location"]
    incidents, _, _ = build([str(shared / "corpora/fakes-dev/articles.jsonl")], workdir, "crowd")
    main: dict[str, tuple] = {}
    for line in incidents.read_text().splitlines():
        inc = json.loads(line)
        admin1 = (inc.get("location") or {}).get("admin1")
        killed = (inc.get("fatalities") or {}).get("min") or 0
        for m in inc.get("mentions") or ():
            key = (killed, -m.get("start", 0))
            if m["doc_id"] in labels and (m["doc_id"] not in main or key > main[m["doc_id"]][0]):
                main[m["doc_id"]] = (key, admin1)
    right = Counter()
    for doc_id, gov in labels.items():
        got = main.get(doc_id, (None, None))[1]
        right["with event"] += doc_id in main
        right["right"] += bool(got) and _same_governorate(got, gov)
    n, with_event = len(labels), right["with event"]
    print(f"crowd labels: governorate of the main strike right for {right['right']}/{n} "
          f"shelling articles ({right['right'] / n:.1%}); "
          f"{right['right']}/{with_event} of those with an extracted strike "
          f"({right['right'] / max(with_event, 1):.1%})")


# FA-KES's location labels have no value for Rif Dimashq: Eastern Ghouta and Douma articles are
# labelled "damascus", so that label stands for both governorates.
LABEL_ALSO = {"dimashq": {"rifdimashq"}}


def _key(admin1: str) -> str:
    return "".join(ch for ch in admin1.lower() if ch.isalnum())


def _same_governorate(admin1: str, label: str) -> bool:
    """FA-KES labels are lower-case governorate names ("idlib", "deir ezzor", "damascus")."""
    from strikewatch.geo import load_gazetteer

    gazetteer = load_gazetteer()
    place = gazetteer.resolve(label, country="SY", context=f"{label} province")
    target = _key(getattr(place, "admin1", None) or "")
    return bool(target) and _key(admin1) in {target} | LABEL_ALSO.get(target, set())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--skip-crowd", action="store_true", help="skip the 480-article check")
    args = parser.parse_args()
    scorer = args.shared / "tools/score_events.py"
    if not scorer.exists():
        print(f"needs the shared scorer at {scorer} (pass --shared DIR)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        inc, cl, _ = build([str(ROOT / "samples/mee-2015-10-02-russia-syria.html")], work, "mee")
        show("founding example (mee-2015-10-02-russia-syria)",
             score(scorer, ROOT / "samples/mee-2015-10-02-russia-syria.gold.jsonl", inc, cl))
        for name, title in GOLD_SETS:
            gold = HERE / f"{name}.gold.jsonl"
            if gold.exists():
                inc, cl, _ = build([str(HERE / f"{name}.articles.jsonl")], work, name)
                n = sum(1 for _ in gold.open())
                show(f"{title} ({n} articles)", score(scorer, gold, inc, cl))
        if not args.skip_crowd:
            governorate_check(args.shared, work)
        print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
