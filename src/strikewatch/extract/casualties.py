"""Victims: whom a strike hit and how many it killed and wounded. Targets are the groups a
sentence names, less the attacker and speaker and the groups it says were not hit; tolls come
from ``strikewatch.counts``, counted once per attacker at the first place the sentence names,
unless the sentence counts the dead place by place ("including 9 in Alsaliheen, 8 in Ansari").
A toll over a period ("since Sept. 19", "over ten days") is no strike's (claims keep it as a
statistic). A speaker's word on whom a force's strikes hit ("did not target IS") carries to
that speaker's other reports of the same force's strikes. The event type (air strike or
shelling) is read from the sentence's delivery words nearest each strike's place."""

from __future__ import annotations

from dataclasses import replace

from strikewatch import counts
from strikewatch.event_types import event_type_of
from strikewatch.lexicons import Lexicons
from strikewatch.models import Casualties, Range, StrikeMention, Target
from strikewatch.nlp import Sentence

from .state import DocState
from .words import _text, clause_of, negates


class VictimFinder:
    """The target and toll rules, with the groups and facilities lexicons."""

    def __init__(self, lex: Lexicons):
        self.lex = lex

    def add_victims(self, events: list[StrikeMention], sdoc, sentence: Sentence, speaker_tokens,
                     actors, *, source: str | None, strike_words: frozenset[int] = frozenset()
                     ) -> list[StrikeMention]:
        """Targets and casualties of the sentence. A toll is counted once per attacker: it goes
        to the first place named in the clause that tells it (``_toll_clause_first``), since
        the text does not split it between places.
        ``strike_words``: the tokens of the sentence's strike words, whose clauses tell strikes
        of their own (``_own_clause``)."""
        lex = self.lex
        attacker_chars = [_with_its_noun(sdoc, a.attacker_span.start - sentence.start,
                                         a.attacker_span.end - sentence.start)
                          for a in events if a.attacker_span]
        speaker_chars = [(sdoc[i].idx, sdoc[i].idx + len(sdoc[i])) for i in speaker_tokens]
        named = self._targets_named(sdoc, attacker_chars + speaker_chars, source)
        targets = [t for t, _ in named]
        elsewhere = _told_with_another_strike(named, strike_words)
        cas, told, period_tolls = _sentence_toll(sentence.text)
        for c in told:
            if c.who:
                for _, _, text, cat in lex.groups.find(c.who):
                    if not any(t.category == cat for t in targets):
                        targets.append(Target(str(cat), text, source))
            if c.civilian and not any(t.category == "civilian" for t in targets):
                targets.append(Target("civilian", c.who, source))
        if period_tolls and cas.killed.empty:
            # "Russian missile and drone attacks killed 41 civilians in Kharkiv region this
            # month": the strike words are the period's strikes, no one strike (claims keep it)
            return []
        ordered = _toll_clause_first(events, sdoc, sentence, told, lex.victim_verbs)
        tolls = dict(zip(map(id, ordered), self._tolls(ordered, sentence, cas)))
        return [replace(ev, targets=_own_clause(ev, targets, elsewhere, sdoc, sentence),
                        casualties=tolls[id(ev)],
                        event_type=event_type_of(sentence.text, near=_place_offset(ev, sentence)))
                for ev in events if tolls[id(ev)] is not None]

    @staticmethod
    def toll_told_again(text: str) -> Casualties | None:
        """The toll of a sentence that names no strike place, for the strike told just before
        ("The strike killed 12 people"); None when it gives no dead or speaks of a period."""
        if counts.names_a_period(text):
            return None
        cas, _, period_tolls = _sentence_toll(text)
        return None if period_tolls or cas.killed.empty else cas

    @staticmethod
    def _tolls(events: list[StrikeMention], sentence: Sentence,
               cas: Casualties) -> list[Casualties | None]:
        """Each event's share of the sentence's toll. When the sentence counts the dead place
        by place, each place has its own figure and the sum is nobody's, and the place the
        parts are counted from ("strikes on Aleppo killed 54, including 9 in Alsaliheen, 8 in
        Ansari") is no strike of its own (None): its strikes are the parts'. Otherwise the toll
        goes to the first place named: joint attackers of one place each carry it ("Russian
        and Syrian strikes on al-Quria killed 82" is the toll of both, as the gold conventions
        say), since the text does not split it between places."""
        offsets = [(_place_offset(ev, sentence), _place_offset(ev, sentence, end=True))
                   for ev in events]
        shares = {} if cas.killed.empty else counts.tolls_by_place(
            sentence.text, [(a, b) for a, b in offsets if a is not None and b is not None])
        if not shares:
            return [cas if ev.place_text == events[0].place_text else Casualties() for ev in events]
        placed = [i for i, (a, _) in enumerate(offsets) if a is not None]
        civilian = not cas.civilians_killed.empty and cas.civilians_killed == cas.killed
        out: list[Casualties | None] = [Casualties() for _ in events]
        for k, share in shares.items():
            out[placed[k]] = Casualties(killed=share, civilians_killed=share if civilian else Range())
        first_part = min(offsets[placed[k]][0] for k in shares)
        for i, (start, end) in enumerate(offsets):
            if start is not None and start < first_part and i not in {placed[k] for k in shares} \
                    and counts.counts_its_parts(sentence.text, end, first_part):
                out[i] = None
        return out

    def targets(self, sdoc, excluded: list[tuple[int, int]], source: str | None,
                 within: set[int] | None = None) -> list[Target]:
        """Whom the sentence says was hit: the groups it names, less the attacker and speaker,
        the groups it says were NOT hit ("did not target IS"), and the groups a clause only
        describes ("the Islamist coalition battling government forces"). A facility ("military
        airport") counts only when no armed group or person is named: it belongs to its holder."""
        return [t for t, _ in self._targets_named(sdoc, excluded, source, within)]

    def _targets_named(self, sdoc, excluded: list[tuple[int, int]], source: str | None,
                       within: set[int] | None = None) -> list[tuple[Target, object]]:
        """``targets``, each with the token that heads its name in the parse."""
        lex = self.lex
        found: list[tuple[Target, object]] = []
        for matcher in (lex.groups, lex.facilities):
            if matcher is lex.facilities and found:
                break
            for s, e, text, cat in matcher.find(_text(sdoc)):
                if any(s < b and a < e for a, b in excluded) or any(t.category == cat for t, _ in found):
                    continue
                span = sdoc.char_span(s, e, alignment_mode="expand")
                if span is None or within is not None and not set(range(span.start, span.end)) & within:
                    continue
                if self._not_hit(sdoc, span) or self._described(span) or self._accused(span):
                    continue
                found.append((Target(str(cat), text, source), span.root))
        return found

    def _accused(self, span) -> bool:
        """A group a speaker accuses is said to have struck, not to have been hit: "accusing
        the M23 rebels and Rwanda of the attack", "blamed the RSF for the shelling"."""
        node = span.root
        while node.dep_ in ("conj", "appos") and node.head.i != node.i:
            node = node.head  # "Rwanda" of "the M23 rebels and Rwanda"
        return node.dep_ == "dobj" and node.head.lower_ in self.lex.accusation_verbs

    def _not_hit(self, sdoc, span) -> bool:
        """The text says the group was not hit: a negated verb above it, or "rather than X"."""
        cue = self.lex.not_target_cue
        if cue is not None and cue.search(_text(sdoc)[:span.start_char]):
            return True
        node = span.root
        while node.head.i != node.i:
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                return negates(node)
        return False

    def _described(self, span) -> bool:
        """A group named inside a clause that describes another group ("the most powerful
        Islamist coalition battling Syrian government forces") is not whom the strike hit."""
        lex = self.lex
        for node in span.root.ancestors:
            if node.dep_ in ("acl", "relcl") and node.pos_ == "VERB":
                lemma = lex.base(node.lower_)
                if lemma in lex.strong_verbs or lemma in lex.weak_verbs:
                    return False
                at = node.head.idx
                return any(s <= at < e for s, e, _, _ in lex.groups.find(_text(span.doc)))
        return False

    def record_assertion(self, state: DocState, sdoc, tok, found, attributions, speaker_tokens,
                         strike_words: frozenset[int] = frozenset()) -> None:
        """Remember whom a speaker says a state force's strikes hit, from the words the strike
        word governs, so that the same speaker's other report of that force's strikes can carry
        it ("cease its airstrikes on Syrian rebel fighters and civilians" ... "attacks on Hama,
        Homs and Idlib ... which the statement said did not target IS")."""
        states = [e for e, _ in found if e.state]
        if not states:
            return
        excluded = [(sdoc[i].idx, sdoc[i].idx + len(sdoc[i])) for _, t in found for i in t]
        excluded += [(sdoc[i].idx, sdoc[i].idx + len(sdoc[i])) for i in speaker_tokens]
        governed = {t.i for t in tok.subtree} - {tok.i}
        named = self._targets_named(sdoc, excluded, None, within=governed)
        targets = _of_clause([t for t, _ in named], _told_with_another_strike(named, strike_words),
                             clause_of(tok).i)
        if not targets:
            return
        for att in attributions:
            for actor in states:
                have = state.asserted.setdefault((att.key, actor.code), [])
                have.extend(replace(t, asserted_by=att.text) for t in targets
                            if all(h.category != t.category for h in have))

    @staticmethod
    def with_asserted(state: DocState, strikes: list[StrikeMention]) -> list[StrikeMention]:
        """A strike whose sentence names no target takes what the same speaker says the same
        force's strikes hit elsewhere in the document, with the speaker as who asserts it."""
        out = []
        for m in strikes:
            keys = state.speakers.get(m.sentence.start, ())
            if not m.targets and m.attacker is not None and keys:
                asserted = [t for k in keys for t in state.asserted.get((k, m.attacker.code), ())]
                if asserted:
                    m = replace(m, targets=tuple(asserted))
            out.append(m)
        return out


