"""What the content categories share: a word counts only when it is not quoted, negated or
in a sentence that reports, warns or supports (news, awareness, recovery), and some words
count only beside a partner (a weapon beside selling or carrying)."""

from __future__ import annotations

from collections.abc import Iterable

from policy.detectors.base import Analysis
from policy.detectors.hate import negated
from policy.wordlists import words

PHRASES: dict[str, tuple[str, ...]] = {
    "REPORT": words("reporting"),
    "SALE_STRONG": words("sale_strong"),
}
Span = tuple[int, int]


def blocked(a: Analysis, s: int, safe: Iterable[str] = (), window: int = 3) -> bool:
    """Quoted, negated, or in a sentence with one of the `safe` tags."""
    if a.doc.quoted[s] or negated(a, s, window=window):
        return True
    sent = a.doc.sents[s]
    return any(a.in_sent(tag, sent) for tag in safe)


def first_free(a: Analysis, tag: str, safe: Iterable[str] = ()) -> Span | None:
    safe = tuple(safe)
    for s, e in a.get(tag):
        if not blocked(a, s, safe):
            return s, e
    return None


def paired(a: Analysis, tag: str, partners: Iterable[str], safe: Iterable[str],
           window: int) -> Span | None:
    """The first `tag` span, not blocked, with a span of a partner tag within `window` tokens
    in the same sentence: the span covering both."""
    safe = tuple(safe)
    partners = tuple(partners)
    for s, e in a.get(tag):
        if blocked(a, s, safe):
            continue
        for partner in partners:
            for ps, pe in a.near(partner, s, e, window, window):
                return min(s, ps), max(e, pe)
    return None


def in_post(a: Analysis, tag: str, partner: str, safe: Iterable[str]) -> Span | None:
    """`tag` and `partner` anywhere in a short post (up to `SHORT_POST` tokens) with none of
    the `safe` tags anywhere in it: an offer often comes a sentence after the thing offered."""
    safe = tuple(safe)
    if len(a.doc.tokens) > SHORT_POST or any(a.get(t) for t in safe):
        return None
    for s, e in a.get(tag):
        if a.doc.quoted[s] or negated(a, s, window=3):
            continue
        for ps, _pe in a.get(partner):
            if not a.doc.quoted[ps] and not negated(a, ps, window=3):
                return s, e
    return None


SHORT_POST = 60
