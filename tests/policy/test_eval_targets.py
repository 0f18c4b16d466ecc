"""The targets of issue 4 on the shared eval data (../shared/eval/dev, or FEEDWATCH_EVAL_DIR).

Skipped with a message when the data is missing; with CI=true a missing folder fails.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from policy import PolicyEngine
from policy.evaluation import TARGETS, Score, fmt, score_rows, with_violation

ROOT = Path(__file__).resolve().parents[2]


def eval_dir() -> Path:
    env = os.environ.get("FEEDWATCH_EVAL_DIR")
    return Path(env) if env else ROOT.parent / "shared" / "eval" / "dev"


def _require_data() -> Path:
    d = eval_dir()
    if not (d / "hatecheck.jsonl").exists():
        msg = f"eval data not found at {d} (set FEEDWATCH_EVAL_DIR)"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    return d


@pytest.mark.slow
def test_eval_targets(engine: PolicyEngine) -> None:
    data = _require_data()
    scores: dict[str, dict[str, Score]] = {}
    for source in {t.source for t in TARGETS}:
        with (data / f"{source}.jsonl").open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        scores[source] = score_rows(
            rows, lambda text: with_violation(engine.classify(text).categories)
        )
    failures = []
    for target in TARGETS:
        ok, got = target.check(scores)
        if not ok:
            failures.append(f"{target.what} {target.op} {target.value}: got {fmt(got)}")
    assert not failures, "\n".join(failures)
