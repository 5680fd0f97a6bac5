"""One strike, one record (issue 11), third round: tolls, days and merges read across a whole
story. Each fault was found feeding small stories through the pipeline, and each is pinned on
stories of two wars at least. The sentences are written for these tests in the shape wires
and monitors take; none is copied from a corpus.
"""

from __future__ import annotations

import pytest
from test_fusion_faults import incidents_of  # noqa: F401 - a fixture
from test_sweep_sources import read


def _tolls(incidents: list[dict]) -> dict[str, int | None]:
    return {i["location"]["name"]: i["fatalities"]["min"] for i in incidents}


# ------------- 1. a region of one country is no strike of another country told the same day

@pytest.mark.parametrize(("text", "region", "placed", "killed"), [
    # Sudan and Chad: the army's strike on Nyala is not the strikes in eastern Chad
    ("Air strikes killed five people in eastern Chad on Friday. Sudanese army jets struck RSF "
     "positions in Nyala in South Darfur on Friday.", "eastern Chad", "Nyala", 5),
    # Iraq and Syria: a release on PKK militants in Iraq and YPG positions in Syria
    ("Air strikes killed 14 PKK militants in northern Iraq on Friday. Turkish drones struck YPG "
     "positions in Qamishli on Friday.", "northern Iraq", "Al Qāmishlī", 14),
])
def test_a_vague_strike_folds_into_no_strike_of_another_country(incidents_of, text, region,
                                                                placed, killed):
    assert _tolls(incidents_of(text, "2024-07-20")) == {region: killed, placed: None}


def test_a_vague_strike_still_folds_into_its_own_country_s(incidents_of):
    # Syria: "northern Syria" and Qamishli the same day are the one strike the story places
    text = ("Air strikes killed 14 militants in northern Syria on Friday. Turkish drones struck "
            "YPG positions in Qamishli on Friday.")
    assert _tolls(incidents_of(text, "2024-07-20")) == {"Al Qāmishlī": 14}


# ------------------------------- 2. the kin killed with a victim, named after the verb, count

@pytest.mark.parametrize(("text", "killed"), [
    # Gaza: one staff member, his wife, three children
    ("An UNRWA staff member was killed along with his wife and three children when an Israeli "
     "air strike hit their house in Rafah.", 5),
    # Ukraine
    ("A teacher was killed with her two sons when a shell hit their home in Kherson.", 3),
    # Sudan: the kin of one victim, uncounted, are one more
    ("A WFP driver was killed together with his son when RSF shells hit El Fasher.", 2),
    # colleagues are no kin: the toll is the one victim counted
    ("A doctor was killed with his colleagues' help nearby when a drone hit Sumy.", 1),
])
def test_kin_killed_with_the_victim_add_to_the_toll(extractor, text, killed):
    assert [c.killed for c in read(extractor, text, "2024-07-20").strikes] == [(killed, killed)]


# ------------- 3. bombardment going on over a whole territory is a summary, not one strike

@pytest.mark.parametrize("text", [
    # Gaza: a UN office's daily summary
    "Intense Israeli bombardment from air, land and sea continued across much of the Gaza Strip.",
    # Ukraine
    "Russian shelling continued along the whole front line in Donetsk oblast.",
    # Syria
    "Government air strikes continued across Idlib province on Monday.",
])
def test_bombardment_going_on_across_a_territory_is_no_strike(extractor, text):
    assert read(extractor, text, "2024-07-20").strikes == []


@pytest.mark.parametrize(("text", "place"), [
    # a strike that "continued" on one place, on a day, is still that strike (Gaza, Ukraine)
    ("Israeli air strikes continued on Rafah on Tuesday, killing 12 people.", "Rafah"),
    ("Russian shelling of Kherson continued on Monday, killing two people.", "Kherson"),
])
def test_a_strike_continued_on_one_place_stays_a_strike(extractor, text, place):
    assert [c.place for c in read(extractor, text, "2024-07-20").strikes] == [place]


# ---- 4. a toll told at a village the gazetteer lacks, "in" its province, is no town's there

@pytest.mark.parametrize(("text", "published", "town", "elsewhere", "killed"), [
    # Syria: Kafr Zubaydat, unknown, coded to its province's district; Manbij has no dead told
    ("Russian jets struck Manbij. Activists said 37 civilians died in air strikes in Kafr "
     "Zubaydat in nearby Aleppo province.", "2016-02-16", "Manbij", "Aleppo", 37),
    # Ukraine: a hamlet of Kharkiv oblast beside Kupiansk
    ("Russian drones struck Kupiansk. Officials said 11 civilians died in shelling in "
     "Kruhlyakivka Druha in the wider Kharkiv oblast.", "2024-07-20", "Kupyansk", "Kharkiv", 11),
])
def test_a_toll_in_a_village_in_its_province_is_not_the_town_s(incidents_of, text, published,
                                                                town, elsewhere, killed):
    assert _tolls(incidents_of(text, published)) == {town: None, elsewhere: killed}


