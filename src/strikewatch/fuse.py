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

Two reports are one strike only when day, attacker and place agree at the precision both give
(points within ``same_point_km``, about 2 km; two gazetteer places of different names are two
places) and nothing tells them apart (``_told_apart``): another named site (a family's home,
a hospital, an ambulance), another sub-place of the town the gazetteer puts at one point
(Shujaiya and Zeitoun placed at Gaza City), or a stated toll no later count explains. In Gaza
dozens of strikes hit one town on one day; without these, they fused into one incident per town
and day. A report naming neither site nor sub-place attaches when only one strike fits, and
stands apart when several do. A refusal next to an incident of the same day, attacker and place
is kept as the mention's note ("kept apart from inc-…: why").

Grades (``_grade``): ``confirmed`` on the attacker's own acknowledgement; ``fair`` on two
sources independent of each other and of the attacker, where ``data/alignment.yaml`` (sourced)
lists the voices aligned with each attacker (SANA, TASS, RT for Russian and Syrian strikes);
one outlet counts once, whatever its stories or syndicated copies.

The claims-versus-reports query (``claims_vs_reports``) sets what an attacker says it hits
against what independent sources report was hit, and the statistics third parties give.
"""

from __future__ import annotations

import calendar
import difflib
import hashlib
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

import yaml

from .actors import load_registry
from .alerts import check_incidents as check_alerts
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
class FuseSettings:
    """What counts as the same strike; defaults in ``data/fuse.yaml``. Who a source is (its
    several names, whose voice it is) comes from the actor registry (strikewatch.actors); the
    voices aligned with each attacker, which are not independent of it, from
    ``data/alignment.yaml``."""

    day_tolerance_days: int = 1
    week_half_width_days: int = 3
    same_point_km: float = 2.0
    region_radius_km: float = 120.0
    toll_ratio: float = 3.0
    toll_gap: int = 10
    same_name_ratio: float = 0.8
    confusable_attackers: tuple[frozenset[str], ...] = ()
    unknown_attackers: frozenset[str] = frozenset({"unknown"})
    aligned: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_file(cls, path: str | Path, alignment: str | Path | None = None) -> FuseSettings:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        return cls(
            day_tolerance_days=int(raw.get("day_tolerance_days", 1)),
            week_half_width_days=int(raw.get("week_half_width_days", 3)),
            same_point_km=float(raw.get("same_point_km", 2)),
            region_radius_km=float(raw.get("region_radius_km", 120)),
            toll_ratio=float(raw.get("toll_ratio", 3)),
            toll_gap=int(raw.get("toll_gap", 10)),
            same_name_ratio=float(raw.get("same_name_ratio", 0.8)),
            confusable_attackers=tuple(frozenset(g) for g in raw.get("confusable_attackers", [])),
            unknown_attackers=frozenset(raw.get("unknown_attackers", ["unknown"])),
            aligned=_alignment(alignment or DATA / "alignment.yaml"))

    @classmethod
    def default(cls) -> FuseSettings:
        return _default_settings()

    def aligned_with(self, attacker: str | None, label: str) -> bool:
        """Whether the voice ``label`` speaks for ``attacker`` or its allies (alignment.yaml)."""
        return attacker is not None and _norm(label) in self.aligned.get(attacker, ())


def _alignment(path: str | Path) -> dict[str, frozenset[str]]:
    """attacker code -> the normalised names of the voices aligned with it.

    The one reader of the alignment table. A voice the actor registry knows brings its
    registry name, the label ``_sources_of`` gives it ("SANA" is the Syrian Arab News
    Agency)."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    registry = load_registry()
    out: dict[str, set[str]] = defaultdict(set)
    for entry in raw.get("alignments", []):
        if not entry.get("source"):
            raise ValueError(f"{path}: the alignment of {entry.get('attackers')} gives no source")
        voices: set[str] = set()
        for name in entry["voices"]:
            known = registry.source_entry(name)
            voices |= {_norm(name)} | ({_norm(known.name)} if known else set())
        for attacker in entry["attackers"]:
            out[attacker] |= voices
    return {a: frozenset(v) for a, v in out.items()}


@cache
def _default_settings() -> FuseSettings:
    return FuseSettings.from_file(DATA / "fuse.yaml")


