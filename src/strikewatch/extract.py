"""Extraction: strike events and attributed claims from English documents.

Three passes keep the expensive model off most of the text:
1. a regex sentence split per segment (``nlp.split_sentences``);
2. a keyword prefilter built from the lexicons: a sentence survives only if it can hold a
   strike (a strike word) or a claim (a reporting word next to a strike, actor or victim word);
3. the full spaCy pipeline, through ``nlp.pipe`` in batches, on the survivors only.

On each parsed sentence the rules read the dependency tree: the attacker is an actor attached
to the strike word (its modifier, or the subject of the strike verb), not the first nationality
in the sentence; the places are those governed by the strike word, not the place a statement
was made in or the speaker's capital; campaign-level, negated and hypothetical strikes are not
events. Every field keeps the document id, the sentence and the character span it came from.
Within a document, mentions of the same (attacker, place, day) merge into one, keeping every
supporting sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from strikewatch import counts, dates
from strikewatch.lexicons import ActorEntry, Lexicons, OrgEntry, load_lexicons
from strikewatch.models import (
    Actor,
    Casualties,
    ClaimMention,
    Document,
    Range,
    Span,
    StrikeMention,
    Target,
)
from strikewatch.nlp import DEFAULT_MODEL, TEXT_KEY, Sentence, load_pipeline, split_sentences

__all__ = ["ExtractSettings", "Extraction", "Extractor"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractSettings:
    model: str = DEFAULT_MODEL
    lexicon_dir: str | None = None  # an analyst's copy of data/lexicons, else the packaged one
    batch_size: int = 64  # sentences per nlp.pipe batch
    # a "sentence" longer than this is unsplit page furniture or a table: it is not parsed
    max_sentence_chars: int = 1200
    # a name spaCy did not tag as a place counts as one when the gazetteer knows a town of at
    # least this size by it: GeoNames names hamlets after common words ("Salvation", "Mayor")
    place_min_population: int = 5000


@dataclass(frozen=True, slots=True)
class Extraction:
    strikes: tuple[StrikeMention, ...]
    claims: tuple[ClaimMention, ...]


_EMPTY = Extraction((), ())
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "this", "that"}
_KIND_ORDER = ("denial", "statistic", "casualties", "accusation", "target", "other")
_LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_PLACE_TAIL = re.compile(r"(?:\s+(?:northern|southern|eastern|western|central|north|south|east|west))?"
                         r"(?:\s+residential)?\s+(?:province|governorate|countryside|city|town|village|district|region"
                         r"|neighbou?rhood|suburb)$",
                         re.IGNORECASE)


class Extractor:
    """The loaded spaCy pipeline, lexicons and gazetteer: built once per process."""

    def __init__(self, *, settings: ExtractSettings | None = None, gazetteer=None):
        self.settings = settings or ExtractSettings()
        self.lex: Lexicons = load_lexicons(self.settings.lexicon_dir)
        # every word _trigger_strength can answer for: the others skip the part-of-speech lookup
        self._trigger_words = (self.lex.strong_nouns | self.lex.weak_nouns | self.lex.strong_verbs
                               | self.lex.weak_verbs | self.lex.claimed_verbs)
        self.nlp = load_pipeline(self.settings.model, lexicon_dir=self.settings.lexicon_dir)
        if gazetteer is None:
            from strikewatch.geo import load_gazetteer

            gazetteer = load_gazetteer()
        self.gazetteer = gazetteer

    # ------------------------------------------------------------------------ public API

    def extract(self, doc: Document) -> Extraction:
        return next(self.extract_many([doc]))[1]

    def extract_many(self, docs: Iterable[Document], *, batch_size: int = 64) -> Iterator[tuple[str, Extraction]]:
        """Extract from many documents, parsing their prefiltered sentences together.

        Documents are taken ``batch_size`` at a time so that memory stays flat on a corpus.
        """
        chunk: list[Document] = []
        for doc in docs:
            chunk.append(doc)
            if len(chunk) >= batch_size:
                yield from self._extract_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._extract_chunk(chunk)

    def candidate_sentences(self, doc: Document) -> list[Sentence]:
        """The sentences the full pipeline parses: what the keyword prefilter keeps."""
        sentences = split_sentences(doc)
        return [sentences[i] for i in self._prefilter(sentences)]

    # ------------------------------------------------------------------------ batching

    def _extract_chunk(self, docs: list[Document]) -> Iterator[tuple[str, Extraction]]:
        self.lex.forget()  # the phrase matchers remember this batch's sentences only
        plans = []
        texts: list[str] = []
        owners: list[tuple[int, int]] = []
        for di, doc in enumerate(docs):
            if doc.language and not doc.language.lower().startswith("en"):
                plans.append(None)
                continue
            sentences = split_sentences(doc)
            keep = self._prefilter(sentences)
            for si in keep:  # "Published April 13 2017 An air strike ...": the line is no verb
                cut = dates.dateline_prefix(sentences[si].text)
                if cut:
                    s = sentences[si]
                    sentences[si] = replace(s, start=s.start + cut, text=s.text[cut:])
            plans.append((sentences, keep))
            for si in keep:
                texts.append(sentences[si].text)
                owners.append((di, si))
        parsed: dict[tuple[int, int], object] = {}
        for key, sdoc in zip(owners, self.nlp.pipe(texts, batch_size=self.settings.batch_size)):
            parsed[key] = sdoc
        for di, doc in enumerate(docs):
            plan = plans[di]
            if plan is None:
                yield doc.id, _EMPTY
                continue
            sentences, keep = plan
            state = _DocState(doc, self._reference_date(doc), bodies=self._bodies(doc))
            for si in keep:
                self._read_sentence(state, sentences[si], parsed[(di, si)])
            # a headline sums up the body: its strikes count only when the body has none (the
            # body names place, day and attacker more exactly)
            strikes = self._without_vague(self._with_asserted(state, state.strikes or state.headline))
            yield doc.id, Extraction(_merge_strikes(strikes), _merge_claims(
                [(state.aliases.get(k, k), c) for k, c in state.claims]))

    def _prefilter(self, sentences: list[Sentence]) -> list[int]:
        """Indices of the sentences that can hold a strike or a claim (regex only)."""
        lex, keep = self.lex, []
        for i, s in enumerate(sentences):
            if len(s.text) > self.settings.max_sentence_chars or len(s.text) < 12:
                continue
            if lex.may_report_strike(s.text) or lex.may_hold_claim(s.text):
                keep.append(i)
        return keep

    def _bodies(self, doc: Document) -> dict[str, OrgEntry]:
        """For each role, the one organisation of it the document names, if only one: what
        "the monitor" and "the agency" refer to."""
        seen: dict[str, set] = {}
        for _, _, _, entry in self.lex.orgs.find(doc.text):
            seen.setdefault(entry.role, set()).add(entry)
        return {role: next(iter(es)) for role, es in seen.items() if len(es) == 1}

    @staticmethod
    def _reference_date(doc: Document) -> date | None:
        return dates.find_dateline(doc.text) or doc.published

    # ------------------------------------------------------------------------ one sentence

    def _read_sentence(self, state: _DocState, sentence: Sentence, sdoc) -> None:
        lex = self.lex
        off = sentence.start
        furniture = _tag_line(sdoc)
        actors = [(e, t) for e, t in self._actor_tokens(sdoc) if not t & furniture]
        attributions = self._attributions(state, sdoc)
        # page furniture is read like a speaker's words: no strike word, attacker, place or target
        speaker_tokens = set().union(furniture, *(a.tokens for a in attributions))
        main = attributions[0] if attributions else None
        sent_span = Span(sentence.start, sentence.end, sentence.text)
        hedged = bool(lex.hedges.find(sentence.text))
        open_attacker = lex.open_attacker.search(sentence.text)

        events: list[StrikeMention] = []
        event_attackers: list[ActorEntry] = []
        named_attackers: list[ActorEntry] = []  # named in this sentence, placed or not
        strike_actors: list[ActorEntry] = []  # state forces attached to a strike word, event or not
        places = None
        date_mentions = None
        phrase_ends = {end for _, end, _, _ in lex.strong_phrases.find(_text(sdoc))}  # "barrel bombs"
        triggers = []
        for tok in sdoc:
            strength = self._trigger_strength(tok, phrase_ends)
            if strength is None or tok.i in speaker_tokens:
                continue
            if tok.dep_ in ("compound", "amod") and tok.head.i != tok.i \
                    and self._trigger_strength(tok.head, phrase_ends) is not None:
                continue  # "a missile strike", "rocket shells": one strike word, the head
            attached = self._attached_tokens(tok)
            if strength == "claimed":  # the fighters "destroyed" are no attacker of the claim
                triggers.append((tok, strength, attached, []))
                continue
            # an alias that holds the strike word ("government shelling", which the parser may
            # split into a noun and a verb) names its attacker
            triggers.append((tok, strength, attached, [(entry, toks) for entry, toks in actors
                                                       if toks & (attached | {tok.i}) and not toks & speaker_tokens]))
        # who the sentence says struck, on any strike word: "injured in a terrorist attack with
        # 13 rocket shells on Harfa village" names the attacker on "attack", the place on "shells"
        # (not on a campaign's: "Moscow has been staging air strikes ... targeting both Daesh in
        # Deir Ezzor province and ... in Idlib province" is no strike of Moscow's on either)
        own_attackers = sorted(dict.fromkeys(e for t, _, _, found in triggers
                                             if not self._excluded(t, sdoc) or self._not_a_strike(t, sdoc)
                                             for e, _ in found),
                               key=lambda e: (not e.state, e.generic))
        # the clause of a campaign ("Moscow has been staging air strikes in support of its ally
        # targeting both Daesh in Deir Ezzor province and ...") holds no strike of its own on a
        # weak word ("targeting")
        campaign = {t.i for tok, *_ in triggers if tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ == "VERB"
                    and self._excluded(tok, sdoc)
                    and not self._not_a_strike(tok, sdoc) for t in tok.head.subtree}
        for tok, strength, attached, found in triggers:
            strike_actors.extend(e for e, _ in found if e.state and e not in strike_actors)
            if strength == "weak" and tok.i in campaign:
                continue
            excluded = self._excluded(tok, sdoc)
            if excluded and not (attributions and self._ongoing(tok)):
                continue
            if attributions:
                self._record_assertion(state, sdoc, tok, found, attributions, speaker_tokens)
            if excluded:
                continue
            # an armed group flies no bombers: "The IS bombers targeted two YPG ... positions"
            # are suicide bombers, "Syrian air force bombers have pounded" aircraft
            group_toks = set().union(set(), *(t for e, t in actors if not e.state))
            aircraft = any((t.lower_ in lex.aircraft_words or self.lex.base(t.lower_) in lex.aircraft_words)
                           and not any(c.i in group_toks for c in t.children
                                       if c.dep_ in ("compound", "amod", "nmod", "poss"))
                           for t in map(sdoc.__getitem__, attached))
            # "an army unit targeted ISIS sites": ground troops with no weapon named are no
            # strike (the dev gold conventions); "army units shelled", "troops fired rockets" are
            ground = strength == "weak" and not aircraft and not lex.weapons.search(sentence.text) and any(
                sdoc[i].lower_ in lex.ground_units for i in attached)
            # "a missile slammed into a ... neighborhood": a munition that lands is a strike
            # and so is one fired at a place: "fired waves of rockets into ... western Aleppo"
            munition = tok.lower_ in lex.munition_words or lex.base(tok.lower_) in lex.munition_words
            fired = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" \
                and tok.head.head.dep_ == "dobj" else tok  # "a barrage of rockets"
            impact = strength == "weak" and munition and (
                (tok.dep_ in ("nsubj", "nsubjpass") and lex.base(tok.head.lower_) in lex.impact_verbs)
                or (fired.dep_ == "dobj" and fired.head.pos_ == "VERB"
                    and lex.base(fired.head.lower_) in lex.firing_verbs))
            supported = strength == "strong" or (any(e.state for e, _ in found) and not ground) or aircraft \
                or impact
            claimed = main is not None and main.org is not None and main.org.role == "belligerent"
            voice = main.org if claimed else None
            if main is None and voice is None:
                voice = self._quote_speaker(state, sentence)
                claimed = voice is not None and voice.role == "belligerent"
            # "Air strikes by the US-led coalition killed ... At least 15 civilians were killed in
            # raids in a northern district of Manbij": the sentence right before names the force
            last = state.last_attackers
            # a bare word: "an alleged chemical weapon attack in Idlib" is another attack
            follows = (not found and not ground and last is not None and last[0] == sentence.paragraph
                       and not any(c.dep_ in ("compound", "amod") for c in tok.children)
                       and 0 <= sentence.start - last[1] <= _CARRY_CHARS
                       and all(a is not None and a.state for a in last[2]))
            if not supported and not claimed and not follows:
                continue
            if strength == "claimed" and not (
                    claimed and voice.country in state.striking and not ground and self._own_act(tok, sdoc, actors, voice)):
                continue
            # every state force named ("Russian and Syrian government airstrikes"), but one
            # non-state name: "Jabhat al-Nusra terrorists" is one attacker
            attackers = [e for e, _ in found if e.state]
            if not attackers and strength == "strong" or not attackers and found:
                # a named group before the generic word: "terrorist mortar attack by the so
                # called Jaish al-Fateh" is Jaish al-Fateh's
                attackers = sorted((e for e, _ in found), key=lambda e: e.generic)[:1]
            attacker_span = None
            if open_attacker or any(min(t) > 0 and sdoc[min(t) - 1].lower_ == "or" for e, t in found) \
                    or len({e.code for e in attackers}) > 1 and _either_or(sdoc, [t for e, t in found if e in attackers]):
                # "Russian or Syrian regime war planes", "not clear who carried out the raids":
                # the text leaves the attacker open
                found, attackers = [], [None]
            if attackers == [None]:
                pass
            elif attackers:
                toks = next(t for e, t in found if e is attackers[0])
                attacker_span = _char_span(sdoc, toks, off)
            elif claimed and voice.country:
                attackers = [e for e in lex.actor_entries if e.country == voice.country][:1]
            if not attackers and own_attackers and not open_attacker:
                attackers = [e for e in own_attackers if e.state] or own_attackers[:1]
            if attackers:
                named_attackers.extend(a for a in attackers if a not in named_attackers)
            else:  # "The jets then struck...": the attackers of the sentence just before
                last = state.last_attackers
                gap = sentence.start - last[1] if last and last[0] == sentence.paragraph else None
                if gap is not None and gap <= _CARRY_CHARS:
                    attackers = list(last[2])
                elif gap is not None and gap <= _CARRY_STATE_CHARS and all(a is not None and a.state for a in last[2]):
                    attackers = list(last[2])  # "Russian and Syrian regime jets pounded..." in the lead
                else:
                    attackers = [None]
            if places is None:
                places = self._places(sdoc, speaker_tokens, actors)
            scope = self._scope(tok)
            if strength == "claimed":  # where, not what: "... natives of the North Caucasus were destroyed in X"
                scope = {tok.i} | {t.i for c in tok.children if c.dep_ == "prep" for t in c.subtree}
            if date_mentions is None:
                date_mentions = self._dates(state, sentence)
            when = _pick_date(date_mentions, sdoc, scope, off)
            if when:
                state.last_date = (sentence.end, when)
            elif state.last_date and 0 <= sentence.start - state.last_date[0] <= 2 \
                    and any(t.lower_ in lex.continuation for t in sdoc):
                # "Airstrikes also targeted..." right after "...on Friday"; a new item of a news
                # roundup ("A child injured in terrorist mortar attack on al-Fouaa ...") is the
                # bulletin's day, not the day of the item before
                when = state.last_date[1]
            if follows and not supported and not claimed:
                # only where the word itself says ("raids in a northern district of Manbij"), not
                # a place elsewhere in its clause ("the attack was a response to the chemical
                # weapon use in Idlib")
                own = {t.i for t in tok.subtree}
                if tok.dep_ == "pobj":  # "killed in raids in a northern district of Manbij"
                    verb = tok.head.head
                    own |= {t.i for c in verb.children if c.dep_ == "prep" for t in c.subtree}
                scope = scope & own
            here = [p for p in places if p.tokens & scope]
            if not here:
                continue
            if any(p.precision != "region" for p in here):
                here = [p for p in here if p.precision != "region"]
            here = self._finest(here, sdoc, places)
            source = main.text if main else None
            for attacker in attackers:
                actor = Actor(attacker.name, attacker.country) if attacker else None
                by_attacker = bool(main and main.org and attacker and main.org.country
                                   and main.org.country == attacker.country
                                   and main.org.role in ("belligerent", "government")) or bool(
                    main is None and claimed and attacker and voice.country == attacker.country)  # its quote
                for p in here:
                    if any(e.attacker == actor and e.place_text == p.text for e in events):
                        continue
                    events.append(StrikeMention(
                        doc_id=state.doc.id,
                        sentence=sent_span,
                        place_text=p.text,
                        place_span=Span(p.start + off, p.end + off, p.text),
                        attacker=actor,
                        attacker_span=attacker_span,
                        date=when[0] if when else state.reference,
                        date_precision=when[1] if when else ("day" if state.reference else None),
                        date_text=when[2] if when else None,
                        weapon=self._weapon(sentence.text),
                        source=source,
                        claimed_by_attacker=by_attacker,
                        hedged=hedged,
                    ))
                if attacker:
                    event_attackers.append(attacker)
        if events:
            events = self._add_victims(events, sdoc, sentence, speaker_tokens, actors, source=main.text if main else None)
            if attributions:
                state.speakers[sentence.start] = tuple(a.key for a in attributions)
            (state.headline if sentence.segment_kind == "title" else state.strikes).extend(events)
        if named_attackers:
            state.last_attackers = (sentence.paragraph, sentence.end, tuple(named_attackers))
        state.striking.update(e.country for e in (*strike_actors, *event_attackers) if e.country)
        for att in attributions:
            claim = self._claim(state, sentence, sdoc, att, actors, event_attackers or strike_actors, attributions)
            if claim:
                state.claims.append((att.key, claim))

    # ------------------------------------------------------------------------ asserted targets

    @staticmethod
    def _own_act(tok, sdoc, actors, voice: OrgEntry) -> bool:
        """A claimed verb tells the speaker's own act: passive ("were destroyed"), first person
        ("we destroyed") or with the speaker's forces as subject, not "IS fighters killed ..."."""
        if any(c.dep_ == "auxpass" for c in tok.children):
            return True
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return False
        own = {t.i for t in subj.subtree}
        return subj.lower_ == "we" or any(e.country == voice.country and toks & own for e, toks in actors)

    def _ongoing(self, tok) -> bool:
        """The strike word is the object of a call to stop it ("cease its airstrikes on X"):
        hypothetical as an event, but it says the strikes are hitting X."""
        head = tok.head
        return tok.dep_ == "dobj" and self.lex.base(head.lower_) in self.lex.ongoing

    def _record_assertion(self, state: _DocState, sdoc, tok, found, attributions, speaker_tokens) -> None:
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
        targets = self._targets(sdoc, excluded, None, within=governed)
        if not targets:
            return
        for att in attributions:
            for actor in states:
                have = state.asserted.setdefault((att.key, actor.code), [])
                have.extend(replace(t, asserted_by=att.text) for t in targets
                            if all(h.category != t.category for h in have))

    def _without_vague(self, strikes: list[StrikeMention]) -> list[StrikeMention]:
        """A strike placed only in a region ("in a town in northern Syria on Monday") is the one
        the story places exactly on the same day ("Air strikes on a market killed at least 29
        civilians in a town in northern Syria" ... "the market in Atareb"): a vague mention with
        no attacker goes when the same day has a placed one. A named force's strikes in a region
        stay ("Russian jets also struck in the northwest", founding example)."""
        def vague(m: StrikeMention) -> bool:
            words = _LEADING_DET.sub("", m.place_text or "").lower().split()
            return bool(words) and all(w in self.lex.regions or _is_country(w) for w in words)

        # "a missile ... slammed into a residential area in a rebel-held town in the north" ...
        # "the attack on the town of Marea": the region or province stands for the one place the
        # story names next for the same force's strike; that mention takes its day and toll
        strikes = sorted(strikes, key=lambda m: m.sentence.start)
        resolved = set()  # the same region or province said again of the same strike goes too
        for m in list(strikes):
            if m.place_span is None or not (vague(m) or _PROVINCE.search(m.place_text or "")):
                continue
            said = (m.attacker, _place_key(m.place_text), m.date)
            if said not in resolved and not _ONE_PLACE_IN.search(
                    m.sentence.text[:m.place_span.start - m.sentence.start]):
                continue
            i = next((i for i, p in enumerate(strikes) if p.attacker == m.attacker
                      and p.sentence.start > m.sentence.start and not vague(p)
                      and not _PROVINCE.search(p.place_text or "")
                      and (p.date == m.date or p.date_text is None)), None)
            if i is None:
                continue
            p = strikes[i]
            if p.date_text is None:
                p = replace(p, date=m.date, date_precision=m.date_precision, date_text=m.date_text)
            if p.casualties.killed.empty:
                p = replace(p, casualties=m.casualties)
            strikes[i] = p
            strikes.remove(m)
            resolved.add(said)
        out = [m for m in strikes if not vague(m)]
        for m in strikes:
            if not vague(m):
                continue
            i = next((i for i, p in enumerate(out) if p.date == m.date and m.attacker is None), None)
            if i is None:
                out.append(m)
            elif out[i].casualties.killed.empty and not m.casualties.killed.empty:
                out[i] = replace(out[i], casualties=m.casualties)  # the lead's toll is the strike's
        return sorted(out, key=lambda m: m.sentence.start)

    @staticmethod
    def _with_asserted(state: _DocState, strikes: list[StrikeMention]) -> list[StrikeMention]:
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

    # ------------------------------------------------------------------------ triggers

    def _trigger_strength(self, tok, phrase_ends: set[int]) -> str | None:
        lex = self.lex
        low = tok.lower_
        lemma = self.lex.base(low)
        if low not in self._trigger_words and lemma not in self._trigger_words:
            pass  # most words: no part of speech to look up
        elif tok.pos_ in ("NOUN", "PROPN"):
            if low in lex.strong_nouns or lemma in lex.strong_nouns:
                return "strong"
            if low in lex.weak_nouns or lemma in lex.weak_nouns:
                if any(t.lower_ in lex.strengthen or self.lex.base(t.lower_) in lex.strengthen
                       for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
                       for t in c.subtree):  # "air strikes", "barrel bomb attacks"
                    return "strong"
                return "weak"
        elif tok.pos_ == "VERB":
            if lemma in lex.strong_verbs:
                return "strong"
            if lemma in lex.weak_verbs:
                return "weak"
            if lemma in lex.claimed_verbs and tok.tag_ in ("VBD", "VBN"):
                return "claimed"
        if tok.idx + len(tok) in phrase_ends:
            return "strong"
        return None

    def _excluded(self, tok, sdoc) -> bool:
        """Negated, hypothetical, campaign-level, or not a strike (car bomb, suicide attack)."""
        lex = self.lex
        if any(c.dep_ == "neg" for c in tok.children) or (
                tok.dep_ in _SUBJ + ("dobj",) and any(c.dep_ == "neg" for c in tok.head.children)):
            return True
        # hypothetical: a modal or wish word on the strike word or on the verbs above it, up
        # to the verb of saying
        node = tok
        while True:
            words = {self.lex.base(node.lower_), node.lower_} if node.i != tok.i else set()
            words |= {c.lower_ for c in node.children if c.dep_ in ("aux", "mark", "advmod")}
            if words & lex.hypothetical:
                return True
            if node.head.i == node.i or self.lex.base(node.head.lower_) in lex.report_verbs:
                break
            node = node.head
        near = sdoc[max(tok.i - 3, 0): tok.i + 4]
        if lex.not_strikes.find(near.text):
            return True
        # campaign: the words about the strike word, not the whole sentence
        scope = {t.i for t in tok.subtree} | {tok.head.i}
        if tok.head.pos_ == "VERB":  # "stepped up air attacks ... in recent days"
            scope |= {t.i for c in tok.head.children if c.dep_ in ("prep", "npadvmod", "advmod", "prt")
                      and c.i != tok.i and tok.i not in {u.i for u in c.subtree} for t in c.subtree}
        words = " ".join(sdoc[i].text for i in sorted(scope))
        for s, e, _, _ in reversed(lex.campaign_exceptions.find(words)):  # "over the past 24 hours"
            words = words[:s] + words[e:]
        if lex.campaign.find(words) or lex.tallies.find(_text(sdoc)):
            return True
        # "aerial bombardment ... were causing huge civilian casualties": strikes as a running
        # state of affairs, not one strike
        head = tok.head
        if tok.dep_ == "nsubj" and head.tag_ == "VBG" and head.i != tok.i \
                and any(c.dep_ == "aux" and c.lower_ in ("were", "are", "is", "was", "been") for c in head.children) \
                and lex.base(head.lower_) not in lex.strong_verbs | lex.weak_verbs:
            return True
        return bool(lex.hypothetical_phrases.find(words))

    def _quote_speaker(self, state: _DocState, sentence: Sentence) -> OrgEntry | None:
        """The body of the speaker named after a quotation that opens in this sentence and closes
        in a later one ('"To the south of Deir ez-Zor ... were killed in an airstrike. A total of
        12 trucks ... were also destroyed" Konashenkov said.')."""
        text = sentence.text.lstrip()
        if not text.startswith(('"', "“")) or text.count('"') + text.count("“") + text.count("”") != 1:
            return None
        rest = state.doc.text[sentence.end:]
        close = re.search(r'["”]', rest)
        if close is None or close.start() > _QUOTE_SPAN_CHARS:
            return None
        after = rest[close.end():close.end() + 80]
        said = re.match(r"\s*([^.\"“”]{2,60}?)\s+(?:said|says|added|stated|told)\b", after)
        found = self.lex.orgs.find(said.group(1)) if said else []
        return found[-1][3] if found else None

    def _not_a_strike(self, tok, sdoc) -> bool:
        """The words next to the strike word make it no strike ("terrorist attack", "car bomb");
        its attacker may still be the one of the sentence's other strike words."""
        return bool(self.lex.not_strikes.find(sdoc[max(tok.i - 3, 0): tok.i + 4].text))

    def _attached_tokens(self, tok) -> set[int]:
        """The tokens that can name who struck: modifiers of the strike word, the subject or
        agent of a strike verb, the subject of the verb a strike noun is the object of."""
        out: set[int] = set()
        for c in tok.children:
            if c.i < tok.i and c.dep_ in ("amod", "compound", "poss", "nmod", "nsubj", "nsubjpass", "npadvmod"):
                out |= {t.i for t in c.subtree}
            if c.dep_ in ("nsubj", "agent"):
                out |= _noun_phrase(c, self.lex.affiliation)
            if c.dep_ == "prep" and c.lower_ in ("by", "of", "from"):
                out |= {c.i} | {t for g in c.children if g.dep_ == "pobj" for t in _noun_phrase(g, self.lex.affiliation)}
            if c.dep_ == "acl":  # "an attack carried out by government forces"
                for g in c.children:
                    if g.dep_ == "agent":
                        out |= _noun_phrase(g, self.lex.affiliation)
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
            out |= _noun_phrase(tok.head, self.lex.affiliation)  # "regime shelling", "warplanes bombing X"
        verb = tok.head  # "X carried out strikes", "strikes were launched by X"
        # "Rebel groups ... fired waves of rockets", "rebels had also fired dozens of rockets":
        # the quantity is the verb's object, the munition hangs on its "of"
        obj = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" \
            and tok.head.head.dep_ in ("dobj", "nsubjpass") else tok
        if obj is not tok:
            verb = obj.head
        if obj.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB" \
                and self.lex.base(verb.lower_) not in self.lex.report_verbs:
            for c in verb.children:
                if c.dep_ in ("nsubj", "agent"):
                    out |= _noun_phrase(c, self.lex.affiliation)
        if tok.dep_ == "nsubj" and verb.pos_ == "VERB":  # "Barrel bombs dropped by regimes helicopters
            for c in verb.children:                       # also hit": a passive parsed as active
                if c.dep_ == "agent":
                    out |= {c.i} | {t for g in c.children if g.dep_ == "pobj" for t in _noun_phrase(g, self.lex.affiliation)}
        # "civilians were wounded in airstrikes by regime and Russian jets"
        if tok.dep_ == "pobj" and verb.pos_ == "ADP" and verb.head.pos_ == "VERB":
            for c in verb.head.children:
                if c.dep_ == "agent":
                    out |= {c.i} | {t for g in c.children if g.dep_ == "pobj" for t in _noun_phrase(g, self.lex.affiliation)}
        return out

    def _scope(self, tok) -> set[int]:
        """Tokens the strike word governs: where places and dates of this strike are."""
        # a strike noun governs the clause it is part of: the parser often hangs "on the town
        # of X" on the agent or the victims ("killed in airstrikes by regime jets on X",
        # "homes in X were subject to regime shelling"), not on the strike word
        node = tok
        if tok.dep_ == "acl" and tok.tag_ == "VBG":  # "were subject to intense regime shelling"
            node = tok.head
        if node.pos_ != "VERB":
            while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
                if node.head.pos_ in ("VERB", "AUX") and self.lex.base(node.head.lower_) in self.lex.report_verbs:
                    break
                node = node.head
        scope = {t.i for t in node.subtree}
        # "... near the group's Syrian bastion Raqqa a monitor said" (commas lost): the parser
        # hangs the end of the clause on the speaker, before the article that opens its name
        verb = node.head
        if verb.i != node.i and self.lex.base(verb.lower_) in self.lex.report_verbs:
            for subj in verb.children:
                det = next((c.i for c in subj.children if c.dep_ == "det" and c.i < subj.i), None)
                if subj.dep_ in _SUBJ and det is not None and subj.i > node.i:
                    scope |= {t.i for c in subj.children if c.i < det for t in c.subtree}
        # a statement nested in the strike clause ("...after Obama announced the US would
        # intensify its campaign in northern Syria") is not part of it
        above = {a.i for a in tok.ancestors} | {tok.i}
        for t in node.subtree:
            if t.i != node.i and t.i not in above and self.lex.base(t.lower_) in self.lex.report_verbs \
                    and t.pos_ == "VERB":
                scope -= {u.i for u in t.subtree}
        return scope

    # ------------------------------------------------------------------------ places

    def _places(self, sdoc, speaker_tokens: set[int], actors) -> list[_PlaceCandidate]:
        """Place names in the sentence: spaCy's places, the names it mislabels that the
        gazetteer knows, names with a place word ("Homs province") and regions."""
        lex = self.lex
        # a capital standing for its government ("Damascus denied") is no place, but one a
        # preposition governs is: "the central neighborhoods of Damascus"
        # ("the regime in Damascus" is still the government)
        actor_toks = set().union(*(t for _, t in actors)) if actors else set()

        def capital_here(toks) -> bool:
            tok = sdoc[min(toks)]
            return len(toks) == 1 and tok.lower_ in lex.capitals and tok.dep_ == "pobj" \
                and tok.head.lower_ in lex.place_prepositions and tok.head.head.i not in actor_toks

        named = set().union(set(), *(t for _, t in actors if not capital_here(t)))
        for matcher in (lex.groups, lex.orgs):
            for s, e, _, _ in matcher.find(_text(sdoc)):
                span = sdoc.char_span(s, e, alignment_mode="expand")
                if span is not None and not capital_here(set(range(span.start, span.end))):
                    named |= set(range(span.start, span.end))
        cands: list[_PlaceCandidate] = []
        taken: set[int] = set()

        def add(first: int, last: int, *, from_ent: bool, precision: str | None = None) -> None:
            while first <= last and (sdoc[first].lower_ in lex.country_prefix or sdoc[first].lower_ == "the"):
                first += 1
            if first > last:
                return
            toks = set(range(first, last + 1))
            if toks & taken or toks & speaker_tokens:
                return
            j = last + 1  # a place word after the name: "Homs province", "Tabqa military airport"
            while j < len(sdoc) and j <= last + 3 and sdoc[j].pos_ in ("NOUN", "ADJ", "PROPN"):
                phrase = sdoc[last + 1: j + 1].text.lower()
                if phrase not in lex.place_heads and all(sdoc[k].pos_ == "ADJ" for k in range(last + 1, j)):
                    phrase = sdoc[j].lower_  # "al-Furqan residential neighborhood"
                if phrase in lex.place_heads:
                    precision = lex.place_heads[phrase]
                    toks |= set(range(last + 1, j + 1))
                    break
                j += 1
            name = sdoc[first: last + 1]
            if last + 1 < len(sdoc) and sdoc[last + 1].text == "-" and not name[-1].whitespace_:
                return  # "Damascus-backed", "Aleppo-based": a modifier, not a place
            if name.text.lower() in lex.not_places or all(t.lower_ in lex.not_places for t in name):
                return
            if precision is None and (toks & named or (from_ent and not self._known(name.text))):
                pieces = self._segment(name) if from_ent and len(name) > 1 else []
                for a, b in pieces:
                    add(a, b, from_ent=False)
                return
            if self._said_here(name) or (precision in (None, "point") and _is_country(name.text)):
                return
            taken.update(toks)
            span = sdoc[first: max(toks) + 1]
            cands.append(_PlaceCandidate(span.text, span.start_char, span.end_char, toks, precision,
                                         self._known(name.text)))

        words = _words(sdoc)
        # lists the text introduces as places, whether or not the gazetteer knows them: "the
        # towns of Rastan Talbeesah Ter Maaleh and Zafarana", "districts including al-Kalaseh
        # Bustan al-Qasr and al-Sakhour" (commas lost); a known name inside is taken whole
        for w, (a, b, text) in enumerate(words):
            opener = text.lower()
            if opener == "as" and w > 0 and words[w - 1][2].lower() == "such":
                w -= 1
            if opener not in lex.list_openers or w == 0:
                continue
            head = words[w - 1][2].lower()
            if head not in lex.of_phrases or not head.endswith("s"):
                continue
            names, v = [], w + 1
            while v < len(words) and (_NAMELIKE.match(words[v][2]) or words[v][2].lower() in ("and", ",")):
                if _NAMELIKE.match(words[v][2]):
                    if any(i in named or i in taken for i in range(words[v][0], words[v][1])) \
                            or words[v][2].lower() in lex.not_places - lex.name_heads:
                        break
                    names.append(v)
                v += 1
            precision = lex.place_heads.get(head[:-1]) or lex.place_heads.get(head)
            for first, last in self._split_names(words, names):
                add(words[first][0], words[last][1] - 1, from_ent=False, precision=precision or "point")
        # a toll split by place: "including 9 in the neighborhood Alsaliheen 8 in Ansari 5 in
        # Almiyassar" names a place after each count, whether or not the gazetteer knows it
        for w in range(len(words) - 2):
            if not (sdoc[words[w][0]].like_num and words[w + 1][2].lower() == "in"
                    and _NAMELIKE.match(words[w + 2][2])):
                continue
            v = w + 2
            while v < len(words) and v < w + 5 and _NAMELIKE.match(words[v][2]) \
                    and words[v][2].lower() not in lex.not_places:
                v += 1
            if v > w + 2:
                add(words[w + 2][0], words[v - 1][1] - 1, from_ent=False, precision="point")
        # names spaCy missed or split ("Bustan" + "al-Qasr"): runs of proper nouns the
        # gazetteer knows, longest first; a lone word must name a town of some size. A run
        # never ends on a word that opens a longer name ("Bab" of "Bab al-Nayrab").
        w = 0
        while w < len(words):
            a, b, text = words[w]
            if not self._proper(sdoc, words[w], taken, named) or _is_country(text):
                w += 1
                continue
            if w + 1 < len(words) and text.endswith("s") and _NAMELIKE.match(words[w + 1][2]) \
                    and b - a == 1 and sdoc[a].is_title and len(text) > 4 \
                    and self.gazetteer.is_place(text[:-1], min_population=self.settings.place_min_population):
                w += 1  # "Aleppos Marjeh district": a possessive that lost its apostrophe
                continue
            k = w
            while k < len(words) and k < w + 4 and self._proper(sdoc, words[k], taken, named):
                k += 1
            # the longest name the gazetteer knows; else the whole run, when the text says it is
            # a place: "the neighborhood of Aleppo Syria Live Network" is Aleppo, not the run
            known_ends = [j for j in range(k, w, -1) if not (j < k and words[j - 1][2].lower() in lex.name_heads)
                          and self._known_run(sdoc, words, w, j)]
            for j in (known_ends[:1] or [k]):
                first, last = words[w][0], words[j - 1][1]
                known = bool(known_ends)
                # "the town of Saraqeb", "the province of Raqa", "the neighborhood Alsaliheen",
                # "the al-Furqan neighbourhood": the text says it is a place
                before = words[w - 1][2].lower() if w > 0 else ""
                k_after = last
                while k_after < len(sdoc) - 1 and k_after < last + 2 and sdoc[k_after].pos_ == "ADJ":
                    k_after += 1  # "the al-Furqan residential neighborhood"
                after = sdoc[k_after].lower_ if k_after < len(sdoc) else ""
                introduced = j == k and (
                    (before == "of" and w >= 2 and words[w - 2][2].lower() in lex.of_phrases
                     and not words[w - 2][2].lower().endswith("s"))
                    or (before in lex.of_phrases and not before.endswith("s") and w >= 2
                        and words[w - 2][2].lower() in ("the", "a"))
                    or after in lex.place_heads)
                if known or introduced:
                    head = words[w - 2][2].lower() if introduced and before == "of" else before
                    add(first, last - 1, from_ent=False, precision=lex.place_heads.get(head))
                    w = j - 1
                    break
            w += 1
        for ent in sdoc.ents:
            if ent.label_ in ("GPE", "LOC", "FAC", "ORG", "PERSON"):
                add(ent.start, ent.end - 1, from_ent=True)
        # regions: "in the northwest", "northern Syria"
        for t in sdoc:
            if t.lower_ in lex.regions and t.i not in taken:
                if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj":
                    first = t.i - 1 if t.i > 0 and sdoc[t.i - 1].lower_ == "the" else t.i
                    span = sdoc[first: t.i + 1]
                    cands.append(_PlaceCandidate(span.text, span.start_char, span.end_char, {t.i}, "region", True))
                    taken.add(t.i)
                elif t.dep_ == "amod" and t.head.ent_type_ in ("GPE", "LOC") and _is_country(t.head.text):
                    span = sdoc[t.i: t.head.i + 1]
                    cands.append(_PlaceCandidate(span.text, span.start_char, span.end_char,
                                                 {t.i, t.head.i}, "region", True))
        # countries are not strike locations: an event needs at least a province
        return [c for c in cands if c.precision == "region" or not _is_country(c.text)]

    def _finest(self, places: list[_PlaceCandidate], sdoc,
                sentence_places: list[_PlaceCandidate] = ()) -> list[_PlaceCandidate]:
        """ "X in Y" names one place, X, the finer: "the al-Furqan neighbourhood in Aleppo city"
        is al-Furqan and "Karam Alnozha and Tal Alzarazir in Aleppo" two neighbourhoods (one
        event per named neighbourhood); placing X inside Y is the geocoder's work. A name
        neither the gazetteer nor the text's wording makes a place leaves Y standing."""
        def contained(cands: list[_PlaceCandidate]) -> set[int]:
            cands = sorted(cands, key=lambda p: p.start)
            text = _text(sdoc)
            out: set[int] = set()
            for a, b in zip(cands, cands[1:]):
                between = text[a.end:b.start]
                if _CONTAINER.fullmatch(between):
                    out.add(id(b) if a.known or a.precision == "point" else id(a))
                elif a.precision == "admin1" and b.precision == "point" and _NEAR.fullmatch(between):
                    out.add(id(a))  # "the camp situated in southern Idlib province close to the village of al-Khwyn"
            return out

        drop = contained(places)
        # the container named again in the words of the same strike ("a terrorist mortar
        # attack by the so called Jaish al-Fateh on ... al-Fouaa town in the northern countryside
        # of Idleb" after the glued headline's "on al-Fouaa Idleb") is no strike place either,
        # nor is it on another strike word of the sentence: the glued headline "A person injured
        # in a terrorist rocket attack in Quneitra" before "... a terrorist rocket attack by the
        # terrorists of Jabhat al-Nusra on Hadar village in the countryside of Quneitra province"
        everywhere = [p for p in sentence_places if p.precision != "region"] or places
        containers = {_place_key(p.text) for p in places if id(p) in drop} | {
            _place_key(p.text) for p in everywhere if id(p) in contained(everywhere)}
        return [p for p in places if id(p) not in drop and _place_key(p.text) not in containers]

    def _proper(self, sdoc, word, taken: set[int], named: set[int]) -> bool:
        """A word that can be part of a gazetteer name: proper nouns and "al-" pieces."""
        a, b, text = word
        if any(i in taken or i in named for i in range(a, b)):
            return False
        if b - a == 1 and a > 0 and b < len(sdoc) and sdoc[a].is_title and sdoc[b].lower_ in self.lex.place_heads:
            return True  # "on Harfa village": the tagger calls "Harfa" an adjective
        return all(sdoc[i].pos_ == "PROPN" or sdoc[i].text == "-" for i in range(a, b)) or (
            b - a > 1 and bool(_NAMELIKE.match(text)))

    def _known_run(self, sdoc, words, w: int, j: int) -> bool:
        """Words w..j-1 name a place the gazetteer knows; a lone word must name a town of some
        size, and an acronym ("SLN", "AFP") is never taken for the hamlet that shares it."""
        first, last = words[w][0], words[j - 1][1]
        if last - first > 1:
            return self._known(sdoc[first:last].text)
        tok = sdoc[first]
        return tok.is_title and tok.lower_ not in self.lex.name_heads and self.gazetteer.is_place(
            tok.text, min_population=self.settings.place_min_population)

    def _split_names(self, words, idxs: list[int]) -> list[tuple[int, int]]:
        """Cut a comma-less list of names into places: the longest piece the gazetteer knows,
        else a word that opens a name ("Ter", "Bustan") with the word after it, else one word."""
        out, n = [], 0
        while n < len(idxs):
            for m in range(min(len(idxs), n + 3), n, -1):
                piece = idxs[n:m]
                if piece != list(range(piece[0], piece[-1] + 1)):
                    continue
                text = " ".join(words[x][2] for x in piece)
                if (m - n > 1 or words[piece[0]][2].lower() not in self.lex.name_heads) and self._known(text):
                    break
            else:
                m = n + 2 if words[idxs[n]][2].lower() in self.lex.name_heads and n + 1 < len(idxs) \
                    and idxs[n + 1] == idxs[n] + 1 else n + 1
            out.append((idxs[n], idxs[m - 1]))
            n = m
        return out

    def _known(self, name: str) -> bool:
        if name.isupper() and " " not in name:  # an acronym ("SLN", "AFP"), not the hamlet of that name
            return False
        return self.gazetteer.is_place(name, min_population=0)

    def _segment(self, name) -> list[tuple[int, int]]:
        """Split a run of names the text lost its commas in ("Rastan Talbeesah Ter Maaleh and
        Zafarana") into the pieces the gazetteer knows; [] unless every word is placed."""
        out, i, end = [], name.start, name.end
        while i < end:
            if name.doc[i].lower_ in ("and", ","):
                i += 1
                continue
            for j in range(min(end, i + 3), i, -1):
                piece = name.doc[i:j]
                if piece.text.lower() not in self.lex.not_places and self._known(piece.text):
                    out.append((i, j - 1))
                    i = j
                    break
            else:
                return []
        return out if len(out) > 1 else []

    def _said_here(self, span) -> bool:
        """True for "a summit in Paris", "said in Moscow": where words were spoken; also where
        the attacker stood ("positioned in Binnish town"), the name a modifier of its place word."""
        node = span.root
        while node.dep_ in ("compound", "amod") and node.head.i != node.i and node.head.i not in range(span.start, span.end):
            node = node.head
        head = node.head
        if head.dep_ == "prep" or head.pos_ == "ADP":
            gov = head.head
            return self.lex.base(gov.lower_) in self.lex.report_verbs or gov.lower_ in self.lex.not_here \
                or self.lex.base(gov.lower_) in self.lex.not_here
        return False

    # ------------------------------------------------------------------------ actors, speakers

    def _actor_tokens(self, sdoc) -> list[tuple[ActorEntry, set[int]]]:
        lex = self.lex
        blocked = [(s, e) for s, e, _, _ in lex.not_actors.find(_text(sdoc))]
        out = []
        for s, e, _, entry in lex.actors.find(_text(sdoc)):
            if any(bs <= s and e <= be for bs, be in blocked):
                continue
            span = sdoc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                out.append((entry, set(range(span.start, span.end))))
        return out

    def _attributions(self, state: _DocState, sdoc) -> list[_Attribution]:
        """Who says what in the sentence: subjects of reporting verbs and "according to X"."""
        lex = self.lex
        frame = self._statement_frame(state, sdoc)
        out = [frame] if frame else []
        for tok in sdoc:
            head_tok = None
            if frame and tok.i == frame.verb_i:
                continue  # "In a joint statement, leaders ... called": the statement speaks
            lemma = self.lex.base(tok.lower_)
            if tok.pos_ in ("VERB", "AUX") and (lemma in lex.report_verbs or tok.lower_ in lex.demand_verbs):
                if lemma not in lex.verb_kinds and any(
                        self.lex.base(a.lower_) in lex.report_verbs and a.pos_ == "VERB"
                        and any(c.dep_ in _SUBJ for c in a.children) for a in tok.ancestors):
                    continue  # a statement reported inside another one (a denial still counts)
                subj = next((c for c in tok.children if c.dep_ in ("nsubj",)), None)
                if subj is None and tok.dep_ in ("conj", "advcl", "xcomp") and self.lex.base(tok.head.lower_) in lex.report_verbs:
                    subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
                if subj is None and lemma in ("quote", "cite"):  # "X was quoted by AFP as saying"
                    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
                inverted = next((c for c in tok.children if c.dep_ in ("dobj", "attr") and c.i > tok.i), None)
                if subj is None and lemma == "say" and inverted is not None:
                    # "... on the village of Taduf said the Syrian Observatory": the speaker comes
                    # after the verb, not the place before it
                    att = self._speaker(state, sdoc, inverted, tok, lemma)
                    if att and att.org is not None:
                        if all(att.key != a.key for a in out):
                            out.append(att)
                        continue
                if subj is None and not any(c.dep_ == "nsubjpass" for c in tok.children):
                    # the parse lost the subject ("... 11990 Russias Defense Ministry has reported",
                    # "... Deir al-Zor Syrias SANA state news agency reported on Friday")
                    att = self._speaker_before(state, sdoc, tok)
                    if att and all(att.key != a.key for a in out):
                        out.append(att)
                    continue
                head_tok, verb = subj, lemma
            elif tok.lower_ == "according" and tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].lower_ == "to":
                head_tok = next((c for c in sdoc[tok.i + 1].children if c.dep_ == "pobj"), None)
                verb = "according to"
            elif tok.lower_ in ("citing",) and tok.dep_ in ("advcl", "acl", "prep", "xcomp"):
                head_tok = next((c for c in tok.children if c.dep_ in ("dobj", "pobj")), None)
                verb = "cite"
            if head_tok is None:
                continue
            att = self._speaker(state, sdoc, head_tok, tok, verb)
            if att and all(att.key != a.key for a in out):
                out.append(att)
        if not out:
            tail = self._trailing_speaker(state, sdoc)
            if tail:
                out.append(tail)
        return out

    def _statement_frame(self, state: _DocState, sdoc) -> _Attribution | None:
        """ "In a rare joint statement, leaders of France ... called for Russia to cease its
        airstrikes": the statement speaks, and "the statement said" later is the same speaker."""
        for tok in sdoc:
            if tok.lower_ != "in" or tok.dep_ != "prep" or tok.head.pos_ != "VERB":
                continue
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if obj is None or obj.lower_ not in self.lex.statement_nouns:
                continue
            span = sdoc[min(t.i for t in obj.subtree): obj.i + 1]
            named = self.lex.generic_speakers.find(span.text)  # "joint statement" of "a rare joint statement"
            if named:
                span = sdoc.char_span(span.start_char + named[-1][0], span.start_char + named[-1][1],
                                      alignment_mode="expand") or span
            frame = self._speaker(state, sdoc, obj, tok.head, "state", span=span)
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if frame is not None and subj is not None:  # "leaders ... called" elsewhere is the statement
                state.aliases[self.lex.base(subj.lower_)] = frame.key
            return frame
        return None

    def _trailing_speaker(self, state: _DocState, sdoc) -> _Attribution | None:
        """ "... in Aleppo the Syrian Observatory for Human Rights said." with the comma lost
        (wire text stripped of punctuation) parses badly: take the body or person the lexicons
        or the entity tagger find right before a closing verb of saying."""
        end = len(sdoc) - 1
        while end > 0 and sdoc[end].is_punct:
            end -= 1
        verb = sdoc[end]
        if self.lex.base(verb.lower_) not in self.lex.report_verbs or end < 2:
            return None
        return self._speaker_before(state, sdoc, verb)

    def _speaker_before(self, state: _DocState, sdoc, verb) -> _Attribution | None:
        """The body or person named right before a verb of saying (auxiliaries and "also"
        between them), when the parse gives the verb no subject."""
        end = verb.i
        while end > 0 and sdoc[end - 1].lower_ in ("has", "have", "had", "also", "was", "were", "is", "later"):
            end -= 1
        if end < 1:
            return None
        before = sdoc[:end].text.rstrip()
        best = None
        for matcher in (self.lex.orgs, self.lex.generic_speakers):
            for s, e, _, _ in matcher.find(before):
                if e == len(before) and (best is None or s < best[0]):
                    best = (s, e)
        for ent in sdoc.ents:
            if ent.end == end and ent.label_ in ("ORG", "PERSON", "NORP", "GPE") and (best is None or ent.start_char < best[0]):
                best = (ent.start_char, ent.end_char)
        if best is None:
            return None
        span = sdoc.char_span(*best, alignment_mode="expand")
        if span.start > 0 and sdoc[span.start - 1].lower_ in ("the", "a", "an"):
            span = sdoc[span.start - 1: span.end]
        return self._speaker(state, sdoc, span.root, verb, self.lex.base(verb.lower_), span=span)

    def _speaker(self, state: _DocState, sdoc, head, verb_tok, verb: str, *, span=None) -> _Attribution | None:
        lex = self.lex
        if head.lower_ in _PRONOUNS:
            antecedent = state.last_speaker.get("person" if head.lower_ in ("he", "she") else "any")
            if head.lower_ in ("i", "we", "you", "who", "this", "that") or antecedent is None:
                return None
            return replace(antecedent, tokens={head.i}, verb=verb, verb_i=verb_tok.i)
        toks = [head.i] if span is None else list(range(span.start, span.end))
        for c in head.children if span is None else ():
            if c.i < head.i or c.dep_ in ("compound", "flat", "conj", "cc", "nmod", "poss") or (
                    c.dep_ == "prep" and head.ent_type_ and c.ent_iob_ == "I") or (
                    # "the Syrian Obervatorty for Human Rights": a name with "for"/"of" inside
                    c.dep_ == "prep" and c.lower_ in ("for", "of") and head.pos_ == "PROPN"
                    and c.i == head.i + 1 and all(t.pos_ == "PROPN" for t in c.subtree if t.i != c.i)):
                toks.extend(t.i for t in c.subtree)
        from_body = False
        if span is None and head.lower_ in lex.from_body:
            for c in head.children:  # "a source at Aleppo Police Command"
                if c.dep_ == "prep" and c.lower_ in ("at", "in", "from", "with") and c.i == head.i + 1 \
                        and any(t.ent_type_ == "ORG" for t in c.subtree):
                    toks.extend(t.i for t in c.subtree)
                    from_body = True
        det = next((c.i for c in head.children if c.dep_ == "det" and c.i < head.i), None)
        if span is None and det is not None:  # "... bastion Raqqa a monitor said": the article opens it
            toks = [i for i in toks if i >= det]
        first, last = min(toks), max(toks)
        while last > first and sdoc[last].is_punct:
            last -= 1
        org_override = None
        lo, hi = sdoc[first].idx, sdoc[last].idx + len(sdoc[last])
        for s, e, _, _ in lex.orgs.find(_text(sdoc)):  # a body's whole name, however the parse cut it
            if s < hi and lo < e and (s < lo or e > hi):
                whole = sdoc.char_span(min(s, lo), max(e, hi), alignment_mode="expand")
                first, last = whole.start, whole.end - 1
        nums = [i for i in range(first, last + 1) if sdoc[i].like_num]
        if nums:  # "...that killed 13 people MSF said": the victims are not the speaker
            named = [e.start for e in sdoc.ents if max(nums) < e.start <= last and e.label_ in ("ORG", "PERSON")]
            tail = sdoc[max(nums) + 1: last + 1]
            hit = lex.orgs.find(tail.text)
            if hit:
                named.append(sdoc.char_span(tail.start_char + hit[0][0], tail.start_char + hit[0][1],
                                            alignment_mode="expand").start)
            if named:
                first = min(named)
        span = sdoc[first: last + 1]
        text = span.text
        # a person names the speaker when the name is its head or opens it ("Rami Abdel Rahman
        # head of the Observatory"), not when it is a piece of a body's name
        body = lex.country_bodies.find(sdoc[first: last + 1].text)
        if body and not lex.orgs.find(sdoc[first: last + 1].text):
            # "the defence ministry in Moscow": the state the name's place or people stand for
            where = {t.i for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                     for t in c.subtree}
            near = [e for s, e_, _, e in lex.actors.find(_text(sdoc)) if e.state
                    for t in [sdoc.char_span(s, e_, alignment_mode="expand")]
                    if t is not None and (t.start in where or first <= t.start <= last)]
            entry = lex.org_of.get((near[0].country, body[0][3])) if near else None
            if entry is not None:
                last = max([last, *where])
                org_override = entry
        person = next((e for e in sdoc.ents if e.label_ == "PERSON" and first <= e.start and e.end <= last + 1
                       and (e.start <= head.i < e.end or e.start == first)
                       and not (e.end <= last and sdoc[e.end].lower_ in ("for", "of"))), None)
        orgs = lex.orgs.find(text)
        generic = lex.generic_speakers.find(text)
        entity = any(e.label_ in ("ORG", "GPE", "NORP", "PERSON") for e in sdoc.ents
                     if first <= e.start < last + 1)
        if not (person or orgs or generic or entity):
            return None
        org = orgs[-1][3] if orgs else (generic[-1][3] if generic else None)
        if org_override is not None:
            org, orgs = org_override, [(0, len(text), text, org_override)]
        if person is not None:
            name = person.text
            key = person[-1].lower_
            state.people.add(key)
            kind = "person"
            person_org = lex.orgs.find(person.text)
            if person_org:
                org = person_org[-1][3]
        else:
            name = text
            if head.lower_ in state.people:  # "Fallon" after "Michael Fallon"
                key = head.lower_
            elif from_body and not orgs:  # each body's source is its own speaker
                key = _LEADING_DET.sub("", text).lower()
            elif orgs and len(orgs[-1][2]) >= len(text) * 0.5:
                key = (orgs[-1][3].org or orgs[-1][2]).lower()
            else:
                key = self.lex.base(head.lower_) if not head.ent_type_ else _LEADING_DET.sub("", text).lower()
            kind = "person" if generic and generic[-1][3].role in ("analyst", "belligerent") else "any"
            if not orgs and generic:  # "the Britain-based monitor" is the Observatory named in the story
                body = state.bodies.get(generic[-1][3].role)
                if body is not None and generic[-1][2].lower() in lex.definite_speakers:
                    org, key = body, body.org.lower()
        att = _Attribution(name, key, org, set(range(first, last + 1)), verb, verb_tok.i,
                           Span(span.start_char, span.end_char, text))
        state.last_speaker["any"] = att
        if kind == "person":
            state.last_speaker["person"] = att
        return att

    # ------------------------------------------------------------------------ fields

    def _dates(self, state: _DocState, sentence: Sentence):
        if state.reference is None:
            return []
        return dates.resolve_date_expressions(sentence.text, state.reference)

    def _weapon(self, text: str) -> str | None:
        hits = self.lex.weapons.find(text)
        return hits[0][2].lower() if hits else None

    def _add_victims(self, events: list[StrikeMention], sdoc, sentence: Sentence, speaker_tokens,
                     actors, *, source: str | None) -> list[StrikeMention]:
        """Targets and casualties of the sentence. A toll is counted once per attacker: it goes
        to the first place the sentence names, since the text does not split it between places."""
        lex = self.lex
        attacker_chars = [(a.attacker_span.start - sentence.start, a.attacker_span.end - sentence.start)
                          for a in events if a.attacker_span]
        speaker_chars = [(sdoc[i].idx, sdoc[i].idx + len(sdoc[i])) for i in speaker_tokens]
        targets = self._targets(sdoc, attacker_chars + speaker_chars, source)
        killed = wounded = civ = Range()
        for c in counts.find_casualties(sentence.text):
            if c.kind == "killed" and killed.empty:
                killed = c.range
                if c.civilian:
                    civ = c.range
            elif c.kind == "killed" and c.civilian and civ.empty:
                civ = c.range
            elif c.kind == "wounded" and wounded.empty:
                wounded = c.range
            if c.who:
                for _, _, text, cat in lex.groups.find(c.who):
                    if not any(t.category == cat for t in targets):
                        targets.append(Target(str(cat), text, source))
            if c.civilian and not any(t.category == "civilian" for t in targets):
                targets.append(Target("civilian", c.who, source))
        cas = Casualties(killed=killed, wounded=wounded, civilians_killed=civ)
        out = []
        for ev in events:
            # joint attackers of one place each carry its toll ("Russian and Syrian strikes on
            # al-Quria killed 82" is the toll of both events, as the gold conventions say)
            first = ev.place_text == events[0].place_text
            out.append(replace(ev, targets=tuple(targets), casualties=cas if first else Casualties()))
        return out

    def _targets(self, sdoc, excluded: list[tuple[int, int]], source: str | None,
                 within: set[int] | None = None) -> list[Target]:
        """Whom the sentence says was hit: the groups it names, less the attacker and speaker,
        the groups it says were NOT hit ("did not target IS"), and the groups a clause only
        describes ("the Islamist coalition battling government forces"). A facility ("military
        airport") counts only when no armed group or person is named: it belongs to its holder."""
        lex = self.lex
        found: list[Target] = []
        for matcher in (lex.groups, lex.facilities):
            if matcher is lex.facilities and found:
                break
            for s, e, text, cat in matcher.find(_text(sdoc)):
                if any(s < b and a < e for a, b in excluded) or any(t.category == cat for t in found):
                    continue
                span = sdoc.char_span(s, e, alignment_mode="expand")
                if span is None or within is not None and not set(range(span.start, span.end)) & within:
                    continue
                if self._not_hit(sdoc, span) or self._described(span):
                    continue
                found.append(Target(str(cat), text, source))
        return found

    def _not_hit(self, sdoc, span) -> bool:
        """The text says the group was not hit: a negated verb above it, or "rather than X"."""
        cue = self.lex.not_target_cue
        if cue is not None and cue.search(_text(sdoc)[:span.start_char]):
            return True
        node = span.root
        while node.head.i != node.i:
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                return any(c.dep_ == "neg" for c in node.children)
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

    def _claim(self, state: _DocState, sentence: Sentence, sdoc, att: _Attribution, actors,
               event_attackers, others: list[_Attribution]) -> ClaimMention | None:
        lex = self.lex
        nested = {t.i for o in others if o.verb_i != att.verb_i
                  and att.verb_i in {a.i for a in sdoc[o.verb_i].ancestors} for t in sdoc[o.verb_i].subtree}
        kinds = set()
        if att.verb in lex.verb_kinds:
            kinds.add(lex.verb_kinds[att.verb])
        # what the speaker says: the clause of the verb of saying ("The calls for IS-only Russian
        # strikes come as Muallem said ... that Syria is prepared to take part in UN talks" says
        # nothing of targets), else, when that clause has no claim words ("... killed 13 people
        # official Ibrahim Abu al-Laith told Reuters"), the whole sentence
        said = sdoc[att.verb_i] if 0 <= att.verb_i < len(sdoc) else None
        clause = {t.i for t in said.subtree} if said is not None and said.pos_ in ("VERB", "AUX") else set()
        says = said is not None and any(c.dep_ in ("ccomp", "xcomp") for c in said.children)
        pieces = _pieces(sdoc)
        for words in (clause, set(range(len(sdoc)))):
            content = "".join(w for i, w in enumerate(pieces) if i in words and i not in att.tokens
                              and i not in nested).strip()
            found = {kind for kind, matcher in lex.claim_words.items() if matcher.find(content)}
            if found or says and words is clause:
                kinds |= found
                break
        # the force the words say acts ("crimes carried out by the Assad regime"), before the
        # first one named ("called on ... the United States to stop crimes ...")
        candidates = [(e, toks) for e, toks in actors if not toks & att.tokens and e.state]
        about_actor = next((e for e, toks in candidates
                            if any(sdoc[i].lower_ == "by" for i in range(max(min(toks) - 3, 0), min(toks)))),
                           candidates[0][0] if candidates else None)
        if not kinds and about_actor is None and not lex.groups.find(content):
            return None
        kind = next((k for k in _KIND_ORDER if k in kinds), "other")
        if event_attackers:
            about = event_attackers[0].country  # null for a non-state attacker (gold conventions)
        elif about_actor is not None:
            about = about_actor.code
        elif att.org and (att.org.role == "belligerent" or att.org.role == "government"
                          and kind in ("target", "denial")):
            # "Moscow maintains that it targets only IS", "Damascus denied": a state speaking of
            # whom strikes hit, naming no other force, speaks of its own
            about = att.org.country
        else:
            about = None
        quote = _quoted(sentence.text) or content
        numbers = tuple(counts.find_numbers(content))
        share = counts.parse_share(content)
        if share is not None and not any(label == "share" for label, _ in numbers):
            numbers += (("share", share),)
        org = att.org
        return ClaimMention(
            doc_id=state.doc.id,
            span=Span(sentence.start, sentence.end, sentence.text),
            speaker=att.text,
            kind=kind,
            org=org.org if org else None,
            role=org.role if org else None,
            about=about,
            quote=quote,
            numbers=numbers,
        )


