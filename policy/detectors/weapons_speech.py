"""Shapes of weapons speech, read from who does what around a weapon word rather than from
whole phrases: the poster offering one to the readers, getting one past a search, showing off
a new one, or never going out without one.

Each function returns a token span or None; weapons.py turns them into rule hits.
"""

from __future__ import annotations

from policy.detectors.base import Analysis
from policy.detectors.pairing import blocked

Span = tuple[int, int]
SAFE = ("WEAPON_SAFE", "RECOVERY", "REPORT")
# The readers, or anyone, as the ones who would want or need it ("any of you lot want a blade",
# "anybody need a strap").
# A plain "you" is left out: "you need a knife to cut it" is advice, not an offer.
_ASKED = frozenset({"anyone", "anybody", "any", "who", "whoever", "yall", "lot"})
_WANTS = frozenset({"want", "wants", "need", "needs", "after"})
_GETS = frozenset({"get", "sort", "supply", "find", "source", "do"})
_TO_WHOM = frozenset({"you", "your", "anyone", "anybody", "ya"})
_ARTICLE = frozenset({"a", "an", "some", "one", "any", "your", "ur", "his", "her", "my", "new",
                      "real", "proper"})
# Getting something past a search, onto a ward or into a unit unseen.
_SNEAK = frozenset({"sneak", "sneaked", "snuck", "smuggle", "smuggled", "smuggling", "hide",
                    "hid", "hidden", "hiding", "stash", "stashed", "conceal", "concealed"})
_PLACES = frozenset({"ward", "unit", "search", "searches", "security", "scanner", "metal",
                     "detector", "entrance", "bag", "visit", "hospital", "clinic"})
# Showing off: what the poster shows ("look at", "pics", "my collection").
_SHOW = frozenset({"look", "pics", "pic", "photos", "photo", "story", "collection", "arrived",
                   "copped", "dropped", "unboxing", "size", "check"})
# Out and about with it: a habit, not a one-off.
_ROAMING = frozenset({"everywhere", "wherever", "around", "about", "round", "always"})


def _weapons(a: Analysis) -> list[Span]:
    return [(s, e) for s, e in a.get("WEAPON") if not blocked(a, s, SAFE)]


def _before(a: Analysis, s: int, n: int) -> list[str]:
    toks, sents = a.doc.tokens, a.doc.sents
    return [toks[j] for j in range(max(0, s - n), s) if sents[j] == sents[s]]


def offered_to_readers(a: Analysis) -> Span | None:
    """"Any of you lot want a blade?", "anybody need a strap", "I can get your son a knife": a
    weapon the poster puts to the readers as theirs to have."""
    for s, e in _weapons(a):
        before = _before(a, s, 6)
        article = before[-1:] and before[-1] in _ARTICLE
        if not article:
            continue
        near = before[:-1][-4:]
        if _WANTS.intersection(near) and _ASKED.intersection(_before(a, s, 7)):
            return max(0, s - 6), e
        if _GETS.intersection(near) and _TO_WHOM.intersection(near) and (
                "i" in _before(a, s, 7) or "can" in near):
            return max(0, s - 6), e
    return None


def past_the_search(a: Analysis) -> Span | None:
    """"How do I sneak a knife past the search", "managed to get a blade onto the ward", "I'll
    hide a knife in my bag next visit": a weapon got into a ward or past staff unseen."""
    toks, sents = a.doc.tokens, a.doc.sents
    for s, e in _weapons(a):
        lo, hi = a.sentence_range(sents[s])
        window = toks[max(lo, s - 4):min(hi, e + 8)]
        sneaked = _SNEAK.intersection(toks[max(lo, s - 4):s])
        into = any(toks[j] in ("onto", "into", "past", "through") and j + 1 < hi
                   and _PLACES.intersection(toks[j + 1:j + 4]) for j in range(e, min(hi, e + 6)))
        if (sneaked and _PLACES.intersection(window)) or (into and "get" in toks[max(lo, s - 4):s]):
            return s, e
    return None


def shown_off(a: Analysis) -> Span | None:
    """"Just copped a new machete, look at the size of it", "new blade arrived today, pics on
    my story": the poster's new weapon put on show."""
    toks = a.doc.tokens
    for s, e in _weapons(a):
        before = _before(a, s, 3)
        if "new" not in before:
            continue
        lo, hi = a.sentence_range(a.doc.sents[s])
        if _SHOW.intersection(toks[lo:hi]) or _SHOW.intersection(toks[e:e + 8]):
            return s, e
    return None


def never_without(a: Analysis) -> Span | None:
    """"Never leave the house without my knife", "he walks around with a gun in his
    waistband", "takes a knife everywhere": carrying as a habit, said of the poster or
    someone they know."""
    toks = a.doc.tokens
    for s, e in _weapons(a):
        before = _before(a, s, 8)
        if "without" in before[-3:] and ("never" in before or "not" in before):
            return max(0, s - 8), e
        if before[-2:-1] == ["with"] and _ROAMING.intersection(before[-4:-2]):
            return max(0, s - 4), e
        after = toks[e:e + 3]
        if before[-2:-1] in (["takes"], ["take"], ["taking"]) and _ROAMING.intersection(after):
            return s - 2, e
    return None


def glorified(a: Analysis) -> Span | None:
    """"Nothing feels better than holding a loaded gun", "zombie knives are the most beautiful
    things ever made", "a knife is the only thing that earns respect, every lad should carry
    one": a weapon praised, or urged on others, in its sentence."""
    toks = a.doc.tokens
    for s, e in _weapons(a):
        lo, hi = a.sentence_range(a.doc.sents[s])
        for gs, ge in a.get("WEAPON_GLORY"):
            if lo <= gs < hi and not blocked(a, gs, SAFE) and toks[gs - 1:gs] != ["not"]:
                return min(s, gs), max(e, ge)
    return None
