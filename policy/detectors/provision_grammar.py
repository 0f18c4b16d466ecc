"""Something a patient needed that the service did not have or give: "there were no local
appointments", "no TV on the ward", "the team did not have the right equipment", "not much
choice at breakfast", "a lack of information". Said of a thing a service provides, never of
a fault ("no problems", "no complaints", "no wait" are praise), and not when the provision was
not needed ("no help needed", "I needed no support")."""

from __future__ import annotations

from policy.detectors.base import Analysis, Spans

# What a service provides, whose absence a patient notices.
_PROVISION = frozenset({
    "appointment", "appointments", "bed", "beds", "staff", "staffing", "help", "support",
    "choice", "choices", "information", "info", "parking", "equipment", "tv", "tvs",
    "television", "food", "drinks", "water", "seats", "seating", "chairs", "wifi", "privacy",
    "space", "interpreter", "interpreters", "aftercare", "continuity", "transport", "contact",
    "communication", "explanation", "updates", "update", "wheelchair", "wheelchairs",
    "activities", "therapy", "therapies", "counselling", "doctor", "doctors", "nurse",
    "nurses", "leaflets", "signs", "signage", "toilets", "toilet", "dignity", "consistency",
    "availability", "access", "follow", "referral", "medication", "pain", "relief",
})
# "no pain" is no complaint; "no pain relief" is: these need a following word to count.
_NEEDS_NEXT = {"pain": frozenset({"relief", "killers", "management"}),
               "follow": frozenset({"up"})}
_ADJECTIVES_MAX = 2
_NOT_NEEDED = frozenset({"needed", "necessary", "required", "wanted"})
_NEEDING = frozenset({"need", "needed", "needing", "require", "required", "want", "wanted"})
# The openers of absence.
_NO = frozenset({"no", "lack", "without"})
_NOT_MUCH = (("not", "much"), ("not", "enough"), ("not", "any"), ("did", "not", "have"),
             ("do", "not", "have"), ("does", "not", "have"), ("had", "no"), ("have", "no"),
             ("lack", "of"), ("shortage", "of"), ("very", "little"), ("hardly", "any"))


def unneeded(toks: list[str], s: int, e: int) -> bool:
    """The span is "no <provision>" that was not wanted: "no help needed", "I needed no
    support". "I needed more help" is still missing help."""
    if toks[s] not in ("no", "without"):
        return False
    return (e < len(toks) and toks[e] in _NOT_NEEDED) or (s > 0 and toks[s - 1] in _NEEDING)


def _opener_end(toks: list[str], i: int) -> int:
    """End of an opener of absence at token i, or -1."""
    for words in _NOT_MUCH:
        if tuple(toks[i : i + len(words)]) == words:
            return i + len(words)
    if toks[i] in ("no", "without") and not (i + 1 < len(toks) and toks[i + 1] == ","):
        return i + 1
    return -1


def missing_provision(a: Analysis) -> Spans:
    """Bad: "There were no local appointments and I had to travel to the city"
    Good: "No problems at all, the appointment was on time"
    """
    toks = a.doc.tokens
    n = len(toks)
    spans: Spans = []
    i = 0
    while i < n:
        end = _opener_end(toks, i)
        if end < 0 or (i > 0 and toks[i - 1] in _NEEDING and toks[i] in _NO):
            i += 1
            continue
        j = end
        if j < n and toks[j] in ("the", "a", "an", "any", "proper", "enough"):
            j += 1
        for k in range(j, min(n, j + _ADJECTIVES_MAX + 1)):
            if a.doc.sents[k] != a.doc.sents[i]:
                break
            word = toks[k]
            if word in _PROVISION:
                follow = _NEEDS_NEXT.get(word)
                nxt = toks[k + 1] if k + 1 < n else ""
                if (follow is None or nxt in follow) and nxt not in _NOT_NEEDED:
                    spans.append((i, k + 1))
                break
            if not word.isalpha():
                break
        i = end
    return spans
