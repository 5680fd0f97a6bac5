"""Attackers: the actors a sentence names, and who struck on one strike word. The attacker is an
actor attached to the strike word (its modifier, or the subject of the strike verb), not the
first nationality in the sentence; a strike word with none takes the attackers the sentence
just before named, when it follows closely; "Russian or Syrian jets" leave the attacker open."""

from __future__ import annotations

import re
from dataclasses import replace

from strikewatch.actors import PENDING_COALITION_VOICE
from strikewatch.lexicons import ActorEntry, Lexicons, OrgEntry
from strikewatch.models import Actor, Span, StrikeMention
from strikewatch.nlp import Sentence

from .state import AttackerChoice, DocState, SentenceContext, StrikeEvidence, Trigger
from .words import (
    _char_span,
    _either_or,
    _is_country,
    _text,
    _the_speaker_acts,
    describes_a_place,
    the_speaker_as_subject,
    tokens_among,
    word_ids,
)

# How far back an attacker named earlier still governs a strike word with none of its own:
# about one sentence of news prose (tuned on the FA-KES development articles, where
# paragraphs are lost and a document-wide carry-over named the wrong group).
_CARRY_CHARS = 250
# A state's forces named in a lead ("Russian and Syrian regime jets pounded opposition-held parts
# of Aleppo") carry a few sentences further, to "warplanes hit several rebel-held districts"
# three sentences on (dev events F1 0.415 -> 0.47); a non-state name ("terrorists") does not.
_CARRY_STATE_CHARS = 600
# the word right after a force word: "army" of "an army base"
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
# a country written as a place's container: a name and a comma before it ("Bryansk, Russia"),
# the end of its line or clause after it
_CONTAINER_BEFORE = re.compile(r"([^\W\d_][\w'’.-]*)\s*,\s*$")
_CONTAINER_AFTER = re.compile(r"\s*(?:[,.;:)\n]|$)")


