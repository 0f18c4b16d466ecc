"""Logging: one format, secrets redacted as a last line of defence, chatty libraries quiet."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from typing import TextIO

from bot.runtime.log_format import formatter_for


class RedactSecrets(logging.Filter):
    """Replace any configured secret that slips into a log record with [redacted]."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if s and len(s) >= 6}, key=len, reverse=True)

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        msg = record.getMessage()
        redacted = msg
        for secret in self.secrets:
            redacted = redacted.replace(secret, "[redacted]")
        if redacted != msg:
            record.msg, record.args = redacted, None
        return True


def setup_logging(level: str = "INFO", secrets: Iterable[str] = (),
                  stream: TextIO | None = None, log_format: str = "text",
                  role: str = "") -> None:
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(formatter_for(log_format, role))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # These log whole request and response bodies (post text) at DEBUG; keep them quiet
    # unless the operator asked for DEBUG explicitly.
    quiet = logging.DEBUG if level == "DEBUG" else logging.WARNING
    for name in ("tweepy", "urllib3", "slack_sdk", "slack_bolt", "apscheduler", "alembic",
                 "facebook"):
        logging.getLogger(name).setLevel(max(quiet, logging.INFO if name == "alembic" else quiet))
