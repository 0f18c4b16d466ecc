"""`feedwatch db upgrade | current | downgrade REVISION`: the schema by hand.

Every process also upgrades the schema at start, one at a time; these are for an upgrade done
as its own step (before the new version starts), and for going back to an older version."""

from __future__ import annotations

import io
import sys

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from bot.core.config import ConfigError, load_database_only
from bot.store.coordination import MIGRATE, coordinator_for
from bot.store.db import MIGRATIONS, Database


def _database() -> Database:
    try:
        return Database(load_database_only().database_url)
    except ConfigError as exc:
        print(f"feedwatch: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


def _config(db: Database, out: io.TextIOBase | None = None) -> Config:
    cfg = Config(stdout=out or sys.stdout)
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(db: Database) -> str:
    head = ScriptDirectory.from_config(_config(db)).get_current_head()
    assert head is not None
    return head


def upgrade_command() -> int:
    db = _database()
    with _locked(db):
        before = current_revision(db)
        db.migrate()
        after = current_revision(db)
    print(f"database {db.redacted_url()}: {before or 'empty'} -> {after}"
          if before != after else f"database {db.redacted_url()}: already at {after} (newest)")
    return 0


def current_command() -> int:
    db = _database()
    current, head = current_revision(db), head_revision(db)
    state = "newest" if current == head else f"this version's newest is {head}: run " \
        "`feedwatch db upgrade`"
    print(f"database {db.redacted_url()}: {current or 'empty (no schema yet)'} ({state})")
    return 0 if current == head else 1


def downgrade_command(revision: str) -> int:
    db = _database()
    with _locked(db), db.engine.begin() as conn:
        cfg = _config(db)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    print(f"database {db.redacted_url()}: now at {current_revision(db) or 'empty'}")
    return 0


class _locked:
    """The same lock the processes take to migrate at start: never two migrations at once."""

    def __init__(self, db: Database) -> None:
        self.coordinator = coordinator_for(db)
        self._cm = self.coordinator.exclusive(MIGRATE)

    def __enter__(self) -> None:
        self._cm.__enter__()

    def __exit__(self, *exc: object) -> None:
        self._cm.__exit__(*exc)  # type: ignore[arg-type]
        self.coordinator.close()
