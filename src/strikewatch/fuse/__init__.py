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

The package: ``settings`` (what counts as the same strike), ``relations`` (how two
reports relate field by field), ``candidates`` (the incidents a report can reach),
``summary`` (an incident kept up to date while a batch is fused), ``scoring`` (the merge
decision), ``batch`` (one window), ``run`` (the windows read from and written to the store),
``incident``, ``sources`` and ``grading`` (what an incident says), ``records`` and ``claims``
(the read side).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what a type checker reads; at run time ``__getattr__`` loads them
    from .batch import FuseReport, incident_id_for
    from .claims import ClaimsReport, claims_vs_reports
    from .incident import compute_incident
    from .records import clip, incident_records, incidents_with_members, stream_incident_records
    from .relations import place_relation
    from .run import WINDOW_MENTIONS, fuse_pending, refresh_incidents, retry_set_aside
    from .settings import FuseSettings

# What each name is read from. The package loads a module when one of its names is first
# asked for (PEP 562): the brief, the exports and the API's read side read incidents and
# claims and need not load the merge machinery with them (``batch``, ``candidates``,
# ``incident``, ``scoring``, ``run`` and, through the event types, the lexicons module).
_HOMES = {
    "ClaimsReport": "claims",
    "FuseReport": "batch",
    "FuseSettings": "settings",
    "WINDOW_MENTIONS": "run",
    "claims_vs_reports": "claims",
    "clip": "records",
    "compute_incident": "incident",
    "fuse_pending": "run",
    "incident_id_for": "batch",
    "incident_records": "records",
    "incidents_with_members": "records",
    "place_relation": "relations",
    "refresh_incidents": "run",
    "retry_set_aside": "run",
    "stream_incident_records": "records",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_HOMES[name]}", __name__), name)
    globals()[name] = value  # asked once: later reads find it without this hook
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
