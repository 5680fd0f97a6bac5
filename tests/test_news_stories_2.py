"""More wire stories, from wars no earlier story tried (issue 11): Libya, Mali, Burkina Faso,
Nigeria, DR Congo, Mozambique, Afghanistan and Pakistan, Turkey in Iraq and Syria, Iran and
Israel, India and Pakistan, the Red Sea, Colombia. Each fault found feeding them to strikewatch
as a new user would is fixed at its cause and pinned on stories from two wars at least; a fault
not fixed safely is a strict xfail saying what is wrong. The stories are written for these tests
in the shape wires take; none is copied from a corpus.
"""

from __future__ import annotations

import pytest
from test_sweep_sources import read


# ------------------------------------------ "in March", told in December, is this year's March

@pytest.mark.parametrize(("text", "published", "day"), [
    # Afghanistan-Pakistan, Sudan: a strike recalled by its month is in the past, not next year
    ("In March, Pakistani jets struck Khost province, killing eight people, the Taliban said at "
     "the time.", "2024-12-25", "2024-03-01"),
    ("In September, army jets struck a market in Nyala, killing 20 people, activists said.",
     "2024-02-10", "2023-09-01"),
])
def test_a_month_without_a_year_is_the_last_one_before_the_story(extractor, text, published, day):
    [coded] = read(extractor, text, published).strikes
    assert coded.day == day
