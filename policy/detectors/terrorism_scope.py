"""Scope for terrorism: a word counts unless quoted, negated, or in a sentence that reports,
warns or condemns, and a report or condemnation stops counting once the poster turns against
it ("the BBC calls them terrorists but they were heroes").
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from policy.detectors.base import Analysis
from policy.detectors.hate import negated

# TERROR_MENTION: a slogan or group named rather than used (codes explained in training, a
# question put to the poster by someone who suspects them).
SAFE = ("AWARENESS", "REPORT", "TERROR_CONDEMN", "TERROR_MENTION")
# A sentence set in a year gone by ("Guy Fawkes tried to blow up parliament in 1605", "the
# IRA campaign of the 1970s") tells history, whatever its verbs.
_PAST_YEAR = regex.compile(r"^(?:1[0-9]{3}|200[0-9]|201[0-9])s?$")

# The poster turning against what they just reported or condemned: "the BBC calls them
# terrorists but they were heroes", "according to the media he was evil, in reality ...".
_FIRST = frozenset({"i", "we"})
_TURN = frozenset({"but", "however", "yet", "reality", "actually", "truth", "though"})


def _turned(a: Analysis, cue: tuple[int, int], s: int) -> bool:
    """A report or condemnation at `cue` that the poster turns against before `s`, or denies
    ("I'm not scared to say it")."""
    ts, te = cue
    if ts < s and _TURN.intersection(a.doc.tokens[te:s]):
        return True
    if a.doc.tokens[ts - 1:ts] in (["real"], ["true"]):
        return True  # "the real news from the caliphate": the poster's own claim
    if any(ms <= ts < me for ms, me in a.get("TERROR_MEDIA")):
        return True  # "the sheikh's lecture on jihad": the material itself, not a lesson
    if _FIRST.intersection(a.doc.tokens[max(0, ts - 3):ts]):
        return True  # "I'll say it": the poster's own words, not a report of another's
    return negated(a, ts, window=3)


def blocked(a: Analysis, s: int, safe: Iterable[str] = SAFE, window: int = 3) -> bool:
    """Quoted, negated, or in a sentence that reports, warns or condemns, unless the poster
    turns against that report or condemnation before the word at `s`."""
    if a.doc.quoted[s] or negated(a, s, window=window) or in_history(a, s):
        return True
    sent = a.doc.sents[s]
    return any(not _turned(a, cue, s) for tag in safe for cue in a.in_sent(tag, sent))


def in_history(a: Analysis, s: int) -> bool:
    """The sentence of token `s` names a past year or decade ("in 1605", "in the 1970s")."""
    lo, hi = a.sentence_range(a.doc.sents[s])
    toks = a.doc.tokens
    # "in 1605" or "the 1970s"; "the 2017 bombing was justified" praises a past attack.
    return any(_PAST_YEAR.match(toks[i])
               and (toks[i - 1] == "in" or (toks[i - 1] == "the" and toks[i].endswith("s")))
               for i in range(max(lo, 1), hi))


def counter_speech(a: Analysis, s: int) -> bool:
    """Quoted, condemned in the sentence or reported before the word, unless turned against."""
    if a.doc.quoted[s]:
        return True
    sent = a.doc.sents[s]
    if any(not _turned(a, cue, s) for cue in a.in_sent("CONDEMN", sent)):
        return True
    return any(cue[0] < s and not _turned(a, cue, s) for cue in a.in_sent("REPORT", sent))
