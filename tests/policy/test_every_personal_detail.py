"""Every personal detail in a post is found and masked, not only the first of each kind, and UK
numbers written with a bracketed area code are phone numbers."""

from __future__ import annotations

import json

import pytest

from bot.core.models import Author
from bot.slack.blocks import build_mention_alert
from policy.categories import PERSONAL_INFO
from policy.engine import PolicyEngine
from tests.slack.factories import view, x_mention
from tests.slack.helpers import section_text


def pi_spans(engine: PolicyEngine, text: str, rule: str) -> list[str]:
    d = engine.classify(text)
    return [text[f.span[0]:f.span[1]] for f in d.flags
            if f.category == PERSONAL_INFO and f.rule_id == rule and f.span]


def test_two_phone_numbers_are_both_found(engine: PolicyEngine) -> None:
    text = "My mum is on 07700 900123 and my dad on 07700 900456, please ring one of them"
    assert pi_spans(engine, text, "personal_info.phone") == ["07700 900123", "07700 900456"]


def test_two_emails_are_both_found(engine: PolicyEngine) -> None:
    text = "write to jo.bloggs@example.com or to her carer sam_k@example.org about it"
    assert pi_spans(engine, text, "personal_info.email") == [
        "jo.bloggs@example.com", "sam_k@example.org"]


def test_two_nhs_numbers_are_both_found(engine: PolicyEngine) -> None:
    # 943 476 5919 and 401 023 2137 pass the modulus-11 check.
    text = "my NHS number is 943 476 5919 and my brother's NHS number is 401 023 2137"
    assert pi_spans(engine, text, "personal_info.nhs_number") == ["943 476 5919",
                                                                  "401 023 2137"]


@pytest.mark.parametrize("number", [
    "(01473) 555123", "(0161) 234 5678", "(07912) 345678", "(020) 7946 0958",
    "(01508)421422", "(01632) 960 001", "(0113) 496 0000", "(01473)-555123",
    "+44 (0)7912 345678", "(0)7912 345678",
])
def test_bracketed_area_codes_are_phone_numbers(engine: PolicyEngine, number: str) -> None:
    text = f"please call my sister on {number} tonight"
    assert pi_spans(engine, text, "personal_info.phone") == [number]


def test_the_trusts_own_number_in_brackets_is_not_personal(engine: PolicyEngine) -> None:
    assert pi_spans(engine, "ring the switchboard on (01603) 421421", "personal_info.phone") == []


@pytest.mark.parametrize("text", [
    "(10 minutes) 12345 steps today", "we waited (2023) 1234567 times", "the (0800) freephone",
    "ring 116 123 (Samaritans) any time",
])
def test_brackets_around_other_numbers_are_not_phones(engine: PolicyEngine, text: str) -> None:
    assert pi_spans(engine, text, "personal_info.phone") == []


def test_alert_masks_every_detail_and_lists_each_masked(engine: PolicyEngine) -> None:
    text = ("ring (01473) 555123 or 07700 900456, email a.b@example.com or c.d@example.com, "
            "NHS number 943 476 5919 and NHS number 401 023 2137")
    decision = engine.classify(text)
    message = build_mention_alert(view(x_mention(text=text, author=Author(id="1", handle="a")),
                                       decision))
    dumped = json.dumps(message, ensure_ascii=False)
    for value in ("555123", "900456", "a.b@example.com", "c.d@example.com", "476 5919",
                  "023 2137"):
        assert value not in dumped, value
    body = section_text(message, "fw_post")
    assert body.count("[phone number hidden]") == 2
    assert body.count("[email address hidden]") == 2
    assert body.count("[NHS number hidden]") == 2
    flags = section_text(message, "fw_flags")
    assert flags.count("“[phone number hidden]”") == 2
    assert flags.count("“[email address hidden]”") == 2
    assert flags.count("“[NHS number hidden]”") == 2
