"""A sweep of the Syrian and Iraqi wars in the years and shapes the developer set is thin on
(issue 11): Aleppo's siege (2016), Eastern Ghouta and Daraa (2018), Idlib (2019-2020, Russian,
government and Turkish strikes), Raqqa and Mosul (2016-17, coalition strikes and Airwars-style
entries), Baghuz (2019), Turkey's operations (Afrin 2018, Peace Spring 2019, drones on the SDF
since 2020), Israel's strikes in Syria (2013-2025), the United States' strikes on Iran-backed
militias (Abu Kamal, al-Qaim, Jurf al-Sakhar, Baghdad), Iraq's air force on the Islamic State's
remnants (Hamrin, Wadi al-Shay) and Syria after December 2024 (the coast, Sweida); in the
voices of SANA, the Syrian Observatory, the White Helmets, SAMS, the Iraqi Security Media Cell,
the PMF, CENTCOM, CJTF-OIR, the IDF, Turkey's defence ministry and the SDF.

Every item is written for these tests in the shape such reports take; none is copied from a
corpus. Each case gives what a careful analyst would code. A case strikewatch still gets wrong
is marked ``xfail(strict=True)`` with the reason, so the record stays honest and a fix shows as
an XPASS. The rules the sweep found are tested below the table on a sentence of these wars and
on one of another war.
"""

from __future__ import annotations

import pytest
from test_sweep_sources import Coded, read

from strikewatch.extract import Extractor


def case(cid: str, text: str, published: str, *, count: int = 1, places: list[str] | None = None,
         fails: str | None = None, claim: tuple[str | None, str | None] | None = None, **want):
    """One sweep item and its analyst's coding: ``count`` strikes (0 for an item that reports
    no new strike), ``places`` their place texts when they differ, the fields of ``Coded``
    every strike must have, and ``claim``, a (kind, organisation) one claim of the item must
    have (None: any)."""
    unknown = set(want) - set(Coded.__dataclass_fields__)
    if unknown:
        raise ValueError(f"{cid}: no such coded field {sorted(unknown)}")
    marks = [pytest.mark.xfail(reason=fails, strict=True)] if fails else []
    return pytest.param(text, published, count, places, want, claim, id=cid, marks=marks)


SY, RU, TR, IL, US = ("Syrian Government Forces", "Russian Armed Forces", "Turkish Armed Forces",
                      "Israel Defense Forces", "United States Armed Forces")
COALITION, IQ = "US-led Coalition", "Iraqi Security Forces"
SCD, SOHR = "Syria Civil Defence", "Syrian Observatory for Human Rights"

