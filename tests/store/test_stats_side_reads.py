"""`/feedwatch stats` may read its two longest parts on a second session in a thread: the
figures are the same as from one session, and a database that two sessions would not share
(in-memory SQLite) is never read that way."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.core.calendar import OfficeHours, holiday_calendar, parse_days, parse_hhmm
from bot.core.figures import Range
from bot.reports.stats import compute
from bot.store.db import Database
from tests.store.test_stats_queries import END, START, seed

HOURS = OfficeHours(tz=ZoneInfo("Europe/London"), days=parse_days("Mon-Fri"),
                    opens=parse_hhmm("09:00"), closes=parse_hhmm("17:00"),
                    calendar=holiday_calendar("GB-ENG"))
RANGE = Range(START, END, "a week")


def test_reads_beside_the_main_session_give_the_same_figures(db: Database) -> None:
    seed(db)
    threads: list[str] = []

    @contextmanager
    def side() -> Iterator[Session]:
        threads.append(threading.current_thread().name)
        with db.session() as s:
            yield s

    with db.session() as s:
        alone = compute(s, RANGE, HOURS)
    with db.session() as s:
        beside = compute(s, RANGE, HOURS, side)
    assert threads and threads[0] != threading.main_thread().name  # read in its own thread
    assert sum(alone.flags.values()) > 0 and alone.first_action_seconds
    assert beside == alone


def test_only_a_database_every_session_shares_is_read_beside() -> None:
    assert not Database("sqlite://").shared_between_sessions
    assert not Database("sqlite:///:memory:").shared_between_sessions
    assert Database("sqlite:////tmp/feedwatch-file.db").shared_between_sessions
    assert Database("postgresql+psycopg://u:p@localhost/feedwatch").shared_between_sessions
