"""Hostile input, fuzzed (issue 15): every reader and the whole ``code`` path, 2,000 generated inputs each.

Arbitrary Unicode (NUL, lone surrogates, right-to-left and zero-width marks, combining sequences,
line and paragraph separators), 1 MB lines, malformed HTML (comments, unclosed elements), JSON
of the wrong types and extreme dates. Each input either gives an article (and codes) or one
line saying why not, never an exception; every offset chancery reports slices the article text.
The examples are derandomised, so that the suite runs the same 2,000 each time.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from chancery.ingest import find_dateline, parse_dateline, read_html, read_jsonl, read_text
from chancery.records import Article, CodedArticle, InputProblem
from chancery.render import record_columns, render_json_pieces, render_rows, render_table

FUZZ = settings(
    max_examples=2_000,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)

MEGABYTE_LINE = "Moscow " * 150_000  # 1,050,000 characters without a line break
_MARKS = [
    "\x00", "\ud800", "\udfff", "\udc80", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a",
    "\u202e", "\u2066", "\u2069", "\ufeff", "\u0301", "\u0308", "\u20dd", "\u2028", "\u2029", "\r", "\n",
    "\r\n", "\t", "\x0b", "\x0c", "\x85", "\ufffd", "\U0001f600", "\u0627\u0644", "\u05e9\u05dc",
]  # fmt: skip
_WORDS = [
    "Russia", "recognised", "the", "Taliban", "government", "on", "Thursday", "China", "said", "that",
    "it", "would", "not", "Beijing", "expelled", "ambassador", "MOSCOW", "(Reuters)", "-", "said.",
    '"', "“", "”", "Mao", "Ning", "spokesperson", "Kabul", "last", "week", "July", "4", "2025", ".", ",",
]  # fmt: skip
_TOKEN = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_MARKS),
    st.text(st.characters(exclude_categories=()), max_size=8),  # surrogates included
    st.builds(
        lambda base, marks: base + marks, st.sampled_from("aeoAZ"), st.text("\u0300\u0301\u0327", max_size=6)
    ),
)
# Sentences the coder codes, with hostile marks woven in, so that offsets are checked on real events.
_SENTENCE = st.builds(
    "{}{} {} {} {}.".format,
    st.sampled_from(["Russia", "China", "The Taliban government", "Moscow", "Beijing's envoy", "Pakistan"]),
    st.sampled_from(["", "", "", "\u200b", "\u202e", "\u0301", "\ufeff", "\u00a0"]),
    st.sampled_from(["recognised", "expelled the ambassador of", "condemned", "restored relations with",
                     "did not recognise", "said it would recognise"]),
    st.sampled_from(["Afghanistan", "the Taliban government", "Israel", "Ecuador", "\u0627\u0644 Kabul"]),
    st.sampled_from(["on Thursday", "last week", "in July", "on 4 July 2025", "", "in the year 9999"]),
)  # fmt: skip
ARTICLE = st.lists(st.one_of(_SENTENCE, _SENTENCE, _TOKEN), min_size=1, max_size=10).map(" ".join)
TEXT = st.one_of(
    st.lists(_TOKEN, max_size=40).map(" ".join),
    st.lists(_TOKEN, max_size=40).map("".join),
    st.just(MEGABYTE_LINE),
)
DATES = st.one_of(
    st.none(),
    st.sampled_from(["0001-01-01", "9999-12-31", "2025-02-30", "10000-01-01", "-0001-01-01", "2025-07-04",
                     "2025-07-04T23:59:59+14:00", "1900-02-29", "2000-02-29", "", "today"]),
    st.dates().map(str),
    st.integers(),
    st.floats(allow_nan=True),
    st.lists(st.integers(), max_size=2),
)  # fmt: skip
_JSON_VALUE = st.one_of(
    TEXT, st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)  # fmt: skip


def _one_line(problem: InputProblem) -> None:
    text = str(problem)
    assert problem.reason and "\n" not in text and "\r" not in text, text
    text.encode("utf-8")  # printable: no lone surrogate in the message


def _sound_article(article: Article) -> None:
    for value in (article.text, article.title, article.publisher, article.url, article.place, article.source):
        if value is not None:
            value.encode("utf-8")
            assert "\x00" not in value
    assert article.text and article.id == Article.make_id(article.text)
    if article.date is not None:
        assert len(article.date) == 10 and article.date[4] == "-"


@FUZZ
@given(
    raw=TEXT, markdown=st.booleans(), date=st.sampled_from([None, "2025-07-04", "0001-01-01", "9999-12-31"])
)
def test_the_text_reader_gives_an_article_or_one_line(raw, markdown, date):
    found = read_text(raw, "fuzz.txt", markdown=markdown, default_date=date, max_line_chars=100_000)
    if isinstance(found, InputProblem):
        _one_line(found)
    else:
        _sound_article(found)
        assert found.text in raw.replace("\r\n", "\n").replace("\r", "\n")


_COMMENTED = "zqxhiddenword"
_ELEMENT = st.one_of(
    st.sampled_from(
        ["<p>", "</p>", "<div>", "</div>", "<article>", "</article>", "<iframe src='x'>", "</iframe>",
         "<script>", "</script>", "<style>", "<br>", "<h1>", "</h1>", "<title>", "</title>", "<!--",
         "-->", "<![CDATA[", "]]>", "<", ">", "&amp;", "&#0;", "&#xD800;", "&bogus;", "<noscript>",
         "<meta charset='latin-1'>", "<a href='=cmd'>", "</a>", "<table><tr><td>", "<xmp>", "<noembed>"]
    ),
    TEXT.map(lambda text: text[:300]),
    st.just(f"<!-- {_COMMENTED} Russia recognised the Taliban government. -->"),
)  # fmt: skip


@FUZZ
@given(parts=st.lists(_ELEMENT, max_size=30))
def test_the_html_reader_gives_an_article_or_one_line_and_never_comment_text(parts):
    page = "".join(parts)
    found = read_html(page, "fuzz.html", max_line_chars=100_000)
    if isinstance(found, InputProblem):
        _one_line(found)
        return
    _sound_article(found)
    assert _COMMENTED not in found.text


@FUZZ
@given(
    records=st.lists(
        st.one_of(
            st.fixed_dictionaries(
                {"text": _JSON_VALUE},
                optional={"date": DATES, "title": _JSON_VALUE, "id": _JSON_VALUE, "url": _JSON_VALUE,
                          "publisher": _JSON_VALUE},
            ).map(lambda record: json.dumps(record, ensure_ascii=True)),
            _JSON_VALUE.map(json.dumps),
            TEXT.map(lambda text: text[:200]),
        ),
        min_size=1,
        max_size=4,
    ),
    as_bytes=st.booleans(),
)  # fmt: skip
def test_the_jsonl_reader_gives_one_article_or_one_line_per_record(records, as_bytes):
    lines = [line.replace("\n", " ").replace("\r", " ") + "\n" for line in records]
    fed = [line.encode("utf-8", "surrogatepass") for line in lines] if as_bytes else lines
    found = list(read_jsonl(fed, "fuzz.jsonl", max_record_bytes=2_000_000, max_line_chars=100_000))
    # One item per record (blank lines, and a first line that is only a byte order mark, are none).
    assert 1 <= len(found) <= len(lines)
    assert len({item.source for item in found}) == len(found)
    for item in found:
        if isinstance(item, InputProblem):
            _one_line(item)
        else:
            _sound_article(item)


@FUZZ
@given(text=TEXT, date=st.sampled_from([None, "2025-07-04", "0001-01-01", "9999-12-31", "2024-02-29"]))
def test_the_dateline_reader_finds_a_dateline_inside_the_text_or_none(text, date):
    for found in (parse_dateline(text, default_date=date), find_dateline(text, default_date=date)):
        if found is None:
            continue
        assert 0 < found.end <= len(text)
        assert found.place and found.place in text
        if found.date is not None:
            assert len(found.date) == 10


@FUZZ
@given(
    raw=st.one_of(ARTICLE, TEXT), jsonl=st.booleans(), date=DATES, policy=st.sampled_from(["store", "code"])
)
def test_the_whole_code_path_codes_or_gives_one_line_and_offsets_slice_the_text(
    pipeline, raw, jsonl, date, policy
):
    from chancery.pipeline import code_inputs

    if jsonl:
        data = (json.dumps({"text": raw, "date": date}, ensure_ascii=True) + "\n").encode()
    else:
        data = raw.encode("utf-8", "surrogatepass")
    coder = replace(pipeline, settings=replace(pipeline.settings, other_languages=policy, workers=1))
    results = list(code_inputs(coder, ["-"], stdin=_Stdin(io.BytesIO(data))))
    assert results
    for item in results:
        if isinstance(item, InputProblem):
            _one_line(item)
            event(f"{type(item).__name__}: {' '.join(item.reason.split()[:2])}")
            continue
        assert isinstance(item, CodedArticle)
        event("coded, with events" if item.events else "coded, no events")
        _offsets_slice(item)
        _renders(item)


class _Stdin:
    def __init__(self, buffer) -> None:
        self.buffer = buffer


def _offsets_slice(coded: CodedArticle) -> None:
    text = coded.article.text
    for sentence in coded.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(text)
    for coded_event in coded.events:
        evidence = coded_event.evidence
        assert text[evidence.start : evidence.end] == evidence.text
        if evidence.trigger_start is not None:
            assert text[evidence.trigger_start : evidence.trigger_end] == evidence.trigger
    for quote in coded.quotes:
        assert text[quote.start : quote.end] == quote.text


def _renders(coded: CodedArticle) -> None:
    """Every output format renders and prints as UTF-8, as the command line would."""
    rows = [event.to_dict() for event in coded.events]
    pieces = [
        "".join(render_json_pieces("articles", [coded.summary()])),
        render_rows("jsonl", {"events": rows}),
        render_rows("csv", {"events": rows}, columns=record_columns(type(coded.events[0])) if rows else None),
        render_table("events", rows, title=coded.article.title),
        render_table("quotes", [quote.to_dict() for quote in coded.quotes]),
    ]
    for piece in pieces:
        piece.encode("utf-8")
