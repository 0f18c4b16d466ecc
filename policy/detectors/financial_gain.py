"""Scams and bids for personal financial gain. Fundraising for the trust, a ward or a charity,
money worries, warnings about scams and questions about costs are not."""

from __future__ import annotations

import regex

from policy.detectors import advertising, rulekit
from policy.detectors.base import Analysis, Hit
from policy.detectors.hate import negated
from policy.wordlists import words

CATEGORY = "financial_gain"
PHRASES: dict[str, tuple[str, ...]] = {
    "SCAM": words("scam"),
    "SCAM_WEAK": words("scam_weak"),
    "LURE": words("lure"),
    "SOLICIT": words("solicit"),
    "SCAM_WARNING": words("scam_warning"),
}
_URL = regex.compile(r"https?://|www\.", regex.IGNORECASE)
_MONEY = regex.compile(r"[£$€]\s?\d|\d+\s?(?:k|x)\b|\d+\s?%|\$\$|£££", regex.IGNORECASE)
_SUM = r"[£$€]\s?\d[\d,.]*k?"
# The return a scheme promises: one sum turned into a bigger one ("£200 into £2,000",
# "invest £100 get £1000"), a rate ("3% a day", "10x in a week", "guaranteed 25% returns"),
# or the poster's own takings ("I earn £300 a day", "six figures from home").
_RETURN = regex.compile(
    _SUM + r"\s+(?:into|get|and get|becomes|->|→)\s+" + _SUM
    + r"|\b\d+(?:\.\d+)?\s?%\s+(?:a|per|every|each)\s+(?:day|week|month)"
    + r"|\b\d+\s?x\s+(?:in|within|by)\b|\bdaily returns?\b"
    + r"|\bguaranteed\s+(?:\d+\s?%\s+)?(?:returns?|profits?)\b|\breturns?\s+(?:are\s+)?guaranteed\b"
    + r"|\b(?:i|we)\s+(?:now\s+|have\s+been\s+|been\s+|am\s+|'ve\s+been\s+)?"
    + r"(?:earn|earning|make|making|made|earned)\s+(?:over\s+|up\s+to\s+)?(?:" + _SUM
    + r"|six\s+figures|seven\s+figures)"
    + r"|\bsix\s+figures\b|\bseven\s+figures\b"
    + r"|\b(?:flip|turn|grow|double|triple)\s+your\s+" + _SUM
    + r"|\b(?:get|give\s+you|pay\s+you)\s+(?:it\s+)?(?:back\s+)?(?:double|twice|triple)\b"
    + r"|\b(?:twice|double)\s+(?:as\s+much\s+)?back\b|\b\d+\s?%\s+returns?\b"
    + r"|\bget\s+paid\s+to\b|\b(?:life[-\s]changing|passive|residual)\s+income\b"
    + r"|\bbe\s+your\s+own\s+boss\b|\bbusiness\s+opportunity\b"
    # A cut for moving money through one's account ("you keep £200", "keep 20%").
    + r"|\b(?:you\s+|and\s+)?keep\s+(?:" + _SUM + r"|\d+\s?%)",
    regex.IGNORECASE)
# Every shape of _RETURN holds a currency sign, a digit before "%" or "x", or one of these
# words: a cheap first look that spares most posts the full pattern (a plain number, as in
# "waited 4 hours", is not enough, and it runs on every post).
_RETURN_HINT = regex.compile(r"[£$€]|\d\s?[%x]|return|figures|double|twice|triple|paid|income|"
                             r"boss|opportunit|profit", regex.IGNORECASE)
# How the scheme is joined: a contact, a link or a code ("ask me how", "sign up with my code").
_JOIN = regex.compile(
    r"\b(?:ask\s+me\s+how|find\s+out\s+how|sign\s+up|my\s+code|link\s+in\s+(?:my\s+)?bio|"
    r"dm\b|d\.m\.|message\s+me|inbox|whatsapp|telegram|instagram|cash\s*app|spots?\s+left|"
    r"places\s+left|only\s+\d+\s+(?:spots|places)|contact\s+(?:me|us|him|her)|"
    r"on\s+(?:facebook|instagram|whatsapp|telegram|snapchat|tiktok)|call\s+(?:me|us|today|now)|"
    r"message\s+for|who'?s\s+in|comment\s+yes|join\s+my\s+team|recruit)",
    regex.IGNORECASE)
# Money sent to the poster's own pocket ("to my personal PayPal", "straight to me"): a
# fundraiser with it is a bid for the poster's own gain, whatever cause it names.
_OWN_POCKET = regex.compile(
    r"\b(?:to|into|via)\s+my\s+(?:own\s+|personal\s+)(?:paypal|account|bank|bank\s+account|"
    r"cash\s*app|revolut|monzo)\b|\bstraight\s+to\s+me\b|\bmy\s+personal\s+account\b"
    # A request that the reader pay into the poster's own bank or app ("anyone who can help
    # please transfer to my Monzo"), or the poster's account number given for donations.
    r"|\b(?:please|pls|plz)\s+(?:\w+\s+){0,2}(?:send|transfer|pay|donate)\s+(?:\w+\s+){0,3}"
    r"(?:to|into)\s+my\s+(?:paypal|monzo|revolut|cash\s*app|venmo|bank|account)\b"
    r"(?!\s+(?:manager|details|settings|page|team))"
    r"|\bmy\s+(?:bank\s+)?account\s+(?:number\s+)?(?:is\s+)?\d{6,}",
    regex.IGNORECASE)
