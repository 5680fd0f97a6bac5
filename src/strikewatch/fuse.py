"""Fusion: the strike mentions of every document become incidents, graded in words.

Users count strikes, not articles. A strike reported by the attacker's ministry, a monitor
and five outlets quoting one another is one incident that keeps every mention, with the
sources counted once each: a named source (the Syrian Observatory) counts once however many
outlets quote it, an unnamed one counts once per story, and syndicated copies of a story
(``documents.near_duplicate_of``) are one story.

Fusion is incremental: ``fuse_pending`` takes only the mentions in no incident yet, compares
them with the incidents of the same country and days (the bucket), and recomputes only the
incidents it touches. A mention that a re-extraction wrote again goes back to the incident
its key was linked to (so analysts' merges, splits and edits hold), and a mention too vague to
place (no date, or only a country) is set aside with the reason rather than attached to the
wrong incident (``strikewatch fuse --retry`` gives such mentions another pass). A report that
fits several incidents equally stands apart as an incident of its own, graded no better than
weak and naming the incidents it may be (``_maybe_reason``). Fields an analyst reviewed are
never overwritten.

A story that reports a strike at a coarse place and, elsewhere, the same attacker's strikes of
that day at finer places inside it ("aerial attacks on the northern province of Aleppo" killing
13, then the villages and their tolls; "northwestern Syria", then "the city of Idlib") tells
one set of strikes twice. By the annotation guide the coarse report is no strike of its own,
and left to the matcher it either stood as one or joined another story's incident in another
province. So it goes with a finer strike of its own story (``_summed_up``, ``_summaries``): the
incident of one that has a toll, else of the first named. It is attached, not set aside, so
that its sentence and source stay traceable in the export; but its toll counts there only when
no finer report of the story in that incident gives a toll of its own (``_summary_toll``):
otherwise it is the sum of several strikes, or of more than this one, and counting it would
give this village the province's dead and count them twice. The attacker's own claim and a
witness's report are two accounts, never a summary and its detail.

The claims-versus-reports query (``claims_vs_reports``) sets what an attacker says it hits
against what independent sources report was hit, and the statistics third parties give.
"""

from __future__ import annotations

import calendar
import hashlib
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import yaml

from .models import (
    GEO_PRECISIONS,
    TARGET_CATEGORIES,
    Actor,
    Incident,
    Place,
    Range,
    StoredMention,
    StrikeMention,
    Target,
)
from .event_types import incident_event_type
from .store import IncidentFilter, Store, incident_summary, mention_key

__all__ = [
    "ClaimsReport",
    "FuseReport",
    "FuseSettings",
    "claims_vs_reports",
    "clip",
    "compute_incident",
    "fuse_pending",
    "incident_id_for",
    "incident_records",
    "refresh_incidents",
    "retry_set_aside",
]

DATA = Path(__file__).with_name("data")
FINENESS = {p: i for i, p in enumerate(GEO_PRECISIONS)}  # point 0 … country 4
NONCOMBATANT = {"civilian", "infrastructure"}


# -- settings ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceName:
    """A reporting source under its several names; ``attacker`` marks a belligerent's voice."""

    name: str
    aliases: frozenset[str]
    attacker: str | None = None


@dataclass(frozen=True, slots=True)
class FuseSettings:
    """What counts as the same strike and the same source; defaults in ``data/fuse.yaml``."""

    day_tolerance_days: int = 1
    week_half_width_days: int = 3
    same_point_km: float = 6.0
    region_radius_km: float = 120.0
    confusable_attackers: tuple[frozenset[str], ...] = ()
    unknown_attackers: frozenset[str] = frozenset({"unknown"})
    sources: tuple[SourceName, ...] = ()

    @classmethod
    def from_file(cls, path: str | Path) -> FuseSettings:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        sources = tuple(
            SourceName(name=s["name"], attacker=s.get("attacker"),
                       aliases=frozenset(_norm(a) for a in [s["name"], *s.get("aliases", [])]))
            for s in raw.get("sources", []))
        return cls(
            day_tolerance_days=int(raw.get("day_tolerance_days", 1)),
            week_half_width_days=int(raw.get("week_half_width_days", 3)),
            same_point_km=float(raw.get("same_point_km", 6)),
            region_radius_km=float(raw.get("region_radius_km", 120)),
            confusable_attackers=tuple(frozenset(g) for g in raw.get("confusable_attackers", [])),
            unknown_attackers=frozenset(raw.get("unknown_attackers", ["unknown"])),
            sources=sources)

    @classmethod
    def default(cls) -> FuseSettings:
        return _default_settings()

    def source(self, text: str | None) -> SourceName | None:
        key = _norm(re.sub(r"\([^)]*\)", " ", text or ""))  # "… Human Rights (SOHR)"
        return next((s for s in self.sources if key in s.aliases), None) if key else None


