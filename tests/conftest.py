"""Shared fixtures: the spaCy model and the pipeline load once per test session."""

from __future__ import annotations

import pytest

from chancery.records import Article
from chancery.settings import Settings


@pytest.fixture(scope="session")
def pipeline():
    """The real pipeline with the default model (loaded once for the whole run)."""
    from chancery.pipeline import Pipeline

    return Pipeline.from_settings(Settings.load(env={}))


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="session")
def parse(pipeline):
    """parse(text, date=...) -> ParsedArticle, through the real pipeline."""

    def _parse(text: str, date: str | None = "2025-07-04", **fields):
        return pipeline.parse(Article(id=Article.make_id(text), text=text, date=date, **fields))

    return _parse


@pytest.fixture(scope="session")
def code(pipeline):
    """code(text, date=...) -> CodedArticle, through the real pipeline."""

    def _code(text: str, date: str | None = "2025-07-04", **fields):
        return pipeline.code(Article(id=Article.make_id(text), text=text, date=date, **fields))

    return _code
