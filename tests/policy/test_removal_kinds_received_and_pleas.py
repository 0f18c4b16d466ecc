"""Kinds of speech near the illegal, sexual, defamation and financial-gain rules: an offer the
poster was sent and passes on, a café's emoji menu, a tribunal's finding, a plea to pay into
the poster's own bank app. Each kind is read by its construction, so new phrasings of it are
judged the same way."""

from __future__ import annotations

import pytest

from policy import PolicyEngine

# (text, category it must carry)
FLAGGED = [
    ("Selling nitrous canisters and balloons, Ipswich, tonight only", "illegal"),
    ("Shoplifting to order, tell me what you want from the chemist", "illegal"),
    ("anyone know a dealer near the Julian Hospital?", "illegal"),
    ("Looking for a fuck buddy, discreet, Norwich area", "sexual"),
    ("That receptionist has an arse I would love to grab", "sexual"),
    ("Dr Jones was drunk during my daughter's surgery", "defamation"),
    ("Gas bill due, anyone who can help please transfer to my Monzo", "financial_gain"),
]

# (text, category it must not carry)
NOT_FLAGGED = [
    ("Got a message offering me a fake sick note for £25, is this a scam?", "illegal"),
    ("A man tried to sell me a stolen bike outside the hospital, I walked off", "illegal"),
    ("Lunch menu at the hospital café today 🍃 vegan soup available", "illegal"),
    ("Teenagers are selling weed for older dealers round here, police need to do more", "illegal"),
    ("Just finished Breaking Bad, the way Walter White sells meth is brilliant telly", "illegal"),
    ("We fucked up the rota this week, sorry everyone", "sexual"),
    ("I would love to bring my dad clean underwear, he is in the same clothes", "sexual"),
    ("Former nurse struck off for taking patients' money, the tribunal found", "defamation"),
    ("My sister Amy got hammered after her surgery went well, celebrating", "defamation"),
    ("Can the trust send my travel refund to my Monzo?", "financial_gain"),
    ("Please send the forms to my account manager at the council", "financial_gain"),
]


@pytest.mark.parametrize(("text", "category"), FLAGGED)
def test_kind_is_flagged(engine: PolicyEngine, text: str, category: str) -> None:
    assert category in {f.category for f in engine.classify(text).flags}


@pytest.mark.parametrize(("text", "category"), NOT_FLAGGED)
def test_near_miss_is_not_flagged(engine: PolicyEngine, text: str, category: str) -> None:
    assert category not in {f.category for f in engine.classify(text).flags}
