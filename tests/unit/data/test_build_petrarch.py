"""build_petrarch.py: PETRARCH2 syntax from hand-written excerpts, precedence, known codes, regeneration."""

from __future__ import annotations

import pytest
from tests.unit.data.builders import DATA, load_script, shared_data

bp = load_script("patterns/build_petrarch.py")

CODES = ("010", "020", "026", "028", "036", "042", "043", "050", "051", "054", "070", "073", "110", "143",
         "153", "154", "160", "161", "174", "190", "195")  # fmt: skip
CODEBOOK = "code\tname\n" + "".join(f"{c}\tx\n" for c in CODES)
CROSSWALK = "".join(f"{c}: X, , y # z\n" for c in CODES if c[:2] not in {"01", "02"})
SYNSETS = """####### SYNONYM SETS #######
&MILITARY
+TROOPS
+ARMY
+ARMED_FORCES

####### VERB PATTERNS #######
"""


def compile_text(
    verbs: str, events: str = "", overrides: str = "", nominals: str = ""
) -> dict[str, list[str]]:
    sources = bp.Sources(SYNSETS + verbs, CODEBOOK, CROSSWALK, events, overrides, nominals)
    rows, _report = bp.compile_rows(sources)
    return {row[0]: row for row in rows}


def test_verb_lines_give_lemmas_phrasal_verbs_and_no_bare_patterns():
    verbs = "---  EXPEL   [174]  ---\nEXPEL {EXPELS EXPELLED}\nBURNT\nBURN\n+KICK_OUT\n"
    rows = compile_text(verbs + "- * DIPLOMAT  [161]  # EXPELLED\n")
    assert not [r for r in rows.values() if r[4] == "-" and r[5] == "-"]  # a bare code is no pattern
    phrasal = [r for r in rows.values() if r[5] == "out"]
    # "+KICK_OUT": its own code, and the block's pattern with its particle ("kicked out diplomats")
    assert sorted((r[1], r[3], r[4], r[8]) for r in phrasal) == [
        ("161", "kick", "diplomat", "-"),
        ("174", "kick", "-", "needtarget"),
    ]
    diplomat = rows["p2.13.expel-diplomat"]  # the comment's "EXPELLED" is expel
    assert diplomat[3] == "burn|expel" and diplomat[1] == "161"  # "BURNT" is burn; kick has its own object


def test_pattern_syntax_maps_to_object_particle_needs_and_target():
    rows = compile_text(
        "---  SEND   [---]  ---\nSEND\n"
        "- * POLICE (TO BORDER)  [153]  # SEND\n"
        "- * {HUMANITARIAN AID}  [073]  # SEND\n"
        "- * (TO +)  [042:043]  # SEND\n"
        "- * OFF &MILITARY  [154]  # SEND\n"
    )
    police = rows["p2.10.send-police"]
    # "to" may hang on the object noun, so after an object it is not required: its noun is
    assert police[4:7] == ["police", "-", "-"] and police[8] == "needs=border"
    aid = rows["p2.11.send-humanitarian"]
    assert aid[4] == "aid" and aid[5] == "-" and aid[8] == "needs=humanitarian"
    visit = rows["p2.12.send-to"]
    assert visit[1] == "042" and visit[5] == "to" and visit[6].startswith("prep:to|")  # 043 dropped
    assert visit[8] == "needtarget"  # no object word: only an act done to someone
    troops = rows["p2.13.send-off"]
    assert troops[4] == "army|troop|troops" and troops[5] == "off"  # multi-word members dropped


def test_paired_and_silent_codes():
    rows = compile_text(
        "---  MEET   [---]  ---\nMEET\n"
        "- * (WITH)  [050:050]  # MEET\n"
        "- * (BEFORE COURT)  [:043]  # MEET\n"
        "- * HARVEST  [---]  # MEET\n"
    )
    assert rows["p2.10.meet-with"][8] == "mutual;needtarget"
    assert rows["p2.12.meet-harvest"][8] == "silent"
    assert not any("court" in r[4] for r in rows.values())  # "before" is no argument the matcher reads


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("* (TO {BANNED PARTIES}) $", "source marker ($)"),
        ("VERBALLY *", "role marker or modifier before the verb"),
        ("&MILITARY * ATTACK", "subject constraint"),
        ("&MILITARY *", "subject constraint"),
        ("* (TO LIST) (OF {BANNED PARTIES})", "more than two content words"),
        ("* (IN COURT)", "content word in a phrase the matcher does not read"),
        ("* (ASIDE RIFT)", "particle the parser does not mark"),
        ("* &NOSUCHSET", "unknown synonym set"),
        ("STRONGLY * ATTACK (ON ^) ^)", "malformed"),
    ],
)
def test_inexpressible_patterns_are_skipped_with_their_reason(body, reason):
    with pytest.raises(bp.Skip) as skipped:
        bp.shape_of(body, bp.read_dictionary(SYNSETS).synsets)
    assert str(skipped.value) == reason


