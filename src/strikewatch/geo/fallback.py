"""Fallback: a name checked against the container its text gives it ("X in rural Aleppo"),
and a name the gazetteer lacks coded to that container, its sentence's anchor or the story's
province, at the coarser precision, with the reason."""

from __future__ import annotations

import dataclasses
import re

from ..models import Place, StrikeMention
from .cues import (
    _CALENDAR_WORDS, _CALLED_A_PLACE, _NEXT_WORD, _QUARTER, _QUARTER_AFTER, _QUARTER_BEFORE,
    _SENTENCE_BREAK, _distance_km,
)
from .lexicon import _parse
from .names import ADMIN1, CITY, COUNTRY, STREET_NAMESAKE, Candidate, Unresolved, normalize
from .written import _CHECKED, _CONTAINING



class _Containers:
    """The Gazetteer's containers, anchors and province fallbacks."""

    def _contain(self, m: StrikeMention, result: Place | Unresolved | None,
                 country: str | None, story: frozenset[str] = frozenset(),
                 told: bool = False, apart: frozenset[int] = frozenset(),
                 ) -> Place | Unresolved | None:
        """Check a mention's place against the place the text puts it in or near, and code a
        name the gazetteer lacks to that container (or, lacking one, to the nearest place its
        sentence names) rather than leave it unplaced or put it abroad. A natural feature so
        coded ("Sambisa Forest, Borno state") spreads beyond the point: region precision.
        ``apart``: where in the sentence another side's strike places are named."""
        placed = self._contain_name(m, result, country, story, told, apart)
        if isinstance(placed, Place) and placed.unresolved_name \
                and self._is_feature(m.place_text or ""):
            return dataclasses.replace(placed, precision="region")
        return placed

    def _is_feature(self, name: str) -> bool:
        """Whether a name is a forest's, a range's, a valley's ... (descriptors.yaml): its
        noun after it ("Sambisa Forest") or its word before it ("Jebel Marra")."""
        words = tuple(normalize(name).split())
        return _parse(name, None, self._lex).level == "feature" or any(
            len(words) > len(p) and words[:len(p)] == p for p in self._lex.feature_before)

    def _contain_name(self, m: StrikeMention, result: Place | Unresolved | None,
                      country: str | None, story: frozenset[str] = frozenset(),
                      told: bool = False, apart: frozenset[int] = frozenset(),
                      ) -> Place | Unresolved | None:
        """``_contain`` for any name."""
        x = m.place_text or ""
        found = self._container_given(m, country)
        if found is not None:
            head, box, relation = found
            if isinstance(result, Place) and _inside(result, box, relation, self._lex.compass_km):
                return result
            if box.precision == "country":
                return result  # never code a place to a country's centroid
            if isinstance(result, Place):  # a namesake elsewhere: look again inside the box
                again = self.resolve(head or x, country=box.country, near=[box],
                                     context=m.sentence.text if m.sentence else None)
                if isinstance(again, Place) and _inside(again, box, relation,
                                                        self._lex.compass_km):
                    return again
                why = (f"{x}: {result.name} ({result.admin1}, {result.country}) is not "
                       f"{'in' if relation == 'inside' else 'near'} {box.name}; "
                       f"{_CONTAINING} {box.name}")
            else:
                why = f"{x} not in gazetteer; {_CONTAINING} {box.name}"
            within = relation == "inside" and (self._a_landmark(head or x)
                                               or self._a_part_of_a_town(head or x))
            return _placed_at(box, why, result, self._bare_name(head or x), within)
        if (written := self._written_after(m, result, country)) is not None:
            return written
        if country is None or not m.sentence:
            return result
        if isinstance(result, Place) and (why := self._quarter_not_town(m, result, country)):
            result = Unresolved(x, why, (f"alone: {result.name} ({result.country}/"
                                         f"{result.admin1})",))
        if isinstance(result, Place):
            return self._variant_in_its_province(m, result, country, story)
        if isinstance(result, Unresolved) and result.reason == STREET_NAMESAKE:
            return result  # "Taras Shevchenko Park ... in Kyiv": a site of Kyiv's strike
        anchor = self._anchor(m, country, apart)
        if anchor is None:
            return self._in_the_story_province(m, result, country, story, told)
        return _placed_at(anchor, f"{x} not in gazetteer; placed at {anchor.name}, the "
                                  f"nearest place its sentence names", result,
                          self._bare_name(x))

    def _a_landmark(self, written: str) -> bool:
        """Whether a name ends in a landmark's noun (places.yaml) or an installation's
        (descriptors.yaml ``facility``: "the Igor Sikorsky airport in Kyiv", "Wadi Seidna air
        base in Omdurman"): a building or site that stands in the town it is written in, not
        a village near it, and a facility is a point (annotation guide)."""
        words = written.split()
        return bool(words) and (words[-1].casefold() in self._lex.landmark_nouns
                                or self._an_installation(written))

    def _an_installation(self, written: str) -> bool:
        """Whether a name is an installation's (descriptors.yaml ``facility``): an airport or
        a base, named for the town it serves ("the Ramon airport near Eilat")."""
        return _parse(written, None, self._lex).level == "facility"

    def _a_part_of_a_town(self, written: str) -> bool:
        """Whether a name ends in a city part's noun that is no administrative unit's ("the
        Zeitoun neighbourhood of Gaza City", "the Thawra neighbourhood of Omdurman"): a part
        of the town it is written in, which the annotation guide codes as a point, as it does
        a village; a district ("the Abu Salim district of Tripoli") is the guide's admin2."""
        words = written.split()
        return len(words) > 1 and words[-1].casefold() in self._lex.city_part_nouns \
            and normalize(words[-1]) not in self._lex.unit_words

    def _bare_name(self, written: str) -> str:
        """The name as written without its descriptor words: "Al-Hussainiyah village" ->
        "Al-Hussainiyah", the name a later gazetteer would hold."""
        words = written.split()
        descriptor = ({w for phrase, _ in self._lex.levels for w in phrase} | {"the", "of"}) \
            - self._lex.feature_words  # "Sambisa Forest" is the forest's name
        while len(words) > 1 and normalize(words[-1]) in descriptor:
            words.pop()
        while len(words) > 1 and normalize(words[0]) in descriptor:
            words.pop(0)
        return " ".join(words)

    def _in_the_story_province(self, m: StrikeMention, result: Place | Unresolved | None,
                               country: str, story: frozenset[str], told: bool,
                               ) -> Place | Unresolved | None:
        """A name the gazetteer lacks, which its sentence calls a neighbourhood, district or
        village ("a bakery in the neighborhood of Alommal"), or a natural feature ("the Hamrin
        mountains"), in a story about one province, is in that province: coded to the
        province (its precision says no more is known), with the reason. A bare unknown name
        (a person, an outlet) stays unplaced, and so does the first word of a longer name
        ("the central district of Old Damascus"). When no strike
        place gives the story its province (``told`` False) and only the article's text names
        one, a sentence naming a country ("the town of al-Rai near the Turkish border") may lie
        at a border or abroad, and the name stays unplaced."""
        if not isinstance(result, Unresolved) or len(story) != 1 or not m.place_span:
            return result
        text = m.sentence.text
        here = m.place_span.start - m.sentence.start
        if not (_CALLED_A_PLACE.search(text[max(0, here - 40):here])
                or self._is_feature(m.place_text or "")):
            return result
        after = _NEXT_WORD.match(text, here + len(m.place_text or ""))
        if after and self.is_place(after.group(1), country=country):
            return result
        if not told and self._countries_named(text):
            return result
        (name,) = story
        box = self.resolve(name, country=country, level="admin1")
        if not isinstance(box, Place) or box.precision != "admin1":
            return result
        return _placed_at(box, f"{m.place_text} not in gazetteer; called a place in a story "
                               f"about {box.name} alone, placed at the province", result,
                          self._bare_name(m.place_text or ""))

    def _variant_in_its_province(self, m: StrikeMention, result: Place, country: str,
                                 story: frozenset[str] = frozenset()) -> Place | Unresolved:
        """A place matched only as a spelling variant, in another province than the one its
        sentence names, is a namesake: "the town of Al-Quriyah ... in Syrias oil-rich Deir
        Ezzor province" is not Qarah (Rif Dimashq), whose skeleton it shares. It is coded to
        the province with its name kept unresolved (which keeps it apart from other strikes on
        the province in fusion), with the reason. An exact name keeps its place: the sentence
        may name a second one.
        A sentence naming no province has the story's: the one province of the places the
        story names exactly (``story``): "the opposition-held towns of Hammuriyah and Saqba"
        in a story about Eastern Ghouta are not Al Hamra (Hama) and Shahba (As-Suwayda). There
        a hamlet's exact name is a namesake too: Syria has an al-Hamidiyah in four provinces,
        and the one in Tartus is not the Deir Ezzor neighbourhood of a story about Deir Ezzor."""
        x = m.place_text or ""
        if result.country != country or result.geonameid is None or not m.place_span \
                or _checked_in_its_container(result) or result.precision == "admin1" or any(
                    c.kind == ADMIN1 and c.geonameid == result.geonameid
                    for c in self._fetch("name", normalize(result.admin1 or ""), country)):
            return result  # "Deir Ezzor" next to "Hasakeh" is a province of its own
        in_sentence = self._provinces_named(m, country)
        named = in_sentence or set(story)
        if len(named) != 1 or result.admin1 in named:
            return result
        q = _parse(x, m.sentence.text, self._lex)
        keys = [k for k in dict.fromkeys((q.whole, q.plain, q.core)) if k]
        exact = [c for k in keys for c in self._fetch("name", k, country)
                 if c.geonameid == result.geonameid]
        if exact and (in_sentence or max(c.population for c in exact)
                      >= self.settings.anchor_population):
            return result
        what = "a hamlet of the same name" if exact else "only a spelling like it"
        why = f"{result.name} ({result.admin1}) is {what}, outside {next(iter(named))}, " \
              f"where the story is"
        box = self.resolve(next(iter(named)), country=country, level="admin1")
        if isinstance(box, Place) and box.precision == "admin1":
            return _placed_at(box, f"{why}; placed at the province", result, self._bare_name(x))
        return Unresolved(x, why, (f"alone: {result.name} ({result.country}/{result.admin1})",))

    def _quarter_not_town(self, m: StrikeMention, result: Place, country: str) -> str | None:
        """Why a name the text calls a neighbourhood is not the town it matched only as a
        spelling variant, or None: "the neighborhoods of ... al-Midan" (Aleppo, Damascus) is
        not Ma'dan, a town in Raqqa that shares its skeleton."""
        if result.precision != "point" or result.geonameid is None or not m.place_span \
                or result.unresolved_name:  # the city a named quarter was placed in
            return None
        x, text = m.place_text or "", m.sentence.text
        here = m.place_span.start - m.sentence.start
        before, after = text[max(0, here - 60):here], text[here + len(x):]
        if not (_QUARTER.search(x) or _QUARTER_BEFORE.search(before)
                or _QUARTER_AFTER.match(after)):
            return None
        q = _parse(x, text, self._lex)
        keys = [k for k in dict.fromkeys((q.whole, q.plain, q.core)) if k]
        if any(c.geonameid == result.geonameid for k in keys
               for c in self._fetch("name", k, country)):
            return None
        return (f"named as a neighbourhood; {result.name} ({result.admin1}) is a town only "
                f"spelt like it")

    def _provinces_in_text(self, text: str, country: str) -> frozenset[str]:
        """The provinces a text names, by the province's name or its capital's."""
        return frozenset(
            p.admin1 for sentence in _SENTENCE_BREAK.split(text)
            for _, _, p, c, _ in self._sentence_places(sentence, country)
            if p.admin1 and (c.kind == ADMIN1 or (c.kind == CITY
                                                  and self._province_of_capital(c))))

    def _provinces_named(self, m: StrikeMention, country: str) -> set[str]:
        """The provinces a mention's sentence names besides the mention, by the province's
        name or its capital's, spelling variants included ("Deir Ezzor")."""
        here = m.place_span.start - m.sentence.start
        end = here + len(m.place_text or "")
        out: set[str] = set()
        for hit in self._lex.name_re.finditer(m.sentence.text):
            if hit.start() < end and hit.end() > here:
                continue  # the mention itself
            words = hit.group(0).split()
            for t in dict.fromkeys([" ".join(words), *words]):
                if len(t) < 4 or t.casefold() in _CALENDAR_WORDS:
                    continue
                place, cand = self._resolve_full(t, country)
                if isinstance(place, Place) and cand is not None and place.country == country \
                        and place.admin1 and (cand.kind == ADMIN1 or (
                            cand.kind == CITY and self._province_of_capital(cand))):
                    out.add(place.admin1)
                    break
        return out

    def _container_given(self, m: StrikeMention, country: str | None,
                           ) -> tuple[str | None, Place, str] | None:
        """The container the text writes with a place (``_container_of``), in the story's
        country; for an installation, else a sizeable town named exactly elsewhere ("the
        Ramon airport near Eilat", when the story's country was voted by a hamlet of the
        Philippines called Ramon): an airport or a base is named for the town it serves. A
        district or a mosque in a town the story's country lacks stays there ("Kafr Qara
        district" in a Syrian story is no Kafr Qara in Israel)."""
        found = self._container_of(m, country)
        if found is None and country and self._an_installation(m.place_text or ""):
            return self._container_of(m, None)
        return found

    def _container_of(self, m: StrikeMention, country: str | None,
                      ) -> tuple[str | None, Place, str] | None:
        """(the name without its container, the container, inside|near) from the words of
        the name itself ("al-Sabil neighborhood in Daraa city") or right after it in the
        sentence ("Karam Alnozha and Tal Alzarazir in Aleppo")."""
        lex, name = self._lex, m.place_text or ""
        for hit in lex.relation_re.finditer(name):
            head = name[:hit.start()].strip()
            if head and (box := self._container_place(name[hit.end():], country)):
                return head, box, lex.relation[" ".join(hit.group(1).casefold().split())]
        if not (m.sentence and m.place_span):
            return None
        offset = m.place_span.end - m.sentence.start
        after = m.sentence.text[offset:offset + 240]
        # a province right after a place holds it, the comma lost ("Haydan Saada
        # governorate"); after a unit written with its noun it is the next of a list ("Idlib
        # province Hama province")
        if (adjacent := lex.adjacent_re.match(after)) is not None \
                and not {normalize(w) for w in name.split()[-1:]} & lex.unit_words:
            box = self._container_place(adjacent.group("rest"), country)
            if box is not None and box.precision == "admin1":
                return None, box, "inside"
        hit = lex.container_re.match(after)
        if hit is None:
            return None
        relation = " ".join(hit.group("rel").casefold().split())
        named_as = name.split()[-1].casefold() if name.split() else ""
        if relation == "of" and not hit.group("noun") and named_as not in lex.nouns:
            return None  # "X of Y" without "neighbourhood" between ("Shahba neighbourhood
            # of Aleppo") is no containment
        box = self._container_place(hit.group("rest"), country)
        return (None, box, lex.relation[relation]) if box else None

    def _container_place(self, text: str, country: str | None) -> Place | None:
        hit = self._lex.container_head.match(text.strip())
        if hit is None:
            return None
        core, tail = hit.group("core"), (hit.group("tail") or "").lstrip("'’s").strip()
        words = core.split()
        first = next(i for i, w in enumerate(words) if self._lex.name_re.match(w))
        # "Aleppo Syrias largest city": drop trailing capitalised words, never the modifiers
        tries = [f"{core} {tail}".strip(), core] + [" ".join(words[:k])
                                                   for k in range(len(words) - 1, first, -1)]
        if hit.group("noun"):  # "the city of Homs"
            tries.insert(0, f"{hit.group('noun')} of {core}")
        for t in dict.fromkeys(tries):
            if self._names_a_landmark(text, t):
                continue  # "near the Cairo Hotel", "near the Drama Theater": a site, no town
            place, cand = self._resolve_full(t, country)
            if not isinstance(place, Place) or (country and place.country != country):
                continue
            if place.source == "computed" or (
                    cand is not None and cand.exact
                    and (cand.kind != CITY or cand.population >= self.settings.anchor_population)):
                return place  # "northern Syria" is computed
        return None

    def _names_a_landmark(self, text: str, name: str) -> bool:
        """Whether ``name`` opens a landmark's or a street's name in ``text`` (a hotel, a
        theatre, a square named after a city) rather than naming a town."""
        at = text.find(name)
        return at >= 0 and self._lex.landmark_after.match(text, at + len(name)) is not None

    def _sentence_places(self, text: str, country: str | None,
                         ) -> list[tuple[int, int, Place, Candidate, bool]]:
        """The places a sentence names that can be trusted without a country: exact names of
        provinces, districts, areas and towns of at least ``anchor_population``. The last
        field says whether the place is the whole run of capitalised words: one word of a
        longer name ("Russian President Vladimir", "State Poll US-Led") is weak evidence, and
        one matching only a town's alternate name ("Human" of "Human Rights": Uman) none."""
        out = []
        for start, end, names in self._name_runs(text):
            for t, whole in names:
                if not self._may_be_named_exactly(t, country) or self._names_a_street(t, text):
                    continue  # "Baghdad Street" is in Damascus. The street test, a scan of
                    # the sentence, comes after the remembered test of the name
                place, cand = self._resolve_full(t, country)
                if isinstance(place, Place) and cand is not None and cand.exact \
                        and cand.kind != COUNTRY and (country is None or place.country == country) \
                        and (cand.kind != CITY
                             or (cand.population >= self.settings.anchor_population
                                 and (whole or cand.own))):
                    out.append((start, end, place, cand, whole))
                    break
        return out

    def _name_runs(self, text: str) -> list[tuple[int, int, tuple[tuple[str, bool], ...]]]:
        """(start, end, the names to try, each with whether it is the whole run) of each run
        of capitalised names in a sentence: what ``_sentence_places`` asks of every country.
        A document's sentences are asked without a country (its country vote) and with it
        (its provinces), so the runs are read once a document (``start_document``)."""
        if (known := self._runs_in_document.get(text)) is not None:
            return known
        out = []
        opening = len(text) - len(text.lstrip(" \t\n\"'“‘("))
        person_until = -1  # where the last person's name read so far ends
        for hit in self._lex.name_re.finditer(text):
            words, person = self._words_of_places(text, hit, opening, person_until)
            if person:
                person_until = hit.end()
            tails = {w for head, w in zip(words, words[1:])
                     if head.casefold() in self._lex.name_heads}
            seat = self._organisation_seat(text, hit, words) if words else None
            # a run of names that opens the text is read whole as well as without its first
            # word: a place title's "Kharkiv Oblast", "Deir al-Balah" are capitalised by name,
            # and so is a title that is one name and nothing else ("Darfur", "Saada")
            opened = [hit.group(0)] if hit.start() == opening and not person \
                and (len(hit.group(0).split()) > 1 or not text[hit.end():].strip(" .")) else []
            names = []
            for t in dict.fromkeys([*opened, *([" ".join(words), *words] if seat is None else seat)]):
                whole = t in opened or (seat is None and len(t.split()) == len(words))
                if len(t) < 4 or t.casefold() in _CALENDAR_WORDS or (not whole and t in tails) \
                        or (not whole and t.casefold() in self._lex.landmark_nouns):
                    continue  # "Sep" is an alternate name of Stephenville; "Neptune Pool" is
                    # not Pool (Congo)
                names.append((t, whole))
            out.append((hit.start(), hit.end(), tuple(names)))
        if len(self._runs_in_document) >= 1024:  # bounded, for a caller that never starts one
            self._runs_in_document.clear()
        self._runs_in_document[text] = out
        return out

    def _words_of_places(self, text: str, hit: re.Match, opening: int, person_until: int,
                         ) -> tuple[list[str], bool]:
        """The words of a run of capitalised names that may name a place, and whether the
        run holds a person's name. A name after a person's title is a person's ("Mayor
        Volodymyr Klitschko" is not Volodymyr-Volynskyi; "health minister Mai al-Kaila",
        "Governor Oleh Syniehubov"), and so is a run that goes on from one; the words before
        the title name the office's seat ("Kyiv Mayor"), a name even at the sentence's start,
        where a lone first word is otherwise capitalised by position ("More than 20 ...").
        A title word that opens a place's name is no title ("Sheikh Zuweid", a Sinai town)."""
        words, titles = hit.group(0).split(), self._lex.person_titles
        before = _last_word_before(text, hit.start())
        if (before is not None and before in titles) or (
                person_until >= 0 and not text[person_until:hit.start()].strip()):
            return [], True
        cut = next((k for k, w in enumerate(words) if w in titles
                    and not self.lookup(" ".join(words[k:k + 2]))), None)  # "Sheikh Zuweid"
        if cut is not None:
            return words[:cut], cut + 1 < len(words)
        return (words[1:] if hit.start() == opening else words), False

    def _organisation_seat(self, text: str, hit: re.Match, words: list[str]) -> list[str] | None:
        """None when a run of names is no organisation's; else the words of it that may still
        name a place: only its first, the seat ("Kharkiv Regional Administration"). A run
        is an organisation's when it ends with an organisation's noun ("National Unity
        Government"), one follows it, or one opens it before "of" ("Government of National
        Unity", which names no seat): "Unity" there is not Unity state, South Sudan."""
        nouns = self._lex.organisation_nouns
        if self._after_organisation_of(text, hit.start()):
            return []
        after = _WORD_AFTER.match(text, hit.end())
        if words[-1].casefold() in nouns or (after and after.group(1).casefold() in nouns):
            return words[:1] if hit.group(0).startswith(words[0]) and len(words) > 1 else []
        return None

    def _after_organisation_of(self, text: str, start: int) -> bool:
        """Whether an organisation's noun and "of" stand right before ``start`` ("the
        Government of National Unity"). The pattern ends with "of" or "the" and spaces, so
        the words before ``start`` are asked that first: its scan of the sentence from the
        start, once for each run of names, was a tenth of a strike article's geocoding."""
        return text[:start].rstrip().endswith(("of", "the")) \
            and self._lex.organisation_of.search(text, 0, start) is not None

    def _may_be_named_exactly(self, name: str, country: str | None) -> bool:
        """Whether resolving ``name`` alone can choose an exact name, all that
        ``_sentence_places`` trusts: one of the keys the query reads it as (whole, without
        its compass word, without its descriptor words) is a name of the index. Most
        capitalised words of a story are none ("Russian", "President", "Observatory"), and
        resolving each would try every transliteration variant only to choose a candidate
        that is no exact name: a fifth of the CPU time of geocoding and extracting fakes-dev.
        A query the resolution reads by its level or its written container is resolved."""
        memo_key = (name, country)
        if (hit := self._named_exactly.get(memo_key)) is None:
            q = self._region_as_unit(_parse(name, None, self._lex), country)
            hit = q.level is not None or "," in name or "(" in name or any(
                self._fetch("name", key, country) for key in dict.fromkeys((q.whole, q.plain, q.core))
                if key)
            if len(self._named_exactly) > 50_000:
                self._named_exactly.clear()
            self._named_exactly[memo_key] = hit
        return hit

    def _anchor(self, m: StrikeMention, country: str,
                apart: frozenset[int] = frozenset()) -> Place | None:
        """The place named nearest to the mention in its sentence, if any is a province or a
        town large enough not to be a common word's namesake; not where another side's strike
        fell ("Russian shelling of the Saltivka district killed three, as Ukrainian drones
        struck a depot in Belgorod": Saltivka is no part of Belgorod)."""
        here = m.place_span.start - m.sentence.start if m.place_span else 0
        end = here + len(m.place_text or "")
        best: tuple[int, Place] | None = None
        for start, stop, place, _, _ in self._sentence_places(m.sentence.text, country):
            if m.place_span and start < end and stop > here or start in apart:
                continue  # the mention itself, or another side's strike place
            if _venue_before(m.sentence.text[:start]):
                continue  # "talks in Geneva": where words were spoken, not where a strike fell
            if best is None or abs(start - here) < best[0]:
                best = (abs(start - here), place)
        return best[1] if best else None


