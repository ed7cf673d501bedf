"""The actor dictionary and resolver on hand-built tokens (no spaCy model): matching, traps, dates, rules."""

from __future__ import annotations

import functools
import re
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chancery.nlp.actors import find_mentions
from chancery.nlp.dictionary import ActorDictionary, DictionaryError, normalise, parse_codes
from chancery.records import Article, DatedCode, Sentence, Token

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:-\w+)*|'s|[^\w\s]")


@pytest.fixture(scope="module")
def dictionary():
    return ActorDictionary.load()


def tokens_of(text: str) -> tuple[tuple[Token, ...], tuple[Sentence, ...]]:
    """One sentence of tokens, each its own subject (so capitals act) and a proper noun if capitalised."""
    tokens = []
    for i, match in enumerate(_TOKEN.finditer(text)):
        word = match.group(0)
        after = text[match.end() : match.end() + 1]
        tokens.append(
            Token(
                i=i,
                text=word,
                start=match.start(),
                end=match.end(),
                lemma=word.lower(),
                pos="PROPN" if word[:1].isupper() else "NOUN",
                tag="",
                dep="nsubj",
                head=i,
                sentence=0,
                whitespace=after if after.isspace() else "",
            )
        )
    sentence = Sentence(index=0, start=0, end=len(text), first=0, last=len(tokens))
    return tuple(tokens), (sentence,)


def mentions(dictionary, text: str, day: str | None = "2025-07-04"):
    tokens, sentences = tokens_of(text)
    article = Article(id=Article.make_id(text), text=text, date=day)
    return find_mentions(article, tokens, sentences, dictionary, day)


def codes(dictionary, text: str, day: str | None = "2025-07-04") -> list[tuple[str, str]]:
    return [(m.text, m.actor.code) for m in mentions(dictionary, text, day)]


def test_the_dictionary_loads_every_kind_of_entry(dictionary):
    kinds = {entry.kind for entry in dictionary.entries()}
    assert kinds == {
        "state",
        "demonym",
        "capital",
        "place",
        "seat",
        "igo",
        "group",
        "person",
        "nonactor",
        "role",
    }
    assert "spokesperson" in {e.key for group in dictionary.roles.values() for e in group}


def test_a_spokesperson_is_gov_not_phoenix_media(dictionary):
    roles = {e.key: e for group in dictionary.roles.values() for e in group}
    assert roles["spokesperson"].sector == "GOV"
    assert roles["spokesman"].sector == "GOV"
    assert roles["troops"].sector == "MIL"


def test_a_bare_state_is_the_country_and_its_capital_the_government(dictionary):
    assert codes(dictionary, "China said Beijing would reply.") == [("China", "CHN"), ("Beijing", "CHNGOV")]


def test_mentions_carry_the_rule_that_fired_and_slice_the_text_exactly(dictionary):
    text = "Chinese officials said Beijing and China agreed."
    found = mentions(dictionary, text)
    assert [m.rule for m in found] == [
        "demonym:chinese+role:officials",
        "capital-as-government:beijing",
        "state-name:china",
    ]
    for mention in found:
        assert text[mention.span.start : mention.span.end] == mention.text
    assert [m.kind for m in found] == ["role", "capital", "state"]


def test_acronyms_match_only_in_capitals(dictionary):
    found = codes(dictionary, "Let us ask the US and the U.S. and the who.")
    assert found == [("US", "USA"), ("U.S.", "USA")]


def test_lowercase_common_words_are_not_states(dictionary):
    assert codes(dictionary, "We ate turkey and a chad fell.") == []
    assert codes(dictionary, "Turkey and Chad met.") == [("Turkey", "TUR"), ("Chad", "TCD")]


def test_the_longest_name_wins(dictionary):
    found = codes(dictionary, "Papua New Guinea, Guinea-Bissau, Nigeria and Niger signed.")
    assert found == [
        ("Papua New Guinea", "PNG"),
        ("Guinea-Bissau", "GNB"),
        ("Nigeria", "NGA"),
        ("Niger", "NER"),
    ]


