"""Guests, welcomes and judged acts (issue 11, from the blind batch truth-zi, fourteenth session): a
participle set off by commas tells what the one before it was doing; a visiting guest with no dateline is
the guest of whom he meets; a restoration that names no partner is with the one who welcomes it; what a
copula calls unlikely or what officials expect is not done; an intention held "of" a gerund is its
holder's; a report dismissed by a participle is denied; a liaison office or interests section is a
mission; what a noun is about is no party to an act; a participle after an ordered infinitive is the
orderer's; a seat that is also a state's capital names the state in that state's story."""

from __future__ import annotations

import pytest
from handmade import facts

from chancery.evaluate.gold_file import gold_article

pytestmark = pytest.mark.slow


def coded(pipeline, text: str, date: str = "2024-05-14"):
    [article] = pipeline.code_many([gold_article(text, date)])
    return article.events


def counted(pipeline, text: str, date: str = "2024-05-14") -> list[tuple[str, str | None, str]]:
    return facts(coded(pipeline, text, date), counted=True)


def uncounted(pipeline, text: str, date: str = "2024-05-14") -> list[tuple[str, str | None, str]]:
    return facts(coded(pipeline, text, date), counted=False)


def roots(found: list[tuple[str, str | None, str]]) -> set[tuple[str, str | None, str]]:
    """(source country, target country, root) of each fact."""
    return {(s[:3], t[:3] if t else None, c[:2]) for s, t, c in found}


def test_a_participle_set_off_by_commas_is_done_by_the_one_it_follows(pipeline):
    found = roots(
        counted(
            pipeline, "Canadian Foreign Minister Melanie Joly, visiting Kyiv on Monday, pledged more aid."
        )
    )
    assert ("CAN", "UKR", "04") in found  # the visit, and Kyiv's hosting of it
    assert ("UKR", "CAN", "04") in found


@pytest.mark.parametrize(
    ("text", "date", "guest", "host"),
    [
        # no dateline nor place: the guest of whom he meets
        (
            "Indian Prime Minister Narendra Modi told visiting Nepali Prime Minister Pushpa "
            "Kamal Dahal on Thursday that the border question could wait.",
            "2023-06-01",
            "NPL",
            "IND",
        ),
        # asked to act while here: not asked to come
        (
            "Sri Lankan President Ranil Wickremesinghe asked visiting Japanese Foreign "
            "Minister Yoko Kamikawa on Saturday to help restructure the debt.",
            "2024-05-05",
            "JPN",
            "LKA",
        ),
    ],
)
def test_a_visiting_guest_visits_whoever_receives_him(pipeline, text, date, guest, host):
    found = counted(pipeline, text, date)
    assert any(s.startswith(guest) and t and t.startswith(host) and c == "042" for s, t, c in found)


def test_a_restoration_that_names_no_partner_is_with_the_one_who_welcomes_it(pipeline):
    found = roots(counted(pipeline, "Qatar welcomed Egypt's decision to restore diplomatic relations."))
    assert ("EGY", "QAT", "05") in found


def test_who_condemns_a_restoration_is_not_its_partner(pipeline):
    found = roots(counted(pipeline, "Qatar condemned Egypt's decision to restore diplomatic relations."))
    assert ("EGY", "QAT", "05") not in found
    assert ("QAT", "EGY", "11") in found


def test_an_act_a_copula_calls_unlikely_is_not_done(pipeline):
    text = "A resumption of relations between Morocco and Iran remains unlikely this year, diplomats said."
    assert not [f for f in roots(counted(pipeline, text)) if f[2] == "05"]
    assert ("MAR", "IRN", "05") in roots(uncounted(pipeline, text))


def test_an_extraposed_clause_called_unlikely_states_no_ones_intention(pipeline):
    text = "Diplomats said it was unlikely that Morocco would restore ties with Iran this year."
    found = roots(counted(pipeline, text))
    assert ("MAR", "IRN", "03") not in found  # the diplomats' judgement, not Rabat's statement
    assert ("MAR", "IRN", "05") not in found


def test_talks_officials_expect_to_open_have_not_opened(pipeline):
    text = (
        "Officials in Khartoum expect a first round of talks between Sudan and South Sudan to open next week."
    )
    assert not [f for f in roots(counted(pipeline, text)) if f[2] == "04"]


def test_no_intention_of_an_act_is_its_holders_act_negated(pipeline):
    found = uncounted(pipeline, "Paraguay has no intention of recognising Kosovo.")
    assert ("PRY", "KSV", "054") in found
    assert not counted(pipeline, "Paraguay has no intention of recognising Kosovo.")


def test_no_intention_of_breaking_relations_breaks_none(pipeline):
    text = "Brazil has no intention of breaking relations with Venezuela, the adviser said."
    assert ("BRA", "VEN", "16") in roots(uncounted(pipeline, text))
    assert not [f for f in roots(counted(pipeline, text)) if f[2] == "16"]


