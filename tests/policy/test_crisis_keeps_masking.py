"""A person in crisis who shares a phone number: crisis only, never removal, but the number is
still flagged (low) so Slack masks it."""

from __future__ import annotations

from bot.core.policy_file import read_engine
from policy.categories import CRISIS, PERSONAL_INFO, REMOVAL_CATEGORIES, Severity


def test_crisis_with_a_phone_number_is_masked_not_removed() -> None:
    d = read_engine().classify(
        "I can't go on any more, I've written my goodbye letters. My number is 07700 900123")
    assert d.categories[0] == CRISIS
    pi = [f for f in d.flags if f.category == PERSONAL_INFO]
    assert pi and all(f.severity == Severity.LOW and f.span for f in pi)
    assert not [c for c in d.categories if c in REMOVAL_CATEGORIES and c != PERSONAL_INFO]
    assert d.template == "crisis" and not d.report_suggested


def test_a_dm_is_never_suggested_for_hiding() -> None:
    from policy.categories import ACTION_HIDE
    from policy.decision import Context

    engine = read_engine()
    public = engine.classify("you are a useless pathetic idiot", Context(kind="reply"))
    private = engine.classify("you are a useless pathetic idiot", Context(kind="dm"))
    assert public.action == ACTION_HIDE
    assert private.action != ACTION_HIDE and "abuse" in private.categories
