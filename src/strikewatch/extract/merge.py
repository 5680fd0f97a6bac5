"""Merging a document's mentions: a strike placed only in a region, or only at an unnamed site,
stands for the place the story names next for it; one mention per (attacker, place, day),
keeping every supporting sentence, unless air strike and shelling tell them apart; a later toll
given as an update is the strike's, two figures that are no update give the lowest to the
highest; one claim per speaker."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from strikewatch import counts
from strikewatch.actors import PENDING_COALITION, PENDING_TERRITORY
from strikewatch.lexicons import Lexicons
from strikewatch.models import Casualties, ClaimMention, StrikeMention

from .state import _KIND_ORDER, TollUpdate

PENDING = (PENDING_COALITION, PENDING_TERRITORY)
from .words import _LEADING_DET, _is_country, _one_place_said, _place_key, _place_skeleton

# "in a rebel-held town in", "in a village held by the Islamic State group in": the text speaks of
# one place it has not named yet
_ONE_PLACE_IN = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:town|village|city|neighbou?rhood|district|camp)"
                           r"(?:\s+[\w()-]+){0,6}?\s+in(?:side)?\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
# parts of a town in the plural, then the words up to the town's name: "two residential
# neighborhoods in the northern city of ", "districts of "
_SEVERAL_PARTS = re.compile(r"\b(?:neighbou?rhoods|districts|quarters|suburbs|areas)\b"
                            r"(?:\s+[\w-]+){0,6}?\s+(?:in|of)\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
_PROVINCE = re.compile(r"\s(?:province|governorate)$", re.IGNORECASE)
# the words between a part of a town and the town: " of ", ", in ", ", just south of the city of ",
# '" in southern ' (a quote closed after the part)
_HELD_BY = (r"[\"”]?\s*,?\s*(?:in|of|(?:just\s+)?(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+"
            r"(?:the\s+)?(?:(?:northern|southern|eastern|western|central)\s+)?"
            r"(?:(?:city|town|old\s+city)\s+of\s+)?")


def without_vague(lex: Lexicons, strikes: list[StrikeMention], gazetteer) -> list[StrikeMention]:
    """A strike placed only in a region ("in a town in northern Syria on Monday") is the one
    the story places exactly on the same day ("Air strikes on a market killed at least 29
    civilians in a town in northern Syria" ... "the market in Atareb"): a vague mention with
    no attacker goes when the same day has a placed one in its country (``_elsewhere``). A
    named force's strikes in a region stay ("Russian jets also struck in the northwest",
    founding example)."""
    def vague(m: StrikeMention) -> bool:
        words = _LEADING_DET.sub("", m.place_text or "").lower().split()
        return bool(words) and all(w in lex.regions or _is_country(w) for w in words)

    strikes = _resolve_vague(_site_named_later(strikes), vague)
    out = [m for m in strikes if not vague(m)]
    for m in strikes:
        if not vague(m):
            continue
        i = next((i for i, p in enumerate(out) if p.date == m.date and m.attacker is None
                  and not _elsewhere(gazetteer, m, p)), None)
        if i is None:
            out.append(m)
        elif out[i].casualties.killed.empty and not m.casualties.killed.empty:
            out[i] = replace(out[i], casualties=m.casualties)  # the lead's toll is the strike's
    return sorted(out, key=lambda m: m.sentence.start)


def _elsewhere(gazetteer, vague: StrikeMention, placed: StrikeMention) -> bool:
    """A region of one country is no other country's town: "air strikes killed five people in
    eastern Chad" is not the strike on Nyala the story tells that day, nor "in northern Iraq"
    the one on Qamishli. Only a place the gazetteer knows, and knows in none of the countries
    the region names, is elsewhere; a site it cannot place ("the port") may still be there."""
    countries = gazetteer._countries_in_run(vague.place_text or "")
    name = _LEADING_DET.sub("", placed.place_text or "").strip()
    if not countries or not name or not gazetteer.is_place(name):
        return False
    return not any(gazetteer.is_place(name, country=c) for c in countries)


def _site_named_later(strikes: list[StrikeMention]) -> list[StrikeMention]:
    """ "A hospital ... in a rebel-held province of northern Syria was destroyed by airstrikes
    over the weekend that killed 13 people" ... "the hospital in Millis, Idlib province was hit
    directly by two airstrikes": a strike placed only at an unnamed site is the one the story
    places next at that site, told again as "the hospital", by the same force; that mention
    takes its day when it says none of its own, and its toll when it tells none."""
    strikes = sorted(strikes, key=lambda m: m.sentence.start)
    for m in [m for m in strikes if _unnamed_site(m)]:
        kind = _site_kind(m.site)
        again = re.compile(rf"\bthe\s+{re.escape(kind)}\b", re.IGNORECASE)
        i = next((i for i, p in enumerate(strikes) if p.sentence.start > m.sentence.start
                  and p.attacker == m.attacker and not _unnamed_site(p)
                  and _site_kind(p.site) == kind and again.search(p.sentence.text)
                  and (p.date == m.date or p.date_text is None)), None)
        if i is None:
            continue
        p = _told_again(strikes[i], m)
        strikes[i] = replace(p, support=tuple(dict.fromkeys((*p.support, m.sentence))))
        strikes.remove(m)
    return strikes


def _told_again(later: StrikeMention, first: StrikeMention) -> StrikeMention:
    """The strike told again: it keeps what it says, and takes the first telling's day when
    it says none and its toll when it tells none."""
    if later.date_text is None:
        later = replace(later, date=first.date, date_precision=first.date_precision,
                        date_text=first.date_text)
    if later.casualties.killed.empty:
        later = replace(later, casualties=first.casualties)
    return later


def _site_kind(site: str | None) -> str:
    """A site without its indefinite article, lower case: "A hospital" -> "hospital"."""
    return re.sub(r"^(?:a|an)\s+", "", (site or "").strip(), flags=re.IGNORECASE).lower()


def _unnamed_site(m: StrikeMention) -> bool:
    """The mention's place is only a kind of site, unnamed: "A hospital", "a school"."""
    kind = _site_kind(m.site)
    return bool(kind) and re.fullmatch(rf"(?:a|an)\s+{re.escape(kind)}", m.place_text or "",
                                       re.IGNORECASE) is not None