# ---------------------------------------------------------------------------- helpers


@dataclass(slots=True)
class _DocState:
    doc: Document
    reference: date | None
    strikes: list[StrikeMention] = field(default_factory=list)
    headline: list[StrikeMention] = field(default_factory=list)
    claims: list[tuple[str, ClaimMention]] = field(default_factory=list)
    last_attackers: tuple | None = None  # (paragraph, end of sentence, attackers named there)
    last_date: tuple | None = None  # (end of its sentence, (date, precision, text))
    last_speaker: dict[str, _Attribution] = field(default_factory=dict)
    people: set[str] = field(default_factory=set)  # surnames of the named speakers so far
    # (speaker key, attacker code) -> targets the speaker says that force's strikes hit
    asserted: dict[tuple[str, str], list[Target]] = field(default_factory=dict)
    speakers: dict[int, tuple[str, ...]] = field(default_factory=dict)  # sentence start -> speaker keys
    aliases: dict[str, str] = field(default_factory=dict)  # speaker key -> the key it is the same speaker as
    striking: set[str] = field(default_factory=set)  # states whose strikes the text has named so far
    bodies: dict[str, OrgEntry] = field(default_factory=dict)  # role -> the one body of it the text names


@dataclass(slots=True)
class _Attribution:
    text: str
    key: str
    org: OrgEntry | None
    tokens: set[int]
    verb: str
    verb_i: int
    span: Span


