"""A war sweep of Africa and Asia (issue 11): Sudan, South Sudan, Somalia, the Sahel, Nigeria,
Ethiopia, the DR Congo, Libya, Myanmar, Pakistan and Afghanistan, read through extraction,
geocoding and the settling of attackers as the pipeline runs them (pipeline.extract_page).

The sentences are written for these tests in the shapes such reports take (wire leads,
headlines, one-line feed items, coders' notes, statements, denials, recalled strikes, funerals
and talks that are no strikes); none is copied from a corpus. Each case gives what a careful
analyst would code. A case strikewatch still gets wrong is marked ``xfail(strict=True)`` with
the reason, so that the record stays honest and a fix shows as an XPASS.

The rules these cases found are tested below the table on a sentence of the war that found
them and on one of another war.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from test_extract_wars import item

from strikewatch.actors import settle_attackers
from strikewatch.extract import Extractor
from strikewatch.geo import geocode_mentions
from strikewatch.models import StrikeMention


@dataclass(frozen=True)
class Coded:
    """What the sweep checks of one strike: the place as written, where it was coded, who
    struck and the toll."""

    place: str | None
    country: str | None
    admin1: str | None
    precision: str | None
    unresolved: str | None
    attacker: str | None
    killed: tuple[int | None, int | None]


def coded(extractor: Extractor, text: str, published: str = "2024-05-10",
          title: str | None = None) -> list[Coded]:
    """The strikes of one item as the pipeline leaves them: extracted, geocoded, settled."""
    strikes = extractor.extract(item(text, title=title, published=published)).strikes
    placed = geocode_mentions(strikes, extractor.gazetteer, document_text=text) if strikes else []
    return [_coded(m) for m in settle_attackers(placed)]


def _coded(m: StrikeMention) -> Coded:
    p, k = m.place, m.casualties.killed
    return Coded(m.place_text, p.country if p else None, p.admin1 if p else None,
                 p.precision if p else None, p.unresolved_name if p else None,
                 m.attacker.code if m.attacker else None, (k.min, k.max))


def case(cid: str, text: str, published: str, *, country: str | None = None,
         attacker: str | None = None, killed: tuple[int | None, int | None] | None = None,
         admin1: str | None = None, precision: str | None = None, unresolved: str | None = None,
         count: int = 1, title: str | None = None, fails: str | None = None):
    """One sweep item and its analyst's coding; ``count`` 0 for an item that is no strike."""
    want = dict(country=country, attacker=attacker, killed=killed, admin1=admin1,
                precision=precision, unresolved=unresolved)
    marks = [pytest.mark.xfail(reason=fails, strict=True)] if fails else []
    return pytest.param(text, published, title, count, want, id=cid, marks=marks)


