"""One parsed sentence through the stages, in order: speakers and actors (attribution,
attacker), strike words (triggers), whether each is an event and whose, its places and date,
then victims (casualties) and claims. Each stage's result is a named record; what the
document has said so far (the last attackers, date and speakers) lives in its DocState."""

from __future__ import annotations

import re
from dataclasses import replace

from strikewatch import counts, dates
from strikewatch.event_types import event_type_of
from strikewatch.lexicons import ActorEntry, Lexicons, OrgEntry
from strikewatch.models import Actor, Casualties, Place, Span, StrikeMention
from strikewatch.nlp import Sentence

from .attacker import AttackerRules
from .attribution import SpeakerFinder
from .casualties import VictimFinder
from .claims import ClaimReader
from .items import title_names
from .places import PlaceFinder
from .settings import ExtractSettings
from .sites import site_finder, with_site
from .state import (
    AttackerChoice,
    DateChoice,
    DocState,
    LastAttackers,
    PlaceCandidate,
    SentenceContext,
    StrikeEvidence,
    StrikeWithoutPlace,
    TollUpdate,
    TollWithoutStrike,
    Trigger,
    UnplacedToll,
)
from .triggers import TriggerRules
from .when import recalled_past, strike_date
from .words import (
    _place_key, _source_tag, _tag_line, _the_speaker_acts, opens_on_the_thing_hit_before,
    opens_on_the_victims_before,
)

# a province or a district written right after a place: "X in Sumy oblast", "X, Magway
# Region", "X in the Bekaa"
_UNIT_AFTER = re.compile(r"\s*(?:,|\s+in)\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
                         r"(?:\s+(?P<noun>[a-z]+)\b)?")


