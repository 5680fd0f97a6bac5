"""The faults noticed in the twelfth session and left alone then (issue 11), each written as a
case with the analyst's coding, its general cause fixed in the stage it belongs to, and each
fix pinned on a sentence of a second war (a third where the first two share a region). The
sentences are written for these tests in the shapes such reports take; none is copied from a
corpus. A case still wrong is a strict xfail with the reason.
"""

from __future__ import annotations

import pytest
from test_extract_wars import item
from test_sweep_sources import read

from strikewatch.counts import find_casualties


def civilians(extractor, text: str) -> list[tuple]:
    """(killed, civilians among them) per strike, as (min, max) pairs."""
    found = extractor.extract(item(text, published="2024-03-05")).strikes
    return [((s.casualties.killed.min, s.casualties.killed.max),
             (s.casualties.civilians_killed.min, s.casualties.civilians_killed.max))
            for s in found]


# ------------------------------------------------ "mostly women and children": most, no figure


@pytest.mark.parametrize(("text", "want"), [
    # the Sahel: most of nine is five at least
    ("Rebel shelling of the market in Kidal killed 9 people, mostly women and children.",
     [((9, 9), (5, 9))]),
    # Myanmar: a floor of the toll, half of it rounded up
    ("A junta airstrike on a school in Sagaing killed at least 10 people, most of them children.",
     [((10, None), (5, None))]),
    # Yemen: a range, and the sub-count after the verb of a passive toll
    ("Between 8 and 14 people were killed, mostly civilians, in a coalition air raid on Saada.",
     [((8, 14), (4, 14))]),
])
def test_most_of_a_toll_named_civilian_is_at_least_half_of_it(extractor, text, want):
    assert civilians(extractor, text) == want


@pytest.mark.parametrize("text", [
    # Somalia: most of them fighters: no civilians said
    "A US airstrike near Jilib killed 12 people, mostly al-Shabaab fighters.",
    # Ukraine: "mostly" says where, not who
    "Russian shelling of Kherson killed 10 people, mostly in the central market.",
])
def test_most_of_a_toll_not_named_civilian_gives_no_civilians(extractor, text):
    assert [c for _, c in civilians(extractor, text)] == [(None, None)]


@pytest.mark.parametrize(("text", "want"), [
    # Yemen and Gaza: a figure of civilians after the verb of a passive toll
    ("Seven people were killed, including two children, in the strike on Marib.", (2, 2)),
    ("Eleven people were killed, among them four women, in Rafah.", (4, 4)),
])
def test_a_sub_count_after_a_passive_verb_names_the_civilians(text, want):
    (count,) = find_casualties(text)
    assert (count.civilians.min, count.civilians.max) == want


# ------------------------------------------- the other side's fire in a clause after "after"


def attackers(extractor, text: str) -> list[tuple]:
    """(place as written, attacker's registry name) per strike."""
    return [(s.place, s.attacker) for s in read(extractor, text, "2024-03-05").strikes]


@pytest.mark.parametrize(("text", "want"), [
    # Gaza: the rocket fire on Sderot is no Israeli strike
    ("Israeli jets struck Khan Younis after militant rocket fire on Sderot, killing three people.",
     [("Khan Younis", "Israel Defense Forces"), ("Sderot", None)]),
    # Ukraine: the drones on Belgorod are not Russia's
    ("Russian missiles hit Kharkiv after drone attacks on Belgorod, killing two people.",
     [("Kharkiv", "Russian Armed Forces"), ("Belgorod", None)]),
    # Yemen: no force named on the fire after "after"
    ("Saudi-led coalition jets bombed Saada after missile fire on Jizan.",
     [("Saada", "Saudi-led Coalition"), ("Jizan", None)]),
    # Yemen: a clause with a verb of its own that names no force may go on with the main
    # one's ("... while an army unit eliminated ISIS gatherings in" a second place), so the
    # main verb still places its force at Jizan
    pytest.param("Saudi-led coalition jets bombed Saada as missiles hit Jizan.",
                 [("Saada", "Saudi-led Coalition"), ("Jizan", None)],
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "a subordinate clause with its own verb and an unowned munition for "
                     "subject is read as the main force's: Jizan is given to the coalition"))),
])
def test_a_strike_in_a_clause_after_another_is_not_the_main_clause_force_s(extractor, text,
                                                                           want):
    assert attackers(extractor, text) == want


