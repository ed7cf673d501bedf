"""People the dictionary knows by date, names that start with a state's name, and "his country"."""

from __future__ import annotations

import pytest


def _people(parsed):
    return [(m.text, m.actor.code, m.actor.role) for m in parsed.mentions if m.kind == "person"]


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        (
            "Andrés Manuel López Obrador spoke at dawn.",
            "2021-05-01",
            ("Andrés Manuel López Obrador", "MEXGOV"),
        ),
        (
            "Andres Manuel Lopez Obrador spoke at dawn.",
            "2025-05-01",
            ("Andres Manuel Lopez Obrador", "MEXELI"),
        ),
        ("Claudia Sheinbaum spoke at dawn.", "2025-05-01", ("Claudia Sheinbaum", "MEXGOV")),
        ("Pope Francis spoke at dawn.", "2020-05-01", ("Pope Francis", "VATGOV")),
        ("Pope Leo XIV spoke at dawn.", "2025-06-01", ("Pope Leo XIV", "VATGOV")),
        ("Xiomara Castro spoke at dawn.", "2023-05-01", ("Xiomara Castro", "HNDGOV")),
        ("Naledi Pandor spoke at dawn.", "2022-05-01", ("Naledi Pandor", "ZAFGOV")),
        ("Ronald Lamola spoke at dawn.", "2025-05-01", ("Ronald Lamola", "ZAFGOV")),
        ("Cho Hyun spoke at dawn.", "2025-09-01", ("Cho Hyun", "KORGOV")),
        ("Gerardo Werthein spoke at dawn.", "2025-03-01", ("Gerardo Werthein", "ARGGOV")),
        ("Viktor Orban spoke at dawn.", "2024-03-01", ("Viktor Orban", "HUNGOV")),
        ("Gustavo Petro spoke at dawn.", "2024-03-01", ("Gustavo Petro", "COLGOV")),
        ("Juan Guaidó spoke at dawn.", "2019-03-01", ("Juan Guaidó", "VENOPP")),
        ("Itamar Ben-Gvir spoke at dawn.", "2025-02-01", ("Itamar Ben-Gvir", "ISRPTY")),
        ("Itamar Ben-Gvir spoke at dawn.", "2025-06-01", ("Itamar Ben-Gvir", "ISRGOV")),
    ],
)
def test_heads_of_state_and_foreign_ministers_resolve_on_the_day(parse, text, day, expected):
    parsed = parse(text, date=day)
    assert [(m.text, m.actor.code) for m in parsed.mentions if m.kind == "person"] == [expected]


def test_a_known_president_is_her_own_state_not_the_one_her_campaign_courted(parse):
    parsed = parse(
        "Taiwan lost another ally. "
        "President Xiomara Castro had pledged in her campaign to switch ties to Beijing.",
        date="2023-03-20",
    )
    assert _people(parsed) == [("Xiomara Castro", "HNDGOV", "president")]


@pytest.mark.parametrize(
    ("day", "role"), [("2024-06-01", "foreign minister"), ("2025-02-01", "defence minister")]
)
def test_israel_katz_is_an_israeli_minister_not_a_state(parse, day, role):
    parsed = parse(
        "Ireland said it would recognise Palestine. Foreign Minister Israel Katz objected.", date=day
    )
    katz = next(m for m in parsed.mentions if m.text == "Israel Katz")
    assert (katz.kind, katz.actor.code, katz.actor.name) == ("person", "ISRGOV", "Israel Katz")
    assert ("Israel", "ISR") not in [(m.text, m.actor.code) for m in parsed.mentions]


def test_jordan_bardella_is_the_french_opposition(parse):
    parsed = parse("Jordan Bardella attacked the budget.")
    assert [(m.text, m.actor.code) for m in parsed.mentions] == [("Jordan Bardella", "FRAOPP")]


@pytest.mark.parametrize(
    "text", ["Chad Daniels scored late.", "Israel Levy filed the appeal.", "Jordan Peters won."]
)
def test_a_state_name_before_a_surname_is_a_given_name(parse, text):
    assert parse(text).mentions == ()


