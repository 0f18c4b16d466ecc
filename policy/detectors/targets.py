"""Who or what a violent word is aimed at: a person, a group, someone's body, or a place with
people in it. Used by the violence detector; kept apart so each file stays readable."""

from __future__ import annotations

from policy.detectors.base import Analysis

_DETERMINERS = frozenset({"those", "these", "their", "his", "your", "her", "every", "all"})
_BODY = frozenset({"face", "faces", "head", "heads", "neck", "necks", "throat", "throats", "legs",
                   "leg", "teeth", "skull", "skulls", "jaw", "kneecaps", "arms", "nose", "eyes",
                   "brains", "house", "car", "kids", "family", "wife", "husband", "children"})
# Words that follow "her" as an object ("hurt her if", "find her and") rather than a possessive.
_AFTER_OBJECT = frozenset({",", "and", "or", "if", "when", "again", "so", "because", "now",
                           "then", "tonight", "tomorrow", "today", "too", "badly", "bad", "for",
                           "with", "in", "at", "on", "up", "down", "out", "back", "till",
                           "until", "properly", "myself", "first", "next", "soon", "like"})
_ARTICLES = frozenset({"the", "a", "an", "that", "this", "all", "every", "those", "these",
                       "his", "your", "their", "our"})
_EPITHETS = frozenset({"fucking", "bloody", "stupid", "little", "old", "damn", "useless", "fat",
                       "lazy", "new", "whole", "ugly", "smug", "rude", "ignorant", "same",
                       "next", "first", "last", "other", "only", "very"})


def is_target(a: Analysis, i: int) -> bool:
    """Token i starts a person or group target (not "those balloons")."""
    doc = a.doc
    if any(s == i for s, _, _ in a.prefixed("G:")):
        return True
    for s, _ in a.get("TARGET"):
        if s == i:
            if doc.tokens[i] in _DETERMINERS:
                nxt = i + 1
                if doc.tokens[i] == "her" and (
                    nxt >= len(doc.tokens) or doc.sents[nxt] != doc.sents[i]
                    or doc.tokens[nxt] in _AFTER_OBJECT
                ):
                    return True  # "hurt her", "hurt her badly": the object, not "her car"
                return nxt < len(doc.tokens) and (
                    doc.tokens[nxt] in _BODY
                    or any(t == nxt for t, _ in a.get("TARGET"))
                    or any(g == nxt for g, _, _ in a.prefixed("G:"))
                )
            return True
    return False


def target_after(a: Analysis, e: int, limit: int = 5) -> bool:
    """A person, group or someone's body part ("snap that ... neck of yours") follows."""
    toks = a.doc.tokens
    sent = a.doc.sents[e - 1]
    n = len(toks)
    if e < n and toks[e] in _ARTICLES and not is_target(a, e):
        # "burn the leaflets they sent", "get rid of that knife, man": the object is the
        # first noun after the article; a person mentioned later is not it.
        i = e + 1
        adjectives = {g for g, _, _ in a.prefixed("GADJ:")}
        while i < n and (toks[i] in _EPITHETS or i in adjectives) and not is_target(a, i):
            i += 1
        return i < n and a.doc.sents[i] == sent and (is_target(a, i) or toks[i] in _BODY)
    for i in range(e, min(n, e + limit)):
        if a.doc.sents[i] != sent or toks[i] == ",":
            return False  # "murder, et cetera, or you ...": a list, not an object
        if is_target(a, i):
            return True
        if toks[i] in _BODY and toks[i - 1] not in ("my", "our"):
            return True
    return False


def place_after(a: Analysis, e: int, limit: int = 5) -> bool:
    """A place follows ("burn that place down", "torch the ward")."""
    sent = a.doc.sents[e - 1]
    return any(e <= s < e + limit and a.doc.sents[s] == sent for s, _ in a.get("PLACE"))


def target_before(a: Analysis, s: int, limit: int = 7) -> bool:
    sent = a.doc.sents[s]
    return any(a.doc.sents[i] == sent and is_target(a, i) for i in range(max(0, s - limit), s))
