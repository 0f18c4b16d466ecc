"""Advertising read by who is selling: the poster's own business, goods or link ("our cafe",
"my new book", "my husband's plumbing business", "my referral link") or a business newly open,
put to the readers with something to draw them (a deal, a price, a call to come, download or
sign up). Someone recommending a café or a book they liked names no business of their own.
"""

from __future__ import annotations

import regex

from policy.detectors.base import Analysis
from policy.wordlists import words

PHRASES: dict[str, tuple[str, ...]] = {
    "AD_BUSINESS": words("ad_business"),
    "AD_DRAW": words("ad_draw"),
    "AD_TRADE": words("ad_trade"),
}
Span = tuple[int, int]
# Between "my"/"our" and the business: "our new sleep app", "my husband's plumbing business",
# "our family run garage".
_OWNERS = frozenset({"my", "our"})
_MODIFIERS_MAX = 3
# A business newly open, owned by no one named: "new salon open in Ipswich".
_OPENING = frozenset({"open", "opened", "opening", "launched", "launching"})
_PRICE = regex.compile(r"[£$€]\s?\d|\b\d+\s?%|\bhalf\s+price\b", regex.IGNORECASE)


# Nouns that staff use of the trust's own things ("our team", "our website", "our new app",
# "our course"), and patients of what they use ("my app", "my book"): the poster's own
# goods only as "my new ...", a launch.
_SHARED = frozenset({"team", "site", "website", "app", "book", "ebook", "course", "link", "range",
                     "studio"})


def _owned(a: Analysis, s: int) -> bool:
    toks, sents = a.doc.tokens, a.doc.sents
    for j in range(s - 1, max(-1, s - 2 - _MODIFIERS_MAX), -1):
        if sents[j] != sents[s] or toks[j] in (",", ".", "!", "?"):
            return False
        if toks[j] == "local":
            return False  # "my local gym": the one the poster goes to, not theirs
        if toks[j] in _OWNERS:
            # "my book", "my app" are the poster's reading and phone; "my new book" is theirs.
            return toks[s] not in _SHARED or (toks[j] == "my" and "new" in toks[j:s])
    return False


def _opening(a: Analysis, s: int, e: int) -> bool:
    toks = a.doc.tokens
    return "new" in toks[max(0, s - 2):s] and bool(_OPENING.intersection(toks[e:e + 3]))


def own_business(a: Analysis, own_sents: set[int]) -> Span | None:
    """The poster's business, goods or link, or a business newly open, with something to draw
    buyers in the post; not in a sentence about the trust's own services. "My local gym
    gives free sessions" is the poster's gym only as a customer."""
    draw = [s for s, _ in a.get("AD_DRAW") if not a.doc.quoted[s]]
    if not draw and not _PRICE.search(a.text):
        return None
    for s, e in a.get("AD_BUSINESS"):
        if a.doc.quoted[s] or a.doc.sents[s] in own_sents:
            continue
        # The draw must be something other than the business word itself ("book").
        if (_owned(a, s) or _opening(a, s, e)) and (
                _PRICE.search(a.text) or any(d < s or d >= e for d in draw)):
            return s, e
    return None


# Words before a trade that opens a post: "Experienced carer", "Local driving instructor".
_TRADE_PRAISE = frozenset({"experienced", "professional", "qualified", "fully", "local",
                           "reliable", "friendly", "mobile", "self", "employed", "dbs",
                           "checked", "trusted", "female", "male", "freelance", "private"})
# Offered for hire: "available for weddings", "offering tax returns", "taking on clients".
_FOR_HIRE = frozenset({"available", "offering", "hire", "covering", "taking"})
# What a trader's post draws with beside the trade: a price, rates, a way to reach them.
_TRADE_DRAW = regex.compile(
    r"[£$€]\s?\d|\b(?:cheap|rates|prices?|quotes?|fee|packages|free|references|any\s+job|"
    r"message\s+me|contact\s+me|call|ring|text|dm|msg|whatsapp)\b|(?<!\d)0[17]\d{3}\s?\d{3}",
    regex.IGNORECASE)


def for_hire(a: Analysis) -> Span | None:
    """A post that opens with a trade offered for hire and draws with a price or a way to
    reach the trader: "Tutor available for GCSE maths, first lesson free", "Experienced
    carer available, message me", "man with a van, house clearances, cheap". A question
    ("Is there a carer available overnight?") or a thank-you names no trader of the poster's."""
    toks = a.doc.tokens
    i = 0
    while i < len(toks) and toks[i] in _TRADE_PRAISE:
        i += 1
    trade = next(((s, e) for s, e in a.get("AD_TRADE") if s == i), None)
    if trade is None or a.doc.quoted[trade[0]]:
        return None
    s, e = trade
    hired = _FOR_HIRE.intersection(toks[e:e + 4]) or toks[e:e + 1] == [","]
    draws = len(_TRADE_DRAW.findall(a.text))
    if (hired and draws >= 1) or draws >= 2:
        return s, e
    return None

