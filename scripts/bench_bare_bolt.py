"""The floor for ack latency: a bare Bolt app that acknowledges the same signed click and
does nothing else, served exactly as feedwatch's `web:` process is (gunicorn, one worker, 8
threads), with /healthz for the benchmark to wait on. Used by scripts/bench_ack.py.

    gunicorn --pythonpath scripts bench_bare_bolt:application
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from benchkit import SIGNING_SECRET
from slack_bolt import Ack, App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient

from bot.sandbox.fake_slack import SANDBOX_TOKEN
from bot.slack.action_ids import CLAIM

# Bolt checks its token once (auth.test) before the first listener: at the same fake Slack
# feedwatch's process uses, so both pay the same once.
bolt = App(client=WebClient(token=SANDBOX_TOKEN, base_url=os.environ["SLACK_API_URL"]),
           signing_secret=SIGNING_SECRET, process_before_response=False)


@bolt.action(CLAIM)
def claim(ack: Ack) -> None:
    ack()


_slack = SlackRequestHandler(bolt, path="/slack/events")


def application(environ: dict[str, Any],
                start_response: Callable[..., Any]) -> Iterable[bytes]:
    if environ.get("PATH_INFO") == "/healthz":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]
    return _slack(environ, start_response)
