"""Train the strike classifier: a small spaCy text classifier (bag of words and bigrams, CPU)
that says whether a sentence or short report tells of a strike.

    python scripts/train_strike_classifier.py [--shared ../shared] [--out DIR] [--epochs N]

It reads only the developer parts of the shared corpora (0-based line number not 4 mod 5; the
fixed slices are never opened) and the in-repo fakes-dev gold. The examples (see eval/README,
"The strike classifier"):
- bellingcat-ukraine, cir-ukraine: every description is one strike report -> positive;
- acled-africa-2016: notes with gold events -> positive, notes with ``"events": []`` (riots,
  protests, battles, IEDs) -> negative;
- fakes-dev gold (eval/): sentences naming the place of a gold event -> positive, every
  sentence of an article with no gold event -> negative;
- the other FA-KES articles (../shared/corpora/fakes-dev) whose crowd labels give only a
  shooting, an execution or an explosion as cause of death: up to three sentences of each ->
  negative (a few tell of an air strike in passing: label noise we accept); the articles of
  the eval/ gold sets (fakes-dev, fakes-heldout) are left out;
- ucdp-ukraine is left out: its gold codes ground fighting as well as strikes, so its
  headlines would be positives whether or not they speak of one.
The developer examples are split by a hash of the document id: four fifths train the model,
one fifth is held out and scored. Fixed seed: the same inputs give the same model.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import minibatch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from strikewatch.extract.strike_model import LABEL_OTHER, LABEL_STRIKE, strike_probabilities  # noqa: E402
from strikewatch.models import Document  # noqa: E402
from strikewatch.nlp import split_sentences  # noqa: E402

SHORT_REPORT_CORPORA = ("bellingcat-ukraine", "cir-ukraine", "acled-africa-2016")
# words of a gold place that name no place of their own ("the Syrian city of Homs")
# crowd labels of FA-KES articles that report no strike ("shelling" covers air and ground
# strikes; chemical attacks are often dropped from aircraft; "unknown" says nothing)
NON_STRIKE_CAUSES = {"shooting", "execution", "explosion"}
SENTENCES_PER_NEGATIVE_ARTICLE = 3
PLACE_FILLERS = {"syria", "syrian", "russia", "russian", "turkey", "turkish", "iraq", "city",
                 "province", "governorate", "countryside", "rural", "northern", "southern",
                 "eastern", "western", "central", "the", "near", "town", "village", "district"}


@dataclass(frozen=True, slots=True)
class Sample:
    """One labelled text, with the document it comes from (for the split) and its set."""
    text: str
    strike: bool
    doc_id: str
    source: str


def in_developer_part(index: int) -> bool:
    """The fixed slice (line number 4 mod 5) is never read: see eval/README."""
    return index % 5 != 4


def short_report_samples(corpus_dir: Path) -> list[Sample]:
    """One sample per developer-part document: its text, positive when the gold has events."""
    samples = []
    articles = (corpus_dir / "articles.jsonl").open(encoding="utf-8")
    golds = (corpus_dir / "gold.jsonl").open(encoding="utf-8")
    for index, (article_line, gold_line) in enumerate(zip(articles, golds)):
        if not in_developer_part(index):
            continue
        article, gold = json.loads(article_line), json.loads(gold_line)
        text = (article.get("text") or "").strip() or (article.get("title") or "").strip()
        if text:
            samples.append(Sample(text, bool(gold["events"]), article["id"], corpus_dir.name))
    return samples


def place_words(place: str | None) -> set[str]:
    """The capitalised words of a gold place that name it: "an airbase near the Syrian city of
    Homs" -> {"Homs"}."""
    words = re.findall(r"[A-Z][\w'-]{3,}", place or "")
    return {w for w in words if w.lower() not in PLACE_FILLERS}


