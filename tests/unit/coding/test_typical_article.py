"""The article the product is judged on codes fully: nested recognition, position, non-recognition,
ties, hosting and a statement of conditions (our own wording of the typical report)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

ARTICLE = (
    "China voiced support for Russia's decision to recognise the Taliban administration, which made "
    "Moscow the first government to take that step. China itself has not formally recognised the Taliban "
    'government but maintains ties with Kabul and hosts a Taliban-appointed ambassador. "We respect the '
    "sovereign choice of Russia,\" a foreign ministry spokesperson said at Monday's regular briefing. "
    "Beijing says Kabul must first reform, improve security and improve relations with its neighbours."
)


@pytest.fixture(scope="module")
def events(code):
    return code(ARTICLE, date="2025-07-04").events


def find(events, source, target, cameo, relation=None):
    found = [
        e
        for e in events
        if e.source.country == source
        and e.target is not None
        and e.target.country == target
        and e.cameo == cameo
        and (relation is None or e.relation == relation)
    ]
    assert len(found) == 1, [(e.source.code, e.target and e.target.code, e.cameo, e.relation) for e in events]
    return found[0]


def test_the_recognition_inside_the_support_phrase_is_counted(events):
    recognition = find(events, "RUS", "AFG", "054")
    assert recognition.counted and recognition.modality == "asserted"
    assert recognition.relation == "recognition:recognized"


def test_support_names_the_recognition_it_is_about(events):
    support = find(events, "CHN", "RUS", "051")
    recognition = find(events, "RUS", "AFG", "054")
    assert support.counted and support.relation == "position:supports"
    assert support.act == recognition.id
    assert support.detail.startswith("054")


def test_china_s_own_recognition_is_negated_and_keeps_its_hint(events):
    own = find(events, "CHN", "AFG", "054")
    assert own.negated and not own.counted
    assert own.relation == "recognition:recognized"  # the ledger reads it as not_recognized


def test_keeping_ties_is_active_relations(events):
    ties = find(events, "CHN", "AFG", "050", "diplomatic_relations:active")
    assert ties.counted


def test_hosting_the_ambassador_makes_china_the_host(events):
    hosting = find(events, "CHN", "AFG", "050", "representation:hosts_ambassador")
    assert hosting.counted and hosting.relation_subject == "source"


def test_the_conditions_are_a_counted_demand_listing_them(events):
    condition = next(e for e in events if e.relation == "condition:conditional")
    assert (condition.source.country, condition.target.country) == ("CHN", "AFG")
    assert condition.cameo.startswith("10") and condition.modality == "asserted" and condition.counted
    assert condition.detail == "conditions: reform; improve security; improve relations with its neighbours"


def test_a_nested_act_is_not_dated_by_the_statement_about_it(code):
    text = "On Monday China voiced support for Russia's decision to recognise the Taliban administration."
    coded = code(text, date="2025-07-04").events
    support = next(e for e in coded if e.cameo == "051")
    recognition = next(e for e in coded if e.cameo == "054")
    assert (support.date, support.date_basis) == ("2025-06-30", "relative")
    assert (recognition.date, recognition.date_basis) == ("2025-07-04", "publication")
