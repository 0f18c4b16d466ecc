"""Who may share a database in which shape (bot/core/roles.py, bot/store/coordination.py):
on SQLite one
process of each kind, `run` counting as both; a serve process never leads on PostgreSQL; a
split shape settles half-done actions only after the grace a live serve process needs."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.roles import INGEST, RUN, SERVE
from bot.store.coordination import (
    MIGRATE,
    SHARED_RECONCILE_GRACE,
    AlreadyRunning,
    PostgresCoordinator,
    coordinator_for,
)
from bot.store.db import Database
from tests.conftest import _fresh_postgres


def test_sqlite_takes_one_ingest_and_one_serve(sqlite_db: Database) -> None:
    ingest, serve = coordinator_for(sqlite_db, INGEST), coordinator_for(sqlite_db, SERVE)
    ingest.start()
    serve.start()
    try:
        for role in (INGEST, SERVE, RUN):
            with pytest.raises(AlreadyRunning) as refused:
                coordinator_for(sqlite_db, role).start()
            assert "already running on this SQLite database" in str(refused.value)
        assert "(serve side)" in _refusal(sqlite_db, SERVE)
    finally:
        ingest.close()
        serve.close()
    # `run` holds both: neither kind may join it, and it lets both go when it stops.
    run = coordinator_for(sqlite_db, RUN)
    run.start()
    try:
        for role in (INGEST, SERVE):
            with pytest.raises(AlreadyRunning):
                coordinator_for(sqlite_db, role).start()
    finally:
        run.close()
    again = coordinator_for(sqlite_db, SERVE)
    again.start()
    again.close()


def _refusal(db: Database, role: str) -> str:
    with pytest.raises(AlreadyRunning) as refused:
        coordinator_for(db, role).start()  # type: ignore[arg-type]
    return str(refused.value)


def test_a_refused_start_keeps_no_lock(sqlite_db: Database) -> None:
    serve = coordinator_for(sqlite_db, SERVE)
    serve.start()
    with pytest.raises(AlreadyRunning):
        coordinator_for(sqlite_db, RUN).start()  # takes ingest's lock, then fails on serve's
    ingest = coordinator_for(sqlite_db, INGEST)
    ingest.start()  # so ingest's lock was let go again
    ingest.close()
    serve.close()


def test_split_processes_wait_before_settling_half_done_actions(sqlite_db: Database) -> None:
    assert coordinator_for(sqlite_db, RUN).reconcile_grace.total_seconds() == 0
    assert coordinator_for(sqlite_db, INGEST).reconcile_grace == SHARED_RECONCILE_GRACE


def test_migrations_on_sqlite_wait_for_a_lock_file(sqlite_db: Database) -> None:
    a, b = coordinator_for(sqlite_db, INGEST), coordinator_for(sqlite_db, SERVE)
    with a.exclusive(MIGRATE):
        lock = next(Path(sqlite_db.engine.url.database or "").parent.glob("*.migrate.lock"))
        with lock.open("a+") as fh, pytest.raises(BlockingIOError):
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held: another process would wait
    with b.exclusive(MIGRATE):
        pass  # free again


@pytest.fixture
def pg_db(_pg_template: str) -> Iterator[Database]:
    db = _fresh_postgres(_pg_template)
    yield db
    db.dispose()


@pytest.mark.postgres
def test_a_serve_process_never_takes_the_lead(pg_db: Database) -> None:
    serve = coordinator_for(pg_db, SERVE)
    ingest = coordinator_for(pg_db, INGEST)
    try:
        assert isinstance(serve, PostgresCoordinator)
        serve.start()
        assert not serve.leading()
        assert ingest.leading()  # the lead was left for a process that polls
    finally:
        serve.close()
        ingest.close()