SIEGES = [
    # ------------------------------------------------------------------ Aleppo, 2016
    case("aleppo-barrel-bombs",
         "Regime helicopters dropped barrel bombs on the al-Shaar neighbourhood of eastern Aleppo "
         "on Tuesday, killing at least 14 civilians, the Syria Civil Defence said.", "2016-11-23",
         country="SY", admin1="Aleppo", attacker=SY, attacker_country="SY", killed=(14, None),
         day="2016-11-22", claim=("casualties", SCD)),
    # "Russian or Syrian warplanes": the report cannot tell, so neither is coded
    case("aleppo-hospital-sams",
         "Russian or Syrian warplanes struck the M10 hospital in the Sakhour district of Aleppo on "
         "Saturday, putting it out of service, the Syrian American Medical Society said.",
         "2016-10-02", country="SY", admin1="Aleppo", attacker=None, day="2016-10-01",
         claim=(None, "Syrian American Medical Society")),
    case("aleppo-range-believed-russian",
         "Between 20 and 25 people were killed when warplanes believed to be Russian bombed the "
         "rebel-held town of Atareb in the western Aleppo countryside, the Syrian Observatory for "
         "Human Rights said.", "2016-09-25", country="SY", admin1="Aleppo", precision="point",
         attacker=RU, killed=(20, 25), claim=("casualties", SOHR)),
    case("aleppo-sana-terrorists",
         "Terrorists fired rocket shells on the al-Hamdaniyeh neighbourhood in Aleppo city, "
         "killing three civilians and injuring 12 others, SANA reported.", "2016-10-30",
         country="SY", admin1="Aleppo", attacker_country=None, killed=(3, 3), wounded=(12, 12),
         claim=("casualties", "Syrian Arab News Agency")),
    case("aleppo-headline-pound",
         "Air strikes pound rebel-held east Aleppo as army pushes into Hanano", "2016-11-27",
         country="SY", admin1="Aleppo",
         fails="a headline's 'air strikes pound' a place, with no verb of the report, gives no "
               "strike"),
    # ------------------------------------------------------------------ Eastern Ghouta, 2018
    case("ghouta-douma-white-helmets",
         "Syrian government air strikes on Douma in Eastern Ghouta killed at least 30 people on "
         "Wednesday, according to the White Helmets.", "2018-02-21",
         country="SY", admin1="Rif-dimashq", precision="point", attacker=SY, killed=(30, None),
         day="2018-02-21", claim=("casualties", SCD)),
    case("ghouta-mortars-fired-from",
         "Mortar shells fired from Eastern Ghouta landed on the Bab Touma district of Damascus, "
         "killing two people, state media said.", "2018-03-06",
         places=["Bab Touma district"], country="SY", admin1="Dimashq", killed=(2, 2),
         claim=("casualties", "Syrian Arab News Agency")),
    case("ghouta-loyalists-enab-baladi",
         "Loyalist forces shelled Harasta with surface-to-surface missiles overnight, wounding 17 "
         "people, Enab Baladi reported.", "2018-03-12",
         country="SY", admin1="Rif-dimashq", attacker=SY, wounded=(17, 17),
         claim=("casualties", "Enab Baladi")),
    case("ghouta-passage",
         "Warplanes pounded the besieged enclave of Eastern Ghouta for a fifth consecutive day on "
         "Thursday. The Syrian Observatory said 46 civilians were killed in Hamouria, Saqba and "
         "Kafr Batna. Rescuers said they could not reach many of the wounded. The government says "
         "it is targeting militants who shell Damascus.", "2018-02-22",
         places=["Eastern Ghouta"], country="SY", admin1="Rif-dimashq",
         fails="a government's reason ('militants who shell Damascus') is read as a strike on "
               "Damascus"),
    # ------------------------------------------------------------------ Daraa, 2018
    case("daraa-busra-unknown-village",
         "Russian warplanes carried out dozens of air strikes on Busra al-Harir in the eastern "
         "Daraa countryside on Thursday, the Syrian Observatory said.", "2018-06-28",
         country="SY", admin1="Daraa", unresolved="Busra al-Harir", attacker=RU,
         day="2018-06-28"),
    case("daraa-nawa-family",
         "Government barrel bombs hit the town of Nawa in western Daraa, killing six members of "
         "one family, rescue workers said.", "2018-07-08",
         country="SY", admin1="Daraa", precision="point", attacker=SY, killed=(6, 6)),
]

