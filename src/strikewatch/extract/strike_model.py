"""The statistical strike classifier: an optional second opinion for the sentence gate.

The gate's keyword test keeps every sentence with a strike word, whatever it is about. The
classifier (a spaCy bag-of-words textcat trained by ``make train`` on the developer parts of
the shared corpora; see data/models/strike-textcat/README.md) gives the probability that a
sentence reports a strike. ``ExtractSettings.strike_classifier`` says how the gate uses it:
"rules" (keywords only), "model" (the classifier alone decides which sentences may report a
strike) or "both" (a strike sentence needs a strike word and the classifier's yes; only the
keyword survivors are scored, so it costs least)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from strikewatch.errors import StrikewatchError

from .settings import ExtractSettings

LABEL_STRIKE = "STRIKE"
LABEL_OTHER = "OTHER"


class ClassifierError(StrikewatchError):
    """The strike classifier is missing or is not a textcat pipeline with a STRIKE label."""


def packaged_model_dir() -> Path:
    return Path(str(resources.files("strikewatch") / "data" / "models" / "strike-textcat"))


@lru_cache(maxsize=4)
def load_strike_classifier(path: str | None = None):
    """Load the classifier once per process (from the package unless a path is given)."""
    import spacy

    where = Path(path) if path else packaged_model_dir()
    if not (where / "config.cfg").exists():
        raise ClassifierError(f"no strike classifier at {where}: run `make train` to build it")
    nlp = spacy.load(where)
    if "textcat" not in nlp.pipe_names or LABEL_STRIKE not in nlp.get_pipe("textcat").labels:
        raise ClassifierError(f"{where} holds no textcat with a {LABEL_STRIKE} label")
    return nlp


def strike_probabilities(nlp, texts: list[str], batch_size: int = 256) -> list[float]:
    """The probability that each text reports a strike, scored in batches."""
    return [doc.cats[LABEL_STRIKE] for doc in nlp.pipe(texts, batch_size=batch_size)]


class StrikeClassifier:
    """The loaded classifier and the probability from which it says "strike"."""

    def __init__(self, path: str | None = None, threshold: float = 0.5):
        self.nlp = load_strike_classifier(path)
        self.threshold = threshold

    def reports_strike(self, texts: list[str]) -> list[bool]:
        if not texts:
            return []
        return [p >= self.threshold for p in strike_probabilities(self.nlp, texts)]


def classifier_for(settings: ExtractSettings) -> StrikeClassifier | None:
    """The classifier the settings ask the gate for, or None for the keyword rules alone."""
    if settings.strike_classifier == "rules":
        return None
    return StrikeClassifier(settings.strike_classifier_path, settings.strike_threshold)
