"""The real bot (services, pipeline, facebook-sdk over requests) against FakeGraph."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.core.clock import FixedClock
from bot.core.policy_file import read_engine
from bot.ingest.pipeline import EdgeReport
from bot.platforms.http import TimeoutSession
from bot.runtime.services import Services, build_services
from bot.sandbox.fake_graph import FakeGraph
from bot.store.db import Database
from bot.store.schema import AlertRow, MentionRow, StormMemberRow
from tests.harness import make_settings

APP_SECRET = "sandbox-app-secret"
VERIFY_TOKEN = "sandbox-verify-token"


@lru_cache(maxsize=1)
def _engine():  # type: ignore[no-untyped-def]
    return read_engine()


@pytest.fixture
def fake_graph(clock: FixedClock) -> Iterator[FakeGraph]:
    fake = FakeGraph(clock=clock).start()
    yield fake
    fake.stop()
    assert fake.internal_errors == []


def graph_sessions(fake: FakeGraph) -> Callable[[], TimeoutSession]:
    def make() -> TimeoutSession:
        s = TimeoutSession(timeout=(2.0, 5.0))
        fake.mount(s)
        return s

    return make


def page_entry(name: str, creds: dict[str, str]) -> dict[str, Any]:
    return {"platform": "facebook", "name": name, "page_id": creds["page_id"],
            "page_token": creds["page_token"]}


class FbWorld:
    """Two watched Pages, each with its own token, and the bot's real services."""

    def __init__(self, db: Database, clock: FixedClock, fake: FakeGraph, **extra: Any) -> None:
        self.db, self.clock, self.fake = db, clock, fake
        self.services: Services | None = None
        self.pages = {"nsft": fake.add_page("NSFT Mental Health"),
                      "recovery": fake.add_page("NSFT Recovery College")}
        self.settings = make_settings(db, [page_entry(n, c) for n, c in self.pages.items()],
                                      **extra)
        self.services = self.restart()

    def restart(self) -> Services:
        """A new process: fresh services over the same database and fake."""
        if self.services is not None:
            self.services.db.dispose()
        self.services = build_services(self.settings, self.clock,
                                       http_session=graph_sessions(self.fake),
                                       post_interval=0.0)
        self.services.pipeline.classify = _engine().classify
        return self.services

    def page_id(self, name: str) -> str:
        return self.pages[name]["page_id"]

    def source(self, name: str):  # type: ignore[no-untyped-def]
        return next(s for s in self.services.sources if s.account == name)

    def poll(self, name: str, edge: str) -> EdgeReport:
        return self.services.pipeline.poll_edge(self.source(name), f"facebook:{name}:{edge}")

    def poll_all(self, name: str = "nsft") -> list[EdgeReport]:
        return self.services.pipeline.poll(self.source(name)).edges

    def stored(self, *where: Any) -> list[MentionRow]:
        with self.db.session() as s:
            return list(s.execute(select(MentionRow).where(*where)
                                  .order_by(MentionRow.id)).scalars())

    def ids(self, *where: Any) -> list[str]:
        return [r.external_id for r in self.stored(*where)]

    def count_alerts(self, kind: str = "mention") -> int:
        with self.db.session() as s:
            return s.execute(select(func.count()).select_from(AlertRow)
                             .where(AlertRow.kind == kind)).scalar_one()

    def alerted(self) -> list[int]:
        """Mention ids in an alert: their own, or (storm mode, bot/storm/fold.py) a storm group's.
        A mention listed twice was alerted twice."""
        with self.db.session() as s:
            own = s.execute(select(AlertRow.mention_id).where(
                AlertRow.kind == "mention")).scalars().all()
            folded = s.execute(select(StormMemberRow.mention_id)).scalars().all()
        return sorted([int(m) for m in own if m is not None] + list(folded))

    def admin_alerts(self) -> list[AlertRow]:
        with self.db.session() as s:
            return list(s.execute(select(AlertRow).where(AlertRow.kind == "admin")).scalars())


    def close(self) -> None:
        self.services.db.dispose()


@pytest.fixture
def make_world(db: Database, clock: FixedClock,
               fake_graph: FakeGraph) -> Iterator[Callable[..., FbWorld]]:
    """FbWorld(**settings overrides); every one made is closed after the test."""
    made: list[FbWorld] = []

    def make(**extra: Any) -> FbWorld:
        made.append(FbWorld(db, clock, fake_graph, **extra))
        return made[-1]

    yield make
    for w in made:
        w.close()


@pytest.fixture
def world(make_world: Callable[..., FbWorld]) -> FbWorld:
    return make_world()


@pytest.fixture
def hooked(make_world: Callable[..., FbWorld]) -> FbWorld:
    """The same, with webhooks configured."""
    return make_world(facebook_app_secret=APP_SECRET, facebook_verify_token=VERIFY_TOKEN)
