"""The lexicons' compiled patterns, kept in the cache (``strikewatch._regex_cache``): read back
as the patterns compiled afresh, compiled anew when a lexicon changes, and a damaged or
hostile file never believed. The sentences are strike reports from Syria, Ukraine, Yemen and
Sudan, written in the agencies' style."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from importlib import resources
from pathlib import Path

import pytest
import yaml

from strikewatch import _regex_cache
from strikewatch.lexicons import Lexicons, PhraseMatcher, _load_lexicons

SENTENCES = [
    "Russian warplanes struck a market in Maarat al-Numan, Idlib province, the Syrian "
    "Observatory for Human Rights said.",
    "Ukraine's air force said it shot down 12 of 16 Shahed drones launched overnight at Kharkiv.",
    "Saudi-led coalition jets hit a wedding hall in Hajjah, the Houthi-run health ministry said.",
    "The Rapid Support Forces shelled El Fasher, the Sudanese army said on Sunday.",
]


def fresh(directory: str | None = None) -> Lexicons:
    """Lexicons read anew, none of their patterns compiled (``load_lexicons`` keeps one)."""
    return _load_lexicons.__wrapped__(directory, None)


def patterns(lex: Lexicons) -> list:
    return [p for m in dict.fromkeys(lex._matchers()) for p in m._patterns]


def answers(lex: Lexicons) -> list:
    return [m.find(s) for m in dict.fromkeys(lex._matchers()) for s in SENTENCES]


def cache_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("lexicon-patterns-*.json"))


@pytest.fixture(scope="module")
def compiled_once(tmp_path_factory) -> tuple[Lexicons, bytes, list]:
    """The packaged lexicons compiled into an empty cache, the file they left, and their
    answers to the sentences."""
    cache = tmp_path_factory.mktemp("cache")
    lex = fresh().compile(cache_dir=cache)
    (path,) = cache_files(cache)
    return lex, path.read_bytes(), answers(lex)


@pytest.fixture()
def built(compiled_once, tmp_path) -> tuple[Lexicons, Path]:
    """``compiled_once``, its file in this test's own cache."""
    lex, healthy, _ = compiled_once
    key = json.loads(healthy.partition(b"\n")[0])["key"]
    path = tmp_path / f"lexicon-patterns-{key}.json"
    path.write_bytes(healthy)
    return lex, path


def test_the_patterns_read_back_are_those_compiled(compiled_once, built, tmp_path, monkeypatch):
    """A second process with the same phrases compiles nothing: every pattern comes from the
    file, equal to ``re``'s own compiling of its source (same flags, same engine code), and
    finds what the first found."""
    first, _ = built
    sources = [s for m in dict.fromkeys(first._matchers()) for s in m._sources()]
    assert [p for p in patterns(first) if p is not None] == [
        re.compile(*s) for s in sources if s is not None]

    def no_compiling(self):
        raise AssertionError("compiled again")
    monkeypatch.setattr(PhraseMatcher, "_sources", no_compiling)
    again = fresh().compile(cache_dir=tmp_path)
    assert patterns(again) == patterns(first)
    assert answers(again) == compiled_once[2]
    assert any(compiled_once[2])


def test_a_changed_lexicon_is_compiled_anew(tmp_path):
    """An analyst's edit changes the phrases: the cache's file for the old ones does not
    answer for the new, which match at once."""
    lexicons = tmp_path / "lexicons"
    lexicons.mkdir()
    for f in (resources.files("strikewatch") / "data" / "lexicons").iterdir():
        if f.name.endswith(".yaml"):
            shutil.copy(str(f), lexicons / f.name)
    cache = tmp_path / "cache"
    text = "No one has claimed the drone strike on the fuel depot in Sevastopol."
    assert not fresh(str(lexicons)).compile(cache_dir=cache).open_attacker.search(text)
    path = lexicons / "attacker_cues.yaml"
    data = yaml.safe_load(path.read_text())
    data["open_attacker"].append("no one has claimed")
    path.write_text(yaml.safe_dump(data))
    edited = fresh(str(lexicons)).compile(cache_dir=cache)
    assert edited.open_attacker.search(text)
    assert edited.open_attacker.search("No one has claimed the air strike on the Sanaa market.")
    assert len(cache_files(cache)) == 2


def _rewritten(body: bytes, key_of: Path | bytes) -> bytes:
    """``body`` under a header with the right key and a digest that fits it: a hostile file,
    not a damaged one."""
    head = json.loads(_bytes(key_of).partition(b"\n")[0])
    return json.dumps({"key": head["key"], "sha256": hashlib.sha256(body).hexdigest()}).encode() \
        + b"\n" + body


def _bytes(file: Path | bytes) -> bytes:
    return file if isinstance(file, bytes) else file.read_bytes()


def _entries(path: Path) -> list:
    return _entries_of(path.read_bytes())


def _entries_of(data: bytes) -> list:
    return json.loads(data.partition(b"\n")[2])


def _digest_kept(body: bytes, of: Path) -> bytes:
    """``body`` under the file's own header: a damaged file, its digest no longer fitting."""
    return of.read_bytes().partition(b"\n")[0] + b"\n" + body


def _swapped(entries: list) -> list:
    return [entries[1], entries[0], *entries[2:]]


