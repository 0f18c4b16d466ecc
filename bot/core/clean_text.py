"""Text from outside made safe to store: lone surrogates and NUL characters removed.

A post can carry half of an emoji (a lone UTF-16 surrogate, legal in JSON as an escape) or a
NUL. SQLite refuses to encode the first, PostgreSQL refuses the second in text and JSONB, and
either fails the whole page's transaction. Both are cleaned once, where text comes in.
"""

from __future__ import annotations

import json
import re
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar

_BAD = re.compile("[\x00\ud800-\udfff]")
REPLACEMENT = "\ufffd"

T = TypeVar("T")


def clean_str(value: str) -> str:
    """NUL dropped, each lone surrogate replaced by U+FFFD (a surrogate pair never reaches
    Python's str as two halves: JSON decoding joins a valid pair into one character)."""
    if not _BAD.search(value):
        return value
    return _BAD.sub(lambda m: "" if m.group() == "\x00" else REPLACEMENT, value)


def clean_json(value: Any) -> Any:
    """The same for every string (keys too) inside a JSON-like value; the value itself when
    nothing in it needs cleaning."""
    if isinstance(value, str):
        return clean_str(value)
    if isinstance(value, dict | list | tuple) and not _may_need_cleaning(value):
        return value
    return _clean_json(value)


def _may_need_cleaning(value: Any) -> bool:
    """Whether a lone surrogate or a NUL may be inside, read off one C-speed encoding (JSON
    writes a NUL as an escape; anything it cannot encode counts as needing the walk)."""
    try:
        encoded = json.dumps(value, ensure_ascii=False, check_circular=False)
    except (TypeError, ValueError):
        return True
    return "\\u0000" in encoded or bool(_BAD.search(encoded))


def _clean_json(value: Any) -> Any:
    if isinstance(value, str):
        return clean_str(value)
    if isinstance(value, dict):
        return {_clean_json(k): _clean_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_clean_json(v) for v in value)
    return value


def clean_record(obj: T) -> T:
    """A dataclass (a Mention, its Author, its Media) with every string field cleaned."""
    if not is_dataclass(obj) or isinstance(obj, type):
        return obj
    changes: dict[str, Any] = {}
    for f in fields(obj):
        old = getattr(obj, f.name)
        new = clean_record(old) if is_dataclass(old) else (
            tuple(clean_record(x) if is_dataclass(x) else clean_json(x) for x in old)
            if isinstance(old, tuple) else clean_json(old))
        if new is not old and new != old:
            changes[f.name] = new
    return replace(obj, **changes) if changes else obj