@dataclass(slots=True)
class _PlaceCandidate:
    text: str
    start: int
    end: int
    tokens: set[int]
    precision: str | None
    known: bool = True  # the gazetteer knows the name


# a word that can be (part of) a place name: capitalised, or "al-"/"el-" before a capital
_NAMELIKE = re.compile(r"^(?:[A-Z]|(?:al|el|as|ad|an|ar|ash|az|at|ad-d)-[A-Za-z])")


def _words(sdoc) -> list[tuple[int, int, str]]:
    """The sentence's words as the text writes them: tokens joined by a hyphen without spaces
    ("al" "-" "Bab" is one word), as (first token, end token, text)."""
    from spacy.attrs import IDX, LENGTH

    # read from the text at the tokens' offsets: a Token and a Span per word cost more
    text = _text(sdoc)
    starts, lengths = sdoc.to_array([IDX, LENGTH]).T.tolist() if len(sdoc) else ([], [])
    ends = [a + n for a, n in zip(starts, lengths)]
    out, i, n = [], 0, len(starts)
    while i < n:
        j = i + 1
        # no space between two tokens, one of them a hyphen
        while j < n and ends[j - 1] == starts[j] and (
                text[starts[j]:ends[j]] == "-" or text[starts[j - 1]:ends[j - 1]] == "-"):
            j += 1
        out.append((i, j, text[starts[i]:ends[j - 1]]))
        i = j
    return out


