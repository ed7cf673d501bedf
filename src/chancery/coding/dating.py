"""When a coded act happened, and what the ledger may take from acts told as before the story.

An event takes the date written in its own clause (the rule ``chancery.clauses`` shares with the dates
stage), else the publication day. A "since" span dates a state that holds since then ("has recognised
Taipei since 1941"), not a one-off act done some time in it. An undated act in the past perfect ("which
had recognised Kosovo") came before the story and yields to the change the same article dates.
"""

from __future__ import annotations

from dataclasses import replace

from chancery.clauses import date_for_clause, head_path, span_head, token_range
from chancery.coding.arguments import state_of
from chancery.records import DateRef, Event, ParsedArticle, Sentence, Token


def own_date(parsed: ParsedArticle, sentence: Sentence, i: int) -> tuple[str | None, str, str, str]:
    """The date written in the trigger's own clause, else the publication date."""
    tokens = parsed.tokens
    for ref in parsed.dates:
        span = token_range(ref, tokens) if ref.sentence == sentence.index and ref.span else None
        if span is not None and i in head_path(tokens, span_head(tokens, *span)):
            return ref.value, ref.basis, ref.precision, f"date:own-clause:{ref.basis}:{ref.text}"
    return published(parsed, "date:publication:not-the-statement's")


def published(parsed: ParsedArticle, note: str = "date:publication") -> tuple[str | None, str, str, str]:
    """The publication date, as an event's date."""
    day = parsed.publication
    if day is None:
        return None, "publication", "day", "date:unknown"
    return day.value, "publication", day.precision, note


def event_date(
    parsed: ParsedArticle, dates: tuple[DateRef, ...], sentence: Sentence, i: int
) -> tuple[str | None, str, str, str]:
    """The event's date by the clause rule the dates stage uses (``chancery.clauses``), else publication.

    ``dates`` are the sentence's date expressions (the rule looks at no others).
    """
    pick = date_for_clause(dates, sentence.index, (i, i + 1), parsed.tokens, parsed.publication)
    if pick is not None and pick is not parsed.publication and _in_an_adjunct(parsed.tokens, i, pick):
        # "has kept ties with Moscow since 1955 despite the Soviet Union's recognition of the GDR": the
        # date is the clause's; the act its adjunct names is told undated
        pick = parsed.publication
    since = pick is not None and _since(pick, parsed.tokens) and not _state_since(parsed.tokens, i)
    if since and not _hangs_on(parsed.tokens, i, pick):
        # "the ninth government to transfer its recognition to Beijing since 2016": a one-off act done
        # some time in the span, not on its first day (a state that holds "since 1941" starts then)
        pick = parsed.publication  # the span's other dates are other acts' ("the previous one, in 2021")
    if pick is None:
        return None, "publication", "day", "date:unknown"
    basis = pick.basis if pick is not parsed.publication else "publication"
    return pick.value, basis, pick.precision, f"date:{basis}:{pick.text}" if pick.text else f"date:{basis}"


# prepositions whose object is another act the clause is told against or because of
ADJUNCT_PREPS = {"despite", "over", "amid", "following", "against"}


def _in_an_adjunct(tokens: tuple[Token, ...], i: int, ref: DateRef) -> bool:
    """Whether noun trigger ``i`` is the object of an adjunct ("despite X's recognition", "over its
    decision to ...") and the date stands outside that phrase, on the clause the phrase hangs on."""
    token = tokens[i]
    if token.pos != "NOUN" or token.dep != "pobj" or tokens[token.head].lemma.lower() not in ADJUNCT_PREPS:
        return False
    span = token_range(ref, tokens) if ref.span is not None else None
    if span is None:
        return False
    prep = token.head
    return not any(_under(tokens, k, prep) for k in range(*span))


def _under(tokens: tuple[Token, ...], k: int, top: int) -> bool:
    """Whether token ``k`` is ``top`` or hangs below it."""
    seen = set()
    while k not in seen:
        if k == top:
            return True
        seen.add(k)
        k = tokens[k].head
    return False


