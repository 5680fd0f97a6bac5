"""The shortcuts that make extraction cheaper give the answers of the slower code they replace.

Each shortcut is checked against the plain form it stands for (a regex searched from the
start, a query filtered in SQL, the counts read afresh) on real-shaped sentences from two
wars, and on generated text.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch import counts
from strikewatch.geo.fallback import _last_word_before
from strikewatch.nlp import _last_word

# what the two backwards readers replace: each searched from the start of the text
WORD_BEFORE_NAME = re.compile(r"([\w.]+)[ \t]+$")
WORD_BEFORE_STOP = re.compile(r"(\S+)$")

# spaces, tabs, newlines, a no-break space, dots, letters of three scripts, digits, a hyphen
PIECES = st.lists(st.sampled_from(["a", "Z", ".", " ", "\t", "\n", "\u00a0", "_", "-", "é",
                                   "٣", "ж", "7", "Mayor", "  "]), max_size=30).map("".join)


def _searched(pattern: re.Pattern, text: str) -> str | None:
    found = pattern.search(text)
    return found.group(1) if found else None


def test_word_before_a_name_in_sentences_of_two_wars():
    ukraine = "Kyiv Mayor Vitali Klitschko said a drone hit a building in the Solomianskyi district."
    gaza = "Health minister Mai al-Kaila said the strike on Khan Younis killed 12."
    for text, name in ((ukraine, "Vitali"), (ukraine, "Solomianskyi"), (gaza, "Mai"),
                       (gaza, "Khan")):
        end = text.index(name)
        assert _last_word_before(text, end) == _searched(WORD_BEFORE_NAME, text[:end])
    assert _last_word_before(ukraine, ukraine.index("Vitali")) == "Mayor"
    assert _last_word_before(gaza, gaza.index("Mai")) == "minister"
    assert _last_word_before(gaza, 0) is None


@settings(max_examples=2000, deadline=None)
@given(PIECES, st.data())
def test_word_before_a_name_is_the_regex_answer(text, data):
    end = data.draw(st.integers(0, len(text)))
    assert _last_word_before(text, end) == _searched(WORD_BEFORE_NAME, text[:end])


def test_word_before_a_full_stop_in_sentences_of_two_wars():
    syria = "Warplanes struck Idlib on Monday, the U.S. said. Ten were killed."
    yemen = "Saudi-led coalition jets hit Sanaa, Gen. Turki al-Maliki said."
    for text in (syria, yemen):
        for stop in (m.start() for m in re.finditer(r"\.", text)):
            assert _last_word(text, 0, stop) == (_searched(WORD_BEFORE_STOP, text[:stop]) or "")
    assert _last_word(syria, 0, syria.index(". Ten")) == "said"
    assert _last_word(yemen, 0, yemen.index(". Turki")) == "Gen"


@settings(max_examples=2000, deadline=None)
@given(PIECES, st.data())
def test_word_before_a_full_stop_is_the_regex_answer(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _last_word(text, start, end) == (_searched(WORD_BEFORE_STOP, text[start:end]) or "")


def test_counts_read_once_are_the_counts_read_afresh():
    sentences = [
        "Russian shelling of Kupiansk killed two civilians and wounded five, the governor said.",
        "The RSF shelled the Abu Shouk camp in El Fasher, killing 15 people including 4 children.",
    ]
    for text in sentences:
        fresh = counts._casualties(text, list(counts._quantities(text)))
        assert counts.find_casualties(text) == fresh
        assert counts.find_casualties(text) == fresh  # the remembered answer, unchanged
        assert counts.find_casualties(text) is not counts.find_casualties(text)  # a new list
    assert [c.kind for c in counts.find_casualties(sentences[0])] == ["killed", "wounded"]


def test_entities_of_a_key_filtered_per_country_as_the_query_did(gaz):
    """A key's entities are read once for every country: those valid only inside one country
    go to that country's answers alone, in the order the filtered query gave."""
    con = gaz._con
    scoped = [k for (k,) in con.execute("SELECT key FROM name WHERE scoped = 1 LIMIT 20")]
    common = ["aleppo", "kharkiv", "taiz", "el fasher", "hama"]
    skeletons = [k for (k,) in con.execute("SELECT key FROM skel LIMIT 40")]
    for table, keys in (("name", scoped + common), ("skel", skeletons)):
        for key in keys:
            for country in (None, "SY", "UA", "YE", "SD"):
                rows = con.execute(
                    f"SELECT e.id FROM {table} n JOIN entity e ON e.id = n.entity "
                    f"WHERE n.key = ? AND (n.scoped = 0 OR e.country = ?)",
                    (key, country or "")).fetchall()
                assert [c.id for c in gaz._fetch(table, key, country)] == [r for (r,) in rows]
    assert scoped, "the index holds names valid only inside one country"
