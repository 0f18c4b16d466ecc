"""Spelling repair towards the words that matter to the policy ("klil" -> "kill", "f*ck" ->
"fuck", "fuuuck" -> "fuck"), leaving real English words alone."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from policy.lexicon.common import COMMON_WORDS, CONTRACTIONS

_COLLAPSE = re.compile(r"([a-z])\1+")


def collapse(word: str) -> str:
    """fuuuck and fuck share the key fuck; kill and kil share kil."""
    return _COLLAPSE.sub(r"\1", word)


class Canon:
    """Spelling repair towards a vocabulary of words that matter to the policy.

    Holds a bounded per-instance cache: no module-level mutable state.
    """

    def __init__(
        self, interest: Iterable[str], maskable: Iterable[str], short: Iterable[str] = (),
        is_english: Callable[[str], bool] | None = None,
    ) -> None:
        """`interest`: words worth repairing towards; `maskable`: words people write as f*ck;
        `short`: three-letter words also repaired from two letters (gay -> gy);
        `is_english`: real words that are never repaired into something else."""
        self.interest = frozenset(interest)
        self.is_english = is_english or (lambda w: False)
        known = set(self.interest) | COMMON_WORDS
        self.known = frozenset(known)
        self.collapsed: dict[str, str] = {}
        self.fuzzy: dict[str, str] = {}
        # Sorted fully (not just by length) so a repair never depends on set order, which
        # changes with Python's hash seed from one run to the next.
        for w in sorted(self.interest, key=lambda w: (len(w), w)):
            if not w.isalpha():
                continue
            self.collapsed.setdefault(collapse(w), w)
            if len(w) < 4:
                continue
            for v in _variants(w):
                if v not in known and len(v) >= 4 and not self.is_english(v):
                    self.fuzzy.setdefault(v, w)
        for w in sorted(short):
            if len(w) == 3 and w.isalpha() and w[0] + w[2] not in known:
                self.fuzzy.setdefault(w[0] + w[2], w)
        for v in [k for k, w in self.fuzzy.items() if collapse(k) in self.collapsed
                  and self.collapsed[collapse(k)] != w]:
            del self.fuzzy[v]
        self.masks: dict[tuple[int, str, str], list[str]] = {}
        for w in sorted(maskable):
            if w.isalpha() and len(w) >= 3:
                self.masks.setdefault((len(w), w[0], w[-1]), []).append(w)
        self.cache: dict[str, tuple[str, ...]] = {}  # token -> its repair

    def is_word(self, word: str) -> bool:
        """Known, or repairable to a word the policy knows."""
        return (word in self.known or collapse(word) in self.collapsed
                or (word.endswith("s") and word[:-1] in self.known))

    def word(self, tok: str) -> tuple[str, ...]:
        hit = self.cache.get(tok)
        if hit is not None:
            return hit
        out = self._repair(tok)
        if len(self.cache) > 50_000:
            self.cache.clear()
        self.cache[tok] = out
        return out

    def _repair(self, tok: str) -> tuple[str, ...]:
        exp = CONTRACTIONS.get(tok)
        if exp is not None:
            return tuple(exp.split())
        if tok.endswith("'s") or tok.endswith("s'"):
            tok = tok[:-2] if tok.endswith("'s") else tok[:-1]
        tok = tok.replace("'", "")
        if not tok:
            return ()
        if tok in self.known or tok.isdigit():
            return (tok,)
        if "*" in tok or "#" in tok or "%" in tok:
            return (self._unmask(tok),)
        if self.is_english(tok):
            return (tok,)
        key = collapse(tok)
        if key in self.collapsed:
            return (self.collapsed[key],)
        if tok in self.fuzzy:
            return (self.fuzzy[tok],)
        if len(tok) >= 5:
            split = self._split(tok)
            if split:
                return split
        return (tok,)

    def _unmask(self, tok: str) -> str:
        core = tok.strip("*#%")
        if not core:
            return tok
        cands = self.masks.get((len(tok), tok[0], tok[-1]), [])
        pat = re.compile(
            "^" + "".join("." if c in "*#%" else re.escape(c) for c in tok) + "$"
        )
        for c in cands:
            if pat.match(c):
                return c
        return tok.replace("*", "").replace("#", "").replace("%", "")

    def _split(self, tok: str) -> tuple[str, ...] | None:
        """Repair a dropped space: deathto, todie, massivescumbags, coonbehaviour."""
        for i in range(2, len(tok) - 1):
            a, b = tok[:i], tok[i:]
            a_int, b_int = a in self.interest, b in self.interest
            if (a_int and (b in self.known or b_int) and len(b) >= 2 and len(a) >= 3) or (
                b_int and len(b) >= 3 and (a in _SPLIT_PREFIXES or a_int)
            ):
                return (a, b)
        return None


_SPLIT_PREFIXES = frozenset(
    {"to", "so", "all", "you", "such", "massive", "complete", "absolute", "total", "utter",
     "fucking", "female", "male", "black", "gay", "trans", "disabled", "these", "those",
     "their", "your", "my", "just", "die", "kill", "them", "they", "filthy", "dirty",
     "stupid", "typical", "fat", "ugly", "deathto", "death", "i", "we", "go", "get"}
)


def _variants(w: str) -> set[str]:
    """One deleted letter or two neighbours swapped (murdr, klil, thraet); the first letter
    stays, since changing it mostly makes another real word (hate -> ate, women -> omen)."""
    out = {w[:i] + w[i + 1 :] for i in range(1, len(w))}
    out |= {w[:i] + w[i + 1] + w[i] + w[i + 2 :] for i in range(1, len(w) - 1)}
    out.discard(w)
    return out
