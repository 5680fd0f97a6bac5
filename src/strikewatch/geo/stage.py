"""The pipeline stage: geocode a document's strike mentions together, and the `geocode`
command's answer for one name."""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..actors import load_registry
from ..models import Place, Span, StrikeMention
from .cues import _COUNTRY_AFTER, _NATIONAL_KIND_BEFORE, _distance_km
from .disambiguate import (_AREA_NOUN, _POSSESSIVE, _document_country, _homonym_in_named_province,
                           _voting_population)
from .gazetteer import Gazetteer, load_gazetteer
from .names import CITY, Candidate, Unresolved, normalize
from .written import _CONTAINING

log = logging.getLogger("strikewatch.geo")
# A place abroad this close to one of the story country's province capitals may be a strike
# across its border (Belgorod is 70 km from Kharkiv, Kilis 60 km from Aleppo, Beirut 85 km
# from Damascus); a venue of talks rarely is (Geneva, Astana, London are thousands away).
ABROAD_NEAR_KM = 250


def geocode_mentions(mentions: Sequence[StrikeMention], gazetteer: Gazetteer, *,
                     country_hint: str | None = None,
                     document_text: str | None = None) -> list[StrikeMention]:
    """Fill ``.place`` of each mention, using the document's other places as context.

    Four passes, because a name's meaning depends on the rest of the document: (1) resolve
    each place alone; (2) if no country was given, take the document's main country from what
    resolved — a vote weighted by how sure each answer is (a province or a city of a million
    outweighs a hamlet that only shares a spelling) — and resolve again with it and with the
    other places as neighbours; (3) a place the text puts inside or near another ("Mansoura in
    rural Aleppo", "Bab al-Nayrab neighbourhood in southern Aleppo city") must lie there: when
    the gazetteer has no such place, it is coded to the container at a coarser precision, and
    a name with no container and no entry is coded to the nearest place its sentence names,
    each time with the reason first among the alternatives; (4) a name the document once
    called a province ("the provinces of Hama, Homs and Idlib") stays a province later
    ("strikes on Aleppo, Idlib and Hama"), and so do the names listed with it."""
    gazetteer.start_document()
    first = [gazetteer._resolve_full(m.place_text, country_hint, (), _context_of(m))
             if m.place_text else (None, None) for m in mentions]
    country = country_hint or _document_country(mentions, first, gazetteer, document_text)
    doc = _Document(list(mentions), gazetteer, country, document_text)
    _resolve_in_context(doc, first)
    _contain_all(doc)
    _promote_provinces(doc)
    _abroad_only_with_cause(doc)
    _coded_twice(doc)
    _landmark_in_its_town(doc)
    _part_of_the_town_named(doc)
    _landmark_named_for_its_town(doc)
    for m, p in zip(mentions, doc.results):
        if isinstance(p, Unresolved):  # per-item failure: recorded, the mention kept unplaced
            log.info("%s: place %r unresolved: %s", m.doc_id, p.name, p.reason)
    return [dataclasses.replace(m, place=p if isinstance(p, Place) else m.place,
                                site=m.site or doc.sites.get(i))
            for i, (m, p) in enumerate(zip(doc.mentions, doc.results))]


def _context_of(m: StrikeMention) -> str | None:
    return m.sentence.text if m.sentence else None


