"""Word lists as data files: validated with file:line errors, extendable by the trust in
policy.yaml except the lists safety depends on."""

from __future__ import annotations

from importlib import resources

import pytest

from policy import PolicyEngine, check_policy, load_policy
from policy.detectors import WORD_LISTS
from policy.wordlists import WordListError, parse_list, words


def test_every_packaged_list_loads() -> None:
    names = [p.name[:-4] for p in resources.files("policy.lexicon.lists").iterdir()
             if p.name.endswith(".txt")]
    assert len(names) >= 40
    for name in names:
        assert len(words(name)) > 0


def test_a_repeated_entry_names_its_file_and_line() -> None:
    with pytest.raises(WordListError, match=r"policy/lexicon/lists/demo\.txt:4: 'knives' "
                                            r"repeats line 2"):
        parse_list("demo", "# demo\nknives\n\nknives\n")


def test_an_entry_without_words_names_its_line() -> None:
    with pytest.raises(WordListError, match=r"demo\.txt:2: '£' has no words"):
        parse_list("demo", "gun\n£\n")


def test_entries_keep_their_line_numbers() -> None:
    wl = parse_list("demo", "# about\n\ngun  # a comment\nrifle\n")
    assert tuple(wl) == ("gun", "rifle")
    assert wl.where("rifle") == "policy/lexicon/lists/demo.txt:4"
    assert wl.description == "about"


def _with_edits(policy_text: str, block: str) -> str:
    return policy_text.replace("\ntemplates:\n", f"\nword_lists:\n{block}\ntemplates:\n", 1)


def test_the_trust_extends_and_trims_a_list(policy_text: str) -> None:
    text = "Selling a flamethrower, dm me"
    base = PolicyEngine(load_policy(policy_text))
    assert "weapons.trade" not in [f.rule_id for f in base.classify(text).flags]
    edited = load_policy(_with_edits(policy_text, "  weapons:\n    add: [flamethrower]\n"))
    assert edited.word_lists == {"weapons": (("flamethrower",), ())}
    assert "weapons.trade" in [f.rule_id for f in PolicyEngine(edited).classify(text).flags]
    trimmed = load_policy(_with_edits(policy_text, "  weapons:\n    remove: [machete]\n"))
    post = "Selling a machete, dm me"
    assert "weapons.trade" in [f.rule_id for f in base.classify(post).flags]
    assert "weapons.trade" not in [f.rule_id for f in PolicyEngine(trimmed).classify(post).flags]


def test_safety_lists_and_unknown_lists_are_refused_with_their_line(policy_text: str) -> None:
    assert not WORD_LISTS["mental_health_context"].extendable
    text = _with_edits(policy_text, "  mental_health_context:\n    remove: [suicidal]\n"
                                    "  no_such_list:\n    add: [x]\n"
                                    "  weapons:\n    remove: [not on the list]\n")
    problems = check_policy(text, "p.yaml")
    line = text.splitlines().index("  mental_health_context:") + 1
    messages = {p.line: p.message for p in problems}
    assert "not extendable" in messages[line]
    assert "not a word list" in messages[line + 2]
    assert "'not on the list' is not in policy/lexicon/lists/weapons.txt" in messages[line + 5]


def test_a_symbol_the_matcher_would_ignore_is_refused() -> None:
    with pytest.raises(WordListError, match=r"demo\.txt:1: 'earn £': '£' is not a word"):
        parse_list("demo", "earn £\n")
