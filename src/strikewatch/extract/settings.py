"""The one settings object of extraction: frozen, built once per process, shared by every stage."""

from __future__ import annotations

from dataclasses import dataclass

from strikewatch.nlp import DEFAULT_MODEL


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractSettings:
    """The knobs of extraction, built once; a stage reads what it needs."""
    model: str = DEFAULT_MODEL
    lexicon_dir: str | None = None  # an analyst's copy of data/lexicons, else the packaged one
    batch_size: int = 64  # sentences per nlp.pipe batch
    # a "sentence" longer than this is unsplit page furniture or a table: it is not parsed
    max_sentence_chars: int = 1200
    # a name spaCy did not tag as a place counts as one when the gazetteer knows a town of at
    # least this size by it: GeoNames names hamlets after common words ("Salvation", "Mayor")
    place_min_population: int = 5000
    # a two-word name the gazetteer lacks, opened by a town's name, is one village's ("Kab
    # Elias", "Ram Hamdan", "Mala Komyshuvakha") unless that town is a province's or has at
    # least this many people: a city's name before a capitalised word is the city and a word
    # of its own ("Kharkiv Uni", "Kherson Int. Airport"), not a village abroad's first word
    village_opener_max_population: int = 50_000
    # which sentences may report a strike: "rules" (a strike word), "model" (the trained
    # classifier of strike_model.py), or "both" (a strike word and the classifier's yes).
    # eval/README, "The strike classifier", gives the measurement that chose the default.
    strike_classifier: str = "rules"
    strike_classifier_path: str | None = None  # a model built by `make train`, else the packaged one
    strike_threshold: float = 0.5  # the classifier's probability from which a sentence is a strike
    # a document whose text (less its title) is no longer than this is a short item: a
    # caption, a feed line, a coder's note (triggers.yaml strong_in_short_items). Measured on
    # the shared corpora's developer parts: every incident-log description and headline list
    # falls under it, 96% of the coders' notes, and 5 of 391 FA-KES news articles
    short_item_chars: int = 400

    def __post_init__(self):
        if self.strike_classifier not in ("rules", "model", "both"):
            raise ValueError(f"strike_classifier must be 'rules', 'model' or 'both', "
                             f"not {self.strike_classifier!r}")