def test_congo_and_korea_resolve_to_the_right_state(dictionary):
    text = "Congo, the Republic of the Congo, North Korea and South Korea met."
    assert codes(dictionary, text) == [
        ("Congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("North Korea", "PRK"),
        ("South Korea", "KOR"),
    ]


def test_a_non_actor_phrase_blocks_the_state_inside_it(dictionary):
    assert codes(dictionary, "Ships crossed the South China Sea.") == []


def test_accents_and_curly_apostrophes_fold(dictionary):
    found = codes(dictionary, "Côte d’Ivoire and Turkiye met.")
    assert found == [("Côte d’Ivoire", "CIV"), ("Turkiye", "TUR")]


def test_a_group_mention_carries_its_dated_codes(dictionary):
    (taliban,) = mentions(dictionary, "Taliban fighters advanced.", day="2019-05-01")
    assert taliban.actor.code == "AFGREB"
    assert taliban.actor_on("2019-05-01").code == "AFGREB"
    assert taliban.actor_on("2021-08-15").code == "AFGGOV"
    assert taliban.actor_on("1999-01-01").code == "AFGGOV"


def test_a_person_out_of_office_falls_back_to_the_country(dictionary):
    (trump,) = mentions(dictionary, "Donald Trump spoke.", day="2010-01-01")
    assert trump.actor.code == "USA"  # before any office he held: only his country is known
    assert trump.actor.name == "Donald Trump"
    assert trump.actor_on("2025-02-01").code == "USAGOV"


def test_a_former_office_holder_is_the_elite_until_the_data_ends(dictionary):
    # Phoenix: Odinga was KENGOV 2003-2006 and again from 2008-04-17; in January 2008 he held no office
    (odinga,) = mentions(dictionary, "Raila Odinga spoke.", day="2008-01-24")
    assert odinga.actor.code == "KENELI"
    # after the compiled data's last day (2014-01-30) nobody knows who holds what: the country alone
    (mubarak,) = mentions(dictionary, "Hosni Mubarak spoke.", day="2020-01-01")
    assert mubarak.actor.code == "EGY"


def test_lowercase_aliases_match_as_written(dictionary):
    assert codes(dictionary, "Officials blamed al-Shabaab.") == [("al-Shabaab", "SOMREB")]


def test_parse_codes_reads_open_and_closed_bounds():
    assert parse_codes("AFGREB@..2021-08-15;AFGGOV@2021-08-15..") == (
        DatedCode("AFGREB", None, "2021-08-15"),
        DatedCode("AFGGOV", "2021-08-15", None),
    )
    assert parse_codes("LBNREB") == (DatedCode("LBNREB"),)


def test_a_missing_data_file_names_the_fix(monkeypatch):
    from chancery.nlp import dictionary as module

    monkeypatch.setattr(module, "DATA", "data/no-such-folder")
    with pytest.raises(DictionaryError, match="reinstall chancery or restore it from git"):
        ActorDictionary.load()


@given(st.text())
def test_normalising_keeps_every_offset(text):
    assert len(normalise(text)) == len(text)


G20_STATES = [
    "ARG",
    "AUS",
    "BRA",
    "CAN",
    "CHN",
    "DEU",
    "FRA",
    "GBR",
    "IDN",
    "IND",
    "ITA",
    "JPN",
    "KOR",
    "MEX",
    "RUS",
    "SAU",
    "TUR",
    "USA",
    "ZAF",
]
AFGHANISTAN_AND_NEIGHBOURS = ["AFG", "CHN", "IRN", "PAK", "TJK", "TKM", "UZB"]


def _people_in_office(dictionary, code: str, day: str) -> dict[str, str | None]:
    """name -> role held on ``day`` for every person whose code that day is ``code``."""
    found = {}
    for entry in dictionary.entries():
        if entry.kind != "person":
            continue
        for dated, (role, _organization) in zip(entry.codes, entry.terms, strict=True):
            if dated.code == code and dated.valid_on(day):
                found[entry.name] = role
    return found


@pytest.mark.parametrize("state", sorted(set(G20_STATES + AFGHANISTAN_AND_NEIGHBOURS)))
def test_every_g20_state_and_afghan_neighbour_has_a_leader_in_office_in_july_2025(dictionary, state):
    roles = set(_people_in_office(dictionary, state + "GOV", "2025-07-04").values())
    assert roles & {
        "president",
        "prime minister",
        "chancellor",
        "king",
        "supreme leader",
        "leader",
        "premier",
    }


@pytest.mark.parametrize("state", AFGHANISTAN_AND_NEIGHBOURS)
def test_afghanistan_and_its_neighbours_have_a_foreign_minister_in_july_2025(dictionary, state):
    assert "foreign minister" in _people_in_office(dictionary, state + "GOV", "2025-07-04").values()


@pytest.mark.parametrize("state", G20_STATES)
def test_every_g20_state_has_a_foreign_minister_in_july_2025(dictionary, state):
    roles = set(_people_in_office(dictionary, state + "GOV", "2025-07-04").values())
    assert roles & {"foreign minister", "foreign secretary", "secretary of state"}


def test_trump_and_biden_hold_office_by_date(dictionary):
    assert "Donald Trump" in _people_in_office(dictionary, "USAGOV", "2025-01-20")
    assert "Donald Trump" not in _people_in_office(dictionary, "USAGOV", "2025-01-19")
    assert "Joe Biden" in _people_in_office(dictionary, "USAGOV", "2025-01-19")
    assert "Amir Khan Muttaqi" in _people_in_office(dictionary, "AFGGOV", "2021-09-07")
    assert "Amir Khan Muttaqi" in _people_in_office(dictionary, "AFGREB", "2021-08-14")


@functools.cache
def _loaded() -> ActorDictionary:
    return ActorDictionary.load()


@functools.cache
def _state_names() -> list[tuple[str, str]]:
    """(name, iso3) for every unambiguous state name in the dictionary."""
    names: dict[str, set[str]] = {}
    for entry in _loaded().entries():
        if entry.kind == "state":
            names.setdefault(entry.alias, set()).add(entry.codes[0].code)
    return sorted((name, codes.pop()) for name, codes in names.items() if len(codes) == 1)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_state_names()), min_size=1, max_size=4), st.sampled_from([", ", " and "]))
