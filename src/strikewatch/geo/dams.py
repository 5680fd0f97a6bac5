"""Dams and hydroelectric plants named after a river or a town: "the Dnipro Hydroelectric
Power Plant", "Kakhovka HPP", "the Mosul Dam". A dam stands where its river could be dammed,
not in the town whose name it bears: the Dnipro HPP is in Zaporizhzhia, named after the
river, 70 km from the city of Dnipro; the Kakhovka HPP is in Nova Kakhovka, 15 km from
Kakhovka. So a dam the gazetteer knows is placed where it is; one named after a river
(rivers.csv) is no place of that name; one named after a town is placed near the town
(admin2 precision, "around the town"), not in it. A text that writes the town the dam
stands in ("the Dnipro HPP in Zaporizhzhia") is placed there by the landmark pass."""

from __future__ import annotations

import dataclasses

from ..models import Place
from .lexicon import _parse
from .lookup import _occurrences
from .names import FACILITY, Candidate, Unresolved, normalize


class _Dams:
    """The Gazetteer's reading of a name that is, or is written before, a dam's."""

    def _dam_namesake(self, name: str, country: str | None, context: str | None,
                      ) -> tuple[Place | Unresolved, Candidate | None] | None:
        """The place of a dam or hydroelectric plant written with the name (see the module),
        or None when the name is not a dam's."""
        found = self._dam_words(name, context)
        if found is None:
            return None
        head, tail = found
        whole = f"{head} {tail}"
        # the dam as written, or by another of its nouns: "the Dnipro hydroelectric dam" is
        # the gazetteer's "Dnipro HPP"
        keys = dict.fromkeys(normalize(k) for k in (whole, *(f"{head} {noun}"
                                                             for noun in self._lex.dam_nouns)))
        known = [c for k in keys for c in self._fetch("name", k, country) if c.kind == FACILITY]
        if known:
            best = known[0]
            return self._place(name, best, _parse(whole, None, self._lex), ()), best
        if normalize(head) in self._lex.rivers:
            return Unresolved(name, f"{whole}: a dam or hydroelectric plant named after the "
                                    f"river {head}, not a town of that name"), None
        town, cand = self._resolve_full(head, country)
        if not isinstance(town, Place) or town.precision != "point":
            return town, cand
        why = f"{whole}: a dam or hydroelectric plant named after {town.name}; placed near it"
        return dataclasses.replace(town, precision="admin2",
                                   alternatives=(why, *town.alternatives)), cand

    def _dam_words(self, name: str, context: str | None) -> tuple[str, str] | None:
        """(the name, its dam words) when the name holds them ("Kakhovka HPP") or its sentence
        writes them right after it wherever it names it ("the Dnipro Hydroelectric Power
        Plant"), else None."""
        split = self._lex.dam_split.match(name.strip())
        if split is not None:
            return split.group("head"), split.group("tail")
        if not (context and name.strip()):
            return None
        tails = [self._lex.dam_after.match(context, i + len(name))
                 for i in _occurrences(context, name)]
        if not tails or not all(tails):
            return None
        return name, tails[0].group("tail")

