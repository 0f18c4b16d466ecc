"""The literal strings and whole words a regular expression cannot match without, read from
the pattern's own syntax tree ("send|give|lend" -> those three words), for the first look in
policy.prefilter. Being read from the pattern itself, they cannot drift from it; a pattern too
loose to yield any (one that can match without any fixed letters) yields None.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# Past this many strings a set of alternatives costs more to look for than it saves.
_MAX_STRINGS = 64
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