def test_a_series_of_state_names_gives_one_mention_each(series, joiner):
    text = "Officials from " + joiner.join(name for name, _code in series) + " met."
    found = codes(_loaded(), text)
    assert found == [(name, code) for name, code in series]


WORDS = [
    "China",
    "Chinese",
    "Beijing",
    "the",
    "spokesperson",
    "Mao",
    "Ning",
    "said",
    "he",
    "she",
    ",",
    "and",
    "'s",
    "foreign",
    "ministry",
    "Taliban",
    "Georgia",
    "US",
    "us",
    "Atlanta",
    "in",
    "of",
    "for",
    "Lavrov",
    "Harris",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_any_word_salad_gives_disjoint_mentions_that_slice_the_text_and_lie_on_tokens(words):
    text = " ".join(words).replace(" 's", "'s").replace(" ,", ",")
    tokens, sentences = tokens_of(text)
    article = Article(id="salad", text=text, date="2025-07-04")
    found = find_mentions(article, tokens, sentences, _loaded(), "2025-07-04")
    ids = {m.id for m in found}
    assert len(ids) == len(found)
    for before, after in pairwise(found):
        assert before.span.end <= after.span.start
    for mention in found:
        assert text[mention.span.start : mention.span.end] == mention.text
        assert (tokens[mention.first].start, tokens[mention.last - 1].end) == (
            mention.span.start,
            mention.span.end,
        )
        assert mention.first <= mention.head < mention.last
        assert mention.refers_to is None or mention.refers_to in ids


def test_a_dateline_place_unknown_to_the_dictionary_takes_the_state_written_after_it(dictionary):
    assert dictionary.home_country("BEIJING") == "CHN"
    assert dictionary.home_country("RAIPUR, India") == "IND"
    assert dictionary.home_country("KABUL, Afghanistan") == "AFG"
    assert dictionary.home_country("BEDMINSTER, N.J.") is None
