"""Casualty counts, quantities and shares in news sentences, as ranges.

Monitors never turn a vague or hedged figure into a point: "at least 12" is a floor, "up to 30"
a ceiling, "dozens" a floor of 24 (values from docs/annotation-guide.md), "a number of" no figure
at all. Every parser here therefore returns a ``Range`` and keeps the words it came from.

The words live in ``data/lexicons/quantities.yaml`` so an analyst can extend them; the regular
expressions are compiled from that file once per process (the extraction calls these functions
on every candidate sentence of every article, so there is no spaCy here).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from strikewatch._yamlconf import load_data
from strikewatch.lexicons import alternation
from strikewatch.models import Range

__all__ = ["CasualtyMention", "find_casualties", "find_numbers", "parse_count", "parse_share",
           "is_toll_update", "period_of", "names_a_period", "points_back_to_a_strike", "tolls_by_place",
           "counts_its_parts"]


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    """One count of killed or wounded people, with the words that say who they were."""

    kind: str  # "killed" | "wounded"
    range: Range  # empty when the text gives no figure ("a number of people were killed")
    civilian: bool | None  # None: the text does not say (e.g. "people")
    who: str | None  # the noun phrase as written ("IS members"), None when there is none
    start: int  # character offsets of the whole mention in the sentence
    end: int
    hedged: bool = False  # "reportedly", "may have been", "unverified reports"
    # the civilians among the count when a sub-count names them ("seven members of the family,
    # including two children" is 7 killed, 2 of them children): not added to the count
    civilians: Range = Range()




@dataclass(frozen=True, slots=True)
class _Lexicon:
    units: dict
    tens: dict
    scales: dict
    vague: dict
    modifiers: dict  # phrase -> kind
    fractions: dict
    civilian: frozenset
    combatant: frozenset
    acronyms: frozenset
    number: re.Pattern  # a bare number, in digits or words
    quantity: re.Pattern  # a count with its modifiers: "at least 12", "between 5 and 8"
    share: re.Pattern
    noun_phrase: re.Pattern
    relative: re.Pattern
    dying_with: re.Pattern  # kin after the verb: "was killed along with his wife"
    right: re.Pattern  # what follows a count's noun: "were killed", "dead"
    dead_noun: re.Pattern  # a noun right after a count that counts the dead: "bodies"
    left: re.Pattern  # what precedes a count: "killing", "the death toll rose to"
    subcount: re.Pattern
    subcount_cue: re.Pattern  # "including", "among them" anywhere
    not_people: re.Pattern
    hedge: re.Pattern
    part: re.Pattern  # a sub-count after a count's noun: ", including two children"
    majority: re.Pattern  # most of a count, no figure: ", mostly women and children"
    designation_before: re.Pattern  # "aged 14", "house number 45", "Brigade 53"
    address_after: re.Pattern  # "12 Omar Mukhtar Street"
    period: re.Pattern  # "since Sept. 19", "so far", "over ten days"
    toll_update: re.Pattern  # "the death toll rose to", "a revised toll"
    participle: re.Pattern  # a toll's participle: "killing", "wounding" (killed/wounded_before)
    participle_toll: re.Pattern  # a participle clause opening with the toll: ", killing at least"
    strike_anaphora: re.Pattern  # "the strike", "the raid": a strike already told
    place_share: re.Pattern  # "9 in the neighborhood " before a place's name
    no_dead: re.Pattern  # "No casualties reported", "no one was killed": a toll of none


@cache
def _lexicon() -> _Lexicon:
    """``data/lexicons/quantities.yaml`` compiled once per process, one step per job: the
    word tables, how a figure is written, a count and a share, whom a count counts and what
    it did to them, and the words that make a figure no one strike's toll."""
    text = resources.files("strikewatch").joinpath("data/lexicons/quantities.yaml").read_text()
    lx = load_data(text)
    number = _number_pattern(lx)
    opens_count, opens_share = _openings(lx)
    flags = re.IGNORECASE
    quantity = _quantity_pattern(lx, number)
    return _Lexicon(
        **_word_tables(lx),
        number=re.compile(number, flags),
        # a figure inside a time ("10:30") or after a currency sign ("$2 million") is no count
        quantity=re.compile(rf"(?<![\w:$€£-]){opens_count}(?:{quantity})(?![\w-]|:\d)", flags),
        share=re.compile(rf"(?<![\w-]){opens_share}(?:{_share_pattern(lx, number)})", flags),
        **_victim_patterns(lx, number),
        **_no_toll_patterns(lx, number),
    )


def _word_tables(lx: dict) -> dict:
    """The lexicon's word lists as the parsers look them up (lower case where read so)."""
    return dict(
        units=lx["units"], tens=lx["tens"], scales=lx["scales"],
        modifiers={p: kind for kind, ps in lx["modifiers"].items() for p in ps},
        vague={k.lower(): v for k, v in lx["vague"].items()},
        fractions=lx["fractions"],
        civilian=frozenset(w.lower() for w in lx["civilian_words"]),
        combatant=frozenset(w.lower() for w in lx["combatant_words"]),
        acronyms=frozenset(lx["combatant_acronyms"]),
    )


def _number_pattern(lx: dict) -> str:
    """A bare number, in digits ("3,000", "1.5 million") or words ("one hundred and three",
    "a thousand")."""
    units, tens, scales = lx["units"], lx["tens"], lx["scales"]
    words = alternation([*units, *tens, *scales])
    scale = alternation(scales)
    joiner = "|".join(rf"(?<={s})\s+and\s+" for s in scales) + r"|[\s-]+"
    word_num = rf"(?:a\s+(?=(?:{scale})\b))?\b(?:{words})(?:(?:{joiner})(?:{words})\b)*"
    digits = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,]\d)"
    return rf"(?:{digits}(?:\s+(?:{scale})\b)*|{word_num})"


