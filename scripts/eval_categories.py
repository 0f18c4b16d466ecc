"""Score the removal-category detectors on the project's own corpus (tests/policy/corpus),
cross-validated by kind of speech: recall and false-positive rate per category, per fold,
with the held-out fold beside the targets.

    .venv/bin/python scripts/eval_categories.py [--show-misses]

--show-misses prints the failing rows of the tuning folds only; the held-out fold's rows are
never printed, so that no rule is adjusted to them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy import PolicyEngine, bundled_policy_path, load_policy  # noqa: E402
from policy.categories import REMOVAL_CATEGORIES  # noqa: E402
from policy.corpus import FOLDS, HELD_OUT, CategoryReport, Row, parse_corpus, score  # noqa: E402

CORPUS = ROOT / "tests" / "policy" / "corpus"
RECALL_TARGET = 0.9
FP_TARGET = 0.05


def load_rows(directory: Path = CORPUS) -> list[Row]:
    rows: list[Row] = []
    for path in sorted(directory.glob("*.yaml")):
        rows += parse_corpus(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    return rows


def reports(engine: PolicyEngine, rows: list[Row]) -> dict[str, CategoryReport]:
    def predict(text: str) -> set[str]:
        return {f.category for f in engine.classify(text).flags}
    return score(rows, predict, REMOVAL_CATEGORIES)


def meets(rep: CategoryReport) -> bool:
    held = rep.held_out
    return held.recall >= RECALL_TARGET and held.fp_rate <= FP_TARGET


def print_reports(reps: dict[str, CategoryReport], show_misses: bool) -> None:
    folds = " ".join(f"f{k}{'*' if k == HELD_OUT else ' '}rec  fp  " for k in range(FOLDS))
    print(f"{'category':<16}{folds}  all rec  fp     target (held-out fold f{HELD_OUT}*)")
    for cat, rep in sorted(reps.items()):
        cells = " ".join(f"{rep.by_fold[k].recall:6.2f} {rep.by_fold[k].fp_rate:4.2f}  "
                         for k in range(FOLDS))
        a = rep.all
        verdict = "met" if meets(rep) else "NOT met"
        print(f"{cat:<16}{cells}  {a.recall:6.2f} {a.fp_rate:4.2f}   {verdict}")
    fair = [(r, cats) for rep in reps.values() for r, cats in rep.fair_flagged]
    print(f"fair criticism flagged for removal (any category): {len(fair)}")
    if show_misses:
        for cat, rep in sorted(reps.items()):
            for row in rep.misses:
                if row.fold != HELD_OUT:
                    what = "missed" if row.positive else "false positive"
                    print(f"  {cat} f{row.fold} {row.kind}: {what}: {row.text}")
        for row, cats in fair:
            if row.fold != HELD_OUT:
                print(f"  fair criticism flagged {','.join(cats)}: {row.text}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score removal categories on the corpus.")
    ap.add_argument("--show-misses", action="store_true",
                    help="print failing rows of the tuning folds (never the held-out fold)")
    args = ap.parse_args(argv)
    engine = PolicyEngine(load_policy(bundled_policy_path().read_text("utf-8")))
    reps = reports(engine, load_rows())
    print_reports(reps, args.show_misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
