"""The analyst-editable word lists of extraction, loaded from ``data/lexicons/*.yaml``.

Each list becomes a compiled matcher once per process. Matching is on word boundaries and the
longest alias wins; aliases written in capitals ("IS", "US", "WHO") match only in capitals, so
"is" and "who" in running text are not the Islamic State or the World Health Organization.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from . import _regex_cache
from ._yamlconf import load_data
from .actors import AttackerWord as ActorEntry
from .actors import (
    PENDING_CIVIL_DEFENCE,
    PENDING_COALITION_VOICE,
    PENDING_STATE_MEDIA,
    Registry,
    load_registry,
)

# this module as this process loaded it (it writes the patterns): a process started before an
# edit must not file its old code's patterns under the edited code's name
_THIS_CODE = Path(__file__).read_bytes()

__all__ = ["ActorEntry", "Lexicons", "OrgEntry", "PhraseMatcher", "load_actor_names", "load_lexicons",
           "load_target_groups"]


class PhraseMatcher:
    """Find phrases from a list in text: longest first, non-overlapping, with a value each.

    The pattern is compiled on first use (or by :meth:`compile`): compiling every list costs
    ~0.45 CPU s, and a command that reads two of them (``brief``: the actors and the target
    groups) should not pay for the rest. Extraction compiles them all when it loads, or
    reads them compiled from the cache (:meth:`Lexicons.compile`)."""

    def __init__(self, phrases: dict[str, object]):
        self._values = {}
        exact, folded = [], []
        for phrase, value in phrases.items():
            phrase = str(phrase).strip()
            if not phrase:
                continue
            if _all_caps(phrase):
                exact.append(phrase)
                self._values[_norm(phrase)] = value
            else:
                folded.append(phrase)
                self._values[_norm(_fold(phrase))] = value
        self._phrases = (exact, folded)
        self._patterns: tuple[re.Pattern | None, re.Pattern | None] | None = None
        self._recent: dict[str, tuple] = {}
        self._older: dict[str, tuple] = {}
        self._by_word: dict[str, list[tuple[frozenset[str], str]]] | None = None
        self._one_word: frozenset[str] = frozenset()  # the words that are a phrase alone
        self._narrowed: dict[str, PhraseMatcher] = {}  # see find_in_short

    def find(self, text: str) -> list[tuple[int, int, str, object]]:
        """(start, end, matched text, value) for every match, longest wins on overlap."""
        # The entity tagger and several rules ask the same list of the same sentence (the
        # actors and the bodies up to four times each): the answers for the last texts asked
        # are kept, a bounded number, until ``forget`` (extraction forgets them at each batch
        # of documents, so no article profits from an earlier one)
        found = self._recent.get(text)
        if found is None:
            found = self._older.get(text)
            if found is None:
                found = tuple(self._find(text))
            if len(self._recent) >= _RECENT:  # two generations: no per-text bookkeeping
                self._older, self._recent = self._recent, {}
            self._recent[text] = found
        return list(found)

    def find_in_short(self, text: str) -> list[tuple[int, int, str, object]]:
        """:meth:`find`, for a command that asks a long list about a few short texts (the
        brief asks the 4,200 actor names of some sixty claim speakers): only the phrases
        whose every word the text holds are compiled, so the whole list's pattern (~0.19 CPU
        s for the actors') is never built. The matches are :meth:`find`'s: a phrase left out
        matches nowhere in the text, and the others keep their order and values."""
        if self._patterns is not None:  # the whole pattern is built already: use it
            return self.find(text)
        narrowed = self._narrowed.get(text)
        if narrowed is None:
            if len(self._narrowed) >= _RECENT:
                self._narrowed = {}
            narrowed = self._narrowed[text] = self._narrow(text)
        return narrowed.find(text)

    def _narrow(self, text: str) -> PhraseMatcher:
        """A matcher of the phrases whose words (runs of word characters, folded as a match
        is) are all among the text's. A match of a phrase covers whole runs of the text (the
        pattern's edges refuse a word character, its spaces and punctuation match only their
        kind), so a phrase with a word the text lacks cannot match it."""
        words, by_word = _folded_words(text), self._phrases_by_word()
        kept = [phrase for word in (*words, "") for needed, phrase in by_word.get(word, ())
                if needed <= words]
        return PhraseMatcher({phrase: self._values[_norm(phrase if _all_caps(phrase) else _fold(phrase))]
                              for phrase in kept})

    def forget(self) -> None:
        self._recent, self._older, self._narrowed = {}, {}, {}

    def compile(self) -> tuple[re.Pattern | None, re.Pattern | None]:
        """The patterns of the phrases in capitals (matched as written) and of the others
        (case-blind), compiled once."""
        if self._patterns is None:
            exact, folded = self._sources()
            self._patterns = (exact and re.compile(*exact), folded and re.compile(*folded))
        return self._patterns

    def _sources(self) -> tuple[tuple[str, int] | None, tuple[str, int] | None]:
        """What :meth:`compile` compiles: each pattern's source and flags."""
        exact, folded = self._phrases
        return _alternation(exact, 0), _alternation(folded, re.IGNORECASE)

    def _phrases_by_word(self) -> dict[str, list[tuple[frozenset[str], str]]]:
        """The phrases under one word of each ("" for a phrase without a word character), with
        all their words. The word is the one fewest phrases of the list hold, then the
        longest: a text holds every word of a phrase it matches, so any word would do, and
        under its longest word "government" headed 367 of the actors' phrases."""
        if self._by_word is None:
            self._by_word = {}
            phrases = [(_folded_words(p), p) for p in (*self._phrases[0], *self._phrases[1])]
            held = Counter(word for words, _ in phrases for word in words)
            for words, phrase in phrases:
                key = min(words, key=lambda w: (held[w], -len(w), w), default="")
                self._by_word.setdefault(key, []).append((words, phrase))
            self._one_word = frozenset(key for key, phrases in self._by_word.items()
                                       if any(len(words) == 1 for words, _ in phrases))
        return self._by_word

    def _may_match(self, text: str) -> bool:
        """Whether the text holds every word of one of the phrases (see ``_narrow``: a
        phrase with a word the text lacks cannot match it). Most texts asked hold none, and
        the pattern tries its alternatives at every word start of the text."""
        by_word, words = self._phrases_by_word(), _recent_folded_words(text)
        # a phrase of one word is held when its word is: asked in C, before the phrases
        # under the words the text holds are tried one by one
        if "" in by_word or not self._one_word.isdisjoint(words):
            return True
        return any(needed <= words for word in by_word.keys() & words  # the words held, in C
                   for needed, _ in by_word[word])

    def _find(self, text: str) -> list[tuple[int, int, str, object]]:
        return self._scan(text) if self._may_match(text) else []

    def _scan(self, text: str) -> list[tuple[int, int, str, object]]:
        hits = []
        for rx, folded in zip(self.compile(), (False, True)):
            if rx is None:
                continue
            for m in rx.finditer(text):
                key = _norm(_fold(m.group()) if folded else m.group())
                hits.append((m.start(), m.end(), m.group(), self._values[key]))
        out: list[tuple[int, int, str, object]] = []
        for h in sorted(hits, key=lambda h: (-(h[1] - h[0]), h[0])):
            if all(h[1] <= o[0] or h[0] >= o[1] for o in out):
                out.append(h)
        return sorted(out, key=lambda h: h[0])

    def search(self, text: str) -> bool:
        return any(rx is not None and rx.search(text) for rx in self.compile())


