"""Every CLI command has help text, and errors become one line with a non-zero exit."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from chancery.cli import app

COMMANDS = [
    "code",
    "ingest",
    "batch",
    "watch",
    "events",
    "quotes",
    "relations",
    "export",
    "serve",
    "eval",
    "settings",
]
runner = CliRunner()


def test_every_command_is_registered():
    names = {command.name or command.callback.__name__ for command in app.registered_commands}
    assert set(COMMANDS) <= names


@pytest.mark.parametrize("command", COMMANDS)
def test_command_has_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert len(result.output.splitlines()) > 3


def test_settings_lists_every_setting_with_help():
    result = runner.invoke(app, ["settings", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert '"name": "db"' in result.output and '"help": "Ledger database URL' in result.output


def test_chancery_error_is_one_line_and_exit_code():
    result = subprocess.run(
        [sys.executable, "-m", "chancery", "settings", "--format", "yaml"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    expected = "chancery: error: unknown format 'yaml'; use one of: table, json, jsonl, csv"
    assert result.stderr.strip() == expected
