"""The lexicons are data an analyst edits: they must load, stay within the shared vocabularies,
and behave as their comments promise on real sentences (FA-KES development articles, Abu Salem
et al., ICWSM 2019, CC BY 4.0; the Middle East Eye article of 2 October 2015)."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest
import yaml

from strikewatch.actors import PENDING_TERRITORY, load_registry
from strikewatch.lexicons import PhraseMatcher, load_lexicons
from strikewatch.models import CLAIM_KINDS, SPEAKER_ROLES, TARGET_CATEGORIES

LEX = load_lexicons()


def actors_in(text: str) -> list[tuple[str, str]]:
    blocked = [(s, e) for s, e, _, _ in LEX.not_actors.find(text)]
    return [(t, a.code) for s, e, t, a in LEX.actors.find(text)
            if not any(bs <= s and e <= be for bs, be in blocked)]


def test_vocabularies_are_the_shared_ones():
    assert {v for _, _, _, v in LEX.groups.find(" ".join(_all("groups")))} <= set(TARGET_CATEGORIES)
    roles = {e.role for _, _, _, e in LEX.orgs.find(" | ".join(_all("speakers")))}
    roles |= {e.role for _, _, _, e in LEX.generic_speakers.find(" | ".join(_all("speakers")))}
    assert roles <= set(SPEAKER_ROLES)
    assert set(LEX.verb_kinds.values()) <= set(CLAIM_KINDS)
    assert set(LEX.claim_words) <= set(CLAIM_KINDS)
    for entry in LEX.actor_entries:
        assert entry.country is None or (len(entry.country) == 2 and entry.country.isupper())


def _all(name: str) -> list[str]:
    """Every string in a packaged lexicon file."""
    data = yaml.safe_load((resources.files("strikewatch") / "data" / "lexicons" / f"{name}.yaml").read_text())
    out: list[str] = []

    def walk(x):
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(data)
    return out


def test_actor_aliases_on_real_sentences():
    assert actors_in("Earlier, the Syrian Observatory for Human Rights reported that at least 12 IS "
                     "members were killed when Russian warplanes hit Raqqa") == [("IS", "Islamic State"),
                                                                    ("Russian warplanes", "RU")]
    # capitals-only aliases: "is" is a verb, "IS" the group
    assert actors_in("Mayadeen is one of the last bastions of Daesh in Syria.") == [("Daesh", "Islamic State")]
    # the longest alias wins, and a name that merely contains an alias is not that actor
    assert actors_in("The Syrian National Coalition issued a statement condemning the continued Russian "
                     "attacks") == [("Russian", "RU")]
    assert actors_in("An air strike on Tuesday by a U.S.-led coalition fighting Daesh mistakenly killed 18 "
                     "members of the Syrian Democratic Forces")[0] == ("U.S.-led coalition", "US")
    assert ("Army of Conquest", "Jaish al-Fatah") in actors_in(
        "Russian air attacks also targeted the Army of Conquest, the most powerful Islamist coalition")
    # the regime's names, including FA-KES's lost apostrophes
    # a bare "regime" is the state the strike falls in, settled after geocoding (test_actors.py)
    assert actors_in("Barrel bombs dropped by regimes helicopters also hit Alsabireen mosque") == [
        ("regimes", PENDING_TERRITORY)]
    assert actors_in("Intense bombardment by the Assad regime and its ally Russia killed over 80 civilians") == [
        ("Assad regime", "SY"), ("Russia", "RU")]


def test_groups_give_target_categories():
    found = {t: c for _, _, t, c in LEX.groups.find(
        "Air strikes on a market in the rebel-held northwestern city of Idlib Saturday killed 24 people "
        "including women and children; the strikes hit IS members and the Free Syrian Army")}
    assert found["market"] == "infrastructure" and found["rebel-held"] == "rebel"
    assert found["IS members"] == "jihadist" and found["Free Syrian Army"] == "rebel"
    assert found["children"] == "civilian"


def test_speakers_and_roles():
    orgs = {t: (e.org, e.role, e.country) for _, _, t, e in LEX.orgs.find(
        "Russia's defence ministry in Moscow also said strikes were carried out; state news agency SANA "
        "reported; the Britain-based Syrian Observatory for Human Rights said")}
    assert orgs["Russia's defence ministry"] == ("Ministry of Defence of Russia", "belligerent", "RU")
    assert orgs["state news agency SANA"][1:] == ("media", "SY")
    assert orgs["Syrian Observatory for Human Rights"][1] == "monitor"
    generic = {t: e.role for _, _, t, e in LEX.generic_speakers.find(
        "Activists and residents in the city said; A security source on the ground told AFP")}
    assert generic["Activists"] == "opposition" and generic["security source"] == "belligerent"


def test_hedges_and_not_strikes():
    assert LEX.hedges.find("Unverified reports indicate that hundreds of Iranian soldiers have arrived")
    assert LEX.hedges.find("The strikes are believed to be the first against IS since Russian bombing began.")
    assert not LEX.hedges.find("Russian warplanes hit Raqqa, the group's de facto capital")
    assert LEX.not_strikes.find("one of its soldiers had been killed in a car bomb in al-Bab on Sunday")
    assert not LEX.not_strikes.find("a barrel bomb attack carried out by government forces")


def test_prefilter_catches_inflections_and_drops_plain_sentences():
    for s in ("Regime aircraft also bombed a medicine factory in the town of Mansoura in rural Aleppo.",
              "Russian jets struck the towns of Anadan and Babees",
              "were subject to intense regime shelling on Friday",
              "Air raids kill 29 civilians in north Syria town",
              "Russian attacks on the Syrian provinces of Hama, Homs and Idlib on Thursday"):
        assert LEX.may_report_strike(s), s
    for s in ("Muallem told the UN General Assembly that he understood the talks to be non-binding.",
              "Sign up to get the latest alerts, insights and analysis",
              "Syrian government forces backed by Russia are currently attempting to drive militant groups out",
              "an attack on the first day of the talks"):  # a weak word with no force named
        assert not LEX.may_report_strike(s), s
    assert LEX.may_hold_claim('"Numerous independent reports have cited tens of civilian deaths," '
                              "the statement said.")
    assert not LEX.may_hold_claim("Muallem told the UN General Assembly that he understood the talks "
                                  "to be non-binding.")


def test_every_word_and_phrase_of_the_strike_tests_gets_past_the_early_no():
    """``may_report_strike`` says no at once to a text holding none of ``_strike_words``: each
    single word and phrase of the indices its tests read must hold one, as written in capitals
    or not, or a strike sentence would be dropped unasked."""
    for name in ("prefilter_strong", "prefilter_passive_hit", "prefilter_short_item",
                 "prefilter_munition", "prefilter_fire_at", "prefilter_arms", "prefilter_weak"):
        index = getattr(LEX, name)
        phrases = [*index._folded, *index._exact,
                   *(" ".join(parts) for entries in index._sequences.values() for parts, _ in entries)]
        assert phrases, name
        for phrase in phrases:
            words = LEX._words(f"Yesterday {phrase} there.")
            assert index.hit(words), (name, phrase)
            assert not words.keys.isdisjoint(LEX._strike_words), (name, phrase)


def test_the_early_no_leaves_the_strike_tests_answers_alone():
    """Sentences of several wars the quick check lets through or not, with the full answer."""
    for s in ("Civilian homes in Kharkiv were hit overnight.",  # a phrase: "were hit"
              "Invaders fired at Mykolaiv from the left bank.",  # "fired at"
              "Saudi-led coalition jets struck a wedding hall in Sanaa.",
              "A drone strike near Jilib killed two al-Shabaab commanders.",
              "RSF artillery destroyed a fuel depot in El Fasher."):
        assert LEX.may_report_strike(s), s
    for s in ("The junta and the Arakan Army met in Kunming to talk about a ceasefire.",
              "Talks in Jeddah over the future of Khartoum went on for a third week.",
              "Sign up to get the latest alerts, insights and analysis"):
        assert LEX._words(s).keys.isdisjoint(LEX._strike_words), s
        assert not LEX.may_report_strike(s), s


def test_a_web_address_in_any_case_is_no_prose():
    """An address's words are blanked whether the text writes it in capitals or not, and a
    text with none keeps every word."""
    for address in ("WWW.Example.org/airstrike-killed-10", "https://example.org/airstrike",
                    "Www.example.org/airstrike"):
        assert "airstrike" not in LEX._words(f"See {address} for more.").lower_set, address
    assert "airstrike" in LEX._words("An airstrike hit Idlib (see www below).").lower_set


def test_an_analyst_can_extend_a_lexicon(tmp_path: Path):
    src = resources.files("strikewatch") / "data" / "lexicons"
    for f in src.iterdir():
        if f.name.endswith(".yaml"):
            shutil.copy(str(f), tmp_path / f.name)
    path = tmp_path / "attacker_cues.yaml"
    data = yaml.safe_load(path.read_text())
    data["open_attacker"].append("no one has claimed")
    path.write_text(yaml.safe_dump(data))
    lex = load_lexicons(str(tmp_path))
    text = "No one has claimed the drone strike on the market."
    assert lex.open_attacker.search(text)
    assert not LEX.open_attacker.search(text)


def test_phrase_matcher_longest_and_caps():
    m = PhraseMatcher({"coalition": "US", "Saudi-led coalition": "SA", "IS": "IS"})
    assert [(t, v) for _, _, t, v in m.find("the Saudi-led coalition said it is ready")] == [
        ("Saudi-led coalition", "SA")]
    assert [(t, v) for _, _, t, v in m.find("IS fighters; the coalition")] == [("IS", "IS"), ("coalition", "US")]


def test_not_target_cues_and_facilities():
    # MEE: "The vast majority are not against IS at all."
    text = "The vast majority are not against IS at all."
    start = text.index("IS at")
    assert LEX.not_target_cue.search(text[:start])
    assert not LEX.not_target_cue.search("Russian air attacks also targeted ")
    assert {v for _, _, _, v in LEX.facilities.find("the nearby Tabqa military airport")} == {"government"}
    assert {v for _, _, _, v in LEX.facilities.find(" ".join(_all("groups")))} <= set(TARGET_CATEGORIES)


def test_phrases_written_as_a_trie_match_as_the_plain_alternation():
    """PhraseMatcher writes its phrases as a trie so that ``re`` tries only those that can
    start at a word and go on as its next letters do; every match must be the plain
    longest-first alternation's, on real articles and on their lower- and upper-cased forms
    (case decides the capitals-only aliases), and on sentences from other wars with letters
    beyond ASCII, odd spacing and the long s that case-blind ``re`` reads as s. The FA-KES
    articles: Abu Salem et al., ICWSM 2019, CC BY 4.0."""
    import json
    import re

    from strikewatch.lexicons import _all_caps, alternation

    fakes = Path(__file__).parent / "fixtures" / "corpora" / "fakes-dev-articles.jsonl"
    texts = [json.loads(line)["text"] for line in fakes.read_text(encoding="utf-8").splitlines()[:80]]
    texts += [
        "Kiev’s forces shelled Donetsk overnight, the Burkinabè army said nothing of the DPR.",
        "Médecins Sans Frontières said the Israel  Defense\nForces struck Khan Younis.",
        "The ſudanese army and the Rapid Support Forces traded fire in Omdurman.",
        "The Houthis' Ansar Allah said Saudi-led coalition jets hit Sanaa; AQAP denied it.",
    ]
    texts += [t.lower() for t in texts] + [t.upper() for t in texts]
    registry = load_registry()
    names = [n for e in registry.entries for n in (*e.aliases, *e.speaker_names)] + list(registry.attacker_aliases())
    phrases = sorted({p.strip() for p in [*names, *_all("speakers"), *_all("groups")] if p.strip()})
    matcher = PhraseMatcher({p: True for p in phrases})
    exact, folded = matcher.compile()
    capitals = [p for p in phrases if _all_caps(p)]
    for grouped, flags, subset in ((exact, 0, capitals),
                                   (folded, re.IGNORECASE, [p for p in phrases if p not in capitals])):
        plain = re.compile(r"(?<![\w-])(?:" + alternation(subset) + r")(?![\w-])", flags)
        assert grouped.pattern != plain.pattern
        for text in texts:
            assert [(m.span(), m.group()) for m in grouped.finditer(text)] == \
                [(m.span(), m.group()) for m in plain.finditer(text)]


def test_a_remembered_answer_is_a_fresh_list():
    matcher = PhraseMatcher({"air strike": 1, "air strikes": 2})
    first = matcher.find("Two air strikes hit the town")
    first.clear()
    assert matcher.find("Two air strikes hit the town") == [(4, 15, "air strikes", 2)]


def test_forgetting_drops_every_remembered_answer():
    """Extraction forgets the matchers' answers at each batch of documents, so that no article
    is read faster because an earlier one had the same sentences."""
    lex = load_lexicons()
    lex.actors.find("Russian warplanes struck Idlib")
    lex.claim_words["denial"].find("The ministry denied the report")
    lex.forget()
    assert not lex.actors._recent and not lex.actors._older
    assert not lex.claim_words["denial"]._recent


@pytest.mark.parametrize("text, phrase", [
    ("The \u017fyrian army shelled Kafr Nabl", "syrian army"),  # long s (Syria)
    ("\u1c80\u0443\u0433\u043b\u0435\u0434\u0430\u0440 came under fire", "вугледар"),  # rounded ve (Ukraine)
    ("Shelling in \u212aharkiv overnight", "kharkiv"),  # Kelvin sign
])
def test_a_letter_that_only_folds_to_the_phrase_still_finds_it(text, phrase):
    """Letters that ``re`` matches case-blind but whose lower() differ once made the matcher
    fail on a lookup: hostile or odd text must still find the phrase, with its value."""
    matcher = PhraseMatcher({phrase: "value", "other phrase": "other"})
    assert [(len(t), v) for _, _, t, v in matcher.find(text)] == [(len(phrase), "value")]


@pytest.mark.parametrize("text, phrase", [
    ("Air strikes hit \u0130dlib overnight", "idlib"),  # dotted capital I (Syria)
    ("Shelling of Mar\u0131upol", "mariupol"),  # dotless i (Ukraine)
])
def test_a_turkish_i_finds_the_phrase_as_re_matches_it(text, phrase):
    """``re`` matches the Turkish dotted and dotless i case-blind with i; casefold() does not
    pair them, so the matcher folds them itself."""
    matcher = PhraseMatcher({phrase: "value", "other phrase": "other"})
    assert [v for _, _, _, v in matcher.find(text)] == ["value"]


def test_the_lexicons_and_the_registry_load_once_however_asked_for():
    """The extractor asks for ``load_lexicons(settings.lexicon_dir)``, the geocoder and the
    fusion for ``load_lexicons()``: one object, read once (a second read of every file cost
    each extraction run ~0.3 CPU s)."""
    assert load_lexicons() is load_lexicons(None) is load_lexicons(directory=None, registry_dir=None)
    assert load_registry() is load_registry(None) is load_registry(directory=None)


def test_a_matcher_compiles_on_first_use_and_compile_compiles_all():
    """A command that reads two lexicons (``brief``: actors, groups) compiles those two only;
    ``Lexicons.compile`` (the extractor calls it when it loads, so that no batch pays for a
    pattern and forked workers share them) compiles every one. Lazy, a matcher finds the
    same phrases, longest first."""
    from strikewatch.lexicons import Lexicons, _load_lexicons

    lazy = PhraseMatcher({"air strike": 1, "air strikes": 2, "IS": 3})
    assert lazy._patterns is None
    found = lazy.find("Two air strikes on IS positions; this is an air strike")
    assert [(s, e, v) for s, e, _, v in found] == [(4, 15, 2), (19, 21, 3), (44, 54, 1)]
    assert lazy._patterns is not None

    lex = _load_lexicons.__wrapped__(None, None)
    assert isinstance(lex, Lexicons)
    lex.groups.find("a hospital was hit")
    compiled = [m for m in lex._matchers() if m._patterns is not None]
    assert compiled == [lex.groups]
    assert lex.compile() is lex and all(m._patterns is not None for m in lex._matchers())
    assert len(list(lex._matchers())) > 20  # every matcher, the dicts' included
