"""The morning briefing: what an analyst reads at 8 am and forwards.

``build_brief`` gathers one period's incidents (and the previous period's, and the last weeks'
for the day-by-day chart) from the store, then ``summarise`` turns plain incident dicts of the
export shape (docs/formats.md) into a ``Brief``; the renderers only lay that out. Keeping the
arithmetic over plain dicts means the same briefing can be made from an export file, and that
the tests can check figures without a database.

The HTML form is one file with its map and charts drawn as inline SVG over the Natural Earth
boundaries shipped in ``data/boundaries`` (no tile server, no script, no network), so it can
be mailed and opened anywhere; the PDF is that page printed by headless Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import shutil
import subprocess
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from urllib.parse import quote, urlsplit

from .errors import BriefError, NothingToBrief
from .fuse import clip
from .models import EVENT_TYPES, GRADES
from .store import IncidentFilter, IncidentRow, Store

FORMATS = ("terminal", "markdown", "html", "pdf")
GRADE_ORDER = ("contested", "confirmed", "fair", "weak", "discounted")  # "contested first"
GRADE_COLOURS = {"confirmed": "#1b7837", "fair": "#5aae61", "weak": "#e08214",
                 "contested": "#b2182b", "discounted": "#8c8c8c"}
BOUNDARIES = Path(__file__).with_name("data") / "boundaries"
EVENT_TYPE_LABELS = {"air": "air/drone strikes", "shelling": "shelling/artillery/missile attacks",
                     "unknown": "delivery not reported"}
CHROMIUM = ("/usr/bin/chromium", "chromium", "chromium-browser")


@dataclass(frozen=True, slots=True)
class BriefOptions:
    """``end`` is the last day briefed (default: the latest dated incident); the period is the
    ``days`` days ending there, compared with the ``days`` before it. The chart covers at
    least ``chart_days`` (four weeks: enough to see a week's change against a trend)."""

    end: date | None = None
    days: int = 7
    country: str | None = None
    attacker: str | None = None
    chart_days: int = 28
    top: int = 12  # rows per table in the terminal and markdown forms
    listed: int = 40  # incidents listed under "who says so"


# -- the briefing's figures ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tally:
    """A sum of ranges: ``max`` is None when any incident's figure is open-ended."""

    min: int = 0
    max: int | None = 0
    unknown: int = 0  # incidents that give no figure

    def text(self) -> str:
        if self.unknown and self.min == 0 and self.max == 0:
            return "no figure"
        if self.max is None:
            return f"at least {self.min}" if self.min else "unknown"
        return str(self.min) if self.min == self.max else f"{self.min}–{self.max}"


@dataclass(frozen=True, slots=True)
class Region:
    country: str | None
    name: str
    incidents: int
    previous: int
    fatalities: Tally

    @property
    def change(self) -> int:
        return self.incidents - self.previous


@dataclass(frozen=True, slots=True)
class TargetRow:
    attacker: str
    category: str
    names: tuple[str, ...]
    reported: int  # incidents an independent (or coded) source says hit the category
    claimed: int  # incidents whose only source is the attacker saying it hit the category


@dataclass(frozen=True, slots=True)
class Share:
    """The "one in 20" question for one attacker: what it says it hits, and how often the
    independent reports of its strikes agree, with how many incidents back the figure."""

    attacker: str
    stated: str | None  # category the attacker says it targets
    stated_names: tuple[str, ...]
    hit: int
    of: int
    statistics: tuple[tuple[str, str, str], ...]  # (speaker, figures, sentence)

    @property
    def share(self) -> float | None:
        return self.hit / self.of if self.of else None


@dataclass(frozen=True, slots=True)
class ClaimLine:
    speaker: str
    org: str | None
    role: str | None
    kind: str
    about: str | None
    numbers: str
    sentence: str
    url: str | None
    outlet: str | None


@dataclass(slots=True)
class Brief:
    start: date
    end: date
    previous_start: date
    previous_end: date
    filters: dict
    incidents: list[dict]
    grades: Counter
    previous_incidents: int
    fatalities: Tally
    civilians: Tally
    regions: list[Region]
    targets: list[TargetRow]
    shares: list[Share]
    sources: Counter
    claims: list[ClaimLine]
    daily: list[tuple[date, Counter]]
    chart_unit: str  # day | week
    undated: int = 0
    attributions: list[str] = field(default_factory=list)
    # (event type, incidents, killed) of the period, in EVENT_TYPES order, types with none left out
    event_types: list[tuple[str, int, Tally]] = field(default_factory=list)
    # whose ground the attackers' strikes fell on, beside the claims (ground.tally); empty
    # when no control map is loaded
    ground: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        scope = " ".join(x for x in (self.filters.get("attacker") and
                                     f"strikes by {self.filters['attacker']}",
                                     self.filters.get("country") and
                                     f"in {self.filters['country']}") if x) or "Strikes"
        span = (self.start.isoformat() if self.start == self.end
                else f"{self.start.isoformat()} to {self.end.isoformat()}")
        return f"{scope[0].upper()}{scope[1:]}, {span}"


def tally(ranges: Iterable[tuple[int | None, int | None]]) -> Tally:
    """Add up (min, max) ranges: a missing max with a known min is open-ended ("at least")."""
    lo, hi, unknown = 0, 0, 0
    for a, b in ranges:
        if a is None and b is None:
            unknown += 1
            continue
        lo += a if a is not None else 0
        hi = None if hi is None or b is None else hi + b
    return Tally(lo, hi, unknown)


def _attacker_label(inc: dict) -> str:
    a = inc.get("attacker") or {}
    return a.get("country") or a.get("name") or "unknown"


def _region_key(inc: dict) -> tuple[str | None, str]:
    loc = inc.get("location") or {}
    return loc.get("country"), loc.get("admin1") or (loc.get("name") if loc.get(
        "precision") in ("admin1", "region", "country") else None) or "(region unknown)"


def _day(inc: dict) -> date | None:
    d = inc.get("date")
    return date.fromisoformat(d) if isinstance(d, str) else d


def _claimed_only(inc: dict) -> bool:
    ms = inc.get("mentions") or ()
    return bool(ms) and all(m.get("claimed_by_attacker") for m in ms)


def summarise(incidents: Sequence[dict], *, start: date, end: date, days: int,
              claims: Sequence[ClaimLine] = (), shares: Sequence[Share] = (),
              chart_days: int = 28, filters: dict | None = None, undated: int = 0,
              attributions: Sequence[str] = ()) -> Brief:
    """The briefing's figures from plain incident dicts (the export shape) of the period, the
    previous period and the chart window; incidents outside all three are ignored."""
    prev_start, prev_end = start - timedelta(days=days), start - timedelta(days=1)
    dated = [(d, inc) for inc in incidents if (d := _day(inc)) is not None]
    current = [inc for d, inc in dated if start <= d <= end]
    previous = [inc for d, inc in dated if prev_start <= d <= prev_end]
    unit, daily = _chart(dated, end, max(chart_days, days))
    tolled = _without_echoes(current)
    return Brief(
        start=start, end=end, previous_start=prev_start, previous_end=prev_end,
        filters=dict(filters or {}), incidents=current,
        grades=Counter(inc.get("grade") or "weak" for inc in current),
        previous_incidents=len(previous),
        fatalities=tally(_fatality_range(i) for i in tolled),
        civilians=tally(((i.get("fatalities") or {}).get("civilians_min"),
                         (i.get("fatalities") or {}).get("civilians_max")) for i in tolled),
        regions=_regions(current, previous, tolled), targets=_target_rows(current),
        shares=list(shares), sources=_sources(current), claims=list(claims), daily=daily,
        chart_unit=unit, undated=undated, attributions=list(attributions),
        event_types=_by_event_type(current, tolled))


def _without_echoes(incidents: Sequence[dict]) -> list[dict]:
    """The incidents whose toll is counted: not one whose toll another's tells again.
    "Russian and Syrian government jets struck Idlib, killing 25" is one strike that fusion
    keeps as an incident per attacker; its 25 dead are counted once. An echo has the same
    day, place and toll, told by the same sentences of the same documents."""
    seen, out = set(), []
    for inc in sorted(incidents, key=lambda i: i["id"]):
        told = frozenset((m.get("doc_id"), m.get("sentence")) for m in inc.get("mentions") or ())
        loc = inc.get("location") or {}
        key = (inc.get("date"), loc.get("country"), loc.get("name"), _fatality_range(inc), told)
        if told and _fatality_range(inc) != (None, None) and key in seen:
            continue
        seen.add(key)
        out.append(inc)
    return out


def _regions(current: Sequence[dict], previous: Sequence[dict],
             tolled: Sequence[dict]) -> list[Region]:
    """Each province's incidents and toll this period against its count the period before;
    a province quiet now but struck before is listed too (a lull is news)."""
    now_by, before_by = defaultdict(list), Counter()
    for inc in current:
        now_by[_region_key(inc)].append(inc)
    for inc in previous:
        before_by[_region_key(inc)] += 1
    counted = {i["id"] for i in tolled}
    regions = [Region(c, n, len(incs), before_by.get((c, n), 0),
                      tally(_fatality_range(i) for i in incs if i["id"] in counted))
               for (c, n), incs in now_by.items()]
    regions += [Region(c, n, 0, k, Tally()) for (c, n), k in before_by.items()
                if (c, n) not in now_by]
    return sorted(regions, key=lambda r: (-r.incidents, -r.previous, r.name))


def _target_rows(current: Sequence[dict]) -> list[TargetRow]:
    """Whom each attacker hit, by target category, counting apart the incidents only the
    attacker's own claims support; an incident counts once per (attacker, category)."""
    rows: dict[tuple[str, str], dict] = defaultdict(lambda: {"names": Counter(), "reported": 0,
                                                             "claimed": 0})
    for inc in current:
        basis = "claimed" if _claimed_only(inc) else "reported"
        seen = set()
        for t in inc.get("targets") or [{"category": "unknown", "name": None}]:
            key = (_attacker_label(inc), t.get("category") or "unknown")
            if t.get("name"):
                rows[key]["names"][t["name"]] += 1
            if key not in seen:
                rows[key][basis] += 1
                seen.add(key)
    targets = [TargetRow(a, c, tuple(_words(n) for n, _ in v["names"].most_common(5)),
                         v["reported"], v["claimed"])
               for (a, c), v in rows.items()]
    return sorted(targets, key=lambda r: (r.attacker, -(r.reported + r.claimed), r.category))


def _sources(current: Sequence[dict]) -> Counter:
    """Who says so: the incidents each named source reports (a mention may name several,
    "X; Y"); an imported incident without mentions counts under its dataset."""
    sources: Counter = Counter()
    for inc in current:
        named = {_words(part) for m in inc.get("mentions") or ()
                 for part in (m.get("source") or m.get("outlet") or "").split(";")}
        for s in sorted(named - {""}):  # sorted: ties keep one order from run to run
            sources[s] += 1
        if not inc.get("mentions") and inc.get("origin"):
            sources[inc.get("source_name") or inc["origin"]] += 1
    return sources


def _chart(dated: Sequence[tuple[date, dict]], end: date, span: int
           ) -> tuple[str, list[tuple[date, Counter]]]:
    """Incidents by grade per day over the ``span`` days up to ``end`` (per week beyond 120
    days, where daily bars would be too thin to read)."""
    chart_start = end - timedelta(days=span - 1)
    unit = "day" if span <= 120 else "week"
    step = 1 if unit == "day" else 7
    buckets: dict[date, Counter] = {chart_start + timedelta(days=i): Counter()
                                    for i in range(0, span, step)}
    for d, inc in dated:
        if chart_start <= d <= end:
            buckets[chart_start + timedelta(days=(d - chart_start).days // step * step)][
                inc.get("grade") or "weak"] += 1
    return unit, sorted(buckets.items())


def _by_event_type(incidents: Sequence[dict], tolled: Sequence[dict]) -> list[tuple[str, int, Tally]]:
    """Air strikes and shelling counted apart: they are different weapons, often of different
    forces, and a reader weighing a week's violence asks which it was."""
    by_type: dict[str, list[dict]] = defaultdict(list)
    for inc in incidents:
        by_type[inc.get("event_type") or "unknown"].append(inc)
    counted = {i["id"] for i in tolled}
    return [(kind, len(by_type[kind]),
             tally(_fatality_range(i) for i in by_type[kind] if i["id"] in counted))
            for kind in EVENT_TYPES if by_type.get(kind)]


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def _fatality_range(inc: dict) -> tuple[int | None, int | None]:
    f = inc.get("fatalities") or {}
    return f.get("min"), f.get("max")


def listed_incidents(brief: Brief, limit: int) -> list[dict]:
    """Contested incidents first, then by grade, then the best-reported and deadliest."""
    order = {g: i for i, g in enumerate(GRADE_ORDER)}
    return sorted(brief.incidents, key=lambda i: (
        order.get(i.get("grade") or "weak", 9), -len(i.get("mentions") or ()),
        -((i.get("fatalities") or {}).get("min") or 0), i.get("date") or "", i["id"]))[:limit]


# -- gathering from the store ---------------------------------------------------------------------


def _claims(store: Store, start: date, end: date, doc_ids: set[str],
            attacker: str | None) -> list[ClaimLine]:
    """Claims published in the period, and those of the documents behind its incidents
    (an article of 2 October reporting strikes of 30 September), in publication order.

    The documents of the period by their publication-day index, then the claims of those
    and of the incidents' documents by their document index, a few hundred at a time: one
    query joining them by OR read both tables whole on PostgreSQL (tests/test_pg_plans.py)."""
    from sqlalchemy import or_, select

    from .store import IN_CHUNK, ClaimRow, DocumentRow

    query = (select(ClaimRow, DocumentRow.url, DocumentRow.source, DocumentRow.published)
             .join(DocumentRow, DocumentRow.id == ClaimRow.doc_id))
    if attacker:
        query = query.where(or_(ClaimRow.about == attacker, ClaimRow.about.is_(None)))
    found = {}
    with store.sessions() as s:
        published = s.scalars(select(DocumentRow.id)
                              .where(DocumentRow.published.between(start, end)))
        wanted = sorted(doc_ids.union(published))
        for i in range(0, len(wanted), IN_CHUNK):
            found.update((row[0].id, row) for row in s.execute(
                query.where(ClaimRow.doc_id.in_(wanted[i:i + IN_CHUNK]))))
    ordered = sorted(found.values(), key=lambda row: (
        row.published is None, row.published or date.min, row[0].doc_id, row[0].start))
    return [ClaimLine(c.speaker, c.org, c.role, c.kind, c.about,
                      ", ".join(f"{k} {v:g}" for k, v in c.numbers or ()), c.sentence,
                      url, outlet)
            for c, url, outlet, _ in ordered]


def _shares(store: Store, attackers: Iterable[str], start: date, end: date) -> list[Share]:
    from .fuse import claims_vs_reports

    out = []
    for attacker in sorted(attackers):
        report = claims_vs_reports(store, attacker=attacker, start=start, end=end)
        stated = report.claimed[0] if report.claimed else None
        hit, of = report.share_reported(stated.category) if stated else (0, 0)
        stats = tuple((s.speaker + (f" ({s.org})" if s.org else ""),
                       ", ".join(f"{k} {v:g}" for k, v in s.numbers), s.sentence)
                      for s in report.statistics)
        if stated or stats:
            out.append(Share(attacker, stated.category if stated else None,
                             tuple(_words(n) for n in stated.names) if stated else (), hit, of,
                             stats))
    return out


def build_brief(store: Store, options: BriefOptions | None = None) -> Brief:
    """The briefing for one period, from the store."""
    from .fuse import incident_records
    from .imports import attribution

    o = options or BriefOptions()
    if o.days < 1:
        raise BriefError(f"--days must be at least 1, not {o.days}")
    chosen = IncidentFilter(country=o.country, attacker=o.attacker)
    end = o.end or store.latest_incident_date(chosen)
    if end is None:
        raise NothingToBrief("no dated incident in the database"
                         + (" for these filters" if o.country or o.attacker else "")
                         + ": run `strikewatch run` or `strikewatch import` first")
    try:  # the period, the one before it and the chart's weeks all lie after year 1
        start = end - timedelta(days=o.days - 1)
        first = min(start - timedelta(days=o.days),
                    end - timedelta(days=max(o.chart_days, o.days) - 1))
    except OverflowError:
        raise BriefError(f"a briefing ending {end} would reach back before year 1: "
                         "choose a later --date") from None
    incidents = incident_records(store, country=o.country, attacker=o.attacker, start=first,
                                 end=end)
    for inc in incidents:
        if inc["origin"] != "text":
            inc["source_name"] = {"acled": "ACLED",
                                  "yemen-data-project": "Yemen Data Project"}.get(
                inc["origin"], inc["origin"])
    in_period = [i for i in incidents if (d := _day(i)) and start <= d <= end]
    doc_ids = {m["doc_id"] for i in in_period for m in i.get("mentions") or ()}
    attackers = {(i.get("attacker") or {}).get("country") for i in in_period if
                 i["origin"] == "text"} - {None}
    brief = summarise(
        incidents, start=start, end=end, days=o.days,
        claims=_claims(store, start, end, doc_ids, o.attacker),
        shares=_shares(store, attackers, start, end), chart_days=o.chart_days,
        filters={"country": o.country, "attacker": o.attacker},
        undated=store.count_incidents(chosen, undated=True),
        attributions=sorted({a for i in in_period if (a := attribution(i["origin"]))}))
    brief.ground = _ground_lines(store, in_period, attackers, start, end)
    return brief


def _ground_lines(store: Store, incidents: list[dict], attackers: set[str], start: date,
                  end: date) -> list[str]:
    """The ground section (``ground.tally``): none without a control map, and then the
    geometry it would load (shapely, numpy: ~0.15 CPU s of a cold brief) stays unloaded."""
    if not store.has_control_maps():
        return []
    from .ground.tally import ground_lines

    return ground_lines(store, incidents, sorted(attackers), start, end)


def period_of_documents(store: Store, doc_ids: Sequence[str]) -> tuple[date, date] | None:
    """The days the strikes of these documents fell on (for ``run``'s closing briefing),
    or their publication days when none of their strikes is dated."""
    from sqlalchemy import func, select

    from .store import DocumentRow, StrikeRow

    ids = list(doc_ids)
    with store.sessions() as s:
        lo, hi = s.execute(select(func.min(IncidentRow.date), func.max(IncidentRow.date))
                           .join(StrikeRow, StrikeRow.incident_id == IncidentRow.id)
                           .where(StrikeRow.doc_id.in_(ids))).one()
        if lo is None:
            lo, hi = s.execute(select(func.min(DocumentRow.published),
                                      func.max(DocumentRow.published))
                               .where(DocumentRow.id.in_(ids))).one()
    return (lo, hi) if lo is not None else None


# -- terminal and markdown --------------------------------------------------------------------------


def _change(n: int) -> str:
    return f"+{n}" if n > 0 else str(n) if n < 0 else "±0"


def _grades_text(grades: Counter) -> str:
    return ", ".join(f"{grades[g]} {g}" for g in GRADES if grades.get(g)) or "none"


def _headline(b: Brief) -> list[str]:
    lines = [f"{len(b.incidents)} incidents ({_change(len(b.incidents) - b.previous_incidents)} "
             f"on the previous {(b.end - b.start).days + 1} days): {_grades_text(b.grades)}",
             f"killed: {b.fatalities.text()}"
             + (f" (no figure for {b.fatalities.unknown})" if b.fatalities.unknown else ""),
             f"civilians killed: {b.civilians.text()}"
             + (f" (no figure for {b.civilians.unknown})" if b.civilians.unknown else "")]
    if b.event_types:
        lines.append("by type: " + "; ".join(
            f"{EVENT_TYPE_LABELS[kind]} {n}"
            + (f" (killed {killed.text()})" if killed.unknown < n else "")
            for kind, n, killed in b.event_types))
    if b.undated:
        lines.append(f"{b.undated} incidents with no date are in no briefing until dated")
    return lines


def _share_lines(b: Brief) -> list[str]:
    out = []
    for s in b.shares:
        if s.stated:
            names = f" ({', '.join(s.stated_names[:3])})" if s.stated_names else ""
            if s.of:
                out.append(f"{s.attacker} says it targets {s.stated}{names}; independent reports: "
                           f"{s.hit} of {s.of} incidents with a named target hit {s.stated} "
                           f"({s.share:.0%}; {s.of} incidents back this figure)")
            else:
                out.append(f"{s.attacker} says it targets {s.stated}{names}; no independent "
                           "report of the period names what its strikes hit")
        for speaker, figures, sentence in s.statistics:
            out.append(f"{speaker} on {s.attacker}: {figures or 'no number parsed'}: "
                       f"\u201c{clip(sentence, 200)}\u201d")
    return out + b.ground


def _place(inc: dict) -> str:
    loc = inc.get("location") or {}
    name, admin1 = loc.get("name"), loc.get("admin1")
    return ", ".join(x for x in (name, admin1 if admin1 != name else None, loc.get("country"))
                     if x) or "(unplaced)"


def _fatal(inc: dict) -> str:
    f = inc.get("fatalities") or {}
    t = tally([(f.get("min"), f.get("max"))])
    c = tally([(f.get("civilians_min"), f.get("civilians_max"))])
    out = "" if t.unknown else t.text()
    if not c.unknown:
        out += f" ({c.text()} civilians)"
    return out.strip() or "–"


def render_terminal(b: Brief, console=None, *, top: int = 12, listed: int = 15) -> None:
    from rich.console import Console

    console = console or Console()
    console.rule(f"[bold]{b.title}")
    for line in _headline(b):
        console.print(line, highlight=False)
    console.print(_where_table(b, top))
    if len(b.regions) > top:
        console.print(f"… and {len(b.regions) - top} more regions")
    console.print(_whom_table(b, top))
    for line in _share_lines(b):
        console.print(line, highlight=False)
    console.print(_who_says_table(b, listed))
    if b.claims:
        console.print(_claims_table(b, top))
    console.print("Sources: " + ("; ".join(f"{s} ({n})" for s, n in b.sources.most_common(top))
                                 or "none"), highlight=False)
    for a in b.attributions:
        console.print(f"Data: {a}", highlight=False)


def _rich_table(title: str, columns: tuple[str, ...], right: tuple[str, ...] = ()):
    from rich.table import Table

    t = Table(title=title, title_justify="left")
    for col in columns:
        t.add_column(col, justify="right" if col in right else "left")
    return t


def _where_table(b: Brief, top: int):
    t = _rich_table("Where: incidents by first-level region",
               ("region", "country", "incidents", "change", "killed"), ("incidents", "change"))
    for r in b.regions[:top]:
        t.add_row(r.name, r.country or "", str(r.incidents), _change(r.change),
                  r.fatalities.text() if r.incidents else "")
    return t


def _whom_table(b: Brief, top: int):
    t = _rich_table("Whom: targets by attacker (reported vs the attacker's own claims)",
               ("attacker", "target", "named", "reported", "attacker claims"))
    for r in b.targets[:top * 2]:
        t.add_row(r.attacker, r.category, ", ".join(r.names[:3]), str(r.reported), str(r.claimed))
    return t


def _who_says_table(b: Brief, listed: int):
    t = _rich_table("Who says so: incidents, contested first",
               ("grade", "date", "place", "attacker", "killed", "sources"))
    for inc in listed_incidents(b, listed):
        t.add_row(inc.get("grade") or "", inc.get("date") or "", _place(inc),
                  _attacker_label(inc), _fatal(inc),
                  "; ".join(sorted({m.get("source") or m.get("outlet") or "?" for m in
                                    inc.get("mentions") or ()})) or inc.get("source_name", ""))
    return t


def _claims_table(b: Brief, top: int):
    t = _rich_table("Claims", ("speaker", "kind", "about", "figures", "sentence"))
    for c in b.claims[:top * 2]:
        t.add_row(c.speaker + (f" ({c.org})" if c.org and c.org != c.speaker else ""),
                  c.kind, c.about or "", c.numbers, clip(c.sentence, 120))
    return t


def render_markdown(b: Brief, *, top: int = 12, listed: int = 40) -> str:
    def table(head: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
        return (["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
                + ["| " + " | ".join(_md(v) for v in r) + " |" for r in rows] + [""])

    out = [f"# {_md(b.title)}", ""] + [f"- {_md(line)}" for line in _headline(b)] + [""]
    out += ["## Where", ""] + table(
        ("region", "country", "incidents", "change", "killed"),
        ((r.name, r.country or "", r.incidents, _change(r.change),
          r.fatalities.text() if r.incidents else "") for r in b.regions[:top]))
    out += ["## Whom", ""] + table(
        ("attacker", "target", "named", "reported", "attacker claims"),
        ((r.attacker, r.category, ", ".join(r.names[:3]), r.reported, r.claimed)
         for r in b.targets[:top * 2]))
    out += [f"- {_md(line)}" for line in _share_lines(b)] + [""]
    out += ["## Who says so", ""]
    for inc in listed_incidents(b, listed):
        what = (f"{inc.get('date')} {_place(inc)}, {_attacker_label(inc)}, killed {_fatal(inc)}"
                + (f" ({inc['source_name']})" if inc.get("source_name") else ""))
        out.append(f"- **{_md(inc.get('grade'))}** {_md(what)}")
        for m in inc.get("mentions") or ():
            link = _sentence_link(m.get("url"), m.get("sentence") or "")
            quote_ = _md(clip(m.get("sentence") or "", 160))
            out.append(f"  - {_md(m.get('source') or m.get('outlet') or '?')}: "
                       + (f"[\u201c{quote_}\u201d]({_md_url(link)})" if link
                          else f"\u201c{quote_}\u201d"))
    out.append("")
    if b.claims:
        out += ["### Claims", ""] + table(
            ("speaker", "kind", "about", "figures", "sentence"),
            ((c.speaker + (f" ({c.org})" if c.org and c.org != c.speaker else ""), c.kind,
              c.about or "", c.numbers, clip(c.sentence, 160)) for c in b.claims))
    out += ["## Day by day", ""] + table(
        (b.chart_unit, "incidents", "by grade"),
        ((d.isoformat(), sum(c.values()), _grades_text(c)) for d, c in b.daily if sum(c.values())))
    out += [f"Data: {_md(a)}" for a in b.attributions]
    return "\n".join(out) + "\n"


def web_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address, else None. An article's url (or its page's
    canonical link) is the publisher's word: a ``javascript:`` or ``data:`` one would run
    script in the reader's browser when clicked, so no other scheme ever becomes a link."""
    if not url or any(ord(ch) < 33 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def _sentence_link(url: str | None, sentence: str) -> str | None:
    """A link that opens the article scrolled to the sentence (a text fragment, which
    Chromium-based browsers and Safari follow; others open the article)."""
    url = web_url(url)
    if url is None:
        return None
    words = " ".join(sentence.split()[:8])
    return f"{url.split('#')[0]}#:~:text={quote(words, safe='')}" if words else url


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|"})


def _md(value: object) -> str:
    """Text from articles as Markdown that shows it as written: its brackets, angle brackets
    and emphasis marks cannot make a link, an autolink, raw HTML or a table cell."""
    return str(value).translate(_MARKDOWN_SPECIAL).replace("\n", " ")


def _md_url(url: str) -> str:
    """A link target that cannot close the Markdown link early (no space, quote, parenthesis
    or bracket left unencoded)."""
    return quote(url, safe="%:/?#@!$&*+,;=~-._")


# -- HTML with inline SVG -----------------------------------------------------------------------


@cache
def _boundaries(name: str) -> list[dict]:
    path = BOUNDARIES / name
    return json.loads(path.read_text(encoding="utf-8"))["features"] if path.exists() else []


def _bbox(features: Iterable[dict]) -> tuple[float, float, float, float] | None:
    xs, ys = [], []
    for f in features:
        for poly in f["geometry"]["coordinates"]:
            for x, y in poly[0]:
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def map_svg(incidents: Sequence[dict], *, width: int = 760) -> str:
    """Incidents over their countries' governorates; circle area grows with the fatalities,
    colour is the grade."""
    points = [(loc["lon"], loc["lat"], inc) for inc in incidents
              if (loc := inc.get("location") or {}).get("lat") is not None
              and loc.get("lon") is not None]
    countries = sorted({(inc.get("location") or {}).get("country") for _, _, inc in points} - {None})
    admin1 = [f for cc in countries for f in _boundaries(f"admin1-{cc}.geojson")]
    admin0 = _boundaries("admin0.geojson")
    frame = _bbox(admin1 or [f for f in admin0 if f["properties"]["iso2"] in countries])
    projected = _projection(points, frame, width)
    if projected is None:
        return '<p class="empty">No incident has coordinates in this period.</p>'
    xy, height = projected

    def path(f: dict) -> str:
        return "".join("M" + "L".join(xy(x, y) for x, y in ring) + "Z"
                       for poly in f["geometry"]["coordinates"] for ring in poly)

    parts = [f'<svg id="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="100%" role="img" aria-label="Map of the incidents">',
             f'<rect width="{width}" height="{height}" class="sea"/>']
    parts += [f'<path class="country" d="{path(f)}"><title>{html.escape(f["properties"]["name"])}'
              f'</title></path>' for f in admin0]
    parts += [f'<path class="admin1" d="{path(f)}"><title>{html.escape(f["properties"]["name"])}'
              f'</title></path>' for f in admin1]
    parts += _incident_circles(points, xy)
    parts.append("</svg>")
    return "".join(parts)


def _projection(points, frame, width: int):
    """Equirectangular over the points and the frame, x scaled by the cosine of the middle
    latitude so shapes look right at these latitudes: the point-to-"x,y" function and the
    height; None with nothing to show."""
    xs = [p[0] for p in points] + ([frame[0], frame[2]] if frame else [])
    ys = [p[1] for p in points] + ([frame[1], frame[3]] if frame else [])
    if not xs:
        return None
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    pad = max(x1 - x0, y1 - y0, 1.0) * 0.05
    x0, x1, y0, y1 = x0 - pad, x1 + pad, y0 - pad, y1 + pad
    k = math.cos(math.radians((y0 + y1) / 2))
    scale = width / ((x1 - x0) * k)

    def xy(lon: float, lat: float) -> str:
        return f"{(lon - x0) * k * scale:.1f},{(y1 - lat) * scale:.1f}"

    return xy, round((y1 - y0) * scale)


def _incident_radius(inc: dict) -> float:
    f = inc.get("fatalities") or {}
    n = f.get("max") if f.get("max") is not None else f.get("min") or 0
    return min(3.0 + 2.2 * math.sqrt(n), 22.0)


def _incident_circles(points, xy) -> list[str]:
    """The incidents as circles, the largest drawn first so that none hides a smaller one."""
    out = []
    for lon, lat, inc in sorted(points, key=lambda p: -_incident_radius(p[2])):
        grade = inc.get("grade") or "weak"
        x, y = xy(lon, lat).split(",")
        label = f"{inc.get('date')} {_place(inc)}: {grade}, killed {_fatal(inc)}"
        out.append(f'<circle class="incident" cx="{x}" cy="{y}" r="{_incident_radius(inc):.1f}" '
                   f'fill="{GRADE_COLOURS.get(grade, "#555")}" data-grade="{grade}">'
                   f'<title>{html.escape(label)}</title></circle>')
    return out


def chart_svg(b: Brief, *, width: int = 760, height: int = 180) -> str:
    """Incidents per day (per week over long periods), stacked by grade."""
    if not b.daily:
        return ""
    top = max((sum(c.values()) for _, c in b.daily), default=0) or 1
    left, bottom, inner_h = 34, 22, height - 30
    bar_w = (width - left) / len(b.daily)
    parts = [f'<svg id="daily-chart" xmlns="http://www.w3.org/2000/svg" '
             f'viewBox="0 0 {width} {height}" width="100%" role="img" '
             f'aria-label="Incidents per {b.chart_unit}">',
             f'<text x="{left - 4}" y="12" class="axis" text-anchor="end">{top}</text>',
             f'<text x="{left - 4}" y="{height - bottom}" class="axis" text-anchor="end">0</text>',
             f'<line x1="{left}" x2="{width}" y1="{height - bottom}" y2="{height - bottom}" '
             f'class="base"/>']
    label_every = max(1, round(len(b.daily) / 8))
    for i, (day, counts) in enumerate(b.daily):
        x = left + i * bar_w
        y = height - bottom
        for grade in GRADES:
            n = counts.get(grade, 0)
            if not n:
                continue
            h = n / top * inner_h
            y -= h
            in_period = b.start <= day <= b.end
            parts.append(f'<rect class="bar{" current" if in_period else ""}" x="{x + 0.5:.1f}" '
                         f'y="{y:.1f}" width="{max(bar_w - 1, 0.5):.1f}" height="{h:.1f}" '
                         f'fill="{GRADE_COLOURS[grade]}"><title>{day} ({b.chart_unit}): {n} '
                         f'{grade}</title></rect>')
        if i % label_every == 0:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - 6}" class="axis" '
                         f'text-anchor="middle">{day.strftime("%d %b")}</text>')
    parts.append("</svg>")
    return "".join(parts)


CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5em auto;
max-width:800px;color:#222;padding:0 1em}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;border-bottom:1px solid #ccc;
margin-top:1.6em}table{border-collapse:collapse;width:100%;margin:.5em 0}
td,th{border-bottom:1px solid #eee;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f4f4f4}td.n{text-align:right}.headline{font-size:1.1em}
.sea{fill:#eef4f8}.country{fill:#f7f7f2;stroke:#b9b9b0;stroke-width:.8}
.admin1{fill:#fbfbf6;stroke:#9a9a90;stroke-width:.6}.incident{fill-opacity:.7;stroke:#fff;
stroke-width:.5}.axis{font-size:10px;fill:#666}.base{stroke:#999}.bar{opacity:.55}
.bar.current{opacity:1}.legend span{display:inline-block;margin-right:1em}
.legend i{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px}
blockquote{margin:.2em 0 .4em 1em;color:#444}.grade{font-weight:600}
.small{color:#666;font-size:.9em}
""" + "".join(f".grade-{g}{{color:{c}}}.legend i.grade-{g}{{background:{c}}}"
              for g, c in GRADE_COLOURS.items()) + """
@media print{body{margin:0;max-width:none}h2{break-after:avoid}}
"""

# The briefing is a file that is mailed and opened anywhere, and the API serves it from the
# app's origin, where a reader's token lives: it runs no script at all, loads nothing, and its
# one style sheet is allowed by its hash (no inline style attribute either).
BRIEF_STYLE_HASH = "'sha256-%s'" % base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()
BRIEF_POLICY = (f"default-src 'none'; style-src {BRIEF_STYLE_HASH}; img-src data:; "
                "base-uri 'none'; form-action 'none'")


def render_html(b: Brief, *, listed: int = 40) -> str:
    """The briefing as one self-contained page (inline SVG map and chart, its own style
    sheet, no script): where, whom, who says so, day by day."""
    e = html.escape
    legend = "".join(f'<span><i class="grade-{g}"></i>{g}</span>' for g in GRADES)
    rows, targets = _region_rows_html(b), _target_rows_html(b)
    listed_html = "".join(_incident_item(inc) for inc in listed_incidents(b, listed))
    more = len(b.incidents) - min(listed, len(b.incidents))
    claims = "".join(_claim_row(c) for c in b.claims)
    sources = ", ".join(f"{e(s)} ({n})" for s, n in b.sources.most_common())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{BRIEF_POLICY}">
<title>{e(b.title)} — strikewatch briefing</title><style>{CSS}</style></head>
<body>
<h1>{e(b.title)}</h1>
<p class="small">strikewatch morning briefing; compared with {b.previous_start} to {b.previous_end}.</p>
<div class="headline">{"".join(f"<p>{e(line)}</p>" for line in _headline(b))}</div>
<h2>Where</h2>
<figure>{map_svg(b.incidents)}<figcaption class="legend">{legend}
<span class="small">circle area: people killed</span></figcaption></figure>
<table><tr><th>region</th><th>country</th><th>incidents</th><th>change</th><th>killed</th></tr>
{rows}</table>
<h2>Whom</h2>
<table><tr><th>attacker</th><th>target</th><th>named</th><th>reported</th>
<th>attacker's claims</th></tr>{targets}</table>
{"".join(f"<p>{e(line)}</p>" for line in _share_lines(b))}
<h2>Who says so</h2>
<p>Sources: {sources or "none"}</p>
<ol class="incidents">{listed_html}</ol>
{f'<p class="small">… and {more} more incidents (see the export).</p>' if more > 0 else ""}
{f"<h3>Claims</h3><table><tr><th>speaker</th><th>kind</th><th>about</th><th>figures</th><th>sentence</th></tr>{claims}</table>" if claims else ""}
<h2>Day by day</h2>
<figure>{chart_svg(b)}<figcaption class="small">incidents per {b.chart_unit}, by grade;
the briefed period in full colour</figcaption></figure>
<p class="small">{"<br>".join(f"Data: {e(a)}" for a in b.attributions)}
{"<br>" if b.attributions else ""}Boundaries: Natural Earth (public domain).</p>
</body></html>
"""


def _region_rows_html(b: Brief) -> str:
    e = html.escape
    return "".join(f"<tr><td>{e(r.name)}</td><td>{e(r.country or '')}</td>"
                   f'<td class="n">{r.incidents}</td><td class="n">{_change(r.change)}</td>'
                   f"<td>{e(r.fatalities.text()) if r.incidents else ''}</td></tr>"
                   for r in b.regions)


def _target_rows_html(b: Brief) -> str:
    e = html.escape
    return "".join(f"<tr><td>{e(r.attacker)}</td><td>{e(r.category)}</td>"
                   f"<td>{e(', '.join(r.names[:3]))}</td><td class='n'>{r.reported}</td>"
                   f"<td class='n'>{r.claimed}</td></tr>" for r in b.targets)


def _quoted_sentence(sentence: str, url: str | None) -> str:
    """A reporting sentence in quotes, linked to its place in the article where a link can
    point there (a text fragment)."""
    e = html.escape
    quoted = f"\u201c{e(clip(sentence, 240))}\u201d"
    link = _sentence_link(url, sentence)
    return f'<a href="{e(link)}">{quoted}</a>' if link else quoted


def _incident_item(inc: dict) -> str:
    """One listed incident: grade, date, place, attacker, toll, why that grade, and each
    mention's source with its sentence."""
    e = html.escape
    grade = inc.get("grade") or "weak"
    mentions = "".join(
        f"<blockquote>{e(m.get('source') or m.get('outlet') or '?')}: "
        + _quoted_sentence(m.get("sentence") or "", m.get("url"))
        + (" <em>(the attacker's own claim)</em>" if m.get("claimed_by_attacker") else "")
        + "</blockquote>" for m in inc.get("mentions") or ())
    return (
        f'<li id="incident-{e(inc["id"])}"><span class="grade grade-{e(grade)}">{e(grade)}'
        f'</span> {e(inc.get("date") or "")} '
        f"{e(_place(inc))}, {e(_attacker_label(inc))}, killed {e(_fatal(inc))}"
        + (f' <span class="small">({e(inc["source_name"])})</span>'
           if inc.get("source_name") else "")
        + (f'<div class="small">{e(inc.get("grade_reason") or "")}</div>' if inc.get(
            "grade_reason") and inc.get("mentions") else "") + mentions + "</li>")


def _claim_row(c: ClaimLine) -> str:
    """A claim: speaker (and organisation), kind, whom it is about, its figures, the sentence
    (linked, unquoted)."""
    e = html.escape
    link = _sentence_link(c.url, c.sentence)
    sentence = (f'<a href="{e(link)}">{e(clip(c.sentence, 240))}</a>' if link
                else e(clip(c.sentence, 240)))
    return (f"<tr><td>{e(c.speaker)}{e(f' ({c.org})' if c.org and c.org != c.speaker else '')}"
            f"</td><td>{e(c.kind)}</td><td>{e(c.about or '')}</td><td>{e(c.numbers)}</td>"
            f"<td>{sentence}</td></tr>")


def chromium() -> str | None:
    for name in CHROMIUM:
        found = shutil.which(name)
        if found:
            return found
    return None


def write_pdf(html_text: str, out: Path) -> None:
    """Print the HTML briefing with headless Chromium (Debian's ``chromium`` package)."""
    exe = chromium()
    if exe is None:
        raise BriefError("PDF needs Chromium: install it (apt-get install chromium, or "
                         "scripts/ensure-chromium.sh), or use --format html")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "briefing.html"
        page.write_text(html_text, encoding="utf-8")
        proc = subprocess.run(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer",
             f"--print-to-pdf={Path(out).resolve()}", page.as_uri()],
            capture_output=True, text=True, timeout=120, check=False)
    if proc.returncode != 0 or not Path(out).exists():
        raise BriefError(f"Chromium could not print the PDF: {proc.stderr.strip()[-300:]}")


def render(b: Brief, fmt: str, out: Path | None = None, *, options: BriefOptions | None = None,
           console=None) -> str | None:
    """Render the briefing; returns the text for markdown/html when ``out`` is None."""
    o = options or BriefOptions()
    if fmt not in FORMATS:
        raise BriefError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "terminal":
        if out is not None:
            from rich.console import Console

            with Path(out).open("w", encoding="utf-8") as fh:
                render_terminal(b, Console(file=fh, width=120), top=o.top)
        else:
            render_terminal(b, console, top=o.top)
        return None
    if fmt == "pdf":
        if out is None:
            raise BriefError("--format pdf needs --out FILE.pdf")
        write_pdf(render_html(b, listed=o.listed), Path(out))
        return None
    text = render_markdown(b, top=o.top, listed=o.listed) if fmt == "markdown" else render_html(
        b, listed=o.listed)
    if out is None:
        return text
    Path(out).write_text(text, encoding="utf-8")
    return None