@dataclass
class _Document:
    """One document being geocoded: its mentions, its country, each mention's answer so far,
    and the provinces of the places the story names exactly (``story``; ``told`` when a strike
    place gave them, not only the article's text)."""

    mentions: Sequence[StrikeMention]
    gazetteer: Gazetteer
    country: str | None
    text: str | None
    results: list[Place | Unresolved | None] = field(default_factory=list)
    sites: dict[int, str] = field(default_factory=dict)  # a town mention's landmark, by index
    in_theatre: set[int] = field(default_factory=set)  # read where its attacker strikes, by index
    story: set[str] = field(default_factory=set)
    small_story: set[str] = field(default_factory=set)  # the provinces of small towns named
    told: bool = False
    _article_provinces: frozenset[str] | None = None

    def countries_named(self, m: StrikeMention) -> set[str]:
        """The countries the mention's sentence or the article names."""
        texts = [m.sentence.text if m.sentence else "", self.text or ""]
        return {cc for t in texts if t for cc in self.gazetteer._countries_named(t)}

    def country_of(self, m: StrikeMention) -> str | None:
        """The country a place's own words name ("the southern Lebanese town of Naqoura" in a
        story of Gaza, "the Russian border village of Tetkino" in one of Sumy), else the
        story's."""
        if m.place_span is None or m.sentence is None:
            return self.country
        before = m.sentence.text[:m.place_span.start - m.sentence.start][-80:]
        kind = _NATIONAL_KIND_BEFORE.search(before)
        own = kind and self.gazetteer._lex.demonyms.get(normalize(kind.group(1)))
        return own or self._country_after(m) or self.country

    def _country_after(self, m: StrikeMention) -> str | None:
        """The one country the container written right after a place names: "the areas of
        Aitaroun and Kfarkela in southern Lebanon" in a story that also tells a strike in Gaza,
        "the Metina region of northern Iraq" in a Turkish ministry's report of Syria too."""
        after = _COUNTRY_AFTER.match(m.sentence.text, m.place_span.end - m.sentence.start)
        if after is None:
            return None
        words = after.group(1) or after.group(2)
        first = words.split()[0]
        if normalize(first) in self.gazetteer._lex.demonyms or _POSSESSIVE.search(first):
            return None  # "in Russian-held Donetsk", "in Ukraine's east": no container's name
        named = self.gazetteer._countries_in_run(words)
        return next(iter(named)) if len(named) == 1 else None

    def article_provinces(self) -> frozenset[str]:
        """The provinces the article names: a scan of its whole text, done once if asked."""
        if self._article_provinces is None:
            self._article_provinces = self.gazetteer._provinces_in_text(self.text, self.country)
        return self._article_provinces


def _resolve_in_context(doc: _Document, first: list[tuple[Place | Unresolved | None,
                                                         Candidate | None]]) -> None:
    """Pass 2: each name again, with the document's country and its other places as
    neighbours; an exactly named place of the country gives the story its province."""
    g, country = doc.gazetteer, doc.country
    placed = [p for p, _ in first if isinstance(p, Place)]
    for m, (p, alone) in zip(doc.mentions, first):
        if m.place_text is None:
            doc.results.append(None)
            continue
        near = [o for o in placed if o is not p and o.precision != "country"]
        here, cand = _read_in_context(doc, m, near)
        if isinstance(here, Unresolved) and _across_the_border(doc, m, p, alone):
            here, cand = p, alone
        doc.results.append(here)
        if isinstance(here, Place) and cand is not None and cand.exact and here.admin1 \
                and here.country == country and here.precision != "country" \
                and m.date_precision in (None, "day"):
            # a hamlet's name is shared by others: it says little, and speaks for the story
            # only where no larger place does; a strike the story recalls by its month ("In
            # January, an Israeli strike in Beirut ...") is background, not where its strikes are
            large = cand.kind != CITY or cand.population >= g.settings.anchor_population
            (doc.story if large else doc.small_story).add(here.admin1)


def _across_the_border(doc: _Document, m: StrikeMention, alone: Place | Unresolved | None,
                       cand: Candidate | None) -> bool:
    """Whether a name the story's country lacks is the one town of that name, a sizeable one,
    just across its border: fire crosses borders ("Rockets were fired from Gaza towards
    Sderot", Kiryat Shmona in a Lebanese story, Belgorod in a Ukrainian one) whoever fired
    it, so the town is read there though no attacker's theatre says so. A hamlet's name
    shared across a border stays a place of the story's country the gazetteer lacks."""
    g = doc.gazetteer
    if doc.country is None or not isinstance(alone, Place) or cand is None or not cand.exact             or alone.country == doc.country or alone.precision in ("country", "region")             or cand.kind == CITY and cand.population < g.settings.anchor_population:
        return False
    if len({c.country for c in g.lookup(m.place_text or "") if c.exact}) != 1:
        return False
    return g._near_country(alone, doc.country, ABROAD_NEAR_KM)


def _read_in_context(doc: _Document, m: StrikeMention, near: list[Place],
                     ) -> tuple[Place | Unresolved, Candidate | None]:
    """One name read with the document's country (or the one its own words name) and
    neighbours, then where its attacker strikes, then checked for an area written with a
    town's name abroad."""
    g, country = doc.gazetteer, doc.country_of(m)
    here, cand = g._resolve_full(m.place_text or "", country, near, _context_of(m))
    settled = _in_the_attacker_s_theatre(doc, m, near, (here, cand))
    if settled[0] is not here:
        doc.in_theatre.add(len(doc.results))
    here, cand = settled
    if isinstance(here, Place) and here.precision == "point" and here.country == country \
            and doc.text and here.admin1:
        here, cand = _homonym_in_named_province(g, m, here, cand, country, near,
                                                doc.article_provinces)
    return _no_town_abroad_for_an_area(doc, m, here), cand