def _noun_phrase(tok, links: frozenset[str] = frozenset()) -> set[int]:
    """The words of a noun phrase without what follows it: "the militants" of "the militants
    on the Turkish border town", so a nationality further on is not taken for the attacker.
    A group the phrase says it is or belongs to is part of it: "the terrorists of Jabhat
    al-Nusra", "terrorist organizations affiliated to Jabhat al-Nusra" (``links``: the words
    of affiliation, from the actors lexicon)."""
    out = {tok.i}
    for c in tok.children:
        if c.dep_ == "pobj" or c.i < tok.i or c.dep_ in ("compound", "flat", "conj", "cc", "appos"):
            out |= _noun_phrase(c, links) if c.dep_ in ("pobj", "conj", "appos") else {t.i for t in c.subtree}
        elif c.i > tok.i and (c.dep_ == "prep" and c.lower_ == "of" or c.dep_ == "acl" and c.lower_ in links):
            out |= {c.i} | {t for g in c.children for t in (_noun_phrase(g, links) if g.dep_ == "pobj" else
                    {u.i for u in g.subtree} if g.dep_ == "prep" else ())}
    return out


def _either_or(sdoc, groups: list[set[int]]) -> bool:
    """Two attackers joined by "or" ("Russian or Syrian jets", "Syrian or Russian warplanes")."""
    spans = sorted((min(g), max(g)) for g in groups)
    return any(any(sdoc[i].lower_ == "or" for i in range(a_end + 1, b_start))
               and b_start - a_end <= 7 for (_, a_end), (b_start, _) in zip(spans, spans[1:]))


