"""The actor registry (data/actors): what each alias family makes the attacker, how the words
that name no one force settle once the strike's country is known, and which sources speak
with the attacker's own voice.

Sentences are written in the shape of the reports each war produces (ACLED coders' notes,
Ukrainian General Staff and UCDP headlines, Syrian state media items, Yemeni and Sudanese
wire copy); none is copied from a corpus document. Each rule is pinned on two wars.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest
import yaml

from strikewatch.actors import PENDING_COALITION, PENDING_TERRITORY, load_registry
from strikewatch.errors import RegistryError
from strikewatch.lexicons import load_lexicons
from strikewatch.models import SPEAKER_ROLES, Actor

REG = load_registry()
LEX = load_lexicons()
TERRORISTS = "terrorists (unidentified armed group)"
INVADERS = "invaders (unidentified armed group)"


def attackers(text: str) -> list[tuple[str, str]]:
    """(words, attacker code) for each alias in the text, as extraction finds them."""
    blocked = [(s, e) for s, e, _, _ in LEX.not_actors.find(text)]
    return [(t, a.code) for s, e, t, a in LEX.actors.find(text)
            if not any(bs <= s and e <= be for bs, be in blocked)]


# -- the registry itself --------------------------------------------------------------------


def test_every_entry_is_sourced_and_in_the_shared_vocabularies():
    for e in REG.entries:
        assert e.source.startswith(("http://", "https://")), e.code
        assert e.country is None or (len(e.country) == 2 and e.country.isupper()), e.code
        assert e.role is None or e.role in SPEAKER_ROLES, e.code
        assert e.parent is None or e.parent in REG.by_code, e.code


def test_the_forces_of_every_theatre_are_there():
    wanted = {
        "SY", "IQ", "YE", "SA", "IL", "LB", "UA", "RU", "SD", "MM", "SO", "LY", "ML", "BF", "NE",
        "NG", "ET", "US-AFRICOM", "Houthis", "Hamas", "Al-Qassam Brigades", "PIJ", "Hezbollah",
        "RSF", "PDF", "KIA", "Arakan Army", "TNLA", "MNDAA", "KNU", "Al Shabaab", "AMISOM", "DPR",
        "LPR", "Wagner Group", "RU-AFRICA-CORPS", "SDF", "YPG", "PKK", "PMF", "Islamic State",
        "Jabhat al-Nusra", "JNIM", "ISWAP", "Boko Haram", "LNA", "GNA",
    }
    assert wanted <= set(REG.by_code)


# -- alias families --------------------------------------------------------------------------


def test_a_state_named_by_its_people_is_that_state():
    # Sudan, Nigeria, Syria: a demonym before a force word names the state, whatever the place
    assert attackers("The Sudanese army bombed Nyala, killing 12 civilians.") == [("Sudanese army", "SD")]
    assert ("Nigerian Air Force", "NG") in attackers(
        "Nigerian Air Force jets struck a Boko Haram location near Logomani, killing 15.")
    assert attackers("Syrian army helicopters dropped barrel bombs on Daraya.") == [("Syrian army", "SY")]
    assert attackers("Ukrainian forces fired 120mm mortars at DPR positions near Horlivka.") == [
        ("Ukrainian forces", "UA"), ("DPR", "DPR")]


def test_bare_force_words_wait_for_the_territory():
    # Ukraine, Yemen, Sudan: no fixed country for "the army" or "government forces"
    for sentence in ("The army shelled Bakhmut.", "Government forces shelled Taiz.",
                     "The army carried out air strikes on Nyala.",
                     "Regime helicopters dropped barrel bombs on Daraya."):
        assert [code for _, code in attackers(sentence)] == [PENDING_TERRITORY], sentence


def test_named_groups_of_every_war():
    assert attackers("Houthi rebels fired a ballistic missile at Marib city.") == [("Houthi rebels", "Houthis")]
    assert attackers("Ansar Allah launched drones at Jizan.") == [("Ansar Allah", "Houthis")]
    assert attackers("Hamas fired dozens of rockets at Ashkelon.") == [("Hamas", "Hamas")]
    assert attackers("The al-Qassam Brigades said they shelled Sderot.") == [
        ("al-Qassam Brigades", "Al-Qassam Brigades")]
    assert attackers("The RSF shelled the Abu Shouk camp in El Fasher.") == [("RSF", "RSF")]
    assert attackers("Tatmadaw jets bombed a village in Sagaing.") == [("Tatmadaw", "MM")]
    assert attackers("The Arakan Army shelled a junta base in Rakhine.")[0] == ("Arakan Army", "Arakan Army")
    assert attackers("Al Shabaab fired mortars at Baidoa.") == [("Al Shabaab", "Al Shabaab")]
    assert attackers("LNA MiG fighters conducted airstrikes in Ganfouda.") == [("LNA", "LY")]
    assert attackers("KDF jets struck al Shabaab locations in Gedo.") == [("KDF", "KE"), ("al Shabaab", "Al Shabaab")]


def test_an_ordinary_abbreviation_is_no_group():
    # "KIA" is killed in action in any war's casualty report, never the Kachin army
    assert attackers("Two soldiers were KIA near Avdiivka.") == []
    assert attackers("Two soldiers were KIA near Tal Afar.") == []


def test_the_coalition_and_a_sides_word_for_its_enemy_wait_for_the_theatre():
    assert attackers("Coalition air strikes on Sanaa killed 12.") == [("Coalition", PENDING_COALITION)]
    assert attackers("The coalition struck IS positions in Raqqa.")[0] == ("coalition", PENDING_COALITION)
    assert attackers("The invaders shelled Kherson overnight.") == [("The invaders", INVADERS)]
    assert attackers("Terrorists fired rocket shells on Aleppo city.") == [("Terrorists", TERRORISTS)]
    # a name that merely contains an alias is not that force
    assert attackers("The Syrian National Coalition condemned the raid.") == []


# -- settling after geocoding -----------------------------------------------------------------


@pytest.mark.parametrize(("country", "code"), [("UA", "UA"), ("YE", "YE"), ("SD", "SD"), ("SY", "SY"),
                                               ("LY", "LY"), ("NG", "NG")])
def test_the_army_is_the_state_the_strike_falls_in(country, code):
    assert REG.settle(Actor(PENDING_TERRITORY), country).code == code


def test_nothing_settles_a_bare_word_without_a_place():
    assert REG.settle(Actor(PENDING_TERRITORY), None) is None
    assert REG.settle(Actor(PENDING_COALITION), None) is None


def test_the_coalition_is_the_theatres():
    assert REG.settle(Actor(PENDING_COALITION), "YE").code == "SA"
    assert REG.settle(Actor(PENDING_COALITION), "SY").code == "US"
    assert REG.settle(Actor(PENDING_COALITION), "IQ").code == "US"
    assert REG.settle(Actor(PENDING_COALITION), "SO") is None  # no coalition is known there


def test_a_sides_word_is_the_force_it_designates_there_else_unidentified():
    assert REG.settle(Actor(INVADERS), "UA").code == "RU"
    assert REG.settle(Actor(INVADERS), "SY").code == INVADERS
    assert REG.settle(Actor(TERRORISTS), "SY").code == TERRORISTS
    assert REG.settle(Actor(TERRORISTS), "SO").code == TERRORISTS


def test_named_forces_are_left_as_they_are():
    hamas = Actor("Hamas")
    assert REG.settle(hamas, "IL") is hamas


# -- speakers and sources -----------------------------------------------------------------------


def test_a_source_name_maps_to_its_entry():
    assert REG.source_entry("Syrian Observatory for Human Rights (SOHR)").code == "SOHR"
    assert REG.source_entry("the Britain-based Syrian Observatory for Human Rights").code == "SOHR"
    assert REG.source_entry("Russia's defence ministry").code == "RU-MOD"
    assert REG.source_entry("Yahya Saree").code == "Houthis"
    assert REG.source_entry("Ukrainian General Staff").code == "UA-GS"
    assert REG.source_entry("Houthi military spokesman Yahya Saree").code == "Houthis"
    assert REG.source_entry("a spokesman for the Ukrainian General Staff").code == "UA-GS"
    assert REG.source_entry("joint statement of France, Germany, Qatar, Turkey, the UK and the US") is None
    assert REG.source_entry("a resident") is None


def test_a_civil_defence_is_the_one_of_the_place_it_names():
    # Gaza, Lebanon and Ukraine have emergency services of their own: not the White Helmets
    assert REG.source_entry("the Gaza civil defence agency").code == "Gaza Civil Defence"
    assert REG.source_entry("Lebanon's civil defence").code == "Lebanese Civil Defense"
    assert REG.source_entry("Ukraine's State Emergency Service").code == "UA-SES"
    assert REG.source_entry("Syria Civil Defence").code == "White Helmets"


def test_whose_voice_a_source_is():
    mod, kremlin = REG.source_entry("Russian Defence Ministry"), REG.source_entry("Kremlin")
    assert REG.voice_key(mod) == REG.voice_key(kremlin)  # one state, one voice
    assert REG.speaks_for(mod, "RU") and not REG.speaks_for(mod, "SY")
    assert REG.speaks_for(REG.source_entry("Ukrainian General Staff"), "UA")
    assert REG.speaks_for(REG.source_entry("Yahya Saree"), "Houthis")
    assert not REG.speaks_for(REG.source_entry("SOHR"), "RU")
    assert not REG.speaks_for(REG.source_entry("SANA"), "SY")  # state media report, not acknowledge


def test_rival_forces_sharing_a_states_code_do_not_speak_for_each_other():
    """Libya's LNA and GNA forces are both coded LY (as ACLED's notes code them), yet the GNA
    reporting an LNA air strike on Misrata is the struck side's word, not the attacker's."""
    gna, lna = REG.source_entry("Government of National Accord"), REG.source_entry("LNA spokesman")
    assert not REG.speaks_for(gna, "LY", "Libyan National Army")
    assert not REG.speaks_for(lna, "LY", "Government of National Accord forces")
    assert REG.speaks_for(lna, "LY", "Libyan National Army")
    # one state's forces and its branch are one voice: AFRICOM speaks for US strikes
    assert REG.speaks_for(REG.source_entry("AFRICOM"), "US", "United States Armed Forces")


def test_speakers_come_from_the_registry():
    orgs = {t: (e.org, e.role, e.country) for _, _, t, e in LEX.orgs.find(
        "The Ukrainian General Staff said; Houthi military spokesman Yahya Saree said; SANA reported")}
    assert orgs["Ukrainian General Staff"] == ("General Staff of the Armed Forces of Ukraine", "belligerent", "UA")
    assert orgs["Yahya Saree"][:2] == ("Houthis (Ansar Allah)", "belligerent")
    assert orgs["SANA"] == ("Syrian Arab News Agency", "media", "SY")


# -- analysts' copies and bad files ---------------------------------------------------------------


def _copy(tmp_path: Path) -> Path:
    src = resources.files("strikewatch") / "data" / "actors"
    for f in src.iterdir():
        if f.name.endswith(".yaml"):
            shutil.copy(str(f), tmp_path / f.name)
    return tmp_path


def _add(folder: Path, entry: dict) -> None:
    path = folder / "myanmar.yaml"
    data = yaml.safe_load(path.read_text())
    data["entries"].append(entry)
    path.write_text(yaml.safe_dump(data))


def test_an_analyst_can_add_a_group(tmp_path: Path):
    folder = _copy(tmp_path)
    _add(folder, {"code": "ABSDF", "name": "All Burma Students' Democratic Front", "kind": "armed_group",
                  "country": "MM", "aliases": ["ABSDF"], "source": "https://en.wikipedia.org/wiki/ABSDF"})
    lex = load_lexicons(registry_dir=str(folder))
    assert [(t, a.code) for _, _, t, a in lex.actors.find("ABSDF fighters shelled the base")] == [
        ("ABSDF", "ABSDF")]
    assert not LEX.actors.find("ABSDF fighters shelled the base")


@pytest.mark.parametrize(("entry", "message"), [
    ({"code": "X", "name": "X", "kind": "militia", "country": None, "aliases": ["X"], "source": "https://x"},
     "kind 'militia'"),
    ({"code": "X", "name": "X", "kind": "armed_group", "country": "Myanmar", "aliases": ["X"], "source": "https://x"},
     "country 'Myanmar'"),
    ({"code": "X", "name": "X", "kind": "armed_group", "country": None, "aliases": ["X"]}, "missing 'source'"),
    ({"code": "MM", "name": "X", "kind": "armed_group", "country": None, "aliases": ["X"], "source": "https://x"},
     "used twice"),
    ({"code": "X", "name": "X", "kind": "armed_group", "parent": "Nobody", "country": None, "aliases": ["X"],
      "source": "https://x"}, "parent 'Nobody'"),
    ({"code": "X", "name": "X", "kind": "monitor", "country": None, "speaker_names": ["X"], "source": "https://x"},
     "need a role"),
])
def test_a_broken_entry_is_refused_by_name(tmp_path: Path, entry: dict, message: str):
    folder = _copy(tmp_path)
    _add(folder, entry)
    with pytest.raises(RegistryError, match=message):
        load_registry(str(folder))


def test_a_designation_must_name_an_entry(tmp_path: Path):
    folder = _copy(tmp_path)
    path = folder / "generic.yaml"
    data = yaml.safe_load(path.read_text())
    data["coalition_by_theatre"]["LY"] = "Nobody"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(RegistryError, match="coalition_by_theatre LY names 'Nobody'"):
        load_registry(str(folder))


# -- through extraction and geocoding -------------------------------------------------------------


@pytest.fixture(scope="module")
def read():
    """A sentence's strikes as the pipeline stores them: extracted, geocoded, settled."""
    from datetime import date

    from strikewatch.actors import settle_attackers
    from strikewatch.extract import Extractor
    from strikewatch.geo import geocode_mentions
    from strikewatch.models import Document, Segment

    extractor = Extractor()

    def strikes(text: str) -> list[tuple[str | None, str | None, str | None]]:
        doc = Document(id="t", text=text, segments=(Segment("body", 0, len(text)),), content_hash=text,
                       published=date(2022, 6, 1))
        placed = geocode_mentions(extractor.extract(doc).strikes, extractor.gazetteer, document_text=text)
        return [(m.attacker.code if m.attacker else None, m.attacker_span.text if m.attacker_span else None,
                 m.place_text) for m in settle_attackers(placed)]

    return strikes


