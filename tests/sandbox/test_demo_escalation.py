"""The demo works out of the box for a crisis: every suggested target is configured, and the
on-call group is pinged."""

from __future__ import annotations

from pathlib import Path

from bot.core.config import ESCALATION_TARGETS
from bot.sandbox import demo
from policy.loader import bundled_policy_path, load_policy


def test_the_demo_configures_every_suggested_target_and_the_crisis_ping(tmp_path: Path) -> None:
    sb = demo.start_sandbox(tmp_path)
    try:
        settings = sb.services.settings
        policy = load_policy(bundled_policy_path().read_text(encoding="utf-8"))
        suggested = {c.escalate_to for c in policy.categories.values() if c.escalate_to}
        assert suggested <= set(settings.escalation_targets) <= set(ESCALATION_TARGETS)
        for channel in settings.escalation_targets.values():
            assert channel in sb.fake_slack.channels
        assert settings.crisis_ping in sb.fake_slack.usergroups
    finally:
        sb.stop()