# Money asked for a cause that is not the poster ("donate to the League of Friends", "our
# fundraiser for the baby unit"): fundraising, unless the money goes to the poster's pocket.
_FOR_OTHERS = regex.compile(
    r"\b(?:donate|donating|donations?|money|penny|proceeds|fundraiser|fundraising|raising|"
    r"appeal|sponsor\s+me)\s+(?:\w+\s+){0,2}(?:to|for)\s+(?:the|our|a|this)\s+",
    regex.IGNORECASE)
# "Send me £10", "can everyone send me money for my holiday": asked in the form of a request
# (an order at the start of a sentence, "please", "can you"). Told of ("my dad would just
# give me money") it is a story, not a bid.
_ASK_MONEY = regex.compile(
    r"(?:^|[.!?,;:]\s*|\b(?:please|pls|plz)\s+|\b(?:can|could|would|will)\s+"
    r"(?:you|u|someone|anyone|everyone|somebody|anybody|people|you\s+all)\s+(?:please\s+)?)"
    r"(?:send|give|lend|transfer|pay)\s+(?:me|us)\s+(?:a\s+few\s+quid|money|cash|" + _SUM + r")",
    regex.IGNORECASE)


def _live(a: Analysis, tag: str) -> list[tuple[int, int]]:
    doc = a.doc
    warned = {doc.sents[s] for s, _ in a.get("SCAM_WARNING")}
    return [(s, e) for s, e in a.get(tag)
            if not doc.quoted[s] and not negated(a, s, 2) and doc.sents[s] not in warned]


def _investment_offer(a: Analysis) -> tuple[int, int] | None:
    """An offer with a promised return and a way to join it: the grammar of an investment
    scheme, whatever the asset is called. A warning about one, or a denial, is not an offer."""
    ret = _RETURN.search(a.text) if _RETURN_HINT.search(a.text) else None
    if ret is None or (_JOIN.search(a.text) is None and not (a.get("LURE") or a.context.links
                                                            or a.get("SCAM_WEAK"))):
        return None
    if a.get("SCAM_WARNING") or a.doc.quoted[min(_token_at(a, ret.start()), len(a.doc.quoted) - 1)]:
        return None
    return ret.span()


def _token_at(a: Analysis, char: int) -> int:
    """The token index holding an original character offset (the first at or after it)."""
    doc = a.doc
    for i in range(len(doc.tokens)):
        if doc.original_span(i, i + 1)[1] > char:
            return i
    return max(len(doc.tokens) - 1, 0)


@rulekit.memo
def scam(a: Analysis) -> Hit | None:
    """Scam patterns: investment and crypto schemes, prizes and fees, fake grants and refunds,
    loans, money mules, gift cards and requests for bank details; also a sum per day or week
    promised to strangers.

    Bad: I made £5000 a week with bitcoin trading, contact my account manager
    Bad: You have won a prize, send a processing fee to claim
    Good: I lost a lot of money to gambling and need support
    Good: Warning, there's a fake NHS refund text going round, don't click it
    """
    income = advertising.income_offer(a)
    if income is not None:
        return Hit("financial_gain.scam", income.start, income.end, 0.7, chars=income.chars)
    offer = _investment_offer(a)
    if offer is not None:
        return Hit("financial_gain.scam", chars=offer, confidence=0.75)
    strong = _live(a, "SCAM")
    weak = _live(a, "SCAM_WEAK")
    distinct = {" ".join(a.doc.tokens[s:e]) for s, e in strong + weak}
    lure = (bool(_MONEY.search(a.text)) or bool(_URL.search(a.text)) or bool(a.context.links)
            or bool(a.get("LURE")) or bool(a.get("PROMO")))
    if strong or len(distinct) >= 3 or (len(distinct) >= 2 and lure):
        s, e = (strong or weak)[0]
        return Hit("financial_gain.scam", s, e, 0.85 if strong else 0.7)
    return None


def solicitation(a: Analysis) -> Hit | None:
    """Asks people to send the poster money, for the poster's own ends.

    Bad: Please donate to my gofundme for a new car
    Good: We raised money for the hospital charity, thank you everyone
    Good: Shaving my head for Mind next month, please donate if you can
    Good: If I told my dad he would just give me money, he never knows what else to do
    """
    if scam(a) is not None or a.get("SCAM_WARNING"):
        return None
    own = _OWN_POCKET.search(a.text)
    if own is not None:
        return Hit("financial_gain.solicitation", chars=own.span(), confidence=0.7)
    if a.get("CHARITY") or _FOR_OTHERS.search(a.text):
        return None
    ask = _ASK_MONEY.search(a.text)
    if ask is not None and not negated(a, _token_at(a, ask.start()), 2):
        return Hit("financial_gain.solicitation", chars=ask.span(), confidence=0.7)
    for s, e in _live(a, "SOLICIT"):
        return Hit("financial_gain.solicitation", s, e, 0.7)
    return None


RULE_FUNCTIONS = (scam, solicitation)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    return rulekit.run(a, RULE_FUNCTIONS)