def test_any_intention_denied_is_no_threat_made(pipeline):
    text = (
        "Serbian President Aleksandar Vucic denied on Saturday that Belgrade had any "
        "intention of sending troops into Kosovo."
    )
    assert not [f for f in roots(counted(pipeline, text, "2022-12-10")) if f[2] in {"13", "15", "19"}]


def test_a_report_dismissed_by_a_participle_is_denied(pipeline):
    text = (
        "'No such meeting took place,' the Saudi foreign minister said on Monday, "
        "dismissing reports that Crown Prince Mohammed bin Salman had received Israeli "
        "Prime Minister Benjamin Netanyahu in Neom."
    )
    assert not [f for f in roots(counted(pipeline, text, "2020-11-24")) if f[2] == "04"]


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "Morocco and Israel agreed on Thursday to open liaison offices in Rabat and Tel Aviv.",
            ("MAR", "ISR", "05"),
        ),
        ("Washington closed its interests section in Havana on Friday.", ("USA", "CUB", "16")),
    ],
)
def test_a_liaison_office_or_interests_section_is_a_mission(pipeline, text, fact):
    assert fact in roots(counted(pipeline, text) + uncounted(pipeline, text))


def test_an_office_that_names_no_mission_is_no_mission(pipeline):
    assert not coded(pipeline, "The company opened an office in Nairobi on Friday.")


def test_what_a_noun_is_about_is_no_party_to_the_act(pipeline):
    found = roots(counted(pipeline, "Algeria recalled its ambassador over Spain's shift on Western Sahara."))
    assert ("DZA", "ESP", "16") in found


def test_a_participle_after_an_ordered_infinitive_is_the_orderers(pipeline):
    text = (
        "Kinshasa ordered Rwanda's ambassador to leave within 48 hours, accusing Kigali "
        "of backing the rebels."
    )
    found = roots(counted(pipeline, text))
    assert ("COD", "RWA", "11") in found
    assert ("RWA", "COD", "11") not in found


def test_a_seat_that_is_a_capital_names_the_state_in_its_story(pipeline):
    text = "Rwanda cut diplomatic ties with Belgium on Monday, accusing Brussels of bias in the war in Congo."
    assert ("RWA", "BEL", "11") in roots(counted(pipeline, text, "2025-03-18"))


def test_the_seat_names_its_organisation_when_no_state_of_it_is_told(pipeline):
    found = counted(pipeline, "Hungary vetoed the budget, and Brussels condemned the move.")
    assert any(s.startswith("IGOEUREEC") and c.startswith("11") for s, _, c in found)


def test_an_act_the_story_is_ahead_of_has_not_happened(pipeline):
    text = "Moon Jae-in met his advisers on Monday ahead of Kim Jong Un's summit with Donald Trump in Hanoi."
    assert not [f for f in roots(counted(pipeline, text, "2019-02-25")) if f[2] == "04" and f[0] == "PRK"]


def test_its_in_a_relative_clause_is_the_relatives_antecedents(pipeline):
    text = "Bolivia recalled its ambassador from Tel Aviv, joining Chile, which has also withdrawn its envoy."
    found = roots(counted(pipeline, text, "2023-11-01"))
    assert ("CHL", "BOL", "16") not in found  # Chile's own envoy, not Bolivia's
    assert ("BOL", "ISR", "16") in found


def test_libyas_transitional_council_is_an_actor_of_its_time(pipeline):
    found = uncounted(
        pipeline, "Algeria has still not recognised the National Transitional Council.", "2011-08-30"
    )
    assert ("DZA", "LBYREB", "054") in found


def test_an_act_not_condemned_was_done_all_the_same(pipeline):
    found = counted(pipeline, "India did not condemn Russia's invasion of Ukraine at the United Nations.")
    assert ("RUS", "UKR", "19") in roots(found)


def test_an_act_one_would_welcome_is_only_supposed(pipeline):
    text = "Moscow would welcome Riyadh's recognition of the Taliban government."
    assert not [f for f in roots(counted(pipeline, text, "2025-07-10")) if f[2] == "05"]


def test_a_shift_denounced_in_a_relative_clause_is_its_doers(pipeline):
    text = (
        "Britain and Canada recognised a Palestinian state on Sunday, a coordinated "
        "shift that Benjamin Netanyahu denounced as a reward for terror."
    )
    found = roots(counted(pipeline, text, "2025-09-21"))
    assert {("ISR", "GBR", "11"), ("ISR", "CAN", "11")} <= found


def test_the_whole_membership_of_an_organisation_acts_as_the_organisation(pipeline):
    text = "The twelve member states of the European Community recognised Slovenia and Croatia on Wednesday."
    found = counted(pipeline, text, "1992-01-16")
    assert any(s.startswith("IGOEUREEC") and t and t.startswith("SVN") and c == "054" for s, t, c in found)


