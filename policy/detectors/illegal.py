"""Illegal activity: drugs supplied or sought, forged or stolen goods, fraud taught, hacking
for hire, and smuggling into a unit. A recovery story, a question about one's own
prescription, the news, harm reduction and a complaint about dealing are not."""

from __future__ import annotations

import regex

from policy.detectors import illegal_parties as parties
from policy.detectors import rulekit, stance
from policy.detectors.base import Analysis, Hit
from policy.detectors.hate import counter_speech
from policy.detectors.pairing import blocked, paired
from policy.wordlists import words

CATEGORY = "illegal"
PHRASES: dict[str, tuple[str, ...]] = {
    "DRUG": words("drugs"),
    "DRUG_SAFE": words("drug_safe"),
    "MEDS": words("meds"),
    "ILLEGAL": words("illegal_goods"),
    "FAKE": words("fake_marker"),
    "FAKE_GOODS": words("fake_goods"),
    "FRAUD_TARGET": words("fraud_target"),
    "DECEIT": words("deceit"),
    "HACK": words("hacking"),
    "SMUGGLE": words("smuggle"),
    "CONTRABAND": words("contraband"),
    "OFFER": words("offer"),
    "SERVICE_FAIL": words("service_failing"),
    "RECEIVED": words("offer_received"),
}
_SAFE = ("DRUG_SAFE", "RECOVERY", "REPORT")
# The poster offering what they have: "if anyone wants some", "who wants my", "I'll do a good
# price", "going for £5", "£10 a strip", "I sell my". "If anyone wants to talk" or "wants some
# advice" offers nothing, so a pronoun must end the clause.
_OFFER_CLAUSE = regex.compile(
    r"\bif\s+(?:any\s*one|anybody)\s+(?:\w+\s+){0,4}(?:wants?|needs?)\s+"
    r"(?:some|it|them|any|one)\b(?!\s+(?:advice|help|support|info|information|tips|company|"
    r"to|of\s+(?:my|the)\s+(?:leaflets|tickets)))"
    r"|\bwho\s+wants\s+(?:my|some|any)\b"
    r"|\b(?:i'?ll|i\s+will|i\s+can)\s+do\s+(?:you\s+)?(?:a\s+)?(?:good|mates|cheap|fair)\s+"
    r"(?:price|rates?|deal)\b"
    r"|\bgoing\s+for\s+[£$€]\s?\d|[£$€]\s?\d+\s*(?:each|a\s+(?:pill|tab|gram|bag|box|strip|pack))\b"
    r"|\bi\s+(?:sell|am\s+selling|'m\s+selling|flog)\s+(?:my|some|me)\b",
    regex.IGNORECASE)
# A story of selling long ago, or of getting clean, is not an offer.
_PAST = regex.compile(r"\bused\s+to\b|\byears\s+ago\b|\bback\s+when\b|\bclean\b|\bsober\b",
                      regex.IGNORECASE)
_OFFER_SAFE = ("RECOVERY", "REPORT")


def drug_supply(a: Analysis) -> Hit | None:
    """Selling, offering or seeking illegal drugs or diverted prescription drugs, in words or
    as a dealer's emoji menu.

    Bad: Selling xanax and weed, dm me
    Bad: ❄️❄️ available tonight, Norwich, DM for menu
    Bad: My mum's oxycodone is going spare, anyone want to buy?
    Bad: Got loads of diazepam left over from the ward, if anyone wants some message me
    Good: If anyone wants to talk about coming off diazepam, message me
    Good: I used to sell weed, three years clean now
    Good: My pharmacy hasn't got any pregabalin in stock, where else can I try?
    Good: I'm scared my daughter is buying pills online, who do I talk to?
    Good: There's a man selling weed by the bus stop every morning, I've told security
    Good: I've been buying codeine online and I can't stop, I need help
    Bad: I sell weed to a few of the lads on the ward, anyone else want in?
    Bad: Anyone on the ward got spare diazepam they'd sell me?
    Good: Can I take my leftover tablets back to the pharmacy?
    Good: New menu at the hospital café 🍃 vegan options available, come and try
    """
    found = paired(a, "DRUG", ("TRADE",), _SAFE, 7)
    if found:
        return Hit("illegal.drug_supply", *found, 0.8)
    found = parties.spare_meds_sought(a)
    if found:
        return Hit("illegal.drug_supply", *found, 0.75, note="another's prescription sought")
    found = paired(a, "MEDS", ("SALE_STRONG",), _SAFE, 10)
    if found:
        return Hit("illegal.drug_supply", *found, 0.75)
    found = _sold_by_poster(a)
    if found:
        return Hit("illegal.drug_supply", *found, 0.75, note="sold by the poster")
    found = _offered_by_poster(a)
    if found:
        return Hit("illegal.drug_supply", chars=found, confidence=0.75,
                   note="offered by the poster")
    menu = parties.emoji_menu(a)
    if menu is not None:
        return Hit("illegal.drug_supply", chars=menu, confidence=0.7)
    return None


# Verbs of supplying: the poster selling or delivering ("I sell weed to a few patients on the
# ward") is supply even in a sentence that names the ward or a clinic.
_SUPPLY = frozenset({"sell", "selling", "flog", "flogging", "supply", "supplying", "deliver",
                     "delivering", "shift", "shifting", "sort"})


