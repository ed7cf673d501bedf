"""Score quote finding against a gold file: quote-span F1 and speaker accuracy.

Matching: a predicted quote matches a gold quote when their texts are equal after normalising
(whitespace collapsed; quotation marks and punctuation at either end dropped), or, failing that,
when the gold text's place in the article and the predicted span overlap by at least 0.8 of the
longer of the two.  Each gold quote matches at most one prediction.

Speaker: among matched quotes, the speaker is right when the names agree (both absent, or,
case-insensitively, every word of the shorter name but initials is in the longer, so that a
surname matches the full name the actors stage knows) and, if the gold gives a code, the
speaker's actor has that code's country (its first three letters; ``IGO`` for organisations).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chancery.errors import GoldError
from chancery.records import Article, Quote

OVERLAP = 0.8
_EDGES = " \t\n\"'“”‘’«».,;:!?"


@dataclass(frozen=True)
class Miss:
    """One disagreement: a gold quote not found, a spurious quote, or a wrong speaker."""

    article: str
    kind: str  # missed | spurious | speaker
    text: str
    expected: str = ""
    found: str = ""


@dataclass
class QuoteReport:
    """Quote-span precision, recall, F1 and speaker accuracy, with every miss."""

    articles: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speakers_right: int = 0
    names_right: int = 0
    direct_right: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Matched quotes over quotes found."""
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Matched quotes over gold quotes."""
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall: the quote-span F1."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        """Right speakers (name and, when the gold gives a code, country) over matched quotes."""
        return self.speakers_right / self.matched if self.matched else 0.0

    @property
    def name_accuracy(self) -> float:
        """Speaker names alone, without the actor's country (what the text itself settles)."""
        return self.names_right / self.matched if self.matched else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The figures and misses, for ``chancery eval --format json``."""
        return {
            "kind": "quotes",
            "articles": self.articles,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "name_accuracy": round(self.name_accuracy, 4),
            "direct_accuracy": round(self.direct_right / self.matched, 4) if self.matched else 0.0,
            "misses": [vars(m) for m in self.misses],
        }

    def render(self) -> str:
        """The figures and one line per miss, for the terminal."""
        lines = [
            f"quotes: {self.articles} articles, {self.gold} gold, {self.predicted} found,"
            f" {self.matched} matched",
            f"  span  precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}",
            f"  speaker accuracy {self.speaker_accuracy:.3f} ({self.speakers_right}/{self.matched})"
            f"  names alone {self.name_accuracy:.3f}",
        ]
        for miss in self.misses:
            line = f"  {miss.kind:8} {miss.article}: {_short(miss.text)}"
            if miss.expected or miss.found:
                line += f"  (gold {miss.expected or '-'}; found {miss.found or '-'})"
            lines.append(line)
        return "\n".join(lines)


def evaluate(path: Path, pipeline: Any) -> QuoteReport:
    """Run ``pipeline.parse`` over every gold article in ``path`` and score its quotes."""
    report = QuoteReport()
    for article, gold in read_gold(path):
        parsed = pipeline.parse(article)
        score_article(report, article, gold, parsed.quotes)
    return report


def read_gold(path: Path) -> list[tuple[Article, list[dict[str, Any]]]]:
    """The gold articles of a quotes gold file, each with its list of gold quotes."""
    cases = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if number == 1 or not line.strip():
                continue
            try:
                case = json.loads(line)
                article = Article(
                    id=case["id"], text=case["text"], title=case.get("title"), date=case.get("date")
                )
                quotes = list(case["quotes"])
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise GoldError(f"{path}:{number}: a quotes case needs id, text and quotes ({exc})") from exc
            cases.append((article, quotes))
    return cases


def score_article(
    report: QuoteReport, article: Article, gold: list[dict[str, Any]], found: tuple[Quote, ...]
):
    """Add one article's matches and misses to ``report``."""
    report.articles += 1
    report.gold += len(gold)
    report.predicted += len(found)
    unmatched = list(found)
    for expected in gold:
        match = _best(article.text, expected["text"], unmatched)
        if match is None:
            report.misses.append(Miss(article.id, "missed", expected["text"], _who(expected.get("speaker"))))
            continue
        unmatched.remove(match)
        report.matched += 1
        report.direct_right += match.direct == expected.get("direct", match.direct)
        gold_speaker = expected.get("speaker") or {}
        report.names_right += same_name(
            gold_speaker.get("name"), match.speaker.name if match.speaker else None
        )
        if speaker_right(expected.get("speaker"), match):
            report.speakers_right += 1
        else:
            report.misses.append(
                Miss(article.id, "speaker", expected["text"], _who(expected.get("speaker")), _found(match))
            )
    for quote in unmatched:
        report.misses.append(Miss(article.id, "spurious", quote.text, "", _found(quote)))


def speaker_right(gold: dict[str, Any] | None, quote: Quote) -> bool:
    """Whether the quote's speaker agrees with the gold speaker on name and (if given) country."""
    gold = gold or {}
    speaker = quote.speaker
    if not same_name(gold.get("name"), speaker.name if speaker else None):
        return False
    code = gold.get("code")
    if not code:
        return True
    actor = speaker.actor if speaker else None
    if actor is None:
        return False
    return (actor.country or actor.code[:3]) == code[:3]


def same_name(gold: str | None, found: str | None) -> bool:
    """Names agree when both are absent, or when the shorter one's words (initials dropped) all
    appear in the longer: "Muttaqi" and "S. Jaishankar" name "Amir Khan Muttaqi" and
    "Subrahmanyam Jaishankar", but "Simon Harris" is not "Kamala Harris"."""
    if not gold or not found:
        return not gold and not found
    words = [
        [w for w in n.lower().replace("-", " ").split() if len(w.rstrip(".")) > 1] for n in (gold, found)
    ]
    shorter, longer = sorted(words, key=len)
    return bool(shorter) and set(shorter) <= set(longer)


def normalise(text: str) -> str:
    """Whitespace collapsed, quotation marks and punctuation at the ends dropped."""
    return " ".join(text.split()).strip(_EDGES)


def _best(text: str, gold_text: str, found: list[Quote]) -> Quote | None:
    wanted = normalise(gold_text)
    for quote in found:
        if normalise(quote.text) == wanted:
            return quote
    span = _locate(text, gold_text)
    if span is None:
        return None
    best, best_share = None, OVERLAP
    for quote in found:
        overlap = min(span[1], quote.end) - max(span[0], quote.start)
        share = overlap / max(span[1] - span[0], quote.end - quote.start, 1)
        if share >= best_share:
            best, best_share = quote, share
    return best


def _locate(text: str, gold_text: str) -> tuple[int, int] | None:
    start = text.find(gold_text)
    return (start, start + len(gold_text)) if start >= 0 else None


def _who(speaker: dict[str, Any] | None) -> str:
    if not speaker:
        return "nobody"
    return f"{speaker.get('name') or '(unnamed)'} {speaker.get('code') or ''}".strip()


def _found(quote: Quote) -> str:
    speaker = quote.speaker
    if speaker is None:
        return "nobody"
    parts = [speaker.name or "(unnamed)", speaker.actor.code if speaker.actor else "", f"[{speaker.rule}]"]
    return " ".join(p for p in parts if p)


def _short(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
