"""Cross-validation of the engine on labelled rows (pure: rows and predictions in, numbers out).

The rules are written by people who read the development rows, so a split cannot make those
rows unseen by itself. Two things can be judged honestly on held-out folds (a HateCheck
template, a group of C-SSRS users):

1. What the rules learnt from one fold alone. A listed phrase that occurs in the rows of one
   fold and nowhere else in the evaluation data (no other fold, no other source, none of the
   project's own cases) could only have been copied from that fold. Each fold is scored with
   its own such phrases taken out of the word lists: a rule that fits the wording of a template
   rather than the kind of speech behind it loses that template.
2. What is fitted: the confidence a flag needs to count. It is chosen on the other folds (the
   cut that best separates their positives from their negatives) and the held-out fold is
   scored with it.

Beside that, every template is scored on its own, so a kind that works on some templates and
not on others shows as its worst templates.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from policy.evaluation import Score, with_violation

Pred = dict[str, float]  # category -> the highest confidence among its flags
# Candidate cuts: 0 keeps every flag (the engine as it is).
CUTS: tuple[float, ...] = (0.0, 0.55, 0.65, 0.75, 0.85)


def prediction(flags: Iterable[tuple[str, float]]) -> Pred:
    out: Pred = {}
    for category, confidence in flags:
        out[category] = max(confidence, out.get(category, 0.0))
    return out


def categories_at(pred: Pred, cut: float) -> set[str]:
    return with_violation(c for c, conf in pred.items() if conf >= cut)


def _minus(a: Score, b: Score) -> Score:
    return Score(a.tp - b.tp, a.fp - b.fp, a.tn - b.tn, a.fn - b.fn)


def _plus(a: Score, b: Score) -> Score:
    return Score(a.tp + b.tp, a.fp + b.fp, a.tn + b.tn, a.fn + b.fn)


def _youden(scores: dict[str, Score]) -> float:
    """Sum over labels of recall minus false-positive rate (labels with only one side count
    that side)."""
    total = 0.0
    for s in scores.values():
        total += (s.recall or 0.0) - (s.fpr or 0.0)
    return total


@dataclass
class CrossValidation:
    scores: dict[str, Score] = field(default_factory=dict)  # pooled over held-out folds
    cuts: dict[float, int] = field(default_factory=dict)  # how many folds chose each cut
    folds: int = 0


def cross_validate(rows: list[dict[str, Any]], preds: list[Pred],
                   fold_of: Callable[[dict[str, Any]], str],
                   labels: Iterable[str]) -> CrossValidation:
    """Leave each fold out: fit the cut on the others, score the fold with it, pool."""
    wanted = set(labels)
    per_fold: dict[str, dict[float, dict[str, Score]]] = defaultdict(
        lambda: {cut: defaultdict(Score) for cut in CUTS})
    for row, pred in zip(rows, preds, strict=True):
        fold = per_fold[fold_of(row)]
        for cut in CUTS:
            got = categories_at(pred, cut)
            for label, truth in row["labels"].items():
                if label in wanted:
                    fold[cut][label].add(bool(truth), label in got)
    totals: dict[float, dict[str, Score]] = {cut: defaultdict(Score) for cut in CUTS}
    for fold in per_fold.values():
        for cut in CUTS:
            for label, s in fold[cut].items():
                totals[cut][label] = _plus(totals[cut][label], s)
    result = CrossValidation(scores=defaultdict(Score), cuts=dict.fromkeys(CUTS, 0),
                             folds=len(per_fold))
    for fold in per_fold.values():
        best, best_j = CUTS[0], float("-inf")
        for cut in CUTS:  # ties keep the lower cut: the engine as it is
            train = {label: _minus(s, fold[cut].get(label, Score()))
                     for label, s in totals[cut].items()}
            j = _youden(train)
            if j > best_j + 1e-12:
                best, best_j = cut, j
        result.cuts[best] += 1
        for label, s in fold[best].items():
            result.scores[label] = _plus(result.scores[label], s)
    result.scores = dict(result.scores)
    return result


def fold_specific(phrases: list[set[str]], folds: list[str],
                  elsewhere: set[str]) -> dict[str, frozenset[str]]:
    """Per fold, the phrases found in its rows only: in no other fold's rows and not in
    `elsewhere` (every other text the project measures on)."""
    where: dict[str, set[str]] = defaultdict(set)
    for found, fold in zip(phrases, folds, strict=True):
        for phrase in found:
            where[phrase].add(fold)
    out: dict[str, set[str]] = defaultdict(set)
    for phrase, in_folds in where.items():
        if len(in_folds) == 1 and phrase not in elsewhere:
            out[next(iter(in_folds))].add(phrase)
    return {fold: frozenset(p) for fold, p in out.items()}


def user_rows(rows: list[dict[str, Any]], preds: list[Pred], label: str,
              scored: str) -> tuple[list[dict[str, Any]], list[Pred]]:
    """One row per user ("group"): a positive if any of their posts is, flagged at a cut if
    any post is flagged at it (the C-SSRS users are rated as people, not post by post)."""
    truth: dict[str, bool] = {}
    best: dict[str, float] = {}
    for row, pred in zip(rows, preds, strict=True):
        if label not in row["labels"]:
            continue
        user = row["group"]
        truth[user] = truth.get(user, False) or bool(row["labels"][label])
        best[user] = max(best.get(user, -1.0), pred.get(label, -1.0))
    users = sorted(truth)
    out_rows = [{"group": u, "labels": {scored: int(truth[u])}} for u in users]
    out_preds = [({scored: best[u]} if best[u] >= 0 else {}) for u in users]
    return out_rows, out_preds


def bucket(key: str, folds: int = 5) -> str:
    """A stable fold for a user or row id (the same on every run and machine)."""
    return str(zlib.crc32(key.encode("utf-8")) % folds)


def functionality(row: dict[str, Any]) -> str:
    note = str(row.get("note", ""))
    return note.split(";")[0].split("=", 1)[1] if note.startswith("functionality=") else ""


@dataclass
class Spread:
    """How one kind of speech (a HateCheck functionality) fares template by template."""

    templates: int = 0
    mean: float = 0.0  # mean over templates of the share of rows judged right
    worst: float = 1.0  # the worst template's share
    missed: int = 0  # templates where fewer than half the rows were judged right


def template_spread(rows: list[dict[str, Any]], preds: list[Pred],
                    cut: float = 0.0) -> dict[str, Spread]:
    """Per functionality: each template's share of rows judged right (hateful rows flagged
    hate or removal, non-hateful rows not flagged for removal)."""
    right: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for row, pred in zip(rows, preds, strict=True):
        func = functionality(row)
        if not func:
            continue
        truth = row["labels"].get("violation", row["labels"].get("hate"))
        flagged = bool(categories_at(pred, cut) & {"hate", "violation"})
        cell = right[func][row["group"]]
        cell[0] += int(bool(truth) == flagged)
        cell[1] += 1
    out: dict[str, Spread] = {}
    for func, templates in right.items():
        shares = [ok / n for ok, n in templates.values()]
        out[func] = Spread(len(shares), sum(shares) / len(shares), min(shares),
                           sum(1 for s in shares if s < 0.5))
    return out
