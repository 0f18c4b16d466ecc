"""Every example in policy.yaml is a test: `match` examples must fire their rule, `no_match`
examples must not. A meta-test keeps every category and rule described and exemplified."""

from __future__ import annotations

import pytest

from policy import PolicyEngine, bundled_policy_path, load_policy
from policy.categories import ALL_CATEGORIES
from policy.detectors import BUILTIN_RULES
from policy.examples import example_context

_POLICY = load_policy(bundled_policy_path().read_text(encoding="utf-8"), "policy.yaml")
_CASES = [
    pytest.param(rule.id, text, expected, id=f"{rule.id}-{'match' if expected else 'no'}-{i}")
    for rule in _POLICY.rules.values()
    for expected, texts in ((True, rule.match), (False, rule.no_match))
    for i, text in enumerate(texts)
]


@pytest.mark.parametrize(("rule_id", "example", "expected"), _CASES)
def test_rule_example(engine: PolicyEngine, rule_id: str, example: str, expected: bool) -> None:
    text, ctx = example_context(example)
    fired = [f.rule_id for f in engine.classify(text, ctx).flags]
    assert (rule_id in fired) is expected, f"{rule_id} on {example!r}: fired {fired}"


def test_every_category_and_rule_is_described_and_exemplified() -> None:
    assert set(_POLICY.categories) == set(ALL_CATEGORIES)
    for cat in _POLICY.categories.values():
        assert cat.title.strip() and cat.clause.strip() and cat.explanation.strip(), cat.id
        assert cat.rules, f"{cat.id} has no rules"
        for rule in cat.rules:
            assert rule.description.strip(), f"{rule.id} has no description"
            assert rule.match, f"{rule.id} has no match examples"
            assert rule.no_match, f"{rule.id} has no no_match examples"


def test_every_builtin_rule_is_in_the_shipped_policy() -> None:
    """A detector rule missing from policy.yaml would never fire; catch it here."""
    assert set(_POLICY.rules) >= BUILTIN_RULES, BUILTIN_RULES - set(_POLICY.rules)


def test_meta_check_fails_on_a_rule_without_examples() -> None:
    from policy import check_policy

    text = bundled_policy_path().read_text(encoding="utf-8")
    slur_match = (
        "          match:\n            - Go back where you came from you p@ki\n"
        "            - Typical tranny, always causing trouble\n"
    )
    assert slur_match in text
    broken = text.replace(slur_match, "          match: []\n", 1)
    problems = check_policy(broken, "policy.yaml")
    assert any("hate.slur" in p.message and "example" in p.message for p in problems), problems
