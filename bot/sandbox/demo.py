"""`feedwatch demo`: the real bot against the offline fakes, with a mental-health trust's day.

Nothing here is used in production; only the `demo` command imports it.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.runtime.jobs import poll_all
from bot.runtime.logging_setup import setup_logging
from bot.sandbox.scenario import (
    Item,
    plant_facebook,
    plant_pile_on,
    plant_x,
)
from bot.sandbox.standin.serve import serve
from bot.sandbox.world import PILE_ON, WAVES, Sandbox, start_sandbox
from bot.store.sandbox_queries import (
    mention_ids_with_external_ids,
    mention_with_external_id,
    mentions_in_storms,
    mentions_with_own_alert,
    only_decision_of_mention,
    storm_alerts,
)
from bot.store.subject_rows import alerts_of_mention

log = logging.getLogger(__name__)

# The demo always starts on a Tuesday morning in office hours, whatever the real time.
@dataclass
class CheckResult:
    problems: list[str] = field(default_factory=list)
    checked: int = 0


def verify(sb: Sandbox) -> CheckResult:
    """Every alerted item in exactly one Slack message, with the expected flags."""
    result = CheckResult()
    messages = sb.fake_slack.messages(sb.channel)
    per_alert: dict[int, int] = {}
    for msg in messages:
        payload = (msg.get("metadata") or {}).get("event_payload") or {}
        if "alert_id" in payload:
            per_alert[payload["alert_id"]] = per_alert.get(payload["alert_id"], 0) + 1
    with sb.services.db.session() as s:
        for item in sb.scenario.items:
            result.checked += 1
            row = mention_with_external_id(s, item.platform, item.external_id)
            if not item.alerted:
                if row is not None:
                    result.problems.append(f"{item.id}: the account's own post was stored")
                continue
            if row is None:
                result.problems.append(f"{item.id}: never stored")
                continue
            alerts = alerts_of_mention(s, row.id)
            posted = [a for a in alerts if a.state == "posted"]
            in_slack = sum(per_alert.get(a.id, 0) for a in alerts)
            if len(posted) != 1 or in_slack != 1:
                result.problems.append(
                    f"{item.id}: {len(posted)} posted alert(s), {in_slack} Slack message(s)")
            decision = only_decision_of_mention(s, row.id)
            got = set(decision.categories)
            missing = set(item.expect) - got
            wrong = set(item.forbid) & got
            if missing:
                result.problems.append(f"{item.id}: expected {sorted(missing)}, got {sorted(got)}")
            if wrong:
                result.problems.append(f"{item.id}: must not be {sorted(wrong)}")
    raw = str(messages)
    for ping in ("<!channel>", "<!here>", "<@U0ADMIN>"):
        if ping in raw:
            result.problems.append(f"an alert contains an unescaped {ping}")
    return result


def verify_pile_on(sb: Sandbox, replies: list[str]) -> list[str]:
    """Every reply stored once and in exactly one alert: its own, or the one storm alert."""
    problems = []
    with sb.services.db.session() as s:
        rows = mention_ids_with_external_ids(s, "x", replies)
        if len(rows) != len(replies):
            problems.append(f"pile-on: {len(rows)} of {len(replies)} replies stored")
        own = mentions_with_own_alert(s, rows)
        folded = mentions_in_storms(s, rows)
        storms = storm_alerts(s)
    if own & folded or (own | folded) != set(rows):
        problems.append(f"pile-on: {len(own)} alerts of their own and {len(folded)} folded, "
                        f"for {len(rows)} replies")
    if len(storms) != 1 or storms[0].state != "posted":
        problems.append(f"pile-on: {len(storms)} storm alert(s), expected one posted")
    elif len(folded) < len(rows) // 2:
        problems.append(f"pile-on: only {len(folded)} of {len(rows)} replies folded")
    return problems


def run_demo(check: bool = False, port: int = 3000, out: Any = None) -> int:
    """--check: headless, the scenario once, exit 0 only if every item is as expected.
    Otherwise: serve the stand-in page on 127.0.0.1:`port` until Ctrl-C."""
    out = out or sys.stdout
    # The page is the demo's screen: the terminal shows the address and anything that goes
    # wrong, not a log line per poll every few seconds.
    setup_logging("WARNING")
    if not check:
        return serve(port, out)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="feedwatch-demo-") as tmp:
        sb = start_sandbox(Path(tmp))
        try:
            return _play(sb, out, started)
        finally:
            sb.stop()


def _play(sb: Sandbox, out: Any, started: float) -> int:
    items = sb.scenario.items
    out.write(f"feedwatch demo: fake X on {sb.fake_x.url}, fake Facebook on {sb.fake_graph.url},"
              f" fake Slack on {sb.fake_slack.url}\n"
              f"{len(items)} posts to @{sb.scenario.x_account['handle']} and the Facebook Page "
              f"'{sb.scenario.facebook_page['page_name']}' arrive in {WAVES} waves; the bot "
              "polls, classifies and posts each to #social-media-alerts.\n")
    size = -(-len(items) // WAVES)
    for wave in range(WAVES):
        batch: list[Item] = items[wave * size:(wave + 1) * size]
        plant_x(sb.fake_x, sb.scenario, batch)
        plant_facebook(sb.fake_graph, sb.scenario, batch)
        poll_all(sb.services)
    poll_all(sb.services)  # a second look changes nothing: exactly once
    result = verify(sb)
    posted = len(sb.fake_slack.messages(sb.channel))
    pile_on = plant_pile_on(sb.fake_x, sb.scenario, PILE_ON)
    poll_all(sb.services)
    poll_all(sb.services)
    result.problems += verify_pile_on(sb, pile_on)
    took = time.monotonic() - started
    out.write(f"\n{posted} alerts posted for "
              f"{sum(i.alerted for i in items)} alertable posts "
              f"({sum(not i.alerted for i in items)} of the account's own posts ignored) "
              f"in {took:.1f} s.\n")
    out.write(f"Then a pile-on: {PILE_ON} hostile replies under one post, folded by storm mode "
              f"into one alert that counts them ({len(sb.fake_slack.messages(sb.channel)) - posted}"
              " message(s) more in the channel).\n")
    for p in result.problems:
        out.write(f"PROBLEM: {p}\n")
    if result.problems:
        out.write(f"demo check: {len(result.problems)} problem(s)\n")
        return 1
    out.write(f"demo check: all {result.checked} scenario items and the pile-on as expected\n")
    return 0