@lru_cache(maxsize=1 << 16)
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
    refused: list[tuple[int, str]] = field(default_factory=list)  # (mention id, why not merged)

    def __str__(self) -> str:
        lines = [f"fused {self.mentions} new strike mentions: {len(self.created)} new incidents, "
                 f"{len(self.updated)} updated ({self.relinked} mentions re-linked after "
                 f"re-extraction, {self.attached} attached to existing incidents), "
                 f"{len(self.set_aside)} set aside, {len(self.dropped)} emptied incidents dropped"]
        if self.apart:
            lines.append(f"  {len(self.apart)} mentions fit several incidents equally: they "
                         f"stand apart in {len({i for _, i in self.apart})} incidents graded "
                         f"no better than weak, each naming the incidents it may duplicate")
        if self.refused:
            lines.append(f"  {len(self.refused)} mentions kept apart from an incident of the "
                         f"same day, attacker and place that another site, sub-place or toll "
                         f"tells apart (the reason is kept with each mention)")
        reasons = Counter(why.split(":")[0] for _, why in self.set_aside)
        lines += [f"  set aside: {n} {why}" for why, n in reasons.most_common()]
        return "\n".join(lines)


# -- matching -----------------------------------------------------------------------------------


def incident_id_for(m: StrikeMention, key: str | None = None) -> str:
    """Stable across re-runs: the same first report of a strike gives the same id (``key``:
    its link key, when several mentions share ``mention_key``; see ``_link_keys``)."""
    return "inc-" + hashlib.sha1((key or mention_key(m)).encode()).hexdigest()[:16]


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


@lru_cache(maxsize=1 << 16)
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
        if _two_gazetteer_places(a, b, s):
            return None
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


def _two_gazetteer_places(a: Place, b: Place, s: FuseSettings) -> bool:
    """Two gazetteer entries of different names are two places however close ("Rimal" and
    "Tel al-Hawa" in Gaza City, a village beside its town); one town's two entries (GeoNames
    often has a city and its seat a few hundred metres apart) bear one name."""
    return (a.geonameid is not None and b.geonameid is not None and a.geonameid != b.geonameid
            and not _similar(_admin_norm(a.name), _admin_norm(b.name), s))


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
class _Keys:
    """The fields matching reads from an incident while a batch is fused (date, place,
    attacker) and what tells its strike from another at the same place (sites, sub-places,
    toll), kept up to date as members join. They are what ``compute_incident`` would choose,
    without recomputing the whole incident after every mention: a city hit 300 times a day,
    each strike reported by several outlets, made that the cost of the run."""

    dates: dict[int, Counter] = field(default_factory=dict)  # date rank -> day -> members
    precision: dict[date, str] = field(default_factory=dict)  # first precision of each day
    places: dict[int, Counter] = field(default_factory=dict)  # fineness -> place key -> n
    place_of: dict[object, Place] = field(default_factory=dict)  # place key -> first Place
    attackers: dict[str, set[str]] = field(default_factory=dict)  # code -> source labels
    names: dict[str, str] = field(default_factory=dict)
    voiced: set[str] = field(default_factory=set)
    sites: set[tuple[str, ...]] = field(default_factory=set)
    localities: set[str] = field(default_factory=set)
    killed: tuple[int, int] | None = None  # (lowest, highest) figure its reports at a point give
    pinned: bool = False  # whether a report places it at a point

    def add(self, sm: StoredMention, s: FuseSettings) -> None:
        m = sm.mention
        if m.date is not None:
            rank = _DATE_RANK.get(m.date_precision, 3)
            self.dates.setdefault(rank, Counter())[m.date] += 1
            self.precision.setdefault(m.date, m.date_precision or "day")
        if m.place is not None:
            key = m.place.geonameid or m.place.name
            self.places.setdefault(FINENESS.get(m.place.precision, 9), Counter())[key] += 1
            self.place_of.setdefault(key, m.place)
        if (code := _attacker_code(m, s)) is not None:
            sources = _sources_of(sm, s)
            self.attackers.setdefault(code, set()).update(src.label for src in sources)
            self.names.setdefault(code, m.attacker.name)
            if any(src.attacker_voice for src in sources):
                self.voiced.add(code)
        self.sites |= {site} if (site := _site(m)) else set()
        self.localities |= {loc} if (loc := _locality(m)) else set()
        self.pinned |= m.place is not None and m.place.precision == "point"
        if (figure := _figure(m.casualties.killed)) is not None and self.pinned:
            lo, hi = self.killed or figure
            self.killed = (min(lo, figure[0]), max(hi, figure[1]))

    def incident(self, inc: Incident) -> Incident:
        """``inc`` with the date, place and attacker its members give so far."""
        day = precision = place = attacker = None
        if self.dates:
            counts = self.dates[min(self.dates)]
            day = min(counts, key=lambda d: (-counts[d], d))
            precision = self.precision[day]
        if self.places:
            counts = self.places[min(self.places)]
            top = max(counts.values())
            place = self.place_of[next(k for k, n in counts.items() if n == top)]
        if self.attackers:
            code = max(self.attackers, key=lambda c: (len(self.attackers[c]), c in self.voiced))
            attacker = Actor(self.names[code], code if len(code) == 2 and code.isupper() else None)
        return replace(inc, date=day, date_precision=precision, place=place, attacker=attacker)