@cache
def _default_settings() -> FuseSettings:
    return FuseSettings.from_file(DATA / "fuse.yaml")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[\u2019']s\b", "s", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^(the|a|an) ", "", text)


# -- the report of one run ------------------------------------------------------------------


@dataclass(slots=True)
class FuseReport:
    """What one fusion run did, for the run summary."""

    mentions: int = 0
    relinked: int = 0
    attached: int = 0
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    set_aside: list[tuple[int, str]] = field(default_factory=list)  # (mention id, why)
    dropped: list[str] = field(default_factory=list)
    apart: list[tuple[int, str]] = field(default_factory=list)  # (mention id, incident id)

    def __str__(self) -> str:
        lines = [f"fused {self.mentions} new strike mentions: {len(self.created)} new incidents, "
                 f"{len(self.updated)} updated ({self.relinked} mentions re-linked after "
                 f"re-extraction, {self.attached} attached to existing incidents), "
                 f"{len(self.set_aside)} set aside, {len(self.dropped)} emptied incidents dropped"]
        if self.apart:
            lines.append(f"  {len(self.apart)} mentions fit several incidents equally: they "
                         f"stand apart in {len({i for _, i in self.apart})} incidents graded "
                         f"no better than weak, each naming the incidents it may duplicate")
        reasons = Counter(why.split(":")[0] for _, why in self.set_aside)
        lines += [f"  set aside: {n} {why}" for why, n in reasons.most_common()]
        return "\n".join(lines)


# -- matching -----------------------------------------------------------------------------------


def incident_id_for(m: StrikeMention) -> str:
    """Stable across re-runs: the same first report of a strike gives the same id."""
    return "inc-" + hashlib.sha1(mention_key(m).encode()).hexdigest()[:16]


def _shift(day: date, days: int) -> date:
    """day plus days, held at the calendar's ends: a stored date in year 1 or 9999 (a CMS's
    zero time that got past ingest in an older version) must not stop every later fusion."""
    ordinal = min(max(day.toordinal() + days, date.min.toordinal()), date.max.toordinal())
    return date.fromordinal(ordinal)


def _interval(day: date, precision: str | None, s: FuseSettings) -> tuple[date, date]:
    if precision == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "week":
        return _shift(day, -s.week_half_width_days), _shift(day, s.week_half_width_days)
    return day, day


def _date_gap(a: tuple[date, str | None], b: tuple[date, str | None], s: FuseSettings) -> int | None:
    """Days between two dates' intervals (0 when they overlap), or None beyond tolerance."""
    a0, a1 = _interval(a[0], a[1], s)
    b0, b1 = _interval(b[0], b[1], s)
    gap = max((b0 - a1).days, (a0 - b1).days, 0)
    return gap if gap <= s.day_tolerance_days else None


def _km(a: Place, b: Place) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


_ADMIN_WORDS = re.compile(r"\b(governorate|province|muhafazat|district|countryside|city|of)\b")


def _admin_norm(name: str | None) -> str:
    """Hama, Hamah, Hama Governorate, Ar-Raqqah and Raqqa province compare equal."""
    if not name:
        return ""
    text = _ADMIN_WORDS.sub(" ", _norm(name))
    text = re.sub(r"^(al|ar|as|ad|ash|at|az|el) ", "", text.strip())
    text = re.sub(r"\s+", "", text)
    return text[:-1] if text.endswith("h") and len(text) > 4 else text


def place_relation(a: Place, b: Place, s: FuseSettings) -> int | None:
    """0 when two places coincide, 1 when one contains the other, None when they differ."""
    if a.country != b.country:
        return None
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 0
    fine, coarse = sorted((a, b), key=lambda p: FINENESS.get(p.precision, 0))
    fp, cp = fine.precision, coarse.precision
    if cp == "country":
        return None
    if fp == cp == "point":
        return 0 if _km(fine, coarse) <= s.same_point_km else None
    if cp == "region":
        within = _km(fine, coarse) <= s.region_radius_km
        return (0 if fp == "region" else 1) if within else None
    level = "admin1" if cp == "admin1" else "admin2"
    coarse_names = {_admin_norm(getattr(coarse, level)), _admin_norm(coarse.name)} - {""}
    fine_name = _admin_norm(getattr(fine, level)) or (_admin_norm(fine.name) if fp == cp else "")
    if fine_name and fine_name in coarse_names:
        return 0 if fp == cp else 1
    if fp == cp:
        return 0 if _km(fine, coarse) <= s.same_point_km else None
    return None


def _attacker_code(m: StrikeMention, s: FuseSettings) -> str | None:
    code = m.attacker.code if m.attacker else None
    return None if code is None or code in s.unknown_attackers else code


def _attacker_relation(a: str | None, b: str | None, s: FuseSettings) -> int | None:
    """0 the same attacker, 1 one unknown, 2 two that reports confuse, None different."""
    if a is None or b is None:
        return 1
    if a == b:
        return 0
    if any(a in g and b in g for g in s.confusable_attackers):
        return 2
    return None


@dataclass(slots=True)
class _Working:
    """An incident while a batch is being fused: its record and every member mention."""

    incident: Incident
    members: list[StoredMention]
    new: bool = False
    maybe: set[str] = field(default_factory=set)  # the incidents it may duplicate (see below)


def _vagueness(m: StrikeMention) -> str | None:
    if m.date is None:
        return "no date: the report gives no day, week or month"
    if m.place is None:
        return "no place: the place was not found in the gazetteer"
    if m.place.precision == "country":
        return f"country-level place: {m.place.name} names no town or province"
    return None


def _score(m: StoredMention, w: _Working, s: FuseSettings) -> tuple[int, int, int] | None:
    """How well a mention fits an incident (lower is better), or None when it cannot be it."""
    inc = w.incident
    code = _attacker_code(m.mention, s)
    attacker = _attacker_relation(code, inc.attacker.code if inc.attacker else None, s)
    if attacker is None:
        return None
    for other in w.members:
        if other.story != m.story or _summed_up(m, other, s) or _summed_up(other, m, s):
            continue
        # one story naming two attackers, or two days in so many words, reports two strikes;
        # and two places: extraction already merged a story's repeats of one (attacker,
        # place, day), so what it kept apart are strikes the story tells apart, even where the
        # gazetteer puts both at one point (two neighbourhoods placed at their city)
        if _attacker_relation(code, _attacker_code(other.mention, s), s) not in (0, 1):
            return None
        if (m.mention.place_text and other.mention.place_text
                and _norm(m.mention.place_text) != _norm(other.mention.place_text)):
            return None
        if (m.mention.date_text and other.mention.date_text
                and m.mention.date_precision in ("day", None)
                and other.mention.date_precision in ("day", None)
                and m.mention.date != other.mention.date):
            return None
    if inc.date is None or inc.place is None:
        return None
    gap = _date_gap((m.mention.date, m.mention.date_precision), (inc.date, inc.date_precision), s)
    if gap is None:
        return None
    where = place_relation(m.mention.place, inc.place, s)
    if where is None:
        return None
    return where, attacker, gap


class _Buckets:
    """Incidents by (country, day), each under every day its date may stand for, so that a
    mention is compared only with the incidents its own days (and the tolerance) can reach,
    not with every incident of a bulk run."""

    def __init__(self, settings: FuseSettings) -> None:
        self.s = settings
        self.ids: dict[tuple[str, int], set[str]] = defaultdict(set)

    def _days(self, day: date, precision: str | None, pad: int = 0) -> range:
        lo, hi = _interval(day, precision, self.s)
        return range(lo.toordinal() - pad, hi.toordinal() + pad + 1)

    def put(self, inc: Incident, *, remove: bool = False) -> None:
        if inc.place is None or inc.date is None:
            return
        for d in self._days(inc.date, inc.date_precision):
            if remove:
                self.ids[(inc.place.country, d)].discard(inc.id)
            else:
                self.ids[(inc.place.country, d)].add(inc.id)

    def near(self, m: StrikeMention) -> set[str]:
        days = self._days(m.date, m.date_precision, self.s.day_tolerance_days)
        return {i for d in days for i in self.ids.get((m.place.country, d), ())}


def _windows(mentions: Sequence[StoredMention], margin: timedelta) -> list[tuple[date, date]]:
    """The date ranges a batch touches, merged where they overlap: the buckets to load."""
    spans = sorted((_shift(m.mention.date, -margin.days), _shift(m.mention.date, margin.days))
                   for m in mentions)
    out: list[tuple[date, date]] = []
    for lo, hi in spans:
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def fuse_pending(store: Store, *, settings: FuseSettings | None = None) -> FuseReport:
    """Fuse the strike mentions that are in no incident yet into new or existing incidents."""
    s = settings or FuseSettings.default()
    report = FuseReport()
    pending = store.unfused_mentions()
    report.mentions = len(pending)
    if not pending:
        report.dropped = _drop_empty(store)
        return report

    keys = {m.id: mention_key(m.mention) for m in pending}
    linked = store.linked_incidents(list(keys.values()))
    # incidents that held mentions of the re-extracted documents must be re-graded even when
    # the new extraction no longer finds those mentions
    touched: set[str] = set(store.incidents_of_documents({m.mention.doc_id for m in pending}))
    links: list[tuple[int, str, str]] = []
    notes: list[tuple[int, str]] = []
    relink: dict[str, list[StoredMention]] = defaultdict(list)
    to_match: list[StoredMention] = []
    for m in pending:
        if keys[m.id] in linked:
            relink[linked[keys[m.id]]].append(m)
            links.append((m.id, keys[m.id], linked[keys[m.id]]))
            report.relinked += 1
        elif (why := _vagueness(m.mention)) is not None:
            notes.append((m.id, why))
        else:
            to_match.append(m)

    to_match = _one_pin_per_strike(to_match, notes, s)
    follow = _summaries(to_match + [m for ms in relink.values() for m in ms], s)
    placed = {m.id: iid for iid, ms in relink.items() for m in ms}
    # summaries after the strikes they sum up, the coarsest last (a region's may be a province's)
    to_match = [m for m in to_match if m.id not in follow] + sorted(
        (m for m in to_match if m.id in follow),
        key=lambda m: FINENESS.get(m.mention.place.precision, 9))
    working: dict[str, _Working] = {}

    def load(ids: Iterable[str]) -> None:
        ids = [i for i in ids if i not in working]
        if not ids:
            return
        members: dict[str, list[StoredMention]] = defaultdict(list)
        for sm in store.stored_mentions(incident_ids=ids):
            members[sm.incident_id].append(sm)
        for inc in store.incidents(ids=ids):
            working[inc.id] = _Working(inc, members[inc.id], maybe=set(_maybe_of(inc)))

    load(relink)
    for incident_id, ms in relink.items():
        if incident_id in working:
            working[incident_id].members.extend(ms)
            touched.add(incident_id)

    margin = timedelta(days=31 + s.day_tolerance_days)
    by_country: dict[str, list[StoredMention]] = defaultdict(list)
    for m in to_match:
        by_country[m.mention.place.country].append(m)
    buckets = _Buckets(s)
    for country, ms in by_country.items():
        for lo, hi in _windows(ms, margin):
            found = store.incidents(country=country, start=lo, end=hi)
            load(i.id for i in found)
    for w in working.values():
        buckets.put(w.incident)

    for m in to_match:
        lead = placed.get(follow[m.id].id) if m.id in follow else None
        if lead in working:  # a story's summary goes with a strike it sums up (_summaries)
            tied = [lead]
        else:
            scored = sorted((sc, iid) for iid in buckets.near(m.mention)
                            if (sc := _score(m, working[iid], s)) is not None)
            tied = [iid for sc, iid in scored if sc == scored[0][0]]
        # A report that fits several incidents equally (an unknown attacker at Aleppo on a day
        # with a Russian and a government strike there) stands apart: see _maybe_reason. One
        # that fits one incident and one standing apart is that incident's: the incident
        # standing apart is no strike of its own, only reports that could not be told.
        determined = [i for i in tied if not working[i].maybe]
        ambiguous = len(determined) > 1
        apart = [i for i in tied if working[i].maybe] if ambiguous or not determined else []
        if tied and (not ambiguous or apart):
            iid = min(apart or determined, key=lambda i: (-len(working[i].members), i))
            w = working[iid]
            if not w.new:
                report.attached += 1
        else:
            iid = incident_id_for(m.mention)
            w = working.setdefault(iid, _Working(
                Incident(id=iid, date=None, date_precision=None, attacker=None, place=None),
                [], new=True))
            if w.new and iid not in report.created:
                report.created.append(iid)
        if ambiguous:
            w.maybe |= set(tied) - {iid}
            report.apart.append((m.id, iid))
        w.members.append(m)
        buckets.put(w.incident, remove=True)
        w.incident = compute_incident(iid, w.members, previous=w.incident, settings=s,
                                      maybe=sorted(w.maybe))
        buckets.put(w.incident)
        links.append((m.id, keys[m.id], iid))
        placed[m.id] = iid
        touched.add(iid)

    load(touched)
    known = _existing(store, {i for iid in touched if iid in working for i in working[iid].maybe},
                      also=working)
    updated = []
    for iid in sorted(touched):
        w = working.get(iid)
        if w is None or not w.members:
            continue
        w.maybe &= known
        w.incident = compute_incident(iid, w.members, previous=w.incident, settings=s,
                                      maybe=sorted(w.maybe))
        updated.append(w.incident)
        if not w.new:
            report.updated.append(iid)
    report.set_aside = notes
    store.save_fusion(incidents=updated, links=links, notes=notes)
    report.dropped = _drop_empty(store)
    return report


def retry_set_aside(store: Store, *, reason: str | None = None,
                    settings: FuseSettings | None = None) -> FuseReport:
    """Give the mentions fusion set aside another pass, and fuse them with whatever is new.

    A note is final for ``fuse_pending``, so that a bulk run does not weigh the same vague
    reports again and again; but the rules and the data change under it. A database fused
    before reports fitting several incidents stood apart holds them set aside as "ambiguous";
    an analyst's merge or split can undo a "contained" or "repeated" reason. ``reason``
    limits the pass to notes that start with it ("ambiguous"). Mentions still too vague are
    set aside again, each with its reason. A place the gazetteer has learnt since needs the
    mention geocoded again, which ``strikewatch extract --all`` does (and fuses).
    """
    from sqlalchemy import select

    from .store import StrikeRow

    with store.sessions.begin() as s:
        rows = s.scalars(select(StrikeRow).where(StrikeRow.incident_id.is_(None))
                         .where(StrikeRow.fuse_note.is_not(None))).all()
        for row in rows:
            if reason is None or row.fuse_note.startswith(reason):
                row.fuse_note = None
    return fuse_pending(store, settings=settings)


def _one_pin_per_strike(mentions: list[StoredMention], notes: list[tuple[int, str]],
                        s: FuseSettings) -> list[StoredMention]:
    """One sentence naming a town and the province around it ("Atareb, in the west of Aleppo
    province") reports one strike, at the town: the coarser place and exact repeats are set
    aside, so that an article does not pin every place it names. Two names that merely share
    a point (neighbourhoods placed at their city) are two strikes, not a repeat."""
    by_sentence: dict[tuple[str, int], list[StoredMention]] = defaultdict(list)
    for m in mentions:
        by_sentence[(m.mention.doc_id, m.mention.sentence.start)].append(m)
    dropped: set[int] = set()
    for group in by_sentence.values():
        for i, m in enumerate(group):
            for j, other in enumerate(group):
                if i == j or other.id in dropped or _attacker_relation(
                        _attacker_code(m.mention, s), _attacker_code(other.mention, s), s) != 0 \
                        or m.mention.date != other.mention.date:
                    continue
                rel = place_relation(m.mention.place, other.mention.place, s)
                finer = (FINENESS.get(other.mention.place.precision, 9)
                         < FINENESS.get(m.mention.place.precision, 9))
                if rel == 1 and finer:
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
            and FINENESS.get(b.place.precision, 9) < FINENESS.get(a.place.precision, 9)
            and place_relation(a.place, b.place, s) == 1
            and _voiced(m, s) == _voiced(other, s))


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


