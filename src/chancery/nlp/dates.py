"""Dates: the publication date, every temporal expression in the text, and the date of an event's clause.

Expressions come from spaCy's DATE/TIME entities, plus token patterns for what the entity recogniser
misses ("on Friday" untagged, "in 2021" read as a number). ``temporal.resolve_expression`` turns each
into a ``DateRef``; this module adds what only the parse can tell: the tense of the clause (a future
clause reads "Friday" forwards) and whether the expression is background (``historical``).

Durations and ages ("for three years", "the 50-year-old minister", "two decades of war") resolve to
nothing and are dropped: they are not the time of any event, and a DateRef without a point in time
would only mislead the coder.
"""

from __future__ import annotations

import re
from dataclasses import replace

from chancery.clauses import children, clause_verb, head_path, span_head
from chancery.nlp.temporal import MONTHS, WEEKDAYS, parse_day, resolve_expression
from chancery.records import Article, DateRef, Sentence, TextSpan, Token

# Auxiliaries that put a clause in the future ("will visit", "said it would send").
FUTURE_AUX = {"will", "shall", "'ll", "would", "wo"}
# Verbs whose "to"-complement lies ahead of them ("is expected to visit on Monday").
FUTURE_GOVERNORS = {
    "plan", "expect", "schedule", "set", "intend", "aim", "prepare", "hope", "agree", "decide",
    "promise", "pledge", "vow", "want", "seek", "go", "due", "likely", "about",
}  # fmt: skip
# Reporting verbs: a past perfect under them is the backshift of reported speech, not background.
REPORTING = {
    "say", "tell", "announce", "confirm", "report", "state", "add", "claim", "deny", "note",
    "explain", "insist", "reveal", "write", "declare", "acknowledge",
}  # fmt: skip
# Coming to power is the scene-setting of this domain: "regained control in 2021", "return to power".
# Only with "power"/"control" in reach: "seized a tanker on Friday" or "the collapse of talks" is news.
POWER_WORDS = {"regain", "seize", "seizure", "take", "come", "return", "sweep", "rise", "grab", "retake"}
POWER_NOUNS = {"power", "control"}

_MONTH = "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True) if len(m) > 3 or m == "may")
_WEEKDAY = "|".join(d.capitalize() for d in WEEKDAYS if len(d) > 4)
# What the entity recogniser tends to miss; group 1 is the expression.
_PATTERNS = re.compile(
    # every alternative starts with a letter or digit: saying so first lets the engine skip other positions
    r"(?=[A-Za-z\d])(?:"
    + "|".join(
        [
            rf"\b((?:(?:[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)\s+)?(?:{_WEEKDAY}))\b",
            r"\b([Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow)\b",
            r"\b((?:[Ll]ast|[Tt]his|[Nn]ext)\s+(?:week|month|year))\b",
            rf"\b(\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})(?:,?\s+\d{{4}})?)\b",
            rf"\b((?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s+\d{{4}})?)\b",
            rf"\b((?:{_MONTH})\s+\d{{4}})\b",
            rf"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y)\s+((?:{_MONTH}|1[89]\d\d|20\d\d))\b",
            r"\b(\d{4}-\d{2}-\d{2})\b",
        ]
    )
    + ")"
)


def publication_date(article: Article) -> DateRef | None:
    """The article's publication date as a ``DateRef`` (basis ``publication``), if it has a valid one."""
    day = parse_day(article.date)
    if day is None:
        return None
    return DateRef(value=day.isoformat(), precision="day", basis="publication", text=article.date or "")


def find_dates(
    article: Article,
    tokens: tuple[Token, ...],
    sentences: tuple[Sentence, ...],
    published: DateRef | None,
) -> tuple[DateRef, ...]:
    """Every temporal expression in the text, resolved against ``published``, in text order.

    ``sentences`` is part of the stage contract; each token already carries its sentence index.
    """
    day = published.value if published else None
    found: list[tuple[int, int, DateRef]] = []
    for span in [*_entity_spans(tokens), *_pattern_spans(article.text, tokens)]:
        first, last = _widen(tokens, *span)
        if any(first < end and start < last for start, end, _ in found):
            continue  # an entity already covers it
        ref = _resolve(article.text, tokens, first, last, day)
        if ref is not None:
            found.append((first, last, ref))
    return tuple(ref for _, _, ref in sorted(found, key=lambda item: item[0]))


def _resolve(
    text: str,
    tokens: tuple[Token, ...],
    first: int,
    last: int,
    day: str | None,
) -> DateRef | None:
    start, end = tokens[first].start, tokens[last - 1].end
    head = span_head(tokens, first, last)
    future = _future(tokens, head) and not _after_report(tokens, first)
    ref = resolve_expression(text[start:end], day, future=future)
    if ref is None:
        return None
    historical = ref.historical or _background(tokens, first, head)
    return replace(ref, span=TextSpan(start, end), sentence=tokens[first].sentence, historical=historical)