_DATE_RANK = {"day": 0, "week": 1, "month": 2, None: 0}


@dataclass(slots=True)
class _Working:
    """An incident while a batch is being fused: its record, every member mention (by story
    too, for the checks within one story) and the keys matching reads."""

    incident: Incident
    members: list[StoredMention]
    new: bool = False
    maybe: set[str] = field(default_factory=set)  # the incidents it may duplicate (see below)
    keys: _Keys = field(default_factory=_Keys)
    by_story: dict[str, list[StoredMention]] = field(default_factory=lambda: defaultdict(list))

    def add(self, m: StoredMention, s: FuseSettings) -> None:
        self.members.append(m)
        self.index(m, s)

    def index(self, m: StoredMention, s: FuseSettings) -> None:
        self.keys.add(m, s)
        self.by_story[m.story].append(m)


def _vagueness(m: StrikeMention) -> str | None:
    if m.date is None:
        return "no date: the report gives no day, week or month"
    if m.place is None:
        return "no place: the place was not found in the gazetteer"
    if m.place.precision == "country":
        return f"country-level place: {m.place.name} names no town or province"
    return None


_PLACE_HEAD = re.compile(r",|\b(?:in|of|near|neighbou?rhood|quarter|area|camp|street|road)\b")


def _locality(m: StrikeMention) -> str | None:
    """The sub-place a report names below the gazetteer's place ("Shujaiya" placed at Gaza
    City, "al-Sabil neighborhood in Daraa city" at Daraa), or None when it names the place
    itself (or a spelling of it). Two reports naming different sub-places of one town are
    two strikes, even where the gazetteer puts both at one point."""
    if not m.place_text or m.place is None:
        return None
    pieces = (_admin_norm(p) for p in _PLACE_HEAD.split(_norm(m.place_text)))
    head = next((p for p in pieces if p), "")
    if not head or head == _admin_norm(m.place.name) or head == _admin_norm(m.place.admin1):
        return None
    return _fold(head)


# words of a site's name that tell no site from another ("the Abu Daqqa family's home" and
# "the house of the Abu Daka family" are one site), Arabic articles in their spellings, and
# the words for a home, which are one kind of site ("a house" is not "the mosque")
_SITE_FILLER = frozenset("the of a an in at family familys s al el an ar as ash ad at az".split())
_HOME = frozenset("home homes house houses residence apartment flat building".split())


def _site(m: StrikeMention) -> tuple[str, ...] | None:
    """The named house, family, facility or vehicle hit, as the words that name it, each
    folded over the usual variants of romanised Arabic (``_fold``)."""
    words = tuple(dict.fromkeys("house" if w in _HOME else _fold(w)
                                for w in _norm(m.site or "").split() if w not in _SITE_FILLER))
    return words or None


_FOLDS = ((re.compile(r"(.)\1+"), r"\1"), (re.compile(r"ou|o"), "u"), (re.compile(r"ee|ie"), "i"),
          (re.compile(r"q"), "k"), (re.compile(r"e"), "a"), (re.compile(r"(?<=.)h$"), ""))


def _fold(word: str) -> str:
    """One spelling of a romanised Arabic word: doubled letters single, o/ou as u, ee as i,
    q as k, e as a, no final h ("Daqqa", "Daka"; "Abou", "Abu"; "Saleh", "Salah")."""
    for pattern, repl in _FOLDS:
        word = pattern.sub(repl, word)
    return word


def _site_relation(a: tuple[str, ...], b: tuple[str, ...], s: FuseSettings) -> int | None:
    """0 one site spelt two ways ("Abu Daqqa", "Abou Daqa"), 1 one naming part of the other
    ("a school", "the Rimal school"), None two sites ("the Rimal school", "the Rimal bakery").
    Word by word, so that a long shared neighbourhood name does not hide another noun."""
    short, long = sorted((a, b), key=len)
    matched = [any(_similar(w, v, s) for v in long) for w in short]
    if not all(matched):
        return None
    return 0 if len(short) == len(long) else 1


