"""A cheap first look before a regular expression: the literal words a pattern cannot match
without.

Most of the detectors' patterns run over every post's whole text, and almost every post holds
none of the words they look for. `needles` reads a pattern's own syntax tree and returns
strings of which every match must contain at least one ("send|give|lend" -> those three
words); when a post holds none of them the search cannot succeed and is skipped. The needles
come from the pattern itself, so they cannot drift from it; a pattern too loose to yield any
(one that can match without any fixed letters) is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# Past this many strings a set of alternatives costs more to look for than it saves.
_MAX_STRINGS = 64
# More needles than this are looked for in one pass of a pattern joining them.
_ONE_PASS = 8
# Flags that change what a pattern's letters match beyond case (fuzzy matching, version 1
# set syntax, full case folding): such patterns are never filtered.
_PLAIN_FLAGS = (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.UNICODE | re.ASCII
                | 0x2000)  # regex.V0, the `regex` module's default (re-compatible) behaviour


def _chars(items: list[tuple[Any, Any]], fold: bool) -> set[str] | None:
    """The characters a [class] matches, when it is a short list of literals."""
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            c = chr(av)
            if fold and c.isalpha() and not c.isascii():
                return None  # may fold to an ASCII letter (the Kelvin sign is k)
            out.add(c)
        elif op is sre.RANGE and av[1] - av[0] < 16 and av[1] < 128:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None  # a negated set, \d, \s, a wide range: no fixed letters
    return {c.lower() for c in out} if fold else out


def _exact(seq: Any, fold: bool) -> set[str] | None:
    """Every string a sequence can match, when there are few (None when unbounded)."""
    run = {""}
    for op, av in seq:
        if op is sre.LITERAL:
            part: set[str] | None = _chars([(op, av)], fold)
        elif op is sre.IN:
            part = _chars(av, fold)
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # consumes nothing
        elif op is sre.SUBPATTERN and not (av[1] or av[2]):  # no inline flags
            part = _exact(av[-1], fold)
        elif op is sre.BRANCH:
            part = set()
            for branch in av[1]:
                got = _exact(branch, fold)
                if got is None:
                    return None
                part |= got
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[1] <= 1:
            body = _exact(av[2], fold)
            part = None if body is None else body | ({""} if av[0] == 0 else set())
        else:
            return None
        if part is None or len(run) * len(part) > _MAX_STRINGS:
            return None
        run = {r + p for r in run for p in part}
    return run


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more selective of two needle sets: longer shortest needle, then fewer needles."""
    if a is None or "" in a:
        return None if b is None or "" in b else b
    if b is None or "" in b:
        return a
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


def _needles(seq: Any, fold: bool) -> set[str] | None:
    """Strings one of which every match of a sequence contains (None: none known)."""
    best: set[str] | None = None
    run: set[str] = {""}  # the exact strings of the literal run being read
    for op, av in seq:
        exact = _exact([(op, av)], fold)
        if exact is not None and len(run) * len(exact) <= _MAX_STRINGS:
            run = {r + x for r in run for x in exact}
            continue
        best = _better(best, run)
        run = {""}
        if exact is not None:
            run = exact  # too many combinations with what came before: start afresh
            continue
        inner: set[str] | None = None
        if op is sre.SUBPATTERN and not (av[1] or av[2]):
            inner = _needles(av[-1], fold)
        elif op is sre.ATOMIC_GROUP:
            inner = _needles(av, fold)
        elif op is sre.BRANCH:
            inner = set()
            for branch in av[1]:
                got = _needles(branch, fold)
                if got is None or "" in got:
                    inner = None
                    break
                inner |= got
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _needles(av[2], fold)
        best = _better(best, inner)
    best = _better(best, run)
    if best is not None and len(best) > _MAX_STRINGS:
        return None
    return best


_BOUNDARIES = (sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_BEGINNING_STRING, sre.AT_END,
               sre.AT_END_STRING)
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _apart(item: tuple[Any, Any] | None, edge: bool) -> bool:
    """The item can only sit beside a word's end: \\b, ^, $, a space or a non-word letter.
    `edge`: what is known when there is no item (the sequence's own surroundings)."""
    if item is None:
        return edge
    op, av = item
    if op is sre.AT:
        return av in _BOUNDARIES
    if op is sre.LITERAL:
        return chr(av) not in _WORD_CHARS and chr(av).isascii()
    if op is sre.IN:
        return all((o is sre.CATEGORY and a is sre.CATEGORY_SPACE)
                   or (o is sre.LITERAL and chr(a) not in _WORD_CHARS and chr(a).isascii())
                   for o, a in av)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return len(av[2]) == 1 and _apart(av[2][0], edge)
    return False


def _words(seq: Any, fold: bool, left: bool, right: bool) -> set[str] | None:
    """Whole words one of which every match of a sequence holds (None: none known), in a
    sequence whose surroundings are word ends on the `left` or `right` side."""
    best: set[str] | None = None
    items = list(seq)
    i = 0
    while i < len(items):
        # A run of items with few exact strings ("s", "e", "l", "l" or "(?:to|into)")...
        j = i
        run: set[str] | None = {""}
        while j < len(items) and items[j][0] is not sre.AT and run is not None:
            exact = _exact([items[j]], fold)
            if exact is None or len(run) * len(exact) > _MAX_STRINGS:
                break
            run = {r + x for r in run for x in exact}
            j += 1
        lb = _apart(items[i - 1] if i > 0 else None, left)
        if j > i:
            # ... is a set of whole words when word ends are on both its sides.
            rb = _apart(items[j] if j < len(items) else None, right)
            if lb and rb and run and all(w and set(w) <= _WORD_CHARS for w in run):
                best = _better(best, run)
            i = j
            continue
        op, av = items[i]
        rb = _apart(items[i + 1] if i + 1 < len(items) else None, right)
        found: set[str] | None = None
        if op is sre.SUBPATTERN and not (av[1] or av[2]):
            found = _words(av[-1], fold, lb, rb)
        elif op is sre.BRANCH:
            found = set()
            for branch in av[1]:
                got = _words(branch, fold, lb, rb)
                if got is None:
                    found = None
                    break
                found |= got
        best = _better(best, found)
        i += 1
    return best


def needles(pattern: Any) -> frozenset[str] | None:
    """Strings of which every match of a compiled pattern (re or regex) contains one; lower
    case when the pattern ignores case. None when the pattern yields none."""
    if not isinstance(pattern.pattern, str) or pattern.flags & ~_PLAIN_FLAGS:
        return None
    fold = bool(pattern.flags & re.IGNORECASE)
    flags = pattern.flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE)
    try:
        tree = sre_parse.parse(pattern.pattern, flags)
    except (re.error, ValueError, TypeError, OverflowError):
        return None  # syntax only the `regex` module knows
    found = _needles(tree, fold)
    return frozenset(found) if found else None


def whole_words(pattern: Any) -> frozenset[str] | None:
    """Whole words (\\b on both sides) of which every match of a case-ignoring pattern holds
    one, in lower case; None when the pattern yields none."""
    if not isinstance(pattern.pattern, str) or pattern.flags & ~_PLAIN_FLAGS:
        return None
    if not pattern.flags & re.IGNORECASE:
        return None
    flags = pattern.flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE)
    try:
        tree = sre_parse.parse(pattern.pattern, flags)
    except (re.error, ValueError, TypeError, OverflowError):
        return None
    found = _words(list(tree), True, False, False)
    return frozenset(found) if found else None


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
