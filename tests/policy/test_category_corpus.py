"""The removal categories on the project's own corpus (tests/policy/corpus), cross-validated
by kind. The issue's target is recall >= 0.9 at <= 0.05 false positives on the held-out fold;
FLOORS pins what the detectors reach today so that no change makes them worse unseen (the
figures and the gap to the target are in README and `make eval`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from policy import PolicyEngine
from policy.corpus import HELD_OUT, CategoryReport, CorpusError, parse_corpus

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import eval_categories  # noqa: E402

MINE = ("defamation", "illegal", "weapons", "terrorism", "sexual", "advertising",
        "financial_gain", "upsetting_link")
# category: (held-out recall, held-out false-positive rate, all-fold recall, all-fold fp rate)
FLOORS = {
    "advertising": (0.55, 0.03, 0.77, 0.03),
    "defamation": (0.58, 0.07, 0.78, 0.03),
    "financial_gain": (0.86, 0.03, 0.90, 0.02),
    "illegal": (0.78, 0.14, 0.86, 0.06),
    "sexual": (0.86, 0.22, 0.88, 0.08),
    "terrorism": (0.54, 0.07, 0.77, 0.03),
    "upsetting_link": (0.97, 0.03, 0.94, 0.02),
    "weapons": (0.69, 0.11, 0.80, 0.06),
}


@pytest.fixture(scope="module")
def reports(engine: PolicyEngine) -> dict[str, CategoryReport]:
    return eval_categories.reports(engine, eval_categories.load_rows())


def test_the_corpus_has_enough_rows_and_kinds_per_category() -> None:
    rows = eval_categories.load_rows()
    for cat in MINE:
        pos = [r for r in rows if r.category == cat and r.positive]
        neg = [r for r in rows if r.category == cat and not r.positive]
        assert len(pos) >= 100 and len(neg) >= 100, cat
        assert len({r.kind for r in pos}) >= 10 and len({r.kind for r in neg}) >= 10, cat
        # Whole kinds are held out: no kind straddles two folds.
        for kind in {r.kind for r in pos + neg}:
            assert len({r.fold for r in pos + neg if r.kind == kind}) == 1, (cat, kind)
        assert {r.fold for r in pos} == {0, 1, HELD_OUT}


def test_a_malformed_corpus_file_is_named() -> None:
    with pytest.raises(CorpusError, match=r"x\.yaml: kind 'a' needs a list of non-empty rows"):
        parse_corpus("category: c\npositives:\n  - kind: a\n    rows:\n      - key: value\n"
                     "negatives:\n  - kind: b\n    rows: [fine]\n", "x.yaml")


@pytest.mark.parametrize("category", MINE)
def test_figures_do_not_fall_below_todays(reports: dict[str, CategoryReport],
                                          category: str) -> None:
    rep = reports[category]
    held_recall, held_fp, all_recall, all_fp = FLOORS[category]
    assert rep.held_out.recall >= held_recall
    assert rep.held_out.fp_rate <= held_fp
    assert rep.all.recall >= all_recall
    assert rep.all.fp_rate <= all_fp


def test_fair_criticism_is_never_flagged_by_these_categories(
        reports: dict[str, CategoryReport]) -> None:
    flagged = [(r.text, cats) for rep in reports.values() for r, cats in rep.fair_flagged
               if set(cats) & set(MINE)]
    assert flagged == []


def test_fair_criticism_rows_exist_in_every_category() -> None:
    rows = eval_categories.load_rows()
    fair = {r.category for r in rows if r.fair_criticism}
    assert fair >= set(MINE)


def test_allegations_go_to_a_lead_never_straight_to_removal(engine: PolicyEngine) -> None:
    rows = [r for r in eval_categories.load_rows() if r.category == "defamation" and r.positive]
    decided = [engine.classify(r.text) for r in rows]
    flagged = [d for d in decided if d.flags and d.flags[0].category == "defamation"]
    assert len(flagged) >= 60
    assert {d.action for d in flagged} == {"lead_decision"}
