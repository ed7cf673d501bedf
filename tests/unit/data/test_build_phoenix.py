"""build_phoenix.py: TABARI actor syntax from hand-written excerpts, the person filters, regeneration."""

from __future__ import annotations

import pytest
from tests.unit.data.builders import DATA, load_script, shared_data

bp = load_script("actors/build_phoenix.py")

COUNTRIES = """\
EGYPT_  [EGY]
+CAIRO_
+ALEXANDRIA_

HOSNI_MUBARAK_  # CountryInfo.txt
+PRESIDENT_HOSNI_MUBARAK
+HUSNI_MUBARAK
\t[EGYELI 460101-811007]
\t[EGYGOV 811007-110211]
\t[EGYELI]
ALEXANDRIA_PORT_  # CountryInfo.txt
\t[EGYGOV 900101-910101]
PRIME_MINISTER_  # CountryInfo.txt
\t[EGYGOV 900101-910101]
NEW_DAWN_  # CountryInfo.txt
\t[EGYGOV 900101-910101]
AHMED_ALI_  # CountryInfo.txt
\t[EGYGOV 900101-910101]
AHMED_ALI_  # CountryInfo.txt
\t[EGYMIL 950101-960101]
KARIM_NAGUIB_  # CountryInfo.txt
\t[EGYGOV 900101-9101]
SALIM_BADR_  # CountryInfo.txt
\t[MNC]
"""
MILNONSTATE = """\
UNITA_ [ANGREB] #  kkl 21 Mar 13
+NATIONAL_UNION_FOR_THE_TOTAL_INDEPENDENCE_OF_ANGOLA_
+STRUGGLE_
ANIMAL_LIBERATION_FRONT_(ALF)_ [INTREB] #  kkl 21 Mar 13
KHMER_ROUGE_ [KHMREB]
"""


def lexicon() -> bp.Lexicon:
    return bp.Lexicon(
        names={"egypt", "cairo", "alexandria port", "prime minister"}, words={"new", "dawn", "struggle"}
    )


def people(hand: set[str] = frozenset()):
    report = bp.Report()
    found = bp.compile_people([("Countries", COUNTRIES)], lexicon(), {"EGY", "KHM"}, set(hand), report)
    return {name: (aliases, terms) for name, aliases, terms, _ in found}, report


def test_tabari_entries_aliases_and_dated_codes():
    records = bp.read_actors(COUNTRIES)
    mubarak = next(r for r in records if r.name == "HOSNI_MUBARAK_")
    assert mubarak.aliases == ["PRESIDENT_HOSNI_MUBARAK", "HUSNI_MUBARAK"]
    assert mubarak.codes == [
        ("EGYELI", "1946-01-01", "1981-10-07"),
        ("EGYGOV", "1981-10-07", "2011-02-11"),
        ("EGYELI", None, None),
    ]


def test_person_terms_keep_dates_and_the_undated_code_holds_after_the_last_term():
    found, _ = people()
    aliases, terms = found["Hosni Mubarak"]
    assert terms[-1] == ("EGYELI", "2011-02-11", "2014-01-30")  # open terms end with the data
    assert ("EGYGOV", "1981-10-07", "2011-02-11") in terms
    assert aliases[:2] == ["Hosni Mubarak", "Husni Mubarak"]  # "President" stripped, so a duplicate


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("Egypt", "one word (a monarch's or an organisation's name: not safely a person)"),
        ("Alexandria Port", "a state, place, organisation or role"),
        ("Prime Minister", "a state, place, organisation or role"),
        ("New Dawn", "common words"),
        ("Ahmed 2nd", "not a name (digits or symbols)"),
        ("Hosni Mubarak", None),
    ],
)
def test_places_titles_common_words_and_countries_are_no_person(name, reason):
    assert bp._person_name_ok(name, lexicon()) == reason


def test_filtered_entries_are_counted_and_shared_names_dropped():
    found, report = people()
    assert set(found) == {"Hosni Mubarak"}
    assert report.filtered["name two Phoenix people share"] == 2  # both Ahmed Alis
    assert report.filtered["dates Phoenix wrote wrongly (term dropped)"] == 1  # Karim Naguib's "9101"
    assert report.filtered["no code with a country or IGO"] == 2  # Naguib left with none; Badr's MNC


def test_lone_surname_needs_the_full_name_first_and_must_be_unambiguous():
    found, _ = people()
    assert "Mubarak" in found["Hosni Mubarak"][0] and "Mubarak*" not in found["Hosni Mubarak"][0]
    found, _ = people(hand={"gamal mubarak"})  # another Mubarak, kept by hand: the full name is needed
    assert not {"Mubarak", "Mubarak*"} & set(found["Hosni Mubarak"][0])


def test_hand_kept_person_wins():
    found, report = people(hand={"husni mubarak"})
    assert "Hosni Mubarak" not in found and report.filtered["in people.tsv (hand-kept wins)"] == 1


def test_groups_keep_acronyms_drop_common_words_and_unknown_countries():
    report = bp.Report()
    groups = bp.compile_groups(MILNONSTATE, lexicon(), {"ANG", "KHM"}, set(), report)
    by_name = {name: (aliases, codes) for name, aliases, codes, _ in groups}
    assert by_name["UNITA"] == (["UNITA", "National Union for the Total Independence of Angola"], ["ANGREB"])
    assert "Animal Liberation Front" not in by_name  # INT is no state
    assert by_name["Khmer Rouge"][1] == ["KHMREB"]
    assert report.filtered["group alias that is a common word or another name"] == 1  # "Struggle"


def test_regenerating_the_phoenix_tables_is_byte_identical():
    shared = shared_data()
    people_text, groups_text, report = bp.build(shared / "phoenix", shared / "cameo")
    assert people_text == (DATA / "actors" / "people_phoenix.tsv").read_text(encoding="utf-8")
    assert groups_text == (DATA / "actors" / "groups_phoenix.tsv").read_text(encoding="utf-8")
    assert report.people > 15000 and report.groups > 500