@pytest.mark.parametrize(("text", "want"), [
    # Syria: a clause joined by "and" goes on with the same force
    ("Russian jets struck Idlib on Monday and they bombed Maarat al-Numan.",
     [("Idlib", "Russian Armed Forces"), ("Maarat al-Numan", "Russian Armed Forces")]),
    # Yemen: the other side named in its clause keeps its own attacker
    ("Saudi-led coalition jets bombed Saada after Houthi missile fire on Jizan.",
     [("Saada", "Saudi-led Coalition"), ("Jizan", "Houthis")]),
])
def test_a_clause_that_names_its_force_or_goes_on_with_the_same_keeps_it(extractor, text,
                                                                          want):
    assert attackers(extractor, text) == want


# --------------------------------------------- a strike told under a speaker's modal clause


@pytest.mark.parametrize(("text", "place", "attacker", "killed"), [
    # Gaza: the strike in the "after" clause is told as done
    ("Hamas said it would keep fighting after the Israeli strikes on Khan Younis killed 12 "
     "people.", "Khan Younis", "Israel Defense Forces", (12, 12)),
    # Ukraine
    ("Kyiv said it would respond after Russian missile strikes on Odesa killed five people.",
     "Odesa", "Russian Armed Forces", (5, 5)),
    # Yemen: "because"
    ("The Houthis said they would retaliate because Saudi air strikes on Saada killed nine "
     "people.", "Saada", "Saudi-led Coalition", (9, 9)),
])
def test_a_strike_told_as_done_under_a_modal_is_a_strike(extractor, text, place, attacker,
                                                          killed):
    assert [(s.place, s.attacker, s.killed)
            for s in read(extractor, text, "2024-03-05").strikes] == [(place, attacker, killed)]


@pytest.mark.parametrize("text", [
    # Ukraine and the Sahel: "if" keeps the strike hypothetical
    "Kyiv said it would respond if Russian missile strikes on Odesa killed civilians.",
    "The army said it would strike Kidal if the rebels attacked the base.",
])
def test_a_strike_under_if_stays_hypothetical(extractor, text):
    assert read(extractor, text, "2024-03-05").strikes == []


# --------------------------------------------------------- "per day" in a day's machine report


@pytest.mark.parametrize(("text", "want"), [
    # Ukraine (Dnipropetrovsk, Kherson): "за добу", the past day, translated "per day"
    ("The enemy shelled Nikopol 12 times per day, killing two people, the regional governor "
     "said.", [("Nikopol", (2, 2))]),
    ("Russian troops shelled Kherson 40 times per day, one person was killed, the regional "
     "military administration said.", [("Kherson", (1, 1))]),
])
def test_times_per_day_is_a_day_s_report_not_a_rate(extractor, text, want):
    found = read(extractor, text, "2024-03-05")
    assert [(s.place, s.killed) for s in found.strikes] == want
    assert [c.kind for c in found.claims] == ["casualties"]


@pytest.mark.parametrize("text", [
    # Syria: a rate of sorties stays a campaign
    "Russia is carrying out 60 airstrikes per day in Syria, killing dozens of civilians.",
    # Yemen: a rate of dead over a period stays a statistic
    "Coalition air strikes killed 10 civilians per day in Hodeidah, a monitor said.",
])
def test_a_rate_per_day_is_still_no_strike(extractor, text):
    assert read(extractor, text, "2024-03-05").strikes == []


# ----------------------------------------------- a town spelt otherwise before its province


