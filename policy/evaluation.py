"""Scoring the engine on labelled rows, and the evaluation targets (pure: rows in, numbers out).

Used by scripts/eval_policy.py and by the tests. Rows look like the shared eval data:
{"id", "source", "group", "text", "labels": {category or "violation": 0|1}, "note"}.
A label absent from a row is not scored on it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from policy.categories import REMOVAL_CATEGORIES

Predict = Callable[[str], set[str]]  # text -> categories (plus "violation")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0

    def add(self, truth: bool, predicted: bool) -> None:
        if truth and predicted:
            self.tp += 1
        elif truth:
            self.fn += 1
        elif predicted:
            self.fp += 1
        else:
            self.tn += 1

    @property
    def positives(self) -> int:
        return self.tp + self.fn

    @property
    def negatives(self) -> int:
        return self.tn + self.fp

    @property
    def recall(self) -> float | None:
        return self.tp / self.positives if self.positives else None

    @property
    def fpr(self) -> float | None:
        return self.fp / self.negatives if self.negatives else None

    @property
    def precision(self) -> float | None:
        flagged = self.tp + self.fp
        return self.tp / flagged if flagged else None


def with_violation(categories: Iterable[str]) -> set[str]:
    cats = set(categories)
    if cats & set(REMOVAL_CATEGORIES):
        cats.add("violation")
    return cats


def score_rows(rows: list[dict[str, Any]], predict: Predict) -> dict[str, Score]:
    """Per label, each row counted once. C-SSRS crisis is also scored per user
    (label "crisis@user": a user is flagged if any of their posts is)."""
    scores: dict[str, Score] = defaultdict(Score)
    per_user: dict[str, list[bool]] = defaultdict(lambda: [False, False])
    for row in rows:
        predicted = predict(row["text"])
        for label, truth in row["labels"].items():
            scores[label].add(bool(truth), label in predicted)
        if row.get("source") == "reddit_cssrs" and "crisis" in row["labels"]:
            # Self-harm is never a threat and never a reason to remove a post. A post routed as
            # crisis is never removed: hate about a group it also holds stays flagged for a
            # lead's decision once the person is looked after, so it does not count here.
            removal = "violation" in predicted and "crisis" not in predicted
            scores["violence_or_removal"].add(False, "violence" in predicted or removal)
            u = per_user[row["group"]]
            u[0] = u[0] or bool(row["labels"]["crisis"])
            u[1] = u[1] or "crisis" in predicted
        if "note" in row and "functionality=" in str(row.get("note")):
            func = str(row["note"]).split(";")[0].split("=", 1)[1]
            truth_v = row["labels"].get("violation", row["labels"].get("hate"))
            scores[f"fn:{func}"].add(bool(truth_v), bool(predicted & {"hate", "violation"}))
    for truth, flagged in per_user.values():
        scores["crisis@user"].add(truth, flagged)
    return dict(scores)


@dataclass(frozen=True)
class Target:
    source: str
    label: str
    metric: str  # recall | fpr
    op: str  # >= | <=
    value: float
    what: str

    def check(self, scores: dict[str, dict[str, Score]]) -> tuple[bool, float | None]:
        s = scores.get(self.source, {}).get(self.label)
        got = getattr(s, self.metric) if s else None
        if got is None:
            return False, None
        return (got >= self.value if self.op == ">=" else got <= self.value), got


TARGETS: tuple[Target, ...] = (
    Target("hatecheck", "hate", "recall", ">=", 0.90, "HateCheck hate recall"),
    Target("hatecheck", "hate", "fpr", "<=", 0.10, "HateCheck non-hateful flagged hate"),
    Target("hatecheck", "violence", "recall", ">=", 0.90, "HateCheck threats recall"),
    Target("hatecheck", "violation", "fpr", "<=", 0.05,
           "HateCheck violation=0 rows flagged for removal"),
    Target("ethos", "hate", "recall", ">=", 0.75, "ETHOS hate recall"),
    Target("ethos", "hate", "fpr", "<=", 0.15, "ETHOS hate false positives"),
    Target("nhs_feedback", "violation", "fpr", "<=", 0.005, "NHS feedback flagged for removal"),
    Target("nhs_feedback", "complaint", "recall", ">=", 0.80, "NHS complaint recall"),
    Target("nhs_feedback", "complaint", "fpr", "<=", 0.20, "NHS positive rows flagged complaint"),
    Target("nhs_feedback", "praise", "recall", ">=", 0.70, "NHS praise recall"),
    Target("nhs_feedback", "praise", "fpr", "<=", 0.10, "NHS negative rows flagged praise"),
    Target("reddit_cssrs", "crisis@user", "recall", ">=", 0.95, "C-SSRS at-risk users found"),
    Target("reddit_cssrs", "crisis@user", "fpr", "<=", 0.50, "C-SSRS Supportive users flagged"),
    Target("reddit_cssrs", "violence_or_removal", "fpr", "<=", 0.02,
           "C-SSRS posts flagged violence or any removal category"),
)

# Our own cases (tests/policy/cases): strict for personal information and crisis.
STRICT_CASE_CATEGORIES = frozenset({"personal_info", "crisis"})


def case_targets(label: str) -> tuple[float, float]:
    """(minimum recall, maximum false-positive rate) for a category in our own cases."""
    return (0.95, 0.05) if label in STRICT_CASE_CATEGORIES else (0.85, 0.10)


def fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"