def _tag_line(sdoc) -> set[int]:
    """The tokens of a "Tags Syria Idlib Russia" line glued to the sentence after it (page
    furniture the sentence splitter could not cut): up to the capitalised article or number that
    opens the sentence ("... Russia A hospital funded by ..."); nothing when none is found."""
    if len(sdoc) < 3 or sdoc[0].text != "Tags":
        return set()
    for t in sdoc[1:]:
        if t.text in ("A", "An", "The", "At", "In", "On") or t.like_num or t.text.startswith('"'):
            return set(range(t.i))
    return set()


def _text(sdoc) -> str:
    """The sentence's text: ``Doc.text`` joins every token each time it is read, and the rules
    read it a dozen times a sentence (a tenth of their time on fakes-dev)."""
    text = sdoc.user_data.get(TEXT_KEY)  # the entity tagger leaves it there
    if text is None:
        text = sdoc.user_data[TEXT_KEY] = sdoc.text
    return text


def _pieces(sdoc) -> list[str]:
    """Each token's text with its trailing space, read once per sentence (see ``_text``)."""
    pieces = sdoc.user_data.get("strikewatch.pieces")
    if pieces is None:
        pieces = sdoc.user_data["strikewatch.pieces"] = [t.text_with_ws for t in sdoc]
    return pieces


