"""Patterns are well-formed data: unique ids, known codes, all 20 roots, and recognition never praise."""

from __future__ import annotations

from chancery.coding.codebook import Codebook
from chancery.coding.patterns import load_governors, load_patterns


def test_pattern_ids_are_unique_and_codes_exist():
    patterns = load_patterns()
    codebook = Codebook.load()
    assert len({p.id for p in patterns}) == len(patterns)
    for pattern in patterns:
        assert pattern.cameo in codebook.entries, pattern.id


def test_patterns_cover_all_twenty_roots():
    roots = {p.cameo[:2] for p in load_patterns()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_recognise_is_recognition_never_praise():
    # a bare "recognise" is 054 (PETRARCH2 put it under 051); only recognising a result or a winner ("as
    # president-elect") is an endorsement (051), and only with those objects. Recognising a state's
    # sovereignty over a territory is a recognition (054, as blind writers code it) whose ledger relation
    # is a position, never a recognition of the claimant's government
    endorsing = {"recog.result", "recog.winner"}
    claims = {"recog.claim", "recog.claim-noun"}
    for pattern in load_patterns():
        if pattern.id in claims:
            assert pattern.cameo == "054" and pattern.relation == "position:supports", pattern.id
        elif pattern.lemmas & {"recognise", "recognize"}:
            if pattern.id in endorsing:
                assert pattern.cameo == "051" and pattern.objects, pattern.id
            else:
                assert pattern.cameo == "054", pattern.id


def test_relation_hints_name_known_kinds_and_states():
    from chancery.records import RELATION_KINDS

    for pattern in load_patterns():
        if pattern.relation:
            kind, state = pattern.relation.split(":")
            assert state in RELATION_KINDS[kind], pattern.id


def test_also_patterns_exist():
    ids = {p.id for p in load_patterns()}
    for pattern in load_patterns():
        if pattern.also:
            assert pattern.also in ids


def test_governors_have_known_frames():
    frames = {
        "intent",
        "decision",
        "report",
        "hypothetical",
        "denial",
        "failure",
        "pending",
        "cessation",
        "command",
    }
    for governor in load_governors().values():
        assert governor.frame in frames and governor.frame_other in frames | {None}
