"""ingest.sources: paths, folders and stdin in a stable order; each bad input is one problem, not an error."""

from __future__ import annotations

import io
import json
import os

import pytest

from chancery.errors import InputError
from chancery.ingest import iter_files, read_inputs, sources
from chancery.records import Article, InputProblem

BODY = "KABUL (AFP) - The Taliban welcomed Russia's decision on Friday."


def _kinds(items) -> list[str]:
    return [type(item).__name__ for item in items]


def _tree(tmp_path):
    """A folder with nested articles, hidden entries and files of other kinds."""
    root = tmp_path / "news"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".git").mkdir()
    (root / "z.txt").write_text("Zeta article text.", encoding="utf-8")
    (root / "a" / "one.md").write_text("# One\n\nAlpha article text.", encoding="utf-8")
    (root / "b" / "deep" / "two.TXT").write_text("Beta article text.", encoding="utf-8")
    (root / "b" / "feed.jsonl").write_text(
        json.dumps({"text": "Gamma article text."}) + "\n", encoding="utf-8"
    )
    (root / "b" / "page.htm").write_text("<html><body></body></html>", encoding="utf-8")
    (root / ".hidden.txt").write_text("Hidden file text.", encoding="utf-8")
    (root / "README.md").write_text("# About this folder\n\nWhat the files are.", encoding="utf-8")
    (root / "b" / "readme.txt").write_text("Notes on the feed.", encoding="utf-8")
    (root / ".git" / "notes.txt").write_text("Hidden folder text.", encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return root


def test_folders_are_walked_recursively_in_sorted_order_skipping_hidden_readme_and_other_files(tmp_path):
    root = _tree(tmp_path)
    found = list(read_inputs([str(root)]))
    assert [item.source for item in found] == [
        str(root / "a" / "one.md"),
        str(root / "b" / "deep" / "two.TXT"),
        f"{root / 'b' / 'feed.jsonl'}:1",
        str(root / "b" / "page.htm"),
        str(root / "z.txt"),
    ]
    assert _kinds(found) == ["Article", "Article", "Article", "InputProblem", "Article"]
    assert found[3].reason == "no article text found in HTML"


def test_iter_files_names_the_files_in_reading_order(tmp_path):
    root = _tree(tmp_path)
    assert list(iter_files(["-", str(root / "z.txt"), str(root / "b")])) == [
        "-",
        str(root / "z.txt"),
        str(root / "b" / "deep" / "two.TXT"),
        str(root / "b" / "feed.jsonl"),
        str(root / "b" / "page.htm"),
    ]


def test_paths_are_read_in_the_order_given(tmp_path):
    first, second = tmp_path / "1.txt", tmp_path / "2.txt"
    first.write_text("First text.", encoding="utf-8")
    second.write_text("Second text.", encoding="utf-8")
    assert [a.text for a in read_inputs([str(second), str(first), str(second)])] == [
        "Second text.",
        "First text.",
        "Second text.",
    ]


def test_a_readme_named_explicitly_is_read(tmp_path):
    path = tmp_path / "README.md"
    path.write_text("# About\n\nWhat the files are.", encoding="utf-8")
    [article] = read_inputs([str(path)])
    assert isinstance(article, Article) and article.text == "What the files are."


def test_a_folder_without_article_files_is_a_problem(tmp_path):
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    assert list(read_inputs([str(tmp_path)])) == [
        InputProblem(str(tmp_path), "no article files (.htm, .html, .jsonl, .md, .txt) in this folder")
    ]


def test_an_explicit_file_with_an_unknown_extension_is_read_as_plain_text(tmp_path):
    path = tmp_path / "wire.story"
    path.write_text(f"Headline here\n\n{BODY}", encoding="utf-8")
    [article] = read_inputs([str(path)])
    assert isinstance(article, Article)
    assert (article.title, article.text, article.source) == ("Headline here", BODY, str(path))


def test_stdin_is_read_as_one_text_article():
    [article] = read_inputs(["-"], stdin=io.StringIO(f"Headline\n\n{BODY}\n"))
    assert isinstance(article, Article)
    assert (article.title, article.text, article.source) == ("Headline", BODY, "-")


def test_stdin_is_read_as_jsonl_when_every_line_opens_a_json_object():
    stream = io.StringIO('{"text": "One."}\n\n{"text": "Two.", "date": "2025-07-04"}\n{"text": broken}\n')
    found = list(read_inputs(["-"], stdin=stream))
    assert [getattr(item, "text", None) for item in found[:2]] == ["One.", "Two."]
    assert [item.source for item in found] == ["-:1", "-:3", "-:4"]
    assert found[2] == InputProblem("-:4", "not valid JSON (Expecting value at column 10)")


def test_stdin_that_is_partly_json_is_plain_text():
    raw = '{"text": "One."}\nThen some prose follows.'
    [article] = read_inputs(["-"], stdin=io.StringIO(raw))
    assert isinstance(article, Article) and article.text == raw


def test_empty_stdin_is_a_problem():
    assert list(read_inputs(["-"], stdin=io.StringIO(" \n"))) == [InputProblem("-", "empty: no article text")]


def test_undecodable_stdin_is_a_problem():
    stream = io.TextIOWrapper(io.BytesIO(b"caf\xe9 talks"), encoding="utf-8")
    assert list(read_inputs(["-"], stdin=stream)) == [
        InputProblem("-", "not UTF-8 text (invalid byte 0xe9 at offset 3); save it as UTF-8")
    ]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("binary.txt", b"GIF89a\x00\x01\x00", "binary file (contains NUL bytes), not text"),
        ("utf16.txt", "Talks".encode("utf-16"), "UTF-16 text, not UTF-8; save it as UTF-8"),
        (
            "latin1.txt",
            "Caf\xe9 talks".encode("latin-1"),
            "not UTF-8 text (invalid byte 0xe9 at offset 3); save it as UTF-8",
        ),
        ("empty.txt", b"", "empty: no article text"),
        ("blank.md", b" \r\n\t\n", "empty: no article text"),
        (
            "long.txt",
            b"x" * 101,
            "text is 101 characters, over the limit of 100 (raise max_chars to read it)",
        ),
        ("binary.jsonl", b'{"text": "a"}\n\x00\x00', "binary file (contains NUL bytes), not text"),
        ("binary.html", b"<html>\x00</html>", "binary file (contains NUL bytes), not text"),
    ],
)
def test_each_bad_file_is_one_problem_and_the_next_input_is_still_read(tmp_path, name, data, reason):
    bad, good = tmp_path / name, tmp_path / "good.txt"
    bad.write_bytes(data)
    good.write_text(BODY, encoding="utf-8")
    found = list(read_inputs([str(bad), str(good)], max_chars=100))
    assert found[0] == InputProblem(str(bad), reason)
    assert str(found[0]).count("\n") == 0
    assert isinstance(found[1], Article) and found[1].text == BODY


