"""Who asks, for the illegal-activity rules: prescription drugs sought from other people
("anyone got spare diazepam they'd sell me?"), which is diversion however politely asked.

Each function returns a token span or None; illegal.py turns them into hits.
"""

from __future__ import annotations

import regex

from policy.detectors.base import Analysis

Span = tuple[int, int]
_SPARE = frozenset({"spare", "leftover", "left", "extra", "unused"})
_ASK = regex.compile(r"\bany\s*(?:one|body)\b|\bsomeone\b|\bwill\s+pay\b|\bpay\s+for\b|"
                     r"\bsell\s+(?:me|us)\b|\bbuy\s+(?:your|some|any)\b", regex.IGNORECASE)


def spare_meds_sought(a: Analysis) -> Span | None:
    """"Anyone on the ward got spare diazepam they'd sell me?", "will pay for someone's
    leftover pregabalin": another person's prescription asked for. "Can I take my leftover
    tablets back to the pharmacy?" asks no one for them."""
    if not _ASK.search(a.text):
        return None
    toks = a.doc.tokens
    for s, e in sorted(a.get("MEDS") + a.get("DRUG")):
        if a.doc.quoted[s] or not _SPARE.intersection(toks[max(0, s - 3):s]):
            continue
        if toks[max(0, s - 3):s].count("my") or "pharmacy" in toks:
            continue
        return max(0, s - 3), e
    return None
