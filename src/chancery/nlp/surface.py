"""What the parser reads: the article's text with pasted markup and headline capitals neutralised.

Wire copy pasted from web pages keeps emphasis markup ("*Mao Ning*", "**BREAKING**", "_said_"), and
subheads arrive in title case ("Beijing Keeps Diplomatic Ties With Kabul") with no final stop. The
tagger reads "Keeps" as a name and runs the subhead into the next paragraph. The parser is therefore
given a *surface*: the same text, character for character, with the markers turned into spaces and the
common words of a title-case line lowered, so that every offset the parse gives still points into the
article's own text (evidence spans slice the original, markup and all). A title-case line with no
final stop also ends its sentence, wherever the next paragraph starts. A wire dateline ("NAIROBI,
March 9 (Reuters) -") is blanked too: the article's place and date carry it, and the parser would take
its place name for the first sentence's subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chancery.nlp.dictionary import ActorDictionary, first_word, normalise

# emphasis around words, not inside them ("snake_case", "2*3"): *x*, **x**, _x_, __x__
EMPHASIS = re.compile(r"(?<![\w*_])(\*{1,2}|_{1,2})(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*_])")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# words that stay lower in title case ("Ties With Kabul" still counts as title case)
SMALL = {
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "as", "from",
}  # fmt: skip
# a dateline stands in a story's first lines; its separator ends it within a few words
DATELINE_REACH = 400
DATELINE_LENGTH = 80
DATELINE_SEPARATOR = re.compile(r"[ \t]*(?:--|—|–)[ \t]*(?=\S)|[ \t]+-[ \t]+(?=\S)|:[ \t]+(?=\S)")
TERMINAL = (".", "!", "?", ":", ";", '"', "”", "’", "'")


@dataclass(frozen=True)
class Surface:
    """The text the parser reads (same length as the article's) and where headline sentences end."""

    text: str
    breaks: tuple[int, ...] = ()  # offsets of line ends after which a new sentence starts


def surface(text: str, dictionary: ActorDictionary, place: str | None = None) -> Surface:
    """The parse surface of ``text``: markup and a dateline at ``place`` ("NAIROBI, March 9 (Reuters) -")
    blanked, title-case lines lowered, headline breaks found."""
    chars = list(text)
    for match in EMPHASIS.finditer(text):
        marker = len(match.group(1))
        for k in (*range(match.start(), match.start() + marker), *range(match.end() - marker, match.end())):
            chars[k] = " "
    blanked = "".join(chars)
    breaks = []
    offset = 0
    for line in blanked.split("\n"):
        if _title_case(line):
            _lower_common_words(chars, offset, line, dictionary)
            if not line.rstrip().endswith(TERMINAL) and offset + len(line) < len(text):
                breaks.append(offset + len(line))
        offset += len(line) + 1
    after = dateline_end(text, place)
    if after is not None:
        begin = text.rfind("\n", 0, after) + 1
        for k in range(begin, after):
            chars[k] = " "
        breaks.append(begin)  # the blank is a token of its own: the story starts a sentence after it
    return Surface("".join(chars), tuple(breaks))


def dateline_end(text: str, place: str | None) -> int | None:
    """Where the story starts after the dateline naming ``place`` at the start of a line, if any.

    The parser would read the dateline into the first sentence ("NAIROBI, March 9 - President
    Kenyatta and opposition leader Odinga met": NAIROBI its subject); the article's place and date
    already carry what it says.
    """
    if not place:
        return None
    for match in re.finditer(rf"(?m)^[ \t]*{re.escape(place)}\b", text[:DATELINE_REACH]):
        separator = DATELINE_SEPARATOR.search(text, match.end(), match.end() + DATELINE_LENGTH)
        if separator is not None and "\n" not in text[match.end() : separator.start()]:
            return separator.end() if separator.end() < len(text) else None
    return None


def _title_case(line: str) -> bool:
    """Whether a line is a title-case headline or subhead (not a sentence, not all capitals)."""
    words = WORD.findall(line)
    content = [w for w in words if w.lower() not in SMALL]
    if len(content) < 3 or line.isupper():
        return False
    capitalised = sum(w[0].isupper() for w in content)
    return capitalised == len(content) and sum(w[0].isupper() for w in words[1:]) >= 2


def _lower_common_words(chars: list[str], offset: int, line: str, dictionary: ActorDictionary) -> None:
    """Lower each capitalised word of a headline that is not part of a name the dictionary knows."""
    words = list(WORD.finditer(line))
    keep = set()
    for i, match in enumerate(words):
        key = normalise(match.group(0))
        for entry in dictionary.names.get(first_word(key) or "", ()):
            size = len(entry.key.split())
            following = " ".join(normalise(m.group(0)) for m in words[i : i + size])
            if following == entry.key:  # "Burkina Faso", "United Arab Emirates" keep every capital
                keep.update(range(i, i + size))
                break
    for i, match in enumerate(words):
        word = match.group(0)
        if i in keep or not word[0].isupper() or word.isupper():
            continue  # names, and acronyms ("US", "UN"), stay as they are
        start = offset + match.start()
        chars[start] = chars[start].lower()
