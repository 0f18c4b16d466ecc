"""Score the policy engine on the shared eval data and on our own labelled cases.

    .venv/bin/python scripts/eval_policy.py [--data DIR] [--cases DIR] [--by-function]

Prints recall, false-positive rate and precision per source and label, with the
alt-profanity-check baseline beside it when that package is installed, then the
cross-validated figures (leave one HateCheck template out, C-SSRS users out: see
policy/crossval.py) with HateCheck's kinds template by template, then each target as PASS or
FAIL. Exit status 0 when every target on today's figures is met, 1 otherwise; the
cross-validated targets are goals, reported but not counted in the exit status.
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
from policy.crossval import (  # noqa: E402
    Pred,
    bucket,
    categories_at,
    cross_validate,
    fold_specific,
    prediction,
    template_spread,
    user_rows,
)
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


# (measure, source, label, metric, op, goal): the generalisation goals, judged cross-validated.
CV_MEASURES = (
    ("HateCheck hate recall", "hatecheck", "hate", "recall", ">=", 0.95),
    ("HateCheck non-hateful rows flagged hate", "hatecheck", "hate", "fpr", "<=", 0.03),
    ("HateCheck counter-speech etc. flagged for removal", "hatecheck", "violation", "fpr",
     "<=", 0.03),
    ("HateCheck threats flagged violence", "hatecheck", "violence", "recall", ">=", 0.95),
    ("ETHOS hate recall", "ethos", "hate", "recall", ">=", 0.80),
    ("ETHOS hate false positives", "ethos", "hate", "fpr", "<=", 0.10),
    ("C-SSRS at-risk users flagged crisis", "reddit_cssrs", "crisis@user", "recall", ">=",
     0.97),
    ("NHS feedback flagged for removal", "nhs_feedback", "violation", "fpr", "<=", 0.002),
    ("NHS complaint recall", "nhs_feedback", "complaint", "recall", ">=", 0.85),
    ("NHS praise recall", "nhs_feedback", "praise", "recall", ">=", 0.85),
)
_FOLDS = {  # source -> (how a row's fold is chosen, in words)
    "hatecheck": "one template left out at a time",
    "ethos": "5 folds of comments",
    "nhs_feedback": "5 folds of organisations and questions",
    "reddit_cssrs": "5 folds of users",
}


def _fold(source: str):
    if source == "hatecheck":
        return lambda row: row["group"]
    if source == "ethos":
        return lambda row: bucket(row["id"])
    return lambda row: bucket(row["group"])


def _pred(engine: PolicyEngine, text: str, without: frozenset[str] = frozenset()) -> Pred:
    return prediction((f.category, f.confidence)
                      for f in engine.classify(text, without=without).flags)


def held_out_predictions(engine: PolicyEngine, data: dict[str, tuple[list[dict], list[Pred]]],
                         cases_dir: Path) -> dict[str, tuple[list[dict], list[Pred], int]]:
    """Each source's rows re-classified fold by fold without the phrases only that fold
    holds (policy/crossval.py), with the number of phrases taken out."""
    phrases = {source: [engine.phrases(r["text"]) for r in rows]
               for source, (rows, _) in data.items() if source in _FOLDS}
    cases: set[str] = set()
    for path in sorted(cases_dir.glob("*.jsonl")):
        for row in read_jsonl(path):
            cases |= engine.phrases(row["text"])
    out: dict[str, tuple[list[dict], list[Pred], int]] = {}
    for source, found in phrases.items():
        rows, preds = data[source]
        elsewhere = set(cases)
        for other, other_found in phrases.items():
            if other != source:
                for f in other_found:
                    elsewhere |= f
        fold_of = _fold(source)
        folds = [fold_of(r) for r in rows]
        specific = fold_specific(found, folds, elsewhere)
        held = [(_pred(engine, r["text"], specific[f]) if found[i] & specific.get(f, set())
                 else preds[i]) for i, (r, f) in enumerate(zip(rows, folds, strict=True))]
        out[source] = (rows, held, sum(len(v) for v in specific.values()))
    return out


def print_cross_validation(data: dict[str, tuple[list[dict], list[Pred], int]],
                           dev: dict[str, dict[str, Score]]) -> list[tuple[str, bool, str]]:
    """Cross-validated figures beside today's, HateCheck's kinds template by template, and
    the goals judged on the cross-validated figures."""
    cv: dict[str, dict[str, Score]] = {}
    print("\n== cross-validated (policy/crossval.py): each fold scored without the phrases"
          "\n   only it holds, with the confidence cut fitted on the other folds")
    for source, (rows, preds, removed) in data.items():
        labels = {m[2] for m in CV_MEASURES if m[1] == source}
        if source == "reddit_cssrs":
            rows, preds = user_rows(rows, preds, "crisis", "crisis@user")
        result = cross_validate(rows, preds, _fold(source), labels)
        cv[source] = result.scores
        chosen = ", ".join(f"{c:g}: {n}" for c, n in result.cuts.items() if n)
        print(f"   {source}: {result.folds} folds ({_FOLDS[source]}); {removed} phrases found"
              f" in one fold only; cuts chosen {chosen}")
    print(f"{'measure':52} {'dev':>6} {'cv':>6}  goal")
    goals = []
    for what, source, label, metric, op, goal in CV_MEASURES:
        if source not in cv:
            continue
        today = getattr(dev[source].get(label, Score()), metric)
        got = getattr(cv[source].get(label, Score()), metric)
        print(f"{what:52} {fmt(today):>6} {fmt(got):>6}  {op} {goal}")
        ok = got is not None and (got >= goal if op == ">=" else got <= goal)
        goals.append((f"{what} {op} {goal}", ok, fmt(got)))
    if "hatecheck" in data:
        rows, preds, _ = data["hatecheck"]
        print("\n== HateCheck kinds, template by template (share of a template's rows judged "
              "right)")
        print("   (held out as above; mean and worst over its templates, <half: templates"
              " with under half right)")
        print(f"{'functionality':24} {'dev':>6} {'tmpls':>5} {'mean':>6} {'worst':>6} "
              f"{'<half':>5}")
        for func, spread in sorted(template_spread(rows, preds).items()):
            s = dev["hatecheck"].get(f"fn:{func}", Score())
            rate = s.recall if s.positives else (1 - s.fpr if s.fpr is not None else None)
            print(f"{func:24} {fmt(rate):>6} {spread.templates:5} {spread.mean:6.3f} "
                  f"{spread.worst:6.3f} {spread.missed:5}")
    return goals


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

    all_scores: dict[str, dict[str, Score]] = {}
    data: dict[str, tuple[list[dict], list[Pred]]] = {}
    if not args.data.is_dir():
        print(f"eval data not found at {args.data}")
    for source in args.sources:
        path = args.data / f"{source}.jsonl"
        if not path.exists():
            continue
        rows = read_jsonl(path)
        preds = [_pred(engine, r["text"]) for r in rows]
        data[source] = (rows, preds)
        by_text = dict(zip((r["text"] for r in rows), preds, strict=False))
        all_scores[source] = score_rows(rows, lambda t, m=by_text: categories_at(m[t], 0.0))
        base = score_rows(rows, base_predict) if base_predict else None
        print_table(f"{source} ({len(rows)} rows)", all_scores[source], base,
                    not args.by_function)
    held_out = held_out_predictions(engine, data, args.cases)
    cv_results = print_cross_validation(held_out, all_scores)

    results = [(t.what + f" {t.op} {t.value}", *t.check(all_scores)) for t in TARGETS
               if t.source in all_scores]
    results = [(w, ok, fmt(got)) for w, ok, got in results]
    results += eval_cases(engine, args.cases)
    print("\n== targets")
    for what, ok, got in results:
        print(f"{'PASS' if ok else 'FAIL'}  {what:62} got {got}")
    failed = sum(1 for _, ok, _ in results if not ok)
    print(f"\n{len(results) - failed} passed, {failed} failed")
    if cv_results:
        print("\n== goals on the cross-validated figures (not counted in the exit status)")
        for what, ok, got in cv_results:
            print(f"{'MET ' if ok else 'NOT '}  {what:62} got {got}")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