def _quantity_pattern(lx: dict, number: str) -> str:
    """A count with its modifiers: "at least 12", "between 5 and 8", "5-8", "a family of
    six", "dozens of", "a child" (one victim)."""
    modifiers = [p for ps in lx["modifiers"].values() for p in ps]
    single, targets = alternation(lx["single_victims"]), alternation(lx["single_targets"])
    adjective = alternation(lx["single_victim_adjectives"])
    return (
        rf"(?:(?P<mod>{alternation(modifiers)})\s+)?(?:"
        rf"(?:between|from)\s+(?P<a>{number})\s+(?:and|to)\s+(?P<b>{number})"
        rf"|(?P<c>{number})(?:(?<=\d)\s*[-–]\s*(?=\d)|\s+(?:to|or)\s+)(?P<d>{number})"
        rf"|(?:an?\s+)?(?P<fam>family)\s+of\s+(?P<fn>{number})"
        rf"|(?P<vague>{alternation(lx['vague'])})(?:\s+of\b)?"
        rf"|(?P<n>{number})"
        # the victim's age before the noun is no count: "a 67-year-old man" is one victim
        rf"|(?P<single>\b(?:an?|another))(?=\s+(?:\d{{1,3}}-years?-old\s+)?(?:(?:{adjective})\s+)?"
        # the victim's side named before the noun: "a Kataib Hezbollah commander", "a Hamas
        # commander", "a senior IRGC officer"
        rf"(?:(?-i:(?:al-)?[A-Z][\w'-]*)\s+){{0,3}}(?:(?P<target>{targets})|{single})\b))"
    )


def _share_pattern(lx: dict, number: str) -> str:
    """A share: "5 per cent", "one in 20", "a third", "two-thirds"."""
    fracs = alternation(lx["fractions"])
    return (
        rf"(?P<pn>{number})\s*(?:{alternation(lx['percent_words'])})"
        rf"|(?P<a>{number})\s+(?:in|out\s+of)\s+(?P<b>{number})"
        rf"|(?:(?P<fn>{number}|\ban?\b)[\s-]+)?(?P<frac>{fracs})\b"
    )


def _stop_words(lx: dict) -> str:
    """The words that end a count's noun phrase: verbs of the toll, sub-count cues, function
    words and other figures ("12 IS members were killed": the phrase is "IS members")."""
    return alternation(
        [*lx["auxiliaries"], *lx["killed_after"], *lx["wounded_after"], *lx["killed_before"],
         *lx["wounded_before"], *lx["subcount_cues"], *lx["not_people"], "and", "or", "but",
         "in", "on", "at", "by", "from", "for", "with", "near", "after", "during", "when",
         "while", "as", "since", "into", "across", "that", "which", "who", "whom", "the",
         "this", "these", "those", "it", "they", "their", "his", "her", "its", "a", "an",
         "according", "said", "says", "say", "of", *lx["units"], *lx["tens"], *lx["scales"],
         *lx["vague"]])


def _victim_patterns(lx: dict, number: str) -> dict:
    """Whom a count counts (its noun phrase, "and a child" after it, a sub-count of
    civilians) and what happened to them, from the words after it ("were killed") or
    before it ("killing", "the death toll rose to", a quote opened between them: killed
    "hundreds including many civilians")."""
    stop, cues = _stop_words(lx), alternation(lx["subcount_cues"])
    single = alternation([*lx["single_victims"], *lx["single_targets"]])
    aux = alternation(lx["auxiliaries"])
    killed_after, wounded_after = (alternation(lx[k]) for k in ("killed_after", "wounded_after"))
    # a word of the victims' noun phrase; "(Daesh)" after a name is part of it, and so is an
    # age before the noun ("a 67-year-old man")
    token = (rf"(?:(?-i:{alternation(lx['combatant_acronyms'])})\b|\([^()\d]{{1,30}}\)"
             rf"|\d{{1,3}}-years?-old"
             rf"|(?!(?:{stop})\b)[^\W\d_][\w'-]*)")
    of_the = r"\s+of(?:\s+(?:the|a|an|his|her|their|one))?"  # "seven members of a family"
    flags = re.IGNORECASE
    return dict(
        noun_phrase=re.compile(
            rf"(?:{of_the})?(?:(?:\s+{token}(?:{of_the})?)"
            rf"(?:(?:\s+and)?\s+{token}(?:{of_the})?){{0,5}})?", flags),
        relative=_relative_pattern(lx, number, single),
        dying_with=_dying_with_pattern(lx, number),
        right=re.compile(
            rf"(?P<loc>\s+(?:in|near|from)\s+[^.;:,\d]{{1,60}}?)?"
            rf"(?P<sub>\s*,?\s*(?:(?:{cues})\b|{number}\s+of\s+(?:them|whom)\b)[^.;:,]{{0,60}}?,?)?"
            rf"(?P<aux>(?:\s+(?:{aux})\b)*)"
            rf"\s+(?:(?P<killed>{killed_after})|(?P<wounded>{wounded_after})"
            rf"|(?P<among>{alternation(lx['part_of_the_dead_after'])}))\b", flags),
        dead_noun=re.compile(rf"\s+(?:{alternation(lx['dead_nouns'])})\b", flags),
        left=_left_pattern(lx),
        subcount=re.compile(rf"\b(?:{cues})\s+$", flags),
        subcount_cue=re.compile(rf"\b(?:{cues})\b", flags),
        part=re.compile(
            rf"\s*,?\s*(?:(?:{cues})\s+(?P<q>{number})|(?P<of>{number})\s+of\s+(?:them|whom))"
            rf"(?P<who>(?:\s+(?!(?:{stop})\b)[^\W\d_][\w'-]*){{1,2}})", flags),
        majority=re.compile(
            rf"\s*,?\s*(?:{alternation(lx['majority_cues'])})"
            rf"(?P<who>(?:(?:\s+and)?\s+(?!(?:{stop})\b)[^\W\d_][\w'-]*){{1,4}})", flags),
    )


