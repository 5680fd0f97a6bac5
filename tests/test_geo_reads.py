"""How the gazetteer reads its index and scans a sentence: fewer queries and scans, the same
answers as reading key by key and scanning from the sentence's start."""

from __future__ import annotations

import pytest

from strikewatch.geo.gazetteer import Gazetteer
from strikewatch.geo.names import normalize, transpositions


def _reads_of_names(g: Gazetteer, ask) -> int:
    """How many queries of the name table ``ask()`` makes."""
    statements: list[str] = []
    g._con.set_trace_callback(statements.append)
    try:
        ask()
    finally:
        g._con.set_trace_callback(None)
    return sum(" FROM name " in s for s in statements)


@pytest.mark.parametrize(("slip", "meant"), [
    ("Aelppo", "Aleppo"),  # Syria
    ("Donestk", "Donetsk"),  # Ukraine
    ("Khartuom", "Khartoum"),  # Sudan
])
def test_a_name_s_slips_are_read_in_one_query_and_read_as_key_by_key(gaz, slip, meant):
    g, by_key = Gazetteer(gaz.path), Gazetteer(gaz.path)  # fresh memos, the index shared
    key = normalize(slip)
    found: list = []
    assert _reads_of_names(g, lambda: found.extend(g._typo_candidates(key, None))) == 1
    assert meant in {c.name for c in found}
    for variant in transpositions(key):  # each slip's answer as one query of its own gives it
        assert _reads_of_names(by_key, lambda v=variant: by_key._entities_of_key("name", v)) == 1
        assert g._entities_of_key("name", variant) == by_key._entities_of_key("name", variant)
    assert _reads_of_names(g, lambda: g._typo_candidates(key, None)) == 0  # remembered


def test_more_keys_than_one_query_takes_are_read_in_several(gaz, monkeypatch):
    from strikewatch.geo import lookup

    monkeypatch.setattr(lookup, "_KEYS_A_QUERY", 4)
    g, by_key = Gazetteer(gaz.path), Gazetteer(gaz.path)
    keys = [normalize(n) for n in ("Homs", "Kharkiv", "Sanaa", "Mogadishu", "Gao", "Sirte",
                                   "Mosul", "Nowhereville", "Khan Younis")]
    assert _reads_of_names(g, lambda: g._read_keys("name", keys)) == 3
    assert all(g._entities_of_key("name", k) == by_key._entities_of_key("name", k) for k in keys)
    assert sum(bool(g._entities_of_key("name", k)) for k in keys) == len(keys) - 1


@pytest.mark.parametrize("text", [
    # Libya, Myanmar, Sudan, Ukraine, Yemen: runs of names after an organisation's "of", in
    # the forms the pattern allows ("of the", a line break, capitals it refuses)
    "A drone strike killed four people in the village of Bir Ghanam on Tuesday, a spokesman "
    "for the Government of National Unity said.",
    "Junta jets bombed Kyauk Ta Lone in Sagaing Region, the Ministry of Human Rights of the "
    "National Unity Government said.",
    "RSF drones struck Port Sudan on Sunday, the Sovereignty Council of\nSudan said.",
    "Russian missiles hit Kharkiv overnight, the Ministry of the Interior of Ukraine and the "
    "MINISTRY OF DEFENCE said.",
    "Coalition jets struck Sanaa, the Houthi-run Ministry of  Health said.",
])
def test_a_run_after_an_organisation_s_of_is_found_where_the_pattern_finds_it(gaz, text):
    pattern = gaz._lex.organisation_of
    found = [start for start in range(len(text) + 1)
             if gaz._after_organisation_of(text, start)]
    assert found == [start for start in range(len(text) + 1)
                     if pattern.search(text, 0, start) is not None]
    assert found  # each sentence has such a run
