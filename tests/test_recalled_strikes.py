"""A strike the story recalls (an anniversary, "the 1996 shelling") is not a strike of the
story's day: it gives no event, while this year's strikes in the same wording still do."""

from __future__ import annotations

import pytest

from test_extract_wars import places

PUBLISHED = "2024-04-18"


@pytest.mark.parametrize("text", [
    # Lebanon: a massacre of another decade, recalled at its memorial
    "Residents of Qana gathered on Tuesday to commemorate the victims of the 1996 Israeli "
    "shelling of a UN compound in Qana, in which 106 civilians died.",
    # Ukraine: a span of years before the strike
    "Ten years after the Russian strike on the theatre in Mariupol, survivors met on Monday.",
    # Syria: an anniversary
    "On the anniversary of the air strike on the mosque in Idlib, relatives gathered on Tuesday.",
    # Syria: an earlier year written on the strike word
    "The 2017 air strike on a mosque in Idlib killed 38 people, a report said on Tuesday.",
])
def test_a_recalled_strike_is_no_event_of_the_day(extractor, text):
    assert places(extractor, text, published=PUBLISHED) == []


@pytest.mark.parametrize(("text", "place"), [
    ("The 2024 air strike on Idlib killed five people, the monitor said.", "Idlib"),
    ("A Russian strike on Kharkiv killed three on Tuesday, the 2023 report's authors said.",
     "Kharkiv"),
    ("Two days after the strike on Khan Younis, another Israeli strike hit Rafah on Tuesday.",
     "Rafah"),
])
def test_a_strike_of_this_year_or_days_ago_stays(extractor, text, place):
    assert place in places(extractor, text, published=PUBLISHED)