_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)")


def _last_word_before(text: str, end: int) -> str | None:
    """The word right before a run of names, whatever its case ("Mayor", "minister",
    "spokesman"): what ``re.search(r"([\\w.]+)[ \\t]+$", text[:end])`` finds (word characters
    and dots, then spaces or tabs up to the end or to a newline ending it), read backwards
    from ``end``. The regex, searched from the sentence's start, tried every position
    before each name, for every name (the whole article is scanned so for its provinces)."""
    if end and text[end - 1] == "\n":
        end -= 1  # as ``$`` matches before a newline that ends the text
    stop = end
    while stop and text[stop - 1] in " \t":
        stop -= 1
    start = stop
    while start and (text[start - 1].isalnum() or text[start - 1] in "_."):
        start -= 1
    return text[start:stop] if start < stop < end else None


def _venue_before(text: str) -> bool:
    """Whether the words just before a place make it a venue ("peace talks in Geneva", "a
    protest at the embassy in London") or a place only spoken of ("did not mention Dnipro",
    "made no mention of Saada"): the extractor's not_here and spoken_of words, one lexicon for
    both."""
    from strikewatch.lexicons import load_lexicons

    lex = load_lexicons()
    words = re.findall(r"[\w-]+", text.lower())[-4:]
    if words and (words[-1] in lex.spoken_of
                  or (len(words) > 1 and words[-1] in ("of", "to") and words[-2] in lex.spoken_of)):
        return True
    if len(words) < 2 or words[-1] not in ("in", "at"):
        return False
    return any(w in lex.not_here for w in words[:-1])


