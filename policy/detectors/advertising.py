"""Irrelevant advertising and spam. Fundraising for the trust's charity, a ward or a
mental-health charity, the trust's own services, and a patient recommending what helped them
are not advertising."""

from __future__ import annotations

import regex

from policy.detectors import advertising_seller as seller
from policy.detectors import advertising_speech as speech
from policy.detectors import links, rulekit
from policy.detectors.base import Analysis, Hit, distress_context
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
    "AD_CALL": words("ad_call"),
    "AD_OFFER": words("ad_offer"),
    "AD_CONTACT": words("ad_contact"),
    "AD_OFFER_WEAK": words("ad_offer_weak"),
    "AD_PITCH": words("ad_pitch"),
    "OWN_SERVICE": words("own_service"),
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
@rulekit.memo
def promotion(a: Analysis) -> Hit | None:
    """Promotes a product, service, page or account: a call to buy, follow or subscribe, or
    the terms of a sale (a price, a discount, a code) beside a shop or a call to order.

    Bad: Use code SAVE20 for 20% off all vapes
    Bad: Get 15% off weighted blankets with code CALM15 at checkout
    Bad: Gutter cleaning from £40, fully insured, text me to book
    Good: Does anyone know where to book cheap driving lessons?
    Good: Our fun run raised money for the hospital charity, thank you
    Good: The Headspace app really helped me sleep, worth trying
    Bad: Thanks Ward 3! Also, I now sell skincare products, use my code NURSE10
    Good: I offer a listening ear to other dads on the ward, message me anytime
    Bad: My new book on anxiety is out now on Amazon, grab a copy
    Bad: Our family run garage does MOTs for £35, ring us
    Good: I read a brilliant book about anxiety, I'd recommend it to anyone
    Good: The new café on site does a lovely flat white
    Bad: Tutor available for GCSE maths, online or in person, first lesson free
    Good: Is there a carer available to sit with my dad on the ward overnight?
    """
    if a.get("CHARITY"):
        return None
    doc = a.doc
    commercial = bool(_MONEY.search(a.text)) or bool(a.get("SPAMWORD") and a.get("PROMO"))
    for s, e in a.get("PROMO"):
        if seller.free(a, s):
            return Hit("advertising.promotion", s, e, 0.8)
    for s, e in a.get("PROMO_WEAK"):
        if seller.free(a, s) and (commercial or _SALE_WORDS & set(doc.tokens)):
            return Hit("advertising.promotion", s, e, 0.65)
    deal = seller.DEAL.search(a.text)
    terms = [(s, e) for s, e in a.get("OFFER_TERMS") if seller.free(a, s)]
    shop = [(s, e) for s, e in a.get("SHOP") if seller.free(a, s)]
    if (deal or terms) and shop:
        s, e = shop[0]
        return Hit("advertising.promotion", s, e, 0.7)
    if deal and terms:
        s, e = terms[0]
        return Hit("advertising.promotion", s, e, 0.7)
    call = seller.seller_call(a)
    if call:
        return Hit("advertising.promotion", *call, 0.7, note="a call to buy beside an offer")
    selling = seller.poster_selling(a)
    if selling:
        return Hit("advertising.promotion", chars=selling, confidence=0.7,
                   note="the poster selling")
    own = {doc.sents[s] for s, _ in a.get("OWN_SERVICE")}
    found = None if seller.complaining(a) else speech.own_business(a, own)
    if found and not seller.question(a, doc.sents[found[0]]):
        return Hit("advertising.promotion", *found, 0.65, note="the poster's own business")
    found = None if seller.complaining(a) else speech.for_hire(a)
    if found and not seller.question(a, doc.sents[found[0]]):
        return Hit("advertising.promotion", *found, 0.65, note="a trade offered for hire")
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
    offers = [(s, e) for s, e in a.get("INCOME") if seller.free(a, s)]
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


def pitch_in_story(a: Analysis) -> Hit | None:
    """A sales pitch told as the poster's own recovery: the poster selling, a discount code or
    a price with a call to buy, in a post about their struggles. Loose sales words in a post
    about distress are left alone (advertising.promotion is quiet there); a seller's code is
    not loose, and health-claim spam is often dressed as a recovery story.

    Bad: Anxiety wrecked my mental health until these gummies, I now sell them, use my code CALM10
    Good: Years of depression, then the recovery college course helped me, sign up, it's free
    """
    if not distress_context(a) or promotion(a) is None:
        return None
    strong = seller.DEAL.search(a.text) or seller.SELLER.search(a.text) or (
        seller.PRICE.search(a.text) and (a.get("SHOP") or a.get("AD_CALL")))
    if not strong:
        return None
    return Hit("advertising.pitch_in_story", chars=strong.span(), confidence=0.7)


RULE_FUNCTIONS = (promotion, income_offer, spam, pitch_in_story)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    return rulekit.run(a, RULE_FUNCTIONS)
