"""Finding every listed phrase in a post's canonical tokens in one pass."""

from __future__ import annotations


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
