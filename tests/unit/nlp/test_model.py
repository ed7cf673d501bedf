"""``doc_records`` reads spaCy's arrays in bulk; it must give what reading token by token gives."""

from chancery.nlp.model import doc_records
from chancery.records import Sentence, Token

TEXT = (
    "MOSCOW (Reuters) -  Russia’s Foreign Ministry spokeswoman Maria Zakharova said on Monday\n"
    "that “talks will resume”.\n\nIt's Mr. Putin who visited Ankara, Turkey.  \n\n\nBeijing declined. "
)


def _by_token(doc):
    sentence_of = {t.i: index for index, sent in enumerate(doc.sents) for t in sent}
    return tuple(
        Token(
            i=t.i,
            text=t.text,
            start=t.idx,
            end=t.idx + len(t.text),
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            sentence=sentence_of[t.i],
            ent_type=t.ent_type_,
            ent_iob=t.ent_iob_,
            whitespace=t.whitespace_,
        )
        for t in doc
    )


def test_tokens_match_token_by_token_reading(nlp):
    doc = nlp(TEXT)
    tokens, sentences = doc_records(doc)
    assert tokens == _by_token(doc)
    assert [(s.first, s.last) for s in sentences] == [(s.start, s.end) for s in doc.sents]
    assert all(isinstance(s, Sentence) for s in sentences)


def test_empty_doc(nlp):
    assert doc_records(nlp("")) == ((), ())


def test_offsets_index_the_doc_text(nlp):
    doc = nlp(TEXT)
    tokens, sentences = doc_records(doc)
    assert all(doc.text[t.start : t.end] == t.text for t in tokens)
    assert [doc.text[s.start : s.end] for s in sentences] == [s.text.strip() for s in doc.sents]