def _no_town_abroad_for_an_area(doc: _Document, m: StrikeMention,
                                here: Place | Unresolved) -> Place | Unresolved:
    """A name the text calls a township, district or region ("Kani township", "Karari
    district") that the gazetteer knows only as a town in a country the text does not name
    and its attacker does not strike in (no force of the registry, when the attacker is not
    known): the gazetteer lacks the area, and the town is a namesake (Kani in Gifu, Japan,
    for a township of Myanmar's Sagaing region; Karari in India for a district of Omdurman
    the RSF shell), though no other place of the story outvoted it."""
    written_with = m.place_text or ""
    if not isinstance(here, Place) or here.precision != "point" or m.sentence is None \
            or m.place_span is None or "," in written_with or " in " in written_with:
        return here  # "Bardhere, Gedo region": the noun is the container's, not the name's
    written = written_with.split()
    after = f" {written[-1]}" if len(written) > 1 \
        else m.sentence.text[m.place_span.end - m.sentence.start:]
    registry = load_registry()
    struck_in = registry.theatre_of(m.attacker) or registry.war_countries
    if not _AREA_NOUN.match(after) or here.country in doc.countries_named(m) \
            or here.country in struck_in \
            or any(c.kind != CITY for c in doc.gazetteer.lookup(m.place_text or "")):
        return here
    return Unresolved(m.place_text or here.name,
                      f"the text calls it an area; the gazetteer knows only a town of the name "
                      f"in {here.country}, which the text does not name",
                      (f"alone: {here.name} ({here.country}/{here.admin1})",))


def _in_the_attacker_s_theatre(doc: _Document, m: StrikeMention, near: list[Place],
                               unsettled: tuple[Place | Unresolved, Candidate | None],
                               ) -> tuple[Place | Unresolved, Candidate | None]:
    """A name the story's country does not settle, shared by towns of several countries, is
    the one in the only country of them where its attacker strikes (the registry's theatres,
    else the force's home): "Israeli jets hit a house in Rafah" is Gaza's Rafah, not Egypt's;
    "Russian shelling hit Adamovka" is Ukraine's Adamivka, not the larger Adamovka in
    Orenburg, though that reading alone made Russia the story's country. A namesake in a
    country the text itself names keeps its reading. A name of one town only, left unresolved
    as lying outside the story's country, is read there when its attacker strikes there:
    Hezbollah's rockets on Safed in a Lebanese story.
    With no attacker known and no country for the story, a name left unresolved between
    countries is read in the only one of them where some force of the registry strikes ("Air
    strikes hit Palmyra": Tadmur, Syria, not the Palmyras of the US); in a Syrian story,
    "Zafarana" stays a village the gazetteer lacks, not Zaafarana in Egypt."""
    g, (here, _) = doc.gazetteer, unsettled
    registry = load_registry()
    theatre = registry.theatre_of(m.attacker)
    if not theatre and isinstance(here, Unresolved) and doc.country is None:
        theatre = registry.war_countries  # "Air strikes hit Kobani": not Mkoani, Tanzania
    if not theatre or isinstance(here, Place) and (
            here.country in theatre or here.country in doc.countries_named(m)):
        return unsettled
    countries = {c.country for c in g.lookup(m.place_text or "") if c.exact}
    inside = countries & theatre
    if len(inside) != 1 or len(countries) < 2 and isinstance(here, Place):
        return _no_namesake_abroad(m, unsettled) if not inside else unsettled
    there, cand = g._resolve_full(m.place_text or "", inside.pop(), near, _context_of(m))
    return (there, cand) if isinstance(there, Place) else unsettled


def _no_namesake_abroad(m: StrikeMention,
                        unsettled: tuple[Place | Unresolved, Candidate | None],
                        ) -> tuple[Place | Unresolved, Candidate | None]:
    """A name read outside the countries its attacker strikes in, none of which has it, and
    only spelt like a town there ("Haftar's forces shelled Mitiga airport": Matuga, Kenya),
    is a place of the theatre the gazetteer lacks: unplaced, with the reason. A name read
    exactly stays read (the registry lists few forces' strikes abroad), and so does one
    written with its container ("Bardhere, Gedo region"): the container says where."""
    here, read = unsettled
    written = m.place_text or ""
    if not isinstance(here, Place) or read is None or read.exact \
            or "," in written or " in " in written:
        return unsettled
    return Unresolved(m.place_text or here.name,
                      f"{here.name} ({here.country}) is only spelt alike, outside the "
                      f"countries its attacker strikes in",
                      (f"alone: {here.name} ({here.country}/{here.admin1})",)), None


