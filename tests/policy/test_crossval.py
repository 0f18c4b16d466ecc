"""The cross-validation arithmetic, on small rows written here."""

from __future__ import annotations

from policy import PolicyEngine
from policy.crossval import (
    bucket,
    cross_validate,
    fold_specific,
    prediction,
    template_spread,
    user_rows,
)


def _row(group: str, truth: int, func: str = "derog_h") -> dict:
    return {"id": f"{group}-{truth}", "group": group, "labels": {"hate": truth},
            "note": f"functionality={func}; target=x"}


def test_a_phrase_found_in_one_fold_only_is_that_folds_own() -> None:
    phrases = [{"vermin", "they"}, {"they"}, {"parasites", "they"}, {"vermin"}]
    folds = ["t1", "t2", "t3", "t1"]
    specific = fold_specific(phrases, folds, elsewhere={"parasites"})
    assert specific == {"t1": frozenset({"vermin"})}  # "parasites" is known elsewhere


def test_the_engine_can_classify_without_some_phrases(engine: PolicyEngine) -> None:
    text = "immigrants are vermin"
    assert "vermin" in engine.phrases(text)
    assert "hate" in engine.classify(text).categories
    assert "hate" not in engine.classify(text, without=frozenset({"vermin"})).categories


def test_the_cut_is_fitted_on_the_other_folds() -> None:
    # Held out b: fold a's positives are at 0.9 and its negative at 0.6, so the cut fitted on
    # a is 0.65, and b's positive at 0.6 is lost. Held out a: fold b alone is separated by
    # any cut, so the engine as it is (0) scores a, and a's negative at 0.6 is flagged.
    rows = [_row("a", 1), _row("a", 1), _row("a", 0), _row("b", 1), _row("b", 0)]
    preds = [prediction([("hate", 0.9)]), prediction([("hate", 0.9)]),
             prediction([("hate", 0.6)]), prediction([("hate", 0.6)]), {}]
    result = cross_validate(rows, preds, lambda r: r["group"], ["hate"])
    assert result.folds == 2
    hate = result.scores["hate"]
    assert (hate.tp, hate.fn, hate.fp, hate.tn) == (2, 1, 1, 1)
    assert {c: n for c, n in result.cuts.items() if n} == {0.0: 1, 0.65: 1}


def test_users_are_flagged_when_any_post_is() -> None:
    rows = [{"group": "u1", "labels": {"crisis": 1}}, {"group": "u1", "labels": {"crisis": 1}},
            {"group": "u2", "labels": {"crisis": 0}}]
    preds = [{}, prediction([("crisis", 0.6)]), prediction([("crisis", 0.9)])]
    users, user_preds = user_rows(rows, preds, "crisis", "crisis@user")
    assert users == [{"group": "u1", "labels": {"crisis@user": 1}},
                     {"group": "u2", "labels": {"crisis@user": 0}}]
    assert user_preds == [{"crisis@user": 0.6}, {"crisis@user": 0.9}]


def test_a_template_the_rules_miss_shows_as_the_worst() -> None:
    rows = [_row("t1", 1), _row("t1", 1), _row("t2", 1), _row("t2", 1)]
    preds = [prediction([("hate", 0.9)])] * 2 + [{}, {}]
    spread = template_spread(rows, preds)["derog_h"]
    assert (spread.templates, spread.mean, spread.worst, spread.missed) == (2, 0.5, 0.0, 1)


def test_buckets_are_stable() -> None:
    assert bucket("cssrs-user-1") == bucket("cssrs-user-1")
    assert {bucket(f"u{i}") for i in range(50)} == {"0", "1", "2", "3", "4"}
