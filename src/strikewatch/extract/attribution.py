"""Attribution: who says what in a sentence. The subjects of reporting verbs, "according to X",
a statement that speaks ("In a joint statement, leaders ... called"), a speaker the parse lost
("... the Syrian Observatory for Human Rights said" with its comma gone), pronouns that stand
for the last speaker, and the speaker of a quotation that closes in a later sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from strikewatch.lexicons import Lexicons, OrgEntry, office_subject
from strikewatch.models import Span
from strikewatch.nlp import Sentence

from .state import Attribution, DocState
from .words import _LEADING_DET, _PRONOUNS, _SUBJ, _is_country, _text, tokens_among, word_ids

# Where a speaker speaks from, written after its name: " in White Nile state", " in Kherson".
_SEAT = re.compile(r"\s+(?:in|at|from)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*"
                   r"(?:\s+(?:state|province|region|governorate|oblast|city))?$")
# The pronouns that open a relative clause: "which" in "the strikes, which Moscow says target
# IS" is the verb's subject too, but Moscow is the speaker.
_RELATIVE = ("which", "that", "who")


def _the_country_it_serves(sdoc, head, prep) -> bool:
    """ "The UN mission in Libya", "the WHO office in Yemen": a body named by the country it
    works in (UNSMIL, UNMISS); the country is part of its name, not a seat to cut off."""
    if prep.dep_ != "prep" or prep.lower_ != "in" or prep.i != head.i + 1:
        return False
    where = sdoc[prep.i + 1: prep.right_edge.i + 1].text
    return bool(where) and _is_country(where)


def _workplace_seat(nouns: tuple[str, ...]) -> re.Pattern:
    """A speaker's workplace written after its name, however the place's own name is written
    (" at Nasser hospital", " at al-Aqsa Martyrs Hospital", " at the city's regional hospital"):
    the noun of the workplace (speakers.yaml seat_nouns) ends it."""
    longest_first = sorted(nouns, key=len, reverse=True)
    ends = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in longest_first)
    return re.compile(r"\s+(?:in|at|from)\s+(?:[\w'’-]+\s+){0,4}(?i:%s)$" % ends)


# How far a quotation that opens in one sentence may run before its closing mark and speaker.
_QUOTE_SPAN_CHARS = 600


@dataclass(slots=True)
class _SpeakerWords:
    """The tokens first..last that name a speaker, whether a body's source names it ("a source
    at Aleppo Police Command"), and the body a country's name makes of it ("the defence ministry
    in Moscow")."""
    first: int
    last: int
    from_body: bool
    org_override: OrgEntry | None = None
    name_last: int | None = None  # "Mahmoud Basal, a spokesman for ...": where the name ends


@dataclass(slots=True)
class _Voice:
    """Who a speaker's words name: the name shown, the key that joins a speaker's sentences,
    the body it speaks for, and whether "he"/"she" may stand for it later ("person")."""
    name: str
    key: str
    org: OrgEntry | None
    kind: str


