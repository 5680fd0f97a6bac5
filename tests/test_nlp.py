"""The pipeline strikewatch loads and its rule-based entity tagger, on real sentences.

Sentences are quoted from the founding example (Middle East Eye, 2 October 2015) and from
FA-KES articles (Abu Salem et al., ICWSM 2019, CC BY 4.0), as those texts write them
(FA-KES lost most commas and apostrophes).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strikewatch.nlp import (
    DEFAULT_MODEL, ENTITY_COMPONENT, POS_COMPONENT, TEXT_KEY, UNUSED_COMPONENTS, load_pipeline,
)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def ents(nlp, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp(text).ents}


def test_the_statistical_ner_is_replaced_by_the_rule_tagger(nlp):
    assert "ner" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    assert nlp.pipe_names[-1] == ENTITY_COMPONENT


@pytest.mark.parametrize("text", [
    # the founding example (Syria), with its curly quotes
    "Russia’s defence ministry said its jets had carried out 20 sorties on Thursday.",
    # a Ukrainian report's shape: a dash, a double space, a figure with a comma
    "Shelling of Kharkiv  — 1,200 homes damaged, 3 civilians killed (regional governor)",
])
def test_the_kept_text_is_the_docs_own_text(nlp, text):
    """The tokenizer leaves the text it was given for the components and the rules to read
    (Doc.text joins a Token per word each time): it is the Doc's text, character for
    character, however the words are spaced."""
    assert nlp.make_doc(text).user_data[TEXT_KEY] == text  # left before any component runs
    doc = nlp(text)
    assert doc.user_data[TEXT_KEY] == doc.text == text
    assert [d.user_data[TEXT_KEY] for d in nlp.pipe([text, text[:20]])] == [text, text[:20]]


def test_provinces_the_statistical_model_called_organisations_are_places(nlp):
    found = ents(nlp, "The leaders expressed particular concern with Russian attacks on the Syrian "
                      "provinces of Hama, Homs and Idlib on Thursday which the statement said did not "
                      "target IS.")
    assert found["Hama"] == "GPE" and found["Idlib"] == "GPE" and found["Homs"] == "GPE"
    assert found["Russian"] == "NORP"
    assert found["Thursday"] == "DATE"


def test_a_person_after_a_title_without_the_title(nlp):
    found = ents(nlp, "Later on Friday, UK Defence Secretary Michael Fallon said that only one in 20 "
                      "Russian air strikes in Syria have targetted IS.")
    assert found["Michael Fallon"] == "PERSON"
    assert not any("Secretary" in name for name in found)
    assert found["Syria"] == "GPE"


def test_a_body_is_one_organisation(nlp):
    found = ents(nlp, "Earlier, the Syrian Observatory for Human Rights reported that at least 12 IS "
                      "members were killed when Russian warplanes hit Raqqa, the group's de facto "
                      "capital in northern Syria, and the nearby Tabqa military airport.")
    assert found["Syrian Observatory for Human Rights"] == "ORG"
    assert found["Raqqa"] == "GPE"


def test_a_name_before_a_title_is_a_person_when_commas_are_lost(nlp):
    found = ents(nlp, "Rami Abdel Rahman head of the Syrian Observatory for Human Rights said the "
                      "attack killed at least 16 people and wounded another 40.")
    assert found["Rami Abdel Rahman"] == "PERSON"


def test_a_speaker_named_by_surname_is_a_person(nlp):
    found = ents(nlp, 'Putin is "shoring up Assad and perpetuating the suffering," Fallon said.')
    assert found["Fallon"] == "PERSON"


def test_headline_capitals_are_not_entities_but_known_names_are(nlp):
    found = ents(nlp, "43 Topic Violence Erupts as Islamic State Rises (1881) Related Syrian Forces "
                      "Deny Killing Dozens of Civilians in Government-Led Airstrikes Syria")
    assert "Violence" not in found and "Killing" not in found and "Topic Violence Erupts" not in found
    assert found["Islamic State"] == "ORG"


def test_a_capital_by_position_is_not_a_name(nlp):
    found = ents(nlp, "Footage showed the local civil defence unit attempting to put out a fire in "
                      "the rubble of a building in Idlib.")
    assert "Footage" not in found and found["Idlib"] == "GPE"


def test_the_attribute_ruler_is_replaced_by_the_pos_mapper(nlp):
    assert "attribute_ruler" not in nlp.pipe_names and "senter" not in nlp.pipe_names
    assert nlp.pipe_names.index(POS_COMPONENT) == nlp.pipe_names.index("parser") + 1


def test_the_pos_mapper_gives_the_attribute_rulers_parts_of_speech(nlp):
    """On real parsed sentences that exercise every rule of the ruler that departs from the
    plain tag map ("that" as SCONJ or PRON, auxiliaries, "there is", "but" as an adverb),
    part of speech, tag and label are the model's attribute ruler's, token for token."""
    import spacy

    fixture = Path(__file__).parent / "fixtures" / "nlp" / "parsed_sentences.jsonl"
    texts = [json.loads(line)["text"] for line in fixture.read_text(encoding="utf-8").splitlines()]
    model = spacy.load(DEFAULT_MODEL, exclude=list(UNUSED_COMPONENTS))
    ruler = model.get_pipe("attribute_ruler")
    mapper = nlp.get_pipe(POS_COMPONENT)
    with model.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = list(model.pipe(texts, batch_size=64))
    differences = []
    for doc in parsed:
        ours = mapper(doc.copy())
        theirs = ruler(doc)
        differences += [(doc.text, t.text, t.pos_, u.pos_) for t, u in zip(theirs, ours)
                        if (t.pos_, t.tag_, t.dep_) != (u.pos_, u.tag_, u.dep_)]
    assert len(texts) > 150 and not differences, differences[:5]
    # the sentences do reach the rules that read more than the tag
    pos = {(t.lower_, t.pos_) for doc in parsed for t in doc}
    assert {("that", "SCONJ"), ("that", "PRON"), ("has", "AUX"), ("not", "PART")} <= pos


def test_a_space_token_is_tagged_as_the_ruler_tags_it(nlp):
    doc = nlp("Russian jets struck the towns of  Anadan and Babees")  # a doubled space, as in wire copy
    space = next(t for t in doc if t.is_space)
    assert (space.pos_, space.tag_) == ("SPACE", "_SP")


def test_the_models_multiply_through_numpy_on_one_blas_thread_during_a_batch(nlp):
    """tok2vec's and the parser's matrix products go through numpy's BLAS (not thinc's blis,
    which cost them twice the CPU), on one thread (a second one only spins on these sizes)
    while a batch runs."""
    from threadpoolctl import threadpool_info

    from strikewatch.nlp import batch_settings

    for name in ("tok2vec", "tagger", "parser"):
        assert {getattr(node.ops, "use_blis", None) for node in nlp.get_pipe(name).model.walk()} == {False}
    with batch_settings():
        assert {p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"} == {1}


def test_loading_and_running_the_pipeline_leave_the_processs_settings_as_they_were():
    """A server importing strikewatch keeps its own collector and BLAS threads: the batch
    settings hold during a batch and are undone after it, even when the batch fails."""
    import gc

    from threadpoolctl import threadpool_info

    from strikewatch.nlp import batch_settings

    def blas_threads():
        return sorted(p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas")

    load_pipeline()  # loading alone changes nothing
    before = (gc.get_threshold(), gc.get_freeze_count(), blas_threads())
    with pytest.raises(RuntimeError), batch_settings():
        assert gc.get_threshold()[0] >= 10_000 and gc.get_freeze_count() > 0
        raise RuntimeError("a batch that fails half way")
    assert (gc.get_threshold(), gc.get_freeze_count(), blas_threads()) == before
