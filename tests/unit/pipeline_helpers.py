"""Inputs and a canonical form of results shared by the pipeline and worker-pool tests."""

from __future__ import annotations

import json
from pathlib import Path

from chancery.ingest import read_inputs
from chancery.records import Article, InputProblem

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def articles(n: int) -> list[Article]:
    texts = [f"Russia recognised the Taliban government on day {i}." for i in range(n)]
    return [Article(id=Article.make_id(t), text=t, source=f"a{i}.txt") for i, t in enumerate(texts)]


def examples_with_problems() -> list[Article | InputProblem]:
    examples = [a for a in read_inputs([str(EXAMPLES)]) if isinstance(a, Article)]
    items: list[Article | InputProblem] = list(examples)
    items.insert(4, InputProblem("bad.txt", "empty file"))
    items.insert(9, InputProblem("worse.bin", "not text"))
    return items


def canonical(results) -> list[tuple[str | None, str]]:
    return [
        (article.id if article else None, str(r) if isinstance(r, InputProblem) else json.dumps(r.to_dict()))
        for article, r in results
    ]
