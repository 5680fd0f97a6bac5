"""A belligerent's voice claiming its own strike names the attacker ("Saree said the group had
targeted Eilat"), while the same voice reporting what it suffered does not; a claim about
"the army" is about the state the document's strikes fall in, never about the pending word."""

from __future__ import annotations

import pytest

from strikewatch.actors import PENDING_TERRITORY, settle_claims
from strikewatch.geo import geocode_mentions
from strikewatch.models import ClaimMention, Span
from test_extract_wars import item


def attackers(extractor, text: str) -> list[tuple[str, str | None]]:
    strikes = extractor.extract(item(text)).strikes
    return [(m.place_text, m.attacker.code if m.attacker else None) for m in strikes]


@pytest.mark.parametrize(("text", "expected"), [
    # Yemen / Israel: a group's spokesman, the group as subject
    ("Houthi military spokesman Yahya Saree said the group had targeted the city of Eilat with "
     "a drone on Friday.", [("Eilat", "Houthis")]),
    # Sudan: the group speaking, "it" as subject
    ("The RSF said it shelled army positions in El Fasher on Monday.", [("El Fasher", "RSF")]),
])
def test_a_groups_voice_claiming_its_own_strike_names_the_group(extractor, text, expected):
    assert attackers(extractor, text) == expected


def test_a_groups_voice_reporting_a_strike_on_its_ground_names_no_attacker(extractor):
    found = attackers(extractor, "Hamas said an air strike hit a school in Gaza City on Tuesday.")
    assert found == [("Gaza City", None)]


@pytest.mark.parametrize(("text", "expected"), [
    # Ukraine / Russia: a state's forces by its possessive
    ("Ukraine's military said on Wednesday it had struck an oil refinery in Russia's Bryansk "
     "region overnight with drones.", [("Bryansk region", "UA")]),
    # Sudan: by its demonym
    ("The Sudanese army said it struck RSF positions in Nyala on Monday.", [("Nyala", "SD")]),
])
def test_a_states_forces_speaking_of_their_own_strike_name_the_state(extractor, text, expected):
    assert attackers(extractor, text) == expected


def _claim(about: str | None) -> ClaimMention:
    text = "The RSF denied responsibility for the shelling and accused the army of staging it."
    return ClaimMention(doc_id="t", span=Span(0, len(text), text), speaker="The RSF",
                        kind="denial", org="Rapid Support Forces", role="belligerent",
                        about=about, quote=text, numbers=())


def test_a_claim_about_the_army_is_about_the_state_the_strikes_fall_in(extractor):
    text = "Artillery shells hit Al-Nao hospital in Omdurman on Saturday, killing four patients."
    strikes = geocode_mentions(extractor.extract(item(text)).strikes, extractor.gazetteer,
                               document_text=text)
    [settled] = settle_claims([_claim(PENDING_TERRITORY)], strikes)
    assert settled.about == "SD"
    [unsettled] = settle_claims([_claim(PENDING_TERRITORY)], [])
    assert unsettled.about is None
    [kept] = settle_claims([_claim("RU")], [])
    assert kept.about == "RU"


@pytest.mark.parametrize(("text", "about"), [
    # Russia / Ukraine: a ministry on its own strike at the other side's facilities
    ('The Russian Defence Ministry said its forces had carried out a "group strike with '
     'high-precision weapons" on Ukrainian military-industrial facilities.', "RU"),
    ("Ukraine's General Staff said its forces had struck Russian air defence systems "
     "overnight.", "UA"),
    # Israel / Syria: the army on what it hit
    ("The Israeli army said it had hit Syrian army positions in response.", "IL"),
])
def test_a_force_named_by_what_was_hit_is_not_whose_strikes_the_claim_is_about(
        extractor, text, about):
    [claim] = extractor.extract(item(text)).claims
    assert claim.about == about


def test_a_force_named_as_the_striker_is_still_whose_strikes_the_claim_is_about(extractor):
    [claim] = extractor.extract(item(
        "Syrian state media said strikes by Israeli jets killed two soldiers.")).claims
    assert claim.about == "IL"