_MAYBE = "may be the same strike as "


def _maybe_reason(grade: str, reason: str, maybe: Sequence[str]) -> tuple[str, str]:
    """The grade of an incident whose reports fit other incidents just as well.

    A report that fits several incidents equally (no attacker named, at Aleppo, on a day with
    a Russian and a government strike there; or "Aleppo province" on a day with strikes on two
    of its towns) cannot be told to be either. Setting it aside dropped it from every output,
    although it is a report of a strike; attaching it by a tie-break would lend its source to
    one incident (a second source makes a strike "fair") and, when it names no attacker, let
    it vouch for an attribution it never made. Monitors do neither: Airwars records such a
    strike with the belligerent as reported (unknown, or "contested") and ACLED codes the
    report as its own event, to be merged by an analyst who can tell. So the report becomes an
    incident of its own, its attacker as it was reported, and later reports that fit the same
    incidents as equally join it rather than each standing apart again. It may duplicate one of
    them, so it is graded no better than weak, and its reason names them, so an analyst can
    merge it (``strikewatch review merge``). The reason is where the names are kept: it is
    stored with the incident, read back by ``_maybe_of`` when the incident is recomputed, and
    an incident an analyst merged away is dropped from it."""
    ids = list(dict.fromkeys(maybe))
    names = ", ".join(ids[:-1]) + " or " + ids[-1] if len(ids) > 1 else ids[0]
    why = f"{_MAYBE}{names} (its reports fit each of them as well as this one)"
    if grade == "contested":
        return grade, f"{reason.rstrip('.')}; {why}."
    rest = reason.split(": ", 1)[-1]
    return "weak", f"Weak: {why}; {rest}"


