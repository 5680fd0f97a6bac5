"""Places: the place names a parsed sentence holds (spaCy's places, the names it mislabels that
the gazetteer knows, names the text introduces as places, regions), and of those named in one
strike's words the finest ("the al-Furqan neighbourhood in Aleppo city" is al-Furqan). Where a
name lies is the geocoder's work; here only whether it is a place and which one the strike hit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from strikewatch.lexicons import Lexicons

from .settings import ExtractSettings
from .state import PlaceCandidate
from .words import _NAMELIKE, _is_country, _place_key, _text, _words, tokens_among, word_ids

# what a word a place preposition governs is when the tagger says so: a month, a person, a
# people, a number ("In May", "in Hassan", "in Syrians", "in 2014"); an unknown village it
# often calls an organisation ("shelling in Bordyanka")
_NOT_PLACE_ENTITIES = frozenset({"DATE", "TIME", "PERSON", "NORP", "CARDINAL", "ORDINAL",
                                 "EVENT", "MONEY", "PERCENT", "QUANTITY"})
# the nouns that make a run of names before or after them one village's name
_VILLAGE_NOUNS = frozenset({"village", "hamlet"})
# the tagger's parts of speech of a function word, which inside a name is a word of the name
_FUNCTION_TAGS = ("CCONJ", "SCONJ", "ADV", "ADP", "DET", "PRON", "AUX", "PART")
# the words between a place and the place that contains it: " in ", " in rural ", ", in the "
# (a country's possessive may open the container: "Novoshakhtinsk in Russia's Rostov region")
_CONTAINER = re.compile(r"\s*,?\s*(?:in|of|near)\s+(?:the\s+)?"
                        r"(?:(?:[A-Z][a-z]+\s)?[A-Z][a-z]+['’]s\s+)?"
                        r"(?:[a-z-]+\s+){0,2}(?:of\s+)?", re.IGNORECASE)
# a headline's lead place set off by a colon or a dash: the region or city of the places after it
_LEAD_SET_OFF = re.compile(r"\s*[:—–]\s")
# the possessive that sets a place inside the region before it: "Amhara region's Wegel Tena",
# "Donetsk Oblast's Kostiantynivka", "Gaza's northern Jabalia", with an Arabic article the
# second name's candidate may have left out: "Saada province's Al Raqw district"
_POSSESSIVE = re.compile(r"\s*['’]s\s+(?:(?:north|south|east|west)(?:ern)?\s+|central\s+|[ae]l\s+)?",
                         re.IGNORECASE)
# the first word between two names, before a possessive: "Zamfara state's Maru area"
_UNIT_NOUN_FIRST = re.compile(r"\s*(\w+)(?=['’]s\s)")
# a part of a city named after the city's possessive: "Beirut's southern suburb of ",
# "Mosul's old city district of ", "Kharkiv's northern district of "
_PART_OF_CITY = re.compile(r"\s(?:suburbs?|district|neighbou?rhood|quarter|outskirts)\s+of\s+$",
                           re.IGNORECASE)
# the same possessive, with the part's noun between: "'s southern suburb of "
_POSSESSIVE_OF_PART = re.compile(_POSSESSIVE.pattern + r"(?:[a-z]+\s+){0,2}(?:of\s+)?",
                                 re.IGNORECASE)
# a place's own noun after its name, with the word that says what kind of camp or area it is:
# "Nuseirat refugee camp in ...", "Jabalia camp, ...", "the Novoshakhtinsk oil refinery in ..."
_OWN_NOUN = re.compile(r"\s+(?:(?:refugee|displacement|residential|industrial|military"
                       r"|(?!(?:the|a|an|and|or|of|in|near|at|on|to|from|by|for|with|into)\s)"
                       r"[a-z]+)\s+)?"
                       r"(?P<noun>[A-Za-z]+)(?=\s*,?\s+(?:in|of|near)\s)")
# a place's unit noun right after its name, then a comma: " township, " of "Mindat township,
# Chin State"
_UNIT_THEN_COMMA = re.compile(r"\s+(?P<noun>[A-Za-z]+)(?=\s*,)")
# the words between a province and a place the strike is near inside it: " close to the village of "
_NEAR = re.compile(r"\s*,?\s*(?:close\s+to|near|next\s+to)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:of\s+)?", re.IGNORECASE)
# a side's hold on a place, written on it: "the RSF-held town of", "Houthi-controlled Hodeidah"
_HELD_BY = re.compile(r"\w-(?:held|controlled|run|occupied|besieged)$")
# a comma, and the compass part of the region after it: ", northern ", ", north-west "
_COMMA_COMPASS = re.compile(r"\s*,\s*(?:(?:(?:north|south)-?)?(?:north|south|east|west)(?:ern)?\s+"
                            r"|central\s+)?", re.IGNORECASE)
# a comma, a unit named with its noun, a comma: ", Mindat township, ", ", Kabkabiya locality, "
_UNIT_BETWEEN = re.compile(r"\s*,\s*(?:[A-Z][\w'’-]*\s+){1,3}(?P<noun>[a-z]+)\s*,\s*")
# the words that set a place at a distance and bearing from a landmark: ", 150 km south of ",
# ", some 40 kilometres north-east of the city of "
_DISTANCE_FROM = re.compile(
    r",\s*(?:(?:about|some|around|roughly|nearly|approximately)\s+)?"
    r"\d[\d,.]*\s*-?\s*(?:km|kms|kilomet(?:er|re)s?|miles?)\s+"
    r"(?:\([^)]*\)\s+)?(?:to\s+the\s+)?(?:north|south|east|west)?-?(?:north|south|east|west)?"
    r"(?:ern)?\s*(?:of|from)\s+(?:the\s+)?(?:(?:city|town|village|provincial\s+capital)\s+of\s+)?$",
    re.IGNORECASE)


def _appended_container(sdoc, place: PlaceCandidate, after: PlaceCandidate, between: str,
                        unit_nouns: frozenset[str] = frozenset()) -> bool:
    """'Kupiansk, Kharkiv', 'Horlivka, Donetsk', 'Donetsk, Donetsk Oblast': a name set after a
    place by a comma, in apposition to it or named a region by its place word, is the region
    that holds it, not a second strike place (a list, 'Kupiansk, Izium and Balakliia', is
    conjoined). A name its unit's noun follows ('Mrauk-U, Rakhine State', 'Gwoza town, Borno
    state', 'Tinzaouaten, Kidal region') holds the place even where the parser conjoins it,
    unless "and" or "or" goes on from it. A compass word may stand between ("Lashio, northern
    Shan State", "Bure, West Gojjam zone"): the part of the region the place lies in."""
    if not (_COMMA_COMPASS.fullmatch(between) or _a_unit_between(between, unit_nouns)):
        return False
    narrower = place.precision not in ("admin1", "admin2")
    if narrower and _named_a_unit(sdoc, after, unit_nouns):
        return not _in_a_list(sdoc, after, unit_nouns)
    if after.precision in ("admin1", "admin2") and narrower:
        return not any(sdoc[i].dep_ == "conj" for i in after.tokens)  # "Donetsk, Donetsk Oblast"
    return any(sdoc[i].dep_ == "appos" and sdoc[i].head.i in place.tokens for i in after.tokens)


def _a_unit_between(between: str, unit_nouns: frozenset[str]) -> bool:
    """ ", Mindat township, " of "Ywar Thit village, Mindat township, Chin State": a narrower
    unit named with its noun between a place and the wider unit that holds both."""
    hit = _UNIT_BETWEEN.fullmatch(between)
    return hit is not None and hit["noun"].lower() in unit_nouns


def _named_a_unit(sdoc, cand: PlaceCandidate, unit_nouns: frozenset[str]) -> bool:
    """The name ends with a unit's noun or one follows it: "Kidal region", "Rakhine State"."""
    if not cand.tokens:
        return False
    last = max(cand.tokens)
    return sdoc[last].lower_ in unit_nouns \
        or (last + 1 < len(sdoc) and sdoc[last + 1].lower_ in unit_nouns)


def _in_a_list(sdoc, cand: PlaceCandidate, unit_nouns: frozenset[str]) -> bool:
    """Whether the name is one of a list: conjoined, and, when a unit's noun closes it (which
    the parser conjoins after a comma though it is a container), "and" or "or" goes on."""
    if not any(sdoc[i].dep_ == "conj" for i in cand.tokens):
        return False
    if not _named_a_unit(sdoc, cand, unit_nouns):
        return True
    nxt = max(cand.tokens) + 1
    if nxt < len(sdoc) and sdoc[nxt].lower_ in unit_nouns:
        nxt += 1
    return nxt < len(sdoc) and sdoc[nxt].lower_ in ("and", "or")


# the Arabic article in its romanised spellings, joined to its word: "al-", "ad-", "ash-", "el-"
_ARTICLE = r"(?:(?:[Aa][lnrstdz]|[Ee][lsdz]|[Aa]sh)-)"
# The article opening the second word of a name ("Mashhad al-Kallasa", "Mosul al-Jadida"):
# the genitive completes the name before it, so a town the gazetteer knows by the first word
# alone is not the place ("Mashhad" is also a city in Iran).
_ARABIC_ARTICLE = re.compile(rf"{_ARTICLE}\w")
# a name, then the units that hold it in brackets: "Sortony (Kabkabiya, North Darfur)", "the
# Giza Bahriya district (Sirte)" (a lower-case word there must be a place word: place_heads)
_WRITTEN_WITH_CONTAINER = re.compile(
    rf"(?<![\w'’-])(?P<head>(?:(?:[Aa]l|[Ee]l)\s)?{_ARTICLE}?[A-Z][\w'’]*"
    rf"(?:[-\s]{_ARTICLE}?[A-Z][\w'’]*){{0,3}}(?:\s(?P<word>[a-z]+))?)\s*\((?P<inside>[^()]{{2,80}})\)")


def _capitalised_inside_a_name(sdoc, i: int) -> bool:
    """A capitalised function word between two proper nouns is a word of their name, whatever
    the tagger calls it: "Let Yet Kone" (Myanmar), "Tal Abu Dhahir" (Syria)."""
    tok = sdoc[i]
    return 0 < i < len(sdoc) - 1 and tok.is_title and tok.pos_ in _FUNCTION_TAGS \
        and sdoc[i - 1].pos_ == "PROPN" and sdoc[i + 1].pos_ == "PROPN" \
        and bool(sdoc[i - 1].whitespace_)


def _noun_after(sdoc, i: int) -> str:
    """The word at token i, or the noun after the adjectives there ("the al-Furqan
    residential neighborhood", "the Sheikh Radwan residential area"): the noun that says what
    the name before it names."""
    k = i
    while k < len(sdoc) - 1 and k < i + 2 and sdoc[k].pos_ == "ADJ":
        k += 1
    return sdoc[k].lower_ if k < len(sdoc) else ""


def _dash_after_a_date(sdoc, i: int) -> bool:
    """The punctuation between an incident log's date and its town ("June 12, 2017 - Raqqa:"),
    no part of the town's name. (Not every dash: "at night - Bakhmut suffered the most" keeps
    the reading it has.)"""
    return sdoc[i].is_punct and i > 0 and sdoc[i - 1].like_num


def _landmark_only(sdoc, cand: PlaceCandidate, cands: list[PlaceCandidate]) -> bool:
    """A place named only to say how far the place before it lies from it is no strike place:
    in "near Ajdabiya, 150 km south of Benghazi" or "Kramatorsk, 20 km south of Sloviansk" the
    strike is at the first. (With no place before it, "a village 10 km south of Idlib" keeps
    the landmark: the nearest place the text gives.)"""
    text = _text(sdoc)
    hit = _DISTANCE_FROM.search(text[:cand.start])
    return hit is not None and any(
        o is not cand and o.end <= hit.start() and not text[o.end:hit.start()].strip()
        for o in cands)
# the prepositions that say where a thing is: a capitalised word right after one is a name
# whatever its tag ("in Sagaing" tagged a verb), a place only if the gazetteer knows it
_LOCATIVE = frozenset(["in", "near", "around", "outside", "at", "into", "across"])
# the dependencies of a word that qualifies a noun: "DPR militiaman", "Kiev's troops"
_MODIFIER = ("compound", "poss", "nmod", "amod")


@dataclass(slots=True)
class _PlaceScan:
    """One sentence's search for places: the tokens no place may take (speakers, names of
    actors, groups and bodies) and the candidates found so far, each token taken once."""
    sdoc: object
    speaker_tokens: set[int]
    named: set[int]
    taken: set[int] = field(default_factory=set)
    cands: list[PlaceCandidate] = field(default_factory=list)


# kinds of settlement that a region's name can describe before the settlement's own name:
# "the Donetsk town of Kostiantynivka", "the Idlib village of Kafr Nabl"
_SETTLEMENT_KINDS = frozenset({"town", "city", "village"})


class PlaceFinder:
    """The place rules, with the gazetteer that says which names are places."""

    def __init__(self, lex: Lexicons, gazetteer, settings: ExtractSettings):
        self.lex = lex
        self.gazetteer = gazetteer
        self.settings = settings
        self._region_ids = word_ids(lex.regions)  # "northwest", "northern"
        # nouns of a kind of place: "a village called X" names a place, "a drone called X" none
        self._kinds_of_place = lex.of_phrases | lex.unit_nouns | frozenset(lex.place_heads)
        # nouns that end the name of a thing, not a village: "Gorky Park", "the Kharkiv
        # Brigade", "St. George Church", "the Salha family", "Jebel Marra" mountains
        self._nouns_ending_a_name = self._kinds_of_place | lex.owned_place_nouns \
            | lex.landmark_name_ends | lex.unit_name_nouns | lex.consecrated_nouns \
            | lex.kin_nouns | lex.force_nouns | lex.holding_features | lex.feature_heads

    def find(self, sdoc, speaker_tokens: set[int], actors) -> list[PlaceCandidate]:
        """Place names in the sentence: spaCy's places, the names it mislabels that the
        gazetteer knows, names with a place word ("Homs province") and regions."""
        scan = _PlaceScan(sdoc, speaker_tokens,
                          self._named_tokens(sdoc, actors) | self._people(sdoc))
        words = _words(sdoc)
        self._listed_places(scan, words)
        self._toll_places(scan, words)
        self._gazetteer_runs(scan, words)
        for ent in sdoc.ents:
            if ent.label_ in ("GPE", "LOC", "FAC", "ORG", "PERSON"):
                self._add(scan, ent.start, ent.end - 1, from_ent=True)
        self._regions(scan)
        self._heads_of_written_containers(scan)
        scan.cands = [self._with_village(scan, c) for c in scan.cands]
        self._unknown_names_with_their_unit(scan)
        self._names_right_before_their_unit(scan)
        self._districts_with_their_city(scan)
        self._districts_after_their_city(scan)
        self._places_describing_a_place(scan)
        self._kind_before_its_name(scan)
        self._land_holding_a_place(scan)
        self._unknown_name_where_the_thing_hit_lies(scan)
        # countries are not strike locations: an event needs at least a province
        return [c for c in scan.cands if (c.precision == "region" or not _is_country(c.text))
                and not self._names_a_force(sdoc, c) and not self._is_weapon(c.text)
                and not self._names_a_victim(sdoc, c) and not _landmark_only(sdoc, c, scan.cands)
                and not self._names_a_family(sdoc, c) and not self._names_a_unit_of_forces(sdoc, c)
                and not self._names_a_clock(sdoc, c)
                and not self._a_thing_s_given_name(sdoc, c)
                and not self._names_a_saint(sdoc, c)]

    def _people(self, sdoc) -> set[int]:
        """The tokens of a person's name: a name of two words or more that spaCy calls a
        person, the gazetteer does not know whole and no place word opens ("Tal", "Kafr"),
        where a person stands ("the home of Ali Hassan", "killed Ali Hassan", "a drone struck
        Ali Hassan, a commander", "the house of Mykola Kharkiv in Kherson"). Its words, each a
        town somewhere (Ali in Iran, Hassan in India, Kharkiv), are no places. The tagger
        calls villages persons too: "jets struck Kab Elias", "shelling hit Homs Hama"."""
        people: set[int] = set()
        for ent in sdoc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1 and ent[0].text not in self.lex.name_heads \
                    and self._where_a_person_stands(ent.root) and not self._known(ent.text):
                people.update(range(ent.start, ent.end))
        return people

    def _where_a_person_stands(self, root) -> bool:
        """A name that owns a thing ("the home of Ali Hassan"), that a killing verb takes
        ("killed Ali Hassan"), or that a strike verb takes with an appositive calling it a
        person ("struck Ali Hassan, a commander"). Any other "of" ("the town of", "the rebel
        stronghold of") may give a place, as "in" does."""
        if root.dep_ == "pobj":
            return root.head.lower_ == "of" and root.head.head.lower_ in self.lex.owner_nouns
        if root.dep_ != "dobj":
            return False
        if self._the_place_struck(root):
            return any(c.dep_ == "appos" and c.pos_ == "NOUN"
                       and c.lower_ not in self._kinds_of_place for c in root.children)
        return root.head.lower_ in self.lex.victim_verbs

    def _a_thing_s_given_name(self, sdoc, cand: PlaceCandidate) -> bool:
        """A name given to a thing is the thing's, not a place, though a town bears it: "a new
        drone called 'Yafa'" (Jaffa), "a missile dubbed Palestine-2", "an operation named
        Bashan Arrow"; unless the thing is a kind of place ("a village called Ein al-Tineh")."""
        i = min(cand.tokens, default=0) - 1
        while i > 0 and (sdoc[i].is_quote or sdoc[i].is_punct):
            i -= 1
        if i < 1 or sdoc[i].lower_ not in self.lex.naming_verbs:
            return False
        thing = sdoc[i - 1]
        return thing.pos_ in ("NOUN", "PROPN") and thing.lower_ not in self._kinds_of_place

    def _names_a_saint(self, sdoc, cand: PlaceCandidate) -> bool:
        """A name a saint's title opens, in a church's name ("St. Nicholas Church", "Saint
        Thomas Cathedral"): the saint the church is named for, though towns abroad bear the
        name (St. Thomas, Ontario); the church stands where the log's other words put it."""
        if not cand.tokens:
            return False
        first = min(cand.tokens)
        if sdoc[first].text not in self.lex.saint_titles and not (
                first > 0 and sdoc[first - 1].text in self.lex.saint_titles):
            return False
        i = first
        while i < len(sdoc) and (sdoc[i].is_title or sdoc[i].text in self.lex.saint_titles):
            if sdoc[i].lower_ in self.lex.consecrated_nouns:
                return True
            i += 1
        return False

    def _names_a_unit_of_forces(self, sdoc, cand: PlaceCandidate) -> bool:
        """A name that opens a military unit's ("the junta's Light Infantry Battalion 550",
        "the Azov Regiment"): the capitalised run it opens ends with a unit's noun."""
        i = max(cand.tokens) + 1 if cand.tokens else len(sdoc)
        while i < len(sdoc) and (sdoc[i].is_title or sdoc[i].like_num):
            if sdoc[i].lower_ in self.lex.unit_name_nouns:
                return True
            i += 1
        return False

    def _names_a_family(self, sdoc, cand: PlaceCandidate) -> bool:
        """ "the home of the Salha family", "members of the al-Kurd family": a family's name,
        though a village elsewhere bears it; the family's home is the strike's site."""
        after = max(cand.tokens) + 1 if cand.tokens else len(sdoc)
        return after < len(sdoc) and sdoc[after].lower_ in self.lex.kin_nouns

    def _names_a_clock(self, sdoc, cand: PlaceCandidate) -> bool:
        """A town's name that tells the hour ("11:30 p.m. (Sanaa time)", "3 a.m. Kyiv time"):
        press offices date their strikes by the capital's clock, not where they fell."""
        after = max(cand.tokens) + 1 if cand.tokens else len(sdoc)
        return after < len(sdoc) and sdoc[after].lower_ in self.lex.clock_nouns

    def _names_a_victim(self, sdoc, cand: PlaceCandidate) -> bool:
        """A name that is the subject or the object of a victim's verb is a person, not a
        place: "Man reportedly injured after a munition was dropped ..." (Man is a town in
        Côte d'Ivoire), "Hassan killed in the shelling of Taiz", "an air strike killed Ahmed
        Hassan in Idlib province" (not Hassan, India)."""
        root = next((sdoc[i] for i in cand.tokens if sdoc[i].head.i not in cand.tokens), None)
        if root is None or root.head.lower_ not in self.lex.victim_verbs:
            return False
        # the subject of a verb that has its own victims is the agent the parse made of a place
        # whose commas were lost: "hit a market in Douma killing 7 people a medical source said"
        agent = any(c.dep_ == "dobj" for c in root.head.children)
        return root.dep_ == "dobj" or (root.dep_ in ("nsubj", "nsubjpass") and not agent)

    def _with_village(self, scan: _PlaceScan, cand: PlaceCandidate) -> PlaceCandidate:
        """An oblast, province or district written after a name the gazetteer lacks ("near
        Yaremivka, Kharkiv Oblast", "in Al-Husainiyah, Deir ez-Zor governorate", "bombed
        Sortony, North Darfur", "around Kitshanga in North Kivu") is that name's container:
        the place is the name with it, as written, for the geocoder to resolve inside it or to
        it, rather than the whole region.
        A compass word may stand before the unit: "in Dedebit, northwest Tigray"."""
        sdoc = scan.sdoc
        if not cand.tokens:
            return cand
        comma = min(cand.tokens) - 1
        if comma > 0 and sdoc[comma].lower_ in self.lex.regions:
            comma -= 1
        if comma < 1 or sdoc[comma].text not in (",", "in"):
            return cand
        unit = self._a_unit(cand)  # the gazetteer is asked of a seat's name only after a comma
        seat_named = not unit and sdoc[comma].text == "," and self._named_after_its_seat(cand)
        if not (unit or seat_named):
            return cand
        start = self._village_start(scan, comma)
        village = sdoc[comma - 1]
        if start == comma or not self._the_thing_struck_or_placed(village) \
                or (sdoc[comma].text == "in" and not self._the_place_struck(village)) \
                or (seat_named and self._a_part_of_a_town(village)):
            return cand
        span = sdoc[start: max(cand.tokens) + 1]
        return PlaceCandidate(span.text, span.start_char, span.end_char, set(range(start, span.end)), None, False)

    def _named_after_its_seat(self, cand: PlaceCandidate) -> bool:
        """A province named after its seat, written bare ("Idlib", "Kherson", "Kassala"): the
        gazetteer knows the name as a first-level unit's own and as a town of the same country
        (not "Sagaing", only another spelling of the region's, which the geocoder reads as the
        town).
        After a village the gazetteer lacks and a comma ("Harbanoush, Idlib"), it is the
        province that holds the village; after a part of the town, the town
        (``_a_part_of_a_town``); after "in", the town ("on Saturday in Raqqa")."""
        if cand.precision is not None:
            return False
        found = self.gazetteer.lookup(cand.text)
        units = {c.country for c in found if c.kind == "admin1" and c.own}
        return any(c.kind == "city" and c.country in units for c in found)

    def _a_part_of_a_town(self, word) -> bool:
        """The last word of a name before a town is a part's or a landmark's noun: "the
        Salaheddine district, Aleppo", "Gorky Park, Kharkiv", "Sumska Street, Kharkiv"."""
        lower = word.lower_
        return lower in self.lex.city_parts or lower in self.lex.landmark_nouns \
            or lower in self.lex.landmark_name_ends

    def _the_place_struck(self, word) -> bool:
        """A name before "in <unit>" ("bombed positions around Kitshanga in North Kivu",
        "shelled Yaremivka in Kharkiv oblast") is a village when a place preposition governs
        it or a strike verb takes it; one a killing verb takes is a person ("killed Ahmed
        Hassan in Idlib province")."""
        if word.dep_ == "dobj":
            verb = self.lex.base(word.head.lower_)
            return verb in self.lex.strong_verbs or verb in self.lex.weak_verbs
        return True

    def _a_unit(self, cand: PlaceCandidate) -> bool:
        """A province or district: by its place word ("Kharkiv Oblast") or by its name alone
        ("North Darfur", "Lower Shabelle", "Tigray"), which coders' notes write bare. A unit
        named after its own town ("Kharkiv", "Idlib", "Diffa") is not read as the unit: "Gorky
        Park, Kharkiv" is the park in the city (a namesake town abroad does not count: Borno).
        A district the gazetteer's supplement keeps as an area is one too ("Mekane Selam,
        South Wollo", "Kitshanga, Masisi territory")."""
        if cand.precision in ("admin1", "admin2"):
            return True
        if cand.precision is not None:
            return False
        found = self.gazetteer.lookup(cand.text)
        units = {c.country for c in found
                 if c.kind in ("admin1", "admin2", "area")}
        return bool(units) and not any(c.kind == "city" and c.country in units for c in found)

    def _village_start(self, scan: _PlaceScan, comma: int) -> int:
        """The first token of the name before the comma: proper nouns ("Al-Husainiyah",
        "Buulo Haji"), and the place word a note gives it ("Golo village", "Sambisa forest");
        before "in", never a unit's noun ("Zolochiv hromada in Kharkiv Oblast", "Maru LGA in
        Zamfara state": the unit is named before its noun, no village after it)."""
        sdoc, start = scan.sdoc, comma
        if start > 0 and sdoc[start - 1].lower_ in self.lex.place_heads:
            start -= 1
        while start > 0 and (sdoc[start - 1].pos_ == "PROPN" or sdoc[start - 1].text == "-"
                             or self._opens_a_name(sdoc[start - 1])) \
                and sdoc[start - 1].i not in scan.taken | scan.named \
                and (sdoc[comma].text == "," or sdoc[start - 1].lower_ not in self.lex.unit_nouns):
            start -= 1
        while start < comma and sdoc[start].text == "-":
            start += 1
        if start < comma and sdoc[start].lower_ in self.lex.place_heads:
            return comma  # a place word alone ("the town, Borno") names no village
        return start

    def _opens_a_name(self, tok) -> bool:
        """A capitalised word that opens a place's name, whatever the tagger calls it: "Um"
        of "Um Jawasir" is an interjection to it, "Kfar" of "Kfar Kila" an adjective."""
        return tok.is_title and tok.lower_ in self.lex.name_heads

    def _the_thing_struck_or_placed(self, word) -> bool:
        """The name is where something happened ("in X", "near X") or what was struck
        ("shelled X"), not the subject of a list of sides or of speakers."""
        head = word.head if word.lower_ in self.lex.place_heads and word.dep_ == "compound" else word
        if head.dep_ == "pobj":
            return head.head.lower_ in self.lex.place_prepositions
        return head.dep_ == "dobj" and head.head.pos_ == "VERB"

    def _unknown_names_with_their_unit(self, scan: _PlaceScan) -> None:
        """ "shelled Heiban, South Kordofan", "near Bardhere, Gedo region": a name the gazetteer
        lacks, then by a comma the province or district that holds it, is one place, the name
        with its unit as written (the geocoder places it inside the unit, or at the unit
        keeping the name), not the unit alone with the village's name lost."""
        sdoc, text = scan.sdoc, _text(scan.sdoc)
        for name in sorted(scan.cands, key=lambda c: c.start):
            unit = next((c for c in scan.cands if c.start > name.end
                         and text[name.end:c.start].strip() == ","), None)
            if unit is None or name.known or name.precision in ("admin1", "admin2") \
                    or not self._a_unit(unit) or _in_a_list(sdoc, unit, self.lex.unit_nouns) \
                    or not self._the_thing_struck_or_placed(sdoc[max(name.tokens)]):
                continue
            scan.cands = [c for c in scan.cands if c is not name and c is not unit]
            scan.cands.append(PlaceCandidate(text[name.start:unit.end], name.start, unit.end,
                                             name.tokens | unit.tokens, None, False))

    def _names_right_before_their_unit(self, scan: _PlaceScan) -> None:
        """ "shelled Um Badda Khartoum state", "shelled Karari Khartoum state": a name right
        before a province written with its noun, the comma lost, is one place written with its
        container (the geocoder places it inside the unit, or at the unit keeping the name),
        whether the gazetteer lacks it or knows it as a district; the unit is no second strike
        place. A town the gazetteer knows is left to ``finest`` ("Sarmin Idlib province")."""
        sdoc = scan.sdoc
        for unit in [c for c in scan.cands if c.tokens]:
            noun = self._noun_of_written_unit(sdoc, unit)
            if noun is None or not self._the_thing_struck_or_placed(sdoc[noun]):
                continue
            first = start = min(unit.tokens)
            while start > 0 and first - start < 3 and self._a_name_word(scan, sdoc[start - 1]):
                start -= 1
            before = [c for c in scan.cands if c.tokens and min(c.tokens) >= start and max(c.tokens) < first]
            if start == first or any(c.known and not self._a_unit(c) for c in before):
                continue
            span = sdoc[start: noun + 1]
            scan.cands = [c for c in scan.cands if c is not unit and c not in before]
            scan.cands.append(PlaceCandidate(span.text, span.start_char, span.end_char,
                                             set(range(start, noun + 1)), None, False))

    def _a_name_word(self, scan: _PlaceScan, tok) -> bool:
        """A word of a place's name: proper or one that opens a name, and none that says whose
        the place is ("Syria's Idlib province", "Syrias Idlib province") or names a side."""
        text, opens = tok.text, self._opens_a_name(tok)  # "Um" opens a name, spelling no UM
        return tok.i not in scan.named | scan.speaker_tokens and (tok.pos_ == "PROPN" or opens) \
            and tok.lower_ not in self.lex.country_prefix and (opens or not _is_country(text)) \
            and not self._whose(text) and (opens or text.lower() not in self.lex.not_places)

    def _noun_of_written_unit(self, sdoc, unit: PlaceCandidate) -> int | None:
        """The token of a province's noun written with it ("Khartoum state", "Idlib
        province"), when the name is a unit the gazetteer knows; else None."""
        last = max(unit.tokens)
        noun = last if sdoc[last].lower_ in self.lex.unit_nouns else last + 1
        end = noun if noun > last else last
        if noun >= len(sdoc) or noun == min(unit.tokens) \
                or not self._unit_with_its_noun(sdoc, min(unit.tokens), end):
            return None
        return noun

    def _districts_with_their_city(self, scan: _PlaceScan) -> None:
        """ "Kindergarten in Kyiv District, Kharkiv", "the Salaheddine district, Aleppo": a
        district written before a city by a comma is one place, that district of that city
        (cities name their districts after other cities), not two strike places. The place
        is both, as written, for the geocoder to resolve inside the city."""
        sdoc, text = scan.sdoc, _text(scan.sdoc)
        for district in sorted(scan.cands, key=lambda c: c.start):
            city = next((c for c in scan.cands if c.start > district.end
                         and text[district.end:c.start].strip() == ","), None)
            if city is None or district not in scan.cands \
                    or district.text.split()[-1].lower() not in self.lex.city_parts \
                    or any(sdoc[i].dep_ == "conj" for i in city.tokens):
                continue
            toks = district.tokens | city.tokens
            scan.cands = [c for c in scan.cands if c is not district and c is not city]
            scan.cands.append(PlaceCandidate(text[district.start:city.end], district.start,
                                             city.end, toks, None, district.known))

    def _districts_after_their_city(self, scan: _PlaceScan) -> None:
        """ "Omdurman's Karari district", "Kharkiv's Saltivskyi district": a city's possessive
        before a district of it is one place, that district of that city as written (the
        geocoder places it inside the city), not the district's namesake elsewhere (Karari,
        India) nor two strike places. So is a province's or a district's possessive before a
        place in it: "Zamfara state's Maru area", "Mandalay region's Singu township", "Saada
        province's Al Raqw district" (the geocoder reads it as the place written with its
        unit: Maru in Zamfara, not Mary in Turkmenistan)."""
        text = _text(scan.sdoc)
        for holder in sorted(scan.cands, key=lambda c: c.start):
            part = next((c for c in scan.cands if c.start > holder.end and _POSSESSIVE_OF_PART
                         .fullmatch(self._past_unit_noun(text[holder.end:c.start]))), None)
            if part is None or holder not in scan.cands:
                continue
            last = self._part_of_a_unit(scan.sdoc, holder, part)
            if last is None and not self._part_of_a_city(holder, part, text[holder.end:part.start]):
                continue
            span = scan.sdoc[min(holder.tokens): max(last or 0, *part.tokens) + 1]
            scan.cands = [c for c in scan.cands if c is not holder and c is not part]
            scan.cands.append(PlaceCandidate(span.text, holder.start, holder.start + len(span.text),
                                             set(range(span.start, span.end)), None, False))

    def _past_unit_noun(self, between: str) -> str:
        """What stands between a unit's name and its possessive's place, the unit's noun left
        out: " state's " → "'s "."""
        noun = self._unit_noun_first(between)
        return between[noun.end():] if noun else between

    def _unit_noun_first(self, between: str) -> re.Match | None:
        noun = _UNIT_NOUN_FIRST.match(between)
        return noun if noun and noun.group(1).lower() in self.lex.unit_nouns else None

    def _part_of_a_city(self, city: PlaceCandidate, part: PlaceCandidate, between: str) -> bool:
        return city.known and city.precision in (None, "point") \
            and self._a_part_of_a_city(between, part)

    def _part_of_a_unit(self, sdoc, unit: PlaceCandidate, part: PlaceCandidate) -> int | None:
        """The last token of a place inside a unit, with its own noun ("Singu township",
        "Maru area"), when the holder is a unit written as one ("Zamfara state", "Saada
        province", "Mandalay region"); else None."""
        written_unit = unit.precision in ("admin1", "admin2") \
            or self._unit_noun_first(_text(sdoc)[unit.end:part.start]) is not None
        if not written_unit:
            return None
        nouns = self.lex.unit_nouns | self.lex.city_parts \
            | {w for w, level in self.lex.place_heads.items() if level == "admin2"}
        if part.text.split()[-1].lower() in nouns:
            return max(part.tokens)
        j = max(part.tokens) + 1
        return j if j < len(sdoc) and sdoc[j].lower_ in nouns else None

    def _places_describing_a_place(self, scan: _PlaceScan) -> None:
        """ "Dahiyeh, Beirut's southern suburbs", "Kosti, the capital of White Nile state": a
        phrase set beside a place that says what it is names where it lies, not a second
        strike place. Only a common noun's phrase ("suburbs", "the capital"): names set side
        by side are a list ("Aleppo, Idlib"), and so is a place the phrase goes on to ("Raqqa,
        the group's de facto capital in northern Syria, and the nearby Tabqa airport")."""
        sdoc = scan.sdoc
        described = set()
        for phrase in (c for cand in scan.cands for i in cand.tokens for c in sdoc[i].children
                       if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i not in cand.tokens):
            listed = {t.i for k in phrase.children if k.dep_ == "conj" for t in k.subtree}
            described |= {t.i for t in phrase.subtree} - listed
        scan.cands = [c for c in scan.cands if not (c.tokens and c.tokens <= described)]

    def _kind_before_its_name(self, scan: _PlaceScan) -> None:
        """ "the central Gaza town of Deir al-Balah", "the Donetsk town of Kostiantynivka", "the
        Idlib town of Saraqib": the region's name and a kind of place, before "of" and the
        place's own name, say where the named place lies; they are no strike place of their
        own (the geocoder reads the region from the sentence). A part of a city before its
        city is the place itself ("the Bab al-Maqam neighborhood of Aleppo"), and so is a
        name whose kind is written as a name ("the Old City of Damascus")."""
        sdoc, kinds = scan.sdoc, _SETTLEMENT_KINDS
        starts = {min(c.tokens) for c in scan.cands if c.tokens}
        scan.cands = [c for c in scan.cands if not (
            c.tokens and len(c.tokens) > 1 and sdoc[max(c.tokens)].text in kinds
            and max(c.tokens) + 2 < len(sdoc) and sdoc[max(c.tokens) + 1].lower_ == "of"
            and max(c.tokens) + 2 in starts)]

    def _land_holding_a_place(self, scan: _PlaceScan) -> None:
        """ "Kyauk Ni Maw village on Ramree Island in Rakhine State": an island or peninsula
        a place is "on" holds it; it is no second strike place (the geocoder still reads the
        province after it). Nor is the feature's noun alone, its name lost to the tagger."""
        text, cands = _text(scan.sdoc), sorted(scan.cands, key=lambda c: c.start)
        features = self.lex.holding_features
        held = {id(c) for c in cands if all(w.lower() in features for w in c.text.split())}
        held |= {id(b) for a, b in zip(cands, cands[1:])
                if re.fullmatch(r"\s+on\s+(?:the\s+)?", text[a.end:b.start])
                and any(w.lower() in features
                        for w in (*b.text.split(), *re.findall(r"^\s*(\w+)", text[b.end:])))}
        # and the unit the land lies in: "on Ramree Island in Rakhine State" holds one village
        held |= {id(b) for a, b in zip(cands, cands[1:]) if id(a) in held
                 and re.fullmatch(r"\s+in\s+(?:the\s+)?", text[a.end:b.start])
                 and any(id(c) not in held and c.start < a.start for c in cands)}
        scan.cands = [c for c in scan.cands if id(c) not in held]

    def _a_part_of_a_city(self, between: str, part: PlaceCandidate) -> bool:
        """What a city's possessive sets inside the city: a district ("Karari district"), a
        landmark ("Tehran's Evin prison", "Khartoum's Bashair hospital"), or a place the words
        between call a part of it ("Beirut's southern suburb of Dahiyeh")."""
        noun = part.text.split()[-1].lower()
        return noun in self.lex.city_parts or noun in self.lex.landmark_nouns \
            or bool(_PART_OF_CITY.search(between))

    def _heads_of_written_containers(self, scan: _PlaceScan) -> None:
        """ "SAF bombed Sortony (Kabkabiya, North Darfur)", "Air strikes on Logomani
        (Ngala, Borno)", "Al-Hussainiyah (Qaatabah, Ad Dali)", "airstrikes on Mayo market
        (Khartoum, Khartoum)": coders' notes write the place struck, then in brackets the
        units that hold it. The name before the brackets is the
        place, though neither the tagger nor the gazetteer knows it; the units are its
        containers (the geocoder reads them after it), not strike places of their own."""
        sdoc, text = scan.sdoc, _text(scan.sdoc)
        for hit in _WRITTEN_WITH_CONTAINER.finditer(text):
            inside = [c for c in scan.cands
                      if hit.start("inside") <= c.start and c.end <= hit.end("inside")]
            span = sdoc.char_span(hit.start("head"), hit.end("head"), alignment_mode="contract")
            if not inside or span is None or len(span) == 0:
                continue
            toks = set(range(span.start, span.end))
            word = hit.group("word")  # "Sortony village (...)", "Mayo market (Khartoum, ...)"
            name_toks = toks - {span.end - 1} if word else toks  # a landmark's noun is "named"
            if (word and word not in self.lex.place_heads and word not in self.lex.landmark_nouns) \
                    or name_toks & (scan.named | scan.speaker_tokens) or _is_country(span.text) \
                    or span.text.lower() in self.lex.not_places or span.text.isupper():
                continue  # an acronym is spelt out in brackets: "ZNPP (Zaporizhzhia ... Plant)"
            scan.cands = [c for c in scan.cands if c not in inside and not c.tokens & toks]
            scan.taken |= toks
            scan.cands.append(PlaceCandidate(span.text, span.start_char, span.end_char, toks,
                                             None, self._known(span.text)))

    def _is_weapon(self, text: str) -> bool:
        """A weapon's name the tagger took for a place ("A Bayraktar struck a convoy")."""
        return any(s == 0 and e == len(text) for s, e, _, _ in self.lex.weapons.find(text))

    def _names_a_force(self, sdoc, cand: PlaceCandidate) -> bool:
        """A place name that qualifies an armed force stands for who fired, not where a strike
        fell: "shelling by Kiev forces", "Kiev's troops", "Idlib rebels" (places.yaml
        force_nouns)."""
        if not cand.tokens:
            return False
        root = next((sdoc[i] for i in cand.tokens if sdoc[i].head.i not in cand.tokens), None)
        if root is None:
            return False
        owned = self._owned_by(sdoc, cand)
        if owned is not None and (owned.lower_ in self.lex.force_nouns or self._is_strike_noun(owned)):
            return True  # "Kiev's shelling of ...", "by Kiev's forces" however the parser hangs it
        return root.dep_ in _MODIFIER and root.head.lower_ in self.lex.force_nouns and not self._victim(root.head)

    @staticmethod
    def _owned_by(sdoc, cand: PlaceCandidate):
        """The word right after a name's possessive ending ("Kiev's shelling" -> "shelling"), if any."""
        after = max(cand.tokens) + 1
        if after + 1 < len(sdoc) and sdoc[after].lower_ in ("'s", "’s", "'", "’"):
            return sdoc[after + 1]
        return None

    def _is_strike_noun(self, tok) -> bool:
        """A noun of a strike: the possessor of one is who struck ("Moscow's bombing of Aleppo",
        "Kiev's shelling"), whereas a name set before one says where ("Aleppo bombing")."""
        base = self.lex.base(tok.lower_)
        return tok.pos_ in ("NOUN", "VERB") and (base in self.lex.strong_nouns or tok.lower_ in self.lex.strong_nouns
                                                 or base in self.lex.weak_nouns)

    def _victim(self, noun) -> bool:
        """A noun the sentence says was killed or wounded: "militiaman killed", "servicemen
        were wounded", "kills one serviceman"."""
        verbs = self.lex.victim_verbs
        return any(c.dep_ in ("acl", "relcl", "amod") and c.lower_ in verbs for c in noun.children) or (
            noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.lower_ in verbs)

    def _named_tokens(self, sdoc, actors) -> set[int]:
        """The tokens of actors, groups and bodies: no place, except a capital a preposition
        governs."""
        lex = self.lex
        # a capital standing for its government ("Damascus denied") is no place, but one a
        # preposition governs is: "the central neighborhoods of Damascus"
        # ("the regime in Damascus" is still the government)
        actor_toks = set().union(*(t for _, t in actors)) if actors else set()

        def capital_here(toks) -> bool:
            span = sdoc[min(toks):max(toks) + 1]
            tok = span.root  # "People's Republic" of "Donetsk People's Republic"
            name = span.text.lower()
            if name not in lex.capitals:
                return False
            if name in lex.territories and tok.dep_ in _MODIFIER \
                    and lex.base(tok.head.lower_) not in lex.strong_nouns | lex.weak_nouns:
                # the land on what was struck or on who was hit: "shell DPR settlements",
                # "a DPR militiaman killed" (not "DPR shelling", "DPR forces": who fired)
                return self._victim(tok.head) or self._struck(tok.head, actor_toks)
            # a capital naming a landmark's city is the place: "Damascus international
            # airport", "Kyiv railway station" (not the government: "Damascus denied")
            landmark = tok.dep_ in ("compound", "nmod") and self._a_landmark(tok.head)
            return landmark or self._struck(tok, actor_toks)

        named = set().union(set(), *(t for _, t in actors if not capital_here(t)))
        for matcher in (lex.groups, lex.orgs):
            for s, e, _, _ in matcher.find(_text(sdoc)):
                span = sdoc.char_span(s, e, alignment_mode="expand")
                if span is not None and not capital_here(set(range(span.start, span.end))):
                    named |= set(range(span.start, span.end))
        return named | self._titled_people(sdoc)

    def _titled_people(self, sdoc) -> set[int]:
        """The tokens of a person's name written after their title: "Mayor Volodymyr
        Klitschko", "health minister Mai al-Kaila", "Governor Oleh Syniehubov". A town bears
        one of the words (Volodymyr-Volynskyi is also Volodymyr), but here it is a person;
        unless the title is a word of a place's name: one the gazetteer knows ("Sheikh
        Zuweid") or the text calls a place ("the Sheikh Radwan neighbourhood")."""
        out: set[int] = set()
        for ent in sdoc.ents:
            if ent.label_ == "PERSON" and ent.start > 0 \
                    and sdoc[ent.start - 1].text in self.lex.person_titles \
                    and not self._place_head_at(sdoc, ent.end) \
                    and not self._known(sdoc[ent.start - 1:ent.end].text):
                out |= set(range(ent.start, ent.end))
        return out

    def _place_head_at(self, sdoc, i: int) -> bool:
        """A place's noun at token i, after adjectives or of two words ("the Sheikh Radwan
        residential area", "King Khalid air base"): the name before it is the place's."""
        return _noun_after(sdoc, i) in self.lex.place_heads \
            or sdoc[i: i + 2].text.lower() in self.lex.place_heads

    def _struck(self, tok, actor_toks: set[int]) -> bool:
        """A name the strike verb takes as its object ("Kiev troops shell DPR", "Israeli jets
        struck Damascus") or a place preposition governs ("shelling in DPR"), not the seat of
        an actor ("the regime in Damascus")."""
        lex = self.lex
        if tok.dep_ == "dobj":
            verb = lex.base(tok.head.lower_)
            return verb in lex.strong_verbs or verb in lex.weak_verbs \
                or tok.head.lemma_ in lex.strong_verbs | lex.weak_verbs
        return tok.dep_ == "pobj" and tok.head.lower_ in lex.place_prepositions \
            and tok.head.head.i not in actor_toks

    def _add(self, scan: _PlaceScan, first: int, last: int, *, from_ent: bool, precision: str | None = None) -> None:
        """Take tokens first..last as a place, with the place word after them ("Homs province"),
        unless they are taken, a modifier, no place, or a run of names to split."""
        lex, sdoc = self.lex, scan.sdoc
        # "the", a country's prefix, and the dash of a dated heading ("June 12, 2017 - Raqqa:")
        while first <= last and (sdoc[first].lower_ in lex.country_prefix
                                 or sdoc[first].lower_ == "the" or _dash_after_a_date(sdoc, first)):
            first += 1
        if first > last:
            return
        last = self._name_before_its_place_word(sdoc, first, last)
        toks = set(range(first, last + 1))
        if toks & scan.taken or toks & scan.speaker_tokens:
            return
        if toks <= scan.named and sdoc[first: last + 1].text.lower() not in lex.capitals \
                and self._place_word(sdoc, last, set(), None) is not None:
            return  # a force's site ("a Boko Haram camp", "a Houthi camp"): the target, no place
            # name ("Moscow City", a capital's district, is one)
        precision = self._place_word(sdoc, last, toks, precision)
        name = sdoc[first: last + 1]
        if last + 1 < len(sdoc) and sdoc[last + 1].text == "-" and not name[-1].whitespace_:
            return  # "Damascus-backed", "Aleppo-based": a modifier, not a place
        if name.text.lower() in lex.not_places or all(t.lower_ in lex.not_places for t in name) \
                or self._whose(name.text) or self._site_kind(name, precision):
            return
        if precision is None and (toks & scan.named or (from_ent and not self._known(
                name.text, spelling_variants=self._struck_object(name)))):
            pieces = self._segment(name) if from_ent and len(name) > 1 else []
            for a, b in pieces:
                self._add(scan, a, b, from_ent=False)
            return
        if self._said_here(name) or (precision in (None, "point") and _is_country(name.text)):
            return
        scan.taken.update(toks)
        span = sdoc[first: max(toks) + 1]
        scan.cands.append(PlaceCandidate(span.text, span.start_char, span.end_char, toks, precision,
                                         self._known(name.text)))

    @staticmethod
    def _described(sdoc, last: int, j: int) -> bool:
        """Only lower-case descriptors between a name and word j: "al-Furqan residential"."""
        return all(sdoc[k].pos_ == "ADJ" or (sdoc[k].pos_ == "PROPN" and sdoc[k].is_lower)
                   for k in range(last + 1, j))

    def _name_before_its_place_word(self, sdoc, first: int, last: int) -> int:
        """Where a name the tagger took with its place word ends: "Damascus International
        Airport" (an ORG for its "International") is Damascus and its airport."""
        if not (sdoc[last].is_title and sdoc[last].lower_ in self.lex.landmark_nouns):
            return last
        for k in range(first, last - 1):  # a word between: "International", "Military"
            words: set[int] = set()
            if self._place_word(sdoc, k, words, None) is not None and max(words) == last:
                return k
        return last

    def _place_word(self, sdoc, last: int, toks: set[int], precision: str | None) -> str | None:
        """The precision a place word after the name gives it, its tokens added to ``toks``:
        "Homs province", "Tabqa military airport"; else ``precision`` unchanged."""
        lex = self.lex
        j = last + 1  # a place word after the name: "Homs province", "Tabqa military airport"
        while j < len(sdoc) and j <= last + 3 and sdoc[j].pos_ in ("NOUN", "ADJ", "PROPN"):
            phrase = sdoc[last + 1: j + 1].text.lower()
            if phrase not in lex.place_heads and self._described(sdoc, last, j):
                phrase = sdoc[j].lower_  # "al-Furqan residential neighborhood", "Damascus
                # international airport" (the tagger calls "international" a proper noun)
            if phrase in lex.place_heads:
                precision = lex.place_heads[phrase]
                toks |= set(range(last + 1, j + 1))
                break
            j += 1
        return precision

    def _listed_places(self, scan: _PlaceScan, words) -> None:
        """Lists the text introduces as places, whether or not the gazetteer knows them: "the
        towns of Rastan Talbeesah Ter Maaleh and Zafarana", "districts including al-Kalaseh
        Bustan al-Qasr and al-Sakhour" (commas lost); a known name inside is taken whole."""
        lex, named, taken = self.lex, scan.named, scan.taken
        for w, (a, b, text) in enumerate(words):
            opener = text.lower()
            if opener == "as" and w > 0 and words[w - 1][2].lower() == "such":
                w -= 1
            if opener not in lex.list_openers or w == 0:
                continue
            head = words[w - 1][2].lower()
            if head not in lex.of_phrases or not head.endswith("s"):
                continue
            names, v = [], w + 1
            while v < len(words) and (_NAMELIKE.match(words[v][2]) or words[v][2].lower() in ("and", ",")):
                if _NAMELIKE.match(words[v][2]):
                    if any(i in named or i in taken for i in range(words[v][0], words[v][1])) \
                            or words[v][2].lower() in lex.not_places - lex.name_heads:
                        break
                    names.append(v)
                v += 1
            precision = lex.place_heads.get(head[:-1]) or lex.place_heads.get(head)
            for first, last in self._split_names(words, names):
                self._add(scan, words[first][0], words[last][1] - 1, from_ent=False, precision=precision or "point")

    def _toll_places(self, scan: _PlaceScan, words) -> None:
        """A toll split by place: "including 9 in the neighborhood Alsaliheen 8 in Ansari 5 in
        Almiyassar" names a place after each count, whether or not the gazetteer knows it."""
        lex, sdoc = self.lex, scan.sdoc
        for w in range(len(words) - 2):
            if not (sdoc[words[w][0]].like_num and words[w + 1][2].lower() == "in"
                    and _NAMELIKE.match(words[w + 2][2])):
                continue
            v = w + 2
            while v < len(words) and v < w + 5 and _NAMELIKE.match(words[v][2]) \
                    and words[v][2].lower() not in lex.not_places:
                v += 1
            if v > w + 2:
                self._add(scan, words[w + 2][0], words[v - 1][1] - 1, from_ent=False, precision="point")

    def _gazetteer_runs(self, scan: _PlaceScan, words) -> None:
        """Names spaCy missed or split ("Bustan" + "al-Qasr"): runs of proper nouns the
        gazetteer knows, longest first; a lone word must name a town of some size. A run
        never ends on a word that opens a longer name ("Bab" of "Bab al-Nayrab")."""
        sdoc, taken, named = scan.sdoc, scan.taken, scan.named
        w = 0
        while w < len(words):
            # "Um" of "Um Rawaba" opens a name, whatever country's code it spells (UM)
            if not self._proper(sdoc, words[w], taken, named) or self._apostrophe_lost(sdoc, words, w) \
                    or _is_country(words[w][2]) and not self._opens_a_name(sdoc[words[w][0]]):
                w += 1
                continue
            k = w + 1  # the first word is proper: just asked
            while k < len(words) and k < w + 4 and self._proper(sdoc, words[k], taken, named):
                k += 1
            ends, one_village = self._name_ends(scan, words, w, k)
            if ends == [w + 1] and k > w + 1 and words[w][2].lower() in self.lex.regions:
                w += 1  # "East" of "Debre Markos, East Gojjam": no place; what follows may be
                continue
            j = ends[0] if ends else k
            if self._add_run(scan, words, w, j, k, known=bool(ends), one_village=one_village):
                w = j - 1
            elif self._one_unknown_name(sdoc, words, w, k):
                w = k - 1  # not its second word alone: "Dolyna" of "Zelena Dolyna"
            w += 1

    def _apostrophe_lost(self, sdoc, words, w: int) -> bool:
        """ "Aleppos Marjeh district": a town's possessive that lost its apostrophe, before
        another name."""
        a, b, text = words[w]
        return w + 1 < len(words) and text.endswith("s") and bool(_NAMELIKE.match(words[w + 1][2])) \
            and b - a == 1 and sdoc[a].is_title and len(text) > 4 \
            and self.gazetteer.is_place(text[:-1], min_population=self.settings.place_min_population)

    def _name_ends(self, scan: _PlaceScan, words, w: int, k: int) -> tuple[list[int], bool]:
        """Where the run of proper words w..k may end as a name the gazetteer knows, longest
        first, and whether the run is one village the gazetteer lacks (then no shorter name of
        it counts: "Tudun Biri, Kaduna state" is not Biri, a town elsewhere). Not the whole run
        when the text says it is a place ("the neighborhood of Aleppo Syria Live Network" is
        Aleppo), nor a landmark's name whose town the text gives ("Gorky Park, Kharkiv")."""
        lex, sdoc = self.lex, scan.sdoc
        if self._named_with_its_noun(sdoc, words, w, k):
            return self._ends_of_a_named_unit(sdoc, words, w, k), False
        ends = [j for j in range(k, w, -1) if not (j < k and words[j - 1][2].lower() in lex.name_heads)
                and not (j < k and _ARABIC_ARTICLE.match(words[j][2]))
                and not (j < k and self._landmark_then_its_town(sdoc, words, j, k))
                and (self._known_run(sdoc, words, w, j) or self._spelt_otherwise(sdoc, words, w, j, k))]
        one_village = ends[:1] != [k] and (self._one_village_named(scan, words, w, k)
                                           or self._a_village_a_town_word_opens(sdoc, words, w, k, ends))
        return ([] if one_village else ends), one_village

    def _spelt_otherwise(self, sdoc, words, w: int, j: int, k: int) -> bool:
        """Words w..j-1, opened by a word that opens place names, are a place the gazetteer
        spells otherwise, where the text puts a place: struck, after a place preposition, or
        right before the province that holds it ("shelled Um Rawaba North Kordofan state" is
        GeoNames' Umm Ruwaba; "in Kafr Nubl" its Kafranbel). Arabic names have no one
        romanisation; alone, a variant of two short words would be too loose a match."""
        if j - w < 2 or words[w][2].lower() not in self.lex.name_heads:
            return False
        last = sdoc[words[j - 1][1] - 1]
        placed = self._put_in_place(last) or (
            j < k and self._unit_with_its_noun(sdoc, words[j][0], words[k - 1][1]))
        return placed and self._known(sdoc[words[w][0]:last.i + 1].text, spelling_variants=True)

    def _put_in_place(self, last) -> bool:
        """The word that ends a run of names is where the text puts a place: struck, or after a
        place preposition."""
        return self._taken_by_strike_verb(last) or (
            last.dep_ == "pobj" and last.head.lower_ in self.lex.place_prepositions)

    def _a_village_a_town_word_opens(self, sdoc, words, w: int, k: int, ends: list[int]) -> bool:
        """Two proper words the gazetteer lacks together, the first alone a town (Kab, India;
        Ram, West Bank; Mala, Peru), where the text puts a place: "struck Kab Elias", "bombed
        Ram Hamdan", "in Mala Komyshuvakha". One village's name, not the town abroad and a
        stray word; unless its second word is a place of a country the first names too, a list
        that lost its comma ("shelled Homs Hama")."""
        if ends != [w + 1] or k != w + 2 or words[w][1] - words[w][0] != 1 \
                or (k < len(words) and words[k][2].lower() == "and"):
            return False
        last = sdoc[words[k - 1][1] - 1]
        # the tagger calls a village's two words it does not know a person's name
        if last.lower_ in self._nouns_ending_a_name or last.lower_ in self.lex.not_places \
                or not self._put_in_place(last) or last.ent_type_ in _NOT_PLACE_ENTITIES - {"PERSON"}:
            return False  # "Gorky Park", "Hama Tuesday"
        opener = self.gazetteer.lookup(words[w][2])
        if any(c.kind in ("admin1", "admin2") or c.population
               >= self.settings.village_opener_max_population for c in opener):
            return False
        return not any(c.country in {c.country for c in opener}
                       for c in self.gazetteer.lookup(words[w + 1][2]))

    def _unit_with_its_noun(self, sdoc, first: int, end: int) -> bool:
        """Tokens first..end-1 and the unit's noun after them are a province or a district
        ("North Kordofan state", "Aleppo province"), not a part of a town ("Misrata district")."""
        noun = sdoc[end].lower_ if end < len(sdoc) else ""
        return noun in self.lex.unit_nouns and noun not in self.lex.city_parts \
            and self._names_a_unit(sdoc[first:end].text)

    def _named_with_its_noun(self, sdoc, words, w: int, k: int) -> bool:
        """A run of two or more names that its own place noun ends or follows, and that is one
        name: opened by a compass word ("West Gojjam zone", "North Western zone") or one name
        to the tagger ("the Green Zone", "the Cal Miskaad mountains", "the Nur Shams refugee
        camp", "the Khor Mor gas field"). The whole run is the
        place; its first word alone is a namesake town elsewhere (West, Green, Cal)."""
        if k - w < 2:
            return False
        nouns = self.lex.unit_nouns.union(self.lex.place_heads)
        last = words[k - 1][1]
        # the noun may be two words: "Nur Khan air base", "the Nur Shams refugee
        # camp", a person's name to the tagger
        two = sdoc[last: last + 2].text.lower() in nouns
        follows = last < len(sdoc) and (sdoc[last].lower_ in nouns or two)
        if not (follows or words[k - 1][2].lower() in nouns):
            return False
        if follows and self._known(sdoc[words[w][0]: last + 1 + two].text):
            return True  # "King Khalid air base", a base named after a person: one place
        if any(self._names_a_unit(sdoc[words[v][0]:words[k - 1][1]].text) for v in range(w + 1, k)):
            return False  # "Millis Idlib province": a village and its unit, the comma lost
        first = words[w][0]
        one_entity = sdoc[first].ent_iob_ == "B" and sdoc[last - 1].ent_iob_ in ("B", "I") \
            and (last == len(sdoc) or sdoc[last].ent_iob_ != "I") \
            and all(sdoc[i].ent_iob_ == "I" for i in range(first + 1, last))
        definite = first > 0 and sdoc[first - 1].lower_ == "the"  # "the Green Zone"
        return one_entity or definite or words[w][2].lower() in self.lex.regions

    def _names_a_unit(self, name: str) -> bool:
        """The gazetteer knows the name as a province or a district."""
        return any(c.kind in ("admin1", "admin2") for c in self.gazetteer.lookup(name))

    def _ends_of_a_named_unit(self, sdoc, words, w: int, k: int) -> list[int]:
        """Where a run named with its noun may end: the whole run if the gazetteer knows it,
        or before its last word when that is the unit's noun and the rest a unit the gazetteer
        knows ("Kachin State", "Shan State"); never at a shorter name (not "Green" of "Green
        Zone")."""
        if self._known_run(sdoc, words, w, k):
            return [k]
        if words[k - 1][2].lower() in self.lex.unit_nouns and k - 1 > w:
            if self._names_a_unit(sdoc[words[w][0]:words[k - 2][1]].text):
                return [k - 1]
        return []

    def _add_run(self, scan: _PlaceScan, words, w: int, j: int, k: int, *, known: bool,
                 one_village: bool) -> bool:
        """Add words w..j as a place when the gazetteer knows them, or when the whole run is
        one that the text makes a place (introduced by a place word, one village, a name joined
        by its Arabic article); say whether it was added."""
        sdoc = scan.sdoc
        first, last = words[w][0], words[j - 1][1]
        before = words[w - 1][2].lower() if w > 0 else ""
        joined = j == k and not known and self._name_with_its_article(sdoc, words, w, k)
        introduced = j == k and (one_village or self._introduced(sdoc, words, w, last)
                                 or self._named_with_its_noun(sdoc, words, w, k)) or joined
        if not (known or introduced) or self._a_landmark_noun_alone(words, w, j):
            return False
        head = self._kind_before(words, w) if introduced else before
        # a name joined by its article, or one village before its unit, is a town's or a village's: a point
        precision = self.lex.place_heads.get(head) or ("point" if joined or one_village else None)
        self._add(scan, first, last - 1, from_ent=False, precision=precision)
        added = scan.cands[-1] if scan.cands and first in scan.cands[-1].tokens else None
        if added is not None and known and self._spelt_otherwise(sdoc, words, w, j, k):
            added.known = True  # in another spelling: "Um Rawaba" is GeoNames' Umm Ruwaba
        return True

    def _a_landmark_noun_alone(self, words, w: int, j: int) -> bool:
        """The capitalised noun of a landmark's name, alone ("Airport" of "Damascus
        International Airport", "Market"), is the landmark, not the hamlets abroad called so."""
        return j - w == 1 and words[w][2].lower() in self.lex.landmark_nouns

    def _landmark_then_its_town(self, sdoc, words, j: int, k: int) -> bool:
        """Word j ends a landmark's name ("Park", "Square") and the run of names k is followed by
        the town it stands in: in "Gorky Park, Kharkiv" and "Sarajevo Park in Aleppo" the words
        before the noun name the park, not a town (a writer names the town the landmark is
        in; "Odesa Cathedral", with no town after it, is the cathedral of Odesa)."""
        if words[j][2].lower() not in self.lex.landmark_name_ends:
            return False
        after = sdoc[words[k - 1][1]:words[k - 1][1] + 3]
        return len(after) >= 2 and after[0].lower_ in (",", "in") \
            and after[1].is_title and after[1].pos_ == "PROPN"

    def _one_village_named(self, scan: _PlaceScan, words, w: int, k: int) -> bool:
        """One to three proper words the text makes one place: a village before its unit, a word
        of it no place the gazetteer knows ("in Tudun Biri, Kaduna state", "near Adan Yabaal,
        Middle Shabelle", "on Kitshanga, Masisi territory"), or a run named a village ("Let Yet
        Kone village", "the village of Hpa Lan"). Villages missing from the gazetteer are
        written so in every war; their words alone are namesakes far away."""
        sdoc = scan.sdoc
        if not 1 <= k - w <= 3:
            return False
        if any(_is_country(words[v][2]) for v in range(w, k)):
            return False  # "the city of Tabqa Syria": a town and its country
        if k - w > 1 and self._called_a_village(sdoc, words, w, k):
            return True
        if not self._unit_follows(scan, words, k):
            return False
        if not all(self._known_run(sdoc, words, v, v + 1) for v in range(w, k)):
            return True
        return k - w > 1 and self._none_in_the_units_country(sdoc, words, w, k)

    def _none_in_the_units_country(self, sdoc, words, w: int, k: int) -> bool:
        """Each word of the run is a place, but none in the country of the unit written after
        it: "near Baga Sola, Lac region" (Chad) is one town, not Baga (Nigeria) and Sola."""
        v = k + 1
        while v < len(words) and v < k + 5 and words[v][2] not in (",", "."):
            v += 1
        unit = self.gazetteer.resolve(sdoc[words[k + 1][0]: words[v - 1][1]].text)
        country = getattr(unit, "country", None)
        if country is None or getattr(unit, "precision", None) not in ("admin1", "admin2"):
            return False
        return not any(c.country == country for x in range(w, k)
                       for c in self.gazetteer.lookup(words[x][2]))

    def _called_a_village(self, sdoc, words, w: int, k: int) -> bool:
        """The text calls the run a village: "Let Yet Kone village", "the village of Hpa Lan",
        "a village called Kan Thar Yar"."""
        last = words[k - 1][1]
        after = sdoc[last].lower_ if last < len(sdoc) else ""
        return after in _VILLAGE_NOUNS or self._kind_before(words, w) in _VILLAGE_NOUNS

    def _kind_before(self, words, w: int) -> str:
        """The noun of a kind of place that introduces the run of names from word w, through
        "of" or a naming verb ("the village of X", "a village called X", "a town known as X"),
        else the word right before the run. A writer names a place it expects the reader not to
        know so, in every war; the kind noun says the name is a place, and of what size."""
        v = w - 1
        if v >= 1 and words[v][2].lower() == "as":
            v -= 1  # "known as"
        if v >= 1 and (words[v][2].lower() in self.lex.naming_verbs or words[v][2] == "of"):
            return words[v - 1][2].lower()
        return words[w - 1][2].lower() if w > 0 else ""

    def _unit_follows(self, scan: _PlaceScan, words, k: int) -> bool:
        """A comma after word k-1, then a province or district: "..., Kaduna state"; or "in"
        and a unit named with its noun ("in Kafr Zubaydat in nearby Aleppo province"), after
        a name no noun of a landmark or a feature ends ("Kamaran Island in Hodeidah province"
        is read as the island with its province)."""
        if k + 1 < len(words) and words[k][2].lower() == "in" and words[k][2] != "IN" \
                and words[k - 1][2].lower() not in self._nouns_ending_a_name:
            v = k + 1
            while v < len(words) and words[v][2].lower() in self.lex.unit_after_in:
                v += 1
            end = v
            while end < len(words) and end < v + 3 and _NAMELIKE.match(words[end][2]):
                end += 1
            return end > v and end < len(words) and words[end][2].lower() in self.lex.unit_nouns \
                and self._names_a_unit(scan.sdoc[words[v][0]: words[end - 1][1]].text)
        if k + 1 >= len(words) or words[k][2] != ",":
            return False
        v = k + 1
        while v < len(words) and v < k + 4 and _NAMELIKE.match(words[v][2]):
            v += 1
        if v == k + 1:
            return False
        unit = scan.sdoc[words[k + 1][0]: words[v - 1][1]]
        after = words[v][2].lower() if v < len(words) else ""
        if after in self.lex.unit_nouns:
            return True
        resolved = self.gazetteer.resolve(unit.text)  # "Middle Shabelle": Middle Shabele
        return getattr(resolved, "precision", None) in ("admin1", "admin2") or self._a_unit(
            PlaceCandidate(unit.text, unit.start_char, unit.end_char, set(range(unit.start, unit.end)), None))

    def _name_with_its_article(self, sdoc, words, w: int, k: int) -> bool:
        """A name of two words, the second opening with the Arabic article, that a place
        preposition governs: "in Maarat al-Numan", "in Aita al-Shaab". One place's name, which
        the gazetteer may know only by another spelling; its tail alone is another place
        (Numan, Nigeria). A person's name ("killed Ahmed al-Hassan", "the killing of Saleh
        al-Arouri") is governed by no such preposition, whatever the tagger calls the words
        (it takes "Maarat al-Numan" for a person)."""
        if k != w + 2 or not _ARABIC_ARTICLE.match(words[w + 1][2]):
            return False
        head = sdoc[words[w + 1][1] - 1]
        return head.dep_ == "pobj" and head.head.lower_ != "of" \
            and head.head.lower_ in self.lex.place_prepositions

    def _one_unknown_name(self, sdoc, words, w: int, k: int) -> bool:
        """Two proper words the gazetteer lacks together, the first a word that opens a name
        ("Ayn Tarma") or a hamlet's name ("Zelena Dolyna"), and no "and" after them (a list
        that lost its commas): one village's name, its second word not a town of that name
        hundreds of kilometres away."""
        if k != w + 2 or words[w][1] - words[w][0] != 1:
            return False
        after = words[k][2].lower() if k < len(words) else ""
        first = sdoc[words[w][0]]
        return after not in ("and", ",") and (
            first.lower_ in self.lex.name_heads or self.gazetteer.is_place(first.text, min_population=0))

    def _introduced(self, sdoc, words, w: int, last: int) -> bool:
        """ "the town of Saraqeb", "the province of Raqa", "the neighborhood Alsaliheen",
        "the al-Furqan neighbourhood", "Amhara region's Wegel Tena": the text says the run of names from word w is a place."""
        lex = self.lex
        before = words[w - 1][2].lower() if w > 0 else ""
        kind = self._kind_before(words, w)
        if self._a_feature(sdoc, words, w, last) \
                or (words[w][2] in lex.place_only_heads and last > words[w][1]):
            return True  # "Maarat Misrin", "Kafr Nabouda": opened by a word only places open
        return ((before in ("'s", "’s") and w >= 2 and words[w - 2][2].lower() in lex.place_heads)
                or (kind != before and kind in lex.of_phrases and not kind.endswith("s"))
                or (before in lex.of_phrases and not before.endswith("s") and w >= 2
                    and words[w - 2][2].lower() in ("the", "a"))
                or self._place_head_at(sdoc, last))

    def _a_feature(self, sdoc, words, w: int, last: int) -> bool:
        """The run of names from word w is a natural feature's name: it ends with the
        feature's noun ("Sambisa Forest") or opens with its word ("Jebel Marra", "Mount
        Lebanon"). Then it is one place, not its last word's namesake town (Forest, Brussels)."""
        first = words[w][0]
        return last - first > 1 and (sdoc[last - 1].lower_ in self.lex.feature_heads
                                     or sdoc[first].lower_ in self.lex.feature_before)

    def _regions(self, scan: _PlaceScan) -> None:
        """Regions: "in the northwest", "northern Syria", "east Ukraine"; not a town's side
        ("in the city's south", "the town's east"), which is a part of the town named before."""
        lex, sdoc, taken, cands = self.lex, scan.sdoc, scan.taken, scan.cands
        for t in tokens_among(sdoc, self._region_ids):
            if t.i not in taken and not any(c.dep_ == "poss" and c.lower_ in lex.of_phrases
                                            for c in t.children):
                if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj":
                    first = t.i - 1 if t.i > 0 and sdoc[t.i - 1].lower_ == "the" else t.i
                    span = sdoc[first: t.i + 1]
                    cands.append(PlaceCandidate(span.text, span.start_char, span.end_char, {t.i}, "region", True))
                    taken.add(t.i)
                elif t.dep_ in ("amod", "compound") and t.head.ent_type_ in ("GPE", "LOC") \
                        and _is_country(t.head.text):  # "northern Syria", "east Ukraine"
                    span = sdoc[t.i: t.head.i + 1]
                    cands.append(PlaceCandidate(span.text, span.start_char, span.end_char,
                                                {t.i, t.head.i}, "region", True))

    def finest(self, places: list[PlaceCandidate], sdoc,
                sentence_places: list[PlaceCandidate] = ()) -> list[PlaceCandidate]:
        """ "X in Y" names one place, X, the finer: "the al-Furqan neighbourhood in Aleppo city"
        is al-Furqan and "Karam Alnozha and Tal Alzarazir in Aleppo" two neighbourhoods (one
        event per named neighbourhood); placing X inside Y is the geocoder's work. A name
        neither the gazetteer nor the text's wording makes a place leaves Y standing."""
        holders: set[int] = set()  # the places kept inside a container: "Idlib, Idlib province"

        def contained(cands: list[PlaceCandidate]) -> set[int]:
            cands = sorted(cands, key=lambda p: p.start)
            text = _text(sdoc)
            out: set[int] = set()
            for a, b in zip(cands, cands[1:]):
                between = self._past_own_noun(text[a.end:b.start])
                # a name right before its unit is held by it, known or not ("Um Rawaba North
                # Kordofan state": GeoNames spells the town otherwise)
                held = self._unit_right_after(sdoc, a, b, between)
                if held or _CONTAINER.fullmatch(between) or _appended_container(sdoc, a, b, between, self.lex.unit_nouns):
                    held = held or a.known or a.precision == "point" or self._unit_in_a_unit(sdoc, a, b)
                    out.add(id(b) if held else id(a))
                    holders.add(id(a) if held else id(b))
                elif _POSSESSIVE.fullmatch(between) and (a.known or a.precision in ("admin1", "admin2")):
                    out.add(id(a))
                    holders.add(id(b))
                elif a.precision == "admin1" and b.precision == "point" and _NEAR.fullmatch(between):
                    out.add(id(a))  # "the camp situated in southern Idlib province close to the village of al-Khwyn"
                elif _LEAD_SET_OFF.match(between) and not text[:a.start].strip():
                    out.add(id(a))  # "Gaza: 30 killed in Israeli strike on school in Nuseirat"
                    holders.add(id(b))
            return out

        drop = contained(places)
        # the container named again in the words of the same strike ("a terrorist mortar
        # attack by the so called Jaish al-Fateh on ... al-Fouaa town in the northern countryside
        # of Idleb" after the glued headline's "on al-Fouaa Idleb") is no strike place either,
        # nor is it on another strike word of the sentence: the glued headline "A person injured
        # in a terrorist rocket attack in Quneitra" before "... a terrorist rocket attack by the
        # terrorists of Jabhat al-Nusra on Hadar village in the countryside of Quneitra province"
        everywhere = [p for p in sentence_places if p.precision != "region"] or places
        containers = {_place_key(p.text) for p in places if id(p) in drop} | {
            _place_key(p.text) for p in everywhere if id(p) in contained(everywhere)}
        return [p for p in places if id(p) not in drop
                and (id(p) in holders or _place_key(p.text) not in containers)]

    def _unit_in_a_unit(self, sdoc, place: PlaceCandidate, holder: PlaceCandidate) -> bool:
        """A name the text calls a unit by the unit's noun, in a wider unit ("Bugna woreda in
        Amhara region", "Dan Musa LGA in Katsina state"): a place by the text's wording, though
        the gazetteer lacks it, and the finer of the two; the geocoder keeps its name. Not a
        part of a city ("the Green Zone in Baghdad": a city holds no unit)."""
        nouns = self.lex.unit_nouns
        return _named_a_unit(sdoc, place, nouns) \
            and (self._a_unit(holder) or _named_a_unit(sdoc, holder, nouns))

    def _unit_right_after(self, sdoc, place: PlaceCandidate, unit: PlaceCandidate,
                          between: str) -> bool:
        """ "Haydan Saada governorate", "Sarmin Idlib province": a province written with its
        noun right after a place, the comma between lost, holds the place; it is no second
        strike place. Not after a unit ("Idlib province Hama province" is a list)."""
        return not between.strip() and not self._a_unit(place) and self._a_unit(unit) \
            and _named_a_unit(sdoc, unit, self.lex.unit_nouns)

    def _past_own_noun(self, between: str) -> str:
        """The words between two places, past the first place's own noun: in "Nuseirat refugee
        camp in central Gaza" and "Pokrovsk district of Donetsk" the camp and the district are
        the first place's, and what follows them says the second place holds it; so in
        "Mindat township, Chin State" and "Kani township in Sagaing Region" is the township."""
        own = _OWN_NOUN.match(between)
        if own and (own["noun"].lower() in self.lex.place_heads
                    or own["noun"].lower() in self.lex.unit_nouns):
            return between[own.end():]
        unit = _UNIT_THEN_COMMA.match(between)
        if unit and unit["noun"].lower() in self.lex.unit_nouns:
            return between[unit.end("noun"):]
        return between

    def _proper(self, sdoc, word, taken: set[int], named: set[int]) -> bool:
        """A word that can be part of a gazetteer name: proper nouns and "al-" pieces."""
        a, b, text = word
        if b - a == 1 and not text.istitle() and text != "-" and sdoc[a].pos_ != "PROPN":
            return False  # most words of a sentence: every test below needs one of these
        if any(i in taken or i in named for i in range(a, b)) or self._whose(text):
            return False
        if b - a == 1 and a > 0 and (tok := sdoc[a]).is_title and (
                # "on Harfa village", "the Zhukovsky residential area": the tagger calls the
                # name an adjective
                self._place_head_at(sdoc, b)
                # "Bab Alnairab", "Kfar Kila": the tagger calls the word after a name head an
                # adjective; "a school in Sagaing killing 11" a verb
                or (before := sdoc[a - 1].lower_) in self.lex.name_heads or before in _LOCATIVE
                # "shelled Bakhmut", "shelled Mosul": the tagger calls the name an adverb
                or self._taken_by_strike_verb(tok)):
            return True
        # a capitalised word inside a clipped caption is a name though the tagger, lacking a
        # verb, calls it a noun: "MLRS strike on residential area in Kharkiv", "Shelling in Lozova"
        # and so is a headline's first word that qualifies its victim or a landmark, which the
        # tagger calls a noun or adjective for its capital: "Donetsk militiaman killed in
        # shelling", "Aleppo resident killed in regime shelling", "Kharkiv market shelled"
        # (not "University building damaged by explosion")
        return all(self._proper_token(sdoc, i) for i in range(a, b)) or (
            b - a > 1 and bool(_NAMELIKE.match(text)))

    def _site_kind(self, name, precision: str | None) -> bool:
        """An acronym before a place noun says the site's kind or owner, not a place's name:
        "an IDP camp", "a UN school", "an MSF hospital" (a lone capital is no acronym)."""
        text = name.text
        return len(name) == 1 and len(text) > 1 and text.isupper() and precision is not None \
            and not self._known(text)

    def _whose(self, text: str) -> bool:
        """A word that says whose a place is, never a word of its name: a state's adjective
        ("the Ethiopian town of Adi Daero", "the Azerbaijani city of Ganja") or a side's hold
        ("the RSF-held town of Rufaa", "the Houthi-controlled port of Hodeidah"), unless the
        gazetteer knows the word as a place (Ethiopia's Somali region)."""
        lower = text.lower()
        return bool(_HELD_BY.search(lower)) or (lower in self.lex.demonyms and not self._known(text))

    def _proper_token(self, sdoc, i: int) -> bool:
        """One word of ``_proper``'s test, its Token made once: each ``sdoc[i]`` makes one, and
        this test ran ~100,000 times on 3,000 documents."""
        tok = sdoc[i]
        pos = tok.pos_
        if pos == "PROPN" or tok.text == "-" or _capitalised_inside_a_name(sdoc, i):
            return True
        if not tok.is_title:
            return False
        if self._opens_a_name(tok) and i + 1 < len(sdoc) and sdoc[i + 1].is_title:
            return True  # "shelled Um Rawaba": the tagger's interjection opens the name
        if i > 0:
            return pos == "NOUN"
        return self._struck_first_word(tok) or (
            pos in ("NOUN", "ADJ") and tok.dep_ in ("compound", "amod", "nmod")
            and (self._victim(tok.head) or self._landmark_of_a_town(tok)))

    def _taken_by_strike_verb(self, tok) -> bool:
        """A capitalised word that a strike verb governs as its object or its adverb: the
        tagger, not knowing a town's name, calls "Bakhmut" in "Russian troops shelled Bakhmut"
        and "Mosul" in "Government troops shelled Mosul" adverbs, yet what one shells is a
        place or a thing (whether the gazetteer knows the name is checked after)."""
        verb = self.lex.base(tok.head.lower_)
        return tok.dep_ in ("dobj", "advmod", "npadvmod") and tok.head.pos_ == "VERB" \
            and (verb in self.lex.strong_verbs or verb in self.lex.weak_verbs)

    def _struck_first_word(self, tok) -> bool:
        """A sentence's first word that a passive of hitting is said of: "Kharkiv was hit by
        Russian shelling", "Nyala was bombed again" (the tagger, seeing it capitalised by
        position, calls it a common noun)."""
        verb = tok.head
        return tok.i == 0 and tok.is_title and tok.pos_ == "NOUN" and tok.dep_ == "nsubjpass" \
            and (self.lex.base(verb.lower_) in self.lex.passive_hit_verbs
                 or self.lex.base(verb.lower_) in self.lex.strong_verbs)

    def _landmark_of_a_town(self, tok) -> bool:
        """A town of some size qualifying a landmark: "Kharkiv market", "Donetsk railway
        station" (not "Shelled market")."""
        return self._a_landmark(tok.head) and self.gazetteer.is_place(
            tok.text, min_population=self.settings.place_min_population)

    def _a_landmark(self, noun) -> bool:
        """A landmark's noun, or the noun a compound or possessive of one qualifies:
        "market", "railway station", "children's hospital"."""
        landmarks = self.lex.landmark_nouns
        while noun.dep_ in ("compound", "poss") and noun.head.i != noun.i \
                and noun.lower_ not in landmarks:
            noun = noun.head
        return noun.lower_ in landmarks

    def _known_run(self, sdoc, words, w: int, j: int) -> bool:
        """Words w..j-1 name a place the gazetteer knows; a lone word must name a town of some
        size, unless a place preposition governs it ("Bombed residential area in Vrubivka"), and
        an acronym ("SLN", "AFP") is never taken for the hamlet that shares it."""
        first, last = words[w][0], words[j - 1][1]
        if last - first > 1:
            return self._known(sdoc[first:last].text)
        tok = sdoc[first]
        governed = tok.i > 0 and tok.dep_ == "pobj" and tok.head.lower_ in self.lex.place_prepositions \
            and tok.ent_type_ not in _NOT_PLACE_ENTITIES  # "In May": a month, not the hamlet
        return tok.is_title and tok.lower_ not in self.lex.name_heads and not tok.text.isupper() \
            and self.gazetteer.is_place(tok.text, min_population=0 if governed else self.settings.place_min_population,
                                        spelling_variants=governed)  # "shelling in Bordyanka"

    def _split_names(self, words, idxs: list[int]) -> list[tuple[int, int]]:
        """Cut a comma-less list of names into places: the longest piece the gazetteer knows,
        else a word that opens a name ("Ter", "Bustan") or that a glued-article word
        describes ("Qibtan Aljabal") with the word after it, else one word."""
        out, n = [], 0
        while n < len(idxs):
            for m in range(min(len(idxs), n + 3), n, -1):
                piece = idxs[n:m]
                if piece != list(range(piece[0], piece[-1] + 1)):
                    continue
                text = " ".join(words[x][2] for x in piece)
                if (m - n > 1 or words[piece[0]][2].lower() not in self.lex.name_heads) and self._known(text):
                    break
            else:
                m = n + 2 if self._two_word_name(words, idxs, n) else n + 1
            out.append((idxs[n], idxs[m - 1]))
            n = m
        return out

    def _two_word_name(self, words, idxs: list[int], n: int) -> bool:
        """The unknown name at idxs[n] goes on into the next word: it opens names ("Ter
        Maaleh"), or the next word describes it, its article glued on ("Qibtan Aljabal");
        "Marjah Alizaa" are two places."""
        if n + 1 >= len(idxs) or idxs[n + 1] != idxs[n] + 1:
            return False
        return words[idxs[n]][2].lower() in self.lex.name_heads \
            or self.lex.glued_descriptor.fullmatch(words[idxs[n + 1]][2]) is not None

    def _known(self, name: str, *, spelling_variants: bool = False) -> bool:
        """The gazetteer knows a place by this name, of any size (in another spelling too, where
        the name stands where a place stands: ``_struck_object``)."""
        if name.isupper() and " " not in name and name.lower() not in self.lex.capitals:
            return False  # an acronym ("SLN", "AFP"), not the hamlet of that name; "DPR" is land
        return self.gazetteer.is_place(name, min_population=0, spelling_variants=spelling_variants)

    def _struck_object(self, name) -> bool:
        """A name a strike verb takes as its object ("drones struck Qamishlo", "jets struck
        Saadah", "shelled Bakhmut") stands where a place stands, as one a place preposition
        governs does: spaCy's ORG or PERSON for an unfamiliar spelling is no reason to drop it."""
        root = name.root
        return root.dep_ == "dobj" and self._the_place_struck(root)

    def _unknown_name_where_the_thing_hit_lies(self, scan: _PlaceScan) -> None:
        """In a sentence with no other place, a name a strike verb hit ("an airstrike hit
        Aitaroun", "jets bombed Laiza") or a place preposition ties to what it hit ("tank fire
        hit tents in Mawasi", "shells hit homes in Abu Shouk") stands where a place stands:
        spaCy's ORG (or PERSON, after a preposition) for a village the gazetteer lacks, or its
        GPE for one the gazetteer does not know, is no reason to drop the strike's only place;
        a person a strike verb takes ("a drone struck Ali Hassan") is its target. With another
        place named, the rules above have read the name with it or left it out ("a camp in
        Mugunga, on the outskirts of Goma", "around Kitshanga in North Kivu")."""
        if scan.cands:
            return
        for ent in scan.sdoc.ents:
            if ent.label_ in ("GPE", "LOC", "ORG", "PERSON") and (
                    ent.label_ != "PERSON" and self._struck_object(ent)
                    or self._where_the_thing_hit_lies(ent)):
                self._add(scan, ent.start, ent.end - 1, from_ent=False)

    def _where_the_thing_hit_lies(self, name) -> bool:
        """The name is the object of a place preposition on a strike verb or on its object."""
        root = name.root
        prep = root.head
        if root.dep_ != "pobj" or prep.lower_ not in _LOCATIVE:
            return False
        hit = prep.head  # the thing hit ("tents in Mawasi") or the verb ("hit tents in Mawasi")
        verb = hit.head if hit.dep_ == "dobj" else hit
        base = self.lex.base(verb.lower_)
        return verb.pos_ == "VERB" and (base in self.lex.strong_verbs or base in self.lex.weak_verbs)

    def _segment(self, name) -> list[tuple[int, int]]:
        """Split a run of names the text lost its commas in ("Rastan Talbeesah Ter Maaleh and
        Zafarana") into the pieces the gazetteer knows; [] unless every word is placed. Two
        pieces with no "and" between them are one name the gazetteer lacks ("Ras Baalbek"),
        not a list."""
        out, i, end = [], name.start, name.end
        listed = any(name.doc[k].lower_ in ("and", ",") for k in range(i, end))
        while i < end:
            if name.doc[i].lower_ in ("and", ","):
                i += 1
                continue
            for j in range(min(end, i + 3), i, -1):
                piece = name.doc[i:j]
                if piece.text.lower() not in self.lex.not_places and self._known(piece.text):
                    out.append((i, j - 1))
                    i = j
                    break
            else:
                return []
        return out if len(out) > 2 or (len(out) == 2 and listed) else []

    def _said_here(self, span) -> bool:
        """True for "a summit in Paris", "said in Moscow": where words were spoken; for a place
        only spoken of ("did not mention Dnipro"); also where the attacker stood ("positioned in
        Binnish town"), the name a modifier of its place word; and a name that names a meeting
        or a deal ("discussed at the Minsk talks", "breaches the Sochi agreement"): where people
        met or signed, not where a strike fell."""
        venue = span.doc[span.end] if span.end < len(span.doc) else None
        if venue is not None and venue.ent_type_ != "DATE" and venue.lower_ in self.lex.not_here:
            return not self._venue_struck(venue)
        node = span.root
        while node.dep_ in ("compound", "amod") and node.head.i != node.i and node.head.i not in range(span.start, span.end):
            node = node.head
        head = node.head
        if node.dep_ == "dobj" and head.lower_ in self.lex.spoken_of:
            return True  # "did not mention Dnipro": spoken of, not struck
        if head.dep_ == "prep" or head.pos_ == "ADP":
            gov = head.head
            if gov.lower_ in self.lex.spoken_of:
                return True  # "made no mention of Hodeidah", "referred to Kharkiv"
            if self.lex.base(gov.lower_) in self.lex.report_verbs:
                return not self._reports_the_event(gov)
            venue = gov.lower_ in self.lex.not_here or self.lex.base(gov.lower_) in self.lex.not_here
            return venue and not self._venue_struck(gov)
        return False

    def _venue_struck(self, noun) -> bool:
        """Whether a venue is itself what a strike hit, and so where it fell: "fired missiles
        at a spy headquarters in Erbil", "a missile strike on the embassy in Kyiv", "shells
        hit a rally in Kramatorsk", "hit a block near the embassy in Kyiv"."""
        lex = self.lex
        named = noun.dep_ == "oprd" and noun.head.lower_ in lex.naming_verbs
        if named:  # "at what they called a spy headquarters": what is so called was struck
            noun = noun.head
        head = noun.head
        strikes = (lex.strong_verbs | lex.weak_verbs | lex.impact_verbs | lex.firing_verbs
                   | lex.strong_nouns | lex.munition_words)
        if noun.dep_ == "pobj" and head.lower_ in lex.beside_venues and head.head.i != head.i:
            # "a missile hit a residential block near the Turkish embassy in Kyiv": the thing
            # hit stood by the venue ("protesters gathered near the embassy" were not hit)
            by = head.head
            return self._venue_struck(by) if by.pos_ in ("NOUN", "PROPN") else bool(
                {by.lower_, lex.base(by.lower_), by.lemma_.lower()} & strikes)
        if noun.dep_ in ("pobj", "pcomp") and head.lower_ in ("at", "on", "against", "into"):
            head = head.head
        elif noun.dep_ not in ("dobj", "nsubjpass") and not (named and noun.dep_ == "ccomp"):
            return False
        return bool({head.lower_, lex.base(head.lower_), head.lemma_.lower()} & strikes)

    def _reports_the_event(self, verb) -> bool:
        """A verb of reporting said of the strike or blast itself, whose "in X" is where it
        happened, not where someone spoke: "Explosions reported in Sevastopol", "a strike
        reported in Bortnychi"."""
        lex = self.lex
        events = lex.strong_nouns | lex.weak_nouns | lex.effect_nouns | lex.short_item_nouns
        said_of = [verb.head] if verb.dep_ == "acl" else [
            c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any(t.lower_ in events or lex.base(t.lower_) in events for t in said_of)
