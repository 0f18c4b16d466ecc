"""Is this an English word? Spelling repair must not turn real words into policy words
("cuts" is not a disguised swear word, "picks" is not an insult).

Uses the word lists of the `english-words` package (Webster's 2nd and GCIDE, public domain),
with simple inflections, plus our own everyday words. Without the package, only our own list
is used, which repairs more eagerly.
"""

from __future__ import annotations

from collections.abc import Callable

from policy.lexicon.common import COMMON_WORDS


def load_english() -> frozenset[str]:
    try:
        from english_words import get_english_words_set
    except ImportError:  # optional: degrade to our own list
        return COMMON_WORDS
    words = get_english_words_set(["web2", "gcide"], lower=True, alpha=True)
    return frozenset(words) | COMMON_WORDS


def english_checker(words: frozenset[str]) -> Callable[[str], bool]:
    """A test for English words, with plural, -ed, -ing and -ly forms."""

    def known(w: str) -> bool:
        return w in words

    def is_english(w: str) -> bool:
        if known(w):
            return True
        if w.endswith("s") and (known(w[:-1]) or (w.endswith("es") and known(w[:-2]))):
            return True
        if w.endswith("ed") and (known(w[:-2]) or known(w[:-1])):
            return True
        if w.endswith("ing") and len(w) > 5 and (known(w[:-3]) or known(w[:-3] + "e")
                                                 or (w[-4] == w[-5] and known(w[:-4]))):
            return True
        return w.endswith("ly") and known(w[:-2])

    return is_english
