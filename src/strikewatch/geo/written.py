"""A name written with its container: "Sloviansk, Donetsk Oblast", "Nova Dmytrivka, Kharkiv",
"Al-Hussainiyah (Qaatabah, Ad Dali)". Incident tables, captions and coders' notes give a place
this way, the narrowest unit first. The head must lie in the container; when the gazetteer
lacks the head (most villages), the strike keeps the narrowest unit the text names, at that
unit's precision, and the head as written (``Place.unresolved_name``) for a later gazetteer."""

from __future__ import annotations

import dataclasses
import re

from ..models import Place, StrikeMention
from .names import ADMIN1, Candidate, Unresolved, normalize

# head, then ", container[, wider]" or " (container[, wider])"
_WRITTEN = re.compile(r"^\s*(?P<head>[^,()]+?)\s*(?:,\s*(?P<comma>[^()]+?)|\((?P<paren>[^()]+)\))"
                      r"\s*$")
# in a sentence, what follows a name: " (Qaatabah, Ad Dali)" or ", Kharkiv" up to the next
# punctuation or a preposition ("Nova Dmytrivka, Kharkiv, on Tuesday")
_AFTER_NAME = re.compile(r"\s*(?:\((?P<paren>[^()]{2,80})\)|,\s*(?P<comma>[A-Z][^,.;:()\n]{1,60}?))"
                         r"(?=\s*(?:[,.;:()\n]|$|\s(?:on|in|at|and|near|by|when|where|after)\b))")
_CHECKED = "checked to lie in"
# the reason of a place coded to the container its own words write ("X near Eilat")
_CONTAINING = "placed at containing"
# a part of a city written with the city: "Kharkiv (Saltivka district)", "Petrovsky district
# of Donetsk", "the centre of Kharkiv" (places.yaml city_parts and city_centre_nouns)
_CITY_THEN_PART = re.compile(r"^\s*(?P<city>[^,()]+?)\s*\((?P<part>[^()]+)\)\s*$")
# the same after a comma, as incident logs write a city's district: "Kharkiv, Kyivskyi district"
_CITY_COMMA_PART = re.compile(r"^\s*(?P<city>[^,()]+?)\s*,\s*(?P<part>[^,()]+?)\s*$")
# a city's centre written beside the city's name, as logs' location strings write it: "downtown
# Kharkiv", "Kharkiv city centre" (the noun is checked against city_centre_nouns)
_CENTRE_BEFORE_CITY = re.compile(r"^\s*(?P<part>\S+)\s+(?P<city>[^,()]+?)\s*$")
_CITY_BEFORE_CENTRE = re.compile(r"^\s*(?P<city>[^,()]+?)\s+(?P<part>(?:city\s+)?\S+)\s*$",
                                 re.IGNORECASE)
_PART_OF_CITY = re.compile(
    r"^\s*(?:the\s+)?(?P<part>[^,()]*?)\s+of\s+(?:the\s+)?(?P<city>[^,()]+?)\s*$", re.IGNORECASE)
# a city's possessive before its part: "Omdurman's Karari district", "Kharkiv's Saltivskyi district"
_CITY_S_PART = re.compile(r"^\s*(?P<city>[^,()'’]+?)['’]s\s+(?P<part>[^,()]+?)\s*$")
# a part the words after the possessive call one: "Beirut's southern suburb of Dahiyeh"
_CALLED_A_PART = re.compile(r"^(?:(?:north|south|east|west)(?:ern)?\s+|central\s+)?"
                            r"(?:suburbs?|district|neighbou?rhood|quarter|outskirts)\s+of\s+"
                            r"(?:the\s+)?(?P<name>\S.*)$", re.IGNORECASE)
# a container names a province or district, never a point: "Kharkiv" after a comma is the
# oblast, as in "Nova Dmytrivka, Kharkiv"
_UNIT_LEVELS = ("admin1", "admin2")
# a word that can open a unit's name: capitalised, or an Arabic article joined to one
_NAME_WORD = re.compile(r"(?:[a-z]{1,3}-)?[A-Z]")


