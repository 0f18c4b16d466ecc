"""LOG_FORMAT=json: one JSON object per line for a SIEM (Splunk, Sentinel, Elastic).

Each line has time (UTC, ISO 8601), level, logger, event (the message, after the secret
filter has run) and any ids a log call passed in `extra` (names ending in `_id`), plus the
process role and pid; a traceback, when there is one, goes in `exception`. Post text is logged
only at DEBUG, whatever the format.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from typing import Any

# Attributes every LogRecord has; anything else was passed by the caller in `extra`.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    def __init__(self, role: str = "") -> None:
        super().__init__()
        self.role = role

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "event": record.getMessage(),
            "pid": os.getpid(),
        }
        if self.role:
            out["role"] = self.role
        for key, value in vars(record).items():
            if key not in _STANDARD and key.endswith("_id") and isinstance(value, str | int):
                out[key] = value
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False, default=str)


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def formatter_for(log_format: str, role: str = "") -> logging.Formatter:
    if log_format == "json":
        return JsonFormatter(role)
    return logging.Formatter(TEXT_FORMAT)