def _sentence_toll(text: str) -> tuple[Casualties, list, int]:
    """The sentence's toll (its first count of dead, of wounded, and the civilians among the
    dead), the counts it rests on, and how many counts were a period's (a running total is a
    statistic, never one strike's toll)."""
    killed = wounded = civ = Range()
    told, period_tolls = [], 0
    for c in counts.find_casualties(text):
        if counts.period_of(text, c):
            period_tolls += 1
            continue
        told.append(c)
        if c.kind == "killed" and killed.empty:
            killed = c.range
            civ = c.range if c.civilian else c.civilians  # "7, including two children"
        elif c.kind == "killed" and c.civilian and civ.empty:
            civ = c.range
        elif c.kind == "wounded" and wounded.empty:
            wounded = c.range
    return Casualties(killed=killed, wounded=wounded, civilians_killed=civ), told, period_tolls


def _told_with_another_strike(named: list[tuple[Target, object]],
                              strike_words: frozenset[int]) -> dict[int, int]:
    """The targets (by id) named in a clause that holds a strike word of its own, with that
    clause's verb: "..., while Hezbollah said it fired rockets at Israeli army positions" tells
    what Hezbollah's fire was aimed at."""
    out = {}
    for target, root in named:
        clause = clause_of(root)
        if any(clause_of(root.doc[i]).i == clause.i for i in strike_words):
            out[id(target)] = clause.i
    return out