class AttackerRules:
    """The attacker rules, with the actors lexicon."""

    def __init__(self, lex: Lexicons):
        self.lex = lex
        # the strike words a demonym names the forces of: events, not munitions
        self._event_nouns = lex.strong_nouns | {n for n in lex.weak_nouns if not lex.weapons.search(n)}
        self._demonym_ids = word_ids(lex.demonym_forces)  # as written: "Pakistani"
        self._site_nouns = frozenset(lex.place_heads) | lex.landmark_nouns  # "army base"

    def actor_tokens(self, sdoc) -> list[tuple[ActorEntry, set[int]]]:
        """Every actor the sentence names, with its tokens; a name inside a phrase that is no
        actor (the not-actors lexicon) is not one."""
        lex = self.lex
        blocked = [(s, e) for s, e, _, _ in lex.not_actors.find(_text(sdoc))]
        out = []
        for s, e, _, entry in lex.actors.find(_text(sdoc)):
            if any(bs <= s and e <= be for bs, be in blocked):
                continue
            span = sdoc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                out.append((entry, set(range(span.start, span.end))))
        out += self._demonyms_on_strike_words(sdoc, set().union(set(), *(t for _, t in out)))
        groups = set().union(set(), *(t for e, t in out if not e.state))
        named = set().union(set(), *(t for _, t in out))
        return [(entry, toks) for entry, toks in out
                if (entry.resolve != "territory" or not (_owned(sdoc, toks, groups)
                                                          or _owner_after(sdoc, toks, named)))
                and not _owner_of_own_force(sdoc, entry, toks, out)
                and not describes_a_place(self.lex, sdoc, toks)]

    def _demonyms_on_strike_words(self, sdoc, named: set[int]) -> list[tuple[ActorEntry, set[int]]]:
        """A state's demonym on a strike noun names its forces, though the demonym alone names
        no force: "Pakistani shelling killed 12 civilians in Poonch", "an Ethiopian drone
        strike on a market in Amhara" (not "Pakistani officials", "Sudanese civilians"). So it
        does on a munition or an aircraft that strikes ("Cambodian rockets struck a petrol
        station in Sisaket", "Thai F-16 jets bombed ..."), but not on one that is struck:
        "Israeli Air Force targets Syrian mortars" names what was hit."""
        lex, out, strike_nouns = self.lex, [], self._event_nouns
        for tok in tokens_among(sdoc, self._demonym_ids, as_written=True):
            entry = lex.demonym_forces[tok.text]
            if tok.i in named or _joined_to(tok, named):
                continue
            # its head, or the word right after it whatever the parse ("Azerbaijani shelling
            # damaged houses" is parsed with the demonym for root)
            words = [tok.head] if tok.dep_ in ("amod", "compound", "nmod") else []
            words += [sdoc[tok.i + 1]] if tok.i + 1 < len(sdoc) else []
            if any({w.lower_, lex.base(w.lower_)} & strike_nouns or self._strikes(w)
                   for w in words) or self._model_of_its_aircraft(sdoc, tok.i + 1):
                out.append((entry, {tok.i}))
        return out

    def _strikes(self, word) -> bool:
        """A munition or aircraft that is the subject of a verb of striking or hitting."""
        lex = self.lex
        if word.dep_ != "nsubj" or not {word.lower_, lex.base(word.lower_)} & (
                lex.munition_words | lex.aircraft_words):
            return False
        verb = word.head
        return verb.pos_ == "VERB" and bool(
            {verb.lower_, lex.base(verb.lower_), verb.lemma_.lower()}
            & (lex.impact_verbs | lex.strong_verbs))

    def _model_of_its_aircraft(self, sdoc, i: int) -> bool:
        """The word after a demonym is an aircraft's model, before the force's word: "Iraqi
        F-16 jets struck an ISIS hideout", "Egyptian F-16s bombed Derna" (the model keeps the
        demonym from the force words it names the forces with)."""
        return i < len(sdoc) and sdoc[i].lower_ in self.lex.aircraft_words and "-" in sdoc[i].text

    def named_before(self, triggers: list[Trigger], ctx: SentenceContext) -> None:
        """A force named right before a strike noun and its modifiers modifies it, whatever the
        parse: "IS rocket attacks on Kilis" (read as the verb "is" at a sentence's start),
        "a Hamas rocket attack on Ashkelon", "Houthi drone strikes"; so does one named right
        before the aircraft a strike verb has for subject, ACLED's period of the force between
        them: "Military Forces of Sudan (1989-2019) Antonov dropped bombs on Kauda". Only for a
        strike word that names no attacker otherwise."""
        for trigger in triggers:
            tok = trigger.tok
            if trigger.found or trigger.strength == "claimed":
                continue
            verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ == "dobj" else None
            nouns = [n for n in (tok if tok.pos_ in ("NOUN", "PROPN") or _gerund_after_adjective(tok) else None,
                                 self._aircraft_subject(verb) if verb is not None else None) if n is not None]
            starts = {_before_period(ctx.sdoc, min([n.i] + [c.i for c in n.children
                                                            if c.dep_ in ("compound", "amod") and c.i < n.i]))
                      for n in nouns}
            trigger.found = [(e, toks) for e, toks in ctx.actors
                             if max(toks) + 1 in starts and not toks & ctx.speaker_tokens] \
                or self._accused_of(tok, ctx)

    def _accused_of(self, tok, ctx: SentenceContext) -> list[tuple[ActorEntry, set[int]]]:
        """The force a speaker accuses of the strike word: "Fano militia accused the federal
        government of drone strikes" (the strike after "of" or "for", the force the verb's
        object, which the parser may give the "of" to). Not the speaker, the accuser."""
        verbs = self.lex.accusation_verbs
        if tok.dep_ not in ("pobj", "pcomp") or tok.head.lower_ not in ("of", "for"):
            return []
        holder = tok.head.head
        verb = holder if holder.lower_ in verbs else holder.head \
            if holder.dep_ == "dobj" and holder.head.lower_ in verbs else None
        if verb is None:
            return []
        accused = {t.i for c in verb.children if c.dep_ == "dobj" for t in c.subtree}
        return [(e, toks) for e, toks in ctx.actors
                if toks <= accused and not toks & ctx.speaker_tokens]

    def _aircraft_subject(self, verb):
        """The aircraft a strike verb has for subject ("Antonov dropped bombs"), else None."""
        lex = self.lex
        return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                     and {c.lower_, lex.base(c.lower_)} & lex.aircraft_words), None)

    def held_responsible(self, strikes: list[StrikeMention], sentences: list[Sentence]) -> list[StrikeMention]:
        """A strike with no attacker takes the one force its own sentence holds responsible
        ("The Houthis claimed responsibility for a drone attack on Tel Aviv", "Al-Shabaab
        claimed responsibility for a mortar attack on Mogadishu airport"), else the one force
        the next sentence of its paragraph does, when that sentence reports no strike of its
        own: "... mortar shells fell on the market in Beledweyne. Al Shabaab suspected.",
        "... a drone hit a market in Marib. The Houthis claimed responsibility." """
        struck = {m.sentence.start for m in strikes}
        out = []
        for m in strikes:
            after = next((s for s in sentences if s.start >= m.sentence.end), None)
            named = None if m.attacker is not None else self._responsible(m.sentence)
            if named is None and m.attacker is None and after is not None \
                    and after.paragraph == _paragraph_of(m, sentences) and after.start not in struck:
                named = self._responsible(after)
            out.append(m if named is None else replace(m, attacker=Actor(named[0].name, named[0].country),
                                                       attacker_span=named[1]))
        return out

    def sole_air_power(self, strikes: list[StrikeMention], text: str,
                       voices: list[Span] = ()) -> list[StrikeMention]:
        """An air strike with no attacker is the one state's whose forces the document names,
        when it names only one (a drone's, only when it names no armed group that flies drones): "Four LNA soldiers were killed in fighting with the BDB near
        Ajdabiya. Several air strikes also targeted the militants near the city", "Clashes
        between the army and Boko Haram ... Air strikes hit the group's camp". Armed groups
        rarely fly; a second state named leaves it open, and so does a strike's own sentence
        that names a force and still no attacker ("Syrian or Russian warplanes bombed ...").
        A force named only as a voice (``voices``: "Russia launched 27 drones at Ukraine,
        Ukraine's air force said") reports the strikes, it is not their attacker. The whole text is searched only when some air strike lacks an attacker: most
        documents have none, and the actors' names in a whole article cost as much as in all
        its parsed sentences."""
        if not any(m.attacker is None and m.event_type == "air" for m in strikes):
            return strikes
        states = self._states_named(text, voices)
        if len(states) != 1:
            return strikes
        [(entry, span)] = states.values()
        open_drones = any(m.attacker is None and self._by_drone(m) for m in strikes) \
            and self._drone_flying_group_named(text)  # the text searched again only then
        return [replace(m, attacker=Actor(entry.name, entry.country), attacker_span=span)
                if m.attacker is None and m.event_type == "air" and not (open_drones and self._by_drone(m))
                and not self._states_named(m.sentence.text) else m for m in strikes]

    def _drone_flying_group_named(self, text: str) -> bool:
        """Whether the text names an armed group known to fly armed drones (the registry's
        ``drones``): the RSF do, Fano do not."""
        return any(not entry.state and entry.flies_drones for _, _, _, entry in self.lex.actors.find(text))

    def _by_drone(self, strike: StrikeMention) -> bool:
        """A strike by drones: many armed groups fly them too (the RSF in Sudan, the Houthis,
        the PDFs in Myanmar, Hezbollah), so in a story that names one beside a single state's
        forces, "Drone strikes targeted the Merowe Dam" or "a drone hit a market in Mandalay
        region" is no more the state's than the group's."""
        return any(w in self.lex.fired_as_munitions for w in (strike.weapon or "").split())

    def _states_named(self, text: str, voices: list[Span] = ()) -> dict[str, tuple[ActorEntry, Span]]:
        """The states whose forces a text names by a name of their own (not "the army", which
        is any state's), each with its first naming outside the ``voices``."""
        blocked = [(s, e) for s, e, _, _ in self.lex.not_actors.find(text)]
        blocked += [(v.start, v.end) for v in voices]
        out: dict[str, tuple[ActorEntry, Span]] = {}
        for s, e, t, entry in self.lex.actors.find(text):
            if entry.state and entry.country and entry.resolve is None \
                    and not any(bs <= s and e <= be for bs, be in blocked) \
                    and not self._names_a_site(text, e) and not _a_places_country(text, s, e):
                out.setdefault(entry.country, (entry, Span(s, e, t)))
        return out

    def _responsible(self, sentence: Sentence | Span) -> tuple[ActorEntry, Span] | None:
        """The one force a sentence holds responsible, with its words; None for none or two.
        A bare force word naming a site is no force: "an army base" Hezbollah claims it hit."""
        text = sentence.text
        if not self.lex.responsibility.search(text):
            return None
        blocked = [(s, e) for s, e, _, _ in self.lex.not_actors.find(text)]
        found = [(e, Span(sentence.start + s, sentence.start + end, t))
                 for s, end, t, e in self.lex.actors.find(text)
                 if not any(bs <= s and end <= be for bs, be in blocked)
                 and not (e.resolve == "territory" and self._names_a_site(text, end))]
        return found[0] if len({e.code for e, _ in found}) == 1 else None

    def _names_a_site(self, text: str, end: int) -> bool:
        """Whether the word after a force word is a site's noun ("army base", "military
        airport", "the Saudi Hospital"), or the one after a capitalised word of the site's
        name ("the Russian Orthodox church")."""
        sites = self._site_nouns
        after = _NEXT_WORD.match(text, end)
        if after is not None and after.group(1)[:1].isupper() and after.group(1).lower() not in sites:
            after = _NEXT_WORD.match(text, after.end())
        return after is not None and after.group(1).lower() in sites

    @staticmethod
    def follows(state: DocState, ctx: SentenceContext, trigger: Trigger, ground: bool) -> bool:
        """ "Air strikes by the US-led coalition killed ... At least 15 civilians were killed in
        raids in a northern district of Manbij": the sentence right before names the force."""
        tok, found, sentence = trigger.tok, trigger.found, ctx.sentence
        last = state.last_attackers
        # a bare word: "an alleged chemical weapon attack in Idlib" is another attack
        return (not found and not ground and last is not None and last.paragraph == sentence.paragraph
                and not any(c.dep_ in ("compound", "amod") for c in tok.children)
                and 0 <= sentence.start - last.end <= _CARRY_CHARS
                and all(a is not None and a.state for a in last.attackers))

    def named(self, ctx: SentenceContext, trigger: Trigger, evidence: StrikeEvidence,
              carried: list[ActorEntry | None], own_attackers: list[ActorEntry]) -> AttackerChoice:
        """The attackers the sentence names for the strike word ([] when it names none). A
        belligerent's voice with no attacker named is its own forces' ("Russia's defence
        ministry said strikes were carried out on Aleppo"), unless the sentence just before
        (``carried``) or an earlier strike word of this one named another force as striking:
        then it reports what hit its side ("Iran fired 180 missiles at Israel. One hit a school
        in Gedera, the Israeli army said"; "Russia fired 27 drones and five missiles at
        Ukraine, Ukraine's air force said"), unless it says its own did ("Ukraine's General Staff
        said its forces hit a Russian command post")."""
        sdoc, strength = ctx.sdoc, trigger.strength
        found = [(e, toks) for e, toks in trigger.found if not self._a_patron(sdoc, toks)]
        claimed, voice = evidence.claimed, evidence.voice
        # every state force named ("Russian and Syrian government airstrikes"), but one
        # non-state name: "Jabhat al-Nusra terrorists" is one attacker
        found = self._the_voice_s_own_forces(sdoc, found, voice)
        attackers = [e for e, _ in found if e.state]
        if not attackers and strength == "strong" or not attackers and found:
            # a named group before the generic word: "terrorist mortar attack by the so
            # called Jaish al-Fateh" is Jaish al-Fateh's
            attackers = sorted((e for e, _ in found), key=lambda e: e.generic)[:1]
        attacker_span = None
        if ctx.open_attacker or any(min(t) > 0 and sdoc[min(t) - 1].lower_ == "or" for e, t in found) \
                or len({e.code for e in attackers}) > 1 and _either_or(sdoc, [t for e, t in found if e in attackers]):
            # "Russian or Syrian regime war planes", "not clear who carried out the raids":
            # the text leaves the attacker open
            found, attackers = [], [None]
        if attackers == [None]:
            pass
        elif attackers:
            toks = next(t for e, t in found if e is attackers[0])
            attacker_span = _char_span(sdoc, toks, ctx.sentence.start)
        elif claimed:
            attackers, attacker_span = self._the_voice_s(ctx, trigger, voice, carried)
        if not attackers and own_attackers and not ctx.open_attacker:
            attackers = [e for e in own_attackers if e.state] or own_attackers[:1]
        return AttackerChoice(self._the_voice_s_own_beside(sdoc, trigger, evidence, found, attackers),
                              attacker_span)

    def _the_voice_s(self, ctx: SentenceContext, trigger: Trigger, voice: OrgEntry,
                     carried: list[ActorEntry | None]) -> tuple[list[ActorEntry], Span | None]:
        """The attacker a voice claiming the strike names by being it, and the words that say
        so when they do ("its forces"): a state's forces, a group's, the theatre's coalition."""
        sdoc, others = ctx.sdoc, (*carried, *ctx.named_attackers)
        if voice.country and not self._incoming(trigger.tok) and not self._accuses(sdoc) \
                and not self._killed_its_troops(trigger.tok):
            own = the_speaker_as_subject(trigger.tok)
            if own is not None or not any(a is not None and a.country != voice.country
                                          for a in others):
                # "its forces hit a Russian command post": named so, its own
                span = _char_span(sdoc, {t.i for t in own.subtree}, ctx.sentence.start) \
                    if own is not None else None
                forces = self._forces_of(voice)
                return ([forces] if forces else []), span
        if voice.group and _the_speaker_acts(trigger.tok):
            return [e for e in self.lex.actor_entries if e.registry_code == voice.group][:1], None
        if voice.org == PENDING_COALITION_VOICE and not self._incoming(trigger.tok) \
                and not any(a is not None for a in others):
            return [self.lex.theatre_coalition], None  # "a coalition spokesman said ..."
        return self._a_force_word_s_own(ctx, trigger)

    def _a_force_word_s_own(self, ctx: SentenceContext, trigger: Trigger,
                            ) -> tuple[list[ActorEntry], Span | None]:
        """A voice named only by a force's word, speaking of its own strike ("The army said it
        shelled RSF positions in Nyala" after an RSF strike; "the military said its jets struck
        Hezbollah sites"): that force, whose state its place settles, not the side that struck
        just before."""
        own = the_speaker_as_subject(trigger.tok)
        if own is None or ctx.main is None:
            return [], None
        speaking = [e for e, toks in ctx.actors if toks <= ctx.main.tokens and e.resolve == "territory"]
        if len(speaking) != 1:
            return [], None
        return speaking, _char_span(ctx.sdoc, {t.i for t in own.subtree}, ctx.sentence.start)

    def _the_voice_s_own_beside(self, sdoc, trigger: Trigger, evidence: StrikeEvidence, found,
                                attackers: list) -> list:
        """ "The Syrian army said its aircraft, supported by Russian forces, had targeted
        ...": "its" names the voice's own forces as the attacker; the forces that "supported"
        them strike beside them, they do not take the strike from them."""
        voice = evidence.voice
        if not evidence.claimed or voice is None or not found or None in attackers:
            return attackers
        beside = all(self._backing_agent(sdoc, toks) for _, toks in found)
        owned = any(sdoc[i].lower_ in self.lex.own_possessives and sdoc[i].dep_ == "poss"
                    for i in trigger.attached)
        own = self._forces_of(voice)
        if not (beside and owned) or own is None or own in attackers:
            return attackers
        return [own, *attackers]

    def _forces_of(self, voice: OrgEntry) -> ActorEntry | None:
        """The forces a voice speaks for: its state's (the registry lists a state's forces
        first), else the armed group it is the voice of."""
        if voice.country:
            return next((e for e in self.lex.actor_entries if e.country == voice.country), None)
        return next((e for e in self.lex.actor_entries if voice.group
                     and e.registry_code == voice.group), None)

    def _backing_agent(self, sdoc, toks: set[int]) -> bool:
        """The name is the agent of a backing participle ("supported by Russian forces")."""
        tok = sdoc[max(toks)]
        while tok.dep_ in ("compound", "amod") and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ == "pobj" and tok.head.dep_ == "agent" \
            and tok.head.head.lower_ in self.lex.backing_participles

    def _a_patron(self, sdoc, toks: set[int]) -> bool:
        """A state named by its name as the agent of a backing participle ("Houthi fighters,
        backed by Iran, fired missiles"): the force's patron, not a force that fired."""
        tok = sdoc[max(toks)]
        return tok.pos_ == "PROPN" and tok.dep_ == "pobj" and self._backing_agent(sdoc, toks)

    def _accuses(self, sdoc) -> bool:
        """The sentence accuses someone ("the Malian army said, accusing the rebels of the
        attack"): a voice that blames another tells of a strike on its side, not its own."""
        verbs = self.lex.accusation_verbs
        return any(t.lower_ in verbs and any(c.dep_ == "dobj" for c in t.children) for t in sdoc)

    def _the_voice_s_own_forces(self, sdoc, found, voice: OrgEntry | None):
        """ "The Israeli Defence Minister said the army struck Nabatieh": a state's military
        voice calling a force only "the army" or "the air force" speaks of its own state's,
        not of the territory's (Lebanon's); "government forces" it calls another's."""
        if voice is None or voice.role != "belligerent" or not voice.country:
            return found
        own = self._forces_of(voice)
        if own is None:
            return found
        return [(own if e.resolve == "territory" and _written(sdoc, toks).lower()
                 in self.lex.own_force_words else e, toks) for e, toks in found]

    def _killed_its_troops(self, tok) -> bool:
        """ "A drone strike on the Al-Watiya airbase killed four soldiers, the government said",
        "Shelling killed three troops at a checkpoint, the Malian army said": soldiers no one
        owns in the words are the voice's own, and it tells of a strike it suffered."""
        lex = self.lex
        verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
        if verb is None or lex.base(verb.lower_) not in ("kill", "wound", "injure"):
            return False
        hit = [c for c in verb.children if c.dep_ == "dobj"]
        hit += [c for h in hit for c in h.children if c.dep_ == "conj"]
        return any(h.lower_ in lex.ground_units and not any(
            c.dep_ in ("amod", "compound", "poss", "nmod") for c in h.children) for h in hit)

    def _incoming(self, tok) -> bool:
        """A munition told by where it hit ("Rockets hit the Green Zone in Baghdad, the Iraqi
        security media cell said", "a missile struck a school in Kharkiv, Ukraine's air force
        said") or where it came from ("rockets were fired from Lebanon at Kiryat Shmona"): a
        side's voice tells of fire it received, not of its own strikes."""
        lex = self.lex
        verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
        if verb is not None and {verb.lower_, lex.base(verb.lower_)} & lex.firing_verbs and any(
                c.dep_ == "nsubjpass" for c in verb.children) and any(
                c.dep_ == "prep" and c.lower_ == "from" for c in verb.children):
            return True  # "Rockets were fired from Gaza towards Sderot, the Israeli army said"
        if verb is None or not {verb.lower_, lex.base(verb.lower_)} & (lex.impact_verbs | lex.weak_verbs):
            return False  # "Drones attacked Goma airport, the Congolese army said": incoming
        fired = lex.munition_words | lex.fired_as_munitions  # drones come at a place as shells do
        return any(c.dep_ == "nsubj" and {c.lower_, lex.base(c.lower_)} & fired
                   and not any(p.dep_ == "poss" for p in c.children)  # "its missiles hit"
                   for c in verb.children)

    def carried(self, state: DocState, ctx: SentenceContext, trigger: Trigger) -> list[ActorEntry | None]:
        """ "The jets then struck...": the attackers of the sentence just before; "Another
        strike hit ...", "Further strikes hit ...": those of the strike told last."""
        sentence = ctx.sentence
        last = state.last_attackers
        gap = sentence.start - last.end if last and last.paragraph == sentence.paragraph else None
        if gap is not None and gap <= _CARRY_CHARS:
            return list(last.attackers)
        if gap is not None and gap <= _CARRY_STATE_CHARS and all(a is not None and a.state for a in last.attackers):
            return list(last.attackers)  # "Russian and Syrian regime jets pounded..." in the lead
        if self._more_of_the_last(state, trigger):
            return list(last.attackers)
        if self.the_strikes_just_told(state, trigger):
            return list(state.unplaced_strike.choice.attackers)
        return [None]

    @staticmethod
    def the_strikes_just_told(state: DocState, trigger: Trigger) -> bool:
        """ "CENTCOM forces conducted strikes against 36 Houthi targets in Yemen. // The strikes
        targeted radar sites near Hodeidah and Dhamar": a sentence that opens on a strike word
        with a definite article, right after the sentence that told strikes with no place,
        names those strikes, whose attackers the paragraph break does not change (not
        so "..., while the army's air strikes on Nyala killed nine", told in passing)."""
        tok = trigger.tok
        return state.unplaced_strike is not None and tok.left_edge.i == 0 and any(
            c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children)

    def _more_of_the_last(self, state: DocState, trigger: Trigger) -> bool:
        """The strike word says it is more of the strikes told ("another", "further") and the
        attackers named last are those of the strike told last: no other side was named as
        striking since, however many paragraphs of aftermath lie between."""
        last, told = state.last_attackers, state.strikes[-1] if state.strikes else None
        more = any(c.dep_ in ("det", "amod") and c.lower_ in self.lex.more_of_the_same
                   for c in trigger.tok.children)
        return more and last is not None and told is not None and told.attacker is not None \
            and last.end <= told.sentence.end \
            and told.attacker.code in {a.code for a in last.attackers if a is not None}