def _relative_pattern(lx: dict, number: str, single: str) -> re.Pattern:
    """ "a woman and her son", "five women and a child": one victim more than the count; "a
    woman and her two sons": two more; "a senior commander and three other members of the
    group": three more, unless a verb of its own follows them ("and two others were
    wounded" is another toll)."""
    return re.compile(
        rf"\s+and\s+(?:(?:their|his|her)\s+(?P<kin>{number})\s+"
        rf"(?:{alternation(lx['relatives_counted'])})"
        rf"|(?P<others>{number})\s+others?\b(?![^.,;]{{0,60}}?\b(?:were|was|are|is|have|has|had)\b)"
        rf"|(?:their|his|her|a|the)\s+(?:{alternation(lx['relatives'])})"
        rf"|(?:an?|another|one)\s+(?:{single}))\b", re.IGNORECASE)


def _dying_with_pattern(lx: dict, number: str) -> re.Pattern:
    """ "a teacher was killed with her two sons", "a staff member was killed along with his
    wife and three children": the kin named after the verb died with the victim counted
    before it (two more; four more)."""
    kin, counted = alternation(lx["relatives"]), alternation(lx["relatives_counted"])
    own = r"(?:their|his|her)\s+"
    return re.compile(
        rf"\s+(?:along\s+|together\s+)?with\s+{own}(?:(?P<one>{kin})\s+and\s+(?:{own})?)?"
        rf"(?:(?P<kin>{number})\s+(?:{counted})|(?:{kin}))\b", re.IGNORECASE)


def _left_pattern(lx: dict) -> re.Pattern:
    """What the words before a count say happened to them: "killing", "wounding", "among the
    dead were", "the death toll rose to", "put the toll at"."""
    killed_before, wounded_before = (alternation(lx[k]) for k in ("killed_before", "wounded_before"))
    return re.compile(
        rf"(?:\b(?P<among>{alternation(lx['part_of_the_dead_before'])})"
        rf"|\b(?P<killed>{killed_before})|\b(?P<wounded>{wounded_before})"
        rf"|(?P<set>\b(?:{alternation(lx['toll_set'])})\s+(?:the\s+)?)?"
        rf"\b(?P<toll>{alternation(lx['toll_words'])})\b(?:[^.;:\d]{{0,60}}?"
        rf"|[^.;:\d]{{0,150}}?\s(?:{alternation(lx['toll_rises'])})"
        rf"|(?(set)[^.;:\d]{{0,150}}?\sat)))\s+[\"“]?$", re.IGNORECASE)


def _no_toll_patterns(lx: dict, number: str) -> dict:
    """The words that make a figure no toll (money, shares, ages, addresses, units), a toll
    hedged or of a period, an update of an earlier toll, a strike already told, and a
    figure that is one place's share of a toll ("9 in the neighborhood ")."""
    flags = re.IGNORECASE
    return dict(
        not_people=re.compile(rf"\s*(?:%|(?:{alternation(lx['not_people'])})\b)", flags),
        hedge=re.compile(rf"\b(?:{alternation(lx['hedges'])})\b", flags),
        designation_before=re.compile(
            rf"\b(?:{alternation(lx['not_a_toll_before'])})\s*$", flags),
        address_after=re.compile(
            rf"(?:\s+[A-Z][\w'-]*){{1,3}}\s+(?:{alternation(lx['not_a_toll_after'])})\b"),
        period=_period_pattern(lx, number),
        **_participle_patterns(lx),
        toll_update=re.compile(
            rf"\b(?:{alternation([*lx['toll_rises'], *lx['toll_updates']])})\b", flags),
        strike_anaphora=re.compile(rf"\b(?:{alternation(lx['strike_anaphora'])})s?\b", flags),
        place_share=re.compile(
            rf"(?<![\w:$€£,.-])(?P<n>{number})\s+(?:(?:{alternation(lx['place_share_nouns'])})\s+)?"
            rf"in\s+(?P<each>each\s+of\s+)?(?:the\s+)?"
            rf"(?:(?:{alternation(lx['place_kinds'])})\s+(?:of\s+)?)?$", flags),
        no_dead=re.compile(rf"\b(?:{alternation(lx['no_dead'])})\b(?!\s+among\b)", flags),
    )


def _participle_patterns(lx: dict) -> dict:
    """The -ing words of the toll verbs (killed_before, wounded_before): "killing",
    "wounding", "injuring", "eliminating"."""
    words = alternation(w for w in (*lx["killed_before"], *lx["wounded_before"])
                        if w.endswith("ing") and " " not in w)
    return dict(participle=re.compile(rf"(?:{words})\b", re.IGNORECASE),
                participle_toll=re.compile(rf",\s+(?:{words})\b(?:\s+\S+){{0,3}}\s*$",
                                           re.IGNORECASE))


