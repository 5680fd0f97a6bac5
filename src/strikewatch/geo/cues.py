"""Words and distances that say where a name lies: calendar words, compass bearings, the
cues that a name is local (the Arabic article, "neighbourhood of"), and sentence breaks."""

from __future__ import annotations

import calendar
import math
import re

from .names import ADMIN1, ADMIN2, AREA, COUNTRY, FACILITY, REGION


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


_CALENDAR_WORDS = frozenset(w.casefold() for w in (*calendar.month_name, *calendar.month_abbr,
                                                   *calendar.day_name, *calendar.day_abbr) if w)
_BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
             "southwest": 225, "west": 270, "northwest": 315}
# Cues that a name is local to the story's country (see Gazetteer._abroad_veto).
_ARABIC_ARTICLE = re.compile(r"(?i:the\s+)?(?:[Aa][lr]|[Ee][ls]|[Aa][sdzt]h?|[Aa]n)[-\s]\S")
_LOCAL_NOUNS = (r"neighbou?rhoods?|districts?|sub-?districts?|villages?|towns?|camps?|suburbs?"
                r"|areas?|roads?|streets?|squares?|quarters?|countryside")
_LOCAL_NOUN = re.compile(rf"\b(?i:{_LOCAL_NOUNS})\b")
_LOCAL_BEFORE = re.compile(rf"\b(?i:{_LOCAL_NOUNS})\s+(?:of\s+)?(?:the\s+)?$")
_LOCAL_AFTER = re.compile(rf"[\s,\x22\u201d]*(?i:{_LOCAL_NOUNS})\b")
# A city's quarter: named so, it is no town of the same skeleton elsewhere (a list of them,
# "the neighborhoods of al-Sabil al-Mogambo al-Furqan and al-Midan", may run 60 characters).
_QUARTERS = r"neighbou?rhoods?|quarters?"
_QUARTER = re.compile(rf"\b(?i:{_QUARTERS})\b")
_QUARTER_BEFORE = re.compile(rf"\b(?i:{_QUARTERS})\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,6}}$")
_QUARTER_AFTER = re.compile(
    rf"(?:\s+(?:and|&)\s+[\w'’-]+)?[\s,\x22\u201d]*(?:\w+\s+)?(?i:{_QUARTERS})\b")
# "the southern Lebanese town of ", "the Russian border village of ", "the Sudanese city of ":
# a nationality on the kind of place just before a name says whose country the place is in
_NATIONAL_KIND_BEFORE = re.compile(
    r"\b([A-Z][\w'’-]+)\s+(?:(?:border|frontier|frontline|front-line|coastal|port|garrison)\s+)?"
    r"(?i:city|town|village|hamlet|settlement|port|province|region|district|camp)\s+of\s+"
    r"(?:the\s+)?$")
# "Aitaroun and Kfarkela in southern Lebanon", "the Metina region of northern Iraq", "Kab Elias,
# Lebanon": the country a name's own container right after it names (the names listed with it
# share it); group 1 or 2 is the container's words
_BEARING_WORD = rf"(?:(?i:{'|'.join(sorted(_BEARINGS, key=len, reverse=True))}|central)(?:ern)?\s+)?"
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"  # one or two capitalised words
_AREAS = r"(?:\s+(?i:regions?|areas?|districts?))?"
_COUNTRY_AFTER = re.compile(
    rf"{_AREAS}(?:,?\s+(?:and|or)\s+(?:the\s+)?{_NAME}{_AREAS})*"
    # "..., Lebanon," only where the clause ends: "hit Odesa, Russia said" is a speaker
    rf"(?:\s*,\s*{_BEARING_WORD}({_NAME})(?=\s*(?:[,.;:)]|$))"
    rf"|\s+(?:in|of)\s+(?:the\s+)?{_BEARING_WORD}({_NAME}))")
# "the neighborhood of Alommal", "the district of Al Mashhad", "the village of Ghareebeh"
_CALLED_A_PLACE = re.compile(r"\b(?i:neighbou?rhood|quarter|district|village|town)\s+of\s+"
                             r"(?:the\s+)?$")
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'’-]*)")
_PREV_WORD = re.compile(r"([A-Z][\w'’.-]*)[ \t]+$")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}")
_KIND_PRIOR = {COUNTRY: 8.0, FACILITY: 7.0, AREA: 7.0, REGION: 7.0, ADMIN1: 6.0, ADMIN2: 4.0}


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")