_DEFINITE = frozenset({"the", "these", "those"})


def _written(sdoc, toks: set[int]) -> str:
    """The words of a name as the sentence writes them."""
    return sdoc[min(toks): max(toks) + 1].text


def _joined_to(tok, named: set[int]) -> bool:  # noqa: ANN001 - a spaCy token
    """A demonym joined by "and" to a force named by its own alias ("Syrian and Russian air
    strikes"). The demonym rule is a fallback for strike words no force is named on; beside a
    named force it adds nothing, and the attacker stays the named one, as before the rule."""
    return (tok.dep_ == "conj" and tok.head.i in named) or any(
        c.dep_ == "conj" and c.i in named for c in tok.children)


def _owner_of_own_force(sdoc, entry: ActorEntry, toks: set[int],
                        named: list[tuple[ActorEntry, set[int]]]) -> bool:
    """A state named as the owner of one of its own forces ("Iran's Revolutionary Guards",
    "Russia's Wagner group"), or written right before it ("US AFRICOM conducted an airstrike",
    "US CJTF-OIR aircraft struck"), is that force, not a second attacker beside it."""
    return entry.country is not None and any(
        (sdoc[i].dep_ == "poss" and sdoc[i].head.i in other_toks) or i + 1 == min(other_toks)
        for other, other_toks in named if other is not entry and other.country == entry.country
        for i in toks)