def _char_span(sdoc, toks: set[int], off: int) -> Span:
    span = sdoc[min(toks): max(toks) + 1]
    return Span(span.start_char + off, span.end_char + off, span.text)


# the words between a place and the place that contains it: " in ", " in rural ", ", in the "
# How far back an attacker named earlier still governs a strike word with none of its own:
# about one sentence of news prose (tuned on the FA-KES development articles, where
# paragraphs are lost and a document-wide carry-over named the wrong group).
_CARRY_CHARS = 250
# A state's forces named in a lead ("Russian and Syrian regime jets pounded opposition-held parts
# of Aleppo") carry a few sentences further, to "warplanes hit several rebel-held districts"
# three sentences on (dev events F1 0.415 -> 0.47); a non-state name ("terrorists") does not.
_CARRY_STATE_CHARS = 600
# How far a quotation that opens in one sentence may run before its closing mark and speaker.
_QUOTE_SPAN_CHARS = 600
_CONTAINER = re.compile(r"\s*,?\s*(?:in|of|near)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:of\s+)?", re.IGNORECASE)
# the words between a province and a place the strike is near inside it: " close to the village of "
_NEAR = re.compile(r"\s*,?\s*(?:close\s+to|near|next\s+to)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:of\s+)?", re.IGNORECASE)
_COUNTRY_CACHE: dict[str, bool] = {}


