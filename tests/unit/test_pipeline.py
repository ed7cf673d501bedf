"""The run loop keeps input order, passes problems through and isolates an article that fails."""

from __future__ import annotations

from dataclasses import replace

import chancery.pipeline as pipeline_module
from chancery.records import Article, CodedArticle, InputProblem


def _articles(n: int) -> list[Article]:
    texts = [f"Russia recognised the Taliban government on day {i}." for i in range(n)]
    return [Article(id=Article.make_id(t), text=t, source=f"a{i}.txt") for i, t in enumerate(texts)]


def test_code_stream_keeps_order_and_problems(pipeline):
    items = _articles(3)
    items.insert(1, InputProblem("bad.txt", "empty file"))
    out = list(replace(pipeline, settings=replace(pipeline.settings, batch_size=2)).code_stream(items))
    assert [type(result).__name__ for _, result in out] == [
        "CodedArticle",
        "InputProblem",
        "CodedArticle",
        "CodedArticle",
    ]
    assert [r.article.source for _, r in out if isinstance(r, CodedArticle)] == ["a0.txt", "a1.txt", "a2.txt"]


def test_a_failing_article_becomes_a_problem_and_the_rest_go_on(pipeline, monkeypatch):
    items = _articles(3)
    real = pipeline_module.code_article

    def flaky(parsed, coder):
        if parsed.article.source == "a1.txt":
            raise ValueError("boom")
        return real(parsed, coder)

    monkeypatch.setattr(pipeline_module, "code_article", flaky)
    out = [result for _, result in pipeline.code_stream(items)]
    assert [type(r).__name__ for r in out] == ["CodedArticle", "InputProblem", "CodedArticle"]
    assert str(out[1]) == "a1.txt: could not be coded: boom"


def test_default_date_applies_only_to_undated_articles(pipeline):
    dated = replace(pipeline, settings=replace(pipeline.settings, date="2025-07-04"))
    undated, own = _articles(2)
    own = replace(own, date="2024-01-01")
    results = [r.article for _, r in dated.code_stream([undated, own])]
    assert (results[0].date, results[0].date_basis) == ("2025-07-04", "flag")
    assert results[1].date == "2024-01-01"
