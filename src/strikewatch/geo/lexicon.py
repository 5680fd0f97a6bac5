"""The descriptor words around a name ("Hama province", "the city of Homs", "rural Aleppo")
from descriptors.yaml and demonyms.csv, and the parse of a name into its core and level."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib.resources import files

from .._yamlconf import load_data
from .names import _ARTICLES, normalize

DATA = files("strikewatch") / "data" / "gazetteer"


def _read_csv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _strip_admin_words(name: str, lex: _Lexicon) -> str:
    """'Muhafazat al Hudaydah' -> 'Hudaydah', 'Basra Governorate' -> 'Basra' (display and key).
    'State' is part of a state's official name ("Northern State", "Orange Free State")."""
    tokens = name.split()
    words = (lex.admin1_words - {"state", "states"}) | {"mayorality", "of"}
    prefixed = False
    while len(tokens) > 1 and normalize(tokens[0]) in words:
        tokens, prefixed = tokens[1:], True
    while len(tokens) > 1 and normalize(tokens[-1]) in words:
        tokens = tokens[:-1]
    if prefixed and len(tokens) > 1 and tokens[0].casefold() in _ARTICLES:
        tokens = tokens[1:]  # "Muhafazat al Bayda'" -> "Bayda'", but "Al Jawf" stays
    return " ".join(tokens)


