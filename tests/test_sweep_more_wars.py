"""A sweep of wars no earlier sweep covered (issue 11). Wars between states: Israel and Iran,
India and Pakistan, Iran and Pakistan, Thailand and Cambodia, Azerbaijan and Armenia,
Kyrgyzstan and Tajikistan, Turkey's strikes in Syria and Iraq, the Gulf; both sides are
states, each named by its country, its demonym and its munitions, so attacker and target are
easily swapped. And states that bomb armed groups at home: Colombia, Haiti, the DR Congo.

The sentences are written for these tests in the shapes wire copy takes; none is copied from a
corpus. Each case gives what a careful analyst would code; a case strikewatch still gets wrong
is a strict xfail with the reason. The rules this sweep found are tested below the table on a
sentence of the war that found them and on one of another war.
"""

from __future__ import annotations

import pytest
from test_sweep_africa_asia import assert_coded, case, coded

SWEEP = [
    case("il-ir-natanz",
         "Israeli air strikes hit Iran's Natanz nuclear facility and military sites in Tehran "
         "early on Friday, killing several senior commanders, Iranian state media reported.",
         "2025-06-13", country="IR", attacker="IL", count=2),
    case("ir-il-bat-yam",
         "An Iranian ballistic missile struck a residential building in Bat Yam overnight, "
         "killing six people, Israel's Magen David Adom said.", "2025-06-15",
         country="IL", attacker="IR", killed=(6, 6)),
    case("us-ir-fordow",
         "U.S. B-2 bombers struck the Fordow enrichment site, President Donald Trump said.",
         "2025-06-22", country="IR", admin1="Qom", attacker="US"),
    case("in-pk-sites",
         "India launched missile strikes on Bahawalpur and Muzaffarabad in Pakistan early on "
         "Wednesday, killing 26 people, Pakistan's military said.", "2025-05-07",
         country="PK", attacker="IN", count=2),
    case("pk-in-poonch",
         "Pakistani shelling killed 12 civilians in Poonch district of Indian-administered "
         "Kashmir, Indian officials said.", "2025-05-08",
         country="IN", attacker="PK", killed=(12, 12)),
    case("in-pk-missiles-rawalpindi",
         "Pakistan said Indian missiles hit an air base near Rawalpindi.", "2025-05-10",
         country="PK", attacker="IN"),
    case("in-pk-named-base",
         "Indian missiles hit Nur Khan air base near Rawalpindi, Pakistan's military said.",
         "2025-05-10", country="PK", attacker="IN"),
    case("kh-th-rockets-sisaket",
         "Cambodian rockets struck a petrol station in Thailand's Sisaket province on Thursday, "
         "killing eight civilians, the Thai army said.", "2025-07-24",
         country="TH", admin1="Sisaket", attacker="KH", killed=(8, 8)),
    case("th-kh-jets-oddar-meanchey",
         "Thai F-16 jets bombed Cambodian military targets along the border in Oddar Meanchey "
         "province, Cambodia's defence ministry said.", "2025-07-24",
         country="KH", precision="admin1", attacker="TH"),
    case("az-am-karabakh",
         "Azerbaijan launched artillery strikes on Armenian positions in Nagorno-Karabakh on "
         "Tuesday; the region's human rights ombudsman said 27 people were killed.",
         "2023-09-19", country="AZ", attacker="AZ"),
    case("am-az-ganja",
         "Armenian missiles hit an apartment block in Ganja, killing nine, Azerbaijan's "
         "prosecutor general said.", "2020-10-11", country="AZ", attacker="AM"),
    case("ir-pk-balochistan",
         "Iran's Revolutionary Guards struck what they called Jaish al-Adl bases in Pakistan's "
         "Balochistan province, killing two children, Pakistan's foreign ministry said.",
         "2024-01-18", country="PK", admin1="Balochistan", attacker="IR", killed=(2, 2)),
    case("pk-ir-sistan",
         "Pakistan carried out retaliatory strikes on militant hideouts in Iran's "
         "Sistan-Baluchestan province, killing nine people, Iranian officials said.",
         "2024-01-18", country="IR", admin1="Sistan and Baluchestan", attacker="PK",
         killed=(9, 9)),
    case("kg-tj-drone-isfara",
         "Tajikistan said a Kyrgyz drone struck a village in Isfara district, killing a woman.",
         "2022-09-14", country="TJ", attacker="KG", killed=(1, 1)),
    case("tr-sy-qamishli",
         "Turkish drones struck oil facilities and a power station near Qamishli, the SDF said, "
         "killing 12 civilians.", "2024-10-24", country="SY", attacker="TR", killed=(12, 12)),
    case("tr-sy-kobani",
         "Turkish warplanes struck Kurdish militant bases near Kobani, Turkey's defence "
         "ministry said.", "2022-11-20", country="SY", attacker="TR"),
    case("il-lb-dahiyeh",
         "Israeli jets dropped dozens of bunker-busting bombs on Beirut's southern suburb of "
         "Dahiyeh, the Israeli military said.", "2024-09-27", country="LB", attacker="IL"),
    case("ye-sa-abqaiq",
         "Drones struck Saudi Aramco's Abqaiq processing plant; Yemen's Houthis claimed the "
         "attack.", "2019-09-14", country="SA", attacker="Houthis"),
    case("cd-m23-goma-airport",
         "M23 rebels shelled Goma airport on Sunday, killing at least 10 people, a UN official "
         "said.", "2025-01-26", country="CD", attacker="M23", killed=(10, None)),
    case("ht-police-drone",
         "A drone strike by Haitian police killed at least 10 gang members in Port-au-Prince, "
         "officials said.", "2025-03-03", country="HT", attacker="HT", killed=(10, None)),
    case("co-aircraft-eln-arauca",
         "Colombian military aircraft bombed an ELN camp in Arauca department, killing seven "
         "rebels, the defence ministry said.", "2025-02-10", country="CO", admin1="Arauca",
         attacker="CO", killed=(7, 7)),
    case("co-eln-drone-tame",
         "The ELN fired explosives from a drone at an army base in Tame, Arauca, wounding two "
         "soldiers.", "2025-02-10", country="CO", attacker="ELN"),
    case("ir-il-barrage-intercepted",
         "Iran launched more than 300 drones and missiles at Israel overnight; most were "
         "intercepted, Israeli officials said.", "2024-04-14", count=0),
]


