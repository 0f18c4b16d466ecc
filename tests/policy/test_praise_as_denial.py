"""Praise said with a negator is praise; a question asking for information is not a
complaint; the same words describing a failure still are."""

from __future__ import annotations

import pytest

from policy import PolicyEngine

PRAISE = [
    "Can't thank the crisis team enough, they never gave up on me",
    "I could never thank the nurses on Beech ward enough for what they did",
    "The home treatment team never once let us down",
    "I couldn't have got through the last month without the home treatment team",
    "Nobody could have done more for my dad than the staff on Willow ward",
]

NOT_COMPLAINTS = [
    "Is there parking at the Hellesdon site?",
    "Does the memory clinic have a waiting room for carers?",
    *PRAISE,
]

COMPLAINTS = [
    "The community team gave up on my son after two visits",
    "I couldn't get through to anyone at the crisis line all night",
    "Why does nobody ever ring back when they say they will?",
    "Parking at the hospital is a nightmare and the machines never work",
]


@pytest.mark.parametrize("text", PRAISE)
def test_praise_put_as_a_negative_is_praise(engine: PolicyEngine, text: str) -> None:
    assert "praise" in engine.classify(text).categories


@pytest.mark.parametrize("text", NOT_COMPLAINTS)
def test_praise_and_information_questions_are_not_complaints(engine: PolicyEngine,
                                                              text: str) -> None:
    assert "complaint" not in engine.classify(text).categories


@pytest.mark.parametrize("text", COMPLAINTS)
def test_the_same_words_describing_a_failure_are_complaints(engine: PolicyEngine,
                                                            text: str) -> None:
    assert "complaint" in engine.classify(text).categories