SWEEP = [
    # ------------------------------------------------------------------ Sudan, South Sudan
    case("sd-rsf-drone-hospital",
         "A drone strike by the Rapid Support Forces hit the Saudi Hospital in El Fasher on "
         "Friday, killing at least 19 patients and wounding 12 others, the World Health "
         "Organization said.", "2024-05-10",
         country="SD", attacker="RSF", killed=(19, None), precision="point"),
    case("sd-saf-market-nyala",
         "Sudanese army warplanes bombed a market in Nyala, South Darfur, on Monday, killing at "
         "least 25 civilians, according to local activists.", "2024-02-07",
         country="SD", attacker="SD", killed=(25, None), admin1="Southern Darfur"),
    case("sd-rsf-shelled-camp",
         "The RSF shelled the Abu Shouk camp in El Fasher, killing 8 displaced people, the Sudan "
         "Doctors Network said.", "2024-08-15",
         country="SD", attacker="RSF", killed=(8, 8)),
    case("sd-rsf-district-possessive",
         "Artillery fire by the paramilitary RSF killed at least 15 people in Omdurman's Karari "
         "district on Tuesday, the health ministry said.", "2024-09-20",
         country="SD", attacker="RSF", killed=(15, None)),
    case("sd-saf-range-province",
         "An air strike by the Sudanese Armed Forces on a village in North Kordofan killed "
         "between 10 and 15 civilians, a local resistance committee said.", "2024-10-03",
         country="SD", attacker="SD", killed=(10, 15), precision="admin1"),
    case("sd-the-army-nyala", "The army carried out air strikes on Nyala on Thursday.",
         "2024-03-01", country="SD", attacker="SD"),
    case("sd-saf-coders-note", "Sudan: SAF aircraft bombed Kutum (North Darfur). 6 civilians "
         "killed, 11 injured.", "2024-06-10", country="SD", attacker="SD", killed=(6, 6)),
    case("sd-shelling-hit-hospital",
         "Shelling hit the Al-Nao Hospital in Omdurman on Sunday, killing four people and "
         "injuring 17, Medecins Sans Frontieres said.", "2024-07-21",
         country="SD", killed=(4, 4)),
    case("sd-talks-jeddah", "Sudanese peace talks resumed in Jeddah on Saturday with delegations "
         "from the army and the RSF.", "2023-10-28", count=0),
    case("sd-passive-agent",
         "El Fasher was hit by RSF shelling overnight, local activists said, killing at least "
         "seven.", "2024-06-01", country="SD", attacker="RSF", killed=(7, None)),
    case("sd-feed-drone", "Drone strike in Wad Madani", "2024-12-02", country="SD"),
    case("sd-feed-shelling", "Shelling in El Obeid", "2024-12-02", country="SD"),
    case("sd-funeral", "Funerals were held in Khartoum on Saturday for the victims of Friday's "
         "air strike.", "2024-03-09", count=0,
         fails="a funeral's place is taken for the place of the strike it mourns"),
    case("sd-protest-london", "Protesters gathered outside the Sudanese embassy in London to "
         "denounce the RSF's attacks on El Fasher.", "2024-05-20", count=0),
    case("sd-held-town",
         "Sudanese army drone strikes hit the RSF-held town of Al-Jazirah's Rufaa, killing "
         "civilians.", "2024-11-22", country="SD", attacker="SD"),
    case("ss-helicopters-upper-nile",
         "South Sudanese army helicopters bombed Nasir town in Upper Nile state, killing at "
         "least 12 civilians, the SPLM-IO said.", "2025-03-18",
         country="SS", attacker="SS", killed=(12, None), admin1="Upper Nile"),
    # ------------------------------------------------------------------ Ethiopia
    case("et-drone-bus-station",
         "Ethiopian military drone strike kills 30 at a bus station in Amhara region's Finote "
         "Selam town.", "2023-08-14", country="ET", attacker="ET", killed=(30, 30),
         admin1="Amhara"),
    case("et-endf-zone",
         "A drone strike by the Ethiopian National Defense Force hit a school in Bure, West "
         "Gojjam zone, killing at least 13 people, residents said.", "2024-04-05",
         country="ET", attacker="ET", killed=(13, None)),
    case("et-village-tigray",
         "An air strike on a market in Togoga village, Tigray, killed at least 51 people, "
         "health workers said.", "2021-06-23",
         country="ET", killed=(51, None), precision="admin1"),
    case("et-camp-in-village",
         "Drone strike on an IDP camp in Dedebit, northwest Tigray, killed 56 people, aid "
         "workers said.", "2022-01-08", country="ET", killed=(56, 56), admin1="Tigray",
         unresolved="Dedebit"),
    case("et-accused-federal",
         "Fano militia accused the federal government of drone strikes that killed 11 "
         "civilians in Mekane Selam, South Wollo.", "2024-02-20",
         country="ET", attacker="ET", killed=(11, 11)),
    case("et-town-of",
         "An air strike on the Ethiopian town of Adi Daero, North Western zone of Tigray, "
         "killed 9 civilians.", "2021-12-08", country="ET", killed=(9, 9), admin1="Tigray",
         unresolved="Adi Daero"),
    # ------------------------------------------------------------------ Myanmar
    case("mm-village-region",
         "Myanmar military airstrike on Pazigyi village in Sagaing region kills over 100 "
         "people, including children, witnesses said.", "2023-04-11",
         country="MM", attacker="MM", unresolved="Pazigyi"),
    case("mm-monastery-township",
         "Junta jets bombed a monastery in Let Yet Kone village, Tabayin township, killing at "
         "least 13 people, mostly children.", "2022-09-17",
         country="MM", attacker="MM", killed=(13, None),
         fails="neither Let Yet Kone nor Tabayin township is in the gazetteer and the sentence "
               "names no region: the strike stays unplaced (no longer Kone, New Caledonia)"),
    case("mm-tatmadaw-school", "The Tatmadaw carried out air strikes on a school in Depayin "
         "township, Sagaing region, killing 11 children, the National Unity Government said.",
         "2022-09-18", country="MM", attacker="MM", killed=(11, 11), admin1="Sagain"),
    case("mm-said-state",
         "The Arakan Army said military jets bombed a hospital in Mrauk-U, Rakhine State, on "
         "Wednesday, killing 10 patients.", "2024-01-24",
         country="MM", attacker="MM", killed=(10, 10), precision="point"),
    case("mm-camp-kachin",
         "Myanmar's air force struck a camp for displaced people in Laiza, Kachin State, near "
         "the headquarters of the Kachin Independence Army, killing 29 people.", "2023-10-10",
         country="MM", attacker="MM", killed=(29, 29), admin1="Kachin", precision="point"),
    case("mm-came-under-air-attack",
         "TNLA and MNDAA fighters came under air attack in Lashio, northern Shan State, "
         "according to local media.", "2024-07-28", country="MM"),
    case("mm-funeral-strike", "A junta air strike hit a funeral in Kanbalu township, killing "
         "17 PDF members and civilians.", "2024-11-02", country="MM", attacker="MM",
         killed=(17, 17)),
    case("mm-knu-said", "The KNU said military aircraft dropped bombs on Kawkareik, Kayin State, "
         "on Tuesday night.", "2024-03-12", country="MM", attacker="MM", precision="point"),
    case("mm-resistance-rockets", "Resistance forces shelled the junta's base in Hpakant with "
         "107mm rockets.", "2024-06-03", country="MM", attacker="PDF"),
    case("mm-village-township-state",
         "Airstrikes by the Myanmar military killed 7 villagers in Ywar Thit village, Mindat "
         "township, Chin State, on Sunday, local media said.", "2024-05-06",
         country="MM", attacker="MM", killed=(7, 7), unresolved="Ywar Thit"),
    case("mm-village-of-came-under",
         "The village of Hpa Lan in Ye-U township came under artillery fire from a junta base, "
         "killing a teenager.", "2024-05-06",
         country="MM", attacker="MM", killed=(1, 1), unresolved="Hpa Lan",
         fails="where the fire came from ('from a junta base') names no attacker"),
    # ------------------------------------------------------------------ Somalia
    case("so-shabaab-mortars-palace",
         "Al-Shabaab fighters fired mortars at the presidential palace in Mogadishu on Sunday, "
         "injuring three people, police said.", "2024-03-10",
         country="SO", attacker="Al Shabaab"),
    case("so-mortars-district",
         "Mortar shells fired by al-Shabaab landed in Hamar Jajab district of Mogadishu, "
         "killing two children.", "2024-06-18",
         country="SO", attacker="Al Shabaab", killed=(2, 2), precision="admin2"),
    case("so-africom-region",
         "US Africa Command said it conducted an airstrike against al-Shabaab near Jilib, "
         "Middle Juba region, killing three militants.", "2024-02-29",
         country="SO", attacker="US", killed=(3, 3)),
    case("so-africom-possessive",
         "AFRICOM conducted a strike in Somalia's Bari region on Tuesday, killing several "
         "Islamic State militants in the Cal Miskaad mountains.", "2025-02-11",
         country="SO", attacker="US", admin1="Bari"),
    case("so-sna-village-region",
         "Somali National Army forces backed by drones struck al-Shabaab positions near Adan "
         "Yabaal, Middle Shabelle.", "2023-08-20",
         country="SO", attacker="SO", unresolved="Adan Yabaal"),
    case("so-turkish-drone-farm",
         "A Turkish drone strike on a farm near Bariire, Lower Shabelle, killed 23 civilians, "
         "Amnesty International said.", "2022-03-16",
         country="SO", attacker="TR", killed=(23, 23), unresolved="Bariire"),
    case("so-title-place", "Mortar rounds hit houses near the airport.", "2024-12-02",
         title="Mogadishu", country="SO"),
    # ------------------------------------------------------------------ the Sahel
    case("ml-drones-wedding",
         "Malian army drones struck a wedding in Ourossogou village, Mopti region, killing 8 "
         "civilians, local sources said.", "2024-03-18",
         country="ML", attacker="ML", killed=(8, 8), admin1="Mopti"),
    case("ml-drones-killed",
         "FAMa and Wagner drones killed 21 civilians, including 11 children, in Tinzaouaten, "
         "Kidal region, the Tuareg-led CSP said.", "2024-08-26",
         country="ML", killed=(21, 21), unresolved="Tinzaouaten"),
    case("ml-africa-corps", "Africa Corps and Malian forces carried out air strikes on "
         "Aguelhok, killing 4 civilians.", "2025-05-02", country="ML", killed=(4, 4), count=2),
    case("ml-jnim-camp",
         "JNIM fighters shelled the Malian army camp in Boulkessi with mortars, the group said.",
         "2024-09-02", country="ML", attacker="JNIM",
         fails="Boulkessi, which the gazetteer lacks and the tagger calls an organisation, is "
               "no place: the strike is lost"),
    case("bf-drones-market",
         "Burkinabe army drones bombed a market in Bidi, Yatenga province, killing dozens of "
         "civilians, witnesses said.", "2023-11-12",
         country="BF", attacker="BF", killed=(24, None)),
    case("ne-issp-rockets",
         "The Islamic State Sahel Province (ISSP) fired rockets at the Nigerien army post in "
         "Tillia, Tahoua region.", "2024-05-14", country="NE", attacker="Islamic State"),
    case("ne-air-strike", "A Nigerien military air strike killed 7 civilians in the village of "
         "Tahoua region's Tassara, local officials said.", "2024-06-22",
         country="NE", attacker="NE", killed=(7, 7)),
    # ------------------------------------------------------------------ Nigeria
    case("ng-drone-village-state",
         "A Nigerian Air Force drone strike mistakenly killed at least 85 villagers celebrating "
         "a Muslim festival in Tudun Biri, Kaduna state.", "2023-12-05",
         country="NG", attacker="NG", killed=(85, None), unresolved="Tudun Biri"),
    case("ng-market-village",
         "An air strike by the Nigerian military hit a market in Kwatas village, Yobe state, "
         "killing at least 9 people, Amnesty International said.", "2022-09-11",
         country="NG", attacker="NG", killed=(9, None), admin1="Yobe"),
    case("ng-camp-rann",
         "Nigerian air force jets mistakenly bombed a camp for displaced people in Rann, Borno "
         "state, killing 112 people.", "2017-01-18",
         country="NG", attacker="NG", killed=(112, 112), admin1="Borno"),
    case("ng-iswap-mortars",
         "ISWAP fighters fired mortar bombs into Gwoza town, Borno state, killing four "
         "residents.", "2024-04-15", country="NG", attacker="ISWAP", killed=(4, 4),
         precision="point"),
    case("ng-recalled", "Last year's air strike on the Tudun Biri village is still under "
         "investigation, the Nigerian Air Force said.", "2024-12-03", count=0),
    # ------------------------------------------------------------------ Libya
    case("ly-lna-airport",
         "LNA warplanes bombed Mitiga airport in Tripoli on Monday, forcing the suspension of "
         "flights, the GNA said.", "2019-09-02", country="LY", attacker="LY"),
    case("ly-gna-drone", "A GNA drone strike hit an LNA convoy near Tarhuna, killing 6 "
         "fighters.", "2020-05-18", country="LY", attacker="LY", killed=(6, 6)),
    case("ly-haftar-shelled",
         "Haftar's forces shelled residential areas of Abu Salim district in Tripoli, killing "
         "five civilians, the health ministry said.", "2019-10-14",
         country="LY", attacker="LY", killed=(5, 5)),
    case("ly-unknown-attacker",
         "An air strike on the Tajoura migrant detention centre east of Tripoli killed at least "
         "53 people, the UN said.", "2019-07-03", country="LY", killed=(53, None)),
    # ------------------------------------------------------------------ Pakistan, Afghanistan
    case("pk-jets-province-of",
         "Pakistani jets struck suspected TTP hideouts in Paktika province of Afghanistan, "
         "killing 46 people, Taliban spokesman Zabihullah Mujahid said.", "2024-12-25",
         country="AF", attacker="PK", killed=(46, 46),
         fails="'in Paktika province of Afghanistan, killing 46 people, Taliban spokesman "
               "... said': no strike is read"),
    case("pk-helicopters-valley",
         "Pakistani military helicopters shelled the Tirah valley, Khyber district, killing 9 "
         "people, local elders said.", "2024-09-12",
         country="PK", attacker="PK", killed=(9, 9), admin1="Khyber Pakhtunkhwa"),
    case("pk-ttp-mortars", "TTP militants fired mortar rounds at a police station in Bannu, "
         "Khyber Pakhtunkhwa, wounding three policemen.", "2024-07-16",
         country="PK", attacker="TTP"),
    case("pk-two-provinces",
         "Pakistan's air force carried out strikes in Khost and Paktika provinces on Monday, the "
         "Afghan defence ministry said, adding that 8 civilians were killed.", "2024-03-18",
         country="AF", attacker="PK", count=2),
    case("af-artillery-district",
         "Afghan Taliban forces fired artillery at Pakistani border posts in Kurram district, "
         "the ISPR said.", "2024-12-28", country="PK", attacker="AF", precision="admin2"),
    # ------------------------------------------------------------------ DR Congo
    case("cd-jets-village",
         "Congolese army jets bombed M23 positions near Kibumba, North Kivu, on Tuesday.",
         "2023-11-07", country="CD", attacker="CD", unresolved="Kibumba",
         fails="Kibumba is taken for Kirumba, another town of North Kivu, by its spelling"),
    case("cd-m23-camp", "M23 rebels shelled the Mugunga displacement camp near Goma, killing at "
         "least 35 people, the UN said.", "2024-05-03",
         country="CD", attacker="M23", killed=(35, None)),
    case("cd-territory",
         "A drone strike on Kitshanga, Masisi territory, killed 7 civilians, a local civil "
         "society leader said.", "2024-02-26", country="CD", killed=(7, 7)),
]


