"""`feedwatch run`, unchanged, except that the platforms' transport goes to the loopback fakes
named by FEEDWATCH_SANDBOX_X_URL and FEEDWATCH_SANDBOX_GRAPH_URL (Slack: SLACK_API_URL).
For the benchmarks (peak memory of the real process). Test-only.

    python -m bot.sandbox.run_fakes
"""

from __future__ import annotations

import os
import sys

from bot.runtime.runner import run
from bot.sandbox.instance import fake_sessions

if __name__ == "__main__":
    sys.exit(run(fake_sessions(os.environ["FEEDWATCH_SANDBOX_X_URL"],
                               os.environ.get("FEEDWATCH_SANDBOX_GRAPH_URL", ""))))
