"""Dates: the day a strike took place. The date expression the strike word governs, resolved
against the document's reference day (its dateline, else its publication date); a strike the
next sentence continues ("Airstrikes also targeted ...") keeps the day just given."""

from __future__ import annotations

from datetime import date

from strikewatch import dates
from strikewatch.lexicons import Lexicons
from strikewatch.models import Document
from strikewatch.nlp import Sentence

from .state import DateChoice, DocState, LastDate, SentenceContext


def reference_date(doc: Document) -> date | None:
    """The day relative dates ("on Friday", "yesterday") count from."""
    return dates.find_dateline(doc.text) or doc.published


def _dates(state: DocState, sentence: Sentence):
    """Every date expression of the sentence, resolved against the document's reference day."""
    if state.reference is None:
        return []
    return dates.resolve_date_expressions(sentence.text, state.reference)


def _pick_date(mentions, sdoc, scope: set[int], off: int) -> DateChoice | None:
    """The date expression the strike word governs, else the sentence's only one."""
    if not mentions:
        return None
    inside = [m for m in mentions
              if any(sdoc[i].idx <= m.start < sdoc[i].idx + len(sdoc[i]) + 1 for i in scope)]
    m = (inside or mentions)[0]
    return DateChoice(m.date, m.precision, m.text)


def strike_date(lex: Lexicons, state: DocState, ctx: SentenceContext, scope: set[int]) -> DateChoice | None:
    """The date of the strike word whose words are ``scope``, remembered for the sentences after."""
    sentence, sdoc = ctx.sentence, ctx.sdoc
    if ctx.date_mentions is None:
        ctx.date_mentions = _dates(state, sentence)
    when = _pick_date(ctx.date_mentions, sdoc, scope, sentence.start)
    if when:
        state.last_date = LastDate(sentence.end, when)
    elif state.last_date and 0 <= sentence.start - state.last_date.end <= 2 \
            and any(t.lower_ in lex.continuation for t in sdoc):
        # "Airstrikes also targeted..." right after "...on Friday"; a new item of a news
        # roundup ("A child injured in terrorist mortar attack on al-Fouaa ...") is the
        # bulletin's day, not the day of the item before
        when = state.last_date.when
    return when