class _Lexicon:
    """descriptors.yaml, normalised like the names it is matched against."""

    def __init__(self, data: dict, demonyms: dict[str, str],
                 person_titles: frozenset[str] = frozenset(),
                 rivers: frozenset[str] = frozenset(),
                 unit_nouns: frozenset[str] = frozenset(),
                 name_heads: frozenset[str] = frozenset(),
                 city_parts: frozenset[str] = frozenset(),
                 city_centres: frozenset[str] = frozenset()):
        # the words after which a capitalised name is a person's: "Mayor", "health minister"
        self.person_titles = person_titles
        self.rivers = rivers
        # the nouns of an administrative unit written after its name ("Zamfara state",
        # "Singu township"): its possessive holds the place after it ("Zamfara state's Maru")
        self.unit_words = frozenset(normalize(w) for w in unit_nouns)
        # the words that open an Arabic place name ("Tal", "Kafr", "Ras"): the word after one
        # is part of that name, never a place of its own ("Afar" of "Tal Afar")
        self.name_heads = frozenset(w.casefold() for w in name_heads)
        self._compile_dams(data)
        self._read_levels(data)
        self._read_sites(data)
        self._compile_containers(data)
        self.nouns = {n.casefold() for n in data["container_nouns"]}
        self.city_part_nouns = frozenset(n.casefold() for n in city_parts)
        self.town_site_nouns = frozenset(n.casefold() for n in data.get("town_site_nouns") or ())
        self.city_centre_nouns = frozenset(n.casefold() for n in city_centres)
        # words that may follow or precede a place name without making it part of a longer
        # name: "Hama Province", "Idlib City", "Northern Aleppo", "Russian Moscow"
        self.name_neighbours = self.nouns | {w for phrase, _ in self.levels for w in phrase} \
            | {w for phrase in self.directions for w in phrase} | {"the", "and"}
        self.demonyms = demonyms
        self.name_neighbours |= set(demonyms)
        # a side's own military voice names who fired as its forces do ("Turkey's defence
        # ministry said"), not where the strike fell
        self.attacker_nouns = frozenset(
            w.casefold() for w in [*data["attacker_nouns"], *data.get("own_voice_nouns", ())])

    def _read_levels(self, data: dict) -> None:
        """The words that say how large a place is (province, district, village, facility,
        feature) and the compass words."""
        self.levels: list[tuple[tuple[str, ...], str]] = []
        for level in ("admin1", "admin2", "point", "vicinity", "facility", "feature"):
            for phrase in data[level]:
                self.levels.append((tuple(normalize(phrase).split()), level))
        self.levels.sort(key=lambda p: -len(p[0]))
        self.level_phrases = frozenset(phrase for phrase, _ in self.levels)
        # the levels a name's last word may end or its first word open, in the list's order:
        # the parse of a name tries those, not all of them (it is asked for every
        # capitalised run of every article with a strike)
        self.levels_at_edge: dict[str, list[int]] = {}  # word -> indices into levels
        for i, (phrase, _) in enumerate(self.levels):
            for word in dict.fromkeys((phrase[0], phrase[-1])):
                self.levels_at_edge.setdefault(word, []).append(i)
        self.directions: dict[tuple[str, ...], str] = {
            tuple(normalize(w).split()): canon
            for canon, words in data["directions"].items() for w in words}
        self.admin1_words = {p[0][0] for p in self.levels if p[1] == "admin1" and len(p[0]) == 1}
        self.admin2_words = {p[0][0] for p in self.levels if p[1] == "admin2" and len(p[0]) == 1}
        self.bare_directions = {" ".join(k): v for k, v in self.directions.items()}
        self.region_is_admin1 = frozenset(data["region_is_admin1"])

    def _read_sites(self, data: dict) -> None:
        """Streets, landmarks and natural features: words after or before a name that make it
        a site or a feature, not a town."""
        streets = "|".join(map(re.escape, sorted(data["street_nouns"], key=len, reverse=True)))
        self.landmark_nouns = frozenset(w.casefold() for w in data["landmark_nouns"])
        self.organisation_nouns = frozenset(w.casefold() for w in data["organisation_nouns"])
        organisations = "|".join(map(re.escape, sorted(self.organisation_nouns)))
        self.organisation_of = re.compile(rf"\b(?i:{organisations})\s+of\s+(?:the\s+)?$")
        landmarks = "|".join(map(re.escape, sorted({*data["landmark_nouns"],
                                                    *data["street_nouns"]}, key=len, reverse=True)))
        self.landmark_after = re.compile(rf"[\s\x22\u201d]+(?i:{landmarks})\b\.?(?!\w)")
        self.street_after = re.compile(rf"[\s\x22\u201d]+(?i:{streets})\b\.?(?!\w)")
        self.vicinity_before = [tuple(normalize(w).split()) for w in data["vicinity_before"]]
        self.feature_before = [tuple(normalize(w).split()) for w in data["feature_before"]]
        self.feature_after = {w for phrase, level in self.levels if level == "feature"
                              for w in phrase}
        self.feature_words = self.feature_after | {w for p in self.feature_before for w in p}

    def _compile_dams(self, data: dict) -> None:
        """The patterns of a dam's words ("Hydroelectric Power Plant", "HPP", "Dam") inside a
        name ("Kakhovka HPP": the name, then its dam words) and right after one in a
        sentence."""
        def alternation(items: list[str]) -> str:
            return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))

        self.dam_nouns = tuple(data["dam_nouns"])
        nouns, words = alternation(data["dam_nouns"]), alternation(data["dam_name_words"])
        tail = rf"(?P<tail>(?i:{nouns})\b(?:[\s-]+(?i:{words})\b)*)"
        self.dam_split = re.compile(rf"^(?P<head>.+?)[\s-]+{tail}\.?$")
        self.dam_after = re.compile(rf"[\s-]+{tail}")

    def _compile_containers(self, data: dict) -> None:
        """The patterns of a place written with its container ("X in Y province", "X, Y")."""
        # a compass phrase is its own relation ("south of"): _inside checks the side it names
        relations = [(w, w if rel == "compass" else rel)
                     for rel, words in data["containment"].items() for w in words]
        self.compass_km = float(data["compass_km"])
        relations.sort(key=lambda r: -len(r[0]))
        self.relation = {w.casefold(): rel for w, rel in relations}
        nouns = "|".join(map(re.escape, sorted(data["container_nouns"], key=len, reverse=True)))
        words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w, _ in relations)
        name = r"(?:(?:al|el|as|ash|ar|ad|adh|az|at|ath|an|ed|er|es|ez|et|en|ul)-)?[A-Z][\w'’ʿ-]*"
        # "X[, Y and Z] [neighbourhood] in|near <container>": the rest of a list, then a
        # relation word; the container follows (see _containers). The spaces before and
        # after a list's "and" are one run unless "and" is there: two optional runs side by
        # side would let a failing match of a 20-name list try 2^20 ways of sharing them.
        # the place's own noun may be a unit's too (places.yaml unit_nouns): "Kani township
        # in Sagaing Region", "Dessie zone in Amhara region"
        own = "|".join(map(re.escape, sorted({*data["container_nouns"], *self.unit_words},
                                             key=len, reverse=True)))
        self.container_re = re.compile(
            rf"^(?P<list>(?:\s*(?:(?:,|and|&)\s*)?{name})*)[\s\x22\u201d]*,?\s*"
            rf"(?P<noun>(?i:{own})[\s\x22\u201d]+)?"
            rf"(?P<rel>(?i:{words}))\s+(?P<rest>.*)$", re.DOTALL)
        self.container_head = re.compile(
            rf"^(?:the\s+)?(?:[A-Z]\w+\s+(?=(?:{nouns})\s+of\b))?"
            rf"(?:(?P<noun>(?i:{nouns}))\s+of\s+(?:the\s+)?)?"
            rf"(?P<core>(?:[a-z-]+\s+){{0,2}}?{name}(?:\s+{name}){{0,2}})"
            rf"(?P<tail>(?:['’]s)?\s+(?i:{own})\b)?")  # "Sumy oblast", lower case too
        # "the hospital in Millis Idlib province": commas lost, the province right after
        self.adjacent_re = re.compile(
            rf"^[\s,]*(?P<rest>{name}(?:\s+{name})?\s+(?i:province|governorate|countryside))\b")
        self.relation_re = re.compile(rf"\s((?i:{words}))\s")
        self.name_re = re.compile(rf"{name}(?:\s+{name}){{0,2}}")

    @classmethod
    def load(cls) -> _Lexicon:
        demonyms = {normalize(w): row["country"] for row in _read_csv("demonyms.csv")
                    for w in row["demonyms"].split("|") if w.strip()}
        for word, country in _state_demonyms():
            demonyms.setdefault(normalize(word), country)
        # the extractor's titles of persons (entities.yaml), nouns of a unit, of a city's
        # parts and of its centre (places.yaml): one list for both
        lexicons = files("strikewatch") / "data" / "lexicons"
        titles = load_data((lexicons / "entities.yaml").read_text(encoding="utf-8"))["titles"]
        places = load_data((lexicons / "places.yaml").read_text(encoding="utf-8"))
        # rivers that dams are named after, by every name (rivers.csv)
        rivers = frozenset(normalize(n) for row in _read_csv("rivers.csv")
                           for n in [row["name"], *row["aliases"].split("|")] if n.strip())
        return cls(load_data((DATA / "descriptors.yaml").read_text(encoding="utf-8")),
                   demonyms, frozenset(str(w) for w in titles), rivers,
                   frozenset(str(w) for w in places["unit_nouns"]),
                   frozenset(str(w) for w in places["name_heads"]),
                   frozenset(str(w) for w in places["city_parts"]),
                   frozenset(str(w) for w in places["city_centre_nouns"]))


