"""Targets and sources reached by reference: possessive pronouns, places, and acts told twice."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

ACTORS = {
    "Latvia": "LVA", "Peru": "PER", "Chile": "CHL", "Ghana": "GHA", "Kenya": "KEN", "Nepal": "NPL",
    "Ghana's trade minister": "GHAGOV", "Lima": "PER", "Accra": "GHA", "Vienna": "AUT", "Austria": "AUT",
}  # fmt: skip
KINDS = {"Lima": "place", "Accra": "place", "Vienna": "place", "Ghana's trade minister": "role"}


def summary(events):
    return sorted((e.source.code, e.target.code if e.target else None, e.cameo) for e in events)


def test_his_country_is_the_state_of_the_office_named_before(coded):
    events = coded("Ghana's trade minister said his country recognised Nepal on Monday.", ACTORS, kinds=KINDS)
    assert ("GHA", "NPL", "054") in summary(events)


def test_his_government_is_that_state_s_government(coded):
    events = coded(
        "Ghana's trade minister visited Kenya, which had formally recognised his government.",
        ACTORS,
        kinds=KINDS,
    )
    recognition = next(e for e in events if e.cameo == "054")
    assert (recognition.source.code, recognition.target.code) == ("KEN", "GHAGOV")


def test_their_decision_belongs_to_the_coordinated_pair(coded):
    events = coded(
        "Latvia recalled its ambassadors to Peru and Chile over their decision to recognise Nepal.", ACTORS
    )
    recognitions = [e for e in events if e.cameo == "054"]
    assert sorted(e.source.code for e in recognitions) == ["CHL", "PER"]


def test_a_place_named_as_the_argument_is_the_target(coded):
    events = coded("Latvia reopened its embassy in Lima on Friday.", ACTORS, kinds=KINDS)
    assert summary(events) == [("LVA", "PER", "050")]


def test_a_place_that_only_says_where_is_no_target(coded):
    events = coded("Peru and Latvia signed an agreement in Vienna on fishing.", ACTORS, kinds=KINDS)
    assert all(e.target is None or e.target.code != "AUT" for e in events)


def test_a_place_never_acts(coded):
    events = coded("Accra recognised Nepal on Monday.", ACTORS, kinds=KINDS)
    assert events == ()


def test_a_noun_restating_its_clause_is_one_event(coded):
    events = coded(
        "Ghana's trade minister visited Lima on Monday, his first trip to Peru.", ACTORS, kinds=KINDS
    )
    assert summary(events) == [("GHAGOV", "PER", "042"), ("PER", "GHAGOV", "043")]


def test_whose_government_is_the_antecedent_s_government(coded):
    events = coded(
        "Peruvian diplomats met the Ghanaian minister, whose government Lima does not recognise.",
        {"Peruvian diplomats": "PERGOV", "Ghanaian minister": "GHAGOV", "Lima": "PERGOV"},
        kinds={"Peruvian diplomats": "role", "Ghanaian minister": "role", "Lima": "capital"},
    )
    recognition = next(e for e in events if e.cameo == "054")
    assert (recognition.target.code, recognition.negated) == ("GHAGOV", True)


def test_its_envoy_is_the_subject_s_government(coded):
    events = coded("Ghana reopened its embassy after its envoy handed his credentials to Peru.", ACTORS)
    credentials = next(
        e
        for e in events
        if e.cameo == "050"
        and e.target is not None
        and e.target.code == "PER"
        and e.evidence.trigger == "handed"
    )
    assert credentials.source.code == "GHAGOV"


def test_a_backer_in_a_phrase_does_not_hide_the_actor_further_in(coded):
    events = coded(
        "Chile recognised the independence of two Austrian-backed breakaway regions in eastern Nepal.",
        {"Chile": "CHL", "Nepal": "NPL", "Austrian": "AUT"},
    )
    assert summary(events) == [("CHL", "NPL", "054")]


def test_agentless_passive_keeps_the_sanctions_noun(coded):
    events = coded(
        "Austrian sanctions on Nepal were reimposed on Sunday.", {"Austrian": "AUT", "Nepal": "NPL"}
    )
    assert summary(events) == [("AUT", "NPL", "163")]


def test_a_visit_during_which_an_appeal_is_made_is_no_complement_of_it(coded):
    events = coded(
        "Ghana's trade minister asked Peru for more grain during his visit to Lima.", ACTORS, kinds=KINDS
    )
    assert ("GHAGOV", "PER", "042") in summary(events)


def test_thanks_for_its_support_codes_the_support_from_the_thanked(coded):
    events = coded("Kenya thanked Ghana for its steady support at the summit.", ACTORS)
    assert summary(events) == [("GHA", "KEN", "051"), ("KEN", "GHA", "051")]


def test_the_content_of_an_accusation_is_not_coded_and_names_the_accused(coded):
    events = coded("Kenya denied Ghana's accusation that it had sent weapons to Nepal.", ACTORS)
    assert ("GHA", "KEN", "112") in summary(events)
    assert not [e for e in events if e.cameo.startswith("07")]


def test_its_troops_are_the_state_s_military(coded):
    events = coded("Kenya rejected Ghana's accusations that its troops had attacked Nepal.", ACTORS)
    accusation = next(e for e in events if e.cameo == "112")
    assert accusation.target.country == "KEN"


def test_a_misattached_destination_still_names_the_target(coded):
    events = coded(
        "Nepal condemned the Chilean arms sale to Peru.", {"Nepal": "NPL", "Chilean": "CHL", "Peru": "PER"}
    )
    assert ("CHL", "PER", "072") in summary(events)
    events = coded("Kenya urged Nepal to return to talks with Chile.", ACTORS)
    assert ("NPL", "CHL", "046") in summary(events)


def test_stopping_short_of_an_act_negates_it(coded):
    events = coded("Kenya stopped short of recognising Nepal but signed a trade deal with Ghana.", ACTORS)
    recognition = next(e for e in events if e.cameo == "054")
    assert (recognition.source.code, recognition.negated, recognition.counted) == ("KEN", True, False)


def test_an_embassy_s_place_names_its_host_inside_a_phrase(coded):
    events = coded("Latvia resumed the work of its embassy in Lima on Monday.", ACTORS, kinds=KINDS)
    assert summary(events) == [("LVA", "PER", "050")]


def test_weighing_a_reopening_is_hypothetical_and_has_the_weigher_as_agent(coded):
    events = coded("Latvia is weighing the reopening of its embassy in Lima.", ACTORS, kinds=KINDS)
    assert [(e.source.code, e.target.code, e.modality) for e in events] == [("LVA", "PER", "hypothetical")]


def test_unnamed_civilians_belong_to_the_place_named(coded):
    events = coded(
        "Ghanaian troops killed dozens of civilians in Lima.",
        {"Ghanaian troops": "GHAMIL", **ACTORS},
        kinds=KINDS,
    )
    assert [e.target.code for e in events] == ["PERCVL"]


def test_unnamed_civilians_without_a_place_are_the_actor_s_own(coded):
    events = coded(
        "The Kenyan government banned women from studying at universities.", {"Kenyan government": "KENGOV"}
    )
    assert [e.target.code for e in events] == ["KENCVL"]


def test_coordinated_states_reopening_their_embassies_act_on_each_other(coded):
    events = coded("Peru and Chile restored relations on Friday, pledging to reopen their embassies.", ACTORS)
    intents = sorted((e.source.code, e.target.code) for e in events if e.cameo == "032")
    assert intents == [("CHL", "PER"), ("PER", "CHL")]


def test_a_call_during_which_an_appeal_is_made_has_the_appealer_as_caller(coded):
    events = coded(
        "During a phone call with Kenya's president, Ghana's trade minister urged Nepal to talk.",
        {"Kenya's president": "KENGOV", **ACTORS},
        kinds={"Kenya's president": "role", **KINDS},
    )
    assert ("GHAGOV", "KENGOV", "041") in summary(events)


def test_sanctions_naming_no_target_hit_the_one_dismissing_them(coded):
    events = coded("Kenya dismissed Ghana's new sanctions package as illegal.", ACTORS)
    assert ("GHA", "KEN", "163") in summary(events)


def test_a_threat_conditioned_on_others_acts_threatens_them(coded):
    events = coded("Ghana threatened to use force if Peru and Chile violated its borders.", ACTORS)
    threats = sorted((e.source.code, e.target.code) for e in events if e.cameo.startswith("13"))
    assert threats == [("GHA", "CHL"), ("GHA", "PER")]


def test_a_case_accusing_a_state_is_brought_against_it(coded):
    events = coded("Nepal filed a case at the tribunal accusing Ghana of genocide.", ACTORS)
    assert ("NPL", "GHA", "115") in summary(events)


def test_a_title_s_state_is_not_a_second_actor(coded):
    events = coded(
        "The new Kenyan ambassador presented his credentials to Ghanaian King Kofi.",
        {"Kenyan ambassador": "KENGOV", "Ghanaian": "GHA", "Ghanaian King Kofi": "GHAGOV"},
    )
    assert [(e.source.code, e.target.code) for e in events] == [("KENGOV", "GHAGOV")]


def test_a_noun_in_a_purpose_clause_is_no_event(coded):
    events = coded(
        "Kenyans rallied outside the embassy to protest the Ghanaian sanctions.",
        {"Kenyans": "KEN", "Ghanaian": "GHA"},
    )
    assert "163" not in {e.cameo for e in events}


def test_denying_doing_something_is_the_denial_alone(coded):
    events = coded("Ghana denied shelling Peru on Monday.", ACTORS)
    assert [e.cameo for e in events] == ["016"]


def test_a_release_in_a_swap_with_a_state_is_toward_it(coded):
    events = coded("Ghana welcomed Peru's release of ten prisoners in a swap with Chile.", ACTORS)
    assert ("PER", "CHL", "0841") in summary(events)


def test_a_summit_s_attendees_are_its_guests(coded):
    events = coded(
        "Kenya hosted a summit on trade in Lima on Monday attended by Ghana's trade minister.",
        ACTORS,
        kinds=KINDS,
    )
    assert ("KEN", "GHAGOV", "043") in summary(events)


def test_a_wire_dateline_is_not_the_subject(coded):
    events = coded("LIMA, March 3 — Peru and Chile restored diplomatic relations on Tuesday.", ACTORS)
    assert sorted((e.source.code, e.target.code) for e in events) == [("CHL", "PER"), ("PER", "CHL")]


def test_unnamed_protesters_are_the_civilians_of_the_place(coded):
    events = coded("Thousands of students demonstrated in Lima on Tuesday.", ACTORS, kinds=KINDS)
    assert [(e.source.code, e.cameo) for e in events] == [("PERCVL", "141")]


def test_the_killing_an_attack_caused_is_the_attack(coded):
    events = coded(
        "Ghanaian troops shelled the town on Sunday, killing ten people.", {"Ghanaian troops": "GHAMIL"}
    )
    assert [e.cameo for e in events] == ["194"]


def test_paying_off_another_state_s_debt_is_economic_aid(coded):
    events = coded("Peru and Chile paid off Nepal's debt to the bank.", ACTORS)
    assert sorted(summary(events)) == [("CHL", "NPL", "071"), ("PER", "NPL", "071")]


def test_a_call_with_someone_is_a_phone_call(coded):
    events = coded(
        "Ghana's trade minister praised Peru during a call with Kenya's president.",
        {"Kenya's president": "KENGOV", **ACTORS},
        kinds={"Kenya's president": "role", **KINDS},
    )
    assert ("GHAGOV", "KENGOV", "041") in summary(events)


def test_an_ambassador_returning_to_post_is_hosted_again(coded):
    events = coded(
        "The Kenyan ambassador returned to Lima on Monday.",
        {"Kenyan ambassador": "KENGOV", **ACTORS},
        kinds={"Kenyan ambassador": "role", **KINDS},
    )
    assert [(e.source.code, e.target.code, e.cameo, e.relation_subject) for e in events] == [
        ("KENGOV", "PER", "050", "target")
    ]
    events = coded("Chile has not returned its ambassador to Peru.", ACTORS)
    assert [(e.cameo, e.negated) for e in events] == [("050", True)]


def test_launching_war_games_is_no_investigation(coded):
    events = coded("Peru launched war games off its coast.", ACTORS)
    assert not [e for e in events if e.cameo.startswith("09")]
    events = coded("Peru opened an investigation into war crimes by Chile.", ACTORS)
    assert [e.cameo for e in events] == ["094"]


def test_readiness_to_help_rebuild_a_state_is_a_stated_intent_of_aid(coded):
    events = coded("Ghana expressed readiness to help rebuild Nepal after the war.", ACTORS)
    assert [(e.source.code, e.target.code, e.cameo, e.modality) for e in events] == [
        ("GHA", "NPL", "033", "asserted"),
        ("GHA", "NPL", "070", "intended"),
    ]


def test_asking_a_third_state_to_mediate_with_another_is_mediation_between_both(coded):
    events = coded("Peru asked Ghana to mediate with Chile.", ACTORS)
    mediation = sorted(e.target.code for e in events if e.cameo == "045")
    assert mediation == ["CHL", "PER"]


def test_coercion_done_in_a_place_is_done_to_it(coded):
    events = coded("Ghana reimposed blockades in Lima on Friday.", ACTORS, kinds=KINDS)
    assert [(e.source.code, e.target.code) for e in events] == [("GHA", "PER")]


def test_a_threat_to_coordinated_states_threatens_each(coded):
    events = coded("Ghana threatened to deliver heavy blows to Peru and Chile.", ACTORS)
    assert sorted(e.target.code for e in events) == ["CHL", "PER"]


def test_a_hyphenated_participle_describes_and_does_not_act(coded):
    events = coded(
        "Thousands marched in the Ghanaian-occupied north of Nepal.", {"Ghanaian": "GHA", "Nepal": "NPL"}
    )
    assert not [e for e in events if e.cameo.startswith("19")]


def test_resuming_shelling_is_no_military_aid(coded):
    events = coded("Ghana prepared to resume shelling Peru.", ACTORS)
    assert not [e for e in events if e.cameo.startswith(("07", "033"))]


def test_a_hunger_strike_is_no_air_strike(coded):
    events = coded(
        "Kenyan prisoners in Lima began a hunger strike on Monday.",
        {"Kenyan prisoners": "KENCVL", **ACTORS},
        kinds=KINDS,
    )
    assert [e.cameo for e in events] == ["142"]


def test_the_attack_a_killing_was_done_in_is_that_killing(coded):
    events = coded(
        "Ghanaian jets killed 40 civilians in an attack on a village in Lima.",
        {"Ghanaian jets": "GHAMIL", **ACTORS},
        kinds=KINDS,
    )
    assert [e.cameo[:2] for e in events] == ["18"]
    events = coded(
        "Ghanaian drone attacks have killed ten Kenyan officers.",
        {"Ghanaian": "GHA", "Kenyan officers": "KENMIL"},
    )
    assert [e.cameo[:2] for e in events] == ["18"]


def test_a_rejected_offer_was_made_to_the_one_rejecting_it(coded):
    events = coded("Kenya rejected Ghana's offer of talks on Monday.", ACTORS)
    offer = next(e for e in events if e.cameo.startswith("03"))
    assert (offer.source.code, offer.target.code) == ("GHA", "KEN")


def test_mass_violence_naming_no_victims_is_against_civilians(coded):
    events = coded("The Ghanaian army committed ethnic cleansing in the north.", {"Ghanaian army": "GHAMIL"})
    assert [e.target.code for e in events] == ["GHACVL"]
    events = coded("Ghana threatened to use chemical weapons if Peru attacked.", ACTORS)
    assert [e.target.code for e in events if e.cameo.startswith("13")] == ["PER"]


def test_its_deep_in_a_phrase_is_the_nearest_state_not_the_critic(coded):
    events = coded("Kenya defended Peru against Ghana's criticism of its conduct in the war.", ACTORS)
    criticism = next(e for e in events if e.cameo == "111")
    assert (criticism.source.code, criticism.target.code) == ("GHA", "PER")


def test_it_as_object_takes_up_the_earlier_object(coded):
    events = coded(
        "Latvia reopened its embassy in Lima on Monday, five years after closing it.", ACTORS, kinds=KINDS
    )
    assert summary(events) == [("LVA", "PER", "050"), ("LVA", "PER", "161")]


def test_a_recall_named_by_him_after_since_is_coded_and_counted(coded):
    events = coded("Chile has not returned its ambassador to Peru since recalling him in May.", ACTORS)
    assert sorted((e.cameo, e.negated) for e in events) == [("050", True), ("161", False)]


def test_a_declaration_under_which_two_states_act_was_signed_by_both(coded):
    events = coded(
        "Relations were established between Peru and Chile under a joint declaration signed in Lima.",
        ACTORS,
        kinds=KINDS,
    )
    signing = sorted((e.source.code, e.target.code) for e in events if e.cameo == "057")
    assert signing == [("CHL", "PER"), ("PER", "CHL")]


def test_sending_an_ambassador_and_accepting_one_are_two_acts(coded):
    events = coded(
        "Peru sent an ambassador to Chile and accepted the credentials of a Chilean ambassador.",
        {"Peru": "PER", "Chile": "CHL", "Chilean": "CHL"},
    )
    hosting = sorted(e.relation_subject for e in events if e.cameo == "050")
    assert hosting == ["source", "target"]


def test_their_governments_after_coordinated_capitals_are_those_states(coded):
    events = coded(
        "Kenya recalled its envoys from Lima, Accra and Vienna after their governments recognised Nepal.",
        ACTORS,
        kinds=KINDS,
    )
    recognisers = sorted(e.source.code for e in events if e.cameo == "054")
    assert recognisers == ["AUTGOV", "GHAGOV", "PERGOV"]


def test_their_with_no_pair_named_is_not_a_single_state(coded):
    events = coded("Kenya said their decision to recognise Nepal was a mistake.", ACTORS)
    assert not [e for e in events if e.cameo == "054" and e.source.code == "KEN"]


def test_the_two_neighbours_may_be_named_through_their_envoys(coded):
    actors = {"Latvia": "LVA", "ambassadors of Chile": "CHLGOV", "Ghana": "GHAGOV", "Nepal": "NPL"}
    kinds = {"ambassadors of Chile": "role", "Ghana": "role"}
    text = (
        "Latvia expelled the ambassadors of Chile and Ghana on Friday, "
        "a day after the two neighbours recognised Nepal."
    )
    events = coded(text, actors, kinds=kinds)
    assert sorted(e.source.code for e in events if e.cameo == "054" and e.counted) == ["CHLGOV", "GHAGOV"]


def test_two_posts_in_one_host_are_not_the_two_countries(coded):
    # both embassies stand in Peru (the host names the post's actor), so they name one country, not two
    posts = {"Chilean embassy": "PERGOV", "Ghanaian embassy": "PERGOV"}
    events = coded(
        "Peru and Kenya reopened the Chilean embassy and the Ghanaian embassy, restoring ties between "
        "the two countries.",
        {**posts, "Peru": "PER", "Kenya": "KEN"},
        kinds=dict.fromkeys(posts, "role"),
    )
    parties = {(e.source.code, e.target.code) for e in events if e.relation == "diplomatic_relations:active"}
    assert ("PERGOV", "PERGOV") not in parties and parties <= {("PER", "KEN"), ("KEN", "PER")}


def test_a_group_noun_takes_the_states_among_them(coded):
    actors = {"Venezuela": "VEN", "Argentina": "ARG", "Chile": "CHL", "Peru": "PER"}
    text = (
        "Venezuela ordered diplomats from seven Latin American countries, among them Argentina, Chile "
        "and Peru, to leave on Monday."
    )
    events = coded(text, actors)
    assert sorted(e.target.code for e in events if e.cameo == "161") == ["ARG", "CHL", "PER"]


def test_two_people_of_one_state_who_meet_are_two_events_with_two_ids(pipeline):
    from chancery.records import Article

    text = (
        "NAIROBI - President Uhuru Kenyatta and opposition leader Raila Odinga met and shook hands on Friday."
    )
    events = pipeline.code(Article(id=Article.make_id(text), text=text, date="2018-03-09")).events
    meetings = [e for e in events if e.cameo.startswith("04")]
    # the president's government and the opposition leader out of office (KENGOV, KEN): two events, which
    # the ledger must be able to store side by side
    assert len(meetings) == 2 and len({e.id for e in meetings}) == 2
    assert sorted((e.source.code, e.target.code) for e in meetings) == [("KEN", "KENGOV"), ("KENGOV", "KEN")]


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        # a state's people and its head of government are two actors
        (
            "Tens of thousands of Ukrainians protested in Kiev on Tuesday against Prime Minister "
            "Viktor Yanukovych.",
            "2004-11-23",
            [("UKR", "UKR", "141")],
        ),
        # a state named and its own minister who tells of its act are one
        (
            "Pakistan will upgrade its charge d'affaires in Kabul to the rank of ambassador, Deputy Prime "
            "Minister Ishaq Dar said on Friday.",
            "2025-05-30",
            [("PAK", "AFG", "032"), ("PAK", "AFG", "050")],
        ),
    ],
)
def test_a_person_of_the_source_s_state_is_someone_else_only_beside_its_people(pipeline, text, day, expected):
    from chancery.records import Article

    events = pipeline.code(Article(id=Article.make_id(text), text=text, date=day)).events
    assert (
        sorted((e.source.code[:3], e.target.code[:3] if e.target else None, e.cameo) for e in events)
        == expected
    )
