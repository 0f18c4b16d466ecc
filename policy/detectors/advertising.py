"""Irrelevant advertising and spam. Fundraising for the trust's charity, a ward or a
mental-health charity, the trust's own services, and a patient recommending what helped them
are not advertising."""

from __future__ import annotations

import regex

from policy.detectors import links, rulekit
from policy.detectors.base import Analysis, Hit
from policy.detectors.hate import negated
from policy.wordlists import words

CATEGORY = "advertising"
PHRASES: dict[str, tuple[str, ...]] = {
    "PROMO": words("promotion"),
    "PROMO_WEAK": words("promotion_weak"),
    "SPAMWORD": words("spam_markers"),
    "CHARITY": words("charity_safe"),
    "INCOME": words("income"),
    "CTA": words("call_to_act"),
    "OFFER_TERMS": words("offer_terms"),
    "SHOP": words("shop_words"),
}
_SALE_WORDS = frozenset({"sale", "price", "prices", "buy", "order", "shop", "offer", "deal",
                         "deals", "cheap", "cheapest", "discount", "off", "free", "win"})
_HASHTAG = regex.compile(r"(?<![\w#])#\w+")
_URL = regex.compile(r"https?://|www\.", regex.IGNORECASE)
# "£5000 a week", "$800/day", "earn 2k per month": a sum per period of time.
_RATE = regex.compile(r"(?:[£$€]\s?\d[\d,.]*\s?k?|\d[\d,.]*\s?k?\s?(?:pounds|quid|dollars))"
                      r"\s*(?:a|an|per|every|/|each)\s*(?:day|week|month|hour|wk|hr)\b",
                      regex.IGNORECASE)
_MONEY = regex.compile(r"[£$€]\s?\d|\d+\s?(?:k|x)\b|\d+\s?%", regex.IGNORECASE)
# "20% off", "code SAVE20": the terms of a sale.
_DEAL = regex.compile(r"\d+\s?%\s?off|\bcode\s+[A-Z0-9]{3,}\b")


def _free(a: Analysis, s: int) -> bool:
    return not a.doc.quoted[s] and not negated(a, s, 2)


def promotion(a: Analysis) -> Hit | None:
    """Promotes a product, service, page or account: a call to buy, follow or subscribe, or
    the terms of a sale (a price, a discount, a code) beside a shop or a call to order.

    Bad: Use code SAVE20 for 20% off all vapes
    Bad: Get 15% off weighted blankets with code CALM15 at checkout
    Good: Our fun run raised money for the hospital charity, thank you
    Good: The Headspace app really helped me sleep, worth trying
    """
    if a.get("CHARITY"):
        return None
    doc = a.doc
    commercial = bool(_MONEY.search(a.text)) or bool(a.get("SPAMWORD") and a.get("PROMO"))
    for s, e in a.get("PROMO"):
        if _free(a, s):
            return Hit("advertising.promotion", s, e, 0.8)
    for s, e in a.get("PROMO_WEAK"):
        if _free(a, s) and (commercial or _SALE_WORDS & set(doc.tokens)):
            return Hit("advertising.promotion", s, e, 0.65)
    deal = _DEAL.search(a.text)
    terms = [(s, e) for s, e in a.get("OFFER_TERMS") if _free(a, s)]
    shop = [(s, e) for s, e in a.get("SHOP") if _free(a, s)]
    if (deal or terms) and shop:
        s, e = shop[0]
        return Hit("advertising.promotion", s, e, 0.7)
    if deal and terms:
        s, e = terms[0]
        return Hit("advertising.promotion", s, e, 0.7)
    return None


@rulekit.memo
def income_offer(a: Analysis) -> Hit | None:
    """Offers a way to make money (a sum per day or week, working from home, trading signals)
    and calls people to act on it (DM me, join my Telegram, a link, "limited places").

    Bad: Earn £300 a day from your phone, DM me for info
    Good: I only earn £300 a week and can't afford the bus to the clinic
    """
    if a.get("CHARITY"):
        return None
    doc = a.doc
    rate = _RATE.search(a.text)
    offers = [(s, e) for s, e in a.get("INCOME") if _free(a, s)]
    if not (rate or len({" ".join(doc.tokens[s:e]) for s, e in offers}) >= 2
            or (offers and a.get("SHOP"))):
        return None
    if not (a.get("CTA") or a.get("SHOP") or links.extract_links(a.text) or a.context.links):
        return None
    if rate:
        return Hit("advertising.income_offer", chars=rate.span(), confidence=0.8)
    s, e = offers[0]
    return Hit("advertising.income_offer", s, e, 0.75)


def spam(a: Analysis) -> Hit | None:
    """Spam patterns: piles of hashtags, links or sales words.

    Bad: #win #free #cash #giveaway #follow #rt #prize click now
    Good: Proud of our team #NHS #MentalHealthAwareness
    """
    if a.get("CHARITY"):
        return None
    text = a.text
    tags = len(_HASHTAG.findall(text))
    urls = len(_URL.findall(text)) + len(a.context.links)
    markers = {" ".join(a.doc.tokens[s:e]) for s, e in a.get("SPAMWORD")}
    if tags >= 6 or urls >= 3 or (len(markers) >= 4 and (urls or tags >= 2)):
        return Hit("advertising.spam", 0, 0, 0.7, chars=(0, min(len(text), 80)),
                   note=f"{tags} hashtags, {urls} links")
    return None


RULE_FUNCTIONS = (promotion, income_offer, spam)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    return rulekit.run(a, RULE_FUNCTIONS)
