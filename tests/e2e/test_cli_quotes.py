"""Issue 5's done-when: `chancery quotes --speaker NAME` and `--actor CODE` list quotes from the ledger
(the ledger of examples/ stored by `chancery ingest`, shared by these tests, which only read it)."""

from __future__ import annotations

import json


def _quotes(run_cli, *args):
    result = run_cli("quotes", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["quotes"]


def test_quotes_by_speaker_name_list_only_that_persons_words(examples_cli):
    found = _quotes(examples_cli, "--speaker", "mao ning")
    assert found, "the examples quote the Chinese foreign ministry spokesperson Mao Ning"
    for quote in found:
        assert quote["speaker"]["name"] == "Mao Ning"
        assert quote["speaker"]["actor"]["code"] == "CHNGOV"
        assert quote["article_id"] and quote["date"] and quote["text"]
        assert quote["article_title"], "the listing names the article each quote comes from"


def test_quotes_by_actor_code_list_a_governments_voices(examples_cli):
    chinese = _quotes(examples_cli, "--actor", "CHN")
    everyone = _quotes(examples_cli)
    assert chinese and len(chinese) < len(everyone)
    assert all(q["speaker"]["actor"]["code"].startswith("CHN") for q in chinese)
    speakers = {q["speaker"]["name"] for q in chinese}
    assert "Mao Ning" in speakers


def test_quotes_table_shows_speaker_and_text(examples_cli):
    table = examples_cli("quotes", "--speaker", "Mao Ning").stdout
    assert "Mao Ning" in table and "spokesperson" in table and "CHNGOV" in table
