"""docs/operations.md's SQLite backup and restore: a copy taken with SQLite's backup API while
the database is open, restored to a new file, verifies with `feedwatch audit verify`; a copy
altered afterwards does not."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from bot.core.clock import FixedClock
from bot.store import audit
from bot.store.db import Database


def verify(db_file: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{db_file}",
           "SLACK_BOT_TOKEN": "xoxb-verify", "SLACK_SIGNING_SECRET": "s",
           "SLACK_ALERT_CHANNEL": "C0ALERTS", "FEEDWATCH_ACCOUNTS": json.dumps(
               {"platform": "facebook", "name": "fb", "page_id": "1", "page_token": "t"})}
    return subprocess.run([sys.executable, "-m", "bot", "audit", "verify"], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_a_live_backup_restores_and_verifies(sqlite_db: Database, clock: FixedClock,
                                             tmp_path: Path) -> None:
    for i in range(5):
        with sqlite_db.session() as s:
            audit.append(s, at=clock.advance(seconds=60), actor="U0MOD1", action="claim",
                         mention_id=None, detail={"n": i})
    live = Path(sqlite_db.engine.url.database or "")
    backup = tmp_path / "backup.db"
    # What `sqlite3 feedwatch.db ".backup backup.db"` does, with the database still open.
    with sqlite3.connect(live) as src, sqlite3.connect(backup) as dst:
        src.backup(dst)
    restored = tmp_path / "restored" / "feedwatch.db"
    restored.parent.mkdir()
    restored.write_bytes(backup.read_bytes())
    ok = verify(restored, tmp_path)
    assert ok.returncode == 0 and "5 rows checked, chain intact" in ok.stdout, ok.stderr

    # Someone with the file edits history in the copy (dropping the append-only trigger first).
    with sqlite3.connect(restored) as con:
        con.execute("DROP TRIGGER audit_log_no_update")
        con.execute("UPDATE audit_log SET actor = 'U0OTHER' WHERE id = 3")
    bad = verify(restored, tmp_path)
    assert bad.returncode == 1 and "1 problem(s)" in bad.stdout