def _maybe_of(inc: Incident | None) -> list[str]:
    """The incidents ``_maybe_reason`` named in an incident's grade reason."""
    reason = (inc.grade_reason if inc is not None else None) or ""
    found = re.search(re.escape(_MAYBE) + r"(.+?) \(its reports fit", reason)
    return re.split(r", | or ", found.group(1)) if found else []


def _existing(store: Store, ids: set[str], also: Iterable[str] = ()) -> set[str]:
    """Those of ``ids`` that are still incidents (an analyst may have merged one away)."""
    known = ids & set(also)
    rest = ids - known
    return known | ({i.id for i in store.incidents(ids=sorted(rest))} if rest else set())


def _drop_empty(store: Store) -> list[str]:
    """Incidents no mention supports any more, unless an analyst reviewed them (those stay,
    with their reviewed values, until the analyst rejects or merges them)."""
    empty = store.empty_incidents(reviewed=False)
    if empty:
        store.save_fusion(drop=empty)
    return empty


def refresh_incidents(store: Store, ids: Iterable[str], *,
                      settings: FuseSettings | None = None) -> list[Incident]:
    """Recompute incidents from their current mentions (after an analyst merge or split)."""
    s = settings or FuseSettings.default()
    ids = list(dict.fromkeys(ids))
    members: dict[str, list[StoredMention]] = defaultdict(list)
    for sm in store.stored_mentions(incident_ids=ids):
        members[sm.incident_id].append(sm)
    incidents = store.incidents(ids=ids)
    known = _existing(store, {i for inc in incidents for i in _maybe_of(inc)})
    out = [compute_incident(inc.id, members[inc.id], previous=inc, settings=s,
                            maybe=[i for i in _maybe_of(inc) if i in known and i not in ids])
           for inc in incidents if members[inc.id]]
    store.save_fusion(incidents=out)
    return out


