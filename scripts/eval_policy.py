"""Score the policy engine on the shared eval data and on our own labelled cases.

    .venv/bin/python scripts/eval_policy.py [--data DIR] [--cases DIR] [--by-function]

Prints recall, false-positive rate and precision per source and label, with the
alt-profanity-check baseline beside it when that package is installed, then each target of
issue 4 as PASS or FAIL. Exit status 0 when every target is met, 1 otherwise.
The eval data is read, never copied: nothing here writes it anywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy import PolicyEngine, bundled_policy_path, load_policy  # noqa: E402
from policy.evaluation import (  # noqa: E402
    TARGETS,
    Score,
    case_targets,
    fmt,
    score_rows,
    with_violation,
)
from policy.examples import example_context  # noqa: E402

SOURCES = ("hatecheck", "ethos", "nhs_feedback", "reddit_cssrs", "davidson")


def default_data_dir() -> Path:
    env = os.environ.get("FEEDWATCH_EVAL_DIR")
    return Path(env) if env else ROOT.parent / "shared" / "eval" / "dev"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def baseline_predictor():
    """alt-profanity-check, if installed: offensive -> hate and violation (as the issue's
    comparison does). Optional; returns None when missing."""
    try:
        from profanity_check import predict  # type: ignore[import-not-found]
    except ImportError:
        return None

    def run(text: str) -> set[str]:
        return {"hate", "violation", "profanity"} if predict([text])[0] else set()

    return run


def print_table(title: str, ours: dict[str, Score], base: dict[str, Score] | None,
                skip_functions: bool) -> None:
    print(f"\n== {title}")
    print(f"{'label':28} {'n+':>5} {'n-':>5}  {'recall':>6} {'fpr':>6} {'prec':>6}"
          + ("   | baseline recall   fpr  prec" if base else ""))
    for label in sorted(ours):
        if skip_functions and label.startswith("fn:"):
            continue
        s = ours[label]
        line = (f"{label:28} {s.positives:5} {s.negatives:5}  {fmt(s.recall):>6} "
                f"{fmt(s.fpr):>6} {fmt(s.precision):>6}")
        if base and label in base:
            b = base[label]
            line += f"   |        {fmt(b.recall):>6} {fmt(b.fpr):>6} {fmt(b.precision):>6}"
        print(line)


def eval_cases(engine: PolicyEngine, cases_dir: Path) -> list[tuple[str, bool, str]]:
    results = []
    rows = []
    for path in sorted(cases_dir.glob("*.jsonl")):
        rows.extend(read_jsonl(path))
    if not rows:
        return results
    scores: dict[str, Score] = {}
    for row in rows:
        text, ctx = example_context(row["text"])
        cats = with_violation(engine.classify(text, ctx).categories)
        for label, truth in row["labels"].items():
            scores.setdefault(label, Score()).add(bool(truth), label in cats)
    print_table(f"own cases ({len(rows)} rows, {cases_dir})", scores, None, True)
    for label, s in sorted(scores.items()):
        min_recall, max_fpr = case_targets(label)
        if s.positives:
            ok = s.recall is not None and s.recall >= min_recall
            results.append((f"cases {label} recall >= {min_recall}", ok, fmt(s.recall)))
        if s.negatives:
            ok = s.fpr is not None and s.fpr <= max_fpr
            results.append((f"cases {label} fpr <= {max_fpr}", ok, fmt(s.fpr)))
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=default_data_dir())
    ap.add_argument("--cases", type=Path, default=ROOT / "tests" / "policy" / "cases")
    ap.add_argument("--sources", nargs="*", default=list(SOURCES))
    ap.add_argument("--by-function", action="store_true", help="HateCheck per functionality")
    args = ap.parse_args(argv)

    engine = PolicyEngine(load_policy(bundled_policy_path().read_text("utf-8"), "policy.yaml"))
    print(f"policy version {engine.version}")
    base_predict = baseline_predictor()
    print("baseline: alt-profanity-check" if base_predict else "baseline not installed")

    def ours(text: str) -> set[str]:
        return with_violation(engine.classify(text).categories)

    all_scores: dict[str, dict[str, Score]] = {}
    if not args.data.is_dir():
        print(f"eval data not found at {args.data}")
    for source in args.sources:
        path = args.data / f"{source}.jsonl"
        if not path.exists():
            continue
        rows = read_jsonl(path)
        all_scores[source] = score_rows(rows, ours)
        base = score_rows(rows, base_predict) if base_predict else None
        print_table(f"{source} ({len(rows)} rows)", all_scores[source], base,
                    not args.by_function)

    results = [(t.what + f" {t.op} {t.value}", *t.check(all_scores)) for t in TARGETS
               if t.source in all_scores]
    results = [(w, ok, fmt(got)) for w, ok, got in results]
    results += eval_cases(engine, args.cases)
    print("\n== targets")
    for what, ok, got in results:
        print(f"{'PASS' if ok else 'FAIL'}  {what:62} got {got}")
    failed = sum(1 for _, ok, _ in results if not ok)
    print(f"\n{len(results) - failed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
