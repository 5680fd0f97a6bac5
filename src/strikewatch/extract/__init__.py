"""Extraction: strike events and attributed claims from English documents.

Three passes keep the expensive model off most of the text:
1. a regex sentence split per segment (``nlp.split_sentences``);
2. a keyword prefilter built from the lexicons (``gate``): a sentence survives only if it can
   hold a strike (a strike word) or a claim (a reporting word next to a strike, actor or victim
   word);
3. the full spaCy pipeline, through ``nlp.pipe`` in batches, on the survivors only.

On each parsed sentence the stages (``sentence`` runs them in order) read the dependency tree:
the attacker is an actor attached to the strike word (its modifier, or the subject of the strike
verb), not the first nationality in the sentence (``attacker``); the places are those governed
by the strike word, not the place a statement was made in or the speaker's capital
(``places``); campaign-level, negated and hypothetical strikes are not events (``triggers``).
Every field keeps the document id, the sentence and the character span it came from. Within a
document, mentions of the same (attacker, place, day) merge into one, keeping every supporting
sentence (``merge``).

The modules, ground floor first: ``settings`` and ``state`` (the records the stages pass on)
and ``words`` (word helpers); ``items`` (a short item, a title that is only a place); the
stages ``gate``, ``triggers``, ``attacker``, ``attribution``,
``places``, ``when``, ``casualties``, ``claims``, ``merge``; ``sentence`` runs the stages over a
sentence and ``document`` runs documents through it. No stage imports another.
"""

from __future__ import annotations

from .document import Extractor
from .settings import ExtractSettings
from .state import Extraction

__all__ = ["ExtractSettings", "Extraction", "Extractor"]