def _resolve_vague(strikes: list[StrikeMention], vague) -> list[StrikeMention]:
    """ "a missile ... slammed into a residential area in a rebel-held town in the north" ...
    "the attack on the town of Marea": the region or province stands for the one place the
    story names next for the same force's strike; that mention takes its day and toll."""
    strikes = sorted(strikes, key=lambda m: m.sentence.start)
    resolved = set()  # the same region or province said again of the same strike goes too
    for m in list(strikes):
        if m.place_span is None or not (vague(m) or _PROVINCE.search(m.place_text or "")):
            continue
        said = (m.attacker, _place_key(m.place_text), m.date)
        if said not in resolved and not _ONE_PLACE_IN.search(
                m.sentence.text[:m.place_span.start - m.sentence.start]):
            continue
        i = next((i for i, p in enumerate(strikes) if p.attacker == m.attacker
                  and p.sentence.start > m.sentence.start and not vague(p)
                  and not _PROVINCE.search(p.place_text or "")
                  and (p.date == m.date or p.date_text is None)), None)
        if i is None:
            continue
        strikes[i] = _told_again(strikes[i], m)
        strikes.remove(m)
        resolved.add(said)
    return strikes


def merge_strikes(mentions: list[StrikeMention], site_after_town: re.Pattern,
                  ) -> tuple[StrikeMention, ...]:
    """One mention per (attacker, place, day) in a document, keeping every supporting sentence,
    unless their delivery tells them apart (an air strike and shelling, ``_told_apart``); a
    later toll given as an update replaces the earlier one, two that disagree otherwise give a
    range (``_later_toll``).

    A re-mention without a date of its own (its date is the document's) joins a dated mention
    of the same attacker and place: "strikes were carried out on Idlib" after "attacks on Idlib
    on Thursday" is the same strike said again. ``site_after_town``: the sites a town's name
    may come with and still say the town (``_one_place_said``).
    """
    mentions = _unattributed_told_again(_town_as_its_part(mentions), site_after_town)
    merged: list[StrikeMention] = []
    for m in sorted(mentions, key=lambda m: m.date_text is None):
        target = None
        for i, k in enumerate(merged):
            if k.attacker != m.attacker \
                    or not _one_place_said(k.place_text, m.place_text, site_after_town) \
                    or _told_apart(k, m):
                continue
            if k.date == m.date or m.date_text is None:
                target = i
                break
        if target is None:
            merged.append(m)
            continue
        merged[target] = _joined(merged[target], m)
    merged.sort(key=lambda m: m.sentence.start)
    return tuple(merged)