@dataclasses.dataclass(frozen=True, slots=True)
class WrittenContainer:
    """The parts of "head, narrow, wide": the head as written and the narrowest unit found."""

    head: str
    box: Place
    box_candidate: Candidate | None


class _WrittenContainers:
    """The Gazetteer's reading of a name written with its container."""

    def _written_container(self, name: str, country: str | None) -> WrittenContainer | None:
        """The head and the narrowest container its comma or brackets name, or None when the
        name has no such form or its container is not a place (of ``country``, if given)."""
        hit = _WRITTEN.match(name)
        if hit is None:
            return None
        tail = hit.group("comma") or hit.group("paren")
        parts = [p.strip() for p in tail.split(",") if p.strip()]
        found: WrittenContainer | None = None
        for part in reversed(parts):  # the widest unit first, then the narrower inside it
            inner = self._unit_inside(part, country, found.box if found else None,
                                      coded=bool(hit.group("paren")))
            if inner is None:
                break
            found = WrittenContainer(hit.group("head"), *inner)
        return found

    def _unit_inside(self, part: str, country: str | None, box: Place | None, *,
                     coded: bool = False) -> tuple[Place, Candidate | None] | None:
        """One written unit as a province, a district or a country, inside ``box`` if given.
        In a coder's brackets ("Mayo market (Khartoum, Khartoum)", "(Khan Younis, Gaza
        Strip)") the units run from narrow to wide, so a town inside the province after it is
        the district named after its seat (ACLED's precision 2), not the next of a list."""
        where = box.country if box else country
        for level in (*_UNIT_LEVELS, None):
            p, cand = self._resolve_full(part, where, [box] if box else (), None, level)
            if not isinstance(p, Place) or (where and p.country != where):
                continue
            p = self._region_named_as_unit(part, p, cand)
            if box is not None and not _within(p, box):
                continue
            if coded and box is not None and (p.precision, p.admin1) == (box.precision, box.admin1):
                continue  # "(Khartoum, Khartoum)": the district inside is named after the town
            if level is None and p.precision == "point" and coded and box is not None:
                return dataclasses.replace(p, precision="admin2"), cand
            if level is None and p.precision not in (*_UNIT_LEVELS, "country", "region"):
                return None  # a town is no container of a village: "Aleppo, Idlib" is a list
            if level is None or p.precision == level:
                return p, cand
        return None

    def _region_named_as_unit(self, part: str, p: Place, cand: Candidate | None) -> Place:
        """ "Rzhyshchiv, Kyiv region": where first-level units are called regions
        (descriptors.yaml region_is_admin1), a container "X region" that reads as a province
        is that province, not the area around it (which a vicinity word would make it)."""
        if cand is not None and cand.kind == ADMIN1 and p.precision != "admin1" \
                and p.country in self._lex.region_is_admin1 \
                and part.split()[-1].casefold() in ("region", "regions"):
            return dataclasses.replace(p, precision="admin1")
        return p

    def _written_after(self, m: StrikeMention, result: Place | Unresolved | None,
                       country: str | None) -> Place | None:
        """A name followed in its sentence by its container, read as if written with it:
        "shelled Nova Dmytrivka, Kharkiv, on Tuesday" (not the Nova Dmytrivka of Cherkasy),
        "Al-Hussainiyah (Qaatabah, Ad Dali)"."""
        if not (m.sentence and m.place_span and m.place_text):
            return None
        end = m.place_span.end - m.sentence.start
        hit = _AFTER_NAME.match(m.sentence.text, end)
        if hit is None:
            return None
        written = self._resolve_written(
            f"{m.place_text} ({hit.group('paren')})" if hit.group("paren")
            else f"{m.place_text}, {hit.group('comma')}", country)
        place = written[0] if written else None
        if not isinstance(place, Place):
            return None
        if place.unresolved_name:
            return place  # coded to the container
        if isinstance(result, Place) and (result.country, result.admin1) \
                == (place.country, place.admin1):
            return None  # the sentence's own reading agrees, and knows more ("provinces of")
        return place if _CHECKED in place.alternatives[0] else None  # else a list

    def _resolve_written(self, name: str, country: str | None,
                         ) -> tuple[Place | Unresolved, Candidate | None] | None:
        """The head if it lies in its container; else the container, keeping the head's name;
        None when the name is not written with a container. With the candidate chosen."""
        found = self._written_container(name, country)
        if found is None and country is not None:
            # "Sloviansk, Donetsk Oblast" in a story a vote put in Russia: the oblast says where
            found = self._written_container(name, None)
        if found is None and country is None:
            found = self._container_in_the_heads_country(name)
        if found is None:
            return None
        head, box = found.head, found.box
        alone, cand = self._resolve_full(head, box.country, (box,))
        if isinstance(alone, Place) and _within(alone, box):
            why = f"{head}: {_CHECKED} {box.name}, the container written with it"
            return dataclasses.replace(alone, alternatives=(why, *alone.alternatives)), cand
        if (city := self._city_of_its_district(name, head, box)) is not None:
            return city, None
        if isinstance(alone, Place) and cand is not None and cand.exact \
                and not self._a_city_part(head) \
                and (cand.kind == ADMIN1 or self._province_of_capital(cand)):
            return alone, cand  # a list of provinces, "Aleppo, Idlib": each is its own place
        if box.precision == "country":
            return Unresolved(name, f"{head} not in the gazetteer in {box.name}; a country's "
                                    f"centroid is no place", (f"alone: {_said(alone)}",)), None
        why = (f"{head} not in gazetteer; {_CONTAINING} {box.name}"
               if isinstance(alone, Unresolved) else
               f"{head}: {alone.name} ({alone.admin1}, {alone.country}) is not in {box.name}; "
               f"{_CONTAINING} {box.name}")
        return dataclasses.replace(box, unresolved_name=head,
                                   alternatives=(why, f"alone: {_said(alone)}",
                                                 *box.alternatives)), found.box_candidate


    def _container_in_the_heads_country(self, name: str) -> WrittenContainer | None:
        """ "Lashio, Shan State", "Al Hazm, Al Jawf": a province two countries name alike
        (Liechtenstein's Schaan, Saudi Arabia's Al Jawf) is the one of the country its head
        lies in, when the head alone says which country; the head is then checked inside it."""
        hit = _WRITTEN.match(name)
        alone = self._resolve_full(hit.group("head"), None)[0] if hit else None
        return self._written_container(name, alone.country) if isinstance(alone, Place) else None

    def _place_in_its_unit(self, name: str, country: str | None,
                           ) -> tuple[Place | Unresolved, Candidate | None] | None:
        """ "Zamfara state's Maru area", "Mandalay region's Singu township": a province's or a
        district's possessive, written with its noun, before a place in it is that place
        written with its container ("Maru area, Zamfara state"): inside the unit if the
        gazetteer knows it there, else the unit keeping the name (not Mary, Turkmenistan)."""
        hit = _CITY_S_PART.match(name)
        if hit is None:
            return None
        unit = hit.group("city").strip()
        if normalize(unit.split()[-1]) not in self._lex.unit_words:
            return None
        return self._resolve_written(f"{hit.group('part').strip()}, {unit}", country)

    def _town_before_its_unit(self, name: str, country: str | None,
                              ) -> tuple[Place | Unresolved, Candidate | None] | None:
        """ "Sarmin Idlib province", "Dibaga Erbil province": a place written right before
        the province that holds it, the comma between lost (copied tables and stripped text
        lose it), is that place written with its container. Every word a name's, the unit's
        name one the gazetteer knows as written; never when the whole name is itself a unit
        ("Deir ez-Zor province", "North Darfur state"), nor before a second-level unit's noun
        that no container ends with (descriptors.yaml container_nouns), which names the unit by
        all the words before it ("Wegel Tena woreda" is no village Wegel in a Tena abroad;
        "Bani Waleed Misrata district" is, Libya's districts being its provinces)."""
        words = name.split()
        noun = normalize(words[-1]) if words else ""
        if len(words) < 3 or noun not in self._lex.unit_words \
                or (noun in self._lex.admin2_words and noun not in self._lex.nouns) \
                or not all(_NAME_WORD.match(w) for w in words[:-1]) \
                or self._a_unit_as_written(" ".join(words[:-1]), country):
            return None
        for k in (len(words) - 3, len(words) - 2):  # a unit of two words, then of one
            if k < 1 or not self._a_unit_as_written(" ".join(words[k:-1]), country):
                continue
            written = self._resolve_written(f"{' '.join(words[:k])}, {' '.join(words[k:])}",
                                            country)
            if written is not None and isinstance(written[0], Place):
                return written
        return None

    def _a_unit_as_written(self, name: str, country: str | None) -> bool:
        for level in _UNIT_LEVELS:
            p, cand = self._resolve_full(name, country, (), None, level)
            if isinstance(p, Place) and cand is not None and cand.exact:
                return True
        return False

    def _part_of_its_city(self, name: str, country: str | None,
                          ) -> tuple[Place, Candidate | None] | None:
        """ "Kharkiv (Saltivka district)", "Petrovsky district of Donetsk", "centre of
        Kherson": a part of a city written with the city (in brackets after it, or after
        "of"), which the gazetteer rarely knows, lies in that city: the strike is at the
        city, the part's name kept as written. Only a city (a point) holds such a part;
        "Nova Dmytrivka (Kharkiv oblast)" is a village in its province. With the city's
        candidate, which votes for the story's country as the city would."""
        possessive = _CITY_S_PART.match(name)
        called = _CALLED_A_PART.match(possessive.group("part")) if possessive else None
        hit = (possessive if called else None) or _CITY_THEN_PART.match(name) \
            or _PART_OF_CITY.match(name) or possessive or _CITY_COMMA_PART.match(name) \
            or self._centre_beside(name)
        if hit is None:
            return None
        part = called.group("name") if called else hit.group("part").strip()
        if not called and not self._names_a_city_part(part):
            return None
        city, cand = self._resolve_full(hit.group("city").strip(), country)
        if not isinstance(city, Place) or city.precision != "point":
            return None
        if hit.re is _CITY_COMMA_PART and self._a_unit_around(city, cand, part):
            return None
        if hit.re is _CITY_S_PART and (inside := self._part_known_in(part, city)) is not None:
            return inside
        why = f"{part}: a part of {city.name}, the city written with it"
        return dataclasses.replace(city, unresolved_name=part,
                                   alternatives=(why, *city.alternatives)), cand

    def _centre_beside(self, name: str) -> re.Match | None:
        """ "downtown Kharkiv", "Kharkiv city center": the city's centre written before or
        after its name with no "of", as a log's location string may write it."""
        for pattern in (_CENTRE_BEFORE_CITY, _CITY_BEFORE_CENTRE):
            hit = pattern.match(name)
            if hit and hit.group("part").split()[-1].casefold() in self._lex.city_centre_nouns:
                return hit
        return None

    def _a_unit_around(self, city: Place, cand: Candidate | None, part: str) -> bool:
        """ "Tsyrkuny, Kharkiv district", "Sloviansk, Kramatorsk district": after a comma, a
        village's or town's raion named after a town of its province, not a part of a city."""
        if cand is not None and cand.population < self.settings.anchor_population:
            return True
        seat, _ = self._resolve_full(" ".join(part.split()[:-1]), city.country)
        return isinstance(seat, Place) and seat.admin1 == city.admin1

    def _part_known_in(self, part: str, city: Place) -> tuple[Place, Candidate | None] | None:
        """The city's part, where the gazetteer knows it in the city's province ("Kharkiv's
        Saltivskyi district" is Saltivka)."""
        alone, cand = self._resolve_full(part, city.country, (city,))
        if not (isinstance(alone, Place) and alone.precision == "point" and _within(alone, city)):
            return None
        why = f"{part}: {_CHECKED} {city.name}, the city written with it"
        return dataclasses.replace(alone, alternatives=(why, *alone.alternatives)), cand

    def _other_name_in_brackets(self, name: str, country: str | None,
                                ) -> tuple[Place, Candidate | None] | None:
        """ "Bakhmut (Artemivsk)", "Dnipro (Dnipropetrovsk)", "Sanaa (Sana'a)": a town with
        its former or other-language name in brackets is that town, when both names read
        alone are the same place. The other name is read in the town's country: a former
        name is often a larger town's abroad ("Toretsk (Dzerzhinsk)", "Kropyvnytskyi
        (Kirovograd)"), and the town written first says which is meant. With the town's
        candidate, which votes for the story's country as the town would."""
        hit = _CITY_THEN_PART.match(name)
        if hit is None:
            return None
        head, cand = self._resolve_full(hit.group("city").strip(), country)
        other, _ = self._resolve_full(hit.group("part").strip(),
                                      head.country if isinstance(head, Place) else country)
        if not (isinstance(head, Place) and isinstance(other, Place) and head.geonameid
                and head.geonameid == other.geonameid):
            return None
        why = f"{hit.group('part').strip()}: another name of {head.name}, written with it"
        return dataclasses.replace(head, alternatives=(why, *head.alternatives)), cand

    def _names_a_city_part(self, part: str) -> bool:
        """ "Saltivka district", "city centre", "center", "Evin prison": a named part of a
        city or a named landmark in it, or its centre; not a bare "district", which names the
        district of the name after it."""
        words = [w.casefold() for w in part.split() if w.casefold() not in ("the", "city")]
        if not words:
            return False
        if words[-1] in self._lex.city_centre_nouns:
            return True
        return len(words) > 1 and (words[-1] in self._lex.city_part_nouns
                                   or words[-1] in self._lex.landmark_nouns)

    def _a_city_part(self, head: str) -> bool:
        """Whether a written head is a part of a city by its last word ("Kyiv District")."""
        words = head.split()
        return len(words) > 1 and words[-1].casefold() in self._lex.city_part_nouns

    def _city_of_its_district(self, name: str, head: str, box: Place) -> Place | None:
        """ "Kyiv District, Kharkiv", "the Salaheddine district, Aleppo": a district the
        gazetteer does not place in the container, written before a bare city's name, is a
        district of that city (one of Kharkiv's is named after Kyiv): the strike is at the
        city, its district's name kept as written, not at the namesake city nor across the
        province the city's name also names."""
        written = _WRITTEN.match(name)
        tail = written.group("comma") or written.group("paren") or ""
        parts = [p.strip() for p in tail.split(",")]
        narrowest = parts[0]
        if not self._a_city_part(head) or not narrowest:
            return None
        # with one name after the district, the box is that same word read as a unit: the
        # word is read as the city it also names ("Kyiv" is Kyiv City and Kyiv Oblast), not
        # checked against itself
        alone = len(parts) == 1
        city, _ = self._resolve_full(narrowest, box.country, () if alone else (box,))
        if not (isinstance(city, Place) and city.precision == "point"
                and (alone or _within(city, box))):
            return None
        why = f"{head}: a district of {city.name}, the city written after it"
        return dataclasses.replace(city, unresolved_name=head,
                                   alternatives=(why, *city.alternatives))


def _within(p: Place, box: Place) -> bool:
    """Whether a place lies in a written container: the same country, and the same province
    (and district, when the container is one)."""
    if p.country != box.country:
        return False
    if box.precision in ("country", "region"):
        return True
    if box.precision == "admin2" and box.admin2 and p.admin2 and p.admin2 != box.admin2:
        return False
    return box.admin1 is not None and p.admin1 == box.admin1


def _said(p: Place | Unresolved) -> str:
    return p.reason if isinstance(p, Unresolved) else f"{p.name} ({p.country}/{p.admin1})"
