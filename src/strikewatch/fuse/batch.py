"""One window of a fusion run: re-link, set aside, match and assign, then compute
and write the incidents it touched."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..models import Incident, StoredMention, StrikeMention
from ..store import Store, mention_key
from .candidates import _Buckets, _reach
from .grading import _maybe_of
from .blame import claims_of_incidents
from .incident import compute_incident
from .relations import _site
from .scoring import _Traits, _one_pin_per_strike, _score, _summaries, _vagueness
from .settings import FINENESS, FuseSettings
from .summary import _Working


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
    # mentions kept apart from a close incident: a count, each one's reason being in its
    # fuse_note (a list of every reason grew by ~250 bytes a mention: 25 MB per 100,000)
    refused: int = 0

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
            lines.append(f"  {self.refused} mentions kept apart from an incident of the "
                         f"same day, attacker and place that another site, sub-place or toll "
                         f"tells apart (the reason is kept with each mention)")
        reasons = Counter(why.split(":")[0] for _, why in self.set_aside)
        lines += [f"  set aside: {n} {why}" for why, n in reasons.most_common()]
        return "\n".join(lines)


def incident_id_for(m: StrikeMention, key: str | None = None) -> str:
    """Stable across re-runs: the same first report of a strike gives the same id (``key``:
    its link key, when several mentions share ``mention_key``; see ``_link_keys``)."""
    return "inc-" + hashlib.sha1((key or mention_key(m)).encode()).hexdigest()[:16]


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
        claims = claims_of_incidents(self.store, {iid: self.working[iid].members
                                                  for iid in self.touched if iid in self.working})
        for iid in sorted(self.touched):
            w = self.working.get(iid)
            if w is None or not w.members:
                continue
            w.maybe &= known
            w.incident = compute_incident(iid, w.members, previous=w.incident, settings=self.s,
                                          maybe=sorted(w.maybe), claims=claims.get(iid, ()))
            updated.append(w.incident)
            if not w.new and iid not in self.run.updated:
                self.run.updated.add(iid)
                self.report.updated.append(iid)
        self.report.set_aside += self.notes
        self.report.refused += len(self.refusals)
        self.store.save_fusion(incidents=updated, links=self.links,
                               notes=self.notes + sorted(self.refusals.items()))
        return [inc.id for inc in updated]


def _existing(store: Store, ids: set[str], also: Iterable[str] = ()) -> set[str]:
    """Those of ``ids`` that are still incidents (an analyst may have merged one away)."""
    known = ids & set(also)
    rest = ids - known
    return known | ({i.id for i in store.incidents(ids=sorted(rest))} if rest else set())
