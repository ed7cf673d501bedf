"""Which articles are coded: English ones; others are stored without events, refused or coded anyway.

``other_languages`` (a setting) decides: ``store`` (the default) keeps the article with no events
and a one-line note, so that the silence is not taken for "nothing happened"; ``refuse`` makes it
the input's problem; ``code`` codes it as if it were English (for corpora the detection misjudges).
"""

from __future__ import annotations

from dataclasses import replace

from chancery.ingest.language import detect_language, language_name
from chancery.records import Article, CodedArticle, InputNote, InputProblem

CODED_LANGUAGES = ("en",)
POLICIES = ("store", "refuse", "code")


def with_language(article: Article) -> Article:
    """``article`` with ``language`` set from its text, unless the input said it already."""
    if article.language is not None:
        return article
    found = detect_language(article.text)
    return replace(article, language=found.code) if found else article


def is_coded(article: Article, policy: str) -> bool:
    """Whether ``article`` goes to the coder (its language unknown counts as English)."""
    return policy == "code" or article.language is None or article.language in CODED_LANGUAGES


def not_coded(article: Article, policy: str) -> CodedArticle | InputProblem:
    """What becomes of an article that is not coded: stored without events, or refused."""
    if policy == "refuse":
        return InputProblem(
            article.source or article.id,
            f"written in {_named(article)}; chancery codes English only (other_languages = refuse)",
        )
    return CodedArticle(article=article)


def note(article: Article) -> InputNote:
    """The one-line note that an article was kept without coding."""
    return InputNote(
        article.source or article.id,
        f"written in {_named(article)}, not coded (chancery codes English only); kept without events",
    )


def _named(article: Article) -> str:
    code = article.language or "?"
    return f"{language_name(code)} ({code})"
