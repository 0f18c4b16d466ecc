"""One function per rule: a category module lists its rule functions, each named after the
last part of its rule id (`weapons.trade` is `trade` in weapons.py), each returning a Hit or
None, each with a docstring holding at least one `Bad:` and one `Good:` example (the test
suite runs every one through the engine, and the rules reference page shows them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from policy.detectors.base import Analysis, Hit

RuleFunction = Callable[[Analysis], "Hit | None"]


class RuleModule(Protocol):
    CATEGORY: str
    RULE_FUNCTIONS: tuple[RuleFunction, ...]


def memo(fn: RuleFunction) -> RuleFunction:
    """Run a rule at most once per post: some rules ask whether another fired."""
    key = f"rule:{fn.__module__}.{fn.__name__}"

    def once(a: Analysis) -> Hit | None:
        if key not in a.notes:
            a.notes[key] = fn(a)
        return a.notes[key]  # type: ignore[return-value]

    once.__name__ = fn.__name__
    once.__doc__ = fn.__doc__
    once.__module__ = fn.__module__
    return once


def rule_id(category: str, fn: RuleFunction) -> str:
    return f"{category}.{fn.__name__}"


def rule_ids(category: str, functions: Iterable[RuleFunction]) -> tuple[str, ...]:
    return tuple(rule_id(category, fn) for fn in functions)


def run(a: Analysis, functions: Iterable[RuleFunction]) -> list[Hit]:
    hits = []
    for fn in functions:
        hit = fn(a)
        if hit is not None:
            hits.append(hit)
    return hits


def examples(fn: RuleFunction) -> tuple[list[str], list[str]]:
    """(bad, good) examples from a rule function's docstring: lines starting `Bad:` or
    `Good:`, each example on the rest of its line."""
    bad: list[str] = []
    good: list[str] = []
    for line in (fn.__doc__ or "").splitlines():
        line = line.strip()
        if line.startswith("Bad:"):
            bad.append(line[4:].strip())
        elif line.startswith("Good:"):
            good.append(line[5:].strip())
    return bad, good


def summary(fn: RuleFunction) -> str:
    """The docstring's first paragraph, on one line."""
    doc = (fn.__doc__ or "").strip().split("\n\n")[0]
    return " ".join(doc.split())