# -- what an incident says: fields, sources, grade ---------------------------------------------


@dataclass(frozen=True, slots=True)
class _Source:
    key: str
    label: str
    attacker_voice: bool


def _sources_of(m: StoredMention, s: FuseSettings) -> list[_Source]:
    """Who reports a mention ("the statement; Russia's defence ministry" is two sources).

    Named sources count once across outlets; an unnamed report counts once per story.
    """
    code = _attacker_code(m.mention, s)
    out = []
    for text in (m.mention.source or "").split(";"):
        named = s.source(text)
        voice = m.mention.claimed_by_attacker or bool(
            named and named.attacker is not None and named.attacker == code)
        if named is not None:
            out.append(_Source(f"named:{named.name}", named.name, voice))
        elif _norm(text):
            out.append(_Source(f"named:{_norm(text)}", text.strip(), voice))
    return out or [_Source(f"story:{m.story}", m.outlet or m.story,
                           m.mention.claimed_by_attacker)]


def _category_class(categories: set[str]) -> set[str]:
    """Civilians and a market are one answer to 'what was hit'; IS and the FSA are two."""
    return {"noncombatant" if c in NONCOMBATANT else c for c in categories if c != "unknown"}


def _merge_counts(ranges: Sequence[Range]) -> Range:
    """Lowest credible figure as the low end (ACLED), highest stated figure as the high end
    (UCDP); a lone 'at least N' keeps its open upper end."""
    ranges = [r for r in ranges if not r.empty]
    if not ranges:
        return Range()
    figures = [v for r in ranges for v in (r.min, r.max) if v is not None]
    mins = [r.min for r in ranges if r.min is not None]
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
                     maybe: Sequence[str] | None = None) -> Incident:
    """An incident's fields, grade and the grade's reason, from its mentions.

    Fields an analyst reviewed keep the analyst's value (from ``previous``). ``maybe`` names
    the incidents its reports fit as well as this one (``_maybe_reason``); left out, it is
    read back from ``previous``.
    """
    s = settings or FuseSettings.default()
    if maybe is None:
        maybe = _maybe_of(previous) if previous is not None else ()
    sources: dict[str, list[StoredMention]] = defaultdict(list)
    info: dict[str, _Source] = {}
    for m in members:
        for src in _sources_of(m, s):
            sources[src.key].append(m)
            info[src.key] = info.get(src.key, src) if not src.attacker_voice else src

    attackers: dict[str, set[str]] = defaultdict(set)  # code -> source labels
    names: dict[str, str] = {}
    for key, ms in sources.items():
        for m in ms:
            code = _attacker_code(m.mention, s)
            if code is not None:
                attackers[code].add(info[key].label)
                names.setdefault(code, m.mention.attacker.name)
    voiced = {_attacker_code(m.mention, s) for key, ms in sources.items() if info[key].attacker_voice
              for m in ms}
    attacker = None
    if attackers:
        code = max(attackers, key=lambda c: (len(attackers[c]), c in voiced))
        country = code if len(code) == 2 and code.isupper() else None
        attacker = Actor(names[code], country)

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

    summaries = {m.id for m in members if _summary_toll(m, members, s)}

    def toll(pick) -> Range:
        return _merge_counts([_per_source_count([m for m in ms if m.id not in summaries], pick)
                              for ms in sources.values()])

    fatalities = toll(lambda c: c.killed)
    civilians = toll(lambda c: c.civilians_killed)
    day, precision = _choose_date(members)
    grade, reason = _grade(sources, info, attackers, by_source_cats, attacker, members)
    if maybe:
        grade, reason = _maybe_reason(grade, reason, maybe)

    inc = Incident(id=incident_id, date=day, date_precision=precision, attacker=attacker,
                   place=_choose_place(members), targets=tuple(targets), fatalities=fatalities,
                   civilians=civilians, grade=grade, grade_reason=reason,
                   origin=previous.origin if previous else "text",
                   reviewed=dict(previous.reviewed) if previous else {},
                   event_type=incident_event_type(m.mention.event_type for m in members))
    return _keep_reviewed(inc, previous)


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


