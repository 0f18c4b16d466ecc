"""Who someone is treated as a fault: being of a group called wrong or a sin, someone told
to be ashamed of their group or trait, a group said to be good only for serving, a person
likened to a group member as an insult; with the shame a writer feels about themself,
support and fair criticism, which stay unflagged."""

from __future__ import annotations

import pytest

from policy import PolicyEngine


def _rules(engine: PolicyEngine, text: str) -> set[str]:
    return {f.rule_id for f in engine.classify(text).flags if f.category == "hate"}


@pytest.mark.parametrize(("text", "rule"), [
    ("Being trans is a sickness and a sin", "hate.identity_fault"),
    ("Being Congolese is just wrong", "hate.identity_fault"),
    ("That nurse should be ashamed of being a lesbian", "hate.identity_fault"),
    ("Are you not ashamed of your skin colour?", "hate.identity_fault"),
    ("You ought to feel shame to be Muslim", "hate.identity_fault"),
    ("Nigerian women are only good for bedpans", "hate.only_good_for"),
    ("Autistic patients are good for nothing", "hate.only_good_for"),
])
def test_identity_as_a_fault(engine: PolicyEngine, text: str, rule: str) -> None:
    assert rule in _rules(engine, text), text


@pytest.mark.parametrize("text", [
    "Being Congolese is not a crime",
    "Nobody on Ward 6 should be ashamed of being gay",
    "The support worker told me I should never be ashamed of my disability",
    "Shame on the night manager for leaving the ward short again",
    "It is wrong that being disabled means a longer wait for a bed",
    "Our Nigerian nurse was good for my mum, she calmed her down",
    "Women are good at noticing when something is wrong on the ward",
])
def test_not_shaming(engine: PolicyEngine, text: str) -> None:
    assert not ({"hate.identity_fault", "hate.only_good_for"} & _rules(engine, text)), text


@pytest.mark.parametrize("text", [
    "You look like a hamster with autism",
    "She talks like a lesbian truck driver",
    "He acts like a schizophrenic on a bad day",
])
def test_likened_to_a_group_as_an_insult(engine: PolicyEngine, text: str) -> None:
    assert "hate.likened" in _rules(engine, text), text


@pytest.mark.parametrize("text", [
    "You look like you need a rest, has the depression come back?",
    "It looks like the autism assessment service is closed until March",
    "The nurse said my daughter acts like any other autistic girl her age",
    "He looks like he is in pain, please can someone on Ward 2 check on him",
])
def test_not_likened(engine: PolicyEngine, text: str) -> None:
    assert "hate.likened" not in _rules(engine, text), text
