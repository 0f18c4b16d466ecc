"""Named points where a test can kill the process (SIGKILL) to prove crash safety.

Inert unless FEEDWATCH_CRASH_AT names a point (deterministic) or FEEDWATCH_CRASH_RANDOM is set
to "SEED:PROBABILITY" (a random kill at any point, reproducible for a
given SEED). Both are test-only switches;
production never sets them.
"""

from __future__ import annotations

import os
import random
import signal

AFTER_FETCH = "after_fetch"  # a page fetched from the platform, nothing stored yet
AFTER_STORE = "after_store"  # a page committed, the poll not finished
AFTER_SLACK_POST = "after_slack_post"  # Slack accepted the alert, our commit not yet made
AFTER_PLATFORM_CALL = "after_platform_call"  # the platform acted, our commit not yet made
POINTS = (AFTER_FETCH, AFTER_STORE, AFTER_SLACK_POST, AFTER_PLATFORM_CALL)

_rng: random.Random | None = None


def crashpoint(name: str) -> None:
    if os.environ.get("FEEDWATCH_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
    spec = os.environ.get("FEEDWATCH_CRASH_RANDOM")
    if spec:
        global _rng  # one generator per process, seeded once, so a run is reproducible
        seed, _, prob = spec.partition(":")
        if _rng is None:
            _rng = random.Random(seed)
        if _rng.random() < float(prob or 0.1):
            os.kill(os.getpid(), signal.SIGKILL)
