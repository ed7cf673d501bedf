"""Relation states from stored events: which rule gives which state, and what holds as of a date."""

from __future__ import annotations

import pytest
from ledger_factory import coded


def report(sentence, source, target, cameo, relation, date, publisher, *, lead=None, **event):
    """A one-event article; with ``lead`` the event sits in the second sentence."""
    sentences = (lead, sentence) if lead else (sentence,)
    spec = {"source": source, "target": target, "cameo": cameo, "relation": relation, "date": date, **event}
    if lead:
        spec["sentence"] = 1
    return coded(*sentences, events=(spec,), date=date, publisher=publisher)


RUSSIA_RECOGNISES = report(
    "Russia has become the first country to formally recognise the Taliban government.",
    "RUSGOV", "AFGGOV", "054", "recognition:recognized", "2025-07-03", "Tass Wire",
    lead="MOSCOW, July 3 - The foreign ministry announced a change of policy.",
)  # fmt: skip
RUSSIA_AGAIN = report(
    "Russia's recognition of the Islamic Emirate took effect when it accepted a new ambassador.",
    "RUS", "AFGGOV", "054", "recognition:recognized", "2025-07-04", "Interfax Desk",
)  # fmt: skip
CHINA_HAS_NOT = report(
    "China has not formally recognised the Taliban administration, its spokesperson said.",
    "CHNGOV", "AFGGOV", "054", "recognition:recognized", "2025-07-04", "Xinhua Desk", negated=True,
)  # fmt: skip
KAZAKHSTAN_MIGHT = report(
    "Kazakhstan could follow Moscow's lead and recognise the Taliban, analysts said.",
    "KAZGOV", "AFGGOV", "054", "recognition:recognized", "2025-07-04", "Steppe News", modality="hypothetical",
)  # fmt: skip
MOSCOW_AND_THE_MOVEMENT = report(
    "Moscow does not recognise the Taliban movement, which it still lists as banned.",
    "RUSGOV", "AFGREB", "054", "recognition:recognized", "2019-02-05", "Tass Wire", negated=True,
)  # fmt: skip

SAUDI_CUTS_TIES = report(
    "Saudi Arabia severed diplomatic relations with Iran after protesters stormed its embassy in Tehran.",
    "SAUGOV", "IRNGOV", "161", "diplomatic_relations:severed", "2016-01-03", "Gulf Wire",
)  # fmt: skip
SAUDI_STILL_CUT = report(
    "Riyadh kept its embassy in Tehran shut for a second year.",
    "SAUGOV", "IRNGOV", "161", "diplomatic_relations:severed", "2017-06-01", "Levant Daily",
)  # fmt: skip
SAUDI_RESTORES = report(
    "Saudi Arabia and Iran agreed in Beijing to restore diplomatic relations and reopen embassies.",
    "SAUGOV", "IRNGOV", "050", "diplomatic_relations:active", "2023-03-10", "Gulf Wire",
)  # fmt: skip

CHINA_ACCEPTS_ENVOY = report(
    "President Xi accepted the credentials of the ambassador sent by the Taliban government.",
    "CHNGOV", "AFGGOV", "043", "representation:hosts_ambassador", "2024-01-30", "Xinhua Desk",
)  # fmt: skip

JERUSALEM = "decision to recognise Jerusalem as Israel's capital"
GUATEMALA_BACKS = report(
    "Guatemala's president praised the American decision to recognise Jerusalem as Israel's capital.",
    "GTMGOV", "USAGOV", "051", "position:supports", "2017-12-07", "Central Wire", detail=JERUSALEM,
)  # fmt: skip
FRANCE_CONDEMNS = report(
    "France condemned Washington's decision to recognise Jerusalem as Israel's capital.",
    "FRAGOV", "USAGOV", "111", "position:opposes", "2017-12-07", "Paris Bulletin", detail=JERUSALEM,
)  # fmt: skip
FRANCE_WELCOMES = report(
    "Paris welcomed the American decision to rejoin the climate accord.",
    "FRAGOV", "USAGOV", "051", "position:supports", "2021-01-20", "Paris Bulletin",
    detail="decision to rejoin the Paris climate agreement",
)  # fmt: skip

EU_CONDITIONS = report(
    "The EU would only deal with a Taliban government that respects human rights and includes all groups.",
    "IGOEUREEC", "AFGGOV", "030", "condition:conditional", "2021-09-03", "Brussels Note",
    modality="conditional", detail="respect human rights; form an inclusive government",
)  # fmt: skip

