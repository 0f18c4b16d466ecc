"""One line for every skipped test, grouped by reason, at the end of a run.

pytest's `-ra` prints a line per skipped test; with the PostgreSQL half of the suite skipping
locally that is a couple of hundred lines burying the result. This plugin prints instead:

    skipped 180: 176 PostgreSQL tests need FEEDWATCH_TEST_POSTGRES_URL (...); 4 Chromium ...
"""

from __future__ import annotations

from collections import Counter
from typing import Any


def skip_reason(report: Any) -> str:
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
    return str(reason).removeprefix("Skipped: ").strip() or "no reason given"


def summary_line(reports: list[Any]) -> str:
    """'skipped N: n1 reason1; n2 reason2' (most common first), or '' when nothing skipped."""
    reasons = Counter(skip_reason(r) for r in reports)
    if not reasons:
        return ""
    parts = [f"{n} {reason}" for reason, n in sorted(reasons.items(),
                                                       key=lambda kv: (-kv[1], kv[0]))]
    return f"skipped {sum(reasons.values())}: " + "; ".join(parts)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if hasattr(r, "longrepr")]
    line = summary_line(skipped)
    if line:
        terminalreporter.write_line(line)
