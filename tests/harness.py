"""Building the real bot against the fakes, the way the demo does."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from bot.core.clock import Clock
from bot.core.config import Settings
from bot.platforms.http import TimeoutSession
from bot.sandbox.fake_x import FakeX
from bot.store.db import Database

if TYPE_CHECKING:
    from bot.runtime.services import Services

ALERTS = "C0ALERTS"
ADMIN = "C0ADMIN"


def x_account_entry(name: str, creds: dict[str, str], handle: str = "") -> dict[str, Any]:
    return {"platform": "x", "name": name, "handle": handle, **creds}


def make_settings(db: Database, accounts: list[dict[str, Any]], slack_url: str = "",
                  **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "slack_bot_token": "xoxb-sandbox-test",
        "slack_signing_secret": "sandbox-signing-secret",
        "slack_alert_channel": ALERTS,
        "slack_admin_channel": ADMIN,
        "slack_api_url": slack_url or None,
        "feedwatch_accounts": accounts,
        "database_url": db.url,
        **extra,
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def session_factory(fake_x: FakeX):  # type: ignore[no-untyped-def]
    def make() -> TimeoutSession:
        s = TimeoutSession(timeout=(2.0, 5.0))
        fake_x.mount(s)
        return s

    return make


def services_for(settings: Settings, clock: Clock, fake_x: FakeX) -> Services:
    from bot.runtime.services import build_services

    return build_services(settings, clock, http_session=session_factory(fake_x),
                          post_interval=0.0)


@contextmanager
def running(*fakes: Any) -> Iterator[None]:
    for f in fakes:
        f.start()
    try:
        yield
    finally:
        for f in fakes:
            f.stop()