def _inside(p: Place, box: Place, relation: str, compass_km: float) -> bool:
    """Whether a resolved place agrees with the container the text gives it. 'In' a province
    or a city named like its province: the same province; 'near' a town: within 60 km;
    'in' a region: within 300 km of its representative point; "south of" a town: on that
    side of it within ``compass_km`` (the phrase only locates the place named first)."""
    if p.country != box.country:
        return False
    km = _distance_km((p.lat, p.lon), (box.lat, box.lon))
    if box.precision in ("country",):
        return True
    if box.precision == "region":
        return km <= 300
    if relation.endswith(" of"):
        return km <= compass_km and _on_the_side(p, box, relation)
    if relation == "near":
        return km <= 60
    return (box.admin1 is not None and p.admin1 == box.admin1) or km <= 25


def _on_the_side(p: Place, box: Place, compass: str) -> bool:
    """Whether ``p`` lies on each side of ``box`` that a compass phrase names: "south-west
    of" is south and west of it."""
    sides = {"north": p.lat > box.lat, "south": p.lat < box.lat,
             "east": p.lon > box.lon, "west": p.lon < box.lon}
    return all(ok for side, ok in sides.items() if side in compass)


def _placed_at(box: Place, why: str, was: Place | Unresolved | None, written: str,
               within: bool = False) -> Place:
    """A name coded to its container: a town's surroundings is ACLED precision 2, a landmark
    or a named part ``within`` the town ("the Kamal Adwan hospital in Beit Lahia", "the
    Zeitoun neighbourhood of Gaza City") the town itself; the reason, then what the name alone resolved to, lead the
    alternatives, and the name as written is kept for a later gazetteer to resolve."""
    before = (f"alone: {was.name} ({was.country}/{was.admin1})" if isinstance(was, Place)
              else f"alone: {was.reason}" if isinstance(was, Unresolved) else None)
    extra = tuple(a for a in (why, before) if a)
    coarse = box.precision == "point" and not within
    return dataclasses.replace(box, precision="admin2" if coarse else box.precision,
                               alternatives=extra + box.alternatives, unresolved_name=written)


def _checked_in_its_container(result: Place) -> bool:
    """A place written with its container and found to lie in it ("Rzhyshchiv, Kyiv
    region"): its province is the one its own words name, not a namesake's."""
    return bool(result.alternatives) and _CHECKED in result.alternatives[0]