def _own_clause(ev: StrikeMention, targets: list[Target], elsewhere: dict[int, int], sdoc,
                sentence: Sentence) -> tuple[Target, ...]:
    """The targets that belong to the strike: a target the sentence names in another strike's
    clause is that strike's ("Israeli strikes on south Lebanon killed five people, while
    Hezbollah said it fired rockets at Israeli army positions": the positions are not what
    the Israeli strikes hit). A strike with no place in the sentence keeps them all."""
    at = _place_offset(ev, sentence)
    place = sdoc.char_span(at, at + 1, alignment_mode="expand") if at is not None else None
    if place is None:
        return tuple(targets)
    return _of_clause(targets, elsewhere, clause_of(place.root).i)


def _of_clause(targets: list[Target], elsewhere: dict[int, int], own: int) -> tuple[Target, ...]:
    """The targets not named in another strike's clause than the clause ``own`` heads."""
    return tuple(t for t in targets if elsewhere.get(id(t), own) == own)


def _toll_clause_first(events: list[StrikeMention], sdoc, sentence: Sentence, told: list,
                       victim_verbs: frozenset[str]) -> list[StrikeMention]:
    """The events with those placed in the clause that tells the dead first: a toll told in
    one strike's clause is that strike's, not the first place's, whether the clauses are two
    sides' ("Hezbollah fired rockets at Haifa after Israeli strikes on Tyre killed five" is
    Tyre's five) or one side's ("tanks shelled Khan Younis and an air strike hit a house in
    Bani Suheila, killing eight" is Bani Suheila's eight)."""
    killed = next((c for c in told if c.kind == "killed" and not c.range.empty), None)
    span = sdoc.char_span(killed.start, killed.end, alignment_mode="expand") if killed else None
    if span is None or len(events) < 2:
        return events
    clause, lost = clause_of(span.root), _subject_hung_before(span.root)
    def in_clause(ev: StrikeMention) -> bool:
        place = _place_token(ev, sdoc, sentence)
        if place is None or lost is not None:
            return place is not None and place.i in lost
        return clause_of(place).i == clause.i
    own = [ev for ev in events if in_clause(ev)]
    if clause.lower_ not in victim_verbs:  # not "strikes on Rafah killed 12 in the south of"
        own = _hit_before_aimed_at(own, clause, sdoc, sentence)
    if not own or own[0] is events[0]:
        return events
    return own + [ev for ev in events if ev not in own]


