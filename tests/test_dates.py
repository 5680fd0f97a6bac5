"""Tests for strikewatch.dates on real openings and sentences.

Texts are quoted from FA-KES (Abu Salem et al., ICWSM 2019, CC BY 4.0; the article id is named
beside each) and from the Middle East Eye article of 2 October 2015 ("MEE").
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from strikewatch.dates import (
    find_dateline,
    find_dateline_with_ref,
    parse_published,
    resolve_date_expressions,
)

MEE = date(2015, 10, 2)  # a Friday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # from an FA-KES article
        ("Wed 05 Apr 2017 Syria attack symptoms consistent with nerve agent use WHO.", date(2017, 4, 5)),
        # from an FA-KES article
        ("Published July 21 2015 A young Syrian boy cries as he sits on the rubble", date(2015, 7, 21)),
        # from an FA-KES article
        ("Date of publication 1 September 2016 At least 25 civilians have been killed", date(2016, 9, 1)),
        # from an FA-KES article
        ("Posted on April 4 2017 by Asharq Al-Awsat English 58 Killed in Suspected Gas Attack",
         date(2017, 4, 4)),
        # from an FA-KES article: Jordan Times glues the day to the year
        ("Last updated at Feb 092015 BEIRUT At least 15 people were killed and dozens wounded on "
         "Monday", date(2015, 2, 9)),
        # from an FA-KES article: the dateline follows the title and the agency
        ("Syrian air strikes kill 70 people after rebel rocket attack Monitor Reuters Friday 6 Feb "
         "2015 Syrian air force strikes killed at least 70 people", date(2015, 2, 6)),
        # from an FA-KES article
        ("August 13 2016 2037 UTC+3 A representative of the Syrian Armed Forces told SANA",
         date(2016, 8, 13)),
        # from an FA-KES article
        ("Print this page Tuesday 19 July 2016 16:45 Russian Airstrikes Disrupt Last Remaining "
         "Ambulance Service in Rural Aleppo.", date(2016, 7, 19)),
        # from an FA-KES article: Sputnik, day first, glued to the next word
        ("02.10.2017Get short URL 191 A total of 24 Daesh terrorists were killed", date(2017, 10, 2)),
        # from an FA-KES article: Al-Manar, day first
        ("27-09-2013 Damascus Car Bomb Kills 70 People at Least.", date(2013, 9, 27)),
        ("Friday 2 October 2015 19:41 BST Leaders call on Russia", date(2015, 10, 2)),
        ("2017-04-05 Syria attack", date(2017, 4, 5)),
    ],
)
def test_find_dateline(text, expected):
    assert find_dateline(text) == expected


def test_a_published_line_counts_anywhere_but_a_narrative_date_never():
    body = "x " * 400
    assert find_dateline(body + "Published April 2 2017 by staff") == date(2017, 4, 2)
    assert find_dateline(body + "The attack on 4 April 2017 killed dozens.") is None
    # from an FA-KES article: no dateline, only narrative weekdays
    assert find_dateline("10 dead after strikes on rebel-held hospitals in Syria Air strikes on two "
                         "hospitals in rebel-held northwestern Syria on Thursday left 10 people "
                         "dead including two babies in incubators a monitor said.") is None
    assert find_dateline("Residents said the siege began on 4 April 2017.") is None


@pytest.mark.parametrize("text", [
    # a monitoring mission's daily report title, in the shape the OSCE's take
    "Latest from the Special Monitoring Mission to Ukraine, based on information received as of "
    "19:30, 28 March 2018\nWoman killed in Horlivka in shelling by Ukrainian troops",
    "Situation update, east of Ukraine as of morning, June 27, 2018",
    # a humanitarian update on another war, in the shape OCHA's take
    "Yemen: Flash update as of 10 April 2018 - coalition air strikes kill six in Saada",
    "Syria: deaths in air strikes in Idlib as of the morning of 5 April 2017",
])
def test_a_tallys_cut_off_is_neither_a_dateline_nor_a_strike_day(text):
    """'As of 19:30, 28 March 2018' is when a report's count was made: the items it
    carries keep their own date, and no strike is dated to the cut-off."""
    assert find_dateline(text) is None
    assert resolve_date_expressions(text, date(2018, 3, 25)) == []


def test_a_date_after_as_of_in_prose_that_is_no_cut_off_stays():
    text = "Shelling hit Horlivka on 3 April 2017, as of which the truce lapsed."
    assert [m.date for m in resolve_date_expressions(text, date(2017, 4, 5))] == [date(2017, 4, 3)]


def test_yearless_dateline_takes_the_nearest_year():
    text = "BEIRUT, Oct 2 (Reuters) - Russian jets struck Syria for a third day."
    assert find_dateline(text) is None
    assert find_dateline_with_ref(text, date(2015, 10, 5)) == date(2015, 10, 2)
    assert find_dateline_with_ref(text, date(2016, 1, 3)) == date(2015, 10, 2)
    assert find_dateline_with_ref(text, None) is None
    assert find_dateline_with_ref("Wed 05 Apr 2017 Syria", date(2020, 1, 1)) == date(2017, 4, 5)


def _resolved(sentence, reference):
    return [(m.text, m.date, m.precision) for m in resolve_date_expressions(sentence, reference)]


def test_mee_weekdays():
    # MEE body: the statement of Friday 2 October concerned Thursday's strikes
    s = ("The leaders expressed particular concern with Russian attacks on the Syrian provinces of "
         "Hama, Homs and Idlib on Thursday which the statement said did not target IS.")
    assert _resolved(s, MEE) == [("on Thursday", date(2015, 10, 1), "day")]
    # MEE caption
    s = ("An image grab from a video released by the Homs Media Center on Wednesday after Russian "
         "and Syrian government airstrikes in Homs province (AFP)")
    assert _resolved(s, MEE) == [("on Wednesday", date(2015, 9, 30), "day")]
    s = "Later on Friday, UK Defence Secretary Michael Fallon said"
    assert _resolved(s, MEE) == [("on Friday", MEE, "day")]


@pytest.mark.parametrize(
    ("sentence", "reference", "expected"),
    [
        # from an FA-KES article: dateline Thursday 24 Apr 2014, "on Thursday" is that day
        ("An air strike on a market on Thursday killed at least 21 people including three children",
         date(2014, 4, 24), [("on Thursday", date(2014, 4, 24), "day")]),
        # from an FA-KES article: dateline Monday 9 Feb 2015
        ("At least 15 people were killed and dozens wounded on Monday in government air strikes",
         date(2015, 2, 9), [("on Monday", date(2015, 2, 9), "day")]),
        # from an FA-KES article (published 2017-10-08, a Sunday)
        ("The observatory said Russian air strikes on Thursday night killed 14 people including "
         "three children fleeing across the Euphrates on rafts near Mayadeen.",
         date(2017, 10, 8), [("on Thursday night", date(2017, 10, 5), "day")]),
        # from an FA-KES article (published 2016-11-04)
        ("Damascus and Moscow declared a unilateral four-day pause in strikes on Oct. 18",
         date(2016, 11, 4), [("Oct. 18", date(2016, 10, 18), "day")]),
        # from an FA-KES article (published 2016-04-07)
        ("Two days ago the same neighborhood was shelled by terrorist organizations",
         date(2016, 4, 7), [("Two days ago", date(2016, 4, 5), "day")]),
        # from an FA-KES article (published 2016-10-13, a Thursday): last week is the week of 3 October
        ("Russia last week vetoed a UN Security Council resolution", date(2016, 10, 13),
         [("last week", date(2016, 10, 3), "week")]),
        # from an FA-KES article (published 2016-07-20)
        ("the bombing targeted the outskirts of the village of Tokhar at dawn yesterday",
         date(2016, 7, 20), [("yesterday", date(2016, 7, 19), "day")]),
        # from an FA-KES article (dateline Monday 17 October 2016): the weekend is Saturday the 15th
        ("At least 45 people have been killed in Aleppo in the last 24 hours according to monitors "
         "with high-level diplomatic talks over the weekend failing to curb the bloodshed.",
         date(2016, 10, 17), [("the last 24 hours", date(2016, 10, 17), "day"),
                              ("over the weekend", date(2016, 10, 15), "week")]),
        # from an FA-KES article (dateline Sunday 9 Oct 2016): a statement's "last 24 hours" is its day
        ("-led coalition air strikes in northern Syria over the last 24 hours the Turkish military "
         "said on Sunday", date(2016, 10, 9),
         [("the last 24 hours", date(2016, 10, 9), "day"), ("on Sunday", date(2016, 10, 9), "day")]),
        # from an FA-KES article
        ("Hundreds of civilians died in a sarin gas attack in Ghouta in August 2013.",
         date(2017, 4, 5), [("August 2013", date(2013, 8, 1), "month")]),
    ],
)
def test_real_sentences(sentence, reference, expected):
    assert _resolved(sentence, reference) == expected


def test_expression_kinds():
    ref = date(2015, 10, 2)  # Friday
    s = ("late on Tuesday, on Tuesday night, early Wednesday, yesterday, today, last night, "
         "this morning, earlier this month, in March, on Monday and Tuesday")
    assert _resolved(s, ref) == [
        ("late on Tuesday", date(2015, 9, 29), "day"),
        ("on Tuesday night", date(2015, 9, 29), "day"),
        ("early Wednesday", date(2015, 9, 30), "day"),
        ("yesterday", date(2015, 10, 1), "day"),
        ("today", ref, "day"),
        ("last night", date(2015, 10, 1), "day"),
        ("this morning", ref, "day"),
        ("earlier this month", date(2015, 10, 1), "month"),
        ("March", date(2015, 3, 1), "month"),
        ("on Monday", date(2015, 9, 28), "day"),
        ("Tuesday", date(2015, 9, 29), "day"),
    ]
    s = "on 1 October, October 1, Oct. 1, the 1st of October, on Sunday, April 2 2017"
    assert [m.date for m in resolve_date_expressions(s, ref)] == [date(2015, 10, 1)] * 4 + [
        date(2017, 4, 2)]


def test_week_boundaries_and_years():
    assert _resolved("on Saturday", date(2017, 4, 3)) == [("on Saturday", date(2017, 4, 1), "day")]
    assert _resolved("on Sunday", date(2017, 4, 2)) == [("on Sunday", date(2017, 4, 2), "day")]
    assert _resolved("last Sunday", date(2017, 4, 2))[0][1] == date(2017, 3, 26)
    assert _resolved("next Monday", date(2017, 4, 2))[0][1] == date(2017, 4, 3)
    assert _resolved("on December 30", date(2015, 1, 3))[0][1] == date(2014, 12, 30)
    assert _resolved("talks on October 5", date(2015, 10, 2))[0][1] == date(2015, 10, 5)
    # the weekday picks the year: 2 April was a Sunday in 2017, not in 2016
    assert _resolved("on Sunday, April 2", date(2017, 6, 1))[0][1] == date(2017, 4, 2)


def test_no_false_dates():
    assert resolve_date_expressions("Residents may leave; the march went on.", MEE) == []
    assert resolve_date_expressions("February 30 is no day", MEE) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-10-02T19:41:00+01:00", date(2015, 10, 2)),
        ("2015-10-02", date(2015, 10, 2)),
        ("2 October 2015", date(2015, 10, 2)),
        ("Oct 2, 2015", date(2015, 10, 2)),
        ("Fri, 02 Oct 2015 19:41:00 +0100", date(2015, 10, 2)),
        ("02/10/2015", date(2015, 10, 2)),  # day first, as in the Yemen Data Project
        ("26/03/2015", date(2015, 3, 26)),  # Yemen Data Project incident 1
        ("10/13/2015", date(2015, 10, 13)),  # only month first is possible
        ("26.11.2014", date(2014, 11, 26)),
        ("2015-02-30", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


def test_parse_published_month_first_on_request():
    assert parse_published("02/10/2015", dayfirst=False) == date(2015, 2, 10)


# --- properties --------------------------------------------------------------------------

_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@given(st.dates(date(1990, 1, 1), date(2040, 12, 31)), st.sampled_from(_DAYS),
       st.sampled_from(["on {}", "late on {}", "early {}", "on {} night", "{} morning", "{}"]))
def test_past_weekdays_are_within_six_days_before(reference, day, form):
    (mention,) = resolve_date_expressions(f"Strikes hit the town {form.format(day)}.", reference)
    assert 0 <= (reference - mention.date).days <= 6
    assert mention.date.strftime("%A") == day


@given(st.dates(date(1900, 1, 1), date(2099, 12, 31)))
def test_parse_published_round_trips_iso(d):
    assert parse_published(d.isoformat()) == d
    assert parse_published(f"{d.isoformat()}T12:00:00Z") == d
    assert parse_published(d.strftime("%d %B %Y")) == d


@given(st.text(max_size=300), st.dates())
def test_nothing_raises_on_arbitrary_text(text, reference):
    for m in resolve_date_expressions(text, reference):
        assert text[m.start:m.end] == m.text
        assert m.precision in ("day", "week", "month")
    find_dateline(text)
    find_dateline_with_ref(text, reference)
    parse_published(text)


@given(st.dates(date(2000, 1, 8), date(2030, 12, 31)), st.integers(1, 6))
def test_days_ago(reference, n):
    (m,) = resolve_date_expressions(f"It happened {n} days ago.", reference)
    assert m.date == reference - timedelta(days=n)


@pytest.mark.parametrize("reference", [date(1, 1, 1), date(9999, 12, 31)])
def test_references_at_the_ends_of_the_calendar(reference):
    s = "last month, last week, yesterday, next Sunday, on Monday, December 30, in March, 2 days ago"
    for m in resolve_date_expressions(s, reference):
        assert abs(m.date.year - reference.year) <= 1


def test_dateline_prefix_glued_to_the_first_sentence():
    # FA-KES openings (from an FA-KES article, from an FA-KES article): the publication line is cut off
    from strikewatch.dates import dateline_prefix

    text = "Last updated at Oct 082017 MOSCOW Some 120 Daesh terror group extremists were killed"
    assert text[dateline_prefix(text):].startswith("MOSCOW Some 120")
    text = "Date of publication 9 August 2016 Five children and four medical staff killed"
    assert text[dateline_prefix(text):].startswith("Five children")
    assert dateline_prefix("The attack on 4 April 2017 killed 87 people") == 0


@pytest.mark.parametrize("text, body", [
    # Syria: a weekday dateline run into the headline
    ("Friday 17 June 2016 Civilians Killed by Russian Airstrikes on Aleppo despite Truce",
     "Civilians Killed"),
    # Yemen: month day, year
    ("Wednesday, March 29, 2017 Saudi-led coalition jets struck a market in Saada", "Saudi-led"),
    # Ukraine: an abbreviated weekday
    ("Mon 12 February 2018 Ukrainian forces shelled Donetsk overnight", "Ukrainian forces"),
])
def test_a_bare_dateline_opening_the_sentence_is_cut(text, body):
    from strikewatch.dates import dateline_prefix

    assert text[dateline_prefix(text):].startswith(body)


@pytest.mark.parametrize("text", [
    "17 June 2016, Russian jets struck Anadan",  # a comma after the date: the sentence's own
    "On Friday 17 June 2016 Russian jets struck Anadan",  # a preposition: narrative
    "Monday 3 October 2016 was the day Houthi shells hit Taiz",  # prose after it, lower case
    "24 February 2022 Shelling of Kharkiv",  # no weekday: an event log's own day
])
def test_a_date_inside_prose_is_no_dateline(text):
    from strikewatch.dates import dateline_prefix

    assert dateline_prefix(text) == 0


# pieces of datelines, whitespace runs and near-misses, so that generated texts hold many
# matches, overlapping candidates and years that belong to no date
_PIECES = ["Wed", "Wednesday", "Fri.,", "Sept.", "April", "May", "of", "the", "5th", "05", "19",
           "2017", "1999", "20170", "092015", "2015-04-05", "27-09-2013", "02.10.2017", "3",
           " ", "  ", "\n\n", "\t ", ",", ".", ":", "(", "-", "4 April 2017", "Apr 2 2016",
           " " * 190, "x" * 190]


@given(st.lists(st.sampled_from(_PIECES), max_size=60), st.booleans())
@example(["Published 5 April", " " * 190, " " * 190, "2017 air strikes"], False)
@example(["x" * 190, "4 April", "\n" * 190, "2017"], True)
def test_year_anchored_scan_finds_what_finditer_finds(pieces, spaced):
    # the dateline scan jumps from year to year; it must give exactly the regex's matches,
    # also where the words of a date lie far apart
    from strikewatch.dates import _full_finditer, _lexicon, _year_anchors

    text = (" " if spaced else "").join(pieces)
    lx = _lexicon()
    years = _year_anchors(text, lx.full_reach)
    for pattern in lx.full:
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        got = [(m.span(), m.groupdict()) for m in _full_finditer(pattern, text, years)]
        assert got == expected