# how many recent texts each matcher remembers its answer for: the sentences of one parse
# batch of articles (the tagger reads them all before the rules do)
_RECENT = 1024


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s)


# ``re``'s case-blind matching pairs letters whose lower() differ (the long s and s, the
# rounded Cyrillic ve and в, the Turkish dotless and dotted i and i): a text spelled with them,
# by chance or to slip past a filter, must find its phrase's value. casefold() pairs all of
# them but the Turkish i's (checked over every code point against re's pairing)
_TURKISH_I = str.maketrans({"\u0131": "i", "\u0130": "i"})


def _fold(s: str) -> str:
    return s.translate(_TURKISH_I).casefold()


_WORD_CHARS = re.compile(r"\w+")


def _folded_words(text: str) -> frozenset[str]:
    if text.isascii():  # casefold() is lower() there, and lowering keeps every word's edges
        return frozenset(_WORD_CHARS.findall(text.lower()))
    return frozenset(_fold(w) for w in _WORD_CHARS.findall(text))


_words_of_recent: dict[str, frozenset[str]] = {}
_words_of_older: dict[str, frozenset[str]] = {}


def _recent_folded_words(text: str) -> frozenset[str]:
    """``_folded_words``, kept for the last texts asked: a dozen matchers ask one sentence.
    Two generations, as ``PhraseMatcher.find`` keeps its answers."""
    global _words_of_recent, _words_of_older
    words = _words_of_recent.get(text)
    if words is None:
        words = _words_of_older.get(text)
        if words is None:
            words = _folded_words(text)
        if len(_words_of_recent) >= _RECENT:
            _words_of_older, _words_of_recent = _words_of_recent, {}
        _words_of_recent[text] = words
    return words


def _all_caps(phrase: str) -> bool:
    # most phrases are refused in C: in ASCII, letters are the only characters with a case
    # (beyond it, a small Roman numeral has a case and is no letter)
    if phrase.isascii() and not phrase.isupper():
        return False
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def alternation(phrases) -> str:
    """A regex alternation of lexicon phrases: longer phrases first (so "air strikes" wins over
    "air"), any run of whitespace between their words. Shared by every lexicon-built pattern."""
    parts = sorted({str(p).strip() for p in phrases}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)


def _alternation(phrases: list[str], flags: int) -> tuple[str, int] | None:
    if not phrases:
        return None
    folded = bool(flags & re.IGNORECASE)
    tails = [(len(p), _atoms(p)) for p in sorted({str(p).strip() for p in phrases}, key=len,
                                                  reverse=True)]
    return r"(?<![\w-])(?:" + _trie(tails, folded) + r")(?![\w-])", flags


def _atoms(phrase: str) -> tuple[str, ...]:
    """The phrase as ``alternation`` writes it, one regex atom a character: its characters
    escaped, any run of whitespace between its words."""
    return tuple(atom for k, word in enumerate(phrase.split())
                 for atom in ((r"\s+",) if k else ()) + tuple(re.escape(c) for c in word))


def _trie(tails: list[tuple[int, tuple[str, ...]]], folded: bool) -> str:
    """:func:`alternation` of the phrases' tails (longest phrase first), written as a trie:
    ``re`` tries every alternative at every word start, and the actors' 4,200 names, grouped
    by their first character only, were still most of the phrase lists' time. Alternatives
    whose next atoms differ never match at one place (two ASCII letters, case-blind or not,
    match no character in common, nor does a letter match whitespace), so each branch keeps
    its phrases' longest-first order and a phrase that ends here comes last: the matches are
    the plain alternation's. Where a next atom is a letter beyond ASCII, case-blind (the long
    s and s match alike), the tails stay a plain alternation, in order."""
    if folded and any(atoms and not atoms[0].isascii() for _, atoms in tails):
        return "|".join("".join(atoms) for _, atoms in tails)
    branches: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    ends = False
    for n, atoms in tails:
        if atoms:
            branches.setdefault(atoms[0].lower() if folded else atoms[0], []).append((n, atoms[1:]))
        else:
            ends = True
    parts = []
    for first, rest in branches.items():
        if len(rest) == 1:
            parts.append(first + "".join(rest[0][1]))
        else:
            parts.append(first + "(?:" + _trie(rest, folded) + ")")
    return "|".join(parts + ([""] if ends else []))


@dataclass(frozen=True, slots=True)
class OrgEntry:
    """A speaking body as the claim speakers see it: its name, its role, the state it speaks
    for (None for monitors, independent media, armed groups and unnamed speakers), and the
    armed group it is, or is the voice of (the registry code: "Houthis" for Yahya Saree), whose
    own act "the group had targeted Eilat" tells."""

    org: str | None
    role: str
    country: str | None
    group: str | None = None


# what a state's forces are called when they speak: "Ukraine's military said it had struck ..."
_SPEAKING_FORCE_WORDS = ("military", "army", "armed forces", "air force", "navy")


def _state_force_voices(registry: Registry):
    """ "Ukraine's military", "the Sudanese army", "Israel's air force": a state's forces,
    named by its demonym, speak for that state as a belligerent, as their named commands do."""
    for body in registry.striking_entries():
        if body.is_state:
            voice = OrgEntry(body.name, "belligerent", body.country)
            for demonym in body.demonyms:
                for word in _SPEAKING_FORCE_WORDS:
                    yield f"{demonym} {word}", voice


# an alias that is a force's own name, not a word for its state ("Islamic Jihad", "KNDF"; not
# "Russian", "U.S."): several words, or an acronym of three or more capitals
_FORCE_NAME = re.compile(r"\S+\s.*|[A-Z0-9][A-Z0-9/-]{2,}")