@pytest.mark.parametrize(("text", "want"), [
    # Sudan: "Um" the tagger calls an interjection, the town GeoNames spells Umm Ruwaba
    ("The RSF shelled Um Rawaba North Kordofan state on Tuesday.",
     [("Um Rawaba", "SD", "Shamal Kurdufan", None)]),
    ("The RSF shelled Um Rawaba, North Kordofan state on Tuesday.",
     [("Um Rawaba", "SD", "Shamal Kurdufan", None)]),
    ("Artillery shelling hit Um Rawaba in North Kordofan.",
     [("Um Rawaba", "SD", "Shamal Kurdufan", None)]),
    # Syria: GeoNames' Tall Rif'at, its province after it
    ("Turkish drones struck Tal Rifaat Aleppo province on Monday.",
     [("Tal Rifaat", "SY", "Aleppo", None)]),
    # Libya: a town's district named with a city's noun is no province to split off
    ("LNA jets bombed Bani Waleed Misrata district on Friday.",
     [("Bani Waleed Misrata district", "LY", "Misratah", None)]),
])
def test_a_town_spelt_otherwise_before_its_province_is_placed_in_it(extractor, text, want):
    assert [(s.place, s.country, s.admin1, s.unresolved)
            for s in read(extractor, text, "2024-03-05").strikes] == want




# ------------------------------------------ a province's seat named as its province is


@pytest.mark.parametrize(("text", "precision", "admin1"), [
    # Lebanon: GeoNames calls the town Nabatiye et Tahta
    ("Israeli jets struck Nabatieh on Monday.", "point", "Nabatiye"),
    ("Israeli jets struck Nabatieh governorate on Monday.", "admin1", "Nabatiye"),
    # Syria, Ukraine, Yemen, Sudan: the namesakes stay the cities
    ("Russian jets struck Idlib on Monday.", "point", "Idlib"),
    ("Russian jets struck Hama on Monday.", "point", "Hama"),
    ("Russian missiles hit Kherson on Monday.", "point", "Kherson"),
    ("Russian missiles hit Kharkiv on Monday.", "point", "Kharkiv"),
    ("Coalition jets struck Saada on Monday.", "point", "Sa'dah"),
    ("Houthi missiles hit Marib on Monday.", "point", "Ma'rib"),
    ("RSF drones struck Kassala on Monday.", "point", "Kassala"),
])
def test_a_city_beats_its_namesake_province_when_no_province_is_named(extractor, text,
                                                                      precision, admin1):
    [strike] = read(extractor, text, "2024-03-05").strikes
    assert (strike.precision, strike.admin1) == (precision, admin1)


# ----------------------------------------------------- an accusation is no target and no voice


def claims_and_targets(extractor, text: str) -> tuple[list[tuple], list[tuple]]:
    """(kind, organisation, about) per claim and (place, targets) per strike."""
    found = read(extractor, text, "2024-03-05")
    return ([(c.kind, c.org, c.about) for c in found.claims],
            [(s.place, s.targets) for s in found.strikes])


@pytest.mark.parametrize(("text", "claims", "strikes"), [
    # the DRC: the accused group and state struck, they were not hit; the state is whose
    # strikes the accusation is about
    ("A drone struck Goma airport on Monday, the Congolese army said, accusing the M23 rebels "
     "and Rwanda of the attack.",
     [("accusation", "Armed Forces of the Democratic Republic of the Congo", "RW")],
     [("Goma airport", ())]),
    # Sudan: a group accused: no state's strikes (gold conventions)
    ("A drone struck a market in El Fasher on Monday, the army said, blaming the RSF for the "
     "attack.", [("accusation", None, None)], [("El Fasher", ("infrastructure",))]),
])
def test_a_speaker_accusing_a_force_makes_an_accusation_not_a_target(extractor, text, claims,
                                                                     strikes):
    assert claims_and_targets(extractor, text) == (claims, strikes)


def test_a_voice_accusing_others_tells_of_no_strike_of_its_own(extractor):
    # the Sahel: the army's voice blames the rebels: the strike is not the army's
    found = read(extractor, "Shelling hit a market in Kidal on Monday, the Malian army said, "
                            "accusing the rebels of the attack.", "2024-03-05")
    assert [s.attacker_country for s in found.strikes] == [None]
    assert [(c.kind, c.about) for c in found.claims] == [("accusation", None)]


# ------------------------------------------------------------ a speaker's name and its key


def speakers(extractor, text: str) -> list[tuple[str, str]]:
    """(name shown, key) per speaker of the text's first sentence."""
    from strikewatch.extract.state import DocState

    found = extractor.reader.speakers.attributions(DocState(item(text), None),
                                                   extractor.nlp(text))
    return [(a.text, a.key) for a in found]


