"""Bounded reading: inputs are refused at their limit, never held whole past it, and a FIFO in a
folder is skipped with a note instead of hanging the run."""

from __future__ import annotations

import io
import json
import os
import threading
import tracemalloc

import pytest

from chancery.ingest import read_inputs
from chancery.ingest.bounded import CHUNK, TooLong, capped_lines
from chancery.records import Article, InputNote, InputProblem

BODY = "KABUL (AFP) - The Taliban welcomed Russia's decision on Friday, officials said."


class _Endless(io.RawIOBase):
    """A stream of ``byte`` without end (as /dev/zero or a runaway pipe) that counts what is read."""

    def __init__(self, byte: bytes = b"a") -> None:
        self.byte, self.served = byte, 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        size = CHUNK if size < 0 else size
        self.served += size
        return self.byte * size


class _Stdin:
    """A text stream whose bytes come from ``buffer``, as ``sys.stdin`` has."""

    def __init__(self, buffer) -> None:
        self.buffer = buffer


def test_dev_zero_named_as_a_file_is_one_line_not_a_memory_error():
    """Issue 15: /dev/zero ended in a MemoryError traceback."""
    assert list(read_inputs(["/dev/zero"])) == [
        InputProblem("/dev/zero", "binary file (contains NUL bytes), not text")
    ]


def test_endless_stdin_is_refused_at_the_limit_without_reading_the_rest():
    """Issue 15: 300 MB on stdin took 1.3 GB before it was refused."""
    stream = _Endless()
    found = list(read_inputs(["-"], stdin=_Stdin(stream), max_file_bytes=200_000))
    assert found == [
        InputProblem(
            "-", "standard input is over the limit of 200,000 bytes (raise max_file_bytes to read it)"
        )
    ]
    assert stream.served <= 200_000 + CHUNK


def test_a_file_over_the_limit_is_refused_in_bounded_memory(tmp_path):
    """Issue 15: a 50 MB file peaked at 326 MB before it was refused."""
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        for _ in range(50):
            out.write(b"Words of a very long article. " * 34_000)  # ~1 MB each
    tracemalloc.start()
    try:
        found = list(read_inputs([str(big)], max_file_bytes=2_000_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found == [
        InputProblem(str(big), "file is over the limit of 2,000,000 bytes (raise max_file_bytes to read it)")
    ]
    assert peak < 3 * 2_000_000


def test_a_jsonl_line_over_the_record_limit_is_refused_and_the_next_line_is_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    long_line = json.dumps({"text": "x" * 5_000_000})
    path.write_text(f"{json.dumps({'text': BODY})}\n{long_line}\n{json.dumps({'text': BODY + ' Again.'})}\n")
    tracemalloc.start()
    try:
        found = list(read_inputs([str(path)], max_record_bytes=10_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [type(item).__name__ for item in found] == ["Article", "InputProblem", "Article"]
    assert str(found[1]) == (
        f"{path}:2: record is 5,000,012 bytes, over the limit of 10,000 (raise max_record_bytes to read it)"
    )
    assert peak < 1_000_000


def test_a_jsonl_stream_on_stdin_larger_than_the_file_limit_is_read_record_by_record():
    lines = "".join(json.dumps({"text": f"{BODY} Report {n}."}) + "\n" for n in range(2_000))
    found = list(read_inputs(["-"], stdin=_Stdin(io.BytesIO(lines.encode())), max_file_bytes=10_000))
    assert len(found) == 2_000 and all(isinstance(item, Article) for item in found)
    assert found[-1].source == "-:2000"


def test_capped_lines_measure_a_line_without_end_and_keep_the_following_ones():
    stream = io.BytesIO(b"y" * (3 * CHUNK) + b"\nshort\nlast")
    assert list(capped_lines(stream, 100, b"head\n")) == [b"head\n", TooLong(3 * CHUNK), b"short\n", b"last"]


def test_a_line_over_max_line_chars_is_refused_naming_the_setting(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text(f"{BODY}\n\n{'word ' * 15_000}\n")
    assert isinstance(next(read_inputs([str(path)])), Article)  # 74,999 characters: under the default
    [problem] = read_inputs([str(path)], max_line_chars=50_000)
    assert problem == InputProblem(
        str(path),
        "a line of the text is 74,999 characters, over the limit of 50,000 (raise max_line_chars to read it)",
    )


@pytest.mark.parametrize(
    ("escape", "reason"),
    [
        ("\\u0000", "text contains a NUL character (at 6)"),
        ("\\ud800", "text contains a lone surrogate (U+D800 at 6), not valid Unicode"),
    ],
)
def test_a_jsonl_text_that_no_ledger_can_store_is_refused_at_reading(escape, reason):
    line = '{"text": "Accra ' + escape + ' recalled its envoy on Monday."}'
    [problem] = read_inputs(["-"], stdin=io.StringIO(line + "\n"))
    assert problem == InputProblem("-:1", reason)


def test_a_lone_surrogate_in_another_field_is_refused_too():
    line = json.dumps({"text": BODY, "title": "Envoy \ud800"})
    [problem] = read_inputs(["-"], stdin=io.StringIO(line + "\n"))
    assert problem == InputProblem(
        "-:1", 'field "title" contains a lone surrogate (U+D800 at 6), not valid Unicode'
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_a_folder_is_skipped_with_a_note_and_the_run_goes_on(tmp_path):
    """Issue 15: a FIFO inside an input folder hung the run forever."""
    (tmp_path / "a.txt").write_text(BODY)
    os.mkfifo(tmp_path / "b.txt")
    (tmp_path / "c.txt").write_text(BODY + " Later.")
    found: list = []
    reader = threading.Thread(target=lambda: found.extend(read_inputs([str(tmp_path)])), daemon=True)
    reader.start()
    reader.join(timeout=30)
    assert not reader.is_alive(), "reading a folder with a FIFO in it hung"
    assert [type(item).__name__ for item in found] == ["Article", "InputNote", "Article"]
    assert found[1] == InputNote(
        str(tmp_path / "b.txt"), "skipped: a FIFO, not a regular file (name it alone to read it)"
    )
    assert str(found[1]).startswith("note: ")
