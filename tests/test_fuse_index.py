"""The candidate index of fusion: a report meets only the incidents of its days and area, and
never misses one the matcher would take or refuse with a reason.

The places are gazetteer-like points written for these tests: neighbourhoods of Gaza City
(some known to the gazetteer at their own point, some placed at the city's) and districts of
Kharkiv; the sentences are in the shape of wire reports, none copied from a corpus.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from strikewatch.fuse import FuseSettings
from strikewatch.fuse.candidates import _Buckets
from strikewatch.fuse.scoring import _score, _Traits
from strikewatch.fuse.summary import _Working
from strikewatch.models import (
    Actor, Casualties, Incident, Place, Range, Span, StoredMention, StrikeMention)

IL = Actor("Israel Defense Forces", "IL")
RU = Actor("Russian Armed Forces", "RU")
GAZA = Place("Gaza", 31.5017, 34.4668, "PS", "point", admin1="Gaza Strip", geonameid=281133)
RIMAL = Place("Rimal", 31.5226, 34.4502, "PS", "point", admin1="Gaza Strip", geonameid=9_100_001)
TEL_AL_HAWA = Place("Tel al-Hawa", 31.5041, 34.4404, "PS", "point", admin1="Gaza Strip",
                    geonameid=9_100_002)
SHUJAIYA_UNKNOWN = Place("Shujaiya", 31.4985, 34.4869, "PS", "point", admin1="Gaza Strip")
KHARKIV = Place("Kharkiv", 49.9808, 36.2527, "UA", "point", admin1="Kharkivska",
                geonameid=706483)
SALTIVKA = Place("Saltivka", 50.0287, 36.3290, "UA", "point", admin1="Kharkivska",
                 geonameid=9_200_001)
KHOLODNA_HORA = Place("Kholodna Hora", 49.9867, 36.1987, "UA", "point", admin1="Kharkivska",
                      geonameid=9_200_002)
KHARKIV_OBLAST = Place("Kharkiv Oblast", 49.5, 36.5, "UA", "admin1", admin1="Kharkivska")

GAZA_TEXT = "An Israeli airstrike hit the {site} in {where}, killing {n}, medics said."
KHARKIV_TEXT = "A Russian missile struck the {site} in {where} overnight, killing {n}."


def _mention(n: int, text: str, where: str, place: Place, attacker: Actor, day: date,
             site: str) -> StoredMention:
    sentence = text.format(site=site, where=where, n=n % 7)
    at = sentence.index(where)
    return StoredMention(
        id=n, story=f"doc-{n}",
        mention=StrikeMention(
            doc_id=f"doc-{n}", sentence=Span(0, len(sentence), sentence), place_text=where,
            place_span=Span(at, at + len(where), where), attacker=attacker, date=day,
            date_precision="day", place=place, site=site,
            casualties=Casualties(killed=Range(n % 7, n % 7))))


def _reports() -> list[StoredMention]:
    """Reports of several days at every kind of place: gazetteer neighbourhoods, a city's
    point with the neighbourhood named, a point the gazetteer does not know, a province."""
    gaza = [("Rimal", RIMAL), ("Tel al-Hawa", TEL_AL_HAWA), ("Shujaiya", SHUJAIYA_UNKNOWN),
            ("Zeitoun", GAZA), ("Gaza City", GAZA), ("Sheikh Radwan", GAZA)]
    kharkiv = [("Saltivka", SALTIVKA), ("Kholodna Hora", KHOLODNA_HORA),
               ("Kharkiv", KHARKIV), ("Kharkiv region", KHARKIV_OBLAST)]
    sites = ["al-Najjar family home", "Abu Daqqa family home", "school", "bakery"]
    out = []
    for n, (day, (where, place), site) in enumerate(itertools.product(
            [date(2023, 11, 18) + timedelta(days=d) for d in range(3)], gaza + kharkiv, sites)):
        text, attacker = (GAZA_TEXT, IL) if place.country == "PS" else (KHARKIV_TEXT, RU)
        out.append(_mention(n, text, where, place, attacker, day, site))
    return out


@pytest.mark.parametrize("with_members", [1, 2])
def test_the_index_offers_every_incident_the_matcher_would_weigh(with_members):
    """Each report is checked against every incident (one or two reports each): every one it
    may be must be among the candidates the index offers. (One refused for another sub-place
    of the town is not offered by design: the sub-place is part of the index.)"""
    s = FuseSettings.default()
    reports = _reports()
    buckets, working = _Buckets(s), {}
    for k, group in enumerate(reports[i:i + with_members]
                                   for i in range(0, len(reports), with_members)):
        w = _Working(Incident(id=f"inc-{k}", date=None, date_precision=None, attacker=None,
                              place=None), [])
        for m in group:
            w.add(m, s)
        w.incident = w.keys.incident(w.incident)
        working[w.incident.id] = w
        buckets.put(w)
    weighed = offered = 0
    for m in reports:
        traits = _Traits.of(m.mention)
        near = buckets.near(m.mention, traits.locality)
        for iid, w in working.items():
            if _score(m, traits, w, s)[0] is not None:
                weighed += 1
                assert iid in near, (m.mention.sentence.text, w.incident.place)
        offered += len(near)
    assert weighed > len(reports)  # the check is not empty ...
    assert offered < len(reports) * len(working) / 4  # ... and the index does narrow


def test_two_gazetteer_neighbourhoods_are_not_candidates_of_each_other():
    """A report at Rimal does not meet the incident at Tel al-Hawa, 2 km away, nor a
    report at Saltivka the one at Kholodna Hora; the city's own point (Zeitoun placed at
    Gaza) is no candidate of Rimal either, being another gazetteer entry."""
    s = FuseSettings.default()
    day = date(2023, 11, 18)
    buckets = _Buckets(s)
    incidents = {}
    for n, (where, place, text, attacker) in enumerate([
            ("Tel al-Hawa", TEL_AL_HAWA, GAZA_TEXT, IL), ("Zeitoun", GAZA, GAZA_TEXT, IL),
            ("Kholodna Hora", KHOLODNA_HORA, KHARKIV_TEXT, RU)]):
        m = _mention(n, text, where, place, attacker, day, "school")
        w = _Working(Incident(id=f"inc-{where}", date=None, date_precision=None,
                              attacker=None, place=None), [])
        w.add(m, s)
        w.incident = w.keys.incident(w.incident)
        buckets.put(w)
        incidents[where] = w
    rimal = _mention(10, GAZA_TEXT, "Rimal", RIMAL, IL, day, "bakery").mention
    saltivka = _mention(11, KHARKIV_TEXT, "Saltivka", SALTIVKA, RU, day, "bakery").mention
    shujaiya = _mention(12, GAZA_TEXT, "Shujaiya", SHUJAIYA_UNKNOWN, IL, day, "bakery").mention
    assert buckets.near(rimal, None) == set()
    assert buckets.near(saltivka, None) == set()
    # a point the gazetteer does not know may be the city's within reach (Tel al-Hawa, 4 km
    # away, is not)
    assert buckets.near(shujaiya, None) == {"inc-Zeitoun"}