def test_a_utf8_byte_order_mark_is_not_part_of_the_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + BODY.encode())
    [article] = read_inputs([str(path)])
    assert isinstance(article, Article) and article.text == BODY


def test_a_missing_path_is_a_problem(tmp_path):
    missing = tmp_path / "nowhere.txt"
    assert list(read_inputs([str(missing)])) == [InputProblem(str(missing), "no such file or directory")]


def test_a_missing_jsonl_path_is_a_problem(tmp_path):
    missing = tmp_path / "nowhere.jsonl"
    assert list(read_inputs([str(missing)])) == [InputProblem(str(missing), "no such file or directory")]


def test_a_file_that_cannot_be_opened_is_a_permission_problem(tmp_path, monkeypatch):
    # Simulated at the one read seam, because the tests may run as root, who can read any file.
    def denied(path):
        raise PermissionError(13, "Permission denied", str(path))

    path = tmp_path / "secret.txt"
    path.write_text(BODY, encoding="utf-8")
    monkeypatch.setattr(sources, "open_input", denied)
    assert list(read_inputs([str(path)])) == [InputProblem(str(path), "permission denied")]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read files without permission")
def test_a_file_without_read_permission_is_a_problem(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(BODY, encoding="utf-8")
    path.chmod(0)
    assert list(read_inputs([str(path)])) == [InputProblem(str(path), "permission denied")]


def test_the_same_text_gets_the_same_id_and_different_text_a_different_id(tmp_path):
    (tmp_path / "a.txt").write_text(f"Title A\n\n{BODY}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Title B\r\n\r\n{BODY}\r\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(f"{BODY} Moscow agreed.", encoding="utf-8")
    a, b, c = read_inputs([str(tmp_path)])
    assert a.id == b.id == Article.make_id(BODY)
    assert c.id != a.id


def test_bad_arguments_raise_input_error_before_any_input_is_read():
    with pytest.raises(InputError, match="give it as YYYY-MM-DD"):
        read_inputs(["-"], default_date="4 July")
    with pytest.raises(InputError, match="max_chars must be a positive whole number"):
        read_inputs(["-"], max_chars=0)


def test_stdin_missing_from_the_process_is_a_problem(monkeypatch):
    monkeypatch.setattr(sources.sys, "stdin", None)
    assert list(read_inputs(["-"])) == [InputProblem("-", "no standard input to read")]


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root can list folders without permission"
)
def test_an_unlistable_folder_is_one_permission_problem(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0)
    try:
        assert list(read_inputs([str(folder)])) == [InputProblem(str(folder), "permission denied")]
    finally:
        folder.chmod(0o700)


def test_an_unlistable_sub_folder_is_one_problem_in_its_place(tmp_path, monkeypatch):
    # os.walk reports listing errors through onerror; simulated because root can list anything.
    (tmp_path / "a.txt").write_text("Alpha text.", encoding="utf-8")
    (tmp_path / "m").mkdir()
    (tmp_path / "z.txt").write_text("Zeta text.", encoding="utf-8")
    real_walk = os.walk

    def walk(top, onerror=None, **kwargs):
        for here, dirs, files in real_walk(top, onerror=onerror, **kwargs):
            if here.endswith("/m"):
                onerror(PermissionError(13, "Permission denied", here))
                continue
            yield here, dirs, files

    monkeypatch.setattr(sources.os, "walk", walk)
    found = list(read_inputs([str(tmp_path)]))
    assert [str(item) if isinstance(item, InputProblem) else item.text for item in found] == [
        "Alpha text.",
        f"{tmp_path / 'm'}: permission denied",
        "Zeta text.",
    ]
