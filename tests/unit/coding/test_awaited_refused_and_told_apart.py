"""Acts that are awaited, refused, purposed or told apart (issue 11, from the blind batch truth-ze,
thirteenth session): an act in an "as soon as" or "when" clause of a future act is awaited, not done; a
refusal told in the future tense is made now; a purpose clause is no fact; ending years of frosty ties
is no break; a clause before a semicolon is not the complement of the verb after it; a gerund after
"after" tells an earlier act; an absolute "with" phrase names no partner."""

from __future__ import annotations

import pytest
from handmade import facts

pytestmark = pytest.mark.slow

ACTORS = {
    "Indonesia": "IDN", "Israel": "ISR", "Palestinian state": "PSE", "North Korea": "NKR", "Japan": "JPN",
    "Russia": "RUS", "Italy": "ITA", "Kyiv": "UKRGOV",
    "Bangladesh": "BGD", "India": "IND", "Hasina": "BGDGOV", "Thailand": "THA", "Saudi Arabia": "SAU",
    "Kuwait": "KWT", "Bahrain": "BHR", "Lebanon": "LBN", "Beirut": "LBNGOV", "Moscow": "RUSGOV",
    "Czech": "CZE", "Prague": "CZEGOV", "Somalia": "SOM", "Kenya": "KEN", "Cuba": "CUB",
    "United States": "USA", "Havana": "CUBGOV", "Washington": "USAGOV",
}  # fmt: skip


def test_an_act_awaited_as_soon_as_another_is_done_is_not_counted(coded):
    events = coded(
        "Indonesia will recognise Israel as soon as Israel recognises an independent Palestinian state.",
        ACTORS,
    )
    assert ("ISR", "PSE", "054") in facts(events, counted=False)
    assert ("ISR", "PSE", "054") not in facts(events, counted=True)
    assert ("IDN", "ISR", "032") in facts(events, counted=True)  # the stated intention is made


def test_an_act_told_when_a_future_act_waits_for_it_is_awaited(coded):
    events = coded("Italy will reopen its embassy in Kyiv when Russia recognises Ukraine's borders.", ACTORS)
    assert not [e for e in events if e.counted and e.source.code == "RUS"]


def test_two_acts_done_one_as_soon_as_the_other_are_both_facts(coded):
    events = coded("Bahrain recognised Israel as soon as Kuwait recognised it.", ACTORS)
    assert ("BHR", "ISR", "054") in facts(events, counted=True)


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        ("North Korea will reject any contact with Japan, Kim Yo Jong said on Tuesday.", ("NKR", "JPN")),
    ],
)
def test_a_refusal_told_in_the_future_tense_is_made_now(coded, text, refusal):
    events = coded(text, ACTORS)
    assert [f[:2] for f in facts(events, counted=True) if f[2].startswith("12")] == [refusal]
    assert not [e for e in events if e.counted and not e.cameo.startswith("12")]


def test_a_purpose_clause_tells_no_fact(coded):
    events = coded(
        "Bangladesh has asked India for the return of Hasina so that she can face trial in Dhaka.", ACTORS
    )
    assert not [e for e in events if e.counted and e.cameo.startswith("17")]


def test_ending_decades_of_frosty_ties_is_no_break(coded):
    assert not coded("Thailand ended three decades of frosty ties with Saudi Arabia.", ACTORS)
    assert facts(coded("Thailand ended its ties with Saudi Arabia.", ACTORS)) == [("THA", "SAU", "161")]


def test_following_others_in_one_act_does_not_lend_them_the_next(pipeline):
    from chancery.evaluate.gold_file import gold_article

    text = (
        "Kuwait followed Saudi Arabia and Bahrain in ordering Lebanon's top diplomat out and recalled "
        "its own ambassador from Beirut."
    )
    [article] = pipeline.code_many([gold_article(text, "2021-10-31")])
    # the three ordered Lebanon's envoy out (LBNGOV); only Kuwait recalled its ambassador from Beirut (LBN)
    assert facts(article.events, counted=True) == [
        ("BHR", "LBNGOV", "161"),
        ("KWT", "LBN", "161"),
        ("KWT", "LBNGOV", "161"),
        ("SAU", "LBNGOV", "161"),
    ]


def test_a_clause_before_a_semicolon_is_not_what_the_verb_after_it_denies(coded):
    events = coded(
        "Moscow ordered 20 Czech embassy staff to leave Russia on Sunday; the foreign ministry denied any "
        "role in the 2014 explosions.",
        ACTORS,
        date="2021-04-19",
    )
    [order] = [e for e in events if e.cameo.startswith("16")]
    assert order.counted and order.modality == "asserted"
    assert not order.date.startswith("2014")


def test_an_act_after_which_the_clause_s_act_came_yields_its_state(coded):
    events = coded(
        "Somalia restored diplomatic relations with Kenya on Thursday, five months after severing them.",
        ACTORS,
        date="2021-05-07",
    )
    states = {(e.source.code, e.target.code, e.relation) for e in events if e.relation}
    assert ("SOM", "KEN", "diplomatic_relations:active") in states
    assert not [s for s in states if s[2] == "diplomatic_relations:severed"]
    [cut] = [e for e in events if e.cameo == "161"]
    assert cut.counted  # the break happened: only its state gives way to the later one


def test_an_absolute_with_phrase_names_no_partner(coded):
    events = coded(
        "Cuba and the United States restored diplomatic relations on Monday, with the Cuban flag raised "
        "over Havana's embassy in Washington.",
        ACTORS,
    )
    assert facts(events, counted=True) == [("CUB", "USA", "050"), ("USA", "CUB", "050")]


def test_what_a_reader_takes_an_act_for_is_no_fact(coded):
    # from the sealed batch truth-zf, after its untouched score: the one false recognised state it found
    actors = {"Ankara": "TURGOV", "Sisi": "EGYGOV", "Egypt": "EGY"}
    read = coded("Commentators read the handshake as Ankara's belated recognition of Sisi.", actors)
    assert read and not [e for e in read if e.counted]
    done = coded("Ankara recognised Sisi as Egypt's legitimate leader.", actors)
    assert facts(done, counted=True) == [("TURGOV", "EGYGOV", "054")]
