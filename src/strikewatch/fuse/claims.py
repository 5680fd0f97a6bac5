"""The claims-versus-reports query: what an attacker says it hits against what
independent sources report, and third parties' statistics."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ..models import TARGET_CATEGORIES
from ..store import IncidentFilter, Store
from .blame import voice_codes
from .records import clip, incidents_with_members
from .settings import FuseSettings
from .sources import _sources_of


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
    s = settings or FuseSettings.default()
    report = ClaimsReport(attacker=attacker, start=start, end=end)
    claimed, reported = _Tally(), _Tally()
    _tally_statements(store, report, claimed)
    _tally_incidents(store, report, claimed, reported, s)
    report.claimed, report.reported = claimed.result(), reported.result()
    return report


def _tally_statements(store: Store, report: ClaimsReport, claimed: _Tally) -> None:
    """The period's statements: the attacker's target claims and denials into ``claimed``,
    third parties' statistics into the report."""
    from ..lexicons import load_target_groups

    groups, attacker = load_target_groups(), report.attacker
    for claim, _published, _outlet in store.dated_claims(start=report.start, end=report.end):
        # the speaker decides whose voice it is; a claim whose subject extraction could not
        # tell is the attacker's when it speaks
        own = attacker in voice_codes(claim, None)
        if claim.about not in (attacker, None) or (claim.about is None and not own):
            continue
        if claim.kind == "statistic" and not own:
            report.statistics.append(Statistic(claim.speaker, claim.org, claim.numbers,
                                               claim.span.text, claim.doc_id))
        elif own and claim.kind in ("target", "denial"):
            for _, _, words, category in groups.find(claim.quote or claim.span.text):
                claimed.add(category, (claim.doc_id, claim.span.start),
                            name=" ".join(words.split()), place=None, source=claim.speaker,
                            sentence=claim.span.text)


def _tally_incidents(store: Store, report: ClaimsReport, claimed: _Tally, reported: _Tally,
                     s: FuseSettings) -> None:
    """The period's incidents, a page at a time: the targets of reports whose only source is
    the attacker into ``claimed``, the others' into ``reported``."""
    period = IncidentFilter(attacker=report.attacker, start=report.start, end=report.end)
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
