"""Lookup: the candidates a name can mean (exact key, transliteration skeleton, near
spellings inside a named province), their scores, and the place chosen."""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

import numpy as np

from ..actors import load_registry
from ..models import Place
from .cues import _BEARINGS, _KIND_PRIOR, _distance_km
from .lexicon import _parse, _Query
from .names import (
    ADMIN1, ADMIN2, AREA, CITY, COUNTRY, FACILITY, LEVEL_KINDS, REGION, STREET_NAMESAKE, Candidate,
    GeoSettings, Unresolved, fold_spelling, normalize, skeleton, transpositions,
)


# the most keys one query asks: under the least bound SQLite builds may set on a query's
# parameters (999), and more than a name's slips ever are
_KEYS_A_QUERY = 500


class _Lookup:
    """The Gazetteer's lookup half: names to scored candidates to one place."""

    def _fetch(self, table: str, key: str, country: str | None) -> list[Candidate]:
        memo_key = (table, key, country)
        if (hit := self._memo.get(memo_key)) is not None:
            return hit
        out = [c for c, scoped in self._entities_of_key(table, key)
               if not scoped or c.country == (country or "")]
        if table == "name" and country and self.imported is not None:
            # a team's imported gazetteer of the story's country: its villages join the
            # candidates, a place the index already holds (same GeoNames id) only once
            known = {c.geonameid for c in out if c.geonameid}
            out += [c for c in self.imported.candidates(key, country, self._admin1)
                    if c.geonameid is None or c.geonameid not in known]
        if len(self._memo) > 50_000:
            self._memo.clear()
        self._memo[memo_key] = out
        return out

    def _entities_of_key(self, table: str, key: str) -> list[tuple[Candidate, bool]]:
        """Every entity under ``key`` in ``table``, with whether it is valid only inside its
        own country, read once for every country asked: a story's words are asked for
        without a country (its country vote) and again with it, and a skeleton's rows are
        dozens of places worldwide."""
        if (hit := self._entities.get((table, key))) is None:
            self._read_keys(table, [key])
            hit = self._entities[(table, key)]
        return hit

    def _read_keys(self, table: str, keys: Sequence[str]) -> None:
        """Read the entities of the keys not read yet, all in one query: a name's slips
        (``_typo_candidates``) are a dozen keys asked together, and nearly all name nothing;
        one query a key cost more than the answers. Whether a key spells a place's own name
        is read off the key and skeleton the index stores for that name."""
        missing = [k for k in dict.fromkeys(keys) if (table, k) not in self._entities]
        if not missing:
            return
        rows_of: dict[str, list[tuple]] = defaultdict(list)
        for start in range(0, len(missing), _KEYS_A_QUERY):  # SQLite's bound on parameters
            chunk = missing[start:start + _KEYS_A_QUERY]
            with self._lock:
                rows = self._con.execute(
                    f"SELECT n.key, e.id, e.name, e.kind, e.country, e.admin1code, e.lat, "
                    f"e.lon, e.population, e.geonameid, e.source, n.scoped, e.own_key, "
                    f"e.own_skel, n.given FROM {table} n "
                    f"JOIN entity e ON e.id = n.entity WHERE n.key IN "
                    f"({','.join('?' * len(chunk))}) ORDER BY n.key, n.entity", chunk).fetchall()
            for r in rows:
                rows_of[r[0]].append(r)
        if len(self._entities) + len(missing) > 50_000:
            self._entities.clear()
        for key in missing:
            skel = key if table == "skel" or not rows_of[key] else skeleton(key)
            self._entities[(table, key)] = [
                (Candidate(r[1], r[2], r[3], r[4], r[5], self._admin1.get((r[4], r[5])), r[6],
                           r[7], r[8], r[9], r[10], table == "name",
                           bool(r[14]) or r[12] == key or r[13] == skel, key=r[12]),
                 bool(r[11])) for r in rows_of[key]]

    def lookup(self, name: str) -> list[Candidate]:
        """Every entity this surface form names exactly (after normalisation); [] if none.
        Entries valid only inside one country (the YDP's "Capital") are left out."""
        key = normalize(name)
        return self._fetch("name", key, None) if key else []

    def is_place(self, name: str, *, country: str | None = None, min_population: int = 0,
                 spelling_variants: bool = False) -> bool:
        """Whether the name is a known place. GeoNames names many hamlets after common words,
        so callers recognising names in free text should pass a country or a population floor;
        provinces, countries and supplement entries always count. ``spelling_variants`` also
        accepts a close transliteration ("Bordyanka" for Borodianka) or a typo of a sizeable
        place ("Donestk"): only for a word the text itself puts in a place, since English
        words share the skeletons of hamlets ("Bombing" and Bambang)."""
        key = normalize(name)
        if not key:
            return False

        def fits(c: Candidate, floor: int = min_population) -> bool:
            return (country is None or c.country == country) \
                and (c.kind != CITY or c.population >= floor)

        if any(fits(c) for c in self._fetch("name", key, country)):
            return True
        if not spelling_variants:
            return False
        floor = max(min_population, self.settings.anchor_population)
        return bool(self._typo_candidates(key, country, fits)) or any(
            self._similarity(key, c) >= self.settings.variant_similarity
            for c in self._skeleton_candidates(key, country, lambda c: fits(c, floor)))

    def _typo_candidates(self, key: str, country: str | None,
                         keep: Callable[[Candidate], bool] = lambda c: True,
                         ) -> list[Candidate]:
        """Places whose name is the key with two neighbouring letters swapped ("Donestk"),
        when sizeable: provinces, districts and towns of ``anchor_population``. A hamlet's
        name one slip away from the key is as likely another hamlet as the one meant."""
        out: list[Candidate] = []
        if country is None and _too_short_for_a_variant(key, self.settings):
            return out
        variants = transpositions(key)
        self._read_keys("name", variants)
        for variant in variants:
            out += [c for c in self._fetch("name", variant, country) if keep(c) and c.own
                    and (c.kind != CITY or c.population >= self.settings.anchor_population)]
        return [dataclasses.replace(c, exact=False) for c in out]

    @staticmethod
    def _similarity(key: str, c: Candidate) -> float:
        """How alike the key and the place's own name are spelt, the better of the letters
        as written and of the Russian/Ukrainian romanisations folded: "Chuguiev" is
        Chuhuyiv's Russian spelling (0.75 as written, 0.88 folded)."""
        own, written = c.key.replace(" ", ""), key.replace(" ", "")
        return max(difflib.SequenceMatcher(None, own, written).ratio(),
                   difflib.SequenceMatcher(None, fold_spelling(own),
                                           fold_spelling(written)).ratio())

    def _skeleton_candidates(self, key: str, country: str | None,
                             keep: Callable[[Candidate], bool] = lambda c: True,
                             regions: frozenset[tuple[str, str | None]] = frozenset(),
                             ) -> list[Candidate]:
        """Transliteration matches that ``keep`` accepts (filtered before the costly
        similarity check: a short skeleton can match dozens of places worldwide), the
        closest spellings only, inside the story's country: "Al-Jufra" in Libya is Al Jufrah
        (0.91), not Jafarah (0.67), though both share its skeleton and Jafarah is the larger.
        A name shorter than ``variant_min_letters`` has a spelling variant only in the story's
        country: its skeleton of two or three consonants is shared worldwide ("Boni" and
        Bonn). A place in the neighbours' ``regions`` stays a candidate however it is spelt:
        context beats spelling."""
        skel = skeleton(key)
        if len(skel) < 2 or (country is None and _too_short_for_a_variant(key, self.settings)):
            return []
        matcher, scored = None, []
        for c in self._fetch("skel", skel, country):
            if not keep(c):
                continue
            if (alike := self._alike.get((key, c.id))) is None:
                if matcher is None:
                    matcher = difflib.SequenceMatcher(None, b=key.replace(" ", ""))
                matcher.set_seq1(c.key.replace(" ", ""))
                alike = matcher.ratio() if matcher.quick_ratio() >= self.settings.min_similarity \
                    else 0.0
                if len(self._alike) > 200_000:
                    self._alike.clear()
                self._alike[(key, c.id)] = alike
            if alike >= self.settings.min_similarity:
                scored.append((alike, c))
        if country is None:  # across countries every spelling stays: a rival abroad spelt
            return [c for _, c in scored]  # almost as closely makes the name ambiguous
        closest = max((a for a, _ in scored), default=0.0)
        return [c for a, c in scored if a >= closest - self.settings.variant_margin
                or (c.country, c.admin1) in regions]

    def _candidates(self, q: _Query, scope: set[str], near: Sequence[Place]) -> list[Candidate]:
        """Exact matches in scope; else transliteration matches in scope; else exact matches
        anywhere (a foreign capital named in the story). When the neighbours' provinces hold
        no exact match, spelling variants there are added: context beats spelling."""
        country = next(iter(scope)) if len(scope) == 1 else None
        keys = [k for k in dict.fromkeys((q.whole, q.plain, q.core)) if k]
        regions = {(p.country, p.admin1) for p in near if p.admin1}
        for key in keys:
            found = self._fetch("name", key, country)
            if any(c.kind == COUNTRY for c in found):
                return found  # "Syria" names Syria, whatever the document's country
            if found and (not scope or any(c.country in scope for c in found)):
                # a province's own name ("Daraa city") is no misspelling of a town near the
                # neighbours (Darayya)
                if regions and not any((c.country, c.admin1) in regions for c in found) \
                        and not any(c.kind == ADMIN1 for c in found):
                    found = found + self._skeleton_candidates(
                        key, country, lambda c: (c.country, c.admin1) in regions)
                return found
        # a compass word is a word, not a spelling: "Northeast" shares its skeleton with the
        # supplement's "northwest" (Idlib), 300 km from the "50km Northeast of Aleppo" it meant
        for key in keys if q.whole not in self._lex.bare_directions else ():
            found = self._skeleton_candidates(key, country,
                                              lambda c: not scope or c.country in scope,
                                              frozenset(regions))
            if found:
                return self._exact_abroad_outweighing(key, found) if scope else found
        for key in keys:
            found = self._typo_candidates(key, country, lambda c: not scope or c.country in scope)
            if found:
                return found
        if regions and q.core and (found := self._fuzzy_in(q.core, regions)):
            return found
        return self._fetch("name", q.core, country) if q.core else []

    def _exact_abroad_outweighing(self, key: str, variants: list[Candidate]) -> list[Candidate]:
        """A spelling variant at home against the exact name abroad, weighed by what each
        proves: where every variant in the story's country is a village (under an anchor
        town's size) and the name is exactly the own name of a province or of a city large
        enough to be named from abroad (``foreign_min_population``), the exact name is the
        place: "Hodeidah" in a story whose other places are Israeli is the Yemeni port, not
        H̱adid, a village whose consonants it shares. A metropolis abroad
        (``metropolis_population``) outweighs districts and towns at home too, all but a city
        that could itself be named from abroad: "missiles at Riyadh" in a Yemeni story is not
        Ar Rawdah district, "Lahore" in an Indian one not Lahar. A town at home, or a small
        namesake abroad, leaves the variants standing."""
        s = self.settings
        exact = [c for c in self._fetch("name", key, None) if c.exact and c.own]
        metropolis = [c for c in exact if c.kind == CITY and c.population >= s.metropolis_population]
        if metropolis and not any(c.kind == CITY and c.population >= s.foreign_min_population
                                  for c in variants):
            return metropolis
        if any(c.kind != CITY or c.population >= s.anchor_population for c in variants):
            return variants
        return [c for c in exact if c.kind == ADMIN1 or (
            c.kind == CITY and c.population >= s.foreign_min_population)] or variants

    def _fuzzy_in(self, key: str, regions: set[tuple[str, str | None]]) -> list[Candidate]:
        """Names of the neighbours' provinces that differ from the key by more than the
        skeleton forgives: a dropped 'bin' or final letter, a swapped vowel ("Wisab Al-Safi"
        for Wusab as Safil, "Maghrin Ans" for Maghirib Ans). Only inside the provinces the
        context names, where a near miss is far likelier a spelling than another place."""
        out: list[Candidate] = []
        for country, admin1 in regions:
            code = self._admin1_code.get((country, admin1))
            if code is not None:
                out.extend(self._fuzzy_in_province(key, country, code))
        return out

    def _fuzzy_in_province(self, key: str, country: str, code: str) -> tuple[Candidate, ...]:
        """``_fuzzy_in`` for one province, remembered: a province holds thousands of names
        and the same unknown name comes back in every story about it. Names are compared by
        length first, with difflib's own length bound, so only near lengths meet difflib."""
        memo_key = (key, country, code)
        if (hit := self._fuzzy.get(memo_key)) is not None:
            return hit
        floor, lb = self.settings.province_similarity, len(key)
        matcher = difflib.SequenceMatcher(None, b=key)
        keep = []
        # difflib's length bound (real_quick_ratio) and shared-letter bound (quick_ratio),
        # the same figures computed for the whole province at once: a loop over its names
        # was a quarter of geocoding a story; only the names that pass meet ratio()
        entries, alphabet, letters, lengths = self._province_letters(country, code)
        wanted = np.zeros(len(alphabet), dtype=np.int64)
        for ch, n in Counter(key).items():
            if (j := alphabet.get(ch)) is not None:
                wanted[j] = n
        near = 2.0 * np.minimum(lengths, lb) / (lengths + lb) >= floor
        quick = 2.0 * np.minimum(letters, wanted).sum(axis=1) / (lengths + lb) >= floor
        for k in np.flatnonzero(near & quick):
            i, cand, name = entries[k]
            matcher.set_seq1(name)
            if matcher.ratio() >= floor:
                keep.append((i, cand))
        out = tuple(cand for _, cand in sorted(keep, key=lambda ic: ic[0]))
        if len(self._fuzzy) > 20_000:
            self._fuzzy.clear()
        self._fuzzy[memo_key] = out
        return out

    def _province_letters(self, country: str, code: str) -> tuple:
        """A province's places (row order, place, name), the index of each letter of their
        names, each name's count of each letter, and each name's length."""
        if (hit := self._letters.get((country, code))) is not None:
            return hit
        entries = [e for group in self._province_entities(country, code).values() for e in group]
        alphabet = {ch: j for j, ch in enumerate(sorted({ch for _, _, n in entries for ch in n}))}
        lengths = np.array([len(name) for _, _, name in entries], dtype=np.int64)
        # each letter of each name counted at its (name, letter) cell in one call: a Counter
        # a name was a fifth of reading a province's places
        letters = np.zeros((len(entries), len(alphabet)), dtype=np.int64)
        np.add.at(letters, (np.repeat(np.arange(len(entries)), lengths),
                            np.fromiter((alphabet[ch] for _, _, n in entries for ch in n),
                                        dtype=np.int64, count=int(lengths.sum()))), 1)
        self._letters[(country, code)] = hit = (entries, alphabet, letters, lengths)
        return hit

    def _province_entities(self, country: str, code: str,
                           ) -> dict[int, list[tuple[int, Candidate, str]]]:
        """A province's places by the length of their normalised name: (row order, place,
        name)."""
        if (hit := self._provinces.get((country, code))) is not None:
            return hit
        with self._lock:
            rows = self._con.execute(
                "SELECT id, name, kind, country, admin1code, lat, lon, population, geonameid, "
                "source, own_key FROM entity WHERE country = ? AND admin1code = ? AND kind IN "
                "('city', 'admin2', 'area', 'facility')", (country, code)).fetchall()
        out: dict[int, list[tuple[int, Candidate, str]]] = defaultdict(list)
        for i, r in enumerate(rows):
            name = r[10]
            out[len(name)].append((i, Candidate(
                r[0], r[1], r[2], r[3], r[4], self._admin1.get((r[3], r[4])), r[5], r[6], r[7],
                r[8], r[9], False, key=name), name))
        self._provinces[(country, code)] = dict(out)
        return self._provinces[(country, code)]

    def _score(self, c: Candidate, q: _Query, scope: set[str], near: Sequence[Place],
               capitals: set[int]) -> float:
        s = _KIND_PRIOR.get(c.kind, min(7.0, math.log10(c.population + 10)))
        if c.kind == CITY and c.geonameid in capitals and q.level is None \
                and (c.own or c.population >= self.settings.anchor_population):
            # "strikes hit Hama": the city. Not a hamlet by one of its alternate names: "Gaza"
            # is also Gasa, the seat (548 people) of a Bhutanese district
            s = max(s, _KIND_PRIOR[ADMIN1] + 1.0)
        if q.level and c.kind in LEVEL_KINDS[q.level]:
            s += 5.0
        elif q.level == "admin1" and c.kind == ADMIN2:
            s += self.settings.second_level_province
        if scope and c.country in scope:
            s += 10.0
        if near:
            if any(p.country == c.country and p.admin1 and p.admin1 == c.admin1 for p in near):
                s += 3.0
            s -= min(3.0, min(_distance_km((c.lat, c.lon), (p.lat, p.lon)) for p in near) / 250)
        # a town called so beats a town of like size that was once called so: "Slovyansk" is
        # Sloviansk, not Nikopol (one of whose old names it is); "Human" is not Uman
        own = 1.0 if c.kind == CITY and c.own else 0.0
        return s + (2.0 if c.exact else 0.0) + own

    def resolve(self, name: str, *, country: str | None = None, near: Sequence[Place] = (),
                context: str | None = None, level: str | None = None) -> Place | Unresolved:
        """Place one name. ``country`` is the document's country (ISO2), ``near`` the other
        places of the document, ``context`` the words around the name (its sentence), and
        ``level`` forces a kind ("admin1" for a table's governorate column)."""
        return self._resolve_full(name, country, near, context, level)[0]

    def _resolve_full(self, name: str, country: str | None = None, near: Sequence[Place] = (),
                      context: str | None = None, level: str | None = None,
                      ) -> tuple[Place | Unresolved, Candidate | None]:
        """``resolve`` with the candidate it chose, which says how sure it is (an exact
        name or a spelling variant, a province or a hamlet) for the document's country vote."""
        key = (name, country, tuple(near), context, level)
        memo = self._resolved if context is None else self._resolved_in_document
        if (hit := memo.get(key)) is not None:
            return hit
        result = self._resolve(name, country, near, context, level)
        if not isinstance(result, tuple):
            result = (result, None)
        if len(memo) > 20_000:
            memo.clear()
        memo[key] = result
        return result

    def start_document(self) -> None:
        """Forget the answers given in a sentence's context. Within a document the same name
        in the same sentence is asked for several times (each pass of geocode_mentions); across
        documents such a hit only comes from a repeated text, which real news rarely holds and
        a replicated benchmark always does, so keeping them would flatter the benchmark."""
        self._resolved_in_document.clear()
        self._runs_in_document.clear()

    def _resolve(self, name: str, country: str | None, near: Sequence[Place],
                 context: str | None, level: str | None,
                 ) -> Place | Unresolved | tuple[Place | Unresolved, Candidate]:
        if (settled := self._settled_by_its_writing(name, country, context, level)) is not None:
            return settled
        q = self._region_as_unit(_parse(name, context, self._lex), country)
        if level is not None:
            q = dataclasses.replace(q, level=level)
        if not q.core:
            return Unresolved(name, "no place name left after removing descriptor words")
        scope = {country} if country else {p.country for p in near}
        if q.level == "feature":
            return self._feature(name, q, scope)
        cands = _own_names_first(self._candidates(q, scope, near), near)
        if q.whole in self._lex.bare_directions and not any(c.country in scope for c in cands):
            # "the west" is a part of the document's country, not Cameroon's West province
            return self._bare_direction(name, q, scope)
        if not cands:
            return Unresolved(name, "not in the gazetteer (no exact or transliteration match)")
        capitals = {c.geonameid for c in cands if c.kind == ADMIN1}
        scored = sorted(((self._score(c, q, scope, near, capitals), c) for c in cands),
                        key=lambda sc: (-sc[0], -sc[1].population, sc[1].id))
        best = scored[0][1]
        alternatives = tuple(f"{c.describe()} score {s:.1f}" for s, c in scored[1:6])
        doubt = (self._doubt_abroad(name, best, scope, context, alternatives) if scope
                 else self._doubt_without_country(name, q, scored, alternatives))
        if doubt is not None:
            return doubt
        if q.level == "admin1" and best.kind == CITY:
            promoted = self._province_of_capital(best)
            if promoted is not None:
                best = promoted
        return self._place(name, best, q, alternatives), best

    def _settled_by_its_writing(self, name: str, country: str | None, context: str | None,
                                level: str | None,
                                ) -> Place | Unresolved | tuple[Place | Unresolved, Candidate | None] | None:
        """What the way the name is written settles before any lookup: its container after a
        comma or in brackets, a city's part written with it, another name of it in brackets,
        a street's or a dam's namesake. None when the writing settles nothing."""
        if ("," in name or "(" in name) and level is None \
                and (written := self._resolve_written(name, country)) is not None:
            return written
        if level is None and (part := self._part_of_its_city(name, country)) is not None:
            return part
        if level is None and (inside := self._place_in_its_unit(name, country)) is not None:
            return inside
        if level is None and (inside := self._town_before_its_unit(name, country)) is not None:
            return inside
        if level is None and "(" in name and (same := self._other_name_in_brackets(name, country)):
            return same
        if self._names_a_street(name, context):
            return Unresolved(name, STREET_NAMESAKE)
        if level is None:
            return self._dam_namesake(name, country, context)
        return None

    def _doubt_abroad(self, name: str, best: Candidate, scope: set[str], context: str | None,
                      alternatives: tuple[str, ...]) -> Unresolved | None:
        """The best candidate lies outside the story's country: a hamlet, district or site
        abroad is no answer, nor a town the sentence's words veto."""
        if best.country in scope:
            return None
        small = best.kind == CITY and best.population < self.settings.foreign_min_population
        if small or best.kind in (ADMIN2, AREA, REGION, FACILITY):
            return Unresolved(name, f"no candidate in {'/'.join(sorted(scope))}; only "
                                    f"{best.describe()} elsewhere", alternatives)
        if (veto := self._abroad_veto(name, best, context)) is not None:
            return Unresolved(name, f"no candidate in {'/'.join(sorted(scope))}; "
                                    f"{best.describe()} elsewhere, but {veto}", alternatives)
        return None

    def _doubt_without_country(self, name: str, q: _Query, scored: list,
                               alternatives: tuple[str, ...]) -> Unresolved | None:
        """With no country to go by, a close spelling, two countries' candidates scored
        alike, or a town of like size abroad bearing the name leave the name unresolved."""
        best_score, best = scored[0]
        if not best.exact and (why := self._unsure_spelling(q, best, scored)):
            return Unresolved(name, f"{why}; give a country", alternatives)
        rival = next((s for s, c in scored[1:] if c.country != best.country), None)
        if rival is not None and best_score - rival < self.settings.ambiguity_margin:
            return Unresolved(name, "ambiguous between countries; give a country",
                              (best.describe(), *alternatives))
        if (twin := _twin_abroad(best, [c for _, c in scored[1:]])) is not None:
            return Unresolved(name, f"a town of like size in {twin.country} bears the "
                                    f"name too; give a country", (best.describe(), *alternatives))
        return None

    def _feature(self, name: str, q: _Query, scope: set[str],
                 ) -> Place | Unresolved | tuple[Place, Candidate]:
        """A natural feature ("the Jabal Akhdar mountains", "Sambisa Forest"): the unit its
        name names exactly, a province, district or area of the story's country (one abroad
        only if a province, as for any name), at region precision: a range or a forest
        spreads over its unit. Never a town, unless the gazetteer knows the whole name with
        its noun: the town that shares the word before "Forest" is a namesake. A feature the
        gazetteer lacks is left to the province its text places it in (``_contain``)."""
        named = q.whole.split()  # "jabal akhdar mountains": the range is named "Jabal Akhdar"
        while len(named) > 1 and named[-1] in self._lex.feature_after:
            named.pop()
        keys = [k for k in dict.fromkeys((q.whole, " ".join(named), q.plain, q.core)) if k]
        country = next(iter(scope)) if len(scope) == 1 else None
        units = [c for k in keys for c in self._fetch("name", k, country)
                 if k == q.whole or c.kind not in (CITY, COUNTRY)]
        whole = {c.id for c in self._fetch("name", q.whole, country)}
        local = [c for c in units if c.country in scope]
        pool = local or [c for c in units if not scope or c.kind == ADMIN1]
        if not pool:
            return Unresolved(name, "a natural feature the gazetteer does not name"
                                    + (f" in {'/'.join(sorted(scope))}" if scope else "")
                                    + ": placed by the province its text gives, or not at all")
        if len({c.country for c in pool}) > 1:
            return Unresolved(name, "a natural feature named so in several countries; give a "
                                    "country", tuple(c.describe() for c in pool[:5]))
        best = max(pool, key=lambda c: (c.exact, _KIND_PRIOR.get(c.kind, 0.0), c.population))
        place = self._place(name, best, dataclasses.replace(q, level=None), ())
        if isinstance(place, Place) and best.id not in whole:  # "Mount Lebanon" is a province
            place = dataclasses.replace(place, precision="region")
        return place, best

    def _unsure_spelling(self, q: _Query, best: Candidate,
                         scored: list[tuple[float, Candidate]]) -> str | None:
        """Why a place found only through a spelling, with no country to check it in, is no
        answer, or None. It must be a sizeable place; in a country where no force of the
        registry strikes, spelt as closely as a word the text puts in a place must be
        ("Maungdaw" shares its consonants with Mingda in China, 0.71, as Arabic spellings drop
        a final "w"; "Bulaburde" is still Buulobarde, Somalia); and no place of another
        country may be spelt as closely: "Novomykhailivka" alone is not a hamlet in the Altai, nor a Borno
        village a Ugandan town, when a place of a third country spells it more closely; but
        "Mairupol" is Mariupol rather than Marpole (Canada). Namesakes spelt alike ("Donestk":
        Donetsk in Ukraine and in Russia) are weighed as their exact name would be."""
        if best.kind == CITY and best.population < self.settings.anchor_population \
                and not self._the_one_place_so_spelt(q, scored):
            return f"only a spelling variant of a hamlet, {best.describe()}"
        alike = self._similarity(q.core, best)
        if alike < self.settings.variant_similarity \
                and best.country not in load_registry().war_countries:
            return (f"spelt only loosely like {best.describe()} ({alike:.2f}), in a country "
                    f"no force of the registry strikes")
        if any(c.country != best.country and not c.exact and c.key != best.key
               and self._similarity(q.core, c) >= alike for _, c in scored):
            return "spelt as closely by a place of another country"
        return None

    def _the_one_place_so_spelt(self, q: _Query, scored: list[tuple[float, Candidate]]) -> bool:
        """Whether a long name is a close spelling of the one place in the world that shares
        its consonants (``hamlet_variant_letters``): a Russian or English spelling of a
        Ukrainian village ("Novobakhmutovka"), an English one of a Syrian village, read in a
        caption that names no country. Two places spelt near it, even of one country, leave
        it unsure: a village the gazetteer lacks is as likely as either ("Novomykhailivka"
        and the Russian Novomikhaylovka and Novomikhaylovskiy); so does a unit's word the
        village is not ("oblast")."""
        if len(scored) != 1 or len(q.core.replace(" ", "")) < self.settings.hamlet_variant_letters:
            return False
        best = scored[0][1]
        if q.level in LEVEL_KINDS and best.kind not in LEVEL_KINDS[q.level]:
            return False  # "Zaporiz'ka oblast" is a province, not the village Zaporizke
        return [c.id for c in self._skeleton_candidates(q.core, None)] == [best.id] \
            and self._similarity(q.core, best) >= self.settings.variant_similarity

    def _names_a_street(self, name: str, context: str | None) -> bool:
        """Whether the sentence writes a street, square or park noun right after the name
        wherever it names it: "strike on Taras Shevchenko Boulevard", "Baghdad Street"."""
        return self._written_before(self._lex.street_after, name, context)

    def _names_a_landmark(self, name: str, context: str | None) -> bool:
        """Whether the name is a landmark's: it ends with a landmark's noun ("UN school",
        "al-Shifa hospital"), or the sentence writes one right after the name wherever it
        names it ("Gagarin Stadium", "Freedom Square", "Gorky Park")."""
        words = name.split()
        if len(words) > 1 and words[-1].casefold() in self._lex.landmark_nouns:
            return True
        return self._written_before(self._lex.landmark_after, name, context)

    @staticmethod
    def _written_before(noun_after: re.Pattern, name: str, context: str | None) -> bool:
        if not (context and name.strip()):
            return False
        found = _occurrences(context, name)
        return bool(found) and all(noun_after.match(context, i + len(name)) for i in found)

    def _bare_direction(self, name: str, q: _Query, scope: set[str]) -> Place | Unresolved:
        """'the west', 'the north-east': a part of the document's country. Capitalised 'the
        West' is the political West, not a compass point."""
        if re.search(r"\b[A-Z][a-z]*(?:ern)?\b", name.removeprefix("the ").removeprefix("The ")):
            return Unresolved(name, "capitalised: the political bloc, not a part of a country")
        if len(scope) != 1:
            return Unresolved(name, "a compass region needs the document's country")
        (country,) = scope
        return self._compass(name, country, self._lex.bare_directions[q.whole], ())

    def _compass(self, name: str, country: str, direction: str,
                 alternatives: tuple[str, ...]) -> Place | Unresolved:
        """'northern Syria': the mean of the country's first-level capitals that lie in that
        sector (within 67.5 degrees of the direction, seen from the mean of all of them;
        'central': the half nearest that mean). Without polygons this is the representative
        point an analyst would pick: for Syria's north it falls between Aleppo and Raqqa."""
        rows = self._con.execute("SELECT lat, lon FROM entity WHERE kind = 'admin1' AND "
                                 "country = ?", (country,)).fetchall()
        if len(rows) < 3:
            return Unresolved(name, f"{country} has too few provinces for a compass region")
        clat = sum(r[0] for r in rows) / len(rows)
        clon = sum(r[1] for r in rows) / len(rows)
        if direction == "central":
            dist = sorted(rows, key=lambda r: _distance_km((clat, clon), r))
            chosen = dist[:max(1, len(dist) // 2)]
        else:
            want = _BEARINGS[direction]
            def off(r: tuple[float, float]) -> float:
                dy, dx = r[0] - clat, (r[1] - clon) * math.cos(math.radians(clat))
                return abs((math.degrees(math.atan2(dx, dy)) - want + 180) % 360 - 180)
            chosen = [r for r in rows if off(r) <= 67.5] or [min(rows, key=off)]
        lat = sum(r[0] for r in chosen) / len(chosen)
        lon = sum(r[1] for r in chosen) / len(chosen)
        why = (f"computed: mean of {len(chosen)} of {country}'s {len(rows)} province capitals "
               f"in its {direction}")
        return Place(name=name, lat=round(lat, 5), lon=round(lon, 5), country=country,
                     precision="region", admin1=None, geonameid=None, source="computed",
                     alternatives=(why, *alternatives))

    def _province_of_capital(self, city: Candidate) -> Candidate | None:
        for c in self._fetch("name", normalize(city.admin1 or ""), city.country):
            if c.kind == ADMIN1 and c.geonameid == city.geonameid:
                return c
        return None

    def _region_as_unit(self, q: _Query, country: str | None) -> _Query:
        """'Kharkiv region', 'Mopti region': where the first-level units are called regions,
        the unit itself, not the area around its capital."""
        if country in self._lex.region_is_admin1 and q.vicinity and q.level is None \
                and q.whole.split()[-1] in ("region", "regions") and q.core:
            return dataclasses.replace(q, level="admin1", vicinity=False)
        return q

    def _named_with_its_compass_word(self, q: _Query, best: Candidate) -> bool:
        """Whether a direction or vicinity word belongs to the place's own name: "West Bank",
        "North Darfur", "South Sudan" name units, not a part of Bank, Darfur or Sudan."""
        return (bool(q.direction) or q.vicinity) and q.whole != q.core and any(
            c.id == best.id for c in self._fetch("name", q.whole, best.country))

    def _compass_part_of_a_country(self, q: _Query, best: Candidate) -> bool:
        """Whether a compass word on a country's own name names a province that bears the
        phrase among its names: "south Lebanon" in news is the land south of the Litani, Khiam
        and Bint Jbeil of Nabatieh governorate as much as Tyre of the South governorate
        (GeoNames' "South Lebanon"), so it is a part of the country, not that province (a
        hand-kept region of that name, "eastern Ukraine", is that part already).
        Written with its unit's word ("South Lebanon Governorate") it is the province."""
        return bool(q.direction) and best.kind not in (COUNTRY, REGION) and q.whole != q.core \
            and q.whole.endswith(f" {q.core}") and any(
            c.kind == COUNTRY and c.country == best.country
            for c in self._fetch("name", q.core, best.country))

    def _place(self, name: str, best: Candidate, q: _Query,
               alternatives: tuple[str, ...]) -> Place | Unresolved:
        precision = best.precision
        if self._compass_part_of_a_country(q, best):
            return self._compass(name, best.country, q.direction, alternatives)
        if self._named_with_its_compass_word(q, best):
            q = dataclasses.replace(q, direction=None, vicinity=False)
        if q.direction:
            if best.kind == COUNTRY:
                region = next((c for c in self._fetch("name", q.direction, best.country)
                               if c.kind == REGION and c.country == best.country), None)
                if region is None:  # no hand-kept region: computed from the provinces
                    return self._compass(name, best.country, q.direction, alternatives)
                best, precision = region, "region"
            elif precision in ("point", "admin1"):
                precision = "admin2"  # "northern Hama": a part of the province
        elif q.vicinity and precision in ("point", "admin1"):
            precision = "admin2"  # "Idlib countryside": around the town (ACLED precision 2)
        return Place(name=best.name, lat=round(best.lat, 5), lon=round(best.lon, 5),
                     country=best.country, precision=precision, admin1=best.admin1,
                     admin2=best.name if best.kind == ADMIN2 else None,
                     geonameid=best.geonameid, source=best.source.split(":")[0],
                     alternatives=alternatives)


def _occurrences(text: str, name: str) -> list[int]:
    """Where the name stands in the text, as a whole word: the matches, left to right and
    not overlapping, of the name between non-word characters (``re``'s lookarounds), found
    with ``str.find``. A pattern built for each name asked missed ``re``'s cache of compiled
    patterns (every capitalised word of a story is asked), and compiling them was a tenth of
    geocoding's CPU time."""
    out, size, at = [], len(name), text.find(name)
    while at >= 0:
        end = at + size
        if (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end])):
            out.append(at)
            at = text.find(name, max(end, at + 1))
        else:
            at = text.find(name, at + 1)
    return out