def test_unknown_code_is_a_build_error_unless_an_override_fixes_it():
    verbs = "---  HACK   [---]  ---\nHACK\n- * COMPUTER  [176]  # HACK\n"
    with pytest.raises(bp.BuildError, match="176"):
        compile_text(verbs)
    assert compile_text(verbs, overrides="code\t176\t-\tnot CAMEO 0.7b5\n") == {}


def test_hand_written_pattern_drops_the_compiled_one_and_owns_its_verb():
    events = "recog.verb\t054\tV\trecognise\t-\t-\tdobj\t-\t-\n"
    verbs = "---  ACCLAIM   [051]  ---\nPRAISE\nRECOGNISE\n- * INDEPENDENCE  [054]  # PRAISE\n"
    rows = compile_text(verbs, events=events)
    assert [r[3] for r in rows.values()] == ["praise"]


def test_convention_keeps_only_recognition_codes_for_recognise():
    rows = compile_text(
        "---  ACCLAIM   [051]  ---\nPRAISE\nRECOGNISE\n"
        "- * OFFER  [036]  # PRAISE\n- * INDEPENDENCE  [054]  # RECOGNISE\n- * HARVEST  [---]  # PRAISE\n",
        overrides="only\trecognise\t054\tREADME known limits\n",
    )
    assert [r[1] for r in rows.values() if "recognise" in r[3].split("|")] == ["054"]


def test_governing_and_light_verbs_get_no_pattern():
    verbs = SYNSETS + "---  TRY   [---]  ---\nINTEND\nOFFER\nAIM\n- * ATTACK  [190]  # AIM\n"
    light = "light\toffer\t-\tlight verb\n"
    governors = "intend\tVERB\tintent\t-\n"
    rows, _ = bp.compile_rows(bp.Sources(verbs, CODEBOOK, CROSSWALK, "", light, "", governors))
    assert [r[3] for r in rows] == ["aim"]


def test_precedence_native_verb_then_own_root_then_shared_code():
    rows = compile_text(
        "---  STAGE   [---]  ---\nSTAGE\nPOST [110]\n"
        "- * STRIKE  [143]  # STAGE\n"  # native to stage
        "- * STRIKE  [190]  # POST\n"  # native to post, and the root of post's own code? no: 19 vs 11
        "---  ASK   [020]  ---\nASK\n"
        "- * MEETING  [026]  # ASK\n- * MEETING  [028]  # ASK\n- * MEETING  [036]  # ASK\n"
    )
    chosen = {(lemma, r[4]): r[1] for r in rows.values() for lemma in r[3].split("|")}
    assert chosen[("stage", "strike")] == "143" and chosen[("post", "strike")] == "190"
    assert chosen[("ask", "meeting")] == "020"  # 026 and 028 share 020; 036 is not ask's root


def test_a_tie_across_roots_keeps_neither():
    rows = compile_text(
        "---  GIVE   [---]  ---\nGIVE\nLEND\n- * TROOPS  [070]  # GIVE\n- * TROOPS  [190]  # GIVE\n"
    )
    assert not any("troop" in r[4] for r in rows.values())


def test_equally_specific_rows_are_ordered_by_precedence_not_by_line():
    rows = list(
        compile_text(
            "---  SEND   [---]  ---\nSEND\n- * AID  [070]  # SEND\n- * {HUMANITARIAN AID}  [073]  # SEND\n"
        ).values()
    )
    assert [r[1] for r in rows] == ["073", "070"]  # the row with needs= first, though written later


def test_nominal_forms_take_their_verbs_code_and_name_its_origin():
    events = "deport.verb\t174\tV\tdeport|expel\t-\t-\tobj\t-\t-\n"
    nominals = "expulsion\tN\texpel\t-\t-\tthe expulsion of X\neviction\tN\tevict\t-\t-\tx\n"
    rows = compile_text("---  DEPORT  [174]  ---\nEVICT\n", events=events, nominals=nominals)
    assert rows["nom.expulsion:deport.verb"][1:4] == ["174", "N", "expulsion"]  # events.tsv's code
    assert rows["nom.eviction:p2.9.evict"][1:4] == ["174", "N", "eviction"]  # PETRARCH's bare code
    with pytest.raises(bp.BuildError, match="no bare pattern"):
        compile_text("", nominals="boycott\tN\tboycott\t-\t-\tx\n")


def test_singular_gives_the_parser_lemma():
    words = ("sanctions", "rallies", "forces", "crises", "talks", "press", "status")
    assert [bp.singular(w) for w in words] == [
        "sanction",
        "rally",
        "force",
        "crisis",
        "talk",
        "press",
        "status",
    ]


def test_regenerating_petrarch_tsv_is_byte_identical():
    text, report = bp.build(shared_data() / "cameo")
    assert text == (DATA / "patterns" / "petrarch.tsv").read_text(encoding="utf-8")
    assert report.read > 4000 and report.compiled > 3000


def test_compiled_codes_exist_and_recognise_is_054():
    from chancery.coding.codebook import Codebook

    codes = Codebook.load().entries
    for line in (DATA / "patterns" / "petrarch.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        row = line.split("\t")
        assert row[1] in codes, row[0]
        if {"recognise", "recognize"} & set(row[3].split("|")):
            assert row[1] == "054", row[0]
