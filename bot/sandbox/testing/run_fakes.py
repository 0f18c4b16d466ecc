"""`feedwatch run` (or `ingest`, or `serve`), unchanged, except that the platforms' transport
goes to the loopback fakes named by FEEDWATCH_SANDBOX_X_URL and FEEDWATCH_SANDBOX_GRAPH_URL
(Slack: SLACK_API_URL). For the benchmarks (peak memory of the real process) and the tests of
the two-process shape. Test-only.

    python -m bot.sandbox.run_fakes [run|ingest|serve]
"""

from __future__ import annotations

import os
import sys

from bot.core.roles import INGEST, RUN, SERVE
from bot.runtime.runner import run
from bot.sandbox.testing.instance import fake_sessions

if __name__ == "__main__":
    roles = {"run": RUN, "ingest": INGEST, "serve": SERVE}
    role = roles[sys.argv[1] if len(sys.argv) > 1 else "run"]
    sys.exit(run(fake_sessions(os.environ["FEEDWATCH_SANDBOX_X_URL"],
                               os.environ.get("FEEDWATCH_SANDBOX_GRAPH_URL", "")), role))
