"""Praise read from its grammar: a denied improvement or a denied fault is praise, not a
complaint; a denial that reports a failure stays a complaint. Phrasings written for these
tests."""

from __future__ import annotations

import pytest

from policy import PolicyEngine
from policy.decision import Context

CONTEXT = Context(platform="facebook", kind="comment")


@pytest.mark.parametrize("text", [
    "I would not change a thing about the community team",
    "Never had any problems with the memory clinic in four years",
    "I could not complain about the home treatment team",
    "The staff were great on the assessment unit",
])
def test_a_denied_improvement_or_fault_or_a_mild_word_of_the_service_is_praise(
        engine: PolicyEngine, text: str) -> None:
    categories = engine.classify(text, CONTEXT).categories
    assert "praise" in categories
    assert "complaint" not in categories


@pytest.mark.parametrize("text", [
    "The waiting list has not improved at all and nobody rang me back",
    "They did not fix the problem with my prescription and I waited three weeks",
])
def test_a_denied_improvement_that_reports_a_failure_is_no_praise(engine: PolicyEngine,
                                                                   text: str) -> None:
    assert "praise" not in engine.classify(text, CONTEXT).categories