HONDURAS_WITH_TAIPEI = report(
    "Honduras reaffirmed its recognition of Taiwan during a visit by the island's president.",
    "HNDGOV", "TWNGOV", "054", "recognition:recognized", "2019-06-10", "Isthmus Post",
)  # fmt: skip
HONDURAS_SWITCHES = report(
    "Honduras withdrew its recognition of Taiwan and established ties with Beijing.",
    "HNDGOV", "TWNGOV", "161", "recognition:withdrawn", "2023-03-26", "Isthmus Post",
)  # fmt: skip

ALL = (
    RUSSIA_RECOGNISES, RUSSIA_AGAIN, CHINA_HAS_NOT, KAZAKHSTAN_MIGHT, MOSCOW_AND_THE_MOVEMENT,
    SAUDI_CUTS_TIES, SAUDI_STILL_CUT, SAUDI_RESTORES, CHINA_ACCEPTS_ENVOY, GUATEMALA_BACKS,
    FRANCE_CONDEMNS, FRANCE_WELCOMES, EU_CONDITIONS, HONDURAS_WITH_TAIPEI, HONDURAS_SWITCHES,
)  # fmt: skip


@pytest.fixture
def stocked(ledger):
    for article in ALL:
        assert ledger.store(article)
    return ledger


def states(relations):
    return [(r.subject.code, r.kind, r.state, r.object.code, r.since, r.until) for r in relations]


def test_recognition_holds_from_its_date_and_not_before(stocked):
    assert stocked.relations(kind="recognition", object="AFGGOV", as_of="2025-07-02") == []
    held = stocked.relations(kind="recognition", subject="RUS", object="AFGGOV", as_of="2025-07-03")
    assert states(held) == [("RUS", "recognition", "recognized", "AFG", "2025-07-03", None)]
    assert held[0].rule == "counted-hint"


def test_a_state_and_its_government_report_on_one_timeline(stocked):
    # "Russia" (RUS) and "Moscow" (RUSGOV) are one party: the second report extends the evidence.
    (held,) = stocked.relations(kind="recognition", subject="RUS", object="AFGGOV")
    assert (held.since, held.until) == ("2025-07-03", None)
    assert [e.publisher for e in held.evidence] == ["Tass Wire", "Interfax Desk"]


def test_the_insurgency_and_the_government_are_different_parties(stocked):
    movement = stocked.relations(kind="recognition", object="AFGREB")
    assert states(movement) == [("RUS", "recognition", "not_recognized", "AFGREB", "2019-02-05", None)]
    assert stocked.relations(kind="recognition", subject="RUS", object="AFGGOV", as_of="2020-01-01") == []


def test_a_negated_recognition_gives_not_recognized(stocked):
    (refusal,) = stocked.relations(kind="recognition", subject="CHN", as_of="2025-07-05")
    assert (refusal.state, refusal.rule) == ("not_recognized", "negated-recognition")


def test_a_hypothetical_recognition_gives_no_state(stocked):
    assert stocked.relations(actor="KAZ") == []


def test_relations_severed_then_restored_across_years(stocked):
    def on(day):
        return [r.state for r in stocked.relations(subject="SAU", object="IRN", as_of=day)]

    assert on("2015-12-31") == []
    assert on("2016-01-03") == ["severed"]
    assert on("2020-05-05") == ["severed"]
    assert on("2023-03-09") == ["severed"]
    assert on("2023-03-10") == ["active"]
    assert on("2026-01-01") == ["active"]
    severed, active = stocked.relations(subject="SAU", object="IRN")
    assert (severed.since, severed.until, active.since, active.until) == (
        "2016-01-03",
        "2023-03-10",
        "2023-03-10",
        None,
    )
    # The 2017 report repeats the state: more evidence, not a new interval.
    assert [e.date for e in severed.evidence] == ["2016-01-03", "2017-06-01"]


def test_an_accepted_envoy(stocked):
    assert stocked.relations(kind="representation", as_of="2024-01-29") == []
    assert states(stocked.relations(kind="representation", as_of="2024-02-01")) == [
        ("CHN", "representation", "hosts_ambassador", "AFG", "2024-01-30", None)
    ]