def _force_voices(registry: Registry):
    """ "Palestinian Islamic Jihad denied", "according to the KNDF", "the Government of National
    Accord accused", "the Israel Defense Forces said": a force speaks under its own names, its
    registry name among them, as a belligerent, though the registry quotes no spokesman of it;
    and "Kataib Hezbollah" is the PMF's name, not Hezbollah's."""
    for body in registry.striking_entries():
        voice = OrgEntry(body.name, "belligerent", registry.speaks_for_state(body),
                         registry.armed_group_of(body))
        for alias in dict.fromkeys((body.name, *body.aliases)):
            if _FORCE_NAME.fullmatch(alias):
                yield alias, voice


# the subject of a ministry or a minister's office, by the words that name it
_OFFICE_SUBJECTS = (("defence", re.compile(r"\bdefen[cs]e\b", re.IGNORECASE)),
                    ("foreign", re.compile(r"\bforeign\b", re.IGNORECASE)),
                    ("interior", re.compile(r"\binterior\b", re.IGNORECASE)),
                    ("health", re.compile(r"\bhealth\b", re.IGNORECASE)))


def office_subject(name: str) -> str | None:
    """ "Ministry of Defence of Russia", "defence minister" -> "defence"; None for no ministry
    or office of those subjects ("Israel Defense Forces" is a force, not a ministry)."""
    if not re.search(r"\bminist", name, re.IGNORECASE):
        return None
    return next((subject for subject, words in _OFFICE_SUBJECTS if words.search(name)), None)


