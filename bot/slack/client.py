"""The Slack WebClient, built from settings."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient

from bot.core.config import Settings


def make_slack_client(settings: Settings) -> WebClient:
    kwargs: dict[str, Any] = {"token": settings.slack_bot_token.get_secret_value(), "timeout": 15}
    if settings.slack_api_url:
        kwargs["base_url"] = settings.slack_api_url.rstrip("/") + "/"
    client = WebClient(**kwargs)
    # No automatic retries: the outbox decides when a retry is safe (a blind retry after a
    # lost answer would post the alert twice).
    client.retry_handlers = []
    return client
