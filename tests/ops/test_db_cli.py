"""`feedwatch db current | upgrade | downgrade`, as an operator runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from bot.cli.main import main
from bot.store.db import MIGRATIONS, Database

# The newest migration: the tests follow the schema as it grows.
HEAD = ScriptDirectory(str(MIGRATIONS)).get_current_head()


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path}/ops.db"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.chdir(tmp_path)  # no .env from the developer's directory
    return url


def columns(url: str, table: str) -> set[str]:
    db = Database(url)
    try:
        return {c["name"] for c in inspect(db.engine).get_columns(table)}
    finally:
        db.dispose()


def test_current_upgrade_downgrade_round_trip(db_url: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "current"]) == 1
    assert "empty (no schema yet)" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert f"empty -> {HEAD}" in capsys.readouterr().out
    assert main(["db", "current"]) == 0
    assert f"{HEAD} (newest)" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert f"already at {HEAD}" in capsys.readouterr().out

    assert "closed_at" in columns(db_url, "alerts")
    assert main(["db", "downgrade", "0005"]) == 0
    assert "now at 0005" in capsys.readouterr().out
    assert "closed_at" not in columns(db_url, "alerts")
    assert main(["db", "current"]) == 1
    assert "run `feedwatch db upgrade`" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert "closed_at" in columns(db_url, "alerts")


def test_db_commands_need_only_the_database(db_url: str, tmp_path: Path) -> None:
    # No Slack or platform settings at all: the schema can still be managed.
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": db_url}
    done = subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"], env=env,
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert str(HEAD) in done.stdout
