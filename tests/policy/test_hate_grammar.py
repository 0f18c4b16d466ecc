"""Hate read from sentence shape (policy/detectors/hate_grammar.py): every docstring example
holds through the engine, groups are known by the form of their name, and counter-speech,
negation and a person's own distress stay unflagged."""

from __future__ import annotations

import pytest

from policy import PolicyEngine
from policy.detectors import hate, hate_grammar


def test_every_grammar_rule_is_a_hate_rule() -> None:
    # Their docstring examples run with every other rule's, in test_rule_functions.py.
    assert set(hate_grammar.RULES) <= set(hate.RULES)


def _hate(engine: PolicyEngine, text: str) -> bool:
    return any(f.category == "hate" for f in engine.classify(text).flags)


@pytest.mark.parametrize("text", [
    "Eritreans are not even human, every one of them",   # a people no list names
    "the tanzanians on our street are all worthless",  # in lower case
    "Heterosexuals are a disease on this country",      # an orientation by its ending
    "Guatemalan women are brainless, the lot of them",  # adjective + people noun
    "People with epilepsy should be banned from our hospital",  # defined by a condition
    "Their religion is a plague on this country",      # a trait named as theirs
    "Keep your brainless, backward god out of our schools",  # a faith scorned
    "He only prays to his stupid god",                 # scorned with any possessive
    "Exterminate them all, every last one",            # a whole group said with a pronoun
    "We need to deport every one of them",
    "Swim back to your homelands",                    # sent back to "your" country
])
def test_groups_known_by_form(engine: PolicyEngine, text: str) -> None:
    assert _hate(engine, text), text


@pytest.mark.parametrize("text", [
    "The clinicians on the ward are useless at answering the phone",
    "Dieticians are never available at weekends",
    "The scans were useless because the machine was broken",
    "Websites for booking appointments are useless",
    "People with appointments are ignored at reception",
    "Our Eritrean nurse, Selam, was wonderful with my dad",
    "Eritreans are not criminals, they are our neighbours",
    "It is racist to say Eritreans should be deported",
    "No one should say Guatemalan women are brainless",
    "Eritrean patients were treated like animals on that ward and I want answers",
    "The chaplain respected their religion and was so kind to my mum",
    "Bikers and all people with this opinion are idiots",
    "She said her faith got her through an awful week on the ward",
    "Thank god the nurse came, the wait was awful",
    "The infection would kill them all if the ward stayed open",
    "They sent every one of them back to the GP without a scan",
    "The physio let me go back to my own chair",
    "My dad was told to go back to his own country by another patient and staff did nothing",
])
def test_fair_posts_and_counter_speech_are_not_hate(engine: PolicyEngine, text: str) -> None:
    assert not _hate(engine, text), text


def test_own_distress_is_never_hate(engine: PolicyEngine) -> None:
    text = ("I have been so depressed since the ward discharged me, I keep thinking I should "
            "die and be wiped out of everyone's life, I cannot sleep and my anxiety is awful, "
            "I feel like nobody cares and I am scared I will hurt myself tonight")
    d = engine.classify(text)
    assert not any(f.category in ("hate", "violence") for f in d.flags), d.flags
