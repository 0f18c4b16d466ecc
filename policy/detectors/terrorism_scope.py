"""Scope for terrorism: a word counts unless quoted, negated, or in a sentence that reports,
warns or condemns, and a report or condemnation stops counting once the poster turns against
it ("the BBC calls them terrorists but they were heroes").
"""

from __future__ import annotations

from collections.abc import Iterable

from policy.detectors.base import Analysis
from policy.detectors.hate import negated

SAFE = ("AWARENESS", "REPORT", "TERROR_CONDEMN")

# The poster turning against what they just reported or condemned: "the BBC calls them
# terrorists but they were heroes", "according to the media he was evil, in reality ...".
_TURN = frozenset({"but", "however", "yet", "reality", "actually", "truth", "though"})


def _turned(a: Analysis, cue: tuple[int, int], s: int) -> bool:
    """A report or condemnation at `cue` that the poster turns against before `s`, or denies
    ("I'm not scared to say it")."""
    ts, te = cue
    if ts < s and _TURN.intersection(a.doc.tokens[te:s]):
        return True
    return negated(a, ts, window=3)


def blocked(a: Analysis, s: int, safe: Iterable[str] = SAFE, window: int = 3) -> bool:
    """Quoted, negated, or in a sentence that reports, warns or condemns, unless the poster
    turns against that report or condemnation before the word at `s`."""
    if a.doc.quoted[s] or negated(a, s, window=window):
        return True
    sent = a.doc.sents[s]
    return any(not _turned(a, cue, s) for tag in safe for cue in a.in_sent(tag, sent))


def counter_speech(a: Analysis, s: int) -> bool:
    """Quoted, condemned in the sentence or reported before the word, unless turned against."""
    if a.doc.quoted[s]:
        return True
    sent = a.doc.sents[s]
    if any(not _turned(a, cue, s) for cue in a.in_sent("CONDEMN", sent)):
        return True
    return any(cue[0] < s and not _turned(a, cue, s) for cue in a.in_sent("REPORT", sent))
