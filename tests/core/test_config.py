from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from bot.core.config import ConfigError, load_settings
from bot.runtime.logging_setup import RedactSecrets

X_ACCOUNT = {"platform": "x", "name": "nsft", "user_id": "123", "consumer_key": "ck",
             "consumer_secret": "cs-very-secret", "access_token": "123-at",
             "access_token_secret": "ats-very-secret"}


def env(monkeypatch: pytest.MonkeyPatch, **values: str) -> None:
    for k, v in values.items():
        monkeypatch.setenv(k, v)


def test_every_missing_variable_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError) as err:
        load_settings(env_file=None)
    msg = str(err.value)
    for var in ("SLACK_BOT_TOKEN", "SLACK_ALERT_CHANNEL", "FEEDWATCH_ACCOUNTS"):
        assert f"{var}: is not set" in msg


def test_malformed_values_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    env(monkeypatch, SLACK_BOT_TOKEN="xoxb-1", SLACK_ALERT_CHANNEL="#alerts",
        SLACK_SIGNING_SECRET="s", FEEDWATCH_ACCOUNTS="[{not json", POLL_INTERVAL_SECONDS="5")
    with pytest.raises(ConfigError) as err:
        load_settings(env_file=None)
    msg = str(err.value)
    assert ("SLACK_ALERT_CHANNEL: must be a channel id like C0123ABCD, not a name "
            "(channel details → About → at the end)") in msg
    assert "FEEDWATCH_ACCOUNTS: not valid JSON" in msg
    assert "POLL_INTERVAL_SECONDS: Input should be greater than or equal to 15" in msg


def test_every_problem_is_reported_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """Field errors and the checks between variables together: a newcomer fixes them all at
    once instead of meeting one more at every run."""
    env(monkeypatch, SLACK_BOT_TOKEN="xoxp-user-token", SLACK_ALERT_CHANNEL="social-alerts",
        FEEDWATCH_ACCOUNTS=json.dumps([X_ACCOUNT, X_ACCOUNT]), OFFICE_OPENS="18:00",
        FACEBOOK_VERIFY_TOKEN="only-half", POLL_INTERVAL_SECONDS="often",
        MODERATOR_USERGROUP="@comms")
    with pytest.raises(ConfigError) as err:
        load_settings(env_file=None)
    lines = str(err.value).splitlines()
    assert lines[0] == "feedwatch is not configured correctly:"
    assert lines[-1] == "See .env.example for every variable with a comment."
    assert lines[1:-1] == [
        "  - SLACK_BOT_TOKEN: must be a bot token starting xoxb- (the Bot User OAuth Token on "
        "the app's OAuth & Permissions page)",
        "  - SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN for Socket "
        "Mode)",
        "  - SLACK_ALERT_CHANNEL: must be a channel id like C0123ABCD, not a name (channel "
        "details → About → at the end)",
        "  - FEEDWATCH_ACCOUNTS: account names must be unique: ['nsft']",
        "  - POLL_INTERVAL_SECONDS: must be a whole number",
        "  - FACEBOOK_VERIFY_TOKEN: Facebook webhooks need FACEBOOK_APP_SECRET and "
        "FACEBOOK_VERIFY_TOKEN both (or neither: polling alone is complete)",
        "  - OFFICE_CLOSES: must be after OFFICE_OPENS",
        "  - MODERATOR_USERGROUP: must be a user group id like S0123ABCD, not its @handle"]


