"""What around a crisis act changes its meaning: a line reported from a film or book, a
sentence with no writer in it, a service named after "a burden" (a complaint of care), a weapon
for sale or sought, a thing named by a means ("a rope swing"), and getting through the night
thanked for rather than in doubt. Shared by the crisis rules that read acts and indirect signs.
"""

from __future__ import annotations

from policy.detectors.base import FIRST_PERSON, Analysis

# Staff and services after "a burden": a complaint of being made to feel one, not a risk.
_SERVICE = frozenset({"nurse", "nurses", "staff", "doctor", "doctors", "ward", "team",
                      "service", "reception", "receptionist", "gp", "hospital", "nhs",
                      "consultant", "carers", "clinic", "midwife", "midwives"})
# After the means: a thing named by it ("a gun licence", "a rope swing"), not the means.
NOT_MEANS = frozenset({"licence", "license", "shop", "range", "club", "lessons", "swing",
                       "ladder", "course", "lights", "light", "safe", "cabinet", "holder",
                       "organiser", "organizer", "prescription", "review", "box"})


def reported_story(a: Analysis, s: int) -> bool:
    """"In the film he says I am a burden": a line reported from a film or book."""
    sent = a.doc.sents[s]
    return bool(a.in_sent("FICTION", sent)) and any(r < s for r, _ in a.in_sent("REPORT", sent))


def writer_in_sentence(a: Analysis, s: int) -> bool:
    """The writer is in the sentence, or it is short enough to have no subject ("Jumped off
    the bridge in my head again."); "the officer's gun jammed" in a long report is not."""
    lo, hi = a.sentence_range(a.doc.sents[s])
    return bool(FIRST_PERSON.intersection(a.doc.tokens[lo:hi])) or hi - lo <= 8


# Getting through the night is in doubt only when asked for or feared ("I need something to
# get me through the night"); "the nurse helped me get through the night" is thanks.
_NEED = frozenset({"need", "needs", "want", "looking", "search", "searching", "anyone",
                   "someone", "somebody", "how", "can", "could", "will", "might", "try",
                   "trying", "struggle", "struggling", "scared", "afraid", "sure", "whether",
                   "doubt"})
_DONE = frozenset({"helped", "managed", "stayed", "got", "made", "saw", "kept", "did"})


def in_need(a: Analysis, s: int) -> bool:
    toks = a.doc.tokens
    lo = a.sentence_range(a.doc.sents[s])[0]
    before = set(toks[max(lo, s - 10) : s])
    return bool(_NEED & before) and not _DONE & before


# Selling or seeking a weapon ("got a shotgun going spare, cash only", "where can I buy a
# rifle"): the weapons category's, not a means the writer is getting for themselves.
_SALE = frozenset({"sale", "sell", "selling", "spare", "cash", "paperwork", "certificate",
                   "dm", "price", "quid", "cheap", "wtb", "wts"})
_ASKING = frozenset({"where", "who", "anyone", "anybody", "whos"})


def trading(a: Analysis, s: int) -> bool:
    """A sale or a request in the sentence of the act itself."""
    lo, hi = a.sentence_range(a.doc.sents[s])
    return bool(_SALE.intersection(a.doc.tokens[lo:hi])) or a.doc.tokens[lo] in _ASKING


def about_service(a: Analysis, s: int, e: int) -> bool:
    toks = a.doc.tokens
    hi = a.sentence_range(a.doc.sents[s])[1]
    return bool(_SERVICE.intersection(toks[e : min(hi, e + 4)]))