def _sold_by_poster(a: Analysis) -> tuple[int, int] | None:
    """The poster selling or delivering a drug, by their own first-person verb, now."""
    toks = a.doc.tokens
    for s, _e in a.get("TRADE"):
        if toks[s] not in _SUPPLY or not stance.poster_is_doer(a, s):
            continue
        if blocked(a, s, _OFFER_SAFE):
            continue
        for tag in ("DRUG", "MEDS"):
            for ds, de in a.near(tag, s, s + 1, 0, 5):
                if not a.doc.quoted[ds]:
                    return s, de
    return None


def _offered_by_poster(a: Analysis) -> tuple[int, int] | None:
    """A drug or a prescription medicine in a post where the poster offers it for others to
    have or buy, in whichever sentence the offer comes."""
    offer = _OFFER_CLAUSE.search(a.text)
    if offer is None or _PAST.search(a.text):
        return None
    doc = a.doc
    for tag in ("DRUG", "MEDS"):
        for s, _e in a.get(tag):
            if not doc.quoted[s] and not blocked(a, s, _OFFER_SAFE):
                return offer.span()
    return None


def solicitation(a: Analysis) -> Hit | None:
    """Offering or seeking forged documents, counterfeit money or stolen goods.

    Bad: I can do you a fake sick note for a tenner
    Bad: I sell stolen phones, unlocked, no IMEI problems
    Good: How do I get a fit note from my GP?
    Good: Two men jailed for selling fake fit notes, court hears
    Bad: Anyone need a fit note? I can get you one signed, £40
    Good: Prescriptions cost £9.90 each now, I can't afford mine
    """
    for s, e in a.get("ILLEGAL"):
        if not blocked(a, s, _SAFE) and not counter_speech(a, s):
            return Hit("illegal.solicitation", s, e, 0.8)
    found = paired(a, "FAKE", ("FAKE_GOODS",), _SAFE, 3)
    if found and paired(a, "FAKE", ("TRADE", "OFFER"), _SAFE, 10):
        return Hit("illegal.solicitation", *found, 0.75)
    found = _document_sold(a)
    if found:
        return Hit("illegal.solicitation", *found, 0.7, note="a medical document sold")
    return None


_DOCUMENTS = frozenset({"fit note", "fit notes", "sick note", "sick notes", "doctors note",
                        "doctor's note", "blue badge", "prescriptions", "prescription"})
_PRICE = regex.compile(r"[£$€]\s?\d|\b\d+\s?quid\b|\ba\s+tenner\b|\ba\s+fiver\b",
                       regex.IGNORECASE)
_FROM_ME = regex.compile(r"\bfrom\s+me\b|\bi\s+can\s+get\s+you\b|\banyone\s+need\b|"
                         r"\bwho\s+needs\b|\bmessage\s+me\b|\bdm\s+me\b", regex.IGNORECASE)


def _document_sold(a: Analysis) -> tuple[int, int] | None:
    """A fit note, sick note or prescription sold by the poster at a price: only a doctor
    gives one, so one on sale is forged or misused whether or not the post says "fake"."""
    if not _PRICE.search(a.text) or not _FROM_ME.search(a.text):
        return None
    toks = a.doc.tokens
    for s, e in a.get("FAKE_GOODS"):
        if " ".join(toks[s:e]) in _DOCUMENTS and not blocked(a, s, _SAFE):
            return s, e
    return None


def fraud_advice(a: Analysis) -> Hit | None:
    """Showing people how to claim benefits, badges or exemptions falsely.

    Bad: Here's how to get free prescriptions by lying on the form, works every time
    Good: Someone used my details to claim benefits, I'm in bits about it
    """
    found = paired(a, "FRAUD_TARGET", ("DECEIT",), _SAFE, 10)
    return Hit("illegal.fraud_advice", *found, 0.75) if found else None


def hacking(a: Analysis) -> Hit | None:
    """Hacking into accounts, phones or systems offered or sought as a service.

    Bad: I can hack any Instagram or Facebook account, message me
    Good: My Facebook was hacked and someone messaged my friends asking for money
    """
    for s, e in a.get("HACK"):
        if not blocked(a, s, _SAFE):
            return Hit("illegal.hacking", s, e, 0.75)
    return None


def smuggling(a: Analysis) -> Hit | None:
    """Offering to get drugs, phones or alcohol into a ward or secure unit past staff.

    Bad: I can get phones and weed into the secure unit for you, just tell me what you need
    Good: Drugs are getting into the unit and staff must know, this is a serious complaint
    """
    found = paired(a, "SMUGGLE", ("CONTRABAND", "DRUG"), _SAFE, 12)
    if found and a.get("OFFER"):
        return Hit("illegal.smuggling", *found, 0.75)
    return None


RULE_FUNCTIONS = (drug_supply, solicitation, fraud_advice, hacking, smuggling)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    if a.get("SERVICE_FAIL"):
        # A complaint that drugs or stolen goods reach patients is fair criticism to be
        # answered, never a post to hide.
        return []
    if stance.telling(a, stance.WITH_FICTION) and not _OFFER_CLAUSE.search(a.text):
        # A parent afraid their child is dealing, a bystander who told security, a story of
        # being groomed into selling: someone else's act told to get help, not an offer.
        return []
    if a.get("RECEIVED") and not stance.poster_acts(a):
        # An offer the poster was sent, passed on so others block or report it: "got a text
        # offering me a fake fit note, is this a scam?" warns and asks; it sells nothing.
        return []
    return rulekit.run(a, RULE_FUNCTIONS)
