from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import pytest

from bot.core.clock import FixedClock
from bot.core.policy_file import read_engine
from bot.ingest.pipeline import Pipeline
from bot.runtime.services import Services
from bot.sandbox.accounts import x_account_config
from bot.sandbox.fake_x import FakeX
from bot.store.db import Database
from tests.harness import make_settings, services_for


@lru_cache(maxsize=1)
def _engine():  # type: ignore[no-untyped-def]
    return read_engine()


@pytest.fixture
def fake_x(clock: FixedClock) -> Iterator[FakeX]:
    fake = FakeX(clock=clock).start()
    yield fake
    fake.stop()
    assert fake.internal_errors == []


class World:
    """The bot (real services) wired to a fake X with two watched accounts."""

    def __init__(self, db: Database, clock: FixedClock, fake_x: FakeX) -> None:
        self.db, self.clock, self.fake_x = db, clock, fake_x
        self.accounts = {
            "nsft": x_account_config(fake_x, "NSFTtweets", "nsft", "NSFT"),
            "second": x_account_config(fake_x, "NSFTjobs", "second", "NSFT Jobs"),
        }
        for handle in ("pat", "sam", "kim"):
            fake_x.add_user(handle, handle.title())
        self.settings = make_settings(
            db, list(self.accounts.values()))
        self.services = self.restart()

    def restart(self) -> Services:
        """A new process: fresh services over the same database and fakes."""
        old = getattr(self, "services", None)
        if old is not None:
            old.db.dispose()
        self.services = services_for(self.settings, self.clock, self.fake_x)
        self.services.pipeline.classify = _engine().classify
        return self.services

    @property
    def pipeline(self) -> Pipeline:
        return self.services.pipeline

    def source(self, name: str):  # type: ignore[no-untyped-def]
        return next(s for s in self.services.sources if s.account == name)

    def user_id(self, name: str) -> str:
        return str(self.accounts[name]["user_id"])


@pytest.fixture
def world(db: Database, clock: FixedClock, fake_x: FakeX) -> Iterator[World]:
    w = World(db, clock, fake_x)
    yield w
    w.services.db.dispose()
