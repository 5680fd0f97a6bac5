"""A gazetteer a team can extend: `strikewatch gazetteer import` loads a GeoNames country dump
or a P-code table into the database, geocoding uses it beside the embedded cities500, and a
file that is neither is refused with its line and reason, leaving the gazetteer unchanged.
Fixtures in tests/fixtures/gazetteer (made for these tests, see its README)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from strikewatch.cli import app
from strikewatch.errors import MalformedInput
from strikewatch.geo import geocode_json, geocode_mentions, load_gazetteer
from strikewatch.geo.importing import import_gazetteer, read_gazetteer_file
from strikewatch.models import Span, StrikeMention
from strikewatch.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "gazetteer"
UA_DUMP, SY_PCODES = FIXTURES / "UA-villages.txt", FIXTURES / "SY-pcodes.csv"


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(str(tmp_path / "g.db"))


def _with_imports(store: Store):
    return load_gazetteer().with_imported(store.url)


def test_a_geonames_dump_keeps_villages_and_districts_not_rivers():
    read = read_gazetteer_file(UA_DUMP)
    assert (read.format, read.country, len(read.entries)) == ("geonames", "UA", 11)
    hroza = next(e for e in read.entries if e.name == "Hroza")
    assert hroza.kind == "city" and hroza.admin1code == "07" and "groza" in hroza.keys
    assert not any(e.name == "Siverskyi Donets" for e in read.entries)


def test_a_zipped_dump_reads_its_country_file_not_its_readme(tmp_path):
    z = tmp_path / "UA.zip"
    with zipfile.ZipFile(z, "w") as out:
        out.writestr("readme.txt", "GeoNames readme\n")
        out.write(UA_DUMP, "UA.txt")
    assert len(read_gazetteer_file(z).entries) == 11


def test_an_imported_village_places_a_strike_the_embedded_index_could_not(store):
    before = geocode_json("Hroza", "UA", gazetteer=load_gazetteer())
    assert not before["resolved"] or before["country"] != "UA"
    import_gazetteer(UA_DUMP, store)
    out = geocode_json("Hroza, Kharkiv Oblast", "UA", gazetteer=_with_imports(store))
    assert (out["name"], out["precision"], out["admin1"]) == ("Hroza", "point", "Kharkiv")
    assert out["source"] == "imported"


def test_an_imported_name_serves_its_alternate_spelling_in_a_sentence(store):
    import_gazetteer(UA_DUMP, store)
    sentence = "Russian forces shelled Kleshcheevka near Bakhmut overnight."
    i = sentence.index("Kleshcheevka")
    m = StrikeMention(doc_id="t", sentence=Span(0, len(sentence), sentence),
                      place_text="Kleshcheevka", place_span=Span(i, i + 12, "Kleshcheevka"),
                      attacker=None)
    [out] = geocode_mentions([m], _with_imports(store), country_hint="UA")
    assert (out.place.name, out.place.admin1, out.place.precision) == \
        ("Klishchiivka", "Donetsk", "point")


def test_a_pcode_table_of_a_second_war_places_its_villages_in_their_province(store):
    done = import_gazetteer(SY_PCODES, store)
    assert (done["format"], done["country"], done["rows"]) == ("pcode", "SY", 6)
    out = geocode_json("Thiban", "SY", gazetteer=_with_imports(store))
    assert (out["name"], out["admin1"], out["precision"]) == ("Thiban", "Deir ez-Zor", "point")


def test_an_imported_village_of_the_story_beats_a_namesake_abroad(store):
    # "Yagodnoye" is also a village of Magadan (cities500); in a Ukrainian story it is Yahidne
    import_gazetteer(UA_DUMP, store)
    out = geocode_json("Yagodnoye", "UA", gazetteer=_with_imports(store))
    assert (out["name"], out["country"], out["admin1"]) == ("Yahidne", "UA", "Chernihiv")
    assert geocode_json("Yagodnoye", "RU", gazetteer=_with_imports(store))["admin1"] == "Magadan"


@pytest.mark.parametrize("text,line,reason", [
    ("just some words\nand more\n", 1, "neither a GeoNames dump"),
    ("name,lat,lon\nKupiansk,49.7,37.6\n", 1, "neither a GeoNames dump"),
    (None, 3, "latitude 'north' is not a number"),
    (None, 2, "18 tab-separated fields"),
])
def test_a_bad_file_is_refused_with_its_line_and_nothing_changes(store, tmp_path, text, line,
                                                                 reason):
    import_gazetteer(UA_DUMP, store)
    before = store.gazetteer_imports()
    rows = UA_DUMP.read_text(encoding="utf-8").splitlines()
    if text is None and "latitude" in reason:
        f = rows[2].split("\t")
        rows[2] = "\t".join([*f[:4], "north", *f[5:]])
        text = "\n".join(rows) + "\n"
    elif text is None:
        rows[1] = "\t".join(rows[1].split("\t")[:18])
        text = "\n".join(rows) + "\n"
    bad = tmp_path / "UA-villages.txt"  # the same name: a good file would replace the import
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(MalformedInput, match=rf"line {line}: .*{reason}"):
        import_gazetteer(bad, store)
    assert store.gazetteer_imports() == before


def test_a_pcode_row_without_its_name_is_refused_with_its_line(store, tmp_path):
    bad = tmp_path / "SY.csv"
    bad.write_text(SY_PCODES.read_text() + ",SY070299,Mayadin,SY0702,Deir-ez-Zor,SY07,35,40\n")
    with pytest.raises(MalformedInput, match=r"line 8: a row without ADM3_EN"):
        import_gazetteer(bad, store)
    assert store.gazetteer_imports() == []


def test_importing_the_same_file_again_replaces_it(store, tmp_path):
    import_gazetteer(UA_DUMP, store)
    copy = tmp_path / UA_DUMP.name
    shutil.copy(UA_DUMP, copy)
    import_gazetteer(copy, store)
    assert [(i["source_file"], i["rows"]) for i in store.gazetteer_imports()] == \
        [("UA-villages.txt", 11)]


def test_the_gazetteer_commands_import_list_and_refuse(tmp_path):
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    assert runner.invoke(app, ["gazetteer", "list", "--db", db]).exit_code == 2  # no database
    Store(db).close()
    assert runner.invoke(app, ["gazetteer", "list", "--db", db]).exit_code == 1  # nothing yet
    done = runner.invoke(app, ["gazetteer", "import", str(SY_PCODES), "--db", db])
    assert done.exit_code == 0 and "imported 6 places of SY" in done.output
    listed = runner.invoke(app, ["gazetteer", "list", "--db", db])
    assert listed.exit_code == 0 and "SY-pcodes.csv\tpcode\tSY\t6\t" in listed.output
    placed = runner.invoke(app, ["geocode", "Susat", "--country", "SY", "--db", db])
    assert placed.exit_code == 0 and '"source": "imported"' in placed.output
    bad = tmp_path / "notes.txt"
    bad.write_text("Kupiansk was shelled\n")
    refused = runner.invoke(app, ["gazetteer", "import", str(bad), "--db", db])
    assert refused.exit_code == 2 and "line 1" in refused.output
    wrong = runner.invoke(app, ["gazetteer", "import", str(UA_DUMP), "--country", "SY",
                                "--db", db])
    assert wrong.exit_code == 2 and "not SY" in wrong.output
