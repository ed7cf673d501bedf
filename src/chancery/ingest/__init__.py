"""The ingest stage: files, folders, HTML, JSONL and standard input → ``Article`` records.

``read_inputs`` is the entry point; the readers below it serve callers that already hold the text
(an API request body, a shard row).
"""

from chancery.ingest.clean import Dateline, find_dateline, normalise_date, parse_dateline
from chancery.ingest.html import read_html
from chancery.ingest.jsonl import read_jsonl, read_jsonl_line, read_record
from chancery.ingest.sources import ARTICLE_SUFFIXES, decode, iter_files, read_inputs, walk_folder
from chancery.ingest.text import read_text

__all__ = [
    "ARTICLE_SUFFIXES",
    "Dateline",
    "decode",
    "find_dateline",
    "iter_files",
    "normalise_date",
    "parse_dateline",
    "read_html",
    "read_inputs",
    "read_jsonl",
    "read_jsonl_line",
    "read_record",
    "read_text",
    "walk_folder",
]
