"""Loading and validating policy.yaml: errors name the file and line; the version is a
content hash; templates and service numbers are data."""

from __future__ import annotations

import hashlib

import pytest

from policy import Policy, PolicyEngine, PolicyError, check_policy, load_policy


def _line_of(text: str, needle: str) -> int:
    return text.splitlines().index(next(ln for ln in text.splitlines() if needle in ln)) + 1


def test_bundled_policy_loads(policy: Policy) -> None:
    assert policy.name
    assert len(policy.rules) >= 40


def test_version_is_a_content_hash(policy_text: str, policy: Policy) -> None:
    assert policy.version == hashlib.sha256(policy_text.encode("utf-8")).hexdigest()[:12]
    edited = load_policy(policy_text.replace("house rules", "house rules!", 1))
    assert edited.version != policy.version


def test_every_decision_records_the_policy_version(engine: PolicyEngine, policy: Policy) -> None:
    assert engine.classify("hello").policy_version == policy.version
    assert engine.classify("you absolute idiot").policy_version == policy.version


def test_bad_severity_names_file_and_line(policy_text: str) -> None:
    line = _line_of(policy_text, "severity: high")
    broken = policy_text.replace("severity: high", "severity: extreme", 1)
    with pytest.raises(PolicyError) as err:
        load_policy(broken, "trust-policy.yaml")
    assert f"trust-policy.yaml:{line}:" in str(err.value)
    assert "extreme" in str(err.value)


def test_yaml_syntax_error_names_the_line(policy_text: str) -> None:
    lines = policy_text.splitlines()
    n = _line_of(policy_text, "clause: No profane or offensive language")
    lines[n - 1] = lines[n - 1] + ": : ["
    problems = check_policy("\n".join(lines), "p.yaml")
    assert problems and problems[0].line in (n, n + 1)
    assert "YAML" in problems[0].message


def test_unknown_placeholder_is_reported_at_its_template(policy_text: str) -> None:
    line = _line_of(policy_text, "  thank_you: >-")
    broken = policy_text.replace("taking the time to share this", "sharing {secret}", 1)
    problems = check_policy(broken, "p.yaml")
    assert [p for p in problems if "{secret}" in p.message and p.line == line], problems


def test_a_title_for_a_template_that_does_not_exist_names_its_line(policy_text: str) -> None:
    broken = policy_text.replace("  pals: Pass to PALS", "  palz: Pass to PALS", 1)
    line = _line_of(broken, "  palz: Pass to PALS")
    problems = check_policy(broken, "p.yaml")
    assert [p for p in problems if "'palz' is not a template" in p.message and p.line == line]


def test_an_x_form_must_shorten_a_template_that_exists(policy_text: str) -> None:
    start = policy_text.index("x_templates:")
    broken = policy_text[:start] + policy_text[start:].replace("  crisis: >-", "  crysis: >-", 1)
    problems = check_policy(broken, "p.yaml")
    assert [p for p in problems if "x_templates: 'crysis' is not a template" in p.message]
    bad = policy_text[:start] + policy_text[start:].replace("More help:", "{secret}", 1)
    assert [p for p in check_policy(bad) if "x_templates.crisis" in p.message
            and "{secret}" in p.message]


def test_templates_are_titled_in_words_and_an_untitled_one_is_named_from_its_id(
        policy_text: str) -> None:
    from policy.loader import load_policy

    policy = load_policy(policy_text)
    assert policy.template_title("crisis") == "Crisis signposting"
    assert set(policy.template_titles) == set(policy.templates)
    untitled = load_policy(policy_text.replace("  thank_you: Thank them\n", "", 1))
    assert untitled.template_title("thank_you") == "Thank you"


def test_several_problems_are_all_reported(policy_text: str) -> None:
    broken = policy_text.replace("action: hide", "action: delete_everything", 2)
    broken = broken.replace("  samaritans: {label", "  samaritanz: {label", 1)
    problems = check_policy(broken, "p.yaml")
    messages = " | ".join(p.message for p in problems)
    assert messages.count("delete_everything") == 2
    assert "missing 'samaritans'" in messages
    assert all(p.line > 0 for p in problems)


def test_missing_category_and_unknown_rule_are_errors(policy_text: str) -> None:
    broken = policy_text.replace("  media_review:\n", "  media_reviewz:\n", 1)
    broken = broken.replace("- id: praise.story", "- id: praise.made_up", 1)
    messages = " | ".join(p.message for p in check_policy(broken))
    assert "unknown category 'media_reviewz'" in messages
    assert "missing category 'media_review'" in messages
    assert "praise.made_up" in messages and "terms" in messages


def test_a_trust_can_add_a_rule_with_terms(policy_text: str) -> None:
    added = policy_text.replace(
        "      - id: advertising.spam\n",
        "      - id: advertising.local_rival\n"
        "        description: Mentions of a rival private clinic's offers.\n"
        "        terms: [harbour clinic offer]\n"
        "        examples:\n"
        "          match: [Try the Harbour Clinic offer instead]\n"
        "          no_match: [Harbour walk today]\n"
        "      - id: advertising.spam\n",
        1,
    )
    engine = PolicyEngine(load_policy(added))
    fired = [f.rule_id for f in engine.classify("try the harbour clinic offer!").flags]
    assert "advertising.local_rival" in fired
    assert engine.classify("try the harbour clinic offer!").categories[0] == "advertising"


def test_a_trust_can_switch_a_rule_off_by_removing_it(policy_text: str) -> None:
    start = policy_text.index("      - id: profanity.mild")
    end = policy_text.index("  violence:\n")
    engine = PolicyEngine(load_policy(policy_text[:start] + "\n" + policy_text[end:]))
    assert engine.classify("the car park is shite").categories == []


def test_templates_render_with_service_numbers(policy: Policy) -> None:
    crisis = policy.render("crisis", name="Sam")
    assert "Sam" in crisis
    assert policy.service_numbers["samaritans"].number in crisis
    assert policy.service_numbers["crisis_line"].number in crisis
    assert "{" not in crisis
    for tid in ("welcome", "private_message", "clinical_advice", "complaints", "pals",
                "thank_you"):
        assert policy.render(tid, name="Sam")
    for cid, cat in policy.categories.items():
        if cat.template:
            assert cat.template in policy.templates, cid


def test_unknown_runtime_placeholder_stays_visible(policy: Policy) -> None:
    assert "{name}" in policy.render("thank_you")


def test_service_numbers_are_configuration(policy: Policy) -> None:
    ids = set(policy.service_numbers)
    assert {"switchboard", "crisis_line", "nhs_111", "samaritans", "emergency"} <= ids
    assert policy.service_numbers["samaritans"].digits == "116123"
