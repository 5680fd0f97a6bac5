"""What the brief pays for before it reads the store: the lists and modules it loads.

Issue 14 asks for a 30-day brief under 2 s from a cold page cache at 240,000 documents; what
was left was start-up. These tests hold the cuts: the claims' speakers are matched against
the actor names without compiling the whole list, each section loads only its own lists, and
the command imports neither the NLP stack nor what only other commands use. Real sentences:
FA-KES development articles (Abu Salem et al., ICWSM 2019, CC BY 4.0; Syria) and reports of
strikes in Ukraine, Yemen and Gaza written as the news writes them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strikewatch.actors import load_registry
from strikewatch.lexicons import (
    PhraseMatcher,
    load_actor_names,
    load_lexicons,
    load_target_groups,
)

FAKES = Path(__file__).parent / "fixtures" / "corpora" / "fakes-dev-articles.jsonl"


def _fakes_texts(n: int) -> list[str]:
    lines = FAKES.read_text(encoding="utf-8").splitlines()[:n]
    return [json.loads(line)["text"] for line in lines]


SPEAKERS = [
    "Russia's defence ministry",          # Syria
    "Russias Defense Ministry",           # FA-KES text without its apostrophes
    "Ukraine's air force",                # Ukraine
    "the Saudi-led coalition",            # Yemen
    "an IDF spokesperson",                # Gaza
    "the Syrian Observatory for Human Rights",
    "Moscow",
    "US CENTCOM",
    "us officials",
]


def test_a_short_text_finds_what_the_whole_pattern_finds():
    """``find_in_short`` compiles only the names whose words the text holds; on real articles
    and speakers, as written, lowered and upper-cased (case decides the capitals-only names),
    every match and value is the whole pattern's."""
    narrow = PhraseMatcher(load_registry().attacker_aliases())
    whole = PhraseMatcher(load_registry().attacker_aliases())
    texts = SPEAKERS + _fakes_texts(40)
    texts += [t.lower() for t in texts] + [t.upper() for t in texts]
    for text in texts:
        assert narrow.find_in_short(text) == whole.find(text), text
    assert narrow._patterns is None  # the whole list was never compiled
    assert any(narrow.find_in_short(s) for s in SPEAKERS)


@pytest.mark.parametrize("text, phrase", [
    ("The \u017fyrian army shelled Kafr Nabl", "syrian army"),  # long s (Syria)
    ("Shelling in \u212aharkiv overnight", "kharkiv"),  # Kelvin sign (Ukraine)
    ("Air strikes hit \u0130dlib overnight", "idlib"),  # dotted capital I (Syria)
    ("Shelling of Mar\u0131upol", "mariupol"),  # dotless i (Ukraine)
])
def test_a_letter_that_only_folds_to_a_word_keeps_the_phrase_in_a_short_text(text, phrase):
    """A letter ``re`` matches case-blind with another must not drop its phrase from the
    names compiled for a short text, nor make ``find``'s word test skip the scan: the words
    are compared folded as the matcher folds."""
    matcher = PhraseMatcher({phrase: "value", "other phrase": "other"})
    assert [v for _, _, _, v in matcher.find_in_short(text)] == ["value"]
    assert matcher._may_match(text)
    assert [v for _, _, _, v in PhraseMatcher({phrase: "value"}).find(text)] == ["value"]


def test_of_two_phrases_in_a_short_text_the_longer_wins_as_in_find():
    matcher = PhraseMatcher({"coalition": "US", "Saudi-led coalition": "SA", "IS": "IS"})
    text = "the Saudi-led coalition said IS fighters fled the coalition's strikes"
    assert matcher.find_in_short(text) == PhraseMatcher(
        {"coalition": "US", "Saudi-led coalition": "SA", "IS": "IS"}).find(text)
    assert [v for *_, v in matcher.find_in_short(text)] == ["SA", "IS", "US"]


def test_a_compiled_matcher_answers_a_short_text_from_its_whole_pattern():
    matcher = PhraseMatcher({"air strike": 1, "air strikes": 2})
    matcher.compile()
    assert matcher.find_in_short("Two air strikes hit Marib") == [(4, 15, "air strikes", 2)]
    assert not matcher._narrowed


def test_the_claims_lists_alone_are_the_lexicons_lists():
    """The brief's claims read the actor names and the target groups without the rest of
    extraction's lists; they must be the very lists ``load_lexicons`` builds."""
    lex = load_lexicons()
    actors, groups = load_actor_names(), load_target_groups()
    assert actors is load_actor_names(None) and groups is load_target_groups(None)
    assert actors._values == lex.actors._values and actors._phrases == lex.actors._phrases
    assert groups._values == lex.groups._values and groups._phrases == lex.groups._phrases


def test_every_name_of_the_fusion_package_is_its_modules():
    """``strikewatch.fuse`` loads a module when one of its names is first asked for; every
    name it lists must still come, and be the very object of the module that defines it."""
    import importlib

    import strikewatch.fuse as fuse

    for name in fuse.__all__:
        home = importlib.import_module(f"strikewatch.fuse.{fuse._HOMES[name]}")
        assert getattr(fuse, name) is getattr(home, name)
    assert set(fuse.__all__) <= set(dir(fuse))
    with pytest.raises(AttributeError, match="no_such_name"):
        fuse.no_such_name  # noqa: B018


NOT_FOR_THE_BRIEF = (
    "spacy", "thinc", "numpy", "pandas", "scipy", "shapely", "jinja2", "alembic", "httpx",
    "fastapi", "datasketch", "lxml", "strikewatch.nlp", "strikewatch.pipeline",
    "strikewatch.ingest", "strikewatch.extract", "strikewatch.geo", "strikewatch.fuse.batch",
    "strikewatch.fuse.run", "strikewatch.fuse.candidates", "strikewatch.fuse.scoring")


@pytest.mark.parametrize("fmt", ["terminal", "html"])
def test_the_brief_command_loads_no_module_it_does_not_use(tmp_path, fmt):
    """A brief reads the store and renders; the NLP stack, the gazetteer, the merge
    machinery of fusion and what only the web app or the exports use stay unloaded (each
    is CPU time and files read from a cold page cache). Syria's founding example, fused."""
    import os
    import subprocess
    import sys

    from test_fuse import fused_founding_store

    db = tmp_path / "brief.db"
    fused_founding_store(str(db)).close()
    loaded = tmp_path / "modules.json"
    code = ("import atexit, json, runpy, sys; "
            f"atexit.register(lambda: open({str(loaded)!r}, 'w').write(json.dumps(sorted(sys.modules)))); "
            f"sys.argv = ['strikewatch', 'brief', '--days', '30', '--format', {fmt!r}, '--db', {str(db)!r}]; "
            "runpy.run_module('strikewatch', run_name='__main__')")
    src = Path(__file__).resolve().parents[1] / "src"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(src)}, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    modules = set(json.loads(loaded.read_text()))
    assert "strikewatch.lexicons" in modules  # the claims section read its speakers
    assert sorted(m for m in modules if m.split(".")[0] in NOT_FOR_THE_BRIEF
                  or m.startswith(NOT_FOR_THE_BRIEF)) == []
