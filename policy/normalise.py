"""Normalisation against evasion, keeping a map back to the original text.

People who want to slip past a filter write k1ll, f*ck, s c u m, ｓｃｕｍ, scüm or sсum (with a
Cyrillic letter). Matching runs on a normalised copy of the text; `Normalised.span` maps a span
of that copy back to the original, so the evidence shown to moderators is what was posted.

Only length-preserving steps run on plain ASCII text, so the common case needs no offset table.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from policy.lexicon.confusables import look_alike_table

# Letters that look like Latin ones (Cyrillic, Greek, mathematical, ...), from Unicode's
# confusables data, and symbols used for letters.
_CONFUSABLES = look_alike_table()

# Emoji used in place of words. Each becomes the word, padded with spaces.
EMOJI_WORDS: dict[str, str] = {
    "🔪": "knife", "🗡": "knife", "🔫": "gun", "💣": "bomb", "🧨": "bomb", "💀": "dead",
    "☠": "dead", "⚰": "coffin", "🪦": "grave", "🐒": "monkey", "🐵": "monkey", "🦍": "ape",
    "🐀": "rat", "🐷": "pig", "🐖": "pig", "🖕": "fuck you", "🍆": "penis", "🍑": "arse",
    "💊": "pills", "🩸": "blood", "🔥": "fire", "❤": "love", "💙": "love", "💚": "love",
    "💜": "love", "🧡": "love", "💛": "love", "😍": "love", "🙏": "thank you", "👏": "well done",
    "👍": "good", "🤬": "furious", "😡": "angry", "🤮": "disgusting", "💩": "shit",
    "🏳️‍🌈": "gay", "🍺": "beer", "💉": "needle", "🐍": "snake",
}

_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e", "\ufe0f"}

# Leetspeak between letters (k1ll, sh!t, b@stard, fu(k) or a pipe read for an I (OCR slips).
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                       "8": "b", "@": "a", "$": "s", "!": "i", "|": "i", "(": "c", "€": "e"})
_LEET_INSIDE = regex.compile(r"(?<=[a-z])[013457@$!|(8€]+(?=[a-z])")
_LEET_EDGE = regex.compile(r"(?<![\w@$|])[|$](?=[a-z]{2})|(?<=[a-z])[$]+(?![\w])")
_PIPE_ALONE = regex.compile(r"(?<![\w|])\|(?![\w|])")
# 4ssholes, 1diot (but not 3hrs, 4th, 10am); crippl3 (but not covid19).
_LEET_LEAD = regex.compile(
    r"(?<![\w@$|.,:/£])[013458](?=[a-z]{3,}\b)"
    r"(?!(?:hrs|mins|yrs|kgs|mls|days|weeks|months|years|mph|pts|ish|kms|secs)\b)"
)
_LEET_TAIL = regex.compile(r"(?<=[a-z]{3})[01345](?![\w])")
# s.c.u.m, s-c-u-m: three or more single letters joined by one separator. Letters spaced
# with blanks (s c u m) are joined later, against the vocabulary (policy.text.make_doc).
_SPACED = regex.compile(r"(?<![\w])(?:[a-z][.\-_*]){2,}[a-z](?![\w])")
_SPACED_SEP = regex.compile(r"[.\-_*]")
_REPEATS = regex.compile(r"([a-z])\1{2,}")


@dataclass(frozen=True)
class Normalised:
    """The original text, its normalised copy, and the offset map between them."""

    original: str
    text: str
    # offsets[i] is the index in `original` of normalised char i; one extra entry at the end.
    # None means identity (nothing changed length).
    offsets: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text back to the original text."""
        if self.offsets is None:
            return (start, end)
        start = min(max(start, 0), len(self.offsets) - 1)
        end = min(max(end, start), len(self.offsets) - 1)
        o_start = self.offsets[start]
        o_end = self.offsets[end - 1] + 1 if end > start else o_start
        return (o_start, max(o_end, o_start))


def _slow_chars(text: str) -> tuple[str, list[int]]:
    """NFKC, confusables, emoji words, zero-width and combining marks, char by char."""
    out: list[str] = []
    offs: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        # Emoji sequences such as the rainbow flag are several code points.
        if ch in "🏳" and text.startswith("🏳️‍🌈", i):
            word = " gay "
            out.append(word)
            offs.extend([i] * len(word))
            i += len("🏳️‍🌈")
            continue
        word = EMOJI_WORDS.get(ch)
        if word is not None:
            padded = f" {word} "
            out.append(padded)
            offs.extend([i] * len(padded))
            i += 1
            continue
        if ch in _ZERO_WIDTH:
            i += 1
            continue
        piece = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", ch))
        for p in piece:
            if unicodedata.combining(p) or p in _ZERO_WIDTH:
                continue
            for q in p.lower().translate(_CONFUSABLES):
                if unicodedata.combining(q):
                    continue
                out.append(q)
                offs.append(i)
        i += 1
    return "".join(out), offs


def _sub_mapped(
    pattern: regex.Pattern[str], repl, text: str, offs: list[int] | None
) -> tuple[str, list[int] | None]:
    """re.sub that also rewrites the offset table; `repl(match) -> str`."""
    pieces: list[str] = []
    new_offs: list[int] = []
    last = 0
    changed = False
    for m in pattern.finditer(text):
        r = repl(m)
        rel: list[int] | None = None
        if isinstance(r, tuple):
            r, rel = r
        if r == m.group(0):
            continue
        if not changed:
            if offs is None:
                offs = list(range(len(text)))
            changed = True
        pieces.append(text[last : m.start()])
        new_offs.extend(offs[last : m.start()])
        pieces.append(r)
        # Each replacement char points at its source char, or one in the same relative place.
        span = max(m.end() - m.start(), 1)
        for k in range(len(r)):
            pos = rel[k] if rel else min(k * span // max(len(r), 1), span - 1)
            new_offs.append(offs[m.start() + pos])
        last = m.end()
    if not changed:
        return text, offs
    pieces.append(text[last:])
    new_offs.extend(offs[last:])  # type: ignore[index]
    return "".join(pieces), new_offs


def normalise(text: str) -> Normalised:
    """Return the normalised form of `text` (lower case, de-obfuscated) with its offset map."""
    offs: list[int] | None = None
    if text.isascii():
        norm = text.lower()
    else:
        norm, offs = _slow_chars(text)
    # Length-preserving steps first.
    norm = _LEET_INSIDE.sub(lambda m: m.group(0).translate(_LEET), norm)
    norm = _LEET_EDGE.sub(lambda m: m.group(0).translate(_LEET), norm)
    norm = _PIPE_ALONE.sub("i", norm)
    norm = _LEET_LEAD.sub(lambda m: m.group(0).translate(_LEET), norm)
    norm = _LEET_TAIL.sub(lambda m: m.group(0).translate(_LEET), norm)
    norm, offs = _sub_mapped(_SPACED, _join_spaced, norm, offs)
    norm, offs = _sub_mapped(_REPEATS, lambda m: m.group(1) * 2, norm, offs)
    if offs is not None:
        offs.append(len(text))
        return Normalised(text, norm, tuple(offs))
    return Normalised(text, norm, None)


def _join_spaced(m: regex.Match[str]) -> tuple[str, list[int]]:
    """Join s.c.u.m into scum; runs of dotted single letters are almost never prose."""
    s = m.group(0)
    rel = [k for k, ch in enumerate(s) if ch.isalpha()]
    return "".join(s[k] for k in rel), rel
