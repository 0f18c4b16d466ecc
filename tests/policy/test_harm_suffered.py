"""People who suffered a harm ("women who have been sexually abused") are its victims: a post
about them, often asking for better care, threatens nobody. A call or an approval of the harm
is still hate and violence."""

from __future__ import annotations

import pytest

from policy import PolicyEngine

SUFFERED = [
    "Mixed sex wards are not safe for women who have been sexually abused, please change this",
    "Refugees who were attacked in the city last night need our support",
    "Disabled patients that had been assaulted before were put on the same bay",
]
CALLS = [
    "Women who have been abused should be shot",
    "Immigrants that were shot deserved it",
    "Those immigrants should be shot",
]


@pytest.mark.parametrize("text", SUFFERED)
def test_a_harm_suffered_is_no_threat_and_no_hate(engine: PolicyEngine, text: str) -> None:
    assert not {"hate", "violence"} & set(engine.classify(text).categories), text


@pytest.mark.parametrize("text", CALLS)
def test_a_call_or_approval_of_harm_still_is(engine: PolicyEngine, text: str) -> None:
    cats = engine.classify(text).categories
    assert "hate" in cats and "violence" in cats, text
