"""Disambiguation: which of a name's namesakes the story means, from its country, the
countries and provinces its text names, and the cues that a name is local or a person's."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING

from ..actors import load_registry
from ..models import Place, StrikeMention
from .cues import (
    _ARABIC_ARTICLE, _CAPITALISED_RUN, _LOCAL_AFTER, _LOCAL_BEFORE, _LOCAL_NOUN, _NEXT_WORD,
    _PREV_WORD, _SENTENCE_BREAK, _distance_km,
)
from .fallback import _venue_before
from .names import CITY, COUNTRY, Candidate, Unresolved, normalize

# the word after a capitalised run, whatever its case: "Russian shelling", "Israeli jets"
_AFTER_WORD = re.compile(r"[ \t]+([\w'’-]+)")
_POSSESSIVE = re.compile(r"['’]s?$")
# the noun of an area, not a town, written after a name: "Omdurman's Karari district", "the
# Tirah valley, Khyber district", "Somalia's Bari region", "the Cal Miskaad mountains"
_AREA_NOUN = re.compile(r"(?i:\s+(?:district|valley|region|mountains?|hills|township|zone"
                        r"|territory|county|neighbou?rhood|quarter)\b)")
# a name running on with an Arabic-article word: "Mashhad al-Kallasa", "Deir al-Asafir"
_ARTICLE_NAME_NEXT = re.compile(r"[ \t]+(?:al|el|as|ash|ar|ad|az|at|an)-[A-Z]")

if TYPE_CHECKING:
    from .gazetteer import Gazetteer


class _Namesakes:
    """The Gazetteer's checks that a name abroad is not a local name, a person or an outlet."""

    def _abroad_veto(self, name: str, best: Candidate, context: str | None) -> str | None:
        """Why a name in a story about one country does not mean this place abroad, or None.
        A story names foreign places (talks in Astana, "in neighbouring Iraq ... Mosul") but
        its local names, persons and common words collide with towns worldwide: "al-Jora
        neighbourhood" is not Jora in India, "Vladimir Putin" not the city of Vladimir."""
        if not any(ch.isupper() for ch in name):
            return "written in lower case: a common word, not a place abroad"
        if best.kind == CITY and not self._called_so(name, best) \
                and best.population < self.settings.foreign_alternate_population:
            return "the name is only one of its alternate names"
        text = context or ""
        i = text.find(name)
        if i >= 0 and self._in_longer_name(text, i, i + len(name)):
            return "the name is part of a longer proper name (a person, an outlet, a road)"
        if best.country in self._countries_named(text):
            return None  # "In neighbouring Iraq ...", "the Turkish border town of Kilis"
        if _ARABIC_ARTICLE.match(name):
            return "an Arabic name with its article is a local name, not a place abroad"
        before, after = (text[max(0, i - 40):i], text[i + len(name):]) if i >= 0 else ("", "")
        if _LOCAL_NOUN.search(name) or _LOCAL_BEFORE.search(before) \
                or _LOCAL_AFTER.match(after):
            return "named as a neighbourhood, village, road or area of the story's country"
        return None

    def _called_so(self, name: str, best: Candidate) -> bool:
        """Whether a town is called by the name as written: its own name, or a spelling of it.
        A short name shares its few consonants with too many towns for a spelling to count:
        "Boni" is one of Bonn's alternate names, not a way of writing Bonn, though both
        skeletons are "bn"; "Kiev" needs no such help (Kyiv is larger than the floor)."""
        key = normalize(name)
        if len(key.replace(" ", "")) < self.settings.variant_min_letters:
            return key == best.key
        return best.own

    def _in_longer_name(self, text: str, start: int, end: int) -> bool:
        """Whether a capitalised word other than a descriptor, direction or demonym runs on
        from the name, or a word with the Arabic article: "Vladimir Putin", "Ahram Online",
        "William Hague", "Geneva Convention", "Mashhad al-Kallasa".
        A word at the start of the sentence is capitalised by position, not as a name, and a
        neighbour that is itself a place is a list that lost its commas ("the nearby towns
        of Rastan Talbeesah Ter Maaleh and Zafarana")."""
        def joins(word: str) -> bool:
            return normalize(word) not in self._lex.name_neighbours \
                and not self._list_mate(word)
        nxt = _NEXT_WORD.match(text, end)
        if nxt and joins(nxt.group(1)) or _ARTICLE_NAME_NEXT.match(text, end):
            return True  # "Mashhad al-Kallasa", an Aleppo district, is not Mashhad
        prev = _PREV_WORD.search(text, 0, start)
        opening = len(text) - len(text.lstrip(" \t\n\"'“‘("))
        return bool(prev and prev.start(1) > opening and joins(prev.group(1)))

    def _near_country(self, p: Place, country: str, km: float) -> bool:
        """Whether a place lies within ``km`` of one of the country's province capitals."""
        if (points := self._capitals_of.get(country)) is None:
            points = self._capitals_of[country] = self._con.execute(
                "SELECT lat, lon FROM entity WHERE kind = 'admin1' AND country = ?",
                (country,)).fetchall()
        return any(_distance_km((p.lat, p.lon), q) <= km for q in points)

    def _list_mate(self, word: str) -> bool:
        """Whether a capitalised neighbour is a place of its own (a list that lost its
        commas): one a hamlet's name does not make, "Academy" of "State Maritime Academy"."""
        place, cand = self._resolve_full(word)
        return isinstance(place, Place) and (
            cand is None or cand.kind != CITY
            or cand.population >= self.settings.anchor_population)

    def _countries_named(self, text: str) -> set[str]:
        """The countries a text names, by name ("Iraq", "the US") or nationality ("Iraqi").
        The side that fired is not among them: in "Russian shelling in Kupiansk" or "Israeli
        shelling of Khiam" the adjective names the attacker, and the place stays where the
        story is (a namesake in Russia or Israel gains nothing from it)."""
        out: set[str] = set()
        for run in _CAPITALISED_RUN.finditer(text):
            if words := self._without_attackers(run.group(0), text, run.end()):
                out |= self._countries_in_run(words)
        return out

    def _without_attackers(self, run: str, text: str, end: int) -> str:
        """The run without its words that name a side firing: a nationality, a possessive or
        a country's name before a munition, strike, aircraft or force word ("Russian
        shelling", "Ukraine's strikes", "Israeli Air Force", "US forces"); nor a nationality
        in a landmark's name, which says who built or runs it ("the Turkish hospital in Gaza
        City", "the Saudi Hospital in El Fasher")."""
        words = run.split()
        after = _AFTER_WORD.match(text, end)
        following = [*words[1:], after.group(1) if after else ""]
        lex = self._lex
        return " ".join(w for w, nxt in zip(words, following)
                        if not ((nxt.casefold() in lex.attacker_nouns
                                 or nxt in _state_force_acronyms())
                                and (normalize(w) in lex.demonyms or _POSSESSIVE.search(w)
                                     or self._a_country(w))
                                or nxt.casefold() in lex.landmark_nouns
                                and normalize(w) in lex.demonyms))

    def _a_country(self, word: str) -> bool:
        key = normalize(word)
        return bool(key) and any(c.kind == COUNTRY for c in self._fetch("name", key, None))

    def _countries_in_run(self, run: str) -> frozenset[str]:
        """The countries one run of capitalised words names, remembered: a story repeats
        "the Syrian Observatory for Human Rights" in every paragraph."""
        if (hit := self._run_countries.get(run)) is not None:
            return hit
        out: set[str] = set()
        words = run.split()
        for n in range(len(words), 0, -1):
            for k in range(len(words) - n + 1):
                key = normalize(" ".join(words[k:k + n]))
                if n == 1 and key in self._lex.demonyms:
                    out.add(self._lex.demonyms[key])
                elif key:
                    out.update(c.country for c in self._fetch("name", key, None)
                               if c.kind == COUNTRY)
                    if n == 1 and _POSSESSIVE.search(words[k]):
                        out |= self._country_of_possessive(words[k])
        if len(self._run_countries) > 50_000:
            self._run_countries.clear()
        self._run_countries[run] = frozen = frozenset(out)
        return frozen


    def _country_of_possessive(self, word: str) -> set[str]:
        """The country a possessive names: wires place a strike in "Somalia's Bari region",
        "Nigeria's Borno state", "Myanmar's Sagaing region" (the apostrophe joined to the name
        hides it from the name lookup)."""
        key = normalize(_POSSESSIVE.sub("", word))
        return {c.country for c in self._fetch("name", key, None) if c.kind == COUNTRY} \
            if key else set()