def _joined(k: StrikeMention, m: StrikeMention) -> StrikeMention:
    """``k`` with ``m``, the same strike said again: its sentence as support, its targets,
    its toll (``_later_toll``) and its source."""
    return replace(
        k,
        support=tuple(dict.fromkeys((*k.support, m.sentence))),
        targets=k.targets + tuple(t for t in m.targets if t.category not in {x.category for x in k.targets}),
        casualties=_later_toll(k, m),
        source=k.source if m.source in (None, k.source) else f"{k.source}; {m.source}" if k.source else m.source,
        claimed_by_attacker=k.claimed_by_attacker and m.claimed_by_attacker,
        site=k.site or m.site,
    )


def _unattributed_told_again(mentions: list[StrikeMention], site_after_town: re.Pattern,
                             ) -> list[StrikeMention]:
    """A mention naming no attacker, of a place and day the story gives an attacker's strike
    for, is that strike said again, however its name is spelt ("Tariq al-Bab" in a caption,
    "Tareeq al-Bab" in the text): it joins that strike (each, when the story names two
    attackers of it) with its sentence and its toll, which is the strike's latest when it is
    told as risen ("The death toll from Monday's strike on Kharkiv has risen to 9")."""
    def same(a: StrikeMention, b: StrikeMention) -> bool:
        return a.date == b.date and _one_place_said(a.place_text, b.place_text, site_after_town,
                                                    _place_skeleton)

    out = list(mentions)
    known = [m for m in mentions if m.attacker is not None]
    for i, m in enumerate(mentions):
        if m.attacker is None and any(same(m, k) for k in known):
            out = [_joined(k, m) if k is not None and k.attacker is not None
                   and same(k, m) else k for k in out]
            out[i] = None
    return [m for m in out if m is not None]


def with_later_tolls(strikes: tuple[StrikeMention, ...],
                     updates: list[TollUpdate]) -> tuple[StrikeMention, ...]:
    """Each toll given as risen, in a sentence of its own ("Later on Monday the group said the
    toll had risen to 14"), is the latest figure of the strike it updates (``_updated``): the
    strike the story told last before it, or the one at the place it names ("the toll in
    Maarat al-Numan had risen to 10", after a strike on Ariha). A toll lower than the strike's
    is no rise of it and is left."""
    out = list(strikes)
    for update in updates:
        i = _updated(out, update)
        if i is None:
            continue
        m = out[i]
        before, after = m.casualties, update.casualties
        if not before.killed.empty and (after.killed.min or 0) < (before.killed.min or 0):
            continue
        toll = Casualties(killed=after.killed,
                          wounded=before.wounded if after.wounded.empty else after.wounded,
                          civilians_killed=after.civilians_killed)
        out[i] = replace(m, casualties=toll, support=tuple(dict.fromkeys((*m.support, update.span))))
    return tuple(out)


def _updated(strikes: list[StrikeMention], update: TollUpdate) -> int | None:
    """The index of the strike a toll update is of: among the strikes told before it (at the
    place it names, when it names one of theirs), the one told last."""
    start = update.span.start
    told = {i: max(s.start for s in (m.sentence, *m.support) if s.start < start)
            for i, m in enumerate(strikes) if m.sentence.start < start}
    named = {_place_key(p) for p in update.places}
    at_place = {i: at for i, at in told.items() if _place_key(strikes[i].place_text) in named}
    candidates = at_place or told
    return max(candidates, key=candidates.get) if candidates else None