def test_a_decision_backed_by_one_state_and_condemned_by_another(stocked):
    found = stocked.relations(kind="position", object="USA", as_of="2017-12-08")
    assert [(r.subject.code, r.state, r.detail) for r in found] == [
        ("FRA", "opposes", JERUSALEM),
        ("GTM", "supports", JERUSALEM),
    ]


def test_positions_on_different_acts_do_not_close_each_other(stocked):
    found = stocked.relations(kind="position", subject="FRA", as_of="2021-02-01")
    assert sorted((r.state, r.since, r.until) for r in found) == [
        ("opposes", "2017-12-07", None),
        ("supports", "2021-01-20", None),
    ]


def test_stated_conditions_are_a_condition_relation_listing_them(stocked):
    (condition,) = stocked.relations(kind="condition")
    assert (condition.subject.code, condition.state, condition.object.code) == (
        "IGOEUREEC",
        "conditional",
        "AFG",
    )
    assert condition.detail == "respect human rights; form an inclusive government"
    assert condition.rule == "stated-condition"


def test_recognition_withdrawn_closes_the_earlier_recognition(stocked):
    recognised, withdrawn = stocked.relations(subject="HND", kind="recognition")
    assert (recognised.state, recognised.since, recognised.until) == (
        "recognized",
        "2019-06-10",
        "2023-03-26",
    )
    assert (withdrawn.state, withdrawn.since) == ("withdrawn", "2023-03-26")
    assert [r.state for r in stocked.relations(subject="HND", as_of="2022-12-31")] == ["recognized"]


def test_evidence_is_the_sentence_of_each_report_with_its_source(stocked):
    (held,) = stocked.relations(kind="recognition", subject="RUS", object="AFGGOV")
    first = held.evidence[0]
    event = RUSSIA_RECOGNISES.events[0]
    # The event sits in the second sentence: the evidence quotes that sentence, not the dateline.
    assert first.text == "Russia has become the first country to formally recognise the Taliban government."
    assert (first.article_id, first.event_id, first.date, first.publisher) == (
        event.article_id,
        event.id,
        "2025-07-03",
        "Tass Wire",
    )


def test_actor_filter_matches_subject_or_object(stocked):
    assert {r.subject.code for r in stocked.relations(actor="AFG")} == {"RUS", "CHN", "IGOEUREEC"}
    assert {r.kind for r in stocked.relations(actor="USA")} == {"position"}
    assert {(r.subject.code, r.object.code) for r in stocked.relations(actor="IRN")} == {("SAU", "IRN")}


def test_recognition_summary_as_of_a_date(stocked):
    summary = stocked.recognition_summary("AFGGOV", "2025-07-05")
    assert summary["recognized_by_states"] == 1
    assert [e["subject"]["code"] for e in summary["recognized_by"]] == ["RUS"]
    assert summary["recognized_by"][0]["since"] == "2025-07-03"
    assert len(summary["recognized_by"][0]["evidence"]) == 2
    assert [e["subject"]["code"] for e in summary["not_recognized_by"]] == ["CHN"]
    assert summary["summary"].startswith("AFGGOV is recognised by 1 state as of 2025-07-05 (RUS)")
    assert "1 explicitly does not recognise it (CHN)" in summary["summary"]


def test_recognition_summary_before_any_recognition(stocked):
    summary = stocked.recognition_summary("AFGGOV", "2025-07-01")
    assert (summary["recognized_by_states"], summary["recognized_by"], summary["not_recognized_by"]) == (
        0,
        [],
        [],
    )


def test_ingest_order_does_not_change_relations(ledger, ledger_url):
    from chancery.ledger import open_ledger

    url, schema_name = ledger_url
    other_url = url.replace("ledger.db", "reversed.db")
    other_schema = f"{schema_name}_rev" if schema_name else None
    for article in ALL:
        ledger.store(article)
    with open_ledger(other_url, schema=other_schema) as reversed_ledger:
        try:
            for article in reversed(ALL):
                reversed_ledger.store(article)
            assert reversed_ledger.relations() == ledger.relations()
            assert reversed_ledger.ledger_events() == ledger.ledger_events()
        finally:
            reversed_ledger.drop()


def test_recognition_summary_without_a_date_uses_the_latest_states(stocked):
    summary = stocked.recognition_summary("TWNGOV")
    assert summary["recognized_by"] == []
    assert [e["subject"]["code"] for e in summary["withdrawn_by"]] == ["HND"]
    assert summary["summary"] == "TWNGOV is recognised by 0 states on the latest reports"
