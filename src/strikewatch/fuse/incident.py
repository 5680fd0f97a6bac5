"""An incident's fields from its mentions: date, place, attacker, targets, tolls,
with the fields an analyst reviewed kept."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from ..event_types import incident_event_type
from ..models import (TARGET_CATEGORIES, Actor, Casualties, ClaimMention, Incident, Place, Range,
                      StoredMention, Target)
from .blame import blame_of
from .grading import _grade, _maybe_of, _maybe_reason
from .relations import _attacker_code
from .scoring import _summary_toll
from .settings import FINENESS, FuseSettings
from .sources import _Source, _one_per_outlet, _sources_of


def _merge_counts(ranges: Sequence[Range]) -> Range:
    """Lowest credible figure as the low end (ACLED), highest stated figure as the high end
    (UCDP); a lone 'at least N' keeps its open upper end. The floor some of the dead set
    ("at least one commander was among the dead") is no low end beside a report's toll: it
    agrees with "two killed" rather than disputing it."""
    ranges = [r for r in ranges if not r.empty]
    if not ranges:
        return Range()
    figures = [v for r in ranges for v in (r.min, r.max) if v is not None]
    mins = [r.min for r in ranges if r.min is not None and not r.part] \
        or [r.min for r in ranges if r.min is not None]
    low = min(mins) if mins else min(figures)
    stated_max = any(r.max is not None for r in ranges)
    high = max(figures) if stated_max or len(set(figures)) > 1 else None
    # the low end is a vague word's floor ("dozens") only when no report states that figure
    vague = high is None and all(r.vague for r in ranges if low in (r.min, r.max))
    return Range(low, high, vague=vague)


def _per_source_count(ms: Sequence[StoredMention], pick) -> Range:
    """One source's latest toll: tolls rise as the wounded die, so its highest figure."""
    ranges = [pick(m.mention.casualties) for m in ms]
    ranges = [r for r in ranges if not r.empty]
    if not ranges:
        return Range()
    return max(ranges, key=lambda r: (r.min if r.min is not None else r.max or 0, r.max or 0))


def _choose_date(members: Sequence[StoredMention]) -> tuple[date | None, str | None]:
    order = {"day": 0, "week": 1, "month": 2, None: 0}
    dated = [m.mention for m in members if m.mention.date is not None]
    if not dated:
        return None, None
    best = min(order.get(m.date_precision, 3) for m in dated)
    finest = [m for m in dated if order.get(m.date_precision, 3) == best]
    counts = Counter(m.date for m in finest)
    day = min(counts, key=lambda d: (-counts[d], d))
    return day, next(m.date_precision or "day" for m in finest if m.date == day)


def _choose_place(members: Sequence[StoredMention]) -> Place | None:
    places = [m.mention.place for m in members if m.mention.place is not None]
    if not places:
        return None
    best = min(FINENESS.get(p.precision, 9) for p in places)
    finest = [p for p in places if FINENESS.get(p.precision, 9) == best]
    counts = Counter(p.geonameid or p.name for p in finest)
    top = max(counts.values())
    return next(p for p in finest if counts[p.geonameid or p.name] == top)


def compute_incident(incident_id: str, members: Sequence[StoredMention], *,
                     previous: Incident | None = None,
                     settings: FuseSettings | None = None,
                     maybe: Sequence[str] | None = None,
                     claims: Sequence[ClaimMention] = ()) -> Incident:
    """An incident's fields, grade and the grade's reason, from its mentions.

    Fields an analyst reviewed keep the analyst's value (from ``previous``). ``maybe`` names
    the incidents its reports fit as well as this one (``_maybe_reason``); left out, it is
    read back from ``previous``. ``claims``: its reports' accusations and denials, weighed.
    """
    s = settings or FuseSettings.default()
    if maybe is None:
        maybe = _maybe_of(previous) if previous is not None else ()
    sources, info = _grouped_by_source(members, s)
    attackers, attacker = _incident_attacker(sources, info, s)
    targets, by_source_cats = _incident_targets(sources)
    toll = _toll_of(members, sources, s)
    day, precision = _choose_date(members)
    place = _choose_place(members)
    blame = blame_of(claims, place.country if place else None, s, members)
    attacker = attacker or blame.sole_owner()
    grade, reason = _grade(sources, info, attackers, by_source_cats, attacker, members, s, blame)
    if maybe:
        grade, reason = _maybe_reason(grade, reason, maybe)
    inc = Incident(id=incident_id, date=day, date_precision=precision, attacker=attacker,
                   place=place, targets=targets,
                   fatalities=toll(lambda c: c.killed),
                   civilians=toll(lambda c: c.civilians_killed),
                   grade=grade, grade_reason=reason,
                   origin=previous.origin if previous else "text",
                   reviewed=dict(previous.reviewed) if previous else {},
                   event_type=incident_event_type(m.mention.event_type for m in members))
    return _keep_reviewed(inc, previous)


