"""Defamation: criminal or professional accusations against a named person.

Never removed automatically: a lead decides, and the post is routed to complaints (or to
safeguarding when it alleges harm to a patient), because it may be a true report.
"""

from __future__ import annotations

import regex

from policy.detectors.base import Analysis, Hit

RULES = ("defamation.criminal_accusation", "defamation.professional_misconduct")

PHRASES: dict[str, tuple[str, ...]] = {
    "ACCUSE_CRIME": (
        "is a paedophile", "is a pedophile", "is a nonce", "is a rapist", "is a thief",
        "is a fraud", "is a criminal", "is a murderer", "is a killer", "is a predator",
        "is a sex offender", "is corrupt", "is a crook", "is a conman", "stole", "steals",
        "stealing", "has been stealing", "embezzled", "embezzling", "fiddles", "fiddling",
        "took bribes", "takes bribes", "bribed", "fraud", "committed fraud", "murdered",
        "raped", "rapes", "molested", "molests", "groomed", "grooms", "grooming",
        "sexually assaulted", "assaulted", "assaults", "abused", "abuses", "abusing",
        "beats patients", "hit patients", "hits patients", "hit a patient", "punched",
        "deals drugs", "dealing drugs", "sells drugs", "is on drugs", "takes drugs",
        "sells patients", "harassed", "stalked", "stalking", "blackmailed", "threatened",
    ),
    "ACCUSE_PRO": (
        "drunk on duty", "drunk at work", "drunk on shift", "drinks on shift",
        "high at work", "on drugs at work", "falsified", "falsifies", "falsifying",
        "forged", "forges", "faked", "fakes", "fabricated", "lied in", "lied on",
        "lies in", "covered up", "covers up", "cover up", "is covering up",
        "should be struck off", "struck off", "should be sacked", "is negligent",
        "negligence", "malpractice", "killed my", "killed a", "let my", "is not qualified",
        "not a real doctor", "fake doctor", "fake nurse", "unqualified", "bought his degree",
        "bought her degree", "sleeps on shift", "sleeping on shift", "is a danger to patients",
        "a danger to patients", "should not be practising", "should not be working",
        "is a racist", "is racist", "is a bully", "bullies patients", "is a sexist",
        "took money", "takes money", "is a disgrace to", "lied to the coroner",
    ),
}

_TITLE = regex.compile(
    r"\b(?i:dr|doctor|nurse|mr|mrs|ms|miss|sister|matron|prof|professor|consultant|cllr|"
    r"councillor|sir|dame|lord|lady|rev|reverend|pc|sgt)\.?\s+[A-Z][a-z'\-]+",
)
_HANDLE = regex.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,15}\b")
_FULL_NAME = regex.compile(r"\b[A-Z][a-z]{2,}\s+[A-Z][a-z]{2,}\b")
_NOT_NAMES = frozenset({"The", "This", "That", "Thank", "Thanks", "Dear", "Please", "Mental",
                        "Health", "Trust", "Hospital", "Ward", "Unit", "Team", "Service",
                        "Crisis", "First", "Response", "Norfolk", "Suffolk", "National",
                        "Foundation", "Customer", "Services", "Patient", "Advice", "Liaison",
                        "Our", "Your", "Their", "His", "Her", "My", "When", "Why", "How",
                        "What", "Who", "Where", "Then", "And", "But", "Not", "All", "Good",
                        "Great", "Happy", "Well", "Very", "Just", "Accident", "Emergency",
                        "Royal", "General", "Queen", "King", "Street", "Road", "Lane"})
_SAFEGUARDING = frozenset({"raped", "rapes", "molested", "molests", "groomed", "grooms",
                           "grooming", "assaulted", "assaults", "abused", "abuses", "abusing",
                           "beats", "hit", "hits", "punched", "paedophile", "pedophile",
                           "nonce", "rapist", "predator", "sex", "harassed", "stalked",
                           "stalking", "bullies", "danger"})


def _name_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _TITLE.finditer(text)]
    spans += [m.span() for m in _HANDLE.finditer(text)]
    for m in _FULL_NAME.finditer(text):
        first, last = m.group(0).split()[:2]
        if first not in _NOT_NAMES and last not in _NOT_NAMES:
            spans.append(m.span())
    return spans


def detect(a: Analysis) -> list[Hit]:
    found = [("defamation.criminal_accusation", s, e) for s, e in a.get("ACCUSE_CRIME")]
    found += [("defamation.professional_misconduct", s, e) for s, e in a.get("ACCUSE_PRO")]
    if not found:
        return []
    names = _name_spans(a.doc.norm.original)
    if not names:
        return []
    doc = a.doc
    hits: list[Hit] = []
    for rule, s, e in sorted(found, key=lambda f: f[1]):
        if doc.quoted[s]:
            continue
        acc_start = doc.original_span(s, e)[0]
        first = _sentence_bounds(a, s)[0]
        # The sentence starts where the previous one ended (a leading "@" is not a token).
        sent_lo = doc.original_span(first - 1, first)[1] if first > 0 else 0
        # The named person comes before the accusation in the same sentence.
        named = [n for n in names if sent_lo <= n[0] < acc_start and acc_start - n[1] <= 80]
        if not named:
            continue
        where = "safeguarding" if _SAFEGUARDING & set(doc.tokens[s:e]) else None
        start, _ = named[-1]
        hits.append(Hit(rule, s, e, 0.7, chars=(start, doc.original_span(s, e)[1]),
                        escalate_to=where))
        break
    return hits


def _sentence_bounds(a: Analysis, s: int) -> tuple[int, int]:
    lo, hi = a.sentence_range(a.doc.sents[s])
    return lo, max(lo + 1, hi)
