"""Whose act it is: a relative as the subject of the sentence is not the writer in crisis."""

from __future__ import annotations

from policy import PolicyEngine


def test_a_relatives_licensed_gun_is_neither_crisis_nor_weapons(engine: PolicyEngine) -> None:
    decision = engine.classify("My son bought a gun licence for clay shooting")
    assert not {"crisis", "weapons"} & set(decision.categories)


def test_the_writer_buying_a_gun_is_still_crisis(engine: PolicyEngine) -> None:
    decision = engine.classify("I bought a gun last week and nothing matters any more")
    assert "crisis" in decision.categories


def test_the_writer_speaking_after_naming_a_relative_is_still_the_writer(
        engine: PolicyEngine) -> None:
    decision = engine.classify("Since my mum died I bought a gun and I keep looking at it")
    assert "crisis" in decision.categories
