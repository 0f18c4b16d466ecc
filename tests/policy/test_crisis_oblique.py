"""Crisis said obliquely, read by grammar: meaning to admit oneself, suicide too hard to tell,
hoping to be killed, help asked beside suicide, hoping to survive as another did. Each is
crisis in wordings of our own with every listed phrase taken out, goes to a person (never
violence, never removal), and the same words about something else are not crisis."""

from __future__ import annotations

import pytest

from policy import PolicyEngine

OWN_RISK = [
    ("I'm thinking of checking myself in tonight, things are bad", "meaning to admit oneself"),
    ("I might admit myself to the psych ward tomorrow", "meaning to admit oneself"),
    ("Honestly I'm considering checking myself in again", "meaning to admit oneself"),
    ("I have never known how to talk to my mum about suicide", "suicide too hard to tell"),
    ("I'm scared to bring it up with my GP, or to speak to him about the suicide thing",
     "suicide too hard to tell"),
    ("I hope I get hit by a bus on the way to work", "hoping to be killed"),
    ("When the war started I was glad because I would sign up and get killed",
     "hoping to be killed"),
    ("I came here for help, not for you to tell me you have more reason to kill yourself",
     "help asked beside suicide"),
    ("So glad you didn't kill yourself, it gives me hope that I can make it too",
     "hoping to survive too"),
]

NOT_OWN_RISK = [
    "I checked myself in at the front desk and the nurse was kind",
    "I checked myself into a hotel for the night near the hospital",
    "I admitted myself to the ward in May and the staff were lovely",
    "I never know how to talk to my kids about their uncle's suicide",
    "I find it hard to talk to my students about suicide prevention",
    "I hope I don't get hit by a car on this road, the crossing needs a light",
    "I'm glad I didn't get hit by the car in the car park",
    "I was excited to get my flu shot at the surgery",
    "I came here for help with my blocked drain",
    "I hope I can make it to the party too",
    "I need help, this commute will kill me",
]

# A wish that others be killed is a threat, never the writer's crisis (crisis would take the
# violence flag's place).
THREATS = [
    "I wish all the protesters would be shot in the street",
    "I love watching those heretics get killed, ha",
]


@pytest.mark.parametrize(("text", "kind"), OWN_RISK)
def test_each_kind_is_crisis_without_any_listed_phrase(engine: PolicyEngine, text: str,
                                                       kind: str) -> None:
    decision = engine.classify(text, without=frozenset(engine.phrases(text)))
    assert "crisis" in decision.categories, text
    assert any(kind in f.explanation for f in decision.flags), (text, decision.flags)


@pytest.mark.parametrize(("text", "kind"), OWN_RISK)
def test_oblique_crisis_is_never_violence_or_removal(engine: PolicyEngine, text: str,
                                                     kind: str) -> None:
    categories = engine.classify(text).categories
    assert "crisis" in categories
    assert not {"violence", "abuse", "hate", "profanity"} & set(categories), (text, categories)


@pytest.mark.parametrize("text", NOT_OWN_RISK)
def test_the_same_words_about_something_else_are_not_crisis(engine: PolicyEngine,
                                                            text: str) -> None:
    assert "crisis" not in engine.classify(text).categories, text


def test_help_asked_for_someone_else_is_their_risk_not_the_writers(engine: PolicyEngine) -> None:
    flags = engine.classify("I need help, my brother is suicidal").flags
    assert [f.rule_id for f in flags if f.category == "crisis"] == ["crisis.risk_to_others"]


@pytest.mark.parametrize("text", THREATS)
def test_hoping_others_are_killed_is_not_the_writers_crisis(engine: PolicyEngine,
                                                            text: str) -> None:
    assert "hoping to be killed" not in " ".join(f.explanation
                                                 for f in engine.classify(text).flags), text
