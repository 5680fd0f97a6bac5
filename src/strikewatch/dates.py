"""Dates in news about strikes: datelines, publication metadata, and "on Thursday".

News dates its events relative to the day it was written, so every relative expression is
resolved against a reference date (the article's own dateline when it has one, else its
metadata). The rules, each tested in tests/test_dates.py:

* A weekday in past-tense news is the most recent such day on or before the reference: a
  Friday article's "on Friday" is that same Friday (FA-KES: "Friday 6 Feb 2015 ... Syrian air
  force ... on Friday"; MEE: the leaders' Friday statement), "on Thursday" the day before.
  "last Friday" in a Friday article is a week earlier; "next Friday" is after the reference.
* A date without a year takes the year that puts it nearest the reference, with a day in the
  future counted twice as far (news mostly reports the past): 2015-01-03 and "December 30"
  give 2014-12-30. A weekday beside it ("Sunday, April 2") picks the year it fits.
* Weeks are dated by their Monday and months by their first day, with precision "week" or
  "month", as ACLED's time_precision and UCDP's date precision expect.
* Numeric dates are day first (dd/mm/yyyy, the Yemen Data Project and Sputnik order) unless
  that is impossible (02/13/2015 can only be month first).

The words are in data/lexicons/dates.yaml; the regular expressions are compiled once.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import cache
from importlib import resources

from strikewatch._yamlconf import load_data
from strikewatch.counts import parse_count
from strikewatch.lexicons import alternation
from strikewatch.models import Range

__all__ = ["DateMention", "find_dateline", "find_dateline_with_ref", "parse_published",
           "plausible_publication", "resolve_date_expressions", "counted_back_to"]

log = logging.getLogger(__name__)

DATELINE_WINDOW = 300  # a dateline sits in the first few lines: title, byline, date


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a sentence and the day, week or month it stands for."""

    date: date
    precision: str  # "day" | "week" | "month" (the week's Monday, the month's first day)
    text: str
    start: int
    end: int




def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower().rstrip("."))


@dataclass(frozen=True, slots=True)
class _Lexicon:
    month: dict  # lower-case name -> 1..12
    weekday: dict  # lower-case name -> 0..6
    relative_days: dict
    relative_weeks: dict
    relative_months: dict
    weekends: dict
    ago_units: dict
    full: tuple  # dateline patterns with a year
    cue: re.Pattern
    narrative: re.Pattern
    tally: re.Pattern  # "as of 19:30," before a date: when a report's count was made
    yearless: tuple
    full_reach: int  # runs of whitespace a ``full`` match may have before its year
    explicit: tuple
    month_only: re.Pattern
    wire_dateline: re.Pattern  # "BEIRUT, May 28 (Reuters) - ", opening a wire story's lead
    weekday_re: re.Pattern
    relative: re.Pattern
    ago: re.Pattern


@dataclass(frozen=True, slots=True)
class _Pieces:
    """The named parts that the date patterns are assembled from, each written once."""

    mon: str  # any month name or abbreviation, with an optional full stop
    full_mon: str  # a month's first (full) name only: "may" alone is too often a verb
    wd_any: str  # an optional weekday in any form, and its comma
    wd_full: str  # an optional weekday by its full name, and its comma
    day: str
    year: str
    tod: str  # times of day: "morning", "night"
    agencies: str  # wire agencies whose "(Reuters)" closes a yearless dateline


