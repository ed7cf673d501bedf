"""Learned triggers (issue 12, item 6): a verb no pattern matches ("ferried food to Bangladesh") becomes a
trigger when the model trained on the blind batches is confident it tells an act, and from then on it is
coded by the same machinery as any pattern's verb: its source, target, modality and evidence. Without the
model the same sentences code nothing, so these tests fail on the rules alone."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import replace
from pathlib import Path

import pytest
from handmade import parsed

from chancery.coding.codebook import Codebook
from chancery.coding.events import code_article
from chancery.coding.learned import NONE, TriggerModel, candidate
from chancery.coding.structure import Tree
from chancery.evaluate.gold_file import gold_article

BUILD = Path(__file__).parents[3] / "src" / "chancery" / "data" / "learned" / "build_triggers.py"
FERRIED = "Indian helicopters ferried food and medicine to flood victims in Bangladesh on Saturday."


def _events(pipeline, text: str, date: str, learned: bool = True):
    coder = pipeline.coder if learned else replace(pipeline.coder, learned=None)
    return code_article(pipeline.parse(gold_article(text, date)), coder).events


def _build_module():
    spec = importlib.util.spec_from_file_location("build_triggers", BUILD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_a_verb_no_pattern_knows_is_coded_when_the_model_is_sure(pipeline):
    assert _events(pipeline, FERRIED, "2003-05-10", learned=False) == ()
    [event] = _events(pipeline, FERRIED, "2003-05-10")
    assert (event.source.code[:3], event.target.code[:3], event.cameo[:2]) == ("IND", "BGD", "07")
    assert event.counted and event.evidence.rule == "learned.07.ferry"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "modality", "negated"),
    [
        ("Indian helicopters did not ferry food to Bangladesh.", "asserted", True),
        ("Indian helicopters could ferry food to Bangladesh if Dhaka asks for help.", "conditional", False),
        ("India denied reports that its helicopters had ferried weapons to Bangladesh.", "denied", False),
    ],
)
def test_a_learned_act_keeps_the_modality_of_its_clause(pipeline, text, modality, negated):
    learned = [e for e in _events(pipeline, text, "2003-05-10") if e.evidence.rule.startswith("learned.")]
    assert learned and all(not e.counted for e in learned)
    assert {(e.modality, e.negated) for e in learned} == {(modality, negated)}


@pytest.mark.slow
def test_a_learned_act_announced_is_intended_and_coins_no_statement(pipeline):
    # a pattern's "will recognise" is a stated intention (03, counted); a learned verb is not sure enough
    # of its act to coin a counted statement from it, so only the act is listed, intended
    text = "India will ferry food and medicine to Bangladesh, its foreign minister said."
    [event] = _events(pipeline, text, "2003-05-10")
    assert (event.cameo[:2], event.modality, event.counted) == ("07", "intended", False)
    assert event.evidence.rule == "learned.07.ferry"


@pytest.mark.slow
def test_a_verb_that_borrows_its_doer_is_never_a_learned_trigger(pipeline):
    # the doer of "ferried" is the subject of "landed", reached along coordination: the parse's doubt
    # added to the model's costs more false facts than it finds, so only a verb's own subject will do
    text = "Indian helicopters landed in Dhaka and ferried food and medicine to flood victims in Bangladesh."
    rules = {e.evidence.rule for e in _events(pipeline, text, "2003-05-10")}
    assert "learned.07.ferry" not in rules
    assert {e.evidence.rule for e in _events(pipeline, FERRIED, "2003-05-10")} == {"learned.07.ferry"}


@pytest.mark.slow
def test_a_verb_the_rules_know_is_left_to_them(pipeline):
    # the patterns know "end" (sanctions, curfews, ties) and code nothing here: that is their decision,
    # not a gap for the model to fill ("ended three decades of frosty ties" is no break of relations)
    text = "Thailand ended three decades of frosty ties with Saudi Arabia."
    assert _events(pipeline, text, "2022-01-26") == ()


@pytest.mark.slow
def test_a_verb_lending_its_doer_to_an_event_noun_is_no_learned_trigger(pipeline):
    # "voiced support": the noun is the act, the verb only gives it its doer
    text = "On Monday China voiced support for Russia's decision to recognise the Taliban administration."
    found = {
        (e.source.code[:3], e.target.code[:3], e.cameo, e.evidence.rule)
        for e in _events(pipeline, text, "2025-07-04")
    }
    assert ("CHN", "RUS", "051") in {f[:3] for f in found}
    assert not [f for f in found if f[3].startswith("learned.")]


@pytest.mark.slow
def test_following_anothers_lead_is_left_to_the_rules(pipeline):
    # "follow", "join", "emulate": the rules read these as another's act taken up, never as one of their own
    text = "Asked whether Japan would follow Washington's lead, the spokesman said its stance was unchanged."
    assert not [e for e in _events(pipeline, text, "2021-12-07") if e.evidence.rule.startswith("learned.")]


@pytest.mark.slow
def test_a_verb_whose_subject_names_no_actor_is_never_a_learned_trigger(pipeline):
    text = "Helicopters ferried food and medicine to Bangladesh on Saturday."
    assert not [e for e in _events(pipeline, text, "2003-05-10") if e.evidence.rule.startswith("learned.")]


def test_a_verb_naming_a_right_or_plan_of_a_noun_is_no_candidate():
    # "Iran's right to enrich uranium": the enriching is a right named, not an act the sentence tells
    right = [
        ("Iran", "Iran", "PROPN", "NNP", "poss", 2),
        ("'s", "'s", "PART", "POS", "case", 0),
        ("right", "right", "NOUN", "NN", "ROOT", 2),
        ("to", "to", "PART", "TO", "aux", 4),
        ("enrich", "enrich", "VERB", "VB", "acl", 2),
        ("uranium", "uranium", "NOUN", "NN", "dobj", 4),
    ]
    told = [
        ("Iran", "Iran", "PROPN", "NNP", "nsubj", 1),
        ("enriched", "enrich", "VERB", "VBD", "ROOT", 1),
        ("uranium", "uranium", "NOUN", "NN", "dobj", 1),
    ]
    assert not candidate(Tree(parsed(right, {0: "IRN"}).tokens), 4)
    assert candidate(Tree(parsed(told, {0: "IRN"}).tokens), 1)


def test_the_shipped_model_speaks_cameo():
    model = TriggerModel.load()
    codebook = Codebook.load()
    assert model.classes == (NONE, *(f"{n:02d}" for n in range(1, 21)))
    assert 0.5 <= model.threshold < 1.0  # never fires on a verb it thinks more likely to tell nothing
    for key, code in model.codes.items():
        assert code in codebook.entries, key
        assert code[:2] == key.split()[-1], key  # a lemma's code stays inside the root the model chose
    assert all(0 <= c < len(model.classes) for row in model.weights.values() for c in row)


def test_training_is_deterministic_and_its_file_loads_as_the_model():
    build = _build_module()
    rows = [
        {"case": f"b{n % 3}-{n}", "features": ["b", "l=ferry", "ss=MIL"], "label": "07"} for n in range(6)
    ] + [{"case": f"b{n % 3}-x{n}", "features": ["b", "l=weigh", "ss=GOV"], "label": NONE} for n in range(6)]
    first, second = build.train(rows, steps=50), build.train(rows, steps=50)
    assert first == second
    text = build.model_file(first[0], 0.6, [["ferry", "07", "073"], ["fly", "07", "0731"]], "test rows")
    raw = json.loads(text)
    assert raw["threshold"] == 0.6 and raw["codes"] == {"07": "073", "fly 07": "0731"}
    model = TriggerModel.from_json(text)
    assert model.root(["b", "l=ferry", "ss=MIL"])[0] == "07"
    assert model.code("ferry", "07") == "073" and model.code("fly", "07") == "0731"
