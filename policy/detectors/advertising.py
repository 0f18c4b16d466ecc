"""Irrelevant advertising and spam. Fundraising for the trust's charity, a ward or a
mental-health charity, the trust's own services, and a patient recommending what helped them
are not advertising."""

from __future__ import annotations

import regex

from policy.detectors import advertising_speech as speech
from policy.detectors import links, rulekit
from policy.detectors.base import FIRST_PERSON, Analysis, Hit, distress_context
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
# "20% off", "code SAVE20": the terms of a sale.
_DEAL = regex.compile(r"\d+\s?%\s?off|\bcode\s+[A-Z0-9]{3,}\b")
# A price as a seller writes it: "£25", "from £199", "£5 each", "3 for 2", "50p".
_PRICE = regex.compile(r"[£$€]\s?\d|\b\d+\s?p\b|\b\d\s+for\s+\d\b|\b\d+\s?%",
                       regex.IGNORECASE)

# The poster as the seller, or selling for someone close: "I now sell them", "I provide
# writing services", "my code", "her Etsy shop".
_SELLER = regex.compile(
    r"\bi\s+(?:now\s+|also\s+|currently\s+|even\s+)?(?:sell|provide|offer|stock|supply)\b"
    r"|\bmy\s+(?:code|shop|store|small\s+business|etsy|discount)\b"
    r"|\b(?:her|his|their)\s+(?:etsy|shop|store|small\s+business|business\s+page)\b",
    regex.IGNORECASE)
# What a seller asks the reader to do about it.
_SELLER_CALL = regex.compile(
    r"\buse\s+(?:my\s+)?code\b|\bmessage\s+me\b|\bdm\s+(?:me|us)\b|\bcheck\s+out\b|"
    r"\bfollow\s+(?:her|his|my|their)\s+(?:page|shop|account)\b|\border\s+(?:yours|urs|now)\b|"
    r"\blink\s+in\s+(?:my\s+)?bio\b|\bon\s+whatsapp\b|\bshop\s+now\b|\bget\s+in\s+touch\b",
    regex.IGNORECASE)
# Something bought: a seller names goods, a price or terms ("a listening ear" is not sold).
_GOODS = regex.compile(
    r"\b(?:services?|products?|supplements?|jewell?ery|prices?|rates|quote|order|shop|etsy|"
    r"discount|code|stock|business|handmade|grades|essays?)\b|[£$€]\s?\d|\d+\s?%",
    regex.IGNORECASE)


def _poster_selling(a: Analysis) -> tuple[int, int] | None:
    """The poster, or someone close to them, selling goods or a service and asking readers
    to act on it, in whichever sentence each part comes."""
    seller = _SELLER.search(a.text)
    if seller is None or _SELLER_CALL.search(a.text) is None or _GOODS.search(a.text) is None:
        return None
    doc = a.doc
    own = {doc.sents[s] for s, _ in a.get("OWN_SERVICE")}
    sent = next((doc.sents[i] for i in range(len(doc.tokens))
                 if doc.original_span(i, i + 1)[1] > seller.start()), -1)
    if sent in own or _complaining(a):
        return None  # the trust's own service, or a complaint that names a shop
    return seller.span()


def _free(a: Analysis, s: int) -> bool:
    return not a.doc.quoted[s] and not negated(a, s, 2)


def _question(a: Analysis, sent: int) -> bool:
    """The sentence asks rather than tells ("Does anyone know where to book ...?")."""
    first, last = a.sentence_range(sent)
    if last <= first:
        return False
    end = a.doc.original_span(last - 1, last)[1]
    return a.doc.norm.original[end:end + 3].lstrip()[:1] == "?"


_CLAUSE_BREAK = frozenset({",", ":", ";", "-"})
# A sentence or clause opening with one of these verbs is an order to the reader: "Buy cheap likes",
# "Book your consultation today", "Text 07700 900123 for a quote".
_IMPERATIVE_SALE = frozenset({"buy", "order", "shop", "book", "grab", "rent", "hire",
                              "download", "enter", "enquire", "dm", "pm", "inbox", "bet"})
_IMPERATIVE_CONTACT = frozenset({"call", "ring", "text", "whatsapp", "visit", "try", "get",
                                 "join", "click", "discover", "treat", "use", "message"})


def _calls(a: Analysis, tag: str, imperatives: frozenset[str]) -> list[tuple[int, int]]:
    """Calls to act that are told, not asked, and not about the trust's own services."""
    doc = a.doc
    own = {doc.sents[s] for s, _ in a.get("OWN_SERVICE")}
    spans = list(a.get(tag))
    spans += [(i, i + 1) for i, t in enumerate(doc.tokens)
              if t in imperatives and (i == 0 or doc.sents[i - 1] != doc.sents[i]
                                       or doc.tokens[i - 1] in _CLAUSE_BREAK)]
    return [(s, e) for s, e in sorted(spans)
            if _free(a, s) and doc.sents[s] not in own and not _question(a, doc.sents[s])]


def _complaining(a: Analysis) -> bool:
    """The writer complains about what happened to them: a seller does not run their own
    offer down, and a complaint about a charge talks of prices and asks to be called."""
    if a.get("COMPLAIN"):
        return True
    first = sum(1 for t in a.doc.tokens if t in FIRST_PERSON)
    return first >= 1 and len({" ".join(a.doc.tokens[s:e]) for s, e in a.get("BAD")}) >= 2


def _seller_call(a: Analysis) -> tuple[int, int] | None:
    """An advert is a call to act (book now, order, DM me, a link) beside an offer (goods or
    a service for sale, a deal, a price) or a sales pitch (just launched, spaces available,
    no waiting list). Each side scores once: a plain sales call or goods for sale 2, a call
    to get in touch, talk of prices or a pitch 1; 3 is an advert. "Call me" beside "the
    prices" is how complaints end, so it scores 2 and is not enough."""
    if _complaining(a):
        return None
    strong_call = _calls(a, "AD_CALL", _IMPERATIVE_SALE)
    contact = _calls(a, "AD_CONTACT", _IMPERATIVE_CONTACT)
    call = 2 if strong_call else (1 if contact else 0)
    goods = any(_free(a, s) for s, _ in a.get("AD_OFFER"))
    money = bool(_PRICE.search(a.text)) or any(_free(a, s) for s, _ in a.get("AD_OFFER_WEAK"))
    offer = 2 if goods else (1 if money else 0)
    pitch = 1 if any(_free(a, s) for s, _ in a.get("AD_PITCH")) else 0
    if call + offer + pitch < 3 or not (call or goods):
        return None
    return (strong_call or contact or a.get("AD_OFFER"))[0]


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
    call = _seller_call(a)
    if call:
        return Hit("advertising.promotion", *call, 0.7, note="a call to buy beside an offer")
    selling = _poster_selling(a)
    if selling:
        return Hit("advertising.promotion", chars=selling, confidence=0.7,
                   note="the poster selling")
    own = {doc.sents[s] for s, _ in a.get("OWN_SERVICE")}
    found = None if _complaining(a) else speech.own_business(a, own)
    if found and not _question(a, doc.sents[found[0]]):
        return Hit("advertising.promotion", *found, 0.65, note="the poster's own business")
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
    strong = _DEAL.search(a.text) or _SELLER.search(a.text) or (
        _PRICE.search(a.text) and (a.get("SHOP") or a.get("AD_CALL")))
    if not strong:
        return None
    return Hit("advertising.pitch_in_story", chars=strong.span(), confidence=0.7)


RULE_FUNCTIONS = (promotion, income_offer, spam, pitch_in_story)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    return rulekit.run(a, RULE_FUNCTIONS)
