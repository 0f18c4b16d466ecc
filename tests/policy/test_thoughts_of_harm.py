"""A person telling of thoughts of harming someone close (intrusive thoughts, common in OCD
and after birth) needs a human with crisis support, never a police report; a thought of
hurting the reader is still a threat. And the writer's own crisis words are never read as
someone else's."""

from __future__ import annotations

import pytest

from policy import PolicyEngine

DISCLOSED_THOUGHTS = [
    "I keep thinking about hurting my kids",
    "Intrusive thoughts about stabbing my husband again tonight",
    "I'm scared I'll hurt my baby, the health visitor doesn't know",
    "I get these urges to hurt my children and it terrifies me",
    "Since the birth I'm terrified I might smother our daughter",
    "I keep thinking about punching someone at work",
]
# Another actor, a memory, a denial, or the reader as the target.
NOT_THE_WRITERS_THOUGHTS = [
    "I keep thinking about the nurse who hurt my son",
    "I'm worried the staff will hurt my mum on that ward",
    "I have never had thoughts of hurting my kids",
]
THREATS = [
    "I keep thinking about hurting you",
    "I am going to stab that receptionist",
    "I will find the nurse who did this and break her neck",
    "I'm going to make the doctor suffer",
]


@pytest.mark.parametrize("text", DISCLOSED_THOUGHTS)
def test_thoughts_of_harming_someone_are_crisis_never_violence(engine: PolicyEngine,
                                                               text: str) -> None:
    d = engine.classify(text)
    assert "crisis.risk_to_others" in [f.rule_id for f in d.flags], text
    assert "violence" not in d.categories, text


@pytest.mark.parametrize("text", NOT_THE_WRITERS_THOUGHTS)
def test_others_acts_memories_and_denials_are_neither(engine: PolicyEngine, text: str) -> None:
    d = engine.classify(text)
    assert not {"crisis", "violence"} & set(d.categories), (text, d.categories)


@pytest.mark.parametrize("text", THREATS)
def test_a_threat_to_the_reader_or_staff_stays_violence(engine: PolicyEngine, text: str) -> None:
    assert "violence" in engine.classify(text).categories, text


def test_the_writers_own_suicidal_thoughts_are_not_someone_elses(engine: PolicyEngine) -> None:
    d = engine.classify("I don't know how to tell my wife about my suicidal thoughts")
    rules = [f.rule_id for f in d.flags]
    assert "crisis.suicidal" in rules
    assert "crisis.risk_to_others" not in rules