def test_its_in_a_clause_on_a_document_is_not_the_documents(pipeline):
    text = (
        "Russia vetoed a Security Council resolution on Friday that would have "
        "condemned its annexation of four regions of Ukraine."
    )
    found = roots(uncounted(pipeline, text, "2022-09-30"))
    assert ("IGO", "RUS", "11") in found  # Russia's annexation, not the Council's


def test_a_pejorative_of_the_diplomatic_register_is_blame(pipeline):
    text = (
        "Colombia will break off relations with Israel, President Gustavo Petro said, "
        "calling the Israeli government genocidal."
    )
    assert ("COL", "ISR", "11") in roots(counted(pipeline, text, "2024-05-01"))


def test_going_as_far_as_an_act_has_the_goings_mood(pipeline):
    text = (
        "Erdogan warned that Ankara could go as far as severing diplomatic ties with "
        "Israel if Washington moved its embassy."
    )
    found = roots(counted(pipeline, text, "2017-12-05"))
    assert ("TUR", "ISR", "13") in found  # the warning made
    assert ("TUR", "ISR", "16") not in found  # the break only threatened
    assert ("TUR", "ISR", "16") in roots(
        counted(pipeline, "Ankara went as far as severing ties with Israel.", "2017-12-05")
    )


def test_calling_on_an_army_is_an_appeal_not_a_call_up(pipeline):
    text = (
        "The African Union called on Sudan's army and the Rapid Support Forces on "
        "Sunday to cease hostilities."
    )
    found = coded(pipeline, text, "2023-04-16")
    assert not [e for e in found if e.cameo.startswith("15")]
    assert ("SDN", "SDN", "08") in roots(facts(found, counted=False))  # the ceasing asked for
    assert ("RUS", None, "15") in roots(
        counted(pipeline, "Russia called up 300,000 reservists on Wednesday.", "2022-09-22")
    )


def test_a_delegation_sent_to_a_state_visits_it(pipeline):
    found = roots(counted(pipeline, "Eritrea sent a delegation to Ethiopia on Wednesday.", "2018-06-21"))
    assert {("ERI", "ETH", "04")} <= found


def test_a_day_after_a_reporting_verb_dates_the_report(pipeline):
    text = "Eritrea's President Isaias Afwerki said on Wednesday he would send an ambassador to Addis Ababa."
    dates = {e.date for e in coded(pipeline, text, "2018-06-21")}
    assert dates == {"2018-06-20"}  # not the Wednesday after publication


def test_a_statement_of_a_future_act_is_made_now(pipeline):
    found = coded(pipeline, "Eritrea will send an ambassador to Addis Ababa on Wednesday.", "2018-06-21")
    stated = [e for e in found if e.counted]
    assert stated and all(e.date == "2018-06-21" for e in stated)
    assert any(e.date == "2018-06-27" and not e.counted for e in found)  # the act, ahead


def test_two_states_that_broke_off_relations_broke_them_with_each_other(pipeline):
    found = roots(
        counted(pipeline, "Ethiopia and Eritrea broke off diplomatic relations in 1998.", "2018-06-06")
    )
    assert {("ETH", "ERI", "16"), ("ERI", "ETH", "16")} <= found
    found = roots(counted(pipeline, "Bahrain and the UAE severed ties with Qatar.", "2017-06-05"))
    assert ("BHR", "ARE", "16") not in found  # a break with a third state named is with that state


def test_an_infinitive_hung_after_a_date_is_still_what_is_called_for(pipeline):
    text = "Anwar Ibrahim called on Thailand and Cambodia on Thursday to cease hostilities immediately."
    found = coded(pipeline, text, "2025-07-24")
    assert ("MYS", "THA", "02") in roots(facts(found, counted=True))  # an appeal, not Malaysia's own plan
    assert not [e for e in found if e.cameo.startswith("03")]


def test_going_to_war_is_no_journey(pipeline):
    text = "Ethiopia has no intention of going to war with Eritrea, Abiy Ahmed told lawmakers."
    assert not [e for e in coded(pipeline, text, "2025-07-24") if e.cameo.startswith("04")]


def test_the_question_of_an_act_is_no_one_doing_it(pipeline):
    text = (
        "The European Union said it would take further steps, including on the question of recognising "
        "Venezuela's leadership, if elections were not announced."
    )
    assert not [f for f in roots(counted(pipeline, text, "2019-02-01")) if f[2] == "05"]


def test_a_state_that_lets_a_mission_open_accepts_it(pipeline):
    text = (
        "China downgraded its relations with Lithuania after Vilnius let Taiwan open a representative "
        "office under its own name."
    )
    found = coded(pipeline, text, "2021-11-21")
    accepted = [e for e in found if e.source.code.startswith("LTU") and e.cameo == "050"]
    assert accepted and accepted[0].target.code.startswith("TWN") and accepted[0].relation is None