@cache
def _lexicon() -> _Lexicon:
    text = resources.files("strikewatch").joinpath("data/lexicons/dates.yaml").read_text()
    lx = load_data(text)
    month = {n.lower(): int(k) for k, names in lx["months"].items() for n in names}
    weekday = {n.lower(): int(k) for k, names in lx["weekdays"].items() for n in names}
    p = _pieces(lx, weekday)
    rel_days, rel_weeks, rel_months, weekends = (
        {_key(k): v for k, v in (lx.get(name) or {}).items()}
        for name in ("relative_days", "relative_weeks", "relative_months", "weekends"))
    # the widest of ``full`` (day, "of", month, weekday before it) has four runs of whitespace
    # before its year, plus those inside a multi-word month or weekday name
    inner = [len(str(n).split()) - 1 for key in ("months", "weekdays")
             for names in lx[key].values() for n in names]
    return _Lexicon(
        month=month, weekday=weekday, relative_days=rel_days, relative_weeks=rel_weeks,
        relative_months=rel_months, weekends=weekends, ago_units=lx["ago_units"],
        full=_full_dates(p), full_reach=4 + 2 * max(inner, default=0),
        **_context_cues(lx, p), **_dates_in_the_text(p),
        **_spoken_dates(lx, p, [*rel_days, *rel_weeks, *rel_months, *weekends]),
    )


def _pieces(lx: dict, weekday: dict) -> _Pieces:
    return _Pieces(
        mon=rf"(?P<month>{alternation(n for names in lx['months'].values() for n in names)})\.?",
        full_mon=rf"(?P<month>{alternation(names[0] for names in lx['months'].values())})",
        wd_any=rf"(?:(?P<wd>{alternation(weekday)})\.?,?\s+)",
        wd_full=rf"(?:(?P<wd>{alternation(names[0] for names in lx['weekdays'].values())}),?\s+)",
        day=r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:)",
        year=r"(?P<year>(?:19|20)\d\d)(?!\d)",
        tod=alternation(lx["times_of_day"]),
        agencies=alternation(lx["agencies"]),
    )


