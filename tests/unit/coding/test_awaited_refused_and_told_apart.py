"""Acts that are awaited, refused, purposed or told apart (issue 11, from the blind batch truth-ze,
thirteenth session): an act in an "as soon as" or "when" clause of a future act is awaited, not done; a
refusal told in the future tense is made now; a purpose clause is no fact; ending years of frosty ties
is no break; a clause before a semicolon is not the complement of the verb after it; a gerund after
"after" tells an earlier act; an absolute "with" phrase names no partner."""

from __future__ import annotations

import pytest
from handmade import facts

from chancery.evaluate.gold_file import gold_article

pytestmark = pytest.mark.slow


def counted(pipeline, text: str, date: str) -> list[tuple[str, str | None, str]]:
    """The counted facts the whole pipeline (its own dictionary, not mentions placed by hand) codes."""
    [article] = pipeline.code_many([gold_article(text, date)])
    return facts(article.events, counted=True)


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
    events = coded(
        "Italy will recognise Kosovo when Serbia recognises it.", {**ACTORS, "Kosovo": "KSV", "Serbia": "SRB"}
    )
    assert ("SRB", "KSV", "054") in facts(events, counted=False)  # told, and only awaited
    assert ("SRB", "KSV", "054") not in facts(events, counted=True)


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
    text = (
        "Kuwait followed Saudi Arabia and Bahrain in ordering Lebanon's top diplomat out and recalled "
        "its own ambassador from Beirut."
    )
    found = counted(pipeline, text, "2021-10-31")
    # the three ordered Lebanon's envoy out (LBNGOV); only Kuwait recalled its ambassador from Beirut (LBN)
    assert found == [
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


def test_a_present_tense_after_as_soon_as_is_awaited_after_ready_to(coded):
    events = coded(
        "Indonesia is ready to recognise Israel as soon as Israel recognises a Palestinian state.",
        ACTORS,
    )
    assert ("ISR", "PSE", "054") not in facts(events, counted=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Four years after Ankara sent Israel's envoy home, the two restored ties.",
            ("TURGOV", "ISR", "161"),
        ),
        ("Italy sent an ambassador to Damascus on Monday.", ("ITA", "SYRGOV", "050")),
    ],
)
def test_an_envoy_sent_home_is_expelled_or_recalled_not_accredited(coded, text, expected):
    actors = {"Ankara": "TURGOV", "Israel": "ISR", "Italy": "ITA", "Damascus": "SYRGOV"}
    assert expected in facts(coded(text, actors), counted=True)


def test_a_such_noun_tells_the_clause_s_act_again(coded):
    events = coded(
        "Britain expelled 23 Russian diplomats, its biggest such expulsion in decades.",
        ACTORS | {"Britain": "GBR", "Russian": "RUS"},
    )
    assert facts(events, counted=True) == [("GBR", "RUS", "161")]


def test_the_means_of_a_retaliation_is_its_only_act(coded):
    events = coded(
        "Tallinn retaliated within hours by expelling Moscow's envoy.",
        {"Tallinn": "ESTGOV", "Moscow": "RUSGOV"},
    )
    assert facts(events, counted=True) == [("ESTGOV", "RUSGOV", "161")]


def test_a_title_the_parser_split_from_its_person_is_one_actor(pipeline):
    text = (
        "Sudan's military leader Abdel Fattah al-Burhan met Israeli Prime Minister Benjamin Netanyahu "
        "on Monday."
    )
    found = counted(pipeline, text, "2020-02-05")
    assert found == [("ISRGOV", "SDNGOV", "040"), ("SDNGOV", "ISRGOV", "040")]


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("South Africa sent helicopters to Mozambique to pluck flood victims from rooftops.", "07"),
        ("Russia sent troops to Kazakhstan to protect key facilities.", "07"),
        ("Russia sent troops to the border with Kazakhstan.", "15"),
    ],
)
def test_forces_sent_to_help_are_aid_not_a_show_of_force(coded, text, root):
    actors = {"South Africa": "ZAF", "Mozambique": "MOZ", "Russia": "RUS", "Kazakhstan": "KAZ"}
    assert [f[2][:2] for f in facts(coded(text, actors), counted=True)] == [root]


def test_a_participle_with_its_own_agent_is_that_agent_s_act_toward_the_clause_s_parties(coded):
    actors = {"Somalia": "SOM", "Ethiopia": "ETH", "Erdogan": "TURGOV"}
    events = coded("Somalia and Ethiopia signed a declaration on Wednesday, brokered by Erdogan.", actors)
    mediations = [f for f in facts(events, counted=True) if f[2] == "045"]
    assert mediations == [("TURGOV", "ETH", "045"), ("TURGOV", "SOM", "045")]


