"""Places: capitals, regions and cities named as places are their country, never a government or a source.

Also the phrases that look like an actor but are not one ("members of the United Nations") and the
sectors a place gives a role noun ("separatists in Donetsk").
"""

from __future__ import annotations

import pytest


def _found(parsed):
    return [(m.text, m.kind, m.actor.code) for m in parsed.mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kallas travelled to Kyiv on Friday.", ("Kyiv", "place", "UKR")),
        ("The envoy landed in Damascus after midnight.", ("Damascus", "place", "SYR")),
        ("The consulate in Herat was closed.", ("Herat", "place", "AFG")),
        ("Negotiators gathered in Geneva for a third round.", ("Geneva", "place", "CHE")),
    ],
)
def test_a_capital_region_or_city_after_a_locative_is_a_place_of_its_country(parse, text, expected):
    parsed = parse(text)
    place = next(m for m in parsed.mentions if m.kind == "place")
    assert (place.text, place.kind, place.actor.code) == expected
    assert (place.actor.country, place.actor.sector) == (expected[2], None)
    assert place.rule.startswith("place:")


def test_every_capital_in_a_recall_list_is_a_place(parse):
    parsed = parse("Israel withdrew its envoys from Madrid, Dublin and Oslo on Wednesday.")
    assert _found(parsed) == [
        ("Israel", "state", "ISR"),
        ("Madrid", "place", "ESP"),
        ("Dublin", "place", "IRL"),
        ("Oslo", "place", "NOR"),
    ]


def test_a_capital_that_acts_is_still_its_government(parse):
    parsed = parse("Moscow rejected the proposal after talks in Moscow.")
    assert _found(parsed) == [("Moscow", "capital", "RUSGOV"), ("Moscow", "place", "RUS")]


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW (PEN) - The talks were postponed.",
        "The fair in Athens, Georgia drew a record crowd.",
        "A Washington-based analyst disagreed.",
        "Turnout in Washington state was high.",
        "The delegates met in Victoria and later in Kingston.",
        "Settlers moved into homes in East Jerusalem.",
    ],
)
def test_datelines_modifiers_and_namesakes_give_no_place(parse, text):
    assert _found(parse(text)) == []


def test_a_place_is_never_the_owner_an_unnamed_spokesperson_speaks_for(parse):
    parsed = parse("Talks were held in Doha. The spokesperson said progress was made.")
    assert _found(parsed) == [("Doha", "place", "QAT")]


def test_members_of_the_united_nations_are_not_the_un_acting(parse):
    parsed = parse(
        "Nearly three quarters of the 193 members of the United Nations back the motion, "
        "and UN member states will vote on it after the UN publishes its report."
    )
    assert _found(parsed) == [("UN", "igo", "IGOUNO")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelling hit separatists in Donetsk overnight.", ("separatists in Donetsk", "UKRREB")),
        ("Aid reached civilians in Gaza on Sunday.", ("civilians in Gaza", "PSECVL")),
        (
            "Moscow backs breakaway regions in eastern Ukraine.",
            ("breakaway regions in eastern Ukraine", "UKRREB"),
        ),
        ("Donetsk separatists shelled the town.", ("Donetsk separatists", "UKRREB")),
        ("Buses carried refugees from Syria home.", ("refugees from Syria", "SYRREF")),
        ("The envoy met officials from Beijing.", ("officials from Beijing", "CHNGOV")),
    ],
)
def test_rebels_and_civilians_in_a_place_and_refugees_from_it_belong_to_its_country(parse, text, expected):
    parsed = parse(text)
    assert expected in [(m.text, m.actor.code) for m in parsed.mentions]


def test_protesters_troops_and_refugees_in_a_place_need_not_be_its_own(parse):
    parsed = parse("Protesters in Nairobi marched while troops in Mali and refugees in Jordan waited.")
    assert _found(parsed) == [
        ("Nairobi", "place", "KEN"),
        ("Mali", "state", "MLI"),
        ("Jordan", "state", "JOR"),
    ]


def test_a_place_is_no_source_of_an_event(code):
    coded = code("The Afghan foreign minister visited Tehran on Sunday.")
    assert coded.events
    # Iran acts only as the host of the visit, the converse of the visit to the place it names
    for event in coded.events:
        assert event.source.code[:3] != "IRN" or "converse-of:042" in event.evidence.notes


def test_the_donetsk_and_luhansk_republics_are_ukrainian_rebels_and_dpr_korea_is_north_korea(parse):
    parsed = parse(
        "Moscow recognised the Donetsk and Luhansk republics; the LPR thanked it, and DPR Korea followed.",
        date="2022-07-13",
    )
    assert [(m.text, m.actor.code) for m in parsed.mentions] == [
        ("Moscow", "RUSGOV"),
        ("Donetsk and Luhansk republics", "UKRREB"),
        ("LPR", "UKRREB"),
        ("DPR Korea", "PRK"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Authorities in Srinagar imposed a curfew on Saturday.", ("Authorities in Srinagar", "INDGOV")),
        ("Police in Johannesburg dispersed the crowd.", ("Police in Johannesburg", "ZAFCOP")),
    ],
)
def test_the_authorities_and_police_of_a_compiled_city_are_its_states(parse, text, expected):
    # Srinagar and Johannesburg are in no hand-kept table: build_places.py compiles them from Phoenix
    parsed = parse(text)
    assert expected in [(m.text, m.actor.code) for m in parsed.mentions]


def test_a_compiled_place_gives_a_role_its_state_only_where_the_parser_reads_a_place(parse):
    # "Houston" is a Phoenix place too; inside a person's name it is none
    parsed = parse("Police in Maiduguri dispersed the crowd while Whitney Houston sang.")
    assert ("Police in Maiduguri", "NGACOP") in [(m.text, m.actor.code) for m in parsed.mentions]
    assert not any("Houston" in m.text for m in parsed.mentions)


def test_a_compiled_place_is_no_place_of_its_own(parse):
    # an act done near a city Phoenix lists ("the border with Zaire") must not take it as its target
    parsed = parse("Rebels seized the town of Maiduguri on Friday.")
    assert not any(m.text == "Maiduguri" for m in parsed.mentions)


def test_a_compiled_city_in_the_dateline_is_the_story_s_home(code):
    coded = code("Police arrested 20 protesters on Tuesday.", place="SRINAGAR")
    assert [(e.source.code, e.cameo) for e in coded.events] == [("INDCOP", "173")]
