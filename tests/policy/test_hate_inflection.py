"""Hate written in another form of a listed word: a group named by the plural of its
adjective, a hostile adjective at its strongest, a call to kill in another tense or spelling;
with fair posts that use the same endings."""

from __future__ import annotations

import pytest

from policy import PolicyEngine
from policy.inflection import PLURAL, SPELLING, VERB, base_forms, inflected


def _hate(engine: PolicyEngine, text: str) -> bool:
    return any(f.category == "hate" for f in engine.classify(text).flags)


def test_base_forms() -> None:
    assert ("autistic", PLURAL) in base_forms("autistics")
    assert ("negro", PLURAL) in base_forms("negroes")
    assert ("dirty", "degree") in base_forms("dirtiest")
    assert ("cleanse", VERB) in base_forms("cleansing")
    assert ("sterilise", SPELLING) in base_forms("sterilize")
    assert base_forms("cat") == []


def test_inflected_leaves_what_is_listed_and_what_is_left_out() -> None:
    singles = {"GADJ:race": frozenset({"moldovan"}), "NEG": frozenset({"dirty"})}
    toks = ["moldovans", "are", "the", "dirtiest"]
    add, bases = inflected(toks, singles, {})
    assert add == {"G:race": [(0, 1)], "NEG": [(3, 4)]}
    assert bases == {"moldovan", "dirty"}
    assert inflected(toks, singles, {}, frozenset({"dirty"}))[0] == {"G:race": [(0, 1)]}
    assert inflected(toks, singles, {"G:race": [(0, 1)]})[0] == {"NEG": [(3, 4)]}


@pytest.mark.parametrize("text", [
    "The schizophrenics on Ward 4 are the dirtiest people I have met",
    "Bipolars are not even human",
    "Somalis should all be sterilized",
    "What this town needs is a cleansing of the Muslims",
])
def test_inflected_hate(engine: PolicyEngine, text: str) -> None:
    assert _hate(engine, text), text


@pytest.mark.parametrize("text", [
    "The nurse said the blinds on Ward 4 were the dirtiest she had seen",
    "The cleaner was cleansing the whole ward after the outbreak",
    "The instruments are sterilized before every clinic",
    "Our Somali interpreter was the kindest person on the team",
])
def test_fair_posts_with_the_same_endings(engine: PolicyEngine, text: str) -> None:
    assert not _hate(engine, text), text