def test_a_break_before_a_semicolon_is_not_what_the_next_clause_dismisses(pipeline):
    text = (
        "Sudan cut diplomatic relations with the United Arab Emirates on Tuesday, calling it an 'enemy "
        "state' and accusing it of arming the Rapid Support Forces; Abu Dhabi, which says the generals "
        "in Port Sudan speak for no one, dismissed the decision."
    )
    found = counted(pipeline, text, "2025-05-08")
    assert ("SDN", "ARE", "161") in found


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("Turkey could suspend relations with the UAE, Erdogan warned on Friday.", True),
        ("Erdogan warned that Turkey might cut ties with Israel.", True),
        ("Erdogan warned that Russia could cut ties with Israel.", False),  # another's act: no threat of his
        ("Turkey could suspend relations with the UAE, analysts said.", False),
    ],
)
def test_a_warning_that_one_s_own_side_could_act_is_a_threat(coded, text, threat):
    actors = {"Turkey": "TUR", "UAE": "ARE", "Erdogan": "TURGOV", "Israel": "ISR", "Russia": "RUS"}
    events = coded(text, actors)
    assert bool([e for e in events if e.counted and e.cameo.startswith("13")]) == threat
    assert not [e for e in events if e.counted and e.cameo.startswith("16")]


def test_putting_signatures_to_a_communique_is_signing_it(coded):
    actors = {"Israel": "ISR", "China": "CHN"}
    events = coded("Israel and China put their signatures to a joint communique in Beijing.", actors)
    assert facts(events, counted=True) == [("CHN", "ISR", "057"), ("ISR", "CHN", "057")]


def test_a_telephone_call_is_had_by_both(coded):
    actors = {"Musharraf": "PAKGOV", "Vajpayee": "INDGOV"}
    events = coded("Musharraf telephoned Vajpayee on Saturday.", actors)
    assert facts(events, counted=True) == [("INDGOV", "PAKGOV", "041"), ("PAKGOV", "INDGOV", "041")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ireland's prime minister called Israel's decision to close its embassy deeply regrettable.", "111"),
        ("Javier Milei called his Colombian counterpart, Gustavo Petro, a murderer.", "111"),
        ("Javier Milei called his Colombian counterpart, Gustavo Petro, on Friday.", "041"),
    ],
)
def test_what_one_calls_someone_is_no_phone_call(pipeline, text, expected):
    found = counted(pipeline, text, "2024-12-16")
    calls = [f[2] for f in found if f[2] in {"041", "111"}]
    assert calls == [expected]


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("Germany said embassies would not be opened and ambassadors exchanged until January 15.", False),
        ("Spain said it will not recognise Kosovo until Serbia does.", True),
    ],
)
def test_an_act_put_off_until_a_date_is_no_refusal(coded, text, refused):
    actors = {"Germany": "DEU", "Spain": "ESP", "Kosovo": "KSV", "Serbia": "SRB"}
    events = coded(text, actors, date="1991-12-23")
    assert bool([e for e in events if e.counted and e.cameo.startswith("12")]) == refused
    assert not [e for e in events if e.counted and not e.cameo.startswith("12")]


def test_a_bloc_named_by_its_leaders_acts_and_their_own_meeting_is_no_event(pipeline):
    text = "West African leaders meeting in Dakar on Monday slapped a total embargo on Mali's military junta."
    found = counted(pipeline, text, "2022-01-10")
    assert found == [("IGOWAFWAS", "MLIGOV", "163")]


def test_a_titled_official_who_tells_of_a_state_s_act_speaks_for_that_state(pipeline):
    text = (
        "Malawi will open an embassy in Jerusalem next summer, Foreign Minister Eisenhower Mkaka said "
        "on Tuesday during a visit to Israel."
    )
    found = counted(pipeline, text, "2020-11-04")
    assert ("MWIGOV", "ISR", "042") in found  # the minister's visit


@pytest.mark.parametrize("word", ["baseless", "unwarranted", "illegitimate"])
def test_what_the_diplomatic_register_calls_another_s_act_is_blame(pipeline, word):
    text = f"Morocco called Algeria's decision to sever relations {word}."
    found = counted(pipeline, text, "2021-08-25")
    assert ("MAR", "DZA", "111") in found


def test_a_title_whose_state_is_inferred_is_no_antecedent_for_the_state(pipeline):
    text = (
        "Peru has withdrawn its recognition of the Sahrawi Arab Democratic Republic, Foreign Minister "
        "Ana Quispe announced on Thursday, a year after Lima re-established relations with the "
        "Polisario-proclaimed state."
    )
    found = counted(pipeline, text, "2023-09-08")
    ties = [f for f in found if f[2] == "050"]
    assert ties and all("ESH" in (f[0], f[1]) for f in ties)