IDLIB = [
    case("idlib-maarat-nouman-white-helmets",
         "Air strikes by Russian jets on a market in Maarat al-Nouman killed at least 16 civilians "
         "on Monday, the White Helmets said.", "2019-07-22",
         country="SY", admin1="Idlib", precision="point", attacker=RU, killed=(16, None),
         claim=("casualties", SCD)),
    case("idlib-khan-shaykhun-among-the-dead",
         "Syrian government forces shelled Khan Shaykhun in southern Idleb, the Syria Civil "
         "Defence said, adding that two children were among the dead.", "2019-05-14",
         country="SY", admin1="Idlib", attacker=SY, killed=(2, None)),
    case("idlib-jisr-believed-russian",
         "Warplanes believed to be Russian struck the outskirts of Jisr al-Shughur in western "
         "Idlib province, wounding four people.", "2019-08-05",
         country="SY", admin1="Idlib", attacker=RU, wounded=(4, 4)),
    case("idlib-turkish-mod-drones",
         "Turkish drones struck Syrian army positions near Saraqeb, killing at least 19 soldiers, "
         "the Turkish Ministry of National Defence said.", "2020-03-01",
         country="SY", admin1="Idlib", attacker=TR, attacker_country="TR", killed=(19, None),
         claimed=True, claim=("casualties", "Ministry of National Defence of Turkey")),
    case("idlib-turkish-drones-sohr",
         "Turkish drone strikes killed 26 Syrian government soldiers near Saraqib on Sunday, the "
         "Syrian Observatory said.", "2020-03-01",
         country="SY", admin1="Idlib", attacker=TR, killed=(26, 26), day="2020-03-01"),
    case("idlib-regime-response-coordinators",
         "A regime air strike on a residential area in Ariha killed nine civilians, among them "
         "four children, the Syrian Response Coordinators said.", "2020-01-30",
         country="SY", admin1="Idlib", attacker=SY, killed=(9, 9),
         claim=("casualties", "Syria Response Coordinators")),
    case("idlib-unidentified-aircraft",
         "Unidentified aircraft bombed a vehicle in the village of Kafr Takharim in the Harem "
         "district of Idlib governorate, killing two people.", "2020-06-18",
         country="SY", admin1="Idlib", precision="point", attacker=None, killed=(2, 2)),
    case("idlib-feed-item",
         "Idleb: Russian jets target Maarat Misrin with four air strikes.", "2019-12-20",
         places=["Maarat Misrin"], country="SY", admin1="Idlib", precision="point", attacker=RU),
    case("idlib-passage-denial",
         "Russian and Syrian warplanes pounded the southern Idlib countryside on Tuesday. At "
         "least 11 civilians were killed in the town of Kafr Nabl, the Syria Civil Defence said. "
         "Another air strike hit a school in Hish, wounding seven children. The Russian defence "
         "ministry said its aircraft had not flown any missions in the area.", "2019-12-24",
         count=4, country="SY", admin1="Idlib", claim=("casualties", SCD)),
    case("idlib-latamneh-al-lowercase",
         "Russian warplanes targeted al-Latamneh in northern Hama with bunker-buster missiles, "
         "wounding five people.", "2019-05-20",
         places=["al-Latamneh"], country="SY", admin1="Hama", attacker=RU, wounded=(5, 5),
         fails="a name opening on a lower-case 'al-' after a verb is not read as a place: the "
               "strike is placed at Hama city"),
    case("hama-kafr-zita-countryside",
         "Regime barrel bombs struck Kafr Zita in the northern Hama countryside, the White "
         "Helmets said.", "2019-06-02",
         country="SY", admin1="Hama", precision="point", attacker=SY),
]

COALITION_WAR = [
    case("raqqa-airwars-entry",
         "June 12, 2017 - Raqqa: At least 8 civilians were killed and 13 injured in alleged "
         "Coalition air strikes on the al-Mashlab neighbourhood of Raqqa city, according to local "
         "sources.", "2017-06-14",
         places=["al-Mashlab neighbourhood"], country="SY", admin1="Ar-Raqqah", attacker=COALITION,
         killed=(8, None), wounded=(13, 13), day="2017-06-12"),
    case("raqqa-mayadin-sohr",
         "US-led coalition warplanes struck a mosque in al-Mayadin in Deir ez-Zor province, "
         "killing 15 people, SOHR said.", "2017-10-04",
         country="SY", admin1="Deir ez-Zor", precision="point", attacker=COALITION,
         attacker_country="US", killed=(15, 15), claim=("casualties", SOHR)),
    case("raqqa-passage-the-strikes",
         "The SDF said coalition aircraft had struck IS positions in Raqqa's old city. The Syrian "
         "Observatory said the strikes killed 21 civilians, including six children, in the "
         "al-Badou neighbourhood. The coalition said it was investigating.", "2017-08-21",
         count=2, country="SY", admin1="Ar-Raqqah", attacker=COALITION,
         fails="the Observatory's 'the strikes killed 21 in al-Badou' takes neither the "
               "coalition nor the city (Raqqa) the sentence before names"),
    case("mosul-west-dozens",
         "A coalition air strike in the al-Jadida district of west Mosul killed dozens of "
         "civilians on March 17, Iraqi officials said.", "2017-03-25",
         country="IQ", admin1="Ninawa", unresolved="al-Jadida", attacker=COALITION,
         day="2017-03-17"),
    case("mosul-cjtf-oir",
         "CJTF-OIR said coalition aircraft conducted five strikes near Mosul on Sunday, destroying "
         "three ISIS fighting positions and a vehicle.", "2017-04-03",
         country="IQ", admin1="Ninawa", attacker=COALITION, day="2017-04-02"),
    case("mosul-iraqi-f16s-tal-afar",
         "Iraqi F-16s bombed an Islamic State gathering in Tal Afar, killing 20 militants, the "
         "Iraqi Security Media Cell said.", "2017-08-10",
         country="IQ", admin1="Ninawa", precision="point", attacker=IQ, attacker_country="IQ",
         killed=(20, 20), claimed=True, claim=("casualties", "Security Media Cell (Iraq)")),
    case("mosul-passage-old-city",
         "Iraqi forces pressed into the Old City of Mosul on Sunday. Coalition aircraft struck an "
         "IS position in the Zanjili district, the Joint Operations Command said. Medics said 12 "
         "civilians had been killed by mortar fire from IS on Hay al-Tanak.", "2017-06-04",
         count=2, country="IQ", admin1="Ninawa",
         fails="districts of Mosul the gazetteer lacks are not placed in the city the first "
               "sentence names, and the coalition's strike loses its attacker with its place"),
    case("baghuz-last-pocket",
         "Coalition air strikes pounded the last IS pocket in Baghuz on Monday as SDF fighters "
         "advanced, the SDF media centre said.", "2019-03-11",
         country="SY", admin1="Deir ez-Zor", attacker=COALITION,
         fails="Baghuz is not in the gazetteer and the sentence names no province: the strike "
               "is set aside for want of a place"),
]

