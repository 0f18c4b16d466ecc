"""Irrelevant advertising and spam; scams and other bids for personal financial gain.

Fundraising for the trust's own charity, a ward or a mental-health charity is not advertising.
"""

from __future__ import annotations

import regex

from policy.detectors import links
from policy.detectors.base import Analysis, Hit
from policy.detectors.hate import negated
from policy.lexicon import commerce as lex

RULES = ("advertising.promotion", "advertising.spam", "advertising.income_offer",
         "financial_gain.scam", "financial_gain.solicitation")

PHRASES: dict[str, tuple[str, ...]] = {
    "PROMO": lex.PROMOTION,
    "PROMO_WEAK": lex.PROMOTION_WEAK,
    "LURE": lex.LURE,
    "SPAMWORD": lex.SPAM_MARKERS,
    "SCAM": lex.SCAM,
    "SOLICIT": lex.SOLICIT,
    "CHARITY": lex.CHARITY_SAFE,
    "INCOME": lex.INCOME,
    "CTA": lex.CALL_TO_ACT,
}

# Scam words that are ordinary on their own ("I lost my savings on bitcoin").
_WEAK_SCAM = frozenset({"bitcoin", "btc", "crypto", "cryptocurrency", "ethereum", "usdt",
                        "forex", "nft", "nfts", "mining", "lottery", "inheritance", "paypal",
                        "elon", "giveaway", "beneficiary", "bank details", "account manager",
                        "passive income", "lend me", "payday loan", "debt free", "tax refund",
                        "whatsapp me", "telegram me", "wire transfer", "gift card",
                        "earn"})  # "earn £" and "earn $" are one token: earn
_SALE_WORDS = frozenset({"sale", "price", "prices", "buy", "order", "shop", "offer", "deal",
                         "deals", "cheap", "cheapest", "discount", "off", "free", "win"})
_HASHTAG = regex.compile(r"(?<![\w#])#\w+")
_URL = regex.compile(r"https?://|www\.", regex.IGNORECASE)
# "£5000 a week", "$800/day", "earn 2k per month": a sum per period of time.
_RATE = regex.compile(r"(?:[£$€]\s?\d[\d,.]*\s?k?|\d[\d,.]*\s?k?\s?(?:pounds|quid|dollars))"
                      r"\s*(?:a|an|per|every|/|each)\s*(?:day|week|month|hour|wk|hr)\b",
                      regex.IGNORECASE)
_MONEY = regex.compile(r"[£$€]\s?\d|\d+\s?(?:k|x)\b|\d+\s?%", regex.IGNORECASE)


def _income_offer(a: Analysis) -> Hit | None:
    """An offer of income (a sum per day or week, trading signals, work from home) with a call
    to act on it: DM me, join my Telegram, a link, "limited places"."""
    doc = a.doc
    rate = _RATE.search(a.text)
    offers = [(s, e) for s, e in a.get("INCOME") if not doc.quoted[s] and not negated(a, s, 2)]
    if not (rate or len({" ".join(doc.tokens[s:e]) for s, e in offers}) >= 2):
        return None
    if not (a.get("CTA") or links.extract_links(a.text) or a.context.links):
        return None
    if rate:
        return Hit("advertising.income_offer", chars=rate.span(), confidence=0.8)
    s, e = offers[0]
    return Hit("advertising.income_offer", s, e, 0.75)


def detect(a: Analysis) -> list[Hit]:
    doc = a.doc
    hits: list[Hit] = []
    charity = bool(a.get("CHARITY"))
    text = a.text
    commercial = bool(_MONEY.search(text)) or bool(a.get("SPAMWORD") and a.get("PROMO"))
    for tag in ("PROMO", "PROMO_WEAK"):
        for s, e in a.get(tag):
            if doc.quoted[s] or negated(a, s, 2) or charity:
                continue
            if tag == "PROMO" or commercial or _SALE_WORDS & set(doc.tokens):
                hits.append(Hit("advertising.promotion", s, e, 0.8 if tag == "PROMO" else 0.65))
                break
        if hits:
            break
    income = _income_offer(a)
    if income is not None and not charity:
        hits.append(income)
        if income.chars is not None:
            # A sum per day or week promised to strangers is a get-rich scheme as well.
            hits.append(Hit("financial_gain.scam", chars=income.chars, confidence=0.7))
    tags = len(_HASHTAG.findall(text))
    urls = len(_URL.findall(text)) + len(a.context.links)
    markers = {" ".join(doc.tokens[s:e]) for s, e in a.get("SPAMWORD")}
    if not charity and (tags >= 6 or urls >= 3 or (len(markers) >= 4 and (urls or tags >= 2))):
        hits.append(Hit("advertising.spam", 0, 0, 0.7, chars=(0, min(len(text), 80)),
                        note=f"{tags} hashtags, {urls} links"))
    scam = [(s, e) for s, e in a.get("SCAM") if not doc.quoted[s] and not negated(a, s, 2)]
    strong = [(s, e) for s, e in scam if " ".join(doc.tokens[s:e]) not in _WEAK_SCAM]
    distinct = {" ".join(doc.tokens[s:e]) for s, e in scam}
    lure = bool(_MONEY.search(text)) or urls > 0 or bool(a.get("PROMO")) or bool(a.get("LURE"))
    if strong or len(distinct) >= 3 or (len(distinct) >= 2 and lure):
        s, e = (strong or scam)[0]
        hits.append(Hit("financial_gain.scam", s, e, 0.85 if strong else 0.7))
    elif not charity:
        for s, e in a.get("SOLICIT"):
            if not doc.quoted[s] and not negated(a, s, 2):
                hits.append(Hit("financial_gain.solicitation", s, e, 0.7))
                break
    return hits
