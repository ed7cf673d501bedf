"""The README's tour prints what it shows, on a ledger made as `make demo` makes it (issue 15), and
its "What chancery guarantees" section names only tests that exist."""

from __future__ import annotations

import re
import shlex
from itertools import pairwise
from pathlib import Path

from typer.testing import CliRunner

from chancery.cli import app
from chancery.ledger import open_ledger
from chancery.pipeline import ingest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _tour() -> list[tuple[str, str]]:
    """Each ``$ chancery ...`` line of the README's code blocks with the output printed under it."""
    steps = []
    for block in re.findall(r"```\n(.*?)```", README, re.S):
        lines = block.split("\n")
        starts = [i for i, line in enumerate(lines) if line.startswith("$ ")] + [len(lines)]
        for start, end in pairwise(starts):
            steps.append((lines[start][2:], "\n".join(lines[start + 1 : end]).rstrip("\n")))
    return steps


def test_the_readme_tour_prints_what_it_shows(pipeline, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the tour names files relative to the clone
    monkeypatch.setenv("CHANCERY_CONFIG", "")
    monkeypatch.setenv("CHANCERY_DB", f"sqlite:///{tmp_path / 'chancery.db'}")
    with open_ledger(f"sqlite:///{tmp_path / 'chancery.db'}") as ledger:  # what `make demo` stores
        ingest(pipeline, ledger, ["examples/"])
    # The API's curl examples need a running server: tests/unit/web checks what they answer.
    steps = [(c, shown) for c, shown in _tour() if " eval " not in c and not c.startswith("curl ")]
    assert len(steps) >= 6
    for command, shown in steps:
        words = shlex.split(command)
        head = None
        if "|" in words:  # `... | head -4`
            head = int(words[words.index("|") + 2].lstrip("-"))
            words = words[: words.index("|")]
        assert words[0] == "chancery", command
        result = CliRunner().invoke(app, words[1:])
        assert result.exit_code == 0, (command, result.output)
        printed = (result.stdout + result.stderr).rstrip("\n")
        if head is not None:
            printed = "\n".join(printed.split("\n")[:head])
        assert printed == shown, command


def test_every_test_the_guarantees_name_exists():
    section = README.split("## What chancery guarantees", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`(test_\w+)`", section))
    defined = {
        name
        for path in (ROOT / "tests").rglob("test_*.py")
        for name in re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.M)
    }
    assert len(named) >= 20
    assert named - defined == set()