@pytest.mark.parametrize(("text", "published", "title", "count", "want"), SWEEP)
def test_sweep(extractor, text, published, title, count, want):
    assert_coded(coded(extractor, text, published, title), count, want)


def assert_coded(strikes: list[Coded], count: int, want: dict) -> None:
    """The item gives ``count`` strikes, each coded as the analyst's fields say (None: any)."""
    assert len(strikes) == count, strikes
    for s in strikes:
        for field, value in want.items():
            if value is not None:
                assert getattr(s, field) == value, (field, s)


# ---------------------------------------------------------------- the rules the sweep found


def places_coded(extractor: Extractor, text: str) -> list[tuple[str | None, str | None]]:
    return [(s.place, s.country) for s in coded(extractor, text)]


@pytest.mark.parametrize(("text", "country"), [
    ("in Somalia's Bari region", "SO"),           # Somalia
    ("in Yemen's Saada province", "YE"),          # Yemen
    ("across Ukraine’s Kharkiv region", "UA"),    # Ukraine, a typographic apostrophe
])
def test_a_country_named_in_the_possessive_is_named(gaz, text, country):
    assert country in gaz._countries_named(text)


@pytest.mark.parametrize(("text", "village", "country"), [
    # a village before its unit: not "Biri", "Adan" (Aden, Yemen), "Selam"
    ("A drone strike killed 85 villagers in Tudun Biri, Kaduna state.", "Tudun Biri", "NG"),
    ("Government forces shelled positions near Adan Yabaal, Middle Shabelle.", "Adan Yabaal",
     "SO"),
    # a run the text calls a village
    ("The village of Hpa Lan in Ye-U township came under artillery fire.", "Hpa Lan", "MM"),
])
def test_a_village_the_gazetteer_lacks_keeps_all_its_words(extractor, text, village, country):
    assert places_coded(extractor, text) == [(village, country)]