class SentenceReader:
    """The stages, built once per extractor, run over each sentence a document's gate kept."""

    def __init__(self, lex: Lexicons, gazetteer, settings: ExtractSettings):
        self.lex = lex
        self.triggers = TriggerRules(lex)
        self.attackers = AttackerRules(lex)
        self.speakers = SpeakerFinder(lex)
        self.places = PlaceFinder(lex, gazetteer, settings)
        self.victims = VictimFinder(lex)
        self.claims = ClaimReader(lex)

    def read(self, state: DocState, sentence: Sentence, sdoc) -> None:
        """Add the sentence's strikes and claims to the document's state."""
        ctx = self._context(state, sentence, sdoc)
        triggers = self.triggers.find(sdoc, ctx.speaker_tokens, ctx.actors, short_item=state.short_item)
        self.attackers.named_before(triggers, ctx)
        ctx.campaign = self.triggers.campaign_clause(triggers, sdoc)
        ctx.triggers = triggers
        for trigger in triggers:
            self._read_trigger(state, ctx, trigger)
        self._finish(state, ctx)

    def _context(self, state: DocState, sentence: Sentence, sdoc) -> SentenceContext:
        """Who is named and who speaks in the sentence, before any strike word is read."""
        lex = self.lex
        furniture = _tag_line(sdoc) | _source_tag(sdoc)
        actors = [(e, t) for e, t in self.attackers.actor_tokens(sdoc) if not t & furniture]
        attributions = self.speakers.attributions(state, sdoc)
        state.voices.extend(Span(sentence.start + a.span.start, sentence.start + a.span.end, a.span.text)
                            for a in attributions)
        # page furniture is read like a speaker's words: no strike word, attacker, place or target
        speaker_tokens = set().union(furniture, *(a.tokens for a in attributions))
        return SentenceContext(
            sentence=sentence,
            sdoc=sdoc,
            actors=actors,
            attributions=attributions,
            speaker_tokens=speaker_tokens,
            sent_span=Span(sentence.start, sentence.end, sentence.text),
            hedged=bool(lex.hedges.find(sentence.text)),
            open_attacker=lex.open_attacker.search(sentence.text),
        )

    def _read_trigger(self, state: DocState, ctx: SentenceContext, trigger: Trigger) -> None:
        """One strike word: an event when it is no campaign, negation or hypothesis, something
        supports it, and the words it governs name a place."""
        tok, strength, found, sdoc = trigger.tok, trigger.strength, trigger.found, ctx.sdoc
        ctx.strike_actors.extend(e for e, _ in found if e.state and e not in ctx.strike_actors)
        if strength == "weak" and tok.i in ctx.campaign:
            return
        excluded = self.triggers.excluded(tok, sdoc)
        if excluded and not (ctx.attributions and self.triggers.ongoing(tok)):
            return
        if ctx.attributions:
            self.victims.record_assertion(state, sdoc, tok, found, ctx.attributions, ctx.speaker_tokens,
                                          _strike_words(ctx))
        if excluded or recalled_past(tok, state.reference) or self._a_labour_strike(state, ctx, trigger):
            return
        evidence = self._evidence(state, ctx, trigger)
        if not evidence.supported and not evidence.claimed and not evidence.follows:
            return
        if strength == "claimed" and not self._own_claimed_strike(state, ctx, trigger, evidence):
            return
        carried = self.attackers.carried(state, ctx, trigger)
        choice = self.attackers.named(ctx, trigger, evidence, carried,
                                      self._own_attackers(ctx, trigger))
        if choice.attackers:
            ctx.named_attackers.extend(a for a in choice.attackers if a not in ctx.named_attackers)
        else:
            choice.attackers = carried
        scope = self.triggers.apart(trigger, self._strike_scope(trigger), ctx.triggers,
                                    self._placed(ctx)) - self._a_force_s_own_move(ctx, tok)
        when = strike_date(self.lex, state, ctx, scope)
        if evidence.follows and not evidence.supported and not evidence.claimed:
            scope = scope & self._own_words(tok)
        here = self._where(state, ctx, scope, choice)
        if here:
            self._add_events(state, ctx, here, choice, when, evidence)
        elif not self._strike_on_the_victims_before(state, ctx, choice, evidence):
            ctx.unplaced = [*(ctx.unplaced or ()), *choice.attackers]
            ctx.without_place = ctx.without_place or StrikeWithoutPlace(ctx, choice, evidence, when)

    def _own_attackers(self, ctx: SentenceContext, trigger: Trigger) -> list[ActorEntry]:
        """Who the sentence says struck, on any of its strike words but those of another
        side's clause that names its own place ("Air strikes hit Sanaa as Houthis fired
        missiles at Riyadh": the Houthis did not strike Sanaa; "Israeli jets struck Khan Younis
        after rocket fire on Sderot": Israel did not fire on Sderot)."""
        placed = self._placed(ctx)
        return self.triggers.own_attackers([t for t in ctx.triggers if not self.triggers.not_its_attacker(
            trigger, t, placed)], ctx.sdoc)

    def _placed(self, ctx: SentenceContext) -> set[int]:
        """The tokens of the places the sentence names (found once, when first needed)."""
        if ctx.places is None:
            ctx.places = self.places.find(ctx.sdoc, ctx.speaker_tokens, ctx.actors)
        return set().union(set(), *(p.tokens for p in ctx.places))

    def _a_generic_voice_s_own(self, org: OrgEntry | None, attacker: ActorEntry | None,
                               span: Span | None) -> bool:
        """ "The military said its jets struck Nabatieh", "the army said it shelled Nyala": an
        unnamed force speaking of its own forces is their voice, whichever state later settles
        both (the ground struck, or the other side's across a border, ``settle_attackers``);
        settled apart, a voice by the ground and a strike by the border, it lost its own."""
        if org is None or attacker is None or span is None or not span.text.split():
            return False
        lex = self.lex
        return org.org is None and org.country is None and org.group is None \
            and org.role == "belligerent" and attacker.resolve == "territory" \
            and span.text.split()[0].lower() in lex.own_possessives | lex.own_subjects

    def _own_claimed_strike(self, state: DocState, ctx: SentenceContext, trigger: Trigger,
                            evidence: StrikeEvidence) -> bool:
        """A claimed verb ("destroyed") reports a strike in a belligerent's own statement of
        its own act, when the text has named that state's strikes or the subject is the
        speaker's own air arm ("the Sudanese army said its air force destroyed ...")."""
        voice, tok = evidence.voice, trigger.tok
        if not evidence.claimed or evidence.ground \
                or not self.triggers.own_act(tok, ctx.sdoc, ctx.actors, voice):
            return False
        return voice.country in state.striking or self.triggers.flown_by_the_speaker(tok)

    def _evidence(self, state: DocState, ctx: SentenceContext, trigger: Trigger) -> StrikeEvidence:
        """What supports the strike word as an event (see StrikeEvidence)."""
        lex, sdoc, sentence, main = self.lex, ctx.sdoc, ctx.sentence, ctx.main
        strength, attached, found = trigger.strength, trigger.attached, trigger.found
        # an armed group flies no bombers: "The IS bombers targeted two YPG ... positions"
        # are suicide bombers, "Syrian air force bombers have pounded" aircraft; but its drones
        # are drones ("Houthi drones attacked Abha airport", weapons.yaml people_too)
        group_toks = set().union(set(), *(t for e, t in ctx.actors if not e.state))
        aircraft = any((t.lower_ in lex.aircraft_words or self.lex.base(t.lower_) in lex.aircraft_words)
                       and not (t.lower_ in lex.aircraft_people_too and any(
                           c.i in group_toks for c in t.children
                           if c.dep_ in ("compound", "amod", "nmod", "poss")))
                       for t in map(sdoc.__getitem__, attached))
        # "an army unit targeted ISIS sites": ground troops with no weapon named are no
        # strike (the dev gold conventions); "army units shelled", "troops fired rockets" are
        ground = strength == "weak" and not aircraft and not lex.weapons.search(sentence.text) and any(
            sdoc[i].lower_ in lex.ground_units for i in attached)
        supported = strength == "strong" or (any(e.state for e, _ in found) and not ground) or aircraft \
            or self._impact(trigger) or self.triggers.munition_hit(trigger, sdoc) \
            or (trigger.strength == "weak" and self.triggers.used_on_place(trigger.tok)) \
            or self.triggers.place_was_hit(trigger) or self._fired_on_place(ctx, trigger) \
            or self._a_place_under_fire(ctx, trigger) or self._more_strikes_hit(state, ctx, trigger) \
            or self._attack_on_a_thing_in_a_log(state, ctx, trigger)
        claimed = main is not None and main.org is not None and (
            main.org.role == "belligerent" or _a_government_s_own_strike(main.org, trigger)) \
            and not self.triggers.disowned(trigger.tok) and not _another_side_s(main.org, trigger)
        voice = main.org if claimed else None
        if main is None and voice is None:
            voice = self.speakers.quote_speaker(state, sentence)
            claimed = voice is not None and voice.role == "belligerent"
        follows = self.attackers.follows(state, ctx, trigger, ground)
        return StrikeEvidence(supported, ground, claimed, voice, follows)

    def _a_labour_strike(self, state: DocState, ctx: SentenceContext, trigger: Trigger) -> bool:
        """A bare "strike" that is a walkout: its strikers named ("strikes by dockworkers hit
        ports in Marseille", "a teachers' strike closed schools in Aden"), or any bare one in a
        story that tells of a labour strike ("went on strike ... The strikes targeted
        refineries"), when its sentence names no weapon, aircraft, armed force or casualty (a
        walkout kills no one)."""
        tok, lex, text = trigger.tok, self.lex, ctx.sentence.text
        if tok.pos_ != "NOUN" or lex.base(tok.lower_) != "strike" or ctx.actors \
                or lex.weapons.search(text) or any(t.lower_ in lex.strengthen for t in ctx.sdoc) \
                or counts.find_casualties(text):
            return False
        strikers = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"
                    for g in c.children if g.dep_ == "pobj"]
        strikers += [c for c in tok.children if c.dep_ in ("compound", "poss", "nmod", "amod")]
        return state.labour_story or any(lex.base(t.lower_) in lex.strikers or t.lower_ in lex.strikers
                                         for t in strikers)

    def _more_strikes_hit(self, state: DocState, ctx: SentenceContext, trigger: Trigger) -> bool:
        """ "Further strikes hit the capital Sanaa overnight", "Another strike hit a school in
        Rafah", "The strikes targeted radar sites near Hodeidah", "a missile struck a hospital
        in Kyiv, and officials said the strikes killed 33 in Kyiv and 10 in Kryvyi Rih", further
        down a story that has told a strike (placed or not; in an earlier clause too): there
        "strikes" that hit, aim or kill are more of the same, not a labour strike (one sense in
        one story). In a story that has told none the word stays weak ("Strikes hit French
        refineries")."""
        tok = trigger.tok
        unplaced = state.unplaced_strike  # told with no place: by a force ("went on strike": none)
        told = bool(state.strikes) or bool(ctx.events) or unplaced is not None and any(unplaced.choice.attackers)
        return told and trigger.strength == "weak" and tok.dep_ == "nsubj" \
            and self.lex.base(tok.lower_) in self.lex.short_item_nouns \
            and (self.triggers.verb_of_impact(tok.head)
                 or self.lex.base(tok.head.lower_) in self.lex.strikes_told_verbs)

    def _attack_on_a_thing_in_a_log(self, state: DocState, ctx: SentenceContext,
                                    trigger: Trigger) -> bool:
        """A log entry's bare "attack on" a thing, under a title that is only a place
        (triggers.yaml logged_attacks): the log catalogues strikes. Not where the entry names
        men on the ground or a force as the doers ("Attack on a checkpoint by gunmen")."""
        tok, lex = trigger.tok, self.lex
        if not (state.short_item and state.title_place is not None and trigger.strength == "weak"
                and tok.pos_ == "NOUN" and tok.lower_ in lex.logged_attacks):
            return False
        on = any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in tok.children)
        return on and not any(t.lower_ in lex.effect_doers or t.lower_ in lex.force_nouns
                              or t.lower_ in lex.ground_units for t in ctx.sdoc)

    def _fired_on_place(self, ctx: SentenceContext, trigger: Trigger) -> bool:
        """Fire at a place the sentence names (``TriggerRules.fired_on_place``); the verb may
        be the munition's adjective in the parse ("Al-Shabaab fired mortars at Mogadishu
        airport; no casualties were reported", the munition read as the strike word)."""
        tok, lex = trigger.tok, self.lex
        if tok.pos_ != "VERB":
            tok = next((c for c in tok.children if c.dep_ == "amod" and c.pos_ == "VERB"), tok)
        if tok.pos_ != "VERB" or lex.base(tok.lower_) not in lex.firing_verbs:
            return False
        if ctx.places is None:
            ctx.places = self.places.find(ctx.sdoc, ctx.speaker_tokens, ctx.actors)
        return self.triggers.fired_on_place(replace(trigger, tok=tok),
                                            set().union(set(), *(p.tokens for p in ctx.places)))

    def _a_place_under_fire(self, ctx: SentenceContext, trigger: Trigger) -> bool:
        """ "Beryslav, Antonivka and Kherson city came under fire": a town that comes under
        fire is shelled (a governor's daily list); a patrol or a convoy that does is in a
        firefight, and names no place as the subject."""
        tok = trigger.tok
        come = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "under" else None
        if come is None or come.lower_ not in ("come", "comes", "came", "coming") or tok.lower_ != "fire":
            return False
        subject = [c for c in come.children if c.dep_ == "nsubj"]
        named = set()  # the subject and its conjuncts, not what a preposition adds ("Soldiers
        while subject:  # in Kidal")
            word = subject.pop()
            named.add(word.i)
            subject.extend(c for c in word.children if c.dep_ in ("conj", "compound", "appos")
                           or c.dep_ == "pobj" and word.lower_ == "of")  # "the town of X"
            if word.lower_ in self.lex.place_heads:
                subject.extend(c for c in word.children if c.dep_ == "prep" and c.lower_ == "of")
        return bool(named & self._placed(ctx))

    def _impact(self, trigger: Trigger) -> bool:
        """ "a missile slammed into a ... neighborhood": a munition that lands is a strike,
        and so is one that killed ("soldiers killed by a shell fired by separatists") and one
        fired at a place: "fired waves of rockets into ... western Aleppo"."""
        lex, tok = self.lex, trigger.tok
        munition = tok.lower_ in lex.munition_words or lex.base(tok.lower_) in lex.munition_words \
            or self.triggers.drone_fired(tok)
        fired = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" \
            and tok.head.head.dep_ == "dobj" else tok  # "a barrage of rockets"
        if fired.dep_ == "compound" and fired.head.pos_ == "NOUN":
            fired = fired.head  # the munition names the rounds: "Mortar rounds fell on Mogadishu"
        agent_of = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "agent" else None
        if trigger.strength == "weak" and (self.triggers.killed_by(tok) or self.triggers.dropped(tok)):
            return True  # "Drones killed 21 civilians in Tinzaouaten"
        return trigger.strength == "weak" and munition and (
            (fired.dep_ in ("nsubj", "nsubjpass") and self.triggers.verb_of_impact(fired.head))
            or self.triggers.landed_as_told(tok)
            or (agent_of is not None and lex.base(agent_of.lower_) in lex.impact_verbs)
            or self.triggers.fired_by_its_verb(fired)
            or self.triggers.fired_as_a_noun(tok))  # "The RSF fire drones at Port Sudan"

    def _strike_scope(self, trigger: Trigger) -> set[int]:
        """The tokens that say where and when the strike word's strike was."""
        tok = trigger.tok
        scope = self.triggers.scope(tok)
        if trigger.strength == "claimed":  # where, not what: "... natives of the North Caucasus were destroyed in X"
            scope = {tok.i} | {t.i for c in tok.children if c.dep_ == "prep" for t in c.subtree}
            # and where the thing destroyed stood: "destroyed an army depot in Kosti", "a
            # command post near Kupiansk" (the parser hangs the place on the object)
            scope |= {t.i for c in tok.children if c.dep_ == "dobj" for p in c.children
                      if p.dep_ == "prep" and p.lower_ in _WHERE_IT_STOOD for t in p.subtree}
        return scope

    def _own_words(self, tok) -> set[int]:
        """Only where the word itself says ("raids in a northern district of Manbij"), not
        a place elsewhere in its clause ("the attack was a response to the chemical
        weapon use in Idlib"); where the victims were as it killed them is its own too
        ("killed in strikes as they fled a village near Manbij")."""
        own = {t.i for t in tok.subtree}
        if tok.dep_ in ("pobj", "pcomp"):  # "killed in raids in a northern district of Manbij"
            verb = tok.head.head
            own |= {t.i for c in verb.children if c.dep_ == "prep" or self._whereabouts(c)
                    for t in c.subtree}
        return own

    def _a_force_s_own_move(self, ctx: SentenceContext, tok) -> set[int]:
        """The tokens of a clause telling what a force did meanwhile, where no strike word is:
        "The strikes came as HTS-led rebels advanced on Hama", "Air strikes hit Khartoum as
        the RSF advanced on El Obeid". Its place is the force's, not the strike's; a clause on
        where the victims were ("as they walked to school near Saraqib") names no force."""
        forces = set().union(set(), *(toks for _, toks in ctx.actors))
        strike_words = {t.tok.i for t in ctx.triggers}
        out: set[int] = set()
        for clause in ctx.sdoc:
            if not forces or not self._whereabouts(clause):
                continue  # most words open no such clause: their subtrees are not walked
            words = {t.i for t in clause.subtree}
            if tok.i not in words and not words & strike_words \
                    and any(c.dep_ == "nsubj" and {t.i for t in c.subtree} & forces
                            for c in clause.children):
                out |= words
        return out

    def _whereabouts(self, clause) -> bool:
        """ "as they fled a village near Manbij": a clause on where the victims were."""
        return clause.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in self.lex.whereabouts_markers for c in clause.children)

    def _strike_places(self, ctx: SentenceContext, scope: set[int]) -> list[PlaceCandidate]:
        """The finest places among those the strike word governs; a region only when no finer."""
        here = [p for p in ctx.places if p.tokens & scope]
        if not here:
            return here
        if any(not self._launch_site(ctx.sdoc, p) for p in here):
            here = [p for p in here if not self._launch_site(ctx.sdoc, p)]
        if any(p.precision != "region" for p in here):
            here = [p for p in here if p.precision != "region"]
        # the land a victim belongs to ("a DPR militiaman killed") only when nothing finer is
        # named: "a DNR official was killed by shelling in Donetsk" is Donetsk
        if any(p.text.lower() not in self.lex.territories for p in here):
            here = [p for p in here if p.text.lower() not in self.lex.territories]
        return _one_end_of_a_line(ctx.sdoc, self.places.finest(here, ctx.sdoc, ctx.places))

    def _launch_site(self, sdoc, place: PlaceCandidate) -> bool:
        """Where the munitions were fired from, not where they fell: "mortar shells fired
        from Eastern Ghouta landed on Bab Touma", "rockets launched from Gaza hit Sderot"."""
        root = next((sdoc[i] for i in place.tokens if sdoc[i].head.i not in place.tokens), None)
        fired = root.head.head if root is not None else None
        return root is not None and root.dep_ == "pobj" and root.head.lower_ == "from" \
            and fired.pos_ == "VERB" and self.lex.base(fired.lower_) in self.lex.firing_verbs

    def _as_the_title_writes_it(self, state: DocState, sentence: Sentence,
                                here: list[PlaceCandidate]) -> list[PlaceCandidate]:
        """A place of the text that a place title writes with its container or its part is
        the title's place: "Vesele (Kherson Oblast)" over "A school in Vesele was destroyed"
        says which Vesele, "Bortnychi (Darnytskyi district), Kyiv" over "... a missile impact
        in Bortnychi, Kyiv" where in Kyiv, "Saada, Sahar district" over "Houses in Saada hit
        by artillery" which Saada. A place the title does not name ("Izium" under "Kharkiv
        Oblast") stays the text's."""
        names = title_names(state.title_place)
        if not names or not any(_place_key(p.text) in names for p in here):
            return here
        kept = [p for p in here if _place_key(p.text) not in names]
        return kept + self._title_place(state, sentence)

    @staticmethod
    def _title_place(state: DocState, sentence: Sentence) -> list[PlaceCandidate]:
        """A strike word whose words name no place is about the place the title names, when
        the title is only a place ("Novoselivka Druha" over "Civilian homes hit by artillery.",
        "Kharkiv" over "Damage to Saltivskyi Market following a shelling.")."""
        place = state.title_place
        if place is None:
            return []
        off = sentence.start  # a candidate's characters count from its sentence
        return [replace(place, start=place.start - off, end=place.end - off)]

    def _where(self, state: DocState, ctx: SentenceContext, scope: set[int],
               choice: AttackerChoice) -> list[PlaceCandidate]:
        """The strike's places: those its words name; the title's place, when that is only a
        place, for names the gazetteer lacks (a landmark, a city's part, a hamlet, a hill: "the
        Sabreen market", "Pazigyi village", "Dahyan", "the Faj Attan mountain"), whose spot the
        title is all we can map; a town its reporter is named after when those are regions or
        none; the title's place (a dateline's city only here); else the land of the side hit."""
        own = self._as_the_title_writes_it(state, ctx.sentence, self._strike_places(ctx, scope))
        if own and state.title_place is not None and not state.filed_from and all(
                not p.known or self._named_only_abroad(state, p) for p in own) \
                and not any(self._in_a_unit_the_title_is_not(state, ctx, p) for p in own):
            return self._title_place(state, ctx.sentence)
        if any(p.precision != "region" for p in own):
            return own
        return self._reporters_town(ctx) or own or self._title_place(state, ctx.sentence) \
            or self._land_of_the_side_hit(ctx, choice)

    def _in_a_unit_the_title_is_not(self, state: DocState, ctx: SentenceContext,
                                    place: PlaceCandidate) -> bool:
        """The text writes the place with its own province or district, and the title's place
        lies outside it: "... in the village of X in Sumy oblast" under "Kharkiv", "the
        village of Y in Magway Region" under "Sagaing". The text's container says where the
        village is; the title is then only where the log files it."""
        # the unit may be inside the candidate ("Myropillia Druha in Sumy region") or after it
        unit = _UNIT_AFTER.search(ctx.sentence.text[:place.end + 60], place.start)
        if unit is None:
            return False
        name, noun = unit.group("name"), unit.group("noun")
        if noun and noun.lower() in self.lex.unit_nouns:
            name = f"{name} {noun}"
        resolve = self.places.gazetteer.resolve
        box, title = resolve(name), resolve(state.title_place.text)
        if getattr(box, "precision", None) not in ("admin1", "admin2"):
            return False
        return (getattr(title, "country", None), getattr(title, "admin1", None)) \
            != (box.country, box.admin1)

    def _named_only_abroad(self, state: DocState, place: PlaceCandidate) -> bool:
        """A name the gazetteer knows only in other countries than the title's: a landmark or
        a part of a town named after a town abroad ("the Al-Thawra hospital" under "Hodeidah"
        is no hospital of Syria's al-Thawra, "the Al-Quds hospital" under "Aleppo" none of
        Jerusalem, "the Zhukovsky residential area" under "Kharkiv" no Zhukovsky near Moscow),
        or a village or township it lacks whose namesakes lie abroad ("Kani township" under
        "Sagaing Region" is no town of Japan, "Houla" under a South Lebanon title none of
        Syria's): the log's title says where it is."""
        words = place.text.split()
        nouns = self.lex.landmark_nouns | self.lex.city_parts | frozenset(self.lex.place_heads)
        if len(words) > 1 and words[-1].lower() in nouns:
            while len(words) > 1 and (words[-1].islower() or words[-1].lower() in nouns):
                words.pop()  # "residential area"
        gazetteer = self.places.gazetteer
        at = {c.country for c in gazetteer.lookup(" ".join(words))}
        title = {c.country for c in gazetteer.lookup(state.title_place.text)}
        if not title and isinstance(placed := gazetteer.resolve(state.title_place.text), Place):
            title = {placed.country}  # "Sagaing Region", "Kharkiv Oblast": a unit as written
        return bool(at) and bool(title) and not at & title

    def _reporters_town(self, ctx: SentenceContext) -> list[PlaceCandidate]:
        """The town of the local body a headline names as its source after a dash, for a strike
        whose words name no town: "One civilian killed in shelling in east Ukraine - Donetsk
        City Council", "Woman killed in Ukrainian military attack - Horlivka mayor", "Israeli
        strike kills three - Khan Younis municipality". A state's capital there ("- Kyiv")
        speaks for the state and says nothing of where."""
        tag = _source_tag(ctx.sdoc)
        if not tag:
            return []
        sdoc, dash = ctx.sdoc, min(tag)
        found = self.places.find(sdoc, ctx.speaker_tokens - tag, ctx.actors)
        for p in found:
            toks = p.tokens - {dash}
            name = sdoc[min(toks): max(toks) + 1] if toks else None
            if name is not None and p.tokens <= tag and p.precision != "region" \
                    and name.text.lower() not in self.lex.capitals:
                return [PlaceCandidate(name.text, name.start_char, name.end_char, toks, p.precision, p.known)]
        return []

    def _land_of_the_side_hit(self, ctx: SentenceContext, choice: AttackerChoice) -> list[PlaceCandidate]:
        """A strike whose words name no place fell on the land of a force named after its land
        that the sentence names and that did not fire: the side hit, or the side reporting its
        losses ("Ukrainian shelling leaves one militiaman dead - DPR operations command", "LPR
        reports death of militia fighter in Ukrainian forces shelling", "Drone strike kills
        five civilians - Tigray health bureau"). Only such a force's land says where (its
        registry ``territories``); a state's capital speaking ("Kyiv says") does not."""
        sdoc, firing = ctx.sdoc, set(choice.attackers)
        firing_toks = set().union(set(), *(toks for entry, toks in ctx.actors if entry in firing))
        # the registry's names first ("Donetsk People's Republic"), then single words (a
        # word's own lowered form: no span is made of every word of the sentence)
        named = [toks for _, toks in ctx.actors] + [{t.i} for t in sdoc if t.lower_ in self.lex.territories]
        for toks in named:
            name = sdoc[min(toks): max(toks) + 1]
            if name.text.lower() in self.lex.territories and not toks & firing_toks:
                return [PlaceCandidate(name.text, name.start_char, name.end_char, set(toks), None)]
        return []

    def _add_events(self, state: DocState, ctx: SentenceContext, here: list[PlaceCandidate],
                    choice: AttackerChoice, when: DateChoice | None, evidence: StrikeEvidence) -> None:
        """One strike mention per attacker and place, each keeping the sentence it came from."""
        main, sentence, off = ctx.main, ctx.sentence, ctx.sentence.start
        claimed, voice, events = evidence.claimed, evidence.voice, ctx.events
        source = main.text if main else None
        for attacker in choice.attackers:
            actor = Actor(attacker.name, attacker.country) if attacker else None
            by_attacker = _own_voice(main.org if main else None, attacker) or bool(
                main is None and claimed and _own_voice(voice, attacker)) or (  # its quote
                main is not None and self._a_generic_voice_s_own(main.org, attacker, choice.span)) \
                or _own_voice(state.outlet, attacker)  # its own release
            for p in here:
                # "The strikes targeted depots near Tyre": the verb's strike is its subject's,
                # whose attacker it does not know better
                if any(e.place_text == p.text and (e.attacker == actor or actor is None)
                       for e in events):
                    continue
                events.append(StrikeMention(
                    doc_id=state.doc.id,
                    sentence=ctx.sent_span,
                    place_text=p.text,
                    place_span=Span(p.start + off, p.end + off, p.text),
                    attacker=actor,
                    attacker_span=choice.span,
                    date=when.date if when else state.reference,
                    date_precision=when.precision if when else ("day" if state.reference else None),
                    date_text=when.text if when else None,
                    weapon=self.triggers.weapon(sentence.text),
                    source=source,
                    claimed_by_attacker=by_attacker,
                    hedged=ctx.hedged,
                ))
            if attacker:
                ctx.event_attackers.append(attacker)

    def _toll_of_the_strike_before(self, state: DocState, ctx: SentenceContext) -> None:
        """A sentence with a toll and no strike place of its own gives that toll to the strike
        of the sentence just before ("... struck a house in Douma. The strike killed 12
        people"), when it points back to it ("the strike", "the raid") or names no place and
        no day of its own, and never when it speaks of a period. The strike before must be one
        place's, still without a toll: a toll the text does not split is no one place's. A
        place the story already gave a strike that day is that strike said again, not the
        one told ("... concentrated on the Castello road, the last supply route into the
        city of Aleppo", after strikes on Aleppo that day): it takes no share."""
        before = _strikes_just_before(state, ctx.sentence)
        if any(not m.casualties.killed.empty for m in before):
            return
        before = _newly_told(state, before)
        if len({m.place_text for m in before}) != 1:
            return
        text = ctx.sentence.text
        if not counts.points_back_to_a_strike(text) and (
                self.places.find(ctx.sdoc, ctx.speaker_tokens, ctx.actors)
                or (state.reference and dates.resolve_date_expressions(text, state.reference))):
            return
        toll = self.victims.toll_told_again(text)
        if toll is None:
            # "The road was hit with over 100 missiles.": the strike before, told again with no
            # place; a toll told next is still that strike's
            retold = ctx.unplaced is not None and opens_on_the_thing_hit_before(text)
            state.retold = ctx.sent_span if retold else None
            return
        day = self._own_day_told_again(state, ctx, before)
        for i, m in enumerate(state.strikes):
            if m in before:
                state.strikes[i] = replace(m, casualties=toll, support=(*m.support, ctx.sent_span),
                                           **day)

    def _own_day_told_again(self, state: DocState, ctx: SentenceContext,
                            before: list[StrikeMention]) -> dict:
        """The day a sentence pointing back to the strike before gives it, when that strike
        had none of its own ("The health ministry said on Tuesday that an air strike hit a
        market in Omdurman. The strike on Monday killed 14 people"): the strike's own day
        beats the saying's."""
        if any(m.date_text is not None for m in before) \
                or not counts.points_back_to_a_strike(ctx.sentence.text):
            return {}
        when = strike_date(self.lex, state, ctx, set(range(len(ctx.sdoc))))
        return {} if when is None or when.text is None else \
            {"date": when.date, "date_precision": when.precision, "date_text": when.text}

    def _toll_update(self, state: DocState, ctx: SentenceContext) -> None:
        """Keep a sentence that gives a toll as risen and tells no strike ("The toll rose to 26
        by Tuesday morning after three of the wounded died"), however far from the strike it
        updates: a wire story gives the new figure paragraphs after its lead. Which strike it
        updates is decided once the document is read (``merge.with_later_tolls``)."""
        text = ctx.sentence.text
        if not counts.is_toll_update(text):
            return
        toll = self.victims.toll_told_again(text)
        if toll is None:
            return
        if ctx.places is None:
            ctx.places = self.places.find(ctx.sdoc, ctx.speaker_tokens, ctx.actors)
        state.toll_updates.append(TollUpdate(ctx.sent_span, toll, tuple(p.text for p in ctx.places)))

    def _strike_on_the_victims_before(self, state: DocState, ctx: SentenceContext,
                                      choice: AttackerChoice, evidence: StrikeEvidence) -> bool:
        """ "The regime committed a massacre in the neighborhood of Bab Alnairab, killing at
        least 25 civilians. The victims were hit by airstrikes while ...": a strike word that
        names no place, in a sentence that opens on the victims of the sentence right before
        (which told a toll at one place and no strike), is the strike on that place, told in
        that sentence: its place, day, toll and the state forces it names when this sentence
        names none; the delivery words are this one's. Returns whether it was."""
        before = state.toll_without_strike
        if before is None or state.doc.text[before.ctx.sentence.end:ctx.sentence.start].strip() \
                or not opens_on_the_victims_before(ctx.sentence.text):
            return False
        told = before.ctx
        if choice.attackers == [None] or choice.span is not None:  # a span is this sentence's
            named = [e for e, _ in told.actors if e.state]
            choice = AttackerChoice(named or [a for a in choice.attackers], None)
        when = strike_date(self.lex, state, told, set(range(len(told.sdoc))))
        self._add_events(state, told, [before.place], choice, when, evidence)
        events = self.victims.add_victims(told.events, told.sdoc, told.sentence, told.speaker_tokens,
                                          told.actors, source=told.main.text if told.main else None)
        kind = event_type_of(ctx.sentence.text)  # the delivery words are this sentence's
        state.strikes.extend(replace(e, support=(*e.support, ctx.sent_span),
                                     event_type=kind if e.event_type == "unknown" else e.event_type)
                             for e in with_site(events, told.sentence.text))
        state.toll_without_strike = None
        return True

    def _strike_placed_next(self, state: DocState, ctx: SentenceContext) -> None:
        """ "... an air strike late on Wednesday by the coalition hit poison gas supplies
        ... that killed 'hundreds'. The incident in the eastern Deir al-Zor province proved
        ...": a sentence with no strike of its own that points back to the strike the sentence
        just before told with no place ("the incident", "the attack"), and names one place,
        places that strike. Its attackers, day, toll and delivery words are the first
        sentence's; no place, or several, leaves it unplaced."""
        told = state.unplaced_strike
        if told is None or ctx.events or not counts.points_back_to_a_strike(ctx.sentence.text) \
                or state.doc.text[told.ctx.sentence.end:ctx.sentence.start].strip():
            return
        if ctx.places is None:
            ctx.places = self.places.find(ctx.sdoc, ctx.speaker_tokens, ctx.actors)
        places = [p for p in ctx.places if p.precision != "region"] or ctx.places
        if len({p.text for p in places}) != 1:
            return
        self._add_events(state, ctx, places[:1], told.choice, told.when, told.evidence)
        first = told.ctx.sentence.text
        toll = self.victims.toll_told_again(first) or Casualties()
        state.strikes.extend(replace(e, casualties=toll, event_type=event_type_of(first),
                                     support=(*e.support, told.ctx.sent_span)) for e in ctx.events)
        ctx.events.clear()

    def _toll_without_strike(self, ctx: SentenceContext) -> TollWithoutStrike | None:
        """The sentence's toll at its one place when it has no strike word (see
        ``_strike_on_the_victims_before``); None otherwise."""
        if ctx.unplaced is not None or ctx.sentence.segment_kind == "title" \
                or self.victims.toll_told_again(ctx.sentence.text) is None:
            return None
        if ctx.places is None:
            ctx.places = self.places.find(ctx.sdoc, ctx.speaker_tokens, ctx.actors)
        fine = [p for p in ctx.places if p.precision != "region"]
        return TollWithoutStrike(ctx, fine[0]) if len(fine) == 1 else None

    def _unplaced_toll(self, state: DocState, ctx: SentenceContext) -> UnplacedToll | None:
        """The toll of a strike sentence that names no place, for the next sentence to place
        ("Army helicopter fire killed 9 people at a camp near the border. ... in the air raid
        on the camp near the village of Nassib"), with the kind of site it says was hit and
        the day it gives; None when it has none or is a period's."""
        if ctx.unplaced is None or ctx.sentence.segment_kind == "title":
            return None
        toll = self.victims.toll_told_again(ctx.sentence.text)
        countries = tuple(a.country for a in ctx.unplaced if a is not None and a.country)
        if toll is None:
            return None
        when = strike_date(self.lex, state, ctx, set(range(len(ctx.sdoc))))
        return UnplacedToll(ctx.sent_span, toll, countries, event_type_of(ctx.sentence.text),
                            site=site_finder().find(ctx.sentence.text),
                            when=when if when is not None and when.text else None)

    @staticmethod
    def _toll_of_the_strike_unplaced(state: DocState, ctx: SentenceContext,
                                     events: list[StrikeMention]) -> list[StrikeMention]:
        """The strikes of a sentence that places the strike the sentence just before told
        with a toll and no place take that toll, when they point back to it ("the air raid",
        "the strike", or the site it hit: "A school ... was hit by air strikes on Saturday
        that killed 10 children. The school in Haydan was hit by two strikes"), are of one
        place, tell no dead of their own and no other force: one strike, its toll in one
        sentence and its place in the next; they take its day when they say none. Wounded
        the first sentence does not count stay the second's ("Four people were also wounded
        in the air raid on the camp near Nassib"); so does its event type, unless it names
        none ("A coalition air strike killed 29 children ... The strike hit the market")."""
        told = state.unplaced_toll
        if told is None or state.doc.text[told.sentence.end:ctx.sentence.start].strip() \
                or len({e.place_text for e in events}) != 1 \
                or any(not e.casualties.killed.empty for e in events) \
                or any(e.attacker is not None and told.attackers
                       and e.attacker.country not in told.attackers for e in events) \
                or not (counts.points_back_to_a_strike(ctx.sentence.text)
                        or _names_the_site_again(told.site, ctx.sentence.text)):
            return events
        def toll_of(e: StrikeMention):
            wounded = told.casualties.wounded
            return replace(told.casualties, wounded=e.casualties.wounded if wounded.empty else wounded)
        def day_of(e: StrikeMention) -> dict:
            when = told.when
            return {} if when is None or e.date_text is not None else \
                {"date": when.date, "date_precision": when.precision, "date_text": when.text}
        return [replace(e, casualties=toll_of(e), support=(*e.support, told.sentence),
                        event_type=told.event_type if e.event_type == "unknown" else e.event_type,
                        **day_of(e))
                for e in events]

    def _finish(self, state: DocState, ctx: SentenceContext) -> None:
        """Victims of the sentence's strikes, what it leaves the sentences after, and its claims."""
        sentence, sdoc, attributions, main = ctx.sentence, ctx.sdoc, ctx.attributions, ctx.main
        events = ctx.events
        if events:
            events = self.victims.add_victims(events, sdoc, sentence, ctx.speaker_tokens, ctx.actors,
                                              source=main.text if main else None,
                                              strike_words=_strike_words(ctx))
            events = self._toll_of_the_strike_unplaced(state, ctx, with_site(events, sentence.text))
            if attributions:
                state.speakers[sentence.start] = tuple(a.key for a in attributions)
            (state.headline if sentence.segment_kind == "title" else state.strikes).extend(events)
        elif sentence.segment_kind != "title":
            self._toll_of_the_strike_before(state, ctx)
            self._strike_placed_next(state, ctx)
            self._toll_update(state, ctx)
        state.unplaced_strike = None if events else ctx.without_place
        state.unplaced_toll = None if events else self._unplaced_toll(state, ctx)
        state.toll_without_strike = None if events else self._toll_without_strike(ctx)
        if ctx.named_attackers:
            state.last_attackers = LastAttackers(sentence.paragraph, sentence.end, tuple(ctx.named_attackers))
        state.striking.update(e.country for e in (*ctx.strike_actors, *ctx.event_attackers) if e.country)
        for att in attributions:
            claim = self.claims.claim(state, sentence, sdoc, att, ctx.actors,
                                      ctx.event_attackers or ctx.strike_actors, attributions)
            if claim:
                state.claims.append((att.key, claim))


