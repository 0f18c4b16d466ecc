"""The real bot as a separate process against fakes that outlive it (crash-safety tests).

    FEEDWATCH_SANDBOX_X_URL / FEEDWATCH_SANDBOX_GRAPH_URL: where the fake X and Graph listen;
    the usual settings variables (SLACK_API_URL pointing at the fake Slack, DATABASE_URL...).
Runs FEEDWATCH_SANDBOX_CYCLES poll-and-deliver cycles, then exits 0. Test-only.
"""

from __future__ import annotations

import os
import sys

from bot.core.clock import SystemClock
from bot.core.config import ConfigError, load_settings
from bot.runtime.jobs import poll_all
from bot.runtime.logging_setup import setup_logging
from bot.runtime.services import build_services
from bot.sandbox.testing.instance import fake_sessions


def main() -> int:
    try:
        settings = load_settings(env_file=None)
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    setup_logging("WARNING")
    session = fake_sessions(os.environ["FEEDWATCH_SANDBOX_X_URL"],
                            os.environ.get("FEEDWATCH_SANDBOX_GRAPH_URL", ""))
    services = build_services(settings, SystemClock(), http_session=session, post_interval=0.0)
    services.db.migrate()
    for _ in range(int(os.environ.get("FEEDWATCH_SANDBOX_CYCLES", "2"))):
        poll_all(services)
    services.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
