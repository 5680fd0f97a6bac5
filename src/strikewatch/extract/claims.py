"""Claims: what a speaker says about strikes, of what kind (denial, statistic, casualties,
accusation, target), about whose strikes, with the quote and the numbers in it. A speaker's
words are the clause of its verb of saying, else the whole sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from strikewatch import counts
from strikewatch.actors import PENDING_COALITION, PENDING_COALITION_VOICE
from strikewatch.lexicons import ActorEntry, Lexicons
from strikewatch.models import ClaimMention, Span
from strikewatch.nlp import Sentence

from .state import _KIND_ORDER, Attribution, DocState
from .words import _pieces, describes_a_place, negates

_QUOTE = re.compile(r"[\"“]([^\"”]{8,})[\"”]")


@dataclass(slots=True)
class _Said:
    """What a speaker says in a sentence: the kinds of claim its words hold, the words,
    whether they tell of incoming fire stopped (whose it is, not the speaker's own), and
    whether of a strike by the speaker's own ("its forces struck ...")."""
    kinds: set[str]
    content: str
    incoming: bool = False
    own: bool = False


class ClaimReader:
    """The claim rules, with the claim-word lexicons."""

    def __init__(self, lex: Lexicons):
        self.lex = lex

    def claim(self, state: DocState, sentence: Sentence, sdoc, att: Attribution, actors,
              event_attackers, others: list[Attribution]) -> ClaimMention | None:
        """The claim ``att`` makes in the sentence, if its words are about strikes or a force."""
        lex = self.lex
        said = self._said(sdoc, att, others)
        kinds, content = said.kinds, said.content
        named = self._forces_named(sdoc, att, actors)
        about_actor = self._acting_force(sdoc, named, att)
        if not kinds and not named and not lex.groups.find(content):
            return None  # a force named, even as what was hit, makes the words a claim
        # a verb that fixes the kind wins over the words it governs ("accused the coalition of
        # strikes that killed civilians" accuses; "denied that its jets killed 12" denies)
        accusing = self._accusing(sdoc, att)
        verb_kind = "accusation" if accusing is not None else lex.verb_kinds.get(att.verb)
        kinds = kinds | ({verb_kind} if accusing is not None else set())
        kind = verb_kind if verb_kind in kinds else next((k for k in _KIND_ORDER if k in kinds), "other")
        period = _toll_period(content)
        if period is not None and kind != "denial":
            kind = "statistic"  # "Since Sept. 19 ... at least 359 civilians have been killed"
        accused = self._accused(sdoc, att, actors, accusing)
        if accused is not None and not accused.state and not event_attackers:
            about = None  # a group accused: null by the gold conventions, never the accuser
        else:
            about = self._about(att, kind, event_attackers, accused or about_actor, said)
        if about is None and accused is None and att.verb in lex.continuing_verbs:
            about = _about_before(state, att)
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
            period=period,
        )

    def _said(self, sdoc, att: Attribution, others: list[Attribution]) -> _Said:
        """The speaker's words, less its own name and the statements it reports of others."""
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
        own = _its_own_strike(lex, sdoc, clause)
        # "its forces struck Russian air defence systems": what its own strike hit, not fire stopped
        incoming = bool(lex.interception.find(content)) and not own
        if incoming:
            # "air defences destroyed 30 drones": fire stopped, not aimed; still a word on strikes
            kinds = (kinds - {"target"}) | {"other"}
        if said is not None and lex.verb_kinds.get(att.verb) == "denial" and negates(said):
            kinds.discard("denial")  # "did not deny that its jets struck": a denial negated affirms
        if any(lex.base(sdoc[i].lower_) in lex.strike_lemmas and negates(sdoc[i]) for i in clause):
            kinds.add("denial")  # "Russian forces do not strike civilian targets"
        return _Said(kinds, content, incoming, own)

    @staticmethod
    def _forces_named(sdoc, att: Attribution, actors) -> list[tuple[ActorEntry, set[int]]]:
        """The state forces the speaker's words name. A claim nested in a relative clause
        speaks only of the forces its clause names ("Ukrainian officials said the missiles,
        which Moscow says hit military targets, ...": Moscow speaks of its own, not of
        Ukraine's)."""
        verb = sdoc[att.verb_i] if 0 <= att.verb_i < len(sdoc) else None
        inside = {t.i for t in verb.subtree} if verb is not None and verb.dep_ == "relcl" \
            else set(range(len(sdoc)))
        return [(e, toks) for e, toks in actors
                if not toks & att.tokens and toks <= inside and e.state]

    def _acting_force(self, sdoc, named, att: Attribution) -> ActorEntry | None:
        """The force the speaker's words say acts (``_acting``), never a state named only as
        whose a place is ("an apartment building near the US embassy")."""
        return _acting(sdoc, [(e, toks) for e, toks in named
                              if not describes_a_place(self.lex, sdoc, toks)],
                       self._verbs_that_strike(att))

    def _verbs_that_strike(self, att: Attribution) -> frozenset[str]:
        """The verbs whose object a belligerent's or a government's voice strikes ("its forces
        struck Russian air defence systems"; an armed group's as a state's: "the RSF said it had
        targeted military aircraft"; "Russia says it struck Ukrainian energy sites"): none for
        other voices, whose words name forces on both sides."""
        if att.org is None or att.org.role not in ("belligerent", "government"):
            return frozenset()
        return self.lex.strike_verb_forms

    def _accusing(self, sdoc, att: Attribution):
        """The speaker's verb of accusation: its verb of saying ("Kyiv accused Russia of ..."),
        or a participle its words go on with ("the Congolese army said, accusing the M23 rebels
        and Rwanda of the attack", "..., blaming the RSF"); None when it accuses no one."""
        if not 0 <= att.verb_i < len(sdoc):
            return None
        said = sdoc[att.verb_i]
        if self.lex.verb_kinds.get(att.verb) == "accusation":
            return said
        return next((t for t in said.subtree if t.tag_ == "VBG" and t.dep_ == "advcl"
                     and self.lex.verb_kinds.get(self.lex.base(t.lower_)) == "accusation"), None)

    @staticmethod
    def _accused(sdoc, att: Attribution, actors, accusing) -> ActorEntry | None:
        """The force a verb of accusation has for its object: "Israel's army blamed Hezbollah
        for the rocket strike", "Kyiv accused Russia of ..." The claim is about the accused,
        whatever force the speaker's own words name ("Israel's"); a state accused beside a
        group ("the M23 rebels and Rwanda") is the one whose strikes they would be."""
        if accusing is None:
            return None
        accused = {t.i for c in accusing.children if c.dep_ == "dobj" for t in c.subtree}
        named = [e for e, toks in actors if toks <= accused and not toks & att.tokens]
        return next((e for e in named if e.state), named[0] if named else None)

    @staticmethod
    def _about(att: Attribution, kind: str, event_attackers, about_actor: ActorEntry | None,
               said: _Said) -> str | None:
        """Whose strikes the claim is about: the sentence's attacker, else a state's voice
        telling of its own forces' strike, else the force its words say acts, else a state
        speaking of its own, unless it tells of fire it stopped."""
        actor = event_attackers[0] if event_attackers else about_actor
        role = att.org.role if att.org and not said.incoming else None
        if actor is not None and actor.resolve == "territory" and att.org \
                and att.org.role == "belligerent" and att.org.country:
            about = att.org.country  # a junta's spokesman on "the air force": its own forces
        elif event_attackers:
            # null for a non-state attacker (gold conventions); "an army air strike", "junta
            # aircraft": the state whose forces they are, settled with the story's country
            about = actor.name if actor.resolve in ("territory", "coalition") else actor.country
        elif said.own and role == "belligerent" and att.org.country:
            # "its forces struck 85 targets ... used by the Revolutionary Guards": its own
            about = att.org.country
        elif about_actor is not None:
            about = about_actor.code
        elif att.org and att.org.org == PENDING_COALITION_VOICE:
            about = PENDING_COALITION  # the theatre's coalition speaking of its own strikes
        elif role == "belligerent" or role == "government" and kind in ("target", "denial"):
            # "Moscow maintains that it targets only IS", "Damascus denied": a state speaking of
            # whom strikes hit, naming no other force, speaks of its own
            about = att.org.country
        else:
            about = None
        return about