class Lexicons:
    """Every lexicon of extraction, compiled. Build with :func:`load_lexicons`."""

    def __init__(self, data: dict[str, dict], registry: Registry):
        alias_map = registry.attacker_aliases()
        self._read_actors(data["attacker_cues"], registry, alias_map)
        self._read_groups(data["groups"])
        self._read_triggers(data["triggers"])
        self._read_weapons(_with_designation_spellings(data["weapons"]))
        self._read_attribution(data["attribution"])
        self.hedges = PhraseMatcher({p: True for p in data["hedges"]["hedges"]})
        self._read_speakers(data["speakers"], registry)
        self._read_places(data["places"])
        # a capitalised name right after one of these is a person's (entities.yaml)
        self.person_titles = frozenset(str(w) for w in data["entities"]["titles"])
        weapons = _with_designation_spellings(data["weapons"])
        self._read_base_forms(data["triggers"], data["attribution"], weapons, data["places"])
        self._read_prefilter(data["triggers"], data["attribution"], weapons, alias_map)
        self._read_strike_words()
        self._read_title_stop_words(data["triggers"])
        self._recent_words: dict[str, _TextWords] = {}  # see _words

    def _read_actors(self, cues: dict, registry: Registry, alias_map: dict) -> None:
        # each force once, a state's main forces first (a belligerent's voice names its state's)
        self.actor_entries: list[ActorEntry] = list(dict.fromkeys(
            w for w in alias_map.values() if w.resolve is None))
        # the coalition of the strike's theatre, settled after geocoding: what a coalition's
        # voice ("a coalition spokesman said ...") claims is its strike
        self.theatre_coalition = next(w for w in alias_map.values() if w.resolve == "coalition")
        self.actors = PhraseMatcher(alias_map)
        self.demonym_forces = registry.demonym_forces()
        self.not_actors = PhraseMatcher({p: True for p in registry.not_actors})
        self.open_attacker = PhraseMatcher({p: True for p in cues.get("open_attacker") or ()})
        self.affiliation = frozenset(w.lower() for w in cues.get("affiliation") or ())
        self.laid_at = frozenset(tuple(str(p).lower().split()) for p in cues.get("laid_at") or ())
        self.responsibility = PhraseMatcher({p: True for p in cues.get("responsibility") or ()})
        self.struck_nouns = frozenset(w.lower() for w in cues.get("struck_nouns") or ())
        self.accusation_verbs = frozenset(f for v in cues.get("accusation_verbs") or ()
                                          for f in _forms(str(v)))
        self.capitals = frozenset(c for e in self.actor_entries for c in e.capitals)
        # the bare words a state's military voice calls its own forces ("the army"), lower case
        self.own_force_words = frozenset(
            str(w).lower() for w in registry.generic.get("own_force_words") or ())
        # land named after a force ("DPR"): unlike a seat of government ("Kiev troops"), its
        # name on a person says where the person is ("a DPR militiaman killed in shelling")
        self.territories = frozenset(t for e in registry.entries for t in e.territories)
        # a state's adjective ("Ethiopian", "Azerbaijani"): in "the Ethiopian town of Adi
        # Daero" it says whose the town is, and is no word of its name; nor in "the Kuwaiti
        # hospital in Rafah" (the registry's states' and the gazetteer's demonyms.csv)
        self.demonyms = frozenset(d.lower() for e in registry.entries for d in e.demonyms
                                  if "'" not in d and "’" not in d) | _gazetteer_demonyms()
        # a state's adjective -> the state: "Syrian Defence Minister ..." speaks for Syria's
        self.state_demonyms = {d.lower(): e.country for e in registry.entries if e.is_state
                               for d in e.demonyms if "'" not in d and "’" not in d}
        # a state's name in its possessive -> the state: "Ethiopia's government denied ..."
        self.state_possessives = {d.lower()[:-2]: e.country for e in registry.entries
                                  if e.is_state for d in e.demonyms if d.endswith(("'s", "’s"))}
        # a state's seat of government -> the state: "the defence ministry in Kyiv said"
        self.state_capitals = {c: e.country for e in registry.entries if e.is_state
                               for c in e.capitals}

    def _read_groups(self, g: dict) -> None:
        self.groups = _group_matcher(g)
        self.facilities = PhraseMatcher({p: cat for cat, ps in (g.get("facilities") or {}).items() for p in ps})
        cues = sorted((str(c) for c in g.get("not_target_cues") or ()), key=len, reverse=True)
        # a cue right before the group, allowing a determiner or "only": "rather than the IS"
        self.not_target_cue = re.compile(
            r"(?<![\w-])(?:" + "|".join(r"\s+".join(map(re.escape, c.split())) for c in cues)
            + r")\s+(?:(?:the|a|an|only|just)\s+)?$", re.IGNORECASE) if cues else None

    def _read_triggers(self, t: dict) -> None:
        self.strong_nouns = frozenset(w.lower() for w in t["strong"]["nouns"] if " " not in w)
        self.strong_verbs = frozenset(w.lower() for w in t["strong"]["verbs"])
        self.weak_nouns = frozenset(w.lower() for w in t["weak"]["nouns"])
        self.weak_verbs = frozenset(w.lower() for w in t["weak"]["verbs"])
        self.flown_verbs = frozenset(w.lower() for w in t["flown_verbs"])
        self.strong_phrases = PhraseMatcher({w: True for w in t["strong"]["nouns"] if " " in w})
        # verbs whose -ing form is a preposition of time: "destruction in Odesa following shelling"
        self.sequels = frozenset(w.lower() for w in t.get("sequels") or ())
        self.answers = frozenset(w.lower() for w in t.get("answers") or ())
        self.beside_openers = frozenset(w.lower() for w in t.get("beside_openers") or ())
        self.defenders = frozenset(w.lower() for w in t.get("defenders") or ())
        self.short_item_nouns = frozenset(w.lower() for w in (t.get("strong_in_short_items") or {}).get("nouns", ()))
        self.aimed_short_item_nouns = frozenset(
            w.lower() for w in (t.get("strong_in_short_items") or {}).get("aimed", ()))
        self.strengthen = frozenset(w.lower() for w in t["strengthen"])
        self.ground_units = frozenset(w.lower() for w in t.get("ground_units") or ())
        self.continuation = frozenset(w.lower() for w in t.get("continuation") or ())
        self.more_of_the_same = frozenset(w.lower() for w in t.get("more_of_the_same") or ())
        self.strikes_told_verbs = frozenset(w.lower() for w in t.get("strikes_told_verbs") or ())
        self.same_day = PhraseMatcher({w: True for w in t.get("same_day") or ()})
        self.whereabouts_markers = frozenset(w.lower() for w in t.get("whereabouts_markers") or ())
        walkout = t["labour_strike"]["phrases"]
        self.not_strikes = PhraseMatcher({w: True for w in (*t["not_strikes"], *walkout)})
        self.labour_story = PhraseMatcher({w: True for w in (*walkout, *t["labour_strike"]["story"])})
        self.strikers = frozenset(w.lower() for w in t["labour_strike"]["strikers"])
        self.hand_arms = PhraseMatcher({w: True for w in t.get("hand_arms") or ()})
        self.campaign = PhraseMatcher({w: True for w in t["campaign"]})
        self.campaign_exceptions = PhraseMatcher({w: True for w in t.get("campaign_exceptions") or ()})
        self.tallies = PhraseMatcher({w: True for w in t.get("tallies") or ()})
        self.acts_by_strike = frozenset(w.lower() for w in t.get("acts_by_strike") or ())
        self.ground_means = frozenset(w.lower() for w in t.get("ground_means") or ())
        self.logged_attacks = frozenset(w.lower() for w in t.get("logged_attacks") or ())
        self.interceptions = PhraseMatcher({w: True for w in t.get("interceptions") or ()})
        self.interception_impacts = PhraseMatcher(
            {w: True for w in t.get("interception_impacts") or ()})
        self.hypothetical = frozenset(w.lower() for w in t["hypothetical"] if " " not in w)
        self.hypothetical_phrases = PhraseMatcher({w: True for w in t["hypothetical"] if " " in w})
        self.ongoing = frozenset(w.lower() for w in t.get("ongoing") or ())
        self.told_as_fact = frozenset(w.lower() for w in t.get("told_as_fact") or ())
        self._read_effects(t)
        self._read_munition_verbs(t)

    def _read_effects(self, t: dict) -> None:
        """What short items report a strike by: its effects and the remnants it left."""
        effects = t.get("effects_in_short_items") or {}
        self.effect_nouns = frozenset(w.lower() for w in effects.get("nouns") or ())
        self.effect_participles = frozenset(w.lower() for w in effects.get("participles") or ())
        self.effect_attributes = frozenset(w.lower() for w in effects.get("attributes") or ())
        self.effect_doers = frozenset(w.lower() for w in effects.get("doers") or ())
        self.effect_media = frozenset(w.lower() for w in effects.get("media") or ())
        self.effects_not_strikes = PhraseMatcher({w: True for w in t.get("effects_not_strikes") or ()})
        self.effects_ground_losses = PhraseMatcher({w: True for w in t.get("effects_ground_losses") or ()})
        self.effects_not_ground_losses = PhraseMatcher(
            {w: True for w in t.get("effects_not_ground_losses") or ()})
        remnants = t.get("munition_remnants") or {}
        self.remnant_nouns = frozenset(w.lower() for w in remnants.get("nouns") or ())
        self.remnant_verbs = frozenset(w.lower() for w in remnants.get("verbs") or ())
        self.remnant_places = frozenset(w.lower() for w in remnants.get("places") or ())
        self.munitions_not_fired = PhraseMatcher({w: True for w in t.get("munitions_not_fired") or ()})

    def _read_munition_verbs(self, t: dict) -> None:
        """The verbs a munition is said to hit, be fired, fail, be used or be claimed by."""
        self.impact_verbs = frozenset(w.lower() for w in t.get("impact_verbs") or ())
        self.firing_verbs = frozenset(w.lower() for w in t.get("firing_verbs") or ())
        self.dropping_verbs = frozenset(w.lower() for w in t.get("dropping_verbs") or ())
        self.dud_verbs = frozenset(w.lower() for w in t.get("dud_verbs") or ())
        used = t.get("munition_used") or {}
        self.use_words = frozenset(w.lower() for w in used.get("words") or ())
        self.use_places = frozenset(w.lower() for w in used.get("places") or ())
        self.striking_arms = frozenset(w.lower() for w in t.get("striking_arms") or ())
        self.backing_participles = frozenset(w.lower() for w in t.get("backing_participles") or ())
        self.claimed_verbs = frozenset(w.lower() for w in t.get("claimed_verbs") or ())

    def _read_weapons(self, w: dict) -> None:
        self.weapons = PhraseMatcher({**{p: "aircraft" for p in w["aircraft"]}, **{p: "munition" for p in w["munitions"]}})
        self.aircraft_words = frozenset(p.lower() for p in w["aircraft"] if " " not in p)
        self.munition_words = frozenset(p.lower() for p in w["munitions"] if " " not in p)
        self.arms_nouns = frozenset(p.lower() for p in w.get("arms_nouns") or ())
        self.dropped_only = frozenset(p.lower() for p in w.get("dropped_only") or ())
        self.aircraft_people_too = frozenset(p.lower() for p in w.get("people_too") or ())
        self.fired_as_munitions = frozenset(p.lower() for p in w.get("fired_as_munitions") or ())
        self.volleys = frozenset(p.lower() for p in w.get("volleys") or ())
        self.showcases = frozenset(p.lower() for p in w.get("showcases") or ())
        # the last word of a munition's name of several words: "phosphorus" of "white phosphorus"
        self.munition_last_words = frozenset(p.split()[-1].lower() for p in w["munitions"]
                                             if " " in p)
        # a weak strike word a weapon qualifies is a strike ("a Shahed attack", "an S-300
        # strike", "Bayraktar strikes"), as the listed strengtheners are; not a munition that
        # is planted as often as fired ("a bomb attack")
        planted = frozenset(p.lower() for p in w.get("planted") or ())
        self.strengthen = self.strengthen | (self.munition_words | self.aircraft_words) - planted

    def _read_attribution(self, at: dict) -> None:
        self.report_verbs = frozenset(v.lower() for v in at["verbs"])
        self.verb_kinds = {v: k for k, vs in at["kinds"].items() for v in vs}
        self.attribution_phrases = PhraseMatcher({p: True for p in at["phrases"]})
        self.statement_nouns = frozenset(w.lower() for w in at.get("statement_nouns") or ())
        self.continuing_verbs = frozenset(w.lower() for w in at.get("continuing_verbs") or ())
        self.demand_verbs = frozenset(f for v in at.get("demand_verbs") or () for f in _forms(str(v)))
        self.claim_words = {k: PhraseMatcher({p: True for p in ps}) for k, ps in at["claim_words"].items()}
        self.strike_lemmas = frozenset(v.lower() for v in at.get("denied_when_negated") or ())
        self.interception = PhraseMatcher({p: True for p in at.get("interception") or ()})
        self.own_possessives = frozenset(w.lower() for w in at["owned_strike"]["possessives"])
        self.own_subjects = frozenset(w.lower() for w in at["owned_strike"]["subjects"])

    def _read_speakers(self, sp: dict, registry: Registry) -> None:
        orgs: dict[str, OrgEntry] = {}
        for body in registry.speakers():
            entry = OrgEntry(body.name, body.role or "other", registry.speaks_for_state(body),
                             registry.armed_group_of(body))
            for name in body.speaker_names:
                orgs.setdefault(name, entry)
                # FA-KES text lost its apostrophes: "Russias Defense Ministry"
                orgs.setdefault(name.replace("'s ", "s "), entry)
        quoted = {name.casefold() for name in orgs}  # a body quoted under the name keeps it
        for name, entry in (*_state_force_voices(registry), *_force_voices(registry)):
            if name.casefold() not in quoted:
                orgs.setdefault(name, entry)
        # "the civil defence" alone: the service of the story's country, settled after geocoding
        civil_defence = OrgEntry(PENDING_CIVIL_DEFENCE, "monitor", None)
        for name in registry.generic.get("civil_defence_words") or ():
            orgs.setdefault(str(name), civil_defence)
        # "state media" alone: the state media of the story's country, settled likewise
        state_media = OrgEntry(PENDING_STATE_MEDIA, "media", None)
        for name in registry.generic.get("state_media_words") or ():
            orgs.setdefault(str(name), state_media)
        # "a coalition spokesman": the voice of the theatre's coalition, settled likewise
        coalition = OrgEntry(PENDING_COALITION_VOICE, "belligerent", None)
        for name in registry.generic.get("coalition_voice_words") or ():
            orgs.setdefault(str(name), coalition)
        self.orgs = PhraseMatcher(orgs)
        self.generic_speakers = PhraseMatcher(
            {p: OrgEntry(None, role, None) for role, ps in sp["generic"].items() for p in ps})

        self.country_bodies = PhraseMatcher({str(k): v for k, v in (sp.get("country_bodies") or {}).items()})
        self.org_of: dict[tuple[str, str], OrgEntry] = {}  # (country, role) -> its first body
        # (country, subject) -> its ministry of that subject: "defence", "foreign", "interior"
        self.ministry_of: dict[tuple[str, str], OrgEntry] = {}
        for entry in orgs.values():
            if entry.country:
                self.org_of.setdefault((entry.country, entry.role), entry)
                if (subject := office_subject(entry.org or "")) is not None:
                    self.ministry_of.setdefault((entry.country, subject), entry)
        # generic names that refer back to the one body of their role the story names
        self.definite_speakers = frozenset(str(p).lower() for ps in (sp.get("definite") or {}).values() for p in ps)
        self.from_body = frozenset(str(w).lower() for w in sp.get("from_body") or ())
        self.seat_nouns = tuple(str(w).lower() for w in sp.get("seat_nouns") or ())

    def _read_places(self, pl: dict) -> None:
        self.place_heads = {w.lower(): prec for prec, ws in pl["heads"].items() for w in ws}
        self.feature_heads = frozenset(w.lower() for w in pl["heads"].get("region") or ())
        self.feature_before = frozenset(w.lower() for w in pl.get("feature_before") or ())
        self.of_phrases = frozenset(w.lower() for w in pl["of_phrases"])
        self.city_parts = frozenset(w.lower() for w in pl.get("city_parts") or ())
        self.city_centres = frozenset(w.lower() for w in pl.get("city_centre_nouns") or ())
        self.holding_features = frozenset(w.lower() for w in pl.get("holding_features") or ())
        self.unit_nouns = frozenset(w.lower() for w in pl.get("unit_nouns") or ())
        self.unit_after_in = frozenset(w.lower() for w in pl.get("unit_after_in") or ())
        self.landmark_nouns = frozenset(w.lower() for w in pl.get("landmark_nouns") or ())
        self.landmark_name_ends = frozenset(w.lower() for w in pl.get("landmark_name_ends") or ())
        sites = sorted((str(w) for w in pl.get("site_nouns_after_town") or ()), key=len, reverse=True)
        self.site_after_town = re.compile(
            r"\s+(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in sites) + r")$",
            re.IGNORECASE) if sites else re.compile(r"(?!)")
        # the nouns whose state adjective says whose a place is ("the Lebanese town of",
        # "the Saudi hospital"), not who struck it
        self.owned_place_nouns = self.of_phrases | self.unit_nouns | self.landmark_nouns
        self.regions = frozenset(w.lower() for w in pl["regions"])
        self.not_here = frozenset(w.lower() for w in pl["not_here"])
        self.kin_nouns = frozenset(w.lower() for w in pl["kin_nouns"])
        self.owner_nouns = frozenset(w.lower() for w in pl.get("owner_nouns") or ())
        self.clock_nouns = frozenset(w.lower() for w in pl.get("clock_nouns") or ())
        self.beside_venues = frozenset(w.lower() for w in pl.get("beside_venues") or ())
        self.naming_verbs = frozenset(f for w in pl.get("naming_verbs") or () for f in _forms(str(w)))
        self.spoken_of = frozenset(f for w in pl.get("spoken_of") or () for f in _forms(str(w)))
        self.not_places = frozenset(w.lower() for w in pl["not_places"])
        self.country_prefix = frozenset(w.lower() for w in pl["country_prefix"])
        self.force_nouns = frozenset(w.lower() for w in pl.get("force_nouns") or ())
        self.unit_name_nouns = frozenset(w.lower() for w in pl.get("unit_name_nouns") or ())
        self.saint_titles = frozenset(str(w) for w in pl.get("saint_titles") or ())
        self.report_title_words = frozenset(w.lower() for w in pl.get("report_title_words") or ())
        self.consecrated_nouns = frozenset(w.lower() for w in pl.get("consecrated_nouns") or ())
        self.victim_verbs = frozenset(w.lower() for w in pl.get("victim_verbs") or ())
        self.place_prepositions = frozenset(w.lower() for w in pl.get("place_prepositions") or ())
        self.name_heads = frozenset(w.lower() for w in pl["name_heads"])
        self.place_only_heads = frozenset(str(w) for w in pl.get("place_only_heads") or ())
        self.list_openers = frozenset(w.lower() for w in pl["list_openers"])
        articles = "|".join(re.escape(str(a)) for a in pl.get("glued_articles") or ())
        descriptors = "|".join(re.escape(str(d)) for d in pl.get("name_descriptors") or ())
        self.glued_descriptor = re.compile(rf"(?:{articles})(?:{descriptors})", re.IGNORECASE) \
            if articles and descriptors else re.compile(r"(?!)")

    def _read_base_forms(self, t: dict, at: dict, w: dict, pl: dict) -> None:
        # Base forms of the lexicon's own words, so the pipeline runs without its lemmatizer:
        # regular inflections are generated, irregular ones listed in triggers.yaml.
        self._base: dict[str, str] = {}
        for word in sorted({str(x).lower() for x in (
                *t["strong"]["nouns"], *t["strong"]["verbs"], *t["weak"]["nouns"], *t["weak"]["verbs"],
                *t["strengthen"], *t["hypothetical"], *at["verbs"], *w["aircraft"], *pl["not_here"],
                *(t.get("impact_verbs") or ()), *(t.get("firing_verbs") or ()),
                *(t.get("claimed_verbs") or ()), *(t.get("sequels") or ()),
                *((t.get("munition_used") or {}).get("words") or ()), *(t.get("dud_verbs") or ()))
                if " " not in str(x)}, key=len):
            for form in _forms(word):
                self._base.setdefault(form, word)
        self._base.update({k.lower(): v.lower() for k, v in (t.get("irregular") or {}).items()})

    def _read_title_stop_words(self, t: dict) -> None:
        # every form of a strike word, and a report's kind ("Situation Report"): a title
        # holding one is a headline, not a place name
        self.title_stop_words = frozenset(_all_forms([
            *t["strong"]["nouns"], *t["strong"]["verbs"], *t["weak"]["nouns"], *t["weak"]["verbs"],
            *(t.get("impact_verbs") or ()), *(t.get("firing_verbs") or ()), "struck",
            *self.report_title_words]))

    def _read_prefilter(self, t: dict, at: dict, w: dict, alias_map: dict) -> None:
        # The prefilter: word sets over a sentence's words, so the parser sees only what can
        # matter. One pass over the words replaces dozens of regex searches per sentence.
        # It asks what extraction itself needs: a strike word that is strong, or weak with a
        # state's forces or an aircraft to support it; a weapon without a strike word
        # ("Russian warplanes flew over Idlib") makes no event, and a speaker's words about
        # one are kept by the claim test. Measured on the founding example and fakes-dev:
        # the same events and claims from 2% fewer parsed sentences.
        strengthened = [f"{a} {n}" for a in self.strengthen for n in t["weak"]["nouns"]]
        self.prefilter_strong = _WordIndex(_all_forms([*t["strong"]["nouns"], *t["strong"]["verbs"],
                                                       *strengthened]))
        self.state_actors = PhraseMatcher({a: e for a, e in alias_map.items() if e.state})
        self.prefilter_support = _WordIndex([*(a for a, e in alias_map.items() if e.state), *w["aircraft"]],
                                            caps=True)
        # a verb of launching counts as a weak word: with an aircraft as its subject it is one
        self.prefilter_weak = _WordIndex(_all_forms([*t["weak"]["nouns"], *t["weak"]["verbs"],
                                                     *t["flown_verbs"], "struck"]))
        # a munition with a verb of landing, firing or hitting: "Civilian homes hit by
        # artillery", "A missile landed outside the hospital", "Rocket motor impacted in ..."
        self.passive_hit_verbs = frozenset(w.lower() for w in t.get("passive_hit_verbs") or ())
        self.prefilter_munition = _WordIndex([*w["munitions"], *(w.get("dropped_only") or ())])
        hit = sorted(_all_forms([*(t.get("passive_hit_verbs") or ()), "struck"]))
        self.prefilter_passive_hit = _WordIndex(f"{be} {verb}" for be in ("is", "are", "was", "were", "been", "being")
                                                for verb in hit)
        self.prefilter_short_item = _WordIndex([
            *hit, *self.short_item_nouns, *self.aimed_short_item_nouns, *self.effect_nouns,
            *self.effect_participles, *self.effect_attributes, *self.logged_attacks,
            *w["munitions"]])
        self.prefilter_munition_verbs = _WordIndex(_all_forms([
            *t["weak"]["verbs"], *(t.get("impact_verbs") or ()), *(t.get("firing_verbs") or ()),
            *((t.get("munition_used") or {}).get("words") or ()), "struck", "fell"]))
        # fire at a place ("Invaders fired at Mykolaiv"); an arm that strikes from afar and
        # destroyed something ("Russian artillery destroyed a depot near Stepanivka")
        self.prefilter_fire_at = _WordIndex(f"{verb} {prep}" for verb in _all_forms(t.get("firing_verbs") or ())
                                            for prep in ("at", "on", "upon"))
        self.prefilter_arms = _WordIndex([*(t.get("striking_arms") or ()), *w["munitions"], *w["aircraft"]])
        self.prefilter_destroyed = _WordIndex(_all_forms(t.get("claimed_verbs") or ()))
        self.prefilter_claim = _WordIndex(_all_forms([*at["verbs"], "said", "told", "according", "quoted"]))
        # a statement of fire stopped ("air defences shot down 12 drones") is a claim too
        self.prefilter_claim_words = _WordIndex(
            [*(p for k, ps in at["claim_words"].items() if k != "target" for p in ps),
             *(at.get("interception") or ())], caps=True)

    def _read_strike_words(self) -> None:
        # each way ``may_report_strike`` can pass needs a hit of one of these indices (of a
        # pair's first), so a text with none of their words fails every test: most of a
        # story's sentences, and most documents of a general news stream
        self._strike_words = frozenset().union(*(index.needed_words() for index in (
            self.prefilter_strong, self.prefilter_passive_hit, self.prefilter_short_item,
            self.prefilter_munition, self.prefilter_fire_at, self.prefilter_arms,
            self.prefilter_weak)))

    def forget(self) -> None:
        """Drop every matcher's remembered answers (:meth:`PhraseMatcher.find`)."""
        for matcher in self._matchers():
            matcher.forget()

    def compile(self, *, cache_dir: Path | None = None) -> Lexicons:
        """Compile every matcher's pattern now (each compiles on first use otherwise):
        extraction uses them all, and compiles them before its worker processes fork, so
        that they share the patterns and no batch pays for compiling them. Compiled once
        for a set of phrases and kept in the cache (``_regex_cache``): compiling them cost
        each extraction run ~0.5 CPU s of its serial start-up."""
        matchers = [m for m in dict.fromkeys(self._matchers()) if m._patterns is None]
        if not matchers:
            return self
        phrases = json.dumps([m._phrases for m in matchers], ensure_ascii=False).encode()
        patterns = _regex_cache.compiled(
            "lexicon-patterns", _THIS_CODE + phrases, 2 * len(matchers),
            lambda: [source for m in matchers for source in m._sources()], cache_dir=cache_dir)
        for k, matcher in enumerate(matchers):
            matcher._patterns = (patterns[2 * k], patterns[2 * k + 1])
        return self

    def _matchers(self) -> Iterator[PhraseMatcher]:
        for value in vars(self).values():
            for matcher in value.values() if isinstance(value, dict) else (value,):
                if isinstance(matcher, PhraseMatcher):
                    yield matcher

    def base(self, word: str) -> str:
        """The lexicon word a lowercased form inflects ("said" -> "say"), else the form itself."""
        return self._base.get(word, word)

    @cached_property
    def strike_verb_forms(self) -> frozenset[str]:
        """Every form of the strike verbs, strong and weak ("struck", "shelled", "targeted")."""
        verbs = self.strong_verbs | self.weak_verbs
        return verbs | frozenset(form for form, word in self._base.items() if word in verbs)

    def may_report_strike(self, text: str, *, short_item: bool = False) -> bool:
        """A strike word, a passive "was hit" or "were struck" (in a short item: "hit",
        "struck", "strike", "explosion"), a munition with a verb of hitting, landing or firing,
        fire at something, an arm that strikes from afar with a verb of destroying, or a weak
        strike word ("attack", "hit") with a state's forces or an aircraft named."""
        words = self._words(text)
        if words.keys.isdisjoint(self._strike_words):
            return False  # no test below can pass (``_read_strike_words``)
        if self.prefilter_strong.hit(words):
            return True
        if self.prefilter_passive_hit.hit(words) or (short_item and self.prefilter_short_item.hit(words)) or (
                self.prefilter_munition.hit(words) and self.prefilter_munition_verbs.hit(words)):
            return True
        if self.prefilter_fire_at.hit(words) or (
                self.prefilter_arms.hit(words) and self.prefilter_destroyed.hit(words)):
            return True
        return self.prefilter_weak.hit(words) and self.prefilter_support.hit(words)

    def may_hold_claim(self, text: str) -> bool:
        """A verb of saying next to a strike, a toll, a denial, an accusation or a figure."""
        words = self._words(text)
        return self.prefilter_claim.hit(words) and (
            self.prefilter_weak.hit(words) or self.prefilter_claim_words.hit(words))

    def _words(self, text: str) -> _TextWords:
        # the gate asks its questions of a document's sentences in turns (the strike words of
        # each, then the claim words of those without, then the strike words of those after
        # a kept one): the words of the last texts asked are kept, so each is split once
        words = self._recent_words.get(text)
        if words is None:
            if len(self._recent_words) >= _RECENT_WORDS:
                self._recent_words = {}
            words = self._recent_words[text] = _TextWords(text)
        return words


