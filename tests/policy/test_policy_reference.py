"""docs/policy-rules.md is generated from the policy and the detectors; it must be current."""

from __future__ import annotations

from pathlib import Path

from policy import Policy
from policy.engine import _QUIET_IN_DISTRESS, PRIORITY
from policy.reference import render

PAGE = Path(__file__).resolve().parents[2] / "docs" / "policy-rules.md"


def test_the_rules_page_is_current(policy: Policy) -> None:
    expected = render(policy, PRIORITY, _QUIET_IN_DISTRESS)
    assert PAGE.read_text(encoding="utf-8") == expected, (
        "docs/policy-rules.md is out of date: run .venv/bin/python scripts/policy_rules.py")


def test_the_page_lists_every_rule_and_the_other_detectors_too(policy: Policy) -> None:
    page = render(policy, PRIORITY, _QUIET_IN_DISTRESS)
    for rule_id in policy.rules:
        assert f"### `{rule_id}`" in page
    assert "`policy/detectors/weapons.py` `trade()`" in page
    assert "Detector: `policy/detectors/hate.py`." in page  # not yet one function per rule
    assert "| [`mental_health_context`](../policy/lexicon/lists/mental_health_context.txt)" in page