def test_a_state_name_before_a_weekday_or_role_noun_is_still_the_state(parse):
    parsed = parse("Chad Monday closed its border, and the Israel Defense Forces withdrew.")
    assert [(m.text, m.actor.code) for m in parsed.mentions] == [
        ("Chad", "TCD"),
        ("Israel Defense Forces", "ISRMIL"),
    ]


def test_his_country_after_a_known_person_is_that_persons_state(parse):
    parsed = parse("Sergei Lavrov said his country would not be intimidated.")
    country = next(m for m in parsed.mentions if m.text == "his country")
    lavrov = parsed.mentions[0]
    assert (country.kind, country.rule, country.actor.code, country.actor.sector) == (
        "pronoun",
        "pronoun-coref:country",
        "RUS",
        None,
    )
    assert country.refers_to == lavrov.id


def test_her_country_needs_a_known_person_with_a_state(parse):
    assert [m.text for m in parse("The minister said her country would act.").mentions] == []
    # the dictionary knows Kallas only as an EU official: no state to give "her country"
    parsed = parse("Kaja Kallas said her country had warned of this for years.", date="2025-03-01")
    assert "her country" not in [m.text for m in parsed.mentions]


def test_his_country_for_an_organisation_head_is_the_state_of_his_earlier_office(parse):
    parsed = parse("Mark Rutte said his country would raise its spending.", date="2025-03-01")
    country = next(m for m in parsed.mentions if m.text == "his country")
    assert country.actor.code == "NLD"


def test_his_country_after_a_named_role_is_the_roles_state(parse):
    parsed = parse("Oman's foreign minister stressed his country's neutrality.")
    minister, country = parsed.mentions
    assert (country.text, country.actor.code, country.refers_to) == ("his country", "OMN", minister.id)


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("Gabriel Boric spoke at dawn.", "2023-05-01", ("Gabriel Boric", "CHLGOV")),
        ("Haitham bin Tariq spoke at dawn.", "2023-05-01", ("Haitham bin Tariq", "OMNGOV")),
        ("Uhuru Kenyatta spoke at dawn.", "2018-03-09", ("Uhuru Kenyatta", "KENGOV")),
    ],
)
def test_office_holders_since_2014_are_known_from_the_offices_list(parse, text, day, expected):
    assert _people(parse(text, day))[0][:2] == expected


def test_a_listed_surname_that_names_a_day_or_a_state_is_no_one_on_its_own(parse):
    # people_offices.tsv lists Godwin Friday and Luís Montenegro: "Friday" stays a day, "Montenegro" a state
    parsed = parse("Belgrade expelled the envoys of Montenegro and Macedonia on Friday.", "2025-12-05")
    assert _people(parsed) == []
    assert [m.actor.code for m in parsed.mentions if m.kind != "capital"] == ["MNEGOV", "MKDGOV"]


def test_a_starred_lone_name_in_one_file_stands_alone_though_another_lists_it_plain(parse):
    # people_offices.tsv has a plain "Maduro", people_phoenix.tsv "Maduro*": the star wins
    assert _people(parse("Maduro broke off relations with Panama.", "2017-05-06"))[0][:2] == (
        "Maduro",
        "VENGOV",
    )


def test_a_name_keeps_the_article_s_spelling_even_with_letters_that_have_no_accent_to_drop(parse):
    # people_offices.tsv spells him "Radoslaw Sikorski" (as ASCII sources do), the article with its "ł"
    assert _people(parse("Radosław Sikorski spoke at dawn.", "2024-05-01"))[0][:2] == (
        "Radosław Sikorski",
        "POLGOV",
    )


def test_a_surname_several_listed_people_share_is_no_one_s_alias(parse):
    # two foreign ministers named González are listed: "González" alone names neither
    parsed = parse(
        "Arancha González Laya met Manuel González Sanz. González said the talks went well.", "2021-01-10"
    )
    assert [name for name, _, _ in _people(parsed)] == ["Arancha González Laya", "Manuel González Sanz"]
