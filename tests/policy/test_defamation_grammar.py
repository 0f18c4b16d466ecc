"""Allegations said in ways the word lists do not spell out: what the person is called, money
taken, the smell of drink at work, lies told; and the near misses that are not allegations."""

from __future__ import annotations

import pytest

from policy import PolicyEngine

ALLEGATIONS = [
    "Nurse Kemp is a convicted fraudster and nobody at the trust cares",
    "Gary from the estates team is a known thief, lock your lockers",
    "@NurseJonesNSFT is a liar and everyone on the ward knows it",
    "Sister Blake took £300 from my nan's handbag while she slept",
    "Staff nurse Priya Shah turned up to my son's review stinking of drink",
    "Dr Fenton's breath stank of wine during my consultation",
    "Dr Malik was clearly under the influence during my mum's appointment, slurring his words",
    "Dr Okoye comes to work hungover every Monday, you can smell it on him",
    "Charge nurse Tom Reid was high on something during the night shift",
    "@JWilsonNurse lied to the inquest about when she last checked on my brother",
    "Dr Cole lied to us for weeks about my dad's scan results",
    "Ward manager Sue Tate rewrote the incident log after my daughter fell",
    "Dr Reynolds destroyed the complaint letters so nobody would see them",
    "Nurse Gill changed the times on the falls record to cover herself",
    "Sister Moore falsely recorded that my mum had eaten her meals",
]

NOT_ALLEGATIONS = [
    "Dr Malik was kind during my mum's appointment and explained everything",
    "I was drunk when I came into A&E and the nurses still treated me with respect",
    "Nurse Kemp said the results might take a while, she was honest with us",
    "I lied to my therapist for years about how bad things were",
    "The news says a nurse in Leeds was jailed for fraud, shocking",
    "I'm not saying Dr Cole lied, but we were given different dates by different people",
    "Dr Harper is not a liar, she was just given the wrong information",
    "Dr Fenton explained the side effects of drinking alcohol on my new tablets",
    "Nurse Walsh stayed late to make sure my mum was settled",
    "Dr Aziz is a thief, he stole my heart, best doctor ever",
    "Nurse Patel really let my dad down",  # a complaint naming staff is a complaint
]


@pytest.mark.parametrize("text", ALLEGATIONS)
def test_an_allegation_about_a_named_person_goes_to_a_lead(engine: PolicyEngine,
                                                          text: str) -> None:
    decision = engine.classify(text)
    assert "defamation" in decision.categories
    assert decision.action == "lead_decision"


@pytest.mark.parametrize("text", NOT_ALLEGATIONS)
def test_praise_news_denials_and_own_stories_are_not_allegations(engine: PolicyEngine,
                                                                 text: str) -> None:
    assert "defamation" not in engine.classify(text).categories