def _period_pattern(lx: dict, number: str) -> re.Pattern:
    """The words that make a toll a period's: a cue ("so far", "since" and the words after
    it up to a comma or verb) or a duration ("over the past ten days")."""
    units = alternation(lx["period_units"])
    since = r"since(?:\s+(?!(?:at|more|over|some|about)\b)[\w.'-]+){1,3}"
    # not "for": "a hospital that had served the town for years, killing 5" is one strike
    duration = (rf"(?:over|in|during|within)\s+(?:the\s+)?(?:(?:past|last|previous|first)\s+)?"
                rf"(?:(?:{number}|several|few|a\s+few)\s+)?(?:{units})")
    cues = alternation(c for c in lx["period_cues"] if c != "since")
    # a period's toll picked out of a longer one: "in March alone", "last week alone"
    alone = r"(?:in|during|last|this)\s+(?:[\w.'-]+\s+){1,2}alone"
    # "12 times per day": a day's report, no rate (each lookbehind is of fixed width)
    day_report = "".join(rf"(?<!\b{re.escape(w)}\s)" for w in lx["day_report_counts"])
    return re.compile(rf"\b(?:{since}|{duration}|{alone}|{day_report}(?:{cues}))\b", re.IGNORECASE)


def _openings(lx: dict) -> tuple[str, str]:
    """Look-aheads for the words a count and a share can open with (a digit, "a"/"an" before
    a space or hyphen, or the first word of a phrase that opens one): ``re`` tries every
    alternative of those patterns at every word, and most words open neither, so this first
    test made reading a sentence's counts a third cheaper with the same matches. A new way to
    open a count must be added here too (tests/test_counts.py compares with and without)."""
    def firsts(*lists) -> str:
        words = {str(p).split()[0] for ps in lists for p in ps}
        return alternation(w for w in words if w.lower() not in ("a", "an"))
    number = rf"\d|an?[\s-]|{firsts(lx['units'], lx['tens'], lx['scales'])}"
    count = firsts([p for ps in lx["modifiers"].values() for p in ps], lx["vague"],
                   ["between", "from", "family"])
    return rf"(?={number}|{count})", rf"(?={number}|{firsts(lx['fractions'])})"


def _number_value(text: str) -> float | None:
    """Value of a bare number: "3,000", "1.5 million", "one hundred and three", "a thousand"."""
    lx = _lexicon()
    tokens = [t for t in re.split(r"[\s-]+", text.lower().replace(",", "")) if t and t != "and"]
    if tokens and tokens[0][0].isdigit():
        value = float(tokens[0])
        for t in tokens[1:]:
            value *= lx.scales[t]
        return value
    total = current = 0
    for t in tokens:
        if t == "a":
            current = 1
        elif t in lx.units or t in lx.tens:
            current += lx.units.get(t) or lx.tens.get(t, 0)
        elif t == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * lx.scales[t]
            current = 0
    return float(total + current)


def _int(text: str | None) -> int | None:
    value = None if text is None else _number_value(text)
    return int(value) if value is not None and value == int(value) else None


def _range_of(m: re.Match) -> Range | None:
    """The Range a ``quantity`` match stands for; None when it is no count at all."""
    lx = _lexicon()
    if m["a"] or m["c"]:
        lo, hi = _int(m["a"] or m["c"]), _int(m["b"] or m["d"])
        if lo is None or hi is None or lo > hi:
            return None
    elif m["vague"]:
        value = lx.vague[re.sub(r"\s+", " ", m["vague"].lower())]
        if value is None:
            return Range()
        lo, hi = value
    elif m["single"]:  # a strike's named target is the least of its toll
        lo, hi = 1, None if m["target"] else 1
    else:
        lo = hi = _int(m["fn"] or m["n"])
        if lo is None:
            return None
    r = _modified(lo, hi, m)
    if m["target"]:  # "a commander": the floor the strike's named target sets
        return Range(r.min, r.max, part=True)
    # "dozens" is a floor by convention, not a figure the text states
    return Range(r.min, r.max, vague=True) if m["vague"] and hi is None and lo is not None else r


def _modified(lo: int | None, hi: int | None, m: re.Match) -> Range:
    """The figure as its modifier bounds it: "at least 12" is a floor, "up to 30" a ceiling."""
    return _bounded(lo, hi, m["mod"])


def _bounded(lo: int | None, hi: int | None, modifier: str | None) -> Range:
    """``lo``..``hi`` as the modifier words before them bound the figure (``_modified``)."""
    lx = _lexicon()
    kind = lx.modifiers.get(re.sub(r"\s+", " ", modifier.lower())) if modifier else None
    if kind == "min":
        return Range(lo, None)
    if kind == "above":
        return Range(None if lo is None else lo + 1, None)
    if kind == "max":
        return Range(None, hi if hi is not None else lo)
    if kind == "below":
        return Range(None, None if lo is None else max(lo - 1, 0))
    return Range(lo, hi)


def parse_count(phrase: str) -> Range | None:
    """A quantity phrase as a Range: "at least 12" -> 12.., "up to 30" -> ..30, "dozens" -> 24..

    Returns None when the phrase holds no figure ("a number of", "several") or is not a count.
    The phrase may be followed by its noun ("12 IS members").
    """
    m = _lexicon().quantity.match(phrase.strip())
    if m is None or m["single"]:
        return None
    r = _range_of(m)
    return None if r is None or r.empty else r


