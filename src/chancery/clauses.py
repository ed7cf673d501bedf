"""Clause-level walks over the dependency tree of ``Token`` records, shared by nlp and coding.

Stages never import each other, but both need to ask the same questions of a parse: which
tokens hang from which, where a clause's verb is, and which date expression belongs to the
clause of an event's trigger. These functions use only records, so either stage may call them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter

from chancery.records import DateRef, Token

_START, _END = attrgetter("start"), attrgetter("end")  # bisection keys over tokens


def date_for_clause(
    dates: tuple[DateRef, ...],
    sentence: int,
    token_span: tuple[int, int] | None,
    tokens: tuple[Token, ...],
    published: DateRef | None,
) -> DateRef | None:
    """The date of the event whose trigger is ``token_span`` in ``sentence``; else the publication date.

    In order: an expression in the trigger's own clause (its head path reaches the trigger before any
    other verb), news before background; one in the nearest clause the trigger hangs from ("said on
    Friday it welcomed"), news before background; the nearest non-historical one in the sentence that
    is not inside another clause below the trigger; the publication date. Uses only records, so nlp and
    coding share it.
    """
    here = [(d, token_range(d, tokens)) for d in dates if d.sentence == sentence and d.span is not None]
    here = [(d, span) for d, span in here if span is not None]
    if token_span is None:
        main = [d for d, span in here if not d.historical and in_root_clause(tokens, span)]
        rest = [d for d, _ in here if not d.historical]
        return (main or rest or [published])[0]
    if not here:
        return published  # no expression in the sentence: neither of the rules below can pick one
    trigger = span_head(tokens, *token_span)
    paths = [(d, head_path(tokens, span_head(tokens, *span))) for d, span in here]
    # news before background, then the expression closest to the trigger; an expression hanging from
    # a noun by "of" dates that noun ("recognise the borders of 1967"), not the act
    own = [
        (d.historical, path.index(trigger), d)
        for d, path in paths
        if trigger in path
        and not _of_a_noun(tokens, path[1 : path.index(trigger)])
        and not _names_a_thing(tokens, path, trigger)
    ]
    if own:
        return min(own, key=lambda item: item[:2])[2]
    for ancestor in ancestors(tokens, trigger):
        # the nearest clause above that is dated dates the trigger, news before background:
        # "in 2023 it became the first country to send an ambassador" sent it in 2023; not a date in a
        # relative clause on a noun there ("..., following Barbados, which took the same step last week")
        above = sorted(
            (d.historical, n)
            for n, (d, path) in enumerate(paths)
            if ancestor in path and not _in_relative_clause(tokens, path[: path.index(ancestor)])
        )
        if above:
            return paths[above[0][1]][0]
    nearest = [
        (abs(span[0] - trigger), d)
        for (d, span), (_, path) in zip(here, paths, strict=True)
        if not d.historical
        and not in_subtree(tokens, trigger, path[-1])
        and not _in_relative_clause(tokens, [k for k in path if not in_subtree(tokens, k, trigger)])
    ]
    if nearest:
        return min(nearest, key=lambda item: item[0])[1]
    return published


def _in_relative_clause(tokens: tuple[Token, ...], path: list[int]) -> bool:
    """Whether a head path climbs out of a relative clause (the date tells that clause's act)."""
    return any(tokens[k].dep == "relcl" for k in path)


# prepositions whose object is a time an act is told in ("in the 1967 war", "during the 2011 uprising")
TIME_PREPOSITIONS = {"in", "during", "at", "after", "before", "since", "until", "following", "throughout"}
# how a year stands inside a noun phrase ("the 1967 lines", "the 1995 accords")
NOUN_MODIFIER_DEPS = {"nummod", "compound", "amod", "nmod"}


def _names_a_thing(tokens: tuple[Token, ...], path: list[int], trigger: int) -> bool:
    """Whether a year is a modifier of a noun other than the trigger that names a thing, not a time:
    "recognised Palestine within the 1967 lines" is no recognition in 1967 (while "Ghana's 2012
    recognition" and "captured it in the 1967 war" are dated by their year)."""
    year = tokens[path[0]]
    if not year.text.isdigit() or year.dep not in NOUN_MODIFIER_DEPS or year.head == trigger:
        return False
    noun = tokens[year.head]
    if noun.pos not in ("NOUN", "PROPN") or year.head == year.i:
        return False
    # "in the 1967 war", "during the 2011 uprising": the noun is a time the act is told in
    return not (noun.dep == "pobj" and tokens[noun.head].text.lower() in TIME_PREPOSITIONS)


def _of_a_noun(tokens: tuple[Token, ...], between: list[int]) -> bool:
    return any(
        tokens[i].text.lower() == "of" and tokens[tokens[i].head].pos in ("NOUN", "PROPN") for i in between
    )


def token_range(ref: DateRef, tokens: tuple[Token, ...]) -> tuple[int, int] | None:
    """The tokens a DateRef's span covers, as ``[first, last)``.

    Tokens run in text order without overlapping, so those that start at or after the span's start
    and end at or before its end are one contiguous run, found by bisection.
    """
    first = bisect_left(tokens, ref.span.start, key=_START)  # type: ignore[union-attr]
    last = bisect_right(tokens, ref.span.end, key=_END)  # type: ignore[union-attr]
    return (first, last) if first < last else None


def span_head(tokens: tuple[Token, ...], first: int, last: int) -> int:
    """The token of ``[first, last)`` whose head lies outside it (the last one if none does)."""
    for token in tokens[first:last]:
        if not first <= token.head < last or token.head == token.i:
            return token.i
    return last - 1


def head_path(tokens: tuple[Token, ...], start: int) -> list[int]:
    """``start`` and its heads up to and including the first verb above it (or the root)."""
    path = [start]
    index = start
    while tokens[index].head != index and len(path) < 32:
        index = tokens[index].head
        path.append(index)
        if tokens[index].pos in ("VERB", "AUX"):
            break
    return path


def clause_verb(tokens: tuple[Token, ...], start: int) -> int | None:
    path = head_path(tokens, start)
    return path[-1] if tokens[path[-1]].pos in ("VERB", "AUX") else None


def in_root_clause(tokens: tuple[Token, ...], span: tuple[int, int]) -> bool:
    path = head_path(tokens, span_head(tokens, *span))
    return tokens[path[-1]].head == path[-1]


def ancestors(tokens: tuple[Token, ...], start: int) -> list[int]:
    """The heads above ``start``, up to the root or to a semicolon that closes its clause ("ordered the
    staff to leave; the ministry denied any role in the 2014 blasts": the denial's date is not the
    order's, where the parser hangs the clause before the semicolon on the verb after it)."""
    chain = []
    index = start
    while tokens[index].head != index and len(chain) < 32:
        head = tokens[index].head
        if across_semicolon(tokens, index):
            break
        index = head
        chain.append(index)
    return chain


def across_semicolon(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether token ``i`` hangs on a head after a semicolon that closes its clause (one of the two owns
    the semicolon): "ordered the staff to leave; the ministry denied any role in ...", parsed as what
    was denied, tells two things apart."""
    head = tokens[i].head
    return head > i and any(
        t.text == ";" and t.head in {head, i} and t.sentence == tokens[i].sentence
        for t in tokens[i + 1 : head]
    )


def sentence_tokens(tokens: tuple[Token, ...], index: int) -> tuple[Token, ...]:
    """The tokens of the sentence holding ``index`` (sentences are contiguous runs of tokens)."""
    sentence = tokens[index].sentence
    first, last = index, index + 1
    while first > 0 and tokens[first - 1].sentence == sentence:
        first -= 1
    while last < len(tokens) and tokens[last].sentence == sentence:
        last += 1
    return tokens[first:last]


def children(tokens: tuple[Token, ...], index: int) -> list[Token]:
    return [t for t in sentence_tokens(tokens, index) if t.head == index and t.i != index]


def in_subtree(tokens: tuple[Token, ...], index: int, node: int) -> bool:
    """Whether ``node`` hangs from ``index`` (or is it) in its sentence, found by walking up from ``node``."""
    same_sentence = tokens[node].sentence == tokens[index].sentence
    return same_sentence and index in (node, *ancestors(tokens, node))