def test_a_village_name_is_not_its_last_word_abroad(extractor):
    # "Let Yet Kone" (Myanmar): the tagger calls "Yet" a conjunction; Kone is in New Caledonia
    [(place, country)] = places_coded(
        extractor, "Junta jets bombed a monastery in Let Yet Kone village, Tabayin township.")
    assert place == "Let Yet Kone village" and country != "NC"


def test_a_town_and_its_country_are_no_village_name(extractor):
    # the other war: a Syrian report's "the city of Tabqa Syria" (its comma lost)
    text = "A coalition air strike hit a school south of the city of Tabqa Syria on Tuesday."
    assert [p for p, _ in places_coded(extractor, text)] == ["Tabqa"]


@pytest.mark.parametrize(("text", "place", "country"), [
    ("El Fasher was hit by RSF shelling overnight.", "El Fasher", "SD"),
    ("Kharkiv was hit by Russian shelling overnight.", "Kharkiv", "UA"),
    ("Nyala was bombed by army jets on Monday.", "Nyala", "SD"),
])
def test_a_place_hit_by_a_sides_shelling_is_a_strike(extractor, text, place, country):
    assert places_coded(extractor, text) == [(place, country)]


@pytest.mark.parametrize(("text", "place"), [
    ("Shelling hit a market in Omdurman on Sunday.", "Omdurman"),   # Sudan
    ("Shelling hit a market in Donetsk on Sunday.", "Donetsk"),     # Ukraine
])
def test_a_strike_noun_the_tagger_calls_an_auxiliary_is_a_strike(extractor, text, place):
    assert [p for p, _ in places_coded(extractor, text)] == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("FAMa and Wagner drones killed 21 civilians in Kidal.", "Kidal"),        # Mali
    ("Russian drones killed two people in Kherson on Monday.", "Kherson"),    # Ukraine
    ("Shells killed three children in Taiz on Sunday.", "Taiz"),              # Yemen
])
def test_a_weapon_that_killed_is_a_strike(extractor, text, place):
    assert [p for p, _ in places_coded(extractor, text)] == [place]


