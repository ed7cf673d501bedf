"""Issue 2's done-when, end to end: code prints the contract, ingest twice stores nothing new, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chancery.ledger import open_ledger

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

EVENT_FIELDS = {
    "id", "article_id", "sentence", "source", "target", "cameo", "cameo_name", "quad_class", "goldstein",
    "plover", "negated", "modality", "counted", "date", "date_basis", "evidence", "quote_id",
}  # fmt: skip
QUOTE_FIELDS = {"id", "article_id", "text", "direct", "start", "end", "cue", "date", "speaker"}


def _example_files():
    articles = (p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html", ".md"})
    return sorted(p for p in articles if not p.name.startswith("README"))


@pytest.mark.parametrize("path", _example_files(), ids=lambda p: p.name)
def test_code_json_follows_the_contract(run_cli, path):
    result = run_cli("code", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    (article,) = payload["articles"]
    assert {"id", "title", "date", "publisher", "events", "quotes"} <= set(article)
    assert article["events"], f"{path.name}: no events coded"
    text = _article_text(run_cli, path)
    for event in article["events"]:
        assert set(event) >= EVENT_FIELDS
        assert {"text", "code", "country", "sector", "name"} <= set(event["source"])
        evidence = event["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]
        assert evidence["trigger"] and evidence["rule"]
        assert event["counted"] == (not event["negated"] and event["modality"] == "asserted")
    for quote in article["quotes"]:
        assert set(quote) >= QUOTE_FIELDS
        assert text[quote["start"] : quote["end"]] == quote["text"]


def _article_text(run_cli, path) -> str:
    from chancery.ingest import read_inputs

    (article,) = list(read_inputs([str(path)]))
    return article.text


def test_ingest_twice_stores_nothing_new(run_cli):
    first = run_cli("ingest", str(EXAMPLES), "--quiet")
    assert first.exit_code == 0, first.stderr
    with open_ledger(run_cli.db) as ledger:
        before = ledger.counts()
    second = run_cli("ingest", str(EXAMPLES), "--quiet")
    assert second.exit_code == 0, second.stderr
    with open_ledger(run_cli.db) as ledger:
        after = ledger.counts()
    runs = "runs"
    assert after[runs] == before[runs] + 1  # the second run is recorded ...
    assert {k: v for k, v in after.items() if k != runs} == {k: v for k, v in before.items() if k != runs}
    assert before["articles"] >= 10 and before["events"] > 0


def test_events_listing_filters_and_formats(examples_cli):
    everything = json.loads(examples_cli("events", "--format", "json").stdout)["events"]
    recognitions = json.loads(examples_cli("events", "--cameo", "054", "--format", "json").stdout)["events"]
    assert recognitions and all(e["cameo"].startswith("054") for e in recognitions)
    assert len(recognitions) < len(everything)
    csv_out = examples_cli("events", "--format", "csv", "--cameo", "054").stdout.splitlines()
    assert csv_out[0].startswith("id,") and len(csv_out) == len(recognitions) + 1


BAD_INPUTS = {
    "binary.txt": (b"\x00\x01\x02binary\x00", "binary"),
    "latin1.txt": ("Caf\xe9 diplomacy in S\xe3o Paulo".encode("latin-1"), "UTF-8"),
    "empty.txt": (b"   \n\n", "empty"),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_file_is_one_line_others_go_on_nothing_partial(run_cli, tmp_path, name):
    content, reason = BAD_INPUTS[name]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(content)
    good = (EXAMPLES / _example_files()[0].name).read_text(encoding="utf-8")
    (folder / "good.txt").write_text(good, encoding="utf-8")
    result = run_cli("ingest", str(folder), "--quiet")
    assert result.exit_code == 1
    created, *problem_lines = [line for line in result.stderr.splitlines() if line.startswith("chancery:")]
    assert created == f"chancery: created a new ledger at {run_cli.db}"
    assert len(problem_lines) == 1
    assert name in problem_lines[0] and reason.lower() in problem_lines[0].lower()
    with open_ledger(run_cli.db) as ledger:
        sources = {a.source for a in ledger.articles()}
    assert len(sources) == 1 and sources.pop().endswith("good.txt")


def test_malformed_jsonl_line_names_file_and_line(run_cli, tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"text": "Russia recognised the Taliban government on Thursday.", "date": "2025-07-03"}\n'
        '{"text": "broken\n'
        '{"text": "Spain recognised the State of Palestine.", "date": "2024-05-28"}\n',
        encoding="utf-8",
    )
    result = run_cli("ingest", str(path), "--quiet")
    assert result.exit_code == 1
    created, *problem_lines = [line for line in result.stderr.splitlines() if line.startswith("chancery:")]
    assert created == f"chancery: created a new ledger at {run_cli.db}"
    assert len(problem_lines) == 1 and f"{path}:2" in problem_lines[0]
    with open_ledger(run_cli.db) as ledger:
        assert ledger.counts()["articles"] == 2


def test_unreadable_path_is_reported(run_cli, tmp_path):
    missing = tmp_path / "nowhere.txt"
    result = run_cli("ingest", str(missing), str(EXAMPLES / _example_files()[0].name), "--quiet")
    assert result.exit_code == 1
    assert any(str(missing) in line for line in result.stderr.splitlines())
    with open_ledger(run_cli.db) as ledger:
        assert ledger.counts()["articles"] == 1


def test_stdin_is_read_with_dash(run_cli):
    result = run_cli(
        "code", "-", "--format", "json", "--date", "2025-07-04",
        stdin="MOSCOW (Reuters) - Russia formally recognised the Taliban government on Thursday.\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    (article,) = json.loads(result.stdout)["articles"]
    assert article["date"] == "2025-07-04"
    assert any(e["cameo"] == "054" for e in article["events"])


def test_recognition_summary_table_answers_who_recognises_with_evidence(examples_cli):
    result = examples_cli("relations", "--summary", "AFGGOV", "--as-of", "2025-08-01")
    assert result.exit_code == 0, result.stderr
    first, *table = result.stdout.splitlines()
    assert first.startswith("AFGGOV is recognised by 1 state as of 2025-08-01 (RUS)")
    row = next(line for line in table if "│ recognized " in line)
    assert "RUS" in row and "2025-07-03" in row
    before = examples_cli("relations", "--summary", "AFGGOV", "--as-of", "2025-07-01").stdout.splitlines()[0]
    assert before.startswith("AFGGOV is recognised by 0 states as of 2025-07-01")


def test_two_workers_store_exactly_what_one_stores(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("CHANCERY_BATCH_SIZE", "4")  # several batches, so the workers do start
    assert run_cli("ingest", str(EXAMPLES), "--quiet").exit_code == 0
    serial = run_cli("events", "--format", "jsonl").stdout
    parallel_db = f"sqlite:///{tmp_path / 'parallel.db'}"
    assert run_cli("ingest", str(EXAMPLES), "--quiet", "--workers", "2", "--db", parallel_db).exit_code == 0
    assert run_cli("events", "--format", "jsonl", "--db", parallel_db).stdout == serial


def test_code_with_two_workers_prints_exactly_what_one_prints(run_cli, monkeypatch):
    monkeypatch.setenv("CHANCERY_BATCH_SIZE", "4")  # several batches, so the workers do start
    single = run_cli("code", str(EXAMPLES), "--format", "jsonl", "--workers", "1")
    pooled = run_cli("code", str(EXAMPLES), "--format", "jsonl", "--workers", "2")
    assert single.exit_code == 0 and pooled.exit_code == 0, pooled.stderr
    assert len(single.stdout.splitlines()) > 50
    assert pooled.stdout == single.stdout
