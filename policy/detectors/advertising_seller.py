"""Who is selling and what they ask of the reader: the poster (or someone close to them)
selling goods or a service, and a call to act (book now, DM me, a link) scored beside an offer
or a pitch. A complaint that talks of prices and asks to be called is neither.

Shared by the advertising rules (advertising.py), which turn these readings into hits.
"""

from __future__ import annotations

import regex

from policy.detectors.base import FIRST_PERSON, Analysis
from policy.detectors.hate import negated

# "20% off", "code SAVE20": the terms of a sale.
DEAL = regex.compile(r"\d+\s?%\s?off|\bcode\s+[A-Z0-9]{3,}\b")
# A price as a seller writes it: "£25", "from £199", "£5 each", "3 for 2", "50p".
PRICE = regex.compile(r"[£$€]\s?\d|\b\d+\s?p\b|\b\d\s+for\s+\d\b|\b\d+\s?%",
                      regex.IGNORECASE)

# The poster as the seller, or selling for someone close: "I now sell them", "I provide
# writing services", "my code", "her Etsy shop".
SELLER = regex.compile(
    r"\bi\s+(?:now\s+|also\s+|currently\s+|even\s+)?(?:sell|provide|offer|stock|supply)\b"
    r"|\bmy\s+(?:code|shop|store|small\s+business|etsy|discount)\b"
    r"|\b(?:her|his|their)\s+(?:etsy|shop|store|small\s+business|business\s+page)\b",
    regex.IGNORECASE)
# A UK phone number as a trader writes it: "07700 900456", "01603 123456", "+44 7700 900456".
_PHONE = regex.compile(r"(?<!\d)(?:\+44\s?7\d{3}|07\d{3}|01\d{3})\s?\d{3}\s?\d{3}(?!\d)")
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


def poster_selling(a: Analysis) -> tuple[int, int] | None:
    """The poster, or someone close to them, selling goods or a service and asking readers
    to act on it, in whichever sentence each part comes."""
    seller = SELLER.search(a.text)
    if seller is None or _SELLER_CALL.search(a.text) is None or _GOODS.search(a.text) is None:
        return None
    doc = a.doc
    own = {doc.sents[s] for s, _ in a.get("OWN_SERVICE")}
    sent = next((doc.sents[i] for i in range(len(doc.tokens))
                 if doc.original_span(i, i + 1)[1] > seller.start()), -1)
    if sent in own or complaining(a):
        return None  # the trust's own service, or a complaint that names a shop
    return seller.span()


def free(a: Analysis, s: int) -> bool:
    return not a.doc.quoted[s] and not negated(a, s, 2)


def question(a: Analysis, sent: int) -> bool:
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
                                 "join", "click", "discover", "treat", "use", "message", "comment"})


def _calls(a: Analysis, tag: str, imperatives: frozenset[str]) -> list[tuple[int, int]]:
    """Calls to act that are told, not asked, and not about the trust's own services."""
    doc = a.doc
    own = {doc.sents[s] for s, _ in a.get("OWN_SERVICE")}
    spans = list(a.get(tag))
    spans += [(i, i + 1) for i, t in enumerate(doc.tokens)
              if t in imperatives and (i == 0 or doc.sents[i - 1] != doc.sents[i]
                                       or doc.tokens[i - 1] in _CLAUSE_BREAK)]
    return [(s, e) for s, e in sorted(spans)
            if free(a, s) and doc.sents[s] not in own and not question(a, doc.sents[s])]


def complaining(a: Analysis) -> bool:
    """The writer complains about what happened to them: a seller does not run their own
    offer down, and a complaint about a charge talks of prices and asks to be called."""
    if a.get("COMPLAIN"):
        return True
    first = sum(1 for t in a.doc.tokens if t in FIRST_PERSON)
    return first >= 1 and len({" ".join(a.doc.tokens[s:e]) for s, e in a.get("BAD")}) >= 2


def seller_call(a: Analysis) -> tuple[int, int] | None:
    """An advert is a call to act (book now, order, DM me, a link) beside an offer (goods or
    a service for sale, a deal, a price) or a sales pitch (just launched, spaces available,
    no waiting list). Each side scores once: a plain sales call or goods for sale 2, a call
    to get in touch, talk of prices or a pitch 1; 3 is an advert. "Call me" beside "the
    prices" is how complaints end, so it scores 2 and is not enough."""
    if complaining(a):
        return None
    strong_call = _calls(a, "AD_CALL", _IMPERATIVE_SALE)
    contact = _calls(a, "AD_CONTACT", _IMPERATIVE_CONTACT)
    # A phone number is a way to get in touch: "call Dave on 07700 900456".
    call = 2 if strong_call else (1 if contact or _PHONE.search(a.text) else 0)
    goods = any(free(a, s) for s, _ in a.get("AD_OFFER"))
    money = bool(PRICE.search(a.text)) or any(free(a, s) for s, _ in a.get("AD_OFFER_WEAK"))
    offer = 2 if goods else (1 if money else 0)
    pitch = 1 if any(free(a, s) for s, _ in a.get("AD_PITCH")) else 0
    if call + offer + pitch < 3 or not (call or goods):
        return None
    return (strong_call or contact or a.get("AD_OFFER"))[0]
