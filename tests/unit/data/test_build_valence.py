"""build_valence.py: VADER's lexicon to word/valence rows; the shipped table is well formed."""

from __future__ import annotations

from importlib import resources

from tests.unit.data.builders import load_script

bv = load_script("lexicon/build_valence.py")

SAMPLE = """$:\t-1.5\t0.80623\t[-1, -1, -1, -1, -3, -1, -3, -1, -2, -1]
devil\t-3.4\t0.66332\t[-3, -4, -3, -4, -3, -4, -3, -3, -2, -5]
short-sighted\t-1.2\t0.6\t[0, -1, -2, -2, -1, -1, -1, -2, -1, -1]
friend\t2.2\t0.6\t[2, 2, 2, 3, 2, 2, 3, 2, 2, 2]
"""


def test_words_are_kept_with_their_mean_and_emoticons_dropped(tmp_path):
    source = tmp_path / "vader_lexicon.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    rows = [line for line in bv.build(source).splitlines() if not line.startswith("#")]
    assert rows == ["devil\t-3.4", "friend\t2.2", "short-sighted\t-1.2"]


def test_building_twice_gives_the_same_bytes(tmp_path):
    source = tmp_path / "vader_lexicon.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    assert bv.build(source) == bv.build(source)


def test_the_shipped_table_is_sorted_unique_and_in_range():
    text = resources.files("chancery").joinpath("data", "lexicon", "valence.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    words = [w for w, _ in rows]
    assert len(rows) > 7000 and words == sorted(set(words))
    assert all(-4.0 <= float(v) <= 4.0 for _, v in rows)
