"""Shards: flat Parquet rows give back the contract's objects and whole coded articles, by month."""

from __future__ import annotations

import pyarrow.parquet as pq

from chancery.batch.shards import (
    COLUMNS,
    coded_articles,
    event_dict,
    flat,
    leftovers,
    quote_dict,
    write_partition,
)
from chancery.records import Article, CodedArticle

STORY = (
    "MOSCOW (Reuters) - Russia formally recognised the Taliban government of Afghanistan on Thursday. "
    "China has not recognised the Taliban administration. "
    '"We respect the choice Russia has made," foreign ministry spokesperson Mao Ning said on Friday.'
)


def test_event_and_quote_columns_are_the_contract_flattened():
    names = {column.name for column in COLUMNS["events"]}
    contract = {"id", "article_id", "source_code", "source_country", "target_code", "cameo", "plover_event",
                "plover_mode", "plover_context", "negated", "modality", "counted", "date", "evidence_start",
                "evidence_end", "rule", "quote_id"}  # fmt: skip
    assert contract <= names
    assert {"speaker_name", "speaker_actor_code", "start", "end", "direct"} <= {
        c.name for c in COLUMNS["quotes"]
    }


def test_rows_give_back_every_field_of_events_and_quotes(code):
    coded = code(STORY, date="2025-07-04")
    assert any(e.target is None for e in coded.events) or any(e.speaker is None for e in coded.events)
    assert coded.quotes and coded.quotes[0].speaker is not None
    for event in coded.events:
        assert event_dict(flat(event.to_dict(), "events")) == event.to_dict()
    for quote in coded.quotes:
        assert quote_dict(flat(quote.to_dict(), "quotes")) == quote.to_dict()


def test_a_partition_written_and_read_back_is_the_same_coded_articles(code, tmp_path):
    first = code(STORY, date="2025-07-04")
    undated = code("Mali expelled the French ambassador.", date=None)
    files = write_partition(tmp_path, "p1", [first, undated])
    assert "articles/month=2025-07/part-p1.parquet" in files
    assert "articles/month=undated/part-p1.parquet" in files
    back = coded_articles(tmp_path, files)
    assert {c.article.id: c for c in back} == {c.article.id: c for c in (first, undated)}
    assert not leftovers(tmp_path)


def test_writing_a_partition_again_replaces_its_files_and_adds_none(code, tmp_path):
    coded = [code(STORY, date="2025-07-04")]
    files = write_partition(tmp_path, "p1", coded)
    assert write_partition(tmp_path, "p1", coded) == files
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.parquet")) == sorted(files)
    assert pq.read_table(tmp_path / files[0]).num_rows == 1


def test_an_article_with_nothing_coded_keeps_its_text_and_language(tmp_path):
    article = Article(
        id="a1", text="La France a reconnu l'État de Palestine.", date="2025-09-22", language="fr"
    )
    files = write_partition(tmp_path, "p2", [CodedArticle(article=article)])
    assert files == ["articles/month=2025-09/part-p2.parquet"]
    assert coded_articles(tmp_path, files) == [CodedArticle(article=article)]