def _vote_weight(c: Candidate | None, written: str, min_letters: int) -> float:
    """How much one resolved name says about the document's country: a province, area or
    facility 3, a city log10(population)/2 (a million: 3, a hamlet of 500: 1.35), and a
    spelling-variant match, or a town matched by one of its alternate names only (Jericho's
    "Ariha", Uman's "Human"; a name under ``min_letters`` letters that is not the town's own,
    "Boni" for Bonn), or a name written with the Arabic article matching a town whose
    own name has none ("al-Jora": Jora, India; "al-Meridian": Meridian, Idaho), a third of
    that. Countries do not vote here: a story about Syria names Russia, the US and Turkey too
    (see ``_country_ballot``)."""
    if c is None or c.kind == COUNTRY:
        return 0.0
    w = math.log10(_voting_population(c) + 10) / 2 if c.kind == CITY else 3.0
    if c.kind == CITY and _ARABIC_ARTICLE.match(written) and not _ARABIC_ARTICLE.match(c.name):
        return w * 0.3
    if c.kind == CITY and _short_alternate(written, c, min_letters):
        return w * 0.3  # "Boni" (Kenya) is one of Bonn's alternate names
    return w if c.exact and (c.own or c.kind != CITY) else w * 0.3


def _a_town_for_an_area(after: str, c: Candidate | None) -> bool:
    """A town matched by a name the text calls a district, valley, region or mountains (the
    noun opening ``after``): the gazetteer lacks the area and found a namesake town, most
    often abroad, so it votes for its country as weakly as a spelling variant does."""
    return c is not None and c.kind == CITY and _AREA_NOUN.match(after) is not None


