"""One bot process as the scheduler runs it, on a fast tick, against fakes living in another
process: for tests of several processes on one database. Test-only.

    FEEDWATCH_SANDBOX_X_URL / FEEDWATCH_SANDBOX_GRAPH_URL: where the fake X and Graph listen;
    the usual settings variables (SLACK_API_URL pointing at the fake Slack, DATABASE_URL...);
    FEEDWATCH_SANDBOX_TICK: seconds between ticks (default 0.5). A tick is one round of the
        scheduler's jobs as bot/runtime/jobs.py guards them: each source's poll (the leader's alone)
        and the outbox (every process);
    FEEDWATCH_SANDBOX_MUTE=1: also mute the author of every posted X alert, as the first of
        MODERATOR_USER_IDS would by button, racing any other process doing the same.

Starts as `feedwatch run` does (a second process on one SQLite database is refused, exit 3),
prints one JSON line per tick ({"tick", "leading", "new", "posted", "recovered", "muted"})
and stops on SIGTERM.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from datetime import UTC, datetime

from bot.core.clock import SystemClock
from bot.core.config import ConfigError, load_settings
from bot.moderation.service import Actor
from bot.platforms.http import TimeoutSession
from bot.runtime.jobs import poll_source
from bot.runtime.logging_setup import setup_logging
from bot.runtime.runner import claim_instance, migrate
from bot.runtime.services import Services, SessionFactory, build_services
from bot.sandbox.fake_x import MEDIA_BASE
from bot.sandbox.fake_x import REAL_BASES as X_BASES
from bot.sandbox.graph_wire import GRAPH_BASE
from bot.sandbox.transport import mount_fake
from bot.store.sandbox_queries import posted_unmuted_x_mention_ids


def midday_timezone(now: datetime | None = None) -> str:
    """A time zone in which it is now between 06:00 and 18:00 (UTC offsets -11 to +12).

    Processes that run on the real clock keep the office "always open" with 00:00-23:59, every
    day; in this zone the one closed minute, 23:59, is at least six hours away, so a test or a
    benchmark started at any hour never meets it (alerts would be held)."""
    offset = 12 - (now or datetime.now(UTC)).hour
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{-offset:+d}"  # Etc signs are inverted


def fake_sessions(x_url: str, graph_url: str = "") -> SessionFactory:
    """Platform sessions whose requests for X and Graph go to the loopback fakes."""

    def session() -> TimeoutSession:
        s = TimeoutSession(timeout=(2.0, 10.0))
        for base in (*X_BASES, MEDIA_BASE):
            mount_fake(s, base, x_url)
        if graph_url:
            mount_fake(s, GRAPH_BASE, graph_url)
        return s

    return session


def mute_posted(services: Services, moderator: str) -> int:
    """Mute the author of each posted X alert not muted yet; how many this process did."""
    with services.db.session() as s:
        ids = posted_unmuted_x_mention_ids(s)
    actor = Actor(moderator, "sandbox moderator")
    return sum(services.moderation.actions.perform("mute", mid, actor).ok
               for mid in ids)


def main() -> int:
    try:
        settings = load_settings(env_file=None)
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    setup_logging("WARNING")
    sessions = fake_sessions(os.environ["FEEDWATCH_SANDBOX_X_URL"],
                             os.environ.get("FEEDWATCH_SANDBOX_GRAPH_URL", ""))
    services = build_services(settings, SystemClock(), http_session=sessions, post_interval=0.0)
    claim_instance(services)
    migrate(services)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    tick_seconds = float(os.environ.get("FEEDWATCH_SANDBOX_TICK", "0.5"))
    moderator = next(iter(sorted(settings.moderator_ids)), "")
    mute = os.environ.get("FEEDWATCH_SANDBOX_MUTE") == "1" and moderator
    tick = 0
    while not stop.is_set():
        tick += 1
        polls = [poll_source(services, source) for source in services.sources]
        delivered = services.outbox.deliver_due()
        muted = mute_posted(services, moderator) if mute else 0
        print(json.dumps({
            "tick": tick, "leading": any(p is not None for p in polls),
            "new": sum(p.new for p in polls if p is not None), "posted": delivered.posted,
            "recovered": delivered.recovered, "muted": muted,
        }), flush=True)
        stop.wait(tick_seconds)
    services.coordinator.close()
    services.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
