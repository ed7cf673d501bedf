"""Every record survives to_dict → JSON → from_dict unchanged (the one serialisation of DESIGN.md)."""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chancery import records

RECORD_TYPES = [
    records.TextSpan,
    records.Article,
    records.Token,
    records.Sentence,
    records.DatedCode,
    records.Actor,
    records.Mention,
    records.DateRef,
    records.Speaker,
    records.Quote,
    records.ParsedArticle,
    records.Plover,
    records.Evidence,
    records.Event,
    records.CodedArticle,
    records.RelationEvidence,
    records.Relation,
    records.InputProblem,
    records.Run,
]

# Keep generated text JSON-safe but varied (surrogates cannot be encoded as UTF-8).
st.register_type_strategy(str, st.text(st.characters(blacklist_categories=("Cs",)), max_size=20))
st.register_type_strategy(float, st.floats(allow_nan=False, allow_infinity=False))


@pytest.mark.parametrize("kind", RECORD_TYPES, ids=lambda k: k.__name__)
def test_record_json_round_trip(kind):
    @settings(max_examples=40, deadline=None)
    @given(st.builds(kind))
    def check(record):
        through_json = json.loads(json.dumps(record.to_dict()))
        assert kind.from_dict(through_json) == record

    check()


def test_event_dict_has_every_contract_field():
    event = records.Event(
        id="e1",
        article_id="a1",
        sentence=0,
        source=records.Actor(text="Russia", code="RUS", country="RUS"),
        target=None,
        cameo="054",
        cameo_name="Grant diplomatic recognition",
        quad_class=1,
        goldstein=6.0,
        plover=records.Plover(event="SUPPORT", context="diplomatic"),
        negated=False,
        modality="asserted",
        counted=True,
        date="2025-07-03",
        date_basis="publication",
        evidence=records.Evidence(start=0, end=10, text="Russia rec", trigger="recognised", rule="p"),
    )
    data = event.to_dict()
    contract = {
        "id", "article_id", "sentence", "source", "target", "cameo", "cameo_name", "quad_class",
        "goldstein", "plover", "negated", "modality", "counted", "date", "date_basis", "evidence", "quote_id",
    }  # fmt: skip
    assert contract <= set(data)
    assert {"text", "code", "country", "sector", "name"} <= set(data["source"])
    assert {"start", "end", "text", "trigger", "rule"} <= set(data["evidence"])
    assert {"event", "mode", "context"} == set(data["plover"])


@pytest.mark.parametrize(
    ("negated", "modality", "expected"),
    [(False, "asserted", True), (True, "asserted", False)]
    + [(False, m, False) for m in records.MODALITIES if m != "asserted"],
)
def test_counted_rule_of_design(negated, modality, expected):
    assert records.Event.is_counted(negated, modality) is expected


def test_mention_actor_on_follows_date_bounds():
    taliban = records.Mention(
        id="m",
        span=records.TextSpan(0, 7),
        text="Taliban",
        sentence=0,
        first=0,
        last=1,
        head=0,
        actor=records.Actor(text="Taliban", code="AFGGOV", country="AFG", sector="GOV"),
        rule="group:taliban",
        codes=(
            records.DatedCode("AFGREB", None, "2021-08-15"),
            records.DatedCode("AFGGOV", "2021-08-15", None),
        ),
    )
    assert taliban.actor_on("2019-02-01").code == "AFGREB"
    assert taliban.actor_on("2021-08-15").code == "AFGGOV"
    assert taliban.actor_on("2025-07-04").sector == "GOV"


def test_content_ids_are_stable_and_distinct():
    assert records.Article.make_id("Russia recognised  the Taliban.") == records.Article.make_id(
        "Russia recognised the Taliban."
    )
    assert records.Article.make_id("a") != records.Article.make_id("b")


_ID_PARTS = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@given(st.lists(_ID_PARTS, max_size=5), st.integers(min_value=1, max_value=64))
@settings(max_examples=300, deadline=None)
def test_content_id_is_the_hash_of_each_parts_json(parts, length):
    digest = hashlib.sha256()
    for part in parts:  # the definition: each part's json.dumps, then a 0x1F separator
        digest.update(json.dumps(part, sort_keys=True, ensure_ascii=False, default=str).encode())
        digest.update(b"\x1f")
    assert records.content_id(*parts, length=length) == digest.hexdigest()[:length]
