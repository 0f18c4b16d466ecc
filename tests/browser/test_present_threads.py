"""Threads as the page shows them (no browser needed): a reply stays in its thread, and a
reply also sent to the channel (Slack's thread broadcast) shows in the channel too, saying
which message it answers, as Slack does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient

from bot.sandbox.fake_slack import SANDBOX_TOKEN, FakeSlack
from bot.sandbox.standin.present import Presenter


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    yield fake
    fake.stop()


def test_a_broadcast_reply_shows_in_the_channel_and_its_thread(slack: FakeSlack) -> None:
    channel = slack.add_channel("social-media-alerts")
    client = WebClient(token=SANDBOX_TOKEN, base_url=f"{slack.url}/api/")
    parent = client.chat_postMessage(channel=channel, text="Possible crisis: a reply")["ts"]
    client.chat_postMessage(channel=channel, thread_ts=parent, text="Claimed by Sam")
    client.chat_postMessage(channel=channel, thread_ts=parent, text="nobody on it yet",
                            reply_broadcast=True)

    shown = Presenter(slack).channel(channel, "U0SAM")["messages"]

    assert [m["label"] for m in shown] == ["Possible crisis: a reply", "nobody on it yet"]
    alert, reminder = shown
    assert [r["label"] for r in alert["replies"]] == ["Claimed by Sam", "nobody on it yet"]
    assert alert["broadcast_of"] == ""
    assert reminder["broadcast_of"] == "Possible crisis: a reply"
    assert reminder["replies"] == []
