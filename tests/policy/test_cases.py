"""Our own labelled cases (tests/policy/cases/*.jsonl), written for categories the shared data
does not cover, scored against the issue's targets: recall >= 0.95 and false positives <= 5 %
for personal information and crisis, >= 0.85 / <= 10 % for the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policy import PolicyEngine
from policy.evaluation import Score, case_targets, fmt, with_violation
from policy.examples import example_context

CASES = Path(__file__).parent / "cases"
FILES = sorted(CASES.glob("*.jsonl"))


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_case_files_are_well_formed() -> None:
    assert FILES, "no case files"
    ids: set[str] = set()
    for path in FILES:
        for row in _rows(path):
            assert row["id"] not in ids, row["id"]
            ids.add(row["id"])
            assert row["text"].strip() and row["labels"], row["id"]


def test_each_category_has_fifty_positives_and_fifty_hard_negatives() -> None:
    counts: dict[str, list[int]] = {}
    for path in FILES:
        for row in _rows(path):
            for label, v in row["labels"].items():
                counts.setdefault(label, [0, 0])[int(bool(v))] += 1
    required = ["personal_info", "crisis", "clinical_advice", "advertising", "upsetting_link",
                "financial_gain", "weapons", "defamation", "abuse"]
    for label in required:
        neg, pos = counts.get(label, [0, 0])
        assert pos >= 50 and neg >= 50, f"{label}: {pos} positives, {neg} negatives"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_case_targets(engine: PolicyEngine, path: Path) -> None:
    scores: dict[str, Score] = {}
    misses: list[str] = []
    for row in _rows(path):
        text, ctx = example_context(row["text"])
        got = with_violation(engine.classify(text, ctx).categories)
        for label, truth in row["labels"].items():
            scores.setdefault(label, Score()).add(bool(truth), label in got)
            if bool(truth) != (label in got):
                misses.append(f"{row['id']} {label}={truth}: {row['text'][:70]}")
    failures = []
    for label, s in scores.items():
        min_recall, max_fpr = case_targets(label)
        if s.positives and (s.recall or 0) < min_recall:
            failures.append(f"{label} recall {fmt(s.recall)} < {min_recall}")
        if s.negatives and (s.fpr or 0) > max_fpr:
            failures.append(f"{label} false positives {fmt(s.fpr)} > {max_fpr}")
    assert not failures, "\n".join([*failures, "misses:", *misses])
