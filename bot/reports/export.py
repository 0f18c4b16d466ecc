"""`/feedwatch export`: the audit log as CSV, safe to open in a spreadsheet.

A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some
spreadsheets also treat as the start of a formula) is prefixed with a single quote, so a value
such as a Slack name or a platform error message can never run as a formula (CSV injection).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.core.figures import Range
from bot.store.queue_queries import audit_rows_between
from bot.store.schema import AuditRow

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = ("id", "at_utc", "at_local", "actor", "action", "mention_id", "outcome",
           "policy_version", "detail", "prev_hash", "hash")


def escape_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _row(r: AuditRow, tz: ZoneInfo) -> list[str]:
    at: datetime = r.at
    values = [r.id, at.isoformat(), at.astimezone(tz).isoformat(), r.actor, r.action,
              r.mention_id, r.outcome, r.policy_version,
              json.dumps(r.detail or {}, sort_keys=True, ensure_ascii=False), r.prev_hash, r.hash]
    return [escape_cell(v) for v in values]


def audit_csv(session: Session, rng: Range, tz: ZoneInfo) -> tuple[bytes, int]:
    """(CSV bytes with a UTF-8 byte-order mark so spreadsheets read it as UTF-8, row count)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    count = 0
    for r in audit_rows_between(session, rng.start, rng.end):
        writer.writerow(_row(r, tz))
        count += 1
    return buf.getvalue().encode("utf-8-sig"), count