def _state_demonyms() -> list[tuple[str, str]]:
    """The adjectives of the states the actor registry knows ("Armenian", "Congolese"), beside
    demonyms.csv: "the Armenian city of Goris" names the town's country as "Syrian" does."""
    from strikewatch.actors import load_registry

    return [(d, e.country) for e in load_registry().entries if e.is_state
            for d in e.demonyms if "'" not in d and "’" not in d]


@dataclass(frozen=True, slots=True)
class _Query:
    whole: str  # the normalised name as written
    core: str  # the name with descriptor words removed
    level: str | None = None  # admin1 | admin2 | point | facility | feature
    vicinity: bool = False
    direction: str | None = None
    plain: str = ""  # the name without a leading direction: "Damascus countryside" is a name


_LIST_BEFORE = re.compile(
    r"\b(\w+)\s+of\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*(?:,\s*and|,|and)\s*)*)$")
_LIST_AFTER = re.compile(
    r"^((?:\s*(?:,\s*and|,|and)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*)\s+(\w+(?:\s\w+)?)")


# a capitalised word just before: the name a noun after it belongs to
_NAME_ENDS = re.compile(r"\b([A-Z][\w'’-]*)\s+$")
_POSSESSIVE = re.compile(r"(\w)['’]s\b(?=\s+[a-z])")