def _figure(r: Range) -> tuple[int, int] | None:
    """(lowest, highest) of a toll the text states as a count ("nine", "12 to 15"), or None.
    An open figure ("at least 300", "more than 100") is left out: it is how running totals
    and statistics are worded, and a report's floor tells no strike from another."""
    if r.min is None or r.max is None:
        return None
    return r.min, r.max


def _similar(a: str, b: str, s: FuseSettings) -> bool:
    return a == b or _similar_names(a, b, s.same_name_ratio)


@lru_cache(maxsize=1 << 16)
def _similar_names(a: str, b: str, ratio: float) -> bool:
    """difflib's ratio, after its length bound (two names of very different lengths are not
    one name), cached: a busy day compares the same few hundred names again and again."""
    if 2 * min(len(a), len(b)) < ratio * (len(a) + len(b)):
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= ratio


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
    if t.figure and keys.killed and m.place.precision == "point" and keys.pinned:
        (lo, hi), (klo, khi) = t.figure, keys.killed
        if lo > s.toll_ratio * khi + s.toll_gap or klo > s.toll_ratio * hi + s.toll_gap:
            return f"a toll no later count explains ({lo}-{hi} killed; the incident's {klo}-{khi})"
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


class _Buckets:
    """Incidents by (country, day), each under every day its date may stand for, so that a
    mention is compared only with the incidents its own days (and the tolerance) can reach,
    not with every incident of a bulk run; and, for incidents placed at a point, by a grid
    cell of ``same_point_km``, the sub-places their reports name and the gazetteer entry they
    stand at, so that a report from one neighbourhood of a city struck 300 times a day is
    compared with the strikes there (and those no report places more finely), not with all
    300. Two gazetteer entries of different names never match (``_two_gazetteer_places``):
    a cell's incidents are filed by entry so that such pairs are skipped by the handful of
    distinct names in the cell, not tried one incident at a time."""

    def __init__(self, settings: FuseSettings) -> None:
        self.s = settings
        self.ids: dict[tuple[str, int], set[str]] = defaultdict(set)  # every incident
        self.coarse: dict[tuple[str, int], set[str]] = defaultdict(set)  # not at a point
        # (country, day, cell) -> (sub-place or None, gazetteer entry or None) -> incidents
        self.cells: dict[tuple[str, int, int, int], dict[tuple, set[str]]] = defaultdict(
            lambda: defaultdict(set))
        self.step = max(settings.same_point_km, 0.1) / 111.0  # degrees of latitude per cell

    def _days(self, day: date, precision: str | None, pad: int = 0) -> range:
        lo, hi = _interval(day, precision, self.s)
        return range(lo.toordinal() - pad, hi.toordinal() + pad + 1)

    def _cell(self, p: Place) -> tuple[int, int]:
        return math.floor(p.lat / self.step), math.floor(p.lon / self.step)

    def put(self, w: _Working, *, remove: bool = False) -> None:
        inc = w.incident
        if inc.place is None or inc.date is None:
            return
        country, point = inc.place.country, inc.place.precision == "point"
        entry = _gazetteer_entry(inc.place)
        for d in self._days(inc.date, inc.date_precision):
            books = [self.ids[(country, d)]]
            if point:
                cell = self.cells[(country, d, *self._cell(inc.place))]
                books += [cell[(loc, entry)] for loc in (w.keys.localities or {None})]
            else:
                books.append(self.coarse[(country, d)])
            for book in books:
                book.discard(inc.id) if remove else book.add(inc.id)

    def near(self, m: StrikeMention, locality: str | None) -> set[str]:
        days = self._days(m.date, m.date_precision, self.s.day_tolerance_days)
        country = m.place.country
        if m.place.precision != "point":
            return {i for d in days for i in self.ids.get((country, d), ())}
        y, x = self._cell(m.place)
        wide = math.ceil(1 / max(math.cos(math.radians(m.place.lat)), 0.05))
        entry = _gazetteer_entry(m.place)
        out: set[str] = set()
        for d in days:
            out |= self.coarse.get((country, d), set())
            for dy in (-1, 0, 1):
                for dx in range(-wide, wide + 1):
                    if (cell := self.cells.get((country, d, y + dy, x + dx))) is not None:
                        out |= self._named(cell, locality, entry)
        return out

    def _named(self, cell: dict[tuple, set[str]], locality: str | None,
               entry: tuple[int, str] | None) -> set[str]:
        """A cell's incidents a report naming ``locality`` at gazetteer ``entry`` may be:
        those naming no sub-place or one like it (any, for a report naming none), at no
        gazetteer entry, the same one or one of a like name."""
        return set().union(*(ids for (loc, other), ids in cell.items()
                             if (locality is None or loc is None
                                 or _similar(loc, locality, self.s))
                             and not _two_entries(entry, other, self.s)))


