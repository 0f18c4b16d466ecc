"""More than one bot process on one database: who polls, who posts, and SQLite's one instance.

PostgreSQL: any number of processes may share the database. The *leader* polls the sources
and does the once-only scheduled work (office tick, retention, media capture, complaint
checks). Leadership is a session-level advisory lock held by one dedicated connection; every
process re-tries it on each scheduler tick, so when the leader dies (PostgreSQL ends its session
and frees the lock at once) another takes over on its next tick. Delivery is shared: a process
posts to a Slack channel only while it holds that channel's advisory lock, so alerts to one
channel go out from one process at a time, in order and at Slack's pace, and a crash frees the
channel for the others (whose history check then finds what the dead process had posted).

SQLite: one process only. The first takes an exclusive lock on a file beside the database
(`feedwatch.db.lock`); a second is refused at start with a message saying so.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import zlib
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Protocol

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from bot.core.roles import INGESTS, RUN, SERVES, Role
from bot.store.db import Database

log = logging.getLogger(__name__)

# Advisory lock classes (the first of PostgreSQL's two int4 keys). Locks are per database, so
# two deployments on one server never collide.
LEADER, CHANNEL, RECONCILE, MIGRATE = 7201, 7202, 7203, 7204
# Once at start the moderation service settles intents a dead process left half done. On a
# shared database another live process may still be in the middle of one of them, so that
# waits until any platform call begun before this process started has finished or timed out
# (TimeoutSession: 5 s to connect, 30 s per read; a tell-first message plus the action).
SHARED_RECONCILE_GRACE = timedelta(minutes=2)


class AlreadyRunning(RuntimeError):
    """Another feedwatch holds this SQLite database."""


class Coordinator(Protocol):
    shared: bool  # can other processes use this database at the same time?
    reconcile_grace: timedelta

    def start(self) -> None:
        """Claim what a process needs at start (SQLite: the instance lock; may raise)."""
        ...

    def leading(self) -> bool:
        """Should this process poll and do the once-only work now? Re-tried on every call."""
        ...

    def claim(self, kind: int, name: str) -> AbstractContextManager[bool]:
        """Try to hold `name` (e.g. a channel) against other processes; yields whether we do."""
        ...

    def exclusive(self, kind: int) -> AbstractContextManager[None]:
        """Wait for, then hold, a process-wide lock of this kind (e.g. reconciling)."""
        ...

    def close(self) -> None: ...


def instance_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def lock_key(name: str) -> int:
    """A stable signed 32-bit key for a string (PostgreSQL's advisory keys are int4)."""
    value = zlib.crc32(name.encode("utf-8"))
    return value - 2**32 if value >= 2**31 else value


# -- SQLite: one process ------------------------------------------------------------------------

class InstanceLock:
    """An exclusive lock on `<database><suffix>`; the kernel frees it when the process dies."""

    def __init__(self, database_file: Path, suffix: str = ".lock", what: str = "") -> None:
        self.path = database_file.with_name(database_file.name + suffix)
        self.what = what  # "" for `feedwatch run` or ingest; "serve" for the Slack side
        self._fh: IO[str] | None = None

    def acquire(self) -> None:
        import fcntl  # POSIX only, like the deployment targets

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = self.path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.seek(0)
            holder = fh.read().strip() or "unknown"
            fh.close()
            side = f" ({self.what} side)" if self.what else ""
            raise AlreadyRunning(
                f"feedwatch is already running on this SQLite database{side} ({holder}; lock "
                f"file {self.path}). SQLite allows one feedwatch process of each kind (`run`, "
                "or one `ingest` and one `serve`): stop the other one, or set DATABASE_URL to "
                "PostgreSQL to run several.") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()} on {socket.gethostname()}, "
                 f"started {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC\n")
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()  # closing the descriptor releases the flock
            self._fh = None


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Wait for, then hold, an exclusive lock on `path` (between processes on one host)."""
    import fcntl

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+", encoding="utf-8") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


class SoloCoordinator:
    """SQLite (or any single process): always the leader; claims only guard our own threads.

    `run` holds the database alone. `ingest` and `serve` may share it, one of each: each takes
    its own instance lock, migrations wait for a lock file, and the ingest side settles
    half-done moderation only after the grace a live serve process needs to finish a click."""

    shared = False

    def __init__(self, database_file: Path | None, role: Role = RUN) -> None:
        self._instances: list[InstanceLock] = []
        if database_file is not None:
            if role in INGESTS:
                self._instances.append(InstanceLock(database_file))
            if role in SERVES:
                self._instances.append(InstanceLock(database_file, ".serve.lock", "serve"))
        self._migrate_lock = (database_file.with_name(database_file.name + ".migrate.lock")
                              if database_file is not None else None)
        self.reconcile_grace = timedelta(0) if role == RUN else SHARED_RECONCILE_GRACE
        self._held: set[tuple[int, str]] = set()
        self._lock = threading.Lock()
        self._exclusive: dict[int, threading.Lock] = {}

    def start(self) -> None:
        taken: list[InstanceLock] = []
        try:
            for lock in self._instances:
                lock.acquire()
                taken.append(lock)
        except AlreadyRunning:
            for lock in taken:
                lock.release()
            raise

    def leading(self) -> bool:
        return True

    @contextmanager
    def claim(self, kind: int, name: str) -> Iterator[bool]:
        with self._lock:
            got = (kind, name) not in self._held
            self._held.add((kind, name))
        try:
            yield got
        finally:
            if got:
                with self._lock:
                    self._held.discard((kind, name))

    @contextmanager
    def exclusive(self, kind: int) -> Iterator[None]:
        with self._lock:
            lock = self._exclusive.setdefault(kind, threading.Lock())
        with lock:
            if kind == MIGRATE and self._migrate_lock is not None:
                with file_lock(self._migrate_lock):  # ingest and serve starting together
                    yield
            else:
                yield

    def close(self) -> None:
        for lock in self._instances:
            lock.release()


# -- PostgreSQL: many processes ---------------------------------------------------------------

class PostgresCoordinator:
    """Advisory locks on one dedicated connection (outside the pool: a pooled connection
    handed back with a session lock would keep it for whoever borrows it next)."""

    shared = True

    def __init__(self, url: str, reconcile_grace: timedelta = SHARED_RECONCILE_GRACE,
                 may_lead: bool = True) -> None:
        self.engine = create_engine(url, poolclass=NullPool, future=True, hide_parameters=True)
        self.reconcile_grace = reconcile_grace
        self.may_lead = may_lead  # a `serve` process never polls, so never takes the lead
        self.name = instance_name()
        self._conn: Connection | None = None
        self._leader = False
        self._lock = threading.Lock()  # one statement at a time on the dedicated connection

    def start(self) -> None:
        self.leading()

    def _connection(self) -> Connection:
        if self._conn is None:
            conn = self.engine.connect()
            conn.execution_options(isolation_level="AUTOCOMMIT")
            self._conn = conn
        return self._conn

    def _drop_connection(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # already broken: closing is only tidying up
                log.debug("closing the coordination connection failed", exc_info=True)
        if self._leader:
            log.warning("%s lost the lead (its database session ended)", self.name)
        self._leader = False

    def _scalar(self, sql: str, **params: int) -> object:
        return self._connection().execute(text(sql), params).scalar()

    def leading(self) -> bool:
        if not self.may_lead:
            return False
        with self._lock:
            try:
                if self._leader:
                    self._scalar("SELECT 1")  # the session lives, so the lock is still ours
                    return True
                got = bool(self._scalar("SELECT pg_try_advisory_lock(:k, 0)", k=LEADER))
            except Exception:
                log.warning("coordination connection failed; not leading until it is back",
                            exc_info=True)
                self._drop_connection()
                return False
            if got:
                self._leader = True
                log.info("%s now leads: it polls the sources and runs the once-only jobs",
                         self.name)
            return got

    @contextmanager
    def claim(self, kind: int, name: str) -> Iterator[bool]:
        key = lock_key(name)
        with self._lock:
            try:
                got = bool(self._scalar("SELECT pg_try_advisory_lock(:k, :n)", k=kind, n=key))
            except Exception:
                log.warning("could not claim %s (database)", name, exc_info=True)
                self._drop_connection()
                got = False
        try:
            yield got
        finally:
            if got:
                self._unlock(kind, key, name)

    def _unlock(self, kind: int, key: int, name: str) -> None:
        with self._lock:
            try:
                still = bool(self._scalar("SELECT pg_advisory_unlock(:k, :n)", k=kind, n=key))
            except Exception:
                still = False
                self._drop_connection()
            if not still:
                # The session ended while we held it, so another process may have taken it
                # meanwhile: say so, for anyone reading the log after a doubled alert.
                log.error("the claim on %s was lost while it was held (database session ended)",
                          name)

    @contextmanager
    def exclusive(self, kind: int) -> Iterator[None]:
        # Its own connection: it may wait, and must not hold up the leader's tick meanwhile.
        with self.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.execute(text("SELECT pg_advisory_lock(:k, 0)"), {"k": kind})
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k, 0)"), {"k": kind})

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:  # let go at once: the server notices a closed socket a moment later
                    self._conn.execute(text("SELECT pg_advisory_unlock_all()"))
                except Exception:
                    log.debug("unlocking on close failed", exc_info=True)
            self._leader = False  # stepping down on purpose: nothing to warn about
            self._drop_connection()
        self.engine.dispose()


def coordinator_for(db: Database, role: Role = RUN) -> Coordinator:
    if db.dialect == "postgresql":
        return PostgresCoordinator(db.url, may_lead=role in INGESTS)
    database = make_url(db.url).database
    if not database or database == ":memory:":
        return SoloCoordinator(None, role)
    return SoloCoordinator(Path(database).resolve(), role)
