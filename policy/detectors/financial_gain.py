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


def _live(a: Analysis, tag: str) -> list[tuple[int, int]]:
    doc = a.doc
    warned = {doc.sents[s] for s, _ in a.get("SCAM_WARNING")}
    return [(s, e) for s, e in a.get(tag)
            if not doc.quoted[s] and not negated(a, s, 2) and doc.sents[s] not in warned]


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
    if income is not None and income.chars is not None:
        return Hit("financial_gain.scam", chars=income.chars, confidence=0.7)
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
    """
    if a.get("CHARITY") or scam(a) is not None:
        return None
    for s, e in _live(a, "SOLICIT"):
        return Hit("financial_gain.solicitation", s, e, 0.7)
    return None


RULE_FUNCTIONS = (scam, solicitation)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    return rulekit.run(a, RULE_FUNCTIONS)