def _entity_spans(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """Token ranges of DATE/TIME entities; a TIME right after a DATE joins it ("Thursday night")."""
    spans: list[list[int]] = []
    for token in tokens:
        if token.ent_type not in ("DATE", "TIME"):
            continue
        joins = spans and spans[-1][1] == token.i and (token.ent_iob == "I" or token.ent_type == "TIME")
        if joins:
            spans[-1][1] = token.i + 1
        else:
            spans.append([token.i, token.i + 1])
    return [(first, last) for first, last in spans]


def _pattern_spans(text: str, tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """Token ranges of ``_PATTERNS`` matches on token boundaries and outside other entities."""
    starts = {t.start: t.i for t in tokens}
    ends = {t.end: t.i for t in tokens}
    spans = []
    for match in _PATTERNS.finditer(text):
        group = next(g for g in range(1, len(match.groups()) + 1) if match.group(g))
        first, last = starts.get(match.start(group)), ends.get(match.end(group))
        if first is None or last is None or tokens[first].sentence != tokens[last].sentence:
            continue
        # inside another entity it is a name: "the Good Friday Agreement", "Black Friday"
        if all(t.ent_type in ("", "DATE", "TIME") for t in tokens[first : last + 1]):
            spans.append((first, last + 1))
    return spans


def _widen(tokens: tuple[Token, ...], first: int, last: int) -> tuple[int, int]:
    """Take in a modifier the recogniser left out: "last" before "Friday", "ago" after "two days"."""
    sentence = tokens[first].sentence
    before = tokens[first - 1] if first > 0 else None
    if (
        before is not None
        and before.sentence == sentence
        and not before.ent_type
        and before.text.lower() in ("last", "next", "this", "past", "coming")
    ):
        first -= 1
    if last < len(tokens) and tokens[last].sentence == sentence and tokens[last].text.lower() == "ago":
        last += 1
    return first, last


def _after_report(tokens: tuple[Token, ...], first: int) -> bool:
    """Whether the expression follows a reporting verb ("said on Wednesday he would send ..."): it dates
    the saying, however the parser hangs it on the future act."""
    k = first - 1
    if k >= 0 and tokens[k].text.lower() == "on" and tokens[k].sentence == tokens[first].sentence:
        k -= 1
    if k < 0 or tokens[k].sentence != tokens[first].sentence:
        return False
    return tokens[k].lemma.lower() in REPORTING and tokens[k].tag in ("VBD", "VBN")


def _future(tokens: tuple[Token, ...], head: int) -> bool:
    """Whether the clause the expression modifies lies ahead ("will visit", "is expected to visit")."""
    verb = clause_verb(tokens, head)
    if verb is None:
        return False
    dependents = children(tokens, verb)
    if any(c.dep.startswith("aux") and c.text.lower() in FUTURE_AUX for c in dependents):
        return True
    if tokens[verb].lemma in ("schedule", "plan", "set") and tokens[verb].tag == "VBN":
        return True  # "the talks are scheduled for Friday"
    if _present(tokens[verb], dependents):
        return True  # body text reports the past in the past; "the council meets on Friday" is ahead
    has_to = any(c.dep == "aux" and c.tag == "TO" for c in dependents)
    governor = tokens[tokens[verb].head]
    return has_to and tokens[verb].dep == "xcomp" and governor.lemma.lower() in FUTURE_GOVERNORS


def _present(verb: Token, children: list[Token]) -> bool:
    """Whether ``verb`` is a simple or progressive present that is not a reporting verb."""
    if verb.lemma.lower() in REPORTING:
        return False
    if verb.tag in ("VBZ", "VBP"):
        return not any(c.dep.startswith("aux") for c in children)
    return verb.tag == "VBG" and any(c.dep == "aux" and c.tag in ("VBZ", "VBP") for c in children)


def _background(tokens: tuple[Token, ...], first: int, head: int) -> bool:
    """Whether the clause makes the expression background: "since", coming to power, past perfect."""
    before = tokens[first - 1] if first > 0 else None
    if before is not None and before.sentence == tokens[first].sentence and before.text.lower() == "since":
        return True
    path = head_path(tokens, head)
    for index in path:
        token = tokens[index]
        if token.text.lower() == "since" or (token.lemma.lower() == "takeover" and token.pos == "NOUN"):
            return True
        if token.lemma.lower() in POWER_WORDS and _near_power(tokens, index):
            return True
    verb = path[-1]
    if tokens[verb].tag == "VBN" and any(
        c.dep == "aux" and c.lemma == "have" and c.tag == "VBD" for c in children(tokens, verb)
    ):
        governor = tokens[tokens[verb].head]
        reported = tokens[verb].dep in ("ccomp", "conj") and governor.lemma.lower() in REPORTING
        return not reported
    return False


def _near_power(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether "power" or "control" hangs from the token directly or through one preposition."""
    for child in children(tokens, index):
        if child.lemma.lower() in POWER_NOUNS:
            return True
        if child.dep == "prep" and any(g.lemma.lower() in POWER_NOUNS for g in children(tokens, child.i)):
            return True
    return False