def gold_article_samples(articles_path: Path, gold_path: Path) -> list[Sample]:
    """Sentences of the hand-annotated articles: a sentence naming a gold event's place is a
    positive; every sentence of an article without events is a negative. Other sentences of an
    article with events are left out (they may tell of a strike the gold does not place)."""
    golds = {g["doc_id"]: g for g in map(json.loads, gold_path.open(encoding="utf-8"))}
    samples = []
    for article in map(json.loads, articles_path.open(encoding="utf-8")):
        gold = golds[article["id"]]
        names = set().union(*(place_words(e["place"]) for e in gold["events"]))
        for text in article_sentences(article):
            if not gold["events"]:
                samples.append(Sample(text, False, article["id"], "fakes-dev"))
            elif any(re.search(rf"\b{re.escape(n)}\b", text) for n in names):
                samples.append(Sample(text, True, article["id"], "fakes-dev"))
    return samples


def article_sentences(article: dict) -> list[str]:
    """The sentences of an article as the gate sees them, scraps left out."""
    doc = Document(article["id"], article["text"], (), "", title=article.get("title"))
    return [s.text.strip() for s in split_sentences(doc) if len(s.text.strip()) >= 12]


def crowd_negative_samples(corpus_dir: Path, skip_ids: set[str], seed: int) -> list[Sample]:
    """Sentences of FA-KES articles whose every crowd label names a cause other than a strike,
    a few per article (seeded), so that no long article outweighs the rest."""
    causes: dict[str, set[str]] = {}
    for label in map(json.loads, (corpus_dir / "labels.jsonl").open(encoding="utf-8")):
        causes.setdefault(label["id"], set()).add(label["cause_of_death"])
    pick, samples, seen = random.Random(seed), [], set()
    for article in map(json.loads, (corpus_dir / "articles.jsonl").open(encoding="utf-8")):
        doc_id = article["id"]
        if doc_id in seen or doc_id in skip_ids or not causes.get(doc_id, {"?"}) <= NON_STRIKE_CAUSES:
            continue
        seen.add(doc_id)
        sentences = article_sentences(article)
        for text in pick.sample(sentences, min(len(sentences), SENTENCES_PER_NEGATIVE_ARTICLE)):
            samples.append(Sample(text, False, doc_id, "fakes-crowd"))
    return samples


def gold_ids(paths: list[Path]) -> set[str]:
    return {json.loads(line)["doc_id"] for p in paths if p.exists() for line in p.open(encoding="utf-8")}


def is_held_out(sample: Sample) -> bool:
    """One document in five (by a hash of its id, stable across runs) is held out."""
    return int(hashlib.sha1(sample.doc_id.encode()).hexdigest(), 16) % 5 == 0


def family(source: str) -> str:
    """The kind of text a set holds: the FA-KES gold sentences and the crowd-labelled
    negatives are both Syrian news articles."""
    return source.split("-")[0]


def balanced(samples: list[Sample]) -> list[Sample]:
    """Repeat the rarer label of each kind of text until it is at least half as frequent as
    the other (when the kind has both): otherwise the classifier learns the style of a set (a
    Syrian news article, a coder's note) as the label, from the few strikes each holds."""
    out = list(samples)
    for kind in sorted({family(s.source) for s in samples}):
        groups = [[s for s in samples if family(s.source) == kind and s.strike == flag]
                  for flag in (False, True)]
        rare, common = sorted(groups, key=len)
        if rare:
            out += rare * (-(-len(common) // (2 * len(rare))) - 1)  # ceil(common / 2 rare) copies in all
    return out


def blank_classifier() -> spacy.language.Language:
    """English tokenizer + a bag-of-words-and-bigrams textcat: a few MB, fast on CPU, and no
    tagger or parser for the gate to wait on."""
    nlp = spacy.blank("en")
    nlp.add_pipe("textcat", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True,
        "ngram_size": 2, "no_output_layer": False, "length": 2 ** 17}})
    return nlp


def to_example(nlp, sample: Sample) -> Example:
    cats = {LABEL_STRIKE: float(sample.strike), LABEL_OTHER: float(not sample.strike)}
    return Example.from_dict(nlp.make_doc(sample.text), {"cats": cats})