@pytest.mark.parametrize(("text", "published", "title", "count", "want"), SWEEP)
def test_sweep(extractor, text, published, title, count, want):
    assert_coded(coded(extractor, text, published, title), count, want)


# ---------------------------------------------------------------- the rules the sweep found


def attackers(extractor, text: str) -> list[str | None]:
    return [s.attacker for s in coded(extractor, text)]


@pytest.mark.parametrize(("text", "attacker"), [
    ("Cambodian rockets struck a petrol station in Sisaket on Thursday.", "KH"),   # Thailand
    ("Russian missiles hit a shopping centre in Kremenchuk on Monday.", "RU"),     # Ukraine
    ("Israeli jets bombed a house in Rafah on Sunday.", "IL"),                     # Gaza
])
def test_a_demonym_on_a_munition_or_aircraft_that_strikes_names_its_forces(
        extractor, text, attacker):
    assert attackers(extractor, text) == [attacker]


@pytest.mark.parametrize("text", [
    # what was struck: the demonym names the target, not the attacker
    "The Israeli Air Force targeted Syrian mortars near Quneitra.",
    "Ukrainian drones destroyed Russian rocket launchers near Donetsk.",
])
def test_a_demonym_on_a_struck_munition_names_no_attacker(extractor, text):
    assert "SY" not in attackers(extractor, text) and "RU" not in attackers(extractor, text)


@pytest.mark.parametrize(("text", "attacker"), [
    ("India launched missile strikes on Bahawalpur, Pakistan's military said.", "IN"),
    ("Azerbaijan launched artillery strikes on Stepanakert on Tuesday.", "AZ"),
    ("Russia launched missile strikes on Kharkiv, Ukraine's air force said.", "RU"),
])
def test_a_states_name_names_its_forces(extractor, text, attacker):
    assert attackers(extractor, text) == [attacker]


@pytest.mark.parametrize(("text", "attacker"), [
    ("Iran's Revolutionary Guards struck militant bases in Balochistan province.", "IR"),
    ("Sudan's Rapid Support Forces shelled El Fasher on Monday.", "RSF"),
])
def test_a_state_owning_its_own_force_is_one_attacker(extractor, text, attacker):
    assert attackers(extractor, text) == [attacker]


@pytest.mark.parametrize(("text", "place"), [
    ("The Revolutionary Guards fired missiles at a spy headquarters in Erbil.", "Erbil"),  # Iraq
    ("A Russian missile strike on the party headquarters in Kyiv killed two.", "Kyiv"),   # Ukraine
    ("Israeli jets struck the Hamas headquarters in Gaza City.", "Gaza City"),             # Gaza
])
def test_a_venue_that_is_struck_is_where_the_strike_fell(extractor, text, place):
    assert [s.place for s in coded(extractor, text)] == [place]


@pytest.mark.parametrize("text", [
    "Hamas leaders condemned the air strike at a press conference in Doha.",
    "Putin spoke about the strikes at a meeting in Moscow.",
])
def test_a_venue_where_a_strike_is_spoken_of_is_no_strike_place(extractor, text):
    assert [s.place for s in coded(extractor, text)] == []


@pytest.mark.parametrize(("text", "place", "admin1", "killed"), [
    # Sudan: a market the gazetteer lacks, then the coder's units in brackets
    ("On 9 September 2023, the SAF carried out airstrikes on Mayo market (Khartoum, Khartoum). "
     "43 civilians were killed.", "Mayo market", "Khartoum", (43, 43)),
    # Gaza: a hospital, the same shape
    ("On 4 March 2024, Israeli forces struck Nasser hospital (Khan Younis, Gaza Strip). "
     "3 civilians were killed.", "Nasser hospital", "Gaza Strip", (3, 3)),
])
def test_a_landmark_before_a_coders_brackets_is_one_strike_in_its_district(
        extractor, text, place, admin1, killed):
    [strike] = coded(extractor, text)
    assert (strike.place, strike.admin1, strike.precision, strike.killed) == \
        (place, admin1, "admin2", killed)


