"""Arguments from the dependency parse: passives, coordination, control, relative clauses, nominal agents."""

from __future__ import annotations

from handmade import CONTROL, NESTED, PASSIVE, RELATIVE, parsed

from chancery.coding.structure import Tree


def test_passive_subject_is_the_by_agent_and_the_patient_is_the_object():
    tree = Tree(parsed(PASSIVE, {}).tokens)
    subjects, how = tree.subjects(4)
    assert subjects == [6] and how.endswith("passive-agent")
    assert tree.objects(4) == [2]


def test_coordinated_subjects_all_act():
    tree = Tree(parsed(CONTROL, {}).tokens)
    assert tree.subjects(3) == ([0, 2], "subject")


def test_object_controls_the_infinitive_of_an_appeal():
    tree = Tree(parsed(CONTROL, {}).tokens)
    assert tree.subjects(6) == ([4], "object-control")


def test_possessor_of_an_act_noun_is_the_agent_of_its_clause():
    tree = Tree(parsed(NESTED, {}).tokens)
    assert tree.subjects(8) == ([4], "possessive-agent")


def test_light_verb_lends_its_subject_to_the_nominalisation():
    tree = Tree(parsed(NESTED, {}).tokens)
    agents, how = tree.noun_agent(2)
    assert agents == [0] and how.startswith("light-verb")


def test_relative_pronoun_subject_is_the_head_noun():
    tree = Tree(parsed(RELATIVE, {}).tokens)
    subjects, how = tree.subjects(3)
    assert subjects == [0] and how.endswith("relative-pronoun")


def test_verb_without_any_subject_has_none():
    rows = [
        ("Recognise", "recognise", "VERB", "VB", "ROOT", 0),
        ("Israel", "Israel", "PROPN", "NNP", "dobj", 0),
    ]
    assert Tree(parsed(rows, {}).tokens).subjects(0) == ([], "no-subject")