def _word_char(ch: str) -> bool:
    """Whether ``re`` counts the character as a word character: a letter, digit or
    numeral, or "_"."""
    return ch.isalnum() or ch == "_"


def _own_names_first(cands: list[Candidate], near: Sequence[Place]) -> list[Candidate]:
    """A GeoNames place that only once bore the name, or bears it among other names, yields
    to places of its country that are called so: "Oleksandrivka" is one of the villages so
    called, not Donetsk (founded as Oleksandrivka); "Novomykhailivka" is no spelling of
    Novomikhaylovskiy (once Novomikhaylovka) while a Novomikhaylovka exists. Alone, or in
    the province the neighbours name, the other name still counts ("Chuguiev" is Chuhuiv; a
    Yemeni district by its other name in its governorate). The supplement's aliases are
    names, not former names, and those it gives a GeoNames town are the town's own ("Nabatieh",
    which GeoNames calls Nabatiye et Tahta; unlike "Dnepropetrovsk", Dnipro's former name)."""
    own_in = {c.country for c in cands if c.own}
    regions = {(p.country, p.admin1) for p in near if p.admin1}
    return [c for c in cands if c.own or c.country not in own_in
            or not c.source.startswith("geonames") or (c.country, c.admin1) in regions]


def _too_short_for_a_variant(key: str, settings: GeoSettings) -> bool:
    """Whether a name is too short to be taken for another spelling of a place anywhere in
    the world: its letters, spaces aside, fewer than ``variant_min_letters``."""
    return len(key.replace(" ", "")) < settings.variant_min_letters


def _twin_abroad(best: Candidate, others: Sequence[Candidate]) -> Candidate | None:
    """A town of another country that bears the name exactly, as its own name or one of its
    names, and is at least half the size of the town chosen: "Volchansk" is a town of the
    Urals and the Russian name of Vovchansk (Kharkiv), "Artemovsk" a Urals town and Bakhmut's
    old name. Its own name scores a little higher, but that says nothing of which one a
    report means: without a country the name stays unplaced."""
    if best.kind != CITY or not best.exact:
        return None
    return next((c for c in others if c.kind == CITY and c.exact and c.country != best.country
                 and c.population * 2 >= best.population), None)
