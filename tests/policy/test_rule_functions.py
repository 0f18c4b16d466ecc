"""The policy in one shape: a rule function per rule id, each with Bad and Good examples that
the engine must honour; PRIORITY and the distress-quiet rules tied to the rule set."""

from __future__ import annotations

import pytest

from policy import PolicyEngine
from policy.categories import ALL_CATEGORIES
from policy.detectors import BUILTIN_RULES, DETECTORS, hate_grammar, rulekit
from policy.engine import _QUIET_IN_DISTRESS, PRIORITY
from policy.model import Policy

_RULE_MODULES = [m for m in DETECTORS if hasattr(m, "RULE_FUNCTIONS")]
# Rule sets that live inside another category's detector (hate reads its grammar rules).
_EXAMPLED_MODULES = [*_RULE_MODULES, hate_grammar]
_CASES = [
    pytest.param(rulekit.rule_id(m.CATEGORY, fn), text, expected,
                 id=f"{rulekit.rule_id(m.CATEGORY, fn)}-{'bad' if expected else 'good'}-{i}")
    for m in _EXAMPLED_MODULES
    for fn in m.RULE_FUNCTIONS
    for expected, texts in zip((True, False), rulekit.examples(fn), strict=True)
    for i, text in enumerate(texts)
]


@pytest.mark.parametrize(("rule_id", "text", "expected"), _CASES)
def test_docstring_example(engine: PolicyEngine, rule_id: str, text: str, expected: bool) -> None:
    fired = [f.rule_id for f in engine.classify(text).flags]
    assert (rule_id in fired) is expected, f"{rule_id} on {text!r}: fired {fired}"


def test_the_converted_categories_are_one_module_each() -> None:
    cats = [m.CATEGORY for m in _RULE_MODULES]
    assert len(cats) == len(set(cats))
    assert set(cats) >= {"defamation", "illegal", "weapons", "terrorism", "sexual",
                         "advertising", "financial_gain", "upsetting_link", "profanity"}


@pytest.mark.parametrize("module", _EXAMPLED_MODULES, ids=lambda m: m.__name__)
def test_every_rule_function_is_named_for_its_rule_and_exemplified(
        module: object, policy: Policy) -> None:
    assert rulekit.rule_ids(module.CATEGORY, module.RULE_FUNCTIONS) == module.RULES
    for fn in module.RULE_FUNCTIONS:
        rid = rulekit.rule_id(module.CATEGORY, fn)
        bad, good = rulekit.examples(fn)
        assert bad and good, f"{rid}: the docstring needs a Bad: and a Good: example"
        assert rid in policy.rules, f"{rid} is not in policy.yaml, so it could never fire"


def test_docstring_parser_reads_bad_and_good_lines() -> None:
    def sample(a: object) -> None:
        """Summary line.

        Bad: one
        Good: two
        Bad: three
        """
    assert rulekit.examples(sample) == (["one", "three"], ["two"])  # type: ignore[arg-type]
    assert rulekit.summary(sample) == "Summary line."  # type: ignore[arg-type]


def test_priority_names_every_category_once() -> None:
    assert len(PRIORITY) == len(set(PRIORITY))
    assert set(PRIORITY) == set(ALL_CATEGORIES)


def test_distress_quiet_rules_are_real_rules_and_never_safety_ones(policy: Policy) -> None:
    assert _QUIET_IN_DISTRESS <= BUILTIN_RULES, _QUIET_IN_DISTRESS - BUILTIN_RULES
    assert set(policy.rules) >= _QUIET_IN_DISTRESS
    quiet_categories = {r.split(".", 1)[0] for r in _QUIET_IN_DISTRESS}
    assert not quiet_categories & {"crisis", "violence", "personal_info", "terrorism"}
