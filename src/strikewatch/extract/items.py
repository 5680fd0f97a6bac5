"""What kind of document this is, before any sentence is read: a short item (a caption, a feed
line, a coder's note), whose clipped wording reports a strike in fewer words than an article
does, and a title that is only a place, which incident logs and geolocation sites give an entry
while its text names none ("Sloviansk, Donetsk Oblast" over "Civilian homes hit by
artillery.")."""

from __future__ import annotations

import re
from collections.abc import Callable

from strikewatch import dates
from strikewatch.lexicons import Lexicons
from strikewatch.models import Document

from .settings import ExtractSettings
from .state import PlaceCandidate
from .words import _is_country, _place_key

# a word of a title: letters with inner apostrophes, dots and hyphens ("Lysychans'k"), or a digit
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d")
# lowercase words a place title may hold besides place words: "Bab al-Hawa", "Dnipriany in Kherson"
# a feed item's lead place, set off by a dash: "Kharkiv — Aftermath of a strike on ..."
_LEAD_PLACE = re.compile(r"\s*([^\W\d][^—–\n]{1,60}?)\s+[—–]\s+\S")
_LEAD_PLACE_COLON = re.compile(r"\s*([^\W\d][^:—–\n]{1,40}?)\s*:\s+\S")
# or by a full stop, a sentence of one name: "Zaporizhzhia. Fire and debris after ..."
_LEAD_PLACE_STOP = re.compile(r"\s*([^\W\d][^.:—–\n]{1,40}?)\.\s+[^\W\d_]")
_TITLE_LINKS = frozenset({"of", "al", "el", "de", "the", "in", "near"})
# the Arabic article joined to a capitalised name: "Deir al-Balah", "Deir ez-Zor", "Bab al-Hawa"
_JOINED_ARTICLE = re.compile(r"(?:a[lnrstdz]|e[lsdz]|ash)-[^\W\d_a-z]")
# what separates the names of a place title: "Vesele (Kherson Oblast)", "Bortnychi (Darnytskyi
# district), Kyiv", "Dnipriany in Kherson"
_TITLE_NAME_BREAK = re.compile(r"\s*[,()]\s*|\s+(?:in|of|near)\s+")


def is_short_item(doc: Document, settings: ExtractSettings) -> bool:
    """A caption, a feed line or a coder's note: its text, less its title, is short."""
    title = sum(s.end - s.start for s in doc.segments if s.kind == "title")
    return len(doc.text) - title <= settings.short_item_chars


def title_place(doc: Document, lex: Lexicons, *, short_item: bool = False,
                known_town: Callable[[str], bool] | None = None) -> PlaceCandidate | None:
    """The title when it is nothing but a place, as written, its container kept for the
    geocoder ("Markhalivka, Kyiv Region", "Kharkiv (Saltivka district)"), or a short item's
    lead place before a dash ("Kharkiv — Aftermath of a strike on the veterinary
    university"); its characters are the document's (a sentence's candidate counts from the
    sentence start). A title typed all in lower case ("kharkiv", "gaza city") is one when
    ``known_town`` (the gazetteer) knows a town of some size by it: its case says nothing."""
    title = next((s for s in doc.segments if s.kind == "title"), None)
    if title is not None:
        text = doc.text[title.start:title.end].strip()
        start = doc.text.index(text, title.start) if text else 0
        lowercase_town = text.islower() and known_town is not None and known_town(text)
        if lowercase_town or is_place_title(text, lex):
            return PlaceCandidate(text, start, start + len(text), set(), None, known=False)
        if (lead := _set_off_place(doc.text, start, lex, known_town, headline=True)) is not None:
            return lead  # "Kharkiv: Russian shelling hits ...": the tagger's common noun
    return _lead_place(doc, lex, known_town) if short_item else None


