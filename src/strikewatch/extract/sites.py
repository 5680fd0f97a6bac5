"""Sites: the named house, family, facility or vehicle a strike sentence says was hit.

In Gaza dozens of distinct strikes hit one town on one day, and reports tell them apart by
the family whose home was hit, the hospital, the school or the ambulance; fusion keeps two
reports naming different sites apart (``strikewatch.fuse``). The words are in
``data/lexicons/sites.yaml``. A sentence gives one site: a family first ("the home of the
Abu Daqqa family": its home), then a named facility ("al-Quds hospital"), then a facility's
kind alone ("a school", "an ambulance"), which still tells a school from a bakery.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path

from strikewatch._yamlconf import load_data
from strikewatch.models import StrikeMention

DATA = Path(__file__).resolve().parent.parent / "data" / "lexicons" / "sites.yaml"
# a capitalised name of up to four words, each possibly after an Arabic article or "Abu"
_WORD = r"(?:(?:al|el|an|ar|as|ash|ad|az)-|(?:Abu|Abou|Bin|Ibn|Al|El)[\s-])?[A-Z][\w'’-]*"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{0,3}}"


class SiteFinder:
    """The site patterns, compiled once from the lexicon."""

    def __init__(self, homes: list[str], facilities: list[str]) -> None:
        home = "|".join(map(re.escape, sorted(homes, key=len, reverse=True)))
        kind = "|".join(re.escape(f).replace(r"\ ", r"\s+")
                        for f in sorted(facilities, key=len, reverse=True))
        self.family = [
            re.compile(rf"\b(?:{home})s?\s+of\s+the\s+(?P<name>{_NAME})\s+family\b"),
            re.compile(rf"\b(?P<name>{_NAME})\s+family(?:['’]s)?\s+(?:{home})\b"),
            re.compile(rf"\bmembers\s+of\s+the\s+(?P<name>{_NAME})\s+family\b"),
        ]
        self.named = re.compile(rf"(?<![\w-])(?P<name>{_NAME})\s+(?P<kind>(?i:{kind}))\b")
        self.kind = re.compile(rf"\b(?i:an?|the)\s+(?:[a-z]+\s+)?(?P<kind>(?i:{kind}|{home}))\b")

    def find(self, sentence: str) -> str | None:
        """The site the sentence names, as written ("Abu Daqqa family", "al-Quds hospital",
        "school"), or None."""
        for pattern, noun in zip(self.family, ("family home", "family home", "family")):
            if (hit := pattern.search(sentence)) is not None:
                return f"{hit.group('name')} {noun}"
        for hit in self.named.finditer(sentence) if not _title_case(sentence) else ():
            if _after_lower_case_word(sentence, hit.start()):
                return f"{hit.group('name')} {hit.group('kind').lower()}"
        hit = self.kind.search(sentence)
        return " ".join(hit.group("kind").lower().split()) if hit else None


def _title_case(sentence: str) -> bool:
    """A headline in title case ("Mortar Attack Targets Damascus School") capitalises every
    word: its capitals name nothing."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", sentence) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.9 * len(words)


def _after_lower_case_word(sentence: str, start: int) -> bool:
    """A name follows a lower-case word ("struck the al-Razi hospital", "at Kamal Adwan
    Hospital"): capitals opening a sentence ("Meanwhile Albir hospital") or running on from
    other names ("Syrian school", "Idlib Russia A hospital") name no facility."""
    before = sentence[:start].split()
    return bool(before) and before[-1].islower() and before[-1].isalpha()


def with_site(events: list[StrikeMention], sentence: str) -> list[StrikeMention]:
    """The sentence's strikes, the first place's carrying the site (as it carries the toll:
    the text does not split them between places)."""
    site = site_finder().find(sentence)
    if site is None:
        return events
    return [replace(e, site=site) if e.place_text == events[0].place_text else e for e in events]


@cache
def site_finder() -> SiteFinder:
    raw = load_data(DATA.read_text(encoding="utf-8"))
    return SiteFinder(raw["homes"], raw["facilities"])