def _gazetteer_entry(p: Place) -> tuple[int, str] | None:
    """(geonameid, name as ``_two_gazetteer_places`` compares it) of a gazetteer place."""
    return None if p.geonameid is None else (p.geonameid, _admin_norm(p.name))


def _two_entries(a: tuple[int, str] | None, b: tuple[int, str] | None,
                 s: FuseSettings) -> bool:
    """``_two_gazetteer_places`` on the entries ``_gazetteer_entry`` gives."""
    return (a is not None and b is not None and a[0] != b[0]
            and not _similar(a[1], b[1], s))


def _reach(mentions: Sequence[StoredMention], s: FuseSettings) -> list[tuple[date, date]]:
    """The days a batch's mentions can reach (each one's interval and the day tolerance),
    merged where they overlap: the incidents to load are those dated to reach them."""
    spans = sorted((_shift(lo, -s.day_tolerance_days), _shift(hi, s.day_tolerance_days))
                   for lo, hi in (_interval(m.mention.date, m.mention.date_precision, s)
                                  for m in mentions))
    out: list[tuple[date, date]] = []
    for lo, hi in spans:
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


WINDOW_MENTIONS = 5_000  # pending mentions fused per window, whole days (see fuse_pending)


def fuse_pending(store: Store, *, settings: FuseSettings | None = None,
                 window_mentions: int = WINDOW_MENTIONS) -> FuseReport:
    """Fuse the strike mentions that are in no incident yet into new or existing incidents.

    The pending mentions are read in date order, whole days at a time and about
    ``window_mentions`` per window, and each window is written before the next is read: a
    window loads only the incidents its days can reach, so memory does not grow with the
    number of days fused (at 24,000 documents over 5 days one batch held 988 MB). A window
    is fused as a daily run would fuse it; within one window, and so for any batch of fewer
    mentions, the result is the one batch's."""
    s = settings or FuseSettings.default()
    report = FuseReport()
    run = _Run(shared=store.pending_shared_keys())
    for window in _pending_windows(store, window_mentions):
        report.mentions += len(window)
        changed = _Batch(store, s, report, run).fuse(window)
        check_alerts(store, changed)  # issue 15: stores alerts, sends nothing
    report.dropped = _drop_empty(store)
    return report


def _pending_windows(store: Store, size: int) -> Iterator[list[StoredMention]]:
    """The pending mentions, window by window (``_day_spans``), read as each is reached."""
    for start, end in _day_spans(store.pending_days(), size):
        yield store.unfused_mentions_between(start, end)


def _day_spans(days: Sequence[tuple[date | None, int]], size: int
               ) -> list[tuple[date | None, date | None]]:
    """(first day, last day) of each window: consecutive days while their mentions stay
    within ``size`` (one day however many it has); the undated mentions a window of their own
    as (None, None)."""
    out: list[tuple[date | None, date | None]] = []
    held = 0
    for day, count in days:
        if day is None:
            out.append((None, None))
        elif out and out[-1][0] is not None and held + count <= size:
            out[-1] = (out[-1][0], day)
            held += count
        else:
            out.append((day, day))
            held = count
    return out


@dataclass(slots=True)
class _Run:
    """What the windows of one ``fuse_pending`` run share: the mention keys several pending
    mentions share and how many of each were numbered (``_link_keys``), and the incidents the
    run created and updated (each reported once, whatever the windows that touch it)."""

    shared: set[str]
    seen: Counter = field(default_factory=Counter)
    created: set[str] = field(default_factory=set)
    updated: set[str] = field(default_factory=set)


def _link_keys(pending: Sequence[StoredMention], shared: set[str], seen: Counter
               ) -> dict[int, str]:
    """Each pending mention's link key: ``mention_key``, numbered from the second mention on
    that shares it (one sentence may give two strikes with no place span, or the same place
    span for two days). Shared, the key sent every such mention back to the one incident it
    was last linked to, so ``extract --all`` on unchanged data counted a mention twice there.
    Mentions come in document order, so the numbering is the same on every run. ``shared``
    are the keys several pending mentions share; ``seen`` counts those numbered in earlier
    windows of the run (and is updated)."""
    out = {}
    for m in pending:
        key = mention_key(m.mention)
        if key in shared:
            out[m.id] = key if not seen[key] else f"{key}#{seen[key]}"
            seen[key] += 1
        else:
            out[m.id] = key
    return out


