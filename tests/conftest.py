"""Fixtures shared by several test files. Helper modules that tests import by name
(``founding_example``, ``pg``, ``webapp_support``) stay modules; what is a fixture lives here."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# No property test is a timing test (speed is measured in benchmarks/): hypothesis's default
# 200 ms deadline per example failed a count parser's test whose first example loaded the
# lexicons on a machine at load 10.
settings.register_profile("strikewatch", deadline=None)
settings.load_profile("strikewatch")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium under Playwright, launched once for the briefing and web-app tests;
    skipped, saying how to get it, where it is absent."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent: run scripts/ensure-chromium.sh "
                    "(apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def gaz():
    """The embedded gazetteer, for every test that geocodes: built once per cache key
    (~15 s on a fresh machine), then opened in milliseconds."""
    from strikewatch.geo import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def extractor():
    """One extractor (lexicons and the spaCy pipeline loaded once) for every test that
    extracts: its memos remember answers, never change them."""
    from strikewatch.extract import Extractor

    return Extractor()
