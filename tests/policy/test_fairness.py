"""The fair-criticism posts and rule examples held against an edited policy, by line."""

from __future__ import annotations

from policy import PolicyEngine, bundled_policy_path, load_policy
from policy.fairness import behaviour_problems, fair_criticism
from tests.ingest.test_policy_fairness_reload import waiting_is_abuse


def engine_for(text: str) -> PolicyEngine:
    return PolicyEngine(load_policy(text, "edited.yaml"))


def test_the_bundled_set_is_large_and_the_bundled_policy_passes(engine: PolicyEngine) -> None:
    posts = fair_criticism()
    assert len(posts) >= 80 and len(set(posts)) == len(posts)
    assert behaviour_problems(engine, bundled_policy_path().read_text()) == []


def test_a_word_list_edit_that_removes_fair_criticism_is_named_by_its_line() -> None:
    edited, line = waiting_is_abuse(bundled_policy_path().read_text())
    problems = behaviour_problems(engine_for(edited), edited)
    assert [p.line for p in problems] == [line]
    assert "the term 'waiting' of rule abuse.insult" in problems[0].message
    assert "fair-criticism posts for removal" in problems[0].message


def test_a_broken_example_is_named_by_its_line() -> None:
    text = bundled_policy_path().read_text()
    example = "            - Go kill yourself\n"
    assert text.count(example) == 1
    edited = text.replace(example, "            - Go and have a lovely day\n")
    line = edited.splitlines().index("            - Go and have a lovely day") + 1
    problems = behaviour_problems(engine_for(edited), edited)
    assert [(p.line, "violence.wish_harm" in p.message, "must match" in p.message)
            for p in problems] == [(line, True, True)]


def test_a_custom_set_of_posts_can_be_checked(engine: PolicyEngine) -> None:
    text = bundled_policy_path().read_text()
    [p] = behaviour_problems(engine, text, fair=("You are a useless idiot",))
    assert "abuse" in p.message