def _hit_before_aimed_at(events: list[StrikeMention], verb, sdoc,
                         sentence: Sentence) -> list[StrikeMention]:
    """The places of one clause, the place its strike hit first: "An air strike on Khan Younis
    hit a house in the nearby town of Bani Suheila, killing eight", "A missile aimed at
    Kharkiv hit a school in Derhachi, killing four": the dead are where the strike fell, in
    the verb's object or its place phrase, not at the place its subject aimed at."""
    def within(ev: StrikeMention, deps: tuple[str, ...]) -> bool:
        place = _place_token(ev, sdoc, sentence)
        return place is not None and any(c.dep_ in deps and place in c.subtree
                                         for c in verb.children)
    if not any(within(ev, _SUBJECTS) for ev in events):
        return events
    hit = [ev for ev in events if within(ev, ("dobj", "prep"))]
    return hit + [ev for ev in events if ev not in hit]


_SUBJECTS = ("nsubj", "nsubjpass")


def _place_token(ev: StrikeMention, sdoc, sentence: Sentence):  # noqa: ANN202 - a spaCy token
    """The word heading the strike's place in the parse, if its sentence names it."""
    at = _place_offset(ev, sentence)
    place = sdoc.char_span(at, at + 1, alignment_mode="expand") if at is not None else None
    return place.root if place is not None else None


def _subject_hung_before(tok) -> set[int] | None:
    """The words of the toll's clause when the parser hung its subject elsewhere: "bombed
    Nyala after RSF shelling of El Fasher killed 10 people" is parsed "after [RSF shelling of
    El Fasher]", or "after Ukrainian shelling of Belgorod" a clause of its own, with "killed"
    left with no subject. The "after" phrase ending just before the verb is its subject."""
    verb = tok
    while verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ not in ("advcl", "conj") or clause_of(verb).i == verb.i or verb.i == 0:
        return None
    top = verb.doc[verb.i - 1]
    while top.head.i != top.i and top.head.right_edge.i == verb.i - 1:
        top = top.head
    if top.dep_ not in ("prep", "advcl"):
        return None
    return {t.i for t in top.subtree} | {t.i for t in verb.subtree}


def _place_offset(ev: StrikeMention, sentence: Sentence, *, end: bool = False) -> int | None:
    """Where the strike's place is named in its sentence (its start, or end), if it is."""
    if ev.place_span is None or not sentence.start <= ev.place_span.start < sentence.end:
        return None
    return (ev.place_span.end if end else ev.place_span.start) - sentence.start


def _with_its_noun(sdoc, start: int, end: int) -> tuple[int, int]:
    """The attacker's name with the noun it qualifies: "Al Shabaab militants fired mortar
    shells at the airport", "Houthi fighters fired rockets at Najran" name who fired, not who
    was hit (characters of the sentence)."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return start, end
    tok = span[-1]
    while tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i:
        tok = tok.head
    return start, max(end, tok.idx + len(tok))

