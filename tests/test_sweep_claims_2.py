"""A second sweep of claims across wars (issue 11): ministries' and armies' statements, monitors'
tolls, denials ("said it was not aware of"), accusations, claims of responsibility, quotes with
the speaker after them, speakers introduced by title and name, "according to", reported speech
that runs on into a second sentence ("He added that ...", "The ministry added ..."), and
numbers written in words and as ranges. The shapes of tests/test_sweep_claims.py are not
repeated.

Every item is written for these tests in the shape such statements take; none is copied from a
corpus. Each gives what a careful analyst codes for every speaker of the item, one entry per
speaker however many sentences it speaks in (the annotation guide merges them): the speaker as
written, the registry body it speaks for with that body's country, whose strikes it is about,
the kinds its sentences hold ("target+casualties" for a speaker whose two sentences say
both) and figures it must carry. A case strikewatch still gets wrong is marked
``xfail(strict=True)`` with the reason; the rules this sweep found are tested below the table
on sentences of two wars each.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from test_sweep_claims import (IDF, RU_GOV, RU_MFA, RU_MOD, SOHR, UA_GS, UN, Said, _coded, _key, case,
                               claims_of, said)
from test_sweep_sources import read

from strikewatch import counts
from strikewatch.models import ClaimMention

SAF = ("Sudanese Armed Forces", "SD")
HOUTHIS = ("Houthis (Ansar Allah)", "YE")
GAZA_CD = ("Palestinian Civil Defence (Gaza)", "PS")
US_DOD = ("US Department of Defense", "US")

UKRAINE_RUSSIA = [
    case("ru-mod-destroyed-in-words",
         "The Russian Defence Ministry said its forces destroyed three HIMARS launchers and an "
         "ammunition depot near Kupiansk.", "2024-02-10",
         said("Russian Defence Ministry", RU_MOD, "RU", "target", count=3)),
    case("mayor-quote-first-telegram",
         "\"Russia struck the centre of Kharkiv with two guided bombs,\" Kharkiv mayor Ihor "
         "Terekhov wrote on Telegram.", "2024-06-22",
         said("Ihor Terekhov", None, "RU", "target")),
    case("range-according-to-governor",
         "Between 12 and 15 people were killed in the missile strike on Dnipro, according to "
         "regional governor Serhiy Lysak.", "2024-04-19",
         said("Serhiy Lysak", None, None, "casualties", killed_min=12, killed_max=15)),
    case("kremlin-not-aware",
         "The Kremlin said it was not aware of any strike on a residential building in Kyiv.",
         "2023-06-06", said("Kremlin", RU_GOV, "RU", "denial")),
    case("general-staff-it-added",
         "Ukraine's General Staff said its drones struck the oil refinery in Novoshakhtinsk in "
         "Russia's Rostov region. It added that a large fire broke out at the site.",
         "2024-06-15", said("Ukraine's General Staff", UA_GS, "UA", "target")),
    case("saldo-ukrainian-shelling",
         "Russian-installed governor Vladimir Saldo said Ukrainian shelling killed two civilians "
         "in Oleshky.", "2024-01-30",
         said("Vladimir Saldo", None, "UA", "casualties", killed_min=2)),
    case("ru-mfa-accuses-ukraine",
         "Russia's foreign ministry accused Ukraine of shelling the Zaporizhzhia nuclear plant.",
         "2022-08-08", said("Russia's foreign ministry", RU_MFA, "UA", "accusation")),
    case("ru-mod-the-ministry-added",
         "The Russian Defence Ministry said air defences shot down 12 Ukrainian drones over the "
         "Belgorod region. The ministry added that debris damaged two houses.", "2024-03-16",
         said("Russian Defence Ministry", RU_MOD, "UA", "other", count=12)),
    case("dozens-wounded-ses",
         "Dozens of people were wounded when a Russian missile hit a shopping centre in Kharkiv, "
         "the State Emergency Service said.", "2024-05-25",
         said("State Emergency Service", ("State Emergency Service of Ukraine", "UA"), "RU",
              "casualties", wounded_min=24)),
]

GAZA_LEBANON = [
    case("idf-not-aware",
         "The IDF said it was not aware of a strike in the area of the Nuseirat camp at the "
         "time.", "2024-06-09", said("IDF", IDF, "IL", "denial")),
    case("gaza-moh-toll-since",
         "The Gaza health ministry said the death toll from Israeli strikes had risen to 35,000 "
         "since the start of the war.", "2024-05-13",
         said("Gaza health ministry", ("Gaza Health Ministry", "PS"), "IL", "statistic",
              killed_min=35000)),
    case("idf-spokesman-after-quote",
         "\"We targeted a Hezbollah rocket launcher that was aimed at northern Israel,\" an "
         "Israeli military spokesman told reporters.", "2024-08-25",
         said("Israeli military spokesman", IDF, "IL", "target")),
    case("nna-reported-that",
         "Lebanon's National News Agency reported that an Israeli drone strike on a car in Bint "
         "Jbeil killed three people.", "2024-07-04",
         said("Lebanon's National News Agency", ("National News Agency (Lebanon)", "LB"), "IL",
              "casualties", killed_min=3)),
    case("hezbollah-claims-responsibility",
         "Hezbollah claimed responsibility for a drone attack on an army base near Haifa.",
         "2024-10-13", said("Hezbollah", ("Hezbollah", "LB"), None, "target")),
    case("pij-denies-rocket",
         "Palestinian Islamic Jihad denied that one of its rockets hit the hospital.",
         "2023-10-18",
         said("Palestinian Islamic Jihad", ("Palestinian Islamic Jihad", "PS"), None, "denial")),
    case("basal-he-added",
         "Gaza civil defence spokesman Mahmoud Basal said the strike on the school in Gaza City "
         "killed at least 20 people. He added that rescuers were still pulling bodies from the "
         "rubble.", "2024-08-10",
         said("Mahmoud Basal", GAZA_CD, None, "casualties", killed_min=20)),
    case("idf-said-in-statement-after",
         "Israeli aircraft struck a Hezbollah weapons depot in the town of Nabatieh overnight, "
         "the Israeli military said in a statement.", "2024-09-30",
         said("Israeli military", IDF, "IL", "target")),
    case("lebanon-moh-numbers-in-words",
         "Lebanon's Ministry of Public Health said twenty-three people were killed and forty "
         "wounded in Israeli strikes on Baalbek.", "2024-10-25",
         said("Lebanon's Ministry of Public Health", ("Ministry of Public Health (Lebanon)", "LB"),
              "IL", "casualties", killed_min=23, wounded_min=40)),
]

YEMEN = [
    case("houthis-accuse-coalition-raids",
         "The Houthis accused the Saudi-led coalition of carrying out 25 air raids on Saada "
         "province.", "2019-07-08",
         said("Houthis", HOUTHIS, "SA", "accusation", count=25)),
    case("saree-quote-he-added",
         "Houthi military spokesman Yahya Saree said the group had targeted the ship Tutor with "
         "a drone boat. \"The ship is now at risk of sinking,\" he added.", "2024-06-13",
         said("Yahya Saree", HOUTHIS, None, "target")),
    case("saba-us-british-strikes",
         "The Houthi-run Saba news agency said US and British strikes killed three people in "
         "Hodeidah.", "2024-02-25",
         said("Houthi-run Saba news agency", ("Al-Masirah", "YE"), "US", "casualties",
              killed_min=3)),
    case("ydp-share-according-to",
         "According to the Yemen Data Project, one in three coalition air raids has hit civilian "
         "sites.", "2016-09-20",
         said("Yemen Data Project", ("Yemen Data Project", "YE"), "SA", "statistic",
              share=1 / 3),
         fails="'coalition' with no strike place is settled by no theatre, so the claim is about "
               "no one"),
    case("mwatana-accuses-coalition",
         "Mwatana for Human Rights accused the Saudi-led coalition of bombing a school bus in "
         "Dahyan, killing 40 children.", "2018-08-10",
         said("Mwatana for Human Rights", ("Mwatana for Human Rights", "YE"), "SA", "accusation",
              killed_min=40)),
    case("houthi-moh-toll-range",
         "The Houthi-run health ministry said between 60 and 70 people were killed in the raid "
         "on the detention centre in Saada.", "2022-01-22",
         said("Houthi-run health ministry", ("Health Ministry (Sanaa)", "YE"), None,
              "casualties", killed_min=60, killed_max=70)),
]

SUDAN = [
    case("colonel-spokesman-for-army",
         "Brigadier Nabil Abdallah, a spokesman for the Sudanese army, said the RSF shelled a "
         "camp for displaced people in El Fasher, killing 12 people.", "2024-05-12",
         said("Nabil Abdallah", SAF, None, "casualties", killed_min=12)),
    case("msf-wounded-range",
         "Medecins Sans Frontieres said between 30 and 40 wounded people arrived at its hospital "
         "in Omdurman after the shelling of a market.", "2024-02-04",
         said("Medecins Sans Frontieres", ("Medecins Sans Frontieres", None), None,
              "casualties", wounded_min=30, wounded_max=40)),
    case("sdn-accuses-rsf",
         "The Sudan Doctors Network accused the RSF of shelling the Al-Nao hospital in Omdurman, "
         "killing four patients.", "2024-06-02",
         said("Sudan Doctors Network", ("Sudan Doctors Network", "SD"), None, "accusation",
              killed_min=4)),
    case("resident-after-quote",
         "\"The aircraft bombed the market while it was crowded,\" a resident of Kabkabiya told "
         "Reuters by phone.", "2024-12-11",
         # the seat after the speaker's word is not its name, as "Residents of Pazigyi" in
         # the first sweep
         said("resident", None, None, "target")),
    case("rsf-denies-el-obeid",
         "The RSF denied targeting civilians in El Obeid and said its drones struck army "
         "positions.", "2025-02-05",
         said("RSF", ("Rapid Support Forces", "SD"), None, "denial")),
    case("ocha-week-statistic",
         "OCHA said at least 25 civilians were killed in air strikes across North Darfur in the "
         "past week.", "2024-09-20",
         said("OCHA", UN, None, "statistic", killed_min=25)),
]

MYANMAR = [
    case("myanmar-military-said",
         "Myanmar's military said it had carried out air strikes on a PDF training camp in "
         "Sagaing region.", "2023-05-03",
         said("Myanmar's military", ("Myanmar Armed Forces (Tatmadaw)", "MM"), "MM", "target")),
    case("kndf-according-to",
         "According to the Karenni Nationalities Defense Force, junta jets bombed a church in "
         "Demoso, killing four civilians.", "2023-06-15",
         said("Karenni Nationalities Defense Force",
              ("Karenni Nationalities Defense Force", "MM"), "MM", "casualties", killed_min=4)),
    case("aa-spokesman-dozen",
         "A spokesman for the Arakan Army, Khine Thu Kha, said the military's air strike on "
         "Kyauktaw killed more than a dozen villagers.", "2024-01-08",
         said("Khine Thu Kha", ("Arakan Army", "MM"), "MM", "casualties", killed_min=13)),
    case("junta-denies-village",
         "Myanmar's junta denied bombing the village, saying its forces had targeted only "
         "terrorists.", "2023-04-13",
         said("Myanmar's junta", ("Myanmar Armed Forces (Tatmadaw)", "MM"), "MM", "denial")),
    case("nug-minister-two-sentences",
         "The National Unity Government said junta aircraft bombed a school in Sagaing region. "
         "The NUG added that seven children were among the dead.", "2022-09-19",
         # one speaker (its acronym and its name share a key): one claim, its most specific
         # kind on a tie of its two statements
         said("National Unity Government", ("National Unity Government of Myanmar", "MM"), "MM",
              "casualties", killed_min=7)),
]

SOMALIA = [
    case("shabaab-claims-mortars",
         "Al-Shabaab claimed responsibility for the mortar attack on the presidential palace in "
         "Mogadishu.", "2023-07-10",
         said("Al-Shabaab", ("Al Shabaab", "SO"), None, "target")),
    case("africom-estimated",
         "U.S. Africa Command said it conducted an airstrike against al-Shabaab near Jilib that "
         "killed an estimated three militants.", "2023-08-14",
         said("U.S. Africa Command", ("United States Africa Command", "US"), "US", "casualties",
              killed_min=3)),
    case("amnesty-accuses-africom",
         "Amnesty International accused US Africa Command of failing to acknowledge that its "
         "strikes killed civilians in Lower Shabelle.", "2019-03-20",
         said("Amnesty International", ("Amnesty International", None), "US", "accusation")),
    case("shabaab-denies-losses",
         "Al-Shabaab denied that any of its fighters were killed in the US air strike near "
         "Kunyo Barrow.", "2020-01-12",
         said("Al-Shabaab", ("Al Shabaab", "SO"), "US", "denial")),
]

SYRIA = [
    case("sohr-acronym-died",
         "SOHR said 21 people, seven of them children, died in Russian air raids on the "
         "countryside of Idlib.", "2019-07-23",
         said("SOHR", SOHR, "RU", "casualties", killed_min=21)),
    case("nurse-after-quote-deliberately",
         "\"Russian warplanes deliberately targeted the hospital,\" said Fidaa Ibrahim, a nurse "
         "at the hospital in Kafr Nabl.", "2019-05-06",
         said("Fidaa Ibrahim", None, "RU", "accusation")),
    case("syrian-army-air-force",
         "The Syrian army said its air force destroyed terrorist hideouts in the Hama "
         "countryside.", "2019-05-10",
         said("Syrian army", ("Syrian Ministry of Defence", "SY"), "SY", "target")),
    case("white-helmets-put-toll",
         "The White Helmets put the death toll from the barrel bomb attack on Aleppo's al-Shaar "
         "district at 14.", "2016-04-28",
         said("White Helmets", ("Syria Civil Defence", "SY"), None, "casualties",
              killed_min=14)),
    case("airwars-range-month",
         "Airwars estimated that between 100 and 150 civilians were killed by coalition strikes "
         "on Raqqa in June.", "2017-07-05",
         said("Airwars", ("Airwars", "GB"), "US", "statistic", killed_min=100, killed_max=150),
         fails="a toll over a month ('in June') is read as one strike's casualties, not a "
               "statistic"),
    case("sana-accuses-israel",
         "SANA accused Israel of striking the Damascus international airport, putting it out of "
         "service.", "2022-06-10",
         said("SANA", ("Syrian Arab News Agency", "SY"), "IL", "accusation")),
]

IRAQ = [
    case("joc-nine-militants",
         "The Iraqi Joint Operations Command said F-16 jets killed nine Islamic State militants "
         "in an air strike on a cave in the Makhmour mountains.", "2022-04-02",
         said("Iraqi Joint Operations Command", ("Security Media Cell (Iraq)", "IQ"), "IQ",
              "casualties", killed_min=9)),
    case("kataib-hezbollah-accuses",
         "Kataib Hezbollah accused the United States of killing two of its commanders in a drone "
         "strike in Baghdad.", "2024-02-08",
         said("Kataib Hezbollah", ("Popular Mobilization Forces", "IQ"), "US", "accusation")),
    case("centcom-85-targets",
         "US Central Command said its forces struck 85 targets at seven facilities in Iraq and "
         "Syria used by the Revolutionary Guards and affiliated militias.", "2024-02-03",
         said("US Central Command", US_DOD, "US", "target", count=85)),
    case("nineveh-officials-more-than",
         "According to Nineveh health officials, the air strike on the al-Jadida district of "
         "Mosul killed more than 100 people.", "2017-03-25",
         said("Nineveh health officials", None, None, "casualties", killed_min=101)),
]

SAHEL = [
    case("burkina-army-dozens",
         "Burkina Faso's army said dozens of terrorists were killed in air strikes on their "
         "bases near Djibo.", "2023-05-02",
         said("Burkina Faso's army", ("Armed Forces of Burkina Faso", "BF"), "BF", "casualties",
              killed_min=24)),
    case("survivors-told-hrw-range",
         "Survivors told Human Rights Watch that the drone struck a wedding in the village of "
         "Tonkoro, killing between 10 and 12 people.", "2024-03-25",
         said("Survivors", None, None, "casualties", killed_min=10, killed_max=12)),
    case("naf-spokesman-apposition",
         "A spokesman for the Nigerian Air Force, Edward Gabkwet, said the jets struck Boko "
         "Haram hideouts in the Sambisa forest.", "2021-04-12",
         said("Edward Gabkwet", ("Nigerian Armed Forces", "NG"), "NG", "target")),
    case("mali-government-rejects",
         "Mali's government rejected accusations that its army's drone strike killed civilians "
         "at a wedding near Kidal.", "2024-03-22",
         said("Mali's government", ("Transitional Government of Mali", "ML"), "ML", "denial")),
]

ETHIOPIA_LIBYA = [
    case("tigray-health-bureau",
         "Tigray's health bureau said an air strike on a camp for displaced people in Dedebit "
         "killed 56 people.", "2022-01-08",
         said("Tigray's health bureau", None, None, "casualties", killed_min=56)),
    case("ethiopian-government-denies",
         "The Ethiopian government denied targeting civilians and said it struck TPLF military "
         "positions in Mekelle.", "2021-10-20",
         said("Ethiopian government", ("Government of Ethiopia", "ET"), "ET", "denial")),
    case("legesse-tulu-air-force",
         "Government spokesman Legesse Tulu said the air force struck a TPLF weapons depot in "
         "Mekelle.", "2021-10-21",
         said("Legesse Tulu", ("Government of Ethiopia", "ET"), "ET", "target")),
    case("aid-workers-drone-minibus",
         "According to aid workers, at least 17 people died when a drone hit a minibus in the "
         "Amhara region.", "2023-08-30",
         said("aid workers", None, None, "casualties", killed_min=17)),
    case("mismari-mitiga",
         "LNA spokesman Ahmed al-Mismari said the air force had struck Turkish drones at Mitiga "
         "airport.", "2020-05-09",
         said("Ahmed al-Mismari", ("Libyan National Army", "LY"), "LY", "target")),
    case("unsmil-tajoura",
         "The UN mission in Libya said the air strike on the migrant detention centre in Tajoura "
         "killed at least 53 people.", "2019-07-05",
         said("UN mission in Libya", UN, None, "casualties", killed_min=53)),
    case("gna-accuses-haftar",
         "The Government of National Accord accused Haftar's forces of shelling residential "
         "areas of Tripoli, killing five civilians.", "2019-10-15",
         said("Government of National Accord", ("Government of National Accord forces", "LY"),
              "LY", "accusation", killed_min=5)),
]

SWEEP = UKRAINE_RUSSIA + GAZA_LEBANON + YEMEN + SUDAN + MYANMAR + SOMALIA + SYRIA + IRAQ \
    + SAHEL + ETHIOPIA_LIBYA


def _voice(name: str, org: str | None) -> str:
    """Whose voice a claim is: its body, else its speaker ("the NUG" after "the National Unity
    Government" is one speaker)."""
    return org or _key(name)


def _by_speaker(claims) -> dict[str, list[ClaimMention]]:
    """Each speaker's claims, however many sentences it speaks in, in text order."""
    out: dict[str, list[ClaimMention]] = defaultdict(list)
    for c in claims:
        out[_voice(c.speaker, c.org)].append(c)
    return out


@pytest.mark.parametrize(("text", "published", "claims"), SWEEP)
def test_sweep(extractor, text, published, claims):
    got = _by_speaker(read(extractor, text, published).claims)
    wanted = {_voice(w.speaker, w.org[0] if w.org else None): w for w in claims}
    assert sorted(got) == sorted(wanted), dict(got)
    for voice, want in wanted.items():
        have = [_coded(c) for c in got[voice]]
        assert _key(have[0].speaker) == _key(want.speaker), have
        assert {(h.org, h.about) for h in have} == {(want.org, want.about)}, have
        assert {h.kind for h in have} == set(want.kind.split("+")), have
        for label, value in want.numbers.items():
            assert value in [pytest.approx(v) for c in got[voice] for k, v in c.numbers
                             if k == label], have


# ---------------------------------------------------------------- the rules the sweep found


@pytest.mark.parametrize(("text", "org"), [
    # Gaza, Myanmar, Libya, Sudan: a force the registry quotes under no spokesman speaks under
    # its own names
    ("Palestinian Islamic Jihad denied that one of its rockets hit the hospital.",
     "Palestinian Islamic Jihad"),
    ("According to the KNDF, junta jets bombed a church in Demoso.",
     "Karenni Nationalities Defense Force"),
    ("The Government of National Accord said Haftar's forces shelled Tripoli's airport.",
     "Government of National Accord forces"),
    ("The Sudan Liberation Army said army drones struck a market in Tawila.",
     "Sudan Liberation Movement/Army"),
    # Iraq: a group whose name holds another's ("Kataib Hezbollah") is not that other
    ("Kataib Hezbollah said a US drone strike killed two of its commanders in Baghdad.",
     "Popular Mobilization Forces"),
])
def test_a_force_speaks_under_its_own_names(extractor, text, org):
    assert [c[1] for c in claims_of(extractor, text)] == [org]


@pytest.mark.parametrize("text", [
    # Ukraine and Syria: a force's word for its state is no name it speaks under
    "Russian officials said the strike on Belgorod killed two people.",
    "U.S. officials said the strike near Hajin killed four civilians.",
])
def test_a_state_s_word_in_a_speaker_s_name_is_no_force_speaking(extractor, text):
    assert [c[1] for c in claims_of(extractor, text)] == [None]


@pytest.mark.parametrize(("text", "speaker"), [
    # Sahel and Gaza: survivors; Ethiopia and Sudan: aid workers; Sudan and Ukraine: a resident
    ("Survivors told Human Rights Watch that the drone struck a wedding near Tonkoro.",
     "Survivors"),
    ("Survivors said the strike on the tent camp in al-Mawasi killed a family of six.",
     "Survivors"),
    ("Aid workers said the drone strike on the market in Bahir Dar killed 12 people.",
     "Aid workers"),
    ("Humanitarian workers said shelling hit the Zamzam camp overnight.",
     "Humanitarian workers"),
    ("\"The aircraft bombed the market,\" a resident of Kabkabiya told Reuters.", "a resident"),
    ("A resident of Kherson said Russian shelling hit the city's central market.", "A resident"),
])
def test_survivors_aid_workers_and_a_resident_speak(extractor, text, speaker):
    assert [(c[0], c[1]) for c in claims_of(extractor, text)] == [(speaker, None)]


@pytest.mark.parametrize("text", [
    # Russia, Israel, Sahel: what a side says its strikes destroyed is a claim of targets
    "The Russian Defence Ministry said its forces destroyed three HIMARS launchers near Kupiansk.",
    "The Israeli military said its jets destroyed Hezbollah rocket launchers near Khiam.",
    "Mali's army said its aircraft destroyed a terrorist logistics depot near Menaka.",
])
def test_what_a_side_destroyed_is_a_claim_of_targets(extractor, text):
    assert [c[3] for c in claims_of(extractor, text)] == ["target"]


@pytest.mark.parametrize("text", [
    # Gaza, Russia, Iraq: "not aware of" a strike or its victims denies
    "The IDF said it was not aware of a strike in the area of the Nuseirat camp.",
    "The Kremlin said it was not aware of any strike on a residential building in Kyiv.",
    "The Pentagon said it was not aware of any civilian casualties from the strike in Mosul.",
])
def test_not_aware_of_a_strike_is_a_denial(extractor, text):
    assert [c[3] for c in claims_of(extractor, text)] == ["denial"]


@pytest.mark.parametrize(("text", "org"), [
    # Somalia, Iraq, Yemen: a claim of responsibility is a claim, the group's own
    ("Al-Shabaab claimed responsibility for the mortar attack on the presidential palace in "
     "Mogadishu.", "Al Shabaab"),
    ("The Islamic Resistance in Iraq claimed responsibility for a drone attack on the Ain "
     "al-Asad air base.", "Islamic Resistance in Iraq"),
    ("The Houthis claimed the attack on the tanker in the Gulf of Aden.", "Houthis (Ansar Allah)"),
])
def test_a_claim_of_responsibility_is_the_group_s_claim(extractor, text, org):
    assert [(c[1], c[2], c[3]) for c in claims_of(extractor, text)] == [(org, None, "target")]


@pytest.mark.parametrize(("text", "about"), [
    # Russia, Israel, Yemen: fire a side stopped is no target of its own strikes
    ("The Russian defence ministry said air defences had destroyed 30 Ukrainian drones over the "
     "Belgorod region.", "UA"),
    ("The Israeli military said air defences intercepted 20 rockets fired from Lebanon at "
     "Kiryat Shmona.", None),
    ("The Saudi-led coalition said it intercepted a ballistic missile launched by the Houthis "
     "towards Jazan.", None),
])
def test_fire_stopped_is_no_claim_of_targets(extractor, text, about):
    assert [(c[2], c[3]) for c in claims_of(extractor, text)] == [(about, "other")]


@pytest.mark.parametrize(("text", "period"), [
    # Sudan, Yemen, Ukraine: a period at the end of the toll's clause makes it a statistic,
    # however far after the figure
    ("OCHA said at least 25 civilians were killed in air strikes across North Darfur in the "
     "past week.", "the past week"),
    ("Mwatana for Human Rights said it had documented 11 children killed in air strikes on "
     "Hodeidah in the past month.", "the past month"),
    ("Ukraine's prosecutor general said 14 civilians were killed by Russian shelling of "
     "Kherson region over the past week.", "the past week"),
    # Syria: a running total after a comma leaves the strike its own toll
    ("The Syrian Observatory said the strike killed 12 people in the town of Saraqeb, "
     "bringing the toll in the province since the start of the month to 300.", None),
])
def test_a_period_closing_the_toll_s_clause_makes_a_statistic(text, period):
    toll = counts.find_casualties(text)[0]
    assert counts.period_of(text, toll) == period


@pytest.mark.parametrize(("text", "killed"), [
    # Syria and Gaza: a toll set "at" its figure, far after the toll word
    ("The White Helmets put the death toll from the barrel bomb attack on Aleppo's al-Shaar "
     "district at 14.", 14),
    ("Medics at Nasser hospital put the death toll from the strike on the tent camp in "
     "al-Mawasi at 19.", 19),
    # Syria and Gaza: "N of them" set inside the toll is a part of it, not the toll
    ("SOHR said 21 people, seven of them children, died in Russian air raids on Idlib.", 21),
    ("Health officials said 31 people, 12 of whom were children, were killed in the strike on "
     "Nuseirat.", 31),
    # Sudan: a time "at 10 am" with a toll word after it is no toll
    ("The drone hit the market at 10 am, and the toll was not known.", None),
])
def test_tolls_set_at_a_figure_and_tolls_with_a_part(text, killed):
    dead = [c.range.min for c in counts.find_casualties(text) if c.kind == "killed"]
    assert dead == ([killed] if killed else [])


@pytest.mark.parametrize(("text", "about"), [
    # Iraq, Russia, Israel: a state's voice telling of its own forces' strike speaks of its
    # own, whichever state's forces its targets belong to
    ("US Central Command said its forces struck 85 targets at seven facilities in Iraq and "
     "Syria used by the Revolutionary Guards.", "US"),
    ("The Russian Defence Ministry said its forces struck temporary deployment points of "
     "Ukrainian army units.", "RU"),
    ("Israel's military said its jets struck radar sites used by the Iranian army.", "IL"),
    # Ukraine: the possessive of a speaker who does not strike is its victims'
    ("Ukrainian officials said Russian forces struck their positions near Bakhmut.", "RU"),
])
def test_a_state_voice_on_its_own_forces_strike_speaks_of_its_own(extractor, text, about):
    assert [c[2] for c in claims_of(extractor, text)] == [about]


@pytest.mark.parametrize(("text", "about"), [
    # Myanmar and Ukraine: words a speaker adds, naming no force, are about the strike it told
    ("The National Unity Government said junta aircraft bombed a school in Sagaing region. The "
     "NUG added that seven children were among the dead.", {"MM"}),
    ("Kharkiv governor Oleh Syniehubov said a Russian glide bomb hit a residential building. "
     "He added that five people were killed.", {"RU"}),
    # Syria: another speaker's words go on from no claim of its own
    ("The Syrian Observatory said Russian jets struck Maarat al-Numan. Local activists added "
     "that a car bomb killed five people in Azaz.", {"RU", None}),
])
def test_words_a_speaker_adds_are_about_the_strike_it_told(extractor, text, about):
    assert {c[2] for c in claims_of(extractor, text)} == about


@pytest.mark.parametrize("text", [
    # Russia and Israel: a statement of drones shot down is read, as a claim
    "The Russian Defence Ministry said air defences shot down 12 Ukrainian drones over the "
    "Belgorod region.",
    "The Israeli military said its air defences intercepted two drones launched from Yemen.",
])
def test_fire_stopped_is_read_as_a_claim(extractor, text):
    assert [c[3] for c in claims_of(extractor, text)] == ["other"]


@pytest.mark.parametrize(("text", "about"), [
    # Lebanon, Ukraine, Yemen: a force named on what was hit is not whose strike a claim tells
    ("Hezbollah claimed responsibility for a drone attack on an army base near Haifa.", None),
    ("Ukraine's General Staff claimed responsibility for a drone attack on a Russian army depot "
     "in Bryansk.", "UA"),
    ("The Houthis said they fired missiles at a US Navy destroyer in the Red Sea.", None),
    # Syria: one named after "by" still acts
    ("Amnesty said the attack on the hospital was carried out by Russian jets.", "RU"),
])
def test_a_force_named_on_what_was_hit_does_not_act(extractor, text, about):
    assert [c[2] for c in claims_of(extractor, text)] == [about]


@pytest.mark.parametrize(("text", "speaker", "org"), [
    # Myanmar, Ethiopia, Gaza: the name set after a title and the body it speaks for
    ("A spokesman for the Arakan Army, Khine Thu Kha, said the military's air strike on "
     "Kyauktaw killed more than a dozen villagers.", "Khine Thu Kha", "Arakan Army"),
    ("A spokesman for the TPLF, Getachew Reda, said drones struck a market in Mekelle.",
     "Getachew Reda", "Tigray Defense Forces (TPLF)"),
    ("A spokeswoman for the UN human rights office, Ravina Shamdasani, said the strike on the "
     "camp in Jabalia could amount to a war crime.", "Ravina Shamdasani", "United Nations"),
])
def test_a_name_after_a_title_and_its_body_is_the_speaker(extractor, text, speaker, org):
    assert [(c[0], c[1]) for c in claims_of(extractor, text)] == [(speaker, org)]


@pytest.mark.parametrize("text", [
    # Ukraine and Syria: a force named only on what was hit still makes the words a claim
    "Residents said the explosion was heard at a Russian army depot near Melitopol.",
    "Witnesses said the shell landed at a Syrian army checkpoint near Daraa.",
])
def test_a_force_named_on_what_was_hit_still_makes_a_claim(extractor, text):
    assert [(c[2], c[3]) for c in claims_of(extractor, text)] == [(None, "other")]