def _contain_all(doc: _Document) -> None:
    """Pass 3: each place checked against its container, anchor or the story's province."""
    doc.told = bool(doc.story)  # the story's province is where its strikes are, not only named
    if not doc.story and doc.text and doc.country:
        # no strike place is known exactly: the provinces the article names stand in ("the
        # southern axis of Deir Ezzor" around "al-Reshidiya al-Hamidiya and Sheikh Yassin")
        doc.story = set(doc.article_provinces())
    if not doc.story and len(doc.small_story) == 1:
        # nor does the article name a province: "An Israeli drone struck a car near the town of
        # Bint Jbeil ... A separate strike on a house in the village of Aitaroun" is a story of
        # the small town's province (a hamlet's namesake abroad gives its province to no story
        # that names its own: "Sagaing Region" over the Taw Pyar of Tanintharyi)
        doc.story, doc.told = set(doc.small_story), True
    for i, m in enumerate(doc.mentions):
        if m.place_text is not None:
            country = doc.country_of(m)  # a place of another country is in no story province
            story = frozenset(doc.story) if country == doc.country else frozenset()
            doc.results[i] = doc.gazetteer._contain(m, doc.results[i], country, story, doc.told,
                                                    _other_sides_places(doc, m))


def _other_sides_places(doc: _Document, m: StrikeMention) -> frozenset[int]:
    """Where in ``m``'s sentence the places of another side's strikes start (not those of a
    joint strike, told once for each of its attackers: "airstrikes by regime and Russian jets
    on Alghantou")."""
    def starts(same: bool) -> set[int]:
        return {o.place_span.start - m.sentence.start for o in doc.mentions
                if o.sentence == m.sentence and o.place_span is not None
                and _one_side(o, m) == same}
    return frozenset(starts(False) - starts(True))


def _promote_provinces(doc: _Document) -> None:
    """Pass 4: a name once called a province stays one, and so do the names of its sentence
    that one side struck ("Russian missiles hit Odesa, while Ukraine said it fired drones at
    Crimea" keeps Odesa the city)."""
    results, mentions = doc.results, doc.mentions
    provinces = {normalize(m.place_text or "") for m, p in zip(mentions, results)
                 if isinstance(p, Place) and p.precision == "admin1"}
    for i, m in enumerate(mentions):
        if normalize(m.place_text or "") in provinces:
            _promote(doc, i)
    by_sentence: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_sentence[(m.sentence.start, m.sentence.end)].append(i)
    for idxs in by_sentence.values():
        named = [k for k in idxs if isinstance(results[k], Place) and results[k].precision == "admin1"]
        for i in idxs:
            if any(_one_side(mentions[i], mentions[k]) for k in named):
                _promote(doc, i)


def _abroad_only_with_cause(doc: _Document) -> None:
    """Pass 5: a strike is placed in a country other than the story's only with a cause: the
    sentence or the article names that country, as it names the war's belligerents ("in
    neighbouring Iraq", "the Turkish town of Kilis", "Russian officials said ... Novorossiysk"),
    or the place lies near the story's country (a border town across the front: Belgorod in
    a Ukrainian story), or its name was read in the one country of its namesakes where its
    attacker strikes ("Russian shelling hit Adamovka": Ukraine's Adamivka), or it is the town
    the text writes an installation in or near ("the Ramon airport near Eilat" in a story
    whose country a hamlet called Ramon voted for). Otherwise it is
    a venue of talks, a statement or a protest ("peace talks in Geneva"), or a person's or a
    local name's namesake abroad ("Hassan" is not Hassan, Karnataka), and the mention stays
    unplaced, with the reason."""
    if doc.country is None:
        return
    g = doc.gazetteer
    for i, (m, p) in enumerate(zip(doc.mentions, doc.results)):
        if not isinstance(p, Place) or p.country == doc.country or p.precision == "country":
            continue
        if g._near_country(p, doc.country, ABROAD_NEAR_KM) or i in doc.in_theatre \
                or p.country in doc.countries_named(m) or _struck_abroad_by_its_state(doc, m, p) \
                or _CONTAINING in (p.alternatives or ("",))[0] \
                and g._an_installation(m.place_text or ""):
            continue
        doc.results[i] = Unresolved(
            m.place_text or p.name,
            f"{p.name} lies in {p.country}, far from the story's country ({doc.country}), "
            f"and the article does not name {p.country}: a venue or a namesake, not a "
            f"strike place",
            (f"alone: {p.name} ({p.country}/{p.admin1})",))


