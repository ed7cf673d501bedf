"""Quotes: direct and reported speech with their speakers, cues and dates.

Decisions (see also ``quote_marks`` and ``cues``):

- One ``Quote`` per contiguous quoted stretch.  ``"A," she said, "B."`` gives two quotes with the
  same cue and speaker; a quote running over several paragraphs (no closing mark before the
  next paragraph's opening one) is one quote whose text keeps the paragraph break and the
  reopening mark, so that ``article.text[start:end] == text`` always holds.
- A direct quote's cue is the nearest speech verb outside quotes in the same sentence: after the
  closing mark (``," she said``) or before the opening one (``She said: "``, or a paragraph
  ending ``said:``).  A quote with no cue continues the speaker of the nearest quote in its or
  the previous paragraph.
- Quotes of one or two words are scare quotes unless they read as a reply (``"No," he said``);
  titles and names in marks (Title Case, or inside a sentence with no speech cue) are not quotes.
- Reported speech is the clause of a speech verb or of "according to"; a clause that opens with
  a direct quote is left to that quote, and a clause inside another reported clause is part of
  it.  A partial quote inside a reported clause gives both quotes.
- The date is the statement's date written in the cue's sentence outside the quotes, else the
  article's publication date.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from chancery.nlp.cues import Cue, Parse, Reported
from chancery.nlp.quote_marks import Stretch, paragraph_spans, quoted_stretches
from chancery.nlp.speakers import Speakers
from chancery.records import Article, DateRef, Mention, Quote, Sentence, Speaker, Token, content_id


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ABBREVIATIONS = _words("mr mrs ms dr st gen col lt sen rep gov prof jr sr no vs u.s u.k u.n")
_WORD = re.compile(r"\w+(?:['’]\w+)?")
# a stretch ending like this expects its attribution after it: "...," she said
_EXPECTS_CUE_AFTER = (",", "?", "!", "—", "-")
# cues that continue what the last speaker said: "he added"
_CONTINUING = frozenset({"add", "continue"})
_MARKS = "\"'“”‘’«»"


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    direct: bool
    cue: Cue | None
    paragraph: int


def find_quotes(
    article: Article,
    tokens: tuple[Token, ...],
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    dates: tuple[DateRef, ...],
) -> tuple[Quote, ...]:
    """Every direct and indirect quote in the article, with its speaker."""
    if not tokens:
        return ()
    text = article.text
    parse = Parse(tokens, sentences)
    stretches = quoted_stretches(text)
    starts = [t.start for t in tokens]
    paragraphs = paragraph_spans(text)
    direct = [
        _Candidate(s.start, s.end, True, _direct_cue(text, s, stretches, parse, starts), s.paragraphs[0])
        for s in stretches
    ]
    direct = [c for c in direct if not _scare(text, c) and not _title(text, c, stretches)]
    quoted = [(c.start, c.end) for c in direct]
    indirect = [
        _Candidate(r.start, r.end, False, r.cue, _paragraph(paragraphs, r.start))
        for r in _reported(parse, quoted)
    ]
    candidates = sorted(direct + indirect, key=lambda c: (c.start, c.end))
    speakers, sources = _speakers(Speakers(text, tokens, mentions, tuple(quoted)), candidates)
    dated = [_date(c, tokens, sentences, dates, quoted) for c in candidates]
    # a quote continuing a neighbour's speaker was said when the neighbour was
    dated = [dated[sources[n]] if sources[n] is not None else d for n, d in enumerate(dated)]
    dated = _continue_dates(candidates, speakers, dated, article.date[:10] if article.date else None)
    return tuple(
        Quote(
            id=content_id(article.id, c.start, c.end),
            article_id=article.id,
            text=text[c.start : c.end],
            direct=c.direct,
            start=c.start,
            end=c.end,
            cue=c.cue.text if c.cue else None,
            date=dated[n],
            speaker=speakers[n],
            sentences=tuple(s.index for s in sentences if s.start < c.end and c.start < s.end),
        )
        for n, c in enumerate(candidates)
    )


def _direct_cue(
    text: str, stretch: Stretch, stretches: tuple[Stretch, ...], parse: Parse, starts
) -> Cue | None:
    """The speech cue attributing a direct quote: after its closing mark or before its opening one."""
    index = stretches.index(stretch)
    before = after = None
    if stretch.close_mark is not None:
        limit = stretches[index + 1].open_mark if index + 1 < len(stretches) else len(text)
        end = _sentence_end(text, stretch.close_mark + 1, limit)
        after = next(_cues(parse, starts, stretch.close_mark + 1, end), None)
    floor = (
        stretches[index - 1].close_mark + 1 if index and stretches[index - 1].close_mark is not None else 0
    )
    begin = _sentence_start(text, floor, stretch.open_mark)
    before = next(reversed(list(_cues(parse, starts, begin, stretch.open_mark))), None)
    if after and before:
        return after if text[: stretch.end].rstrip().endswith(_EXPECTS_CUE_AFTER) else before
    lead = text[floor : stretch.open_mark].rstrip()
    if not (after or before) and lead.endswith(":"):
        # "Mao Ning said on Friday:" closing the paragraph before the quote's own
        colon = floor + len(lead) - 1
        before = next(reversed(list(_cues(parse, starts, _sentence_start(text, floor, colon), colon))), None)
    return after or before


def _cues(parse: Parse, starts: list[int], begin: int, end: int):
    """Speech cues on tokens starting in ``[begin, end)``, in order."""
    for i in range(bisect.bisect_left(starts, begin), bisect.bisect_left(starts, end)):
        cue = parse.cue_at(i)
        if cue is not None:
            yield cue


def _sentence_end(text: str, begin: int, limit: int) -> int:
    """Where the sentence that runs on after a closing mark ends (a terminator or a paragraph break)."""
    for i in range(begin, limit):
        if text[i] == "\n" or (_terminates(text, i) and i > begin):
            return i
    return limit


def _sentence_start(text: str, floor: int, before: int) -> int:
    """Where the sentence leading up to an opening mark starts."""
    for i in range(before - 1, floor - 1, -1):
        if text[i] == "\n" or _terminates(text, i):
            return i + 1
    return floor


def _terminates(text: str, i: int) -> bool:
    """A full stop, question or exclamation mark ending a sentence (not "Mr." or "U.S.")."""
    if text[i] in "!?":
        return True
    if text[i] != ".":
        return False
    word = text[max(0, i - 4) : i].split()[-1:] or [""]
    return word[0].lower().lstrip("(") not in _ABBREVIATIONS


def _scare(text: str, candidate: _Candidate) -> bool:
    """One or two quoted words are scare quotes unless they read as an attributed reply."""
    inside = text[candidate.start : candidate.end]
    if len(_WORD.findall(inside)) > 2:
        return False
    reply = inside[:1].isupper() and inside.rstrip()[-1:] in ",.!?"
    return not (reply and candidate.cue is not None)


def _title(text: str, candidate: _Candidate, stretches: tuple[Stretch, ...]) -> bool:
    """A title or name in quotation marks, not a quote: Title Case words without a closing stop
    ("the memoir "Years of Quiet Diplomacy""), or words inside a sentence with no speech cue that
    neither open nor close a sentence ("the plan, known as "the road map for peace", ...")."""
    inside = text[candidate.start : candidate.end].rstrip().rstrip(_MARKS)  # ",'" closes a nested quote
    if inside[-1:] in ".!?,;":
        return False
    long_words = [w for w in _WORD.findall(inside) if len(w) > 3]
    if len(long_words) >= 2 and all(w[0].isupper() for w in long_words):
        return True
    if candidate.cue is not None:
        return False
    mark = next(s.open_mark for s in stretches if s.start == candidate.start)
    before = text[:mark].rstrip().rstrip(_MARKS + ")")
    return bool(before) and before[-1] not in ".!?:\n" and not before.endswith(("—", "–"))


def _reported(parse: Parse, quoted: list[tuple[int, int]]) -> list[Reported]:
    """Indirect quotes: clauses of speech verbs and of "according to", outside direct quotes."""
    found: list[Reported] = []
    for token in parse.reporting_candidates():
        reported = parse.according_to(token.i) or parse.reported(token.i)
        if reported is None or _inside(token.start, quoted):
            continue
        if _inside(reported.start, quoted) or any(s == reported.start + 1 for s, _ in quoted):
            continue  # the clause opens with a direct quote: that quote carries the cue
        found.append(reported)
    kept = [r for r in found if not any(_outranks(o, r) for o in found)]
    # one quote per span (ids are content hashes of it): a speech verb's cue beats "according to"
    kept.sort(key=lambda r: r.cue.text == "according to")
    unique = {}
    for r in kept:
        unique.setdefault((r.start, r.end), r)
    return list(unique.values())


def _outranks(other: Reported, this: Reported) -> bool:
    """Whether ``other`` makes ``this`` redundant.

    A clause reported inside another is part of it ("X said Y had told Z that ..."), except
    that a speech verb's clause beats the "according to" sentence around it ("She said ...,
    according to the ministry": she is the speaker).
    """
    if other is this or (other.start, other.end) == (this.start, this.end):
        return False
    contains = other.start <= this.start and this.end <= other.end
    inside = this.start <= other.start and other.end <= this.end
    if other.cue.text == "according to" and this.cue.text != "according to":
        return False
    if this.cue.text == "according to" and other.cue.text != "according to" and inside:
        return True
    return contains


def _speakers(
    resolver: Speakers, candidates: list[_Candidate]
) -> tuple[list[Speaker | None], list[int | None]]:
    """Speakers in article order of their cues; quotes without a cue continue a neighbour's speaker.

    Also returns, for each quote without a cue, the index of the neighbour it continues.
    """
    by_cue: dict[int, Speaker | None] = {}
    sources: list[int | None] = [None] * len(candidates)
    with_cue = sorted((c.cue.token, n) for n, c in enumerate(candidates) if c.cue is not None)
    result: list[Speaker | None] = [None] * len(candidates)
    for token, n in with_cue:
        if token not in by_cue:
            cue = candidates[n].cue
            rule = "according-to" if cue.text == "according to" else "subject"
            by_cue[token] = resolver.resolve(cue.speaker_head, rule, cue.lemma in _CONTINUING)
        result[n] = by_cue[token]
    for n, candidate in enumerate(candidates):
        if candidate.cue is None and candidate.direct:
            sources[n] = _neighbour(candidates, result, n)
            result[n] = resolver.repeat(result[sources[n]]) if sources[n] is not None else None
    return result, sources


def _neighbour(candidates: list[_Candidate], speakers: list[Speaker | None], n: int) -> int | None:
    """The nearest earlier quote with a speaker in this or the previous paragraph, else a later one here."""
    here = candidates[n].paragraph
    for k in range(n - 1, -1, -1):
        if candidates[k].paragraph < here - 1:
            break
        if speakers[k] is not None:
            return k
    for k in range(n + 1, len(candidates)):
        if candidates[k].paragraph != here:
            break
        if speakers[k] is not None and candidates[k].cue is not None:
            return k
    return None


def _date(
    candidate: _Candidate,
    tokens: tuple[Token, ...],
    sentences: tuple[Sentence, ...],
    dates: tuple[DateRef, ...],
    quoted: list[tuple[int, int]],
) -> str | None:
    """The statement's date: a current date in the cue's sentence outside quotes, else None."""
    if candidate.cue is None:
        return None
    cue = tokens[candidate.cue.token]
    sentence = sentences[cue.sentence]
    near = []
    # a date inside the quoted words dates what was said, not the saying
    said = [*quoted, (candidate.start, candidate.end)]
    for ref in dates:
        if ref.historical or ref.span is None:
            continue
        in_sentence = ref.sentence == cue.sentence or sentence.start <= ref.span.start < sentence.end
        if in_sentence and not _inside(ref.span.start, said):
            near.append((abs(ref.span.start - cue.start), ref.value))
    return min(near)[1] if near else None


def _continue_dates(
    candidates: list[_Candidate],
    speakers: list[Speaker | None],
    dated: list[str | None],
    published: str | None,
) -> list[str | None]:
    """Undated quotes by the speaker of an earlier dated quote nearby were said then, else on publication.

    '"...," a spokesperson said at Friday's briefing. "...," she stated.' gives both quotes Friday.
    """
    result = list(dated)
    for n, speaker in enumerate(speakers):
        if result[n] is not None:
            continue
        if speaker is not None and speaker.rule in _CONTINUING_RULES:
            for k in range(n - 1, -1, -1):
                if candidates[k].paragraph < candidates[n].paragraph - 1:
                    break
                if result[k] is not None and _same_speaker(speakers[k], speaker):
                    result[n] = result[k]
                    break
        result[n] = result[n] or published
    return result


def _same_speaker(one: Speaker | None, other: Speaker) -> bool:
    if one is None:
        return False
    if one.mention_id and one.mention_id == other.mention_id:
        return True
    code = one.actor.code if one.actor else None
    return (one.name, one.role, one.organization, code) == (
        other.name,
        other.role,
        other.organization,
        other.actor.code if other.actor else None,
    )


# Speaker rules that continue an earlier speaker rather than name one (see speakers.py).
_CONTINUING_RULES = frozenset({"pronoun", "name", "role", "organisation", "previous-quote"})


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _paragraph(paragraphs: tuple[tuple[int, int], ...], offset: int) -> int:
    return max(0, bisect.bisect_right([s for s, _ in paragraphs], offset) - 1)
