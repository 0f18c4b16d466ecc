"""Scoring the engine on the project's own removal-category corpus, cross-validated by kind.

Pure: YAML text in, rows and figures out (reading the files is the caller's job). Every row
belongs to a kind of speech; whole kinds are dealt into folds, so a fold's figure says how the
rules do on ways of saying things they were not adjusted on. By convention the last fold is
held out: tools never print its failing rows, so nobody tunes a rule to them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import yaml

FOLDS = 3
HELD_OUT = FOLDS - 1  # the fold whose rows are never shown while tuning


@dataclass(frozen=True)
class Row:
    category: str
    text: str
    positive: bool
    kind: str
    fold: int
    fair_criticism: bool = False


class CorpusError(ValueError):
    """A corpus file is malformed; the message names the file and what is wrong."""


def fold_of(category: str, side: str, kind: str, kinds: Iterable[str]) -> int:
    """Kinds of one side of a category are ordered by a hash of their names and dealt round
    the folds, so each fold gets whole kinds and the folds stay balanced."""
    def key(k: str) -> str:
        return hashlib.sha256(f"{category}/{side}/{k}".encode()).hexdigest()
    ordered = sorted(kinds, key=key)
    return ordered.index(kind) % FOLDS


def parse_corpus(text: str, source: str) -> list[Row]:
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not isinstance(data.get("category"), str):
        raise CorpusError(f"{source}: needs a 'category' and 'positives'/'negatives' lists")
    category = data["category"]
    rows: list[Row] = []
    for side in ("positives", "negatives"):
        groups = data.get(side)
        if not isinstance(groups, list) or not groups:
            raise CorpusError(f"{source}: '{side}' must be a non-empty list of kinds")
        names = [g.get("kind") for g in groups if isinstance(g, dict)]
        if len(names) != len(groups) or not all(isinstance(n, str) and n for n in names):
            raise CorpusError(f"{source}: every entry of '{side}' needs a 'kind' name")
        if len(set(names)) != len(names):
            raise CorpusError(f"{source}: a kind name is repeated in '{side}'")
        for group in groups:
            kind = group["kind"]
            texts = group.get("rows")
            if not isinstance(texts, list) or not all(isinstance(t, str) and t.strip()
                                                      for t in texts):
                raise CorpusError(f"{source}: kind {kind!r} needs a list of non-empty rows")
            fold = fold_of(category, side, kind, names)
            fair = bool(group.get("fair_criticism", False))
            rows += [Row(category, t, side == "positives", kind, fold, fair) for t in texts]
    return rows


@dataclass
class Figures:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, row: Row, flagged: bool) -> None:
        if row.positive:
            self.tp += flagged
            self.fn += not flagged
        else:
            self.fp += flagged
            self.tn += not flagged

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def fp_rate(self) -> float:
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else 0.0


@dataclass
class CategoryReport:
    category: str
    by_fold: dict[int, Figures]
    misses: list[Row]  # positives not flagged and negatives flagged, every fold
    fair_flagged: list[tuple[Row, tuple[str, ...]]]  # fair criticism given a removal flag

    @property
    def held_out(self) -> Figures:
        return self.by_fold.get(HELD_OUT, Figures())

    @property
    def all(self) -> Figures:
        total = Figures()
        for f in self.by_fold.values():
            total.tp += f.tp
            total.fn += f.fn
            total.fp += f.fp
            total.tn += f.tn
        return total

    @property
    def worst_fold(self) -> tuple[float, float]:
        """(lowest recall, highest false-positive rate) over the folds."""
        figs = list(self.by_fold.values())
        return min(f.recall for f in figs), max(f.fp_rate for f in figs)


Predict = Callable[[str], set[str]]  # text -> categories flagged


def score(rows: Iterable[Row], predict: Predict,
          removal: Iterable[str]) -> dict[str, CategoryReport]:
    removal = frozenset(removal)
    out: dict[str, CategoryReport] = {}
    for row in rows:
        rep = out.setdefault(row.category, CategoryReport(
            row.category, {k: Figures() for k in range(FOLDS)}, [], []))
        cats = predict(row.text)
        flagged = row.category in cats
        rep.by_fold[row.fold].add(row, flagged)
        if flagged != row.positive:
            rep.misses.append(row)
        removed = tuple(sorted(cats & removal))
        if row.fair_criticism and removed:
            rep.fair_flagged.append((row, removed))
    return out