def _civilian(who: str | None) -> bool | None:
    """True/False only when the noun phrase says so; "people" and "others" stay unknown."""
    if not who:
        return None
    lx = _lexicon()
    tokens = re.findall(r"[\w'-]+", who)
    civ = any(t.lower() in lx.civilian for t in tokens)
    com = any(t.lower() in lx.combatant or t in lx.acronyms for t in tokens)
    return civ if civ != com else None


def _quantities(sentence: str):
    """Every count in the sentence with its Range (an empty Range for vague words)."""
    lx = _lexicon()
    for m in lx.quantity.finditer(sentence):
        r = _range_of(m)
        if r is None and (m["c"] or m["a"]):  # "2015-10-02", "3-1": only the first number counts
            n = lx.number.match(sentence, m.start("c") if m["c"] else m.start("a"))
            value = _int(n.group()) if n else None
            if value is not None and not m["a"]:
                yield m.start(), n.end(), Range(value, value), m
            continue
        if r is not None:
            yield m.start(), m.end(), r, m


def find_casualties(sentence: str) -> list[CasualtyMention]:
    """Every count of killed or wounded people in one sentence.

    The casualty word after the count ("12 IS members were killed", "25 wounded") wins when it
    follows directly, because news without punctuation runs mentions together ("Six were killed
    25 were wounded"); otherwise the verb before the count ("killing 23 civilians") decides.
    Counts inside "including ..." are parts of the count before them and are not repeated.
    """
    return list(_counts_of(sentence)[1])


# how many sentences' counts are remembered: the few read last. The victims, the toll told
# again, a claim's period and the gate each ask for the counts of the sentence being read, up
# to five times; a text read in another document is not remembered so long
_COUNTS_REMEMBERED = 16


@lru_cache(maxsize=_COUNTS_REMEMBERED)
def _counts_of(sentence: str) -> tuple[tuple, tuple[CasualtyMention, ...]]:
    """The sentence's counts (``_quantities``) and its casualties, read once for the stages
    that ask in turn (the count pattern and the casualty rules were a tenth of reading a
    parsed sentence). Both are immutable: each caller gets the same answer."""
    quantities = tuple(_quantities(sentence))
    return quantities, tuple(_with_none_dead(sentence, _casualties(sentence, list(quantities))))


def _with_none_dead(sentence: str, found: list[CasualtyMention]) -> list[CasualtyMention]:
    """The counts, and a toll of none when the sentence says no one died and counts no dead
    ("No casualties reported."): a known zero, which a reader must not take for a toll the
    text does not give."""
    if any(c.kind == "killed" for c in found):
        return found
    none = _lexicon().no_dead.search(sentence)
    if none is None:
        return found
    zero = _mention(sentence, none.start(), none.end(), Range(0, 0), "killed", None, Range())
    return sorted([*found, zero], key=lambda c: c.start)


def _casualties(sentence: str, quantities: list) -> list[CasualtyMention]:
    """``find_casualties`` on the sentence's counts, read once by the caller: the count pattern
    was a third of this module's time, read three times for each claim (``find_numbers``)."""
    lx = _lexicon()
    found: list[tuple[int, int, Range, str | None, str | None, Range, bool | str]] = []
    taken_until = 0
    for qs, qe, rng, m in quantities:
        if qs < taken_until or lx.subcount.search(sentence, max(0, qs - 30), qs) \
                or _not_a_toll(sentence, qs, qe, rng, m):
            continue
        np = lx.noun_phrase.match(sentence, qe)
        end = np.end()
        rel = lx.relative.match(sentence, end)
        if rel:
            rng = _more(rng, _int(rel["kin"] or rel["others"]) or 1)
            end = taken_until = rel.end()  # "a child" of "five women and a child" is counted here
        who = sentence[np.start():end].strip() or (m["fam"] if m["fam"] else None)
        if m["single"]:
            who = sentence[qe:end].strip() or None
        right = lx.right.match(sentence, end)
        left = lx.left.search(sentence, max(0, qs - 180), qs)
        kind, start, stop, tight, said = None, qs, end, False, None
        loose = right and (right["sub"] or right["loc"])
        if right and (not loose or not left):
            kind, said = "wounded" if right["wounded"] else "killed", right
            stop, tight = right.end(), not loose
        elif left:
            kind, said = "wounded" if left["wounded"] else "killed", left
            start = left.start("toll") if left["toll"] else left.start()
        elif lx.dead_noun.match(sentence, qe):  # "Nine bodies were pulled from the rubble"
            kind = "killed"
        if kind is None:
            continue
        if said is not None and said["among"]:
            rng = Range(rng.min, None, rng.vague, part=True)  # some of the dead: a floor
        elif said is right and (kin := lx.dying_with.match(sentence, stop)):
            rng, stop = _more(rng, (_int(kin["kin"]) or 1) + bool(kin["one"])), kin.end()
        if not right or loose:  # active voice: "killing 26 people and reducing ...": stop at "and"
            head = re.split(r"\s+and\s+", sentence[np.start():np.end()].strip())[0]
            who = (head + (rel.group() if rel else "")).strip() or who
            stop = rel.end() if rel else sentence.index(head, np.start()) + len(head) if head else qe
        if right and right["sub"] and not left:
            taken_until = right.end()
        found.append((start, stop, rng, kind, who, _civilian_part(sentence, (end, stop), rng), tight))
    return _coordinated(sentence, found, quantities)


def is_toll_update(sentence: str) -> bool:
    """Whether the sentence gives a toll as replacing an earlier one ("the toll rose to 15")."""
    return bool(_lexicon().toll_update.search(sentence))