# A town of the hand-kept supplement carries no population (its source gives coordinates and
# its province), but it is there because strike reports name it: it votes as a small town does
# (Khiam, Yaroun: some 20,000 and 3,000 people), not as a GeoNames hamlet of unknown size, so
# "The Israeli army said it struck Khiam" stays in Lebanon, where the town is.
SUPPLEMENT_TOWN_POPULATION = 10_000


def _voting_population(c: Candidate) -> int:
    if not c.population and c.source.startswith("supplement"):
        return SUPPLEMENT_TOWN_POPULATION
    return c.population


def _short_alternate(written: str, c: Candidate, min_letters: int) -> bool:
    """A short name that matched a town other than by the town's own name: its consonants
    agreeing ("Boni", "Bonn") say nothing (see ``GeoSettings.variant_min_letters``)."""
    key = normalize(written)
    return bool(key) and len(key.replace(" ", "")) < min_letters and key != c.key


def _shared_abroad(gazetteer: Gazetteer, written: str, c: Candidate | None) -> bool:
    """Whether a town of like size in another country carries the same written name (as its
    own or an alternate name): "Volchansk" is a town in Russia and the Russian name of
    Vovchansk in Ukraine, so it says nothing of which country the story is in."""
    if c is None or c.kind != CITY:
        return False
    return any(o.country != c.country and o.kind == CITY and o.population * 2 >= c.population
               for o in gazetteer.lookup(written))


