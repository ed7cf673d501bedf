"""The codebook covers CAMEO 0.7b5 with names, scores, quad classes and PLOVER, and recodes per CAMEO."""

from __future__ import annotations

import pytest

from chancery.coding.codebook import Codebook


@pytest.fixture(scope="module")
def codebook():
    return Codebook.load()


def test_every_root_has_codes_with_name_score_and_quad_class(codebook):
    roots = {code[:2] for code in codebook.entries}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    for entry in codebook.entries.values():
        assert entry.name and -10.0 <= entry.goldstein <= 10.0
        assert entry.quad_class == (
            1 if entry.code < "06" else 2 if entry.code < "09" else 3 if entry.code < "14" else 4
        )


def test_recognition_is_054_support_and_praise_is_051(codebook):
    assert codebook.entry("054").name == "Grant diplomatic recognition"
    assert codebook.entry("054").plover.event == "SUPPORT"
    assert codebook.entry("051").name == "Praise or endorse"
    assert codebook.entry("054").goldstein == 6.0


def test_crosswalk_gives_event_mode_and_context(codebook):
    release = codebook.entry("0841").plover
    assert (release.event, release.mode, release.context) == ("RETREAT", "release", "legal")
    assert codebook.entry("163").plover.event == "COERCE"
    assert codebook.entry("1712").plover.event == "ASSAULT"


def test_plover_dropped_statements_but_appeals_map_to_request(codebook):
    assert codebook.plover_event("010") == ""
    assert codebook.plover_event("016") == "REJECT"
    assert codebook.plover_event("022") == "REQUEST"
    assert codebook.plover_event("0253") == "REQUEST"


@pytest.mark.parametrize(
    ("frame", "act", "code"),
    [
        ("intent", "054", "032"),
        ("intent", "042", "036"),
        ("intent", "045", "039"),
        ("intent", "073", "0333"),
        ("request", "054", "022"),
        ("request", "046", "026"),
        ("request", "0841", "0253"),
        ("demand", "085", "1054"),
        ("refusal", "054", "120"),
        ("refusal", "046", "125"),
        ("threat", "163", "1312"),
        ("threat", "161", "1313"),
        ("threat", "190", "138"),
    ],
)
def test_recode_follows_cameo_rules_for_governed_acts(codebook, frame, act, code):
    assert codebook.recode(frame, act) == code


def test_unknown_code_falls_back_to_its_parent(codebook):
    assert codebook.entry("0549").code == "054"
