"""Issue 11's property: over every golden sentence, no counted event sits under a negated or
non-factive predicate.

The chain of predicates that embeds an event is read here from the parse alone, independently of the
coder's own analysis: from the trigger up through clausal complements (ccomp, xcomp, pcomp through a
preposition, relcl/acl of a noun the chain passes through). A counted event may not have, on that
chain, a negated predicate or one that leaves its complement open (expect, predict, consider, may,
would depend on ...). Exempt, by the contract (DESIGN.md): the speech acts that are themselves the
event (a stated intention, appeal, demand, threat or refusal), acts a sentence presupposes ("followed
X in recognising", coded as copies, and acts named with a possessor, "Washington's recognition"),
factive predicates, and acts in a phrase of circumstance ("during his visit", "since recalling him").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chancery.records import Article

pytestmark = pytest.mark.slow

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "events"
# predicates that leave their complement open, whatever their polarity
NON_FACTIVE = {
    "expect", "predict", "consider", "weigh", "mull", "hope", "want", "wish", "plan", "intend", "aim",
    "seek", "propose", "offer", "promise", "pledge", "vow", "threaten", "urge", "ask", "demand",
    "depend", "hinge", "doubt", "speculate", "suggest", "may", "might", "could", "would", "should", "must",
    "likely", "unlikely", "possible", "whether", "if", "unless", "until",
}  # fmt: skip
FACTIVE = {"regret", "welcome", "know", "acknowledge", "condemn", "praise", "hail", "criticise", "criticize"}
CLIMB = {"ccomp", "xcomp", "pcomp", "pobj", "csubj"}
# prepositions of circumstance: an act under them stands on its own ("during his visit", "since recalling")
ADJUNCTS = {
    "during", "since", "after", "before", "despite", "amid", "following", "upon", "by", "through", "over",
}  # fmt: skip
STATEMENT_ROOTS = ("02", "03", "10", "12", "13")
# what "on" sets a subject upon, a circumstance like the adjuncts: "on a visit to", "on the sidelines of"
JOURNEYS = {"visit", "trip", "tour", "mission", "sideline"}


def _cases() -> list[dict]:
    cases = []
    for path in sorted(GOLDEN.glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
        cases.extend(json.loads(line) for line in lines if line.strip())
    return cases


def _journey(tokens, prep: int) -> bool:
    return any(t.head == prep and t.dep == "pobj" and t.lemma.lower() in JOURNEYS for t in tokens)


def _open_predicates(tokens, i: int) -> list[str]:
    """The negated or non-factive predicates on the chain above token ``i``."""
    found = []
    node = i
    for _ in range(12):
        token = tokens[node]
        head = tokens[token.head]
        if token.head == node or token.dep not in CLIMB | {"prep"}:
            break
        if token.dep == "prep" and token.lemma.lower() in ADJUNCTS:
            break
        if token.dep == "prep" and token.lemma.lower() == "on" and _journey(tokens, token.i):
            break  # "Rice, on a visit to Nairobi, urged ...": where she was, a visit made
        node = token.head
        if head.pos not in {"VERB", "AUX", "ADJ"} or head.lemma.lower() in FACTIVE:
            continue
        lemma = head.lemma.lower()
        negated = any(t.head == head.i and t.dep == "neg" for t in tokens)
        marks = {t.lemma.lower() for t in tokens if t.head == head.i and t.dep in {"aux", "mark"}}
        if negated or lemma in NON_FACTIVE or marks & NON_FACTIVE:
            found.append(head.text)
    return found


def test_every_golden_file_is_read():
    assert len(_cases()) >= 300


def test_no_counted_event_under_a_negated_or_non_factive_predicate(pipeline):
    violations = []
    for case in _cases():
        article = Article(id=Article.make_id(case["text"]), text=case["text"], date=case.get("date"))
        parsed = pipeline.parse(article)
        coded = pipeline.code(article)
        by_start = {t.start: t.i for t in parsed.tokens}
        for event in coded.events:
            if not event.counted or event.cameo.startswith(STATEMENT_ROOTS):
                continue
            notes = " ".join(event.evidence.notes)
            if "presupposed:" in notes or "ellipsis:" in notes or "statement:" in notes:
                continue
            i = by_start[event.evidence.trigger_start]
            if any(t.head == i and t.dep == "poss" for t in parsed.tokens):
                continue  # "Washington's recognition of Jerusalem": presupposed by its possessor
            above = _open_predicates(parsed.tokens, i)
            if above:
                violations.append(f"{case['id']}: {event.cameo} '{event.evidence.trigger}' under {above}")
    assert not violations, "\n".join(violations)
