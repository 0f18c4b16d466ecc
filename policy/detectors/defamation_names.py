"""Who an allegation is about: a person named with a title or role ("Nurse Okafor", "my carer
Debbie"), by handle ("@handle"), by full name, or identifiable by role and place ("the night
nurse on Ward 12", "Gary from the estates team")."""

from __future__ import annotations

import regex

from policy.wordlists import words

_ROLE = (r"dr|doctor|nurse|mr|mrs|ms|miss|sister|matron|prof|professor|consultant|cllr|"
         r"councillor|sir|dame|lord|lady|rev|reverend|pc|sgt|staff\s+nurse|charge\s+nurse|"
         r"hca|support\s+worker|porter|manager|ward\s+manager|nurse\s+manager|"
         r"estates\s+manager|care\s+coordinator|psychologist|psychiatrist|director\s+of\s+\w+|"
         r"chief\s+executive|healthcare\s+assistant|ward\s+sister|volunteer|neighbour|my\s+ex|"
         r"brother-in-law|mp")
# Roles that are also said of people in one's own care ("my carer hits me"): a name after
# them counts only when it is written with a capital ("my carer Debbie").
_ROLE_PLAIN = (r"carer|care\s+worker|cleaner|receptionist|therapist|social\s+worker|gp|"
               r"paramedic|physio|pharmacist|teacher|coach|landlord|boss")
_TITLED_PLAIN = regex.compile(r"(?i:\b(?:" + _ROLE_PLAIN + r"))\s+([A-Z][a-z'\-]+)")
_NOT_NAME = frozenset(w.lower() for w in words("not_a_name", extendable=False))
_TITLED = regex.compile(r"(?i)\b(?:" + _ROLE + r")\.?\s+([a-z][a-z'\-]*)")
# "Jenny on reception", "Gary from the estates team", "Sam the HCA", "the HCA called Tony".
_PLACED = regex.compile(
    r"\b[A-Z][a-z]+\s+(?:(?:from|on|at|in)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}"
    r"(?:ward|team|unit|desk|reception|nights|days|office|estates|pharmacy|kitchen)\b|"
    r"the\s+(?:nurse|hca|porter|cleaner|receptionist|carer|manager|doctor|physio)\b)")
_CALLED = regex.compile(r"(?i)\b(?:" + _ROLE + "|" + _ROLE_PLAIN
                        + r")\s+(?:called|named)\s+[a-z]+")
_HANDLE = regex.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,15}\b")
_FULL_NAME = regex.compile(r"\b[A-Z][a-z]{1,}\s+[A-Z][a-z']{2,}\b")
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
def name_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of every name or identifying description in the original text."""
    spans = [m.span() for m in _TITLED.finditer(text) if m.group(1).lower() not in _NOT_NAME]
    spans += [m.span() for m in _TITLED_PLAIN.finditer(text)
              if m.group(1).lower() not in _NOT_NAME and m.group(1) not in _NOT_NAMES]
    spans += [m.span() for m in _HANDLE.finditer(text)]
    spans += [m.span() for m in _IDENTIFIABLE.finditer(text)]
    spans += [m.span() for m in _PLACED.finditer(text) if m.group(0).split()[0] not in _NOT_NAMES]
    spans += [m.span() for m in _CALLED.finditer(text)]
    for m in _FULL_NAME.finditer(text):
        first, last = m.group(0).split()[:2]
        if first not in _NOT_NAMES and last not in _NOT_NAMES:
            spans.append(m.span())
    return spans


