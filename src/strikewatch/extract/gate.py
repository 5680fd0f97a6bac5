"""The gate: which sentences may report a strike or hold a claim. A keyword prefilter built
from the lexicons keeps the expensive parse off most of the text: a sentence survives only if
it can hold a strike (a strike word) or a claim (a reporting word next to a strike, actor or
victim word), and is neither a scrap nor unsplit page furniture."""

from __future__ import annotations

import re
from dataclasses import replace

from strikewatch import counts, dates
from strikewatch.lexicons import Lexicons
from strikewatch.nlp import Sentence

from .settings import ExtractSettings
from .words import opens_on_the_victims_before


class SentenceGate:
    """The prefilter, with the lexicons' strike and claim patterns."""

    def __init__(self, lex: Lexicons, settings: ExtractSettings, classifier=None):
        """``classifier`` (a strike_model.StrikeClassifier) is needed unless the setting is
        "rules"; the extractor loads it once and hands it in."""
        if settings.strike_classifier != "rules" and classifier is None:
            raise ValueError(f"strike_classifier={settings.strike_classifier!r} needs a classifier")
        self.lex = lex
        self.settings = settings
        self.classifier = classifier

    def keep(self, sentences: list[Sentence], *, short_item: bool = False) -> list[int]:
        """Indices of the sentences that can hold a strike or a claim; a short item's
        ("Kharkiv tram depot struck.") pass on fewer words."""
        sized = [i for i, s in enumerate(sentences)
                 if 12 <= len(s.text) <= self.settings.max_sentence_chars]
        strikes = self._strike_sentences([sentences[i].text for i in sized], short_item)
        kept = [i for i, strike in zip(sized, strikes)
                if strike or self.lex.may_hold_claim(sentences[i].text)]
        # the sentence whose victims a kept one opens on ("... killing at least 25 civilians.
        # The victims were hit by airstrikes"): it told their place and toll
        before = {i - 1 for i in kept if opens_on_the_victims_before(sentences[i].text)}
        return sorted({*kept, *(before & set(sized)),
                       *self._tolls_right_after(sentences, kept, short_item)})

    def _tolls_right_after(self, sentences: list[Sentence], kept: list[int],
                           short_item: bool) -> set[int]:
        """The sentences right after a kept one, in its paragraph, with no strike word, that
        count dead or point back to the strike ("The road was hit with over 100 missiles.
        Three civilians were killed.", "The incident in the eastern Deir al-Zor province
        proved ..."): the toll or the place of the strike told just before, which only a read
        gives it. A sentence with a strike word was the strike test's to keep or drop. Too
        short to hold a strike is not too short for a toll: a coder's note ends on "2 killed."."""
        after = {i + 1 for i in kept if i + 1 < len(sentences)
                 and len(sentences[i + 1].text) <= self.settings.max_sentence_chars} - set(kept)
        return {i for i in after
                if not self.lex.may_report_strike(sentences[i].text, short_item=short_item)
                and self._toll_or_place_of_the_last(sentences, i)}

    @staticmethod
    def _toll_or_place_of_the_last(sentences: list[Sentence], i: int) -> bool:
        """In the kept sentence's paragraph, a toll or a word pointing back; across a paragraph
        break only both ("... an airstrike ... northeast of Kismayo. // The command's initial
        assessment is that the strike killed three al-Shabaab fighters"): press releases give
        the toll a paragraph of its own, and a bare toll there may be another strike's."""
        text = sentences[i].text
        dead, back = counts.tells_dead(text), counts.points_back_to_a_strike(text)
        if sentences[i].paragraph == sentences[i - 1].paragraph:
            return dead or back
        return dead and back

    def may_keep_any(self, text: str, *, short_item: bool = False) -> bool:
        """Whether ``keep`` could keep any sentence of ``text``: its word tests asked once of
        the whole text, which holds every word of each of its sentences, so a text that
        fails has no sentence that passes. A general news stream is mostly such texts; they
        are dropped before they are split or parsed. The model alone ("model") reads
        sentences with no strike word, so under it nothing is dropped."""
        if self.settings.strike_classifier == "model":
            return True
        return (self.lex.may_report_strike(text, short_item=short_item)
                or self.lex.may_hold_claim(text))

    def _strike_sentences(self, texts: list[str], short_item: bool = False) -> list[bool]:
        """Which texts may report a strike, by the setting's rules, model or both; "both"
        scores only the sentences with a strike word, the cheapest way to ask the model."""
        mode = self.settings.strike_classifier
        if mode == "model":
            return self.classifier.reports_strike(texts)
        worded = [self.lex.may_report_strike(t, short_item=short_item) for t in texts]
        if mode == "rules":
            return worded
        agreed = iter(self.classifier.reports_strike([t for t, w in zip(texts, worded) if w]))
        return [w and next(agreed) for w in worded]

    @staticmethod
    def trim_datelines(sentences: list[Sentence], keep: list[int]) -> None:
        """Cut a dateline or a list's bullet off the kept sentences that open with one:
        "Published June 2 2019 Rockets hit ...", "- Drone strikes reportedly targeted a power
        station ..." (a report's highlights): the line is no verb, and the parse reads the
        bullet into the first name ("- Drone", a place)."""
        for si in keep:  # "Published June 2 2019 Rockets hit ...": the line is no verb
            bullet = _BULLET.match(sentences[si].text)
            cut = (bullet and bullet.end()) or dates.dateline_prefix(sentences[si].text) or (
                _opens_its_paragraph(sentences, si) and dates.wire_dateline_prefix(sentences[si].text))
            if cut:
                s = sentences[si]
                sentences[si] = replace(s, start=s.start + cut, text=s.text[cut:])


# a list item's mark before its first word: "- ", "• ", "* "
_BULLET = re.compile(r"[-•*‣▪◦]\s+(?=\S)")


def _opens_its_paragraph(sentences: list[Sentence], si: int) -> bool:
    """The sentence is its paragraph's first: where a wire story's dateline stands."""
    return si == 0 or sentences[si - 1].paragraph != sentences[si].paragraph