@pytest.mark.parametrize(("text", "want"), [
    # Libya, South Sudan, Yemen: a body named by the country it works in keeps it
    ("The UN mission in Libya said an airstrike hit Zawiya on Monday.", "The UN mission in Libya"),
    ("The UN mission in South Sudan said an airstrike hit Nasir on Monday.",
     "The UN mission in South Sudan"),
    ("The WHO office in Yemen said an air strike hit a hospital in Saada.",
     "The WHO office in Yemen"),
    # Sudan: a source's province is its seat, kept with it as before
    ("A medical source in White Nile state said shelling hit Kosti on Monday.",
     "A medical source in White Nile state"),
])
def test_a_body_named_by_its_country_keeps_it_in_its_name(extractor, text, want):
    assert [name for name, _ in speakers(extractor, text)] == [want]


@pytest.mark.parametrize(("short", "long"), [
    # Myanmar, Syria, Sudan: an acronym with its article is the body its long name is
    ("The NUG said junta jets bombed a school.",
     "The National Unity Government said junta jets bombed a school."),
    ("The SOHR said Russian jets struck Idlib.",
     "The Syrian Observatory for Human Rights said Russian jets struck Idlib."),
    ("The RSF said drones struck Nyala.", "The Rapid Support Forces said drones struck Nyala."),
])
def test_a_body_s_acronym_and_its_name_are_one_speaker(extractor, short, long):
    assert [k for _, k in speakers(extractor, short)] == [k for _, k in speakers(extractor, long)]


# ------------------------------------------------------------------ feed items: title, outlet


_AGGREGATED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Conflict wire</title>
<item><title>Russian missiles hit apartment block in Kharkiv</title>
<link>https://wire.example.org/1</link><pubDate>Fri, 24 May 2024 10:00:00 GMT</pubDate>
<source url="https://outlet.example.org/rss">Kyiv Independent</source></item>
<item><title>Drone strike hits market in El Fasher</title>
<description>At least nine people were killed, medics said.</description>
<link>https://wire.example.org/2</link><pubDate>Fri, 24 May 2024 11:00:00 GMT</pubDate></item>
<item><title>Opinion</title>
<link>https://wire.example.org/3</link><pubDate>Fri, 24 May 2024 12:00:00 GMT</pubDate></item>
</channel></rss>"""

_AGGREGATED_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Sahel digest</title><id>urn:digest</id>
<updated>2024-05-24T10:00:00Z</updated>
<entry><title>Drone strike on a wedding in Tillaberi kills 20</title><id>urn:digest:1</id>
<updated>2024-05-24T10:00:00Z</updated><link href="https://digest.example.org/1"/>
<source><id>urn:outlet</id><title>Sahel Daily</title><updated>2024-05-24T09:00:00Z</updated></source>
</entry></feed>"""


def test_a_feed_item_that_is_only_its_title_is_read_and_a_bare_word_is_not(tmp_path):
    from strikewatch.ingest import IngestOptions, read_inputs

    path = tmp_path / "wire.rss"
    path.write_text(_AGGREGATED)
    items = list(read_inputs([str(path)], IngestOptions()))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Rejection"]
    assert items[0].title == "Russian missiles hit apartment block in Kharkiv"
    assert "nothing longer than a heading" in items[2].reason


@pytest.mark.parametrize(("name", "feed", "outlets"), [
    # RSS <source>: a Ukrainian outlet's item in a wire; the wire's own item keeps its title
    ("wire.rss", _AGGREGATED, ["Kyiv Independent", "Conflict wire"]),
    # Atom <source>: a Sahel outlet's entry in a digest
    ("digest.atom", _AGGREGATED_ATOM, ["Sahel Daily"]),
])
def test_another_outlet_s_item_in_a_feed_is_that_outlet_s(tmp_path, name, feed, outlets):
    from strikewatch.ingest import IngestOptions, read_inputs

    path = tmp_path / name
    path.write_text(feed)
    docs = [i for i in read_inputs([str(path)], IngestOptions()) if hasattr(i, "source")]
    assert [d.source for d in docs] == outlets