def period_of(sentence: str, mention: CasualtyMention) -> str | None:
    """The period a toll covers when the words about it name one ("Since Sept. 19 ... at least
    359 civilians have been killed" -> "Since Sept. 19"), None for one strike's toll. Looked
    for from 50 characters before the count to 40 after it or to the end of its clause, within
    the sentence ("11 children killed in air strikes on Hodeidah in the past month"), so that
    a strike's own toll in a sentence that goes on, after a comma, to a running total stays
    the strike's."""
    clause = _CLAUSE_END.search(sentence, mention.end)
    end = max(mention.end + 40, clause.start() if clause else len(sentence))
    # a toll in a participle clause is the main clause's, over whatever period it names: "The
    # federal army has carried out drone strikes across Amhara since the conflict erupted in
    # August last year, killing hundreds of civilians"
    lx = _lexicon()
    opened = sentence[:mention.start].rstrip().endswith(",") \
        and lx.participle.match(sentence, mention.start)  # the toll's words open with it
    start = 0 if opened or lx.participle_toll.search(sentence, 0, mention.start) \
        else mention.start - 50
    found = lx.period.search(sentence[max(0, start):end])
    return found.group().strip() if found else None


# where a toll's clause ends: a comma, semicolon, colon, bracket or dash
_CLAUSE_END = re.compile(r"[,;:()]|\s[–—-]\s")


def tells_dead(sentence: str) -> bool:
    """Whether the sentence counts dead that are no period's ("Three civilians were killed"):
    a toll told on its own, which may be the toll of the strike told just before it."""
    return any(c.kind == "killed" and not period_of(sentence, c) for c in find_casualties(sentence))


def reports_disagree(a: Range, b: Range) -> Range:
    """One count told as two figures by two reports ("over 80 civilians" in the lead, "at least
    27" in the monitor's words): the lowest figure is the low end, the highest the high end,
    as when sources disagree (the annotation conventions); a lone figure stays as it is. The
    floor some of the dead set ("Five children were among those killed", after "killed at
    least 21 civilians") is no low end beside the toll: it agrees with it (as in fusion)."""
    if a.empty or b.empty or a == b:
        return b if a.empty else a
    if a.part != b.part:
        return b if a.part else a
    figures = [v for r in (a, b) for v in (r.min, r.max) if v is not None]
    mins = [r.min for r in (a, b) if r.min is not None]
    return Range(min(mins) if mins else min(figures), max(figures))


def names_a_period(sentence: str) -> bool:
    """Whether any words of the sentence name a period ("since Sept. 19", "this month", "over
    ten days"): a sentence about a period tells no one strike's toll."""
    return bool(_lexicon().period.search(sentence))


def points_back_to_a_strike(sentence: str) -> bool:
    """Whether the sentence speaks of a strike already told ("The strike killed 12 people",
    "Twelve civilians died in the raid")."""
    return bool(_lexicon().strike_anaphora.search(sentence))


def tolls_by_place(sentence: str, places: list[tuple[int, int]]) -> dict[int, Range]:
    """The dead a sentence counts at each of its places: "including 9 in the neighborhood
    Alsaliheen, 8 in Ansari", "killed 10 people in Damascus", "1 in each of the districts of
    Marjah, Alizaa and Salah Addin" (the places listed after "each of" share the figure).
    ``places`` are (start, end) character offsets in the sentence; returns place index -> Range
    for the places that have a figure of their own."""
    out: dict[int, Range] = {}
    each: Range | None = None
    last_end = -1
    wounded = [(c.start, c.end) for c in find_casualties(sentence) if c.kind == "wounded"]
    for i, (start, end) in sorted(enumerate(places), key=lambda p: p[1][0]):
        m = _place_share(sentence, start, end)
        # "killed two people and wounded five in Kostiantynivka": five is no one's dead
        if m and any(a <= m.start("n") < b for a, b in wounded):
            m = None
        value = _int(m["n"]) if m and not _is_part_of_a_date(sentence, m.start("n"), m["n"]) else None
        if value is not None:
            out[i] = _share_bounds(sentence, m.start("n"), value)
            each = out[i] if m["each"] else None
        elif each is not None and re.fullmatch(r"[\s,]*(?:and\s+)?", sentence[last_end:start]):
            out[i] = each
        else:
            each = None
        last_end = end
    return out


def _share_bounds(sentence: str, at: int, value: int) -> Range:
    """A place's figure as the words right before it bound it: "killed over 80 civilians in
    the city of Aleppo" is more than 80 there, "at least 12 in Shejaiya" 12 or more."""
    before = re.search(r"([a-z]+(?:\s+[a-z]+){0,2})\s+$", sentence[max(0, at - 30):at], re.IGNORECASE)
    words = before.group(1).lower().split() if before else []
    modifiers = _lexicon().modifiers
    for k in range(len(words)):  # the longest modifier that ends right before the figure
        if " ".join(words[k:]) in modifiers:
            return _bounded(value, value, " ".join(words[k:]))
    return Range(value, value)


def counts_its_parts(sentence: str, whole_end: int, first_part_start: int) -> bool:
    """Whether the words between a place and the first place counted on its own bring in
    the parts of a toll ("Israeli strikes on Gaza City killed 30 people, including 12 in
    Shejaiya, 10 in Zeitoun"): that place is the whole the parts are counted from."""
    return bool(_lexicon().subcount_cue.search(sentence, whole_end, max(whole_end, first_part_start)))