def _grade(sources, info, attackers, cats, attacker, members) -> tuple[str, str]:
    labels = [info[k].label for k in sources]
    stories = {m.story for m in members}
    docs = {m.mention.doc_id for m in members}
    tally = (f"{len(members)} mention{'s' * (len(members) != 1)} in {len(docs)} "
             f"document{'s' * (len(docs) != 1)}"
             + (f" ({len(docs) - len(stories)} syndicated cop"
                f"{'ies' if len(docs) - len(stories) != 1 else 'y'})" if len(docs) > len(stories)
                else ""))
    if len(attackers) > 1:
        who = "; ".join(f"{code} according to {', '.join(sorted(srcs))}"
                        for code, srcs in sorted(attackers.items()))
        return "contested", f"Contested: sources disagree on who struck ({who}); {tally}."
    classes = {k: _category_class(c) for k, c in cats.items() if _category_class(c)}
    keys = list(classes)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if not classes[a] & classes[b]:
                what = "; ".join(f"{info[k].label}: {', '.join(sorted(cats[k] - {'unknown'}))}"
                                 for k in (a, b))
                return "contested", f"Contested: sources disagree on what was hit ({what}); {tally}."
    voices = sorted(info[k].label for k in sources if info[k].attacker_voice)
    if voices and attacker is not None:
        others = [lb for k, lb in zip(sources, labels) if not info[k].attacker_voice]
        extra = f", also reported by {', '.join(sorted(others))}" if others else ""
        return "confirmed", (f"Confirmed: the attacker acknowledged the strike "
                             f"({', '.join(voices)}){extra}; {tally}.")
    if len(sources) >= 2:
        return "fair", (f"Fair: {len(sources)} independent sources "
                        f"({', '.join(sorted(labels))}); {tally}.")
    return "weak", f"Weak: a single source ({labels[0]}); {tally}."


