"""Tokens, spelling repair and phrase matching over the normalised text.

A `Doc` holds canonical tokens ("dont" -> "do", "not"; "klil" -> "kill"; "f*ck" -> "fuck"),
each with its span in the original post and its sentence number, so detectors reason about
words and still report the exact characters that were posted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from policy.lexicon.common import COMMON_WORDS, CONTRACTIONS
from policy.normalise import Normalised, normalise

_TOKEN = re.compile(r"[a-z0-9*#%]*[a-z0-9][a-z0-9*#%']*|[.!?;\n\",:]")
_COLLAPSE = re.compile(r"([a-z])\1+")
_SENTENCE_END = frozenset({".", "!", "?", ";", "\n"})


def collapse(word: str) -> str:
    """fuuuck and fuck share the key fuck; kill and kil share kil."""
    return _COLLAPSE.sub(r"\1", word)


@dataclass
class Doc:
    """Canonical tokens of one text with their original spans and sentence numbers."""

    norm: Normalised
    tokens: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # in normalised text
    sents: list[int] = field(default_factory=list)
    quoted: list[bool] = field(default_factory=list)
    caps: list[bool] = field(default_factory=list)  # original token started with a capital

    def original_span(self, start_tok: int, end_tok: int) -> tuple[int, int]:
        """Span in the original text covering tokens [start_tok, end_tok)."""
        a = self.spans[start_tok][0]
        b = self.spans[end_tok - 1][1]
        return self.norm.span(a, b)

    def snippet(self, start_tok: int, end_tok: int) -> str:
        a, b = self.original_span(start_tok, end_tok)
        return self.norm.original[a:b]


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


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Canonical tokens of a lexicon phrase: normalised and contractions expanded, the same
    way posts are, but never spelling-repaired."""
    out: list[str] = []
    for m in _TOKEN.finditer(normalise(phrase).text):
        t = m.group(0)
        if t in _SENTENCE_END or t == '"':
            continue
        exp = CONTRACTIONS.get(t)
        if exp is not None:
            out.extend(exp.split())
            continue
        if t.endswith("'s"):
            t = t[:-2]
        t = t.replace("'", "")
        if t:
            out.append(t)
    return tuple(out)


# A necessary condition for letters spaced out one by one: three single letters, each one
# character apart (that character starting no token). Most posts have none, and skip the walk.
_SPACED_LETTERS = re.compile(
    r"(?<![a-z0-9*#%])[a-z][^a-z0-9*#%'.!?;\n\",:][a-z][^a-z0-9*#%'.!?;\n\",:][a-z]"
    r"(?![a-z0-9*#%'])"
)


def _raw_tokens(norm_text: str, canon: Canon) -> list[tuple[str, int, int]]:
    """Tokens with spans; letters spaced out ("k i l l", "w o m a n I see") are joined into
    the longest run that spells a word the policy knows."""
    raw = [(m[0], *m.span()) for m in _TOKEN.finditer(norm_text)]
    if not _SPACED_LETTERS.search(norm_text):
        return raw
    out: list[tuple[str, int, int]] = []
    i = 0
    n = len(raw)
    while i < n:
        j = i
        while (j < n and len(raw[j][0]) == 1 and raw[j][0].isalpha()
               and (j == i or raw[j][1] == raw[j - 1][2] + 1)):
            j += 1
        if j - i >= 3:
            k = i
            while k < j:
                for end in range(j, k + 2, -1):
                    word = "".join(t for t, _, _ in raw[k:end])
                    if canon.is_word(word):
                        out.append((word, raw[k][1], raw[end - 1][2]))
                        k = end
                        break
                else:
                    out.append(raw[k])
                    k += 1
            i = j
        else:
            out.append(raw[i])
            i += 1
    return out


def _all_caps(original: str, norm: Normalised, start: int, end: int) -> bool:
    a, b = norm.span(start, end)
    piece = original[a:b]
    return piece.isupper() and piece.isalpha()


def make_doc(text: str, canon: Canon) -> Doc:
    """Normalise, tokenise and repair `text`."""
    norm = normalise(text)
    doc = Doc(norm)
    # Bound methods and locals: this loop runs for every token of every post.
    add_token, add_span = doc.tokens.append, doc.spans.append
    add_sent, add_quoted, add_cap = doc.sents.append, doc.quoted.append, doc.caps.append
    original, offsets = norm.original, norm.offsets
    n_original = len(original)
    known, cache, repair = canon.known, canon.cache, canon.word
    sent = 0
    last_sent = -1  # sentence of the last token added
    quoted = False
    for t, m_start, m_end in _raw_tokens(norm.text, canon):
        if t in _SENTENCE_END:
            if last_sent == sent:
                sent += 1
            continue
        if t == '"':
            quoted = not quoted
            continue
        o = m_start if offsets is None else offsets[m_start]
        cap = o < n_original and original[o].isupper()
        if t == "," or t == ":":
            words: tuple[str, ...] = (t,)
        elif (2 <= len(t) <= 5 and t not in known
              and _all_caps(original, norm, m_start, m_end)):
            words = (t,)  # an acronym (PRN, SLT), never a misspelt word
        else:
            words = cache.get(t) or repair(t)
        for w in words:
            add_token(w)
            add_span((m_start, m_end))
            add_sent(sent)
            add_quoted(quoted)
            add_cap(cap)
            last_sent = sent
    return doc


class PhraseMatcher:
    """Finds every listed phrase (a tuple of canonical tokens) with its tag, in one pass,
    walking a trie of tokens from each position."""

    _TAGS = ""  # key under which a trie node keeps the tags of phrases ending there

    def __init__(self) -> None:
        self._root: dict = {}

    def add(self, phrase: tuple[str, ...], tag: str) -> None:
        if not phrase:
            return
        node = self._root
        for tok in phrase:
            node = node.setdefault(tok, {})
        tags = node.setdefault(self._TAGS, [])
        if tag not in tags:
            tags.append(tag)

    def find(self, tokens: list[str]) -> dict[str, list[tuple[int, int]]]:
        """tag -> list of (start, end) token spans, in order of start."""
        out: dict[str, list[tuple[int, int]]] = {}
        root = self._root
        n = len(tokens)
        key = self._TAGS
        for i in range(n):
            node = root.get(tokens[i])
            j = i + 1
            while node is not None:
                tags = node.get(key)
                if tags:
                    for tag in tags:
                        lst = out.get(tag)
                        if lst is None:
                            out[tag] = [(i, j)]
                        else:
                            lst.append((i, j))
                if j >= n:
                    break
                node = node.get(tokens[j])
                j += 1
        return out
