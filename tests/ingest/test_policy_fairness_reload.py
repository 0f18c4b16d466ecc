"""A policy edit that would remove fair criticism is refused by the live reload: the bot keeps
the last good policy and one admin alert, naming the line, reaches Slack."""

from __future__ import annotations

from pathlib import Path

from bot.runtime.policy_reload import reload_policy
from bot.sandbox.fake_slack import SANDBOX_TOKEN, FakeSlack
from policy import bundled_policy_path
from tests.harness import make_settings, services_for
from tests.ingest.conftest import World

INSULT_RULE = '''      - id: abuse.insult
        description: An insult aimed at a person ("you are a...", "that nurse is a...").
'''


def waiting_is_abuse(original: str) -> tuple[str, int]:
    """The bundled policy with "waiting" listed as an insult, and the line of that term."""
    assert INSULT_RULE in original
    edited = original.replace(INSULT_RULE, INSULT_RULE + "        terms:\n          - waiting\n")
    line = edited.splitlines().index("          - waiting") + 1
    return edited, line


def test_a_fairness_breaking_edit_is_refused_with_one_admin_alert(world: World,
                                                                  tmp_path: Path) -> None:
    slack = FakeSlack(clock=world.clock).start()
    try:
        admin = slack.add_channel("feedwatch-admin")
        policy_file = tmp_path / "trust-policy.yaml"
        original = bundled_policy_path().read_text()
        policy_file.write_text(original)
        settings = make_settings(world.db, list(world.accounts.values()),
                                 slack_url=f"{slack.url}/api/", slack_bot_token=SANDBOX_TOKEN,
                                 slack_admin_channel=admin, policy_file=policy_file)
        services = services_for(settings, world.clock, world.fake_x)
        try:
            good = services.policy.engine.version
            edited, line = waiting_is_abuse(original)
            policy_file.write_text(edited)
            assert reload_policy(services) == "invalid"
            world.clock.advance(60)
            assert reload_policy(services) == "invalid"  # the same edit: no second alert
            assert services.policy.engine.version == good
            post = "Still waiting for a callback from the crisis team"
            assert "abuse" not in services.policy.classify(post).categories
            services.outbox.deliver_due()
            [alert] = slack.messages(admin)
            body = str(alert["blocks"])
            assert f"{policy_file}:{line}:" in body
            assert "waiting" in body and "fair" in body
            assert "still using the last good policy" in body
        finally:
            services.db.dispose()
    finally:
        slack.stop()


def test_the_bot_does_not_start_on_an_edit_made_while_it_was_stopped(world: World,
                                                                      tmp_path: Path) -> None:
    import pytest

    from policy import PolicyError

    policy_file = tmp_path / "trust-policy.yaml"
    edited, line = waiting_is_abuse(bundled_policy_path().read_text())
    policy_file.write_text(edited)
    settings = world.settings.model_copy(update={"policy_file": policy_file})
    with pytest.raises(PolicyError) as refused:
        services_for(settings, world.clock, world.fake_x)
    assert f"{policy_file}:{line}:" in str(refused.value)
