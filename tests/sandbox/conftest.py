"""Fixtures: the fakes started on ephemeral loopback ports, and real clients pointed at them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import tweepy
from slack_sdk import WebClient

from bot.core.clock import FixedClock
from bot.sandbox.fake_slack import SANDBOX_TOKEN, FakeSlack
from bot.sandbox.fake_x import FakeX

START = datetime(2024, 3, 5, 10, 0, tzinfo=UTC)  # a Tuesday morning


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def fake_x(clock: FixedClock) -> Iterator[FakeX]:
    with FakeX(clock=clock) as fake:
        yield fake
        assert fake.internal_errors == []


@pytest.fixture
def trust(fake_x: FakeX) -> dict[str, str]:
    """The watched account's sandbox credentials."""
    return fake_x.add_account("NHSTrustComms", "NHS Trust Comms")


def x_client(fake: FakeX, **creds: str) -> tweepy.Client:
    """A real tweepy.Client whose session is redirected to the fake by the transport."""
    client = tweepy.Client(**creds)
    fake.mount(client.session)
    return client


@pytest.fixture
def client(fake_x: FakeX, trust: dict[str, str]) -> tweepy.Client:
    return x_client(fake_x, **trust)


@pytest.fixture
def fake_slack(clock: FixedClock) -> Iterator[FakeSlack]:
    with FakeSlack(clock=clock) as fake:
        yield fake
        assert fake.internal_errors == []


@pytest.fixture
def slack(fake_slack: FakeSlack) -> WebClient:
    return WebClient(token=SANDBOX_TOKEN, base_url=f"{fake_slack.url}/api/")
