"""Telling what language an article is written in, well enough to know whether chancery can code it.

chancery's parser, actor dictionary and event patterns are English; run on a French or Arabic
article they find nothing, and an analyst would take the silence for "no events". Two clues
suffice to tell: the writing system of the letters, and, for the Latin alphabet, how often each
language's commonest function words occur (every running text is about a third function words).
The answer is None when the text is too short or too mixed to tell; it is then coded as English.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Languages told by their writing system (the Latin-alphabet ones are named in the data file).
_SCRIPT_NAMES = {
    "ar": "Arabic", "fa": "Persian", "ru": "Russian", "uk": "Ukrainian", "zh": "Chinese",
    "ja": "Japanese", "ko": "Korean", "he": "Hebrew", "el": "Greek", "hi": "Hindi", "th": "Thai",
}  # fmt: skip
# Writing systems other than Latin, by the first word of the Unicode character name.
_SCRIPTS = {
    "ARABIC": "ar", "CYRILLIC": "ru", "CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja",
    "HANGUL": "ko", "HEBREW": "he", "GREEK": "el", "DEVANAGARI": "hi", "THAI": "th",
}  # fmt: skip
_PERSIAN_LETTERS = frozenset("پچژگکی")
_UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

SAMPLE_CHARS = 5_000  # the opening of the text is enough to tell, and keeps long articles cheap
MIN_WORDS = 12
MIN_SHARE = 0.12  # of the words that must be the winner's function words


@dataclass(frozen=True)
class Language:
    """An ISO 639-1 code and the language's English name."""

    code: str
    name: str


def detect_language(text: str) -> Language | None:
    """The language ``text`` is written in, or None when it is too short or mixed to tell."""
    sample = text[:SAMPLE_CHARS]
    script = _dominant_script(sample)
    if script is not None:
        return _language(_refine(script, sample))
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    scores = {
        code: sum(w in vocabulary for w in words) for code, (_, vocabulary) in _function_words().items()
    }
    best = max(scores, key=scores.__getitem__)
    if scores[best] < MIN_SHARE * len(words):
        return None
    if best != "en" and scores["en"] * 2 > scores[best]:  # not clearly another language: English
        return _language("en")
    return _language(best)


@cache
def _function_words() -> dict[str, tuple[str, frozenset[str]]]:
    """Code -> (name, function words), from ``data/languages/function_words.tsv``."""
    text = resources.files("chancery").joinpath("data", "languages", "function_words.tsv").read_text("utf-8")
    table = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            code, name, words = line.split("\t")
            table[code] = (name, frozenset(words.split()))
    return table


def language_name(code: str) -> str:
    """The English name of a language chancery can tell apart, or the code itself."""
    known = _function_words()
    return known[code][0] if code in known else _SCRIPT_NAMES.get(code, code)


def _dominant_script(sample: str) -> str | None:
    """The code of the non-Latin writing system of most letters, or None when Latin letters lead."""
    counts: dict[str, int] = {}
    latin = 0
    for char in sample:
        if not char.isalpha():
            continue
        if char.isascii():
            latin += 1
            continue
        first = unicodedata.name(char, "").split(" ", 1)[0]
        code = _SCRIPTS.get(first)
        if code is None:
            latin += first == "LATIN"
            continue
        counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    script = max(counts, key=counts.__getitem__)
    return script if counts[script] > latin else None


def _refine(script: str, sample: str) -> str:
    """Persian and Ukrainian share a script with Arabic and Russian; a few letters tell them apart."""
    if script == "ar" and sum(c in _PERSIAN_LETTERS for c in sample) > 3:
        return "fa"
    if script == "ru" and sum(c in _UKRAINIAN_LETTERS for c in sample) > 3:
        return "uk"
    return script


def _language(code: str) -> Language:
    return Language(code, language_name(code))
