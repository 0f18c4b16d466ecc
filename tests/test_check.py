"""`feedwatch check` against the fakes: one line per check, with the fix for failures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.cli.check import run_checks
from bot.core.clock import FixedClock
from bot.sandbox.accounts import x_account_config
from bot.sandbox.fake_slack import SANDBOX_TOKEN, FakeSlack
from bot.sandbox.fake_x import FakeX
from bot.store.db import Database
from tests.harness import make_settings, session_factory


@pytest.fixture
def fakes(clock: FixedClock) -> Iterator[tuple[FakeX, FakeSlack]]:
    x, slack = FakeX(clock=clock).start(), FakeSlack(clock=clock).start()
    yield x, slack
    x.stop()
    slack.stop()


def test_all_pass_with_good_credentials(sqlite_db: Database, fakes) -> None:  # type: ignore[no-untyped-def]
    x, slack = fakes
    settings = make_settings(sqlite_db, [x_account_config(x, "NSFTtweets", "nsft")],
                             slack_url=f"{slack.url}/api/", slack_bot_token=SANDBOX_TOKEN)
    lines: list[str] = []
    assert run_checks(settings, session_factory(x), lines.append) == 0
    assert lines[-1] == "3 passed, 0 failed"
    assert any(line.startswith("PASS  x:nsft: authenticated as @NSFTtweets") for line in lines)
    assert any(line.startswith("PASS  slack: connected to") for line in lines)


def test_each_failure_has_a_line_and_a_fix(sqlite_db: Database, fakes) -> None:  # type: ignore[no-untyped-def]
    x, slack = fakes
    good = x_account_config(x, "NSFTtweets", "nsft")
    other = x_account_config(x, "NSFTjobs", "jobs")
    wrong_id = {**other, "user_id": good["user_id"]}  # tokens of @NSFTjobs, id of @NSFTtweets
    revoked = {**good, "access_token": f"{good['user_id']}-not-a-sandbox-token"}
    settings = make_settings(
        sqlite_db, [revoked, wrong_id],
        slack_url=f"{slack.url}/api/", slack_bot_token="xoxb-real-looking-token",
    )
    lines: list[str] = []
    assert run_checks(settings, session_factory(x), lines.append) == 1
    text = "\n".join(lines)
    assert "FAIL  slack: auth.test failed (invalid_auth)" in text
    assert "FAIL  x:nsft: credentials refused (401)" in text
    assert "FAIL  x:jobs: tokens belong to @NSFTjobs" in text
    assert text.count("fix:") == 3
    assert lines[-1] == "1 passed, 3 failed"


def test_warns_when_the_audit_key_is_unset(sqlite_db: Database, fakes) -> None:  # type: ignore[no-untyped-def]
    x, slack = fakes
    base = {"slack_url": f"{slack.url}/api/", "slack_bot_token": SANDBOX_TOKEN}
    accounts = [x_account_config(x, "NSFTtweets", "nsft")]
    lines: list[str] = []
    run_checks(make_settings(sqlite_db, accounts, **base), session_factory(x), lines.append)
    assert any(line.startswith("WARN  audit: AUDIT_HMAC_KEY is unset") for line in lines)
    lines.clear()
    keyed = make_settings(sqlite_db, accounts, audit_hmac_key="s" * 32, **base)
    assert run_checks(keyed, session_factory(x), lines.append) == 0
    assert not any("AUDIT_HMAC_KEY" in line for line in lines)