@cache
def _state_force_acronyms() -> frozenset[str]:
    """The acronyms states' forces go by in the registry ("AFRICOM", "KDF", "CJTF-OIR"): a
    country named right before one ("US AFRICOM conducted an airstrike", "Kenya KDF jets")
    names the side that fired, as "US forces" does, not where the strike fell."""
    return frozenset(a for e in load_registry().striking_entries() if e.is_state
                     for a in e.aliases if len(a) >= 3 and a.isupper() and not set(a) & set(" ."))


def _country_ballot(gazetteer: Gazetteer, sentences: Sequence[str]) -> dict[str, float]:
    """The country the story's strike sentences name most often ("the Syrian Observatory",
    "in eastern Syria"), weighted by its lead over the next (1 a sentence, at most a
    province's 3). A story about Syria names Russia and the US too, so one mention is weak
    evidence; but a story whose only place is a village the gazetteer lacks, or shares with
    Jordan ("Shajara"), or one known abroad by an alternate name ("Ariha"), keeps its country."""
    named: Counter = Counter()
    for text in sentences:
        named.update(gazetteer._countries_named(text))
    top = named.most_common(2)
    if not top:
        return {}
    lead = top[0][1] - (top[1][1] if len(top) == 2 else 0)
    return {top[0][0]: min(3.0, float(lead))} if lead else {}


def _document_country(mentions: Sequence[StrikeMention],
                      first: Sequence[tuple[Place | Unresolved | None, Candidate | None]],
                      gazetteer: Gazetteer, document_text: str | None = None) -> str | None:
    """The document's main country: a vote of what resolved, weighted by how sure each answer
    is (a province or a city of a million outweighs a hamlet that only shares a spelling),
    plus one province's weight for the country its sentences name most."""
    # each distinct name votes once, with the weight of its surest reading: the mentions'
    # places and the places their sentences name ("... told Reuters from Aleppo")
    ballots: dict[str, tuple[str, float]] = {}
    contained = _vote_strike_places(ballots, mentions, first, gazetteer)
    sentences = list(dict.fromkeys(m.sentence.text for m in mentions if m.sentence))
    # the whole article, when given, names the places around the strikes too: "Turkish
    # airstrikes ... near Jerablus" is in Syria because the article names Jarabulus four times
    # and "northern Aleppo province", though it names Turkey in every sentence
    named_in = _SENTENCE_BREAK.split(document_text) if document_text else sentences
    _vote_named_places(ballots, gazetteer, named_in, set(sentences), contained)
    votes: Counter = Counter()
    for cc, weight in ballots.values():
        votes[cc] += weight
    # the whole article, when given, says more about its country than its strike sentences:
    # "Syria" leads a Syrian story even where each strike names only an unknown village
    for cc, weight in _country_ballot(gazetteer, named_in).items():
        votes[cc] += weight
    for cc in _homes_of_groups(mentions) | _homes_of_reporters(mentions):
        votes[cc] += HOME_GROUP_WEIGHT
    return votes.most_common(1)[0][0] if votes else None


# An armed group of one country (the registry's ``country``: the RSF of Sudan, al-Shabaab of
# Somalia, the TTP of Pakistan) fights at home: its strike says as much of the story's country
# as one sentence naming it, enough to beat a hamlet abroad that shares a name, not a province.
# A state's forces do not vote so: they strike abroad too (Russia in Syria, Turkey in Somalia),
# and on the FA-KES developer set a half vote for the attacker's state cost 0.045 of F1.
HOME_GROUP_WEIGHT = 1.0


