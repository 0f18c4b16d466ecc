"""Defamation: allegations of a crime or of professional misconduct about a named or
identifiable person ("Nurse Okafor", "@handle", "the night nurse on Ward 12").

Never removed automatically: a lead decides, and the post is routed to complaints (or to
safeguarding when it alleges harm to a patient), because it may be a true report. A complaint
about how a named member of staff behaved (rude, dismissive, late) is a complaint, not an
allegation.
"""

from __future__ import annotations

import regex

from policy.detectors import rulekit
from policy.detectors.base import Analysis, Hit
from policy.detectors.hate import negated
from policy.wordlists import words

CATEGORY = "defamation"
PHRASES: dict[str, tuple[str, ...]] = {
    "ACCUSE_CRIME": words("accuse_crime"),
    "ACCUSE_PRO": words("accuse_misconduct"),
    "DEFAME_SAFE": words("defamation_safe"),
    "FICTION": words("fiction"),
}

_ROLE = (r"dr|doctor|nurse|mr|mrs|ms|miss|sister|matron|prof|professor|consultant|cllr|"
         r"councillor|sir|dame|lord|lady|rev|reverend|pc|sgt|staff\s+nurse|charge\s+nurse|"
         r"hca|support\s+worker|porter|manager|ward\s+manager|nurse\s+manager|"
         r"estates\s+manager|care\s+coordinator|psychologist|psychiatrist|director\s+of\s+\w+|"
         r"chief\s+executive|healthcare\s+assistant|ward\s+sister|volunteer|neighbour|my\s+ex|"
         r"brother-in-law|mp")
_NOT_NAME = frozenset(w.lower() for w in words("not_a_name", extendable=False))
_TITLED = regex.compile(r"(?i)\b(?:" + _ROLE + r")\.?\s+([a-z][a-z'\-]*)")
_HANDLE = regex.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,15}\b")
_FULL_NAME = regex.compile(r"\b[A-Z][a-z]{2,}\s+[A-Z][a-z']{2,}\b")
# "the night nurse on Ward 12", "the manager of the Lowestoft crisis house".
_IDENTIFIABLE = regex.compile(
    r"(?i)\bthe\s+(?:[\w\-]+\s+){0,2}(?:nurse|manager|consultant|receptionist|matron|"
    r"psychiatrist|psychologist|doctor|sister|coordinator|hca|porter|support\s+worker)\s+"
    r"(?:on|at|of|in|from)\s+(?:the\s+)?[\w']+")
_NOT_NAMES = frozenset({"The", "This", "That", "Thank", "Thanks", "Dear", "Please", "Mental",
                        "Health", "Trust", "Hospital", "Ward", "Unit", "Team", "Service",
                        "Crisis", "First", "Response", "Norfolk", "Suffolk", "National",
                        "Foundation", "Customer", "Services", "Patient", "Advice", "Liaison",
                        "Our", "Your", "Their", "His", "Her", "My", "When", "Why", "How",
                        "What", "Who", "Where", "Then", "And", "But", "Not", "All", "Good",
                        "Great", "Happy", "Well", "Very", "Just", "Accident", "Emergency",
                        "Royal", "General", "Queen", "King", "Street", "Road", "Lane", "News",
                        "Police", "Court", "Former", "Report", "Watching"})
_SAFEGUARDING = frozenset({"raped", "rapes", "molested", "molests", "groomed", "grooms",
                           "grooming", "assaulted", "assaults", "abused", "abuses", "abusing",
                           "beats", "hit", "hits", "punched", "paedophile", "pedophile",
                           "nonce", "rapist", "predator", "sex", "harassed", "stalked",
                           "stalking", "bullies", "danger", "slapped", "slaps", "kicks",
                           "kicked", "strangled", "shoves", "pinches", "gropes", "groped",
                           "touched", "inappropriately", "perv", "paedo", "drags", "violent",
                           "beat", "sleeping", "dirty"})


def _name_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _TITLED.finditer(text) if m.group(1).lower() not in _NOT_NAME]
    spans += [m.span() for m in _HANDLE.finditer(text)]
    spans += [m.span() for m in _IDENTIFIABLE.finditer(text)]
    for m in _FULL_NAME.finditer(text):
        first, last = m.group(0).split()[:2]
        if first not in _NOT_NAMES and last not in _NOT_NAMES:
            spans.append(m.span())
    return spans


def _allegation(a: Analysis, tag: str, rule: str) -> Hit | None:
    found = a.get(tag)
    if not found or a.get("FICTION") or a.get("REPORT"):
        return None
    names = a.notes.get("names")
    if names is None:
        names = a.notes["names"] = _name_spans(a.doc.norm.original)
    if not names:
        return None
    doc = a.doc
    safe = {doc.sents[s] for s, _ in a.get("DEFAME_SAFE")}
    for s, e in found:
        if doc.quoted[s] or doc.sents[s] in safe or negated(a, s, 3):
            continue
        acc_start, acc_end = doc.original_span(s, e)
        first, _ = a.sentence_range(doc.sents[s])
        # The sentence starts where the previous one ended (a leading "@" is not a token).
        sent_lo = doc.original_span(first - 1, first)[1] if first > 0 else 0
        # The person comes before the accusation in the same sentence.
        named = [n for n in names if sent_lo <= n[0] < acc_start and acc_start - n[1] <= 90]
        if not named:
            continue
        where = "safeguarding" if _SAFEGUARDING & set(doc.tokens[s:e]) else None
        return Hit(rule, s, e, 0.7, chars=(named[-1][0], acc_end), escalate_to=where)
    return None


@rulekit.memo
def criminal_accusation(a: Analysis) -> Hit | None:
    """Says a named or identifiable person committed a crime (theft, fraud, assault, abuse).

    Bad: Dr Hargreaves stole money from my dad's account
    Bad: The night nurse on Ward 12 with the red hair stole my dad's watch
    Good: My phone was stolen on the bus
    Good: Sister Blake stole the show at the ward Christmas party with her singing
    """
    return _allegation(a, "ACCUSE_CRIME", "defamation.criminal_accusation")


def professional_misconduct(a: Analysis) -> Hit | None:
    """Says a named or identifiable person is unfit, negligent, drunk at work, or falsified
    records, when no crime is alleged.

    Bad: Dr Pemberton was drunk on duty last night
    Bad: Sister Mahoney falsified my mum's notes
    Good: Nurse Donnelly was rude and dismissive when I asked about my dad's care
    Good: Nurse Harding is not negligent, she's overworked like everyone else
    """
    if criminal_accusation(a) is not None:
        return None
    return _allegation(a, "ACCUSE_PRO", "defamation.professional_misconduct")


RULE_FUNCTIONS = (criminal_accusation, professional_misconduct)
RULES = rulekit.rule_ids(CATEGORY, RULE_FUNCTIONS)


def detect(a: Analysis) -> list[Hit]:
    return rulekit.run(a, RULE_FUNCTIONS)
