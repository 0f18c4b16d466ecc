"""One bot for the handler tests: the real services over SQLite, with the fake X and Slack, at
10:00 on a Tuesday in office hours."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.core.clock import FixedClock
from bot.sandbox.fake_slack import FakeSlack
from bot.sandbox.fake_x import FakeX
from bot.store.db import Database
from tests.handlers.test_commands import Bot
from tests.office.conftest import local


@pytest.fixture
def bot(sqlite_db: Database, clock: FixedClock) -> Iterator[Bot]:
    x, slack = FakeX(clock=clock).start(), FakeSlack(clock=clock).start()
    clock.set(local(2026, 11, 24, 10, 0))
    yield Bot(sqlite_db, clock, slack, x)
    x.stop()
    slack.stop()
    assert slack.internal_errors == []
