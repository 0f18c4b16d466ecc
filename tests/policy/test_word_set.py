"""The English word list is held as hashes to keep the bot small: it must still answer exactly
as a set of the words would."""

from __future__ import annotations

import pickle

import pytest

from policy.lexicon.common import COMMON_WORDS
from policy.lexicon.english import WordSet, english_checker, load_english


def test_a_word_set_answers_as_a_set_of_its_words() -> None:
    words = WordSet([["ward", "nurse"], ["nurse", "discharge"]])
    assert len(words) == 3
    assert {w for w in ("ward", "nurse", "discharge", "wards", "Nurse", "", "idiot")
            if w in words} == {"ward", "nurse", "discharge"}
    assert 42 not in words


def test_the_english_list_holds_the_dictionary_and_our_own_words() -> None:
    english = load_english()
    assert all(w in english for w in COMMON_WORDS)
    is_english = english_checker(english)
    assert all(is_english(w) for w in ("cuts", "picks", "appointment", "waited", "kindly"))
    assert not any(is_english(w) for w in ("idi0t", "fcuk", "xqzvw"))


def test_a_word_set_does_not_travel_to_another_process() -> None:
    with pytest.raises(TypeError, match="cannot leave its process"):
        pickle.dumps(WordSet([["ward"]]))