def _since(ref: DateRef, tokens: tuple[Token, ...]) -> bool:
    """Whether a date expression opens a span with "since" ("since 2016")."""
    if ref.text.lower().startswith("since"):
        return True
    span = token_range(ref, tokens) if ref.span is not None else None
    return span is not None and span[0] > 0 and tokens[span[0] - 1].text.lower() == "since"


PAST_PERFECT = "tense:past-perfect-undated"


def past_perfect(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether verb ``i`` is in the past perfect ("had recognised")."""
    return tokens[i].tag == "VBN" and any(
        t.head == i and t.dep == "aux" and t.lemma.lower() == "have" and t.tag == "VBD"
        for t in _before(tokens, i)
    )


# nouns for a span of time a relative clause may tell what happened in ("the 18 years in which ...")
TIME_SPANS = {"year", "decade", "month", "week", "century", "period", "era"}


def told_before(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether verb ``i`` is a gerund after "after" ("restored relations, five months after severing
    them") or tells what held in a span the story ends ("ending the 18 years in which Washington withheld
    recognition"): an act before the one the clause tells, which takes that one's date for want of its
    own."""
    token = tokens[i]
    if token.tag == "VBG" and token.dep == "pcomp" and tokens[token.head].lemma.lower() == "after":
        return True
    return token.dep == "relcl" and tokens[token.head].lemma.lower() in TIME_SPANS


def earlier_states(events: list[Event]) -> list[Event]:
    """An undated act in the past perfect ("Freetown, which had recognised Kosovo, ...") came before the
    story: when the article dates another state of the same kind for the same pair ("has withdrawn its
    recognition, Dacic said on Monday"), the earlier one gives the ledger no state on the publication
    day, where it would outlast the change the story reports."""
    dated = {
        (state_of(e.source), state_of(e.target), e.relation.partition(":")[0])
        for e in events
        if e.relation
        and e.target
        and PAST_PERFECT not in e.evidence.notes
        and not any(n.startswith("date:publication") for n in e.evidence.notes)
    }
    out = []
    for e in events:
        kind = (e.relation or "").partition(":")[0]
        key = (state_of(e.source), state_of(e.target), kind) if e.target else None
        if e.relation and PAST_PERFECT in e.evidence.notes and key in dated:
            e = replace(
                e,
                relation=None,
                evidence=replace(e.evidence, notes=(*e.evidence.notes, "relation:none:before-the-story")),
            )
        out.append(e)
    return out


def _hangs_on(tokens: tuple[Token, ...], i: int, ref: DateRef) -> bool:
    """Whether trigger ``i`` is in a clause on the date itself ("since October 2022, when Kinshasa
    expelled Rwanda's ambassador": the act is that date's)."""
    span = token_range(ref, tokens) if ref.span is not None else None
    if span is None:
        return False
    node, seen = i, set()
    while node not in seen and tokens[node].head != node:
        seen.add(node)
        node = tokens[node].head
        if span[0] <= node < span[1]:
            return True
    return False


def _state_since(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether the act of trigger ``i`` is told as a state that holds since a date: a present ("has
    recognised Taipei since 1941", "recognises it since ...") or a noun, not a past or infinitive act."""
    token = tokens[i]
    if not token.tag.startswith("VB"):
        return True
    if token.tag in {"VBZ", "VBP", "VBG"}:
        return True
    return any(t.head == i and t.dep == "aux" and t.lemma.lower() == "have" for t in _before(tokens, i))


def _before(tokens: tuple[Token, ...], i: int) -> tuple[Token, ...]:
    """The few tokens before verb ``i`` where its auxiliaries stand ("had not yet formally recognised")."""
    return tokens[max(0, i - AUXILIARY_REACH) : i]


AUXILIARY_REACH = 6
