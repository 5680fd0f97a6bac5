"""The shared vocabulary of geocoding: kinds of places, the tuned settings, a candidate
and an unresolved name, and the normalised keys names are matched on."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

CITY, ADMIN2, ADMIN1, COUNTRY = "city", "admin2", "admin1", "country"
FACILITY, AREA, REGION = "facility", "area", "region"
TOWN = "town"  # a supplement kind only: stored as a CITY
PRECISION = {CITY: "point", FACILITY: "point", ADMIN2: "admin2", AREA: "admin2",
             ADMIN1: "admin1", REGION: "region", COUNTRY: "country"}
# Which kinds a descriptor in the text ("Hama province", "the city of Homs") asks for.
LEVEL_KINDS = {"admin1": {ADMIN1}, "admin2": {ADMIN2, AREA}, "point": {CITY, FACILITY},
               "facility": {FACILITY}}


@dataclass(frozen=True, slots=True)
class GeoSettings:
    """Tuned constants. Tuned by hand on the MEE sample and on the Yemen Data Project names
    (benchmarks/yemen_geocoding.py), and kept round so that they do not fit one input."""

    # Skeleton matches are accepted only above this difflib ratio on the normalised names:
    # "saada"~"sadah" 0.8, "hodeidah"~"hudaydah" 0.75, unrelated names sharing a skeleton < 0.5.
    min_similarity: float = 0.6
    # Without a country, the winner must beat the best candidate of another country by this
    # much (log10 population units, so 0.5 is about 3x the population) or stay ambiguous.
    ambiguity_margin: float = 0.5
    # A candidate outside the document's country is accepted only if it is a country, a
    # province or a city at least this large ("Moscow" in a Syrian story; not a hamlet).
    foreign_min_population: int = 100_000
    # A name the exact and skeleton keys miss may still match a place of a province the
    # context names at this difflib ratio: 0.85 admits "wisab safi"~"wusab safil" (0.86) and
    # "maghrin ans"~"maghirib ans" (0.87) and keeps out "radman"~"radfan" (0.83). Tuned on
    # the Yemen Data Project district names.
    province_similarity: float = 0.85
    # A town named as a container or as a sentence's anchor must be at least this large:
    # GeoNames names hamlets after common words ("Air", "Regime"), real containers are towns.
    anchor_population: int = 10_000
    # A town abroad matched only through one of its alternate names must be at least this
    # large ("Kiev" may still be Kyiv; "Castello" is not Castelló de la Plana in Aleppo news).
    foreign_alternate_population: int = 1_000_000
    # A city abroad this large, named exactly, outweighs spelling variants at home that are
    # only districts or villages: "missiles at Riyadh" in a Yemeni story is the Saudi capital,
    # not Ar Rawdah district, whose consonants it shares.
    metropolis_population: int = 1_000_000
    # A capitalised word the text puts in a place ("shelling in Bordyanka") is taken for a
    # town the gazetteer spells otherwise only at this difflib ratio, and only for a town of
    # ``anchor_population``: "bordyanka"~"borodianka" 0.84 (13,000 people), "sarakib"~"saraqib"
    # 0.86 pass; English words of captions that share a town's skeleton do not: "bombing"~
    # "bayombong" 0.75, "missile"~"missal" 0.77, "fire"~"fier" 0.75, "market"~"markt" 0.91
    # (a hamlet of 600). A name read with no country to check it in must be spelt as closely.
    variant_similarity: float = 0.8
    # Of the places that share a name's skeleton, only those spelt within this difflib ratio
    # of the closest are its spellings: "jufra"~"jufrah" 0.91 is Al Jufrah, and "jafarah"
    # (0.67), a larger Libyan district of the same skeleton, is another place.
    variant_margin: float = 0.1
    # A name written as a province is a unit, not a town, even where provinces are the
    # second level (Burkina Faso, the Philippines): "the Soum province" is Province du Soum,
    # not Soum, a Senegalese town; "Bam province" not Bam in Iran. Such a district gains this
    # much, less than a first-level unit's 5, so "Idlib province" stays the governorate.
    second_level_province: float = 3.0
    # A name of fewer letters is taken for another spelling of a place only in the story's
    # country: a four-letter name's skeleton ("bn", "bt") is shared by hundreds of towns
    # worldwide ("Boni" and Bonn 0.75, "Bati" and Bitti 0.67), while "Saada"~"Sadah" and
    # "Hodeidah"~"Hudaydah" have five letters or more.
    variant_min_letters: int = 5
    # A name of at least this many letters whose consonants one place alone in the world
    # shares, spelt within ``variant_similarity`` of it, is that place even with no country
    # and however small: "Novobakhmutovka" is Novobakhmutivka, Donetsk oblast, the only place
    # of its skeleton (but "Umanskoye", a village cities500 lacks, is Russia's Umanskiy).
    # Shorter names share their skeletons with hamlets worldwide ("Kanguwa": a dozen).
    hamlet_variant_letters: int = 8


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entity a surface form can mean."""

    id: int
    name: str
    kind: str  # city | admin2 | admin1 | country | facility | area | region
    country: str
    admin1code: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    geonameid: int | None
    source: str
    exact: bool = True  # False when found through the transliteration skeleton
    # False when the name matched only one of the place's alternate names, not a spelling of
    # its own: "Ariha" is an alternate name of Jericho, "Human" of Uman, "Khalil" of Hebron.
    own: bool = True
    # the own name normalised (``normalize``), as the index stores it: what spellings are
    # compared on; read with the place, never normalised again for each name it is asked for
    key: str = field(kw_only=True)

    @property
    def precision(self) -> str:
        return PRECISION[self.kind]

    def describe(self) -> str:
        where = "/".join(x for x in (self.country, self.admin1) if x)
        return f"{self.name} [{self.kind}, {where}, pop {self.population}]"


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A place name that could not be placed, and why (so a reviewer can fix the gazetteer)."""

    name: str
    reason: str
    alternatives: tuple[str, ...] = ()


# why a name written before "Street", "Square" or "Park" is left unplaced: a site in a town the
# sentence names, never a strike place of its own
STREET_NAMESAKE = "the namesake of a street, square or park, not a town"


# --------------------------------------------------------------------------- normalisation

_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th",
                       "æ": "ae", "œ": "oe", "ß": "ss"})
_APOSTROPHES = re.compile(r"['`’‘ʼʻʿʾ´′ʹ]")
_NON_WORD = re.compile(r"[\W_]+")
# The Arabic article in its English spellings (assimilated: ar-, as-, ash-, ad-, az- ...) and
# "the": "al-Raqqa", "Ar-Raqqah", "Raqqa" and "the Raqqa" must meet on one key.
_ARTICLES = frozenset("al el ar as ash ad adh az at ath an ed er es ez et en ul the".split())
_DIGRAPHS = (("kh", "x"), ("gh", "g"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("ph", "f"),
             ("ou", "u"), ("q", "k"))
_REPEATS = re.compile(r"(.)\1+")
_INNER_VOWELS = re.compile(r"[aeiouyw]")


@functools.lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """The exact-match key: case, diacritics, apostrophes, hyphens and articles removed; an
    article's word that ends a name is no article ("Pa-an", Hpa-An in Kayin State, is not
    "Pa"). Remembered: geocoding a story normalises the same few hundred names thousands of
    times."""
    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c)).translate(_FOLD)
    s = _APOSTROPHES.sub("", s)
    words = [t for t in _NON_WORD.split(s) if t]
    return " ".join(t for i, t in enumerate(words) if t not in _ARTICLES or 0 < i == len(words) - 1)


@functools.lru_cache(maxsize=1 << 16)
def skeleton(key: str) -> str:
    """The transliteration key of a normalised name: what survives the usual spelling choices
    for Arabic (vowels, w/y glides, doubled letters, final h, q/k, dh/d). "kh" stays apart
    from "k" (written "x"): the letters are distinct in Arabic and in Ukrainian alike, and
    merging them made Mykhailivka a spelling of Mykolaivka."""
    parts = []
    for tok in key.split():
        for a, b in _DIGRAPHS:
            tok = tok.replace(a, b)
        if len(tok) > 2 and tok.endswith("h"):
            tok = tok[:-1]
        tok = _REPEATS.sub(r"\1", tok)
        head = "a" if tok[0] in "aeiou" else tok[0]
        parts.append(head + _INNER_VOWELS.sub("", tok[1:]))
    return "".join(parts)


# Russian and Ukrainian romanisations of one Cyrillic name: Russian г is "g", Ukrainian "h"
# (Chuguev, Chuguiev, Chuhuiv; Kirovograd, Kirovohrad; Lugansk, Luhansk). Folded alike, the
# two spellings of a town read as one. Only the consonant: folding the vowels too (е, и, і as
# e, y, i) made English words spellings of hamlets ("Heavy" and Hévié, Benin).
_SLAVIC_G = re.compile(r"(?<![kz])g(?!h)")


@functools.lru_cache(maxsize=1 << 16)
def fold_spelling(key: str) -> str:
    """A normalised name with the Russian/Ukrainian г folded (see above): for measuring how
    alike two spellings are, never for looking a name up."""
    return _SLAVIC_G.sub("h", key)


def transpositions(key: str) -> list[str]:
    """The key with two neighbouring letters of one word swapped, the commonest typing slip
    ("Donestk" for Donetsk, "Aelppo" for Aleppo), which no transliteration rule forgives.
    Words shorter than five letters are left alone: swapped, they spell other names."""
    out = []
    for i in range(len(key) - 1):
        a, b = key[i], key[i + 1]
        if a != b and a != " " and b != " " and _word_length_at(key, i) >= 5:
            out.append(key[:i] + b + a + key[i + 2:])
    return out


def _word_length_at(key: str, i: int) -> int:
    start = key.rfind(" ", 0, i) + 1
    end = key.find(" ", i)
    return (len(key) if end < 0 else end) - start


def _own_name(name: str, key: str, skel: str) -> bool:
    """Whether a key spells the entity's own name (exactly or as a transliteration variant,
    "Kiev" for Kyiv) rather than one of its alternate names (Jericho's "Ariha")."""
    own = normalize(name)
    return own == key or skeleton(own) == skel


def _is_latin(key: str) -> bool:
    # English news writes names in Latin letters; other scripts would only swell the index.
    return key.isascii() and any(c.isalpha() for c in key)