class SpeakerFinder:
    """The attribution rules; the speakers met so far live in the document's state."""

    def __init__(self, lex: Lexicons):
        self.lex = lex
        # the lowercase words that may introduce a speaker (``_attribution_at``): a form of a
        # reporting verb, a demand verb, "according", "citing"
        forms = {form for form, word in lex._base.items() if word in lex.report_verbs}
        forms |= {w for w in lex.report_verbs if w not in lex._base}
        self._speech_word_ids = word_ids(forms | lex.demand_verbs | {"according", "citing"})
        self._in_ids = word_ids(["in"])  # what opens a statement's frame
        self._workplace = _workplace_seat(lex.seat_nouns) if lex.seat_nouns else None

    def _seat(self, before: str) -> re.Match | None:
        """Where the speaker whose name ends ``before`` speaks from, written after its name: a
        place ("a medical source in White Nile state") or a workplace ("a doctor at Nasser
        hospital"), which is the speaker's, not a strike place."""
        return (self._workplace.search(before) if self._workplace else None) or _SEAT.search(before)

    def attributions(self, state: DocState, sdoc) -> list[Attribution]:
        """Who says what in the sentence: subjects of reporting verbs and "according to X"."""
        frame = self._statement_frame(state, sdoc)
        out = [frame] if frame else []
        for tok in self._speech_words(sdoc):
            if frame and tok.i == frame.verb_i:
                continue  # "In a joint statement, leaders ... called": the statement speaks
            att = self._attribution_at(state, sdoc, tok)
            if att and all(att.key != a.key for a in out):
                out.append(att)
        if not out:
            tail = self._trailing_speaker(state, sdoc)
            if tail:
                out.append(tail)
        return out

    def _speech_words(self, sdoc) -> list:
        """The sentence's tokens that may introduce a speaker, in order: the others are no
        speaker's word whatever their tag, and a Token object and a lemma lookup for each
        word of each sentence were most of the time spent finding the speakers."""
        return tokens_among(sdoc, self._speech_word_ids)

    def _attribution_at(self, state: DocState, sdoc, tok) -> Attribution | None:
        """The speaker a word introduces: a reporting verb's, "according to X", "citing X"."""
        lex = self.lex
        head_tok = None
        lemma = self.lex.base(tok.lower_)
        if tok.pos_ in ("VERB", "AUX") and (lemma in lex.report_verbs or tok.lower_ in lex.demand_verbs):
            return self._reporting_verb(state, sdoc, tok, lemma)
        elif tok.lower_ == "according" and tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].lower_ == "to":
            head_tok = next((c for c in sdoc[tok.i + 1].children if c.dep_ == "pobj"), None)
            verb = "according to"
        elif tok.lower_ in ("citing",) and tok.dep_ in ("advcl", "acl", "prep", "xcomp"):
            head_tok = next((c for c in tok.children if c.dep_ in ("dobj", "pobj")), None)
            verb = "cite"
        if head_tok is None:
            return None
        return self._speaker(state, sdoc, head_tok, tok, verb)

    def _reporting_verb(self, state: DocState, sdoc, tok, lemma: str) -> Attribution | None:
        """The speaker of a reporting verb: its subject, the subject of the verb it extends, the
        name after "said" in an inverted sentence, or the name right before it."""
        lex = self.lex
        if lemma not in lex.verb_kinds and tok.dep_ != "relcl" and any(
                self.lex.base(a.lower_) in lex.report_verbs and a.pos_ == "VERB"
                and any(c.dep_ in _SUBJ for c in a.children) for a in tok.ancestors):
            # a statement reported inside another one; a denial still counts, and so does a
            # relative clause that names whose words they are ("the strikes, which Moscow says
            # target IS, killed 12 civilians": Moscow's claim beside the Observatory's)
            return None
        # not the relative pronoun of "the strikes, which Moscow says target IS"
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.lower_ not in _RELATIVE), None)
        if subj is None and tok.dep_ in ("conj", "advcl", "xcomp") and self.lex.base(tok.head.lower_) in lex.report_verbs:
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is None and lemma in ("quote", "cite"):  # "X was quoted by AFP as saying"
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        quoted = _quoted_as_saying(tok) if lemma == "quote" else None
        if quoted is not None:  # "State television quoted a military spokesman as saying"
            subj = quoted
        inverted = next((c for c in tok.children if c.dep_ in ("dobj", "attr") and c.i > tok.i), None)
        if subj is None and lemma == "say" and inverted is not None:
            # "... on the village of Taduf said the Syrian Observatory": the speaker comes
            # after the verb, not the place before it
            att = self._speaker(state, sdoc, inverted, tok, lemma)
            if att and att.org is not None:
                return att
        if subj is None and not any(c.dep_ == "nsubjpass" for c in tok.children):
            # the parse lost the subject ("... 11990 Russias Defense Ministry has reported",
            # "... Deir al-Zor Syrias SANA state news agency reported on Friday")
            return self._speaker_before(state, sdoc, tok)
        if subj is None:
            return None
        return self._speaker(state, sdoc, subj, tok, lemma)

    def _statement_frame(self, state: DocState, sdoc) -> Attribution | None:
        """ "In a rare joint statement, leaders of France ... called for Russia to cease its
        airstrikes": the statement speaks, and "the statement said" later is the same speaker."""
        for tok in tokens_among(sdoc, self._in_ids):
            if tok.dep_ != "prep" or tok.head.pos_ != "VERB":
                continue
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if obj is None or obj.lower_ not in self.lex.statement_nouns:
                continue
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and self._names_someone(sdoc, subj):
                return None  # "Hezbollah said in a statement": the body speaks, the statement is its medium
            span = sdoc[min(t.i for t in obj.subtree): obj.i + 1]
            named = self.lex.generic_speakers.find(span.text)  # "joint statement" of "a rare joint statement"
            if named:
                span = sdoc.char_span(span.start_char + named[-1][0], span.start_char + named[-1][1],
                                      alignment_mode="expand") or span
            frame = self._speaker(state, sdoc, obj, tok.head, "state", span=span)
            if frame is not None and subj is not None:  # "leaders ... called" elsewhere is the statement
                state.aliases[self.lex.base(subj.lower_)] = frame.key
            return frame
        return None

    def _names_someone(self, sdoc, subj) -> bool:
        """Whether a subject names a body the registry knows, a person ("Iraq's Security Media
        Cell", "Yahya Saree") or one body by its kind ("The army said in a statement", "the air
        force said in a statement"), not a group of speakers only the statement unites
        ("leaders of France, Germany ...")."""
        words = sdoc[min(t.i for t in subj.subtree): max(t.i for t in subj.subtree) + 1]
        head_end = subj.idx + len(subj.text) - words.start_char  # a singular noun of a body
        one_body = subj.tag_ == "NN" and any(
            e == head_end for _, e, _, _ in self.lex.generic_speakers.find(words.text))
        return one_body or bool(self.lex.orgs.find(words.text)) or any(
            e.label_ == "PERSON" and words.start <= e.start and e.end <= words.end for e in sdoc.ents)

    def _trailing_speaker(self, state: DocState, sdoc) -> Attribution | None:
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

    def _speaker_before(self, state: DocState, sdoc, verb) -> Attribution | None:
        """The body or person named right before a verb of saying (auxiliaries and "also"
        between them), when the parse gives the verb no subject."""
        end = verb.i
        while end > 0 and sdoc[end - 1].lower_ in ("has", "have", "had", "also", "was", "were", "is", "later"):
            end -= 1
        if end < 1:
            return None
        before = sdoc[:end].text.rstrip()
        # "a medical source in White Nile state said": the speaker, then where it speaks from
        seat = self._seat(before)
        named_end = seat.start() if seat else len(before)
        best = None
        for matcher in (self.lex.orgs, self.lex.generic_speakers):
            for s, e, _, _ in matcher.find(before):
                if e in (named_end, len(before)) and (best is None or s < best[0]):
                    best = (s, len(before) if e == named_end else e)
        for ent in sdoc.ents:
            if ent.end == end and ent.label_ in ("ORG", "PERSON", "NORP", "GPE") \
                    and not (ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("in", "at", "from")) \
                    and (best is None or ent.start_char < best[0]):
                best = (ent.start_char, ent.end_char)  # not "White Nile" of "sources in White Nile"
        if best is None:
            return None
        span = _with_its_modifiers(sdoc, sdoc.char_span(*best, alignment_mode="expand"))
        if span.start > 0 and sdoc[span.start - 1].lower_ in ("the", "a", "an"):
            span = sdoc[span.start - 1: span.end]
        return self._speaker(state, sdoc, span.root, verb, self.lex.base(verb.lower_), span=span)

    def quote_speaker(self, state: DocState, sentence: Sentence) -> OrgEntry | None:
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

    def _speaker(self, state: DocState, sdoc, head, verb_tok, verb: str, *, span=None) -> Attribution | None:
        """The speaker whose name has ``head`` as its head (or is ``span``), remembered as the
        last speaker so that "he" and "the monitor" later stand for it."""
        if head.lower_ in _PRONOUNS:
            return self._pronoun(state, head, verb_tok, verb)
        issuer = self._issuer(head) if span is None else None
        if span is None and issuer is None and self._statement_told_before(state, head):
            return replace(state.last_statement, tokens={head.i}, verb=verb, verb_i=verb_tok.i)
        if issuer is not None:  # "according to a statement from the Burkinabe army"
            head = issuer
        words = self._speaker_words(sdoc, head, span)
        span = sdoc[words.first: words.last + 1]
        text = span.text
        self._country_body(sdoc, head, words)
        voice = self._voice(state, sdoc, head, text, words)
        if voice is None:
            return None
        att = Attribution(voice.name, voice.key, voice.org, set(range(words.first, words.last + 1)), verb, verb_tok.i,
                          Span(span.start_char, span.end_char, text))
        state.last_speaker["any"] = att
        if voice.kind == "person":
            state.last_speaker["person"] = att
        if any(t.lower_ in self.lex.statement_nouns for t in sdoc):
            state.last_statement = att  # "In a joint statement, leaders of ... called for"
        return att

    def _statement_told_before(self, state: DocState, head) -> bool:
        """ "said the statement", "the communique said": a statement the text has told of
        before speaks with its issuer's voice (the six governments' joint statement, the
        Coalition's statement), not as a speaker of its own named "the statement"."""
        return state.last_statement is not None and head.lower_ in self.lex.statement_nouns \
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)

    def _issuer(self, head):
        """Who issued the statement a speaker's word names ("a statement from the Burkinabe
        army", "a communique by the Israeli military"): the body speaks through it."""
        if head.lower_ not in self.lex.statement_nouns:
            return None
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")), None)
        return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None

    @staticmethod
    def _pronoun(state: DocState, head, verb_tok, verb: str) -> Attribution | None:
        """ "he said", "they said": the last speaker (the last person for "he" and "she")."""
        antecedent = state.last_speaker.get("person" if head.lower_ in ("he", "she") else "any")
        if head.lower_ in ("i", "we", "you", "who", "this", "that") or antecedent is None:
            return None
        return replace(antecedent, tokens={head.i}, verb=verb, verb_i=verb_tok.i)

    def _speaker_words(self, sdoc, head, span) -> _SpeakerWords:
        """The tokens of the speaker's name: the head's modifiers, a body's source's body, a
        body's whole name however the parse cut it, and not the victims counted before it."""
        lex = self.lex
        toks = [head.i] if span is None else list(range(span.start, span.end))
        for c in head.children if span is None else ():
            if c.i < head.i or c.dep_ in ("compound", "flat", "conj", "cc", "nmod", "poss") or (
                    _title_beside(head, c)) or (
                    c.dep_ == "prep" and head.ent_type_ and c.ent_iob_ == "I") or (
                    # "the Syrian Obervatorty for Human Rights": a name with "for"/"of" inside
                    c.dep_ == "prep" and c.lower_ in ("for", "of") and head.pos_ == "PROPN"
                    and c.i == head.i + 1 and all(t.pos_ == "PROPN" for t in c.subtree if t.i != c.i)) or (
                    _the_country_it_serves(sdoc, head, c)):
                toks.extend(t.i for t in c.subtree)
        from_body = span is None and self._add_source_s_body(sdoc, head, toks)
        det = next((c.i for c in head.children if c.dep_ == "det" and c.i < head.i), None)
        if span is None and det is not None:  # "... bastion Raqqa a monitor said": the article opens it
            toks = [i for i in toks if i >= det]
        first, last = min(toks), max(toks)
        while last > first and sdoc[last].is_punct:
            last -= 1
        name_last = _name_before_its_title(sdoc, head) if span is None else None
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
        return _SpeakerWords(first, last, from_body,
                             name_last=name_last if name_last is not None and name_last >= first else None)

    def _add_source_s_body(self, sdoc, head, toks: list[int]) -> bool:
        """ "a source at Aleppo Police Command", "a doctor at Nasser hospital": the body or
        workplace a source word is said of is part of its words (added to ``toks``), so that it
        speaks for the body and its seat is no strike place. Whether there was one."""
        found = False
        if head.lower_ not in self.lex.from_body:
            return found
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("at", "in", "from", "with", "for", "of") \
                    and c.i == head.i + 1 \
                    and (any(t.ent_type_ == "ORG" for t in c.subtree)
                         or self._seat(" " + sdoc[c.i: c.right_edge.i + 1].text)):
                toks.extend(t.i for t in c.subtree)
                found = True
        return found

    def _country_body(self, sdoc, head, words: _SpeakerWords) -> None:
        """ "the defence ministry in Moscow": the state the name's place or people stand for makes
        the body that state's (its words then run to the place)."""
        lex, first, last = self.lex, words.first, words.last
        written = sdoc[first: last + 1].text
        bare = _LEADING_DET.sub("", written).lower()
        seat = lex.state_capitals.get(bare) or lex.state_possessives.get(bare)
        if seat is not None and not lex.orgs.find(written):
            # "Riyadh said", "Kyiv said", "Israel said it struck ...": a capital or the state's
            # own name alone speaks for its government, else for its forces
            words.org_override = lex.org_of.get((seat, "government")) \
                or lex.org_of.get((seat, "belligerent"))
            return
        # a person names the speaker when the name is its head or opens it ("Rami Abdel Rahman
        # head of the Observatory"), not when it is a piece of a body's name
        body = lex.country_bodies.find(written)
        if body and not self._a_body_of_its_own(sdoc, written, first, last):
            # "the defence ministry in Moscow": the state the name's place or people stand for
            where = {t.i for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                     for t in c.subtree}
            near = [e for s, e_, _, e in lex.actors.find(_text(sdoc)) if e.state
                    for t in [sdoc.char_span(s, e_, alignment_mode="expand")]
                    if t is not None and (t.start in where or first <= t.start <= last)]
            country = near[0].country if near else self._state_named(sdoc, first, last, where)
            entry = self._body_of(country, body[0][2], body[0][3]) if country else None
            if entry is not None:
                words.last = max([last, *where])
                words.org_override = entry

    def _a_body_of_its_own(self, sdoc, written: str, first: int, last: int) -> bool:
        """Whether the words name a body of the registry by its own name, and not one of a
        state they name by its possessive or adjective: "Russia's Ministry of Defence" is
        Russia's, though the UK's is called the Ministry of Defence."""
        lex = self.lex
        found = [o for o in lex.orgs.find(written)  # not the state's own name: "Russia"
                 if o[2].lower() not in lex.state_possessives and o[2].lower() not in lex.state_capitals]
        named = self._state_named(sdoc, first, last, set()) if found else None
        return bool(found) and (named is None or any(o[3].country == named for o in found))

    def _state_named(self, sdoc, first: int, last: int, where: set[int]) -> str | None:
        """The state a body's name names by its adjective ("the Syrian defence ministry"), its
        name's possessive ("Ethiopia's government") or its seat of government ("the defence
        ministry in Kyiv"), when no force's name does."""
        lex = self.lex
        seat = sdoc[min(where) + 1: max(where) + 1].text.lower() if where else ""
        if seat in lex.state_capitals:  # "in Tel Aviv"
            return lex.state_capitals[seat]
        for i in sorted(set(range(first, last + 1)) | where):
            word, after = sdoc[i].lower_, sdoc[i + 1].lower_ if i + 1 < len(sdoc) else ""
            country = lex.state_demonyms.get(word) or lex.state_capitals.get(word) or (
                lex.state_possessives.get(word) if after in ("'s", "’s") else None)
            if country is not None:
                return country
        return None

    def _body_of(self, country: str, written: str, role: str) -> OrgEntry | None:
        """The state's ministry of the subject a ministry's or minister's name gives ("defence
        minister": its defence ministry), else its first body of the role."""
        subject = office_subject(written)
        return (self.lex.ministry_of.get((country, subject)) if subject else None) \
            or self.lex.org_of.get((country, role))

    def _voice(self, state: DocState, sdoc, head, text: str, words: _SpeakerWords) -> _Voice | None:
        """The speaker's name, key (one per speaker in a document), body and kind, when the
        words name a person, a body, a generic speaker or an entity at all."""
        lex, first, last = self.lex, words.first, words.last
        orgs = lex.orgs.find(text)
        generic = lex.generic_speakers.find(text)
        person = _person_named(sdoc, head, first, last)
        if person is not None and _inside_a_body_s_name(person, sdoc[first].idx, orgs + generic) \
                and not _a_speaker_s_own_name(lex, person):
            person = None  # "the General Staff": the tagger's person "Staff" is a body's word
        entity = any(e.label_ in ("ORG", "GPE", "NORP", "PERSON") for e in sdoc.ents
                     if first <= e.start < last + 1)
        if not (person or orgs or generic or entity):
            return None
        org = orgs[-1][3] if orgs else (generic[-1][3] if generic else None)
        if words.org_override is not None:
            org, orgs = words.org_override, [(0, len(text), text, words.org_override)]
        if person is not None:
            key = person[-1].lower_
            state.people.add(key)
            person_org = lex.orgs.find(person.text)
            if person_org:
                org = person_org[-1][3]
            return _Voice(person.text, key, org, "person")
        shown = sdoc[first: words.name_last + 1].text if words.name_last is not None else text
        if head.lower_ in state.people:  # "Fallon" after "Michael Fallon"
            key = head.lower_
        elif words.from_body and not orgs:  # each body's source is its own speaker
            key = _LEADING_DET.sub("", text).lower()
        elif orgs and len(orgs[-1][2]) >= len(_LEADING_DET.sub("", text)) * 0.5:  # "The NUG"
            key = (orgs[-1][3].org or orgs[-1][2]).lower()
        else:
            key = self.lex.base(head.lower_) if not head.ent_type_ else _LEADING_DET.sub("", shown).lower()
        kind = "person" if generic and generic[-1][3].role in ("analyst", "belligerent") else "any"
        if not orgs and generic:  # "the Britain-based monitor" is the Observatory named in the story
            body = state.bodies.get(generic[-1][3].role)
            if body is not None and generic[-1][2].lower() in lex.definite_speakers:
                org, key = body, body.org.lower()
        return _Voice(shown, key, org, kind)


