"""Is this an English word? Spelling repair must not turn real words into policy words
("cuts" is not a disguised swear word, "picks" is not an insult).

Uses the word lists of the `english-words` package (Webster's 2nd and GCIDE, public domain),
with simple inflections, plus our own everyday words. Without the package, only our own list
is used, which repairs more eagerly.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Container, Iterable
from itertools import chain

from policy.lexicon.common import COMMON_WORDS


class WordSet(Container[str]):
    """A large word list held as the sorted hashes of its words: about 2 MiB for 250,000 words,
    where a set of the strings takes about 30 MiB of the bot's memory for as long as it runs.
    A different word sharing a 64-bit hash would pass as English: about one in 10^13."""

    def __init__(self, word_lists: Iterable[Iterable[str]]) -> None:
        """`word_lists`: read one at a time, so a generator keeps one list alive at once."""
        keys: set[int] = set()
        for words in word_lists:
            keys.update(hash(w) for w in words)
        self._keys = array("q", sorted(keys))

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        key = hash(word)
        i = bisect_left(self._keys, key)
        return i < len(self._keys) and self._keys[i] == key

    def __len__(self) -> int:
        return len(self._keys)

    def __reduce__(self) -> tuple[object, ...]:
        # The keys are this process's string hashes (salted per process): meaningless elsewhere.
        raise TypeError("a WordSet cannot leave its process; build another with load_english()")


def load_english() -> Container[str]:
    try:
        from english_words import get_english_words_set
    except ImportError:  # optional: degrade to our own list
        return COMMON_WORDS
    # One source's strings at a time; only their keys are kept.
    return WordSet(chain([COMMON_WORDS], (get_english_words_set([source], lower=True, alpha=True)
                                          for source in ("web2", "gcide"))))


def english_checker(words: Container[str]) -> Callable[[str], bool]:
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
