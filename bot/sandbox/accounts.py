"""Watched-account configuration for accounts that live on the fakes."""

from __future__ import annotations

from typing import Any

from bot.sandbox.fake_x import FakeX


def x_account_config(fake: FakeX, handle: str, name: str, display_name: str = "") -> dict[str, Any]:
    """Create @handle on the fake X and return its FEEDWATCH_ACCOUNTS entry."""
    creds = fake.add_account(handle, display_name or handle)
    return {
        "platform": "x",
        "name": name,
        "handle": handle,
        "user_id": fake.user_id(handle),
        "consumer_key": creds["consumer_key"],
        "consumer_secret": creds["consumer_secret"],
        "access_token": creds["access_token"],
        "access_token_secret": creds["access_token_secret"],
    }
