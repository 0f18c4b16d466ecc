"""The matcher behind the crisis kinds of speech: a kind is a short sequence of word classes
(slots), and a post is read once, by sentence, for every kind that starts at each word.

A slot matches the first of its choices (one or more tokens each) that fits; a few softeners
("just", "really", "even") may sit between slots, so a kind generalises beyond any one wording.
END stands for the end of the sentence or of its clause, ANY for any one word of the clause.
Slots are compiled by first word so that only choices that can start at a token are compared;
that never changes which choice matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from policy.detectors.base import Analysis

# Words that may sit between two slots without changing what is said.
_SOFT = frozenset({"just", "really", "honestly", "even", "truly", "actually", "simply", "so",
                   "literally", "seriously", "still", "ever", "kinda", "like",
                   "feel", "feeling", "think", "such", "totally", "completely", "all"})

_END = "$"  # the end of the sentence or of its clause
END = _END  # for kinds written in other modules
ANY = "*"  # any one word of the clause ("off the [hospital] roof")
_CLAUSE_ENDS = frozenset({",", "and", "but", "anymore"})

Slot = str | tuple[str, ...] | tuple[tuple[str, ...], ...]


def _choices(slot: Slot) -> tuple[tuple[str, ...], ...]:
    if isinstance(slot, str):
        return ((slot,),)
    if slot and isinstance(slot[0], tuple):
        return slot  # type: ignore[return-value]
    return tuple((w,) for w in slot)  # type: ignore[union-attr]


def _at(toks: list[str], i: int, hi: int, choice: tuple[str, ...]) -> int | None:
    """End of `choice` when it starts at token i; the end-of-sentence mark needs no token."""
    if choice == (_END,):
        return i if i >= hi or toks[i] in _CLAUSE_ENDS else None
    if choice == (ANY,):
        return i + 1 if i < hi and toks[i] not in _CLAUSE_ENDS else None
    if len(choice) == 1:  # most choices are one word: no slice to build
        return i + 1 if i < hi and toks[i] == choice[0] else None
    return i + len(choice) if tuple(toks[i : i + len(choice)]) == choice else None


# Each slot, compiled so that at a token only the choices that can start there are compared:
# `firsts`, the words its choices start with (None when some choice needs no word: the end of
# the clause, any word, or nothing); `choices` in their listed order; `by_first`, for each word,
# the choices starting with it or needing no word, in listed order; `unworded`, the choices
# needing no word; `one_word`, every choice a single word, so a word in `firsts` is the match.
class CompiledSlot(NamedTuple):
    firsts: frozenset[str] | None
    choices: tuple[tuple[str, ...], ...]
    by_first: dict[str, tuple[tuple[str, ...], ...]]
    unworded: tuple[tuple[str, ...], ...]
    one_word: bool


Compiled = tuple[CompiledSlot, ...]


def _compile(slot: Slot) -> CompiledSlot:
    choices = _choices(slot)
    unworded = tuple(c for c in choices if not c or c[0] in (_END, ANY))
    words = frozenset(c[0] for c in choices if c not in unworded)
    by_first = {w: tuple(c for c in choices if c in unworded or c[0] == w) for w in words}
    return CompiledSlot(None if unworded else words, choices, by_first, unworded,
                        not unworded and all(len(c) == 1 for c in choices))


def _match(toks: list[str], i: int, hi: int, slots: Compiled) -> int | None:
    """End of the kind when it starts at token i, else None; softeners may sit between."""
    for n, (_firsts, _choices, by_first, unworded, one_word) in enumerate(slots):
        if n:
            while i < hi and toks[i] in _SOFT:
                i += 1
        if i >= hi:
            candidates = unworded
        else:
            candidates = by_first.get(toks[i], unworded)
            if one_word and candidates:  # the word is the choice: nothing to compare
                i += 1
                continue
        for c in candidates:
            end = _at(toks, i, hi, c)
            if end is not None:
                i = end
                break
        else:
            return None
    return i


Kinds = Sequence[tuple[str, Sequence[Slot]]]


Listed = tuple[int, str, Compiled]  # (place in the list, kind, slots)


class KindIndex:
    """The kinds that can start at a word, narrowed by the word after it (softeners
    skipped, as the match skips them): a post is read once, and at a common word such as
    "i" only the few kinds whose second slot fits the next word are tried."""

    def __init__(self, kinds: Kinds) -> None:
        self.pairs: dict[tuple[str, str], list[Listed]] = {}
        self.firsts: dict[str, list[Listed]] = {}  # kinds any next word may continue
        self.words: set[str] = set()
        for place, (kind, slots) in enumerate(kinds):
            compiled = tuple(_compile(slot) for slot in slots)
            entry = (place, kind, compiled)
            opening = compiled[0].choices
            for choice in opening:
                if not choice or choice[0] in (_END, ANY):
                    raise ValueError(f"kind {kind!r} must start with a word")
            second = compiled[1].firsts if len(compiled) > 1 else None
            for word in dict.fromkeys(c[0] for c in opening):
                self.words.add(word)
                # Only one-word openings know where the second slot starts.
                if second is None or any(len(c) > 1 for c in opening):
                    self.firsts.setdefault(word, []).append(entry)
                else:
                    for nxt in second:
                        self.pairs.setdefault((word, nxt), []).append(entry)

    def at(self, word: str, nxt: str) -> list[Listed]:
        """The kinds to try at `word` followed by `nxt`, in their listed order."""
        pair = self.pairs.get((word, nxt), [])
        first = self.firsts.get(word, [])
        if not pair or not first:
            return pair or first
        return sorted(pair + first)


def by_first_word(kinds: Kinds) -> KindIndex:
    """The index of `kinds` that find_kinds reads (the first slot of every kind must name
    its words: no empty choice, no end mark, no wildcard)."""
    return KindIndex(kinds)


def find_kinds(a: Analysis, index: KindIndex) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every kind of the index (by_first_word) found, by sentence: at
    most one kind starts at each token (the first listed)."""
    toks = a.doc.tokens
    n = len(toks)
    words = index.words
    out = []
    for i, t in enumerate(toks):
        if t not in words:
            continue
        hi = a.sentence_range(a.doc.sents[i])[1]
        j = i + 1
        while j < hi and toks[j] in _SOFT:
            j += 1
        for _place, kind, slots in index.at(t, toks[j] if j < hi and j < n else ""):
            end = _match(toks, i, hi, slots)
            if end is not None:
                out.append((kind, i, end))
                break
    return out