def _acting(sdoc, named: list[tuple[ActorEntry, set[int]]],
            strike_verbs: frozenset[str] = frozenset()) -> ActorEntry | None:
    """The force the words say acts ("crimes carried out by the Assad regime"), before the
    first one named ("called on ... the United States to stop crimes ..."); not one named on
    what was hit ("a drone attack on an army base"; in a belligerent's voice also a strike
    verb's object: "said it had hit Syrian army positions")."""
    candidates = [(e, toks) for e, toks in named if not _struck(sdoc, max(toks), strike_verbs)]
    return next((e for e, toks in candidates
                 if any(sdoc[i].lower_ == "by" for i in range(max(min(toks) - 3, 0), min(toks)))),
                candidates[0][0] if candidates else None)


def _struck(sdoc, i: int, strike_verbs: frozenset[str] = frozenset()) -> bool:
    """Whether the word is, or names whose is, what a strike hit: it lies inside the object of
    "on", "at" or "against" ("an attack on an army base", "fired at a US Navy destroyer"), or
    of one of ``strike_verbs`` ("struck Russian air defence systems"), however deep: "a strike
    on energy facilities that supply the Ukrainian military", "the strike on the refinery,
    which it said supplies fuel to the Russian army", "an attack on a tanker bound for Israeli
    ports". A subject or a "by" on the way is who acts: "strikes on Idlib by Russian jets"."""
    tok = sdoc[i]
    while tok.head.i != tok.i and tok.dep_ not in _ACTING_DEPS:
        if tok.dep_ == "dobj" and tok.head.lower_ in strike_verbs \
                or tok.dep_ == "pobj" and tok.head.lower_ in ("on", "at", "against"):
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "by":
            return False
        tok = tok.head
    return False