def _grouped_by_source(members: Sequence[StoredMention], s: FuseSettings,
                       ) -> tuple[dict[str, list[StoredMention]], dict[str, _Source]]:
    """The reports by source, one source per outlet; a source's attacker voice, when one of
    its reports speaks for the attacker, stands for it."""
    sources: dict[str, list[StoredMention]] = defaultdict(list)
    info: dict[str, _Source] = {}
    for m in members:
        for src in _sources_of(m, s):
            sources[src.key].append(m)
            info[src.key] = info.get(src.key, src) if not src.attacker_voice else src
    _one_per_outlet(sources, info)
    return sources, info


def _toll_of(members: Sequence[StoredMention], sources: dict[str, list[StoredMention]],
             s: FuseSettings) -> Callable[[Callable[[Casualties], Range]], Range]:
    """The incident's toll of one kind (``pick``), merged over sources, each source's count
    leaving out the summaries of its story (a summary sums up its own story's reports, so it
    is compared within that story)."""
    by_story: dict[str, list[StoredMention]] = defaultdict(list)
    for m in members:
        by_story[m.story].append(m)
    summaries = {m.id for m in members if _summary_toll(m, by_story[m.story], s)}

    def toll(pick: Callable[[Casualties], Range]) -> Range:
        return _merge_counts([_per_source_count([m for m in ms if m.id not in summaries], pick)
                              for ms in sources.values()])
    return toll


def _incident_attacker(sources: dict[str, list[StoredMention]], info: dict[str, _Source],
                       s: FuseSettings) -> tuple[dict[str, set[str]], Actor | None]:
    """The attacker most sources name (the attacker's own voice breaks a tie), with every
    attacker named and by whom (code -> source labels), which the grade weighs."""
    attackers: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    voiced = set()
    for key, ms in sources.items():
        for m in ms:
            code = _attacker_code(m.mention, s)
            if code is not None:
                attackers[code].add(info[key].label)
                names.setdefault(code, m.mention.attacker.name)
                if info[key].attacker_voice:
                    voiced.add(code)
    if not attackers:
        return attackers, None
    code = max(attackers, key=lambda c: (len(attackers[c]), c in voiced))
    return attackers, Actor(names[code], code if len(code) == 2 and code.isupper() else None)


def _incident_targets(sources: dict[str, list[StoredMention]]
                      ) -> tuple[tuple[Target, ...], dict[str, set[str]]]:
    """Every target named, in category order, and the categories each source names."""
    targets: list[Target] = []
    seen = set()
    by_source_cats: dict[str, set[str]] = {}
    order = {c: i for i, c in enumerate(TARGET_CATEGORIES)}
    for key, ms in sources.items():
        cats = set()
        for m in ms:
            for t in m.mention.targets:
                cats.add(t.category)
                if (t.category, t.name) not in seen:
                    seen.add((t.category, t.name))
                    targets.append(Target(t.category, t.name))
        by_source_cats[key] = cats
    targets.sort(key=lambda t: (order.get(t.category, 99), t.name or ""))
    return tuple(targets), by_source_cats


_REVIEWED_ATTRS = {"date": ("date",), "date_precision": ("date_precision",),
                   "attacker": ("attacker",), "location": ("place",), "targets": ("targets",),
                   "fatalities": ("fatalities",), "civilians": ("civilians",),
                   "event_type": ("event_type",),
                   "grade": ("grade",), "grade_reason": ("grade_reason",)}


def _keep_reviewed(inc: Incident, previous: Incident | None) -> Incident:
    if previous is None or not previous.reviewed:
        return inc
    keep = {attr: getattr(previous, attr) for name in previous.reviewed
            for attr in _REVIEWED_ATTRS.get(name, ())}
    if "grade" in previous.reviewed and "grade_reason" not in previous.reviewed:
        keep["grade_reason"] = previous.grade_reason
    return replace(inc, **keep)
