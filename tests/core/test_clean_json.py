"""clean_json hands back the very value when nothing needs cleaning (a burst of clean
payloads is not copied), and still cleans every string, keys included, when one does."""

from __future__ import annotations

from datetime import datetime

from bot.core.clean_text import REPLACEMENT, clean_json


def test_clean_value_is_returned_unchanged_and_uncopied() -> None:
    raw = {"data": [{"id": "1", "text": "hello 👋 café", "n": 3}], "meta": None}
    assert clean_json(raw) is raw
    typed = {"text": "an escape typed out: \\u0000"}  # walked, to be sure, and kept
    assert clean_json(typed) == typed


def test_nul_and_lone_surrogates_are_cleaned_deep_inside() -> None:
    raw = {"data": [{"text": "a\x00b", "alt": ("half \ud83d emoji",)}], "k\x00ey": 1}
    out = clean_json(raw)
    assert out == {"data": [{"text": "ab", "alt": (f"half {REPLACEMENT} emoji",)}], "key": 1}
    assert raw["data"][0]["text"] == "a\x00b"  # the input is left as it was


def test_values_json_cannot_encode_are_still_walked() -> None:
    when = datetime(2026, 12, 3)
    out = clean_json({"at": when, "text": "x\x00y", (1, 2): "pair key"})
    assert out == {"at": when, "text": "xy", (1, 2): "pair key"}
