"""The faults noticed in the eleventh session and left alone then (issue 11), each written as a
case with the analyst's coding, its general cause fixed in the stage it belongs to, and each
fix pinned on a sentence of a second war (a third where the first two share a region). The
sentences are written for these tests in the shapes such reports take; none is copied from a
corpus. A case still wrong is a strict xfail with the reason.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from pg import db_url, postgres  # noqa: F401  (fixtures)
from test_fuse import document, put
from test_sweep_middle_east import read as read_settled
from test_sweep_sources import read

from strikewatch import counts
from strikewatch.fuse import fuse_pending, incident_records
from strikewatch.geo import geocode_json
from strikewatch.models import Range
from strikewatch.store import Store


def placed(extractor, text: str) -> list[tuple]:
    """(place as written, country, province, name kept unresolved) per strike."""
    return [(s.place, s.country, s.admin1, s.unresolved)
            for s in read(extractor, text, "2024-03-05").strikes]


# ------------------------------------------------- a town right before its province, comma lost


@pytest.mark.parametrize(("text", "want"), [
    # Syria: the gazetteer knows the town; it lies in the province after it
    ("Russian jets bombed a hospital in Sarmin Idlib province on Monday.",
     [("Sarmin Idlib province", "SY", "Idlib", None)]),
    # Yemen: the town and the province were two strikes
    ("Saudi-led coalition jets carried out an airstrike on Haydan Saada governorate.",
     [("Haydan", "YE", "Sa'dah", None)]),
    # Iraq: a village the gazetteer lacks is kept by name, coded to its province
    ("Turkish drones carried out shelling of Dibaga Erbil province on Monday.",
     [("Dibaga Erbil province", "IQ", "Arbil", "Dibaga")]),
    # Ukraine: a village name several oblasts share, settled by the oblast after it
    ("Russian shelling hit Novomykolaivka Zaporizhzhia oblast on Monday.",
     [("Novomykolaivka", "UA", "Zaporizhia", None)]),
    # Lebanon: the same shape
    ("Israeli jets struck Khiam Nabatieh governorate on Monday.",
     [("Khiam Nabatieh governorate", "LB", "Nabatiye", None)]),
])
def test_a_town_before_its_province_with_the_comma_lost_is_in_it(extractor, text, want):
    assert placed(extractor, text) == want


@pytest.mark.parametrize(("text", "want"), [
    # Syria: provinces side by side are a list, none the container of the one before
    ("Russian jets struck Idlib province Hama province and Aleppo province on Monday.",
     [("Idlib province", "SY", "Idlib", None), ("Hama province", "SY", "Hama", None),
      ("Aleppo province", "SY", "Aleppo", None)]),
    # Syria and Sudan: a province's own two-word name is not a town and a province
    ("Russian jets struck Deir ez-Zor province on Monday.",
     [("Deir ez-Zor province", "SY", "Deir ez-Zor", None)]),
    ("The SAF bombed North Darfur state on Monday.",
     [("North Darfur", "SD", "Northern Darfur", None)]),
])
def test_a_province_written_whole_is_not_split_into_a_town_and_a_province(extractor, text,
                                                                          want):
    assert placed(extractor, text) == want


@pytest.mark.parametrize(("name", "country", "town", "admin1"), [
    # Syria: a two-word province and a two-word town around the lost comma
    ("Hajin Deir ez-Zor province", "SY", "Hajīn", "Deir ez-Zor"),
    ("Kafr Nabl Idlib province", "SY", "Kafranbel", "Idlib"),
    # Iraq: the same shape
    ("Tal Afar Nineveh province", "IQ", None, "Ninawa"),
])
def test_a_name_written_with_its_province_the_comma_lost_is_checked_to_lie_there(
        name, country, town, admin1):
    out = geocode_json(name, country)
    assert (out["precision"], out["admin1"]) == ("point", admin1), out
    assert town is None or out["name"] == town
    assert "checked to lie in" in out["alternatives"][0]


# ------------------------------------------------------------------- a victim and her counted kin


@pytest.mark.parametrize(("text", "killed"), [
    ("An Israeli strike in Nabatieh killed a 45-year-old woman and her two sons.", 3),  # Lebanon
    ("An air strike killed a man and his three children in Saada.", 4),               # Yemen
    ("A Russian drone hit a car in Kherson, killing a woman and her two daughters.", 3),  # Ukraine
    ("A Russian drone killed a man and his son in Kherson.", 2),   # one relative, as before
    ("Five women and a child were killed in the shelling of El Fasher.", 6),          # Sudan
])
def test_a_victim_and_her_counted_kin_are_all_counted(text, killed):
    [count] = counts.find_casualties(text)
    assert (count.kind, count.range) == ("killed", Range(killed, killed))


# ---------------------------------------------------------------- drones launched at a showcase


@pytest.mark.parametrize("text", [
    # France: a manufacturer's product launch, no strike on Paris
    "The company launched new drones at the Paris air show.",
    # the Gulf: the same at an arms fair
    "Turkey's Baykar launched two new attack drones at the IDEX exhibition in Abu Dhabi on "
    "Monday.",
    # the UK: the same
    "The firm launched a loitering munition drone at the Farnborough airshow in July.",
])
def test_drones_launched_at_a_show_are_no_strike(extractor, text):
    assert placed(extractor, text) == []


@pytest.mark.parametrize(("text", "place"), [
    ("Hezbollah launched explosive drones at Metula on Monday.", "Metula"),       # Lebanon
    ("Russia launched Shahed drones at Odesa overnight.", "Odesa"),               # Ukraine
    # Yemen: a parade is a target, not a showcase
    ("The Houthis launched drones at a military parade in Aden, killing five soldiers.", "Aden"),
])
def test_drones_launched_at_a_place_are_still_a_strike(extractor, text, place):
    assert [p[0] for p in placed(extractor, text)] == [place]


# ------------------------------------------------------- a toll told again the day after the strike


def struck(extractor, text: str) -> list[tuple]:
    """(place as written, day, killed min, killed max) per strike."""
    return [(s.place, s.day, *s.killed) for s in read(extractor, text, "2024-03-05").strikes]


@pytest.mark.parametrize(("text", "want"), [
    # Lebanon: the day the toll rose is not a second strike's
    ("An Israeli strike hit a house in Tyre on Monday, killing four people. On Tuesday the "
     "death toll from Monday's strike on Tyre rose to 9, the health ministry said.",
     [("Tyre", "2024-03-04", 9, 9)]),
    # Ukraine: the same retelling
    ("A Russian missile hit Kharkiv on Monday, killing four people. On Tuesday the death toll "
     "from Monday's missile strike on Kharkiv rose to 9, the governor said.",
     [("Kharkiv", "2024-03-04", 9, 9)]),
    # Sudan: the same, the strike's day a weekday's possessive
    ("An RSF drone hit a market in El Fasher on Sunday, killing five people. On Monday the "
     "toll from Sunday's drone strike on El Fasher rose to 12, activists said.",
     [("El Fasher", "2024-03-03", 12, 12)]),
])
def test_a_toll_retold_on_a_later_day_keeps_the_strike_s_day(extractor, text, want):
    assert struck(extractor, text) == want


# ------------------------------------------------------------------------------------- attackers


def attacked(extractor, text: str) -> list[tuple]:
    """(place as written, country, attacker's registry name) per strike."""
    return [(s.place, s.country, s.attacker) for s in read(extractor, text, "2024-03-05").strikes]


@pytest.mark.parametrize(("text", "want"), [
    # Myanmar: "bombed" read as the participle of "the junta" ("the junta [that was] bombed")
    ("The junta bombed Demoso on Monday.",
     [("Demoso", "MM", "Myanmar Armed Forces (Tatmadaw)")]),
    ("The junta shelled Demoso on Monday.",
     [("Demoso", "MM", "Myanmar Armed Forces (Tatmadaw)")]),
    # Mali and Syria: the same bare subject of a ruling force
    ("The junta bombed Kidal on Monday.", [("Kidal", "ML", "Malian Armed Forces")]),
    ("The regime bombed Saraqeb on Monday.", [("Saraqeb", "SY", "Syrian Government Forces")]),
])
def test_a_bare_ruling_force_before_its_strike_verb_struck(extractor, text, want):
    assert attacked(extractor, text) == want


@pytest.mark.parametrize(("text", "want"), [
    # Syria: the parser made "rebel" and "shelling" two objects of "after"; the shelling of
    # Aleppo is the rebels', not the jets'
    ("Russian jets struck Idlib after rebel shelling of Aleppo.",
     [("Idlib", "SY", "Russian Armed Forces"), ("Aleppo", "SY", "Syrian rebels")]),
    ("Regime jets struck Saraqeb after rebel shelling of Aleppo.",
     [("Saraqeb", "SY", "Syrian Government Forces"), ("Aleppo", "SY", "Syrian rebels")]),
    # Nigeria: the same split, an insurgent group no name given
    ("Nigerian jets struck Gwoza after insurgent shelling of Maiduguri.",
     [("Gwoza", "NG", "Nigerian Armed Forces"),
      ("Maiduguri", "NG", "rebels (unidentified armed group)")]),
])
def test_the_other_side_s_shelling_after_a_strike_is_its_own(extractor, text, want):
    assert attacked(extractor, text) == want


@pytest.mark.parametrize(("text", "want"), [
    # Sudan: present-tense "fire" read as a noun of "fire drones", the sentence left verbless
    ("The RSF fire drones at Port Sudan.", [("Port Sudan", "SD", "RSF")]),
    ("Sudan's RSF fire drones at Port Sudan.", [("Port Sudan", "SD", "RSF")]),
    # Lebanon/Israel and Iraq: the same misparse
    ("Hezbollah fire drones at Metula.", [("Metula", "IL", "Hezbollah")]),
    ("The PMF fire drones at Erbil airport.", [("Erbil airport", "IQ", "PMF")]),
    # Yemen/Israel: parsed as a verb, read as before
    ("Houthis fire missiles at Eilat.", [("Eilat", "IL", "Houthis")]),
])
def test_present_tense_fire_read_as_a_noun_still_fires(extractor, text, want):
    assert attacked(extractor, text) == want


# ----------------------------------------------------------------------------------------- claims


def claimed(extractor, text: str) -> list[tuple]:
    """(kind, speaker's organisation, whom the claim is about) per claim."""
    return [(c.kind, c.org, c.about) for c in read(extractor, text, "2024-03-05").claims]


@pytest.mark.parametrize(("text", "want"), [
    # Lebanon/Israel: the accuser's own state, named in its words, is not whom it accuses; a
    # group accused is null (gold conventions)
    ("Israel's army blamed Hezbollah for the rocket strike.",
     [("accusation", "Israel Defense Forces", None)]),
    # Sudan: the same, the army accusing the RSF
    ("Sudan's army blamed the RSF for the drone strike on Port Sudan.",
     [("accusation", "Sudanese Armed Forces", None)]),
    # Ukraine: a state accused is the claim's subject
    ("Ukraine's air force blamed Russia for the missile strike on Odesa.",
     [("accusation", "Armed Forces of Ukraine", "RU")]),
])
def test_an_accusation_is_about_the_accused(extractor, text, want):
    assert claimed(extractor, text) == want


@pytest.mark.parametrize("text", [
    "Sudan's health ministry said the shelling of El Obeid killed 12 people.",
    "The Sudanese health ministry said 12 people were killed in the shelling of El Obeid.",
])
def test_sudan_s_health_ministry_is_a_registry_monitor(extractor, text):
    assert claimed(extractor, text) == [("casualties", "Federal Ministry of Health (Sudan)",
                                         None)]


@pytest.mark.parametrize(("text", "org"), [
    # Lebanon and Syria: the ministries the registry had, read as before
    ("Lebanon's health ministry said the strike on Nabatieh killed 12 people.",
     "Ministry of Public Health (Lebanon)"),
    ("Syria's health ministry said the shelling of Aleppo killed 12 people.",
     "Ministry of Health (Syria)"),
])
def test_other_health_ministries_keep_their_rows(extractor, text, org):
    assert [c[1] for c in claimed(extractor, text)] == [org]


# ----------------------------------------------------------------------------------------- places


@pytest.mark.parametrize(("text", "want"), [
    # Lebanon: a village GeoNames lacks, its two words once split and "Selm" put in Germany
    ("An Israeli strike on Majdal Selm killed two people.",
     [("Majdal Selm", "LB", "Nabatiye", None)]),
    # Sudan: a locality of Omdurman, not Karari in India
    ("The RSF shelled Karari, killing five people.", [("Karari", "SD", "Khartoum", None)]),
    # Myanmar: a Chin town GeoNames lacks, and Kokang's capital, not Lakang in Kachin
    ("Air strikes hit Mindat on Monday, killing three civilians.",
     [("Mindat", "MM", "Chin", None)]),
    ("The military bombed Laukkaing on Monday.", [("Laukkaing", "MM", "Shan", None)]),
    # Syria: the town, not the province its sentence names
    ("Regime shelling hit Kafr Nabudah in northern Hama.",
     [("Kafr Nabudah", "SY", "Hama", None)]),
    # Libya: a town "near" which the strike fell is still its place
    ("A drone strike near Zawiya killed three fighters.", [("Zawiya", "LY", "Az Zawiyah", None)]),
])
def test_places_the_gazetteer_lacked_or_misread(extractor, text, want):
    assert placed(extractor, text) == want


@pytest.mark.xfail(strict=True, reason="'Saadah' (Sa'dah, Yemen, with its final h) shares its "
                   "skeleton with the larger As-Suwayda (Syria) and Sada (Mayotte): with no "
                   "country, spellings abroad are kept as rivals on purpose (else 'Kupyan' became "
                   "Kupang) and the candidates are ranked by size, so the closest spelling is "
                   "doubted. Reading a spelling in the attacker's theatre, tried, went out with "
                   "the eval's fall it shared (ACLED Africa P 0.818 -> 0.750), and the Saudi-led "
                   "coalition's registry row lists no theatre but Saudi Arabia")
@pytest.mark.parametrize("text", [
    "Air strikes hit Saadah on Monday, killing five people.",
    "Saudi-led coalition jets bombed Saadah on Monday.",
])
def test_saadah_is_sa_dah(extractor, text):
    assert [p[1:3] for p in placed(extractor, text)] == [("YE", "Sa'dah")]


# ------------------------------------------------------------- some of the dead beside the toll


@pytest.fixture
def store(db_url):  # noqa: F811
    s = Store(db_url)
    yield s
    s.close()


def fused_tolls(extractor, store, reports: list[tuple[str, str]]) -> list[tuple]:
    """(fatalities min, max) of each incident the reports fuse into, one outlet a report."""
    for i, (outlet, text) in enumerate(reports):
        strikes, _ = read_settled(extractor, text)
        doc = document(f"r{i}", text, outlet, date(2024, 3, 5))
        put(store, doc, [replace(m, doc_id=doc.id) for m in strikes])
    fuse_pending(store)
    return [(r["fatalities"]["min"], r["fatalities"]["max"]) for r in incident_records(store)]


@pytest.mark.parametrize("reports", [
    # Lebanon: one outlet gives the toll, another only that a commander was among the dead
    [("Reuters", "An Israeli strike on a car in Nabatieh on Monday killed two people."),
     ("Al Mayadeen", "An Israeli strike hit a car in Nabatieh on Monday. At least one "
                     "Hezbollah commander was among the dead.")],
    # Somalia: the same with a US strike near Jilib
    [("AFP", "A US drone strike near Jilib on Monday killed two people."),
     ("Garowe Online", "A US drone strike hit a vehicle near Jilib on Monday. At least one "
                       "al-Shabaab commander was among the dead.")],
])
def test_some_of_the_dead_do_not_lower_another_report_s_toll(extractor, store, reports):
    assert fused_tolls(extractor, store, reports) == [(2, 2)]


def test_a_floor_a_report_states_is_still_the_low_end(extractor, store):
    # Ukraine: "at least 30" stated by one outlet, "45" by another: sources disagree
    reports = [("Ukrinform", "Russian missiles hit Kharkiv on Monday, killing at least 30 "
                             "people."),
               ("Reuters", "Russian missiles hit Kharkiv on Monday, killing 45 people.")]
    assert fused_tolls(extractor, store, reports) == [(30, 45)]


# ------------------------------------------------------------------ the coalition's own voice


@pytest.mark.parametrize(("text", "strike", "claim"), [
    # Yemen: "the coalition" there is the Saudi-led one, and so is its spokesman
    ("A coalition spokesman said the strikes hit Houthi positions in Sanaa.",
     ("Sanaa", "YE", "Saudi-led Coalition"), ("target", "Saudi-led Coalition", "SA")),
    # Syria and Iraq: the US-led coalition, which speaks through the Pentagon's releases
    ("A coalition spokesman said the strikes hit Islamic State positions in Raqqa.",
     ("Raqqa", "SY", "US-led Coalition"), ("target", "US Department of Defense", "US")),
    ("A coalition spokesman said its jets struck Islamic State positions near Mosul on Monday.",
     ("Mosul", "IQ", "US-led Coalition"), ("target", "US Department of Defense", "US")),
])
def test_a_coalition_spokesman_speaks_for_the_coalition_of_the_theatre(extractor, text,
                                                                       strike, claim):
    assert attacked(extractor, text) == [strike]
    assert claimed(extractor, text) == [claim]


@pytest.mark.parametrize(("text", "place", "attacker"), [
    ("Russian shelling hit Kupyansk on Monday.", "Kupyansk", "RU"),            # Ukraine
    ("Regime shelling killed two civilians in Idlib.", "Idlib", "SY"),          # Syria
])
def test_a_strike_noun_the_tagger_read_as_an_auxiliary_mid_sentence(extractor, text, place,
                                                                      attacker):
    """ "Russian shelling hit ...": the tagger reads "shelling" as an auxiliary of "hit", as it
    did for a sentence's first word ("Shelling hit a market"); no auxiliary is so spelt."""
    [strike] = read(extractor, text, "2024-05-10").strikes
    assert (strike.place, strike.attacker_country) == (place, attacker)


def test_a_group_named_before_a_strike_noun_read_as_an_auxiliary_struck(extractor):
    """ "Houthi shelling killed a child in Taiz" (Yemen) is parsed as the Houthis killing, the
    strike noun an auxiliary: the name before it is still its attacker, as for "RSF shelling
    killed" parsed with the noun hung on the name (Sudan)."""
    found = [read(extractor, text, "2024-05-10").strikes[0].attacker for text in (
        "Houthi shelling killed a child in Taiz.", "RSF shelling killed three in El Fasher.")]
    assert found == ["Houthis", "RSF"]
