"""Shared fixtures: the spaCy model and the pipeline load once per test session."""

from __future__ import annotations

from typing import Any

import pytest

from chancery.records import Article
from chancery.settings import Settings

# What every Pipeline built in this test process has loaded: (part, model name) -> the part.
LOADED: dict[tuple[str, str], Any] = {}


@pytest.fixture(scope="session", autouse=True)
def _load_each_part_once():
    """Every Pipeline built in this process (the CLI run in-process builds one per command) reuses
    the model, actor dictionary and coder already loaded for the same model name, as the session
    ``pipeline`` does, instead of loading spaCy again (seconds each time).

    Only what loaded without error is kept, so a missing model still fails as it would; worker
    processes and chancery run as a subprocess load their own, as they always do.
    """
    from chancery.pipeline import Pipeline

    def _part(self, name: str, load):
        key = (name, self.settings.model)
        if key not in LOADED:
            LOADED[key] = load()
        self._parts[key] = LOADED[key]
        return LOADED[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Pipeline, "_part", _part)
        yield


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
