"""Grades in words: contested, confirmed, fair, weak, and the incidents a report
may duplicate."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Incident, StoredMention
from .blame import Blame
from .settings import FuseSettings, NONCOMBATANT


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


def _category_class(categories: set[str]) -> set[str]:
    """Civilians and a market are one answer to 'what was hit'; IS and the FSA are two."""
    return {"noncombatant" if c in NONCOMBATANT else c for c in categories if c != "unknown"}


def _grade(sources, info, attackers, cats, attacker, members, s: FuseSettings,
           blame: Blame | None = None) -> tuple[str, str]:
    """The monitoring grade and its reason in words: contested when sources disagree on who
    struck (in their strike reports or their claims: "X blamed Y") or what was hit; confirmed
    on the attacker's own acknowledgement; fair on two sources independent of each other and
    of the attacker (alignment.yaml: the attacker's state media and its allies' do not
    count); weak otherwise. A denial of the strike is named in the reason."""
    blame = blame or Blame()
    tally = _denial_words(blame, attacker) + _tally_words(members)
    claimed = {c: attackers.get(c, set()) | blame.attackers.get(c, set())
               for c in {*attackers, *blame.attackers}}
    if (why := _contested(info, claimed, cats)) is not None:
        return "contested", f"Contested: {why}; {tally}."
    voices = sorted(info[k].label for k in sources if info[k].attacker_voice)
    others = sorted(info[k].label for k in sources if not info[k].attacker_voice)
    if attacker is not None:  # the attacker's own word in a claim on the strike's story
        voices = sorted({*voices, *blame.owned.get(attacker.code, ())})
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


def _denial_words(blame: Blame, attacker) -> str:
    """The denials of the incident's attacker (of anyone's, when none is known), to be set
    against the reports of the strike."""
    code = attacker.code if attacker is not None else None
    said = [f"{who} denied by {', '.join(sorted(voices))}"
            for who, voices in sorted(blame.denials.items()) if code in (None, who)]
    return "".join(f"the strike by {words}; " for words in said)


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
