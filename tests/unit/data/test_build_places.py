"""build_places.py: which of Phoenix's state synonyms become places, and regeneration."""

from __future__ import annotations

from tests.unit.data.builders import DATA, load_script, shared_data

bp = load_script("actors/build_places.py")

COUNTRIES = """\
NIGERIA_  [NGA]
+NIGERIAN_
+NIGERIANS_
+LAGOS_
+MAIDUGURI_
+PORT_HARCOURT_
+TAHRIR_SQUARE_
+STRUGGLE_
+ABC_
+(NIG)_
OLUSEGUN_OBASANJO_  # CountryInfo.txt
+IBADAN_
\t[NGAELI 370305-990529]
GHANA_  [GHA]
+ACCRA_
+PORT_HARCOURT_
"""


def test_cities_of_a_state_block_are_its_places_and_the_rest_is_filtered():
    places, report = bp.compile_places(COUNTRIES, known={"accra"}, words={"struggle"}, codes={"NGA", "GHA"})
    assert [(alias, iso3) for alias, iso3, _line in places] == [("Lagos", "NGA"), ("Maiduguri", "NGA")]
    assert report["shared by two states"] == 1  # Port Harcourt under Ghana too: no state's place
    assert report["already known to chancery"] == 1  # Accra, a capital chancery has
    assert report["an English word"] == 1
    assert report["a demonym or nationality"] == 2
    assert report["a landmark"] == 1
    assert report["not written as a place name"] == 2  # "ABC" is too short, "(NIG)" is TABARI syntax
    # Ibadan comes after the block's first person: it is that person's alias, not a place
    assert all(alias != "Ibadan" for alias, _, _ in places)


def test_regenerating_places_phoenix_is_byte_identical():
    shared = shared_data()
    text, report = bp.build(shared / "phoenix", shared / "cameo")
    assert text == (DATA / "actors" / "places_phoenix.tsv").read_text(encoding="utf-8")
    assert report["places kept"] > 3000
