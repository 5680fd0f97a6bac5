"""The ways every war reports a strike: feed items, captions, coders' notes, headlines and
article sentences from Ukraine, Syria, Yemen, Libya, Somalia, Sudan and Gaza, in active and
passive voice. Each rule is tested on sentences from two wars at least.

The sentences are written for these tests in the shape such reports take (incident logs'
one-line descriptions under a place title, coders' notes, headline lists); none is copied
from a corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from strikewatch.extract import Extractor
from strikewatch.extract.items import is_place_title
from strikewatch.geo import geocode_mentions
from strikewatch.models import Document, Segment


def item(text: str, *, title: str | None = None, published: str = "2022-03-01") -> Document:
    """A feed item or a log entry as ingest stores it: the title first, then the text."""
    parts = ([title] if title else []) + text.split("\n\n")
    segments, pos = [], 0
    for i, part in enumerate(parts):
        segments.append(Segment("title" if title and i == 0 else "body", pos, pos + len(part)))
        pos += len(part) + 2
    return Document(id="t", text="\n\n".join(parts), segments=tuple(segments), content_hash="t",
                    title=title, published=date.fromisoformat(published))


def places(extractor: Extractor, text: str, **kw) -> list[str]:
    return sorted(m.place_text for m in extractor.extract(item(text, **kw)).strikes)


# ---------------------------------------------------------------- munitions fired, landed, hitting


@pytest.mark.parametrize(("text", "place"), [
    ("Russian forces fired artillery at Kupiansk, Kharkiv, hitting civilian infrastructure.", "Kupiansk"),
    ("Houthi forces fired Katyusha rockets at Marib city, hitting a camp for displaced people.", "Marib city"),
    ("Al Shabaab fighters fired mortars at Mogadishu airport overnight.", "Mogadishu airport"),
])
def test_munition_fired_at_a_place_is_a_strike(extractor, text, place):
    assert place in places(extractor, text)


@pytest.mark.parametrize(("text", "place"), [
    ("A missile landed outside the medical centre in Benghazi on 23 June, shattering windows.", "Benghazi"),
    ("A barrage of Grad rockets fell on the market in Ariha.", "Ariha"),
    ("Two mortar shells landed near a school in Baidoa.", "Baidoa"),
])
def test_munition_landing_at_a_place_is_a_strike(extractor, text, place):
    assert place in places(extractor, text)


@pytest.mark.parametrize(("text", "title", "place"), [
    ("Civilian homes hit by artillery.", "Novoselivka Druha", "Novoselivka Druha"),
    ("Houses hit by artillery shells.", "Saada, Sahar district", "Saada, Sahar district"),
    ("Hospital struck by what appears to be cluster munitions.", "Khan Younis", "Khan Younis"),
])
def test_place_hit_by_a_munition_is_a_strike(extractor, text, title, place):
    assert places(extractor, text, title=title) == [place]


def test_a_weapon_system_is_no_place(extractor):
    assert "Grad" not in places(extractor, "Government forces fired Grad rockets at Tawergha.")


# ---------------------------------------------------------------- the passive of hitting


@pytest.mark.parametrize(("text", "place"), [
    ("Kharkiv tram depot struck.", "Kharkiv"),
    ("The humanitarian facility in Lysychansk was struck, with 40 people sheltering inside.", "Lysychansk"),
    ("A bakery in Idlib city was hit on Sunday morning.", "Idlib city"),
    ("Fire station hit in Sirte", "Sirte"),
])
def test_a_place_that_was_hit_is_a_strike(extractor, text, place):
    assert place in places(extractor, text)


@pytest.mark.parametrize("text", [
    "The checkpoint was attacked by militants in Mosul.",          # ground attack (Iraq)
    "Two soldiers were hit by sniper fire near Avdiivka.",          # sniper (Ukraine)
    "Gunmen opened fire on a checkpoint in Arish, killing a police sergeant.",  # shooting (Sinai)
    "Gunmen struck in Kidal overnight, killing two guards.",        # an armed group (Sahel)
])
def test_ground_fighting_and_shootings_are_no_strike(extractor, text):
    assert places(extractor, text) == []


# ---------------------------------------------------------------- short items


@pytest.mark.parametrize(("text", "place"), [
    ("MLRS strike on residential area in Kharkiv", "Kharkiv"),
    ("Strike on a school in Rafah", "Rafah"),
    ("Explosions in Irpin", "Irpin"),
    ("Explosions in Tripoli near the port", "Tripoli"),
    ("Shelling in Lozova", "Lozova"),
    ("Shelling in Kadugli", "Kadugli"),
])
def test_short_item_strike_and_explosion_words(extractor, text, place):
    assert places(extractor, text) == [place]


def test_in_an_article_a_strike_told_before_is_no_new_strike(extractor):
    filler = " ".join(["The ministry gave no further details of the diplomatic talks."] * 8)
    text = (f"{filler}\n\nThe Khan Sheikhun strike prompted Washington to act against the "
            f"government.\n\nTwenty people died in an explosion inside a mosque in the city of Ariha.")
    assert places(extractor, text) == []


# ---------------------------------------------------------------- the title names the place


@pytest.mark.parametrize(("title", "text"), [
    ("Kharkiv", "Aftermath of a strike on the veterinary university."),
    ("Markhalivka, Kyiv Region", "Residential buildings destroyed by shelling."),
    ("Taiz", "Aftermath of a strike on the central market."),
])
def test_a_place_title_places_a_text_that_names_none(extractor, title, text):
    assert places(extractor, text, title=title) == [title]


def test_the_text_place_beats_the_title(extractor):
    assert places(extractor, "Shelling of a school in Izium.", title="Kharkiv Oblast") == ["Izium"]


@pytest.mark.parametrize(("title", "is_place"), [
    ("Sloviansk, Donetsk Oblast", True),
    ("Kharkiv (Saltivka district)", True),
    ("Saada, Sahar district", True),
    ("Lysychans'k", True),
    ("Airstrikes Hit Aleppo", False),            # a headline in title case
    ("Russian Jets Pound Idlib", False),
    ("16/02/2022 Bombing of a pool in Mariupol", False),
    ("Houthis Fire Missiles at Jizan", False),
    ("Saudi-led Coalition", False),
])
def test_what_is_a_place_title(extractor, title, is_place):
    assert is_place_title(title, extractor.lex) is is_place


# ---------------------------------------------------------------- containers and dates


@pytest.mark.parametrize(("text", "place"), [
    ("Ukrainian forces fired 120mm mortars at positions near Horlivka, Donetsk.", "Horlivka"),
    ("Coalition aircraft struck Zinjibar, Abyan, on Tuesday.", "Zinjibar"),
])
def test_a_region_after_a_comma_is_the_container_not_a_second_strike(extractor, text, place):
    assert places(extractor, text) == [place]


def test_a_coders_note_is_dated_by_its_published_day(extractor):
    doc = item("Sudanese aircraft bombed Kadugli. 2 farmers died.", published="2016-06-29")
    assert [m.date for m in extractor.extract(doc).strikes] == [date(2016, 6, 29)]


@pytest.mark.parametrize(("text", "place"), [
    ("Children's hospital in Kharkiv damaged after shelling", "Kharkiv"),
    ("A school in Taiz damaged after shelling", "Taiz"),
    ("Post office building in Kherson damaged in reported overnight shelling.", "Kherson"),
])
def test_a_gerund_governs_its_clause(extractor, text, place):
    assert places(extractor, text) == [place]


@pytest.mark.parametrize(("title", "text"), [
    ("Shebekino, Belgorod Oblast, Russia", "Damaged residential buildings after reported shelling."),
    ("Kharkiv", "Damage to a school following a shelling."),
    ("Rafah, Gaza", "Damage to a tent camp following a shelling."),
])
def test_a_place_title_places_a_strike_whose_words_name_no_place(extractor, title, text):
    assert places(extractor, text, title=title) == [title]


# ---------------------------------------------------------------- headline lists and summaries


@pytest.mark.parametrize(("text", "place"), [
    ("Shelling kills two in centre of rebel city Donetsk: AFP", "Donetsk"),
    ("Shelling kills three in Taiz: hospital", "Taiz"),
])
def test_a_gerund_subject_governs_its_headline(extractor, text, place):
    assert places(extractor, text) == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("The invaders hit Pavlohrad with rockets: a woman was killed", "Pavlohrad"),
    ("Militants hit Kismayo with mortars overnight", "Kismayo"),
])
def test_a_place_hit_with_a_munition_is_a_strike(extractor, text, place):
    assert place in places(extractor, text)


@pytest.mark.parametrize(("text", "place"), [
    ("In the Kharkiv region, one person was killed, eight wounded from the shelling", "Kharkiv region"),
    ("In Hodeidah, two children died when shells hit their school", "Hodeidah"),
])
def test_a_place_opening_the_sentence_sets_its_scene(extractor, text, place):
    assert places(extractor, text) == [place]


@pytest.mark.parametrize(("text", "region"), [
    ("Hospital shelled in east Ukraine as calls mount for truce", "east Ukraine"),
    ("Market shelled in north Yemen as talks stall", "north Yemen"),
])
def test_a_direction_compounded_with_a_country_is_a_region(extractor, text, region):
    assert places(extractor, text) == [region]


@pytest.mark.parametrize(("text", "place"), [
    ("Two civilians wounded by shelling in DPR", "DPR"),
    ("Militiaman killed as Kiev troops shell DPR, says the militia", "DPR"),
    ("Israeli jets struck the southern suburbs of Damascus", "Damascus"),
    ("Israeli jets struck Damascus overnight, killing two", "Damascus"),
])
def test_a_force_named_after_its_land_or_seat_is_a_place_after_a_preposition(extractor, text,
                                                                             place):
    assert place in places(extractor, text)


def test_a_force_named_after_its_land_is_no_place_as_a_subject(extractor):
    assert "DPR" not in places(extractor, "DPR forces shelled Avdiivka")
    assert "Moscow" not in places(extractor, "Moscow denied that its jets bombed Idlib")


@pytest.mark.parametrize(("text", "absent"), [
    ("DPR serviceman killed in shelling by Kiev's forces", "Kiev"),
    ("Three militiamen wounded in shelling by Kiev troops", "Kiev"),
    ("Idlib rebels fired rockets at Hama.", "Idlib"),
])
def test_a_place_naming_a_force_is_no_strike_place(extractor, text, absent):
    assert absent not in places(extractor, text)


def test_a_civil_body_named_after_a_place_keeps_it(extractor):
    assert places(extractor, "Missile strike on Mykolaiv Regional State Administration building") == ["Mykolaiv"]


@pytest.mark.parametrize("text", [
    "Hospital agents went on strike in Bir El Hafey to protest against an assault on a colleague.",
    "Students at a secondary school in Arua district staged a violent strike protesting the closure of dormitories.",
    "Teachers went on strike in Aden over unpaid salaries.",
    "A man was injured following the explosion of a mine in a house in Ben Gardane.",
    "Two shepherds were killed by a mine explosion near Marib.",
])
def test_labour_strikes_and_mines_are_no_strike(extractor, text):
    assert places(extractor, text) == []


@pytest.mark.parametrize(("text", "place"), [
    ("Bombed residential area in Vrubivka, Luhansk Oblast", "Vrubivka"),   # a village, its oblast
    ("Shelled playground in Druzhkivka", "Druzhkivka"),
    ("Shelled market in Kafr Nabl", "Kafr Nabl"),                          # Syria
])
def test_a_strike_participle_places_the_noun_it_describes(extractor, text, place):
    assert places(extractor, text) == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("Damaged bus stop after shelling in Kharkiv", "Kharkiv"),
    ("Damaged bus stop after shelling in Hodeidah", "Hodeidah"),
])
def test_a_bus_stop_is_no_call_to_stop(extractor, text, place):
    assert places(extractor, text) == [place]


def test_a_call_for_an_end_to_the_bombings_is_no_strike(extractor):
    text = ("Russia last week vetoed a UN resolution drafted by France calling for an end to the "
            "bombings in Aleppo. " + "Diplomats said the talks would go on. " * 10)
    assert places(extractor, text) == []


@pytest.mark.parametrize(("text", "place"), [
    ("Aftermath of suicide drone strike in Kyiv", "Kyiv"),
    ("Suicide drone strike on a fuel depot in Sevastopol", "Sevastopol"),
])
def test_a_suicide_drone_is_a_munition(extractor, text, place):
    assert places(extractor, text) == [place]


def test_a_suicide_bombing_stays_no_strike(extractor):
    assert places(extractor, "A suicide bombing struck a market in Mogadishu.") == []


@pytest.mark.parametrize(("title", "text"), [
    ("Belgorod", "Impact in car park caught on CCTV."),
    ("Khan Younis", "Large detonation near the hospital."),
])
def test_impacts_and_detonations_in_short_items(extractor, title, text):
    assert places(extractor, text, title=title) == [title]


@pytest.mark.parametrize(("text", "place"), [
    ("An UAV strikes what appears to be a multistory apartment building in Kyiv", "Kyiv"),
    ("A Bayraktar struck a convoy near Tarhuna", "Tarhuna"),
])
def test_drones_by_their_names_are_aircraft(extractor, text, place):
    assert places(extractor, text) == [place]


def test_a_place_title_may_say_where_in_a_region(extractor):
    assert places(extractor, "Strike damaged residential buildings.", title="Dnipriany in Kherson") \
        == ["Dnipriany in Kherson"]


@pytest.mark.parametrize(("text", "place"), [
    ("Strike on a moving BMP near Yaremivka, Kharkiv Oblast", "Yaremivka, Kharkiv Oblast"),
    ("Shelling in Al-Husainiyah, Deir ez-Zor governorate", "Al-Husainiyah, Deir ez-Zor governorate"),
])
def test_a_village_the_gazetteer_lacks_keeps_its_container(extractor, text, place):
    assert places(extractor, text) == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("Heavy shelling in Donetsk, Donetsk Oblast", "Donetsk"),
    ("Heavy shelling in Idlib, Idlib province", "Idlib"),
])
def test_a_named_region_after_its_town_is_its_container(extractor, text, place):
    assert places(extractor, text) == [place]


def test_a_province_in_a_list_is_a_strike_place_of_its_own(extractor):
    assert places(extractor, "Airstrikes hit Aleppo, Idlib province and Hama.") == ["Aleppo", "Hama", "Idlib province"]


@pytest.mark.parametrize(("text", "place"), [
    ("Residential destruction in Odesa following shelling", "Odesa"),
    ("Destroyed homes in Saada following airstrikes", "Saada"),
])
def test_following_is_a_preposition_of_time(extractor, text, place):
    assert places(extractor, text) == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("Artillery craters in Kharkiv", "Kharkiv"),
    ("Shell craters in Deir al-Balah", "Deir al-Balah"),
    ("Shelled train station in Zaporizhzhia", "Zaporizhzhia"),
])
def test_craters_and_shelled_things_in_captions(extractor, text, place):
    assert places(extractor, text) == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("Hundreds protested in Khartoum against the RSF shelling of El Fasher.", "El Fasher"),
    ("Demonstrators rallied in Istanbul against Russian airstrikes on Idlib.", "Idlib"),
    ("A protest in London denounced the bombing of Gaza.", "Gaza"),
    ("At talks in Geneva, delegates discussed the shelling of Ghouta.", "Ghouta"),
])
def test_venues_of_protests_and_talks_are_no_strike_places(extractor, text, place):
    assert places(extractor, text) == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("Kharkiv — Aftermath of a strike on the veterinary university", "Kharkiv"),
    ("Aden – Houses damaged after shelling overnight", "Aden"),
])
def test_a_feed_items_lead_place_before_a_dash_places_it(extractor, text, place):
    assert places(extractor, text) == [place]


def test_a_lead_headline_before_a_dash_is_no_place(extractor):
    assert places(extractor, "Airstrikes continue — no word yet from the ministry") == []


def attackers(extractor: Extractor, text: str) -> list[str | None]:
    return [m.attacker.name if m.attacker else None
            for m in extractor.extract(item(text)).strikes]


@pytest.mark.parametrize(("text", "not_attacker"), [
    ("Heavy shelling of Russian positions near Bakhmut continued overnight.", "Russian Armed Forces"),
    ("Overnight air strikes of Houthi positions near Marib killed 20 fighters.", "Houthis (Ansar Allah)"),
])
def test_the_force_after_shelling_of_positions_is_the_target(extractor, text, not_attacker):
    found = attackers(extractor, text)
    assert found and not_attacker not in found


def test_a_force_after_of_that_names_no_struck_thing_is_still_the_attacker(extractor):
    assert attackers(extractor, "The bombing of Russian aviation hit Kharkiv overnight.") \
        == ["Russian Armed Forces"]


# ------------------------------------------------------------------------- landmarks at a distance


@pytest.mark.parametrize(("text", "place", "landmark"), [
    ("Several air strikes targeted militant positions near the city of Ajdabiya, 150 km south "
     "of Benghazi.", "Ajdabiya", "Benghazi"),
    ("Russian missiles hit Kramatorsk, about 20 km south of Sloviansk, on Tuesday.",
     "Kramatorsk", "Sloviansk"),
    ("Warplanes struck Saraqib, some 15 kilometres east of the city of Idlib.", "Saraqib",
     "Idlib"),
])
def test_a_landmark_a_place_is_measured_from_is_no_strike_place(extractor, text, place,
                                                               landmark):
    found = places(extractor, text)
    assert place in found and landmark not in found


def test_a_landmark_stays_the_place_when_the_text_names_no_other(extractor):
    assert places(extractor, "Warplanes struck a village 10 km south of Idlib.") == ["Idlib"]


# ------------------------------------------------------------------- who flies the unnamed air strike


def attacker_states(extractor: Extractor, text: str) -> list[str | None]:
    return [m.attacker.country if m.attacker else None
            for m in extractor.extract(item(text)).strikes]


@pytest.mark.parametrize(("text", "country"), [
    ("Three LNA soldiers were killed in clashes with militants near Derna. Several air strikes "
     "also targeted the militants near the city of Ajdabiya.", "LY"),
    ("Nigerian troops repelled a Boko Haram attack on Monguno. Air strikes later hit the "
     "group's camp near Maiduguri.", "NG"),
])
def test_an_unnamed_air_strike_is_the_one_named_states(extractor, text, country):
    assert attacker_states(extractor, text) == [country]


def test_two_states_named_leave_an_unnamed_air_strike_open(extractor):
    text = ("Russian and Syrian troops advanced on Khan Tuman. Air strikes hit rebel positions "
            "in the town of Saraqib.")
    assert attacker_states(extractor, text) == [None]


def test_an_unnamed_shelling_is_not_given_to_the_state_named(extractor):
    text = ("Two Somali soldiers were killed in an ambush near Afgooye. Mortar shells later "
            "landed on Baidoa.")
    assert attacker_states(extractor, text) == [None]


@pytest.mark.parametrize("text", [
    "Al Shabaab claims it has killed 6 KDF soldiers in an ambush attack on a base of Kenyan "
    "troops in Lamu.",
    "Al Shabaab claims it has killed 6 AMISOM soldiers in an ambush attack on a base of Ugandan "
    "troops in Afgooye.",
    "AQAP says it killed eight soldiers in an ambush attack on a convoy of Emirati troops in "
    "Zinjibar.",
])
def test_an_ambush_is_no_strike(extractor, text):
    assert places(extractor, text) == []


# --------------------------------------------------------------- coders' notes: forces and air support


@pytest.mark.parametrize(("text", "place"), [
    ("Military forces shelled Boko Haram positions in Damboa.", "Damboa"),
    ("Military forces shelled Houthi positions in Taiz, killing three.", "Taiz"),
])
def test_military_forces_are_the_territorys_state(extractor, text, place):
    [m] = extractor.extract(item(text)).strikes
    assert m.place_text == place and m.attacker is not None
    assert m.attacker.name == "state forces of the territory (pending)"


@pytest.mark.parametrize(("text", "place"), [
    ("Clashes between the LNA and BDB fighters near Ajdabiya, with LNA air support.", "Ajdabiya"),
    ("Clashes between SNA and Al Shabaab in Afgooye, with air support from AMISOM helicopters.",
     "Afgooye"),
    ("Ukrainian troops repelled an assault near Bakhmut with air support.", "Bakhmut"),
])
def test_a_battle_with_air_support_is_a_strike(extractor, text, place):
    assert places(extractor, text) == [place]


@pytest.mark.parametrize("text", [
    "The rebels advanced on Hama without air cover.",
    "Ukrainian troops advanced near Bakhmut with no air support.",
])
def test_air_support_that_did_not_come_is_no_strike(extractor, text):
    assert places(extractor, text) == []


def geocoded(extractor: Extractor, text: str) -> list[tuple[str, str | None]]:
    strikes = extractor.extract(item(text)).strikes
    return [(m.place_text, m.place.country if m.place else None)
            for m in geocode_mentions(strikes, extractor.gazetteer, document_text=text)]


def test_a_nationality_keeps_a_short_name_at_home(extractor):
    # "Ber" (a town near Timbuktu) is not Berlin, though "Malian" before the troops names
    # the attacker, not the place's country: a short name abroad that is only one of a
    # city's alternate names is vetoed
    assert geocoded(extractor, "Malian troops shelled jihadist positions in Ber.") \
        != [("Ber", "DE")]


def test_a_nationality_does_not_move_a_strike_abroad(extractor):
    # Kenyan jets strike in Somalia: the nationality is the attacker's, the town Somali
    assert geocoded(extractor, "Kenyan jets struck Al Shabaab camps in Buale.") == \
        [("Buale", "SO")]


@pytest.mark.parametrize(("text", "head", "country", "precision"), [
    # Kabkabiya is a town: in brackets before its state it is the locality of that seat
    ("SAF bombed Sortony (Kabkabiya, North Darfur). 2 farmers died.", "Sortony", "SD",
     "admin2"),
    ("Air strikes on Logomani (Ngala, Borno) killed 15.", "Logomani", "NG", "admin2"),
    ("Coalition airstrikes hit Al-Hussainiyah (Qaatabah, Ad Dali), killing four.",
     "Al-Hussainiyah", "YE", "admin2"),
    ("Russian artillery shelled Nova Dmytrivka (Kharkiv oblast).", "Nova Dmytrivka", "UA",
     "admin1"),
])
def test_a_place_written_with_its_units_in_brackets_is_one_strike(extractor, text, head,
                                                                 country, precision):
    strikes = extractor.extract(item(text)).strikes
    assert [m.place_text for m in strikes] == [head]
    [m] = geocode_mentions(strikes, extractor.gazetteer, document_text=text)
    assert (m.place.country, m.place.precision, m.place.unresolved_name) == \
        (country, precision, head)


def test_a_name_with_an_article_keeps_its_words_before_brackets(extractor):
    assert places(extractor, "Warplanes shelled Deir ez-Zor (Deir ez-Zor province) on Monday.") \
        == ["Deir ez-Zor"]


def test_an_acronym_in_brackets_is_no_container(extractor):
    text = "The Syrian Observatory for Human Rights (SOHR) said warplanes struck Idlib."
    assert places(extractor, text) == ["Idlib"]


@pytest.mark.parametrize(("text", "place"), [
    ("An explosion on the DKAD (Donetsk Bypass Road) south of Donetsk.", "Donetsk"),
    ("Mortar shells landed near MIA (Mogadishu International Airport) in Mogadishu.",
     "Mogadishu"),
])
def test_an_acronym_spelt_out_in_brackets_is_no_place_of_its_own(extractor, text, place):
    found = places(extractor, text)
    assert place in found and not any(p.isupper() for p in found)


@pytest.mark.parametrize(("text", "place", "country"), [
    # Egypt's forces at home (the Sinai insurgency) and abroad (its air raids on Derna, 2015)
    ("Egyptian military airstrikes killed 15 militants in Sheikh Zuweid, North Sinai.",
     "Sheikh Zuweid", "EG"),
    ("Egyptian warplanes struck IS positions in Derna, Libya.", "Derna", "LY"),
])
def test_egypts_forces_are_egypts_wherever_they_strike(extractor, text, place, country):
    [m] = geocode_mentions(extractor.extract(item(text)).strikes, extractor.gazetteer,
                           document_text=text)
    assert (m.place_text, m.place.country) == (place, country)
    assert (m.attacker.name, m.attacker.country) == ("Military Forces of Egypt", "EG")


@pytest.mark.parametrize(("text", "place"), [
    ("In the past 24 hours, the air force launched six offensives, two of which targeted IS "
     "positions in Sirte.", "Sirte"),
    ("The Myanmar air force launched two operations on Hpakant.", "Hpakant"),
    ("Syrian helicopters launched a new wave on Daraya, the opposition said.", "Daraya"),
])
def test_whatever_an_air_force_launches_is_a_strike(extractor, text, place):
    assert places(extractor, text) == [place]


@pytest.mark.parametrize("text", [
    "The army launched an offensive on Bakhmut.",
    "The RSF launched an offensive on El Fasher at dawn.",
])
def test_an_offensive_launched_by_ground_forces_is_no_strike(extractor, text):
    assert places(extractor, text) == []


@pytest.mark.parametrize("text", [
    "The governor said the targeted airbase had been providing air support for army operations "
    "against Islamic State east of Palmyra.",
    "Officials said the base would keep providing air support to troops near Kismayo.",
])
def test_a_role_of_providing_air_support_is_no_strike(extractor, text):
    assert places(extractor, text) == []


# ---------------------------------------------------------------- a village's two-word name


@pytest.mark.parametrize(("text", "pieces"), [
    ("Artillery impacts south of Zelena Dolyna", {"Zelena", "Dolyna"}),      # Ukraine
    ("Artillery impacts south of Ayn Tarma", {"Ayn", "Tarma"}),              # Syria
    ("Regime shelling of Ras Baalbek", {"Ras", "Baalbek"}),                  # Lebanon
])
def test_a_two_word_name_the_gazetteer_lacks_is_not_its_words(extractor, text, pieces):
    """Each word of these village names is also some other town's: the strike is not there."""
    assert not set(places(extractor, text)) & pieces


def test_a_list_that_lost_its_commas_is_still_split(extractor):
    text = "Airstrikes hit Aleppo Idlib and Homs on Sunday."
    assert places(extractor, text) == ["Aleppo", "Homs", "Idlib"]