# how many texts' words the prefilter keeps: more than the sentences of one document
_RECENT_WORDS = 512


# a weapon's designation, letters then a hyphen and a number: "S-300", "Kh-101", "Su-24"
_DESIGNATION = re.compile(r"^([A-Za-z]+)-(\d[\w-]*)$")


def _with_designation_spellings(weapons: dict) -> dict:
    """weapons.yaml with each designation also written without its hyphen: captions and
    machine translations write "s300", "S300" and "Kh101" as often as "S-300" and "Kh-101"."""
    def spellings(names):
        out = list(names)
        out += [f"{m.group(1)}{m.group(2)}" for n in names if (m := _DESIGNATION.match(str(n)))]
        return list(dict.fromkeys(out))
    return {**weapons, "aircraft": spellings(weapons["aircraft"]),
            "munitions": spellings(weapons["munitions"])}


# The units the prefilter compares: runs of word characters and hyphens (the word boundaries
# of the PhraseMatcher regexes: "air-strike" is not "strike"), and "%".
_WORD = re.compile(r"[\w-]+|%")
# A web address is no prose: the words of a scraped page's badge or link ("shields.io/badge/
# ...%E2...&style=flat", ".../releases") read as a figure and a verb of saying.
_WEB_ADDRESS = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+", re.IGNORECASE)