CORRUPTIONS = {
    "empty": lambda p: b"",
    "cut in half": lambda p: p.read_bytes()[: p.stat().st_size // 2],
    "two patterns swapped": lambda p: _digest_kept(json.dumps(_swapped(_entries(p))).encode(), p),
    "a pattern's text changed": lambda p: _digest_kept(
        p.read_bytes().partition(b"\n")[2].replace(b"(?<!", b"(?<=", 1), p),
    "binary garbage": lambda p: bytes(range(256)) * 40,
    "another key": lambda p: p.read_bytes().replace(b'"key": "', b'"key": "0', 1),
    "code the engine refuses": lambda p: _rewritten(json.dumps(
        [[e[0], e[1], [17, 99999, 3] + e[2]] if e else e for e in _entries(p)]).encode(), p),
    "a pattern short": lambda p: _rewritten(json.dumps(_entries(p)[1:]).encode(), p),
    "an entry of another shape": lambda p: _rewritten(json.dumps(
        [{"pattern": "x"}] + _entries(p)[1:]).encode(), p),
    "flags as text": lambda p: _rewritten(json.dumps(
        [[e[0], str(e[1]), e[2]] if e else e for e in _entries(p)]).encode(), p),
    "a debug flag": lambda p: _rewritten(json.dumps(
        [[e[0], e[1] | re.DEBUG, e[2]] if e else e for e in _entries(p)]).encode(), p),
    "a negative code": lambda p: _rewritten(json.dumps(
        [[e[0], e[1], [-1] + e[2]] if e else e for e in _entries(p)]).encode(), p),
    "a code past 32 bits": lambda p: _rewritten(json.dumps(
        [[e[0], e[1], [2 ** 70] + e[2]] if e else e for e in _entries(p)]).encode(), p),
    "code as text": lambda p: _rewritten(json.dumps(
        [[e[0], e[1], [str(c) for c in e[2]]] if e else e for e in _entries(p)]).encode(), p),
    "nested past the parser's depth": lambda p: _rewritten(b"[" * 100_000 + b"]" * 100_000, p),
}


@pytest.fixture(scope="module")
def few(compiled_once, tmp_path_factory) -> tuple[list, str, bytes]:
    """A few of the lexicons' own patterns (target groups, facilities, speakers: the actors'
    4,200 names would only slow each case), their sources and the file they leave."""
    lex = compiled_once[0]
    sources = [s for m in (lex.groups, lex.facilities, lex.orgs) for s in m._sources()]
    cache = tmp_path_factory.mktemp("few")
    _regex_cache.compiled("lexicon-patterns", b"few", len(sources), lambda: sources,
                          cache_dir=cache)
    (path,) = cache_files(cache)
    return sources, path.name, path.read_bytes()


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_damaged_or_hostile_cache_file_is_compiled_over(few, tmp_path, corrupt):
    """Whatever the file holds, the patterns are compiled afresh, each equal to ``re``'s
    compiling of its source, and the file is written again whole."""
    sources, name, healthy = few
    path = tmp_path / name
    path.write_bytes(healthy)
    damaged = corrupt(path)
    assert damaged != healthy
    path.write_bytes(damaged)
    compiled = _regex_cache.compiled("lexicon-patterns", b"few", len(sources), lambda: sources,
                                     cache_dir=tmp_path)
    assert compiled == [s and re.compile(*s) for s in sources]
    assert [p.read_bytes() for p in cache_files(tmp_path)] == [healthy]


@pytest.mark.xfail(strict=True, reason="a file forged whole (valid engine code for other "
                   "patterns, under a digest that fits) is believed: checking the code means "
                   "compiling it, the cost the cache saves; the cache is trusted as its folder "
                   "is, as the gazetteer index beside it is")
def test_a_file_forged_whole_is_not_believed(few, tmp_path):
    sources, name, healthy = few
    (tmp_path / name).write_bytes(_rewritten(json.dumps(_swapped(_entries_of(healthy))).encode(),
                                             healthy))
    compiled = _regex_cache.compiled("lexicon-patterns", b"few", len(sources), lambda: sources,
                                     cache_dir=tmp_path)
    assert compiled == [s and re.compile(*s) for s in sources]


def test_the_lexicons_compile_over_a_damaged_file(compiled_once, built, tmp_path):
    """:meth:`Lexicons.compile` with its file cut short: every pattern compiled afresh,
    finding what it always did, and the file written again whole."""
    first, path = built
    healthy = path.read_bytes()
    path.write_bytes(healthy[: len(healthy) // 2])
    again = fresh().compile(cache_dir=tmp_path)
    assert answers(again) == compiled_once[2]
    assert [p.pattern if p else p for p in patterns(again)] == [
        p.pattern if p else p for p in patterns(first)]
    assert path.read_bytes() == healthy


def test_a_cache_that_cannot_be_written_only_costs_the_compiling(compiled_once, tmp_path):
    """A cache directory that is a file (read-only, full: no write succeeds) leaves the
    patterns compiled in memory, every one."""
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("")
    lex = fresh().compile(cache_dir=blocked)
    assert all(m._patterns is not None for m in lex._matchers())
    assert answers(lex) == compiled_once[2]


def test_a_pattern_with_groups_is_compiled_and_not_kept(tmp_path):
    """The engine's code of a pattern with groups does not keep the groups' names: such a
    set is compiled as ``re`` does and never written."""
    sources = [(r"(?P<place>Idlib|Kharkiv) province", re.IGNORECASE), None]
    compiled = _regex_cache.compiled("test", b"groups", 2, lambda: sources, cache_dir=tmp_path)
    assert compiled[0].search("shelling in kharkiv province")["place"] == "kharkiv"
    assert compiled[1] is None
    assert not list(tmp_path.iterdir())