@pytest.mark.parametrize(("sentence", "code", "place"), [
    ("The army shelled the town of Bakhmut on Monday, killing two civilians.", "UA", "Bakhmut"),
    ("Government forces shelled Taiz on Monday, killing three civilians.", "YE", "Taiz"),
    ("The army carried out air strikes on Nyala on Monday.", "SD", "Nyala"),
    ("The air force bombed Sirte on Monday.", "LY", "Sirte"),
    ("Regime airstrikes killed 20 civilians in Idlib on Monday.", "SY", "Idlib"),
])
def test_a_bare_force_word_is_the_territorys_state(read, sentence, code, place):
    assert [(c, p) for c, _, p in read(sentence)] == [(code, place)]


def test_a_named_state_is_that_state_wherever_it_strikes(read):
    assert [c for c, _, _ in read("The Sudanese army bombed Nyala on Monday.")] == ["SD"]
    assert [c for c, _, _ in read("Nigerian Air Force jets struck a Boko Haram camp near Maiduguri on Monday.")] == ["NG"]


def test_the_coalition_by_theatre_through_the_pipeline(read):
    assert [(c, p) for c, _, p in read("Coalition air strikes on Sanaa killed 12 people on Monday.")] == [("SA", "Sanaa")]
    assert [(c, p) for c, _, p in read("Coalition air strikes on Raqqa killed 12 people on Monday.")] == [("US", "Raqqa")]
    assert [c for c, _, _ in read("The coalition bombed Tripoli on Monday.")] == [None]  # no coalition known there


