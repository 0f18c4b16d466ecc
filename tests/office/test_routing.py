"""Routing: one channel per mention, by the documented precedence."""

from __future__ import annotations

import pytest

from bot.core.config import ConfigError, load_settings
from bot.core.models import KIND_DM, KIND_MENTION
from bot.office.routing import PRECEDENCE, Router, primary_category
from policy.categories import (
    ABUSE,
    ALL_CATEGORIES,
    COMPLAINT,
    CRISIS,
    HATE,
    PRAISE,
    PROFANITY,
    VIOLENCE,
    Severity,
)
from policy.decision import Decision
from tests.office.conftest import flag

ROUTER = Router("C0ALERTS", {CRISIS: "C0URGENT", PRAISE: "C0KUDOS", ABUSE: "C0ABUSE"},
                dm_channel="G0DMS", out_of_hours_destination="U0ONCALL")


def d(*flags) -> Decision:  # type: ignore[no-untyped-def]
    return Decision(flags=tuple(flags))


def test_every_category_has_a_place_in_the_precedence() -> None:
    assert sorted(PRECEDENCE) == sorted(ALL_CATEGORIES)


def test_crisis_wins_whatever_the_severities() -> None:
    decision = d(flag(PROFANITY, Severity.CRITICAL), flag(CRISIS, Severity.MEDIUM))
    assert primary_category(decision) == CRISIS
    assert ROUTER.channel_for(KIND_MENTION, decision) == "C0URGENT"


def test_most_severe_category_decides_and_lesser_ones_do_not_pull() -> None:
    decision = d(flag(PRAISE, Severity.INFO), flag(ABUSE, Severity.HIGH))
    assert ROUTER.channel_for(KIND_MENTION, decision) == "C0ABUSE"
    # abuse is the most severe but has no channel of its own here: the alert channel, not kudos
    router = Router("C0ALERTS", {PRAISE: "C0KUDOS"})
    assert router.channel_for(KIND_MENTION, decision) == "C0ALERTS"


def test_ties_are_broken_by_precedence() -> None:
    assert primary_category(d(flag(ABUSE), flag(HATE))) == HATE
    assert primary_category(d(flag(COMPLAINT, Severity.LOW), flag(PRAISE, Severity.LOW))) \
        == COMPLAINT


def test_praise_goes_to_kudos_and_unflagged_to_alerts() -> None:
    assert ROUTER.channel_for(KIND_MENTION, d(flag(PRAISE, Severity.INFO))) == "C0KUDOS"
    assert ROUTER.channel_for(KIND_MENTION, d()) == "C0ALERTS"


def test_dms_go_to_the_restricted_channel() -> None:
    assert ROUTER.channel_for(KIND_DM, d(flag(PRAISE, Severity.INFO))) == "G0DMS"
    assert ROUTER.channel_for(KIND_DM, d(flag(CRISIS))) == "G0DMS"


def test_out_of_hours_destination_or_the_usual_channel() -> None:
    assert ROUTER.is_urgent(d(flag(VIOLENCE))) and not ROUTER.is_urgent(d(flag(ABUSE)))
    assert ROUTER.out_of_hours_channel(KIND_DM, d(flag(CRISIS))) == "U0ONCALL"
    assert Router("C0ALERTS").out_of_hours_channel(KIND_MENTION, d(flag(CRISIS))) == "C0ALERTS"


BASE = {"slack_bot_token": "xoxb-1", "slack_signing_secret": "s",
        "slack_alert_channel": "C0ALERTS", "feedwatch_accounts": [dict(
            platform="x", name="n", user_id="1", consumer_key="a", consumer_secret="b",
            access_token="c", access_token_secret="d")]}


def test_routing_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CATEGORY_CHANNELS", '{"crisis": "C0URGENT", "Praise": "C0KUDOS"}')
    monkeypatch.setenv("OUT_OF_HOURS_CATEGORIES", "crisis, violence, terrorism")
    settings = load_settings(None, **BASE)
    router = Router.from_settings(settings)
    assert router.category_channels == {CRISIS: "C0URGENT", PRAISE: "C0KUDOS"}
    assert router.urgent == {CRISIS, VIOLENCE, "terrorism", "unread_language"}
    monkeypatch.setenv("OUT_OF_HOURS_UNREAD_LANGUAGE", "false")
    assert Router.from_settings(load_settings(None, **BASE)).urgent == {
        CRISIS, VIOLENCE, "terrorism"}


@pytest.mark.parametrize(("var", "value", "message"), [
    ("CATEGORY_CHANNELS", '{"kindness": "C0X1"}', "unknown category"),
    ("CATEGORY_CHANNELS", '{"praise": "#kudos"}', "not a channel id"),
    ("CATEGORY_CHANNELS", "{not json", "not valid JSON"),
    ("CATEGORY_CHANNELS", '["praise"]', "expected a JSON object"),
    ("ESCALATION_TARGETS", "{not json", "not valid JSON"),
    ("ESCALATION_TARGETS", '["pals"]', "expected a JSON object"),
    ("OUT_OF_HOURS_CATEGORIES", "crisis,panic", "unknown categories"),
    ("OUT_OF_HOURS_DESTINATION", "oncall", "OUT_OF_HOURS_DESTINATION"),
])
def test_bad_routing_settings_are_named(monkeypatch: pytest.MonkeyPatch, var: str, value: str,
                                        message: str) -> None:
    monkeypatch.setenv(var, value)
    with pytest.raises(ConfigError, match=message) as exc:
        load_settings(None, **BASE)
    assert var in str(exc.value)
