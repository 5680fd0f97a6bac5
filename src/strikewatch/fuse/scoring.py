"""The merge decision: how well a report fits an incident, what tells two strikes
apart, and the reports of one story that are one pin or a summary of others."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import StoredMention, StrikeMention
from .relations import (
    _attacker_code,
    _attacker_relation,
    _date_gap,
    _figure,
    _km,
    _locality,
    _point_name,
    _similar,
    _site,
    _site_relation,
    _town_row,
    _unplaced_name,
    place_relation,
)
from .settings import FINENESS, FuseSettings, _norm
from .sources import _sources_of
from .summary import _Keys, _Working


def _toll_of_its_own(coarse: StoredMention, fine: StoredMention) -> bool:
    """Whether the coarser place of a sentence carries dead the finer one does not ("tanks
    shelled Khan Younis, killing eight, and an air strike hit a house in Bani Suheila"):
    set aside, its count vanished from every incident; kept, it goes with the finer strike
    as its story's summary (``_summaries``), whose toll counts there while the finer strike
    gives none (``_summary_toll``). A name the gazetteer lacks, coded to a province the text
    puts it near, is no container of the finer place, only a town unknown: its dead are not
    the finer strike's, and it is set aside as before."""
    a, b = coarse.mention.casualties, fine.mention.casualties
    return not (a.killed.empty and a.civilians_killed.empty) \
        and b.killed.empty and b.civilians_killed.empty \
        and coarse.mention.place.unresolved_name is None


def _vagueness(m: StrikeMention) -> str | None:
    if m.date is None:
        return "no date: the report gives no day, week or month"
    if m.place is None:
        return "no place: the place was not found in the gazetteer"
    if m.place.precision == "country":
        return f"country-level place: {m.place.name} names no town or province"
    return None


@dataclass(frozen=True, slots=True)
class _Traits:
    """What tells a report's strike from another at the same place, computed once a report."""

    site: tuple[str, ...] | None
    locality: str | None
    figure: tuple[int, int] | None

    @classmethod
    def of(cls, m: StrikeMention) -> _Traits:
        return cls(_site(m), _locality(m), _figure(m.casualties.killed))


def _told_apart(m: StrikeMention, t: _Traits, keys: _Keys, s: FuseSettings) -> str | None:
    """Why a report is not the strike whose keys are given, although day, attacker and place
    agree: it names another site or sub-place, or a toll no rise explains ("2 killed" and
    "40 killed") where both are placed at a point (a province's or a district's toll may sum
    up several strikes). A report naming neither attaches (a town's report to one of its
    strikes, when nothing finer disagrees)."""
    if t.site and keys.sites and all(_site_relation(t.site, o, s) is None for o in keys.sites):
        return (f"another site ({m.site}; the incident's: "
                f"{', '.join(sorted(' '.join(o) for o in keys.sites))})")
    if t.locality and keys.localities and not any(_similar(t.locality, o, s)
                                                  for o in keys.localities):
        return (f"another place within {m.place.name} ({m.place_text}; the incident's: "
                f"{', '.join(sorted(keys.localities))})")
    if (apart := _another_named_place(m, keys, s)) is not None:
        return apart
    if t.figure and keys.killed and m.place.precision == "point" and keys.pinned:
        (lo, hi), (klo, khi) = t.figure, keys.killed
        if lo > s.toll_ratio * khi + s.toll_gap or klo > s.toll_ratio * hi + s.toll_gap:
            return f"a toll no later count explains ({lo}-{hi} killed; the incident's {klo}-{khi})"
    return None


def _another_named_place(m: StrikeMention, keys: _Keys, s: FuseSettings) -> str | None:
    """A village the gazetteer lacks, coded to its province ("Nova Dmytrivka, Kharkiv"), is
    not the strike that another report pins to a named town of that province (Kharkiv city),
    nor the other way round: the province is only where the village's name is kept until a
    fuller gazetteer resolves it. (A province-level report naming no place still attaches,
    and so does a town's report to a name coded to that town: ``_town_row``.)"""
    if (mine := _unplaced_name(m)) and keys.points and _town_row(m) not in keys.point_rows \
            and not any(_similar(mine, o, s) for o in keys.points):
        return (f"another place in {m.place.name} ({m.place.unresolved_name}, not in the "
                f"gazetteer; the incident's: {', '.join(sorted(keys.points))})")
    if (mine := _point_name(m)) and keys.unplaced and m.place.geonameid not in keys.town_rows \
            and not any(_similar(mine, o, s) for o in keys.unplaced):
        return (f"another place than the incident's {', '.join(sorted(keys.unplaced))} "
                f"(not in the gazetteer), coded to {m.place.admin1}")
    return None


def _unmatched_detail(t: _Traits, keys: _Keys, s: FuseSettings) -> int:
    """How many of site, sub-place and toll the report and the incident do not both give
    alike (0: all three agree): a report naming a family's home goes to the incident of that
    home, and one naming only its street and its toll to the strike of that toll, not to a
    report of the same street that named neither."""
    site = t.site and any(_site_relation(t.site, o, s) == 0 for o in keys.sites)
    where = t.locality and t.locality in keys.localities
    toll = t.figure and keys.killed and keys.killed[0] <= t.figure[0] <= keys.killed[1]
    return (not site) + (not where) + (not toll)


def _same_story_apart(m: StoredMention, w: _Working, code: str | None, s: FuseSettings) -> bool:
    """Whether the incident holds a report of ``m``'s own story that the story tells apart.

    One story naming two attackers, or two days in so many words, reports two strikes; and
    two places: extraction already merged a story's repeats of one (attacker, place, day), so
    what it kept apart are strikes the story tells apart, even where the gazetteer puts both
    at one point (two neighbourhoods placed at their city)."""
    for other in w.by_story.get(m.story, ()):
        if _summed_up(m, other, s) or _summed_up(other, m, s):
            continue
        if _attacker_relation(code, _attacker_code(other.mention, s), s) not in (0, 1):
            return True
        if (m.mention.place_text and other.mention.place_text
                and _norm(m.mention.place_text) != _norm(other.mention.place_text)):
            return True
        if (m.mention.date_text and other.mention.date_text
                and m.mention.date_precision in ("day", None)
                and other.mention.date_precision in ("day", None)
                and m.mention.date != other.mention.date):
            return True
    return False


def _score(m: StoredMention, t: _Traits, w: _Working, s: FuseSettings
           ) -> tuple[tuple[int, int, int, int] | None, str | None]:
    """How well a mention fits an incident (lower is better; None when it cannot be it) and,
    when day, attacker and place agree but the reports tell two strikes apart, why."""
    inc = w.incident
    code = _attacker_code(m.mention, s)
    attacker = _attacker_relation(code, inc.attacker.code if inc.attacker else None, s)
    if attacker is None or inc.date is None or inc.place is None:
        return None, None
    if _same_story_apart(m, w, code, s):
        return None, None
    gap = _date_gap((m.mention.date, m.mention.date_precision), (inc.date, inc.date_precision), s)
    if gap is None:
        return None, None
    where = place_relation(m.mention.place, inc.place, s)
    if where is None:
        return None, None
    if (why := _told_apart(m.mention, t, w.keys, s)) is not None:
        return None, why
    return (where, _unmatched_detail(t, w.keys, s), attacker, gap), None


def _one_pin_per_strike(mentions: list[StoredMention], notes: list[tuple[int, str]],
                        s: FuseSettings, settled: Sequence[StoredMention] = ()
                        ) -> list[StoredMention]:
    """One sentence naming a town and the province around it ("Atareb, in the west of Aleppo
    province") reports one strike, at the town: the coarser place and exact repeats are set
    aside, so that an article does not pin every place it names. Two names that merely share
    a point (neighbourhoods placed at their city) are two strikes, not a repeat. ``settled``
    are mentions a re-extraction re-linked: they count as the sentence's places but stay
    where they are (without them, the province of "near Lyman, Donetsk Oblast" was set aside
    on the first run and, its town re-linked, attached to the town's incident on the next).
    A coarser place with a toll the finer one lacks is kept (``_toll_of_its_own``)."""
    by_sentence: dict[tuple[str, int], list[StoredMention]] = defaultdict(list)
    for m in [*settled, *mentions]:
        if m.mention.place is not None and m.mention.date is not None:
            by_sentence[(m.mention.doc_id, m.mention.sentence.start)].append(m)
    kept = {m.id for m in settled}
    dropped: set[int] = set()
    for group in by_sentence.values():
        for i, m in enumerate(group):
            if m.id in kept:
                continue
            for j, other in enumerate(group):
                if i == j or other.id in dropped or _attacker_relation(
                        _attacker_code(m.mention, s), _attacker_code(other.mention, s), s) != 0 \
                        or m.mention.date != other.mention.date:
                    continue
                rel = place_relation(m.mention.place, other.mention.place, s)
                finer = (FINENESS.get(other.mention.place.precision, 9)
                         < FINENESS.get(m.mention.place.precision, 9))
                if rel == 1 and finer and not _toll_of_its_own(m, other):
                    notes.append((m.id, f"contained: the same sentence names "
                                        f"{other.mention.place.name}, within it"))
                elif rel == 0 and j < i and _norm(m.mention.place_text or "") == _norm(
                        other.mention.place_text or ""):
                    notes.append((m.id, "repeated: the same sentence names the same place "
                                        "for the same attacker"))
                else:
                    continue
                dropped.add(m.id)
                break
    return [m for m in mentions if m.id not in dropped]


def _summed_up(m: StoredMention, other: StoredMention, s: FuseSettings) -> bool:
    """Whether ``m`` is its story's report, at a coarser place, of the same attacker's strikes
    of the same day that ``other`` places inside it (see the module docstring). The attacker's
    own claim of where it struck and a witness's report are two accounts, even in one story
    ("Russian air attacks also targeted the Army of Conquest in the northwest", a security
    source; "strikes were carried out on Aleppo", the ministry): matching them is the
    matcher's business, not a summary's."""
    a, b = m.mention, other.mention
    return (m.story == other.story and m.id != other.id and a.place is not None
            and b.place is not None and _same_day(a, b, s)
            and _attacker_code(a, s) == _attacker_code(b, s)
            and (FINENESS.get(b.place.precision, 9) < FINENESS.get(a.place.precision, 9)
                 and place_relation(a.place, b.place, s) == 1 or _a_part_of(a, b, s))
            and _voiced(m, s) == _voiced(other, s))


def _a_part_of(city: StrikeMention, part: StrikeMention, s: FuseSettings) -> bool:
    """Whether ``part`` is a part of ``city`` named in its strike's own sentence: "struck Sanaa
    on Friday, hitting a military camp in the Nuqum district", "struck Kyiv, hitting a building
    in the Solomianskyi district". The district is the strike's finer place, not a second
    strike: its name holds a word for a part of a city, and the gazetteer codes it to the city
    (the district it lacks) or puts it within ``city_part_km`` of the city's point ("the city
    of Omdurman", beside Khartoum, holds no such word)."""
    from ..lexicons import load_city_parts

    if city.sentence.start != part.sentence.start or city.place.precision != "point":
        return False
    parts = load_city_parts()
    if not parts & set(_norm(part.place_text or "").split()) \
            or parts & set(_norm(city.place_text or "").split()):
        return False
    if part.place.geonameid is not None and part.place.geonameid == city.place.geonameid:
        return bool(part.place.unresolved_name)
    return part.place.precision == "point" and _km(city.place, part.place) <= s.city_part_km


def _same_day(a: StrikeMention, b: StrikeMention, s: FuseSettings) -> bool:
    """One day, or a day apart where one of the two dates is no day the story names but one
    extraction inferred ("early Sunday morning" in the lead, the article's date further on)."""
    if a.date == b.date:
        return True
    if a.date is None or b.date is None or (a.date_text and b.date_text):
        return False
    return _date_gap((a.date, a.date_precision), (b.date, b.date_precision), s) is not None


def _voiced(m: StoredMention, s: FuseSettings) -> bool:
    return any(src.attacker_voice for src in _sources_of(m, s))


def _summaries(mentions: Sequence[StoredMention], s: FuseSettings) -> dict[int, StoredMention]:
    """Each coarse report that sums up finer strikes of its own story, with the one it goes
    with: of its own document before a syndicated copy's, one with a toll before one without
    (its toll then does not count, ``_summary_toll``), then the first the story names."""
    by_story: dict[str, list[StoredMention]] = defaultdict(list)
    for m in mentions:
        by_story[m.story].append(m)
    out = {}
    for group in by_story.values():
        for m in group:
            inside = [o for o in group if _summed_up(m, o, s)]
            if inside:
                out[m.id] = min(inside, key=lambda o: (
                    o.mention.doc_id != m.mention.doc_id, o.mention.casualties.killed.empty,
                    o.mention.sentence.start, o.id))
    return out


def _summary_toll(m: StoredMention, members: Sequence[StoredMention], s: FuseSettings) -> bool:
    """Whether ``m``'s toll is a summary's where a finer report of its story in the same
    incident gives a toll of its own (killed or civilians: either makes the summary's figures
    those of more than this strike, and mixing them would give it more civilians than dead)."""
    return any(_summed_up(m, o, s) and not (o.mention.casualties.killed.empty
                                            and o.mention.casualties.civilians_killed.empty)
               for o in members)