def _quoted_as_saying(verb):
    """The one quoted in "X quoted a military spokesman as saying ...": the speaker of the
    words, where X is only the medium that carried them."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    as_saying = any(c.lower_ == "as" and any(g.lower_ == "saying" for g in c.children)
                    for c in verb.children)
    return obj if obj is not None and as_saying else None


# the words that may say whose a speaker's word is: "the city's Russian-appointed mayor"
_MODIFIER_DEPS = frozenset({"det", "poss", "case", "amod", "compound", "npadvmod", "nmod"})


def _with_its_modifiers(sdoc, span):
    """A speaker's word with the words that say whose it is ("the city's Russian-appointed
    mayor", "the provincial health ministry"): determiners, possessives, adjectives and names
    only, so that no phrase of the sentence before joins it ("... killed 20 fighters in
    northeastern Syria an organisation monitoring the conflict said": no "in", no figure)."""
    start = span.root.left_edge.i
    if start >= span.start or any(
            t.like_num or t.ent_type_ in ("DATE", "TIME")  # "on Thursday Jordanian state TV"
            or (t.dep_ not in _MODIFIER_DEPS and t.text not in ("-", "–"))
            for t in sdoc[start: span.start]):
        return span
    return sdoc[start: span.end]


def _title_beside(head, child) -> bool:
    """Whether a child of a speaker's word is its title set beside it ("Mahmoud Basal, a
    spokesman for ...", "A spokesman for the SDF, Farhad Shami"): an appositive that starts
    right after the word, or after the body it speaks for ("A spokesman for the Arakan Army,
    Khine Thu Kha"), or their comma, not one the parser hung on it from the far end of the
    sentence ("US-led air strikes killed ... an organisation monitoring the conflict said")."""
    if child.dep_ != "appos" or child.i <= head.i:
        return False
    edge = next((c.right_edge.i for c in head.children
                 if c.dep_ == "prep" and c.i == head.i + 1 and c.right_edge.i < child.i), head.i)
    return min(t.i for t in child.subtree) <= edge + 2


def _name_before_its_title(sdoc, head) -> int | None:
    """The last word of a proper name that an appositive follows ("Mahmoud Basal, a spokesman
    for Gaza's civil defence agency"; "Nabil Abdallah, the army spokesman"): the title tells
    whose voice it is, the name before it is the speaker."""
    title = next((c for c in head.children if _title_beside(head, c)), None)
    if head.pos_ != "PROPN" or title is None:
        return None
    end = min(t.i for t in title.subtree) - 1
    while end > head.i and sdoc[end].is_punct:
        end -= 1
    return end


def _person_named(sdoc, head, first: int, last: int):
    """The person the speaker's words name: the one they are headed by, else one set beside the
    head ("A spokesman for the SDF, Farhad Shami"), else the one they open ("Rami Abdel Rahman
    head of the Observatory"), not a person a body is named after ("... for Human Rights").
    Names the tagger cut in two ("Dmitry" "Peskov") are one."""
    inside = [e for e in sdoc.ents if e.label_ == "PERSON" and first <= e.start and e.end <= last + 1
              and not (e.end <= last and sdoc[e.end].lower_ in ("for", "of"))]
    chosen = next((e for e in inside if e.start <= head.i < e.end), None) \
        or next((e for e in inside if e.root.dep_ == "appos"), None) \
        or next((e for e in inside if e.start == first), None)
    if chosen is None:
        return None
    start = chosen.start
    while any(e.end == start for e in inside):
        start = next(e.start for e in inside if e.end == start)
    return sdoc[start: chosen.end]


def _a_speaker_s_own_name(lex: Lexicons, person) -> bool:
    """Whether a person's name is itself one a body is quoted under ("Turki al-Maliki" of the
    registry's "coalition spokesman Turki al-Maliki"): the person speaks, for that body."""
    return any(e - s == len(person.text) for s, e, _, _ in lex.orgs.find(person.text))


def _inside_a_body_s_name(person, offset: int, names) -> bool:
    """Whether a person the tagger found is a word of a longer body's name the lexicons know
    ("Staff" of "the General Staff", "Command" of "Africa Command"); ``names`` are matches in
    the speaker's text, which starts at ``offset`` in the sentence."""
    lo, hi = person.start_char - offset, person.end_char - offset
    return any(s <= lo and hi <= e and e - s > hi - lo for s, e, _, _ in names)
