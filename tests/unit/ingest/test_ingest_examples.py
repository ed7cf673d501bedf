"""The bundled examples/ read cleanly: every file gives dated articles with a dateline place."""

from __future__ import annotations

from pathlib import Path

import pytest

from chancery.ingest import read_inputs
from chancery.records import Article, InputProblem

EXAMPLES = Path(__file__).parents[3] / "examples"


def test_every_example_reads_as_a_dated_article_with_a_place_and_no_problem():
    found = list(read_inputs([str(EXAMPLES)]))
    problems = [str(item) for item in found if isinstance(item, InputProblem)]
    assert problems == []
    assert len(found) >= 14  # 11 .txt, 3 JSONL lines, 1 HTML page
    for article in found:
        assert article.date is not None and article.date_basis in ("input", "metadata", "dateline"), (
            article.source
        )
        assert article.place is not None, article.source


def test_the_examples_cover_every_input_kind_and_date_basis():
    found = list(read_inputs([str(EXAMPLES)]))
    suffixes = {Path(a.source.rsplit(":", 1)[0] if ".jsonl:" in a.source else a.source).suffix for a in found}
    assert suffixes == {".txt", ".jsonl", ".html"}
    assert {a.date_basis for a in found} == {"input", "metadata", "dateline"}


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_each_text_example_has_a_title_and_a_body_of_150_to_400_words(path):
    [article] = read_inputs([str(path)])
    assert isinstance(article, Article)
    assert article.title
    assert 150 <= len(article.text.split()) <= 400


def test_the_readme_lists_every_example_file():
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for path in EXAMPLES.iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in readme, path.name