def _struck_abroad_by_its_state(doc: _Document, m: StrikeMention, p: Place) -> bool:
    """The story's own state struck the place ("Israeli jets struck the port of Hodeidah" in
    a story whose other places are Israeli), or a force struck it in a country the registry
    lists among those it strikes ("Air strikes hit Sanaa as Houthis fire missiles at Riyadh":
    the Houthis strike Saudi Arabia). Forces strike abroad, and a strike is no venue; the
    place must still be named exactly by its own name and be a province or a city large
    enough to be named from abroad (not a person's namesake hamlet), and the sentence must
    name the force as the one striking (not carry it from a strike before "Peace talks in
    Geneva were suspended after the strikes")."""
    named, sentence = m.attacker_span, m.sentence
    if m.attacker is None or p.precision == "region" or named is None or sentence is None \
            or not sentence.start <= named.start < sentence.end:
        return False
    if m.attacker.country != doc.country \
            and p.country not in load_registry().theatre_of(m.attacker) - {doc.country}:
        return False
    _, cand = doc.gazetteer._resolve_full(m.place_text or p.name, p.country)
    return cand is not None and cand.exact and cand.own and (
        cand.kind != CITY or cand.population >= doc.gazetteer.settings.foreign_min_population)


def _coded_twice(doc: _Document) -> None:
    """Pass 6: a landmark coded to its container, or to the nearest place its sentence names,
    adds no strike when that place is already a strike place of the same sentence by its own
    name: "the strike on Gagarin Stadium in Chernihiv", "Freedom Square, Mariupol", "Gorky
    Park, Kharkiv" tell of one strike each, at Chernihiv, Mariupol and Kharkiv. The name stays
    unplaced, with the reason; a name that is a site's ("UN school") is kept as that strike's
    site. Neighbourhoods coded to their city stay strikes of their own
    ("including 9 in the neighborhood Alsaliheen 8 in Ansari ... in Aleppo": one event each)."""
    by_sentence: dict[tuple[int, int] | None, list[int]] = defaultdict(list)
    for i, m in enumerate(doc.mentions):
        by_sentence[(m.sentence.start, m.sentence.end) if m.sentence else None].append(i)
    for idxs in by_sentence.values():
        named = [(j, p) for j in idxs if isinstance(p := doc.results[j], Place) and not p.unresolved_name]
        for i in idxs:
            p = doc.results[i]
            m = doc.mentions[i]
            if isinstance(p, Place) and p.unresolved_name and m.sentence \
                    and doc.gazetteer._names_a_landmark(m.place_text or "", m.sentence.text) \
                    and (same := next(((j, o) for j, o in named if _same_ground(p, o)), None)):
                doc.results[i] = Unresolved(
                    m.place_text or p.unresolved_name,
                    f"coded to {p.name}, which its sentence names as a strike place itself "
                    f"({same[1].name})", p.alternatives)
                if (m.place_text or "").split()[-1].casefold() in doc.gazetteer._lex.landmark_nouns:
                    doc.sites[same[0]] = doc.sites.get(same[0]) or m.place_text  # "UN school"


# what may stand between a landmark's name and its town: the rest of the landmark's name (its
# noun, "steel plant", "children's hospital") and a word placing it inside ("in", "at")
_LANDMARK_TO_TOWN = re.compile(r"^(?P<tail>(?:\s+[\w'’-]+){0,3}?)\s*,?\s+(?:in|at|inside|of)\s+"
                               r"(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$", re.IGNORECASE)
LANDMARK_TOWN_KM = 30  # a plant, hospital or school "in" a town lies within its reach


