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
    # Nobody is paged for a crisis: a warning with the fix, not a failure.
    assert any(line.startswith("WARN  crisis paging: CRISIS_PING is not set") for line in lines)
    lines.clear()
    paged = settings.model_copy(update={"crisis_ping": "S0ONCALL"})
    assert run_checks(paged, session_factory(x), lines.append) == 0
    assert not any("CRISIS_PING" in line for line in lines)


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
    assert text.count("fix:") == 4  # three failures and the CRISIS_PING warning
    assert lines[-1] == "1 passed, 3 failed"


def test_x_permission_without_dms_fails(sqlite_db: Database, fakes) -> None:  # type: ignore[no-untyped-def]
    x, slack = fakes
    settings = make_settings(sqlite_db, [x_account_config(x, "NSFTtweets", "nsft")],
                             slack_url=f"{slack.url}/api/", slack_bot_token=SANDBOX_TOKEN)
    x.set_access_level("NSFTtweets", "read-write")
    lines: list[str] = []
    assert run_checks(settings, session_factory(x), lines.append) == 1
    text = "\n".join(lines)
    assert "FAIL  x:nsft: the app's permission is 'read-write': direct messages are not " \
           "permitted" in text
    assert "Read and write and Direct message" in text and "regenerate" in text
    # The header is read from X's own answer to GET /2/users/me.
    assert x.requests_to("/2/users/me")


def test_check_learns_whether_x_allows_block_and_remembers_it(sqlite_db: Database, fakes) -> None:  # type: ignore[no-untyped-def]
    from bot.store import access

    x, slack = fakes
    settings = make_settings(sqlite_db, [x_account_config(x, "NSFTtweets", "nsft")],
                             slack_url=f"{slack.url}/api/", slack_bot_token=SANDBOX_TOKEN)
    lines: list[str] = []
    assert run_checks(settings, session_factory(x), lines.append) == 0
    assert any("Block: not included in this access level (error 453)" in line
               for line in lines)
    with sqlite_db.session() as s:
        assert access.allowed(s, "nsft", access.X_BLOCK) is False
    x.v11_blocks_allowed = True  # the trust moved to a tier that includes it
    lines.clear()
    assert run_checks(settings, session_factory(x), lines.append) == 0
    assert any("Block: allowed" in line for line in lines)
    with sqlite_db.session() as s:
        assert access.allowed(s, "nsft", access.X_BLOCK) is True
    assert x.blocked(x.user_id("NSFTtweets")) == set()  # asked read-only: nobody blocked


def test_a_network_error_says_could_not_reach_slack_not_reinstall(  # type: ignore[no-untyped-def]
        sqlite_db: Database, fakes) -> None:
    import socket

    x, _ = fakes
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there now: the connection is refused
    settings = make_settings(sqlite_db, [x_account_config(x, "NSFTtweets", "nsft")],
                             slack_url=f"http://127.0.0.1:{port}/api/",
                             slack_bot_token=SANDBOX_TOKEN)
    lines: list[str] = []
    assert run_checks(settings, session_factory(x), lines.append) == 1
    [slack] = [line for line in lines if "slack:" in line]
    assert slack.startswith("FAIL  slack: could not reach Slack (URLError)")
    assert "Reinstall" not in slack and "network" in slack


def test_a_slack_outage_is_not_a_token_problem(sqlite_db: Database, fakes) -> None:  # type: ignore[no-untyped-def]
    x, slack = fakes
    slack.fail_next("auth.test", "internal_error")
    settings = make_settings(sqlite_db, [x_account_config(x, "NSFTtweets", "nsft")],
                             slack_url=f"{slack.url}/api/", slack_bot_token=SANDBOX_TOKEN)
    lines: list[str] = []
    run_checks(settings, session_factory(x), lines.append)
    [line] = [line for line in lines if "slack:" in line]
    assert line.startswith("FAIL  slack: Slack answered with an error (internal_error)")
    assert "Reinstall" not in line


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