# -- the read side: export records and the claims-versus-reports query -------------------------


def incident_records(store: Store, *, ids: Sequence[str] | None = None,
                     where: IncidentFilter | None = None,
                     country: str | None = None, attacker: str | None = None,
                     start: date | None = None, end: date | None = None,
                     grade: str | None = None, event_type: str | None = None,
                     settings: FuseSettings | None = None) -> list[dict]:
    """Incidents (as ``Store.incidents`` selects them) as the export dicts of docs/formats.md,
    each with every mention it was built from; ``grade_reason``, ``origin``, ``sources``,
    ``reviewed`` and the location's ``admin2`` are added fields."""
    s = settings or FuseSettings.default()
    incidents = store.incidents(ids=ids, where=where, country=country, attacker=attacker,
                                start=start, end=end, grade=grade, event_type=event_type)
    members: dict[str, list[StoredMention]] = defaultdict(list)
    for sm in store.stored_mentions(incident_ids=[i.id for i in incidents]):
        members[sm.incident_id].append(sm)
    return [_record(inc, members[inc.id], s) for inc in incidents]


def incidents_with_members(store: Store, where: IncidentFilter,
                           ) -> Iterator[tuple[Incident, list[StoredMention]]]:
    """Every incident ``where`` selects with its mentions, a page at a time: a whole-period
    export or claims report holds one page, and never asks one ``IN`` over every id."""
    for page in store.incident_pages(where):
        members: dict[str, list[StoredMention]] = defaultdict(list)
        for sm in store.stored_mentions(incident_ids=[i.id for i in page]):
            members[sm.incident_id].append(sm)
        for inc in page:
            yield inc, members[inc.id]


def stream_incident_records(store: Store, where: IncidentFilter | None = None,
                            settings: FuseSettings | None = None) -> Iterator[dict]:
    """``incident_records(store, where=where)`` record by record, for an export of any size."""
    s = settings or FuseSettings.default()
    for inc, members in incidents_with_members(store, where or IncidentFilter()):
        yield _record(inc, members, s)


def _record(inc: Incident, members: Sequence[StoredMention], s: FuseSettings) -> dict:
    """``store.incident_summary`` (the fields every reader shares) with the incident's sources
    and every mention it was built from."""
    labels: dict[str, str] = {}
    for m in members:
        for src in _sources_of(m, s):
            labels.setdefault(src.key, src.label)
    return {
        **incident_summary(inc),
        "sources": list(labels.values()),
        "mentions": [{"doc_id": m.mention.doc_id, "url": m.url,
                      "source": m.mention.source or m.outlet, "outlet": m.outlet,
                      "sentence": m.mention.sentence.text, "start": m.mention.sentence.start,
                      "end": m.mention.sentence.end,
                      "claimed_by_attacker": m.mention.claimed_by_attacker}
                     for m in members],
    }


@dataclass(frozen=True, slots=True)
class TargetTally:
    """One answer to 'what was hit', with who gives it, where, and the words they used."""

    category: str
    names: tuple[str, ...]
    count: int  # incidents (reports) or statements (claims) naming the category
    places: tuple[str, ...]
    sources: tuple[str, ...]
    evidence: tuple[str, ...]  # sentences, first few


@dataclass(frozen=True, slots=True)
class Statistic:
    """A third party's figure about the attacker's strikes ('one in 20 hit IS')."""

    speaker: str
    org: str | None
    numbers: tuple[tuple[str, float], ...]
    sentence: str
    doc_id: str


@dataclass(slots=True)
class ClaimsReport:
    """What an attacker says it hits, what independent reports say was hit, and third
    parties' statistics, over one period: the gap the founding article asks about."""

    attacker: str
    start: date
    end: date
    incidents: int = 0
    claimed: list[TargetTally] = field(default_factory=list)
    reported: list[TargetTally] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    known_target_incidents: int = 0  # reported incidents whose targets an independent source names

    def share_reported(self, category: str) -> tuple[int, int]:
        """(incidents independent sources say hit ``category``, incidents with any target named)."""
        hit = next((t.count for t in self.reported if t.category == category), 0)
        return hit, self.known_target_incidents

    def lines(self) -> list[str]:
        out = [f"{self.attacker}, {self.start} to {self.end}: {self.incidents} reported incidents"]
        out.append("Claimed by the attacker:")
        out += _tally_lines(self.claimed, "statement") or ["  (no claim by the attacker found)"]
        out.append("Reported by independent sources:")
        out += _tally_lines(self.reported, "incident") or ["  (no independent report found)"]
        out.append("Statistics from third parties:")
        if not self.statistics:
            out.append("  (none found)")
        for st in self.statistics:
            who = st.speaker + (f" ({st.org})" if st.org else "")
            nums = ", ".join(f"{k} {v:g}" for k, v in st.numbers) or "no number parsed"
            out.append(f"  {who}: {nums}: \"{clip(st.sentence)}\"")
        if self.statistics and self.known_target_incidents:
            hit, of = self.share_reported("jihadist")
            out.append(f"  against the reports: {hit} of {of} incidents with a reported target "
                       f"hit jihadist groups ({hit / of:.0%})")
        return out


