"""Word lists kept as data files (policy/lexicon/lists/<name>.txt), read once at import with
the line of every entry, so an error names file:line.

Format: one word or phrase a line; '#' starts a comment; blank lines are ignored. An entry must
hold at least one word once normalised, and appear once in its file.

A list marked `extendable` may be extended or trimmed by the trust in policy.yaml
(`word_lists:`); a list that safety depends on (which posts count as someone's distress) is
not extendable, so no edit of the policy can weaken it.
"""

from __future__ import annotations

from importlib import resources

from policy.text import phrase_tokens

PACKAGE = "policy.lexicon.lists"


class WordListError(ValueError):
    """A word-list file is malformed; the message names the file and line."""


class WordList(tuple):
    """The phrases of one list, in file order (a tuple, so it can stand where phrase tuples
    did), with where each came from."""

    name: str
    description: str
    extendable: bool
    lines: dict[str, int]

    def __new__(cls, name: str, phrases: tuple[str, ...], lines: dict[str, int],
                description: str = "", extendable: bool = True) -> WordList:
        self = super().__new__(cls, phrases)
        self.name = name
        self.lines = lines
        self.description = description
        self.extendable = extendable
        return self

    @property
    def path(self) -> str:
        return f"policy/lexicon/lists/{self.name}.txt"

    def where(self, phrase: str) -> str:
        return f"{self.path}:{self.lines[phrase]}"

    def edited(self, add: tuple[str, ...], remove: tuple[str, ...]) -> tuple[str, ...]:
        """The phrases after the trust's additions and removals."""
        gone = {phrase_tokens(p) for p in remove}
        kept = [p for p in self if phrase_tokens(p) not in gone]
        return (*kept, *(p for p in add if p not in kept))


def parse_list(name: str, text: str, extendable: bool = True) -> WordList:
    """Validate and read one list's text; raise WordListError naming file:line."""
    path = f"policy/lexicon/lists/{name}.txt"
    phrases: list[str] = []
    lines: dict[str, int] = {}
    description = ""
    seen: dict[tuple[str, ...], int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.lstrip().startswith("#"):
            if not description and number == 1:
                description = raw.lstrip()[1:].strip()
            continue
        entry = raw.split(" #", 1)[0].strip()
        if not entry:
            continue
        toks = phrase_tokens(entry)
        if not toks:
            raise WordListError(f"{path}:{number}: {entry!r} has no words to match")
        lost = [w for w in entry.split() if not any(ch.isalnum() for ch in w)]
        if lost:
            raise WordListError(f"{path}:{number}: {entry!r}: {lost[0]!r} is not a word and "
                                "would be ignored; write the entry without it")
        if toks in seen:
            raise WordListError(f"{path}:{number}: {entry!r} repeats line {seen[toks]}")
        seen[toks] = number
        phrases.append(entry)
        lines[entry] = number
    if not phrases:
        raise WordListError(f"{path}: the list is empty")
    return WordList(name, tuple(phrases), lines, description, extendable)


def words(name: str, extendable: bool = True) -> WordList:
    """Load a packaged list (at import time, never while classifying)."""
    try:
        text = resources.files(PACKAGE).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise WordListError(f"policy/lexicon/lists/{name}.txt: no such word list") from None
    return parse_list(name, text, extendable)


def tokens_of(wl: tuple[str, ...]) -> frozenset[str]:
    """Single-word entries as a set of canonical tokens (for lists read word by word)."""
    return frozenset(t for p in wl for t in phrase_tokens(p))
