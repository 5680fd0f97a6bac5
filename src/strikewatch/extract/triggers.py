"""Strike words: which words of a parsed sentence report a strike, how strongly, which of
them are no event (negated, hypothetical, campaign-level, a car bomb), the tokens that can
name who struck, and the tokens a strike word governs (where its place and date are)."""

from __future__ import annotations

from strikewatch.lexicons import Lexicons, OrgEntry

from .state import Trigger
from .words import _SUBJ, _noun_phrase, _text, _the_speaker_acts, negates, the_thing_called, word_ids

# where ``excluded`` keeps its answers on a parsed sentence (``Doc.user_data``), by word index
_EXCLUDED_KEY = "strikewatch.excluded"


def _text_of(tok) -> str:
    """A token's phrase: "the air force" for "force"."""
    return " ".join(t.text for t in tok.subtree)


def _reports_the_word(verb, tok) -> bool:
    """A verb of reporting said of the strike word itself ("Explosions reported in
    Sevastopol", "A strike reported in Bortnychi"): it tells where the strike was, not what a
    speaker said."""
    return (verb.dep_ == "acl" and verb.head.i == tok.i) or (
        tok.head.i == verb.i and tok.dep_ in ("nsubj", "nsubjpass"))


def _ranks_the_strike(prep) -> bool:  # noqa: ANN001 - a spaCy token
    """A phrase that ranks the one strike told among others ("in one of the deadliest attacks
    of Washington's campaign against the group", "in the heaviest strikes since 2019"): the
    campaign or the period it names is the yardstick, not the strike's own scope."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return any(o.lower_ == "one" and any(g.lower_ == "of" for g in o.children)
               or any(g.tag_ == "JJS" for g in o.children) for o in objects)


def _verb_tagged_noun(tok) -> bool:
    """A verb the tagger calls a noun in a clipped caption: it has a subject ("Garage complex
    hit in Kharkiv", "Shopping complex hit in Taiz") or qualifies a noun as a clause
    ("Residential complex hit in Aden"); no noun does either."""
    return tok.pos_ == "NOUN" and (tok.dep_ == "acl" or any(c.dep_ in ("nsubj", "nsubjpass")
                                                            for c in tok.children))


def _gerund(tok) -> bool:
    """A verb's -ing form used as a noun ("damaged after shelling", "damaged by shelling"):
    it governs the clause it is part of, as a strike noun does."""
    return tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "pobj", "xcomp", "dobj", "nsubj", "csubj")


def _opens_as_a_command(tok) -> bool:
    """A caption's opening noun the tagger reads as a command: "Smoke over the port",
    "Fire at a fuel depot" (a verb there would have no subject)."""
    return tok.tag_ == "VB" and tok.i == tok.sent.start


def _strike_noun_read_as_auxiliary(tok, strong_nouns: frozenset[str]) -> bool:
    """A strike noun that the tagger took for an auxiliary of the verb after it ("Shelling hit
    a market in Omdurman", "Russian shelling hit Kupyansk", "Regime shelling killed two
    civilians"): no auxiliary is spelt "shelling" or "bombing"."""
    return tok.pos_ in ("AUX", "VERB") and tok.dep_ in ("aux", "auxpass") \
        and tok.lower_ in strong_nouns


def _verb_read_as_noun_between_names(tok, lemma: str, strong_verbs: frozenset[str]) -> bool:
    """A strike verb in a coder's present tense that the tagger reads as a noun between the
    force's name and the place's: "Al Shabaab shell Baidoa", "M23 shell Sake", "RSF shells
    El Fasher". No munition noun stands so between two names."""
    if tok.pos_ != "NOUN" or lemma not in strong_verbs or not 0 < tok.i < len(tok.doc) - 1:
        return False
    before, after = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
    return (before.pos_ == "PROPN" or before.is_upper) and after.pos_ == "PROPN"


class TriggerRules:
    """The strike-word rules over one sentence's parse, read from the lexicons."""

    def __init__(self, lex: Lexicons):
        self.lex = lex
        # every word strength() can answer for: the others skip the part-of-speech lookup
        self._trigger_words = (lex.strong_nouns | lex.weak_nouns | lex.strong_verbs
                               | lex.weak_verbs | lex.claimed_verbs | lex.munition_words
                               | lex.short_item_nouns | lex.aimed_short_item_nouns
                               | lex.flown_verbs | lex.firing_verbs
                               | lex.effect_nouns | lex.effect_participles | lex.effect_attributes
                               | lex.remnant_nouns
                               | lex.arms_nouns | lex.munition_last_words
                               | lex.aircraft_words  # "Warplanes killed 12 civilians in Idlib"
                               | lex.dropped_only)  # "a drone dropped a grenade on a car"
        # and the lowercase forms that are such a word or inflect one: strength() looks no
        # further at any other word than whether it ends a strong phrase
        self._trigger_form_ids = word_ids(self._trigger_words | {
            form for form, word in lex._base.items() if word in self._trigger_words})

    def find(self, sdoc, speaker_tokens: set[int], actors, *, short_item: bool = False) -> list[Trigger]:
        """The sentence's strike words, each with the tokens that can name who struck and the
        actors named on them; a modifier of another strike word is part of that one."""
        phrase_ends = {end for _, end, _, _ in self.lex.strong_phrases.find(_text(sdoc))}  # "barrel bombs"
        triggers = []
        for tok in self._may_be_strike_words(sdoc, phrase_ends):
            strength = self.strength(tok, phrase_ends, short_item)
            if strength is None or tok.i in speaker_tokens:
                continue
            if tok.dep_ in ("compound", "amod") and tok.head.i != tok.i \
                    and self.strength(tok.head, phrase_ends, short_item) is not None \
                    and not (short_item and self.told_by_effect(tok.head)):
                continue  # "a missile strike", "rocket shells": one strike word, the head
            if self._names_what_was_struck(tok, phrase_ends, short_item):
                continue
            attached = self.attached_tokens(tok)
            if strength == "claimed" or (short_item and self.told_by_effect(tok)):
                # the fighters "destroyed" are no attacker of the claim; what a strike left
                # says what was hit ("Russian ammo depot on fire"), not who struck
                triggers.append(Trigger(tok, strength, attached, []))
                continue
            # an alias that holds the strike word ("government shelling", which the parser may
            # split into a noun and a verb) names its attacker
            triggers.append(Trigger(tok, strength, attached, [
                (entry, toks) for entry, toks in actors if toks & (attached | {tok.i})
                and not toks & speaker_tokens and not self._defends(sdoc, toks)]))
        return triggers

    def _defends(self, sdoc, toks: set[int]) -> bool:
        """A state named as the owner of the defences ("Russia's air defence repelled a drone
        attack on Moscow") is the side struck, not the one striking."""
        owned = {sdoc[i].head for i in toks if sdoc[i].head.i not in toks
                 and sdoc[i].dep_ in ("poss", "amod", "compound")}
        return any(o.lower_ in self.lex.defenders for o in owned)

    def _may_be_strike_words(self, sdoc, phrase_ends: set[int]) -> list:
        """The tokens ``strength`` may answer for, in order: a trigger word's form, or the
        last word of a strong phrase. Read from the sentence's arrays of ids and offsets: a
        Token object for every word of every sentence cost more than the rules on the few."""
        from spacy.attrs import IDX, LENGTH, LOWER

        if not len(sdoc):
            return []
        ids = self._trigger_form_ids
        return [sdoc[i] for i, (word, at, n) in enumerate(sdoc.to_array([LOWER, IDX, LENGTH]).tolist())
                if word in ids or at + n in phrase_ends]

    def _names_what_was_struck(self, tok, phrase_ends: set[int], short_item: bool) -> bool:
        """A munition word naming the kind of what a strike word hit, not a munition fired:
        "struck Hezbollah rocket launchers near Khiam", "Russian jets struck Ukrainian rocket
        launchers", "drone launch sites were hit". The strike is the verb's; its owner there
        ("Hezbollah") is the target, no attacker of a second strike."""
        if tok.dep_ != "compound" or tok.head.i == tok.i:
            return False
        thing = tok.head
        verb = thing.head
        return thing.dep_ in ("dobj", "nsubjpass") and verb.i != thing.i and verb.pos_ == "VERB" \
            and self.strength(verb, phrase_ends, short_item) is not None \
            and self.lex.base(verb.lower_) not in self.lex.firing_verbs

    def own_attackers(self, triggers: list[Trigger], sdoc) -> list:
        """Who the sentence says struck, on any strike word: "injured in a terrorist attack with
        13 rocket shells on Harfa village" names the attacker on "attack", the place on "shells"
        (not on a campaign's: "Moscow has been staging air strikes ... targeting both Daesh in
        Deir Ezzor province and ... in Idlib province" is no strike of Moscow's on either)."""
        return sorted(dict.fromkeys(e for t in triggers
                                    if not self.excluded(t.tok, sdoc) or self.not_a_strike(t.tok, sdoc)
                                    for e, _ in t.found),
                      key=lambda e: (not e.state, e.generic))

    def campaign_clause(self, triggers: list[Trigger], sdoc) -> set[int]:
        """The clause of a campaign ("Moscow has been staging air strikes in support of its ally
        targeting both Daesh in Deir Ezzor province and ..."): it holds no strike of its own on
        a weak word ("targeting")."""
        return {t.i for tok in (tr.tok for tr in triggers) if tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ == "VERB"
                and self.excluded(tok, sdoc)
                and not self.not_a_strike(tok, sdoc) for t in tok.head.subtree}

    def strength(self, tok, phrase_ends: set[int], short_item: bool = False) -> str | None:
        """How strongly a word reports a strike: "strong" ("airstrike", "bombed"; in a short
        item also "strike", "explosions"), "weak" ("attack", "targeted", a munition fired or
        landing), "claimed" ("destroyed", in a belligerent's report), else None."""
        low = tok.lower_
        lemma = self.lex.base(low)
        if low in self._trigger_words or lemma in self._trigger_words:
            found = self._strength_of_word(tok, low, lemma, short_item)
            if found is not None:
                return found
        return "strong" if tok.idx + len(tok) in phrase_ends else None

    def _strength_of_word(self, tok, low: str, lemma: str, short_item: bool) -> str | None:
        """A trigger word's strength by how the tagger reads it (most words are none: the
        caller asks only of the lexicons' words)."""
        lex = self.lex
        if short_item and tok.i == 0 and tok.tag_ == "VB" \
                and (low in lex.short_item_nouns or self._aimed(tok)):
            return "strong"  # "Strike on a school in Rafah": the tagger reads a command
        if _strike_noun_read_as_auxiliary(tok, lex.strong_nouns):
            return "strong"  # "Shelling hit a market in Omdurman": the tagger's auxiliary
        if _verb_read_as_noun_between_names(tok, lemma, lex.strong_verbs):
            return "strong"  # "Al Shabaab shell Baidoa": the tagger's noun
        if short_item and self.told_by_effect(tok):
            return "strong"  # "Damage to a school in Kreminna", "Smoke rising over Perevalsk"
        if short_item and self.lies_where_it_fell(tok):
            return "strong"  # "Rocket motor embedded in a playground in Kharkiv"
        if low in lex.dropped_only and self.dropped(tok):
            return "weak"  # "dropped an explosive device on a car": the charge, whatever its tag
        if _verb_tagged_noun(tok) and lemma in lex.passive_hit_verbs:
            return "weak"  # "Garage complex hit in Kharkiv": the tagger's noun has a subject
        if tok.pos_ in ("NOUN", "PROPN"):
            return self._noun_strength(tok, low, lemma, short_item)
        if tok.pos_ == "ADJ" and tok.dep_ == "amod" and low.endswith("ed") and lemma in lex.strong_verbs:
            return "strong"  # "Shelled playground in Druzhkivka", "Bombed residences"
        if tok.pos_ == "VERB":
            return self._verb_strength(tok, lemma)
        return None

    def _noun_strength(self, tok, low: str, lemma: str, short_item: bool) -> str | None:
        lex = self.lex
        if low in lex.strong_nouns or lemma in lex.strong_nouns:
            return "strong"
        if short_item and (low in lex.short_item_nouns or lemma in lex.short_item_nouns
                           or self._aimed(tok)):
            return "strong"
        if low in lex.weak_nouns or lemma in lex.weak_nouns:
            return "strong" if self._weapon_qualified(tok) else "weak"
        if self.fired_or_landed(tok) or self.used_on_place(tok) or self.killed_by(tok):
            return "weak"
        return None

    def _aimed(self, tok) -> bool:
        """A short item's "hit" that tells a strike (triggers.yaml strong_in_short_items aimed):
        "Hit on a crowded market", "Donetsk market hit"; not the complement of a copula ("the
        film was a hit") nor a noun's modifier ("a hit song")."""
        return tok.lower_ in self.lex.aimed_short_item_nouns \
            and tok.dep_ not in ("attr", "compound", "amod")

    def _verb_strength(self, tok, lemma: str) -> str | None:
        lex = self.lex
        if lemma in lex.strong_verbs:
            return "strong"
        if lemma in lex.weak_verbs:
            return "weak"
        if lemma in lex.claimed_verbs and tok.tag_ in ("VBD", "VBN"):
            return "strong" if self.arm_claims(tok) else "claimed"
        if lemma in lex.flown_verbs and self.flown(tok):
            return "weak"
        if lemma in lex.firing_verbs and lemma not in lex.flown_verbs:
            # "fired at Mykolaiv": a strike when it is a place (fired_on_place); a verb of
            # launching only with an aircraft for its subject ("launched an offensive")
            return "weak"
        return None

    def _weapon_qualified(self, tok) -> bool:
        """A weak strike noun that a weapon qualifies, before it ("air strikes", "barrel bomb
        attacks", "an S-300 attack") or after "of" ("an attack of several S-300", "a strike
        of Kalibr missiles")."""
        lex = self.lex
        qualifiers = [t for c in tok.children
                      if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i for t in c.subtree]
        qualifiers += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"]
        return any(t.lower_ in lex.strengthen or lex.base(t.lower_) in lex.strengthen
                   for t in qualifiers)

    def told_by_effect(self, tok) -> bool:
        """A word for what a strike left (triggers.yaml effects_in_short_items), which in a
        short item reports the strike: "Damage to a school in Kreminna", "Donetsk railway
        station on fire", "Plume of smoke rising from Berdyansk port", "Kindergarten damaged in
        Lysychansk", "Collapsed roof of a clinic" (an attribute counts only as one). Not in an
        item that names a cause that is no strike or a fighting force's materiel destroyed
        (effects_not_strikes, effects_ground_losses)."""
        lex, low = self.lex, tok.lower_
        if low in lex.effect_nouns and (tok.pos_ in ("NOUN", "PROPN") or _opens_as_a_command(tok)):
            told = self._effect_noun(tok)
        elif low in lex.effect_attributes:
            told = tok.dep_ == "amod" or tok.i == tok.sent.start
        else:
            told = low in lex.effect_participles and tok.tag_ in ("VBN", "VBD", "VBG", "JJ") \
                and self._effect_participle(tok)
        return told and not lex.effects_not_strikes.find(tok.doc.text) and not self._ground_loss(tok.doc.text)

    def _ground_loss(self, text: str) -> bool:
        """Whether the item names a fighting force's materiel or the force itself
        (effects_ground_losses), a fuel or water tank not counting as a tank."""
        for s, e, _, _ in reversed(self.lex.effects_not_ground_losses.find(text)):
            text = text[:s] + text[e:]
        return bool(self.lex.effects_ground_losses.find(text))

    def _effect_noun(self, tok) -> bool:
        """An effect noun that tells the effect: not one naming something else ("fire
        missions", "a fire station"), nor a force's or a weapon's fire ("enemy fire", "forces
        fire at positions", "killed by fire", "under fire"; "artillery fire" has its weapon for
        strike word)."""
        lex = self.lex
        weapons_fire = tok.lower_ in lex.weak_nouns
        if tok.dep_ == "compound" or (weapons_fire and tok.dep_ == "pobj" and tok.head.lower_ in ("by", "under")):
            return False
        return not any(c.dep_ in ("compound", "amod", "nmod", "poss")
                       and (weapons_fire and self._weapon_word(c) or lex.actors.find(_text_of(c)))
                       for c in tok.children)

    def _effect_participle(self, tok) -> bool:
        """A participle said of the thing, with no doer that is no weapon: not "rebels
        destroyed the bridge", "Aerospace Forces destroyed ...", "destroyed by protesters". A
        caption's participle with an object and no subject ("Destroyed residential house",
        which the parser reads as a verb) has none; a subject with an object is the doer
        ("Students destroyed property at the institute"), unless it is the weapon or the
        caption's medium ("Video showing destroyed buildings in Dolyna")."""
        with_object = any(c.dep_ == "dobj" for c in tok.children)
        return not any(c.dep_ == "agent" and not self._by_weapon(c)
                       or c.dep_ == "nsubj" and (self._doer(c) or with_object and not self._weapon_word(c)
                                                 and not self._medium(c))
                       for c in tok.children)

    def _medium(self, subject) -> bool:
        """A caption's medium as the subject: "Video showing ...", "Satellite imagery shows"."""
        return any(t.lower_ in self.lex.effect_media for t in subject.subtree)

    def lies_where_it_fell(self, tok) -> bool:
        """A munition, or what is left of one, that a short item shows where it lies
        (triggers.yaml munition_remnants): the caption's head ("Tochka-U rocket in a courtyard
        in Mariupol", "Remnants of a cluster munition beside a home in Izium") or the subject
        of a verb of lying ("Unexploded mortar shell lying in a street of Douma"). Not a
        munition stored, seized or shipped (munitions_not_fired)."""
        lex = self.lex
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        if not self.is_munition(tok) and not (
                tok.lower_ in lex.remnant_nouns and any(self.is_munition(t) for t in tok.subtree)):
            return False
        verbs = [c for c in tok.children if c.dep_ == "acl" and c.lower_ in lex.remnant_verbs]
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lower_ in lex.remnant_verbs:
            verbs.append(tok.head)
        if tok.dep_ != "ROOT" and not verbs:
            return False
        placed = any(t.dep_ == "prep" and t.lower_ in lex.remnant_places
                     for w in (tok, *verbs) for t in w.subtree)  # the parser hangs it anywhere
        return placed and not lex.munitions_not_fired.find(tok.doc.text) \
            and not lex.effects_not_strikes.find(tok.doc.text)

    def _doer(self, subject) -> bool:
        """A subject that acts rather than suffers: a force ("Aerospace Forces destroyed ..."), a
        named actor ("the Houthis damaged ..."), a person or a people. A headline's thing is
        none: "The Stirol building damaged in Horlivka"."""
        lex, low = self.lex, subject.lower_
        return low in lex.force_nouns or low in lex.ground_units or low in lex.effect_doers \
            or subject.ent_type_ in ("PERSON", "NORP") or bool(lex.actors.find(_text_of(subject)))

    def _weapon_word(self, tok) -> bool:
        """A munition, an aircraft or a strike word: "artillery", "drone", "shelling"."""
        low, base = tok.lower_, self.lex.base(tok.lower_)
        return bool({low, base} & (self.lex.munition_words | self.lex.aircraft_words | self.lex.strengthen
                                   | self.lex.strong_nouns | self.lex.weak_nouns))

    def _by_weapon(self, agent) -> bool:
        """An agent phrase that names a weapon, a strike or a blast: "damaged by a rocket",
        "destroyed by shelling", "damaged by explosions" (not "by fire", which may be any)."""
        lex = self.lex
        return agent.dep_ == "agent" and any(
            self._weapon_word(t) or (t.lower_ in lex.effect_nouns and t.lower_ not in lex.weak_nouns)
            for t in agent.subtree)

    def flown(self, tok) -> bool:
        """Whether a verb's subject is an aircraft or an air force: "the air force launched
        nine offensives", "MiG fighters conducted three sorties"."""
        return any(c.dep_ == "nsubj" and any(kind == "aircraft" for _, _, _, kind in
                                             self.lex.weapons.find(_text_of(c)))
                   for c in tok.children)

    def is_munition(self, tok) -> bool:
        """A munition of weapons.yaml: "artillery", "shells", "warheads"; or a noun of arms
        one qualifies: "incendiary weapon"."""
        lex = self.lex
        if tok.lower_ in lex.munition_words or lex.base(tok.lower_) in lex.munition_words:
            return True
        return tok.lower_ in lex.arms_nouns and any(
            c.dep_ in ("amod", "compound") and c.lower_ in lex.munition_words for c in tok.children)

    def ends_a_munition(self, tok) -> bool:
        """The last word of a munition's name of several words: "white phosphorus"."""
        end = tok.idx + len(tok)
        return any(e == end and kind == "munition"
                   for _, e, _, kind in self.lex.weapons.find(tok.doc.text))

    def fired_or_landed(self, tok) -> bool:
        """A munition fired at something or landing somewhere is a strike word: "Russian forces
        fired artillery at Kupiansk", "a barrage of Grad rockets fell on the market"."""
        if self.dropped(tok):
            return True
        if not (self.is_munition(tok) or self.drone_fired(tok)):
            return False
        fired = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok
        if fired.dep_ == "compound" and fired.head.pos_ == "NOUN":
            fired = fired.head  # the munition names the rounds: "fired mortar rounds at Taiz"
        return self.fired_by_its_verb(fired) or self.fired_as_a_noun(tok) or (
            fired.dep_ in ("nsubj", "nsubjpass") and self.verb_of_impact(fired.head)) \
            or self.landed_as_told(tok)

    def fired_by_its_verb(self, fired) -> bool:
        """A munition that is the object of a verb of firing or dropping ("fired artillery at
        Kupiansk", "dropped a munition on a car"), or the subject of a passive one aimed at
        something ("mortar rounds were fired by al-Shabaab at the base in Baidoa", "rockets
        were launched at the airport in Aden"), not launched at a showcase."""
        verb, lex = self.lex.base(fired.head.lower_), self.lex
        if fired.head.pos_ != "VERB" or self._at_a_showcase(fired.head):
            return False
        if fired.dep_ == "dobj":
            return verb in lex.firing_verbs | lex.dropping_verbs
        return fired.dep_ == "nsubjpass" and verb in lex.firing_verbs and any(
            c.dep_ == "prep" and c.lower_ in ("at", "on", "upon", "into") for c in fired.head.children)

    def dropped(self, tok) -> bool:
        """A charge thrown or planted as often as dropped (weapons.yaml dropped_only), told
        as dropped: "a drone dropped explosives on a house in Sagaing"."""
        lex = self.lex
        dropped = tok.head if tok.dep_ == "amod" and tok.head.dep_ == "dobj" else tok  # "device"
        return (tok.lower_ in lex.dropped_only or lex.base(tok.lower_) in lex.dropped_only) \
            and dropped.dep_ == "dobj" and lex.base(dropped.head.lower_) in lex.dropping_verbs

    def killed_by(self, tok) -> bool:
        """A munition or an aircraft that killed or wounded: "Drones killed 21 civilians in
        Tinzaouaten", "Shells killed three children in Taiz" (the weapon is the strike)."""
        lex = self.lex
        if not (self.is_munition(tok) or tok.lower_ in lex.aircraft_words
                or lex.base(tok.lower_) in lex.aircraft_words):
            return False
        subject = tok
        while subject.dep_ == "conj" and subject.head.i != subject.i:
            subject = subject.head  # "FAMa and Wagner drones killed ..."
        verb = subject.head
        return subject.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lower_ in lex.victim_verbs

    def drone_fired(self, tok) -> bool:
        """A drone that a verb of firing has for its object, a one-way munition (weapons.yaml
        fired_as_munitions): "Hezbollah launched explosive drones at Metula", "Russia launched
        Shahed drones at Odesa", and drones told by their volley (weapons.yaml volleys):
        "launched a swarm of drones at Kyiv" (the verb's object is the swarm)."""
        lex = self.lex
        fired = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" \
            and tok.head.head.lower_ in lex.volleys else tok
        return bool({tok.lower_, lex.base(tok.lower_)} & lex.fired_as_munitions) and (
            fired.dep_ == "dobj" and lex.base(fired.head.lower_) in lex.firing_verbs
            and not self._at_a_showcase(fired.head) or self.fired_as_a_noun(tok))

    def fired_as_a_noun(self, tok) -> bool:
        """ "The RSF fire drones at Port Sudan", "Hezbollah fire rockets at Metula": the present
        tense read as a noun of the munition's name ("fire drones"), the sentence left with no
        verb; the munition's own "at" says where it was fired."""
        lex = self.lex
        return any(c.dep_ == "compound" and c.i < tok.i and lex.base(c.lower_) in lex.firing_verbs
                   for c in tok.children) \
            and any(c.dep_ == "prep" and c.lower_ in ("at", "on", "upon") for c in tok.children) \
            and not self._at_a_showcase(tok)

    def _at_a_showcase(self, verb) -> bool:
        """ "launched new drones at the Paris air show": the "at" phrase of the verb (or of its
        object, where the parser hangs it) names a show or a fair (weapons.yaml showcases),
        where a drone is launched as a product, not at a target. The phrase is read as
        written, to the next preposition or stop: the parser may hang "airshow" elsewhere."""
        doc = verb.doc
        for head in (verb, *(c for c in verb.children if c.dep_ == "dobj")):
            for prep in (c for c in head.children if c.dep_ == "prep"
                         and c.lower_ in ("at", "during")):
                j = prep.i + 1
                while j < len(doc) and doc[j].pos_ not in ("ADP", "PUNCT", "VERB", "CCONJ"):
                    if doc[j].lower_ in self.lex.showcases:
                        return True
                    j += 1
        return False

    def verb_of_impact(self, verb) -> bool:
        """A verb of impact, or one a verb of impact shares its subject with: "the rocket did
        not explode and landed in a courtyard"."""
        lex = self.lex
        # "Shells fired from Horlivka hit Toretsk": the parser makes "fired" the main verb
        # and the verb of impact a clause of it, which shares the munition as its subject
        shared = ("conj", "advcl") if lex.base(verb.lower_) in lex.firing_verbs else ("conj",)
        return lex.base(verb.lower_) in lex.impact_verbs or any(
            c.dep_ in shared and lex.base(c.lower_) in lex.impact_verbs
            and not any(g.dep_ in _SUBJ for g in c.children) for c in verb.children)

    def landed_as_told(self, tok) -> bool:
        """A munition a relative clause says landed or hit: "an unexploded submunition that
        landed in a commercial area", "the shell which fell on the market in Taiz"."""
        lex = self.lex
        return any(c.dep_ == "relcl" and lex.base(c.lower_) in lex.impact_verbs
                   for c in tok.children)

    def used_on_place(self, tok) -> bool:
        """A munition used on, in or against something (triggers.yaml munition_used): its
        verb or noun of use ("weapon used on the village", "use of incendiaries on the
        outskirts of Kyiv", "munitions used in an attack on Odesa", "Israel used white
        phosphorus over Dhayra") has a preposition of place."""
        lex = self.lex
        if not (self.is_munition(tok) or self.ends_a_munition(tok)):
            return False
        uses = [c for c in tok.children if c.dep_ == "acl" and lex.base(c.lower_) in lex.use_words]
        of_use = tok.dep_ == "pobj" and tok.head.lower_ == "of"  # "use of incendiaries"
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj") or of_use:
            user = tok.head.head if of_use else tok.head
            if lex.base(user.lower_) in lex.use_words:
                uses.append(user)
        # the parser hangs the place on the use or on the munition: "use of incendiaries on ..."
        return bool(uses) and any(c.dep_ == "prep" and c.lower_ in lex.use_places
                                  for u in (*uses, tok) for c in u.children)

    def munition_hit(self, trigger: Trigger, sdoc) -> bool:
        """A verb of impact whose subject, agent or instrument is a munition: "Civilian homes
        hit by artillery", "the hospital struck by what appears to be cluster munitions", "Grad
        rockets hit the market", "the invaders hit Pavlohrad with rockets"; and a verb of attack
        whose instrument is one: "the invaders attacked Odesa with three kamikaze drones", "the
        RSF attacked El Fasher from MLRS"."""
        tok, lex = trigger.tok, self.lex
        verb = lex.base(tok.lower_)
        if tok.pos_ != "VERB" or (verb not in lex.impact_verbs and verb not in lex.weak_verbs):
            return False
        instruments = [t for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "from")
                       for t in c.subtree]
        if verb not in lex.impact_verbs:
            return any(self.is_munition(t) or t.lower_ in lex.aircraft_words for t in instruments)
        agents = [t for c in tok.children if c.dep_ == "agent" for t in c.subtree]
        if any(self._weapon_word(t) for t in self._agent_run_on(tok, agents)):
            return True  # "El Fasher was hit by RSF shelling": the parser cut "shelling" off
        return any(self.is_munition(t) for t in (*map(sdoc.__getitem__, trigger.attached), *agents,
                                                 *(t for t in instruments if t.head.lower_ == "with")))

    @staticmethod
    def _agent_run_on(verb, agents: list) -> list:
        """The word that runs on right after a passive's agent and that the parser hung on the
        verb instead: "shelling" of "was hit by RSF shelling" (an advcl), "strikes" of "was
        hit by Russian strikes" when "Russian" is read as the agent's noun."""
        if not agents or not any(c.dep_ == "auxpass" for c in verb.children):
            return []
        nxt = max(t.i for t in agents) + 1
        return [c for c in verb.children if c.i == nxt and c.dep_ != "punct"]

    def fired_on_place(self, trigger: Trigger, place_tokens: set[int]) -> bool:
        """A verb of firing at a place, no munition named: "Invaders fired at Mykolaiv at night",
        "the enemy fired on Bakhmut from Grads", "government forces fired on Tawila". A town is
        fired on by guns and rockets, not rifles; fire at people ("fired on protesters") or at
        positions is not this. The parser may hang the verb on its munition as an adjective
        ("The RSF fired drones at Port Sudan": "fired drones" one noun phrase); the munition's
        words then say where it was fired."""
        tok, lex = trigger.tok, self.lex
        if tok.pos_ != "VERB" or lex.base(tok.lower_) not in lex.firing_verbs:
            return False
        fired = tok.head
        node = fired if tok.dep_ == "amod" and (self.is_munition(fired) or bool(
            {fired.lower_, lex.base(fired.lower_)} & lex.fired_as_munitions)) else tok
        if node is tok and any(c.dep_ == "dobj" for c in tok.children):
            return False
        return any(c.dep_ == "prep" and c.lower_ in ("at", "on", "upon")
                   and any(g.dep_ == "pobj" and g.i in place_tokens for g in c.children)
                   for c in node.children)

    def arm_claims(self, tok) -> bool:
        """A verb of destroying whose subject or agent is an arm that strikes from afar: "Russian
        artillery destroyed 9 pieces of equipment in the Kherson region", "Israeli aircraft
        destroyed a rocket launcher near Tyre", "a depot near Stepanivka was destroyed by
        artillerymen": the attacker's own report of a strike (the guide counts those)."""
        lex = self.lex
        if tok.lower_ in lex.victim_verbs:  # "killed by the shelling": the munition is the strike word
            return False
        doers = [c for c in tok.children if c.dep_ in ("nsubj", "agent")]
        doers += [g for c in doers if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        return any(d.lower_ in lex.striking_arms or self.is_munition(d) or d.lower_ in lex.aircraft_words
                   or self._an_air_arm(d) for d in doers)

    def _an_air_arm(self, doer) -> bool:
        """A doer named as an air arm, the name ending in it: "the Sudanese Air Force destroyed
        RSF vehicles near Nyala", "Russian Aerospace Forces destroyed a fuel depot near Izium"
        (weapons.yaml aircraft; one word alone is aircraft_words')."""
        name = " ".join(t.text for t in doer.subtree if t.i <= doer.i)
        return any(end == len(name) and kind == "aircraft" for _, end, _, kind in self.lex.weapons.find(name))

    def place_was_hit(self, trigger: Trigger) -> bool:
        """A verb of impact said of what it hit, with no one named as hitting: the passive ("the
        hospital was hit") and the clipped passive of captions and feed items ("Kharkiv tram
        depot struck.", "fire station hit in Sviatohirsk", which has no object). An attack verb
        ("the checkpoint was attacked") stays ground fighting, and an armed group as subject
        ("gunmen struck") is no strike."""
        tok, lex = trigger.tok, self.lex
        if not (tok.pos_ == "VERB" or _verb_tagged_noun(tok)) \
                or lex.base(tok.lower_) not in lex.passive_hit_verbs or trigger.found:
            return False
        kids = {c.dep_ for c in tok.children}
        return not kids & {"agent", "dobj"} and ("auxpass" in kids or tok.tag_ in ("VBN", "VBD")
                                                 or _verb_tagged_noun(tok))

    def excluded(self, tok, sdoc) -> bool:
        """Negated, hypothetical, campaign-level, or not a strike (car bomb, suicide attack).
        Asked of each strike word up to three times (its attackers, the campaign clause, the
        word itself): the answer, which depends on the parse alone, is kept on the parse."""
        known = sdoc.user_data.setdefault(_EXCLUDED_KEY, {})
        if (hit := known.get(tok.i)) is None:
            hit = known[tok.i] = self._excluded(tok, sdoc)
        return hit

    def _excluded(self, tok, sdoc) -> bool:
        lex = self.lex
        if negates(tok) or (
                tok.dep_ in _SUBJ + ("dobj",) and negates(tok.head)
                and lex.base(tok.head.lower_) not in lex.dud_verbs):  # a dud still landed
            return True
        wished, top = self._wished(tok)
        if wished or self._denied(top) or self._intercepted_only(sdoc):
            return True
        if self.not_a_strike(tok, sdoc) or self._with_hand_arms(tok, sdoc):
            return True
        words = self._words_about(tok, sdoc)
        if lex.campaign.find(words) or lex.tallies.find(_text(sdoc)) or self._running_state(tok):
            return True
        return bool(lex.hypothetical_phrases.find(words))

    def _wished(self, tok):
        """Whether a modal or wish word stands on the strike word or on the verbs above it, up
        to the verb of saying (a hypothetical strike); and the word it stopped at."""
        lex = self.lex
        node, below = tok, None
        while True:
            # a compound noun above names a thing, no wish: "bus stop" (but "an end to the bombings")
            own = node.i != tok.i and not (node.pos_ == "NOUN" and any(c.dep_ == "compound" for c in node.children))
            words = {lex.base(node.lower_), node.lower_} if own and not self._ended_by(node, below) else set()
            words |= {c.lower_ for c in node.children if c.dep_ in ("aux", "mark", "advmod")}
            if words & lex.hypothetical:
                return True, node
            if node.head.i == node.i or lex.base(node.head.lower_) in lex.report_verbs \
                    or self._told_as_fact(node):
                return False, node
            node, below = node.head, node

    def _told_as_fact(self, verb) -> bool:
        """A past verb in a clause an "after" or "because" opens is told as done, whatever
        modal stands above it: "it would keep fighting after the strikes killed 12 people"."""
        return verb.dep_ == "advcl" and verb.tag_ == "VBD" and any(
            c.dep_ == "mark" and c.lower_ in self.lex.told_as_fact for c in verb.children)

    def _words_about(self, tok, sdoc) -> str:
        """The words about the strike word, where a campaign or a period would be said, not the
        whole sentence; "over the past 24 hours" and the like left out."""
        lex = self.lex
        # a duration whose "of" it follows ("after weeks of Russian air strikes", not "a total
        # of 20 rockets")
        scope = {t.i for t in tok.subtree} | {tok.head.i}
        if tok.dep_ == "pobj" and tok.head.lower_ == "of":
            phrase = f"{tok.head.head.lower_} of"
            if any(e - s == len(phrase) for s, e, _, _ in lex.campaign.find(phrase)):
                scope.add(tok.head.head.i)
        # the verb the strike word hangs on: "stepped up air attacks ... in recent days", and
        # the victims' verb above its preposition: "four killed in shelling of Donetsk over
        # past week" (not another act's: "strikes in recent months after rocket attacks")
        # a word's subtree holds the strike word only if the word is the strike word or one
        # of its heads: asked of the heads once, not by a set of each subtree per word
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.head.lower_ in lex.victim_verbs else tok.head
        if verb.pos_ == "VERB":
            above = {t.i for t in tok.ancestors}
            scope |= {t.i for c in verb.children if c.dep_ in ("prep", "npadvmod", "advmod", "prt")
                      and c.i != tok.i and c.i not in above
                      and not _ranks_the_strike(c) for t in c.subtree}
        scope -= {t.i for c in tok.subtree if c.dep_ == "prep" and c.i != tok.i
                  and _ranks_the_strike(c) for t in c.subtree}
        # "over the past 24 hours", "a day after the strike" (whose "after" is not in scope)
        told = lex.campaign_exceptions.find(_text(sdoc))
        return " ".join(t.text for t in sdoc
                        if t.i in scope and not any(s <= t.idx < e for s, e, _, _ in told))

    def _running_state(self, tok) -> bool:
        """ "aerial bombardment ... were causing huge civilian casualties": strikes as a running
        state of affairs, not one strike."""
        head, lex = tok.head, self.lex
        return tok.dep_ == "nsubj" and head.tag_ == "VBG" and head.i != tok.i \
            and any(c.dep_ == "aux" and c.lower_ in ("were", "are", "is", "was", "been") for c in head.children) \
            and lex.base(head.lower_) not in lex.strong_verbs | lex.weak_verbs

    def _with_hand_arms(self, tok, sdoc) -> bool:
        """The strike word's act is done "with" hand-held arms ("attacked Kuda village with
        guns and machetes"): a ground attack, unless the sentence names an aircraft."""
        verb = tok if tok.pos_ == "VERB" else tok.head
        arms = [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                for t in c.subtree if t.i != c.i]
        if not arms or not self.lex.hand_arms.find(" ".join(t.text for t in arms)):
            return False
        return not any(kind == "aircraft" for _, _, _, kind in self.lex.weapons.find(sdoc.text))

    def _denied(self, node) -> bool:
        """The clause under a verb of denial is an act the speaker denies: "The Israeli
        military denied carrying out any strike in Rafah", "Russia denied that its forces had
        struck the market" report no strike. A noun there still tells of one: "denied
        responsibility for the shelling of the camp" (``node``: the word under the verb), and
        so does a denial negated: "the ministry did not deny that its jets had struck the
        market"."""
        head = node.head
        return head.i != node.i and (node.pos_ in ("VERB", "AUX") or node.tag_ == "VBG") \
            and self.lex.verb_kinds.get(self.lex.base(head.lower_)) == "denial" \
            and not negates(head)

    def _intercepted_only(self, sdoc) -> bool:
        """The sentence tells of munitions intercepted or shot down and of nothing they hit:
        "Saudi air defences intercepted a ballistic missile fired by the Houthis at Jazan" is
        no strike on Jazan (not "... 47 were shot down; drones hit energy infrastructure in
        Odesa oblast"). Asked once per sentence: the answer is kept on the parse."""
        known = sdoc.user_data.setdefault(_EXCLUDED_KEY, {})
        if (hit := known.get("intercepted")) is None:
            text = sdoc.text
            hit = known["intercepted"] = bool(self.lex.interceptions.find(text)) \
                and not self.lex.interception_impacts.find(text)
        return hit

    def _ended_by(self, node, below) -> bool:
        """A stop word in the past with the strike in a clause under it tells what ended
        something, no wish: "The truce ended on Friday when Israeli jets struck Khan Younis"."""
        return below is not None and below.dep_ == "advcl" and node.tag_ in ("VBD", "VBN") \
            and self.lex.base(node.lower_) in self.lex.ongoing

    def not_a_strike(self, tok, sdoc) -> bool:
        """The words next to the strike word make it no strike ("terrorist attack", "car bomb");
        its attacker may still be the one of the sentence's other strike words. A charge told
        as dropped is a strike whatever it is called: "a drone dropped an explosive device on a
        bus" (an IED planted or found is none)."""
        near = sdoc[max(tok.i - 3, 0): tok.i + 4]
        return bool(self.lex.not_strikes.find(near.text)) and not any(map(self.dropped, near))

    def ongoing(self, tok) -> bool:
        """The strike word is the object of a call to stop it ("cease its airstrikes on X"):
        hypothetical as an event, but it says the strikes are hitting X."""
        head = tok.head
        return tok.dep_ == "dobj" and self.lex.base(head.lower_) in self.lex.ongoing

    @staticmethod
    def own_act(tok, sdoc, actors, voice: OrgEntry) -> bool:
        """A claimed verb tells the speaker's own act: passive ("were destroyed"), first person
        ("we destroyed") or with the speaker's forces as subject, not "IS fighters killed ..."."""
        if any(c.dep_ == "auxpass" for c in tok.children):
            return True
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return False
        own = {t.i for t in subj.subtree}
        return subj.lower_ == "we" or _the_speaker_acts(tok) or any(
            e.country == voice.country and toks & own for e, toks in actors)

    def flown_by_the_speaker(self, tok) -> bool:
        """A claimed verb of the speaker's own act by its air arm, artillery or drones: "the
        Sudanese army said its air force destroyed RSF vehicles in Mellit", "the RSF said their
        fighters destroyed an army depot with drones" (not "it destroyed", which ground troops
        say as often)."""
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None or not _the_speaker_acts(tok):
            return False
        arms = [subj, *(c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with")]
        words = " ".join(t.text for a in arms for t in a.subtree)
        return subj.lower_ in self.lex.striking_arms or any(
            kind in ("aircraft", "munition") for _, _, _, kind in self.lex.weapons.find(words))

    def attached_tokens(self, tok) -> set[int]:
        """The tokens that can name who struck: modifiers of the strike word, the subject or
        agent of a strike verb, the subject of the verb a strike noun is the object of."""
        return (_word_before(tok) | self._own_dependents(tok) | self._subject_of_its_verb(tok)
                | _agent_of_a_passive(tok, self.lex.affiliation)
                | {t.i for s in the_thing_called(tok) for t in s.subtree})

    def _own_dependents(self, tok) -> set[int]:
        """The strike word's modifiers, subject and agent, and its "by"/"of"/"from" phrase."""
        affiliation, out = self.lex.affiliation, set()
        for c in tok.children:
            if c.i < tok.i and c.dep_ in ("amod", "compound", "poss", "nmod", "nsubj", "nsubjpass", "npadvmod"):
                out |= {t.i for t in c.subtree}
            if c.dep_ in ("nsubj", "agent"):
                out |= _noun_phrase(c, affiliation)
            if c.dep_ == "prep" and c.lower_ in ("by", "of", "from"):
                # "shelling of Russian positions": what was hit, not who fired
                out |= {c.i} | {t for g in c.children if g.dep_ == "pobj"
                                and not (c.lower_ == "of" and g.lower_ in self.lex.struck_nouns)
                                for t in _noun_phrase(g, affiliation)}
            if c.dep_ == "acl":  # "an attack carried out by government forces"
                for g in c.children:
                    if g.dep_ == "agent" or (c.lower_, g.lower_) in self.lex.laid_at:
                        out |= _noun_phrase(g, affiliation)  # "a strike blamed on the army"
        # "regime shelling", "warplanes bombing X"; "Indian shelling along the border killed
        # three" parsed with the demonym for the subject and the strike word hung on it, or
        # set beside it ("RSF shelling of the Sabreen market killed 50": an apposition)
        if tok.dep_ in ("acl", "appos") and tok.tag_ == "VBG" and (
                tok.head.pos_ in ("NOUN", "PROPN") or tok.head.i == tok.i - 1):
            out |= _noun_phrase(tok.head, affiliation)
        if _a_verb_read_as_its_subject_s_participle(tok):
            out |= _noun_phrase(tok.head, affiliation)
        return out

    def _subject_of_its_verb(self, tok) -> set[int]:
        """ "X carried out strikes", "strikes were launched by X", "Russia launched 27 drones
        and five missiles at Ukraine" (a munition joined to the verb's object is its object too)."""
        # "dropped explosive charges": the charge's word qualifies the verb's object
        obj = tok.head if tok.dep_ == "amod" and tok.head.dep_ == "dobj" else tok
        while obj.dep_ == "conj" and obj.head.pos_ in ("NOUN", "PROPN"):
            obj = obj.head
        # "Rebel groups ... fired waves of rockets", "rebels had also fired dozens of rockets":
        # the quantity is the verb's object, the munition hangs on its "of"
        if obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.head.head.dep_ in ("dobj", "nsubjpass"):
            obj = obj.head.head
        verb, out = obj.head, set()
        if obj.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB" \
                and self.lex.base(verb.lower_) not in self.lex.report_verbs:
            for c in verb.children:
                if c.dep_ in ("nsubj", "agent"):
                    out |= _noun_phrase(c, self.lex.affiliation)
        return out | self._doer_of_the_act_by_strike(obj)

    def _doer_of_the_act_by_strike(self, obj) -> set[int]:
        """ "Israeli jets killed three people in a strike on Khan Younis", "US forces killed
        the operative in an airstrike near Jilib": the strike is the means of the act whose
        subject struck (not "three people died in a strike", where the subject is a victim, nor
        "the army killed 11 militants in an attack on their positions": ground fighting, unless
        a strike word qualifies it, "in a revenge shelling attack")."""
        prep = obj.head
        if obj.dep_ != "pobj" or prep.lower_ not in ("in", "with") or prep.head.pos_ != "VERB":
            return set()
        strike_words = self.lex.strengthen | self.lex.strong_nouns
        if obj.lower_ in self.lex.ground_means and not any(
                c.dep_ in ("compound", "amod") and c.lower_ in strike_words for c in obj.children):
            return set()
        verb = prep.head
        if self.lex.base(verb.lower_) not in self.lex.acts_by_strike \
                or not any(c.dep_ == "dobj" for c in verb.children):
            return set()
        return {t for c in verb.children if c.dep_ == "nsubj"
                for t in _noun_phrase(c, self.lex.affiliation)}

    def scope(self, tok) -> set[int]:
        """Tokens the strike word governs: where places and dates of this strike are."""
        node = self._victims_clause(tok, self._clause_of(tok))
        return ({t.i for t in node.subtree} | self._scene(tok) | self._before_the_speaker(node)
                | self._where_reported(tok)) - self._nested_statements(tok, node)

    def _where_reported(self, tok) -> set[int]:
        """The strike word is what a verb of reporting reports ("Al Masirah reported U.S.
        strikes overnight on Kamaran", "the Observatory reported air strikes on Ariha"): the
        verb's words of where and when are the strike's (the speaker's own words are not)."""
        verb = tok.head
        if tok.dep_ != "dobj" or verb.i == tok.i or self.lex.base(verb.lower_) not in self.lex.report_verbs:
            return set()
        return {t.i for c in verb.children if c.dep_ in ("prep", "npadvmod", "advmod") for t in c.subtree}

    def _clause_of(self, tok):
        """The word whose subtree is the strike word's clause."""
        # a strike noun governs the clause it is part of: the parser often hangs "on the town
        # of X" on the agent or the victims ("killed in airstrikes by regime jets on X",
        # "homes in X were subject to regime shelling"), not on the strike word
        node = tok
        if tok.dep_ in ("aux", "auxpass"):  # "Shelling hit a market": the verb's clause
            node = tok.head
        if tok.dep_ == "acl" and tok.tag_ == "VBG":  # "were subject to intense regime shelling"
            node = tok.head
        if tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBD", "JJ"):  # "Bombed residential area in Vrubivka"
            node = tok.head
        if _gerund(node):
            node = node.head
        if node.pos_ != "VERB":
            while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
                if self._answered(node) or self._held_to_account_for(node):
                    break  # "in retaliation for an Israeli strike on Nabatieh": its own words
                if node.head.pos_ in ("VERB", "AUX") \
                        and self.lex.base(node.head.lower_) in self.lex.report_verbs \
                        and not _reports_the_word(node.head, tok):
                    break
                node = node.head
        # "Residential destruction in Odesa following shelling": "following" is a preposition
        if node.i != tok.i and node.tag_ == "VBG" and node.dep_ in ("prep", "acl") \
                and self.lex.base(node.lower_) in self.lex.sequels and node.head.i != node.i:
            node = node.head
        # "Vasylkiv technical college heavily damaged by a rocket strike": a participle's
        # clause says where through the noun it describes
        if node.dep_ == "acl" and node.tag_ == "VBN" and node.head.pos_ in ("NOUN", "PROPN"):
            node = node.head
        # "A mosque in Bahawalpur was among the places hit by missiles": the subject is one
        # of the things hit, and its words say where
        if node.dep_ == "pobj" and node.head.lower_ == "among" and node.head.head.pos_ == "AUX":
            node = node.head.head
        return node

    def _before_the_speaker(self, node) -> set[int]:
        """ "... near the group's Syrian bastion Raqqa a monitor said" (commas lost): the parser
        hangs the end of the clause on the speaker, before the article that opens its name."""
        out: set[int] = set()
        verb = node.head
        if verb.i != node.i and self.lex.base(verb.lower_) in self.lex.report_verbs:
            for subj in verb.children:
                det = next((c.i for c in subj.children if c.dep_ == "det" and c.i < subj.i), None)
                if subj.dep_ in _SUBJ and det is not None and subj.i > node.i:
                    out |= {t.i for c in subj.children if c.i < det for t in c.subtree}
        return out

    def _nested_statements(self, tok, node) -> set[int]:
        """A statement nested in the strike clause ("...after Obama announced the US would
        intensify its campaign in northern Syria") is not part of it, nor the strike it
        answers ("fired rockets at Safed in retaliation for an Israeli strike on Nabatieh")."""
        above = {a.i for a in tok.ancestors} | {tok.i}
        out: set[int] = set()
        for t in node.subtree:
            if t.lower_ in self.lex.answers and t.i not in above:
                out |= {u.i for u in t.subtree}
            if t.i != node.i and t.i not in above and self.lex.base(t.lower_) in self.lex.report_verbs \
                    and t.pos_ == "VERB" and not _reports_the_word(t, tok):
                out |= {u.i for u in t.subtree}
        return out

    def apart(self, trigger: Trigger, scope: set[int], others: list[Trigger],
              placed: set[int]) -> set[int]:
        """The scope less the clauses of other strike words that name their own attacker and
        place, set beside or under this one's ("Hezbollah fired rockets at Haifa after Israeli
        strikes on Tyre killed five", "Russian missiles hit Kyiv as Ukrainian drones hit
        Moscow"): another side's strike, its places not this word's; a word in such a clause
        keeps to it. So does a phrase an opener heads, attacker named or not, beside a word
        that names its force ("Israeli jets struck Khan Younis after militant rocket fire on
        Sderot"; "Smoke after an explosion in Donetsk city" is one event); a clause with a
        verb of its own and no force named may go on with the same one ("... while an army
        unit eliminated ISIS gatherings in al-Sheikh Yaseen"). A clause naming no place
        ("Daraya was evacuated after relentless bombing") tells of the main one's place."""
        own = self._clause_beside(trigger.tok) if trigger.found else None
        if own is not None and own & placed:
            return scope & own
        for other in others:
            clause = self._clause_beside(other.tok) if other.found \
                else self._phrase_beside(other.tok) if trigger.found else None
            if clause is not None and trigger.tok.i not in clause and clause & placed:
                scope = scope - clause
        return scope

    def elsewhere(self, trigger: Trigger, other: Trigger, placed: set[int]) -> bool:
        """Whether another strike word stands in a clause beside this one's that names its
        own attacker and a place of its own: another side's strike, not this one's."""
        clause = self._clause_beside(other.tok) if other.found else None
        return clause is not None and trigger.tok.i not in clause and bool(clause & placed)

    def not_its_attacker(self, trigger: Trigger, other: Trigger, placed: set[int]) -> bool:
        """Whether another strike word's attacker is not this one's: the other stands in a
        clause beside this one's (``elsewhere``), or this word stands in a clause subordinated
        to the other's, naming a place of its own: "Israeli jets struck Khan Younis after
        militant rocket fire on Sderot", "Russian missiles hit Kharkiv as drones hit Belgorod"
        tell of the other side's fire, not of a second strike of the main clause's force. A
        clause joined by "and" ("... and they bombed Hama") goes on with the same force."""
        if self.elsewhere(trigger, other, placed):
            return True
        tok = trigger.tok
        verb = tok if tok.pos_ == "VERB" else tok.head
        own = None if verb.pos_ == "VERB" and verb.dep_ == "conj" else self._clause_beside(tok)
        return own is not None and other.tok.i not in own and bool(own & placed)

    def _clause_beside(self, tok) -> set[int] | None:
        """The clause a strike word opens beside the sentence's main one: a verb with its own
        subject joined or subordinated to another, or a phrase an opener ("after", "as")
        heads ("after Israeli strikes on Tyre"); None when the word stands in the main one."""
        verb = tok if tok.pos_ == "VERB" else tok.head
        if verb.pos_ == "VERB" and verb.dep_ in ("advcl", "conj") \
                and any(c.dep_ in _SUBJ for c in verb.children):
            return {t.i for t in verb.subtree}
        return self._phrase_beside(tok)

    def _phrase_beside(self, tok) -> set[int] | None:
        """The phrase an opener heads that the strike word stands in ("after Israeli strikes on
        Tyre"), else None."""
        node = tok
        while node.dep_ in ("compound", "amod", "nmod") and node.head.pos_ in ("NOUN", "PROPN"):
            node = node.head
        prep = node.head
        if node.dep_ == "pobj" and prep.lower_ in self.lex.beside_openers and prep.dep_ == "prep":
            return {t.i for t in prep.subtree}
        return None

    def disowned(self, tok) -> bool:
        """Whether the strike word is an act its voice answers ("its jets destroyed 32 targets
        in response to an attack on a defence company in Ankara") or condemns ("the State
        Department said it condemned the attack on the Mugunga camp"): another's act, which
        the voice does not claim though it is the subject of the clause."""
        lex, node = self.lex, tok
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            if self._answered(node):
                return True
            node = node.head
        return node.pos_ == "VERB" and lex.verb_kinds.get(lex.base(node.lower_)) == "accusation"

    def _answered(self, node) -> bool:
        """Whether a word is what an answer is for: "strike" of "in retaliation for an Israeli
        strike", "in response to the shelling of Kharkiv"."""
        prep = node.head
        return node.dep_ == "pobj" and prep.lower_ in ("for", "to", "against") \
            and prep.head.lower_ in self.lex.answers

    def _held_to_account_for(self, node) -> bool:
        """Whether a word is what a speaker holds a force to account for: "strike" of "Kyiv
        points at Moscow over missile strike", "Riyadh blames Tehran for drone attack". The
        accuser and the accused are governments, often named by their capitals, not the
        place struck: only the strike's own words say where."""
        prep, verbs = node.head, self.lex.accusation_verbs
        if node.dep_ != "pobj" or prep.lower_ not in ("over", "for", "of"):
            return False
        holder = prep.head  # the parser may hang the "for" on the accused: "blames Tehran for"
        return holder.lower_ in verbs or (holder.dep_ == "dobj" and holder.head.lower_ in verbs)

    def _victims_clause(self, tok, node):
        """The clause of the victims a strike killed or wounded, when the strike word hangs
        below their verb: a headline's place is on its victims ("Two DPR militiamen killed in
        night shelling by Ukrainian forces", "Four civilians killed in Kharkiv region due to
        enemy shelling", "A couple died in Kherson Oblast - a shell hit their house", "Three
        children killed in Idlib as regime shells hit their school"), whatever the parser
        hangs the strike word on. Else ``node`` unchanged."""
        lex, up = self.lex, tok
        for _ in range(4):
            if up.lower_ in lex.victim_verbs or up.head.i == up.i:
                break
            if lex.base(up.head.lower_) in lex.report_verbs:
                return node
            up = up.head
        if up.lower_ not in lex.victim_verbs or up.i == tok.i:
            return node
        if up.dep_ == "acl" and up.head.pos_ in ("NOUN", "PROPN", "NUM"):  # "militiamen killed in"
            up = up.head
            while up.dep_ in ("appos", "conj") and up.head.i != up.i:  # "Three killed, nine injured in"
                up = up.head
        return up if node.i in {t.i for t in up.subtree} else node

    def _scene(self, tok) -> set[int]:
        """A place phrase that opens the sentence sets the scene of all of it: "In the Kharkiv
        region, one person was killed, eight wounded from the shelling", "In Taiz, two children
        died when shells hit their school"."""
        first = tok.doc[0]
        if first.dep_ != "prep" or first.lower_ not in self.lex.place_prepositions \
                or first.head.head.i != first.head.i or first.head not in (tok, *tok.ancestors):
            return set()
        return {t.i for t in first.subtree}

    def weapon(self, text: str) -> str | None:
        """The first weapon the sentence names, as the strike's weapon."""
        hits = self.lex.weapons.find(text)
        return hits[0][2].lower() if hits else None


def _a_verb_read_as_its_subject_s_participle(tok) -> bool:  # noqa: ANN001 - a spaCy token
    """ "The junta bombed Demoso on Monday", parsed as "the junta [that was] bombed", the
    sentence left with no verb: a past form hung on the noun that opens the sentence, with an
    object after it and no agent, is that noun's act (not "the hospital bombed on Monday" nor
    "a school bombed by the army")."""
    head = tok.head
    return tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and head.dep_ == "ROOT" \
        and head.pos_ in ("NOUN", "PROPN") and head.i < tok.i \
        and not any(c.dep_ == "agent" for c in tok.children) \
        and any(c.dep_ in ("dobj", "npadvmod") and c.i > tok.i
                and c.ent_type_ not in ("DATE", "TIME") for c in tok.children)


def _word_before(tok) -> set[int]:
    """ "killed by Ukrainian shelling": the word before modifies the strike word, however a
    headline's clipped grammar makes the parser hang it."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if before is None:
        return set()
    if before.pos_ in ("ADJ", "PROPN") and before.dep_ not in ("nsubj", "nsubjpass"):
        return {before.i}
    if before.dep_ in ("pobj", "pcomp") and tok.dep_ == "pobj" and before.head.i == tok.head.i:
        return {before.i}  # "after rebel shelling of Aleppo": two objects of "after", one phrase
    # "RSF shelling killed 9", "Houthi shelling killed 9": the parser made the name the
    # subject of the verb and hung the strike word on it or beside it (as its auxiliary,
    # even), one noun phrase split
    split = before.dep_ == "nsubj" and tok.dep_ in ("amod", "advmod", "compound", "npadvmod", "aux") \
        and tok.head.i in (before.i, before.head.i)
    return {before.i} if split and before.ent_type_ else set()


def _agent_of_a_passive(tok, affiliation) -> set[int]:
    """The agent of a passive the parser read otherwise: "Barrel bombs dropped by regimes
    helicopters also hit" (read as active), "civilians were wounded in airstrikes by regime and
    Russian jets"."""
    verb, out = tok.head, set()
    if tok.dep_ == "nsubj" and verb.pos_ == "VERB":
        out |= _agents(verb, affiliation)
    if tok.dep_ == "pobj" and verb.pos_ == "ADP" and verb.head.pos_ == "VERB":
        out |= _agents(verb.head, affiliation)
    return out


def _agents(verb, affiliation) -> set[int]:
    """A verb's "by" agents, the preposition with them."""
    return {t for c in verb.children if c.dep_ == "agent"
            for t in {c.i} | {t for g in c.children if g.dep_ == "pobj" for t in _noun_phrase(g, affiliation)}}
