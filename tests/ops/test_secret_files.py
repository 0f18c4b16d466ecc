"""Settings from files: NAME_FILE=/path instead of NAME in the environment."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.core.config import ConfigError, load_settings

ACCOUNT = {"platform": "x", "name": "nsft", "user_id": "123", "consumer_key": "ck",
           "consumer_secret": "cs-very-secret", "access_token": "123-at",
           "access_token_secret": "ats-very-secret"}


@pytest.fixture
def base(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_ALERT_CHANNEL", "C0ALERTS")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "signing-secret")


def test_tokens_and_accounts_come_from_files(base: None, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    token = tmp_path / "slack_bot_token"
    token.write_text("xoxb-from-a-file\n")  # the newline `echo` leaves is dropped
    accounts = tmp_path / "accounts.json"
    accounts.write_text(json.dumps([ACCOUNT]))
    monkeypatch.setenv("SLACK_BOT_TOKEN_FILE", str(token))
    monkeypatch.setenv("FEEDWATCH_ACCOUNTS_FILE", str(accounts))
    settings = load_settings(env_file=None)
    assert settings.slack_bot_token.get_secret_value() == "xoxb-from-a-file"
    assert settings.x_accounts[0].consumer_secret.get_secret_value() == "cs-very-secret"


def test_a_missing_file_is_named_with_why(base: None, monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN_FILE", str(tmp_path / "nope"))
    monkeypatch.setenv("FEEDWATCH_ACCOUNTS", json.dumps([ACCOUNT]))
    with pytest.raises(ConfigError) as err:
        load_settings(env_file=None)
    assert f"SLACK_BOT_TOKEN_FILE: cannot read {tmp_path / 'nope'} (No such file or directory)" \
        in str(err.value)


def test_both_the_variable_and_its_file_is_refused(base: None, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    token = tmp_path / "t"
    token.write_text("xoxb-file")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-env")
    monkeypatch.setenv("SLACK_BOT_TOKEN_FILE", str(token))
    monkeypatch.setenv("FEEDWATCH_ACCOUNTS", json.dumps([ACCOUNT]))
    with pytest.raises(ConfigError) as err:
        load_settings(env_file=None)
    assert "SLACK_BOT_TOKEN_FILE: SLACK_BOT_TOKEN is set too" in str(err.value)
    assert "xoxb-env" not in str(err.value) and "xoxb-file" not in str(err.value)


def test_an_empty_file_is_refused(base: None, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty"
    empty.write_text("\n")
    monkeypatch.setenv("SLACK_BOT_TOKEN_FILE", str(empty))
    monkeypatch.setenv("FEEDWATCH_ACCOUNTS", json.dumps([ACCOUNT]))
    with pytest.raises(ConfigError) as err:
        load_settings(env_file=None)
    assert f"SLACK_BOT_TOKEN_FILE: {empty} is empty" in str(err.value)


def test_a_value_from_a_file_is_validated_like_any_other(base: None, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    token = tmp_path / "t"
    token.write_text("xapp-not-a-bot-token")
    monkeypatch.setenv("SLACK_BOT_TOKEN_FILE", str(token))
    monkeypatch.setenv("FEEDWATCH_ACCOUNTS", json.dumps([ACCOUNT]))
    with pytest.raises(ConfigError) as err:
        load_settings(env_file=None)
    assert "SLACK_BOT_TOKEN: must be a bot token starting xoxb-" in str(err.value)


def test_the_health_token_is_redacted_from_logs_like_every_secret(
        base: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.runtime.runner import secrets_of

    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("FEEDWATCH_ACCOUNTS", json.dumps([ACCOUNT]))
    monkeypatch.setenv("HEALTH_TOKEN", "health-token-123456")
    assert "health-token-123456" in secrets_of(load_settings(env_file=None))
