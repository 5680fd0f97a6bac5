"""The chain over documents: gate each document's sentences, parse the survivors of many
documents together, run every parsed sentence through the stages, then merge the document's
mentions. Documents not in English yield nothing."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from strikewatch.lexicons import Lexicons, OrgEntry, load_lexicons
from strikewatch.models import Document
from strikewatch.nlp import Sentence, load_pipeline, split_sentences

from .gate import SentenceGate
from .items import filed_from, is_short_item, title_place
from .merge import merge_claims, merge_strikes, with_later_tolls, without_vague
from .sentence import SentenceReader
from .settings import ExtractSettings
from .state import EMPTY, DocState, Extraction
from .strike_model import classifier_for
from .when import reference_date


@dataclass(slots=True)
class _DocPlan:
    """A document's sentences, the indices the gate kept, and their parses once made."""
    sentences: list[Sentence]
    keep: list[int]
    parsed: dict[int, object] = field(default_factory=dict)


class Extractor:
    """The loaded spaCy pipeline, lexicons and gazetteer: built once per process."""

    def __init__(self, *, settings: ExtractSettings | None = None, gazetteer=None):
        self.settings = settings or ExtractSettings()
        # every pattern compiled now, before a batch is timed or a worker forked
        self.lex: Lexicons = load_lexicons(self.settings.lexicon_dir).compile()
        self.nlp = load_pipeline(self.settings.model, lexicon_dir=self.settings.lexicon_dir)
        if gazetteer is None:
            from strikewatch.geo import load_gazetteer

            gazetteer = load_gazetteer()
        self.gazetteer = gazetteer
        self.gate = SentenceGate(self.lex, self.settings, classifier_for(self.settings))
        self.reader = SentenceReader(self.lex, gazetteer, self.settings)

    def extract(self, doc: Document) -> Extraction:
        """One document's strikes and claims."""
        return next(self.extract_many([doc]))[1]

    def worth_reading(self, doc: Document) -> bool:
        """Whether any sentence of ``doc`` could pass the gate (``SentenceGate.may_keep_any``,
        with a short item's fewer words): a document that fails is never split or parsed."""
        return self.gate.may_keep_any(doc.text, short_item=is_short_item(doc, self.settings))

    def extract_many(self, docs: Iterable[Document], *, batch_size: int = 64) -> Iterator[tuple[str, Extraction]]:
        """Extract from many documents, parsing their prefiltered sentences together.

        Documents are taken ``batch_size`` at a time so that memory stays flat on a corpus.
        """
        chunk: list[Document] = []
        for doc in docs:
            chunk.append(doc)
            if len(chunk) >= batch_size:
                yield from self._extract_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._extract_chunk(chunk)

    def candidate_sentences(self, doc: Document) -> list[Sentence]:
        """The sentences the full pipeline parses: what the keyword prefilter keeps."""
        sentences = split_sentences(doc)
        return [sentences[i] for i in self.gate.keep(sentences, short_item=is_short_item(doc, self.settings))]

    def _extract_chunk(self, docs: list[Document]) -> Iterator[tuple[str, Extraction]]:
        """Gate every document of the chunk, parse all the survivors in one stream, then read each
        document: the parser runs fastest on long streams of sentences."""
        self.lex.forget()  # the phrase matchers remember this batch's sentences only
        plans = [self._plan(doc) for doc in docs]
        self._parse([plan for plan in plans if plan is not None])
        for doc, plan in zip(docs, plans):
            if plan is None:
                yield doc.id, EMPTY
                continue
            yield doc.id, self._read_document(doc, plan)

    def _plan(self, doc: Document) -> _DocPlan | None:
        """The sentences of an English document the gate keeps, datelines cut off."""
        if doc.language and not doc.language.lower().startswith("en"):
            return None
        sentences = split_sentences(doc)
        keep = self.gate.keep(sentences, short_item=is_short_item(doc, self.settings))
        self.gate.trim_datelines(sentences, keep)
        return _DocPlan(sentences, keep)

    def _parse(self, plans: list[_DocPlan]) -> None:
        """Parse the kept sentences of all the plans in one stream of batches, each text once:
        a title told again as the body's first sentence, a line two agencies' copies share
        (the parse depends on the words alone, and the stages only read it)."""
        owners = [(plan, si) for plan in plans for si in plan.keep]
        texts = list(dict.fromkeys(plan.sentences[si].text for plan, si in owners))
        parses = dict(zip(texts, self.nlp.pipe(map(_plain_possessives, texts),
                                               batch_size=self.settings.batch_size)))
        for plan, si in owners:
            plan.parsed[si] = parses[plan.sentences[si].text]

    def _known_town(self, name: str) -> bool:
        """The gazetteer knows a town of some size by this name (settings.place_min_population)."""
        return self.gazetteer.is_place(name, min_population=self.settings.place_min_population)

    def _read_document(self, doc: Document, plan: _DocPlan) -> Extraction:
        """Run the parsed sentences through the stages, then merge the document's mentions."""
        short = is_short_item(doc, self.settings)
        place = title_place(doc, self.lex, short_item=short, known_town=self._known_town)
        state = DocState(doc, reference_date(doc), bodies=_NamedBodies(self.lex, doc.text), short_item=short,
                         title_place=place, outlet=_outlet_body(self.lex, doc.source),
                         labour_story=bool(self.lex.labour_story.find(doc.text)),
                         filed_from=filed_from(doc, place))
        for si in plan.keep:
            self.reader.read(state, plan.sentences[si], plan.parsed[si])
        # a headline sums up the body: its strikes count only when the body has none (the
        # body names place, day and attacker more exactly)
        strikes = self.reader.attackers.held_responsible(state.strikes or state.headline, plan.sentences)
        strikes = without_vague(self.lex, self.reader.victims.with_asserted(state, strikes),
                                self.gazetteer)
        # after merging: an unattributed mention of a strike told again is that strike
        merged = list(merge_strikes(strikes, self.lex.site_after_town))
        strikes = tuple(self.reader.attackers.sole_air_power(merged, doc.text, state.voices))
        strikes = with_later_tolls(strikes, state.toll_updates)
        return Extraction(strikes, merge_claims(
            [(state.aliases.get(k, k), c) for k, c in state.claims]))


