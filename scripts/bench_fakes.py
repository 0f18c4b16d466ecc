"""The fakes for a benchmark, in their own process (as X and Slack are not in the bot's):
a fake X with the watched account and N mentions planted, and a fake Slack with the alert
channel. Prints one JSON line (urls, channel, the account's FEEDWATCH_ACCOUNTS entry), then
serves until its standard input closes.

    .venv/bin/python scripts/bench_fakes.py --mentions 10000
"""

from __future__ import annotations

import argparse
import json
import sys

from benchkit import plant_x, watched_account

from bot.sandbox.fake_slack import FakeSlack
from bot.sandbox.fake_x import FakeX


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="fakes for the benchmarks")
    ap.add_argument("--mentions", type=int, default=0)
    ap.add_argument("--authors", type=int, default=500)
    args = ap.parse_args(argv)
    with FakeX() as fake_x, FakeSlack() as fake_slack:
        # The request logs are for tests; over a long benchmark they would only grow.
        fake_x.clear_log()
        account = watched_account(fake_x)
        plant_x(fake_x, args.mentions, authors=max(1, min(args.authors, args.mentions or 1)))
        channel = fake_slack.add_channel("social-media-alerts")
        print(json.dumps({"x_url": fake_x.url, "slack_url": f"{fake_slack.url}/api/",
                          "channel": channel, "account": account}), flush=True)
        for _ in sys.stdin:  # serve until the benchmark closes our stdin
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