def test_a_sides_word_keeps_the_wording_and_names_whom_it_designates(read):
    assert read("The occupiers shelled the city of Nikopol on Monday, killing two civilians.") == [
        ("RU", "The occupiers", "Nikopol")]
    assert read("Terrorists fired rocket shells on Aleppo city on Monday.") == [
        (TERRORISTS, "Terrorists", "Aleppo city")]
    assert read("The militants shelled Kilis on Monday.") == [(TERRORISTS, "militants", "Kilis")]


def test_the_attacker_is_never_the_target_or_the_place(read):
    # the parser reads a sentence-initial "IS" as the verb "is"; a name right before the strike
    # noun still names who struck, and an actor's name is never the place
    assert read("IS rocket attacks on Kilis killed two people on Monday.") == [("Islamic State", "IS", "Kilis")]
    assert read("A Hamas rocket attack on Ashkelon killed two people on Monday.") == [("Hamas", "Hamas", "Ashkelon")]
    assert read("Houthi drone strikes on Marib killed two people on Monday.") == [("Houthis", "Houthi", "Marib")]
    assert read("Al Shabaab mortar attacks on Baidoa killed two people on Monday.") == [
        ("Al Shabaab", "Al Shabaab", "Baidoa")]


def test_a_force_word_with_an_owner_is_not_the_territorys(read):
    assert read("The Houthi army shelled Taiz on Monday, killing two civilians.") == [("Houthis", "Houthi", "Taiz")]
    assert [c for c, _, _ in read("Its jets bombed Nyala on Monday.")] == [None]
    assert [c for c, _, _ in read("Its warplanes bombed Idlib on Monday.")] == [None]