def _is_country(name: str) -> bool:
    """Country names: a strike "in Syria" has no place finer than the country."""
    key = _LEADING_DET.sub("", name).strip().lower()
    if key not in _COUNTRY_CACHE:
        import pycountry

        try:
            pycountry.countries.lookup(key)
            found = True
        except LookupError:
            found = key in {"syria", "russia", "iran", "us", "u.s.", "the us", "america", "britain", "uk",
                            "the united states", "united states", "turkey", "south korea", "north korea"}
        _COUNTRY_CACHE[key] = found
    return _COUNTRY_CACHE[key]


def _pick_date(mentions, sdoc, scope: set[int], off: int):
    """The date expression the strike word governs, else the sentence's only one."""
    if not mentions:
        return None
    inside = [m for m in mentions
              if any(sdoc[i].idx <= m.start < sdoc[i].idx + len(sdoc[i]) + 1 for i in scope)]
    m = (inside or mentions)[0]
    return (m.date, m.precision, m.text)


_QUOTE = re.compile(r"[\"“]([^\"”]{8,})[\"”]")


def _quoted(text: str) -> str | None:
    parts = _QUOTE.findall(text)
    return " … ".join(parts) if parts else None


# "in a rebel-held town in", "in a village held by the Islamic State group in": the text speaks of
# one place it has not named yet
_ONE_PLACE_IN = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:town|village|city|neighbou?rhood|district|camp)"
                           r"(?:\s+[\w()-]+){0,6}?\s+in(?:side)?\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
