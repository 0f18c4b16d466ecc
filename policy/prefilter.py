"""A cheap first look before a regular expression: the literal words a pattern cannot match
without.

Most of the detectors' patterns run over every post's whole text, and almost every post holds
none of the words they look for. The needles (policy.pattern_needles) are strings of which
every match must contain at least one; when a post holds none of them the search cannot
succeed and is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from policy.pattern_needles import needles, whole_words

__all__ = ["Prefiltered", "needles", "prefiltered", "whole_words"]

# More needles than this are looked for in one pass of a pattern joining them.
_ONE_PASS = 8


class Prefiltered:
    """A compiled pattern that skips texts holding none of its needles; otherwise the same
    pattern (every other attribute is the pattern's own)."""

    __slots__ = ("_any_needle", "_fold", "_needles", "_pattern", "_words")

    def __init__(self, pattern: Any, found: frozenset[str],
                 words: frozenset[str] | None = None) -> None:
        self._pattern = pattern
        self._needles = tuple(sorted(found, key=lambda s: (-len(s), s)))
        self._fold = bool(pattern.flags & re.IGNORECASE)
        # A handful of needles are quickest looked for one by one; many, in one pass.
        self._any_needle = (re.compile("|".join(map(re.escape, self._needles))).search
                            if len(self._needles) > _ONE_PASS else None)
        self._words = words

    def could_match(self, text: str) -> bool:
        """False only when no match is possible anywhere in `text`."""
        if self._fold:
            if not text.isascii():
                # Case folding outside ASCII (the Kelvin sign matches k) is the pattern's own
                # business: let it look.
                return True
            words, text = _reading(text)
            if self._words is not None and self._words.isdisjoint(words):
                return False
        if self._any_needle is not None:
            return self._any_needle(text) is not None
        return any(n in text for n in self._needles)

    def search(self, string: str, *args: Any, **kwargs: Any) -> Any:
        return self._pattern.search(string, *args, **kwargs) if self.could_match(string) else None

    def match(self, string: str, *args: Any, **kwargs: Any) -> Any:
        return self._pattern.match(string, *args, **kwargs) if self.could_match(string) else None

    def fullmatch(self, string: str, *args: Any, **kwargs: Any) -> Any:
        if not self.could_match(string):
            return None
        return self._pattern.fullmatch(string, *args, **kwargs)

    def finditer(self, string: str, *args: Any, **kwargs: Any) -> Iterator[Any]:
        if not self.could_match(string):
            return iter(())
        return self._pattern.finditer(string, *args, **kwargs)

    def findall(self, string: str, *args: Any, **kwargs: Any) -> list[Any]:
        return self._pattern.findall(string, *args, **kwargs) if self.could_match(string) else []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)

    def __repr__(self) -> str:
        return f"Prefiltered({self._pattern!r})"


def prefiltered(pattern: Any) -> Any:
    """The pattern behind a first look at its needles, or the pattern itself if it has none."""
    if isinstance(pattern, Prefiltered):
        return pattern
    found = needles(pattern)
    return pattern if found is None else Prefiltered(pattern, found, whole_words(pattern))


_WORD = re.compile(r"\w+")
# The words of the last text looked at: every pattern of a post looks at the same text.
# One (text, words) pair, replaced whole, so threads never see one text's words for another.
_last_words: tuple[str, frozenset[str], str] = ("", frozenset(), "")


def _reading(text: str) -> tuple[frozenset[str], str]:
    """The lower-case words of an ASCII text (so \\w is the same for re and regex), and the
    text lower-cased. Kept for the last text: a few hundred patterns ask about the same one."""
    global _last_words
    last = _last_words
    if last[0] is text:
        return last[1], last[2]
    lower = text.lower()
    found = frozenset(_WORD.findall(lower))
    _last_words = (text, found, lower)
    return found, lower
