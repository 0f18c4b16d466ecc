"""validate_blocks refuses what Slack refuses (so the fake Slack and these tests can trust it)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from bot.slack.blocks import build_mention_alert, validate_blocks
from tests.slack.factories import fb_item, view


def _good() -> dict[str, Any]:
    return build_mention_alert(view(fb_item()))


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _button(**changes: Any) -> dict[str, Any]:
    el = {"type": "button", "action_id": "a", "value": "1",
          "text": {"type": "plain_text", "text": "Go"}}
    el.update(changes)
    return el


def _menu(n: int, label: str = "Claim") -> dict[str, Any]:
    return {"type": "overflow", "action_id": "m", "options": [
        {"text": {"type": "plain_text", "text": label}, "value": f"fw.claim|{i}"}
        for i in range(n)]}


def test_a_real_alert_passes() -> None:
    assert validate_blocks(_good()) == []


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ({"blocks": []}, "text: a top-level fallback text is required"),
        ({"text": " ", "blocks": []}, "text: a top-level fallback text is required"),
        ({"text": "x" * 4001, "blocks": []}, "text: 4001 characters"),
        ({"text": "t", "blocks": [_section("x")] * 51}, "blocks: 51 blocks, limit 50"),
        ({"text": "t", "blocks": [_section("x" * 3001)]}, "3001 characters, limit 3000"),
        ({"text": "t", "blocks": [_section("")]}, "blocks[0].text: empty text"),
        ({"text": "t", "blocks": [{"type": "section"}]}, "section without text or fields"),
        ({"text": "t", "blocks": [{"type": "header", "text": {"type": "plain_text",
                                                              "text": "h" * 151}}]},
         "151 characters, limit 150"),
        ({"text": "t", "blocks": [{"type": "header", "text": {"type": "mrkdwn", "text": "h"}}]},
         "headers take plain_text"),
        ({"text": "t", "blocks": [{"type": "actions", "elements": [_button(value="v" * 2001)]}]},
         "value: longer than 2000"),
        ({"text": "t", "blocks": [{"type": "actions", "elements": [
            _button(text={"type": "plain_text", "text": "b" * 76})]}]}, "76 characters, limit 75"),
        ({"text": "t", "blocks": [{"type": "actions", "elements": [_button(action_id="a" * 256)]}]},
         "action_id: empty or too long"),
        ({"text": "t", "blocks": [{"type": "actions", "elements": [_button(), _button()]}]},
         "duplicate 'a'"),
        ({"text": "t", "blocks": [{"type": "actions", "elements": [
            _button(action_id=str(i)) for i in range(26)]}]}, "elements: 26, need 1 to 25"),
        ({"text": "t", "blocks": [{"type": "image", "image_url": "https://x/i.png",
                                   "alt_text": ""}]}, "alt_text: empty"),
        ({"text": "t", "blocks": [{"type": "context", "elements": []}]}, "elements: 0"),
        ({"text": "t", "blocks": [{"type": "sectoin"}]}, "unexpected block type 'sectoin'"),
        ({"text": "t", "blocks": [_section("a\ud800")]}, "not encodable as UTF-8"),
        ({"text": "t\x00", "blocks": []}, "contains a NUL character"),
        ({"text": "t", "blocks": {}}, "blocks: not a list"),
        ({"text": "t", "blocks": [{"type": "actions", "elements": [
            _button(accessibility_label="a" * 76)]}]}, "accessibility_label: longer than 75"),
        ({"text": "t", "blocks": [{"type": "actions", "elements": [_menu(6)]}]},
         "options: 6, need 1 to 5"),
        ({"text": "t", "blocks": [{"type": "actions", "elements": [_menu(0)]}]},
         "options: 0, need 1 to 5"),
        ({"text": "t", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "x"},
                                   "accessory": _menu(1, "o" * 76)}]},
         "accessory.options[0].text: 76 characters, limit 75"),
    ],
)
def test_each_limit_is_caught(message: dict[str, Any], problem: str) -> None:
    problems = validate_blocks(message)
    assert any(problem in p for p in problems), problems


def test_confirm_dialog_limits_are_checked() -> None:
    message = copy.deepcopy(_good())
    for block in message["blocks"]:
        for el in block.get("elements", []):
            if "confirm" in el:
                el["confirm"]["confirm"]["text"] = "c" * 31
    assert any(".confirm.confirm: 31 characters" in p for p in validate_blocks(message))
