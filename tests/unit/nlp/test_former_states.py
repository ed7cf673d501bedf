"""States that no longer exist are actors of their own (thirteenth session, from the blind batch truth-ze,
whose Yugoslav stories had no actor): Yugoslavia (YUG, the former ISO code the blind writers use),
Czechoslovakia (CSK) and East Germany (DDR). The Soviet Union acts as Russia, its continuator (RUS: so the
blind writers code it, and Phoenix codes the Soviet leaders; twentieth session, which had coded it USR and
split one state's acts between two codes, "Moscow" and "Gorbachev" being RUS already)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Croatia signed an agreement with the Federal Republic of Yugoslavia on Friday.", "YUG"),
        ("The Soviet Union recognised Lithuania on Friday.", "RUS"),
        ("The USSR recognised Lithuania on Friday.", "RUS"),
        ("The Soviet government recognised Lithuania on Friday.", "RUS"),
        ("Czechoslovakia split on Friday.", "CSK"),
        ("East Germany opened its border on Friday.", "DDR"),
    ],
)
def test_a_former_state_is_an_actor(parse, text, code):
    parsed = parse(text, date="1992-06-01")
    assert code in {m.actor.country for m in parsed.mentions}


def test_a_former_yugoslav_republic_is_no_act_of_yugoslavia(parse):
    parsed = parse("Macedonia, a former Yugoslav republic, recognised Kosovo on Friday.", date="2008-10-10")
    assert "YUG" not in {m.actor.country for m in parsed.mentions}


def test_serbia_is_still_serbia(parse):
    parsed = parse("Serbia recalled its ambassador from Belgrade's neighbour on Friday.", date="2010-06-01")
    assert {m.actor.country for m in parsed.mentions} == {"SRB"}


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan, a former Soviet republic, recognised Kosovo on Friday.",
        "The two ex-Soviet neighbours signed a border treaty on Friday.",
        "Uzbekistan let US forces use its Soviet-era air bases on Friday.",
    ],
)
def test_what_once_was_soviet_is_no_act_of_the_soviet_state(parse, text):
    parsed = parse(text, date="2008-10-10")
    assert "RUS" not in {m.actor.country for m in parsed.mentions}