def _strike_words(ctx: SentenceContext) -> frozenset[int]:
    """The tokens of the sentence's words that tell a strike: not a word of what a strike did
    ("12 IS members were killed when Russian warplanes hit Raqqa": the victims' clause is the
    strike's own)."""
    return frozenset(t.tok.i for t in ctx.triggers if t.strength != "claimed")


def _one_end_of_a_line(sdoc, here: list[PlaceCandidate]) -> list[PlaceCandidate]:
    """Places "between" which a strike fell mark one line, not one strike each: "the road
    between Amuda and Qamishli" is one strike, at its first end; "the Mutaibija area between
    Salahuddin and Diyala" is one strike in Mutaibija."""
    ends = [p for p in here if _between(sdoc, p)]
    if not ends:
        return here
    others = [p for p in here if p not in ends]
    return others or ends[:1]


def _between(sdoc, place: PlaceCandidate) -> bool:
    root = next((sdoc[i] for i in place.tokens if sdoc[i].head.i not in place.tokens), None)
    while root is not None and root.dep_ == "conj":
        root = root.head
    return root is not None and root.dep_ == "pobj" and root.head.lower_ == "between"


def _names_the_site_again(site: str | None, text: str) -> bool:
    """The sentence speaks of the kind of site told before as one already told ("The school
    in Haydan was hit ...", after "A school ... was hit"; "The NDF base was attacked", after
    "struck the military base of the NDF"): its last word after "the" and at most one more."""
    if not site:
        return False
    head = re.escape(site.split()[-1])
    return re.search(rf"\b(?:the|this|that)\s+(?:[\w-]+\s+)?{head}\b", text, re.IGNORECASE) is not None


