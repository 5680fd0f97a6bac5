"""Headlines and coders' casualty lines, the shape conflict datasets keep their sources in:
several headlines one per line, "X killed in shelling by Y", "shelling kills X", a day's
summary of a region. Each rule is tested on a Ukrainian line and on one from another war.

The lines are written for these tests in the shape such headlines take; none is copied from
a corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from strikewatch.extract import Extractor
from strikewatch.ingest import IngestOptions, read_inputs


def headlines(tmp_path, text: str, published: str = "2019-07-15"):
    """A document of headlines as a JSON Lines input gives it: no title, one per line."""
    import json

    path = tmp_path / "items.jsonl"
    path.write_text(json.dumps({"id": "h1", "title": "", "text": text, "published": published}) + "\n")
    (doc,) = list(read_inputs([str(path)], IngestOptions()))
    return doc


def strikes(extractor: Extractor, tmp_path, text: str):
    return extractor.extract(headlines(tmp_path, text)).strikes


# ------------------------------------------------------------------ a list of headlines stays apart


@pytest.mark.parametrize("lines", [
    ["Four soldiers killed by shell fired by separatists - police",
     "Six soldiers killed in rebel east: official"],
    ["Barrel bombs kill 12 in Aleppo's Sukkari district",
     "Regime jets pound Idlib countryside as talks stall"],
])
def test_headlines_one_per_line_are_separate_paragraphs(tmp_path, lines):
    doc = headlines(tmp_path, "\n".join(lines))
    paragraphs = [doc.text[s.start:s.end] for s in doc.segments]
    assert paragraphs == lines


def test_a_hard_wrapped_paragraph_is_still_one_paragraph(tmp_path):
    wrapped = ("Government warplanes struck the market town of Maarat al-Numan on\n"
               "Tuesday morning, killing at least nine people and wounding dozens,\n"
               "according to rescue workers who reached the scene.")
    doc = headlines(tmp_path, wrapped)
    assert len(doc.segments) == 1


# ------------------------------------------------------------------ a munition that kills struck


@pytest.mark.parametrize(("text", "place"), [
    ("Ukraine rebels vow new offensive as rockets kill 30 in Mariupol", "Mariupol"),
    ("Shells kill two children in Nyala as fighting spreads", "Nyala"),
    ("Two children were killed by a mortar shell fired by the RSF in Omdurman", "Omdurman"),
])
def test_a_munition_that_kills_is_a_strike(extractor, tmp_path, text, place):
    assert place in [m.place_text for m in strikes(extractor, tmp_path, text)]


def test_a_bomb_that_kills_in_a_car_is_still_no_strike(extractor, tmp_path):
    assert not strikes(extractor, tmp_path, "A car bomb killed five people in Mogadishu")


# ------------------------------------------------------------------ a day's summary of a region


@pytest.mark.parametrize(("text", "place"), [
    ("In the Donetsk region, three people died from enemy shelling in a day", "Donetsk region"),
    ("In Idlib province, five civilians died from regime shelling over the past day", "Idlib province"),
])
def test_a_days_shelling_of_a_region_is_one_strike(extractor, tmp_path, text, place):
    assert [m.place_text for m in strikes(extractor, tmp_path, text)] == [place]


def test_a_weeks_shelling_is_still_a_tally(extractor, tmp_path):
    text = "Four killed in shelling of Donetsk over past week - command"
    assert not strikes(extractor, tmp_path, text)


# ------------------------------------------------------------------ where the victim was


@pytest.mark.parametrize(("text", "place", "attacker"), [
    ("One DPR militiaman killed in shelling by Ukrainian forces - DPR defense ministry", "DPR", "UA"),
    ("Ukrainian military's shelling kills one LPR serviceman", "LPR", "UA"),
    ("Four DPR servicemen killed in shelling by Ukrainian troops", "DPR", "UA"),
])
def test_a_territory_on_the_victim_is_where_the_strike_fell(extractor, tmp_path, text, place, attacker):
    (mention,) = strikes(extractor, tmp_path, text)
    assert (mention.place_text, mention.attacker.country) == (place, attacker)


@pytest.mark.parametrize(("text", "place"), [
    ("Two Idlib fighters killed in Russian air strikes", "Idlib"),
    ("Three Gaza fishermen killed by Israeli naval shelling", "Gaza"),
])
def test_a_place_on_the_victim_is_where_the_strike_fell(extractor, tmp_path, text, place):
    assert [m.place_text for m in strikes(extractor, tmp_path, text)] == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("DPR forces shelled Avdiivka overnight", "Avdiivka"),
    ("Idlib rebels fired rockets at Hama, killing two", "Hama"),
])
def test_a_place_on_the_force_that_fired_is_no_strike_place(extractor, tmp_path, text, place):
    assert [m.place_text for m in strikes(extractor, tmp_path, text)] == [place]


def test_the_item_keeps_its_date(extractor, tmp_path):
    (mention,) = strikes(extractor, tmp_path, "Ukrainian military's shelling kills one LPR serviceman")
    assert mention.date == date(2019, 7, 15)


# ------------------------------------------------------------------ the victims' clause places the strike


@pytest.mark.parametrize(("text", "place"), [
    ("Two DPR militiamen killed in night shelling by Ukrainian forces - media", "DPR"),
    ("Four civilians killed in Kharkiv region due to enemy shelling", "Kharkiv region"),
    ("A couple died in Kherson Oblast - a shell hit their house", "Kherson Oblast"),
    ("Three children killed in Idlib as regime shells hit their school", "Idlib"),
])
def test_the_victims_place_is_the_strikes(extractor, tmp_path, text, place):
    assert [m.place_text for m in strikes(extractor, tmp_path, text)] == [place]


# ------------------------------------------------------------------ fire at a place, attack with a munition


@pytest.mark.parametrize(("text", "place"), [
    ("Invaders fired at Nikolaev at night, nine wounded", "Nikolaev"),
    ("Government forces fired on Tawila overnight", "Tawila"),
])
def test_fire_at_a_place_is_a_strike(extractor, tmp_path, text, place):
    assert [m.place_text for m in strikes(extractor, tmp_path, text)] == [place]


@pytest.mark.parametrize("text", [
    "Soldiers fired on protesters in Khartoum",
    "Police fired at the crowd outside the parliament in Kyiv",
])
def test_fire_at_people_is_no_strike(extractor, tmp_path, text):
    assert not strikes(extractor, tmp_path, text)


@pytest.mark.parametrize(("text", "place"), [
    ("The invaders attacked Odessa with three kamikaze drones, there is a dead", "Odessa"),
    ("Al Shabaab attacked Baidoa with mortars on Friday", "Baidoa"),
])
def test_an_attack_with_a_munition_is_a_strike(extractor, tmp_path, text, place):
    assert [m.place_text for m in strikes(extractor, tmp_path, text)] == [place]


# ------------------------------------------------------------------ an arm that strikes from afar destroyed


@pytest.mark.parametrize(("text", "place", "attacker"), [
    ("Russian artillery destroyed 9 pieces of equipment in the Kherson region in a day", "Kherson region", "RU"),
    ("Israeli aircraft destroyed a Hezbollah rocket launcher near Tyre", "Tyre", "IL"),
])
def test_an_arm_that_destroyed_something_struck(extractor, tmp_path, text, place, attacker):
    (mention,) = strikes(extractor, tmp_path, text)
    assert (mention.place_text, mention.attacker.country) == (place, attacker)


def test_fighters_that_destroyed_something_did_not_strike(extractor, tmp_path):
    assert not strikes(extractor, tmp_path, "IS fighters destroyed a checkpoint near Kirkuk")


# ------------------------------------------------------------------ whose munition: the attacker


@pytest.mark.parametrize(("text", "attacker"), [
    ("Ukrainian shelling kills one DPR militiaman - people's militia", "UA"),
    ("One DPR militiaman killed in shelling by Ukrainian forces - DPR defense ministry", "UA"),
    ("Militiaman killed as Kiev troops shell DPR settlements, says operational command", "UA"),
    ("Two children killed by Israeli shelling in Khan Younis", "IL"),
])
def test_the_owner_of_the_shelling_is_the_attacker(extractor, tmp_path, text, attacker):
    assert {m.attacker.country for m in strikes(extractor, tmp_path, text)} == {attacker}


@pytest.mark.parametrize(("text", "place", "attacker"), [
    ("Woman killed in Kiev's shelling of Zaitseve", "Zaitseve", None),
    ("Two killed in Moscow's bombing of Aleppo", "Aleppo", "RU"),
])
def test_a_city_that_owns_the_shelling_fired_it(extractor, tmp_path, text, place, attacker):
    (mention,) = strikes(extractor, tmp_path, text)
    assert mention.place_text == place
    assert (mention.attacker.country if mention.attacker else None) in (attacker, "UA")


@pytest.mark.parametrize(("text", "place"), [
    ("One civilian killed in Yasinovataya shelling - news agency", "Yasinovataya"),
    ("Five killed in Aleppo bombing, activists say", "Aleppo"),
])
def test_a_name_before_the_shelling_is_where_it_fell(extractor, tmp_path, text, place):
    assert [m.place_text for m in strikes(extractor, tmp_path, text)] == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("Donetsk militiaman killed in shelling by Ukrainian troops", "Donetsk"),
    ("Aleppo resident killed in regime shelling", "Aleppo"),
])
def test_a_headlines_first_word_on_the_victim_is_a_place(extractor, tmp_path, text, place):
    assert [m.place_text for m in strikes(extractor, tmp_path, text)] == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("Heavy shelling hits Idlib", "Idlib"),
    ("University building damaged by a strike in Mykolaiv", "Mykolaiv"),
    ("Post office hit by a missile strike in Odesa", "Odesa"),
])
def test_a_word_opening_a_headline_is_no_place_unless_on_a_victim(extractor, tmp_path, text, place):
    assert [m.place_text for m in strikes(extractor, tmp_path, text)] == [place]


@pytest.mark.parametrize(("text", "place"), [
    ('"DNR MP" was reportedly killed by the shelling in Donetsk.', "Donetsk"),
    ("DPR militiaman killed in Ukrainian shelling of Horlivka", "Horlivka"),
])
def test_a_place_named_beats_the_victims_territory(extractor, tmp_path, text, place):
    assert [m.place_text for m in strikes(extractor, tmp_path, text)] == [place]


@pytest.mark.parametrize("text", [
    '"DNR MP" was reportedly killed by the shelling in Donetsk.',
    "A Hamas commander was killed by the shelling in Rafah.",
])
def test_the_victim_killed_by_shelling_is_not_its_attacker(extractor, tmp_path, text):
    (mention,) = strikes(extractor, tmp_path, text)
    assert mention.attacker is None


# ------------------------------------------------------------------ a strike held against someone


@pytest.mark.parametrize("text", [
    "Kyiv points at Moscow over missile strike on village",
    "Damascus points at Ankara over drone strike on convoy",
    "Beirut points at Tel Aviv over drone strike",
])
def test_accuser_and_accused_are_no_place_of_the_strike(extractor, tmp_path, text):
    assert [m.place_text for m in strikes(extractor, tmp_path, text)] == []


@pytest.mark.parametrize(("text", "place"), [
    ("Damascus blames Israel for air strike near Homs", "Homs"),
    ("Kyiv accuses Moscow of shelling Kherson", "Kherson"),
    ("Residents blame the RSF for the shelling of El Fasher", "El Fasher"),
])
def test_a_strike_held_against_someone_keeps_its_own_place(extractor, tmp_path, text, place):
    assert [m.place_text for m in strikes(extractor, tmp_path, text)] == [place]


# ------------------------------------------------------------------ an air arm's own report


@pytest.mark.parametrize(("text", "place", "country"), [
    ("Russian Aerospace Forces destroyed a fuel depot near Izium", "Izium", "RU"),
    ("The Sudanese Air Force destroyed RSF vehicles near Nyala", "Nyala", "SD"),
    ("The Syrian Air Force destroyed terrorist positions in Idlib countryside",
     "Idlib countryside", "SY"),
])
def test_an_air_arm_that_destroyed_something_struck(extractor, tmp_path, text, place, country):
    (mention,) = strikes(extractor, tmp_path, text)
    assert (mention.place_text, mention.attacker.country) == (place, country)


@pytest.mark.parametrize("text", [
    "Government troops destroyed a rebel depot near Sirte",
    "Ukrainian forces destroyed a Russian depot in the Kharkiv region",
])
def test_ground_forces_that_destroyed_something_did_not_strike(extractor, tmp_path, text):
    assert not strikes(extractor, tmp_path, text)


# ------------------------------------------------------------------ a venue's name


@pytest.mark.parametrize(("text", "place"), [
    ("Shelling of Horlivka discussed at Minsk talks", "Horlivka"),
    ("Rebels to raise at Astana talks the regime's shelling of Douma", "Douma"),
    ("Shelling of Hodeidah breaches Stockholm agreement", "Hodeidah"),
])
def test_the_town_a_meeting_or_a_deal_is_named_after_is_no_strike_place(extractor, tmp_path, text, place):
    assert [m.place_text for m in strikes(extractor, tmp_path, text)] == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("Missile strike on Mariupol March 9 kills three", "Mariupol"),
    ("Shells hit Kharkiv rally of veterans", "Kharkiv"),
])
def test_a_month_or_a_venue_struck_after_a_town_keeps_it(extractor, tmp_path, text, place):
    assert [m.place_text for m in strikes(extractor, tmp_path, text)] == [place]


# ------------------------------------------------------------------ one province spelt two ways


@pytest.mark.parametrize("text", [
    "Russian shelling killed a man in Zaporizhzhia Oblast\nToll of shelling in Zaporizhzhia region rises to three",
    "Regime shelling killed a man in Idlib province\nToll of shelling in Idlib governorate rises to three",
])
def test_a_province_as_oblast_and_as_region_is_one_place(extractor, tmp_path, text):
    assert len(strikes(extractor, tmp_path, text)) == 1


@pytest.mark.parametrize("text", [
    "Russian shelling killed a man in Zaporizhzhia region\nToll of shelling in Zaporizhzhia region rises to three",
    "RSF shelling killed a man in El Fasher\nToll of shelling in El Fasher rises to three",
])
def test_a_later_toll_on_a_line_naming_no_attacker_raises_the_strikes_toll(extractor, tmp_path, text):
    (mention,) = strikes(extractor, tmp_path, text)
    assert mention.casualties.killed.min == 3
