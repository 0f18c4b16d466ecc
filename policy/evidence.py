"""Evidence shown to moderators: the posted words, with slurs and swear words masked."""

from __future__ import annotations

from policy.detectors.base import Analysis

MAX_EVIDENCE = 200


def mask_word(word: str) -> str:
    """n****r style: first and last letter kept so a moderator can tell words apart."""
    if len(word) <= 2:
        return word[0] + "*" * (len(word) - 1)
    return word[0] + "*" * (len(word) - 2) + word[-1]


def mask_evidence(a: Analysis, span: tuple[int, int], mask_words: frozenset[str]) -> str:
    start, end = span
    original = a.doc.norm.original
    pieces: list[str] = []
    pos = start
    doc = a.doc
    for i, tok in enumerate(doc.tokens):
        if tok not in mask_words:
            continue
        ts, te = doc.original_span(i, i + 1)
        if ts < pos or te > end:
            continue
        pieces.append(original[pos:ts])
        pieces.append(mask_word(original[ts:te]))
        pos = te
    pieces.append(original[pos:end])
    text = " ".join("".join(pieces).split())
    return text if len(text) <= MAX_EVIDENCE else text[: MAX_EVIDENCE - 1] + "…"
