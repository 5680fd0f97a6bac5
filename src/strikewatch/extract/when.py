"""Dates: the day a strike took place. The date expression the strike word governs, resolved
against the document's reference day (its dateline, else its publication date); a strike the
next sentence continues ("Airstrikes also targeted ...") keeps the day just given."""

from __future__ import annotations

import re
from datetime import date

from strikewatch import dates
from strikewatch.lexicons import Lexicons
from strikewatch.models import Document
from strikewatch.nlp import Sentence

from .state import DateChoice, DocState, LastDate, SentenceContext


def reference_date(doc: Document) -> date | None:
    """The day relative dates ("on Friday", "yesterday") count from: the text's dateline, a
    wire story's yearless one too ("KYIV, Oct 14 (Reuters) -", which the extractor cuts off
    the lead and no longer reads as the strike's day), else the publication date."""
    return dates.find_dateline_with_ref(doc.text, doc.published) or doc.published


def _dates(state: DocState, sentence: Sentence):
    """Every date expression of the sentence, resolved against the document's reference day."""
    if state.reference is None:
        return []
    return dates.resolve_date_expressions(sentence.text, state.reference)


def _pick_date(lex: Lexicons, mentions, sdoc, scope: set[int]) -> DateChoice | None:
    """The date expression the strike word governs, else the sentence's only one."""
    mentions = [m for m in mentions if _of_this_strike(m, sdoc, scope)
                and not _ends_an_answered_act(lex, m, sdoc, scope)]
    if not mentions:
        return None
    inside = [m for m in mentions
              if any(sdoc[i].idx <= m.start < sdoc[i].idx + len(sdoc[i]) + 1 for i in scope)]
    owned = [m for m in inside if _possessive_of(m, sdoc, scope)]
    inside = [m for m in inside if not _before_its_report_verb(lex, m, sdoc)] or inside
    m = (owned or inside or mentions)[0]
    said = not inside and _dates_a_saying(lex, m, sdoc, scope)
    return DateChoice(m.date, m.precision, None if said else m.text)


def _before_its_report_verb(lex: Lexicons, mention, sdoc) -> bool:
    """ "Members of the Security Council on Monday condemned the attack on Sumy on Sunday":
    a day written before the verb of saying or condemning it hangs on dates that verb, whose
    object is the strike; another day of the strike's words is the strike's own."""
    head = _verb_of(mention, sdoc)
    return head is not None and head.pos_ == "VERB" and lex.base(head.lower_) in lex.report_verbs \
        and mention.end <= head.idx


def _verb_of(mention, sdoc):  # noqa: ANN202 - a spaCy token or None
    """The word a date expression hangs on ("on Sunday" -> the verb of its "on")."""
    words = [t for t in sdoc if mention.start <= t.idx < mention.end]
    top = next((t for t in words if t.head not in words or t.head.i == t.i), None)
    if top is None:
        return None
    return top.head.head if top.dep_ == "pobj" else top.head


def _dates_a_saying(lex: Lexicons, mention, sdoc, scope: set[int]) -> bool:
    """ "The governor said on Sunday that missiles hit Odesa": the day hangs on the saying
    verb whose words tell the strike, and dates the saying. The strike keeps it, for it cannot
    be later, but as a day the text does not give the strike (no ``date_text``): the strike's
    own day, told in the next sentence ("The strike early on Saturday killed three"), beats
    it. A strike told beside the verb, not in its words, keeps the day ("a video released on
    Wednesday after airstrikes in Homs province")."""
    head = _verb_of(mention, sdoc)
    if head is None:
        return False
    told = {t.i for c in head.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree}
    return head.pos_ == "VERB" and lex.base(head.lower_) in lex.report_verbs \
        and bool(told & scope)


def _of_this_strike(mention, sdoc, scope: set[int]) -> bool:
    """A day counted back to an event told after "after" ("A day after the strike on Jabalia
    killed 20, rescuers were still searching") is that event's: a strike whose words stand
    in the clause "after" opens, not one of the main clause (the report's own day)."""
    at = dates.counted_back_to(mention)
    if at is None:
        return True
    after = next((t for t in sdoc if t.idx == at), None)
    if after is None:
        return False
    clause = {t.i for t in (after.head if after.dep_ == "mark" else after).subtree}
    tops = [i for i in scope if sdoc[i].head.i not in scope or sdoc[i].head.i == i]
    return bool(tops) and all(i in clause for i in tops)


def _ends_an_answered_act(lex: Lexicons, mention, sdoc, scope: set[int]) -> bool:
    """A day written at the end of the phrase of the act a strike answers dates that act, not
    the answer: "launched rockets at the Golan Heights in response to an Israeli strike on
    Friday", "struck Belgorod in response to a Russian attack on Kharkiv on Monday". The
    parser hangs the day on the answer's verb; what says whose it is is that nothing but the
    answered act's words and the day's own preposition stand between the answer word and it."""
    for word in sdoc:
        if word.lower_ not in lex.answers or word.i in scope or word.idx > mention.start:
            continue
        phrase = {t.i for t in word.subtree}
        if phrase & scope:  # the answered act's own day
            continue
        between = [t for t in sdoc if word.idx < t.idx < mention.start and t.i not in phrase]
        if all(t.dep_ == "prep" and t.i == between[-1].i for t in between):
            return True
    return False


