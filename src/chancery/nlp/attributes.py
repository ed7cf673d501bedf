"""A faster stand-in for spaCy's ``attribute_ruler``: the same rules, the same result.

The English pipelines map fine-grained tags to part of speech and morphology, and fix the lemma
of pronouns and contractions, with an ``attribute_ruler`` of about 180 one- or two-token rules.
spaCy runs them through its general ``Matcher``, which costs about a seventh of the whole
pipeline's time. Here the same rules are indexed by the hash they test first (a tag or a lower-
case word), so a token is checked against only the few rules that can match it, and the
attributes are written with spaCy's own setter, in spaCy's order (a later rule overrides an
earlier one). A rule this module cannot read keeps spaCy's component in place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

NAME = "chancery_attributes"
_FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what the rules may test, in to_array order
_TAG, _LOWER, _DEP, _SPACE = range(4)
_REMEMBER = 100_000  # distinct (tag, lower, dep, space) rows kept before starting afresh


class Unsupported(Exception):
    """A rule uses a feature this stand-in does not implement; keep spaCy's ruler."""


Check = Callable[[list[int]], bool]  # one test on a token's row of _FIELDS values


@dataclass(frozen=True)
class _Rule:
    order: int  # spaCy applies rules in the order they were added; later ones win
    tests: tuple[tuple[Check, ...], ...]  # per token of the pattern
    index: int  # which token of the match receives the attributes (may be negative)


class AttributeRules:
    """The rules of one ``AttributeRuler``, indexed for matching; call it on a ``Doc``."""

    def __init__(self, ruler: Any):
        from spacy.tokens._retokenize import set_token_attrs

        self._ruler = ruler  # used as is when a document lacks what a rule tests
        self._set = set_token_attrs
        self._strings = ruler.vocab.strings
        self._attrs: list[dict] = list(ruler.attrs)
        self._by_tag: dict[int, list[_Rule]] = {}
        self._by_lower: dict[int, list[_Rule]] = {}
        self._anywhere: list[_Rule] = []
        self._tests_dep = False
        self._known: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[_Rule, ...]]] = {}
        self._merged: dict[tuple[int, ...], dict] = {}  # bounded by the rule sets seen together
        for order, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                rule = _Rule(order, tuple(self._compile(spec) for spec in pattern), entry.get("index", 0))
                self._file(pattern[0], rule)
                self._tests_dep = self._tests_dep or any("DEP" in spec for spec in pattern)

    def __call__(self, doc: Doc) -> Doc:
        if self._tests_dep and not doc.has_annotation("DEP"):
            return self._ruler(doc)  # spaCy's matcher has its own rule for missing annotation
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        rows = [tuple(row) for row in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        orders_of: dict[int, tuple[int, ...]] = {}  # token -> the rules that set it, in order
        longer_hits: list[tuple[int, int]] = []
        for start, row in enumerate(rows):
            known = self._known.get(row)
            if known is None:
                known = self._learn(row)
            singles, longer = known
            if singles:
                orders_of[start] = singles
            for rule in longer:  # its first token matches; test the others
                end = start + len(rule.tests)
                if end <= len(rows) and all(
                    check(rows[start + k]) for k in range(1, len(rule.tests)) for check in rule.tests[k]
                ):
                    target = start + rule.index if rule.index >= 0 else end + rule.index
                    longer_hits.append((target, rule.order))
        for target, order in longer_hits:
            orders_of[target] = tuple(sorted((*orders_of.get(target, ()), order)))
        for target, orders in orders_of.items():
            if orders not in self._merged:
                self._merged[orders] = self._merge(orders)
            self._set(doc[target], self._merged[orders])
        return doc

    def _learn(self, row: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[_Rule, ...]]:
        """For a token's (tag, lower, dep, space): the one-token rules it matches, in order, and
        the longer rules whose first token it matches. Remembered: news reuses few such rows."""
        if len(self._known) >= _REMEMBER:
            self._known.clear()
        candidates = (*self._by_tag.get(row[_TAG], ()), *self._by_lower.get(row[_LOWER], ()), *self._anywhere)
        first = [rule for rule in candidates if all(check(row) for check in rule.tests[0])]
        singles = tuple(sorted(rule.order for rule in first if len(rule.tests) == 1))
        known = (singles, tuple(rule for rule in first if len(rule.tests) > 1))
        self._known[row] = known
        return known

    def _merge(self, orders: tuple[int, ...]) -> dict:
        merged: dict = {}
        for order in orders:  # spaCy's order: a later rule overrides an earlier one
            merged.update(self._attrs[order])
        return merged

    def _file(self, first: dict, rule: _Rule) -> None:
        """Index ``rule`` under the hashes its first token must have (or nowhere, if none)."""
        for field, table in (("TAG", self._by_tag), ("LOWER", self._by_lower)):
            value = first.get(field)
            if isinstance(value, str):
                table.setdefault(self._strings[value], []).append(rule)
                return
            if isinstance(value, dict) and set(value) == {"IN"}:
                for option in value["IN"]:
                    table.setdefault(self._strings[option], []).append(rule)
                return
        self._anywhere.append(rule)

    def _compile(self, spec: dict) -> tuple[Check, ...]:
        checks = []
        for field, value in spec.items():
            if field not in _FIELDS:
                raise Unsupported(f"a rule tests {field}")
            column = _FIELDS.index(field)
            if field == "IS_SPACE":
                if not isinstance(value, bool):
                    raise Unsupported(f"IS_SPACE tested against {value!r}")
                checks.append(lambda row, c=column, v=int(value): row[c] == v)
            elif isinstance(value, str):
                checks.append(lambda row, c=column, h=self._strings[value]: row[c] == h)
            elif isinstance(value, dict) and len(value) == 1:
                checks.append(self._operator(column, *next(iter(value.items()))))
            else:
                raise Unsupported(f"a rule tests {field} against {value!r}")
        return tuple(checks)

    def _operator(self, column: int, op: str, argument: Any) -> Check:
        if op == "IN":
            options = frozenset(self._strings[s] for s in argument)
            return lambda row: row[column] in options
        if op == "NOT_IN":
            excluded = frozenset(self._strings[s] for s in argument)
            return lambda row: row[column] not in excluded
        if op == "REGEX":
            pattern, strings = re.compile(argument), self._strings
            return lambda row: pattern.search(strings[row[column]]) is not None
        raise Unsupported(f"operator {op}")


def faster_attributes(ruler: Any) -> AttributeRules | None:
    """The stand-in for ``ruler``, or None when one of its rules is beyond it."""
    try:
        return AttributeRules(ruler)
    except (Unsupported, ImportError):
        return None