def _newly_told(state: DocState, strikes: list[StrikeMention]) -> list[StrikeMention]:
    """The strikes of one sentence less those at a place the sentence names only to say where
    another lies ("the last supply route into the city of Aleppo", "east of Khan Younis") when
    an earlier sentence already gave that place a strike that day (merging joins them to it),
    unless that leaves none. "a school in Bani Suheila and a house in Khan Younis" names two."""
    first = min(m.sentence.start for m in strikes) if strikes else 0
    told = {(_place_key(m.place_text), m.date) for m in state.strikes if m.sentence.start < first}
    new = [m for m in strikes if (_place_key(m.place_text), m.date) not in told
           or not _names_where_another_lies(m)]
    return new or strikes


# the words before a place named as where another lies: "into the city of ", "east of ",
# "near ", "outside the town of "
_WHERE_ANOTHER_LIES = re.compile(r"\b(?:of|into|near|outside|towards?)\s+(?:the\s+)?"
                                 r"(?:(?:city|town|village|province)\s+of\s+)?$", re.IGNORECASE)


def _names_where_another_lies(m: StrikeMention) -> bool:
    """The mention's place is named after a word that says where something else lies."""
    if m.place_span is None:
        return False
    at = m.place_span.start - m.sentence.start
    return bool(_WHERE_ANOTHER_LIES.search(m.sentence.text[max(0, at - 40):at]))


