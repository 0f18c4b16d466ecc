"""`make bench` end to end on tiny workloads (scripts/bench.py --quick): every benchmark runs,
and the last line is one compact JSON object with every figure. The figures themselves are
not checked here (no timing assertions in tests); the README reports them."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"classify_per_s", "classify_p99_ms", "burst_per_s", "ack_p50_ms", "ack_p99_ms",
        "rss_mb", "rss_workers_mb", "stats_ms",
        # the floors measured in the same run, and the ratios to them
        "burst_fetch_per_s", "burst_classify_per_s", "burst_vs_fetch", "burst_vs_classify",
        "ack_split_p99_ms", "ack_floor_p99_ms", "ack_vs_bare_bolt", "ack_web_vs_bare_bolt",
        "stats_floor_ms", "stats_vs_sql"}
# Only with alt-profanity-check installed (make bench and make eval install it).
PROFANITY_KEYS = {"profanity_check_per_s", "classify_vs_profanity_check"}


@pytest.mark.slow
def test_make_bench_ends_with_one_json_line_of_every_figure(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from benchkit import post_text  # our own synthetic posts stand in for the eval data

    rng = random.Random(1)
    (tmp_path / "nhs_feedback.jsonl").write_text(
        "".join(json.dumps({"text": post_text(i, rng)}) + "\n" for i in range(300)))
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "FEEDWATCH_", "DATABASE_URL"))}
    env["FEEDWATCH_EVAL_DIR"] = str(tmp_path)
    proc = subprocess.run([sys.executable, "scripts/bench.py", "--quick"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    last = proc.stdout.strip().splitlines()[-1]
    figures = json.loads(last)
    assert last == json.dumps(figures, separators=(",", ":"))  # compact, one line
    try:
        import profanity_check  # noqa: F401
        expected = KEYS | PROFANITY_KEYS
    except ImportError:
        expected = KEYS
    assert set(figures) == expected
    # A one-core machine classifies in-process, so it has no workers to weigh.
    assert figures["rss_workers_mb"] >= 0
    assert all(isinstance(v, int | float) and v > 0 for k, v in figures.items()
               if k != "rss_workers_mb")