def _town_as_its_part(mentions: list[StrikeMention]) -> list[StrikeMention]:
    """A mention placed at a town only ("coalition warplanes struck a house in Sanaa") is the
    strike the story places, that day, in a part of that town ("a house in the Al Hasaba
    district of Sanaa"): an incident page's assessment repeats its summary less exactly. It
    is folded into the part's mention (``_folded``), which keeps its own words for where it
    was (so that the geocoder reads "Haas village in Idlib province", not the town's
    sentence), when the story names one part of the town for that day and force ("the
    coalition", "the army" or no force named in the town's mention), nothing tells the
    strikes apart (two sites, air strike and shelling) and the town's mention does not speak
    of several parts ("two residential neighborhoods in Aleppo" is more than the one named)."""
    out: list[StrikeMention | None] = list(mentions)
    for t, town in enumerate(mentions):
        parts = [i for i, m in enumerate(mentions) if m is not town
                 and _in_town(m, town.place_text or "")
                 and (town.date == m.date or town.date_text is None)
                 and _same_force(m, town) and not _told_apart(m, town)]
        if len({_place_key(mentions[i].place_text) for i in parts}) != 1 or _of_parts(town) \
                or out[t] is not town or out[parts[0]] is None:
            continue
        out[parts[0]] = _folded(out[parts[0]], town)
        out[t] = None
    return [m for m in out if m is not None]


def _folded(part: StrikeMention, town: StrikeMention) -> StrikeMention:
    """The part's mention with the town's sentence as support, and the town's force and
    event type when it names none. The toll is the part's, told where the text places the
    strike exactly ("Eleven children were killed ... on a neighbourhood of Aleppo city" then
    "Fifteen civilians among them 11 children were killed ... on the Bab al-Nayrab
    neighbourhood"), unless it gives none or the town's is a later update of it."""
    town_updates = town.sentence.start > part.sentence.start and not town.casualties.killed.empty \
        and counts.is_toll_update(town.sentence.text)
    toll = town.casualties if part.casualties.killed.empty or town_updates else part.casualties
    return replace(part, attacker=part.attacker or town.attacker,
                   event_type=town.event_type if part.event_type == "unknown" else part.event_type,
                   support=tuple(dict.fromkeys((*part.support, town.sentence, *town.support))),
                   casualties=toll,
                   targets=part.targets + tuple(t for t in town.targets
                                                if t.category not in {x.category for x in part.targets}))


def _of_parts(town: StrikeMention) -> bool:
    """The words right before the town's name speak of several of its parts ("shelling on two
    residential neighborhoods in the northern city of Aleppo", "strikes on districts of")."""
    if town.place_span is None:
        return False
    before = town.sentence.text[max(0, town.place_span.start - town.sentence.start - 80):
                                town.place_span.start - town.sentence.start]
    return bool(_SEVERAL_PARTS.search(before))


def _in_town(part: StrikeMention, town: str) -> bool:
    """The part's own sentence names the town as what holds it, right after the part's name:
    "the Al Zahra neighbourhood of Gaza City", "Al Zahra, south of Gaza City"."""
    if part.place_span is None or not town or _place_key(part.place_text) == _place_key(town):
        return False
    after = part.sentence.text[part.place_span.end - part.sentence.start:]
    if after.isascii() and town.isascii():
        # (ASCII only: beyond it re's case-insensitive match is not str.lower's, "k" meets the
        # Kelvin sign)
        if town.lower() not in after.lower():
            return False  # the words after the part never name the town
        return bool(_HELD_BY_TOWN.match(f"{town}\0{after}"))
    return bool(_held_by(town).match(after))