@pytest.mark.parametrize("text", [
    "Gunmen killed three in Kidal.",
    "Soldiers killed two smugglers near Arish.",
])
def test_people_who_killed_are_no_strike(extractor, text):
    assert places_coded(extractor, text) == []


@pytest.mark.parametrize(("text", "place", "country"), [
    ("Military jets bombed a hospital in Mrauk-U, Rakhine State, on Wednesday.", "Mrauk-U", "MM"),
    ("ISWAP fighters fired mortar bombs into Gwoza town, Borno state, killing four.",
     "Gwoza town", "NG"),
    ("Russian shelling hit Vovchansk, Kharkiv region, on Monday.", "Vovchansk", "UA"),
])
def test_a_unit_after_a_comma_holds_the_place(extractor, text, place, country):
    assert places_coded(extractor, text) == [(place, country)]


def test_a_list_of_towns_stays_a_list(extractor):
    text = "Russian shelling hit Kupiansk, Izium and Balakliia."
    assert [p for p, _ in places_coded(extractor, text)] == ["Kupiansk", "Izium", "Balakliia"]


@pytest.mark.parametrize(("text", "story", "namesake"), [
    # a name the text calls a valley or district, matched to a town abroad, weighs little
    ("Pakistani military helicopters shelled the Tirah valley, Khyber district.", "PK", "IL"),
    # an armed group of one country names the story's
    ("RSF artillery killed 15 people in Omdurman's Karari district.", "SD", "IN"),
])
def test_a_namesake_town_abroad_does_not_win_the_story(extractor, text, story, namesake):
    """Et Tira (Israel) for "the Tirah valley", Karari (India) for Omdurman's district: the
    strike is placed in the story's country, or left unplaced, never in the namesake's."""
    [(_, placed)] = places_coded(extractor, text)
    assert placed != namesake and placed in (story, None)


