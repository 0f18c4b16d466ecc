"""Complaint and praise kinds read from their grammar, in phrasings written for these tests:
an excess, a denied step of care, a split "let ... down", a request that staff change, a
rhetorical "why wasn't ...?", a fault said of the service; praise that an incidental
negative or a denial inside it must not spoil."""

from __future__ import annotations

import pytest

from policy import PolicyEngine


@pytest.mark.parametrize("text", [
    "The nurses on the night shift were far too busy to answer the buzzer",
    "Nobody explained why the endoscopy was cancelled",
    "The out of hours GP let my elderly mum down",
    "Physio staff should listen to what patients say about their pain",
    "Why wasn't I told the clinic had moved to the other site?",
    "The waiting room in the eye clinic was disgusting",
    "The food on the ward was cold, everything else was fine",
    "The locum in the fracture clinic showed no compassion",
])
def test_a_complaint_told_by_its_grammar_is_a_complaint(engine: PolicyEngine,
                                                        text: str) -> None:
    assert "complaint" in engine.classify(text).categories


@pytest.mark.parametrize("text", [
    "Nurse Bea was too kind to us, thank you",
    "We bought a slow cooker at the hospital summer fair",
    "The physio on Ward 5 let him lie down after the session",
])
def test_the_same_words_without_the_grammar_are_not_a_complaint(engine: PolicyEngine,
                                                                 text: str) -> None:
    assert "complaint" not in engine.classify(text).categories


@pytest.mark.parametrize("text", [
    "The maternity team could have done nothing better for us",
    "I was seen twice in the heart clinic and the staff were brilliant both times",
    "A lovely porter, can't remember his name, made the trip to X-ray easy",
    "There are no words to thank the hospice nurses",
    "We were more than satisfied with the audiology service",
    "The advice from the practice pharmacist was really useful",
])
def test_praise_is_not_spoilt_by_a_negative_that_is_not_about_the_care(
        engine: PolicyEngine, text: str) -> None:
    cats = engine.classify(text).categories
    assert "praise" in cats and "complaint" not in cats
