"""A whole scenario with distinctive secrets and posts: no secret in logs, Slack messages,
uploaded files or exception text; no post text in logs at INFO and above."""

from __future__ import annotations

import io
import logging
import time
from pathlib import Path

from bot.runtime.logging_setup import setup_logging
from bot.runtime.runner import secrets_of
from bot.sandbox import demo, world
from bot.sandbox.scenario import load_scenario


def test_secrets_and_post_text_stay_out_of_logs_and_slack(tmp_path: Path) -> None:
    debug_log = io.StringIO()
    info_log = io.StringIO()
    sb = world.start_sandbox(tmp_path, signing_secret="sandbox-signing-SECRET-7f3a9c")
    try:
        secrets = secrets_of(sb.services.settings)
        assert len(secrets) >= 6
        # Everything down to DEBUG through the production handler (which redacts), and a
        # second, raw handler at INFO that redacts nothing: nothing sensitive may reach it.
        setup_logging("DEBUG", secrets, stream=debug_log)
        raw = logging.StreamHandler(info_log)
        raw.setLevel(logging.INFO)
        logging.getLogger().addHandler(raw)
        # Some failures on the way, so error paths log too.
        sb.fake_slack.ratelimit_next("chat.postMessage", retry_after=0)
        sb.fake_x.inject("/2/dm_events", 503, {"title": "Service Unavailable"}, times=1)
        code = demo._play(sb, io.StringIO(), time.monotonic())
        assert code in (0, 1)  # the policy's verdicts are not this test's business
    finally:
        logging.getLogger().handlers.clear()
        sb.stop()

    # What the bot sent to Slack: every call's parameters (the token travels in the header).
    slack_side = str([c.params for c in sb.fake_slack.calls]) + str(sb.fake_slack.files)
    for secret in secrets:
        assert secret not in debug_log.getvalue()
        assert secret not in info_log.getvalue()
        assert secret not in slack_side
    texts = [i.text for i in load_scenario().items]
    leaked = [t for t in texts if t[:40] in info_log.getvalue()]
    assert leaked == [], "post text in INFO logs"
    assert "rate limited" in info_log.getvalue() or "ratelimited" in info_log.getvalue()
