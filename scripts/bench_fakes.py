"""The fakes for a benchmark, in their own process (as X and Slack are not in the bot's):
a fake X with the watched account and N mentions planted, and a fake Slack with the alert
channel. Prints one JSON line (urls, channel, the account's FEEDWATCH_ACCOUNTS entry), then
serves until its standard input closes.

    .venv/bin/python scripts/bench_fakes.py --mentions 10000
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
from typing import Any

from benchkit import plant_x, watched_account

from bot.sandbox import fake_x
from bot.sandbox.fake_slack import FakeSlack
from bot.sandbox.fake_x import FakeX, Fields, max_results, not_found
from bot.sandbox.http_fake import Request, Response, json_response


class IndexedX(FakeX):
    """The fake X with each user's mention timeline kept sorted, so a page costs the same at
    100,000 mentions as at 100 (the plain fake scans every tweet per page: fine for tests).
    What it answers is the fake's own `_page`, given only the tweets that page can contain."""

    def __init__(self) -> None:
        super().__init__()
        self._timeline: dict[str, list[int]] = {}  # user id -> ids of tweets mentioning them

    def add_tweet(self, author: str, text: str, **kwargs: Any) -> dict[str, Any]:
        tweet = super().add_tweet(author, text, **kwargs)
        with self.lock:
            for user_id in self.store.state[tweet["id"]]["mentions"]:
                bisect.insort(self._timeline.setdefault(user_id, []), int(tweet["id"]))
        return tweet

    def _mentions(self, req: Request, p: dict[str, str]) -> Response:
        fields = Fields.parse(req)
        if isinstance(fields, Response):
            return fields
        size = max_results(req, 5, 100, 10)
        if isinstance(size, Response):
            return size
        with self.lock:
            if p["id"] not in self.store.users:
                return json_response(200, {"errors": [not_found("user", "id", p["id"])]})
            ids = self._timeline.get(p["id"], [])[-fake_x.MENTIONS_REACHABLE:]
            low, high = 0, len(ids)
            since, until = req.arg("since_id") or "", req.arg("until_id") or ""
            after = fake_x._untoken(req.arg("pagination_token") or "", "mentions") or ""
            if since.isdigit():
                low = bisect.bisect_right(ids, int(since))
            for bound in (until, after):
                if bound.isdigit():
                    high = min(high, bisect.bisect_left(ids, int(bound)))
            window = ids[max(low, high - size - 1):high][::-1]  # newest first, one extra
            pool = [self.store.tweets[str(i)] for i in window
                    if not self.store.state[str(i)]["deleted"]]
            return self._page(req, pool, size, "mentions",
                              lambda page: self.store.tweet_page(page, fields))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="fakes for the benchmarks")
    ap.add_argument("--mentions", type=int, default=0)
    ap.add_argument("--authors", type=int, default=500)
    args = ap.parse_args(argv)
    with IndexedX() as x, FakeSlack() as fake_slack:
        account = watched_account(x)
        plant_x(x, args.mentions, authors=max(1, min(args.authors, args.mentions or 1)))
        channel = fake_slack.add_channel("social-media-alerts")
        print(json.dumps({"x_url": x.url, "slack_url": f"{fake_slack.url}/api/",
                          "channel": channel, "account": account}), flush=True)
        for _ in sys.stdin:  # serve until the benchmark closes our stdin
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
