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
from .words import _pieces, negates

_QUOTE = re.compile(r"[\"“]([^\"”]{8,})[\"”]")


@dataclass(slots=True)
class _Said:
    """What a speaker says in a sentence: the kinds of claim its words hold, and the words."""
    kinds: set[str]
    content: str


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
        about_actor = self._about_actor(sdoc, att, actors)
        if not kinds and about_actor is None and not lex.groups.find(content):
            return None
        # a verb that fixes the kind wins over the words it governs ("accused the coalition of
        # strikes that killed civilians" accuses; "denied that its jets killed 12" denies)
        verb_kind = lex.verb_kinds.get(att.verb)
        kind = verb_kind if verb_kind in kinds else next((k for k in _KIND_ORDER if k in kinds), "other")
        period = _toll_period(content)
        if period is not None and kind != "denial":
            kind = "statistic"  # "Since Sept. 19 ... at least 359 civilians have been killed"
        accused = self._accused(sdoc, att, actors)
        if accused is not None and not accused.state and not event_attackers:
            about = None  # a group accused: null by the gold conventions, never the accuser
        else:
            about = self._about(att, kind, event_attackers, accused or about_actor)
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
        if said is not None and lex.verb_kinds.get(att.verb) == "denial" and negates(said):
            kinds.discard("denial")  # "did not deny that its jets struck": a denial negated affirms
        if any(lex.base(sdoc[i].lower_) in lex.strike_lemmas and negates(sdoc[i]) for i in clause):
            kinds.add("denial")  # "Russian forces do not strike civilian targets"
        return _Said(kinds, content)

    @staticmethod
    def _about_actor(sdoc, att: Attribution, actors) -> ActorEntry | None:
        """The force the words say acts ("crimes carried out by the Assad regime"), before the
        first one named ("called on ... the United States to stop crimes ..."). A claim nested
        in a relative clause speaks only of the forces its clause names ("Ukrainian officials
        said the missiles, which Moscow says hit military targets, ...": Moscow speaks of its
        own, not of Ukraine's)."""
        verb = sdoc[att.verb_i] if 0 <= att.verb_i < len(sdoc) else None
        inside = {t.i for t in verb.subtree} if verb is not None and verb.dep_ == "relcl" \
            else set(range(len(sdoc)))
        candidates = [(e, toks) for e, toks in actors
                      if not toks & att.tokens and toks <= inside and e.state]
        return next((e for e, toks in candidates
                     if any(sdoc[i].lower_ == "by" for i in range(max(min(toks) - 3, 0), min(toks)))),
                    candidates[0][0] if candidates else None)

    def _accused(self, sdoc, att: Attribution, actors) -> ActorEntry | None:
        """The force a verb of accusation has for its object: "Israel's army blamed Hezbollah
        for the rocket strike", "Kyiv accused Russia of ..." The claim is about the accused,
        whatever force the speaker's own words name ("Israel's")."""
        if self.lex.verb_kinds.get(att.verb) != "accusation" or not 0 <= att.verb_i < len(sdoc):
            return None
        accused = {t.i for c in sdoc[att.verb_i].children if c.dep_ == "dobj" for t in c.subtree}
        return next((e for e, toks in actors if toks <= accused and not toks & att.tokens), None)

    @staticmethod
    def _about(att: Attribution, kind: str, event_attackers, about_actor: ActorEntry | None) -> str | None:
        """Whose strikes the claim is about: the sentence's attacker, else the force its words
        say acts, else a state speaking of its own."""
        actor = event_attackers[0] if event_attackers else about_actor
        if actor is not None and actor.resolve == "territory" and att.org \
                and att.org.role == "belligerent" and att.org.country:
            about = att.org.country  # a junta's spokesman on "the air force": its own forces
        elif event_attackers:
            # null for a non-state attacker (gold conventions); "an army air strike", "junta
            # aircraft": the state whose forces they are, settled with the story's country
            about = actor.name if actor.resolve in ("territory", "coalition") else actor.country
        elif about_actor is not None:
            about = about_actor.code
        elif att.org and att.org.org == PENDING_COALITION_VOICE:
            about = PENDING_COALITION  # the theatre's coalition speaking of its own strikes
        elif att.org and (att.org.role == "belligerent" or att.org.role == "government"
                          and kind in ("target", "denial")):
            # "Moscow maintains that it targets only IS", "Damascus denied": a state speaking of
            # whom strikes hit, naming no other force, speaks of its own
            about = att.org.country
        else:
            about = None
        return about


def _toll_period(content: str) -> str | None:
    """The period of the first toll in the speaker's words that covers one ("since Sept. 19",
    "over the past ten days"): such a toll is a statistic, not a strike's casualties."""
    return next((p for c in counts.find_casualties(content)
                 if (p := counts.period_of(content, c)) is not None), None)


def _quoted(text: str) -> str | None:
    """The words the sentence quotes, joined: the claim's own wording."""
    parts = _QUOTE.findall(text)
    return " … ".join(parts) if parts else None
