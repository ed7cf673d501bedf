"""What the web tests share beside fixtures: the test token and settings that ignore the machine's."""

from __future__ import annotations

from chancery.settings import Settings

TOKEN = "test-token-5f2c"


def settings(**values) -> Settings:
    """Settings from defaults and ``values`` only (no chancery.toml, no CHANCERY_* of the machine)."""
    return Settings.load(values, env={"CHANCERY_CONFIG": ""})
