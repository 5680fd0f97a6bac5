"""The strike classifier: it ships inside the package and loads offline, it tells a strike
from a protest or a round of talks in more than one war, the gate uses it as the settings say,
and `make train` (scripts/train_strike_classifier.py) rebuilds one from corpus-shaped files.
Every sentence here was written for these tests."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from strikewatch.extract import ExtractSettings
from strikewatch.extract.gate import SentenceGate
from strikewatch.extract.strike_model import (
    ClassifierError,
    StrikeClassifier,
    load_strike_classifier,
    packaged_model_dir,
    strike_probabilities,
)
from strikewatch.lexicons import load_lexicons
from strikewatch.nlp import Sentence

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "model" / "shared"

STRIKES = [
    "Russian warplanes bombed a market in the town of Saraqib, killing 12 civilians.",  # Syria
    "Israeli aircraft hit a residential building in Khan Younis overnight.",  # Gaza
    "An artillery shell hit a bakery queue in the town of Izium, Kharkiv region.",  # Ukraine
]
NOT_STRIKES = [
    "Hundreds of people protested outside the Russian embassy in London on Saturday.",
    "Delegations from the government and the opposition resumed peace talks in Geneva.",
    "Students rioted in Nairobi over exam fees; police used tear gas.",
]


@pytest.fixture(scope="module")
def packaged():
    return load_strike_classifier()


def test_the_packaged_model_loads_without_network(monkeypatch):
    load_strike_classifier.cache_clear()

    def no_network(*args, **kwargs):
        raise AssertionError("the classifier tried to open a network connection")

    monkeypatch.setattr(socket, "socket", no_network)
    nlp = load_strike_classifier()
    assert nlp.pipe_names == ["textcat"]
    assert packaged_model_dir().is_relative_to(Path(__import__("strikewatch").__file__).parent)


def test_strike_sentences_of_several_wars_score_above_half(packaged):
    assert all(p > 0.5 for p in strike_probabilities(packaged, STRIKES))


def test_protests_talks_and_riots_score_below_half(packaged):
    assert all(p < 0.5 for p in strike_probabilities(packaged, NOT_STRIKES))


def test_a_missing_model_is_a_named_error(tmp_path):
    with pytest.raises(ClassifierError, match="make train"):
        load_strike_classifier(str(tmp_path))


def test_an_unknown_setting_is_refused():
    with pytest.raises(ValueError, match="'rules', 'model' or 'both'"):
        ExtractSettings(strike_classifier="neural")


def sentences(*texts: str) -> list[Sentence]:
    out, pos = [], 0
    for text in texts:
        out.append(Sentence(pos, pos + len(text), text, "body", 0))
        pos += len(text) + 1
    return out


def test_the_gate_keeps_what_each_setting_says():
    """The keywords keep a protest that names a bombing campaign (Iraq); the model, alone or
    with the keywords, drops it, and all three keep a shelled bakery queue (Ukraine) and a
    bombed market (Syria)."""
    lex = load_lexicons()
    protest = "Farmers protested in Mosul over the price of diesel after the bombing campaign ended."
    texts = sentences(STRIKES[2], protest, STRIKES[0])
    classifier = StrikeClassifier()
    kept = {mode: SentenceGate(lex, ExtractSettings(strike_classifier=mode),
                               None if mode == "rules" else classifier).keep(texts)
            for mode in ("rules", "model", "both")}
    assert kept == {"rules": [0, 1, 2], "model": [0, 2], "both": [0, 2]}


def test_the_gate_needs_a_classifier_unless_rules():
    with pytest.raises(ValueError, match="needs a classifier"):
        SentenceGate(load_lexicons(), ExtractSettings(strike_classifier="both"))


@pytest.mark.slow
def test_make_train_builds_a_loadable_model_from_corpus_shaped_files(tmp_path):
    out = tmp_path / "model"
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts/train_strike_classifier.py"), "--shared", str(FIXTURE),
         "--out", str(out), "--epochs", "3", "--fakes-articles", str(tmp_path / "none"),
         "--fakes-gold", str(tmp_path / "none")],
        capture_output=True, text=True, check=True, timeout=120)
    # five documents of six in each fixture file are the developer part; the fifth is skipped
    assert "bellingcat-ukraine +" in run.stdout and "held out all" in run.stdout
    sizes = [line for line in run.stdout.splitlines() if line.startswith(("train:", "held out:"))][:2]
    assert sum(int(line.split(":")[1].split()[0]) for line in sizes) == 15
    nlp = load_strike_classifier(str(out))
    assert 0.0 <= strike_probabilities(nlp, [STRIKES[0]])[0] <= 1.0


@pytest.mark.slow
def test_training_twice_gives_the_same_model(tmp_path):
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        subprocess.run([sys.executable, str(ROOT / "scripts/train_strike_classifier.py"),
                        "--shared", str(FIXTURE), "--out", str(out), "--epochs", "2",
                        "--fakes-articles", str(tmp_path / "none"), "--fakes-gold", str(tmp_path / "none")],
                       capture_output=True, check=True, timeout=120)
    assert (outs[0] / "textcat/model").read_bytes() == (outs[1] / "textcat/model").read_bytes()