def filed_from(doc: Document, place: PlaceCandidate | None) -> bool:
    """The lead place opens a wire dateline ("BEIRUT — ...", "KYIV (Reuters) - ..."): the city
    the reporter files from, which places a strike only when its text names no place; a
    village the text names that the gazetteer lacks is still the strike's place, never the
    filing city ("BEIRUT — A drone struck a car in a village called Aitaroun")."""
    return place is not None and dates.wire_dateline_prefix(doc.text[place.start:]) > 0


def _lead_place(doc: Document, lex: Lexicons,
                known_town: Callable[[str], bool] | None) -> PlaceCandidate | None:
    """A short item's lead place (``_set_off_place``) before its body's text."""
    body = next((s for s in doc.segments if s.kind != "title"), None)
    return _set_off_place(doc.text, body.start if body is not None else 0, lex, known_town)


def _set_off_place(text: str, at: int, lex: Lexicons, known_town: Callable[[str], bool] | None,
                   *, headline: bool = False) -> PlaceCandidate | None:
    """A lead place set off from its text by a dash ("Kharkiv — Aftermath of a strike on the
    veterinary university", "Aden – Houses damaged after shelling"), a colon ("Kharkiv: a
    missile hit a residential building", "Taiz: a shell hit a house") or a full stop
    ("Zaporizhzhia. Fire and debris after ..."). A colon also follows a speaker or a label
    ("Ministry: ...", "Update: ..."), a full stop any short sentence ("Explosion. ..."), and a
    headline's first word is any word ("Ukraine: Russia launches ..."), so there the gazetteer
    must know a town of some size by the name; a country is no headline's lead place."""
    for lead, town_needed in ((_LEAD_PLACE.match(text, at), headline),
                              (_LEAD_PLACE_COLON.match(text, at), True),
                              (_LEAD_PLACE_STOP.match(text, at), True)):
        if lead is None or not is_place_title(name := lead.group(1), lex) \
                or (headline and _is_country(name)):
            continue
        if town_needed and not (known_town is not None and known_town(name)):
            continue
        return PlaceCandidate(name, lead.start(1), lead.end(1), set(), None, known=False)
    return None


def is_place_title(title: str, lex: Lexicons, max_words: int = 6) -> bool:
    """A few capitalised names and place words ("Saada, Sahar district", "Rzhavets (Kharkiv
    region)", "Kherson, Shumenskyi microdistrict", "center of Kharkiv"), with no digit and no
    strike, weapon or actor word: a headline in title case ("Airstrikes Hit Aleppo", "Russian
    Jets Pound Idlib") is not a place."""
    words = _TITLE_WORD.findall(title)
    if not 1 <= len(words) <= max_words or len(title) > 80:
        return False
    if not any(word[0].isupper() or _JOINED_ARTICLE.match(word) for word in words):
        return False  # place words with no name: "center", "district"
    for word in words:
        low = word.lower().rstrip(".")  # "Donetsk obl."
        if word.isdigit() or low in lex.title_stop_words:
            return False
        # "Beirut southern suburbs", "Khartoum eastern outskirts": a city's side
        if not (word[0].isupper() or low in lex.place_heads or low in lex.unit_nouns
                or low in lex.city_parts or low in lex.city_centres or low in lex.regions
                or low in _TITLE_LINKS
                or _JOINED_ARTICLE.match(word)):
            return False
    # an actor's name is no place, but a capital or a country is ("Shebekino, Belgorod Oblast,
    # Russia"), though the actor lexicon lists them for "Moscow said", "Russia struck"
    return not lex.weapons.find(title) and not any(
        title[s:e].lower() not in lex.capitals and not _is_country(title[s:e])
        for s, e, _, _ in lex.actors.find(title))


def title_names(place: PlaceCandidate | None) -> frozenset[str]:
    """The names a place title writes together, as merge keys, when it writes more than one
    (the place and its container or its part): {"vesele", "kherson oblast"} for "Vesele
    (Kherson Oblast)"; empty for a title of one name ("Kharkiv")."""
    if place is None:
        return frozenset()
    names = frozenset(_place_key(n) for n in _TITLE_NAME_BREAK.split(place.text) if n.strip())
    return names if len(names) > 1 else frozenset()
