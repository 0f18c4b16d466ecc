"""Check a Slack message payload against Block Kit's limits, before Slack refuses it.

slack_sdk checks some limits when a block is built but not all (not the 50-block cap, not empty
text, not encodability), and the fake Slack has to refuse what real Slack refuses. This works on
plain dicts, so it checks exactly what goes over the wire.
"""

from __future__ import annotations

from typing import Any

MAX_BLOCKS = 50
MAX_FALLBACK_TEXT = 4000  # Slack truncates longer top-level text; we never need more
SECTION_TEXT = 3000
SECTION_FIELDS = 10
SECTION_FIELD_TEXT = 2000
HEADER_TEXT = 150
CONTEXT_ELEMENTS = 10
ACTIONS_ELEMENTS = 25
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
BUTTON_URL = 3000
ACTION_ID = 255
BLOCK_ID = 255
IMAGE_URL = 3000
IMAGE_ALT = 2000
OVERFLOW_OPTIONS = 5
OPTION_TEXT = 75
OPTION_VALUE = 150
ACCESSIBILITY_LABEL = 75
CONFIRM_LIMITS = {"title": 100, "text": 300, "confirm": 30, "deny": 30}
# Block types Slack accepts in messages; only the ones feedwatch builds are checked in depth.
KNOWN_BLOCKS = frozenset(
    {"section", "header", "context", "actions", "divider", "image", "rich_text", "file",
     "video", "markdown", "table", "input"}
)


def _type_of(obj: Any) -> Any:
    return obj.get("type") if isinstance(obj, dict) else None


def _text(obj: Any, where: str, limit: int, problems: list[str]) -> None:
    if not isinstance(obj, dict) or obj.get("type") not in ("plain_text", "mrkdwn"):
        problems.append(f"{where}: not a text object")
        return
    text = obj.get("text")
    if not isinstance(text, str) or not text:
        problems.append(f"{where}: empty text")
    elif len(text) > limit:
        problems.append(f"{where}: {len(text)} characters, limit {limit}")


