"""LOG_FORMAT=json: one JSON object per line; secrets still redacted; text stays default."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot.core.config import load_settings
from bot.runtime.logging_setup import setup_logging


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def test_json_lines_with_ids_and_no_secret() -> None:
    out = io.StringIO()
    setup_logging("INFO", ["xoxb-the-real-token"], stream=out, log_format="json",
                  role="ingest")
    log = logging.getLogger("bot.alerts.outbox")
    log.info("alert %d posted with token %s", 7, "xoxb-the-real-token",
             extra={"alert_id": 7, "mention_id": 42, "note": "not an id"})
    try:
        raise ValueError("boom")
    except ValueError:
        log.exception("delivery failed")
    log.debug("post text: something a person wrote")
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 2  # DEBUG (where post text may be) is not written at INFO
    first = lines[0]
    assert first["level"] == "INFO" and first["logger"] == "bot.alerts.outbox"
    assert first["event"] == "alert 7 posted with token [redacted]"
    assert first["alert_id"] == 7 and first["mention_id"] == 42 and "note" not in first
    assert first["role"] == "ingest" and first["time"].endswith("+00:00")
    assert "ValueError: boom" in lines[1]["exception"]
    assert "xoxb-the-real-token" not in out.getvalue()


def test_text_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_ALERT_CHANNEL", "C0ALERTS")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    monkeypatch.setenv("FEEDWATCH_ACCOUNTS", json.dumps(
        {"platform": "facebook", "name": "fb", "page_id": "1", "page_token": "t"}))
    assert load_settings(env_file=None).log_format == "text"
    monkeypatch.setenv("LOG_FORMAT", "JSON")
    assert load_settings(env_file=None).log_format == "json"
    out = io.StringIO()
    setup_logging("INFO", stream=out)
    logging.getLogger("bot.x").info("plain")
    assert out.getvalue().rstrip().endswith("INFO bot.x: plain")
