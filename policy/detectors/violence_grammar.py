"""Who a violent word's act belongs to, and in what mood: the writer coming armed, an order
to harm oneself, a condition rather than a call, the writer as the one who would suffer. Kept
apart from violence.py so the detector reads as its rules."""

from __future__ import annotations

from policy.detectors.base import Analysis, Hit
from policy.detectors.intent import writer_intends
from policy.detectors.scope import counter_speech, negated
from policy.detectors.targets import is_target

SUBJECTS = frozenset({"i", "me", "myself", "we", "you", "he", "she", "they", "them", "him",
                       "her", "it", "everyone", "someone", "people"})
_CONDITIONAL = frozenset({"if", "when", "whenever", "before", "until", "unless", "once",
                          "after"})
_SELF_INTENT = frozenset({"want", "wanted", "wanting", "thinking", "thought", "tried", "try",
                          "trying", "urge", "urges", "about", "if", "feel", "feeling", "felt",
                          "not", "never", "going", "planning", "plan", "attempt", "considered",
                          "considering", "when", "i"})


def armed_threat(a: Analysis) -> list[Hit]:
    """"I'm coming to the ward with a knife": the writer means to come armed."""
    for s, e in a.get("ARMED"):
        if counter_speech(a, s) or negated(a, s) or not writer_intends(a, s):
            continue
        lo, hi = a.sentence_range(a.doc.sents[s])
        if any(lo <= ps < hi for ps, _ in a.get("PLACE") + a.get("TARGET")):
            return [Hit("violence.threat", s, e, 0.8)]
    return []


def conditional(toks: list[str], lo: int, s: int) -> bool:
    """"if you should die", "when they die": a condition, not a call to harm. "If only
    someone would ..." is a wish, not a condition."""
    return any(t in _CONDITIONAL and not (t == "if" and toks[i + 1 : i + 2] == ["only"])
               for i, t in enumerate(toks[lo:s], lo))


def told_to(a: Analysis, s: int) -> bool:
    """"go kill yourself", "you should kill yourself", "kys": an order, not talk about
    self-harm ("if you want to kill yourself", "enough to kill yourself")."""
    toks = a.doc.tokens
    lo = a.sentence_range(a.doc.sents[s])[0]
    prev = toks[s - 1] if s > lo else ""
    if prev in ("go", "just", "should", "pls", "please", "and", "then", "now", ",", "lol",
                "plz", "must", "gonna"):
        return not _SELF_INTENT.intersection(toks[max(lo, s - 4) : s])
    return s == lo


def self_subject(a: Analysis, s: int) -> bool:
    """The nearest person before the phrase is the writer ("I should die")."""
    toks = a.doc.tokens
    lo = a.sentence_range(a.doc.sents[s])[0]
    for i in range(s - 1, max(lo, s - 6) - 1, -1):
        if toks[i] in ("i", "me", "myself"):
            return True
        if toks[i] in SUBJECTS or is_target(a, i):
            return False
    return False
