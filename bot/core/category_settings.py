"""Settings that name policy categories: which ones are urgent out of hours, and which channel
each may go to. Parsed here so Settings can validate them at start-up (bot/core/config.py) and
routing can use them (bot/office/routing.py)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from policy import categories as c

CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{2,}$")


def parse_categories(text: str) -> frozenset[str]:
    """'crisis,violence' -> the category ids, refusing unknown ones."""
    out = {p.strip().lower() for p in text.split(",") if p.strip()}
    unknown = sorted(out - set(c.ALL_CATEGORIES))
    if unknown:
        raise ValueError(f"unknown categories {unknown}; known: {', '.join(c.ALL_CATEGORIES)}")
    return frozenset(out)


def check_category_channels(mapping: Mapping[str, str]) -> dict[str, str]:
    out = {}
    for cat, channel in mapping.items():
        key = str(cat).strip().lower()
        if key not in c.ALL_CATEGORIES:
            raise ValueError(f"unknown category {cat!r}")
        if not CHANNEL_ID.match(str(channel)):
            raise ValueError(f"{cat}: {channel!r} is not a channel id (C… or G…)")
        out[key] = str(channel)
    return out