def test_a_force_word_with_its_owner_after_of_is_the_owners(read):
    # one force, not the owner's beside a second one of the territory's state
    assert [c for c, _, _ in read("The military of the Russian Federation shelled Kharkiv on Monday.")] == ["RU"]
    assert [c for c, _, _ in read("The army of the Syrian regime shelled Douma on Monday.")] == ["SY"]


def test_the_pipeline_stores_the_settled_attacker(tmp_path: Path):
    import json

    from strikewatch import pipeline
    from strikewatch.store import Store

    items = [{"id": "ye-1", "title": "", "published": "2016-03-07", "source": "wire",
              "text": "Government forces shelled Taiz on Monday, killing three civilians."},
             {"id": "sd-1", "title": "", "published": "2023-06-12", "source": "wire",
              "text": "The army carried out air strikes on Nyala on Monday."}]
    path = tmp_path / "items.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in items))
    store = Store(str(tmp_path / "t.db"))
    pipeline.ingest([str(path)], store)
    pipeline.extract_pending(store)
    got = {m.mention.doc_id: m.mention.attacker.code for m in store.unfused_mentions()}
    assert got == {"ye-1": "YE", "sd-1": "SD"}


def test_fusion_hears_the_attackers_own_voice_from_the_registry():
    from datetime import date

    from strikewatch.fuse import compute_incident
    from strikewatch.models import Place, Span, StoredMention, StrikeMention

    marib = Place("Marib", 15.46, 45.32, "YE", "point")
    kyiv = Place("Kyiv", 50.45, 30.52, "UA", "point")

    def grade(attacker: Actor, place: Place, source: str) -> str:
        m = StrikeMention(doc_id="d", sentence=Span(0, 10, "x"), place_text=place.name, place_span=None,
                          attacker=attacker, date=date(2024, 1, 2), place=place, source=source)
        return compute_incident("i", [StoredMention(id=1, mention=m, story="d")]).grade

    # a group's spokesman (Yemen) and a state's general staff (Ukraine) acknowledge their strikes
    assert grade(Actor("Houthis"), marib, "Houthi military spokesman Yahya Saree") == "confirmed"
    assert grade(Actor("Armed Forces of Ukraine", "UA"), kyiv, "Ukrainian General Staff") == "confirmed"
    # a monitor, or the other side, is a report, not an acknowledgement
    assert grade(Actor("Houthis"), marib, "Mwatana for Human Rights") == "weak"
    assert grade(Actor("Armed Forces of Ukraine", "UA"), kyiv, "Russian Defence Ministry") == "weak"


def test_the_force_held_responsible_next_is_the_attacker(read):
    # a coders' note (Somalia) and wire copy (Yemen): the sentence after names who is held
    # responsible for a strike that named no attacker
    assert read("Two people were killed when mortar shells fell on the market in Beledweyne on "
                "Monday. Al Shabaab suspected.") == [("Al Shabaab", "Al Shabaab", "Beledweyne")]
    assert read("A drone hit a market in Marib on Monday, killing three people. The Houthis claimed "
                "responsibility.") == [("Houthis", "Houthis", "Marib")]
    # two forces, or no word of responsibility: still unknown
    assert read("A drone hit a market in Marib on Monday, killing three people. The Houthis and the "
                "coalition were suspected.") == [(None, None, "Marib")]
    assert read("Two people were killed in a mortar attack on Baidoa on Monday. Al Shabaab fighters were "
                "seen in the area.") == [(None, None, "Baidoa")]