class _WordIndex:
    """A list of words and phrases, asked whether a sentence's words contain one of them.

    With ``caps``, entries written in capitals ("US", "IS") match only in capitals, as in
    :class:`PhraseMatcher`; otherwise case is ignored.
    """

    def __init__(self, phrases, *, caps: bool = False):
        self._folded: set[str] = set()
        self._exact: set[str] = set()
        self._sequences: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
        for phrase in phrases:
            phrase = str(phrase).strip()
            exact = caps and _all_caps(phrase)
            parts = tuple(_WORD.findall(phrase if exact else phrase.lower()))
            if len(parts) == 1:
                (self._exact if exact else self._folded).add(parts[0])
            elif parts:
                self._sequences.setdefault(parts[0], []).append((parts, exact))

    def needed_words(self) -> frozenset[str]:
        """Words of which a text this index hits holds one (as written or lowered): each
        single word, and of each phrase its longest word ("was hit": "hit")."""
        longest = (max(reversed(parts), key=len) for entries in self._sequences.values()
                   for parts, _ in entries)
        return frozenset((*self._folded, *self._exact, *longest))

    def hit(self, text: _TextWords) -> bool:
        if not self._folded.isdisjoint(text.lower_set) or (
                self._exact and not self._exact.isdisjoint(text.word_set)):
            return True
        for key in self._sequences.keys() & text.keys:  # the phrases that may start here
            for i in text.positions(key):
                for parts, exact in self._sequences[key]:
                    seq = text.words if exact else text.lower
                    if tuple(seq[i: i + len(parts)]) == parts:
                        return True
        return False


