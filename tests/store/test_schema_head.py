"""The running bot skips alembic when the schema is already current: held to alembic's head."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

from bot.store.db import MIGRATIONS, SCHEMA_HEAD, Database

ROOT = Path(__file__).resolve().parents[2]


def test_schema_head_is_alembics_newest_revision() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(cfg).get_current_head() == SCHEMA_HEAD


def test_fresh_database_has_no_revision_until_migrated(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'fresh.db'}")
    assert db.schema_revision() is None
    db.migrate()
    assert db.schema_revision() == SCHEMA_HEAD
    db.dispose()


def test_starting_on_a_current_schema_never_loads_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'current.db'}"
    Database(url).migrate()
    probe = ("import sys; from bot.store.db import Database; Database(sys.argv[1]).migrate(); "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))")
    out = subprocess.run([sys.executable, "-c", probe, url], cwd=ROOT, capture_output=True,
                         text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"


def test_an_older_schema_is_upgraded(tmp_path: Path) -> None:
    from alembic import command

    db = Database(f"sqlite:///{tmp_path / 'old.db'}")
    db.migrate()
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "-1")
    assert db.schema_revision() not in (None, SCHEMA_HEAD)
    db.migrate()
    assert db.schema_revision() == SCHEMA_HEAD
    db.dispose()
