"""Crisis read from the grammar of a sentence: each kind in several wordings of our own is
crisis, routed to a person and never a threat; the same words about something else, denied,
or in a recovery story are not."""

from __future__ import annotations

import pytest

from policy import PolicyEngine
from policy.categories import ACTION_ESCALATE

OWN_RISK = [
    "I really don't want to be here anymore",  # not wanting to exist
    "i dont want to wake up, ever",
    "I just do not wish to live",
    "I can't keep going much longer",  # endurance run out
    "Honestly I can't do this.",
    "I don't know how much longer I can hold on",
    "I don't think I'll be around for long",
    "I'm just a drain on my family",  # a drain on others
    "I am such a nuisance to everyone",
    "My existence feels pointless",  # one's own life pointless
    "my life is completely meaningless",
    "Why am I even still alive",  # why one is alive
    "idk why im alive tbh",
    "what is even the point anymore",  # no point in living
    "I don't see the point in trying",
    "I will never be happy",  # a future with no hope
    "Nothing is ever going to improve for me",
    "Been reading about ways to end it",  # searching for ways to die
    "I should just disappear",  # wanting to vanish
    "I wish I could fade away",
    "I am going to do it tonight",  # a plan with a time
    "I keep thinking about dying",  # dwelling on death
    "I hate being alive",  # hating being alive
    "I deserve to die",  # deserving to die
]

NOT_OWN_RISK = [
    "I don't want to be here at 6am for a blood test",
    "I can't do this appointment on Tuesday, can we move it",
    "You are not a drain on anyone, please reach out",
    "My life is better now that the new team is in place",
    "Why am I still waiting for a call back from the clinic",
    "What is the point of a booking system that never works",
    "The ward will never be the same without Sister Kaur",
    "I am going to do it tomorrow, the form for the parking permit",
    "I used to think about dying every day but I'm in recovery now and doing well",
    "My sister says she can't keep going with this job much longer",
]


@pytest.mark.parametrize("text", OWN_RISK)
def test_each_kind_in_the_writers_voice_is_crisis_for_a_person(engine: PolicyEngine,
                                                                text: str) -> None:
    decision = engine.classify(text)
    assert "crisis" in decision.categories, text
    assert decision.action == ACTION_ESCALATE
    assert "violence" not in decision.categories


@pytest.mark.parametrize("text", NOT_OWN_RISK)
def test_the_same_words_about_something_else_are_not_crisis(engine: PolicyEngine,
                                                            text: str) -> None:
    assert "crisis" not in engine.classify(text).categories, text