class _Batch:
    """One run of ``fuse_pending``: the incidents it works on and what it will write."""

    def __init__(self, store: Store, s: FuseSettings, report: FuseReport, run: _Run) -> None:
        self.store, self.s, self.report, self.run = store, s, report, run
        self.working: dict[str, _Working] = {}
        self.links: list[tuple[int, str, str]] = []
        self.notes: list[tuple[int, str]] = []  # set aside: in no incident, and why
        self.refusals: dict[int, str] = {}  # attached or alone, and why not with a close one
        self.placed: dict[int, str] = {}  # mention id -> incident id
        self.follow: dict[int, StoredMention] = {}  # a story's summary -> what it sums up
        self.touched: set[str] = set()
        self.keys: dict[int, str] = {}
        self.buckets = _Buckets(s)

    def fuse(self, pending: Sequence[StoredMention]) -> list[str]:
        """Fuse one window's pending mentions and write them; the incidents it computed."""
        to_match = self.triage(pending)
        self.open_buckets(to_match)
        for m in to_match:
            self.assign(m)
        return self.save()

    def triage(self, pending: Sequence[StoredMention]) -> list[StoredMention]:
        """Re-link re-extracted mentions, set aside vague ones; the rest, in matching order."""
        self.keys = _link_keys(pending, self.run.shared, self.run.seen)
        linked = self.store.linked_incidents(list(self.keys.values()))
        # incidents that held mentions of the re-extracted documents must be re-graded even
        # when the new extraction no longer finds those mentions
        self.touched |= set(self.store.incidents_of_documents({m.mention.doc_id for m in pending}))
        relink: dict[str, list[StoredMention]] = defaultdict(list)
        to_match = []
        for m in pending:
            if (iid := linked.get(self.keys[m.id])) is not None:
                relink[iid].append(m)
                self.links.append((m.id, self.keys[m.id], iid))
                self.report.relinked += 1
            elif (why := _vagueness(m.mention)) is not None:
                self.notes.append((m.id, why))
            else:
                to_match.append(m)
        to_match = _one_pin_per_strike(to_match, self.notes, self.s,
                                       settled=[m for ms in relink.values() for m in ms])
        self.follow = _summaries(to_match + [m for ms in relink.values() for m in ms], self.s)
        self.placed = {m.id: iid for iid, ms in relink.items() for m in ms}
        self.load(relink)
        for iid, ms in relink.items():
            if iid in self.working:
                for m in ms:
                    self.working[iid].add(m, self.s)
                self.touched.add(iid)
        # summaries after the strikes they sum up, the coarsest last (a region's may be a
        # province's)
        # of each day, reports naming a site first: a report that names none then meets every
        # strike of its street, not only the first, and stands apart rather than joining one
        strikes = sorted((m for m in to_match if m.id not in self.follow),
                         key=lambda m: (m.mention.date, -len(_site(m.mention) or ())))
        return strikes + sorted(
            (m for m in to_match if m.id in self.follow),
            key=lambda m: FINENESS.get(m.mention.place.precision, 9))

    def load(self, ids: Iterable[str]) -> None:
        ids = [i for i in ids if i not in self.working]
        if not ids:
            return
        members: dict[str, list[StoredMention]] = defaultdict(list)
        for sm in self.store.stored_mentions(incident_ids=ids):
            members[sm.incident_id].append(sm)
        for inc in self.store.incidents(ids=ids):
            w = _Working(inc, members[inc.id], new=inc.id in self.run.created,
                         maybe=set(_maybe_of(inc)))
            for m in w.members:
                w.index(m, self.s)
            self.working[inc.id] = w

    def open_buckets(self, to_match: Sequence[StoredMention]) -> None:
        """Load the stored incidents of the countries and days the batch reaches: dated
        within them, or an incident of a week or a month that overlaps them."""
        widen = {"week": self.s.week_half_width_days, "month": 31}
        by_country: dict[str, list[StoredMention]] = defaultdict(list)
        for m in to_match:
            by_country[m.mention.place.country].append(m)
        for country, ms in by_country.items():
            for lo, hi in _reach(ms, self.s):
                self.load(self.store.incident_ids_reaching(country, lo, hi, widen=widen))
        for w in self.working.values():
            self.buckets.put(w)

    def candidates(self, m: StoredMention) -> list[str]:
        """The incidents ``m`` fits best (ties all given); refusals of close ones noted."""
        lead = self.placed.get(self.follow[m.id].id) if m.id in self.follow else None
        if lead in self.working:  # a story's summary goes with a strike it sums up
            return [lead]
        scored, refused = [], []
        traits = _Traits.of(m.mention)
        for iid in self.buckets.near(m.mention, traits.locality):
            score, why = _score(m, traits, self.working[iid], self.s)
            if score is not None:
                scored.append((score, iid))
            elif why is not None:
                refused.append((iid, why))
        if refused:
            iid, why = min(refused)
            self.refusals[m.id] = f"kept apart from {iid}: {why}"
        scored.sort()
        return [iid for sc, iid in scored if sc == scored[0][0]]

    def assign(self, m: StoredMention) -> None:
        """Put ``m`` into the incident it fits, or a new one (see ``_maybe_reason`` for
        reports that fit several equally)."""
        tied = self.candidates(m)
        # One that fits one incident and one standing apart is that incident's: the incident
        # standing apart is no strike of its own, only reports that could not be told.
        determined = [i for i in tied if not self.working[i].maybe]
        ambiguous = len(determined) > 1
        apart = [i for i in tied if self.working[i].maybe] if ambiguous or not determined else []
        if tied and (not ambiguous or apart):
            iid = min(apart or determined, key=lambda i: (-len(self.working[i].members), i))
            w = self.working[iid]
            if not w.new:
                self.report.attached += 1
        else:
            iid = incident_id_for(m.mention, self.keys[m.id])
            w = self.working.setdefault(iid, _Working(
                Incident(id=iid, date=None, date_precision=None, attacker=None, place=None),
                [], new=True))
            if w.new and iid not in self.run.created:
                self.run.created.add(iid)
                self.report.created.append(iid)
        if ambiguous:
            w.maybe |= set(tied) - {iid}
            self.report.apart.append((m.id, iid))
        self.buckets.put(w, remove=True)
        w.add(m, self.s)
        w.incident = w.keys.incident(w.incident)
        self.buckets.put(w)
        self.links.append((m.id, self.keys[m.id], iid))
        self.placed[m.id] = iid
        self.touched.add(iid)

    def save(self) -> list[str]:
        """Compute every touched incident once, in full, and write the batch; the ids of
        the incidents computed."""
        self.load(self.touched)
        known = _existing(self.store, {i for iid in self.touched if iid in self.working
                                       for i in self.working[iid].maybe}, also=self.working)
        updated = []
        for iid in sorted(self.touched):
            w = self.working.get(iid)
            if w is None or not w.members:
                continue
            w.maybe &= known
            w.incident = compute_incident(iid, w.members, previous=w.incident, settings=self.s,
                                          maybe=sorted(w.maybe))
            updated.append(w.incident)
            if not w.new and iid not in self.run.updated:
                self.run.updated.add(iid)
                self.report.updated.append(iid)
        self.report.set_aside += self.notes
        self.report.refused += sorted(self.refusals.items())
        self.store.save_fusion(incidents=updated, links=self.links,
                               notes=self.notes + sorted(self.refusals.items()))
        return [inc.id for inc in updated]


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
                        s: FuseSettings, settled: Sequence[StoredMention] = ()
                        ) -> list[StoredMention]:
    """One sentence naming a town and the province around it ("Atareb, in the west of Aleppo
    province") reports one strike, at the town: the coarser place and exact repeats are set
    aside, so that an article does not pin every place it names. Two names that merely share
    a point (neighbourhoods placed at their city) are two strikes, not a repeat. ``settled``
    are mentions a re-extraction re-linked: they count as the sentence's places but stay
    where they are (without them, the province of "near Lyman, Donetsk Oblast" was set aside
    on the first run and, its town re-linked, attached to the town's incident on the next)."""
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

    Named sources count once across outlets, and the bodies of one state (its defence ministry,
    its president) are one voice; an unnamed report counts once per story. A source speaks
    with the attacker's own voice when the registry says it speaks for the attacker.
    """
    code = _attacker_code(m.mention, s)
    registry = load_registry()
    out = []
    for text in (m.mention.source or "").split(";"):
        named = registry.source_entry(text)
        if named is not None:
            voice = m.mention.claimed_by_attacker or registry.speaks_for(named, code)
            out.append(_Source(f"named:{registry.voice_key(named)}", named.name, voice))
        elif _norm(text):
            out.append(_Source(f"named:{_norm(text)}", text.strip(), m.mention.claimed_by_attacker))
    return out or [_Source(f"story:{m.story}", m.outlet or m.story,
                           m.mention.claimed_by_attacker)]


def _one_per_outlet(sources: dict[str, list[StoredMention]], info: dict[str, _Source]) -> None:
    """One outlet counts once, whatever its stories: the unnamed sources (``story:`` keys)
    whose outlet is the same are merged into the first, in place."""
    first: dict[str, str] = {}
    for key in list(sources):
        outlet = _norm(info[key].label) if key.startswith("story:") else ""
        if not outlet:
            continue
        if (kept := first.setdefault(outlet, key)) != key:
            sources[kept].extend(sources.pop(key))
            voice = info.pop(key).attacker_voice
            if voice and not info[kept].attacker_voice:
                info[kept] = replace(info[kept], attacker_voice=True)


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
    _one_per_outlet(sources, info)
    attackers, attacker = _incident_attacker(sources, info, s)
    targets, by_source_cats = _incident_targets(sources)

    by_story: dict[str, list[StoredMention]] = defaultdict(list)
    for m in members:  # a summary sums up its own story's reports: compared within a story
        by_story[m.story].append(m)
    summaries = {m.id for m in members if _summary_toll(m, by_story[m.story], s)}

    def toll(pick) -> Range:
        return _merge_counts([_per_source_count([m for m in ms if m.id not in summaries], pick)
                              for ms in sources.values()])

    day, precision = _choose_date(members)
    grade, reason = _grade(sources, info, attackers, by_source_cats, attacker, members, s)
    if maybe:
        grade, reason = _maybe_reason(grade, reason, maybe)
    inc = Incident(id=incident_id, date=day, date_precision=precision, attacker=attacker,
                   place=_choose_place(members), targets=targets,
                   fatalities=toll(lambda c: c.killed),
                   civilians=toll(lambda c: c.civilians_killed),
                   grade=grade, grade_reason=reason,
                   origin=previous.origin if previous else "text",
                   reviewed=dict(previous.reviewed) if previous else {},
                   event_type=incident_event_type(m.mention.event_type for m in members))
    return _keep_reviewed(inc, previous)


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


def _grade(sources, info, attackers, cats, attacker, members, s: FuseSettings
           ) -> tuple[str, str]:
    """The monitoring grade and its reason in words: contested when sources disagree on who
    struck or what was hit; confirmed on the attacker's own acknowledgement; fair on two
    sources independent of each other and of the attacker (alignment.yaml: the attacker's
    state media and its allies' do not count); weak otherwise."""
    tally = _tally_words(members)
    if (why := _contested(info, attackers, cats)) is not None:
        return "contested", f"Contested: {why}; {tally}."
    voices = sorted(info[k].label for k in sources if info[k].attacker_voice)
    others = sorted(info[k].label for k in sources if not info[k].attacker_voice)
    if voices and attacker is not None:
        extra = f", also reported by {', '.join(others)}" if others else ""
        return "confirmed", (f"Confirmed: the attacker acknowledged the strike "
                             f"({', '.join(voices)}){extra}; {tally}.")
    code = attacker.code if attacker else None
    aligned = [lb for lb in others if s.aligned_with(code, lb)]
    independent = [lb for lb in others if lb not in aligned]
    also = (f"; also reported by {', '.join(aligned)}, which speak for the attacker or its "
            f"allies" if aligned else "")
    if len(independent) >= 2:
        return "fair", (f"Fair: {len(independent)} independent sources "
                        f"({', '.join(independent)}){also}; {tally}.")
    if independent:
        single = "a single independent source" if aligned else "a single source"
        return "weak", f"Weak: {single} ({independent[0]}){also}; {tally}."
    return "weak", f"Weak: no independent source{also or f' ({others[0]})'}; {tally}."


def _tally_words(members: Sequence[StoredMention]) -> str:
    stories = {m.story for m in members}
    docs = {m.mention.doc_id for m in members}
    copies = len(docs) - len(stories)
    return (f"{len(members)} mention{'s' * (len(members) != 1)} in {len(docs)} "
            f"document{'s' * (len(docs) != 1)}"
            + (f" ({copies} syndicated cop{'ies' if copies != 1 else 'y'})" if copies else ""))


def _contested(info, attackers, cats) -> str | None:
    """Why the sources disagree on who struck or what was hit, or None."""
    if len(attackers) > 1:
        who = "; ".join(f"{code} according to {', '.join(sorted(srcs))}"
                        for code, srcs in sorted(attackers.items()))
        return f"sources disagree on who struck ({who})"
    classes = {k: _category_class(c) for k, c in cats.items() if _category_class(c)}
    keys = list(classes)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if not classes[a] & classes[b]:
                what = "; ".join(f"{info[k].label}: {', '.join(sorted(cats[k] - {'unknown'}))}"
                                 for k in (a, b))
                return f"sources disagree on what was hit ({what})"
    return None


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
        "sources": list(dict.fromkeys(labels.values())),  # one outlet once, as graded
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