TURKEY = [
    case("afrin-jinderes-ypg",
         "Turkish jets struck the town of Jinderes in the Afrin region, killing 11 civilians, the "
         "Kurdish YPG said.", "2018-02-03",
         country="SY", admin1="Aleppo", precision="point", attacker=TR, killed=(11, 11),
         claim=("casualties", "People's Protection Units (YPG)")),
    case("afrin-turkish-mod-its-aircraft",
         "The Turkish Ministry of National Defence said its aircraft destroyed 19 PKK/YPG targets "
         "in Afrin on Sunday.", "2018-01-21",
         country="SY", admin1="Aleppo", attacker=TR, claimed=True,
         claim=(None, "Ministry of National Defence of Turkey")),
    case("peace-spring-ras-al-ain-sdf",
         "Turkish artillery shelled Ras al-Ain on Thursday, killing five civilians, the Syrian "
         "Democratic Forces said.", "2019-10-10",
         country="SY", admin1="Al-Hasakah", precision="point", attacker=TR, killed=(5, 5),
         claim=("casualties", "Syrian Democratic Forces")),
    case("peace-spring-two-towns",
         "Turkish warplanes and artillery pounded Tal Abyad and Ras al-Ayn on the second day of "
         "Operation Peace Spring.", "2019-10-10",
         count=2, country="SY", attacker=TR),
    case("sdf-drone-qamishli",
         "A Turkish drone struck a car near Qamishli, killing two SDF members, the SDF media "
         "centre said.", "2022-11-20",
         country="SY", admin1="Al-Hasakah", attacker=TR, killed=(2, 2),
         claim=("casualties", "Syrian Democratic Forces")),
    case("sdf-drones-power-stations",
         "Turkish drone strikes on power stations in Kobani and Derik left tens of thousands "
         "without electricity, the Autonomous Administration said.", "2023-10-06",
         count=2, country="SY", attacker=TR,
         claim=(None, "Autonomous Administration of North and East Syria")),
    case("sdf-drone-road-between",
         "A Turkish drone targeted a vehicle on the road between Amuda and Qamishli in Hasakah "
         "province on Tuesday, killing three people.", "2024-01-16",
         country="SY", admin1="Al-Hasakah", attacker=TR, killed=(3, 3), day="2024-01-16"),
    case("iraq-turkish-drone-sinjar",
         "A Turkish drone strike killed three members of the Sinjar Resistance Units in Sinjar "
         "district, Nineveh, Iraqi Kurdish officials said.", "2021-08-17",
         country="IQ", admin1="Ninawa", attacker=TR, killed=(3, 3)),
    case("tishrin-dam-south-of-kobani",
         "Turkish drones hit the Tishrin Dam area south of Kobani on Thursday, killing a civilian, "
         "the SDF said.", "2025-01-09",
         country="SY", admin1="Aleppo", attacker=TR, killed=(1, 1), day="2025-01-09"),
]

