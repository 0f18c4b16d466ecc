"""Complaint means a described experience of a service, not a single negative word.

On the demo scenario, complaint fires on exactly the items that expect it (the scenario
states the policy's reading of each post); below, kinds of post that are and are not
complaints, in phrasings written for these tests."""

from __future__ import annotations

import pytest

from bot.sandbox.scenario import load_scenario
from policy import PolicyEngine
from policy.decision import Context


def test_complaint_fires_on_exactly_the_scenarios_complaints(engine: PolicyEngine) -> None:
    wrong = []
    for item in load_scenario().items:
        if item.own:
            continue
        got = "complaint" in engine.classify(
            item.text, Context(platform=item.platform, kind=item.kind)).categories
        if got != ("complaint" in item.expect):
            wrong.append(f"{item.id}: complaint {'fired' if got else 'missing'}")
    assert wrong == []


@pytest.mark.parametrize("text", [
    "Waited three hours in A&E and nobody came to check on my mum",
    "The crisis line rang out twice last night, nobody picked up",
    "My son's appointment was cancelled again with no explanation",
    "Nobody from the community team has called back in a fortnight",
    "The receptionist was rude and dismissive when I asked about my referral",
    "Still no letter about my assessment after four months",
    "Discharged from the ward with no plan and no follow up call",
])
def test_a_described_bad_experience_of_a_service_is_a_complaint(engine: PolicyEngine,
                                                                  text: str) -> None:
    assert "complaint" in engine.classify(text).categories


@pytest.mark.parametrize("text", [
    "Never give up on yourselves, everyone",  # a single negative word
    "Nobody's perfect, we all have bad days",
    "Can't wait for the summer fete at the hospital garden!",
    "Lovely article, read more at the link & more",
    "Is it safe to stop my tablets if I feel better now?",  # a clinical question
    "Please can someone call me about my referral",  # a request for one's own care
    "Ring the switchboard and ask for PALS, they sorted it for me quickly",  # signposting
    "That nurse on Rose ward is a useless lazy cow",  # an insult: abuse, not a complaint
    "Immigrants are parasites and shouldn't be treated before us",  # hate, not criticism
])
def test_negative_words_without_an_experience_are_not_a_complaint(engine: PolicyEngine,
                                                                   text: str) -> None:
    assert "complaint" not in engine.classify(text).categories


@pytest.mark.parametrize("text", [
    "I can't go on any more, I'm done with it all, nobody would even notice",
    "I've written my goodbye letters. Nobody would miss me",
    "I can't cope, I just want to die, it never stops",
])
def test_a_crisis_post_carries_no_incidental_complaint(engine: PolicyEngine,
                                                       text: str) -> None:
    d = engine.classify(text)
    assert d.categories == ["crisis"]


def test_a_crisis_post_that_names_a_failing_service_keeps_the_complaint(
        engine: PolicyEngine) -> None:
    d = engine.classify("I want to die and the crisis team never called me back, three days")
    assert d.categories[0] == "crisis" and "complaint" in d.categories
