"""The phrase matchers ask a text's words before their pattern scans it (issue 14: the cost of an
article read once). A phrase whose words are not all among the text's cannot match it, so the
answers must be the scan's on every text, while most texts skip the scan (the letters ``re``
folds as ``casefold()`` does: tests/test_brief_startup.py). Real sentences: FA-KES development
articles (Abu Salem et al., ICWSM 2019, CC BY 4.0; Syria) and reports of strikes in Ukraine,
Yemen, Gaza, Sudan and Myanmar written as the news writes them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from strikewatch.lexicons import PhraseMatcher, load_lexicons

FAKES = Path(__file__).parent / "fixtures" / "corpora" / "fakes-dev-articles.jsonl"

REPORTS = [
    "Russian forces shelled Kharkiv overnight, the regional governor said on Telegram.",  # Ukraine
    "Ukraine's air force said it shot down 23 of 30 Shahed drones launched at Odesa.",
    "Saudi-led coalition air strikes hit a market in Saada province, killing 12, Houthi media said.",  # Yemen
    "The IDF said its aircraft struck Hamas targets in Khan Younis; the health ministry in Gaza reported 9 dead.",
    "An Israeli drone strike on a car near Tyre killed two Hezbollah members, the agency reported.",  # Lebanon
    "RSF drones hit the power station in Atbara, the Sudanese army said in a statement.",  # Sudan
    "Junta jets bombed a school in Sagaing region, killing 11, a local resistance group said.",  # Myanmar
    "The weather was calm and the market reopened on Tuesday.",  # no war at all
]


def _matchers() -> list[tuple[str, PhraseMatcher]]:
    lex = load_lexicons()
    out = []
    for name, value in vars(lex).items():
        if isinstance(value, PhraseMatcher):
            out.append((name, value))
        elif isinstance(value, dict):
            out += [(f"{name}.{k}", v) for k, v in value.items() if isinstance(v, PhraseMatcher)]
    return out


def _sentences() -> list[str]:
    texts = [json.loads(line)["text"] for line in FAKES.read_text(encoding="utf-8").splitlines()[:40]]
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()] + REPORTS
    return sentences + [s.lower() for s in REPORTS] + [s.upper() for s in REPORTS]


def test_every_lexicon_answers_as_its_whole_scan():
    """Every list of extraction, on Syrian articles and on reports from five other wars, as
    written, lowered and upper-cased (case decides the capitals-only names): the same matches
    and values with the word test as without it, and the test spares most scans."""
    matchers, sentences = _matchers(), _sentences()
    assert len(matchers) > 20
    spared = 0
    for name, matcher in matchers:
        for text in sentences:
            assert matcher._find(text) == matcher._scan(text), (name, text)
            spared += not matcher._may_match(text)
    assert spared > len(matchers) * len(sentences) / 2
    assert any(m._scan(s) for _, m in matchers for s in REPORTS)


@pytest.mark.parametrize("text, asked, found", [
    ("Coalition air strikes hit Hodeidah port", True, ["strike"]),  # Yemen
    # Ukraine: both words are there, but "air-strikes" is one word to the pattern: it decides
    ("Two air-strikes hit Kherson", True, []),
    ("The airstrike in Rafah killed 5", False, []),  # Gaza: no word of the phrase alone
])
def test_a_phrase_is_looked_for_only_where_all_its_words_are(text, asked, found):
    matcher = PhraseMatcher({"air strikes": "strike"})
    assert matcher._may_match(text) is asked
    assert [v for *_, v in matcher.find(text)] == found


def test_a_phrase_without_a_word_character_is_always_looked_for():
    """ "%" has no word character to ask the text for: the scan decides (a Sudanese and a
    Syrian toll)."""
    matcher = PhraseMatcher({"%": "share", "per cent": "share"})
    assert [v for *_, v in matcher.find("90 % of El Fasher's homes were hit")] == ["share"]
    assert [v for *_, v in matcher.find("40 per cent of Douma was destroyed")] == ["share"]
