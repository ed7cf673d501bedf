"""Property: any text written to a file gives exactly one Article or one InputProblem, never an exception."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from chancery.ingest import parse_dateline, read_inputs
from chancery.records import Article, InputProblem

# Any Unicode that can be written as UTF-8 (surrogates cannot), weighted towards the characters
# that steer the reader: newlines, headers, datelines, Markdown marks, NUL.
_PIECES = st.sampled_from(
    ["\n", "\r\n", "\r", " ", "\t", "Date: 2025-07-04", "MOSCOW (Reuters) - ", "# ", "."]
)
_TEXT = st.lists(
    st.one_of(_PIECES, st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)), max_size=12
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, suffix=st.sampled_from([".txt", ".md", ".story"]))
def test_any_text_file_reads_as_one_article_with_a_stripped_suffix_of_the_input_or_one_problem(text, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(text.encode("utf-8"))
        found = list(read_inputs([str(path)], max_chars=300))
    assert len(found) == 1
    [item] = found
    normalised = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if isinstance(item, InputProblem):
        assert item.source == str(path) and item.reason and "\n" not in item.reason
        return
    assert isinstance(item, Article)
    # The body is stripped and is the tail of the input; title and header lines are all that go.
    assert item.text == item.text.strip() and item.text
    assert normalised.endswith(item.text)
    if (item.title, item.date, item.url) == (None, None, None) and item.publisher in (None, _dateline(item)):
        assert item.text == normalised
    assert item.id == Article.make_id(item.text)


def _dateline(article: Article) -> str | None:
    found = parse_dateline(article.text)
    return found.publisher if found else None


@settings(max_examples=100, deadline=None)
@given(text=_TEXT)
def test_any_text_saved_as_html_gives_one_article_or_one_problem(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.html"
        path.write_bytes(f"<html><body><p>{text}</p></body></html>".encode())
        found = list(read_inputs([str(path)]))
    assert len(found) == 1
    assert isinstance(found[0], Article | InputProblem)
    if isinstance(found[0], Article):
        assert found[0].text == found[0].text.strip() and found[0].text


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(st.one_of(_TEXT, st.builds(lambda t: json.dumps({"text": t}), _TEXT)), max_size=6))
def test_any_jsonl_file_gives_one_item_per_non_blank_line_or_one_empty_problem(lines):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.jsonl"
        path.write_bytes("\n".join(lines).encode("utf-8"))
        found = list(read_inputs([str(path)]))
        physical = path.read_bytes().split(b"\n")
    if b"\x00" in b"".join(physical):
        assert len(found) == 1 and isinstance(found[0], InputProblem)
        return
    # Blank is judged on the decoded line, as the reader does (Unicode spaces count as blank).
    numbered = [
        n
        for n, line in enumerate(physical, start=1)
        if line.decode("utf-8-sig" if n == 1 else "utf-8").strip()
    ]
    if not numbered:
        assert found == [InputProblem(str(path), "empty: no article text")]
        return
    assert [item.source for item in found] == [f"{path}:{n}" for n in numbered]