ISRAEL_AND_US = [
    case("israel-damascus-international-airport",
         "Israeli missiles hit Damascus International Airport early on Friday, putting it out of "
         "service, SANA said, citing a military source.", "2022-06-10",
         places=["Damascus International Airport"], country="SY", admin1="Dimashq", attacker=IL,
         attacker_country="IL", claim=(None, "Syrian Arab News Agency")),
    case("israel-mezzeh-state-media",
         "An Israeli air strike on a building in Mezzeh killed two people, Syrian state media "
         "said.", "2023-02-19",
         country="SY", admin1="Dimashq", attacker=IL, killed=(2, 2)),
    case("israel-t4-homs-province",
         "Israeli warplanes struck the T4 air base in Homs province, the Syrian Observatory said, "
         "adding that Iranian personnel were killed.", "2018-04-09",
         country="SY", admin1="Homs", attacker=IL),
    case("israel-masyaf-health-ministry",
         "Israeli strikes near Masyaf in Hama province killed 18 people and wounded 37, Syria's "
         "health ministry said.", "2024-09-09",
         country="SY", admin1="Hama", attacker=IL, killed=(18, 18), wounded=(37, 37),
         claim=("casualties", "Ministry of Health (Syria)")),
    case("israel-quneitra-village",
         "An Israeli drone struck a car near Khan Arnabeh in Quneitra, killing two men, SANA "
         "said.", "2023-08-14",
         places=["Khan Arnabeh"], country="SY", admin1="Quneitra", attacker=IL, killed=(2, 2),
         fails="'near Khan Arnabeh in Quneitra' is placed at Quneitra, the town its province "
               "is named after, not the village"),
    case("israel-air-defences-confronted",
         "The Syrian air defences confronted an Israeli aggression over the vicinity of Damascus "
         "and shot down most of the missiles, a military source said.", "2021-05-06",
         country="SY", admin1="Dimashq", attacker=IL,
         fails="SANA's 'air defences confronted an Israeli aggression' is how Damascus reports "
               "a strike; it is read as no strike"),
    case("israel-idf-qusayr",
         "The IDF said it struck Hezbollah weapons depots near Qusayr in Syria overnight.",
         "2024-10-28", country="SY", admin1="Homs", attacker=IL, claimed=True),
    case("israel-general-staff-citing-sweida",
         "Israel struck the headquarters of the Syrian army general staff in Damascus on "
         "Wednesday, the IDF said, citing attacks on the Druze of Sweida.", "2025-07-16",
         places=["Damascus"], country="SY", admin1="Dimashq", attacker=IL,
         fails="the reason the IDF gives ('citing attacks on the Druze of Sweida') is read as a "
               "second strike, in Sweida"),
    case("us-abu-kamal-pentagon",
         "US F-15 jets struck weapons facilities used by Iran-backed militias near Abu Kamal in "
         "eastern Syria, the Pentagon said.", "2023-11-12",
         country="SY", admin1="Deir ez-Zor", attacker=US, attacker_country="US", claimed=True),
    case("us-jurf-al-sakhar-centcom",
         "US forces carried out air strikes on Jurf al-Sakhar in Babil province, CENTCOM said.",
         "2024-01-23", country="IQ", admin1="Babil", unresolved="Jurf al-Sakhar", attacker=US,
         claimed=True),
    case("us-baghdad-airport-named-dead",
         "A US drone strike near Baghdad airport killed Qassem Soleimani and Abu Mahdi "
         "al-Muhandis early on Friday.", "2020-01-03",
         country="IQ", admin1="Baghdad", attacker=US, killed=(2, None), day="2020-01-03",
         fails="the named dead are not counted: the toll stays unknown"),
    case("us-baghdad-a-commander",
         "A US drone strike on a vehicle in the Mashtal district of eastern Baghdad killed a "
         "Kataib Hezbollah commander on Wednesday.", "2024-02-07",
         country="IQ", admin1="Baghdad", attacker=US, killed=(1, None)),
    case("us-centcom-deir-al-zour",
         "CENTCOM said US forces conducted strikes on two facilities in Deir al-Zour used by "
         "Iran's Islamic Revolutionary Guard Corps.", "2023-10-27",
         country="SY", admin1="Deir ez-Zor", attacker=US, claimed=True),
]