class _TextWords:
    """A text's words as the prefilter compares them: as written and lowered, in order and
    as sets. A whole document is asked a dozen questions (the document gate); with sets,
    each is answered at C speed, and a phrase is looked for only where its first word is."""

    __slots__ = ("words", "lower", "word_set", "lower_set", "keys")

    def __init__(self, text: str):
        if "://" in text or "www." in text.lower():  # else no address to blank: skip its scan
            text = _WEB_ADDRESS.sub(" ", text)
        self.words = _WORD.findall(text)
        self.lower = [w.lower() for w in self.words]
        self.word_set, self.lower_set = set(self.words), set(self.lower)
        self.keys = self.word_set | self.lower_set

    def positions(self, word: str) -> list[int]:
        """Where ``word`` stands, as lowered or as written (a place may come twice)."""
        out = []
        for seq in (self.lower, self.words):
            i = -1
            try:
                while True:  # list.index scans in C: a long text holds few of the words asked
                    i = seq.index(word, i + 1)
                    out.append(i)
            except ValueError:
                pass
        return out


def _all_forms(words) -> set[str]:
    forms: set[str] = set()
    for w in words:
        forms |= _forms(str(w))
    return forms


def _forms(w: str) -> set[str]:
    """A word's regular English inflections: bomb, bombs, bombed, bombing; hit, hitting;
    strike, striking; deny, denied. A superset: "strikeed" costs nothing."""
    w = w.lower()
    forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
    if w.endswith("e"):
        forms.add(w[:-1] + "ing")
    if w.endswith("y"):
        forms |= {w[:-1] + "ied", w[:-1] + "ies"}
    if len(w) >= 3 and w[-1] not in "aeiouwy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}  # hit -> hitting, target -> targetted
    return forms


