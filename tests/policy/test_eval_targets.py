"""The evaluation targets on the shared eval data (../shared/eval/dev, or FEEDWATCH_EVAL_DIR).

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


# Floors on the cross-validated figures (scripts/eval_policy.py, policy/crossval.py): what
# the engine keeps on wording it was not written from. Raise them as the engine generalises.
CV_FLOORS = (
    ("hatecheck", "hate", "recall", ">=", 0.94),
    ("hatecheck", "violation", "fpr", "<=", 0.03),
    ("hatecheck", "violence", "recall", ">=", 0.95),
    ("reddit_cssrs", "crisis@user", "recall", ">=", 0.90),
    ("nhs_feedback", "violation", "fpr", "<=", 0.002),
)


@pytest.mark.slow
def test_cross_validated_floors(engine: PolicyEngine) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import eval_policy  # the script's own fold and phrase rules, not a copy of them

    from policy.crossval import cross_validate, user_rows

    data = _require_data()
    sources = {"hatecheck", "ethos", "nhs_feedback", "reddit_cssrs"}  # as make eval does
    loaded = {}
    for source in sources:
        rows = eval_policy.read_jsonl(data / f"{source}.jsonl")
        loaded[source] = (rows, [eval_policy._pred(engine, r["text"]) for r in rows])
    held = eval_policy.held_out_predictions(engine, loaded, ROOT / "tests" / "policy" / "cases")
    failures = []
    for source, label, metric, op, floor in CV_FLOORS:
        rows, preds, _ = held[source]
        if source == "reddit_cssrs":
            rows, preds = user_rows(rows, preds, "crisis", "crisis@user")
        got = getattr(cross_validate(rows, preds, eval_policy._fold(source), [label])
                      .scores[label], metric)
        if got is None or not (got >= floor if op == ">=" else got <= floor):
            failures.append(f"{source} {label} {metric} {op} {floor}: got {fmt(got)}")
    assert not failures, "\n".join(failures)
