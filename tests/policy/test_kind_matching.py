"""The matcher behind crisis speech: slots are compiled by first word for speed, and that
must never change which choice matches (the first listed that fits, softeners skipped, the
end of a clause or any word where a slot allows them)."""

from __future__ import annotations

from policy.decision import Context
from policy.detectors.base import Analysis
from policy.detectors.kind_matching import ANY, END, by_first_word, find_kinds
from policy.spelling import Canon
from policy.text import make_doc

KINDS = (
    ("longest listed first", ("i", (("keep", "going", "on"), ("keep", "going")), "now")),
    ("one word each", ("we", ("are", "were"), "lost")),
    ("clause end", ("they", "left", (("me",), (END,)))),
    ("any word", ("off", "the", ANY, "roof")),
    ("end before words", ("she", "went", ((END,), ("home",)))),
)
INDEX = by_first_word(KINDS)


def _kinds(text: str) -> list[tuple[str, str]]:
    canon = Canon(interest=(), maskable=())
    doc = make_doc(text, canon)
    a = Analysis(doc, {}, Context(), None, text)  # type: ignore[arg-type]
    return [(kind, " ".join(doc.tokens[s:e])) for kind, s, e in find_kinds(a, INDEX)]


def test_first_listed_multiword_choice_wins() -> None:
    assert _kinds("I keep going on now") == [("longest listed first", "i keep going on now")]
    assert _kinds("I keep going now") == [("longest listed first", "i keep going now")]
    assert _kinds("I keep on now") == []


def test_single_word_slots_and_softeners() -> None:
    assert _kinds("we really were lost") == [("one word each", "we really were lost")]
    assert _kinds("we was lost") == []


def test_clause_end_and_any_word() -> None:
    assert _kinds("they left.") == [("clause end", "they left")]
    assert _kinds("they left me") == [("clause end", "they left me")]
    assert _kinds("they left early") == []
    assert _kinds("off the hospital roof") == [("any word", "off the hospital roof")]
    assert _kinds("off the , roof") == []


def test_an_earlier_clause_end_choice_is_tried_first() -> None:
    # "$" is listed before "home": at a clause end it matches with no word taken; before
    # "home" the end does not fit, so the word is.
    assert _kinds("she went, and") == [("end before words", "she went")]
    assert _kinds("she went home") == [("end before words", "she went home")]
