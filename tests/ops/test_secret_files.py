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


def test_database_only_commands_read_the_url_and_audit_key_from_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """`audit verify` runs on a machine holding only the database's secrets, which may be
    files (a compose secret) rather than variables; it must read them the same way."""
    from bot.cli.main import main
    from bot.core.config import load_database_only

    monkeypatch.chdir(tmp_path)  # no .env here
    url = tmp_path / "database_url"
    url.write_text(f"sqlite:///{tmp_path / 'fw.db'}\n")
    key = tmp_path / "audit_key"
    key.write_text("k" * 40)
    monkeypatch.setenv("DATABASE_URL_FILE", str(url))
    monkeypatch.setenv("AUDIT_HMAC_KEY_FILE", str(key))
    only = load_database_only(env_file=None)
    assert only.database_url == f"sqlite:///{tmp_path / 'fw.db'}"
    assert only.audit_hmac_key is not None and only.audit_hmac_key.get_secret_value() == "k" * 40
    assert main(["db", "upgrade"]) == 0
    assert main(["audit", "verify"]) == 0
    assert (tmp_path / "fw.db").exists()
    assert "chain intact" in capsys.readouterr().out


def test_a_database_only_command_names_an_unreadable_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli.main import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL_FILE", str(tmp_path / "missing"))
    assert main(["audit", "verify"]) == 2
    err = capsys.readouterr().err
    assert f"DATABASE_URL_FILE: cannot read {tmp_path / 'missing'}" in err
    assert "Traceback" not in err