def _gerund_after_adjective(tok) -> bool:  # noqa: ANN001 - a spaCy token
    """A strike word in -ing right after an adjective is the noun the tagger misread as a
    verb: "Ukrainian shelling killed two people" parsed as "Ukrainian" the subject of a verb
    "shelling" (as "Pakistani shelling killed 12" is parsed right)."""
    return tok.tag_ == "VBG" and tok.i > 0 and tok.doc[tok.i - 1].pos_ == "ADJ"


def _owned(sdoc, toks: set[int], groups: set[int]) -> bool:
    """A bare force word ("air force", "warplanes", "army") with an owner before it is the
    owner's, not the territory's state: "its warplanes", "the alliance's air force" (FA-KES
    text loses the apostrophe: "the alliances Air Force"), "the Houthi army" (a named armed
    group: the attacker). A state named before it does not own it: "the Russian regime and
    PYD forces" in an opposition statement is Russia and the regime."""
    first = min(toks)
    if first == 0:
        return False
    before = sdoc[first - 1]
    return (before.i in groups or before.dep_ in ("poss", "case") or before.tag_ in ("PRP$", "POS")
            or (before.pos_ == "NOUN" and before.text.islower()))


def _owner_after(sdoc, toks: set[int], named: set[int]) -> bool:
    """A bare force word whose owner the sentence names after "of" is the owner's, not the
    territory's state: "the military of the Russian Federation", "the army of the Syrian
    regime" are one force each, not a second, unnamed one beside it."""
    at = max(toks) + 1
    if at >= len(sdoc) or sdoc[at].lower_ != "of":
        return False
    at += 1 + (at + 1 < len(sdoc) and sdoc[at + 1].lower_ == "the")
    return at in named - toks


def _before_period(sdoc, start: int) -> int:
    """The first token of ACLED's period of a force written before ``start`` ("Military Forces
    of Libya (2014-) airstrikes"), else ``start``: the name before it is the force's."""
    if start < 3 or sdoc[start - 1].text != ")":
        return start
    opening = next((i for i in range(start - 2, max(start - 7, -1), -1) if sdoc[i].text == "("), None)
    if opening is None or not all(t.like_num or t.text in "-–" for t in sdoc[opening + 1: start - 1]):
        return start
    return opening


def _paragraph_of(m: StrikeMention, sentences: list[Sentence]) -> int | None:
    return next((s.paragraph for s in sentences if s.start <= m.sentence.start < s.end), None)


def _a_places_country(text: str, start: int, end: int) -> bool:
    """A country written last after a place, as its container ("Bryansk, Russia",
    "Maarat al-Numan, Idlib, Syria"): where the place lies, not a force that flew."""
    if not _is_country(text[start:end]):
        return False
    before = _CONTAINER_BEFORE.search(text, max(0, start - 80), start)  # the name just before
    return before is not None and not _is_country(before.group(1)) \
        and bool(_CONTAINER_AFTER.match(text, end))
