"""Negation and modality through the real parse: what did not, may or should happen is never counted."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

ACTORS = {
    "Russia": "RUS", "China": "CHN", "Pakistan": "PAK", "Iran": "IRN", "India": "IND", "Taliban": "AFGGOV",
    "Qatar": "QAT", "Israel": "ISR", "Hamas": "PSEREB", "Turkey": "TUR", "Beijing": "CHNGOV",
}  # fmt: skip


def summary(events):
    return sorted(
        (e.source.code, e.target.code if e.target else None, e.cameo, e.negated, e.modality, e.counted)
        for e in events
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia recognised the Taliban.", ("RUS", "AFGGOV", "054", False, "asserted", True)),
        ("Russia has not recognised the Taliban.", ("RUS", "AFGGOV", "054", True, "asserted", False)),
        ("Pakistan refused to recognise the Taliban.", ("PAK", "AFGGOV", "120", False, "asserted", True)),
        (
            "Iran denied reports that it had recognised the Taliban.",
            ("IRN", "AFGGOV", "054", False, "denied", False),
        ),
        (
            "Analysts expect China to recognise the Taliban.",
            ("CHN", "AFGGOV", "054", False, "hypothetical", False),
        ),
        ("Would Beijing recognise the Taliban?", ("CHNGOV", "AFGGOV", "054", False, "hypothetical", False)),
        ("China may recognise the Taliban.", ("CHN", "AFGGOV", "054", False, "hypothetical", False)),
        ("China said it would recognise the Taliban.", ("CHN", "AFGGOV", "032", False, "asserted", True)),
        ("China said it would recognise the Taliban.", ("CHN", "AFGGOV", "054", False, "intended", False)),
        ("India plans to recognise the Taliban.", ("IND", "AFGGOV", "032", False, "asserted", True)),
        ("Pakistan refused to recognise the Taliban.", ("PAK", "AFGGOV", "054", True, "asserted", False)),
        ("India has no plans to recognise the Taliban.", ("IND", "AFGGOV", "054", True, "intended", False)),
        (
            "The visit does not mean that Pakistan recognises the Taliban.",
            ("PAK", "AFGGOV", "054", True, "asserted", False),
        ),
        (
            "Iran did not say that Pakistan had recognised the Taliban.",
            ("PAK", "AFGGOV", "054", False, "hypothetical", False),
        ),
        (
            "Turkey is expected to follow Russia in recognising the Taliban.",
            ("TUR", "AFGGOV", "054", False, "hypothetical", False),
        ),
        (
            "China recognised the Taliban without consulting Iran.",
            ("CHN", "IRN", "040", True, "asserted", False),
        ),
        ("Pakistan has yet to recognise the Taliban.", ("PAK", "AFGGOV", "054", True, "asserted", False)),
        (
            "Neither Iran nor Turkey has recognised the Taliban.",
            ("IRN", "AFGGOV", "054", True, "asserted", False),
        ),
    ],
)
def test_negation_and_modality_of_a_recognition(coded, text, expected):
    events = summary(coded(text, ACTORS))
    assert expected in events


def test_will_not_recognise_until_is_a_refusal_with_its_conditions(coded):
    events = coded(
        "China said it will not recognise the Taliban until an inclusive government is formed.", ACTORS
    )
    assert summary(events) == [
        ("CHN", "AFGGOV", "054", True, "conditional", False),
        ("CHN", "AFGGOV", "120", False, "asserted", True),
    ]
    refusal, act = sorted(events, key=lambda e: e.cameo, reverse=True)
    assert refusal.relation == "recognition:not_recognized"
    assert act.detail == "conditions: until an inclusive government is formed"
    assert act.relation == "condition:conditional"


def test_will_recognise_only_if_is_a_counted_statement_of_a_conditional_intention(coded):
    events = coded("India will recognise the Taliban only if women can work.", ACTORS)
    assert summary(events) == [
        ("IND", "AFGGOV", "032", False, "asserted", True),
        ("IND", "AFGGOV", "054", False, "conditional", False),
    ]
    statement = next(e for e in events if e.cameo == "032")
    assert "only if women can work" in statement.detail and statement.relation == "condition:conditional"
    assert next(e for e in events if e.cameo == "054").relation == "recognition:recognized"


def test_refusal_to_recognise_sets_not_recognized_and_keeps_the_negated_act(coded):
    events = coded("Pakistan refused to recognise the Taliban.", ACTORS)
    assert sorted((e.cameo, e.relation, e.counted) for e in events) == [
        ("054", "recognition:recognized", False),
        ("120", "recognition:not_recognized", True),
    ]


def test_offer_to_mediate_is_a_counted_039_and_an_uncounted_mediation(coded):
    events = coded("Qatar offered to mediate between Israel and Hamas.", ACTORS)
    assert summary(events) == [
        ("QAT", "ISR", "039", False, "asserted", True),
        ("QAT", "ISR", "045", False, "intended", False),
        ("QAT", "PSEREB", "039", False, "asserted", True),
        ("QAT", "PSEREB", "045", False, "intended", False),
    ]


def test_not_only_but_also_is_not_a_negation(coded):
    events = coded("Russia not only welcomed China but also recognised the Taliban.", ACTORS)
    assert all(not e.negated for e in events) and len(events) == 2


def test_every_event_obeys_the_counted_rule(coded):
    text = "Russia has not recognised the Taliban, but China may do so. Iran will recognise the Taliban."
    for event in coded(text, ACTORS):
        assert event.counted == (not event.negated and event.modality == "asserted")


@pytest.mark.parametrize(
    "text",
    [
        "Panama no longer recognises Taiwan.",
        "Panama stopped recognising Taiwan.",
        "Panama suspended its recognition of Taiwan.",
    ],
)
def test_a_recognition_that_ends_is_a_counted_withdrawal(coded, text):
    events = coded(text, {"Panama": "PAN", "Taiwan": "TWN"})
    assert [(e.cameo, e.relation, e.counted) for e in events] == [("161", "recognition:withdrawn", True)]


@pytest.mark.parametrize(
    "text",
    [
        "Under the arrangements, Israel was to recognise Kosovo.",
        "Serbia might reconsider if Israel went ahead with recognising Kosovo.",
        "Chinese recognition of Kosovo would depend on a deal with Serbia.",
    ],
)
def test_a_planned_or_conditional_recognition_is_not_counted(coded, text):
    events = coded(text, {"Israel": "ISR", "Kosovo": "KSV", "Serbia": "SRB", "Chinese": "CHN"})
    assert [e for e in events if e.cameo == "054"] and not [
        e for e in events if e.cameo == "054" and e.counted
    ]
