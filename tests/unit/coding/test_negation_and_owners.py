"""Acts the ledger must not count, and acts whose owner a participle hides (issue 11, from the blind batch
truth-zd): "neither ... nor" on the object, a noun act that is the doer of an expected passive, and a
decision noun whose infinitive comes after a participle set off by commas."""

from __future__ import annotations

import pytest
from handmade import facts

pytestmark = pytest.mark.slow

ACTORS = {
    "Kazakhstan": "KAZ", "Taiwan": "TWN", "Kosovo": "KSV", "Taipei": "TWNGOV", "Pristina": "KSVGOV",
    "Sao Tome": "STPGOV", "Beijing": "CHNGOV", "Rabat": "MARGOV", "Pretoria": "ZAFGOV",
    "Sahrawi republic": "ESH", "Jammeh": "GMBGOV", "China": "CHN",
}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan recognises neither Taiwan nor Kosovo, its president said on Friday.",
        "Kazakhstan has diplomatic relations with neither Taipei nor Pristina.",
    ],
)
def test_neither_nor_on_the_other_party_negates_the_act(coded, text):
    events = coded(text, ACTORS)
    assert len(events) == 2 and not [e for e in events if e.counted]
    assert all(e.negated for e in events)


def test_an_act_that_is_the_doer_of_an_expected_passive_is_only_expected(coded):
    events = coded("The break is expected to be followed by Sao Tome's recognition of Beijing.", ACTORS)
    assert facts(events) == [("STPGOV", "CHNGOV", "054")] and not events[0].counted


def test_an_act_done_is_still_counted_as_the_doer_of_a_told_passive(coded):
    events = coded("The break was followed by Sao Tome's recognition of Beijing.", ACTORS)
    assert facts(events, counted=True) == [("STPGOV", "CHNGOV", "054")]


def test_a_decision_s_infinitive_after_a_participle_aside_is_the_decision_owner_s_act(coded):
    events = coded(
        "Rabat recalled its ambassador on Monday in response to Pretoria's decision, announced by the "
        "president on Sunday, to grant full recognition to the Sahrawi republic.",
        ACTORS,
    )
    recognitions = [f for f in facts(events, counted=True) if f[2] == "054"]
    assert recognitions == [("ZAFGOV", "ESH", "054")]  # never Rabat's


def test_a_headline_infinitive_hung_on_the_name_before_it_is_a_plan(coded):
    events = coded(
        "Kiribati To Cut Ties With Taiwan, Switch Recognition To China", {"Kiribati": "KIR", **ACTORS}
    )
    assert events and not [e for e in events if e.counted]


def test_a_switch_that_names_no_new_partner_never_borrows_the_state_it_leaves(coded):
    events = coded(
        "Kiribati, the latest state to cut ties with Taiwan, said on Friday it was switching recognition.",
        {"Kiribati": "KIR", **ACTORS},
    )
    assert not [e for e in events if e.cameo == "054" and e.target is not None]
    assert ("KIR", "TWN", "161") in facts(events, counted=True)