def clip(text: str, n: int = 160) -> str:
    """A sentence on one line, cut to ``n`` characters, for report lines (and the briefing)."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _tally_lines(tallies: Sequence[TargetTally], unit: str) -> list[str]:
    out = []
    for t in tallies:
        names = f" ({', '.join(t.names)})" if t.names else ""
        where = f" in {', '.join(t.places)}" if t.places else ""
        out.append(f"  {t.category}{names}: {t.count} {unit}{'s' * (t.count != 1)}{where} "
                   f"according to {'; '.join(t.sources)}")
        out += [f"      \"{clip(e)}\"" for e in t.evidence[:2]]
    return out


class _Tally:
    def __init__(self) -> None:
        self.counts: dict[str, set] = defaultdict(set)
        self.names: dict[str, dict] = defaultdict(dict)
        self.places: dict[str, dict] = defaultdict(dict)
        self.sources: dict[str, dict] = defaultdict(dict)
        self.evidence: dict[str, dict] = defaultdict(dict)

    def add(self, category: str, unit: object, *, name: str | None, place: str | None,
            source: str, sentence: str) -> None:
        self.counts[category].add(unit)
        for book, value in ((self.names, name), (self.places, place), (self.sources, source),
                            (self.evidence, sentence)):
            if value:
                book[category][value] = None

    def result(self) -> list[TargetTally]:
        order = {c: i for i, c in enumerate(TARGET_CATEGORIES)}
        cats = sorted(self.counts, key=lambda c: (-len(self.counts[c]), order.get(c, 99)))
        return [TargetTally(c, tuple(self.names[c]), len(self.counts[c]),
                            tuple(sorted(self.places[c])),
                            tuple(self.sources[c]), tuple(self.evidence[c])) for c in cats]


def claims_vs_reports(store: Store, *, attacker: str, start: date, end: date,
                      settings: FuseSettings | None = None) -> ClaimsReport:
    """Set the attacker's own account of its targets against independent reports of them.

    Claimed: target statements whose speaker or organisation is one of the attacker's names
    in the actor lexicon ("Moscow", "Russia's defence ministry"), and strike reports whose only
    source is the attacker. Reported: the incidents
    of the period, by the targets independent sources name. Statistics: third parties' figures.
    """
    from .lexicons import load_lexicons

    s = settings or FuseSettings.default()
    lex = load_lexicons()
    report = ClaimsReport(attacker=attacker, start=start, end=end)

    def is_attacker(*texts: str | None) -> bool:
        return any(getattr(v, "code", None) == attacker
                   for t in texts if t for _, _, _, v in lex.actors.find(t))

    claimed, reported = _Tally(), _Tally()
    for claim, _published, _outlet in store.dated_claims(start=start, end=end):
        # the speaker decides whose voice it is ("Moscow", "Russia's defence ministry"); a
        # claim whose subject extraction could not tell is the attacker's when it speaks
        own = is_attacker(claim.speaker, claim.org)
        if claim.about not in (attacker, None) or (claim.about is None and not own):
            continue
        if claim.kind == "statistic" and not own:
            report.statistics.append(Statistic(claim.speaker, claim.org, claim.numbers,
                                               claim.span.text, claim.doc_id))
        elif own and claim.kind in ("target", "denial"):
            for _, _, words, category in lex.groups.find(claim.quote or claim.span.text):
                claimed.add(category, (claim.doc_id, claim.span.start),
                            name=" ".join(words.split()), place=None, source=claim.speaker,
                            sentence=claim.span.text)

    period = IncidentFilter(attacker=attacker, start=start, end=end)
    for inc, members in incidents_with_members(store, period):
        report.incidents += 1
        if inc.grade == "discounted":
            continue
        place = (inc.place.admin1 or inc.place.name) if inc.place else None
        named = False
        for m in members:
            srcs = _sources_of(m, s)
            own = all(src.attacker_voice for src in srcs)
            book = claimed if own else reported
            label = "; ".join(src.label for src in srcs if src.attacker_voice == own)
            for t in m.mention.targets:
                if t.category == "unknown":
                    continue
                named = named or not own
                book.add(t.category, inc.id, name=t.name, place=place, source=label,
                         sentence=m.mention.sentence.text)
        report.known_target_incidents += named
    report.claimed, report.reported = claimed.result(), reported.result()
    return report