def test_an_armed_groups_country_votes_for_the_story(extractor):
    # Sudan's RSF and, from another war, Yemen's Houthis; a state's forces strike abroad too
    # (Russia in Syria) and do not vote
    from strikewatch.geo.disambiguate import _homes_of_groups
    from strikewatch.models import Actor, Span

    def mention(group: str) -> StrikeMention:
        return StrikeMention(doc_id="t", sentence=Span(0, 1, "x"), place_text="x",
                             place_span=None, attacker=Actor(group))
    assert _homes_of_groups([mention("RSF"), mention("Houthis"), mention("unknown")]) \
        == {"SD", "YE"}
    assert _homes_of_groups([StrikeMention(doc_id="t", sentence=Span(0, 1, "x"),
                                           place_text="x", place_span=None,
                                           attacker=Actor("Russian Armed Forces", "RU"))]) == set()


@pytest.mark.parametrize(("name", "district"), [
    ("Kurram district", "Kurram"), ("Khyber District", "Khyber"),
    ("North Waziristan", "North Waziristan"),
])
def test_pakistans_tribal_districts_are_districts(name, district):
    from strikewatch.geo import geocode_json

    answer = geocode_json(name, "PK")
    assert (answer["name"], answer["precision"], answer["admin1"]) == \
        (district, "admin2", "Khyber Pakhtunkhwa")