_PROVINCE = re.compile(r"\s(?:province|governorate)$", re.IGNORECASE)


def _place_key(text: str | None) -> str:
    t = _LEADING_DET.sub("", (text or "").strip()).lower()
    t = re.sub(r"^(?:northern|southern|eastern|western|central)\s+(?=\S+\s+(?:province|governorate|countryside))",
               "", t)  # "southern Idlib province" is the province of "Idlib province"
    return _PLACE_TAIL.sub("", t)


def _place_skeleton(text: str | None) -> str:
    """A place name without its article, vowels and doubled letters: the transliterations of one
    Arabic name ("Tariq al-Bab", "Tareeq al-Bab") share it."""
    key = re.sub(r"\b(?:al|el|ad|ar|as|ash|at|az|an)[-\s]", "", _place_key(text))
    key = re.sub(r"[^a-z]", "", key)
    key = key[:1] + re.sub(r"[aeiouy]", "", key[1:])
    return re.sub(r"(.)\1+", r"\1", key)


def _merge_strikes(mentions: list[StrikeMention]) -> tuple[StrikeMention, ...]:
    """One mention per (attacker, place, day) in a document, keeping every supporting sentence.

    A re-mention without a date of its own (its date is the document's) joins a dated mention
    of the same attacker and place: "strikes were carried out on Idlib" after "attacks on Idlib
    on Thursday" is the same strike said again.
    """
    # an unattributed mention of a place the story gives an attacker for that day is the same
    # strike, however its name is spelt ("Tariq al-Bab" in a caption, "Tareeq al-Bab" in the text)
    known = {(_place_skeleton(m.place_text), m.date) for m in mentions if m.attacker is not None}
    mentions = [m for m in mentions if m.attacker is not None or (_place_skeleton(m.place_text), m.date) not in known]
    merged: list[StrikeMention] = []
    for m in sorted(mentions, key=lambda m: m.date_text is None):
        key = (m.attacker, _place_key(m.place_text))
        target = None
        for i, k in enumerate(merged):
            if (k.attacker, _place_key(k.place_text)) != key:
                continue
            if k.date == m.date or m.date_text is None:
                target = i
                break
        if target is None:
            merged.append(m)
            continue
        k = merged[target]
        support = tuple(dict.fromkeys((*k.support, m.sentence)))
        merged[target] = replace(
            k,
            support=support,
            targets=k.targets + tuple(t for t in m.targets if t.category not in {x.category for x in k.targets}),
            casualties=k.casualties if not k.casualties.killed.empty else m.casualties,
            source=k.source if m.source in (None, k.source) else f"{k.source}; {m.source}" if k.source else m.source,
            claimed_by_attacker=k.claimed_by_attacker and m.claimed_by_attacker,
        )
    merged.sort(key=lambda m: m.sentence.start)
    return tuple(merged)


def _merge_claims(claims: list[tuple[str, ClaimMention]]) -> tuple[ClaimMention, ...]:
    """One claim per speaker per document: quotes joined, and the kind the speaker's statements
    have most often (their main thrust, as the gold conventions say), the most specific on a tie."""
    out: dict[str, ClaimMention] = {}
    votes: dict[str, Counter] = {}
    for key, c in claims:
        votes.setdefault(key, Counter())[c.kind] += 1
        k = out.get(key)
        if k is None:
            out[key] = c
            continue
        kind = min(votes[key], key=lambda x: (-votes[key][x], _KIND_ORDER.index(x)))
        out[key] = replace(
            k,
            speaker=k.speaker if len(k.speaker) >= len(c.speaker) or c.speaker.lower() in ("he", "she") else c.speaker,
            kind=kind,
            org=k.org or c.org,
            role=k.role or c.role,
            about=k.about or c.about,
            quote=f"{k.quote} … {c.quote}" if c.quote and c.quote != k.quote else k.quote,
            numbers=k.numbers + tuple(n for n in c.numbers if n not in k.numbers),
        )
    return tuple(out.values())
