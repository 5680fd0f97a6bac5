"""The throughput benchmark's import file: a GeoNames dump the importer reads as one."""

from __future__ import annotations

from benchmark_scripts import load_benchmark

from strikewatch.geo.importing import read_gazetteer_file


def _throughput():
    return load_benchmark("throughput.py", "throughput")


def test_the_size_stand_in_is_a_geonames_dump_of_the_rows_asked(tmp_path):
    """Written from the country's cities500 places and repeated under new ids: every line
    is a populated place of that country that the importer keeps, and no id repeats."""
    dump = tmp_path / "UA.txt"
    _throughput().write_geonames_stand_in(dump, "UA", rows=6000)
    read = read_gazetteer_file(dump)
    assert (read.format, read.country, len(read.entries)) == ("geonames", "UA", 6000)
    assert len({e.geonameid for e in read.entries}) == 6000
    assert {e.kind for e in read.entries} == {"city"}
    assert any(e.name == "Kyiv" and e.population > 2_000_000 for e in read.entries)
    first = read.entries[0]  # 6,000 rows of the 5,488 places: the first ones come again
    again = [e for e in read.entries if (e.name, e.lat, e.lon) == (first.name, first.lat, first.lon)]
    assert len(again) == 2 and again[0].geonameid != again[1].geonameid
