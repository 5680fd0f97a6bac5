"""The HTML briefings in a real browser (Debian's chromium, headless), offline: every request
that is not for the file itself is blocked and counted, and the map and charts must be drawn."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from founding_example import founding_run

from strikewatch import brief
from strikewatch.imports import import_yemen_data_project
from strikewatch.store import Store

YEARS = Path(__file__).parent / "fixtures" / "brief" / "ydp-every-10th-raid.csv"

pytestmark = pytest.mark.browser


def look(browser, page_path: Path, shot: Path) -> dict:
    """Open the file with the network cut off; what was drawn, and what was asked for."""
    page = browser.new_page(viewport={"width": 900, "height": 1400})
    blocked: list[str] = []

    def guard(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_path.as_uri())
    page.wait_for_load_state("load")
    drawn = page.evaluate("""() => {
        const box = s => { const e = document.querySelector(s);
                           if (!e) return null; const r = e.getBoundingClientRect();
                           return [r.width, r.height]; };
        const visible = s => [...document.querySelectorAll(s)].filter(e => {
            const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length;
        return {map: box('#map'), chart: box('#daily-chart'),
                incidents: visible('#map circle.incident'),
                regions: visible('#map path.admin1'),
                bars: visible('#daily-chart rect.bar')};
    }""")
    page.screenshot(path=str(shot), full_page=True)
    page.close()
    return {**drawn, "blocked": blocked, "errors": errors}


def test_founding_example_briefing_in_the_browser(browser, tmp_path):
    run = founding_run()
    assert run.exit_code == 0, run.output
    shot = tmp_path / "founding-example.png"
    seen = look(browser, run.briefing, shot)
    assert seen["blocked"] == [] and seen["errors"] == []
    assert seen["map"][0] > 500 and seen["map"][1] > 300
    assert seen["incidents"] >= 5 and seen["regions"] >= 14  # Syria's governorates
    assert seen["chart"][0] > 500 and seen["bars"] >= 2
    assert shot.stat().st_size > 20_000


def test_years_of_yemen_raids_in_the_browser(browser, tmp_path):
    """Every tenth raid of 2015–2020, briefed over the whole span: the chart goes weekly."""
    store = Store(str(tmp_path / "ydp.db"))
    import_yemen_data_project(YEARS, store)
    options = brief.BriefOptions(end=date(2020, 12, 31), days=365 * 6)
    result = brief.build_brief(store, options)
    assert result.chart_unit == "week" and len(result.incidents) == 2249
    page = tmp_path / "yemen.html"
    brief.render(result, "html", page, options=options)
    shot = tmp_path / "yemen-years.png"
    seen = look(browser, page, shot)
    assert seen["blocked"] == [] and seen["errors"] == []
    assert seen["incidents"] == 2249 and seen["regions"] >= 20  # Yemen's governorates
    assert seen["bars"] > 200  # weeks with raids
    assert shot.stat().st_size > 20_000
