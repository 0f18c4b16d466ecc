"""Personal information: UK phone numbers, NHS numbers (check digit), emails, addresses,
dates of birth and hospital numbers.

Not personal: the trust's service numbers and helplines (policy data), freephone and shared
numbers, times, counts, prices, NHS-like numbers that fail the check digit, ordinary dates.
In a direct message to the trust, contact details are expected: they are still flagged (the
flags are what let the bot mask them in Slack), and the engine makes them low severity with no
removal, since a private message cannot be hidden.
"""

from __future__ import annotations

import nhs_number
import phonenumbers
import regex

from policy.detectors.base import Analysis, Hit

RULES = ("personal_info.phone", "personal_info.nhs_number", "personal_info.email",
         "personal_info.address", "personal_info.date_of_birth", "personal_info.hospital_number")
PHRASES: dict[str, tuple[str, ...]] = {}

_PERSONAL_TYPES = frozenset({
    phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE, phonenumbers.PhoneNumberType.PERSONAL_NUMBER,
    phonenumbers.PhoneNumberType.PAGER, phonenumbers.PhoneNumberType.VOIP,
})
_DIGIT = regex.compile(r"\d")
_TEN_DIGITS = regex.compile(r"(?<![\d£$.,/:])(\d{3})[ \-]?(\d{3})[ \-]?(\d{4})(?![\d/:])")
_NHS_WORD = regex.compile(r"\bnhs\b[^\n]{0,25}$", regex.IGNORECASE)
_EMAIL = regex.compile(r"(?<![\w.+-])[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b",
                       regex.IGNORECASE)
_POSTCODE = regex.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\b", regex.IGNORECASE)
_STREET = regex.compile(
    r"\b(?:flat\s+\d+[a-z]?,?\s+)?\d{1,4}[a-z]?,?\s+(?:[a-z'\-]+\s+){1,3}"
    r"(?:street|st|road|rd|lane|ln|avenue|ave|close|drive|way|court|crescent|place|grove|"
    r"gardens|terrace|square|mews|walk|row|parade|rise|green|vale|meadow|meadows|end)\b"
    r"(?:,?\s+[a-z]+){0,2}",
    regex.IGNORECASE,
)
_NOT_STREET_WORDS = frozenset({"hours", "hour", "minutes", "mins", "days", "day", "weeks", "week",
                               "months", "years", "miles", "times", "the", "a", "down", "up",
                               "on", "and", "to", "from", "my", "in", "at", "for", "or",
                               "people", "patients", "staff", "calls", "more", "other", "this",
                               "that", "long", "is", "was", "it", "are", "were", "be"})
_ADDRESS_WORDS = regex.compile(r"\b(?:live at|living at|lives at|address|my house|come to|"
                               r"find me at|postcode|post code|flat)\b", regex.IGNORECASE)
_DATE = (r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)?\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
         r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*,?\s+(?:19|20)\d{2}|"
         r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+\d{1,2}"
         r"(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2})")
_DOB = regex.compile(r"\b(?:d\.?o\.?b\.?|date of birth|born on|born|birthday is|birth date)"
                     r"\s*(?:is|was|:|-)?\s*" + _DATE, regex.IGNORECASE)
_HOSPITAL = regex.compile(
    r"\b(?:(?:hospital|patient|mrn|rio|unit|case|medical record|record|k|pas|systmone|emis)"
    r"\s*(?:number|no\.?|num|#|id)|mrn)\s*(?:is|:|-|=)?\s*([a-z]{0,3}\d{5,10}[a-z]?)\b",
    regex.IGNORECASE,
)


def _service_digits(a: Analysis) -> set[str]:
    return {s.digits for s in a.policy.service_numbers.values()}


def detect(a: Analysis) -> list[Hit]:
    text = a.text
    hits: list[Hit] = []
    digits = len(_DIGIT.findall(text))
    taken: list[tuple[int, int]] = []
    if digits >= 9:
        hits += _numbers(a, text, taken)
    if "@" in text:
        own = {v.lower() for v in a.policy.contacts.values() if "@" in v}
        # Every one, not only the first: each span is what masks it in Slack.
        hits += [Hit("personal_info.email", chars=m.span(), confidence=0.9)
                 for m in _EMAIL.finditer(text) if m.group(0).lower() not in own]
    if digits:
        hits += _addresses(text)
        hits += [Hit("personal_info.date_of_birth", chars=m.span(), confidence=0.85)
                 for m in _DOB.finditer(text)]
        hits += [Hit("personal_info.hospital_number", chars=m.span(), confidence=0.8)
                 for m in _HOSPITAL.finditer(text)
                 if not any(s <= m.start(1) < e for s, e in taken)]
    if hits and a.context.kind == "dm":
        a.notes["personal_info_in_dm"] = True  # asked for: "please DM us your details"
    return hits


def _numbers(a: Analysis, text: str, taken: list[tuple[int, int]]) -> list[Hit]:
    hits: list[Hit] = []
    service = _service_digits(a)
    for m in _TEN_DIGITS.finditer(text):
        d = "".join(m.groups())
        said_nhs = bool(_NHS_WORD.search(text[max(0, m.start() - 30) : m.start()]))
        if nhs_number.is_valid(d) and (said_nhs or not d.startswith("0")):
            hits.append(Hit("personal_info.nhs_number", chars=m.span(), confidence=0.9))
            taken.append(m.span())
    # POSSIBLE, not VALID: a number shaped like a UK mobile or landline is personal even if
    # its range is unassigned (people mistype, and fictional-looking numbers still expose).
    for pm in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
        if any(s <= pm.start < e for s, e in taken):
            continue
        nat = str(pm.number.national_number)
        if "0" + nat in service or nat in service or len(_DIGIT.findall(pm.raw_string)) < 10:
            continue
        if pm.raw_string.lstrip().lstrip("(")[:1] not in "0+":
            # UK phone numbers are written with a leading 0 or +44; the area code may be
            # bracketed, as in "(01473) 555123" or "(0161) 234 5678".
            continue
        if phonenumbers.is_valid_number(pm.number):
            personal = phonenumbers.number_type(pm.number) in _PERSONAL_TYPES
        else:
            personal = (pm.number.country_code == 44 and nat[:1] in "127"
                        and len(nat) in (9, 10))
        if personal:
            hits.append(Hit("personal_info.phone", chars=(pm.start, pm.end), confidence=0.9))
            taken.append((pm.start, pm.end))
    return hits


def _addresses(text: str) -> list[Hit]:
    hits: list[Hit] = []
    said_address = bool(_ADDRESS_WORDS.search(text))
    for m in _STREET.finditer(text):
        raw = m.group(0).replace(",", " ").split()
        words = [w.lower() for w in raw]
        if len(words) < 3 or _NOT_STREET_WORDS.intersection(words[1:-1]):
            continue
        # "14 Elm Road" is an address; "5 very close friends" needs "I live at" to be one.
        if raw[1][:1].isupper() or said_address:
            hits.append(Hit("personal_info.address", chars=m.span(), confidence=0.8))
    if said_address:
        hits += [Hit("personal_info.address", chars=pc.span(), confidence=0.75)
                 for pc in _POSTCODE.finditer(text)
                 if not any(s <= pc.start() < e for s, e in (h.chars or (0, 0) for h in hits))]
    return hits