def _landmark_in_its_town(doc: _Document) -> None:
    """Pass 7: a landmark the gazetteer knows, written before the town it stands in ("the
    Azovstal plant in Mariupol", "al-Shifa hospital in Gaza City"), is one strike: the
    town's, with the landmark kept as its site. Only where the landmark lies in that town's
    reach; a village "in" a province ("Mansoura in rural Aleppo") is a narrower place and
    stays, as does a landmark far from the town after it."""
    for i, m in enumerate(doc.mentions):
        landmark = doc.results[i]
        if not isinstance(landmark, Place) or not (m.sentence and m.place_span):
            continue
        for j, town in enumerate(doc.results):
            site = _site_before_town(doc, i, j) if j != i else None
            if site is not None and isinstance(town, Place):
                doc.sites[j] = doc.sites.get(j) or site
                doc.results[i] = Unresolved(m.place_text or landmark.name,
                                            f"a landmark in {town.name}, the strike's place", ())
                break


def _part_of_the_town_named(doc: _Document) -> None:
    """Pass 8: a sentence that names one part of a town (a neighbourhood, a camp, a market:
    descriptors.yaml) and one town tells one strike, in that town, when the gazetteer places
    the part out of the town's reach or only at a container: "Houthi shelling of the al-Rawdah
    neighbourhood killed three children in Taiz" (not Ar Rawdah of Sanaa), "IDF shelling of
    the Mawasi area killed 11 people in Khan Younis". The part becomes the town's site and
    gives it its toll when the town has none. A part with a place of its own near the town,
    and several parts each with a toll ("9 in the neighborhood Alsaliheen 8 in Ansari ... in
    Aleppo"), stay strikes of their own."""
    by_sentence: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, m in enumerate(doc.mentions):
        if m.sentence is not None and m.place_text:
            by_sentence[(m.sentence.start, m.sentence.end)].append(i)
    lex = doc.gazetteer._lex
    nouns = lex.city_part_nouns | lex.landmark_nouns | lex.town_site_nouns
    for idxs in by_sentence.values():
        parts = [i for i in idxs if doc.mentions[i].place_text.split()[-1].casefold() in nouns]
        towns = [j for j in idxs if j not in parts and isinstance(doc.results[j], Place)
                 and doc.results[j].precision in ("point", "admin2")
                 and not doc.results[j].unresolved_name
                 and all(_one_side(doc.mentions[i], doc.mentions[j]) for i in parts)]
        if len(parts) == 1 and len(towns) == 1 and _out_of_reach(doc.results[parts[0]],
                                                                  doc.results[towns[0]]):
            _fold_into_the_town(doc, parts[0], towns[0])


def _landmark_named_for_its_town(doc: _Document) -> None:
    """Pass 9: a landmark the gazetteer lacks, named by its town and its noun ("the Wad
    Madani bridge", "the Mindat hospital"), in a sentence that places nothing else, is in that
    town: coded to it, the landmark kept as written and as the strike's site. Only a town by
    its exact name, of the story's country when it has one and large enough to name a
    landmark after (``anchor_population``): "Nasser hospital" is named after a man."""
    g = doc.gazetteer
    placed = {(m.sentence.start, m.sentence.end) for m, p in zip(doc.mentions, doc.results)
              if isinstance(p, Place) and m.sentence is not None}
    for i, m in enumerate(doc.mentions):
        words = (m.place_text or "").split()
        if isinstance(doc.results[i], Place) or m.sentence is None or len(words) < 2 \
                or words[-1].casefold() not in g._lex.landmark_nouns \
                or (m.sentence.start, m.sentence.end) in placed:
            continue
        town, cand = g._resolve_full(" ".join(words[:-1]), doc.country)
        if isinstance(town, Place) and cand is not None and cand.exact and cand.kind == CITY \
                and (doc.country is None or town.country == doc.country) \
                and _voting_population(cand) >= g.settings.anchor_population:
            doc.results[i] = dataclasses.replace(town, unresolved_name=m.place_text)
            doc.sites[i] = doc.sites.get(i) or m.place_text


def _out_of_reach(part: Place | Unresolved | None, town: Place) -> bool:
    """Whether the gazetteer's answer for a part of ``town`` cannot be that part: none, a
    container, or a place beyond the town's reach."""
    if not isinstance(part, Place):
        return True
    return bool(part.unresolved_name) or part.precision not in ("point", "admin2") \
        or _distance_km((part.lat, part.lon), (town.lat, town.lon)) > LANDMARK_TOWN_KM


