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


# real-shaped sentences of strikes, claims and speakers from several wars
SENTENCES = [
    "Russian forces fired artillery at Kupiansk, Kharkiv, hitting civilian infrastructure, "
    "the regional governor said on Telegram.",
    "According to the Syrian Observatory for Human Rights, regime helicopters dropped barrel "
    "bombs on Daraya, killing 12.",
    "Pakistani shelling killed two civilians in Poonch, Indian officials said.",
    "In a joint statement, leaders of France and Germany called for an end to air strikes "
    "in northwestern Syria.",
    "Saudi-led coalition jets bombed a market in Saada, citing Houthi attacks on Jizan.",
    "An Israeli drone strike hit a car in southern Lebanon - NNA",
]


def _parsed(extractor, text):
    return next(iter(extractor.nlp.pipe([text])))


def test_every_strike_word_is_among_the_words_looked_at(extractor):
    rules = extractor.reader.triggers
    for text in SENTENCES:
        sdoc = _parsed(extractor, text)
        phrase_ends = {end for _, end, _, _ in extractor.lex.strong_phrases.find(text)}
        looked_at = {t.i for t in rules._may_be_strike_words(sdoc, phrase_ends)}
        for short in (False, True):
            assert {t.i for t in sdoc if rules.strength(t, phrase_ends, short)} <= looked_at
    sdoc = _parsed(extractor, SENTENCES[2])
    assert [t.text for t in rules._may_be_strike_words(sdoc, set())] == ["shelling", "killed"]


def test_every_speakers_word_is_among_the_words_looked_at(extractor):
    from strikewatch.extract.state import DocState
    from strikewatch.models import Document

    speakers = extractor.reader.speakers
    for text in SENTENCES:
        sdoc = _parsed(extractor, text)
        state = DocState(Document(id="t", text=text, segments=(), content_hash="t"), None)
        looked_at = {t.i for t in speakers._speech_words(sdoc)}
        assert {t.i for t in sdoc if speakers._attribution_at(state, sdoc, t)} <= looked_at
    assert [t.text for t in speakers._speech_words(_parsed(extractor, SENTENCES[1]))] \
        == ["According"]


def test_demonyms_and_regions_are_found_by_their_ids(extractor):
    from strikewatch.extract.words import tokens_among

    attackers, places = extractor.reader.attackers, extractor.reader.places
    for text in SENTENCES:
        sdoc = _parsed(extractor, text)
        assert [t.i for t in tokens_among(sdoc, attackers._demonym_ids, as_written=True)] \
            == [t.i for t in sdoc if t.text in extractor.lex.demonym_forces]
        assert [t.i for t in tokens_among(sdoc, places._region_ids)] \
            == [t.i for t in sdoc if t.lower_ in extractor.lex.regions]
    assert [t.text for t in tokens_among(_parsed(extractor, SENTENCES[2]), attackers._demonym_ids,
                                         as_written=True)] == ["Pakistani", "Indian"]