def _is_part_of_a_date(sentence: str, at: int, figure: str) -> bool:
    """A year ("Shelling since 2015 in Donetsk") or a day after its month ("on October 24 in
    Gaza City", "Oct. 3 in Aleppo") is when, not how many: never a place's toll."""
    return bool(re.fullmatch(r"(?:19|20)\d\d", figure)
                or re.fullmatch(r"\d{1,2}", figure) and _DATE_NEIGHBOUR.search(sentence[max(0, at - 12):at]))


def _place_share(sentence: str, start: int, end: int) -> re.Match | None:
    """The figure before a place's name, at the place or at a later naming of the same place
    ("shelled Kherson and Bilozerka, killing two people in Kherson and one in Bilozerka")."""
    lx = _lexicon()
    name, at = sentence[start:end], start
    while at >= 0:
        m = lx.place_share.search(sentence, max(0, at - 80), at)
        if m:
            return m
        at = sentence.find(name, at + len(name))
    return None


def _not_a_toll(sentence: str, qs: int, qe: int, rng: Range, m: re.Match) -> bool:
    """A figure that counts no people: a year ("2023" is never a toll, written without a comma
    as a toll of 2,023 would be), a time, a calibre, a storey, a share, money (``not_people``
    after it), an age, address or unit number ("aged 14", "house number 45", "Brigade 53") or a
    street number ("12 Omar Mukhtar Street")."""
    lx = _lexicon()
    if lx.not_people.match(sentence, qe) or _is_year_of_a_date(sentence, qs, m):
        return True
    if re.search(r"\bno\s+$", sentence[max(0, qs - 4):qs], re.IGNORECASE):
        return True  # "no one was killed": none (``no_dead``), not one
    digits = re.search(r"\d[\d,.]*", sentence[qs:qe])
    if digits and re.fullmatch(r"(?:19|20)\d\d", digits.group()) and rng.min == rng.max:
        return True
    if digits and re.fullmatch(r"\d{1,2}", digits.group()) and _a_day_of_a_month(sentence, qs, qe):
        return True
    return bool(lx.designation_before.search(sentence, max(0, qs - 20), qs)
                or lx.address_after.match(sentence, qe))