_FILES = ("attacker_cues", "groups", "triggers", "weapons", "attribution", "hedges", "speakers", "places",
          "entities")


def load_lexicons(directory: str | None = None, registry_dir: str | None = None) -> Lexicons:
    """Read the packaged lexicons, or an analyst's copy of the whole directory, with the actor
    registry (packaged, or an analyst's copy of ``data/actors``): once per process and
    directory, however the call is written (``lru_cache`` keys ``load_lexicons()`` and
    ``load_lexicons(None)`` apart, and the geocoder's call read every file again: ~0.3 CPU s
    of each extraction run)."""
    return _load_lexicons(directory, registry_dir)


@lru_cache(maxsize=4)
def _load_lexicons(directory: str | None, registry_dir: str | None) -> Lexicons:
    return Lexicons({name: _read(directory, name) for name in _FILES}, load_registry(registry_dir))


def _read(directory: str | None, name: str) -> dict:
    base = Path(directory) if directory else resources.files("strikewatch") / "data" / "lexicons"
    with (base / f"{name}.yaml").open(encoding="utf-8") as fh:
        return load_data(fh)


# The claims of a brief ask two lists only, the attackers' names of their speakers and the
# target groups of their words: read alone, they spare the brief reading and building every
# other list of extraction (~0.08 CPU s, the prefilter's word sets most of it).

def load_actor_names(registry_dir: str | None = None) -> PhraseMatcher:
    """:attr:`Lexicons.actors` alone: every name of an attacker -> what it makes the attacker
    (once per process and registry folder, as :func:`load_lexicons`)."""
    return _load_actor_names(registry_dir)


@lru_cache(maxsize=4)
def _load_actor_names(registry_dir: str | None) -> PhraseMatcher:
    return PhraseMatcher(load_registry(registry_dir).attacker_aliases())


def load_target_groups(directory: str | None = None) -> PhraseMatcher:
    """:attr:`Lexicons.groups` alone: the words for a target group -> its category."""
    return _load_target_groups(directory)


@lru_cache(maxsize=4)
def _load_target_groups(directory: str | None) -> PhraseMatcher:
    return _group_matcher(_read(directory, "groups"))


@lru_cache(maxsize=4)
def load_city_parts(directory: str | None = None) -> frozenset[str]:
    """places.yaml's ``city_parts`` alone ("district", "neighbourhood"): fusion reads them to
    tell a part of a city named beside the city from a second strike place."""
    return frozenset(str(w).lower() for w in _read(directory, "places").get("city_parts") or ())


def load_owned_strike(directory: str | None = None) -> re.Pattern:
    """attribution.yaml's ``owned_strike`` as one pattern: the words in which a side owns a
    strike ("it had targeted", "its forces struck", "claimed responsibility"). Fusion reads
    them in a belligerent's claims; read alone, as the brief's lists are."""
    return _load_owned_strike(directory)


@lru_cache(maxsize=4)
def _load_owned_strike(directory: str | None) -> re.Pattern:
    own = _read(directory, "attribution")["owned_strike"]
    alternatives = _alternatives
    # the forces a possessive names: one to three words, none of them a negation or an
    # auxiliary ("its jets did not strike" owns nothing)
    forces = r"(?:\s+(?!(?:not|never|did|does|do|was|were|is)\b)[\w-]+){1,3}?"
    doer = rf"(?:{alternatives(own['subjects'])}|(?:{alternatives(own['possessives'])}){forces})"
    aux = rf"(?:\s+(?:{alternatives(own['auxiliaries'])}))*"
    return re.compile(rf"\b(?:{doer}{aux}\s+(?:{alternatives(own['verbs'])})|"
                      rf"{alternatives(own['responsibility'])})\b", re.IGNORECASE)


def load_confirmed_strike(directory: str | None = None) -> re.Pattern:
    """attribution.yaml's ``confirmed_strike`` as one pattern whose group ``thing`` holds the
    up to three words naming what the confirmed strike hit ("the refinery")."""
    return _load_confirmed_strike(directory)


@lru_cache(maxsize=4)
def _load_confirmed_strike(directory: str | None) -> re.Pattern:
    words = _read(directory, "attribution")["confirmed_strike"]
    the = _alternatives(words["articles"])
    return re.compile(rf"\b(?:{_alternatives(words['verbs'])})\s+(?:{the})\s+"
                      rf"(?:{_alternatives(words['nouns'])})\s+(?:on|against)\s+(?:{the})\s+"
                      rf"(?P<thing>[\w-]+(?:\s+[\w-]+){{0,2}})", re.IGNORECASE)


def _alternatives(words) -> str:
    """Lexicon words as one regex alternation, longest first, a space matching any spaces."""
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len,
                           reverse=True))


def _group_matcher(g: dict) -> PhraseMatcher:
    return PhraseMatcher({p: cat for cat, ps in g["groups"].items() for p in ps})


@lru_cache(maxsize=1)
def _gazetteer_demonyms() -> frozenset[str]:
    """The nationality words of the gazetteer's demonyms.csv, lower case: the countries whose
    adjective names a site abroad ("the Kuwaiti hospital", "the Jordanian field hospital")
    though no force of theirs is in the actor registry."""
    path = resources.files("strikewatch") / "data" / "gazetteer" / "demonyms.csv"
    with path.open(encoding="utf-8", newline="") as f:
        return frozenset(w.strip().lower() for row in csv.DictReader(f)
                         for w in row["demonyms"].split("|") if w.strip())
