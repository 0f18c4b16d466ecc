"""Shared fixtures: a network guard, databases on both engines, a controllable clock."""

from __future__ import annotations

import ipaddress
import os
import socket
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, inspect, text

from bot.core.clock import FixedClock
from bot.store.db import Database, normalise_url
from tests.skip_summary import pytest_terminal_summary  # noqa: F401  (one line of skips)

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
TUESDAY_10AM = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


# -- no network but loopback ---------------------------------------------------------------

def _is_loopback(address: object) -> bool:
    if not isinstance(address, tuple) or not address:
        return True  # AF_UNIX paths and the like
    host = address[0]
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


class NetworkBlocked(OSError):
    pass


def _guarded_connect(self: socket.socket, address: object) -> None:
    if not _is_loopback(address):
        raise NetworkBlocked(f"test tried to open a non-loopback connection to {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    if not _is_loopback(address):
        raise NetworkBlocked(f"test tried to open a non-loopback connection to {address!r}")
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Iterator[None]:
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
    yield
    socket.socket.connect = _real_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _real_connect_ex  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def _no_ambient_config(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests build their own settings; a developer's shell or .env must not leak in."""
    for var in list(os.environ):
        if var.startswith(("SLACK_", "FEEDWATCH_ACCOUNTS", "DATABASE_URL")):
            monkeypatch.delenv(var, raising=False)
    for var in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.delenv(var, raising=False)


# -- time -------------------------------------------------------------------------------

@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TUESDAY_10AM)


# -- databases --------------------------------------------------------------------------

def postgres_url_or_skip() -> str:
    url = os.environ.get("FEEDWATCH_TEST_POSTGRES_URL")
    if not url:
        msg = ("PostgreSQL tests need FEEDWATCH_TEST_POSTGRES_URL "
               "(start one with: eval $(bash scripts/postgres-start.sh))")
        if IN_CI:
            pytest.fail(msg + " — required under CI=true")
        pytest.skip(msg)
    return url


@pytest.fixture(scope="session")
def _pg_template() -> Iterator[str]:
    """One migrated database per test worker; tests truncate it rather than re-create."""
    base = postgres_url_or_skip()
    name = f"fw_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalise_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.rsplit("/", 1)[0] + "/" + name
    db = Database(url)
    db.migrate()
    db.dispose()
    yield url
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _fresh_postgres(url: str) -> Database:
    db = Database(url)
    with db.engine.begin() as c:
        tables = [t for t in inspect(c).get_table_names() if t != "alembic_version"]
        c.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    return db


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    """A migrated, empty database on each engine."""
    if request.param == "sqlite":
        database = Database(f"sqlite:///{tmp_path}/feedwatch.db")
        database.migrate()
    else:
        database = _fresh_postgres(request.getfixturevalue("_pg_template"))
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    database = Database(f"sqlite:///{tmp_path}/feedwatch.db")
    database.migrate()
    yield database
    database.dispose()