def _strings(value: Any, where: str, problems: list[str]) -> None:
    """Every string must encode as UTF-8 (no lone surrogates) and carry no NUL."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            problems.append(f"{where}: not encodable as UTF-8")
        if "\x00" in value:
            problems.append(f"{where}: contains a NUL character")
    elif isinstance(value, dict):
        for key, item in value.items():
            _strings(item, f"{where}.{key}", problems)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _strings(item, f"{where}[{i}]", problems)


def _button(el: dict[str, Any], where: str, problems: list[str]) -> None:
    _text(el.get("text"), f"{where}.text", BUTTON_TEXT, problems)
    if _type_of(el.get("text")) != "plain_text":
        problems.append(f"{where}.text: buttons take plain_text")
    if len(str(el.get("value", ""))) > BUTTON_VALUE:
        problems.append(f"{where}.value: longer than {BUTTON_VALUE}")
    if len(str(el.get("url", ""))) > BUTTON_URL:
        problems.append(f"{where}.url: longer than {BUTTON_URL}")
    if len(str(el.get("accessibility_label", ""))) > ACCESSIBILITY_LABEL:
        problems.append(f"{where}.accessibility_label: longer than {ACCESSIBILITY_LABEL}")
    _confirm(el, where, problems)


def _confirm(el: dict[str, Any], where: str, problems: list[str]) -> None:
    confirm = el.get("confirm")
    if isinstance(confirm, dict):
        for key, limit in CONFIRM_LIMITS.items():
            _text(confirm.get(key), f"{where}.confirm.{key}", limit, problems)


def _overflow(el: dict[str, Any], where: str, problems: list[str]) -> None:
    options = el.get("options") or []
    if not 1 <= len(options) <= OVERFLOW_OPTIONS:
        problems.append(f"{where}.options: {len(options)}, need 1 to {OVERFLOW_OPTIONS}")
    for i, option in enumerate(options):
        _text(option.get("text"), f"{where}.options[{i}].text", OPTION_TEXT, problems)
        if len(str(option.get("value", ""))) > OPTION_VALUE:
            problems.append(f"{where}.options[{i}].value: longer than {OPTION_VALUE}")
    _confirm(el, where, problems)


def _block(block: dict[str, Any], where: str, problems: list[str], seen: set[str]) -> None:
    kind = block.get("type")
    if kind not in KNOWN_BLOCKS:
        problems.append(f"{where}: unexpected block type {kind!r}")
        return
    if len(str(block.get("block_id", ""))) > BLOCK_ID:
        problems.append(f"{where}.block_id: longer than {BLOCK_ID}")
    if kind == "section":
        if "text" not in block and "fields" not in block:
            problems.append(f"{where}: section without text or fields")
        if "text" in block:
            _text(block["text"], f"{where}.text", SECTION_TEXT, problems)
        fields = block.get("fields", [])
        if len(fields) > SECTION_FIELDS:
            problems.append(f"{where}.fields: more than {SECTION_FIELDS}")
        for i, field in enumerate(fields):
            _text(field, f"{where}.fields[{i}]", SECTION_FIELD_TEXT, problems)
        if _type_of(block.get("accessory")) == "overflow":
            _overflow(block["accessory"], f"{where}.accessory", problems)
    elif kind == "header":
        _text(block.get("text"), f"{where}.text", HEADER_TEXT, problems)
        if _type_of(block.get("text")) != "plain_text":
            problems.append(f"{where}.text: headers take plain_text")
    elif kind == "context":
        elements = block.get("elements", [])
        if not elements or len(elements) > CONTEXT_ELEMENTS:
            problems.append(f"{where}.elements: {len(elements)}, need 1 to {CONTEXT_ELEMENTS}")
        for i, el in enumerate(elements):
            _text(el, f"{where}.elements[{i}]", SECTION_TEXT, problems)
    elif kind == "actions":
        elements = block.get("elements", [])
        if not elements or len(elements) > ACTIONS_ELEMENTS:
            problems.append(f"{where}.elements: {len(elements)}, need 1 to {ACTIONS_ELEMENTS}")
        for i, el in enumerate(elements):
            if not isinstance(el, dict):
                problems.append(f"{where}.elements[{i}]: not an object")
                continue
            action_id = str(el.get("action_id", ""))
            if not action_id or len(action_id) > ACTION_ID:
                problems.append(f"{where}.elements[{i}].action_id: empty or too long")
            elif action_id in seen:
                problems.append(f"{where}.elements[{i}].action_id: duplicate {action_id!r}")
            seen.add(action_id)
            if _type_of(el) == "button":
                _button(el, f"{where}.elements[{i}]", problems)
            elif _type_of(el) == "overflow":
                _overflow(el, f"{where}.elements[{i}]", problems)
    elif kind == "image":
        url, alt = str(block.get("image_url", "")), str(block.get("alt_text", ""))
        if not url or len(url) > IMAGE_URL:
            problems.append(f"{where}.image_url: empty or longer than {IMAGE_URL}")
        if not alt or len(alt) > IMAGE_ALT:
            problems.append(f"{where}.alt_text: empty or longer than {IMAGE_ALT}")


def validate_blocks(message: dict[str, Any]) -> list[str]:
    """Every way `message` ({"text", "blocks"}) breaks Block Kit limits; empty when it is fine."""
    problems: list[str] = []
    text = message.get("text")
    if not isinstance(text, str) or not text.strip():
        problems.append("text: a top-level fallback text is required")
    elif len(text) > MAX_FALLBACK_TEXT:
        problems.append(f"text: {len(text)} characters, keep under {MAX_FALLBACK_TEXT}")
    blocks = message.get("blocks", [])
    if not isinstance(blocks, list):
        return [*problems, "blocks: not a list"]
    if len(blocks) > MAX_BLOCKS:
        problems.append(f"blocks: {len(blocks)} blocks, limit {MAX_BLOCKS}")
    seen: set[str] = set()
    for i, block in enumerate(blocks):
        if not isinstance(block, dict):
            problems.append(f"blocks[{i}]: not an object")
            continue
        _block(block, f"blocks[{i}]", problems, seen)
    _strings(message, "message", problems)
    return problems
