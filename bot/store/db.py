"""Engine, sessions and migrations: SQLite by default, PostgreSQL by DATABASE_URL."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from bot.core.config import DatabaseOnly, Settings

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest migration's revision (tests/store/test_db.py holds it to alembic's own head). A
# database already there needs no upgrade, so the running bot never loads alembic and its
# templates (about 10 MiB that would stay resident for the life of the process).
SCHEMA_HEAD = "0010"


def normalise_url(url: str) -> str:
    """Accept the postgres:// URLs hosting platforms hand out; use the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # WAL lets the Slack handlers read while the poller writes; FKs are off by default in SQLite.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


class Database:
    """One engine and session factory per process, created from settings and passed in."""

    def __init__(self, url: str, audit_key: bytes | None = None) -> None:
        self.url = normalise_url(url)
        parsed = make_url(self.url)
        # hide_parameters: a failed statement's error never carries its values (post text,
        # tokens) into a log line.
        kwargs: dict[str, Any] = {"future": True, "hide_parameters": True}
        if parsed.get_backend_name() == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 10}
        else:
            kwargs["pool_pre_ping"] = True
        self.engine: Engine = create_engine(self.url, **kwargs)
        if parsed.get_backend_name() == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        # Every session carries the audit chain's signing key (bot/store/audit_head.py).
        self._factory = sessionmaker(self.engine, expire_on_commit=False,
                                     info={"audit_hmac_key": audit_key})

    @property
    def shared_between_sessions(self) -> bool:
        """Whether two sessions see the same data: not for an in-memory SQLite database, which
        belongs to one connection (each thread gets its own)."""
        parsed = make_url(self.url)
        return not (parsed.get_backend_name() == "sqlite"
                    and parsed.database in (None, "", ":memory:"))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema to the newest revision (safe to call on every start)."""
        if self.schema_revision() != SCHEMA_HEAD:
            from alembic import command
            from alembic.config import Config

            cfg = Config()
            cfg.set_main_option("script_location", str(MIGRATIONS))
            cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        log.info("database schema is up to date (%s)", self.dialect)

    def schema_revision(self) -> str | None:
        """The revision alembic last recorded, or None on a database it has not touched."""
        try:
            with self.engine.connect() as conn:
                rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        except DBAPIError:  # no version table yet
            return None
        return rows[0][0] if len(rows) == 1 else None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any exception."""
        with self._factory.begin() as s:
            yield s

    def redacted_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def database_for(settings: Settings | DatabaseOnly) -> Database:
    """The database of these settings, with the audit chain's signing key when one is set."""
    key = settings.audit_hmac_key
    return Database(settings.database_url,
                    audit_key=key.get_secret_value().encode() if key is not None else None)
