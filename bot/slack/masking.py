"""Mask detected personal information (NHS numbers, phone numbers, emails) in what Slack shows.

The alert channel is wider than the people who need to see a caller's phone
number. The policy's personal_info flags carry character spans into the original text; we replace
those characters with a label saying what was hidden, and a moderator can reveal it (audited).
"""

from __future__ import annotations

from collections.abc import Iterable

from policy.categories import PERSONAL_INFO
from policy.decision import Flag

# Rule-id fragments mapped to what the moderator is told was hidden; first match wins.
_LABELS = (
    ("nhs", "NHS number"),
    ("phone", "phone number"),
    ("tel", "phone number"),
    ("email", "email address"),
    ("mail", "email address"),
    ("address", "address"),
)
# Evidence shorter than this is not searched for (a one-letter "match" would mask every "a").
_MIN_EVIDENCE = 4


def mask_label(flag: Flag) -> str:
    rule = flag.rule_id.lower()
    kind = next((label for key, label in _LABELS if key in rule), "personal information")
    return f"[{kind} hidden]"


def pi_flags(flags: Iterable[Flag]) -> list[Flag]:
    return [f for f in flags if f.category == PERSONAL_INFO]


def mask_spans(text: str, flags: Iterable[Flag]) -> tuple[str, list[str]]:
    """The text with every personal_info span replaced by its label, and the hidden originals.

    A flag without a span hides each occurrence of its evidence. Spans out of range are
    clamped; overlapping spans are merged (the first one's label wins), so a phone number inside
    a detected address is hidden once, not garbled.
    """
    spans: list[tuple[int, int, str]] = []
    for flag in pi_flags(flags):
        if flag.span is not None:
            start, end = max(0, flag.span[0]), min(len(text), flag.span[1])
            if start < end:
                spans.append((start, end, mask_label(flag)))
        elif len(flag.evidence.strip()) >= _MIN_EVIDENCE:
            # No span from the rule: hide every place the detected value appears instead.
            at = text.find(flag.evidence)
            while at >= 0:
                spans.append((at, at + len(flag.evidence), mask_label(flag)))
                at = text.find(flag.evidence, at + len(flag.evidence))
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if merged and start < merged[-1][1]:
            prev = merged[-1]
            merged[-1] = (prev[0], max(prev[1], end), prev[2])
        else:
            merged.append((start, end, label))
    hidden = [text[s:e] for s, e, _ in merged]
    # Built in one pass: a long post with many matches must not cost O(n^2) string copies.
    pieces, pos = [], 0
    for start, end, label in merged:
        pieces += [text[pos:start], label]
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces), hidden


def mask_evidence(flag: Flag, hidden: list[str]) -> str:
    """A flag's evidence as shown in Slack: never the personal information itself."""
    if flag.category == PERSONAL_INFO:
        return mask_label(flag)
    evidence = flag.evidence
    # Another rule's evidence may quote the same words (an abusive post with a phone number).
    for original in sorted(hidden, key=len, reverse=True):
        if original.strip():
            evidence = evidence.replace(original, "[hidden]")
    return evidence
