"""Coups, declarations and the place an act is done in (issues 11 and 12, sixteenth session, after the
third sealed pair): soldiers who seize power in a place are that state's army, and "the seizure of power"
takes that act up as "the coup" does; recognising a declaration of independence proclaimed by a state is
recognising that state; an act is done in the place its own phrase names, not the first place its sentence
names ("ministers meeting in Conakry demanded that the soldiers who seized power in Sierra Leone ...")."""

from __future__ import annotations

import pytest
from handmade import coded, roots

pytestmark = pytest.mark.slow


def test_soldiers_who_seize_power_in_a_state_are_its_army(pipeline):
    found = roots(pipeline, "Soldiers seized power in Gabon early on Wednesday.", "2023-08-30", count=True)
    assert ("GAB", "GAB", "17") in found


def test_the_seizure_of_power_is_taken_up_as_the_coup_is(pipeline):
    text = "Soldiers seized power in Gabon on Wednesday. The African Union condemned the seizure of power."
    positions = [e for e in coded(pipeline, text, "2023-08-30") if e.cameo.startswith("11") and e.counted]
    assert positions and all(e.target and e.target.code.startswith("GAB") for e in positions)


def test_a_declaration_proclaimed_by_a_state_is_that_states_recognition(pipeline):
    text = "Serbia will never recognise the declaration of independence proclaimed by Kosovo's assembly."
    events = coded(pipeline, text, "2008-02-18")
    recognitions = [e for e in events if e.cameo == "054"]
    assert recognitions and all(e.target and e.target.code.startswith("KSV") for e in recognitions)
    assert not [e for e in recognitions if e.counted]


def test_an_act_is_done_in_the_place_its_own_phrase_names(pipeline):
    text = (
        "West African ministers meeting in Abuja demanded on Thursday that the soldiers who seized power "
        "in Niger release the president."
    )
    found = roots(pipeline, text, "2023-08-03", count=True)
    assert ("NER", "NER", "17") in found
    assert not [f for f in found if f[0] == "NGA" or f[1] == "NGA"]
