"""Kinds of hate read from sentence shape: a group wished out of existence, people said to
breed like animals, and hate the writer says in their own voice ("I said it before, ...");
with the look-alike fair posts and counter-speech that must stay unflagged."""

from __future__ import annotations

import pytest

from policy import PolicyEngine


def _hate_rules(engine: PolicyEngine, text: str) -> set[str]:
    return {f.rule_id for f in engine.classify(text).flags if f.category == "hate"}


@pytest.mark.parametrize(("text", "rule"), [
    ("I wish Eritreans did not exist", "hate.extermination"),
    ("I wish no Muslims existed at all", "hate.extermination"),
    ("Honestly the world would be better off without Eritreans", "hate.extermination"),
    ("Our country would be better without all the Muslims", "hate.extermination"),
    ("Keep the Eritreans out. Let them in and they will breed like rabbits",
     "hate.animal_comparison"),
    ("Those people? They are multiplying like rats", "hate.animal_comparison"),
    ("Too bad the Eritreans did not all die in the desert", "hate.extermination"),
    ("Pity gay men never got put down", "hate.extermination"),
])
def test_shapes_of_hate(engine: PolicyEngine, text: str, rule: str) -> None:
    assert rule in _hate_rules(engine, text), text


@pytest.mark.parametrize("text", [
    "I said it before and I will say it again, gays are disgusting",
    "As I always say, Eritreans are vermin",
])
def test_the_writer_saying_it_is_their_own_hate(engine: PolicyEngine, text: str) -> None:
    assert _hate_rules(engine, text), text


@pytest.mark.parametrize("text", [
    "I wish the waiting list did not exist",
    "I wish my anxiety did not exist",
    "It is hateful to wish Muslims did not exist",
    "My ward would be better without the noise at night",
    "Shame the Eritrean family could not visit before he died",
    "Too bad the Muslim chaplain did not come until after dad died",
    "The world is better with Eritreans in it",
    "Once the damp got in, the mould spread like a disease through the ward",
    "My kids breed hamsters and they multiply like rabbits",
    "I would never say gays are disgusting",
    "She said gays are disgusting and I told the manager",
    "I said the receptionist was rude and nobody listened",
])
def test_fair_posts_and_counter_speech(engine: PolicyEngine, text: str) -> None:
    assert not _hate_rules(engine, text), text
