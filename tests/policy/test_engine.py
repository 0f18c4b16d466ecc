"""The Decision the engine returns: one action, evidence from the original text, plain data."""

from __future__ import annotations

from policy import Decision, PolicyEngine
from policy.categories import SUGGESTED_ACTIONS


def test_nothing_applies(engine: PolicyEngine) -> None:
    d = engine.classify("What time does the clinic open on Saturday?")
    assert d.flags == () and d.action == "none" and d.policy_version == engine.version


def test_one_action_from_the_most_urgent_category(engine: PolicyEngine) -> None:
    d = engine.classify("You useless prick, the wait was 6 hours and nobody apologised")
    assert d.action in SUGGESTED_ACTIONS
    assert d.categories[0] == "abuse" and "complaint" in d.categories
    assert d.action == "hide" and d.template == "removal_abuse"


def test_routing_categories_suggest_templates(engine: PolicyEngine) -> None:
    d = engine.classify("Can I take ibuprofen with my lithium?")
    assert d.categories == ["clinical_advice"] and d.template == "clinical_advice"
    d = engine.classify("Thank you so much to the staff on Rose ward, you were wonderful")
    assert "praise" in d.categories and d.template == "thank_you"
    d = engine.classify("My carer hits me and takes my money")
    assert d.action == "escalate" and d.escalate_to == "safeguarding"


def test_evidence_is_the_posted_text(engine: PolicyEngine) -> None:
    text = "Oh and Dr Fenwick STOLE my nan's rings, everyone should know"
    d = engine.classify(text)
    flag = next(f for f in d.flags if f.category == "defamation")
    assert flag.span is not None
    assert text[flag.span[0] : flag.span[1]] == flag.evidence
    assert "Fenwick" in flag.evidence


def test_decision_round_trips_through_dict(engine: PolicyEngine) -> None:
    d = engine.classify("I will find you and smash your face in, you rat")
    again = Decision.from_dict(d.to_dict())
    assert again.flags == d.flags
    assert again.action == d.action and again.report_suggested is True


def test_whole_text_is_classified(engine: PolicyEngine) -> None:
    long = "The staff were lovely. " * 2000 + "I am going to kill you."
    assert "violence" in engine.classify(long).categories
