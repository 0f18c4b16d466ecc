"""A report of a killing in the past tense ("the soldiers killed them all") is history or
news, not a call to kill a group; the same verb as a call, a passive wish or an approval
without a subject still is."""

from __future__ import annotations

import pytest

from policy import PolicyEngine

REPORTS = [
    "The soldiers killed them all",
    "The flood drowned them all in the end",
    "In the film the gang murdered every one of them",
    "The new infection control team wiped them all out, the bugs I mean",
]
CALLS = [
    "Kill them all",
    "Those immigrants should be killed, all of them",
    "Gassed them all, good",
]


@pytest.mark.parametrize("text", REPORTS)
def test_a_report_of_a_killing_is_not_a_call(engine: PolicyEngine, text: str) -> None:
    assert "hate" not in engine.classify(text).categories, text


@pytest.mark.parametrize("text", CALLS)
def test_a_call_or_approval_still_is(engine: PolicyEngine, text: str) -> None:
    assert "hate" in engine.classify(text).categories, text
