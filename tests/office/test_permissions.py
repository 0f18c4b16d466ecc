"""Who may moderate: user group, else configured ids, else the alert channel's members."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient

from bot.core.clock import FixedClock
from bot.office.permissions import Permissions
from bot.sandbox.fake_slack import SANDBOX_TOKEN, FakeSlack


@pytest.fixture
def slack(clock: FixedClock) -> Iterator[FakeSlack]:
    fake = FakeSlack(clock=clock).start()
    yield fake
    fake.stop()


def client(fake: FakeSlack) -> WebClient:
    c = WebClient(token=SANDBOX_TOKEN, base_url=f"{fake.url}/api/", timeout=5)
    c.retry_handlers = []
    return c


def test_user_group_members_are_moderators_and_the_answer_is_cached(
        slack: FakeSlack, clock: FixedClock) -> None:
    mod, other = slack.add_user("mod"), slack.add_user("other")
    channel = slack.add_channel("alerts", members=[mod, other])
    group = slack.add_usergroup("comms-mods", [mod])
    perms = Permissions(client(slack), clock, alert_channel=channel, usergroup=group)
    assert perms.is_moderator(mod) and not perms.is_moderator(other)
    assert perms.moderators().source == "user group"
    assert len(slack.calls_to("usergroups.users.list")) == 1
    slack.usergroups[group]["users"].append(other)
    clock.advance(59)
    assert not perms.is_moderator(other)  # still the cached answer
    clock.advance(2)
    assert perms.is_moderator(other)
    assert len(slack.calls_to("usergroups.users.list")) == 2


def test_free_plan_falls_back_to_configured_ids(clock: FixedClock) -> None:
    with FakeSlack(clock=clock, plan="free") as fake:
        channel = fake.add_channel("alerts", members=["U0MEMBER"])
        perms = Permissions(client(fake), clock, alert_channel=channel, usergroup="S0GROUP",
                            user_ids=frozenset({"U0LISTED"}))
        assert perms.is_moderator("U0LISTED") and not perms.is_moderator("U0MEMBER")
        assert perms.moderators().source == "configured list"


def test_else_the_alert_channel_members(slack: FakeSlack, clock: FixedClock) -> None:
    member = slack.add_user("member")
    channel = slack.add_channel("alerts", members=[member])
    perms = Permissions(client(slack), clock, alert_channel=channel,
                        lead_ids=frozenset({"U0LEAD"}))
    assert perms.is_moderator(member) and not perms.is_moderator("U0STRANGER")
    assert perms.moderators().source == "alert channel members"
    assert perms.is_moderator("U0LEAD") and perms.is_lead("U0LEAD")
    assert not perms.is_lead(member)


def test_slack_unreachable_refuses_unless_an_answer_is_cached(
        slack: FakeSlack, clock: FixedClock) -> None:
    member = slack.add_user("member")
    channel = slack.add_channel("alerts", members=[member])
    perms = Permissions(client(slack), clock, alert_channel=channel)
    slack.fail_next("conversations.members", "internal_error")
    assert not perms.is_moderator(member)  # nothing known: refuse
    clock.advance(61)
    assert perms.is_moderator(member)
    clock.advance(61)
    slack.fail_next("conversations.members", "internal_error")
    assert perms.is_moderator(member)  # the last good answer stands in