IRAQ_AND_AFTER = [
    case("iraq-hamrin-mountains",
         "Iraqi F-16 jets carried out air strikes on IS hideouts in the Hamrin mountains, killing "
         "six militants, the Security Media Cell said.", "2022-03-15",
         country="IQ", attacker=IQ, killed=(6, 6), claimed=True,
         fails="the Hamrin mountains, which the gazetteer lacks and whose province the sentence "
               "does not name, leave the strike unplaced"),
    case("iraq-wadi-al-shay-south-west-of-kirkuk",
         "Iraqi aircraft struck an Islamic State cave in Wadi al-Shay, south-west of Kirkuk, the "
         "Joint Operations Command said.", "2023-05-02",
         country="IQ", admin1="Kirkuk", attacker=IQ, claimed=True),
    case("iraq-area-between-two-provinces",
         "The PMF said Iraqi army helicopters bombed IS remnants in the Mutaibija area between "
         "Salahuddin and Diyala.", "2021-04-12",
         places=["Mutaibija area"], country="IQ", attacker=IQ,
         claim=(None, "Popular Mobilization Forces")),
    case("syria-coast-israeli-jets",
         "Israeli jets struck air defence sites near Tartus and Latakia on the Syrian coast "
         "overnight, the Syrian Observatory said.", "2024-12-16",
         count=2, country="SY", attacker=IL),
    case("sweida-government-drones",
         "Government drones struck the city of Sweida as clashes with Druze fighters continued, "
         "killing at least seven people, SOHR said.", "2025-07-15",
         country="SY", admin1="As-Suwayda", attacker=SY, attacker_country="SY", killed=(7, None)),
    case("baniyas-unidentified-warplanes",
         "An air strike by unidentified warplanes killed three people in Baniyas, Tartous "
         "governorate, local activists said.", "2025-03-08",
         country="SY", admin1="Tartus", attacker=None, killed=(3, 3)),
    case("deir-dayr-az-zawr-spelling",
         "Russian aircraft struck Dayr az Zawr city, killing seven civilians, the Syrian "
         "Observatory said.", "2017-09-10",
         country="SY", admin1="Deir ez-Zor", attacker=RU, killed=(7, 7)),
    case("deir-village-countryside",
         "Coalition air strikes hit al-Shaafa village in the eastern Deir ez-Zor countryside, "
         "killing four civilians.", "2018-12-05",
         country="SY", admin1="Deir ez-Zor", unresolved="al-Shaafa", attacker=COALITION,
         killed=(4, 4)),
]

NO_NEW_STRIKE = [
    case("astana-talks", "Russia, Iran and Turkey met in Astana to discuss a ceasefire in Idlib.",
         "2019-08-02", count=0),
    case("funeral-of-drone-victims",
         "Mourners in Qamishli buried the fighters killed in last week's Turkish drone strike.",
         "2022-11-27", count=0),
    case("russian-denial",
         "Russia's defence ministry denied that its aircraft had bombed a hospital in Kafranbel.",
         "2019-05-06", count=0, claim=("denial", "Ministry of Defence of Russia")),
    case("anniversary-of-sarin",
         "The town of Khan Sheikhoun was hit by a sarin attack in April 2017 that killed more than "
         "80 people; on Monday residents marked the anniversary.", "2019-04-04", count=0),
]

SWEEP = [*SIEGES, *IDLIB, *COALITION_WAR, *TURKEY, *ISRAEL_AND_US, *IRAQ_AND_AFTER, *NO_NEW_STRIKE]


@pytest.mark.parametrize(("text", "published", "count", "places", "want", "claim"), SWEEP)
def test_sweep(extractor, text, published, count, places, want, claim):
    got = read(extractor, text, published)
    strikes, claims = got.strikes, got.claims
    assert len(strikes) == count, strikes
    if places is not None:
        assert sorted(s.place for s in strikes) == sorted(places), strikes
    for s in strikes:
        for name, value in want.items():
            assert getattr(s, name) == value, (name, s)
    if claim is not None:
        kind, org = claim
        assert any(kind in (None, c.kind) and org in (None, c.org) for c in claims), claims


def test_strikes_on_both_sides_of_a_border_keep_their_countries(extractor):
    text = ("US strikes on Kataib Hezbollah sites in al-Qaim and Abu Kamal killed 25 fighters, the "
            "Popular Mobilisation Forces said.")
    strikes = read(extractor, text, "2019-12-30").strikes
    assert sorted((s.place, s.country) for s in strikes) == [("Abu Kamal", "SY"), ("al-Qaim", "IQ")]