def _civilian_part(sentence: str, ends: tuple[int, int], count: Range) -> Range:
    """The civilians a sub-count after a count's noun, or after its verb ("were killed,
    including two children"), names: ", including two children", ", among them three women",
    ", five of them civilians"; ", mostly women and children" is more than half of ``count``:
    half of its floor rounded up at least, its ceiling at most. An empty Range otherwise."""
    lx = _lexicon()
    for pos in dict.fromkeys(ends):
        most = lx.majority.match(sentence, pos)
        if most is not None and count.min is not None and _civilian(most["who"]):
            return Range(-(-count.min // 2), count.max)
        part = lx.part.match(sentence, pos)
        value = _int(part["q"] or part["of"]) if part and _civilian(part["who"]) else None
        if value is not None:
            return Range(value, value)
    return Range()


_JOINER = re.compile(r"\s*(?:,|,?\s*and|,?\s*as\s+well\s+as)\s*(?:(?:her|his|their)\s+)?",
                     re.IGNORECASE)


def _more(count: Range, victims: int) -> Range:
    """The count with the victims its kin add (bounds left open stay open)."""
    return Range(*(None if v is None else v + victims for v in (count.min, count.max)))


def _coordinated(sentence: str, found: list, quantities: list) -> list[CasualtyMention]:
    """ "Five children and four medical staff killed", "A woman and her three children as well
    as another child were killed": the verb covers every count joined to the one before it,
    and they are one toll (9; 5), its civilians those of the parts that say so."""
    lx = _lexicon()
    heads = [f for f in found if f[6] is True]  # counts the casualty word follows directly
    extra = []
    for qs, qe, rng, m in reversed(quantities):
        if any(f[0] <= qs < f[1] for f in found) or _not_a_toll(sentence, qs, qe, rng, m) \
                or lx.subcount.search(sentence, max(0, qs - 30), qs):
            continue
        np = lx.noun_phrase.match(sentence, qe)
        head = next((h for h in heads if _JOINER.fullmatch(sentence, np.end(), h[0])), None)
        if head is not None:
            who = sentence[qe:np.end()].strip() or None
            part = (qs, np.end(), rng, head[3], who, Range(), "part")
            extra.append(part)
            heads.append(part)
    return _joined(sentence, sorted(found + extra))


def _joined(sentence: str, entries: list) -> list[CasualtyMention]:
    """The entries as mentions, each coordinated part summed into the count it is joined to
    (a part always comes right before it)."""
    out: list[CasualtyMention] = []
    run: list[CasualtyMention] = []
    for start, end, rng, kind, who, civilians, role in entries:
        run.append(_mention(sentence, start, end, rng, kind, who, civilians))
        if role != "part":
            out.append(_sum(run) if len(run) > 1 else run[0])
            run = []
    return out


def _sum(parts: list[CasualtyMention]) -> CasualtyMention:
    """Coordinated counts as one: bounds added (open when one is), civilians those of the
    civilian parts and of each part's own sub-count."""
    def add(values):
        return None if any(v is None for v in values) else sum(values)
    lo, hi = add([p.range.min for p in parts]), add([p.range.max for p in parts])
    civ = [p.range if p.civilian else p.civilians for p in parts]
    civ = [c for c in civ if not c.empty]
    civilians = Range(add([c.min for c in civ]), add([c.max for c in civ])) if civ else Range()
    kinds = {p.civilian for p in parts}
    last = parts[-1]
    return CasualtyMention(last.kind, Range(lo, hi), kinds.pop() if len(kinds) == 1 else None,
                           " and ".join(p.who for p in parts if p.who) or None, parts[0].start,
                           last.end, any(p.hedged for p in parts), civilians)


def _mention(sentence, start, end, rng, kind, who, civilians) -> CasualtyMention:
    lx = _lexicon()
    hedged = bool(lx.hedge.search(sentence, max(0, start - 60), end))
    return CasualtyMention(kind, rng, _civilian(who), who, start, end, hedged, civilians)


def parse_share(phrase: str) -> float | None:
    """A share as a fraction: "one in 20" -> 0.05, "5 per cent" -> 0.05, "a third" -> 1/3.

    Words without a figure ("the vast majority", "most") give None: a claim checker must not
    test them against a tally.
    """
    m = _lexicon().share.search(phrase)
    return None if m is None else _share_value(m)


def _share_value(m: re.Match) -> float | None:
    if m["pn"]:
        value = _number_value(m["pn"])
        return None if value is None else value / 100
    if m["a"]:
        a, b = _number_value(m["a"]), _number_value(m["b"])
        if re.fullmatch(r"(?:19|20)\d\d", m["b"]) or a is None or not b or a >= b:
            return None  # "killed 20 in 2015" is no share
        return a / b
    after = m.string[m.end():]
    bare = not m["fn"] or m["fn"].lower() in ("a", "an")
    if bare and not re.match(r"\s+of\b|\s*(?:[^\w\s]|$)", after):
        return None  # "a third strike", "half an hour": ordinals and idioms, not shares
    numerator = 1.0 if not m["fn"] or m["fn"].lower() in ("a", "an") else _number_value(m["fn"])
    denominator = _lexicon().fractions[m["frac"].lower()]
    return None if numerator is None else numerator / denominator


# "Sept." is how the wires abbreviate September, beside the calendar's "Sep"
_MONTHS = "|".join(n for n in [*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"] if n)
_DATE_NEIGHBOUR = re.compile(rf"(?:\b(?:{_MONTHS})\.?\s*$)|(?:^\s*(?:{_MONTHS})\b)")
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$")
_MONTH_AFTER = re.compile(rf"\s*(?:{_MONTHS})\b")
_YEAR_CONTEXT = re.compile(r"\b(?:in|since|until|till|of|from|by|during|early|late|mid|year)\s+$",
                           re.IGNORECASE)


def _a_day_of_a_month(sentence: str, qs: int, qe: int) -> bool:
    """ "A strike on Kramatorsk on April 8 killed 61 people", "on 17 March killed ...": a day
    beside its month is when, not a toll, unless people follow it ("In May 12 people died")."""
    if _MONTH_AFTER.match(sentence, qe):
        return True
    return bool(_MONTH_BEFORE.search(sentence, max(0, qs - 12), qs)) \
        and not _lexicon().noun_phrase.match(sentence, qe).group().strip()


def _is_year_of_a_date(text: str, qs: int, m: re.Match) -> bool:
    """'Friday 17 June 2016 Civilians Killed by ...' (a headline after its dateline) and 'in 2016
    killed 15': a year after a month or a preposition of time is a date, not a death toll."""
    if not re.fullmatch(r"(?:19|20)\d\d", m.group()):
        return False
    before = text[max(0, qs - 12):qs]
    return bool(_DATE_NEIGHBOUR.search(before) or _YEAR_CONTEXT.search(before))


def find_numbers(text: str) -> list[tuple[str, float]]:
    """The figures a claim rests on, labelled, in text order.

    ("share", 0.05) for shares; ("killed_min", 12) / ("killed_max", ...) / ("wounded_min", ...)
    for casualty counts, plus ("civilians_killed_min", ...) when the victims are civilians;
    ("count", 3000) for any other count of things. Dates, years and durations are left out.
    """
    lx = _lexicon()
    out: list[tuple[int, str, float]] = []
    spans: list[tuple[int, int]] = []
    for m in lx.share.finditer(text):
        value = _share_value(m)
        if value is not None:
            out.append((m.start(), "share", value))
            spans.append(m.span())
    quantities, casualties = _counts_of(text)
    for c in casualties:
        if any(s <= c.start < e for s, e in spans):
            continue
        prefixes = [c.kind] + (["civilians_killed"] if c.civilian and c.kind == "killed" else [])
        for prefix in prefixes:
            for bound, value in (("min", c.range.min), ("max", c.range.max)):
                if value is not None:
                    out.append((c.start, f"{prefix}_{bound}", float(value)))
        spans.append((c.start, c.end))
    for qs, qe, rng, m in quantities:
        value = rng.min if rng.min is not None else rng.max
        if value is None or m["single"] or any(s <= qs < e for s, e in spans):
            continue
        if lx.not_people.match(text, qe) or _DATE_NEIGHBOUR.search(text[max(0, qs - 12):qs]) \
                or _DATE_NEIGHBOUR.search(text[qe:qe + 12]) or re.match(r"\s*:\d", text[qe:]):
            continue
        is_year = re.fullmatch(r"(?:19|20)\d\d", m.group())
        if _is_year_of_a_date(text, qs, m) or (is_year and re.match(r"\s*(?:[^\w\s]|$)", text[qe:])):
            continue
        out.append((qs, "count", float(value)))
    return [(label, value) for _, label, value in sorted(out, key=lambda x: x[0])]