# ``_HELD_BY`` and then the town written before the NUL, again, case-blind: one pattern for
# every town of ASCII letters (a pattern compiled per town cost ~1.5 CPU ms each, 136 towns on
# 3,000 documents of a news stream, and more the longer it runs)
_HELD_BY_TOWN = re.compile(r"(?P<town>[^\0]*)\0" + _HELD_BY + r"(?P=town)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _held_by(town: str) -> re.Pattern:
    """The words that put a part in ``town``, compiled once per town (a town beyond ASCII:
    see ``_HELD_BY_TOWN``): merging asks it of every pair of a story's mentions, and the
    ``re`` module's own cache of 512 patterns, shared with every other rule, kept few."""
    return re.compile(_HELD_BY + re.escape(town) + r"\b", re.IGNORECASE)


def _same_force(part: StrikeMention, town: StrikeMention) -> bool:
    """The same force, or one of the two mentions names none ("Fifteen civilians ... were
    killed in a barrel bomb attack on the Bab al-Nayrab neighbourhood" after "... carried out
    by government forces on a rebel-held neighbourhood of Aleppo city"), or the town's only
    a word that waits for the theatre to name it ("the coalition", "the army")."""
    return town.attacker is None or part.attacker is None or town.attacker == part.attacker \
        or town.attacker.name in PENDING


def _told_apart(a: StrikeMention, b: StrikeMention) -> bool:
    """Two mentions of one attacker, place and day that are still two strikes: one an air
    strike, the other shelling ("A Russian missile hit a printing house in Kharkiv ... A
    Russian drone struck a residential building in Kharkiv"), or two named sites ("the Abu
    Daqqa family home", "the al-Astal family home" in one town; a kind alone, "a house",
    names no other site)."""
    return ("unknown" not in (a.event_type, b.event_type) and a.event_type != b.event_type) \
        or _two_sites(a, b)


def _later_toll(kept: StrikeMention, other: StrikeMention) -> Casualties:
    """The toll of one strike said twice in a document: a later figure given as an update
    ("the death toll rose to 15", "a revised toll") replaces the earlier one: one strike, its
    latest figure. Two figures that are no update are two reports that disagree ("killed over
    80 civilians", then the monitor's "at least 27 civilians"): the lowest to the highest, as
    fusion does with two sources (``counts.reports_disagree``); the wounded are the first
    stated."""
    later = max((kept, other), key=lambda m: m.sentence.start)
    if not later.casualties.killed.empty and counts.is_toll_update(later.sentence.text):
        return later.casualties
    a, b = kept.casualties, other.casualties
    if a.killed.empty or b.killed.empty:
        return a if not a.killed.empty else b
    return replace(a, killed=counts.reports_disagree(a.killed, b.killed),
                   civilians_killed=counts.reports_disagree(a.civilians_killed, b.civilians_killed))


def _two_sites(a: StrikeMention, b: StrikeMention) -> bool:
    """Both name a site of more than a kind's word, and not the same one."""
    return bool(a.site and b.site and len(a.site.split()) > 1 and len(b.site.split()) > 1
                and a.site.casefold() != b.site.casefold())


def merge_claims(claims: list[tuple[str, ClaimMention]]) -> tuple[ClaimMention, ...]:
    """One claim per speaker per document: quotes joined, and the kind the speaker's statements
    have most often (their main thrust, as the gold conventions say), the most specific on a tie."""
    out: dict[str, ClaimMention] = {}
    votes: dict[str, Counter] = {}
    for key, c in claims:
        votes.setdefault(key, Counter())[c.kind] += 1
        k = out.get(key)
        if k is None:
            out[key] = c
            continue
        kind = min(votes[key], key=lambda x: (-votes[key][x], _KIND_ORDER.index(x)))
        out[key] = replace(
            k,
            speaker=k.speaker if len(k.speaker) >= len(c.speaker) or c.speaker.lower() in ("he", "she") else c.speaker,
            kind=kind,
            org=k.org or c.org,
            role=k.role or c.role,
            about=k.about or c.about,
            quote=f"{k.quote} … {c.quote}" if c.quote and c.quote != k.quote else k.quote,
            numbers=k.numbers + tuple(n for n in c.numbers if n not in k.numbers),
            period=k.period or c.period,
        )
    return tuple(out.values())