def _full_dates(p: _Pieces) -> tuple:
    """Dates that carry their own year: the dateline forms."""
    i = re.IGNORECASE
    return (
        re.compile(rf"\b{p.wd_any}?{p.day}\s+(?:of\s+)?{p.mon},?\s+{p.year}", i),
        re.compile(rf"\b{p.wd_any}?{p.mon}\s+{p.day},?\s+{p.year}", i),
        re.compile(rf"\b{p.mon}\s+(?P<day>[0-3]\d)(?P<year>(?:19|20)\d\d)(?!\d)", i),  # "Apr 092017"
        re.compile(rf"(?<!\d){p.year}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
        re.compile(r"(?<![\d.])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[01]?\d)(?P=sep)"
                   r"(?P<year>(?:19|20)\d\d)(?!\d)"),
    )


def _context_cues(lx: dict, p: _Pieces) -> dict:
    """The words before a date that say what it dates: a dateline, a narrated day, a tally."""
    i = re.IGNORECASE
    return dict(
        cue=re.compile(rf"\b(?:{alternation(lx['dateline_cues'])})\b[:\s]*$", i),
        narrative=re.compile(rf"\b(?:{alternation(lx['narrative_prepositions'])})\s+(?:the\s+)?$", i),
        tally=re.compile(rf"\b(?:{alternation(lx['tally_cues'])})\s+(?:(?:\d{{1,2}}[:.h]\d\d"
                         rf"(?:\s*(?:hrs|hours|h|[ap]\.?m\.?))?"
                         rf"|(?:the\s+)?(?:{p.tod})(?:\s+of)?)[,\s]+)?$", i),
    )


def _dates_in_the_text(p: _Pieces) -> dict:
    """A day and month written out, with or without a year, and a month alone."""
    i = re.IGNORECASE
    return dict(
        yearless=tuple(
            re.compile(rf"{form}\s*(?:\((?:{p.agencies})\)|[-–—]\s)", i)
            for form in (rf"\b{p.wd_any}?{p.mon}\s+{p.day}", rf"\b{p.wd_any}?{p.day}\s+{p.mon}")),
        explicit=tuple(
            re.compile(rf"{form}(?:,?\s+{p.year})?", i)
            for form in (rf"\b{p.wd_full}?(?:the\s+)?{p.day}\s+(?:of\s+)?{p.mon}",
                         rf"\b{p.wd_full}?{p.mon}\s+{p.day}")),
        month_only=re.compile(
            rf"(?:\b(?P<pre>in|since|during|early|late|mid|until|by|of)[\s-]+)?\b{p.full_mon}"
            rf"(?:\s+{p.year})?\b", i),
        wire_dateline=_wire_dateline(p),
    )


def _wire_dateline(p: _Pieces) -> re.Pattern[str]:
    """The city in capitals (of two or more words, "DEIR AL-BALAH", or two cities,
    "WASHINGTON/BEIRUT"), up to two names of its region or country, a day without a year,
    the agency's credit, and the dash that ends the line."""
    city = r"(?=[A-Z'’.-]{3})[A-Z][A-Z'’.-]+(?:[ /][A-Z][A-Z'’.-]+)*"
    where = r"(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}){0,2}?"
    day = rf"(?:,?\s+(?i:{p.mon})\s+{p.day})?"
    credit = rf"(?:\((?:{p.agencies}|[A-Z][\w .]{{0,30}})\))?"
    return re.compile(rf"{city}{where}{day}\s*{credit}\s*(?:--|[-–—])\s+(?=[A-Z\"“‘'])")


def _spoken_dates(lx: dict, p: _Pieces, relative_words: list) -> dict:
    """Days named relative to the report: "on Thursday night", "yesterday", "three days ago"."""
    i = re.IGNORECASE
    return dict(
        weekday_re=re.compile(
            rf"(?:\b(?P<pre>{alternation(lx['weekday_prefixes'])}|last|next|this\s+past)\s+)?"
            rf"\b(?P<wd>{alternation(names[0] for names in lx['weekdays'].values())})\b"
            rf"(?:\s+(?P<tod>{p.tod})\b)?", i),
        relative=re.compile(rf"\b(?:{alternation(relative_words)})\b", i),
        # "three days ago"; "two days after the strike on Odesa killed 12, rescuers were
        # still searching": the strike is the count back from the report's own day
        ago=re.compile(rf"\b(?P<n>\d+|[a-z]+(?:-[a-z]+)?)\s+(?P<unit>{alternation(lx['ago_units'])})"
                       rf"\s+(?:ago|after)\b", i),
    )


def _capitalised(m: re.Match, *groups: str) -> bool:
    """Names must be capitalised: "may" is a verb, "March" a month."""
    return all(m[g] is None or m[g][0].isupper() for g in groups)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _numeric(a: int, b: int, year: int, *, dayfirst: bool = True) -> date | None:
    """dd/mm/yyyy unless impossible; mm/dd/yyyy when the first number cannot be a month."""
    if a > 12 or (dayfirst and b <= 12):
        return _safe_date(year, b, a)
    return _safe_date(year, a, b)


def _full_date(m: re.Match, *, dayfirst: bool = True) -> date | None:
    g = m.groupdict()
    year = int(g["year"])
    if g.get("a"):
        return _numeric(int(g["a"]), int(g["b"]), year, dayfirst=dayfirst)
    if g.get("mnum"):
        return _safe_date(year, int(g["mnum"]), int(g["day"]))
    d = _safe_date(year, _lexicon().month[_key(g["month"])], int(g["day"]))
    return d


_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")  # what every ``full`` pattern's year group matches
_NON_SPACE = re.compile(r"\S")


def _year_anchors(text: str, reach: int) -> list[tuple[int, int, int]]:
    """(start, end, earliest start of a ``full`` match holding it) of each year-like number:
    a match starts at most ``reach`` runs of whitespace before its year, so no earlier than
    the run of non-space ``reach`` runs back (read on the text before the year, reversed)."""
    back = _reach_back(reach)
    out = []
    for y in _YEAR.finditer(text):
        lo = max(0, y.start() - 200)
        n = back.match(text[lo:y.start()][::-1]).end()
        if lo and not _NON_SPACE.search(text, lo, y.start() - n):
            # all the window held was read, not ``reach`` runs: read the whole prefix
            n = back.match(text[:y.start()][::-1]).end()
        out.append((y.start(), y.end(), y.start() - n))
    return out


@cache
def _reach_back(reach: int) -> re.Pattern:
    return re.compile(rf"\S*(?:\s+\S+){{0,{reach}}}")


def _full_finditer(pattern: re.Pattern, text: str, years: list[tuple[int, int, int]]):
    """``pattern.finditer(text)`` for a ``full`` pattern, the same matches, without trying the
    month and weekday alternations at every word of an article: finding the datelines of each
    article twice (ingest and extraction) was a tenth of the whole run.

    Every match holds a year (``years``, from ``_year_anchors``) and starts no earlier than its
    bound, so the next match after ``pos`` starts no earlier than the bound of the first year
    after ``pos``. A search that ends just past that year (the longest tail after a year is
    ISO's "-mm-dd", and one character more for its look-ahead) and finds nothing proves no
    match holds that year, and the scan moves to the next year. A search cut short can succeed
    where the whole text would not, so each success is searched again uncut.
    """
    pos, i = 0, 0
    while i < len(years):
        y_start, y_end, bound = years[i]
        if y_start < pos:
            i += 1
            continue
        start = max(pos, bound)
        if pattern.search(text, start, y_end + 7) is None:
            i += 1
            continue
        m = pattern.search(text, start)
        if m is None:
            return
        yield m
        pos = m.end()


def _datelines(text: str):
    """(position, date) of each dateline candidate: in the opening lines, or after a cue."""
    lx = _lexicon()
    years = _year_anchors(text, lx.full_reach)
    for pattern in lx.full:
        for m in _full_finditer(pattern, text, years):
            d = _full_date(m)
            if d is None or (m.groupdict().get("month") and not _capitalised(m, "month")):
                continue
            before = text[max(0, m.start() - 40):m.start()]
            if lx.tally.search(before):
                continue  # "as of 19:30, 28 March 2018": a report's cut-off, not its dateline
            if lx.cue.search(before):
                yield m.start(), d
            elif m.start() < DATELINE_WINDOW and not lx.narrative.search(before):
                yield m.start(), d


def find_dateline(text: str) -> date | None:
    """The article's own date as its text prints it ("Published April 2 2017", "Wed 05 Apr 2017").

    Only a date in the opening lines or after a publication cue counts; a date that follows a
    preposition ("the attack on 4 April 2017") is narrative, not a dateline.
    """
    found = min(_datelines(text), default=None, key=lambda x: x[0])
    return None if found is None else found[1]


def dateline_prefix(sentence: str) -> int:
    """Length of a publication line that opens a sentence ("Published June 2 2019 Rockets hit
    the town on Monday ..."), 0 if none: the sentence splitter glues the line to the first
    sentence, and the parser then takes "Published" for the sentence's main verb. A bare
    weekday and date that open the sentence ("Friday 17 June 2016 Civilians killed ...") are
    such a line too: prose puts a preposition before them or a comma after them."""
    lx = _lexicon()
    if _YEAR.search(sentence, 0, 80) is None:
        return 0  # every ``full`` match holds a year: most sentences end here, unsearched
    for pattern in lx.full:
        m = pattern.search(sentence, 0, 80)
        if m is None or _full_date(m) is None:
            continue
        before = sentence[:m.start()]
        if (not lx.cue.search(before) or len(before) > 40) and not _weekday_dateline(m, before):
            continue
        rest = len(sentence) - len(sentence[m.end():].lstrip())
        if rest < len(sentence) and sentence[rest].isupper():
            return rest
    return 0


def wire_dateline_prefix(sentence: str) -> int:
    """Length of a wire story's dateline that opens its lead ("BEIRUT, May 28 (Reuters) - ",
    "DEIR AL-BALAH, Gaza Strip (AP) — ", "HODEIDAH, Yemen, April 18 -- ", "PORT SUDAN — "),
    0 if none. The place in capitals is where the reporter filed from, never what was hit:
    left on the sentence, the parser reads "(Reuters) - Air" as a name and the geocoder
    takes the filing city for a village it lacks ("BEIRUT — ... the town of Jwaya")."""
    m = _lexicon().wire_dateline.match(sentence)
    return m.end() if m else 0


def _weekday_dateline(m: re.Match, before: str) -> bool:
    """A date with its weekday opens the text with no word before it: a publication line,
    where a bare date opening an event log's line ("24 February 2022 Shelling of ...") is
    the event's own day and stays."""
    return not before.strip() and m.groupdict().get("wd") is not None


def _nearest(candidates, reference: date) -> date | None:
    """The candidate nearest the reference, a future day weighing twice a past one."""
    def cost(d: date) -> int:
        delta = (reference - d).days
        return delta if delta >= 0 else -2 * delta
    return min((d for d in candidates if d is not None), key=cost, default=None)


def _yearless(month: int, day: int, reference: date, weekday: int | None = None) -> date | None:
    years = (reference.year - 1, reference.year, reference.year + 1)
    candidates = [d for y in years if (d := _safe_date(y, month, day))]
    fitting = [d for d in candidates if weekday is None or d.weekday() == weekday]
    return _nearest(fitting or candidates, reference)


def find_dateline_with_ref(text: str, reference: date | None) -> date | None:
    """Like find_dateline, and also reads a yearless dateline ("BEIRUT, Oct 2 (Reuters) -"),
    taking the year that puts it nearest the reference date."""
    found = find_dateline(text)
    if found is not None or reference is None:
        return found
    lx = _lexicon()
    matches = sorted((m for p in lx.yearless for m in p.finditer(text, 0, DATELINE_WINDOW + 40)),
                     key=lambda m: m.start())
    for m in matches:
        if m.start() >= DATELINE_WINDOW or not _capitalised(m, "month"):
            continue
        if lx.narrative.search(text[max(0, m.start() - 20):m.start()]):
            continue
        wd = lx.weekday[_key(m["wd"])] if m["wd"] else None
        d = _yearless(lx.month[_key(m["month"])], int(m["day"]), reference, wd)
        if d is not None:
            return d
    return None


def _weekday_date(m: re.Match, reference: date) -> date | None:
    lx = _lexicon()
    wd = lx.weekday[_key(m["wd"])]
    pre = _key(m["pre"] or "")
    if pre == "next":
        return _before(reference, -((wd - reference.weekday()) % 7 or 7))
    back = (reference.weekday() - wd) % 7
    if back == 0 and pre in ("last", "this past"):
        back = 7
    return _before(reference, back)


def _before(reference: date, days: int) -> date | None:
    """reference minus days, or None beyond the calendar (a reference in year 1 or 9999)."""
    try:
        return reference - timedelta(days=days)
    except OverflowError:
        return None


def _month_start(reference: date, months_back: int) -> date | None:
    index = reference.year * 12 + reference.month - 1 - months_back
    return _safe_date(index // 12, index % 12 + 1, 1)


def _saturday_before(reference: date, weeks_back: int) -> date | None:
    """The Saturday of the weekend just past (the reference itself when it is a Saturday),
    weeks_back weekends earlier: the annotation guide dates "over the weekend" to it."""
    return _before(reference, (reference.weekday() - 5) % 7 + 7 * weeks_back)


def _week_start(reference: date, weeks_back: int) -> date | None:
    return _before(reference, reference.weekday() + 7 * weeks_back)


TALLY = "tally"  # the precision of a cut-off reading: it is read only to be left out


def _candidates(sentence: str, reference: date):
    """(rank, start, end, date, precision) of every reading of a date expression.

    The rank says which reading wins where two overlap: an explicit date over a month, a month
    or a relative phrase over a bare weekday ("on Sunday, April 2" is the date).
    """
    lx = _lexicon()
    for readings in (_explicit_dates, _iso_dates, _months, _relative_phrases, _ago_phrases,
                     _weekdays):
        yield from readings(lx, sentence, reference)


def _explicit_dates(lx: _Lexicon, sentence: str, reference: date):
    """ "April 2, 2017", "2 April", "Sunday, April 2": a day of a month (rank 0); a report's
    "as of 19:30, 28 March" cut-off is a tally time, no day of anything (rank -1)."""
    for m in (m for p in lx.explicit for m in p.finditer(sentence)):
        if not _capitalised(m, "month", "wd"):
            continue
        if _tally_time(lx, sentence, m.start()):
            yield -1, m.start(), m.end(), None, TALLY
            continue
        month, day = lx.month[_key(m["month"])], int(m["day"])
        wd = lx.weekday[_key(m["wd"])] if m["wd"] else None
        d = (_safe_date(int(m["year"]), month, day) if m["year"]
             else _yearless(month, day, reference, wd))
        if d is not None:
            yield 0, m.start(), m.end(), d, "day"


def _iso_dates(lx: _Lexicon, sentence: str, _reference: date):
    """2017-04-05."""
    for m in lx.full[3].finditer(sentence):
        if _tally_time(lx, sentence, m.start()):
            yield -1, m.start(), m.end(), None, TALLY
        elif d := _full_date(m):
            yield 0, m.start(), m.end(), d, "day"


def _months(lx: _Lexicon, sentence: str, reference: date):
    """ "in March", "March 2017": a month (rank 1); with no year the last such month up to the
    reference's, as news tells what has happened ("In March, Pakistani jets struck Khost", in
    December, is this year's March, not next year's though that is nearer)."""
    for m in lx.month_only.finditer(sentence):
        if not _capitalised(m, "month") or not (m["pre"] or m["year"]):
            continue  # "March" alone may be the verb or a name; "in March" is the month
        month = lx.month[_key(m["month"])]
        if m["year"]:
            d = date(int(m["year"]), month, 1)
        else:
            d = _safe_date(reference.year - (month > reference.month), month, 1) \
                or _safe_date(reference.year, month, 1)  # the calendar's first year
        yield 1, m.start("month"), m.end(), d, "month"


def _relative_phrases(lx: _Lexicon, sentence: str, reference: date):
    """ "yesterday", "last week", "at the weekend", "last month" (rank 1)."""
    for m in lx.relative.finditer(sentence):
        key = _key(m.group())
        if key in lx.relative_days:
            yield 1, m.start(), m.end(), _before(reference, lx.relative_days[key]), "day"
        elif key in lx.relative_weeks:
            yield 1, m.start(), m.end(), _week_start(reference, lx.relative_weeks[key]), "week"
        elif key in lx.weekends:
            yield 1, m.start(), m.end(), _saturday_before(reference, lx.weekends[key]), "week"
        else:
            yield 1, m.start(), m.end(), _month_start(reference, lx.relative_months[key]), "month"


def _ago_phrases(lx: _Lexicon, sentence: str, reference: date):
    """ "two days ago", "a week ago", "a day after" (rank 1); a vague count ("several days
    ago") gives none. An "after" reading is the day of the event after it, not of the
    sentence's others (``counted_back_to``)."""
    for m in lx.ago.finditer(sentence):
        word = m["n"].lower()
        count = Range(1, 1) if word in ("a", "an") else parse_count(word)
        if count is None or count.min is None or count.min != count.max:
            continue
        n, unit = count.min, lx.ago_units[m["unit"].lower()]
        if unit == "day":
            yield 1, m.start(), m.end(), _before(reference, n), "day"
        elif unit == "week":
            yield 1, m.start(), m.end(), _before(reference, 7 * n), "week"
        else:
            yield 1, m.start(), m.end(), _month_start(reference, n), "month"


def counted_back_to(mention: DateMention) -> int | None:
    """Where the "after" of "a day after" stands in the sentence: the day counted back is
    that of the event told after it; None for a reading of no such word."""
    words = mention.text.split()
    return mention.end - len(words[-1]) if words[-1].casefold() == "after" else None


def _weekdays(lx: _Lexicon, sentence: str, reference: date):
    """ "on Sunday", "last Friday", "next Monday": that weekday as the words place it from the
    reference (rank 2, the weakest)."""
    for m in lx.weekday_re.finditer(sentence):
        if _capitalised(m, "wd"):
            yield 2, m.start(), m.end(), _weekday_date(m, reference), "day"


def _tally_time(lx: _Lexicon, text: str, start: int) -> bool:
    """Whether the date at ``start`` is a report's cut-off ("deaths as of 10 March 2018"):
    the strikes it counts happened before it, on days the report does not give."""
    return lx.tally.search(text[max(0, start - 40):start]) is not None


def resolve_date_expressions(sentence: str, reference: date) -> list[DateMention]:
    """Every date expression in a sentence, resolved against the reference (publication) date.

    Where readings overlap the better-ranked one wins ("on Sunday, April 2" is one date);
    separate expressions stay separate ("on Monday and Tuesday" gives two days). A report's
    cut-off ("as of 19:30, 28 March 2018") wins its words, so that no reading of a part of
    it ("March 2018") is taken for a strike's day, and is then left out.
    """
    kept: list[DateMention] = []
    for _, start, end, d, precision in sorted(_candidates(sentence, reference),
                                              key=lambda c: (c[0], c[1], -c[2])):
        if (d is None and precision != TALLY) or any(start < k.end and k.start < end for k in kept):
            continue
        kept.append(DateMention(d, precision, sentence[start:end], start, end))
    return sorted((k for k in kept if k.precision != TALLY), key=lambda k: k.start)


# The window a publication date must fall in. CMSs emit Go's and .NET's zero time
# ("0001-01-01T00:00:00Z", an RSS pubDate of "01 Jan 0001") for "no date", and a date near the
# calendar's ends overflows every later window (relative dates, fusion's tolerance); no news
# strikewatch reads predates 1900, and a date more than a year ahead is a typo or a placeholder.
EARLIEST_PUBLICATION = date(1900, 1, 1)
LATEST_PUBLICATION_AHEAD = timedelta(days=366)


def plausible_publication(day: date | None, origin: str, *, today: date | None = None,
                          ) -> date | None:
    """The day when it lies in 1900-01-01 .. today + 1 year, else None with a warning that
    names the input, so an impossible date is dropped rather than stored."""
    if day is None:
        return None
    today = today or datetime.now(UTC).date()
    if EARLIEST_PUBLICATION <= day <= today + LATEST_PUBLICATION_AHEAD:
        return day
    log.warning("%s: publication date %s ignored (outside %s .. one year from today)",
                origin, day.isoformat(), EARLIEST_PUBLICATION.isoformat())
    return None


def parse_published(value: str, *, dayfirst: bool = True) -> date | None:
    """A publication date from metadata, as the day written there (no time-zone shift).

    Reads ISO 8601 ("2015-10-02T19:41:00+01:00"), RFC 2822 feed dates ("Fri, 02 Oct 2015
    19:41:00 +0100"), written dates ("2 October 2015", "Oct 2, 2015") and numeric ones
    ("02/10/2015": day first unless impossible, or month first with ``dayfirst=False``).
    Returns None for anything else, including impossible days.
    """
    value = value.strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})(?!\d)", value)
    if m:
        return _safe_date(*map(int, m.groups()))
    m = re.match(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)", value)
    if m:
        return _safe_date(*map(int, m.groups()))
    m = re.fullmatch(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:[ T].*)?", value)
    if m:
        return _numeric(int(m[1]), int(m[3]), int(m[4]), dayfirst=dayfirst)
    if re.match(r"[A-Za-z]{3},\s", value):
        try:
            return parsedate_to_datetime(value).date()
        except (TypeError, ValueError, IndexError):
            pass
    for pattern in _lexicon().full[:3]:
        m = pattern.match(value)
        if m:
            return _full_date(m)
    return None
