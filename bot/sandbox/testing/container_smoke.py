"""Inside a freshly built image: does `feedwatch run` start and answer its own health check?

Starts the fake X and the fake Slack in this process, then the image's bot (`feedwatch run` with
only its platform transport pointed at the fakes, as bot/sandbox/testing/run_fakes.py does) as a
child process, and asks it the image's HEALTHCHECK question (`python -m bot.runtime.probe`)
until it answers 200 for /healthz and /readyz or the patience runs out. Test-only: CI runs it
as `podman run IMAGE python -m bot.sandbox.testing.container_smoke`.

Exit 0 when both answered 200; 1 otherwise, with the bot's last log lines.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time

from bot.sandbox.accounts import x_account_config
from bot.sandbox.fake_slack import SANDBOX_TOKEN, FakeSlack
from bot.sandbox.fake_x import FakeX
from bot.sandbox.testing.instance import midday_timezone

PATIENCE_SECONDS = 90.0


def bot_environment(x: FakeX, slack: FakeSlack, workdir: str) -> dict[str, str]:
    channel = slack.add_channel("alerts")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "FEEDWATCH_"))}
    env.update({
        "SLACK_BOT_TOKEN": SANDBOX_TOKEN, "SLACK_SIGNING_SECRET": "sandbox-signing-secret",
        "SLACK_ALERT_CHANNEL": channel, "SLACK_API_URL": f"{slack.url}/api/",
        "DATABASE_URL": f"sqlite:///{workdir}/smoke.db",
        "FEEDWATCH_ACCOUNTS": json.dumps([x_account_config(x, "NSFTtweets", "nsft")]),
        "FEEDWATCH_SANDBOX_X_URL": x.url, "MODERATOR_USER_IDS": "U0SMOKE01",
        # The real clock: keep the office open so that nothing is held.
        "OFFICE_DAYS": "Mon-Sun", "OFFICE_OPENS": "00:00", "OFFICE_CLOSES": "23:59",
        "TIMEZONE": midday_timezone(), "OFFICE_HOLIDAYS": "none",
        "CRISIS_PING": "U0SMOKE01",
    })
    return env


def probe(env: dict[str, str], *args: str) -> bool:
    done = subprocess.run([sys.executable, "-m", "bot.runtime.probe", *args], env=env,
                          capture_output=True, text=True, check=False)
    return done.returncode == 0


def main() -> int:
    x, slack = FakeX().start(), FakeSlack().start()
    with tempfile.TemporaryDirectory() as workdir:
        env = bot_environment(x, slack, workdir)
        log_path = os.path.join(workdir, "bot.log")
        with open(log_path, "w") as log:
            bot = subprocess.Popen([sys.executable, "-m", "bot.sandbox.testing.run_fakes", "run"],
                                   env=env, stdout=log, stderr=subprocess.STDOUT)
        answered: dict[str, bool] = {"/healthz": False, "/readyz": False}
        deadline = time.monotonic() + PATIENCE_SECONDS
        while time.monotonic() < deadline and bot.poll() is None and not all(answered.values()):
            answered["/healthz"] = answered["/healthz"] or probe(env)
            answered["/readyz"] = answered["/readyz"] or probe(env, "--ready")
            time.sleep(1.0)
        if bot.poll() is None:
            bot.send_signal(signal.SIGTERM)
            bot.wait(timeout=30)
        for path, ok in answered.items():
            print(f"container smoke: {path} {'answered 200' if ok else 'did NOT answer 200'}")
        if not all(answered.values()):
            with open(log_path) as log:
                print("".join(log.readlines()[-30:]), file=sys.stderr)
    x.stop()
    slack.stop()
    return 0 if all(answered.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
