"""The real bot as a separate process against fakes that outlive it (crash-safety tests).

    FEEDWATCH_SANDBOX_X_URL / FEEDWATCH_SANDBOX_GRAPH_URL: where the fake X and Graph listen;
    the usual settings variables (SLACK_API_URL pointing at the fake Slack, DATABASE_URL...).
Runs FEEDWATCH_SANDBOX_CYCLES poll-and-deliver cycles, then exits 0. Test-only.
"""

from __future__ import annotations

import os
import sys

from bot.clock import SystemClock
from bot.config import ConfigError, load_settings
from bot.jobs import poll_all
from bot.logging_setup import setup_logging
from bot.sandbox.fake_x import MEDIA_BASE
from bot.sandbox.fake_x import REAL_BASES as X_BASES
from bot.sandbox.graph_wire import GRAPH_BASE
from bot.sandbox.transport import mount_fake
from bot.services import build_services
from bot.sources.http import TimeoutSession


def main() -> int:
    try:
        settings = load_settings(env_file=None)
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    setup_logging("WARNING")
    x_url = os.environ["FEEDWATCH_SANDBOX_X_URL"]
    graph_url = os.environ.get("FEEDWATCH_SANDBOX_GRAPH_URL", "")

    def session() -> TimeoutSession:
        s = TimeoutSession(timeout=(2.0, 10.0))
        for base in (*X_BASES, MEDIA_BASE):
            mount_fake(s, base, x_url)
        if graph_url:
            mount_fake(s, GRAPH_BASE, graph_url)
        return s

    services = build_services(settings, SystemClock(), http_session=session, post_interval=0.0)
    services.db.migrate()
    for _ in range(int(os.environ.get("FEEDWATCH_SANDBOX_CYCLES", "2"))):
        poll_all(services)
    services.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
