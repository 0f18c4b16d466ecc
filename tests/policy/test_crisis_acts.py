"""Crisis told by acts and beliefs about one's life, read by grammar: each kind is crisis in
wordings of our own even with every listed phrase taken out (so no word list carries it),
and the same words denied, about an errand, a complaint or a film are not crisis."""

from __future__ import annotations

import pytest

from policy import PolicyEngine

OWN_RISK = [
    ("I've been stockpiling my sleeping tablets since March", "getting a means"),
    ("I am going to order a rope tonight", "getting a means"),
    ("I had so much trouble getting a gun at the weekend", "getting a means"),
    ("I overdosed twice last year and I'm scared it will happen again", "a past attempt"),
    ("I tried to take my own life in the spring", "a past attempt"),
    ("I have thought about throwing myself in front of a bus", "a method said of oneself"),
    ("I keep thinking I should jump off the hospital car park roof", "a method said of oneself"),
    ("There is no purpose to my life now", "no meaning in life"),
    ("I can't see any meaning in living like this", "no meaning in life"),
    ("Honestly I have no desire to carry on", "the will to live lost"),
    ("My will to live is fading fast", "the will to live lost"),
    ("I feel like I am such a burden", "being a burden"),
    ("I only burden everyone I love", "being a burden"),
    ("I don't deserve to be happy and I don't deserve your help", "not deserving help or life"),
    ("I'm not worth saving", "not deserving help or life"),
    ("I think I died years ago and nobody noticed", "feeling long since dead"),
    ("I have been dead for years, I just still breathe", "feeling long since dead"),
    ("Please just let me die", "asking to be let die"),
]

NOT_OWN_RISK = [
    "I never felt like a burden on Ward 9, the nurses were wonderful",
    "I collected my tablets from the pharmacy at the front entrance",
    "I bought paracetamol for my daughter's temperature",
    "In the film the lead says he will jump off a bridge, it was hard to watch",
    "The nurse helped me get through the night after my operation",
    "I nearly died waiting for an ambulance, the service is a disgrace",
    "I felt like a burden to the staff on the ward because nobody answered the buzzer",
    "I saved up for a new phone",
    "I jumped off the bus at the hospital stop",
    "I've got a shotgun going spare, cash only",
]


@pytest.mark.parametrize(("text", "kind"), OWN_RISK)
def test_each_kind_is_crisis_without_any_listed_phrase(engine: PolicyEngine, text: str,
                                                       kind: str) -> None:
    decision = engine.classify(text, without=frozenset(engine.phrases(text)))
    crisis = [f for f in decision.flags if f.category == "crisis"]
    assert crisis, text
    assert "violence" not in decision.categories


@pytest.mark.parametrize(("text", "kind"), OWN_RISK)
def test_the_kind_is_named_in_the_explanation(engine: PolicyEngine, text: str,
                                              kind: str) -> None:
    decision = engine.classify(text, without=frozenset(engine.phrases(text)))
    assert any(kind in f.explanation for f in decision.flags), (text, decision.flags)


@pytest.mark.parametrize("text", NOT_OWN_RISK)
def test_the_same_words_denied_or_about_something_else_are_not_crisis(engine: PolicyEngine,
                                                                      text: str) -> None:
    assert "crisis" not in engine.classify(text).categories, text