def _homes_of_groups(mentions: Sequence[StrikeMention]) -> set[str]:
    """The countries of the armed groups (no state's forces) the mentions name as attackers:
    "RSF artillery killed 15 in Omdurman's Karari district" is a Sudanese story."""
    registry = load_registry()
    out = set()
    for m in mentions:
        if m.attacker is not None and m.attacker.country is None:
            entry = registry.by_code.get(m.attacker.name)
            if entry is not None and entry.country and not entry.is_state:
                out.add(entry.country)
    return out


@cache
def _group_homes() -> dict[str, str]:
    """Each armed group's name -> its home country (the registry's ``country``)."""
    return {normalize(alias): e.country for e in load_registry().entries
            if e.kind == "armed_group" and e.country and not e.is_state for alias in e.aliases}


def _home_of_group(name: str) -> str | None:
    """The home country of the armed group a name in the text is: "killing 5 Fano fighters",
    "Hamas gunmen", "al-Shabab militants" name the Amhara militia, the Gaza movement and the
    Somali group, which fight at home, not the towns abroad that share their names (Fano in
    Italy, Hamm in Germany, Shabab in Iran). It votes as a group striking does."""
    return _group_homes().get(normalize(name))


# A monitor, opposition body or armed group of one war's country reports the strikes on its own
# land: the Syrian Observatory, the White Helmets and the SDF report Syria, the Houthi-run
# health ministry Yemen. Its name as the strike's source weighs as much as an armed group's
# strike (above). Not the news media (Reuters, RT and TASS report every front) nor a state's
# ministries and forces (the Pentagon and Turkey's defence ministry report strikes abroad).
LOCAL_REPORTER_KINDS = frozenset({"monitor", "opposition", "armed_group"})


def _homes_of_reporters(mentions: Sequence[StrikeMention]) -> set[str]:
    """The countries of the local monitors and groups the mentions give as their source:
    "Turkish artillery shelled Ras al-Ain, the SDF said" is a Syrian story."""
    registry = load_registry()
    entries = (registry.source_entry(m.source) for m in mentions if m.source)
    return {e.country for e in entries if e is not None and e.local and e.country
            and e.kind in LOCAL_REPORTER_KINDS and not e.is_state}


def _vote(ballots: dict[str, tuple[str, float]], name: str, p: Place, weight: float) -> None:
    key = normalize(name)
    if key not in ballots or ballots[key][1] < weight:
        ballots[key] = (p.country, weight)


def _written_container(gazetteer: Gazetteer, m: StrikeMention, p: Place | Unresolved | None,
                       ) -> Place | Unresolved | None:
    """The unit written after a strike place ("Adan Yabaal, Middle Shabelle"), else the city
    its part is written in ("the al-Jadida neighbourhood of Mosul": not El Jadida, Morocco)."""
    if not m.place_text:
        return None
    box = gazetteer._written_after(m, p, None)
    if box is None and (found := gazetteer._container_of(m, None)) is not None \
            and found[2] == "inside":  # "Donetsk near the Drama Theater" is no part of Drama
        box = found[1]
    return box