def test_placeholders_from_env_example_are_refused_as_placeholders(
        monkeypatch: pytest.MonkeyPatch) -> None:
    example = {k: v for k, v in (line.split("=", 1) for line in (
        Path(__file__).parents[2] / ".env.example").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#"))}
    for name in ("SLACK_BOT_TOKEN", "SLACK_ALERT_CHANNEL", "FEEDWATCH_ACCOUNTS"):
        monkeypatch.setenv(name, example[name])
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "a-real-secret")
    with pytest.raises(ConfigError) as err:
        load_settings(env_file=None)
    msg = str(err.value)
    said = "is the example value from .env.example: put in the real one"
    for where in ("SLACK_BOT_TOKEN", "SLACK_ALERT_CHANNEL", "FEEDWATCH_ACCOUNTS[0].x.user_id",
                  "FEEDWATCH_ACCOUNTS[0].x.consumer_key",
                  "FEEDWATCH_ACCOUNTS[0].x.access_token_secret"):
        assert f"  - {where}: {said}" in msg
    page = {"platform": "facebook", "name": "fb", "page_id": "1", "page_token": "EAA..."}
    monkeypatch.setenv("FEEDWATCH_ACCOUNTS", json.dumps([page]))
    with pytest.raises(ConfigError, match=r"page_token: is the example value"):
        load_settings(env_file=None)


def test_account_errors_point_inside_the_json(monkeypatch: pytest.MonkeyPatch) -> None:
    bad = {**X_ACCOUNT, "user_id": "@nsft"}
    del bad["access_token_secret"]
    env(monkeypatch, SLACK_BOT_TOKEN="xoxb-1", SLACK_ALERT_CHANNEL="C123",
        SLACK_SIGNING_SECRET="s", FEEDWATCH_ACCOUNTS=json.dumps([bad]))
    with pytest.raises(ConfigError) as err:
        load_settings(env_file=None)
    assert "FEEDWATCH_ACCOUNTS[0].x.user_id" in str(err.value)
    assert "FEEDWATCH_ACCOUNTS[0].x.access_token_secret: is not set" in str(err.value)


def test_http_mode_needs_signing_secret_and_socket_mode_an_app_token(
        monkeypatch: pytest.MonkeyPatch) -> None:
    env(monkeypatch, SLACK_BOT_TOKEN="xoxb-1", SLACK_ALERT_CHANNEL="C123",
        FEEDWATCH_ACCOUNTS=json.dumps([X_ACCOUNT]))
    with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET"):
        load_settings(env_file=None)
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1-abc")
    settings = load_settings(env_file=None)
    assert settings.socket_mode is True


def test_several_accounts_each_with_own_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    second = {**X_ACCOUNT, "name": "jobs", "user_id": "456", "access_token": "456-other"}
    env(monkeypatch, SLACK_BOT_TOKEN="xoxb-1", SLACK_ALERT_CHANNEL="C123",
        SLACK_SIGNING_SECRET="s", FEEDWATCH_ACCOUNTS=json.dumps([X_ACCOUNT, second]))
    s = load_settings(env_file=None)
    assert [a.name for a in s.x_accounts] == ["nsft", "jobs"]
    assert s.account("jobs").access_token.get_secret_value() == "456-other"
    assert s.admin_channel == "C123" and str(s.tz) == "Europe/London"
    monkeypatch.setenv("FEEDWATCH_ACCOUNTS", json.dumps([X_ACCOUNT, {**second, "name": "nsft"}]))
    with pytest.raises(ConfigError, match="unique"):
        load_settings(env_file=None)


def test_dotenv_file_is_read_and_empty_values_mean_unset(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dotenv = tmp_path / ".env"
    dotenv.write_text(
        "SLACK_BOT_TOKEN=xoxb-from-file\nSLACK_ALERT_CHANNEL=C999\nSLACK_APP_TOKEN=\n"
        "SLACK_SIGNING_SECRET=sig\nSLACK_ADMIN_CHANNEL=\n"
        f"FEEDWATCH_ACCOUNTS='{json.dumps([X_ACCOUNT])}'\n"
    )
    s = load_settings(env_file=dotenv)
    assert s.slack_bot_token.get_secret_value() == "xoxb-from-file"
    assert s.slack_app_token is None and s.admin_channel == "C999"


def test_secrets_never_shown_in_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    env(monkeypatch, SLACK_BOT_TOKEN="xoxb-top-secret-token", SLACK_ALERT_CHANNEL="C123",
        SLACK_SIGNING_SECRET="signing-very-secret", FEEDWATCH_ACCOUNTS=json.dumps([X_ACCOUNT]))
    s = load_settings(env_file=None)
    shown = repr(s) + str(s.model_dump())
    for secret in ("xoxb-top-secret-token", "signing-very-secret", "ats-very-secret"):
        assert secret not in shown


def test_log_filter_redacts_secrets() -> None:
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "token was %s",
                               ("xoxb-top-secret-token",), None)
    RedactSecrets(["xoxb-top-secret-token"]).filter(record)
    assert record.getMessage() == "token was [redacted]"