@pytest.mark.parametrize(("text", "place"), [
    # Yemen, Sudan: the village, not its province, is the place of the strike
    ("Air strikes killed 20 civilians in Bayt Zuhran in Saada province.", "Bayt Zuhran"),
    ("Army air strikes killed nine people in Um Sumeima in North Kordofan state.", "Um Sumeima"),
    # a country is no unit: "in Kharkiv in Ukraine" stays Kharkiv, no village named "Kharkiv"
    ("Russian missiles killed four people in Kharkiv in Ukraine.", "Kharkiv"),
])
def test_a_village_in_its_named_province_is_the_place(extractor, text, place):
    assert [(c.place, c.unresolved) for c in read(extractor, text, "2024-07-20").strikes] \
        == [(place, None if place == "Kharkiv" else place)]


# ------------- 5. a toll of one clause naming two places is where the strike fell, not aimed

@pytest.mark.parametrize(("text", "place", "killed"), [
    # Gaza
    ("An Israeli air strike on Khan Younis hit a house in the nearby town of Bani Suheila, "
     "killing eight.", "Banī Suhaylā", 8),
    # Ukraine
    ("A Russian missile aimed at Kharkiv hit a school in Derhachi, killing four.", "Derhachi", 4),
])
def test_the_toll_is_the_place_the_strike_hit(incidents_of, text, place, killed):
    tolls = _tolls(incidents_of(text, "2024-07-20"))
    assert (tolls[place], [k for p, k in tolls.items() if p != place]) \
        == (killed, [None] * (len(tolls) - 1))


@pytest.mark.parametrize(("text", "place"), [
    # the dead a killing verb tells stay its subject's place, not the region a phrase after it
    # names (Gaza, Yemen)
    ("Israeli strikes on Rafah killed 12 people on Tuesday in the south of the Gaza Strip.",
     "Rafah"),
    ("Coalition air strikes on Hodeidah killed six people on Monday in western Yemen.",
     "Hodeidah"),
])
def test_a_killing_verb_s_toll_stays_its_subject_s_place(extractor, text, place):
    coded = read(extractor, text, "2024-07-20").strikes
    assert [c.place for c in coded if c.killed[0] is not None] == [place]


# ---------------- 6. a strike told with no attacker is the side's that owns it afterwards

@pytest.mark.parametrize(("text", "attacker", "grade"), [
    # Gaza (Russia/Ukraine: test_one_record_2's refinery in Saratov)
    ("An air strike hit a school in Gaza City on Saturday, killing 15 people, medics said. "
     "The IDF confirmed the strike on the school compound.", "IL", "confirmed"),
    # a blanket word on the campaign owns no strike in particular: the attacker stays unknown
    ("An air strike hit a school in Gaza City on Saturday, killing 15 people, medics said. "
     "The IDF confirmed strikes on military targets.", None, "weak"),
    ("Drones hit an oil refinery in Saratov overnight, the regional governor said. Ukraine's "
     "General Staff later confirmed the strike on the airfield.", None, "weak"),
])
def test_the_side_owning_a_strike_told_with_no_attacker_is_its_attacker(incidents_of, text,
                                                                         attacker, grade):
    [incident] = incidents_of(text, "2024-07-21")
    assert ((incident["attacker"] or {}).get("country"), incident["grade"]) == (attacker, grade)


# ----------------- 7. a day on the saying verb of a one-sentence report is the saying's only

@pytest.mark.xfail(strict=True, reason="when.py's _dates_a_saying keeps the saying's day as "
                   "the strike's when the text gives the strike none (test_one_record_2 pins "
                   "that reading: 'it cannot be later'), but the annotation guide dates a "
                   "strike the text gives no day of its own by the article's date only when "
                   "it reads as same-day news, else null; a report published the day after "
                   "the saying is not: the strike's day is unknown. Which reading holds is "
                   "the lead's call; both are pinned, this one as the fault the brief names")
@pytest.mark.parametrize(("text", "published"), [
    # Lebanon/Israel: said Friday, published Saturday
    ("Hezbollah said on Friday it launched rockets at Kiryat Shmona.", "2024-07-20"),
    # Yemen/Israel: said Monday, published Tuesday
    ("The Houthis said on Monday they fired a missile at Eilat.", "2024-07-23"),
])
def test_a_saying_s_day_does_not_date_a_strike_told_with_none(extractor, text, published):
    assert [c.day for c in read(extractor, text, published).strikes] == [None]
