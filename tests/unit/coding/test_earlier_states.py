"""What the ledger may take from acts told as before the story (eighth session): an undated act in the past
perfect yields to the state the same article dates, a "since" span does not date a one-off act, and
coordinated negation reaches the conjunct."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

ACTORS = {
    "Sierra Leone": "SLE", "Kosovo": "KSV", "Freetown": "SLEGOV", "Honduras": "HND", "Beijing": "CHNGOV",
    "Taipei": "TWNGOV", "Nicaragua": "NIC",
}  # fmt: skip


def relations(events):
    return sorted((e.source.code, e.target.code if e.target else None, e.cameo, e.relation) for e in events)


def test_an_undated_past_perfect_act_yields_to_the_change_the_article_dates(coded):
    text = (
        "Sierra Leone has withdrawn its recognition of Kosovo, its foreign minister said on Monday. "
        "Freetown, which had recognised Kosovo long before, said a negotiated settlement was now needed."
    )
    found = relations(coded(text, ACTORS, date="2020-03-03"))
    assert ("SLE", "KSV", "161", "recognition:withdrawn") in found
    assert ("SLEGOV", "KSV", "054", None) in found  # coded, but no state on the publication day


def test_an_undated_past_perfect_act_alone_keeps_its_state(coded):
    text = "Freetown, which had recognised Kosovo long before, said a negotiated settlement was now needed."
    assert ("SLEGOV", "KSV", "054", "recognition:recognized") in relations(
        coded(text, ACTORS, date="2020-03-03")
    )


def test_since_does_not_date_a_one_off_act(coded):
    text = (
        "Honduras is the ninth government to transfer its recognition to Beijing since 2016; "
        "the previous one was Nicaragua, in December 2021."
    )
    [switch] = [e for e in coded(text, ACTORS, date="2023-03-26") if e.cameo == "054"]
    assert switch.date == "2023-03-26"  # the publication day, not 2016 nor Nicaragua's December 2021


def test_since_dates_a_state_that_holds_since_then(coded):
    [held] = coded("Honduras has recognised Taipei since 1941.", ACTORS, date="2021-12-12")
    assert held.date.startswith("1941")


def test_nor_negates_the_conjunct(coded):
    events = coded(
        "As of Wednesday, Honduras had not broken off relations with Taipei nor recognised Beijing.", ACTORS
    )
    recognition = [e for e in events if e.cameo == "054"]
    assert recognition and all(e.negated and not e.counted for e in recognition)


def test_what_held_in_the_years_a_recognition_ended_yields_to_it(coded):
    # twentieth session (truth-zze): "ending the 18 years in which Washington withheld recognition" told
    # the withholding on the day of the recognition that ended it, and the ledger kept the withholding
    actors = {"United States": "USA", "Washington": "USAGOV", "Angola": "AGO", "Luanda": "AGOGOV"}
    text = (
        "The United States recognised the government of Angola on Wednesday, ending the 18 years in which "
        "Washington withheld recognition from the administration in Luanda."
    )
    found = relations(coded(text, actors, date="1993-05-20"))
    assert ("USA", "AGO", "054", "recognition:recognized") in found
    assert ("USAGOV", "AGO", "054", None) in found  # not granted then, and no state beside the recognition


def test_the_clause_s_date_does_not_date_the_act_its_adjunct_names(coded):
    # twentieth session (truth-zze): "since 1955" dated the Soviet recognition the "despite" phrase names
    actors = {"Bonn": "DEUGOV", "Moscow": "RUSGOV", "the Soviet Union": "RUS", "East Germany": "DDR"}
    text = (
        "Bonn has kept diplomatic relations with Moscow since 1955 despite the Soviet Union's recognition "
        "of East Germany."
    )
    [recognition] = [e for e in coded(text, actors, date="1957-10-20") if e.cameo == "054"]
    assert recognition.date == "1957-10-20"  # told undated: the publication day, not 1955