def _vote_strike_places(ballots: dict[str, tuple[str, float]], mentions: Sequence[StrikeMention],
                        first: Sequence[tuple[Place | Unresolved | None, Candidate | None]],
                        gazetteer: Gazetteer) -> set[str]:
    """Each strike place's vote; returns the names read with the unit written after them,
    whose vote the scan of the sentence's names must not override ("Adan Yabaal, Middle
    Shabelle" is not Aden for its first word)."""
    contained: set[str] = set()
    short = gazetteer.settings.variant_min_letters
    for m, (p, c) in zip(mentions, first):
        # "near Adan Yabaal, Middle Shabelle": a village the gazetteer lacks votes with the
        # unit written after it, a province's weight; and so does a name the unit places
        # elsewhere than its reading alone ("Rann, Borno state" is not Brezice, Slovenia,
        # one of whose alternate names is Rann)
        box = _written_container(gazetteer, m, p)
        if isinstance(box, Place) and (box.precision in ("admin1", "admin2") or (
                isinstance(p, Place) and box.country != p.country)):
            _vote(ballots, m.place_text or "", box, 3.0)
            contained.add(normalize(m.place_text or ""))
            continue
        if not isinstance(p, Place):
            continue
        if p.precision != "country":
            weight = 3.0 if p.source == "computed" else _vote_weight(c, m.place_text or "", short)
            if _shared_abroad(gazetteer, m.place_text or "", c):
                weight *= 0.3  # "Volchansk": a Russian town's name, Vovchansk's in Russian
            if m.sentence and m.place_span and gazetteer._in_longer_name(
                    m.sentence.text, m.place_span.start - m.sentence.start,
                    m.place_span.end - m.sentence.start):
                weight *= 0.3  # "Vladimir" of "Vladimir Putin"
            written = (m.place_text or "").split()
            after = m.sentence.text[m.place_span.end - m.sentence.start:] \
                if m.sentence and m.place_span else ""
            if _a_town_for_an_area(f" {written[-1]}" if len(written) > 1 else after, c):
                weight *= 0.3  # "Karari district" is no proof of Karari, a town in India
            _vote(ballots, m.place_text or "", p, weight)
    return contained


def _vote_named_places(ballots: dict[str, tuple[str, float]], gazetteer: Gazetteer,
                       named_in: Sequence[str], strike_sentences: set[str],
                       contained: frozenset[str] | set[str] = frozenset()) -> None:
    short = gazetteer.settings.variant_min_letters
    for text in named_in:
        for start, end, p, c, whole in gazetteer._sentence_places(text, None):
            if _venue_before(text[:start]):
                continue  # "the defence ministry in Moscow", "talks in Geneva": no strike's land
            if (home := _home_of_group(text[start:end])) is not None:
                ballots.setdefault(normalize(text[start:end]), (home, HOME_GROUP_WEIGHT))
                continue  # "killing 5 Fano fighters": the group's, not Fano in Italy
            weight = _vote_weight(c, text[start:end], short)
            if _shared_abroad(gazetteer, text[start:end], c):
                weight *= 0.3
            if text not in strike_sentences:
                weight *= 0.5  # an aside ("at the Munich Security Conference") is weaker
            if _a_town_for_an_area(text[end:], c):
                weight *= 0.3  # "the Tirah valley": Et Tira, a town in Israel, says little
            if not whole and c.kind == CITY and (c.population < 1_000_000
                                                 or _ARTICLE_NAME_NEXT.search(text, start, end)):
                # "Secretary William Hague", not "Aleppo Police Command"; and whatever its
                # size, "Mashhad" of "Mashhad al-Kallasa" (an Aleppo district) is not the city
                weight *= 0.3
            if normalize(text[start:end]) not in contained:
                _vote(ballots, text[start:end], p, weight)


def _homonym_in_named_province(gazetteer: Gazetteer, m: StrikeMention, here: Place,
                               cand: Candidate | None, country: str, near: list[Place],
                               article_provinces: Callable[[], frozenset[str]],
                               ) -> tuple[Place | Unresolved, Candidate | None]:
    """A town whose name the country repeats in another province is the one in a province
    the article names, when it names none of the first one's: "the town of Hader" in a story
    that places Hader "in Quneitra province" is not Al Hadir (Aleppo), the larger namesake
    that outscored it. Only another exact name is taken, never a spelling variant."""
    provinces = article_provinces()
    if not provinces or here.admin1 in provinces:
        return here, cand
    seats = [p for p in (gazetteer.resolve(a, country=country, level="admin1")
                         for a in sorted(provinces)) if isinstance(p, Place)]
    other, other_cand = gazetteer._resolve_full(m.place_text or "", country, [*near, *seats],
                                                m.sentence.text if m.sentence else None)
    if isinstance(other, Place) and other.admin1 in provinces and other.precision == "point" \
            and other_cand is not None and other_cand.exact:
        return other, other_cand
    return here, cand

