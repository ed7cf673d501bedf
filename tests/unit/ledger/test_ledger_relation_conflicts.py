"""Reports that disagree on the same day: the ledger believes one state, keeps all, and says why."""

from __future__ import annotations

from ledger_factory import coded


def recognition(sentence, publisher, *, negated=False, published="2025-07-03", date="2025-07-03"):
    spec = {
        "source": "KGZGOV",
        "target": "AFGGOV",
        "relation": "recognition:recognized",
        "negated": negated,
        "date": date,
    }
    return coded(sentence, events=(spec,), date=published, publisher=publisher)


def test_more_sources_win_and_the_dissent_stays_as_evidence(ledger):
    ledger.store(recognition("Kyrgyzstan recognised the Taliban government on Thursday.", "Reuters"))
    ledger.store(recognition("Bishkek extended recognition to the Taliban authorities.", "AP"))
    ledger.store(recognition("Kyrgyzstan has not recognised the Taliban yet.", "AFP", negated=True))
    (believed,) = ledger.relations(kind="recognition", subject="KGZ")
    assert believed.state == "recognized"
    assert sorted(e.publisher for e in believed.evidence) == ["AFP", "AP", "Reuters"]
    assert believed.note.startswith("on 2025-07-03 believes recognized [2 sources: AP, Reuters]")
    assert "over not_recognized [1 source: AFP]: more sources" in believed.note


def test_equally_sourced_conflict_believes_the_most_recent_report(ledger):
    # Both describe 3 July; the denial was published two days later, after the first report.
    ledger.store(recognition("Kyrgyzstan recognised the Taliban government on Thursday.", "Reuters"))
    later = "Kyrgyzstan has not in fact recognised the Taliban, officials said on Saturday."
    ledger.store(recognition(later, "AFP", negated=True, published="2025-07-05"))
    (believed,) = ledger.relations(kind="recognition", subject="KGZ")
    assert believed.state == "not_recognized"
    assert len(believed.evidence) == 2
    assert believed.note.endswith("equally sourced, and the most recent report (published 2025-07-05)")


def test_agreeing_reports_carry_no_note(ledger):
    ledger.store(recognition("Kyrgyzstan recognised the Taliban government on Thursday.", "Reuters"))
    ledger.store(recognition("Bishkek extended recognition to the Taliban authorities.", "AP"))
    (believed,) = ledger.relations(kind="recognition", subject="KGZ")
    assert believed.note is None


def test_a_conflict_on_a_later_day_is_a_change_of_state_not_a_conflict(ledger):
    ledger.store(recognition("Kyrgyzstan recognised the Taliban government on Thursday.", "Reuters"))
    ledger.store(
        recognition(
            "Kyrgyzstan says it does not recognise the Taliban.",
            "AFP",
            negated=True,
            published="2025-08-01",
            date="2025-08-01",
        )
    )
    first, second = ledger.relations(kind="recognition", subject="KGZ")
    assert (first.state, first.until, second.state, second.since) == (
        "recognized",
        "2025-08-01",
        "not_recognized",
        "2025-08-01",
    )
    assert first.note is None and second.note is None


def test_a_state_and_its_ending_told_on_one_day_end_in_the_ending(ledger):
    # "had recognised Taipei for 80 years and has now switched": both dated by the report
    sentence = "Honduras had recognised Taipei for decades and has now switched its recognition to Beijing."
    recognised = {"source": "HNDGOV", "target": "TWNGOV", "relation": "recognition:recognized"}
    withdrawn = {"source": "HNDGOV", "target": "TWNGOV", "cameo": "161", "relation": "recognition:withdrawn"}
    ledger.store(coded(sentence, events=(recognised, withdrawn), date="2023-03-27"))
    (believed,) = ledger.relations(kind="recognition", subject="HND")
    assert believed.state == "withdrawn"
    assert believed.note.endswith("the reports tie; an ending comes after the state it ends")