def _parse(name: str, context: str | None, lex: _Lexicon) -> _Query:
    tokens = normalize(_POSSESSIVE.sub(r"\1", name)).split()  # "Aleppo's countryside"
    whole = " ".join(tokens)
    level, vicinity, direction = None, False, None
    plain = next((" ".join(tokens[len(p):]) for p in lex.directions
                  if len(tokens) > len(p) and tuple(tokens[:len(p)]) == p), "")

    def take(phrase_level: str) -> None:
        nonlocal level, vicinity
        if phrase_level == "vicinity":
            vicinity = True
        elif level is None:
            level = phrase_level

    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for phrase, plevel in _levels_at_edges(tokens, lex):
            n = len(phrase)
            if len(tokens) > n and tuple(tokens[-n:]) == phrase:
                tokens, changed = tokens[:-n], True
                take(plevel)
                break
            if len(tokens) > n + 1 and tuple(tokens[:n]) == phrase and tokens[n] == "of":
                tokens, changed = tokens[n + 1:], True
                take(plevel)
                break
        tokens, side = _strip_direction(tokens, lex, at_end=level is not None or vicinity)
        if side is not None:
            changed, direction = True, side
        for phrase in lex.vicinity_before:
            n = len(phrase)
            if len(tokens) > n and tuple(tokens[:n]) == phrase:
                tokens, changed, vicinity = tokens[n:], True, True
                break
    if tuple(tokens) in lex.level_phrases:
        tokens = []  # "province" alone names no place
    if level is None and not vicinity and context:
        level, vicinity = _level_from_context(name, context, lex)
    return _Query(whole, " ".join(tokens), level, vicinity, direction, plain)


def _strip_direction(tokens: list[str], lex: _Lexicon, *, at_end: bool) -> tuple[list[str], str | None]:
    """The name less a compass word that opens it ("northern Hama"), or a compass adjective
    that ends it once a part's noun was taken off after it ("Beirut southern suburbs",
    "Khartoum southern outskirts": the city's side, as "the southern suburbs of Beirut"; not
    the bare word that ends a unit's own name, "Far North region"); and the direction."""
    for phrase, canon in lex.directions.items():
        n = len(phrase)
        if len(tokens) > n and tuple(tokens[:n]) == phrase:
            return tokens[n:], canon
        if at_end and len(tokens) > n and tuple(tokens[-n:]) == phrase \
                and phrase[-1].endswith("ern"):
            return tokens[:-n], canon
    return tokens, None


def _levels_at_edges(tokens: list[str], lex: _Lexicon) -> list[tuple[tuple[str, ...], str]]:
    """The levels that can end the name's words or open them, in the order of ``lex.levels``
    (longest first): the parse takes the first that fits, as it would trying every one."""
    last, first = lex.levels_at_edge.get(tokens[-1], ()), lex.levels_at_edge.get(tokens[0], ())
    return [lex.levels[i] for i in sorted({*last, *first})]


def _owned_noun(before: str, end: int, lex: _Lexicon) -> bool:
    owner = _NAME_ENDS.search(before, 0, end)
    return owner is not None and normalize(owner.group(1)) not in lex.demonyms


def _level_from_context(name: str, context: str, lex: _Lexicon) -> tuple[str | None, bool]:
    """'the provinces of Hama, Homs and Idlib', 'Hama and Homs provinces', 'city of Homs'.
    Not a noun that has its own name before it: in "the Qandil mountains of northern Iraq"
    the mountains are Qandil's, and northern Iraq holds them ("the Syrian provinces of"
    have a nationality before them, no name)."""
    i = context.find(name)
    if i < 0:
        return None, False
    found: list[str] = []
    before = context[max(0, i - 120):i]
    if (m := _LIST_BEFORE.search(before)) and not _owned_noun(before, m.start(1), lex):
        found.append(m.group(1))
    if m := _LIST_AFTER.match(context[i + len(name):]):
        found.extend([m.group(2), m.group(2).split()[0]])
    for word in found:
        key = tuple(normalize(word).split())
        for phrase, plevel in lex.levels:
            if key == phrase:
                return (None, True) if plevel == "vicinity" else (plevel, False)
    return None, False

