"""Who an incident's own reports say struck, beyond the strike sentences: the accusations,
attributions and denials extraction keeps as claims.

"The army blamed the RSF for the attack; the RSF said army aircraft had bombed the market"
is one strike report (no attacker) and two claims. Grading weighs who struck; the primer
makes an incident contested when belligerents give competing claims of responsibility, and
sets an attacker's denial against the reports of its strike. So the claims of the incident's
own documents, each tied to the strike it follows in its document, are read here."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..models import Actor, ClaimMention, StoredMention
from ..store import Store
from .settings import FuseSettings

# claims that can say who struck: "X blamed Y", "Y said X's aircraft bombed" (a statistic is
# about a campaign, not one strike); which of them count is ``_a_rival_s``'s
_ATTRIBUTING = ("accusation", "target", "casualties")


@dataclass(slots=True)
class Blame:
    """Who the claims say struck (code -> the voices saying so) and who denies it."""

    attackers: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    denials: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    owned: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # code -> voices

    def sole_owner(self) -> Actor | None:
        """The one side whose own voice owns the strike ("Drones hit an oil depot in
        Novorossiysk overnight. ... Ukraine's SBU later confirmed the strike on the depot"):
        for a strike told with no attacker, the side that says it struck is the attacker the
        annotation guide wants, as in an attacker's own statement. Two owners name none."""
        from ..actors import load_registry

        owners = [code for code, voices in self.owned.items() if voices]
        if len(owners) != 1:
            return None
        reg, [code] = load_registry(), owners
        entry = reg.state_forces(code) if len(code) == 2 and code.isupper() \
            else reg.by_code.get(code)
        return entry.actor() if entry is not None else None


def claims_of_incidents(store: Store, members: Mapping[str, Sequence[StoredMention]]
                        ) -> dict[str, list[ClaimMention]]:
    """Each incident's claims: those of its reports' documents that follow one of its strike
    sentences with no other strike sentence between; one in the body before any strike
    sentence ("Rebels blamed Russian warplanes for Monday's attack", then "three air strikes hit
    the market") goes with the first. A headline's claim that names no strike of its own
    ("Leaders call on Russia to halt Syrian airstrikes against civilians") speaks of the whole
    story, not of its first strike, and goes with none. A sentence naming two strikes
    ("Russian and Syrian jets") gives its claims to the incidents of both."""
    owner: dict[tuple[str, int], set[str]] = defaultdict(set)
    for iid, ms in members.items():
        for m in ms:
            owner[(m.mention.doc_id, m.mention.sentence.start)].add(iid)
    claims = store.claim_mentions(doc_ids=sorted({doc for doc, _ in owner}))
    if not claims:
        return {}
    starts: dict[str, list[int]] = defaultdict(list)
    for m in store.strike_mentions(doc_ids=sorted({c.doc_id for c in claims})):
        starts[m.doc_id].append(m.sentence.start)
    campaign = _campaign_words(store, claims, starts)
    out: dict[str, list[ClaimMention]] = defaultdict(list)
    for c in claims:
        if id(c) in campaign:
            continue
        here = sorted(starts.get(c.doc_id, ()))
        before = [s for s in here if s <= c.span.start]
        if not before and (c.span.start == 0 or not here):
            continue  # the headline's, or a story with no strike sentence
        for iid in owner.get((c.doc_id, before[-1] if before else here[0]), ()):
            out[iid].append(c)
    return out


def _campaign_words(store: Store, claims: Sequence[ClaimMention],
                    starts: Mapping[str, list[int]]) -> set[int]:
    """The claims (by id) that are a side's word on its own strikes in a paragraph after the
    strike sentence they follow, telling no strike of their own and pointing back to none
    ("The Russian defence ministry said its forces struck Ukrainian army positions and fuel
    depots overnight", a paragraph after police reports of shelling in named towns): the
    side's word on the night's campaign, which owns no strike in particular, as a headline's
    claim that names no strike goes with none."""
    from ..counts import points_back_to_a_strike

    told = [c for c in claims if _owns_a_strike(c) and c.span.start not in starts.get(c.doc_id, ())
            and not points_back_to_a_strike(c.span.text)]
    if not told:
        return set()
    segments = {d.id: d.segments for d in store.documents(ids=sorted({c.doc_id for c in told}))}
    out = set()
    for c in told:
        before = [s for s in starts.get(c.doc_id, ()) if s <= c.span.start]
        paragraphs = segments.get(c.doc_id, ())
        strike = _segment_at(paragraphs, max(before)) if before else None
        # a headline's strike is the story's: the body's word on it owns it
        if strike is not None and paragraphs[strike].kind != "title" \
                and strike != _segment_at(paragraphs, c.span.start):
            out.add(id(c))
    return out


def _segment_at(segments, offset: int) -> int | None:
    """The index of the paragraph (segment) holding a character offset of the text."""
    return next((i for i, g in enumerate(segments) if g.start <= offset < g.end), None)


def blame_of(claims: Sequence[ClaimMention], country: str | None, s: FuseSettings,
             members: Sequence[StoredMention] = ()) -> Blame:
    """Who the claims say struck, who denies it and who owns it. A voice's claim about itself
    ("the army said it struck only terrorist bases") contests nothing; a pending "the army" is
    the state the strike falls in, as the strike sentences' own. Only a claim that follows one
    of the incident's strike sentences (``members``) owns it: one in the lead, before any
    strike is told ("Moscow maintains that it targets only IS"), speaks of the campaign."""
    blame = Blame()
    first: dict[str, int] = {}
    for m in members:
        doc, start = m.mention.doc_id, m.mention.sentence.start
        first[doc] = min(first.get(doc, start), start)
    for c in claims:
        if c.doc_id in first and c.span.start >= first[c.doc_id]:
            for code in _owner_of(c, country, _strike_told_before(c, members)):
                blame.owned[code].add(c.org or c.speaker)
        if c.about is None or c.about in s.unknown_attackers:
            continue
        label = c.org or c.speaker
        if c.kind == "denial":
            blame.denials[c.about].add(label)
        elif c.kind in _ATTRIBUTING and _a_rival_s(c, voice_codes(c, country)):
            blame.attackers[c.about].add(label)
    return blame


def _strike_told_before(c: ClaimMention, members: Sequence[StoredMention]) -> str:
    """The sentence of the incident's last strike before the claim in its document."""
    told = [m.mention.sentence for m in members
            if m.mention.doc_id == c.doc_id and m.mention.sentence.start <= c.span.start]
    return max(told, key=lambda t: t.start).text if told else ""


def _owner_of(c: ClaimMention, country: str | None, told: str = "") -> set[str]:
    """The attacker a claim owns the strike for: a belligerent's or a government's voice
    saying that it, or its own forces, struck ("The Israeli military said it had targeted two
    commanders in the area", after the strike's sentence). The claim goes with the strike it
    follows (``claims_of_incidents``); one naming another strike in a sentence of its own goes
    with that one. A denial, an accusation or a statistic owns nothing, nor do words that own
    no strike ("it was looking into reports of a strike"). A confirmation of "the strike on
    the refinery" owns the strike ``told`` before it when that sentence names the thing hit
    (``_confirms_the_strike_told``)."""
    if not _owns_a_strike(c) and not _confirms_the_strike_told(c, told):
        return set()
    voices = voice_codes(c, country)
    return voices if c.about is None else voices & {c.about}


def _confirms_the_strike_told(c: ClaimMention, told: str) -> bool:
    """A belligerent's confirmation of one strike by a definite noun of what it hit ("later
    confirmed the strike on the refinery", after "drones hit an oil refinery in Saratov"),
    whose noun the strike's sentence names: a blanket word ("confirmed strikes on military
    targets") or a thing the strike did not hit confirms nothing."""
    from ..lexicons import load_confirmed_strike

    if c.kind in ("denial", "accusation", "statistic") or c.role != "belligerent" or not told:
        return False
    hit = load_confirmed_strike().search(c.span.text)
    return hit is not None and any(
        re.search(rf"\b{re.escape(w)}\b", told, re.IGNORECASE)
        for w in hit.group("thing").split() if len(w) > 3)


def _owns_a_strike(c: ClaimMention) -> bool:
    """A belligerent's or a government's word that it, or its forces, struck: no denial,
    accusation or statistic, and words that own a strike."""
    from ..lexicons import load_owned_strike

    return c.kind not in ("denial", "accusation", "statistic") \
        and c.role in ("belligerent", "government") \
        and bool(load_owned_strike().search(c.quote or c.span.text))


def _a_rival_s(c: ClaimMention, voices: set[str]) -> bool:
    """Whether a claim names another party as the one that struck: an accusation by anyone
    ("residents blamed government aircraft"), or a side telling what its rival struck ("the RSF
    said army aircraft had bombed the market"). A monitor's or a resident's toll naming an
    attacker ("Russian strikes killed 7, the Observatory said") is a report of the strike, not
    a competing claim: in a story of several attackers it follows the wrong strike as often
    as the right one."""
    if c.about in voices:
        return False
    return c.kind == "accusation" or bool(voices)


def voice_codes(c: ClaimMention, country: str | None) -> set[str]:
    """The attackers a claim's speaker or organisation is one of ("Moscow", "Russia's defence
    ministry"); a pending "the army" settled in ``country`` when one is given."""
    from ..actors import load_registry
    from ..lexicons import load_actor_names

    found = {v for t in (c.speaker, c.org) if t
             for _, _, _, v in load_actor_names().find_in_short(t)}
    reg = load_registry()
    settled = (reg.settle(v, country) if country else None for v in found)
    return {a.code for a in (*found, *settled) if a is not None and a.code}