# ---------------------------------------------------------------- the rules the sweep found


def coded_of(extractor: Extractor, text: str, published: str = "2024-05-10") -> list[Coded]:
    return read(extractor, text, published).strikes


@pytest.mark.parametrize(("text", "country", "admin1"), [
    # Syria: a town Morocco and Israel also have, reported by the SDF or the White Helmets
    ("Turkish artillery shelled Ras al-Ain on Thursday, killing five civilians, the Syrian "
     "Democratic Forces said.", "SY", "Al-Hasakah"),
    ("Air strikes by Russian jets on a market in Maarat al-Nouman killed at least 16 civilians "
     "on Monday, the White Helmets said.", "SY", "Idlib"),
    # Yemen: Huth (Amran), not Hutak in Iran, when the Houthi-run health ministry reports it
    ("Air strikes hit a market in Huth, killing six people, the Houthi-run health ministry "
     "said.", "YE", "Omran"),
])
def test_a_local_reporter_names_the_story_s_country(extractor, text, country, admin1):
    [s] = coded_of(extractor, text)
    assert (s.country, s.admin1) == (country, admin1)


@pytest.mark.parametrize(("text", "country", "admin1"), [
    # "Afar" of "Tal Afar" is no vote for Ethiopia's Afar region; "Kila" of "Kfar Kila" none
    # for Kiel
    ("Iraqi F-16s bombed an Islamic State gathering in Tal Afar, killing 20 militants.", "IQ",
     "Ninawa"),
    ("Israeli artillery shelled the outskirts of Kfar Kila on Tuesday.", "LB", "Nabatiye"),
])
def test_the_word_after_a_name_head_votes_for_no_country(extractor, text, country, admin1):
    assert [(s.country, s.admin1) for s in coded_of(extractor, text)] == [(country, admin1)]


@pytest.mark.parametrize(("text", "place"), [
    # a feed item's label is no strike place when the text names the town the strikes hit
    ("Idleb: Russian jets target Maarat Misrin with four air strikes.", "Maarat Misrin"),
    # south Lebanon: villages the gazetteer lacks in this spelling keep their strike
    ("An Israeli drone struck a car in Beit Leif, killing one person.", "Beit Leif"),
    ("Israeli artillery shelled Deir Seryan.", "Deir Seryan"),
])
def test_a_run_of_names_a_place_only_head_opens_is_a_place(extractor, text, place):
    assert [s.place for s in coded_of(extractor, text)] == [place]


@pytest.mark.parametrize(("text", "place", "country"), [
    # an incident log's heading, "date - town:", is the town of the strike the entry tells
    ("March 3, 2016 - Sanaa: Coalition air strikes hit a house in the Sawan district of Sanaa, "
     "killing four people.", "Sawan district", "YE"),
    ("May 5, 2022 - Kharkiv: Russian shelling hit the Saltivskyi district of Kharkiv, killing "
     "two people.", "Saltivskyi district", "UA"),
])
def test_an_entry_s_heading_town_is_no_second_strike(extractor, text, place, country):
    assert [(s.place, s.country) for s in coded_of(extractor, text)] == [(place, country)]


def test_a_person_s_name_head_opens_no_place(extractor):
    text = "An air strike killed Abu Mahdi al-Muhandis in Baghdad."
    assert [s.place for s in coded_of(extractor, text)] == ["Baghdad"]


@pytest.mark.parametrize(("text", "town", "country", "admin1"), [
    ("Medics said a clinic in Sarmin Idlib province was struck by two air raids.",
     "Sarmin", "SY", "Idlib"),
    ("Medics said the school in Haydan Saada province was hit by two airstrikes.",
     "Haydan", "YE", "Sa'dah"),
    ("Officials said the market in Dibaga Erbil province was hit by two drone strikes.",
     "Dibaga", "IQ", "Arbil"),
])
def test_a_town_and_its_province_whose_comma_was_lost_are_one_strike_at_the_town(
        extractor, text, town, country, admin1):
    """Syria, Yemen, Iraq, in sentences written for this test: the town is the place, inside
    the province written after it (or the province keeping the town's name when the gazetteer
    lacks the town); one strike."""
    [s] = coded_of(extractor, text)
    assert s.place.split()[:len(town.split())] == town.split()
    assert (s.country, s.admin1) == (country, admin1)
    assert s.unresolved in (None, town)