@pytest.mark.parametrize(("written", "town", "admin1"), [
    ("Sortony (Kabkabiya, North Darfur)", "Kabk", "Northern Darfur"),   # Sudan
    ("Barabashovo market (Kharkiv, Kharkiv)", "Kharkiv", "Kharkiv"),    # Ukraine
])
def test_a_town_in_a_coders_brackets_is_the_district_of_its_seat(gaz, written, town, admin1):
    place = gaz.resolve(written)
    assert place.name.startswith(town) and place.admin1 == admin1
    assert place.precision == "admin2" and place.unresolved_name == written.split(" (")[0]


def test_a_town_then_a_province_after_a_comma_is_still_a_list(gaz):
    assert gaz.resolve("Aleppo, Idlib").name == "Aleppo"


@pytest.mark.parametrize(("title", "place"), [
    ("Kharkiv: Russian shelling hits residential building", "Kharkiv"),   # Ukraine
    ("Taiz – Houthi shell hits house", "Taiz"),                           # Yemen
    ("Aleppo: regime barrel bombs hit market", "Aleppo"),                 # Syria
])
def test_a_headlines_lead_town_is_its_strikes_place(extractor, title, place):
    # the tagger reads a title's first word as a common noun, so no rule saw the town
    assert [s.place for s in coded(extractor, "", title=title)] == [place]


@pytest.mark.parametrize("title", [
    "Ukraine: Russia launches massive drone attack",    # a country is no strike place
    "Update: Russian shelling hits residential building",   # a label, not a town
])
def test_a_headlines_lead_word_that_is_no_town_places_nothing(extractor, title):
    assert coded(extractor, "", title=title) == []


@pytest.mark.parametrize(("text", "place"), [
    ("Gaza: 30 killed in Israeli strike on school in Nuseirat", "Nuseirat"),       # Gaza
    ("Kharkiv: Russian missile hits Saltivka district, killing 3", "Saltivka district"),
])
def test_a_headlines_lead_place_holds_the_place_it_names(extractor, text, place):
    assert [s.place for s in coded(extractor, text)] == [place]


@pytest.mark.parametrize(("text", "place", "attacker"), [
    ("Kenyan jets killed 10 civilians in Bardera.", "Bardera", "KE"),          # Somalia
    ("Warplanes killed 12 civilians in Idlib on Tuesday.", "Idlib", None),      # Syria
    ("Army warplanes killed 15 people in Nyala, activists said.", "Nyala", "SD"),   # Sudan
])
def test_an_aircraft_that_killed_is_a_strike(extractor, text, place, attacker):
    [strike] = coded(extractor, text)
    assert strike.place == place and (attacker is None or strike.attacker == attacker)


@pytest.mark.parametrize("text", [
    "A Syrian helicopter crashed in Hama, killing its crew.",
    "Russian jets flew over Idlib on Tuesday.",
])
def test_an_aircraft_that_crashed_or_flew_is_no_strike(extractor, text):
    assert coded(extractor, text) == []


@pytest.mark.parametrize(("text", "org"), [
    ("The Myanmar junta said its air force struck only PDF targets in Sagaing.",
     "Myanmar Armed Forces (Tatmadaw)"),                                    # Myanmar
    ("The ISPR said Pakistani jets struck TTP hideouts in North Waziristan.",
     "Pakistan Armed Forces"),                                              # Pakistan
])
def test_a_belligerents_own_voice_is_its_forces(extractor, text, org):
    from test_extract_wars import item

    assert [c.org for c in extractor.extract(item(text)).claims] == [org]


@pytest.mark.parametrize("text", [
    "A missile struck a school in Kharkiv, Ukraine's air force said.",                   # Ukraine
    "Rockets hit the Green Zone in Baghdad, the Iraqi security media cell said.",         # Iraq
    # fire told by where it came from
    "Rockets were fired from Gaza towards Sderot, the Israeli military said.",            # Gaza
    "Missiles were fired from Belgorod at Kharkiv overnight, Ukraine's air force said.",  # Ukraine
    "Shells were fired from Bahri at Omdurman, the Sudanese army said, killing five.",    # Sudan
    # drones come at a place as shells do
    "Drones attacked Goma airport on Saturday, the Congolese army said.",                 # DR Congo
    "Drones targeted an oil depot in Tuapse overnight, the Russian defence ministry said.",  # Russia
])
def test_a_sides_voice_telling_of_fire_it_received_names_no_attacker(extractor, text):
    assert attackers(extractor, text) == [None]


@pytest.mark.parametrize(("text", "attacker"), [
    ("Russia's defence ministry said its missiles hit a command post in Kramatorsk.", "RU"),
    ("The Sudanese army said it fired artillery from Omdurman at RSF positions in Bahri.", "SD"),
    ("Its drones attacked an oil depot in Tuapse overnight, Ukraine's military said.", "UA"),
])
def test_a_sides_voice_telling_of_its_own_munitions_names_its_forces(extractor, text, attacker):
    assert attackers(extractor, text) == [attacker]