def _possessive_of(mention, sdoc, scope: set[int]) -> bool:
    """ "On Tuesday the death toll from Monday's strike on Tyre rose to 9": a day written as
    the possessive of a word of the strike is the strike's own; the sentence's other date is
    the day its toll or its news was told."""
    return any(mention.start <= t.idx < mention.end and t.dep_ == "poss" and t.head.i in scope
               for t in sdoc)


def strike_date(lex: Lexicons, state: DocState, ctx: SentenceContext, scope: set[int]) -> DateChoice | None:
    """The date of the strike word whose words are ``scope``, remembered for the sentences after."""
    sentence, sdoc = ctx.sentence, ctx.sdoc
    if ctx.date_mentions is None:
        ctx.date_mentions = _dates(state, sentence)
    when = _pick_date(lex, ctx.date_mentions, sdoc, scope)
    if when:
        state.last_date = LastDate(sentence.end, when)
    elif state.last_date and _right_after(state.doc.text, state.last_date.end, sentence.start) \
            and any(t.lower_ in lex.continuation for t in sdoc):
        # "Airstrikes also targeted..." right after "...on Friday"; a new item of a news
        # roundup ("A child injured in terrorist mortar attack on al-Fouaa ...") is the
        # bulletin's day, not the day of the item before
        when = state.last_date.when
    elif state.last_date and lex.same_day.find(sentence.text):
        when = state.last_date.when  # "Another strike hit Nuseirat later in the day"
    return when


# what may stand between a sentence and the one right after it: a space, or a line break with
# the next item's bullet ("- An Iranian missile hit Beersheba on Thursday ...\n- Missiles also
# struck Ramat Gan"); not a blank line and a bullet, another item of a roundup
_NEXT_SENTENCE_GAP = re.compile(r"\s{0,2}|[ \t]*\n[ \t]*(?:[-\u2013\u2014\u2022*\u00b7][ \t]*)?")


def _right_after(text: str, end: int, start: int) -> bool:
    """Whether a sentence starting at ``start`` comes right after one ending at ``end``."""
    return 0 <= start - end and _NEXT_SENTENCE_GAP.fullmatch(text, end, start) is not None


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_SPAN_OF_YEARS = frozenset({"year", "years", "decade", "decades"})


def recalled_past(tok, reference: date | None) -> bool:  # noqa: ANN001 - a spaCy token
    """A strike the story recalls, not one it reports: "the 1996 Israeli shelling of Qana" (a
    year before the story's own written on the strike word), "on the anniversary of the
    strike", "ten years after the strike on the theatre". It happened, but on no day this
    story gives: dated to the story's day it would put an old massacre on this morning's map,
    and the annotation guide wants a day the text gives or same-day news."""
    if reference is not None and any(
            c.dep_ in ("nummod", "compound", "amod") and _YEAR.fullmatch(c.text)
            and int(c.text) < reference.year for c in tok.children):
        return True
    if _years_back(tok) or _in_an_earlier_year(tok, reference):
        return True
    head = tok.head
    if tok.dep_ != "pobj" or head.i == tok.i:
        return False
    if head.lower_ == "of" and head.head.lower_ in ("anniversary", "anniversaries", "commemoration"):
        return True
    return head.lower_ in ("after", "since") and head.i > 0 \
        and head.doc[head.i - 1].lower_ in _SPAN_OF_YEARS


def _in_an_earlier_year(tok, reference: date | None) -> bool:  # noqa: ANN001 - a spaCy token
    """The strike word, or a word it hangs on up to the sentence's root, is placed "in" a year
    before the story's: "In 2018, U.S. air and artillery strikes near Deir ez-Zor killed
    scores", "and in 2022 Russian missiles hit Odesa's port", "In August 2018 a coalition air
    strike hit a school bus": a background paragraph's strike, on no day of this story."""
    if reference is None:
        return False
    for node in (tok, *tok.ancestors):
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "during") and any(
                    _YEAR.fullmatch(t.text) and int(t.text) < reference.year
                    for t in _when_of(c)):
                return True
    return False


def _when_of(prep) -> list:  # noqa: ANN001 - a spaCy token
    """The words a preposition dates by: its object and the object's own numbers ("in 2018",
    "In August 2018"), not a year further inside ("in the deadliest strikes since 2019")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return objects + [g for o in objects for g in o.children if g.dep_ in ("nummod", "compound", "appos")]


def _years_back(tok) -> bool:  # noqa: ANN001 - a spaCy token
    """The strike word, or a word it hangs on up to the sentence's root, is dated a year or
    more back: "A year ago, a Russian missile struck the hospital", "two years ago, an air
    strike on a market in Hajjah killed ...", "Last year, air strikes hit ...", "last year
    AFRICOM said one of its strikes near Bu'ale killed seven" (a count of days, weeks or
    months ago stays news: the strike is dated by it)."""
    for node in (tok, *tok.ancestors):
        for c in node.children:
            words = {g.lower_ for g in c.children}
            if c.lower_ == "ago" and words & _SPAN_OF_YEARS:
                return True
            if c.lower_ in _SPAN_OF_YEARS and c.dep_ == "npadvmod" and "last" in words:
                return True
    return False
