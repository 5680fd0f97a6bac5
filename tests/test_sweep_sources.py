"""A sweep of the report shapes no earlier sweep was written for (issue 11): military press
releases (CJTF-OIR, AFRICOM, the Russian MoD, the IDF, the Saudi-led coalition, Ukraine's
General Staff and Air Force), the attacker's own "destroyed a command post" claims, UN OCHA
flash updates and situation reports, Airwars-style incident entries, Sudanese doctors' and
lawyers' statements, Myanmar NUG statements, health-ministry toll updates, and the non-events
those sources print (intercepts with no impact, tolls "since October", a strike recalled from
last year, a denial with no new strike).

Every item is written for these tests in the shape such a source takes; none is copied from a
corpus. Each case gives what a careful analyst would code. A case strikewatch still gets wrong
is marked ``xfail(strict=True)`` with the reason, so the record stays honest and a fix shows as
an XPASS. The rules the sweep found are tested below the table on a sentence of the war that
found them and on one of another war.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from test_extract_wars import item

from strikewatch.actors import settle_attackers, settle_claims
from strikewatch.extract import Extractor
from strikewatch.geo import geocode_mentions
from strikewatch.models import ClaimMention, StrikeMention


@dataclass(frozen=True)
class Coded:
    """What a sweep checks of one strike: the place as written and where it was coded, who
    struck (registry name and country), the toll, the day, whether the striking side is the
    one reporting it, and what was hit."""

    place: str | None
    country: str | None
    admin1: str | None
    precision: str | None
    unresolved: str | None
    attacker: str | None
    killed: tuple[int | None, int | None]
    wounded: tuple[int | None, int | None]
    day: str | None
    claimed: bool
    attacker_country: str | None
    targets: tuple[str, ...]


@dataclass(frozen=True)
class Read:
    strikes: list[Coded]
    claims: list[ClaimMention]


def read(extractor: Extractor, text: str, published: str, title: str | None = None) -> Read:
    """One item as the pipeline leaves it: extracted, geocoded, attackers and speakers settled."""
    doc = item(text, title=title, published=published)
    found = extractor.extract(doc)
    placed = geocode_mentions(found.strikes, extractor.gazetteer, document_text=doc.text) \
        if found.strikes else []
    strikes = settle_attackers(placed)
    return Read([_coded(m) for m in strikes], list(settle_claims(found.claims, strikes)))


def _coded(m: StrikeMention) -> Coded:
    p, k, w, a = m.place, m.casualties.killed, m.casualties.wounded, m.attacker
    return Coded(m.place_text, p.country if p else None, p.admin1 if p else None,
                 p.precision if p else None, p.unresolved_name if p else None,
                 a.name if a else None, (k.min, k.max), (w.min, w.max),
                 m.date.isoformat() if m.date else None, m.claimed_by_attacker,
                 a.country if a else None, tuple(t.category for t in m.targets))


def case(cid: str, text: str, published: str, *, count: int = 1, fails: str | None = None,
         claim: tuple[str, str | None] | None = None, **want):
    """One sweep item and its analyst's coding: ``count`` strikes (0 for an item that reports
    no new strike), the fields of ``Coded`` every strike must have, and ``claim``, a (kind,
    organisation) that one claim of the item must have (organisation None: any)."""
    unknown = set(want) - set(Coded.__dataclass_fields__)
    if unknown:
        raise ValueError(f"{cid}: no such coded field {sorted(unknown)}")
    marks = [pytest.mark.xfail(reason=fails, strict=True)] if fails else []
    return pytest.param(text, published, count, want, claim, id=cid, marks=marks)


COALITION, US, AFRICOM = ("US-led Coalition", "United States Armed Forces",
                          "United States Africa Command")
SAUDI, IDF, RU, UA = ("Saudi-led Coalition", "Israel Defense Forces", "Russian Armed Forces",
                      "Armed Forces of Ukraine")

PRESS_RELEASES = [
    # ------------------------------------------------------------------ CJTF-OIR (Syria, Iraq)
    # a release's lead names the force; its lines name only the place and what was hit
    case("oir-near-raqqa",
         "On June 10, Coalition military forces conducted 31 strikes consisting of 45 "
         "engagements against ISIS targets in Syria.\n\nNear Raqqa, three strikes engaged an "
         "ISIS tactical unit and destroyed two fighting positions.", "2017-06-12",
         country="SY", admin1="Ar-Raqqah", attacker=COALITION, day="2017-06-10",
         fails="a release line with no force ('Near Raqqa, three strikes engaged ...') takes "
               "neither the force nor the day its lead names"),
    case("oir-near-mosul",
         "Coalition military forces conducted 12 strikes against ISIS targets in Iraq on March "
         "18.\n\nNear Mosul, four strikes engaged three ISIS tactical units and destroyed an "
         "ISIS vehicle bomb factory and two mortar systems.", "2017-03-20",
         country="IQ", admin1="Ninawa", attacker=COALITION, day="2017-03-18",
         fails="a release line with no force takes neither the force nor the day its lead names"),
    case("oir-near-qaim", "Near Al Qaim, one strike destroyed an ISIS weapons cache.",
         "2017-11-02", country="IQ", admin1="Anbar", attacker=None),
    case("oir-release-lead",
         "Coalition military forces conducted two strikes against ISIS targets near Abu Kamal, "
         "Syria, on Nov. 8, destroying a headquarters building, CJTF-OIR said.", "2017-11-10",
         country="SY", attacker=COALITION, day="2017-11-08"),
    # ------------------------------------------------------------------ AFRICOM (Somalia)
    case("africom-vicinity",
         "U.S. Africa Command conducted an airstrike in the vicinity of Jilib, Somalia, on Jan. "
         "5, killing three al-Shabaab terrorists.", "2025-01-07",
         country="SO", admin1="Middle Juba", attacker=AFRICOM, killed=(3, 3), day="2025-01-05"),
    case("africom-mountains-km",
         "In coordination with the Federal Government of Somalia, U.S. Africa Command conducted "
         "an airstrike against ISIS-Somalia approximately 60 km southeast of Bosaso on Feb. 10.",
         "2025-02-12", country="SO", attacker=AFRICOM, day="2025-02-10"),
    case("africom-assessment",
         "The command's initial assessment is that no civilians were injured or killed as a "
         "result of this airstrike.", "2025-02-12", count=0),
    # ------------------------------------------------------------------ the Russian MoD
    case("rumod-command-post",
         "Russian aviation and artillery hit a command post of the Ukrainian 92nd Mechanised "
         "Brigade near Kupiansk, Kharkiv region, the Russian Defence Ministry said.",
         "2024-10-02", country="UA", admin1="Kharkiv", attacker=RU, claimed=True),
    case("rumod-up-to",
         "In the past day, Russian forces struck a Ukrainian temporary deployment point near "
         "Krasnohorivka in the Donetsk People's Republic, killing up to 40 servicemen, the "
         "Russian Defence Ministry said.", "2024-02-14",
         country="UA", admin1="Donetsk", attacker=RU, killed=(None, 40), claimed=True),
    case("rumod-syria",
         "Russian Aerospace Forces aircraft struck terrorist targets in Idlib province, "
         "destroying a command post and ammunition depots, the Russian Centre for "
         "Reconciliation said.", "2019-05-20",
         country="SY", admin1="Idlib", attacker=RU, claimed=True),
    case("rumod-drones-over",
         "Air defence systems shot down 18 Ukrainian drones over the Belgorod region overnight, "
         "the Russian Defence Ministry said.", "2024-06-01", count=0),
    case("rumod-kyiv-regime-attempt",
         "The Kyiv regime attempted a terrorist attack with fixed-wing drones on targets in the "
         "Kursk region; all the drones were destroyed by air defence.", "2024-06-01", count=0),
    # ------------------------------------------------------------------ the IDF
    case("idf-area-of",
         "IDF fighter jets struck Hezbollah terrorist infrastructure in the area of Aitaroun.",
         "2024-03-04", country="LB", attacker=IDF,
         fails="Aitaroun, a village of Bint Jbeil district, is not in the gazetteer and the "
               "sentence names no container: no place"),
    case("idf-gaza-city-school",
         "The IDF struck a Hamas command and control centre embedded in a former school in Gaza "
         "City, the military said.", "2024-08-10",
         country="PS", attacker=IDF, precision="point", claimed=True,
         fails="'the military said' after an IDF strike is not heard as the attacker's own claim"),
    case("idf-eliminated-person",
         "Earlier today, IDF aircraft eliminated the terrorist Ahmad Hassan, a commander in "
         "Hezbollah's Radwan Force, in a strike in the area of Nabatieh.", "2024-10-15",
         country="LB", attacker=IDF, place="Nabatieh"),
    case("idf-directed-aerial",
         "IDF troops operating in Khan Younis directed an aerial strike on a Hamas terrorist "
         "cell.", "2024-02-01", country="PS", attacker=IDF),
    case("idf-syrian-regime-south",
         "IDF fighter jets struck military targets belonging to the Syrian regime in southern "
         "Syria.", "2024-12-09", country="SY", attacker=IDF, precision="region"),
    case("idf-intercepted-yemen",
         "A missile launched from Yemen was intercepted by the IDF before it crossed into "
         "Israeli territory.", "2024-12-20", count=0),
    # no one hurt, but the rockets landed: a strike (ACLED codes such fire), of no named side
    case("idf-projectiles-open-areas",
         "Two projectiles that crossed from Lebanon fell in open areas near Kiryat Shmona; no "
         "injuries were reported.", "2024-06-20", country="IL", attacker=None),
    # ------------------------------------------------------------------ the Saudi-led coalition
    case("slc-destroyed-storage",
         "The Coalition to Restore Legitimacy in Yemen said it destroyed a Houthi drone storage "
         "site in Sanaa.", "2022-01-18", country="YE", attacker=SAUDI, claimed=True,
         fails="'said it destroyed a ... site in Sanaa': a belligerent's 'destroyed' is its "
               "strike only with its air arm, artillery or drones named (ground troops destroy "
               "too), though a coalition strikes here from the air alone"),
    case("slc-spokesman-targets",
         "Coalition spokesman Turki al-Maliki said the air strikes targeted legitimate military "
         "targets in Hodeidah.", "2018-06-15", country="YE", attacker=SAUDI, claimed=True),
    case("slc-intercepted-drone",
         "The coalition said it intercepted and destroyed an explosive-laden drone launched by "
         "the Houthi militia towards Khamis Mushait.", "2021-03-10", count=0),
    case("slc-air-defences-jazan",
         "Saudi air defences intercepted a ballistic missile fired by the Houthis at Jazan, the "
         "coalition said.", "2021-03-10", count=0),
    # ------------------------------------------------------------------ Ukraine's Air Force, Staff
    case("uaf-tally-no-place",
         "Overnight, Russia launched 45 Shahed drones and three Iskander-M missiles; air "
         "defence downed 38, the Ukrainian Air Force said.", "2024-11-20", count=0),
    case("uaf-tally-oblast-hit",
         "Overnight, Russia attacked with 64 Shahed-type drones, 47 of which were shot down; "
         "drones hit energy infrastructure in Odesa oblast, the Air Force said.", "2024-11-20",
         country="UA", admin1="Odessa", precision="admin1", attacker=RU),
    case("uags-guided-bombs",
         "Over the past day, the occupiers carried out 12 air strikes with guided aerial bombs "
         "on Huliaipole and Mala Tokmachka, the General Staff of the Armed Forces of Ukraine "
         "said.", "2024-03-02", count=2, country="UA", admin1="Zaporizhia", attacker=RU),
    case("uags-own-command-post",
         "Ukrainian forces struck a Russian command post near Oleshky, the General Staff said.",
         "2024-03-02", country="UA", admin1="Kherson", attacker=UA, claimed=True,
         fails="'the General Staff said' is heard as 'Staff', not Ukraine's General Staff: the "
               "strike is not the attacker's own claim"),
    case("uags-refinery-russia",
         "The General Staff said Ukrainian drones hit the Novoshakhtinsk oil refinery in "
         "Russia's Rostov region overnight.", "2024-03-02",
         country="RU", admin1="Rostov", attacker=UA, claimed=True,
         fails="'the General Staff said' is heard as 'Staff' (the tagger's person), no "
               "body of Ukraine's: the strike is not the attacker's own claim"),
    case("ua-kyiv-all-shot-down",
         "Air defence shot down all 12 drones launched at Kyiv overnight, the city's military "
         "administration said; no damage was reported.", "2024-11-20", count=0),
    case("ua-air-raid-alert",
         "An air raid alert was declared in Kyiv and eight oblasts at 03:12, the Air Force said.",
         "2024-11-20", count=0),
    # ------------------------------------------------------------------ the attacker's own claims
    case("houthi-saree-eilat",
         "Houthi military spokesman Yahya Saree said the group's forces targeted the port of "
         "Eilat with a ballistic missile.", "2024-07-22",
         country="IL", attacker="Houthis", claimed=True),
    case("shabaab-command-post",
         "Al-Shabaab said its fighters shelled a Somali army base in Balad with mortars, "
         "destroying a command post.", "2024-09-03", country="SO", attacker="Al Shabaab",
         claimed=True,
         fails="'a Somali army base in Balad': the demonym is read as Ethiopia's Somali "
               "Region, Balad's container (Balad, Middle Shabelle, is no gazetteer name)"),
    case("rsf-drones-port-sudan",
         "The Rapid Support Forces said their drones struck the army's air base in Port Sudan, "
         "destroying fighter jets.", "2025-05-05", country="SD", attacker="RSF",
         claimed=True),
    case("kia-command-post",
         "The Kachin Independence Army said its fighters destroyed a junta command post in "
         "Bhamo with drone-dropped bombs.", "2024-12-10", country="MM",
         attacker="KIA", claimed=True),
    case("fama-hideout",
         "The Malian armed forces said aerial strikes destroyed a terrorist hideout near Niono, "
         "Segou region.", "2024-04-08", country="ML", admin1="Segou", claimed=True),
    case("lna-watiya",
         "The LNA's media office said its warplanes struck the al-Watiya air base, destroying a "
         "Turkish air defence system.", "2020-07-05", country="LY", claimed=True,
         fails="al-Watiya air base is not in the gazetteer: no place; 'the LNA's media office' "
               "is no speaker of the registry, so 'its warplanes' names no attacker"),
    case("tr-mod-northern-iraq",
         "The Turkish defence ministry said its jets destroyed 29 PKK targets in the Gara and "
         "Hakurk regions of northern Iraq.", "2023-01-14", country="IQ",
         attacker="Turkish Armed Forces", claimed=True,
         fails="'the Gara and Hakurk regions of northern Iraq': Gara is placed in Morocco, the "
               "country named after it unheard"),
    case("iq-security-media-cell",
         "The Security Media Cell said Iraqi F-16 jets struck an ISIS hideout in the Hamrin "
         "mountains, killing five militants.", "2023-05-02",
         country="IQ", killed=(5, 5), claimed=True,
         fails="the Hamrin mountains are in no gazetteer and the sentence names no "
               "province: the strike stays unplaced"),
    case("sana-army-units",
         "Army units targeted terrorist positions in the Jabal al-Zawiya area of rural Idlib "
         "with artillery, SANA reported.", "2020-02-10",
         country="SY", admin1="Idlib", attacker="Syrian Government Forces"),
    case("saf-air-force-destroyed",
         "The Sudanese army said its air force destroyed RSF vehicles in Mellit, North Darfur.",
         "2024-07-02", country="SD", admin1="Northern Darfur",
         attacker="Sudanese Armed Forces", claimed=True),
    case("gna-volcano-jufra",
         "Operation Volcano of Anger said its drones struck an LNA ammunition depot at Jufra "
         "air base.", "2020-05-30", country="LY",
         fails="'Jufra air base': the gazetteer finds Jufra (Al Jufrah) only in a story "
               "known to be Libyan, and a state's forces named (the LNA) give no story country"),
    case("mm-state-media-kani",
         "State media said the Tatmadaw conducted air strikes on terrorist PDF positions in "
         "Kani township after an attack on a police station.", "2023-06-11",
         country="MM", attacker="Myanmar Armed Forces (Tatmadaw)", claimed=True,
         fails="a bare 'state media' is heard as Syria's SANA; Kani township is placed in Japan"),
]

MONITORS = [
    # ------------------------------------------------------------------ UN OCHA
    case("ocha-ye-district",
         "On 14 May, an airstrike hit a residential building in Abs District, Hajjah "
         "Governorate, reportedly killing 5 civilians, including 3 children, and injuring 7 "
         "others.", "2018-05-18",
         country="YE", admin1="Hajjah", killed=(5, 5), wounded=(7, 7), day="2018-05-14"),
    case("ocha-sd-town-state",
         "On 3 June, shelling in Al Fasher town, North Darfur State, reportedly killed at least "
         "12 civilians and injured 30, according to local sources.", "2024-06-06",
         country="SD", admin1="Northern Darfur", killed=(12, None), wounded=(30, 30),
         day="2024-06-03"),
    case("ocha-ps-about-hour",
         "On 12 July, at about 13:00, eight Palestinians were reportedly killed when a "
         "residential building was hit in Az Zawayda, Deir al Balah.", "2024-07-15",
         country="PS", killed=(8, 8), day="2024-07-12"),
    case("ocha-ua-oblast",
         "On 7 March, a missile strike hit a residential building in Dobropillia, Donetsk "
         "Oblast, killing 11 civilians and injuring 30 others, OCHA said.", "2025-03-10",
         country="UA", admin1="Donetsk", attacker=None, killed=(11, 11), wounded=(30, 30),
         day="2025-03-07"),
    case("ocha-ps-between-afternoons",
         "Between the afternoons of 10 and 11 July, 52 Palestinians were killed and 208 "
         "injured, according to the Ministry of Health in Gaza.", "2024-07-12", count=0),
    case("ocha-ps-since-october",
         "Since 7 October 2023, at least 38,243 Palestinians have been killed in Gaza, "
         "according to the Ministry of Health.", "2024-07-12", count=0,
         claim=("statistic", None)),
    # ------------------------------------------------------------------ Airwars-style entries
    case("airwars-up-to-coalition",
         "Up to four civilians, including a child, were reportedly killed in an alleged "
         "Coalition airstrike on the al Badia neighbourhood of al Mayadin, Deir Ezzor "
         "governorate.", "2017-08-03",
         country="SY", admin1="Deir ez-Zor", attacker=COALITION, killed=(None, 4)),
    case("airwars-range-russian",
         "Between three and six civilians were reportedly killed by alleged Russian airstrikes "
         "on the village of Kafr Nabl in Idlib governorate, according to local sources.",
         "2019-06-01", country="SY", admin1="Idlib", attacker=RU, killed=(3, 6)),
    case("airwars-turkish-car",
         "A woman and two children were allegedly killed in a Turkish drone strike on a car "
         "near Kobani, Aleppo governorate, local sources said.", "2022-11-25",
         country="SY", admin1="Aleppo", attacker="Turkish Armed Forces", killed=(3, 3)),
    # ------------------------------------------------------------------ Sudan's doctors, lawyers
    case("sdn-doctors-shelter",
         "The Sudan Doctors Network said an RSF drone strike on a displacement shelter in El "
         "Fasher killed 14 people, including six children.", "2025-01-25",
         country="SD", attacker="RSF", killed=(14, 14)),
    case("emergency-lawyers-market",
         "The Emergency Lawyers group said army air strikes on a market in Kabkabiya, North "
         "Darfur, killed at least 40 civilians.", "2024-12-02",
         country="SD", admin1="Northern Darfur", attacker="Sudanese Armed Forces",
         killed=(40, None)),
    case("sdn-doctors-since-siege",
         "The Sudan Doctors Network said 1,200 people have been killed in El Fasher since the "
         "siege began in May.", "2024-12-02", count=0, claim=("statistic", None)),
    # ------------------------------------------------------------------ Myanmar's NUG
    case("nug-camp-kachin",
         "The National Unity Government said a junta air strike on a displacement camp in "
         "Mansi township, Kachin State, killed 9 civilians.", "2024-04-09",
         country="MM", admin1="Kachin", attacker="Myanmar Armed Forces (Tatmadaw)",
         killed=(9, 9)),
    case("nug-statistic",
         "According to the NUG, the military has carried out more than 1,600 air strikes since "
         "the coup in February 2021.", "2023-06-01", count=0),
    # ------------------------------------------------------------------ health-ministry tolls
    case("gaza-moh-toll-risen",
         "The death toll from Israel's war on Gaza has risen to 43,391, the Gaza Health "
         "Ministry said on Tuesday.", "2024-11-05", count=0),
    case("gaza-moh-past-24h",
         "Gaza's Health Ministry said 34 people were killed in the past 24 hours, bringing the "
         "total since October to 39,000.", "2024-07-22", count=0),
    case("lb-moh-strike-and-toll",
         "Israeli strikes on the southern town of Nabatieh killed 16 people, including the "
         "mayor, the Lebanese health ministry said, bringing the toll since October 2023 to "
         "2,367.", "2024-10-17", country="LB", attacker=IDF, killed=(16, 16)),
    case("ye-moh-ras-isa",
         "Health ministry spokesman Anees al-Asbahi said US strikes on the Ras Isa port in "
         "Hodeidah killed 80 people.", "2025-04-18", country="YE", attacker=US, killed=(80, 80)),
    case("sohr-since-start-of-year",
         "SOHR has documented 224 deaths in Russian airstrikes on Idlib since the start of the "
         "year.", "2019-12-01", count=0),
    case("ua-un-monitors-since-2022",
         "Since February 2022, Russian strikes have killed at least 12,300 civilians in "
         "Ukraine, the UN human rights monitoring mission said.", "2024-10-01", count=0,
         claim=("statistic", None)),
    case("acled-drone-strikes-year",
         "ACLED recorded more than 300 drone strikes by Malian forces in 2024.", "2025-02-01",
         count=0),
    case("idf-since-start",
         "Since the start of the war, the IDF has struck more than 40,000 targets in Gaza.",
         "2024-10-07", count=0),
    # ------------------------------------------------------------------ statements on a strike
    case("so-international-partners",
         "The Somali National Army said an airstrike by international partners killed 12 "
         "al-Shabaab militants near Bu'aale, Middle Juba.", "2024-08-01",
         country="SO", admin1="Middle Juba", killed=(12, 12)),
    case("unsmil-condemned",
         "UNSMIL condemned the shelling of Mitiga airport in Tripoli on Saturday, which damaged "
         "a civilian aircraft.", "2019-09-02", country="LY", day="2019-08-31"),
]

NON_EVENTS = [
    case("idf-denies-rafah", "The Israeli military denied carrying out any strike in Rafah on "
         "Sunday.", "2024-05-27", count=0, claim=("denial", "Israel Defense Forces")),
    case("mm-junta-denies", "The junta denied bombing the village of Let Htoke Taw, calling "
         "the reports fabricated.", "2023-11-20", count=0, claim=("denial", None)),
    case("ru-mod-denies-market",
         "Russia's defence ministry denied that its forces had struck the market in "
         "Kostiantynivka.", "2023-09-07", count=0, claim=("denial", None)),
    case("ua-recalled-hospital",
         "A year ago, a Russian missile struck the Okhmatdyt children's hospital in Kyiv, "
         "killing two people.", "2025-07-08", count=0),
    case("mm-recalled-pazigyi",
         "Survivors of last year's air strike on Pazigyi village are still living in the "
         "forest.", "2024-04-11", count=0),
    case("ye-envoy-talks",
         "UN envoy Hans Grundberg met Houthi officials in Muscat to discuss a ceasefire in "
         "Yemen.", "2023-04-10", count=0),
    case("il-drill", "The Israeli Air Force held a large-scale drill over the Mediterranean "
         "simulating long-range strikes.", "2022-06-01", count=0),
]

SWEEP = PRESS_RELEASES + MONITORS + NON_EVENTS


@pytest.mark.parametrize(("text", "published", "count", "want", "claim"), SWEEP)
def test_sweep(extractor, text, published, count, want, claim):
    got = read(extractor, text, published)
    assert len(got.strikes) == count, got.strikes
    for s in got.strikes:
        for field, value in want.items():
            assert getattr(s, field) == value, (field, s)
    if claim is not None:
        kind, org = claim
        assert any(c.kind == kind and org in (None, c.org) for c in got.claims), got.claims


# ---------------------------------------------------------------- the rules the sweep found


def strikes_of(extractor: Extractor, text: str, published: str = "2024-05-10") -> list[Coded]:
    return read(extractor, text, published).strikes


@pytest.mark.parametrize(("text", "place"), [
    # US military releases (Somalia, Syria) and a wire lead from Ukraine date by "Jan. 5"
    ("U.S. Africa Command conducted an airstrike near Jilib on Jan. 5.", "Jilib"),
    ("Coalition forces struck ISIS targets near Abu Kamal on Nov. 8.", "Abu Kamal"),
    ("Russian missiles hit Kharkiv on Sept. 12, killing three people.", "Kharkiv"),
])
def test_a_month_cut_short_is_no_place(extractor, text, place):
    assert [s.place for s in strikes_of(extractor, text)] == [place]


@pytest.mark.parametrize(("text", "attacker", "country"), [
    ("Coalition military forces struck ISIS targets near Abu Kamal on Tuesday.", COALITION, "SY"),
    ("Coalition military forces struck a Houthi weapons depot in Saada on Tuesday.", SAUDI, "YE"),
])
def test_a_coalition_s_military_forces_are_one_attacker(extractor, text, attacker, country):
    assert [(s.attacker, s.country) for s in strikes_of(extractor, text)] == [(attacker, country)]


@pytest.mark.parametrize(("text", "attacker", "country"), [
    # a group's voice with its own forces as the subject: "its fighters", "their drones",
    # "the group's forces" (Somalia, Sudan, Yemen at Israel, Myanmar, Gaza at Israel)
    ("Al-Shabaab said its fighters fired mortars at the presidential palace in Mogadishu.",
     "Al Shabaab", "SO"),
    ("The Rapid Support Forces said their drones struck the air base in Port Sudan.", "RSF", "SD"),
    ("Yahya Saree said the group's forces targeted the port of Eilat with a ballistic missile.",
     "Houthis", "IL"),
    ("Hamas said its fighters fired rockets at Ashkelon.", "Hamas", "IL"),
])
def test_a_voice_s_own_forces_are_the_attacker_and_the_claim_its_own(extractor, text, attacker,
                                                                      country):
    assert [(s.attacker, s.country, s.claimed) for s in strikes_of(extractor, text)] == \
        [(attacker, country, True)]


@pytest.mark.parametrize("text", [
    # the voice's own forces are in the phrase the strike noun hangs on (Myanmar, Sudan)
    "The Kachin Independence Army said its fighters destroyed a junta post in Bhamo with bombs.",
    "The Rapid Support Forces said their fighters destroyed an army depot in Kosti with drones.",
])
def test_the_speaker_acts_in_the_clause_the_strike_noun_hangs_on(extractor, text):
    [strike] = strikes_of(extractor, text)
    assert strike.attacker in ("KIA", "RSF") and strike.claimed


def test_a_strike_reported_by_others_is_not_the_groups_own():
    # "a strike hit Gaza, Hamas said": the group reports what it suffered
    from strikewatch.extract.words import _the_speaker_acts
    from strikewatch.nlp import load_pipeline

    nlp = load_pipeline()
    doc = nlp("An Israeli strike hit a house in Gaza City, Hamas said.")
    assert not any(_the_speaker_acts(t) for t in doc)
    doc = nlp("Al-Shabaab said its fighters shelled a base in Balad.")
    assert any(_the_speaker_acts(t) for t in doc)


@pytest.mark.parametrize(("text", "attacker", "country"), [
    ("The Sudanese army said its air force destroyed RSF vehicles in Mellit.",
     "Sudanese Armed Forces", "SD"),
    ("The Nigerian army said its air force destroyed an ISWAP camp near Gwoza.",
     "Nigerian Armed Forces", "NG"),
])
def test_a_belligerent_s_air_arm_that_destroyed_is_its_claimed_strike(extractor, text, attacker,
                                                                       country):
    assert [(s.attacker, s.country, s.claimed) for s in strikes_of(extractor, text)] == \
        [(attacker, country, True)]


@pytest.mark.parametrize("text", [
    # "it destroyed": ground troops say so as often as air forces (Sudan, Mali)
    "The Sudanese army said it destroyed RSF vehicles in Mellit.",
    "The Malian army said its soldiers destroyed a militant hideout near Niono.",
])
def test_a_belligerent_that_destroyed_with_no_air_arm_named_is_no_strike(extractor, text):
    assert strikes_of(extractor, text) == []


@pytest.mark.parametrize(("text", "published"), [
    ("The Israeli military denied carrying out any strike in Rafah on Sunday.", "2024-05-27"),
    ("Russia's defence ministry denied that its forces had struck the market in "
     "Kostiantynivka.", "2023-09-07"),
    ("The Saudi-led coalition denied striking the prison in Saada.", "2022-01-22"),
])
def test_a_strike_the_speaker_denies_is_no_strike(extractor, text, published):
    got = read(extractor, text, published)
    assert got.strikes == [] and [c.kind for c in got.claims] == ["denial"]


def test_a_denied_responsibility_still_tells_of_the_strike(extractor):
    # "denied responsibility for the shelling of ...": the shelling is told, its author disputed
    text = "The RSF denied responsibility for the shelling of a market in El Fasher."
    assert [(s.place, s.attacker) for s in strikes_of(extractor, text)] == [("El Fasher", None)]


@pytest.mark.parametrize("text", [
    # Yemen at Saudi Arabia, Yemen at Israel, Lebanon at Israel, Russia at Ukraine
    "Saudi air defences intercepted a ballistic missile fired by the Houthis at Jazan.",
    "Yemen's Houthis said they fired a ballistic missile at Eilat, which the Israeli military "
    "said was intercepted.",
    "Israeli air defences intercepted a drone launched from Lebanon at Nahariya.",
    "Ukrainian air defence shot down all 12 drones launched at Kyiv overnight.",
    "Russia attempted an attack with drones on the Kursk region; all the drones were destroyed "
    "by air defence.",
])
def test_munitions_intercepted_with_nothing_hit_are_no_strike(extractor, text):
    assert strikes_of(extractor, text) == []


@pytest.mark.parametrize(("text", "place"), [
    ("Russia launched 64 drones, 47 of which were shot down; drones hit energy infrastructure in "
     "Odesa.", "Odesa"),
    ("Debris from an intercepted missile fell on a house in Holon, police said.", "Holon"),
    ("Fragments of an intercepted rocket hit a school in Sderot.", "Sderot"),
])
def test_an_interception_that_still_hit_is_a_strike(extractor, text, place):
    assert [s.place for s in strikes_of(extractor, text)] == [place]


@pytest.mark.parametrize("text", [
    "A year ago, a Russian missile struck the children's hospital in Kyiv, killing two people.",
    "Two years ago, an air strike on a market in Hajjah killed 20 people, Mwatana said.",
    "Last year, Israeli jets struck a house in Rafah.",
])
def test_a_strike_dated_years_back_is_recalled(extractor, text):
    assert strikes_of(extractor, text, "2025-07-08") == []


@pytest.mark.parametrize(("text", "day"), [
    ("Three days ago, an air strike on a market in Hajjah killed 20 people.", "2025-07-05"),
    ("Two months ago, Russian drones hit Odesa.", "2025-05-01"),  # the month, as written
])
def test_a_strike_days_or_months_back_is_dated(extractor, text, day):
    assert [s.day for s in strikes_of(extractor, text, "2025-07-08")] == [day]


@pytest.mark.parametrize("text", [
    "The junta denied bombing the village of Let Htoke Taw, calling the reports fabricated.",
    "Mali's junta denied that its drones had struck a wedding in Ourossogou.",
])
def test_a_junta_speaks(extractor, text):
    assert [(c.kind, c.role) for c in read(extractor, text, "2024-05-10").claims] == \
        [("denial", "belligerent")]


@pytest.mark.parametrize(("text", "attacker"), [
    # a demonym, an aircraft's model, then the force's word (Iraq, Libya)
    ("Iraqi F-16 jets struck an ISIS hideout near Tikrit, killing five militants.",
     "Iraqi Security Forces"),
    ("Egyptian F-16 jets bombed Derna on Monday.", "Military Forces of Egypt"),
])
def test_a_demonym_before_an_aircraft_model_names_the_forces(extractor, text, attacker):
    assert [s.attacker for s in strikes_of(extractor, text)] == [attacker]


@pytest.mark.parametrize(("text", "place"), [
    # "Federal" of a federal state's bodies is no town (Federal, Entre Rios, Argentina)
    ("In coordination with the Federal Government of Somalia, U.S. forces conducted an "
     "airstrike near Jilib.", "Jilib"),
    ("Iraqi Federal Police shelled ISIS positions near Tikrit.", "Tikrit"),
])
def test_federal_is_no_place(extractor, text, place):
    assert [s.place for s in strikes_of(extractor, text)] == [place]


@pytest.mark.parametrize(("text", "place", "admin1"), [
    # a container opened by its country's possessive (Russia, Lebanon, Saudi Arabia)
    ("Ukrainian drones hit Novoshakhtinsk in Russia's Rostov region.", "Novoshakhtinsk",
     "Rostov"),
    ("Israeli jets struck Khiam in Lebanon's Nabatieh province.", "Khiam", "Nabatiye"),
    ("Houthi drones hit the Abqaiq refinery in Saudi Arabia's Eastern Province.",
     "Abqaiq refinery", "Eastern"),
])
def test_a_container_after_a_country_s_possessive_is_no_second_strike(extractor, text, place,
                                                                       admin1):
    assert [(s.place, s.admin1) for s in strikes_of(extractor, text)] == [(place, admin1)]


@pytest.mark.parametrize(("text", "place"), [
    # a place's own noun of two words between the town and its province (Russia, Syria)
    ("Ukrainian drones hit the Novoshakhtinsk oil refinery in the Rostov region.",
     "Novoshakhtinsk"),
    ("Israeli jets struck the Baniyas oil refinery in the Tartus governorate.", "Baniyas"),
])
def test_a_town_s_own_noun_of_two_words_before_its_province_is_one_strike(extractor, text, place):
    assert [s.place for s in strikes_of(extractor, text)] == [place]


@pytest.mark.parametrize(("text", "attacker"), [
    # the bodies that announce a state's own strikes: Russia's in Syria, Iraq's
    ("Russian jets struck terrorist targets in Idlib province, the Russian Centre for "
     "Reconciliation said.", "Russian Armed Forces"),
    ("Iraqi jets struck an ISIS hideout near Tikrit, the Security Media Cell said.",
     "Iraqi Security Forces"),
])
def test_a_state_s_announcing_body_makes_the_strike_its_own_claim(extractor, text, attacker):
    assert [(s.attacker, s.claimed) for s in strikes_of(extractor, text)] == [(attacker, True)]


@pytest.mark.parametrize(("text", "place"), [
    # the man a release says was killed, after "the terrorist", "the militant", "the
    # operative", is no place (Ahmad: Al Ahmadi, Kuwait; Hassan: Karnataka), nor is the
    # "Force" of a unit's name (Lebanon, Syria, Somalia)
    ("IDF aircraft eliminated the terrorist Ahmad Hassan, a commander in Hezbollah's Radwan "
     "Force, in a strike in the area of Nabatieh.", "Nabatieh"),
    ("Russian jets killed the militant Ahmad Hassan in a strike near Idlib.", "Idlib"),
    ("U.S. forces killed the al-Shabaab operative Ali Hassan in an airstrike near Jilib.",
     "Jilib"),
])
def test_the_man_a_strike_killed_is_no_place(extractor, text, place):
    assert [s.place for s in strikes_of(extractor, text)] == [place]


@pytest.mark.parametrize(("text", "attacker"), [
    # the subject of an act done "in a strike" struck (Gaza, Sudan, Somalia)
    ("Israeli jets killed three people in a strike on Khan Younis.", IDF),
    ("RSF drones killed 12 civilians in a strike on a market in El Fasher.", "RSF"),
    ("U.S. forces killed an al-Shabaab commander in an airstrike near Jilib.", US),
])
def test_the_doer_of_an_act_done_in_a_strike_is_its_attacker(extractor, text, attacker):
    assert [s.attacker for s in strikes_of(extractor, text)] == [attacker]


def test_a_victim_who_died_in_a_strike_is_no_attacker(extractor):
    assert [s.attacker for s in strikes_of(extractor, "Hamas fighters died in a strike on "
                                                       "Rafah.")] == [None]


@pytest.mark.parametrize("text", [
    # an attack that killed, with no strike word on it, is ground fighting (Ukraine, Somalia)
    "Ukrainian troops killed 20 Russian soldiers in an attack on their positions near Bakhmut.",
    "Somali forces killed 30 al-Shabaab fighters in a raid on their base near Jilib.",
])
def test_an_act_done_in_a_ground_attack_is_no_strike(extractor, text):
    assert strikes_of(extractor, text) == []


def test_an_act_done_in_a_shelling_attack_is_a_strike(extractor):
    text = "Houthi forces killed five civilians in a shelling attack on Taiz."
    assert [(s.place, s.attacker) for s in strikes_of(extractor, text)] == [("Taiz", "Houthis")]


@pytest.mark.parametrize("text", [
    # a denial negated affirms (Yemen, Ukraine)
    "The Saudi-led coalition did not deny that its jets had struck the prison in Saada.",
    "The Russian defence ministry did not deny that its jets had struck the market in "
    "Kostiantynivka.",
])
def test_a_denial_negated_leaves_the_strike(extractor, text):
    assert len(strikes_of(extractor, text)) == 1


@pytest.mark.parametrize(("between", "noun"), [
    (" oil refinery in ", "refinery"),        # "the Novoshakhtinsk oil refinery in ..."
    (" refugee camp in ", "camp"),            # "Nuseirat refugee camp in central Gaza"
    (" the village of ", None),               # "... of the city of X the village of Y"
    (" at School in ", None),                 # "a post at School in X"
])
def test_a_place_s_own_noun_takes_a_modifier_but_no_function_word(between, noun):
    from strikewatch.extract.places import _OWN_NOUN

    own = _OWN_NOUN.match(between)
    assert (own["noun"] if own else None) == noun