# the links above which a force is no longer inside what was hit but who acts or speaks
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "expl"})


def _about_before(state: DocState, att: Attribution) -> str | None:
    """ "The NUG said junta aircraft bombed a school. The NUG added that seven children were
    among the dead": words that go on from the speaker's claim just before, naming no force,
    are about the strikes that claim was about."""
    if not state.claims:
        return None
    key, last = state.claims[-1]
    same = key == att.key or att.org is not None and last.org == att.org.org
    return last.about if same else None


def _its_own_strike(lex, sdoc, clause: set[int]) -> bool:
    """Whether the speaker's words tell of a strike by its own ("its forces struck", "their
    jets hit"): the speaker's possessive on the subject of a strike verb."""
    return any(sdoc[i].lower_ in ("its", "their") and sdoc[i].dep_ == "poss"
               and sdoc[i].head.dep_ == "nsubj"
               and lex.base(sdoc[i].head.head.lower_) in lex.strike_lemmas for i in clause)


def _toll_period(content: str) -> str | None:
    """The period of the first toll in the speaker's words that covers one ("since Sept. 19",
    "over the past ten days"): such a toll is a statistic, not a strike's casualties."""
    return next((p for c in counts.find_casualties(content)
                 if (p := counts.period_of(content, c)) is not None), None)


def _quoted(text: str) -> str | None:
    """The words the sentence quotes, joined: the claim's own wording."""
    parts = _QUOTE.findall(text)
    return " … ".join(parts) if parts else None
