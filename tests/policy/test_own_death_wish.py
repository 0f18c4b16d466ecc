"""A wish for one's own death is crisis or support talk, never a threat; a wish for someone
else's death stays violence (the guard in violence.py reads who wishes and who dies)."""

from __future__ import annotations

import pytest

from policy import PolicyEngine
from policy.detectors.intent import wishes_own_death

OWN_DEATH = [
    "Some evenings on the ward you just want to die, and that passes",
    "I know there are days you really want to die",
    "I don't believe you truly want to die, please ring the crisis line",
    "I wanted to be dead for most of last year",
]
OWN_DEATH_CRISIS = [
    "Please just let me die",
    "I would like to be dead",
    "I want to die",
]
THREATS = [
    "I want you to die",
    "I want every one of you to die",
    "I will kill you",
    "You will die for what you did to my mum",
]


@pytest.mark.parametrize("text", OWN_DEATH + OWN_DEATH_CRISIS)
def test_a_wish_for_ones_own_death_is_never_violence(engine: PolicyEngine, text: str) -> None:
    assert "violence" not in engine.classify(text).categories, text


@pytest.mark.parametrize("text", OWN_DEATH_CRISIS)
def test_the_writers_own_wish_to_die_is_crisis(engine: PolicyEngine, text: str) -> None:
    assert "crisis" in engine.classify(text).categories, text


@pytest.mark.parametrize("text", THREATS)
def test_a_wish_for_someone_elses_death_stays_violence(engine: PolicyEngine, text: str) -> None:
    assert "violence" in engine.classify(text).categories, text


def test_the_wisher_must_be_the_one_who_dies() -> None:
    assert wishes_own_death(["you", "really", "want", "to", "die"], 0, 4)
    assert wishes_own_death(["let", "me", "die"], 0, 2)
    assert not wishes_own_death(["i", "want", "you", "to", "die"], 0, 4)


# Wished gone by the writer, but not the writer: a group, a thing, a service.
OTHERS_WISHED_GONE = [
    "I wish women didn't exist",
    "I hope the immigrants die, all of them",
    "I wish the waiting list did not exist",
    "I wish those forms had never been invented and were dead and gone",
]
# The writer's own: with a determiner or group-looking word nearby, still crisis.
STILL_OWN = [
    "I wish so badly to be dead",
    "I wish to God I was dead",
    "I wish I didn't exist",
    "All I wish is that I was dead",
    "I wish I had never been born",
]


@pytest.mark.parametrize("text", OTHERS_WISHED_GONE)
def test_wishing_others_or_things_gone_is_not_the_writers_crisis(engine: PolicyEngine,
                                                                 text: str) -> None:
    assert "crisis" not in engine.classify(text).categories, text


@pytest.mark.parametrize("text", STILL_OWN)
def test_the_writers_own_death_wish_stays_crisis(engine: PolicyEngine, text: str) -> None:
    assert "crisis" in engine.classify(text).categories, text
