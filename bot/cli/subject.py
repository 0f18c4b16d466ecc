"""`feedwatch subject export|erase HANDLE`: a person's access and erasure requests."""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path

from bot.core.clock import SystemClock
from bot.core.config import ConfigError, Settings, load_database_only, load_settings
from bot.privacy.data_subjects import erase_subject, export_subject
from bot.slack.client import make_slack_client
from bot.store.db import Database, database_for
from bot.store.mentions import find_mentions


def _db() -> tuple[Database, Settings] | None:
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return None
    db = database_for(settings)
    db.migrate()
    return db, settings


def export_command(who: str, out: Path | None) -> int:
    db = database_for(load_database_only())  # reading needs the database alone
    db.migrate()
    with db.session() as s:
        doc = export_subject(s, who, SystemClock().now())
    text = json.dumps(doc, indent=2, ensure_ascii=False, default=str)
    if out is None:
        print(text)
    else:
        out.write_text(text + "\n", encoding="utf-8")
        print(f"{len(doc['mentions'])} mention(s) of {who} written to {out}", file=sys.stderr)
    return 0


def erase_command(who: str, yes: bool, keep_slack: bool) -> int:
    loaded = _db()
    if loaded is None:
        return 2
    db, settings = loaded
    with db.session() as s:
        count = len(find_mentions(s, who))
    if count == 0:
        print(f"nothing stored for {who}")
        return 0
    if not yes:
        reply = input(f"Erase {count} mention(s) from {who} and redact their Slack alerts? "
                      "Type 'erase' to confirm: ")
        if reply.strip().lower() != "erase":
            print("nothing erased")
            return 1
    slack = None if keep_slack else make_slack_client(settings)
    report = erase_subject(db, who, SystemClock().now(), f"cli:{getpass.getuser()}", slack)
    left = report.slack_alerts - report.slack_redacted
    files_left = report.files - report.files_deleted
    print(f"erased {report.mentions} mention(s); Slack alerts redacted: "
          f"{report.slack_redacted} of {report.slack_alerts}; evidence files deleted: "
          f"{report.files_deleted} of {report.files}")
    if left:
        print(f"{left} Slack alert(s) still show the post: delete them in Slack by hand",
              file=sys.stderr)
    if files_left:
        print(f"{files_left} evidence file(s) still hold the post: delete them in Slack by hand",
              file=sys.stderr)
    if left or files_left:
        return 1
    return 0