def _one_side(part: StrikeMention, town: StrikeMention) -> bool:
    """Whether a part and a town of one sentence may be one strike: not when two sides fire
    ("RSF shelling on the Abu Shouk camp near El Fasher killed 14 ..., as the army carried
    out air strikes on the RSF-held city of Nyala" tells two strikes, the camp's and Nyala's;
    "Israeli shelling of the Mawasi area killed 11 people in Khan Younis, as Hamas fighters
    fired rockets at Sderot" one in Khan Younis, whatever Hamas fired at)."""
    return part.attacker is None or town.attacker is None or part.attacker == town.attacker


def _fold_into_the_town(doc: _Document, i: int, j: int) -> None:
    part, town = doc.mentions[i], doc.mentions[j]
    was = doc.results[i]
    doc.results[i] = Unresolved(part.place_text or "", f"a part of {doc.results[j].name}, "
                                f"which its sentence names as the strike's place",
                                was.alternatives if was is not None else ())
    doc.sites[j] = doc.sites.get(j) or part.place_text
    if town.casualties.killed.min is None and town.casualties.wounded.min is None:
        doc.mentions[j] = dataclasses.replace(town, casualties=part.casualties)


def _site_before_town(doc: _Document, i: int, j: int) -> str | None:
    """The landmark's words when mention ``i`` is a landmark written right before the town
    of mention ``j`` in the same sentence ("the Azovstal steel plant in Mariupol") and lying
    within its reach, else None."""
    m, town_m = doc.mentions[i], doc.mentions[j]
    landmark, town = doc.results[i], doc.results[j]
    if not (isinstance(landmark, Place) and isinstance(town, Place) and m.sentence
            and m.place_span and town_m.place_span and town_m.sentence == m.sentence
            and town.precision in ("point", "admin2") and town.country == landmark.country
            and town_m.place_span.start > m.place_span.end):
        return None
    between = m.sentence.text[m.place_span.end - m.sentence.start:
                              town_m.place_span.start - m.sentence.start]
    written = _LANDMARK_TO_TOWN.match(between)
    if written is None or not _a_landmark(doc, m.place_text or "", written["tail"]):
        return None
    far = _distance_km((landmark.lat, landmark.lon), (town.lat, town.lon)) > LANDMARK_TOWN_KM
    return None if far else f"{m.place_text}{written['tail']}"


def _a_landmark(doc: _Document, name: str, tail: str) -> bool:
    """Whether a landmark's noun ends the name or the words after it ("plant", "hospital")."""
    words = f"{name}{tail}".split()
    return bool(words) and words[-1].casefold().strip("'’") in doc.gazetteer._lex.landmark_nouns


def _same_ground(coded: Place, named: Place) -> bool:
    """The same town, or a province coded for a name and a town of it named in full."""
    if coded.country != named.country:
        return False
    if coded.geonameid is not None and coded.geonameid == named.geonameid:
        return True
    return coded.precision == "admin1" and coded.admin1 is not None \
        and coded.admin1 == named.admin1


def _promote(doc: _Document, i: int) -> None:
    """Only a province whose capital is this very town: "Hama" -> Hama province."""
    p, text = doc.results[i], doc.mentions[i].place_text
    if isinstance(p, Place) and p.precision == "point" and text:
        province = doc.gazetteer.resolve(text, country=doc.country, level="admin1")
        if isinstance(province, Place) and province.precision == "admin1" \
                and province.geonameid == p.geonameid:
            doc.results[i] = province


def geocode_json(name: str, country: str | None = None, *,
                 gazetteer: Gazetteer | None = None) -> dict:
    """What ``strikewatch geocode NAME [--country CC]`` prints, so analysts can check a match:
    the name read as the pipeline reads a strike place that is its whole sentence, so that
    "X in Deir ez-Zor governorate" answers as it would in a report."""
    g = gazetteer or load_gazetteer()
    cc = country.upper() if country else None
    result = g.resolve(name, country=cc)
    alone = Span(0, len(name), name)
    mention = StrikeMention(doc_id="geocode", sentence=alone, place_text=name, place_span=alone,
                            attacker=None)
    result = g._contain(mention, result, cc or (result.country if isinstance(result, Place)
                                                 else None)) or result
    if isinstance(result, Unresolved):
        return {"query": name, "resolved": False, "reason": result.reason,
                "alternatives": list(result.alternatives)}
    return {"query": name, "resolved": True, **{
        f.name: (list(getattr(result, f.name)) if f.name == "alternatives"
                 else getattr(result, f.name)) for f in dataclasses.fields(result)}}
