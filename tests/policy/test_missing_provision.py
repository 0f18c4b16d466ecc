"""Something a patient needed that the service did not have or give is a complaint; a fault
that was absent ("no problems") or help that was not needed is not."""

from __future__ import annotations

import pytest

from policy import PolicyEngine

MISSING = [
    "There were no local appointments so I had to travel to the city clinic",
    "The community team did not have the right equipment when they came to Dad's flat",
    "No wheelchair at the entrance and my mum waited in the rain",
    "There was a real lack of information about his discharge from Ward 9",
    "The crisis team had no interpreter for my grandmother",
]
NOT_MISSING = [
    "No problems at all, the appointment was on time",
    "No help needed, the reception staff were lovely",
    "No, the nurses on the ward were lovely",
    "I needed no support after the first week, thank you all",
]


@pytest.mark.parametrize("text", MISSING)
def test_a_missing_provision_is_a_complaint(engine: PolicyEngine, text: str) -> None:
    assert "complaint" in engine.classify(text).categories, text


@pytest.mark.parametrize("text", NOT_MISSING)
def test_an_absent_fault_or_unneeded_help_is_not(engine: PolicyEngine, text: str) -> None:
    assert "complaint" not in engine.classify(text).categories, text