@pytest.mark.parametrize(("text", "place", "country"), [
    ("Israeli missiles hit Damascus International Airport early on Friday, putting it out of "
     "service, SANA said.", "Damascus International Airport", "SY"),
    ("Saudi-led coalition jets struck Sanaa International Airport on Monday, the Houthis said.",
     "Sanaa International Airport", "YE"),
    ("Israeli jets struck Beirut International Airport.", "Beirut International Airport", "LB"),
])
def test_a_city_s_international_airport_is_one_place_in_the_city(extractor, text, place, country):
    assert [(s.place, s.country) for s in coded_of(extractor, text)] == [(place, country)]


@pytest.mark.parametrize(("text", "place"), [
    ("Mortar shells fired from Eastern Ghouta landed on the Bab Touma district of Damascus, "
     "killing two people, state media said.", "Bab Touma district"),
    # the parser makes "fired" the main verb: the verb of impact still makes it a strike
    ("Shells fired from Horlivka hit Toretsk, killing two people.", "Toretsk"),
    ("Russian forces fired artillery at Kupiansk from Belgorod.", "Kupiansk"),
])
def test_where_the_munitions_were_fired_from_is_no_strike_place(extractor, text, place):
    assert [s.place for s in coded_of(extractor, text)] == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("A misfired Houthi missile launch from Saada hit a farm outside the city.", "Saada"),
    ("A botched rocket launch from Horlivka damaged houses, Ukrainian officials said.",
     "Horlivka"),
])
def test_a_failed_launch_from_a_place_keeps_its_place(extractor, text, place):
    """Only a verb of firing makes its "from" a launch site: a failed launch is told by
    where it went up, and fell."""
    assert [s.place for s in coded_of(extractor, text)] == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("A Turkish drone targeted a vehicle on the road between Amuda and Qamishli in Hasakah "
     "province on Tuesday, killing three people.", "Amuda"),
    ("The PMF said Iraqi army helicopters bombed IS remnants in the Mutaibija area between "
     "Salahuddin and Diyala.", "Mutaibija area"),
    ("A Russian drone hit a bus on the road between Kherson and Mykolaiv, killing two people.",
     "Kherson"),
])
def test_places_between_which_a_strike_fell_are_one_strike(extractor, text, place):
    assert [s.place for s in coded_of(extractor, text)] == [place]


def test_places_joined_by_and_are_still_two_strikes(extractor):
    assert sorted(s.place for s in coded_of(extractor, "Shelling hit Kherson and Mykolaiv.")) == \
        ["Kherson", "Mykolaiv"]


@pytest.mark.parametrize(("text", "attacker", "country"), [
    ("Government drones struck the city of Sweida, killing seven people.",
     "Syrian Government Forces", "SY"),
    ("Government drones struck Nyala, killing seven people.", "Sudanese Armed Forces", "SD"),
])
def test_government_drones_are_the_territory_s_state_forces(extractor, text, attacker, country):
    [s] = coded_of(extractor, text)
    assert (s.attacker, s.attacker_country) == (attacker, country)


@pytest.mark.parametrize("text", [
    "A US drone strike on a vehicle in Baghdad killed a Kataib Hezbollah commander on Wednesday.",
    "An Israeli strike on a car in Tyre killed a senior Hamas commander.",
    "A US drone strike near Jilib killed an al-Shabaab leader, Somali officials said.",
])
def test_a_strike_that_killed_a_commander_killed_at_least_one(extractor, text):
    # the report names the man the strike aimed at, not its toll
    assert [s.killed for s in coded_of(extractor, text)] == [(1, None)]


@pytest.mark.parametrize(("text", "org", "country"), [
    ("The Turkish Ministry of National Defence said its aircraft destroyed 19 PKK/YPG targets in "
     "Afrin on Sunday.", "Ministry of National Defence of Turkey", "TR"),
    ("Russia's defence ministry said its jets struck militants near Saqba.",
     "Ministry of Defence of Russia", "RU"),
])
def test_a_defence_ministry_s_own_aircraft_are_its_state_s(extractor, text, org, country):
    got = read(extractor, text, "2018-01-21")
    strikes, claims = got.strikes, got.claims
    assert [(s.attacker_country, s.claimed) for s in strikes] == [(country, True)]
    assert org in {c.org for c in claims}
