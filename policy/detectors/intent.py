"""Who means to do a harmful act: the grammar of a threat, not its words.

A threat is a future act by the writer (first person, or a sentence with no subject that
starts with the intention: "going to bomb your headquarters") or an announced event ("there
will be a bomb at your clinic"), against a person, a body or a place. Or it tells the reader
what will happen to them ("you will die for this").
"""

from __future__ import annotations

from policy.detectors.base import Analysis
from policy.detectors.targets import is_target

_FIRST = frozenset({"i", "we"})
# The intention, between the subject and the act ("I am going to", "we will", "I swear I'll").
INTENT = frozenset({"will", "going", "shall", "gon", "about", "coming", "planning", "plan",
                    "want", "swear", "intend", "gotta", "gonna"})
# Other people who may be the subject of the act; the writer's intention ends at them.
_OTHER_SUBJECTS = frozenset({"he", "she", "they", "you", "it", "people", "someone", "everyone",
                             "nobody"})
# Clause openers after which an earlier subject no longer governs the verb.
_NEW_CLAUSE = frozenset({"if", "when", "whenever", "because", "but", "so", "although",
                         "unless", "until", "before", "after", "once"})
_SKIPPABLE_START = frozenset({"just", "really", "honestly", "seriously", "literally", "and",
                              "then", "so", "now", "next", "soon"})


def _clause_start(toks: list[str], lo: int, s: int) -> int:
    for i in range(s - 1, lo - 1, -1):
        if toks[i] in _NEW_CLAUSE or toks[i] == ",":
            return i + 1
    return lo


def writer_intends(a: Analysis, s: int) -> bool:
    """The act at token `s` is one the writer says they will do: a first-person subject with
    an intention before it in the same clause, no other subject between ("I will find the
    nurse who did this and break her neck"), or a clause that starts with the intention
    itself ("going to stab that receptionist"), or "there will be ..."."""
    toks = a.doc.tokens
    lo = a.sentence_range(a.doc.sents[s])[0]
    start = _clause_start(toks, lo, s)
    span = toks[start:s]
    if not INTENT.intersection(span):
        return False
    first = [i for i, t in enumerate(span) if t in _FIRST]
    if first:
        after_subject = span[first[-1] + 1 :]
        if _OTHER_SUBJECTS.intersection(after_subject[:1]):
            return False
        intent_at = next((i for i, t in enumerate(after_subject) if t in INTENT), None)
        if intent_at is None:
            return False
        # "I'm worried the staff will hurt my mum": another actor is named before the
        # intention, so the intention is theirs, not the writer's.
        offset = start + first[-1] + 1
        return not any(is_target(a, offset + i) for i in range(intent_at))
    i = 0
    while i < len(span) and span[i] in _SKIPPABLE_START:
        i += 1
    head = span[i : i + 2]
    return bool(head) and (head[0] in INTENT or head == ["there", "will"])


_YOU = frozenset({"you", "ya"})


def reader_warned(a: Analysis, s: int) -> bool:
    """"You will die for this", "you are going to get hurt": the reader is told what will
    happen to them (the act at `s` has "you" as its subject and an intention before it)."""
    toks = a.doc.tokens
    lo = a.sentence_range(a.doc.sents[s])[0]
    span = toks[_clause_start(toks, lo, s) : s]
    subjects = [i for i, t in enumerate(span) if t in _YOU or t in _FIRST
                or t in _OTHER_SUBJECTS]
    if not subjects or span[subjects[-1]] not in _YOU:
        return False
    return bool({"will", "going", "gonna"}.intersection(span[subjects[-1] + 1 :]))


# Between a wish and "die": words that leave the wisher the one who dies.
_SOFTENING = frozenset({"just", "really", "so", "actually", "even", "all", "truly", "simply",
                        "honestly", "literally", "sometimes", "often", "still"})
_WANTING = frozenset({"want", "wanted", "wanting", "wants", "wish", "wished", "wishes",
                      "like", "prefer", "rather", "need", "longing", "long"})


def wishes_own_death(toks: list[str], lo: int, s: int) -> bool:
    """"I want to die", "you really want to die", "let me die", "I'd like to be dead": the
    one who wishes is the one who dies, so a wish for one's own death, never a threat; "I want
    you to die" has another person between the wish and the act and stays a threat."""
    before = [t for t in toks[lo:s] if t not in _SOFTENING]
    if before[-1:] == ["be"]:
        before = before[:-1]  # "want to be dead"
    if len(before) >= 2 and before[-1] == "to" and before[-2] in _WANTING:
        return True
    return len(before) >= 2 and before[-2] == "let" and before[-1] in ("me", "myself")


_RELATIVE = frozenset({"who", "that", "which", "whom"})
_PAST_AUX = frozenset({"been", "were", "was"})
_APPROVAL = frozenset({"deserved", "deserve", "deserves", "glad", "serves", "served",
                       "rightly", "riddance"})
_MODAL = frozenset({"should", "must", "ought", "could", "would", "might", "deserve",
                    "deserves", "need", "needs", "will", "shall"})


def harm_suffered(a: Analysis, s: int) -> bool:
    """The harm word at `s` tells what was done to people, in a relative clause in the past
    ("women who have been sexually abused", "patients that were attacked on the ward"): they
    are its victims, and nobody is threatened. "Those who should be shot" is still a call."""
    toks = a.doc.tokens
    lo = a.sentence_range(a.doc.sents[s])[0]
    j = s - 1
    while j > lo and (toks[j].endswith("ly") or toks[j] in ("ever", "once", "all", "also")):
        j -= 1  # "who have been sexually abused", "who were once attacked"
    if j < lo or toks[j] not in _PAST_AUX:
        return False
    clause = toks[max(lo, j - 3) : j]
    rel = [i for i, t in enumerate(clause) if t in _RELATIVE]
    if not rel or _MODAL.intersection(clause[rel[-1] :]):
        return False
    hi = a.sentence_range(a.doc.sents[s])[1]
    return _APPROVAL.isdisjoint(toks[lo:hi])  # "those who were shot deserved it" approves
