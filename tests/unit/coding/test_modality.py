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
        ("China said it would recognise the Taliban.", ("CHN", "AFGGOV", "032", False, "intended", False)),
        ("India plans to recognise the Taliban.", ("IND", "AFGGOV", "032", False, "intended", False)),
        ("Pakistan has yet to recognise the Taliban.", ("PAK", "AFGGOV", "054", True, "asserted", False)),
        (
            "Neither Iran nor Turkey has recognised the Taliban.",
            ("IRN", "AFGGOV", "054", True, "asserted", False),
        ),
    ],
)
def test_negation_and_modality_of_a_recognition(coded, text, expected):
    events = summary(coded(text, ACTORS))
    assert expected in events and len(events) == len({e[:2] for e in events})


def test_will_not_recognise_until_is_negated_conditional_with_conditions(coded):
    events = coded(
        "China said it will not recognise the Taliban until an inclusive government is formed.", ACTORS
    )
    assert summary(events) == [("CHN", "AFGGOV", "054", True, "conditional", False)]
    assert events[0].detail == "conditions: until an inclusive government is formed"
    assert events[0].relation == "condition:conditional"


def test_will_recognise_only_if_is_a_conditional_intention(coded):
    events = coded("India will recognise the Taliban only if women can work.", ACTORS)
    assert summary(events) == [("IND", "AFGGOV", "032", False, "conditional", False)]
    assert "only if women can work" in events[0].detail


def test_refusal_to_recognise_sets_not_recognized(coded):
    events = coded("Pakistan refused to recognise the Taliban.", ACTORS)
    assert [e.relation for e in events] == ["recognition:not_recognized"]


def test_offer_to_mediate_is_an_uncounted_039(coded):
    events = coded("Qatar offered to mediate between Israel and Hamas.", ACTORS)
    assert summary(events) == [
        ("QAT", "ISR", "039", False, "intended", False),
        ("QAT", "PSEREB", "039", False, "intended", False),
    ]


def test_not_only_but_also_is_not_a_negation(coded):
    events = coded("Russia not only welcomed China but also recognised the Taliban.", ACTORS)
    assert all(not e.negated for e in events) and len(events) == 2


def test_every_event_obeys_the_counted_rule(coded):
    text = "Russia has not recognised the Taliban, but China may do so. Iran will recognise the Taliban."
    for event in coded(text, ACTORS):
        assert event.counted == (not event.negated and event.modality == "asserted")
