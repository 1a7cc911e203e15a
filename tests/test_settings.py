"""Server settings: one table, overridable by environment and option, all documented."""

import importlib.util
from pathlib import Path

import pytest

from safetykg.query.remote import STORE_ENVIRONMENT
from safetykg.web.settings import SETTINGS, ServerSettings, load_settings

DOCS = Path(__file__).resolve().parent.parent / "docs"


def settings_reference() -> str:
    """The settings reference page, as docs/hooks.py writes it when the site is built."""
    spec = importlib.util.spec_from_file_location("safetykg_docs_hooks", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    page: str = hooks.settings_page()
    return page


def test_defaults() -> None:
    settings = load_settings({}, environ={})
    assert settings == ServerSettings()
    assert (settings.deadline, settings.host, settings.port) == (10.0, "127.0.0.1", 8000)


def test_environment_then_option_override() -> None:
    environ = {"SAFETYKG_DEADLINE": "3.5", "SAFETYKG_ROW_CAP": "7"}
    assert load_settings({}, environ).deadline == 3.5
    settings = load_settings({"deadline": "2", "row_cap": None}, environ)
    assert (settings.deadline, settings.row_cap) == (2.0, 7)


def test_bad_values_are_reported() -> None:
    with pytest.raises(ValueError, match="SAFETYKG_WORKERS"):
        load_settings({}, {"SAFETYKG_WORKERS": "many"})
    with pytest.raises(ValueError, match="deadline must be positive"):
        load_settings({"deadline": "0"}, {})


def test_every_setting_is_documented() -> None:
    reference = settings_reference()
    for setting in SETTINGS:
        assert f"`{setting.option}`" in reference and f"`{setting.env}`" in reference, setting.name


def test_every_store_variable_is_documented() -> None:
    reference = settings_reference()
    deployment = (DOCS / "deployment.md").read_text(encoding="utf-8")
    for name in STORE_ENVIRONMENT:
        assert f"`{name}`" in reference and f"`{name}`" in deployment, name


def test_boolean_settings_read_words_and_refuse_others() -> None:
    assert load_settings({}, {}).allow_worker_network is False
    assert load_settings({}, {"SAFETYKG_ALLOW_WORKER_NETWORK": "1"}).allow_worker_network is True
    assert load_settings({}, {"SAFETYKG_ALLOW_WORKER_NETWORK": "off"}).allow_worker_network is False
    assert load_settings({"allow_worker_network": True}, {"SAFETYKG_ALLOW_WORKER_NETWORK": "0"}).allow_worker_network
    with pytest.raises(ValueError, match="SAFETYKG_ALLOW_WORKER_NETWORK"):
        load_settings({}, {"SAFETYKG_ALLOW_WORKER_NETWORK": "maybe"})
