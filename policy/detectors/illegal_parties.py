"""Who asks, for the illegal-activity rules: prescription drugs sought from other people
("anyone got spare diazepam they'd sell me?"), which is diversion however politely asked, and
a dealer's menu written in emoji.

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


# A dealer's menu in emoji: leaf, snow, pill, mushroom, plug.
_DRUG_EMOJI = regex.compile("[\U0001F343\u2744\U0001F48A\U0001F344\U0001F341\U0001F50C]")
_EMOJI_TRADE = regex.compile(r"menu|deliver|available|dm|message|snap|hmu|hit me up|plug|"
                             r"in stock|pure|cash", regex.IGNORECASE)
# A café's menu or a winter notice with a leaf or a snowflake is food and weather, not a
# dealer's menu.
_EVERYDAY = regex.compile(r"\b(?:caf[eé]s?|canteen|catering|restaurant|vegan|vegetarian|lunch|"
                          r"breakfast|dinner|food|meals?|soup|cakes?|coffee|salads?|winter|"
                          r"christmas|snow|weather|autumn|garden|plants?)\b", regex.IGNORECASE)


def emoji_menu(a: Analysis) -> Span | None:
    """"❄️❄️ available tonight, DM for menu": drug emoji beside the words of a trade, as a
    character span. "New menu at the hospital café 🍃 vegan options" is lunch."""
    marks = list(_DRUG_EMOJI.finditer(a.text))
    if marks and _EMOJI_TRADE.search(a.text) and not a.get("DRUG_SAFE") \
            and not _EVERYDAY.search(a.text):
        return marks[0].span()
    return None
