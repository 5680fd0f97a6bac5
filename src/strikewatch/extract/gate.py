"""The gate: which sentences may report a strike or hold a claim. A keyword prefilter built
from the lexicons keeps the expensive parse off most of the text: a sentence survives only if
it can hold a strike (a strike word) or a claim (a reporting word next to a strike, actor or
victim word), and is neither a scrap nor unsplit page furniture."""

from __future__ import annotations

from dataclasses import replace

from strikewatch import dates
from strikewatch.lexicons import Lexicons
from strikewatch.nlp import Sentence

from .settings import ExtractSettings


class SentenceGate:
    """The prefilter, with the lexicons' strike and claim patterns."""

    def __init__(self, lex: Lexicons, settings: ExtractSettings):
        self.lex = lex
        self.settings = settings

    def keep(self, sentences: list[Sentence]) -> list[int]:
        """Indices of the sentences that can hold a strike or a claim (regex only)."""
        lex, keep = self.lex, []
        for i, s in enumerate(sentences):
            if len(s.text) > self.settings.max_sentence_chars or len(s.text) < 12:
                continue
            if lex.may_report_strike(s.text) or lex.may_hold_claim(s.text):
                keep.append(i)
        return keep

    @staticmethod
    def trim_datelines(sentences: list[Sentence], keep: list[int]) -> None:
        """Cut a dateline off the kept sentences that open with one: "Published April 13 2017
        An air strike ...": the line is no verb, and the parse reads it as one."""
        for si in keep:  # "Published April 13 2017 An air strike ...": the line is no verb
            cut = dates.dateline_prefix(sentences[si].text)
            if cut:
                s = sentences[si]
                sentences[si] = replace(s, start=s.start + cut, text=s.text[cut:])