# a typographic apostrophe of the possessive: "the military’s shelling", "Kiev forces’ shelling"
_CURLY_POSSESSIVE = re.compile(r"(?<=\w)’(?=s\b)|(?<=s)’(?=\s)")


def _plain_possessives(text: str) -> str:
    """The text with its possessives' typographic apostrophes made plain, for the parser: the
    tagger reads "military’s shelling" as "military n’t shelling" (a negated strike) and
    "forces’ shelling" as two clauses, but parses "military's" as the possessive it is. One
    character for one, so every offset into the sentence stays where it was."""
    return _CURLY_POSSESSIVE.sub("'", text)


class _NamedBodies(Mapping):
    """For each role, the one organisation of it the document names, if only one: what "the
    monitor" and "the agency" refer to. Found when first asked: only a sentence whose
    speaker is such a generic name asks, and the bodies' names in a whole article cost as
    much as in all its parsed sentences."""

    def __init__(self, lex: Lexicons, text: str):
        self._lex, self._text = lex, text
        self._found: dict[str, OrgEntry] | None = None

    def _bodies(self) -> dict[str, OrgEntry]:
        if self._found is None:
            seen: dict[str, set] = {}
            for _, _, _, entry in self._lex.orgs.find(self._text):
                seen.setdefault(entry.role, set()).add(entry)
            self._found = {role: next(iter(es)) for role, es in seen.items() if len(es) == 1}
        return self._found

    def __getitem__(self, role: str) -> OrgEntry:
        return self._bodies()[role]

    def __iter__(self) -> Iterator[str]:
        return iter(self._bodies())

    def __len__(self) -> int:
        return len(self._bodies())


def _outlet_body(lex: Lexicons, source: str | None) -> OrgEntry | None:
    """The speaking body whose whole name is the document's outlet: a feed of a command's or a
    ministry's releases ("U.S. Central Command", "Israel Defense Forces") is that body's own
    word on every strike it tells of its forces, as its spokesman's would be."""
    name = (source or "").strip()
    found = lex.orgs.find_in_short(name) if name else []
    return next((body for start, end, _, body in found if start == 0 and end == len(name)), None)
