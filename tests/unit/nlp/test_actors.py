"""Actor resolution through the real parse: every state, demonym, capital and seat, and people in articles."""

from __future__ import annotations

from collections import defaultdict
from importlib import resources

import pycountry
import pytest

from chancery.records import Article


def _states_table() -> dict[str, dict[str, list[str]]]:
    """iso3 -> kind -> aliases, as the dictionary's generated states.tsv lists them."""
    table: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    text = resources.files("chancery").joinpath("data/actors/states.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            iso3, kind, alias, _sector = line.split("\t")
            table[iso3][kind].append(alias)
    return table


STATES = _states_table()


def _first_mentions(pipeline, sentences: list[str], day: str = "2025-07-04"):
    articles = [Article(id=Article.make_id(s), text=s, date=day) for s in sentences]
    return [parsed.mentions[0] if parsed.mentions else None for parsed in pipeline.parse_many(articles)]


def _misses(pipeline, cases: list[tuple[str, str, str]]) -> list[tuple[str, str, str | None]]:
    """(alias, expected code, found code) for every case whose sentence does not open with that actor."""
    found = _first_mentions(pipeline, [sentence for _alias, sentence, _code in cases])
    misses = []
    for (alias, _sentence, code), mention in zip(cases, found, strict=True):
        if mention is None or mention.text != alias or mention.actor.code != code:
            misses.append((alias, code, mention and f"{mention.text}={mention.actor.code}"))
    return misses


def test_the_table_covers_every_iso_3166_entry_and_the_four_extra_states():
    iso = {c.alpha_3 for c in pycountry.countries}
    assert iso <= set(STATES)
    assert {"TWN", "KSV", "ESH", "PSE"} <= set(STATES)


def test_every_iso_3166_state_resolves_by_every_name(pipeline):
    cases = [
        (name, f"{name} said on Monday that it would send a delegation.", iso3)
        for iso3, kinds in STATES.items()
        for name in kinds["name"]
    ]
    assert len(cases) > 300
    assert _misses(pipeline, cases) == []


def test_every_demonym_resolves_to_its_state(pipeline):
    cases = [
        (f"{demonym} officials", f"{demonym} officials said on Monday that talks would resume.", iso3 + "GOV")
        for iso3, kinds in STATES.items()
        for demonym in kinds["demonym"]
    ]
    assert len(cases) > 190
    assert _misses(pipeline, cases) == []


def test_every_capital_that_acts_is_its_government(pipeline):
    cases = [
        (capital, f"{capital} said on Monday that it would send a delegation.", iso3 + "GOV")
        for iso3, kinds in STATES.items()
        for capital in kinds["capital"]
    ]
    assert len(cases) > 190
    assert _misses(pipeline, cases) == []


def test_every_seat_of_power_that_acts_is_its_government_or_branch(pipeline):
    table = resources.files("chancery").joinpath("data/actors/states.tsv").read_text(encoding="utf-8")
    cases = []
    for line in table.splitlines():
        if "\tseat\t" in line:
            iso3, _kind, seat, sector = line.split("\t")
            cases.append((seat, f"The {seat} said on Monday that it would reply.", iso3 + sector))
    assert len(cases) > 25
    assert _misses(pipeline, cases) == []


def test_a_capital_as_a_place_is_a_place_of_its_country_not_its_government(parse):
    parsed = parse("The ministers met in Islamabad and flew to Beijing.")
    assert [(m.text, m.kind, m.actor.code, m.actor.sector) for m in parsed.mentions] == [
        ("Islamabad", "place", "PAK", None),
        ("Beijing", "place", "CHN", None),
    ]


def test_a_named_spokesperson_gives_person_role_organisation_and_government(parse):
    parsed = parse(
        "Chinese Foreign Ministry spokesperson Mao Ning said on Monday that China opposed the move. "
        "She urged restraint."
    )
    person = next(m for m in parsed.mentions if m.kind == "person")
    assert person.text == "Mao Ning"
    assert person.rule == "person:mao-ning"
    assert (person.actor.code, person.actor.country, person.actor.sector) == ("CHNGOV", "CHN", "GOV")
    assert (person.actor.name, person.actor.role, person.actor.organization) == (
        "Mao Ning",
        "spokesperson",
        "Foreign Ministry",
    )
    pronoun = next(m for m in parsed.mentions if m.kind == "pronoun")
    assert (pronoun.text, pronoun.refers_to, pronoun.rule) == ("She", person.id, "pronoun-coref")
    assert pronoun.actor.name == "Mao Ning"


def test_an_unknown_person_named_after_a_role_is_kept_with_role_and_organisation(parse):
    parsed = parse("Pakistan's foreign office spokeswoman Ayesha Qadir said Islamabad was ready.")
    person = next(m for m in parsed.mentions if m.kind == "person")
    assert person.rule == "person-role:spokesperson"
    assert (person.actor.code, person.actor.name, person.actor.role, person.actor.organization) == (
        "PAKGOV",
        "Ayesha Qadir",
        "spokesperson",
        "Foreign Office",
    )


def test_a_surname_refers_back_to_the_first_mention(parse):
    parsed = parse("Ayesha Qadir, a Pakistani foreign office spokeswoman, spoke. Later, Qadir said more.")
    first, again = [m for m in parsed.mentions if m.kind == "person"]
    assert (again.text, again.rule, again.refers_to) == ("Qadir", "person-coref:surname", first.id)
    assert again.actor.code == "PAKGOV"


def test_an_unnamed_spokesperson_between_two_states_is_not_guessed(parse):
    parsed = parse("India and Pakistan traded accusations. The spokesperson declined to comment.")
    assert [m.text for m in parsed.mentions] == ["India", "Pakistan"]


def test_mention_tokens_and_heads_lie_inside_the_span(parse):
    parsed = parse("Russian Foreign Minister Sergei Lavrov and the Kremlin said Washington had erred.")
    assert parsed.mentions
    for mention in parsed.mentions:
        first, last = parsed.tokens[mention.first], parsed.tokens[mention.last - 1]
        assert (first.start, last.end) == (mention.span.start, mention.span.end)
        assert mention.first <= mention.head < mention.last
        assert parsed.article.text[mention.span.start : mention.span.end] == mention.text


@pytest.mark.parametrize(
    ("day", "code"),
    [("2019-06-01", "AFGREB"), ("2021-08-14", "AFGREB"), ("2021-08-15", "AFGGOV"), ("2024-06-01", "AFGGOV")],
)
def test_the_taliban_are_insurgents_until_15_august_2021_and_the_government_from_then(parse, day, code):
    parsed = parse("The Taliban said they would attend.", date=day)
    assert [(m.text, m.actor.code) for m in parsed.mentions] == [("Taliban", code)]


@pytest.mark.parametrize(
    ("day", "code"), [("1998-03-01", "AFGGOV"), ("2010-03-01", "AFGREB"), ("2023-03-01", "AFGGOV")]
)
def test_the_islamic_emirate_and_its_envoy_resolve_like_the_taliban(parse, day, code):
    parsed = parse(
        "An envoy of the Islamic Emirate met the Islamic Emirate of Afghanistan's critics.", date=day
    )
    assert [(m.text, m.actor.code) for m in parsed.mentions] == [
        ("envoy of the Islamic Emirate", code),
        ("Islamic Emirate of Afghanistan", code),
    ]


def test_an_unnamed_ministry_official_in_a_datelined_story_speaks_for_the_dateline_state(parse):
    text = (
        "BEIJING (Wire) - China hosts a Taliban-appointed ambassador. "
        '"We respect the choice," a foreign ministry spokesperson said.'
    )
    beijing = parse(text, place="BEIJING")
    [role] = [m for m in beijing.mentions if m.text == "foreign ministry spokesperson"]
    assert role.actor.code == "CHNGOV"  # not the Taliban named in the sentence before
