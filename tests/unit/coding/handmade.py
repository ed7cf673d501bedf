"""Hand-built parses: tokens, sentences and mentions written out, so structure tests need no model."""

from __future__ import annotations

from chancery.records import (
    Actor,
    Article,
    DatedCode,
    DateRef,
    Mention,
    ParsedArticle,
    Sentence,
    TextSpan,
    Token,
)


def parsed(rows: list[tuple[str, str, str, str, str, int]], actors: dict[int, str], date: str = "2025-07-04"):
    """A one-sentence ParsedArticle from (text, lemma, pos, tag, dep, head) rows and {token: code} actors."""
    tokens, position = [], 0
    for i, (text, lemma, pos, tag, dep, head) in enumerate(rows):
        tokens.append(
            Token(i, text, position, position + len(text), lemma, pos, tag, dep, head, 0, whitespace=" ")
        )
        position += len(text) + 1
    body = " ".join(row[0] for row in rows)
    article = Article(id="a1", text=body, date=date)
    mentions = []
    for i, code in actors.items():
        token = tokens[i]
        codes = (
            (DatedCode("AFGREB", None, "2021-08-15"), DatedCode("AFGGOV", "2021-08-15", None))
            if code == "TAL"
            else ()
        )
        actor = Actor(text=token.text, code="AFGGOV" if code == "TAL" else code, country=code[:3])
        mentions.append(
            Mention(
                f"m{i}", TextSpan(token.start, token.end), token.text, 0, i, i + 1, i, actor, "hand", codes
            )
        )
    return ParsedArticle(
        article=article,
        tokens=tuple(tokens),
        sentences=(Sentence(0, 0, len(body), 0, len(tokens)),),
        mentions=tuple(mentions),
        publication=DateRef(date),
    )


# "The Taliban government was recognised by Russia ."
PASSIVE = [
    ("The", "the", "DET", "DT", "det", 2),
    ("Taliban", "Taliban", "PROPN", "NNP", "compound", 2),
    ("government", "government", "NOUN", "NN", "nsubjpass", 4),
    ("was", "be", "AUX", "VBD", "auxpass", 4),
    ("recognised", "recognise", "VERB", "VBN", "ROOT", 4),
    ("by", "by", "ADP", "IN", "agent", 4),
    ("Russia", "Russia", "PROPN", "NNP", "pobj", 5),
    (".", ".", "PUNCT", ".", "punct", 4),
]

# "Russia and China urged Pakistan to recognise Israel ."
CONTROL = [
    ("Russia", "Russia", "PROPN", "NNP", "nsubj", 3),
    ("and", "and", "CCONJ", "CC", "cc", 0),
    ("China", "China", "PROPN", "NNP", "conj", 0),
    ("urged", "urge", "VERB", "VBD", "ROOT", 3),
    ("Pakistan", "Pakistan", "PROPN", "NNP", "dobj", 3),
    ("to", "to", "PART", "TO", "aux", 6),
    ("recognise", "recognise", "VERB", "VB", "xcomp", 3),
    ("Israel", "Israel", "PROPN", "NNP", "dobj", 6),
    (".", ".", "PUNCT", ".", "punct", 3),
]

# "China expressed support for Russia 's decision to recognise the Taliban government ."
NESTED = [
    ("China", "China", "PROPN", "NNP", "nsubj", 1),
    ("expressed", "express", "VERB", "VBD", "ROOT", 1),
    ("support", "support", "NOUN", "NN", "dobj", 1),
    ("for", "for", "ADP", "IN", "prep", 2),
    ("Russia", "Russia", "PROPN", "NNP", "poss", 6),
    ("'s", "'s", "PART", "POS", "case", 4),
    ("decision", "decision", "NOUN", "NN", "pobj", 3),
    ("to", "to", "PART", "TO", "aux", 8),
    ("recognise", "recognise", "VERB", "VB", "acl", 6),
    ("the", "the", "DET", "DT", "det", 11),
    ("Taliban", "Taliban", "PROPN", "NNP", "compound", 11),
    ("government", "government", "NOUN", "NN", "dobj", 8),
    (".", ".", "PUNCT", ".", "punct", 1),
]

# "Armenia , which recognised Palestine , said ..." (relative clause with a relative pronoun)
RELATIVE = [
    ("Armenia", "Armenia", "PROPN", "NNP", "nsubj", 6),
    (",", ",", "PUNCT", ",", "punct", 0),
    ("which", "which", "PRON", "WDT", "nsubj", 3),
    ("recognised", "recognise", "VERB", "VBD", "relcl", 0),
    ("Palestine", "Palestine", "PROPN", "NNP", "dobj", 3),
    (",", ",", "PUNCT", ",", "punct", 0),
    ("said", "say", "VERB", "VBD", "ROOT", 6),
    (".", ".", "PUNCT", ".", "punct", 6),
]


def facts(events, counted=None):
    """The (source, target, code) of each event, sorted; only the counted (or uncounted) ones if asked."""
    return sorted(
        (e.source.code, e.target.code if e.target else None, e.cameo)
        for e in events
        if counted is None or e.counted == counted
    )


def coded(pipeline, text: str, date: str):
    """The events the real pipeline codes from ``text``, read as a gold sentence dated ``date``."""
    from chancery.evaluate.gold_file import gold_article

    [article] = pipeline.code_many([gold_article(text, date)])
    return article.events


def roots(pipeline, text: str, date: str, *, count: bool) -> set[tuple[str, str | None, str]]:
    """(source country, target country, CAMEO root) of each fact coded from ``text``, counted or not."""
    return {
        (s[:3], t[:3] if t else None, c[:2]) for s, t, c in facts(coded(pipeline, text, date), counted=count)
    }
