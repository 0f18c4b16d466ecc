"""Mild negative words count only when said of the care, delays told as how long something
took, and requests that the service be quicker; phrasings written for these tests."""

from __future__ import annotations

import pytest

from policy import PolicyEngine

# Not complaints: a mild word not said of the care, or a quick service and care taken.
NOT_COMPLAINTS = [
    "The nurse stayed late on Beech ward to help me settle",
    "The waiting room at the children's clinic had toys and books",
    "I was anxious before my first session but the therapist put me at ease",
    "Helped me through a really difficult few months after my diagnosis",
    "I saw my CPN every fortnight for 18 months",
    "The physio made the exercises easy even when I was struggling",
    "It only took 10 minutes for the paramedics to arrive",
    "The ambulance could not have come quicker",
    "The crew arrived quicker than we expected, thank you",
    "They did not discharge me until I felt ready",
]
# Complaints: a mild word said of the care, a delay told as how long it took, a request for
# speed, a step of care not taken.
COMPLAINTS = [
    "The hospital transport was late again this morning",
    "We were left in the corridor for most of the afternoon",
    "It was difficult to get an appointment with the memory clinic",
    "The discharge process was stressful and confusing",
    "I was upset by how the receptionist spoke to my dad",
    "Took ages to get through to the crisis line",
    "It took over 2 hours for the crew to reach my nan",
    "Took 50 minutes for my call to be picked up",
    "The patient transport did not arrive until the afternoon",
    "Get to people in pain quicker",
    "Answer the single point of access line sooner",
    "I have not been told when my next review is",
]


@pytest.mark.parametrize(("text", "complaint"),
                         [(t, False) for t in NOT_COMPLAINTS] + [(t, True) for t in COMPLAINTS])
def test_complaint_only_when_said_of_the_care(engine: PolicyEngine, text: str,
                                             complaint: bool) -> None:
    assert ("complaint" in engine.classify(text).categories) is complaint


@pytest.mark.parametrize("text", [
    "Keep doing what you're doing, the memory clinic team are a credit",
    "Just carry on as you are on Willow ward",
    "Keep up the good work, district nurses",
    "The crisis team did everything they possibly could for my son",
    "Can't praise the maternity unit enough",
    "The health visitor could not have been more helpful",
    "Nothing really. The staff on the ward work so hard.",
])
def test_praise_put_as_asking_for_no_change_is_praise(engine: PolicyEngine, text: str) -> None:
    cats = engine.classify(text).categories
    assert "praise" in cats and "complaint" not in cats


@pytest.mark.parametrize("text", [
    "Keep me updated about my referral please, nobody has rung",
    "The ward did everything wrong from the day she was admitted",
    "Nothing really. The phone line was engaged for hours and nobody called back.",
    "I honestly can't think of anything that was helpful about the group",
])
def test_the_same_words_around_a_failure_are_not_praise(engine: PolicyEngine, text: str) -> None:
    assert "praise" not in engine.classify(text).categories