def _strikes_just_before(state: DocState, sentence: Sentence) -> list[StrikeMention]:
    """The strikes of the sentence right before this one (nothing but spaces between them),
    or right before the sentence that told them again with no place (``DocState.retold``)."""
    if not state.strikes:
        return []
    last, text = state.strikes[-1].sentence, state.doc.text
    between = text[last.end:sentence.start] if last.end <= sentence.start else "x"
    retold = state.retold
    if retold is not None and last.end <= retold.start and retold.end <= sentence.start:
        between = text[last.end:retold.start] + text[retold.end:sentence.start]
    if between.strip():
        return []
    return [m for m in state.strikes if m.sentence.start == last.start]


# prepositions that say where a thing destroyed stood
_WHERE_IT_STOOD = frozenset({"in", "near", "at", "outside", "around"})


def _a_government_s_own_strike(org: OrgEntry, trigger: Trigger) -> bool:
    """A state's government telling of its own forces' strike ("Nigeria's government said its
    jets struck a Boko Haram camp", "the government in Kyiv said its drones hit ..."): for
    that strike it speaks as the belligerent does."""
    return org.role == "government" and org.country is not None \
        and _the_speaker_acts(trigger.tok)


def _another_side_s(org: OrgEntry, trigger: Trigger) -> bool:
    """Whether the strike word's own agent ("by" the force) is a force named outright that is
    not its voice's ("the army said its forces repelled an attack by the RSF militia on El
    Fasher", "the ministry said it foiled an assault by HTS on Saraqeb"): the voice tells
    another's act, which its word does not make a strike; what the attack was must be said as
    for any report. A generic word ("the army") is settled later, and a force "supported by"
    another is the voice's own."""
    agents = {t.i for c in trigger.tok.children if c.dep_ == "agent" or (
        c.dep_ == "prep" and c.lower_ == "by") for t in c.subtree}
    return any(toks & agents and entry.resolve is None and not _own_voice(org, entry)
               for entry, toks in trigger.found)


def _own_voice(org: OrgEntry | None, attacker: ActorEntry | None) -> bool:
    """Whether a speaker is the attacker's own voice: a belligerent or governing body of the
    attacker's state ("Russia's defence ministry"), or the armed group itself, its spokesman
    or its media wing ("Al-Shabaab said its fighters shelled ...", "Saree said ...")."""
    if org is None or attacker is None:
        return False
    if org.country and org.country == attacker.country:
        return org.role in ("belligerent", "government")
    return org.group is not None and org.group == attacker.registry_code
