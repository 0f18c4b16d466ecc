"""Look-alike letters from Unicode's confusables data (UTS #39), as shipped in the
`confusable_homoglyphs` package (its confusables.json, generated from confusables.txt; read
once at import, never fetched).

The data maps each character to the characters it can be mistaken for. From it we keep, for
every non-ASCII letter, the ASCII letters it imitates (Cyrillic "а" -> "a", Greek "ο" -> "o",
mathematical "𝐚" -> "a"). Letters that look like a capital (Cyrillic "в" looks like "B" in
small capitals) are taken through their capital. A few folds that are not look-alikes but are
how people type these letters without them (ß -> ss, ł -> l) and typographic punctuation are
added, since confusables does not cover them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from importlib import resources

# Not confusables, but the usual plain spelling of these letters and marks.
_FOLDS: dict[str, str] = {
    "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i", "ħ": "h", "ŧ": "t", "ƀ": "b",
    "’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
    "–": "-", "—": "-", "…": ".",
    # Confusables pairs small palochka with "i", but in posts it stands in for "l" ("kiӏӏ"),
    # as its capital does in the data.
    "ӏ": "l",
}
_SMALL_CAPITAL = re.compile(r"^LATIN LETTER SMALL CAPITAL ([A-Z])$")


def _ascii_letters(targets: list[dict[str, str]]) -> str | None:
    for t in targets:
        c = t.get("c", "")
        if c.isascii() and c.isalpha() and len(c) <= 3:
            return c.lower()
    return None


def look_alike_table() -> dict[int, str]:
    """str.translate table: non-ASCII letter (lower case) -> the ASCII letters it imitates."""
    data = json.loads(resources.files("confusable_homoglyphs").joinpath("confusables.json")
                      .read_text(encoding="utf-8"))
    table: dict[int, str] = {}
    for ch, targets in data.items():
        if len(ch) != 1 or ch.isascii() or unicodedata.category(ch)[0] not in ("L", "N"):
            continue
        low = ch.lower()
        if len(low) != 1 or ord(low) in table:
            continue
        plain = _ascii_letters(data.get(low, targets)) or _ascii_letters(targets)
        if plain is None and ch.upper() != ch and len(ch.upper()) == 1:
            plain = _ascii_letters(data.get(ch.upper(), []))
        if plain is not None:
            table[ord(low)] = plain
    # "ᴋɪʟʟ" from small-capital text generators: confusables maps only some of them.
    for code in range(0x1D00, 0x1D2C):
        m = _SMALL_CAPITAL.match(unicodedata.name(chr(code), ""))
        if m:
            table.setdefault(code, m.group(1).lower())
    for ch in "ʀʙɢʜɪʟɴʏ":
        m = _SMALL_CAPITAL.match(unicodedata.name(ch, ""))
        if m:
            table.setdefault(ord(ch), m.group(1).lower())
    table.update({ord(k): v for k, v in _FOLDS.items()})
    return table