def train(samples: list[Sample], *, epochs: int, seed: int) -> spacy.language.Language:
    """Fit the classifier with a fixed seed and a fixed order of batches."""
    spacy.util.fix_random_seed(seed)
    nlp = blank_classifier()
    examples = [to_example(nlp, s) for s in samples]
    optimizer = nlp.initialize(lambda: examples)
    shuffle = random.Random(seed)
    for epoch in range(epochs):
        shuffle.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        print(f"epoch {epoch + 1}: loss {losses.get('textcat', 0.0):.3f}")
    return nlp


def scores(nlp, samples: list[Sample]) -> dict[str, float]:
    """Precision, recall and F1 of "strike" (probability >= 0.5), and accuracy."""
    predicted = [p >= 0.5 for p in strike_probabilities(nlp, [s.text for s in samples])]
    tp = sum(p and s.strike for p, s in zip(predicted, samples))
    fp = sum(p and not s.strike for p, s in zip(predicted, samples))
    fn = sum(not p and s.strike for p, s in zip(predicted, samples))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    correct = sum(p == s.strike for p, s in zip(predicted, samples))
    return {"n": len(samples), "P": precision, "R": recall, "F1": f1, "acc": correct / len(samples)}


def print_sizes(train_set: list[Sample], held_out: list[Sample]) -> None:
    for name, part in (("train", train_set), ("held out", held_out)):
        by_source: dict[str, list[int]] = {}
        for s in part:
            by_source.setdefault(s.source, [0, 0])[s.strike] += 1
        counts = ", ".join(f"{src} +{pos}/-{neg}" for src, (neg, pos) in sorted(by_source.items()))
        print(f"{name}: {len(part)} examples ({counts})")


def print_scores(nlp, held_out: list[Sample]) -> None:
    groups = {"all": held_out} | {src: [s for s in held_out if s.source == src]
                                  for src in sorted({s.source for s in held_out})}
    for name, part in groups.items():
        r = scores(nlp, part)
        print(f"held out {name:20s} n={r['n']:4d} P={r['P']:.3f} R={r['R']:.3f} "
              f"F1={r['F1']:.3f} acc={r['acc']:.3f}")


def collect(shared: Path, fakes_articles: Path | None, fakes_gold: Path | None,
            seed: int) -> list[Sample]:
    """Every developer-part sample the sets give; a missing shared corpus is an error, the
    FA-KES sets are used when present."""
    samples = []
    for name in SHORT_REPORT_CORPORA:
        corpus = shared / "corpora" / name
        if not (corpus / "gold.jsonl").exists():
            raise SystemExit(f"no {corpus}/gold.jsonl: pass --shared, the folder holding corpora/")
        samples += short_report_samples(corpus)
    if fakes_articles and fakes_gold:
        samples += gold_article_samples(fakes_articles, fakes_gold)
    crowd = shared / "corpora" / "fakes-dev"
    if (crowd / "labels.jsonl").exists():
        eval_golds = [ROOT / "eval/fakes-dev.gold.jsonl", ROOT / "eval/fakes-heldout.gold.jsonl"]
        samples += crowd_negative_samples(crowd, gold_ids(eval_golds + [fakes_gold or Path()]), seed)
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--fakes-articles", type=Path, default=ROOT / "eval/fakes-dev.articles.jsonl")
    parser.add_argument("--fakes-gold", type=Path, default=ROOT / "eval/fakes-dev.gold.jsonl")
    parser.add_argument("--out", type=Path, default=ROOT / "src/strikewatch/data/models/strike-textcat")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    fakes = [p if p.exists() else None for p in (args.fakes_articles, args.fakes_gold)]
    samples = collect(args.shared, *fakes, seed=args.seed)
    train_set = [s for s in samples if not is_held_out(s)]
    held_out = [s for s in samples if is_held_out(s)]
    print_sizes(train_set, held_out)
    fitted = balanced(train_set)
    print(f"train: {len(fitted)} examples once the rarer label of each kind of text is repeated")
    nlp = train(fitted, epochs=args.epochs, seed=args.seed)
    print_scores(nlp, held_out)
    nlp.meta.update(name="strike_textcat", version="1.0.0", license="see README.md",
                    description="Does a sentence report a strike? strikewatch, `make train`")
    nlp.to_disk(args.out)
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
