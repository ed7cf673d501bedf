"""The rules that turn one report into a relation claim, or into none (pure functions, no database)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from ledger_factory import coded

from chancery.ledger.relations import claim_of, derive_relations
from chancery.ledger.reports import Report, party, party_matches
from chancery.records import Actor


def _report(**event) -> Report:
    spec = {"source": "TURGOV", "target": "AFGGOV", "relation": "recognition:recognized", **event}
    article = coded("Ankara weighed its stance on the Taliban administration.", events=(spec,))
    return Report(article.events[0], article.article.text, article.article.publisher, article.article.date)


def test_a_counted_event_gives_its_hinted_state():
    claim = claim_of(_report(relation="representation:expelled", cameo="166"))
    assert (claim.kind, claim.state, claim.rule) == ("representation", "expelled", "counted-hint")


def test_a_negated_asserted_recognition_gives_not_recognized():
    claim = claim_of(_report(negated=True))
    assert (claim.kind, claim.state, claim.rule) == ("recognition", "not_recognized", "negated-recognition")


def test_a_conditional_event_with_a_condition_hint_gives_a_condition():
    claim = claim_of(
        _report(modality="conditional", relation="condition:conditional", detail="free elections")
    )
    assert (claim.kind, claim.state, claim.rule) == ("condition", "conditional", "stated-condition")


def test_a_negated_conditional_event_still_states_its_conditions():
    # "will not recognise X until ...": the refusal is the statement, its conditions a condition
    claim = claim_of(
        _report(negated=True, modality="conditional", relation="condition:conditional", detail="elections")
    )
    assert (claim.kind, claim.state) == ("condition", "conditional")


@pytest.mark.parametrize(
    "event",
    [
        {"modality": "intended"},  # "Turkey plans to recognise..." is not a recognition
        {"modality": "requested"},
        {"modality": "hypothetical"},
        {"modality": "denied"},
        {"modality": "conditional"},  # a conditional recognition is a condition only when hinted so
        {"negated": True, "relation": "diplomatic_relations:active"},  # only recognition has a negated rule
        {"negated": True, "modality": "intended"},
        {"relation": "recognition:adored"},  # a state the kind does not have
        {"relation": "friendship:close"},  # a kind the ledger does not have
        {"relation": None},
        {"target": None},
    ],
)
def test_other_events_give_no_claim(event):
    assert claim_of(_report(**event)) is None


def test_a_state_and_its_government_are_one_party_other_sectors_are_not():
    assert party(Actor("Russia", "RUS", "RUS")) == party(Actor("Moscow", "RUSGOV", "RUS", "GOV")) == "RUS"
    assert party(Actor("Taliban", "AFGREB", "AFG", "REB")) == "AFGREB"
    assert party(Actor("UN", "IGOUNO")) == "IGOUNO"


def test_a_code_prefix_selects_a_party_through_any_of_its_codes():
    assert party_matches("RUS", "RUSGOV") and party_matches("RUS", "rus") and party_matches("RUS", "RUSG")
    assert not party_matches("RUS", "RUSMIL")
    assert not party_matches("AFGREB", "AFGGOV")


def test_evidence_names_the_quote_behind_an_event():
    report = _report()
    quoted = replace(report, event=replace(report.event, quote_id="q-1"))
    assert quoted.evidence().quote_id == "q-1"
    assert report.evidence().quote_id is None


def test_changed_conditions_open_a_new_interval_and_close_the_old_one():
    def condition(detail, day):
        article = coded(
            f"The bloc set out its terms for dealing with Kabul ({day}).",
            events=(
                {
                    "source": "IGOEUREEC",
                    "relation": "condition:conditional",
                    "modality": "conditional",
                    "cameo": "030",
                    "detail": detail,
                    "date": day,
                },
            ),
        )
        return Report(article.events[0], article.article.text, "Brussels Note", day)

    first, second = derive_relations(
        [
            condition("respect human rights", "2021-09-03"),
            condition("Respect  human rights", "2022-01-10"),  # the same terms, written differently
            condition("respect human rights; reopen girls' schools", "2023-03-01"),
        ]
    )
    assert (first.detail, first.since, first.until, len(first.evidence)) == (
        "respect human rights",
        "2021-09-03",
        "2023-03-01",
        2,
    )
    assert (second.detail, second.since, second.until) == (
        "respect human rights; reopen girls' schools",
        "2023-03-01",
        None,
    )


def test_an_event_naming_its_target_as_subject_gives_the_relation_from_the_target():
    # "China appointed an ambassador to Kabul": the event runs CHN → AFG, but Kabul hosts the envoy.
    report = _report(source="CHNGOV", relation="representation:hosts_ambassador", cameo="050")
    event = replace(report.event, relation_subject="target")
    (relation,) = derive_relations([replace(report, event=event)])
    assert (relation.subject.code, relation.object.code) == ("AFG", "CHN")  # states, not governments
    assert relation.state == "hosts_ambassador"


def test_taipei_breaking_with_an_ally_ends_the_ally_s_recognition_of_taipei():
    # "Taiwan said it had ended diplomatic relations with Honduras" (Taipei breaks first when an ally
    # switches to Beijing): Taipei's relations are severed, and Honduras no longer recognises it
    report = _report(source="TWNGOV", target="HNDGOV", relation="diplomatic_relations:severed", cameo="161")
    states = {(r.subject.code, r.object.code, r.kind, r.state, r.rule) for r in derive_relations([report])}
    assert states == {
        ("TWN", "HND", "diplomatic_relations", "severed", "counted-hint"),
        ("HND", "TWN", "recognition", "withdrawn", "relations-with-taipei"),
    }


def test_a_break_between_two_other_states_ends_no_recognition():
    report = _report(source="SAUGOV", target="IRNGOV", relation="diplomatic_relations:severed", cameo="161")
    assert [r.kind for r in derive_relations([report])] == ["diplomatic_relations"]


def _dated(day: str, **event) -> Report:
    article = coded("Khartoum and Cairo traded envoys.", events=({**event, "date": day},), date=day)
    return Report(article.events[0], article.article.text, article.article.publisher, article.article.date)


def test_an_ambassador_back_at_his_post_ends_his_state_s_recall_and_states_nothing_else():
    # "Sudan recalled its ambassador from Cairo" (January), then "Sudan's ambassador returned to his post in
    # Cairo" (March): Egypt hosts him again, and Sudan's recall is over
    recall = _dated(
        "2018-01-04", source="SDNGOV", target="EGY", cameo="161", relation="representation:recalled"
    )
    back = _dated(
        "2018-03-05", source="SDNGOV", target="EGY", cameo="050", relation="representation:hosts_ambassador"
    )
    back = replace(back, event=replace(back.event, relation_subject="target"))
    states = {
        (r.subject.code, r.object.code, r.state, r.since, r.until) for r in derive_relations([recall, back])
    }
    assert states == {
        ("SDN", "EGY", "recalled", "2018-01-04", "2018-03-05"),
        ("EGY", "SDN", "hosts_ambassador", "2018-03-05", None),
    }


def test_a_recall_after_the_ambassador_s_return_holds_again():
    back = _dated(
        "2018-03-05", source="SDNGOV", target="EGY", cameo="050", relation="representation:hosts_ambassador"
    )
    back = replace(back, event=replace(back.event, relation_subject="target"))
    recall = _dated(
        "2018-06-01", source="SDNGOV", target="EGY", cameo="161", relation="representation:recalled"
    )
    recalled = [r for r in derive_relations([back, recall]) if r.state == "recalled"]
    assert [(r.since, r.until) for r in recalled] == [("2018-06-01", None)]


def test_an_ambassador_back_ends_no_hosting_of_the_other_side_s_envoy():
    # Kabul hosts China's ambassador; later China hosts Kabul's: the two hostings stand side by side
    kabul_hosts = _dated(
        "2024-01-30",
        source="AFGGOV",
        target="CHNGOV",
        cameo="050",
        relation="representation:hosts_ambassador",
    )
    beijing_hosts = _dated(
        "2024-02-01", source="AFGGOV", target="CHN", cameo="050", relation="representation:hosts_ambassador"
    )
    beijing_hosts = replace(beijing_hosts, event=replace(beijing_hosts.event, relation_subject="target"))
    states = {
        (r.subject.code, r.object.code, r.state, r.until)
        for r in derive_relations([kabul_hosts, beijing_hosts])
    }
    assert states == {("AFG", "CHN", "hosts_ambassador", None), ("CHN", "AFG", "hosts_ambassador", None)}
